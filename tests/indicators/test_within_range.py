"""``within_range`` decides by the sphere where it can and is exact everywhere.

The haversine distance decides pairs outside a band of +-1 % around the range; the band is
solved on the ellipsoid. The answer must be the full geodesic's on every pair: random pairs
over the globe (poles and the antimeridian included) and pairs placed on the band's edges,
where a wrong error bound would show first.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from indivisible.indicators._geo import (
    SCREEN_ERROR,
    SCREEN_MARGIN,
    _geodesic_km,
    _haversine_km,
    pairwise_km,
    within_range,
)


def _exact(
    lat: np.ndarray, lon: np.ndarray, tlat: np.ndarray, tlon: np.ndarray, r: np.ndarray
) -> np.ndarray:
    return pairwise_km(lat, lon, tlat, tlon) <= r[:, None]


def test_random_pairs_over_the_globe() -> None:
    rng = np.random.default_rng(20261204)
    n, m = 400, 60
    lat = np.degrees(np.arcsin(rng.uniform(-1, 1, n)))
    lon = rng.uniform(-180, 180, n)
    tlat = np.degrees(np.arcsin(rng.uniform(-1, 1, m)))
    tlon = rng.uniform(-180, 180, m)
    r = 10 ** rng.uniform(1, 4.3, n)
    assert (within_range(lat, lon, tlat, tlon, r) == _exact(lat, lon, tlat, tlon, r)).all()


def test_pairs_on_the_band_edges_and_at_the_range() -> None:
    """Ranges set to the geodesic and to the haversine distance times the band's edges."""
    rng = np.random.default_rng(7)
    n = 3000
    lat1 = np.degrees(np.arcsin(rng.uniform(-1, 1, n)))
    lon1 = rng.uniform(-180, 180, n)
    lat2 = np.degrees(np.arcsin(rng.uniform(-1, 1, n)))
    lon2 = rng.uniform(-180, 180, n)
    # meridians and polar pairs, where the sphere errs most
    lon2[: n // 6] = lon1[: n // 6]
    lat1[n // 6 : n // 3] = rng.uniform(80, 90, n // 6)
    g = _geodesic_km(lat1, lon1, lat2, lon2)
    h = _haversine_km(lat1, lon1, lat2, lon2)
    factors = [
        1 - SCREEN_MARGIN,
        1 + SCREEN_MARGIN,
        1 - SCREEN_ERROR,
        1 + SCREEN_ERROR,
        1.0,
        np.nextafter(1.0, 2.0),
        np.nextafter(1.0, 0.0),
    ]
    for base in (g, h):
        for f in factors:
            r = base * f
            got = np.array(
                [
                    within_range(
                        lat1[i : i + 1], lon1[i : i + 1], lat2[i : i + 1], lon2[i : i + 1], r[i]
                    )[0, 0]
                    for i in range(0, n, 97)
                ]
            )
            want = (g <= r)[::97]
            assert (got == want).all()
    # the whole diagonal at once (one call, ranges per site)
    for f in factors:
        r = g * f
        full = within_range(lat1, lon1, lat2, lon2, r)
        assert (np.diagonal(full) == (g <= r)).all()


@settings(max_examples=200, deadline=None)
@given(
    lat1=st.floats(-90, 90),
    lon1=st.floats(-180, 180),
    lat2=st.floats(-90, 90),
    lon2=st.floats(-180, 180),
    factor=st.floats(0.98, 1.02),
)
def test_any_pair_at_any_range_near_its_distance(
    lat1: float, lon1: float, lat2: float, lon2: float, factor: float
) -> None:
    a = np.array
    g = float(_geodesic_km(a([lat1]), a([lon1]), a([lat2]), a([lon2]))[0])
    r = g * factor
    got = bool(within_range(a([lat1]), a([lon1]), a([lat2]), a([lon2]), r)[0, 0])
    assert got == (g <= r)


def test_the_sphere_decides_most_pairs() -> None:
    """Only the band is solved on the ellipsoid: a few per cent of 10,000 x 57 pairs."""
    rng = np.random.default_rng(3)
    lat = rng.uniform(35, 70, 10_000)
    lon = rng.uniform(-10, 60, 10_000)
    tlat = rng.uniform(35, 70, 57)
    tlon = rng.uniform(-10, 60, 57)
    r = np.exp(rng.uniform(np.log(100), np.log(5500), 10_000))
    h = _haversine_km(lat[:, None], lon[:, None], tlat[None, :], tlon[None, :])
    band = (h > r[:, None] * (1 - SCREEN_MARGIN)) & (h <= r[:, None] * (1 + SCREEN_MARGIN))
    assert band.mean() < 0.02
