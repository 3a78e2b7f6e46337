"""Country polygons and distance to territory."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from geographiclib.geodesic import Geodesic

from indivisible._errors import InputError
from indivisible.indicators import distance_to_territory_km, load_countries
from indivisible.record import Record


def test_bundle_covers_every_osce_state() -> None:
    countries = load_countries()
    osce = {s.id for s in Record.load().states.values() if s.osce}
    assert osce <= set(countries)
    assert {c.iso3 for c in countries.values() if c.osce} == osce
    for c in countries.values():
        assert c.geometry.is_valid, c.iso3


def test_capitals_lie_in_their_states() -> None:
    rec = Record.load()
    outside = [
        s.id
        for s in rec.states.values()
        if s.osce and distance_to_territory_km(s.capital.lat, s.capital.lon, s.id) > 2.5
    ]
    assert outside == []


def test_kaliningrad_is_russian_and_crimea_ukrainian() -> None:
    assert distance_to_territory_km(54.71, 20.51, "RUS") == 0.0
    assert distance_to_territory_km(44.95, 34.10, "UKR") == 0.0  # Simferopol


def test_kaliningrad_city_to_lithuania() -> None:
    # Nearest Lithuanian territory: where the Russia-Lithuania border meets the Curonian
    # Lagoon shore of the Curonian Spit, 55.2827 N 20.9246 E: the nearest vertex of the
    # UNSIMPLIFIED Natural Earth 1:10m outline of Lithuania (found by brute force over all
    # its vertices with GeographicLib). Geodesic distance from Kaliningrad city (54.71, 20.51):
    expected = Geodesic.WGS84.Inverse(54.71, 20.51, 55.2827, 20.9246)["s12"] / 1000.0
    assert expected == pytest.approx(69.05, abs=0.01)
    # Tolerance 2.3 km: the simplification bound of the bundled outline.
    assert distance_to_territory_km(54.71, 20.51, "LTU") == pytest.approx(expected, abs=2.3)


def test_chernyakhovsk_to_poland_is_about_the_latitude_gap() -> None:
    # Poland's border with Kaliningrad oblast runs close to 54.36 N south of Chernyakhovsk:
    # the distance is at most the meridian distance to that parallel (about 30 km).
    d = distance_to_territory_km(54.63, 21.82, "POL")
    meridian = Geodesic.WGS84.Inverse(54.63, 21.82, 54.36, 21.82)["s12"] / 1000.0
    assert 20.0 < d <= meridian + 2.5


def test_all_input_kinds(scalar_and_array: Callable[[list[float]], Any]) -> None:
    lat = [52.23, 54.71, 54.63]  # Warsaw (inside), Kaliningrad, Chernyakhovsk
    lon = [21.01, 20.51, 21.82]
    got = np.atleast_1d(
        np.asarray(distance_to_territory_km(scalar_and_array(lat), scalar_and_array(lon), "POL"))
    )
    assert got[0] == 0.0
    if got.size == 3:
        assert (got[1:] > 0).all()


def test_unknown_code_is_an_input_error() -> None:
    with pytest.raises(InputError) as err:
        distance_to_territory_km(50.0, 10.0, "XXX")
    assert err.value.field == "iso3" and "'XXX'" in err.value.reason
