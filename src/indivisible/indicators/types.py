"""Value types of the indicators room: the decomposed security ``Profile``.

A profile is a tidy table, one row per (state, indicator, reading): no single score. The
columns are fixed (``PROFILE_COLUMNS``) so that other rooms (``assess``) can build on them.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import Any, Final, Literal

import pandas as pd

from indivisible._errors import InputError
from indivisible._numbers import finite_or_none as _num

__all__ = [
    "DIRECTIONS",
    "DRAW_COLUMNS",
    "HIGHER_IS_LESS_SAFE",
    "HIGHER_IS_SAFER",
    "PROFILE_COLUMNS",
    "Direction",
    "Profile",
]

Direction = Literal["higher_is_safer", "higher_is_less_safe"]
"""Which way an indicator points, seen from the state the row is about."""

HIGHER_IS_SAFER: Final = "higher_is_safer"
HIGHER_IS_LESS_SAFE: Final = "higher_is_less_safe"
DIRECTIONS: Final = (HIGHER_IS_SAFER, HIGHER_IS_LESS_SAFE)

PROFILE_COLUMNS: Final = ("state", "indicator", "value", "unit", "direction", "reading", "detail")
"""Columns of ``Profile.table``.

``value`` is a float: ``inf`` where the indicator says "no threat" (a warning time when
nothing reaches), ``NaN`` where it cannot be determined (the reason is in ``detail``).
``reading`` is ``None`` where no disputed input changes the row, else the name of the
reading the row is computed under (one row per reading)."""

DRAW_COLUMNS: Final = ("state", "indicator", "draw", "value")
"""Columns of ``Profile.draws``: one row per (state, indicator, Monte Carlo draw)."""


@dataclass(frozen=True)
class Profile:
    """The decomposed security profile of states on a date.

    Attributes:
        date: the date the profile is computed for (ISO ``YYYY-MM-DD``).
        scenario: the scenario's name.
        table: tidy ``DataFrame`` with ``PROFILE_COLUMNS``.
        draws: ``DataFrame`` with ``DRAW_COLUMNS`` when Monte Carlo draws were asked for,
            else ``None``.
        assumptions: every assumption and fallback the computation made, in words.
        seed: the seed the draws were made with (``None`` when a generator was passed or
            no draws were made).
        rng_state: ``bit_generator.state`` of the generator before the first draw (``None``
            when no draws were made): ``numpy.random.Generator(PCG64())`` with this state
            reproduces the draws.
        ranges: the one reach model: per active strike deployment id, per reading
            (``None``: undisputed), the range in km every range indicator compared with
            distances. Maps and rings draw these, nothing else.
        core: the array core the table's rows were built from
            (``indicators._profile.ValueArrays``, every state profiled, ``None`` for a
            profile built otherwise); read by callers that need values only.

    Examples:
        >>> t = pd.DataFrame([{"state": "POL", "indicator": "alliance_cover", "value": 1.0,
        ...                    "unit": "count", "direction": "higher_is_safer",
        ...                    "reading": None, "detail": "nato"}])
        >>> p = Profile("2022-02-14", "demo", t)
        >>> p.value("POL", "alliance_cover")
        1.0
        >>> p.states, p.indicators
        (('POL',), ('alliance_cover',))
    """

    date: str
    scenario: str
    table: pd.DataFrame
    draws: pd.DataFrame | None = None
    assumptions: list[str] = field(default_factory=list)
    seed: int | None = None
    rng_state: dict[str, Any] | None = None
    ranges: dict[str, dict[str | None, float]] = field(default_factory=dict)
    core: Any = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        missing = [c for c in PROFILE_COLUMNS if c not in self.table.columns]
        if missing:
            raise InputError(f"profile table lacks columns {missing}", field="table")
        bad = set(self.table["direction"]) - set(DIRECTIONS)
        if bad:
            raise InputError(f"unknown direction(s) {sorted(bad)}", field="direction")

    @property
    def states(self) -> tuple[str, ...]:
        """The states in the table, in table order."""
        return tuple(dict.fromkeys(self.table["state"]))

    @property
    def indicators(self) -> tuple[str, ...]:
        """The indicator names in the table, in table order."""
        return tuple(dict.fromkeys(self.table["indicator"]))

    @property
    def readings(self) -> tuple[str, ...]:
        """The reading names that appear in the table (disputed inputs)."""
        return tuple(r for r in dict.fromkeys(self.table["reading"]) if r is not None)

    def rows(self, state: str, indicator: str) -> pd.DataFrame:
        """The rows of one state and indicator (one per reading where disputed)."""
        t = self.table
        return t[(t["state"] == state) & (t["indicator"] == indicator)]

    def value(self, state: str, indicator: str, reading: str | None = None) -> float:
        """The value of one indicator for one state.

        Args:
            state: ISO3 code.
            indicator: indicator name.
            reading: the reading, where the indicator is disputed. Without one, a disputed
                indicator is returned only if every reading gives the same value.

        Raises:
            InputError: no such row, or the value differs between readings and no reading
                was named (the readings are listed).
        """
        rows = self.rows(state, indicator)
        if rows.empty:
            raise InputError(f"no indicator {indicator!r} for {state!r}", field="indicator")
        if reading is not None:
            hit = rows[rows["reading"] == reading]
            if hit.empty:
                hit = rows[rows["reading"].isna()]
            if hit.empty:
                names = ", ".join(str(r) for r in rows["reading"])
                raise InputError(f"no reading {reading!r}; readings: {names}", field="reading")
            return float(hit["value"].iloc[0])
        values = [float(v) for v in rows["value"]]
        first = values[0]
        same = all(v == first or (math.isnan(v) and math.isnan(first)) for v in values)
        if not same:
            names = ", ".join(str(r) for r in rows["reading"])
            raise InputError(
                f"{indicator} of {state} differs between readings: choose one of {names}",
                field="reading",
            )
        return first

    def intervals(self, low: float = 0.05, high: float = 0.95) -> pd.DataFrame:
        """Quantile intervals of the draws: ``state, indicator, low, median, high, mean``.

        Raises:
            InputError: the profile has no draws, or the quantiles are not 0 <= low < high <= 1.
        """
        if self.draws is None:
            raise InputError("the profile has no draws: pass draws=N", field="draws")
        if not 0.0 <= low < high <= 1.0:
            raise InputError(f"expected 0 <= low < high <= 1, got {low}, {high}", field="low")
        g = self.draws.groupby(["state", "indicator"], sort=False)["value"]
        out = pd.DataFrame(
            {
                "low": g.quantile(low),
                "median": g.quantile(0.5),
                "high": g.quantile(high),
                "mean": g.mean(),
            }
        ).reset_index()
        return out

    def to_json(self) -> dict[str, Any]:
        """The JSON contract of ``indivisible profile``.

        ``{"date", "scenario", "profiles": [{"state", "indicators": [{"indicator", "value",
        "unit", "direction", "reading", "detail"}]}], "assumptions", "seed"}``. A value that
        is ``inf`` (no threat) or ``NaN`` (undetermined) is ``null`` with ``"missing":
        "no_threat"`` or ``"undetermined"``. With draws, each indicator that was drawn gets
        ``"interval": {"low", "median", "high", "mean"}`` (5th, 50th, 95th percentiles).
        """
        iv: dict[tuple[str, str], dict[str, float | None]] = {}
        if self.draws is not None:
            for r in self.intervals().to_dict("records"):
                iv[(str(r["state"]), str(r["indicator"]))] = {
                    k: _num(r[k]) for k in ("low", "median", "high", "mean")
                }
        profiles: dict[str, list[dict[str, Any]]] = {}
        for r in self.table.to_dict("records"):
            v = float(r["value"])
            item: dict[str, Any] = {
                "indicator": r["indicator"],
                "value": _num(v),
                "unit": r["unit"],
                "direction": r["direction"],
                "reading": r["reading"],
                "detail": r["detail"],
            }
            if math.isinf(v):
                item["missing"] = "no_threat" if v > 0 else "undetermined"
            elif math.isnan(v):
                item["missing"] = "undetermined"
            if (r["state"], r["indicator"]) in iv:
                item["interval"] = iv[(r["state"], r["indicator"])]
            profiles.setdefault(str(r["state"]), []).append(item)
        return {
            "date": self.date,
            "scenario": self.scenario,
            "profiles": [{"state": s, "indicators": v} for s, v in profiles.items()],
            "assumptions": list(self.assumptions),
            "seed": self.seed,
        }

    def with_table(self, table: pd.DataFrame) -> Profile:
        """A copy with another table (same date, scenario, draws and assumptions)."""
        return dataclasses.replace(self, table=table)
