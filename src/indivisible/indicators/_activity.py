"""Notifiable military activity near a state's border over a window (``exercise_personnel_near``).

Formula (``docs/indicators.md``, *Exercises*): for state s, reading r and the exercises X
whose dates overlap the window ``[on - WINDOW_DAYS, on]``::

    exercise_personnel_near[r, s] = Σ_x personnel_r[x] × notifiable_r[x] × near[x, s] × threat[x, s]

* ``notifiable_r[x]``: under reading r the exercise reaches a prior-notification threshold of
  the Vienna Document 2011 (Chapter V: troops, battle tanks, ACV, artillery), read from the
  record on the date (``vienna-document-2011``, clause ``ch-v-notification``); a threshold
  the record does not hold is not applied (the bundled record holds the troop threshold
  only: the others were left out for want of a source read, issue 12);
* ``near[x, s]``: the exercise area (a circle) comes within :data:`NEAR_KM` of the state's
  land territory (bundled polygons, exclaves included): ``max(0, d(centre, territory) − radius)
  <= NEAR_KM``;
* ``threat[x, s]``: s regards some owner of x as a potential threat under the threat reading.

Units: personnel. Direction: higher is less safe. One row, no reading: a disputed figure is
taken as the proximity indicators take it (the ``declared`` reading, else the single value,
else the highest); the dispute itself counts in ``unverified_disputes``.
Assumptions: the exercise's whole figure is placed in its area; the window and the distance
are parameters of this module, stated in every profile's assumptions.

All arrays are ``[exercises × states]``; the sum is one matrix product per reading.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

WINDOW_DAYS = 730
"""Days before the profile date an exercise may have run in and still count (two years: the
Vienna Document's annual calendars look one year ahead, and large exercises on both sides
run every one to four years; a parameter, stated in the assumptions)."""

NEAR_KM = 100.0
"""Distance, km, from a state's land territory within which an exercise area is *near* (the
profile's narrowest proximity band)."""

BEARING_KM = 500.0
"""Distance, km, within which a disputed exercise figure bears on a state (the profile's
widest proximity band; ``unverified_disputes``)."""

VD = "vienna-document-2011"
THRESHOLDS = (
    ("personnel", "notification_troops"),
    ("battle_tanks", "notification_tanks"),
    ("acv", "notification_acv"),
    ("artillery", "notification_artillery"),
)
"""Exercise field and Vienna Document parameter of each prior-notification threshold."""


@dataclass(frozen=True)
class Window:
    """The exercises of a window and their distances to every profiled state.

    Attributes:
        exercises: the exercises overlapping the window, in scenario order.
        km: ``[X, S]`` km from each exercise area's edge to each state's land territory
            (``inf`` where the state has no bundled polygon).
        threat: ``[X, S]`` True where state s regards some owner of x as a threat.
        start: the window's first day.
        on: the profile date (the window's last day).
    """

    exercises: tuple[Any, ...]
    km: FloatArray
    threat: BoolArray
    start: dt.date
    on: dt.date


@functools.lru_cache(maxsize=256)
def _area_km(areas: tuple[tuple[float, float, float], ...], states: tuple[str, ...]) -> FloatArray:
    """``[X, S]`` km from circular areas (lat, lon, radius) to the states' land territory."""
    from indivisible._errors import InputError
    from indivisible.indicators._polygons import distance_to_territory_km

    out = np.full((len(areas), len(states)), np.inf)
    if not areas:
        return out
    lat = np.array([a[0] for a in areas], dtype=np.float64)
    lon = np.array([a[1] for a in areas], dtype=np.float64)
    rad = np.array([a[2] for a in areas], dtype=np.float64)
    for j, s in enumerate(states):
        try:
            d = np.asarray(distance_to_territory_km(lat, lon, s), dtype=np.float64)
        except InputError:  # no bundled polygon for this state: never near
            continue
        out[:, j] = np.maximum(d - rad, 0.0)
    out.setflags(write=False)
    return out


def window(
    scenario: Any,
    on: dt.date,
    states: Sequence[str],
    regards: BoolArray,
    days: int = WINDOW_DAYS,
) -> Window:
    """The exercises overlapping ``[on - days, on]`` with distances and threat relations.

    Args:
        scenario: the scenario.
        on: the profile date.
        states: the profiled states (columns).
        regards: ``[S, S]`` True where state s regards state o as a potential threat.
        days: the window's length in days.
    """
    start = on - dt.timedelta(days=days)
    xs = tuple(x for x in scenario.exercises if x.start <= on and x.end >= start)
    km = _area_km(tuple((x.area.lat, x.area.lon, x.area.radius_km) for x in xs), tuple(states))
    index = {s: i for i, s in enumerate(states)}
    threat = np.zeros((len(xs), len(states)), dtype=bool)
    for i, x in enumerate(xs):
        for o in x.owner:
            j = index.get(o)
            if j is not None:
                threat[i] |= regards[:, j]
                threat[i, j] = False
    return Window(xs, km, threat, start, on)


def reading_names(win: Window) -> list[str | None]:
    """The rows computed: one, under the exercise-figure convention (see :func:`_value`).

    Exercise figures are not range readings: a row per reading name would mix their names
    (``declared``, a party's code) with the range readings that ``assess`` and
    ``negotiate`` evaluate verdicts under. A disputed figure counts in
    ``unverified_disputes`` instead.
    """
    return [None]


def _value(q: Any, name: str | None) -> float:
    """A count under ``name``, else ``declared``, else the single value, else the highest.

    The convention of the proximity indicators; NaN if unreported.
    """
    if q is None:
        return float("nan")
    if not q.disputed:
        return float(q.high)
    if name is not None and name in q.root:
        return float(q.value(name))
    if name is None and "declared" in q.root:
        return float(q.value("declared"))
    return float(q.high)


def thresholds(record: Any, on: dt.date) -> dict[str, float]:
    """The Vienna Document's prior-notification thresholds in force on ``on`` (by field).

    A threshold the record does not hold (left out for want of a source read) is not
    applied: an exercise reaching only such a threshold does not count as notifiable.
    """
    from indivisible._errors import InputError

    out: dict[str, float] = {}
    for field, param in THRESHOLDS:
        try:
            vals = record.parameter_values(VD, param, on)
        except InputError:  # not in the record
            continue
        pv = vals.get(None)
        if pv is not None:
            out[field] = float(pv.value)
    return out


def exercise_personnel_near(
    record: Any, win: Window, names: Sequence[str | None], near_km: float = NEAR_KM
) -> tuple[FloatArray, list[list[str]]]:
    """``[K, S]`` notifiable personnel near each state, and per reading per state the detail.

    A record without the Vienna Document's thresholds counts no exercise as notifiable.
    """
    n_x, n_s = win.km.shape
    limits = thresholds(record, win.on)
    near = (win.km <= near_km) & win.threat  # [X, S]
    out = np.zeros((len(names), n_s))
    details: list[list[str]] = []
    for k, name in enumerate(names):
        pers = np.array([_value(x.personnel, name) for x in win.exercises], dtype=np.float64)
        notif = np.zeros(n_x, dtype=bool)
        for field, limit in limits.items():
            v = np.array([_value(getattr(x, field), name) for x in win.exercises])
            with np.errstate(invalid="ignore"):
                notif |= v >= limit
        counted = near & notif[:, None]
        out[k] = np.nan_to_num(pers) @ counted.astype(np.float64) if n_x else 0.0
        per_state = []
        for s in range(n_s):
            rows = [
                f"{x.id} ({'+'.join(x.owner)}, {x.start.isoformat()} to {x.end.isoformat()}): "
                f"{pers[i]:,.0f} personnel, {win.km[i, s]:.0f} km from the territory"
                for i, x in enumerate(win.exercises)
                if counted[i, s]
            ]
            per_state.append(
                "; ".join(rows)
                or f"no notifiable exercise of a state regarded as a threat within {near_km:g} km"
                f" since {win.start.isoformat()}"
            )
        details.append(per_state)
    return out, details


__all__ = [
    "BEARING_KM",
    "NEAR_KM",
    "WINDOW_DAYS",
    "Window",
    "exercise_personnel_near",
    "reading_names",
    "thresholds",
    "window",
]
