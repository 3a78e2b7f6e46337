"""Proximity: non-allied combat personnel and equipment near a state's territory.

Indicators ``proximity_personnel_{b}km`` and ``proximity_tle_{b}km`` for each band b
(default 100, 300 and 500 km; cumulative: an entry within 100 km counts in every band)::

    personnel_b[s] = Σ_e personnel_e · [hostile(e, s)] · [dist(e, territory(s)) <= b]
    tle_b[s]       = Σ_e (tanks_e + acv_e + artillery_e) · [hostile(e, s)] · [dist <= b]

over the entries e active on the date: forces stationed abroad with role ``combat`` (their
``site``; without one, the host's capital as a stand-in, listed in the assumptions) and
exercises (their area's centre). ``hostile(e, s)``: some owner of e is neither s nor an ally
of s. ``dist`` is the WGS84 geodesic distance to the nearest point of s's land territory
(``distance_to_territory_km``; 0 inside). Exercise counts are taken under the ``declared``
reading, else the single value, else (disputed) the highest reading, listed in the
assumptions. Stationed forces carry no equipment counts in the scenario model, so
``tle`` counts exercise equipment only. Higher is less safe.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from indivisible._errors import InputError
from indivisible.indicators._polygons import distance_to_territory_km, load_countries

__all__ = ["DEFAULT_BANDS_KM", "proximity"]

DEFAULT_BANDS_KM: tuple[float, ...] = (100.0, 300.0, 500.0)

_DEGREE_OF_LATITUDE_KM = 110.57
"""Shortest length of one degree of latitude on WGS84 (at the equator), km: a lower bound on
the geodesic distance between two latitudes, used to skip distant polygons."""


def _count(readings: Any, name: str, assumptions: list[str], what: str) -> float:
    if readings is None:
        return 0.0
    if "declared" in readings.root:
        return float(readings.value("declared"))
    if not readings.disputed:
        return float(readings.value())
    assumptions.append(f"{what}: disputed {name}; the highest reading ({readings.high:g}) is used")
    return float(readings.high)


def _bands(bands_km: Sequence[float]) -> tuple[float, ...]:
    out = tuple(float(b) for b in bands_km)
    if not out or any(not np.isfinite(b) or b < 0 for b in out):
        raise InputError(f"bands must be distances >= 0 km, got {list(bands_km)}", field="bands")
    if list(out) != sorted(set(out)):
        raise InputError(f"bands must increase strictly, got {list(out)}", field="bands")
    return out


def proximity(
    record: Any,
    scenario: Any,
    on: Any,
    states: tuple[str, ...],
    allied: np.ndarray,
    bands_km: Sequence[float] = DEFAULT_BANDS_KM,
) -> tuple[dict[str, np.ndarray], list[list[tuple[str, float]]], list[str]]:
    """Proximity sums per band and state.

    Returns:
        ``({"personnel_<b>km": [S], "tle_<b>km": [S], ...}, near, assumptions)``: ``near``
        holds per state the hostile entries within the widest band, as ``(id, km)`` in
        scenario order (the distance as a number: the rows' detail filters on it per band).
    """
    bands = _bands(bands_km)
    assumptions: list[str] = []
    index = {s: i for i, s in enumerate(states)}
    lat: list[float] = []
    lon: list[float] = []
    pers: list[float] = []
    tle: list[float] = []
    owners: list[tuple[str, ...]] = []
    ids: list[str] = []
    for f in scenario.forces_on(on):
        if f.role != "combat":
            continue
        if f.site is not None:
            la, lo = f.site.lat, f.site.lon
        else:
            cap = record.states[f.host].capital
            la, lo = cap.lat, cap.lon
            assumptions.append(f"force {f.id}: no site; {f.host}'s capital stands in")
        lat.append(la)
        lon.append(lo)
        pers.append(float(f.personnel))
        tle.append(0.0)
        owners.append(tuple(f.owner))
        ids.append(f.id)
    for e in scenario.exercises_on(on):
        what = f"exercise {e.id}"
        lat.append(e.area.lat)
        lon.append(e.area.lon)
        pers.append(_count(e.personnel, "personnel", assumptions, what))
        tle.append(
            sum(
                _count(getattr(e, k), k, assumptions, what)
                for k in ("battle_tanks", "acv", "artillery")
            )
        )
        owners.append(tuple(e.owner))
        ids.append(e.id)
    n_s = len(states)
    n_e = len(ids)
    hostile = np.zeros((n_e, n_s), dtype=bool)
    for k, own in enumerate(owners):
        for o in own:
            row = np.ones(n_s, dtype=bool)
            if o in index:
                row = ~allied[index[o]]
                row[index[o]] = False
            hostile[k] |= row
    dist = np.full((n_e, n_s), np.inf)
    la_a = np.asarray(lat, dtype=np.float64)
    lo_a = np.asarray(lon, dtype=np.float64)
    countries = load_countries()
    top = bands[-1]
    have = np.array([s in countries for s in states], dtype=bool)
    for si, s in enumerate(states):
        if not have[si]:
            assumptions.append(f"{s}: no territory polygon; proximity not measured")
            dist[:, si] = np.nan
    if n_e and have.any():
        # latitude screen, all pairs at once: an entry farther in latitude from a state's
        # territory than the widest band cannot lie within it
        import shapely

        miny = np.full(n_s, np.nan)
        maxy = np.full(n_s, np.nan)
        idx = np.flatnonzero(have)
        box = shapely.bounds(np.array([countries[states[i]].geometry for i in idx.tolist()]))
        miny[idx], maxy[idx] = box[:, 1], box[:, 3]
        gap = (
            np.maximum(
                np.maximum(miny[None, :] - la_a[:, None], la_a[:, None] - maxy[None, :]), 0.0
            )
            * _DEGREE_OF_LATITUDE_KM
        )
        todo = hostile & (gap <= top) & have[None, :]
        for si in np.flatnonzero(todo.any(axis=0)).tolist():
            rows = np.flatnonzero(todo[:, si])
            dist[rows, si] = distance_to_territory_km(la_a[rows], lo_a[rows], states[si])
    out: dict[str, np.ndarray] = {}
    p = np.asarray(pers, dtype=np.float64)
    t = np.asarray(tle, dtype=np.float64)
    nan_col = np.isnan(dist).any(axis=0)
    for b in bands:
        within = hostile & (dist <= b)
        out[f"personnel_{b:g}km"] = p @ within if n_e else np.zeros(n_s)
        out[f"tle_{b:g}km"] = t @ within if n_e else np.zeros(n_s)
        out[f"personnel_{b:g}km"][nan_col] = np.nan
        out[f"tle_{b:g}km"][nan_col] = np.nan
    near_top = hostile & (dist <= top)
    any_near = set(np.flatnonzero(near_top.any(axis=0)).tolist())
    near = [
        [(ids[k], float(dist[k, si])) for k in np.flatnonzero(near_top[:, si]).tolist()]
        if si in any_near
        else []
        for si in range(n_s)
    ]
    return out, near, assumptions
