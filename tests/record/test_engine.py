"""The status engine on a small real extract (tests/record/fixtures/mini)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from indivisible import InputError
from indivisible.record import Record, panel, timeline

MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture(scope="module")
def rec() -> Record:
    return Record.load(MINI)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("1972-10-02", "ratified"),  # ratified, treaty not yet in force
        ("1972-10-03", "in_force"),  # entry into force takes effect at the start of the day
        ("2001-12-12", "in_force"),
        ("2001-12-13", "notice_given"),  # US notice of withdrawal (FAS chronology)
        ("2002-06-12", "notice_given"),
        ("2002-06-13", "withdrawn"),  # six months after notice
    ],
)
def test_abm_usa_boundaries(rec: Record, day: str, expected: str) -> None:
    assert rec.party_status("abm-1972", "USA", day) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [("2002-06-12", "in_force"), ("2002-06-13", "terminated"), ("1972-05-25", "not_party")],
)
def test_abm_rus_terminated_with_us_withdrawal(rec: Record, day: str, expected: str) -> None:
    assert rec.party_status("abm-1972", "RUS", day) == expected


def test_suspension_dominates_notice_given_same_day(rec: Record) -> None:
    # the US suspended its INF obligations and gave notice on 2019-02-02
    assert rec.party_status("inf-1987", "USA", "2019-02-01") == "in_force"
    assert rec.party_status("inf-1987", "USA", "2019-02-02") == "suspended"
    assert rec.party_status("inf-1987", "USA", "2019-08-02") == "withdrawn"
    assert rec.party_status("inf-1987", "RUS", "2019-08-02") == "terminated"


def test_binding_pair_on_dates(rec: Record) -> None:
    ids = [i["id"] for i in rec.binding("RUS", "USA", "2001-12-12")["instruments"]]
    assert ids == ["abm-1972", "inf-1987"]
    ids = [i["id"] for i in rec.binding("RUS", "USA", "2002-06-13")["instruments"]]
    assert ids == ["inf-1987"]
    assert rec.binding("RUS", "USA", "2019-08-02")["instruments"] == []


def test_membership_boundaries(rec: Record) -> None:
    assert not rec.is_member("POL", "nato", "1999-03-11")
    assert rec.is_member("POL", "nato", "1999-03-12")
    assert rec.members("nato", "1999-03-12") == ["POL", "USA"]
    assert rec.allied("POL", "USA", "1999-03-12") == ["nato"]
    assert rec.allied("POL", "USA", "1999-03-11") == []


def test_applies_to_members_generates_adoption(rec: Record) -> None:
    assert rec.party_status("charter-test-1945", "USA", "1989-12-31") == "not_party"
    assert rec.party_status("charter-test-1945", "USA", "1990-01-01") == "in_force"
    assert rec.party_status("charter-test-1945", "POL", "1999-03-11") == "not_party"
    assert rec.party_status("charter-test-1945", "POL", "1999-03-12") == "in_force"


def test_org_binding_via_all_members(rec: Record) -> None:
    res = rec.binding("nato", "USA", "2000-01-01")
    assert [(i["id"], i["via"]) for i in res["instruments"]] == [
        ("charter-test-1945", {"nato": "all members"})
    ]


def test_status_contract(rec: Record) -> None:
    res = rec.status("POL", "1999-03-12")
    assert res["date"] == "1999-03-12"
    assert res["state"] == "POL"
    assert res["memberships"] == [{"org": "nato", "since": "1999-03-12", "source": "nato-members"}]
    first = res["instruments"][0]
    assert first == {
        "id": "charter-test-1945",
        "status": "in_force",
        "since": "1999-03-12",
        "source": "nato-members",
        "binding": "political",
        "disputed": False,
        "readings": [],
    }


def test_changes_window_is_left_open_right_closed(rec: Record) -> None:
    df = rec.changes("2002-06-12", "2002-06-13")
    assert sorted(zip(df["party"], df["after"], strict=True)) == [
        ("RUS", "terminated"),
        ("USA", "withdrawn"),
    ]
    assert rec.changes("2002-06-13", "2002-06-14").empty


def test_parameter_lookup(rec: Record) -> None:
    assert rec.parameter("abm-1972", "max_launchers", "1980-01-01").value == 100
    with pytest.raises(InputError, match="has no value"):
        rec.parameter("abm-1972", "max_launchers", "1972-10-02")


def test_unknown_code_suggests(rec: Record) -> None:
    with pytest.raises(InputError, match="did you mean POL"):
        rec.resolve("POK")
    assert rec.resolve("Russia") == "RUS"


def test_future_date_warns(rec: Record) -> None:
    res = rec.status("POL", "2030-01-01")
    assert res["warnings"] == [
        "2030-01-01 is after the record's review date 2026-11-23: "
        "the record may be incomplete there"
    ]


def test_bound_matrix_matches_scalar_queries(rec: Record) -> None:
    days = np.arange(np.datetime64("1972-01-01"), np.datetime64("2020-01-01"), 97)
    mats = rec.bound_matrix(["RUS", "USA"], days)
    for j, d in enumerate(days.astype(dt.date)):
        for i, p in enumerate(["RUS", "USA"]):
            scalar = rec.party_status("inf-1987", p, d) in ("in_force", "notice_given")
            assert mats["inf-1987"][i, j] == scalar


def test_timeline_end_of_year(rec: Record) -> None:
    t = timeline(rec, "RUS", "USA", 2000, 2003)
    assert t["n_legal"].tolist() == [2, 2, 1, 1]  # ABM gone by 31 Dec 2002
    assert t.loc[2001, "instruments"] == "abm-1972;inf-1987"


def test_state_panel_missing_outside_coverage(rec: Record) -> None:
    df = panel(rec, "year", "state", dt.date(1940, 1, 1), dt.date(1999, 12, 31))
    pol = df[df["state"] == "POL"].set_index("period")
    assert pol.loc["1940", "member_nato"] is pd_na()
    assert pol.loc["1998", "member_nato"] == 0
    assert pol.loc["1999", "member_nato"] == 1


def test_dyad_panel(rec: Record) -> None:
    df = panel(rec, "year", "dyad", dt.date(2001, 1, 1), dt.date(2002, 12, 31))
    row = df[(df["state_a"] == "RUS") & (df["state_b"] == "USA")].set_index("period")
    assert row.loc["2001", "bound_abm-1972"] == 1
    assert row.loc["2002", "bound_abm-1972"] == 0
    assert row.loc["2001", "n_legal"] == 2
    assert row.loc["2002", "allied"] == 0


def pd_na() -> object:
    import pandas as pd

    return pd.NA
