"""Pinned facts of the bundled actor files (states, organisations, memberships).

Each test names the bibliography entry (data/sources/actors.yaml) that supports the fact.
"""

from __future__ import annotations

import datetime as dt

import pytest

from indivisible.record._load import RawRecord, load_raw
from indivisible.record.types import Membership


@pytest.fixture(scope="module")
def raw() -> RawRecord:
    return load_raw()


def periods(raw: RawRecord, org: str, state: str) -> list[Membership]:
    return sorted(
        (m for m in raw.memberships if m.org == org and m.state == state), key=lambda m: m.start
    )


def members_on(raw: RawRecord, org: str, day: dt.date) -> set[str]:
    return {
        m.state
        for m in raw.memberships
        if m.org == org and m.start <= day and (m.end is None or day < m.end)
    }


def test_exactly_57_osce_participating_states(raw: RawRecord) -> None:
    # act-osce-participating-states, act-netherlands-osce-57: 57 participating States.
    osce = {sid for sid, st in raw.states.items() if st.osce}
    assert len(osce) == 57
    # Historical CSCE participants are kept, marked osce: false and ended.
    for sid in ("CSK", "DDR", "YUG"):
        assert not raw.states[sid].osce
        assert raw.states[sid].exists_to is not None
    # Every participating State is a participant today in the membership record too.
    assert members_on(raw, "osce", dt.date(2026, 1, 1)) == osce


def test_helsinki_final_act_had_35_signatories(raw: RawRecord) -> None:
    # act-osce-summit-1975: Final Act signed on 1975-08-01 (35 states: act-osce-timeline-hfa-1975).
    assert len(members_on(raw, "osce", dt.date(1975, 8, 1))) == 35


def test_nato_accession_dates(raw: RawRecord) -> None:
    # act-rferl-1999-accession: Poland (with CZE, HUN) 1999-03-12.
    assert [m.start for m in periods(raw, "nato", "POL")] == [dt.date(1999, 3, 12)]
    # act-nato-pa-finland-sweden: Finland 2023-04-04, Sweden 2024-03-07.
    assert [m.start for m in periods(raw, "nato", "FIN")] == [dt.date(2023, 4, 4)]
    assert [m.start for m in periods(raw, "nato", "SWE")] == [dt.date(2024, 3, 7)]
    # act-nato-archive-germany-1955: deposit on 1955-05-06 (not the 1955-05-09 NAC session).
    assert [m.start for m in periods(raw, "nato", "DEU")] == [dt.date(1955, 5, 6)]


def test_nato_member_count_around_swedish_accession(raw: RawRecord) -> None:
    # act-nato-pa-finland-sweden: Sweden the 32nd member on 2024-03-07.
    assert len(members_on(raw, "nato", dt.date(2024, 3, 7))) == 32
    assert len(members_on(raw, "nato", dt.date(2024, 3, 6))) == 31
    # rw-cvce-north-atlantic-treaty-1949: 12 founders at entry into force.
    assert len(members_on(raw, "nato", dt.date(1949, 8, 24))) == 12


def test_uzbekistan_csto_periods(raw: RawRecord) -> None:
    # act-mfa-by-csto (treaty in force 1994-04-20); act-jamestown-cst-1999 (outside 1999-04-20);
    # rp-asiaplus-uzbekistan-csto-2006 (restored 2006-06-23);
    # act-tass-uzbekistan-csto-suspended-2012.
    got = [(m.start, m.end) for m in periods(raw, "csto", "UZB")]
    assert got == [
        (dt.date(1994, 4, 20), dt.date(1999, 4, 20)),
        (dt.date(2006, 6, 23), dt.date(2012, 12, 19)),
    ]


def test_armenia_csto_membership_continues_with_claims(raw: RawRecord) -> None:
    # act-asbarez-armenia-csto-2024, act-silkway-peskov-armenia-2024: "frozen", no notification.
    (arm,) = periods(raw, "csto", "ARM")
    assert arm.end is None
    speakers = {c.by for c in arm.claims}
    assert {"ARM", "RUS"} <= speakers


def test_united_kingdom_left_the_eu_on_2020_02_01(raw: RawRecord) -> None:
    # act-hansard-2020-01-27-exit: exit at 23:00 GMT on 2020-01-31; first day out 2020-02-01.
    (gbr,) = periods(raw, "eu", "GBR")
    assert gbr.start == dt.date(1973, 1, 1)
    assert gbr.end == dt.date(2020, 2, 1)
    assert "GBR" in members_on(raw, "eu", dt.date(2020, 1, 31))
    assert "GBR" not in members_on(raw, "eu", dt.date(2020, 2, 1))
    # act-eurlex-enlargement-glossary: 27 members after the UK's withdrawal.
    assert len(members_on(raw, "eu", dt.date(2020, 2, 1))) == 27


def test_holy_see_is_not_a_un_member(raw: RawRecord) -> None:
    # act-holyseemission-observer: the Holy See is a Permanent Observer, not a member.
    assert periods(raw, "un", "VAT") == []
    assert len(members_on(raw, "un", dt.date(2026, 1, 1))) == 56


def test_georgia_left_the_cis_on_2009_08_18(raw: RawRecord) -> None:
    # act-kremlin-cis-glossary, act-panarmenian-georgia-cis-2009.
    (geo,) = periods(raw, "cis", "GEO")
    assert geo.end == dt.date(2009, 8, 18)
