"""Geodesic distances against GeographicLib (an independent implementation of Karney's
algorithm), on real city and site pairs, through every input kind."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest
from geographiclib.geodesic import Geodesic

from indivisible._errors import InputError
from indivisible.indicators import (
    SCREEN_ERROR,
    SCREEN_MARGIN,
    distance_km,
    distance_matrix_km,
    haversine_km,
)
from indivisible.indicators._geo import screened_pairwise_km

# (name, lat1, lon1, lat2, lon2): sites from forces-geo.md §5, capitals from §6 (GeoNames).
PAIRS = [
    ("Moscow-Washington", 55.75, 37.62, 38.90, -77.04),
    ("Deveselu-Moscow", 44.08, 24.38, 55.75, 37.62),
    ("Redzikowo-Moscow", 54.48, 17.11, 55.75, 37.62),
    ("Kaliningrad-Berlin", 54.71, 20.51, 52.52, 13.41),
    ("Chernyakhovsk-Warsaw", 54.63, 21.82, 52.23, 21.01),
    ("Asipovichy-Berlin", 53.31, 28.63, 52.52, 13.41),
    ("Mainz-Kastel-Moscow", 50.01, 8.28, 55.75, 37.62),
    ("Reykjavik-Ashgabat", 64.14, -21.90, 37.95, 58.38),
    ("Ottawa-Ulaanbaatar", 45.41, -75.70, 47.91, 106.88),
]
ONE_METRE_KM = 1e-3


def _reference_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return float(Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2)["s12"]) / 1000.0


def _columns() -> tuple[list[float], list[float], list[float], list[float], list[float]]:
    lat1 = [p[1] for p in PAIRS]
    lon1 = [p[2] for p in PAIRS]
    lat2 = [p[3] for p in PAIRS]
    lon2 = [p[4] for p in PAIRS]
    ref = [_reference_km(*p[1:]) for p in PAIRS]
    return lat1, lon1, lat2, lon2, ref


@pytest.mark.parametrize("pair", PAIRS, ids=[p[0] for p in PAIRS])
def test_distance_matches_geographiclib_to_one_metre(pair: tuple[Any, ...]) -> None:
    _, lat1, lon1, lat2, lon2 = pair
    assert distance_km(lat1, lon1, lat2, lon2) == pytest.approx(
        _reference_km(lat1, lon1, lat2, lon2), abs=ONE_METRE_KM
    )


def test_all_input_kinds(scalar_and_array: Callable[[list[float]], Any]) -> None:
    lat1, lon1, lat2, lon2, ref = _columns()
    got = distance_km(*(scalar_and_array(c) for c in (lat1, lon1, lat2, lon2)))
    vals = np.atleast_1d(np.asarray(got, dtype=float))
    np.testing.assert_allclose(vals, ref[: vals.size], atol=ONE_METRE_KM, rtol=0)


def test_returns_the_kind_given() -> None:
    assert isinstance(distance_km(55.75, 37.62, 52.23, 21.01), float)
    assert isinstance(distance_km([55.75], [37.62], [52.23], [21.01]), list)
    arr = distance_km(np.array([[55.75, 50.0]]), np.array([[37.62, 8.0]]), 52.23, 21.01)
    assert isinstance(arr, np.ndarray) and arr.shape == (1, 2)
    s = pd.Series([55.75, 44.08], index=["moscow", "deveselu"])
    out = distance_km(s, pd.Series([37.62, 24.38], index=s.index), 52.23, 21.01)
    assert isinstance(out, pd.Series) and list(out.index) == ["moscow", "deveselu"]


def test_scalar_broadcasts_against_array() -> None:
    got = distance_km(54.63, 21.82, [52.23, 52.52], [21.01, 13.41])
    assert got == pytest.approx(
        [_reference_km(54.63, 21.82, 52.23, 21.01), _reference_km(54.63, 21.82, 52.52, 13.41)],
        abs=ONE_METRE_KM,
    )


def test_length_mismatch_is_an_input_error() -> None:
    with pytest.raises(InputError) as err:
        distance_km([54.0, 55.0], [20.0, 21.0], [52.0, 53.0, 54.0], [21.0, 21.0, 21.0])
    assert err.value.field == "lat2"
    assert "length 3 does not match length 2" in err.value.reason


@pytest.mark.parametrize(
    ("args", "field", "fragment"),
    [
        ((91.0, 0.0, 0.0, 0.0), "lat1", "latitude must lie in [-90, 90]"),
        ((0.0, float("nan"), 0.0, 0.0), "lon1", "finite"),
        ((0.0, 0.0, "north", 0.0), "lat2", "expected numbers"),
    ],
)
def test_bad_coordinates(args: tuple[Any, ...], field: str, fragment: str) -> None:
    with pytest.raises(InputError) as err:
        distance_km(*args)
    assert err.value.field == field and fragment in err.value.reason
    assert err.value.exit_code == 2


def test_matrix_shape_and_values() -> None:
    lat1, lon1, lat2, lon2, _ = _columns()
    m = distance_matrix_km(lat1[:3], lon1[:3], lat2, lon2)
    assert m.shape == (3, len(PAIRS))
    for i in range(3):
        for j in range(len(PAIRS)):
            assert m[i, j] == pytest.approx(
                _reference_km(lat1[i], lon1[i], lat2[j], lon2[j]), abs=ONE_METRE_KM
            )


def test_matrix_of_series_is_a_dataframe() -> None:
    sites = pd.DataFrame({"lat": [44.08, 54.48], "lon": [24.38, 17.11]}, index=["ROU", "POL"])
    caps = pd.DataFrame({"lat": [55.75], "lon": [37.62]}, index=["RUS"])
    df = distance_matrix_km(sites.lat, sites.lon, caps.lat, caps.lon)
    assert isinstance(df, pd.DataFrame)
    assert df.loc["POL", "RUS"] == pytest.approx(
        _reference_km(54.48, 17.11, 55.75, 37.62), abs=ONE_METRE_KM
    )


def test_haversine_within_documented_bound(scalar_and_array: Callable[[list[float]], Any]) -> None:
    lat1, lon1, lat2, lon2, ref = _columns()
    got = np.atleast_1d(
        np.asarray(haversine_km(*(scalar_and_array(c) for c in (lat1, lon1, lat2, lon2))))
    )
    rel = np.abs(got / np.asarray(ref[: got.size]) - 1.0)
    assert (rel <= SCREEN_ERROR).all()


def test_haversine_bound_on_random_pairs() -> None:
    rng = np.random.default_rng(20260101)
    n = 20000
    lat1 = np.degrees(np.arcsin(rng.uniform(-1, 1, n)))
    lat2 = np.degrees(np.arcsin(rng.uniform(-1, 1, n)))
    lon1 = rng.uniform(-180, 180, n)
    lon2 = lon1 + rng.normal(0, 20, n)
    lon2 = (lon2 + 180) % 360 - 180
    geo = distance_km(lat1, lon1, lat2, lon2)
    hav = haversine_km(lat1, lon1, lat2, lon2)
    ok = geo > 1.0
    assert (np.abs(hav[ok] / geo[ok] - 1.0) <= SCREEN_ERROR).all()
    assert SCREEN_MARGIN > SCREEN_ERROR


def test_screen_never_drops_a_reachable_pair() -> None:
    rng = np.random.default_rng(7)
    slat = rng.uniform(35, 70, 300)
    slon = rng.uniform(-10, 60, 300)
    tlat = rng.uniform(35, 70, 57)
    tlon = rng.uniform(-10, 60, 57)
    ranges = rng.uniform(100, 3000, 300)
    exact = distance_matrix_km(slat, slon, tlat, tlon)
    screened = screened_pairwise_km(slat, slon, tlat, tlon, ranges)
    reach_exact = exact <= ranges[:, None]
    reach_screened = screened <= ranges[:, None]
    np.testing.assert_array_equal(reach_exact, reach_screened)
    kept = np.isfinite(screened)
    np.testing.assert_allclose(screened[kept], exact[kept], rtol=0, atol=1e-9)
