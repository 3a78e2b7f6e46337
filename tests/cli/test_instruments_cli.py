"""``indivisible instruments`` and the regime additions to ``binding`` and ``timeline``."""

from __future__ import annotations

import json
from collections.abc import Callable

from tests.conftest import Run

CLI = Callable[..., Run]


def test_instruments_json_contract(cli: CLI) -> None:
    r = cli("instruments", "--format", "json")
    assert r.code == 0, r.err
    rows = json.loads(r.out)
    assert all(set(row) == {"id", "short", "category", "binding"} for row in rows)
    ids = {row["id"] for row in rows}
    assert {"npt-1968", "ctbt-1996", "budapest-memorandum-1994", "inf-1987"} <= ids


def test_instruments_filters(cli: CLI) -> None:
    r = cli("instruments", "--category", "security_assurance", "--format", "json")
    assert r.code == 0, r.err
    assert [row["id"] for row in json.loads(r.out)] == ["budapest-memorandum-1994"]
    r = cli("instruments", "--party", "UKR", "--on", "2014-02-01")
    assert r.code == 0, r.err
    assert "budapest-memorandum-1994" in r.out and "new-start-2010" not in r.out
    assert r.out.splitlines()[0].endswith("instruments")


def test_instruments_bad_input_exit_2(cli: CLI) -> None:
    r = cli("instruments", "--category", "arms-control")
    assert r.code == 2
    assert r.err.startswith("Error: field '--category': unknown category 'arms-control'")
    r = cli("instruments", "--party", "XXX")
    assert r.code == 2 and "Traceback" not in r.err
    r = cli("instruments", "--on", "2014/02/01")
    assert r.code == 2 and "YYYY-MM-DD" in r.err


def test_binding_notes_ctbt_signed_not_in_force(cli: CLI) -> None:
    r = cli("binding", "RUS", "USA", "--on", "2020-01-01", "--format", "json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert {"npt-1968", "bwc-1972", "cwc-1993"} <= {i["id"] for i in data["instruments"]}
    notes = {n["id"]: n for n in data["not_binding"]}
    assert notes["ctbt-1996"]["note"] == "signed, not in force"
    assert notes["ctbt-1996"]["status"] == {"RUS": "ratified", "USA": "signed"}
    table = cli("binding", "RUS", "USA", "--on", "2020-01-01")
    assert "Not binding: ctbt-1996 (RUS: ratified, USA: signed): signed, not in force" in table.out


def test_binding_ukr_rus_includes_budapest(cli: CLI) -> None:
    r = cli("binding", "UKR", "RUS", "--on", "2014-02-01", "--format", "json")
    assert r.code == 0, r.err
    assert "budapest-memorandum-1994" in {i["id"] for i in json.loads(r.out)["instruments"]}


def test_timeline_accepts_regime_categories(cli: CLI) -> None:
    r = cli(
        "timeline", "RUS", "USA", "--from", "1990", "--to", "1995",
        "--category", "risk_reduction", "--format", "json",
    )  # fmt: skip
    assert r.code == 0, r.err
    years = {y["year"]: y["instruments"] for y in json.loads(r.out)["years"]}
    assert "incsea-1972" in years[1990]
    assert all("npt-1968" not in v for v in years.values())
