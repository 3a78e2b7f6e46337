"""Readings of a disputed status, the corrections of issue 12 and the claims (bundled record)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest
from pydantic import ValidationError

from indivisible.record import Record, StatusEvent, panel, timeline


@pytest.fixture(scope="module")
def rec() -> Record:
    return Record.load()


def _row(res: dict[str, Any], inst: str) -> dict[str, Any]:
    return next(r for r in res["instruments"] if r["id"] == inst)


def test_cfe_2007_suspension_read_by_both_sides(rec: Record) -> None:
    row = _row(rec.binding("RUS", "USA", "2008-06-01"), "cfe-1990")
    assert row["disputed"] is True
    by = {r["by"]: r for r in row["readings"]}
    assert set(by) == {"RUS", "nato"}
    assert (by["RUS"]["status"], by["RUS"]["binding"]) == ("suspended", "none")
    assert (by["nato"]["status"], by["nato"]["binding"]) == ("in_force", "legal")
    assert all(r["source"] in rec.sources for r in row["readings"])
    assert set(row["readings"][0]) == {"by", "status", "binding", "source"}


def test_new_start_2023_suspension_read_by_both_sides(rec: Record) -> None:
    row = _row(rec.binding("RUS", "USA", "2024-01-01"), "new-start-2010")
    assert row["disputed"] is True
    assert {(r["by"], r["binding"]) for r in row["readings"]} == {
        ("RUS", "none"),
        ("USA", "legal"),
    }


def test_undisputed_entries_have_empty_readings(rec: Record) -> None:
    for res in (rec.binding("RUS", "USA", "2008-06-01"), rec.status("POL", "2008-06-01")):
        for r in res["instruments"]:
            assert "disputed" in r and "readings" in r
            assert r["disputed"] is bool(r["readings"])
    un = _row(rec.binding("RUS", "USA", "2008-06-01"), "un-charter-1945")
    assert un["disputed"] is False and un["readings"] == []


def test_dispute_ends_with_the_withdrawal(rec: Record) -> None:
    # Russia's withdrawal of 2023-11-07 is nobody's dispute: CFE no longer binds the pair
    res = rec.binding("RUS", "USA", "2023-11-07")
    assert "cfe-1990" not in {r["id"] for r in res["instruments"]}
    assert _row(rec.binding("RUS", "USA", "2023-11-06"), "cfe-1990")["disputed"] is True


def test_status_of_russia_shows_both_readings(rec: Record) -> None:
    row = _row(rec.status("RUS", "2010-01-01"), "cfe-1990")
    assert row["status"] == "suspended" and row["disputed"] is True
    assert {r["by"] for r in row["readings"]} == {"RUS", "nato"}


@pytest.mark.parametrize(
    ("state", "since"),
    [
        ("DEU", "2023-11-07"),
        ("GBR", "2023-11-07"),
        ("USA", "2023-12-07"),
        ("ITA", "2023-12-07"),
        ("CAN", "2024-02-07"),
        ("TUR", "2024-04-08"),
    ],
)
def test_allied_cfe_suspensions(rec: Record, state: str, since: str) -> None:
    d = dt.date.fromisoformat(since)
    before = _row(rec.status(state, d - dt.timedelta(days=1)), "cfe-1990")
    after = _row(rec.status(state, "2024-06-01"), "cfe-1990")
    assert before["status"] == "in_force"
    assert after["status"] == "suspended" and after["since"] == since


def test_azerbaijan_cis_from_1993_09_24(rec: Record) -> None:
    assert "cis" not in {m["org"] for m in rec.status("AZE", "1993-06-01")["memberships"]}
    assert not rec.is_member("AZE", "cis", "1993-09-23")
    assert rec.is_member("AZE", "cis", "1993-09-24")


def test_moldova_cis_member_from_its_ratification(rec: Record) -> None:
    """Moldova's register dates the Creation Agreement's entry into force for it 1994-04-08:
    a signatory participant before, a member from that day (as Azerbaijan's signature)."""
    before = {m["org"]: m for m in rec.status("MDA", "1994-04-07")["memberships"]}
    after = {m["org"]: m for m in rec.status("MDA", "1994-04-08")["memberships"]}
    assert before["cis"]["status"] == "participant"
    assert "status" not in after["cis"] and after["cis"]["since"] == "1994-04-08"


def test_cis_kinds_of_membership(rec: Record) -> None:
    ukr = {m["org"]: m for m in rec.status("UKR", "2010-01-01")["memberships"]}
    assert ukr["cis"]["status"] == "participant"
    tkm_before = {m["org"]: m for m in rec.status("TKM", "2000-01-01")["memberships"]}
    tkm_after = {m["org"]: m for m in rec.status("TKM", "2006-01-01")["memberships"]}
    assert tkm_before["cis"]["status"] == "participant"
    assert tkm_after["cis"]["status"] == "associate"
    blr = {m["org"]: m for m in rec.status("BLR", "2010-01-01")["memberships"]}
    assert "status" not in blr["cis"]  # a Charter member


@pytest.mark.parametrize("inst", ["cfe-1990", "open-skies-1992"])
def test_czechoslovakia_dissolved_not_withdrew(rec: Record, inst: str) -> None:
    h = rec.history(inst)
    csk = h[h["party"] == "CSK"]
    assert list(csk["status"])[-1] == "dissolved"
    assert "withdrawn" not in set(csk["status"])


def test_timeline_counts_under_each_reading(rec: Record) -> None:
    t = timeline(rec, "RUS", "USA", 2006, 2025, category="arms_control")
    assert {"n_legal_RUS", "n_legal_USA", "disputed"} <= set(t.columns)
    y2008 = t.loc[2008]  # the year's row, as a Series keyed by column
    assert y2008["n_legal_USA"] == y2008["n_legal_RUS"] + 1
    assert y2008["n_legal"] == y2008["n_legal_RUS"]  # every reading
    assert t.loc[2008, "disputed"] == "cfe-1990"
    assert t.loc[2006, "disputed"] == ""
    assert t.loc[2024, "disputed"] == "new-start-2010"
    assert not bool(t.loc[2008, "cfe-1990"])  # not bound under every reading


def test_timeline_without_dispute_has_no_reading_columns(rec: Record) -> None:
    t = timeline(rec, "POL", "DEU", 2000, 2005)
    assert "n_legal_POL" not in t.columns
    assert set(t["disputed"]) == {""}


def test_panel_marks_disputed_cells(rec: Record) -> None:
    s, e = dt.date(2010, 1, 1), dt.date(2010, 12, 31)
    st = panel(rec, "year", "state", s, e)
    rus = st[st["state"] == "RUS"].iloc[0]
    assert rus["bound_cfe-1990"] == 0 and rus["bound_cfe-1990_some"] == 1
    dy = panel(rec, "year", "dyad", s, e)
    pair = dy[(dy["state_a"] == "RUS") & (dy["state_b"] == "USA")].iloc[0]
    assert pair["n_legal_some"] == pair["n_legal"] + 1
    valid = dy["n_legal"].notna()
    assert (dy.loc[valid, "n_legal_some"] >= dy.loc[valid, "n_legal"]).all()


def test_bound_matrix_under_a_reading(rec: Record) -> None:
    days = np.array(["2010-06-01"], dtype="datetime64[D]")
    rus = rec.bound_matrix(["RUS"], days, reading="RUS")["cfe-1990"][0, 0]
    usa = rec.bound_matrix(["RUS"], days, reading="USA")["cfe-1990"][0, 0]  # through nato
    assert (bool(rus), bool(usa)) == (False, True)


def test_claims_of_both_sides(rec: Record) -> None:
    cfe = rec.claims("cfe-1990")
    assert {c["by"] for c in cfe} >= {"RUS", "nato"}
    assert all(set(c) == {"instrument", "subject", "by", "says", "date", "source"} for c in cfe)
    assert {c["by"] for c in rec.claims("new-start-2010")} >= {"RUS", "USA"}
    assurances = [c for c in rec.claims("north-atlantic-treaty-1949") if "1990" in c["subject"]]
    assert {c["by"] for c in assurances} >= {"RUS", "nato"}
    mk41 = [c for c in rec.claims("inf-1987") if "Mk 41" in c["subject"]]
    assert {c["by"] for c in mk41} == {"RUS", "USA"}
    assert all(c["by"] == "RUS" for c in rec.claims(by="rus"))
    assert any(c["instrument"] is None for c in rec.claims(by="UKR"))


def test_status_event_readings_validated() -> None:
    base = {"event": "suspended", "date": "2007-12-12", "party": "RUS", "source": "s"}
    with pytest.raises(ValidationError, match="must differ"):
        StatusEvent.model_validate(
            base
            | {
                "readings": [
                    {"by": "RUS", "status": "suspended", "source": "s"},
                    {"by": "nato", "status": "suspended", "source": "s"},
                ]
            }
        )
    with pytest.raises(ValidationError, match="one reading per party"):
        StatusEvent.model_validate(
            base
            | {
                "readings": [
                    {"by": "RUS", "status": "suspended", "source": "s"},
                    {"by": "RUS", "status": "in_force", "source": "s"},
                    {"by": "nato", "status": "in_force", "source": "s"},
                ]
            }
        )
