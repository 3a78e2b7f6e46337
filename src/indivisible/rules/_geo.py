"""Reach: can a system at a site strike a state's territory? (capital-distance bound).

The distance from a site to the nearest point of a state's territory is at most the distance
to its capital. A range at or above the capital distance therefore reaches the territory for
certain; a shorter range may or may not reach the border, and is reported as undetermined
with both numbers rather than guessed.
"""

from __future__ import annotations

from indivisible.rules.types import Call


def capital_km(call: Call, lat: float, lon: float, state: str) -> float | None:
    """Geodesic (WGS84) distance in km from a point to ``state``'s capital (``None``: unknown)."""
    from pyproj import Geod

    st = call.ctx.record.states.get(state)
    if st is None:
        return None
    _, _, m = Geod(ellps="WGS84").inv(lon, lat, st.capital.lon, st.capital.lat)
    return float(m) / 1000.0


def reaches(
    call: Call, lat: float, lon: float, range_km: float, targets: list[str]
) -> tuple[bool | None, str]:
    """Whether ``range_km`` from the point reaches one of ``targets`` (``None``: cannot tell)."""
    best: tuple[float, str] | None = None
    for t in targets:
        d = capital_km(call, lat, lon, t)
        if d is not None and (best is None or d < best[0]):
            best = (d, t)
    if best is None:
        return None, "no target capital in the record"
    d, t = best
    name = call.ctx.record.states[t].capital.name
    if range_km >= d:
        return True, f"range {range_km:g} km reaches {name} ({t}) at {d:.0f} km"
    return None, (
        f"range {range_km:g} km is short of {name} ({t}) at {d:.0f} km; whether it reaches "
        f"{t}'s border is not determined from capital distances"
    )
