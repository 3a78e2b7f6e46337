"""'Did you mean' for an unknown id: the closest known ids, as one clause to append.

Two spellings, one for each kind of message: :func:`did_you_mean` quotes the ids (the
command line's messages), :func:`hint` does not (the loaders' located messages).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(word: str, known: Iterable[str], n: int = 3) -> str:
    """``"; did you mean 'POL'?"`` for a near miss, else ``""``.

    Matching ignores case, so ``pol`` suggests ``POL``.

    Examples:
        >>> did_you_mean("inf-1978", ["inf-1987", "abm-1972", "cfe-1990"])
        "; did you mean 'inf-1987'?"
        >>> did_you_mean("zzz", ["POL", "RUS"])
        ''
    """
    choices = {k.lower(): k for k in known}
    close = difflib.get_close_matches(word.lower(), list(choices), n=n, cutoff=0.6)
    return f"; did you mean {' or '.join(repr(choices[c]) for c in close)}?" if close else ""


def hint(value: str, known: Iterable[str]) -> str:
    """``"; did you mean ROU or ARM?"`` for a near miss (ids unquoted), else ``""``.

    The two closest ids; a code given in the wrong case suggests its upper-case form.

    Examples:
        >>> hint("ROM", ["ROU", "ARM", "POL"])
        '; did you mean ROU or ARM?'
        >>> hint("pol", ["POL", "RUS"])
        '; did you mean POL?'
        >>> hint("zzz", ["POL"])
        ''
    """
    ids = list(known)
    close = difflib.get_close_matches(value, ids, n=2, cutoff=0.6)
    if not close and value.upper() in ids:
        close = [value.upper()]
    return f"; did you mean {' or '.join(close)}?" if close else ""
