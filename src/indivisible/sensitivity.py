"""Which single assumption would flip a verdict: one change at a time, ``robust`` or ``knife-edge``.

Shared by ``assess`` (per pair verdict), ``negotiate`` (per bundle: compatible or not) and
``dynamics`` (per run ensemble: its most frequent outcome). Each caller lists the
assumptions it can vary as *alternatives* (a kind, a value, and how to recompute the
verdict with only that assumption changed); :func:`one_at_a_time` recomputes each and
reports those that give another verdict. A verdict no single alternative flips is
``robust``; one that some alternative flips is ``knife-edge``. Kinds used
(``docs/assessment.md``, *Sensitivity*): ``threat_reading``, ``range_reading`` (or
``reading``), ``indicator`` (left out), ``weight`` (set to 0), ``tolerance`` (×10, ×0.1),
``threshold`` (a party's response threshold ×10, ×0.1) and ``site`` (one entry removed).

Also the Wilson score interval of a share of draws (:func:`wilson_interval`), used where a
verdict or a probability comes from Monte Carlo draws.

Below ``assess``, ``negotiate`` and ``dynamics``; imports none of them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable
from typing import Any

WILSON_Z = 1.959963984540054
"""z of a two-sided 95 % interval."""

LABELS = ("robust", "knife-edge")
"""The labels of a verdict: no single assumption flips it, or some does."""

Alternative = tuple[str, str, Callable[[], Hashable | None]]
"""``(assumption kind, value, verdict under it)``; a verdict of ``None`` means the
alternative does not apply (it is skipped)."""


def wilson_interval(successes: int, n: int, z: float = WILSON_Z) -> tuple[float, float]:
    """The Wilson score interval of a proportion ``successes / n`` (95 % by default).

    Examples:
        >>> [round(x, 3) for x in wilson_interval(10, 20)]
        [0.299, 0.701]
        >>> [round(x, 3) for x in wilson_interval(20, 20)]
        [0.839, 1.0]
    """
    if n <= 0:
        return (0.0, 1.0)
    p = successes / n
    denom = 1.0 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def label(flips: Iterable[Any]) -> str:
    """``knife-edge`` when some single assumption flips the verdict, else ``robust``."""
    return LABELS[1] if any(True for _ in flips) else LABELS[0]


def one_at_a_time(
    verdict: Hashable, alternatives: Iterable[Alternative]
) -> tuple[str, list[dict[str, Any]]]:
    """The label of ``verdict`` and the alternatives that flip it.

    Args:
        verdict: the verdict under the assumptions as run.
        alternatives: each ``(kind, value, recompute)``; ``recompute()`` gives the verdict
            with only that assumption changed (``None``: not applicable, skipped).

    Returns:
        ``(label, flips)``, each flip ``{"assumption", "value", "verdict"}`` in the order
        given.

    Examples:
        >>> one_at_a_time("ok", [("tolerance", "x10", lambda: "ok"),
        ...                      ("weight", "RUS:a", lambda: "not ok")])
        ('knife-edge', [{'assumption': 'weight', 'value': 'RUS:a', 'verdict': 'not ok'}])
        >>> one_at_a_time("ok", [])
        ('robust', [])
    """
    flips: list[dict[str, Any]] = []
    for kind, value, recompute in alternatives:
        alt = recompute()
        if alt is not None and alt != verdict:
            flips.append({"assumption": kind, "value": value, "verdict": alt})
    return label(flips), flips


__all__ = ["LABELS", "WILSON_Z", "Alternative", "label", "one_at_a_time", "wilson_interval"]
