r"""Flight-time models by class of weapon system, vectorised over distances.

All functions take distances in km (scalar, list, ndarray or Series) and return minutes as
the kind the caller gave. They are models with stated assumptions, not measurements: public
flight-time statements (``FLIGHT_TIME_STATEMENTS``) are kept as what a speaker said, to
compare against, never as facts.

Ballistic: minimum-energy trajectory on a spherical, non-rotating Earth
------------------------------------------------------------------------

Assumptions: Earth a sphere of radius R = 6371.0088 km with gravitational parameter
μ = GM = 398600.4418 km³/s² (WGS84); no atmosphere (no drag, no lift); no rotation;
burnout and impact at the surface, so the whole flight is one Keplerian arc; the ground
distance d (the WGS84 geodesic) is read as the range angle Φ = d / R. An optional constant
``boost_min`` adds powered flight time (default 0).

Derivation. Launch and impact points are both at radius R and subtend Φ at the centre; the
chord between them is c = 2R sin(Φ/2). Of all ellipses with a focus at the centre through
both points, the one needing least burnout speed has its second (empty) focus on the
chord's midpoint, so its major axis is 2a = R + c/2 (sum of distances from a point to the two
foci), and the foci are R cos(Φ/2) apart. With s = sin(Φ/2):

.. math::

    a = \frac{R (1 + s)}{2}, \qquad e = \frac{\cos(\Phi/2)}{1 + s}.

At launch r = R = a(1 − e cos E₁); substituting gives cos E₁ = −e, so the launch point has
eccentric anomaly E₁ = π − arccos e and, by symmetry, impact is at 2π − E₁. Kepler's equation
M = E − e sin E between the two gives the flight time

.. math::

    t = 2 \sqrt{a^3/\mu}\,\left(\arccos e + e \sqrt{1 - e^2}\right).

Checks: Φ → 0 gives e → 1 and t → 0; Φ = π gives e = 0, a = R and t = π √(R³/μ), half the
period of a grazing circular orbit (≈ 42.2 min). For d = 1,600 km (Pershing II, [S100]) the
model gives 10.28 min, inside the Smithsonian curator's "10-min flight" statement.
The burnout speed is v = √(μ (2/R − 1/a)) and the flight-path angle γ = π/4 − Φ/4.

Cruise and glide
----------------

Cruise missile: t = d / v_cruise (constant cruise speed from the catalogue, km/h; e.g.
Tomahawk ~880 km/h [S80]); climb, routing around defences and terrain following are ignored,
so the real path is longer and the model's time is a lower bound for the straight route.
Hypersonic glide and hypersonic cruise: t = d / v_mean with a mean speed parameter; reported
speeds are usually peak speeds, so using one as the mean gives a lower bound on the time.
"""

from __future__ import annotations

from typing import Any, Final, Literal

import numpy as np

from indivisible._errors import InputError
from indivisible.indicators._geo import MEAN_RADIUS_KM, Coords, FloatArray, normalise

MU_KM3_S2: Final = 398600.4418
"""WGS84 geocentric gravitational constant GM, km³/s² (NGA TR8350.2, 3rd ed., 2000)."""

FlightKind = Literal["ballistic", "cruise", "glide"]


def _distances(distance_km: Coords) -> tuple[Any, FloatArray]:
    n = normalise({"distance_km": distance_km})
    d = n.arrays[0]
    if (d < 0).any():
        raise InputError(
            f"distance must be >= 0 km, got {float(d[d < 0][0])!r}", field="distance_km"
        )
    return n, d


def _ballistic_s(d_km: FloatArray) -> FloatArray:
    """Minimum-energy Keplerian flight time in seconds (no checks; d ≤ πR)."""
    half = d_km / (2.0 * MEAN_RADIUS_KM)
    s = np.sin(half)
    a = MEAN_RADIUS_KM * (1.0 + s) / 2.0
    e = np.clip(np.cos(half) / (1.0 + s), 0.0, 1.0)
    out: FloatArray = 2.0 * np.sqrt(a**3 / MU_KM3_S2) * (np.arccos(e) + e * np.sqrt(1.0 - e * e))
    return out


def ballistic_flight_time_min(distance_km: Coords, *, boost_min: float = 0.0) -> Any:
    """Minimum-energy ballistic flight time over a ground distance, in minutes.

    Formula (derivation in the module docstring and ``docs/indicators.md``): with
    Φ = d / R, s = sin(Φ/2), a = R (1 + s) / 2, e = cos(Φ/2) / (1 + s),
    t = 2 √(a³/μ) (arccos e + e √(1 − e²)) + ``boost_min``.

    Assumptions: spherical non-rotating Earth (R = 6371.0088 km, μ = 398600.4418 km³/s²), no
    atmosphere, burnout at the surface, minimum-energy (not depressed or lofted) trajectory.

    Args:
        distance_km: ground distance(s), km, 0 to π R (≈ 20,015 km).
        boost_min: constant powered-flight time added to every flight, minutes (default 0).

    Returns:
        Flight time(s) in minutes, as the kind the caller gave.

    Raises:
        InputError: a distance is negative, not finite or beyond half the circumference, or
            ``boost_min`` is negative.

    Examples:
        >>> round(ballistic_flight_time_min(1600.0), 2)   # Pershing II range class
        10.28
        >>> [round(t, 2) for t in ballistic_flight_time_min([0.0, 500.0, 5500.0])]
        [0.0, 5.46, 21.93]
    """
    if not np.isfinite(boost_min) or boost_min < 0:
        raise InputError(f"must be >= 0 minutes, got {boost_min!r}", field="boost_min")
    n, d = _distances(distance_km)
    limit = np.pi * MEAN_RADIUS_KM
    if (d > limit).any():
        raise InputError(
            f"ground distance beyond half the Earth's circumference ({limit:.0f} km): "
            f"{float(d[d > limit][0])!r}",
            field="distance_km",
        )
    return n.back(_ballistic_s(d) / 60.0 + boost_min, "flight_time_min")


def _speed(speed_kmh: float, field: str) -> float:
    if not np.isfinite(speed_kmh) or speed_kmh <= 0:
        raise InputError(f"speed must be a positive number of km/h, got {speed_kmh!r}", field=field)
    return float(speed_kmh)


def cruise_flight_time_min(distance_km: Coords, *, speed_kmh: float) -> Any:
    """Cruise-missile flight time t = d / v at constant cruise speed, in minutes.

    Args:
        distance_km: ground distance(s), km.
        speed_kmh: cruise speed, km/h (e.g. 880 for Tomahawk [S80]).

    Returns:
        Flight time(s) in minutes, as the kind the caller gave.

    Raises:
        InputError: a negative distance or a non-positive speed.

    Examples:
        >>> cruise_flight_time_min(1600.0, speed_kmh=880.0)  # Tomahawk at its reported range
        109.0909090909091
    """
    v = _speed(speed_kmh, "speed_kmh")
    n, d = _distances(distance_km)
    return n.back(d / v * 60.0, "flight_time_min")


def glide_flight_time_min(distance_km: Coords, *, mean_speed_kmh: float) -> Any:
    """Hypersonic glide (or hypersonic cruise) flight time t = d / v_mean, in minutes.

    Args:
        distance_km: ground distance(s), km.
        mean_speed_kmh: mean speed over the whole flight, km/h. A reported peak speed used
            here gives a lower bound on the flight time.

    Returns:
        Flight time(s) in minutes, as the kind the caller gave.

    Raises:
        InputError: a negative distance or a non-positive speed.

    Examples:
        >>> round(glide_flight_time_min(1800.0, mean_speed_kmh=6174.0), 2)  # Mach 5 at 20 km
        17.49
    """
    v = _speed(mean_speed_kmh, "mean_speed_kmh")
    n, d = _distances(distance_km)
    return n.back(d / v * 60.0, "flight_time_min")


_KIND_BY_CLASS: Final[dict[str, FlightKind]] = {
    "ground_launched_ballistic_missile": "ballistic",
    "air_launched_ballistic_missile": "ballistic",
    "icbm": "ballistic",
    "slbm": "ballistic",
    "ground_launched_cruise_missile": "cruise",
    "air_launched_cruise_missile": "cruise",
    "sea_launched_cruise_missile": "cruise",
    "heavy_bomber": "cruise",
    "dual_role": "cruise",
    "hypersonic_glide_vehicle": "glide",
    "sea_launched_hypersonic_cruise_missile": "glide",
}


def flight_kind(system_class: str) -> FlightKind | None:
    """The flight-time model used for a catalogue class (``None``: no strike flight).

    Ballistic classes use the minimum-energy model; cruise classes, bombers and dual-role
    missiles use distance over speed; hypersonic glide and hypersonic cruise use distance
    over mean speed; interceptors and bare launchers have no model.

    Examples:
        >>> flight_kind("ground_launched_ballistic_missile"), flight_kind("interceptor")
        ('ballistic', None)
    """
    return _KIND_BY_CLASS.get(system_class)


def flight_time_min(
    distance_km: Coords,
    kind: FlightKind,
    *,
    speed_kmh: float | None = None,
    boost_min: float = 0.0,
) -> Any:
    """Flight time by model kind: ``ballistic``, ``cruise`` or ``glide``, in minutes.

    Args:
        distance_km: ground distance(s), km.
        kind: the model (see ``flight_kind``).
        speed_kmh: cruise or mean speed, km/h; required for ``cruise`` and ``glide``.
        boost_min: powered-flight time added by the ballistic model, minutes.

    Returns:
        Flight time(s) in minutes, as the kind the caller gave.

    Raises:
        InputError: a speed is missing for a speed model, or any input is invalid.

    Examples:
        >>> round(flight_time_min(1000.0, "cruise", speed_kmh=880.0), 1)
        68.2
    """
    if kind == "ballistic":
        return ballistic_flight_time_min(distance_km, boost_min=boost_min)
    if speed_kmh is None:
        raise InputError(f"the {kind} model needs a speed in km/h", field="speed_kmh")
    if kind == "cruise":
        return cruise_flight_time_min(distance_km, speed_kmh=speed_kmh)
    return glide_flight_time_min(distance_km, mean_speed_kmh=speed_kmh)


FLIGHT_TIME_STATEMENTS: Final[tuple[dict[str, Any], ...]] = (
    {
        "speaker": "Gregg Herken, Smithsonian NASM curator, via NYT",
        "date": "1990-03-25",
        "system": "Pershing II",
        "says": "10-min flight of about 1,000 miles",
        "distance_km": 1600.0,
        "minutes": (10.0, 10.0),
        "source": "S100",
    },
    {
        "speaker": "Library of Congress country study (Soviet Union)",
        "date": "1989/1991",
        "system": "Pershing II",
        "says": "flying time under 10 minutes, as seen by the Soviet military",
        "distance_km": None,
        "minutes": (0.0, 10.0),
        "source": "S105",
    },
    {
        "speaker": "Richard Perle (US Assistant Secretary of Defense), reported by Time",
        "date": "c. 1983",
        "system": "Pershing II",
        "says": "12 to 15 minutes; the Soviet side said 6 minutes",
        "distance_km": None,
        "minutes": (12.0, 15.0),
        "source": "S170",
    },
)
"""Public flight-time statements kept as what the speaker said, not as facts
(``/work/shared/domain/forces-geo.md`` §7 numbering of sources)."""
