"""Loading, layering, queries, tables, with_changes, the catalogue and the examples."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pydantic import ValidationError

from indivisible._errors import InputError
from indivisible.record import Record
from indivisible.world import (
    Deployment,
    Exercise,
    Force,
    Site,
    load_catalogue,
    load_scenario,
)

ROOT = Path(__file__).parents[2]
GOOD = Path(__file__).parent / "fixtures" / "good"
EXAMPLES = ROOT / "examples"
D = dt.date


def test_minimal_loads_every_section() -> None:
    sc = load_scenario(GOOD / "minimal.yaml")
    assert sc.date == D(2022, 2, 14)
    dep = sc.deployments[0]
    assert (dep.owner, dep.host, dep.count, dep.since, dep.until) == (
        ("USA",),
        "ROU",
        24,
        D(2016, 5, 12),
        None,
    )
    assert sc.forces[0].owner == ("CAN", "ESP", "ITA")
    ex = sc.exercises[0]
    assert (ex.personnel.value(), ex.notified_on, ex.observers_invited) == (
        12800.0,
        D(2021, 8, 1),
        False,
    )
    assert sc.holdings[0].key == ("RUS", "battle_tank", "flank")
    assert sc.uses_of_force[0].basis == {"RUS": "self_defence", "UKR": "none"}
    assert (sc.accessions[0].state, sc.accessions[0].org, sc.accessions[0].on) == (
        "UKR",
        "nato",
        D(2030, 1, 1),
    )


def test_scenario_override_of_catalogue_system() -> None:
    sc = load_scenario(GOOD / "minimal.yaml")
    s = sc.system("9m729")
    assert s.range_km is not None
    assert s.range_km.root.keys() == {"RUS", "USA"}
    assert (s.range_km.value("RUS"), s.range_km.value("USA")) == (480.0, 2500.0)
    # untouched fields come from the bundled entry
    assert s.missiles_per_launcher == 4
    assert load_catalogue().get("9m729").range_km.value("faz-2019") == 2350.0  # type: ignore[union-attr]


def test_disputed_value_needs_a_reading() -> None:
    r = load_catalogue().get("9m729").range_km
    assert r is not None
    with pytest.raises(ValueError, match="disputed value: choose a reading of RUS, USA, faz-2019"):
        r.value()
    assert (r.low, r.high) == (480.0, 2350.0)


def test_layering_replaces_appends_removes() -> None:
    sc = load_scenario(GOOD / "child.yaml")
    assert [(d.id, d.count) for d in sc.deployments] == [("deveselu", 12), ("redzikowo", 24)]
    assert sc.exercises == ()
    assert [f.id for f in sc.forces] == ["efp-lva"]
    assert sc.scenario == "Child"
    assert sc.date == D(2022, 2, 14)  # inherited
    assert sc.files == (str(GOOD / "base.yaml"), str(GOOD / "child.yaml"))


def test_on_dates_and_boundaries() -> None:
    sc = load_scenario(EXAMPLES / "europe-today.yaml")

    def ids(xs: Iterable[Deployment | Force | Exercise]) -> list[str]:
        return sorted(x.id for x in xs)

    assert "redzikowo" not in ids(sc.deployments_on(D(2024, 7, 9)))
    assert "redzikowo" in ids(sc.deployments_on(D(2024, 7, 10)))
    # until is the first day the entry is gone
    assert "efp-est" in ids(sc.forces_on(D(2022, 6, 27)))
    assert ids(sc.forces_on(D(2022, 6, 28))).count("efp-est") == 0
    # exercises are inclusive at both ends
    assert ids(sc.exercises_on(D(2021, 9, 16))) == ["zapad-2021"]
    assert ids(sc.exercises_on(D(2021, 9, 17))) == []


def test_deployment_table_is_vectorisable() -> None:
    sc = load_scenario(EXAMPLES / "europe-2022-02.yaml")
    df = sc.deployment_table()
    assert list(df["id"]) == ["deveselu", "iskander-kaliningrad", "9m729-kapustin-yar"]
    assert str(df["since"].dtype) == "datetime64[ns]"
    assert df["until"].isna().all()
    day = pd.Timestamp("2017-01-01")
    active = (df["since"] <= day) & (df["until"].isna() | (day < df["until"]))
    assert list(df.loc[active, "id"]) == ["deveselu"]
    mask = sc.active_mask("deployments", ["2017-01-01", "2018-02-05", "2019-02-10"])
    assert mask.tolist() == [[True, True, True], [False, True, True], [False, False, True]]
    ex = sc.exercise_table()
    assert ex.loc[0, "personnel"] == 12800.0  # the declared reading
    assert np.isnan(ex.loc[0, "acv"])  # not reported
    assert sc.exercise_table("RUS").loc[0, "personnel"] == 200000.0


def test_with_changes_returns_new_scenario_and_keeps_baseline() -> None:
    base = load_scenario(EXAMPLES / "europe-2022-02.yaml")
    new_dep = Deployment(
        id="typhon-pol",
        owner=("USA",),
        host="POL",
        site=Site(name="Orzysz", lat=53.81, lon=21.95),
        system="typhon",
        count=1,
        count_of="batteries",
        since=D(2027, 1, 1),
        posture="episodic",
        status="planned",
    )
    out = base.with_changes(add=[new_dep], remove=["deveselu"], date=D(2027, 6, 1))
    assert [d.id for d in out.deployments] == [
        "iskander-kaliningrad",
        "9m729-kapustin-yar",
        "typhon-pol",
    ]
    assert out.date == D(2027, 6, 1)
    assert base.deployments[0].id == "deveselu"
    assert base.date == D(2022, 2, 14)
    with pytest.raises(ValidationError):
        base.date = D(2000, 1, 1)  # type: ignore[misc]


def test_with_changes_checks_references() -> None:
    base = load_scenario(EXAMPLES / "europe-2022-02.yaml")
    bad = Deployment(
        id="x",
        owner=("USA",),
        host="PLO",
        site=Site(name="x", lat=1, lon=1),
        system="typhon",
        since=D(2027, 1, 1),
    )
    with pytest.raises(InputError) as err:
        base.with_changes(add=[bad])
    assert str(err.value) == (
        "field 'deployments[0].host': unknown state 'PLO' (not in the record); did you mean POL?"
    )
    with pytest.raises(InputError) as err:
        base.with_changes(remove=["nowhere"])
    assert err.value.reason == "no entry 'nowhere' in the scenario to remove"


def test_members_add_hypothetical_accession() -> None:
    rec = Record.load()
    sc = load_scenario(EXAMPLES / "what-if-ukraine-in-nato.yaml")
    assert "UKR" not in sc.members(rec, "nato", D(2029, 12, 31))
    assert "UKR" in sc.members(rec, "nato", D(2030, 1, 1))
    assert [d.id for d in sc.deployments if d.id == "us-lrf-germany"] == []


# --------------------------------------------------------------------------- catalogue
def test_catalogue_entries_and_sources_exist() -> None:
    cat = load_catalogue()
    assert cat.ids == (
        "9m728",
        "9m729",
        "atacms",
        "dark-eagle",
        "iskander-m",
        "kalibr",
        "kinzhal",
        "oreshnik",
        "pershing-ii",
        "prsm",
        "sm-3-block-ib",
        "sm-3-block-iia",
        "sm-6",
        "ss-20",
        "tomahawk",
        "tomahawk-glcm",
        "typhon",
        "zircon",
    )
    rec = Record.load()
    missing = sorted({s for sys in cat.systems.values() for s in sys.sources} - set(rec.sources))
    assert missing == []
    assert cat.get("typhon").carries == ("sm-6", "tomahawk-glcm")
    assert cat.get("sm-3-block-iia").strike is False
    assert cat.get("tomahawk").speed_kmh.value() == 880.0  # type: ignore[union-attr]
    assert cat.get("iskander-m").min_range_km.value() == 50.0  # type: ignore[union-attr]


def test_catalogue_unknown_id_suggests() -> None:
    with pytest.raises(KeyError, match="did you mean kalibr"):
        load_catalogue().get("kalibre")


# --------------------------------------------------------------------------- examples
EXPECTED = {
    "europe-1997-05-27.yaml": (D(1997, 5, 27), 0, 0, 0),
    "europe-2007-02-10.yaml": (D(2007, 2, 10), 0, 0, 0),
    "europe-2022-02.yaml": (D(2022, 2, 14), 3, 4, 1),
    "europe-today.yaml": (D(2026, 11, 23), 7, 12, 3),
    "what-if-ukraine-in-nato.yaml": (D(2030, 6, 1), 6, 12, 3),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_loads(name: str) -> None:
    sc = load_scenario(EXAMPLES / name)
    assert (sc.date, len(sc.deployments), len(sc.forces), len(sc.exercises)) == EXPECTED[name]


def test_example_entries_are_sourced() -> None:
    sc = load_scenario(EXAMPLES / "europe-today.yaml")
    unsourced = [x.id for g in (sc.deployments, sc.forces, sc.exercises) for x in g if not x.source]
    assert unsourced == []
    assert sum(f.personnel for f in sc.forces_on(D(2022, 6, 28))) == 9641  # NATO, 2022-06-28


def test_cli_validate() -> None:
    import typer
    from typer.testing import CliRunner

    from indivisible.cli._world import register

    app = typer.Typer()
    register(app)

    @app.command()
    def other() -> None:  # a second command keeps "scenario" a sub-command group
        """Unused."""

    path = EXAMPLES / "europe-2022-02.yaml"
    out = CliRunner().invoke(app, ["scenario", "validate", str(path)])
    assert (out.exit_code, out.output) == (
        0,
        f"OK {path} (3 files): 'Europe, February 2022 (public reporting)' on 2022-02-14: "
        "0 holdings, 3 deployments, 4 forces, 1 exercises, 0 systems, 0 uses of force, "
        "0 accessions, 2 sites\n",
    )
    bad = Path(__file__).parent / "fixtures" / "bad" / "latitude.yaml"
    with pytest.raises(InputError) as err:
        app(["scenario", "validate", str(bad)], standalone_mode=False)
    assert err.value.exit_code == 2
    assert str(err.value) == (
        f"{bad}:7: field 'deployments[0].site.lat': Input should be less than or equal to 90 "
        "(got 95)"
    )
