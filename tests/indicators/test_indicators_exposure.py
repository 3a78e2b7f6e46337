"""Exposure kernel on a hand-checkable case, and against a brute-force loop."""

from __future__ import annotations

import numpy as np
import pytest

from indivisible._errors import InputError
from indivisible.indicators import distance_matrix_km, reach_counts

WARSAW = (52.23, 21.01)
BERLIN = (52.52, 13.41)
# Chernyakhovsk to Warsaw 272.5 km, to Berlin 604.2 km (WGS84 geodesic).


def test_hand_checked_case() -> None:
    days = np.arange("2018-01-30", "2018-02-10", dtype="datetime64[D]")
    counts = reach_counts(
        launch_lat=[54.63, 54.63, 54.63],
        launch_lon=[21.82, 21.82, 21.82],
        range_km=[500.0, 650.0, 250.0],
        since=["2018-02-05", "2018-02-01", "2018-01-01"],
        until=["NaT", "2018-02-07", "NaT"],
        target_lat=[WARSAW[0], BERLIN[0]],
        target_lon=[WARSAW[1], BERLIN[1]],
        days=days,
    )
    # Warsaw: launcher 0 from 02-05 (open), launcher 1 from 02-01 to 02-06; launcher 2
    # (250 km) never reaches it. Berlin: only launcher 1 (650 km), 02-01 to 02-06.
    warsaw = [0, 0, 1, 1, 1, 1, 2, 2, 1, 1, 1]
    berlin = [0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0]
    assert counts.tolist() == [warsaw, berlin]


def test_matches_brute_force() -> None:
    rng = np.random.default_rng(42)
    n, t = 200, 12
    lat = rng.uniform(40, 65, n)
    lon = rng.uniform(-5, 45, n)
    ranges = rng.uniform(200, 2500, n)
    start = np.datetime64("2000-01-01") + rng.integers(0, 3000, n).astype("timedelta64[D]")
    stop = start + rng.integers(1, 2000, n).astype("timedelta64[D]")
    stop[::7] = np.datetime64("NaT")
    tlat = rng.uniform(40, 65, t)
    tlon = rng.uniform(-5, 45, t)
    days = np.arange("2000-01-01", "2010-01-01", 17, dtype="datetime64[D]")
    got = reach_counts(lat, lon, ranges, start, stop, tlat, tlon, days)
    dist = distance_matrix_km(lat, lon, tlat, tlon)
    want = np.zeros((t, days.size), dtype=np.int64)
    for j in range(t):
        for i in range(n):
            if dist[i, j] <= ranges[i]:
                active = (days >= start[i]) & (np.isnat(stop[i]) | (days < stop[i]))
                want[j] += active
    np.testing.assert_array_equal(got, want)


def test_bad_input() -> None:
    days = np.arange("2018-01-01", "2018-01-05", dtype="datetime64[D]")
    with pytest.raises(InputError) as err:
        reach_counts(
            [54.0], [21.0], [500.0], ["2018-01-01", "2018-01-02"], ["NaT"], [52.0], [21.0], days
        )
    assert err.value.field == "since"
    with pytest.raises(InputError) as err:
        reach_counts([54.0], [21.0], [500.0], ["NaT"], ["NaT"], [52.0], [21.0], days)
    assert err.value.field == "since"
    with pytest.raises(InputError) as err:
        reach_counts([54.0], [21.0], [500.0], ["2018-01-01"], ["NaT"], [52.0], [21.0], days[::-1])
    assert err.value.field == "days"
