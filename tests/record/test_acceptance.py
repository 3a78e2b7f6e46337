"""The bundled record answers the dated questions of issue 2 correctly, at the boundaries."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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


def test_every_change_takes_effect_on_its_date(rec: Record) -> None:
    """Day before, of and after every status change in the record (boundary sweep)."""
    import datetime as dt

    one = dt.timedelta(days=1)
    df = rec.changes(rec.coverage.start, rec.coverage.reviewed)
    inst = df[df["kind"] == "instrument"]
    assert len(inst) > 100
    for row in inst.itertuples(index=False):
        d = row.date
        assert rec.party_status(row.subject, row.party, d - one) == row.before, row
        assert rec.party_status(row.subject, row.party, d) == row.after, row
        nxt = rec.party_segment(row.subject, row.party, d + one)
        if nxt is not None and nxt.start <= d:
            assert nxt.status == row.after
    mem = df[df["kind"] == "membership"]
    for row in mem.itertuples(index=False):
        d = row.date
        assert rec.is_member(row.party, row.subject, d - one) is (row.before != "not_member")
        assert rec.is_member(row.party, row.subject, d) is (row.after != "not_member"), row


def test_binding_statuses_vocabulary() -> None:
    assert frozenset({"in_force", "notice_given", "provisionally_applied"}) == BINDING_STATUSES
