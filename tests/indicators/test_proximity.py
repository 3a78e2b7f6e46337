"""Proximity bands: non-allied combat forces and exercise equipment near a territory."""

from __future__ import annotations

from pathlib import Path

import pytest

from indivisible._errors import InputError
from indivisible.indicators import distance_to_territory_km, profile
from indivisible.record import Record
from indivisible.world import load_scenario

from ._profile_fixtures import write

ON = "2022-02-14"

FORCES = """\
forces:
  - {id: red-bde, owner: RUS, host: BLR, personnel: 3000, role: combat, since: 2021-01-01,
     site: {name: Hrodna, lat: 53.68, lon: 23.83}, source: test}
  - {id: red-trainers, owner: RUS, host: BLR, personnel: 500, role: training,
     since: 2021-01-01, site: {name: Hrodna, lat: 53.68, lon: 23.83}, source: test}
exercises:
  - {id: red-ex, owner: [RUS, BLR], host: BLR, area: {lat: 52.10, lon: 23.70, radius_km: 50},
     start: 2022-02-10, end: 2022-02-20, personnel: {declared: 9000, NATO: 30000},
     battle_tanks: 200, acv: 300, artillery: 100, source: test}
"""


@pytest.fixture(scope="module")
def record() -> Record:
    return Record.load()


def test_bands_count_hostile_combat_forces_and_exercises(record: Record, tmp_path: Path) -> None:
    sc = load_scenario(write(tmp_path, extra=FORCES))
    p = profile(record, sc, ON, states=["POL", "BLR", "LTU", "DEU"])
    d_bde = distance_to_territory_km(53.68, 23.83, "POL")
    d_ex = distance_to_territory_km(52.10, 23.70, "POL")
    assert d_bde < 100 and d_ex < 100  # both near the Polish border (hand check of inputs)
    # combat brigade + exercise (declared reading); the training unit is not combat
    assert p.value("POL", "proximity_personnel_100km") == 3000 + 9000
    assert p.value("POL", "proximity_tle_100km") == 600
    assert p.value("POL", "proximity_personnel_500km") == 12000
    # Belarus hosts them and is Russia's CSTO ally: nothing hostile
    assert p.value("BLR", "proximity_personnel_500km") == 0
    d_deu = distance_to_territory_km(53.68, 23.83, "DEU")
    assert d_deu > 500
    assert p.value("DEU", "proximity_personnel_500km") == 0


def test_bands_are_a_parameter(record: Record, tmp_path: Path) -> None:
    sc = load_scenario(write(tmp_path, extra=FORCES))
    p = profile(record, sc, ON, states=["POL"], bands_km=(50, 1000))
    assert "proximity_personnel_50km" in p.indicators
    assert "proximity_personnel_1000km" in p.indicators
    with pytest.raises(InputError, match="increase"):
        profile(record, sc, ON, states=["POL"], bands_km=(300, 100))
