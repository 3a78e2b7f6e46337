r"""Words a regular expression's every match must hold: a cheap test before the search.

A case-insensitive rule such as ``(?:^|[.!?]\s+)(?:photo|image|picture|video)s?…`` cannot
use the regular-expression engine's own fast scan for a literal: it is tried at every
position of the line. Every match of it holds "photo", "image", "picture" or "video", so a
line holding none of them is refused by four substring tests instead. The set is read off
the parsed pattern (:func:`required`): a literal run is required as it is, a sequence
requires what its most selective part requires, an alternation requires one of what each
branch requires, a repeat at least once requires what its body does; anything else (a
character class, an optional part, a look-around) requires nothing. The test is a
necessary condition only: where it passes, the pattern decides.
"""

from __future__ import annotations

import re
from re import _constants as c
from re import _parser
from typing import Any

#: Fewer literals than this, each at least :data:`SHORTEST` characters long, make a test
#: worth running; more (a list of hundreds of verbs) cost more than the search they spare.
MOST = 16
SHORTEST = 3


def required(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    r"""Literals one of which every match of ``pattern`` holds, or None if none is known.

    Meant for patterns without ``re.IGNORECASE`` run on lowered text (the literals are as
    the pattern writes them).

    Examples:
        >>> required(r"(?:^|[.!?]\s+)(?:photo|image)s?\s*:")
        ('image', 'photo')
        >>> required(r"\bback to top\b|^top of (?:the )?page$")
        ('back to top', 'top of ')
        >>> required(r"\b(?:said|told)\b")
        ('said', 'told')
        >>> required(r"[a-z]+") is None
        True
    """
    if flags & re.IGNORECASE:
        return None
    try:
        parsed = _parser.parse(pattern, flags)
    except re.error:
        return None
    found = _sequence(list(parsed))
    if found is None or not found or len(found) > MOST:
        return None
    if any(len(x) < SHORTEST for x in found):
        return None
    return tuple(sorted(found))


def anchored(pattern: str, flags: int = 0) -> bool:
    r"""Whether every way through ``pattern`` opens at the start of the text (``^``, ``\A``).

    Such a pattern fails at once where it does not match: no cheap test spares it anything.
    """
    try:
        items = list(_parser.parse(pattern, flags))
    except re.error:
        return False
    return anchored_items(items)


def _opens_at_start(items: list[tuple[Any, Any]]) -> bool:
    if not items:
        return False
    op, av = items[0]
    if op is c.AT:
        return av in (c.AT_BEGINNING, c.AT_BEGINNING_STRING)
    if op is c.SUBPATTERN:
        return anchored_items(list(av[-1]))
    return False


def anchored_items(items: list[tuple[Any, Any]]) -> bool:
    """:func:`anchored` of parsed items."""
    if len(items) == 1 and items[0][0] is c.BRANCH:
        return all(_opens_at_start(list(b)) for b in items[0][1][1])
    return _opens_at_start(items)


def _sequence(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """What a sequence of parsed items requires: its most selective run or part.

    Adjacent parts that match fixed strings only (a literal, an alternation of literals)
    join into one run of their concatenations: ``(?:afp|ap)/`` requires "afp/" or "ap/".
    """
    candidates: list[frozenset[str]] = []
    run: frozenset[str] | None = None
    for op, av in items:
        exact = _exact(op, av)
        if exact is not None:
            joined = exact if run is None else frozenset(a + b for a in run for b in exact)
            if len(joined) <= MOST:
                run = joined
                continue
            if run is not None:
                candidates.append(run)
            run = exact if len(exact) <= MOST else None
            continue
        if run is not None:
            candidates.append(run)
            run = None
        part = _item(op, av)
        if part is not None:
            candidates.append(part)
    if run is not None:
        candidates.append(run)
    if not candidates:
        return None
    # The most selective: the set whose shortest literal is longest, then the smallest set.
    return max(candidates, key=lambda s: (min(map(len, s)), -len(s)))


def _exact(op: Any, av: Any) -> frozenset[str] | None:
    """The strings a part matches when they are fixed and few (a literal, literals' choice)."""
    if op is c.LITERAL:
        return frozenset({chr(av)})
    if op is c.SUBPATTERN:
        return _exact_sequence(list(av[-1]))
    if op is c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            part = _exact_sequence(list(branch))
            if part is None:
                return None
            out |= part
        return frozenset(out) if len(out) <= MOST else None
    return None


def _exact_sequence(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    out = frozenset({""})
    for op, av in items:
        part = _exact(op, av)
        if part is None:
            return None
        out = frozenset(a + b for a in out for b in part)
        if len(out) > MOST:
            return None
    return out


def _item(op: Any, av: Any) -> frozenset[str] | None:
    if op is c.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            part = _sequence(list(branch))
            if part is None:
                return None
            out |= part
        return frozenset(out)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _sequence(list(av[2]))
    if op is c.ATOMIC_GROUP:
        return _sequence(list(av))
    return None


def by_first_letter(group: str) -> str:
    r"""A group of alternatives ``(?:…|…)`` regrouped by their first letter, same matches.

    The regular-expression engine tries the alternatives of a group one after the other at
    each position; hundreds of speech verbs (``(?:said|says|told|…)``) cost hundreds of
    tries at every word. Grouped by a plain first letter (``(?:s(?:aid|ays)|t(?:old)|…)``),
    a position tries one group. The alternatives that open otherwise (a group, an escape)
    follow the letters' groups; within a group the written order is kept. Meant for lists
    of words, where two alternatives seldom match at one position: a test holds that the
    speech verbs' matches are the same on every corpus document.

    Examples:
        >>> by_first_letter("(?:said|told|says|(?:je|је) rekao)")
        '(?:s(?:aid|ays)|t(?:old)|(?:je|је) rekao)'
        >>> by_first_letter("(?:a|b)c") == "(?:a|b)c"  # not one group: left as written
        True
    """
    if not (group.startswith("(?:") and group.endswith(")")):
        return group
    alternatives = _top_level_alternatives(group[3:-1])
    if alternatives is None:
        return group
    letters: dict[str, list[str]] = {}
    rest: list[str] = []
    for alternative in alternatives:
        first = alternative[:1]
        if first.isalpha() and alternative[1:2] not in ("?", "*", "+", "{"):
            letters.setdefault(first, []).append(alternative[1:])
        else:
            rest.append(alternative)
    parts = [f"{first}(?:{'|'.join(tails)})" for first, tails in letters.items()]
    return "(?:" + "|".join([*parts, *rest]) + ")"


def _brackets_and_bars(source: str) -> list[tuple[int, str]] | None:
    """The ``(``, ``)`` and ``|`` of a pattern's source that are its syntax, with offsets.

    Those escaped or inside a character class are left out (a class's first ``]`` is
    literal: ``[]…]``, ``[^]…]``); None if a class is never closed.
    """
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            first = i + 2 if source[i + 1 : i + 2] == "^" else i + 1
            close = source.find("]", first + 1)
            if close < 0:
                return None
            i = close + 1
            continue
        if char in "()|":
            out.append((i, char))
        i += 1
    return out


def _top_level_alternatives(source: str) -> list[str] | None:
    """``source`` split on its top-level ``|``; None if its brackets do not balance."""
    marks = _brackets_and_bars(source)
    if marks is None:
        return None
    out: list[str] = []
    start, depth = 0, 0
    for i, char in marks:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return None
        elif depth == 0:
            out.append(source[start:i])
            start = i + 1
    if depth:
        return None
    out.append(source[start:])
    return out


def regrouped(source: str) -> str:
    r"""A pattern opened by ``\b(?:…|…)``, its alternatives grouped by first letter.

    Only when every alternative opens with a plain letter: two alternatives that open with
    different letters never match at one position, so the matches are the same
    (:func:`by_first_letter`); otherwise the pattern is returned as written.

    Examples:
        >>> regrouped(r"\b(?:we demand|demands?\b|we insist)\s")
        '\\b(?:w(?:e demand|e insist)|d(?:emands?\\b))\\s'
        >>> regrouped(r"\b(?:(?:the )?parties|each party) shall")  # a group opens one
        '\\b(?:(?:the )?parties|each party) shall'
    """
    if not source.startswith("\\b(?:"):
        return source
    depth, end = 0, None
    for i, char in _brackets_and_bars(source) or []:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == ")" and depth == 0:
            end = i
            break
    if end is None:
        return source
    i = end
    group = source[2 : i + 1]
    alternatives = _top_level_alternatives(group[3:-1])
    if not alternatives or not all(
        a[:1].isalpha() and a[1:2] not in ("?", "*", "+", "{") for a in alternatives
    ):
        return source
    return "\\b" + by_first_letter(group) + source[i + 1 :]
