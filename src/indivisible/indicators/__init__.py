"""Indicators: distances, reach, flight times and exposure, vectorised over sites and targets.

Front door of the ``indicators`` room::

    from indivisible.indicators import distance_km, reach
    distance_km(54.63, 21.82, 52.23, 21.01)   # Chernyakhovsk → Warsaw, km

Every indicator documents its formula, units, inputs and assumptions in its docstring and in
``docs/indicators.md``.

The light modules (distances, flight times, reach, territory polygons: NumPy, pyproj and
shapely) are imported with the package; ``profile`` and ``Profile`` (which need pandas and
pydantic) are imported on first access, so the rules engine's reach questions do not pay
for pandas.
"""

from typing import TYPE_CHECKING, Any

from indivisible.indicators._exposure import reach_counts
from indivisible.indicators._flight import (
    FLIGHT_TIME_STATEMENTS,
    MU_KM3_S2,
    ballistic_flight_time_min,
    cruise_flight_time_min,
    flight_kind,
    flight_time_min,
    glide_flight_time_min,
)
from indivisible.indicators._geo import (
    MEAN_RADIUS_KM,
    SCREEN_ERROR,
    SCREEN_MARGIN,
    distance_km,
    distance_matrix_km,
    haversine_km,
)
from indivisible.indicators._polygons import Country, distance_to_territory_km, load_countries
from indivisible.indicators._reach import (
    Flight,
    ReachResult,
    Target,
    TargetReach,
    osce_capitals,
    range_ring,
    range_ring_geometry,
    reach,
    reach_of_deployment,
)

if TYPE_CHECKING:
    from indivisible.indicators._profile import ProfileOptions, profile
    from indivisible.indicators.types import Profile

_LAZY = {
    "profile": "indivisible.indicators._profile",
    "ProfileOptions": "indivisible.indicators._profile",
    "Profile": "indivisible.indicators.types",
}


def __getattr__(name: str) -> Any:
    """Import ``profile``, ``ProfileOptions`` and ``Profile`` (pandas) on first access."""
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "FLIGHT_TIME_STATEMENTS",
    "MEAN_RADIUS_KM",
    "MU_KM3_S2",
    "SCREEN_ERROR",
    "SCREEN_MARGIN",
    "Country",
    "Flight",
    "Profile",
    "ProfileOptions",
    "ReachResult",
    "Target",
    "TargetReach",
    "ballistic_flight_time_min",
    "cruise_flight_time_min",
    "distance_km",
    "distance_matrix_km",
    "distance_to_territory_km",
    "flight_kind",
    "flight_time_min",
    "glide_flight_time_min",
    "haversine_km",
    "load_countries",
    "osce_capitals",
    "profile",
    "range_ring",
    "range_ring_geometry",
    "reach",
    "reach_counts",
    "reach_of_deployment",
]
