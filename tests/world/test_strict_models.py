"""Scenario models take numbers only as numbers, within realistic bounds (``_bounds``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from indivisible._bounds import LATEST_DATE, MAX_COUNT, MAX_PERSONNEL
from indivisible.world.types import Deployment, Exercise, Force, Holding, Readings, Site, System

SITE = {"name": "X", "lat": 54.6, "lon": 21.8}
DEPLOYMENT = {
    "id": "d",
    "owner": "RUS",
    "host": "RUS",
    "system": "iskander-m",
    "since": "2018-01-01",
    "site": SITE,
}


@pytest.mark.parametrize("count", ["3", 3.0, True, -1, MAX_COUNT + 1, 2**63, 2**64 + 1])
def test_deployment_count_is_a_bounded_whole_number(count: Any) -> None:
    with pytest.raises(ValidationError):
        Deployment.model_validate({**DEPLOYMENT, "count": count})
    assert Deployment.model_validate({**DEPLOYMENT, "count": MAX_COUNT}).count == MAX_COUNT


@pytest.mark.parametrize("lat", [True, "54.6", float("nan"), float("inf"), 95, 10**400])
def test_coordinates_are_finite_numbers(lat: Any) -> None:
    with pytest.raises(ValidationError):
        Site.model_validate({**SITE, "lat": lat})
    assert Site.model_validate({**SITE, "lat": 54}).lat == 54.0  # an integer is a number


def test_holding_bounds_depend_on_the_category() -> None:
    base = {"state": "RUS", "area": "atu"}
    assert Holding.model_validate({**base, "category": "personnel", "count": 900_000}).count
    with pytest.raises(ValidationError, match="above 1,000,000"):
        Holding.model_validate({**base, "category": "battle_tank", "count": 2_000_000})
    with pytest.raises(ValidationError):
        Holding.model_validate({**base, "category": "personnel", "count": MAX_PERSONNEL + 1})


def test_force_personnel_and_exercise_readings_are_bounded() -> None:
    force = {"id": "f", "owner": "USA", "host": "POL", "since": "2017-01-01"}
    with pytest.raises(ValidationError):
        Force.model_validate({**force, "personnel": "1000"})
    ex = {
        "id": "e",
        "owner": "RUS",
        "host": "BLR",
        "area": {"lat": 53.9, "lon": 27.5, "radius_km": 100},
        "start": "2022-02-10",
        "end": "2022-02-20",
        "personnel": 30000,
    }
    assert Exercise.model_validate(ex).personnel.value() == 30000.0
    with pytest.raises(ValidationError, match="battle_tanks of reading 'UKR'"):
        Exercise.model_validate({**ex, "battle_tanks": {"RUS": 10, "UKR": 5_000_000}})
    with pytest.raises(ValidationError):
        Exercise.model_validate({**ex, "observers_invited": "yes"})


def test_readings_reject_text_nan_and_out_of_range_bands() -> None:
    for bad in ({"RUS": {"value": "480"}}, {"RUS": float("nan")}, {"RUS": True}):
        with pytest.raises(ValidationError):
            Readings.model_validate(bad)
    with pytest.raises(ValueError, match="at most 40075"):
        Readings.model_validate({"USA": {"value": 500, "band": [500, 50_000]}}).check_at_most(
            40_075, "range_km"
        )


def test_system_range_and_speed_bounds() -> None:
    base = {"id": "x", "name": "X", "class": "icbm", "basing": "ground", "source": "s"}
    assert System.model_validate({**base, "range_km": 12_000}).range_km is not None
    with pytest.raises(ValidationError, match="range_km"):
        System.model_validate({**base, "range_km": 1e9})
    with pytest.raises(ValidationError, match="speed_kmh"):
        System.model_validate({**base, "speed_kmh": 1e7})


def test_entry_dates_are_bounded() -> None:
    with pytest.raises(ValidationError, match="out of bounds"):
        Deployment.model_validate({**DEPLOYMENT, "since": "0001-01-01"})
    late = (LATEST_DATE + dt.timedelta(days=1)).isoformat()
    with pytest.raises(ValidationError, match="out of bounds"):
        Deployment.model_validate({**DEPLOYMENT, "until": late})
