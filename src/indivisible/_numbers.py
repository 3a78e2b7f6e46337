"""Numbers as the outputs write them: JSON values and explain-line text, defined once.

JSON has neither NaN nor infinity. An infinite value is meaningful in this package (no
threat in range: an infinite warning time), so JSON outputs write it as the text ``"inf"``
or ``"-inf"``; NaN (not computable) is ``null``. Tables whose columns must stay numeric
write ``null`` for both (:func:`finite_or_none`).
"""

from __future__ import annotations

import math
from typing import Any


def json_number(x: float) -> float | str | None:
    """A JSON value: ``"inf"``/``"-inf"`` for infinities, ``None`` for NaN.

    Examples:
        >>> json_number(2), json_number(float("inf")), json_number(float("nan"))
        (2.0, 'inf', None)
    """
    if math.isnan(x):
        return None
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return float(x)


def finite_or_none(value: Any) -> float | None:
    """A finite float, or ``None`` for NaN and infinities.

    Examples:
        >>> finite_or_none("1.5"), finite_or_none(float("-inf"))
        (1.5, None)
    """
    v = float(value)
    return v if math.isfinite(v) else None


def number_text(x: float) -> str:
    """A number in an explain line: ``%g``, ``inf``/``-inf``, ``undetermined`` for NaN.

    Examples:
        >>> number_text(1200.0), number_text(float("inf")), number_text(float("nan"))
        ('1200', 'inf', 'undetermined')
    """
    if math.isnan(x):
        return "undetermined"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return f"{x:g}"
