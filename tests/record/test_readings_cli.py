"""The commands of issue 12: readings side by side, claims, data check --sources."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from tests.conftest import Run

CLI = Callable[..., Run]


def test_binding_json_readings(cli: CLI) -> None:
    r = cli("binding", "RUS", "USA", "--on", "2008-06-01", "--format", "json")
    assert r.code == 0, r.err
    cfe = next(i for i in json.loads(r.out)["instruments"] if i["id"] == "cfe-1990")
    assert cfe["disputed"] is True
    assert {x["by"] for x in cfe["readings"]} == {"RUS", "nato"}
    r = cli("binding", "RUS", "USA", "--on", "2024-01-01", "--format", "json")
    ns = next(i for i in json.loads(r.out)["instruments"] if i["id"] == "new-start-2010")
    assert {x["by"] for x in ns["readings"]} == {"RUS", "USA"}


def test_binding_table_shows_readings_side_by_side(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # one line per row: tables wrap to the width otherwise
    r = cli("binding", "RUS", "USA", "--on", "2008-06-01")
    assert r.code == 0, r.err
    assert "cfe-1990 (disputed)" in r.out
    assert "RUS: suspended (none); nato: in_force (legal)" in r.out
    assert "1 disputed" in r.out


def test_status_table_and_csv_readings(cli: CLI, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # one line per row: tables wrap to the width otherwise
    r = cli("status", "--on", "2010-01-01", "--state", "RUS")
    assert r.code == 0, r.err
    assert "suspended (disputed)" in r.out and "nato: in_force (legal)" in r.out
    r = cli("status", "--on", "2010-01-01", "--state", "RUS", "--format", "csv")
    assert "readings" in r.out.splitlines()[0]


def test_timeline_per_reading(cli: CLI, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # one line per row: tables wrap to the width otherwise
    r = cli("timeline", "RUS", "USA", "--from", "2008", "--to", "2008", "--format", "json")
    assert r.code == 0, r.err
    (year,) = json.loads(r.out)["years"]
    assert year["disputed"] == ["cfe-1990"]
    assert year["readings"]["USA"]["n_legal"] == year["readings"]["RUS"]["n_legal"] + 1
    assert year["n_legal"] == year["readings"]["RUS"]["n_legal"]
    r = cli("timeline", "RUS", "USA", "--from", "2008", "--to", "2009")
    assert "legal (RUS reading)" in r.out and "legal (USA reading)" in r.out


def test_changes_and_history_have_readings(cli: CLI) -> None:
    r = cli("changes", "--from", "2007-12-11", "--to", "2007-12-12", "--format", "json")
    assert r.code == 0, r.err
    row = next(x for x in json.loads(r.out) if x["subject"] == "cfe-1990" and x["party"] == "RUS")
    assert row["readings"] == "RUS: suspended (none); nato: in_force (legal)"
    r = cli("history", "cfe-1990", "--format", "json")
    rows = json.loads(r.out)
    assert any(x["readings"] for x in rows)
    assert all("source_kind" in x for x in rows)


def test_claims_command(cli: CLI) -> None:
    r = cli("claims", "--instrument", "cfe-1990", "--format", "json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert isinstance(data, list) and data
    assert all(set(c) == {"instrument", "subject", "by", "says", "date", "source"} for c in data)
    assert {c["by"] for c in data} >= {"RUS", "nato"}
    r = cli("claims", "--by", "USA", "--format", "json")
    assert {c["by"] for c in json.loads(r.out)} == {"USA"}
    r = cli("claims", "--instrument", "inf-1987")
    assert r.code == 0 and "Mk 41" in r.out
    r = cli("claims", "--by", "XXX")
    assert r.code == 2 and "Traceback" not in r.err


def test_data_check_sources_json(cli: CLI) -> None:
    r = cli("data", "check", "--sources", "--format", "json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert set(data) == {"facts", "by_kind", "tertiary_only"}
    assert set(data["by_kind"]) == {"text", "official", "secondary", "tertiary"}
    strong = data["facts"] - data["by_kind"]["tertiary"]
    assert strong / data["facts"] >= 0.8
    assert len(data["tertiary_only"]) == data["by_kind"]["tertiary"]
    r = cli("data", "check", "--sources")
    assert "on text, official or secondary sources" in r.out


def test_check_iskander_not_breached(cli: CLI) -> None:
    r = cli(
        "check",
        "examples/europe-2022-02.yaml",
        "--instrument",
        "inf-1987",
        "--on",
        "2019-02-15",
        "--format",
        "json",
    )
    assert r.code == 0, r.err
    data = json.loads(r.out)
    found = data["findings"] if isinstance(data, dict) else data
    isk = [f for f in found if f.get("subject") == "iskander-kaliningrad"]
    assert isk and all(f["result"] != "breached" for f in isk)
    m = [f for f in found if f.get("subject") == "9m729-kapustin-yar"]
    assert {f["result"] for f in m if f.get("reading") is None} == {"disputed"}
    assert {f["reading"] for f in m if f.get("reading")} == {"RUS", "USA", "faz-2019"}
