"""Each Ally's CFE suspension (2023-2024) with its date and source (cases/cfe-suspensions.yaml)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from indivisible.record import Record

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "cfe-suspensions.yaml").read_text())


@pytest.fixture(scope="module")
def rec() -> Record:
    return Record.load()


def _cfe(rec: Record, state: str, on: dt.date | str) -> dict[str, Any]:
    return next(r for r in rec.status(state, on)["instruments"] if r["id"] == "cfe-1990")


def _event(rec: Record, state: str) -> Any:
    inst = rec.instruments["cfe-1990"]
    return next(e for e in inst.events if e.event == "suspended" and e.party == state)


@pytest.mark.parametrize("case", CASES["suspended"], ids=lambda c: str(c["state"]))
def test_suspension_date_and_source(rec: Record, case: dict[str, Any]) -> None:
    since = case["since"]
    assert _cfe(rec, case["state"], since - dt.timedelta(days=1))["status"] == "in_force"
    row = _cfe(rec, case["state"], since)
    assert row["status"] == "suspended" and row["since"] == since.isoformat()
    ev = _event(rec, case["state"])
    assert ev.source == case["source"]
    assert rec.sources[ev.source].kind in {"text", "official", "secondary"}
    if not case["effective"]:  # the note must say the date is that of the act, not the effect
        assert "effective date" in " ".join((ev.note or "").split())


@pytest.mark.parametrize("state", CASES["not_found"])
def test_allies_without_a_found_act_are_named_in_the_note(rec: Record, state: str) -> None:
    assert _cfe(rec, state, "2024-06-01")["status"] == "in_force"
    notes = " ".join(" ".join((e.note or "").split()) for e in rec.instruments["cfe-1990"].events)
    assert "not found" in notes and state in notes.split("Looked for and not found")[1]


def test_russian_2007_suspension_dates_checked(rec: Record) -> None:
    ev = _event(rec, "RUS")
    assert ev.date == dt.date(2007, 12, 12)
    note = " ".join((ev.note or "").split())
    assert "signed the suspension decree on 14 Jul 2007" in note
    assert "cfe-ria-2007-07-30-moratorium" in note
    assert rec.sources["cfe-ria-2007-07-30-moratorium"].kind == "secondary"
