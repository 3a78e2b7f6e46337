"""The bundled record answers the dated questions of issue 2 correctly, at the boundaries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml

from indivisible.record import BINDING_STATUSES, Record

CASES: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "acceptance.yaml").read_text()
)


@pytest.fixture(scope="module")
def rec() -> Record:
    return Record.load()


@pytest.mark.parametrize("case", CASES["binding"], ids=lambda c: str(c["date"]))
def test_arms_control_binding_rus_usa(rec: Record, case: dict[str, Any]) -> None:
    a, b = case["pair"]
    rows = rec.binding(a, b, case["date"])["instruments"]
    agreed = {i["id"] for i in rows if not i["disputed"]}
    assert sorted(agreed & set(CASES["arms_control"])) == sorted(case["expect"])


@pytest.mark.parametrize(
    "case", CASES["memberships"], ids=lambda c: f"{c['state']}-{c['org']}-{c['date']}"
)
def test_membership_boundaries(rec: Record, case: dict[str, Any]) -> None:
    assert rec.is_member(case["state"], case["org"], case["date"]) is case["member"]


def test_poland_status_either_side_of_accession(rec: Record) -> None:
    before = rec.status("POL", "1999-03-11")
    after = rec.status("POL", "1999-03-12")
    assert "nato" not in {m["org"] for m in before["memberships"]}
    assert {"org": "nato", "since": "1999-03-12"}.items() <= next(
        m for m in after["memberships"] if m["org"] == "nato"
    ).items()
    nat = {i["id"]: i for i in after["instruments"]}["north-atlantic-treaty-1949"]
    assert (nat["status"], nat["since"]) == ("in_force", "1999-03-12")


def _change_rows(df: pd.DataFrame) -> list[tuple[dt.date, str, str, str, str]]:
    """The rows of ``Record.changes`` as typed tuples (date, subject, party, before, after)."""
    rows = []
    for r in df.to_dict("records"):
        d, subject, party, before, after = (
            r["date"],
            r["subject"],
            r["party"],
            r["before"],
            r["after"],
        )
        assert isinstance(d, dt.date), r
        assert isinstance(subject, str) and isinstance(party, str), r
        assert isinstance(before, str) and isinstance(after, str), r
        rows.append((d, subject, party, before, after))
    return rows


def test_every_change_takes_effect_on_its_date(rec: Record) -> None:
    """Day before, of and after every status change in the record (boundary sweep)."""
    one = dt.timedelta(days=1)
    df = rec.changes(rec.coverage.start, rec.coverage.reviewed)
    inst = _change_rows(df[df["kind"] == "instrument"])
    assert len(inst) > 100
    for row in inst:
        d, subject, party, before, after = row
        assert rec.party_status(subject, party, d - one) == before, row
        assert rec.party_status(subject, party, d) == after, row
        nxt = rec.party_segment(subject, party, d + one)
        if nxt is not None and nxt.start <= d:
            assert nxt.status == after
    for row in _change_rows(df[df["kind"] == "membership"]):
        d, subject, party, before, after = row
        assert rec.is_member(party, subject, d - one) is (before != "not_member")
        assert rec.is_member(party, subject, d) is (after != "not_member"), row


def test_binding_statuses_vocabulary() -> None:
    assert frozenset({"in_force", "notice_given", "provisionally_applied"}) == BINDING_STATUSES
