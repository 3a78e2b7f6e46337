"""Reach: can a system at a site strike a state's territory? (distance to the territory).

The distance is the geodesic (WGS84) distance from the site to the nearest point of the
target state's land territory, from the indicators room
(:func:`indivisible.indicators.distance_to_territory_km`, over the shipped Natural Earth
polygons; 0 inside the territory; the outline is within 2.3 km of Natural Earth 1:10m). A
range at or above that distance reaches the territory; a shorter one does not. A target
with no bundled territory falls back to its capital, which only bounds the answer: a range
at or above the capital distance reaches; a shorter one is ``None`` (cannot tell).

Distances depend only on the site and the target, so they are computed once per (site,
target) and memoised (:func:`territory_km`): the range mode evaluates many dates but
computes each distance once. The indicators room (pyproj, shapely, pandas) is imported on
first use, so a check with no reach question never loads it.
"""

from __future__ import annotations

from functools import lru_cache

from indivisible.rules.types import Call


@lru_cache(maxsize=4096)
def territory_km(lat: float, lon: float, iso3: str) -> float | None:
    """Geodesic km from a point to ``iso3``'s territory (``None``: no bundled territory)."""
    from indivisible._errors import InputError
    from indivisible.indicators import distance_to_territory_km

    try:
        return float(distance_to_territory_km(lat, lon, iso3))
    except InputError:
        return None


@lru_cache(maxsize=4096)
def _capital_km(lat: float, lon: float, clat: float, clon: float) -> float:
    from indivisible.indicators import distance_km

    return float(distance_km(lat, lon, clat, clon))


def capital_km(call: Call, lat: float, lon: float, state: str) -> float | None:
    """Geodesic (WGS84) distance in km from a point to ``state``'s capital (``None``: unknown)."""
    st = call.ctx.record.states.get(state)
    if st is None:
        return None
    return _capital_km(lat, lon, st.capital.lat, st.capital.lon)


@lru_cache(maxsize=4096)
def _screen_km(lat: float, lon: float, iso3: str) -> float | None:
    """A lower bound of the distance to ``iso3``'s territory (``None``: no bundled territory).

    :func:`indivisible.indicators._polygons.territory_lower_bound_km`: 0 inside, else the
    nearest outline edge's bound on the sphere, less the sphere's error and the edge's
    half-length; no projection.
    """
    from indivisible._errors import InputError
    from indivisible.indicators._polygons import territory_lower_bound_km

    try:
        return territory_lower_bound_km(lat, lon, iso3)
    except InputError:
        return None


def nearest(call: Call, lat: float, lon: float, targets: list[str]) -> tuple[float, str, str]:
    """The nearest target: (km, target, what the distance is to), territory before capital.

    Targets are screened by a cheap lower bound (0 inside a territory; else on the sphere to
    the outline's edges, less the sphere's error and each edge's half-length); the exact
    distance is computed only for targets whose bound is below the best exact distance found
    so far, so one or two exact computations settle the nearest of thirty targets. Returns
    ``(inf, "", "none")`` when no target has a territory or a capital in the data.
    """
    bounds = sorted((b, t) for t in targets if (b := _screen_km(lat, lon, t)) is not None)
    best: tuple[float, str, str] | None = None
    for b, t in bounds:
        if best is not None and b > best[0]:
            break
        d = territory_km(lat, lon, t)
        if d is not None and (best is None or d < best[0]):
            best = (d, t, "territory")
    if best is not None:
        return best
    for t in targets:
        d = capital_km(call, lat, lon, t)
        if d is not None and (best is None or d < best[0]):
            best = (d, t, "capital")
    return best if best is not None else (float("inf"), "", "none")


def reaches(
    call: Call, lat: float, lon: float, range_km: float, targets: list[str]
) -> tuple[bool | None, str]:
    """Whether ``range_km`` from the point reaches one of ``targets`` (``None``: cannot tell)."""
    d, t, what = nearest(call, lat, lon, targets)
    if not t:
        return None, "no territory or capital of the targets in the data"
    if what == "territory":
        if range_km >= d:
            return True, f"range {range_km:g} km reaches {t}'s territory at {d:.0f} km"
        return False, f"range {range_km:g} km is short of {t}'s territory at {d:.0f} km"
    name = call.ctx.record.states[t].capital.name
    if range_km >= d:
        return True, f"range {range_km:g} km reaches {name} ({t}) at {d:.0f} km"
    return None, (
        f"range {range_km:g} km is short of {name} ({t}) at {d:.0f} km; {t} has no bundled "
        "territory, so whether it reaches the border is not determined"
    )
