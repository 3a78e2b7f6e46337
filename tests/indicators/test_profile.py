"""The profile: exposure, counter-reach, defence coverage, alliances and the Profile API."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import numpy as np
import pytest

from indivisible._errors import InputError
from indivisible.indicators import Profile, ballistic_flight_time_min, distance_km, profile
from indivisible.indicators.types import PROFILE_COLUMNS
from indivisible.record import Record
from indivisible.world import load_scenario

from ._profile_fixtures import RED, write

ON = "2022-02-14"


@pytest.fixture(scope="module")
def record() -> Record:
    return Record.load()


def _p(record: Record, tmp_path: Path, deps: str = "", **kw: object) -> Profile:
    return profile(record, load_scenario(write(tmp_path, deps)), ON, **kw)  # type: ignore[arg-type]


def test_table_has_the_contract_columns(record: Record, tmp_path: Path) -> None:
    p = _p(record, tmp_path, states=["POL"])
    assert tuple(p.table.columns) == PROFILE_COLUMNS
    assert set(p.table["direction"]) <= {"higher_is_safer", "higher_is_less_safe"}
    assert p.draws is None and p.seed is None and p.rng_state is None


def test_non_allied_launcher_raises_exposure_and_lowers_warning(
    record: Record, tmp_path: Path
) -> None:
    before = _p(record, tmp_path, states=["POL", "DEU"])
    after = _p(record, tmp_path, RED, states=["POL", "DEU"])
    assert before.value("POL", "exposure_launchers") == 0.0
    assert before.value("POL", "exposure_min_warning_min") == math.inf  # no threat
    assert after.value("POL", "exposure_launchers") == 12.0
    assert after.value("POL", "exposure_systems") == 1.0
    # hand check: Chernyakhovsk to Warsaw 272.47 km (WGS84), minimum-energy ballistic time
    d = distance_km(54.63, 21.82, 52.23, 21.01)
    assert d == pytest.approx(272.47, abs=0.01)
    want = ballistic_flight_time_min(d)
    assert after.value("POL", "exposure_min_warning_min") == pytest.approx(want, rel=1e-12)
    assert after.value("POL", "exposure_min_warning_min") == pytest.approx(3.98, abs=0.01)
    # Berlin is 604 km away: out of a 600 km range
    assert after.value("DEU", "exposure_launchers") == 0.0
    assert (
        "red: 12 launchers of test-srbm (RUS), 272 km to Warsaw"
        in after.rows("POL", "exposure_launchers")["detail"].iloc[0]
    )


def test_allied_launchers_are_not_exposure_and_counter_reach_mirrors(
    record: Record, tmp_path: Path
) -> None:
    blue = RED.replace("id: red, owner: RUS, host: RUS", "id: blue, owner: USA, host: POL")
    p = _p(record, tmp_path, blue, states=["POL", "USA", "LTU", "BLR", "RUS"])
    assert p.value("POL", "exposure_launchers") == 0.0  # US launchers: allied
    assert p.value("LTU", "exposure_launchers") == 0.0
    # Minsk is 430 km away: Belarus is exposed, and NATO states count the deterrent
    assert distance_km(54.63, 21.82, 53.90, 27.57) < 600
    assert p.value("BLR", "exposure_launchers") == 12.0
    assert p.value("RUS", "exposure_launchers") == 0.0  # Moscow ~1,000 km away
    for s in ("POL", "USA", "LTU"):
        assert p.value(s, "counter_reach_launchers") == 12.0
    assert p.value("BLR", "counter_reach_launchers") == 0.0
    # the mirror: the same launchers owned by Russia
    q = _p(record, tmp_path, RED, states=["POL", "RUS", "BLR"])
    assert q.value("RUS", "counter_reach_launchers") == 12.0
    assert q.value("BLR", "counter_reach_launchers") == 12.0  # CSTO ally of Russia
    assert q.value("POL", "counter_reach_launchers") == 0.0


def test_disputed_range_gives_one_row_per_reading(record: Record, tmp_path: Path) -> None:
    dep = RED.replace("system: test-srbm", "system: test-disputed")
    p = _p(record, tmp_path, dep, states=["POL", "DEU"])
    assert p.readings == ("RUS", "USA")
    assert p.value("POL", "exposure_launchers", reading="RUS") == 12.0  # Warsaw 272 km
    assert p.value("DEU", "exposure_launchers", reading="RUS") == 0.0
    assert p.value("POL", "exposure_launchers", reading="USA") == 12.0
    assert p.value("DEU", "exposure_launchers", reading="USA") == 12.0  # Berlin 604 km
    with pytest.raises(InputError, match="differs between readings"):
        p.value("DEU", "exposure_launchers")
    only = _p(record, tmp_path, dep, states=["DEU"], readings=["RUS"])
    assert only.readings == ("RUS",)
    with pytest.raises(InputError, match="unknown reading"):
        _p(record, tmp_path, dep, readings=["XYZ"])
    # dual-capable without a stated warhead: expected nuclear-armed share 0.5 (assumption)
    assert p.value("DEU", "exposure_nuclear_launchers", reading="USA") == 6.0
    assert any("dual-capable" in a for a in p.assumptions)


def test_defence_coverage_undetermined_then_from_coverage_km(
    record: Record, tmp_path: Path
) -> None:
    sam = (
        "  - {id: shield, owner: USA, host: POL, site: {name: Redzikowo, lat: 54.478, "
        "lon: 17.104}, system: sm-3-block-ib, count: 24, since: 2020-01-01}\n"
    )
    p = _p(record, tmp_path, sam, states=["POL", "DEU", "RUS"])
    assert math.isnan(p.value("POL", "defence_sites_covering"))
    assert "undetermined: shield" in p.rows("POL", "defence_sites_covering")["detail"].iloc[0]
    assert p.value("RUS", "defence_sites_covering") == 0.0  # not Russia's ally
    q = _p(
        record,
        tmp_path,
        sam,
        states=["POL", "DEU"],
        uncertainty={"coverage_km": {"sm-3-block-ib": 500}},
    )
    # Redzikowo to Warsaw ~ 330 km, to Berlin ~ 370 km
    assert q.value("POL", "defence_sites_covering") == 1.0
    assert q.value("DEU", "defence_sites_covering") == 1.0


def test_alliance_cover_and_hypothetical_accession(record: Record, tmp_path: Path) -> None:
    p = _p(record, tmp_path, RED, states=["UKR", "POL"])
    assert p.value("UKR", "alliance_cover") == 0.0
    assert p.value("POL", "alliance_cover") == 1.0
    assert "nato" in p.rows("POL", "alliance_cover")["detail"].iloc[0]
    extra = "accessions:\n  - {state: UKR, org: nato, on: 2022-01-01, source: test}\n"
    path = write(tmp_path, RED, extra)
    q = profile(record, load_scenario(path), ON, states=["UKR"])
    assert q.value("UKR", "alliance_cover") == 1.0


def test_constraints_between_russia_and_the_united_states(record: Record, tmp_path: Path) -> None:
    from indivisible.indicators._constraints import constraint_pairs
    from indivisible.indicators._profile import alliances

    sc = load_scenario(write(tmp_path))
    states = ("POL", "RUS", "USA")
    allied, _ = alliances(record, sc, dt.date.fromisoformat(ON), states)
    pairs = constraint_pairs(record, ON, states, allied)
    ru = pairs[(pairs.state == "RUS") & (pairs.counterpart == "USA")].iloc[0]
    # legal: New START and the UN Charter (Open Skies: both had withdrawn by 2022), and the
    # regime of issue 13: NPT, BWC, CWC, PTBT, TTBT, INCSEA, launch notification (CTBT: not
    # in force; Lisbon Protocol: ended with START I in 2009)
    assert set(ru["instruments"]) >= {"new-start-2010", "un-charter-1945", "npt-1968"}
    assert "ctbt-1996" not in ru["instruments"]
    assert ru["legal"] == 9.0
    # strategic (New START), exercises and observation (Vienna Document): 3 of 5
    assert ru["categories"] == ("strategic", "exercises", "observation")
    assert ru["covered"] == pytest.approx(0.6)
    assert len(pairs) == 4  # POL-RUS, RUS-POL, RUS-USA, USA-RUS (POL-USA allied)
    p = _p(record, tmp_path, states=["RUS"])
    assert "new-start-2010 (1/51)" in p.rows("RUS", "constraint_legal_count")["detail"].iloc[0]


def test_bad_inputs(record: Record, tmp_path: Path) -> None:
    sc = load_scenario(write(tmp_path, RED))
    with pytest.raises(InputError, match="seed or rng"):
        profile(record, sc, ON, draws=2, seed=1, rng=np.random.default_rng(1))
    with pytest.raises(InputError, match="draws"):
        profile(record, sc, ON, draws=-1)
    with pytest.raises(InputError):
        profile(record, sc, "2022-13-01")
    with pytest.raises(InputError):
        profile(record, sc, ON, states=["XXX"])


def test_json_contract(record: Record, tmp_path: Path) -> None:
    p = _p(record, tmp_path, RED, states=["POL", "USA"], draws=10, seed=5)
    j = p.to_json()
    assert set(j) == {"date", "scenario", "profiles", "assumptions", "seed"}
    assert j["seed"] == 5 and j["date"] == ON
    usa = next(x for x in j["profiles"] if x["state"] == "USA")
    warn = next(i for i in usa["indicators"] if i["indicator"] == "exposure_min_warning_min")
    assert warn["value"] is None and warn["missing"] == "no_threat"
    pol = next(x for x in j["profiles"] if x["state"] == "POL")
    exp = next(i for i in pol["indicators"] if i["indicator"] == "exposure_launchers")
    assert exp["interval"]["low"] == 12.0 and exp["interval"]["high"] == 12.0


def test_example_scenario_smoke(record: Record) -> None:
    """Smoke test: the shipped 2022 scenario profiles every OSCE state."""
    sc = load_scenario("examples/europe-2022-02.yaml")
    p = profile(record, sc, ON)
    assert len(p.states) == 57
    assert p.value("POL", "exposure_launchers", reading="faz-2019") == 17.0
