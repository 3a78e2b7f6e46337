"""Flight-time models: closed form checked by hand, by a numerical integration of the same
Kepler problem, against limits, and against public statements (as a sanity band only)."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from indivisible._errors import InputError
from indivisible.indicators import (
    FLIGHT_TIME_STATEMENTS,
    MEAN_RADIUS_KM,
    MU_KM3_S2,
    ballistic_flight_time_min,
    cruise_flight_time_min,
    flight_kind,
    flight_time_min,
    glide_flight_time_min,
)

R = MEAN_RADIUS_KM
MU = MU_KM3_S2


def _hand_ballistic_min(d_km: float) -> float:
    """The closed form step by step, as a reader would do it on paper."""
    phi = d_km / R
    s = math.sin(phi / 2)
    a = R * (1 + s) / 2
    e = math.cos(phi / 2) / (1 + s)
    e1 = math.pi - math.acos(e)  # eccentric anomaly at launch
    # Kepler: from E1 through apogee (E = pi) to 2*pi - E1.
    m = (2 * math.pi - e1 - e * math.sin(2 * math.pi - e1)) - (e1 - e * math.sin(e1))
    return math.sqrt(a**3 / MU) * m / 60


def _integrated_ballistic_min(d_km: float, steps: int = 40000) -> tuple[float, float]:
    """Integrate the two-body problem from burnout (RK4) until the missile is back at radius
    R: returns (flight minutes, ground range km)."""
    phi = d_km / R
    a = R * (1 + math.sin(phi / 2)) / 2
    v = math.sqrt(MU * (2 / R - 1 / a))
    gamma = math.pi / 4 - phi / 4
    state = np.array([R, 0.0, v * math.sin(gamma), v * math.cos(gamma)])  # x up, y downrange

    def f(y: np.ndarray) -> np.ndarray:
        r3 = (y[0] ** 2 + y[1] ** 2) ** 1.5
        return np.array([y[2], y[3], -MU * y[0] / r3, -MU * y[1] / r3])

    t_guess = _hand_ballistic_min(d_km) * 60 * 1.05
    dt = t_guess / steps
    t = 0.0
    prev = state
    while True:
        k1 = f(state)
        k2 = f(state + dt / 2 * k1)
        k3 = f(state + dt / 2 * k2)
        k4 = f(state + dt * k3)
        prev, state = state, state + dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
        t += dt
        if math.hypot(state[0], state[1]) < R and t > dt * 2:
            break
    r_prev = math.hypot(prev[0], prev[1])
    r_now = math.hypot(state[0], state[1])
    frac = (r_prev - R) / (r_prev - r_now)  # linear interpolation to r = R
    t_hit = t - dt + frac * dt
    x = prev + frac * (state - prev)
    return t_hit / 60, R * math.atan2(x[1], x[0])


@pytest.mark.parametrize("d_km", [100.0, 500.0, 1600.0, 2000.0, 5500.0, 12000.0])
def test_closed_form_equals_hand_computation(d_km: float) -> None:
    assert ballistic_flight_time_min(d_km) == pytest.approx(_hand_ballistic_min(d_km), rel=1e-6)


@pytest.mark.parametrize("d_km", [500.0, 1600.0, 5500.0])
def test_closed_form_equals_numerical_integration(d_km: float) -> None:
    minutes, ground_km = _integrated_ballistic_min(d_km)
    assert ground_km == pytest.approx(d_km, rel=1e-5)
    assert ballistic_flight_time_min(d_km) == pytest.approx(minutes, rel=1e-5)


def test_pershing_ii_value_and_statement_band() -> None:
    # Hand computation for d = 1,600 km: s = sin(0.125570) = 0.125239, a = 3584.45 km,
    # e = 0.881703, sqrt(a^3/mu) = 339.911 s, t = 2 * 339.911 * (0.491337 + 0.415992) s
    # = 616.82 s = 10.280 min.
    assert ballistic_flight_time_min(1600.0) == pytest.approx(10.2804, rel=1e-4)
    herken = next(s for s in FLIGHT_TIME_STATEMENTS if s["source"] == "S100")
    assert herken["distance_km"] == 1600.0
    # The statement says "10-min": the model agrees within a minute, a sanity band only.
    assert abs(ballistic_flight_time_min(herken["distance_km"]) - herken["minutes"][0]) < 1.0


def test_limits() -> None:
    assert ballistic_flight_time_min(0.0) == 0.0
    half_orbit_min = math.pi * math.sqrt(R**3 / MU) / 60
    assert ballistic_flight_time_min(math.pi * R) == pytest.approx(half_orbit_min, rel=1e-9)
    d = np.linspace(0, math.pi * R, 200)
    assert (np.diff(ballistic_flight_time_min(d)) > 0).all()


def test_boost_is_added() -> None:
    assert ballistic_flight_time_min(1600.0, boost_min=1.5) == pytest.approx(
        ballistic_flight_time_min(1600.0) + 1.5, rel=1e-12
    )


def test_all_input_kinds(scalar_and_array: Callable[[list[float]], Any]) -> None:
    d = [1600.0, 500.0, 2500.0]
    ref = [_hand_ballistic_min(x) for x in d]
    got = np.atleast_1d(np.asarray(ballistic_flight_time_min(scalar_and_array(d))))
    np.testing.assert_allclose(got, ref[: got.size], rtol=1e-6)
    cr = np.atleast_1d(np.asarray(cruise_flight_time_min(scalar_and_array(d), speed_kmh=880.0)))
    np.testing.assert_allclose(cr, [x / 880.0 * 60 for x in d][: cr.size], rtol=1e-12)


def test_cruise_and_glide_by_hand() -> None:
    # Tomahawk: 1,600 km at 880 km/h = 1.81818 h = 109.0909 min.
    assert cruise_flight_time_min(1600.0, speed_kmh=880.0) == pytest.approx(109.090909, rel=1e-6)
    # 2,000 km at 6,000 km/h = 20 min.
    assert glide_flight_time_min(2000.0, mean_speed_kmh=6000.0) == pytest.approx(20.0, rel=1e-12)
    assert flight_time_min(2000.0, "glide", speed_kmh=6000.0) == pytest.approx(20.0)


def test_class_mapping() -> None:
    assert flight_kind("ground_launched_cruise_missile") == "cruise"
    assert flight_kind("hypersonic_glide_vehicle") == "glide"
    assert flight_kind("launcher") is None


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: ballistic_flight_time_min(-1.0), "distance_km"),
        (lambda: ballistic_flight_time_min(30000.0), "distance_km"),
        (lambda: ballistic_flight_time_min(10.0, boost_min=-1.0), "boost_min"),
        (lambda: cruise_flight_time_min(10.0, speed_kmh=0.0), "speed_kmh"),
        (lambda: flight_time_min(10.0, "cruise"), "speed_kmh"),
    ],
)
def test_bad_input(call: Callable[[], Any], field: str) -> None:
    with pytest.raises(InputError) as err:
        call()
    assert err.value.field == field
