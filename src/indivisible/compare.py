"""The comparison of two profiles: tolerance, deltas, outcomes and verdicts.

Below both ``rules`` (the per-entry "not at the expense of others" test) and ``assess`` (the
indivisibility test), so that neither imports the other for it: both read the same
definitions of when a change counts (:class:`Tolerance`), what changed (:class:`Delta`,
:func:`deltas`), a state's outcome (:func:`outcome`) and a pair's verdict
(:func:`verdict_of`, :data:`VERDICT_TABLE`). Formulas: ``docs/assessment.md``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, get_args

import numpy as np

from indivisible._numbers import json_number as _num

if TYPE_CHECKING:
    import pandas as pd

Outcome = Literal["gain", "loss", "neutral", "mixed"]
"""What an action does to one state over its indicators (see :func:`outcome`)."""

OUTCOMES: tuple[Outcome, ...] = ("gain", "loss", "neutral", "mixed")

VerdictKind = Literal[
    "mutual_gain",
    "at_expense",
    "mutual_loss",
    "neutral",
    "actor_gains",
    "other_gains",
    "actor_loses",
    "other_loses",
    "at_own_expense",
    "mixed",
]
"""The verdict for an ordered pair (actor, other); see :data:`VERDICT_TABLE`."""

VERDICTS: tuple[VerdictKind, ...] = get_args(VerdictKind)

VERDICT_TABLE: dict[tuple[Outcome, Outcome], VerdictKind] = {
    ("gain", "gain"): "mutual_gain",
    ("gain", "loss"): "at_expense",
    ("loss", "loss"): "mutual_loss",
    ("neutral", "neutral"): "neutral",
    ("gain", "neutral"): "actor_gains",
    ("neutral", "gain"): "other_gains",
    ("loss", "neutral"): "actor_loses",
    ("neutral", "loss"): "other_loses",
    ("loss", "gain"): "at_own_expense",
}
"""(actor outcome, other outcome) → verdict; any pair with a ``mixed`` side is ``mixed``."""


@dataclass(frozen=True)
class Tolerance:
    """When a change counts: ``|change| > max(absolute, relative × |before|)``.

    A change within the tolerance is no change (``better`` is ``None``). ``per_indicator``
    overrides ``(relative, absolute)`` for named indicators.

    Examples:
        >>> t = Tolerance(relative=0.01, absolute=0.0)
        >>> t.within("x", 100.0, 1.0), t.within("x", 100.0, 1.5)
        (True, False)
    """

    relative: float = 0.01
    absolute: float = 1e-9
    per_indicator: Mapping[str, tuple[float, float]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name, (rel, ab) in [("default", (self.relative, self.absolute)), *self._items()]:
            if not (rel >= 0 and ab >= 0 and math.isfinite(rel) and math.isfinite(ab)):
                raise ValueError(
                    f"tolerance {name!r}: relative and absolute must be finite and >= 0, "
                    f"got {rel!r}, {ab!r}"
                )

    def _items(self) -> list[tuple[str, tuple[float, float]]]:
        return list(self.per_indicator.items())

    def bound(self, indicator: str, before: float) -> float:
        """The largest change (in the indicator's unit) still counted as no change."""
        rel, ab = self.per_indicator.get(indicator, (self.relative, self.absolute))
        base = abs(before) if math.isfinite(before) else 0.0
        return max(ab, rel * base)

    def bounds(self, indicator: str, before: np.ndarray) -> np.ndarray:
        """:meth:`bound` elementwise over an array of values before (NaN or infinite: 0)."""
        rel, ab = self.per_indicator.get(indicator, (self.relative, self.absolute))
        base = np.where(np.isfinite(before), np.abs(before), 0.0)
        with np.errstate(over="ignore"):  # rel x a huge value is inf, as in ``bound``
            return np.maximum(rel * base, ab)

    def within(self, indicator: str, before: float, change: float) -> bool:
        """Whether ``change`` is within the tolerance of ``indicator`` at ``before``."""
        return abs(change) <= self.bound(indicator, before)

    def to_json(self) -> dict[str, Any]:
        """The tolerance as JSON."""
        return {
            "relative": self.relative,
            "absolute": self.absolute,
            "per_indicator": {
                k: {"relative": r, "absolute": a} for k, (r, a) in self.per_indicator.items()
            },
        }


@dataclass(frozen=True)
class Delta:
    """The change of one indicator of one state (under one reading) from baseline to action.

    Attributes:
        state: ISO3 code.
        indicator: indicator name (from the profile).
        unit: the indicator's unit.
        direction: ``higher_is_safer`` or ``higher_is_less_safe``.
        reading: the reading the values are under (``None``: undisputed).
        before: value in the baseline.
        after: value after the action.
        change: ``after - before`` (``NaN`` when a side is missing).
        better: ``True`` if the state is safer on this indicator beyond the tolerance,
            ``False`` if less safe, ``None`` if the change is within the tolerance or
            cannot be signed.
        tolerance: the bound used (same unit as the indicator).
    """

    state: str
    indicator: str
    unit: str
    direction: str
    reading: str | None
    before: float
    after: float
    change: float
    better: bool | None
    tolerance: float

    def to_json(self) -> dict[str, Any]:
        """The delta as the JSON contract's mapping (``"inf"`` for infinity, NaN as ``null``)."""
        return {
            "state": self.state,
            "indicator": self.indicator,
            "before": _num(self.before),
            "after": _num(self.after),
            "change": _num(self.change),
            "better": self.better,
            "unit": self.unit,
            "direction": self.direction,
            "reading": self.reading,
            "tolerance": self.tolerance,
        }


def outcome(better: Iterable[bool | None]) -> Outcome:
    """A state's outcome from its indicators' ``better`` flags.

    Examples:
        >>> outcome([True, None]), outcome([False]), outcome([True, False]), outcome([None])
        ('gain', 'loss', 'mixed', 'neutral')
    """
    flags = list(better)
    up = any(b is True for b in flags)
    down = any(b is False for b in flags)
    if up and down:
        return "mixed"
    if up:
        return "gain"
    if down:
        return "loss"
    return "neutral"


def verdict_of(actor: Outcome, other: Outcome) -> VerdictKind:
    """The verdict for (actor, other) outcomes.

    Examples:
        >>> verdict_of("gain", "loss"), verdict_of("neutral", "loss"), verdict_of("mixed", "gain")
        ('at_expense', 'other_loses', 'mixed')
    """
    return VERDICT_TABLE.get((actor, other), "mixed")


def _sign(change: np.ndarray, bound: np.ndarray, safer_up: np.ndarray) -> np.ndarray:
    """+1 safer, -1 less safe, 0 within tolerance or unsignable (NaN), as int8."""
    with np.errstate(invalid="ignore"):
        # inf - finite is a signed infinite change (something now reaches, or no longer
        # does); inf - inf and anything with NaN is NaN: no signed change.
        moved = ~np.isnan(change) & (np.abs(change) > bound)
        up = change > 0
    s = np.where(up == safer_up, 1, -1).astype(np.int8)
    return np.where(moved, s, 0).astype(np.int8)


def _reading(x: Any) -> str | None:
    if x is None or (isinstance(x, float) and math.isnan(x)) or x is getattr(np, "nan", None):
        return None
    try:
        import pandas as pd

        if pd.isna(x):
            return None
    except (TypeError, ValueError):
        pass
    text = str(x)
    return text or None


@dataclass(frozen=True)
class _Row:
    unit: str
    direction: str
    value: float


def _rows(table: pd.DataFrame) -> dict[tuple[str, str, str | None], _Row]:
    out: dict[tuple[str, str, str | None], _Row] = {}
    has_reading = "reading" in table.columns
    for rec in table.to_dict("records"):
        key = (
            str(rec["state"]),
            str(rec["indicator"]),
            _reading(rec["reading"]) if has_reading else None,
        )
        v = rec["value"]
        out[key] = _Row(
            unit=str(rec.get("unit", "")),
            direction=str(rec["direction"]),
            value=float(v) if v is not None and not _isna(v) else math.nan,
        )
    return out


def _isna(v: Any) -> bool:
    try:
        import pandas as pd

        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _align_readings(
    x: dict[tuple[str, str, str | None], _Row], y: dict[tuple[str, str, str | None], _Row]
) -> dict[tuple[str, str, str | None], _Row]:
    """Give ``x`` a row under each reading ``y`` has, from ``x``'s undisputed row.

    A profile without a disputed range has one undisputed row per indicator; the profile
    with one has a row per reading. The undisputed value holds under every reading, so it
    is compared with each of them (and not left unmatched).
    """
    out = dict(x)
    named_in_y = {(s, i) for s, i, r in y if r is not None}
    for s, i, r in y:
        if r is not None and (s, i, r) not in out and (s, i, None) in out:
            out[(s, i, r)] = out[(s, i, None)]
    for s, i, r in x:
        if r is None and (s, i) in named_in_y and (s, i, None) not in y:
            del out[(s, i, None)]
    return out


def deltas(before: pd.DataFrame, after: pd.DataFrame, tolerance: Tolerance) -> tuple[Delta, ...]:
    """Per (state, indicator, reading) the change between two profile tables.

    A row present in only one table gets ``NaN`` on the other side and ``better=None``.
    """
    return deltas_of_rows(_rows(before), _rows(after), tolerance)


def signed_changes(
    before: dict[tuple[str, str, str | None], _Row],
    after: dict[tuple[str, str, str | None], _Row],
    tolerance: Tolerance,
) -> tuple[
    list[tuple[str, str, str | None]], list[_Row], list[float], list[float], list[float], list[int]
]:
    """The steps of :func:`deltas_of_rows` before its ``Delta`` objects, as parallel lists.

    Keys (sorted), the row giving unit and direction, values before and after, tolerance
    bounds and signs (+1 safer, -1 less safe, 0 within the tolerance or unsignable).
    """
    b, a = _align_readings(before, after), _align_readings(after, before)
    keys = sorted(set(b) | set(a), key=lambda k: (k[0], k[1], k[2] or ""))
    metas, vbs, vas, bounds = [], [], [], []
    for key in keys:
        rb, ra = b.get(key), a.get(key)
        meta = rb or ra
        assert meta is not None
        vb = rb.value if rb is not None else math.nan
        metas.append(meta)
        vbs.append(vb)
        vas.append(ra.value if ra is not None else math.nan)
        bounds.append(tolerance.bound(key[1], vb))
    with np.errstate(invalid="ignore"):
        changes = np.subtract(vas, vbs, dtype=float)
    signs: list[int] = _sign(
        changes,
        np.asarray(bounds, dtype=float),
        np.asarray([m.direction == "higher_is_safer" for m in metas], dtype=bool),
    ).tolist()
    return keys, metas, vbs, vas, bounds, signs


def deltas_of_rows(
    before: dict[tuple[str, str, str | None], _Row],
    after: dict[tuple[str, str, str | None], _Row],
    tolerance: Tolerance,
) -> tuple[Delta, ...]:
    """``deltas`` on rows keyed by (state, indicator, reading), without the tables."""
    keys, metas, vbs, vas, bounds, signs = signed_changes(before, after, tolerance)
    out = [
        Delta(
            state=key[0],
            indicator=key[1],
            unit=meta.unit,
            direction=meta.direction,
            reading=key[2],
            before=vb,
            after=va,
            change=va - vb,
            better=None if s == 0 else s > 0,
            tolerance=bound,
        )
        for key, meta, vb, va, bound, s in zip(keys, metas, vbs, vas, bounds, signs, strict=True)
    ]
    return tuple(out)


__all__ = [
    "OUTCOMES",
    "VERDICTS",
    "VERDICT_TABLE",
    "Delta",
    "Outcome",
    "Tolerance",
    "VerdictKind",
    "deltas",
    "deltas_of_rows",
    "outcome",
    "signed_changes",
    "verdict_of",
]
