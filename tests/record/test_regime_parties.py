"""Per-party events of the multilateral treaties of the regime (issue 13): key dates from the
depositaries' records for a sample of states, and each instrument's note naming exactly the
states of the record still without a sourced event."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from indivisible.record import Record
from indivisible.record._load import RawRecord, load_raw

CASES: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "regime-parties.yaml").read_text(encoding="utf-8")
)
MULTILATERAL = ["npt-1968", "ptbt-1963", "bwc-1972", "cwc-1993", "ctbt-1996"]

_MISSING = re.compile(r"no date for them was found in a source\s+read:\s*(?P<list>[^.]*)\.")
_NOT_PARTY = re.compile(r"neither signatory nor party[^:]*:\s*(?P<list>[^.]*)\.")


@pytest.fixture(scope="module")
def rec() -> Record:
    return Record.load()


@pytest.fixture(scope="module")
def raw() -> RawRecord:
    return load_raw()


def _codes(text: str) -> set[str]:
    text = text.strip()
    if text == "none":
        return set()
    return {c.strip() for c in text.split(",")}


def listed_missing(note: str) -> set[str]:
    """The states a note says have no sourced event ("...: none." for none)."""
    flat = " ".join(note.split())
    m = _MISSING.search(flat)
    assert m, "the note must end with the list of states without a sourced event"
    return _codes(m["list"])


def listed_not_party(note: str) -> set[str]:
    flat = " ".join(note.split())
    m = _NOT_PARTY.search(flat)
    return _codes(m["list"]) if m else set()


def relevant_states(raw: RawRecord, instrument: str) -> set[str]:
    """States of the record that existed on or after the instrument was signed."""
    signed = raw.instruments[instrument].signed
    assert signed is not None
    return {s.id for s in raw.states.values() if s.exists_to is None or s.exists_to > signed}


@pytest.mark.parametrize("instrument", MULTILATERAL)
def test_note_lists_exactly_the_states_still_missing(raw: RawRecord, instrument: str) -> None:
    inst = raw.instruments[instrument]
    with_events = {e.party for e in inst.events if e.party is not None}
    missing = listed_missing(inst.note or "")
    not_party = listed_not_party(inst.note or "")
    expected = relevant_states(raw, instrument) - with_events - not_party
    assert missing == expected, (
        f"listed but covered: {sorted(missing - expected)}; "
        f"missing but not listed: {sorted(expected - missing)}"
    )
    assert not (not_party & with_events), "a state said to be no party has events"


@pytest.mark.parametrize(
    "case", CASES["status"], ids=lambda c: f"{c['instrument']}-{c['party']}-{c['date']}"
)
def test_key_dates_from_the_depositaries(rec: Record, case: dict[str, Any]) -> None:
    assert rec.party_status(case["instrument"], case["party"], case["date"]) == case["status"]


@pytest.mark.parametrize(
    "case", CASES["sources"], ids=lambda c: f"{c['instrument']}-{c['party']}-{c['event']}"
)
def test_key_events_cite_a_depositary_or_official_record(
    raw: RawRecord, case: dict[str, Any]
) -> None:
    inst = raw.instruments[case["instrument"]]
    events = [e for e in inst.events if e.party == case["party"] and e.event == case["event"]]
    assert [e.date for e in events] == [case["date"]]
    assert raw.sources[events[0].source].kind in ("text", "official")


def test_the_parsers_read_the_note_convention() -> None:
    note = (
        "Something. States of the record neither signatory nor party, per a source read: "
        "FRA. States of the record with no event here, because no date for them was found "
        "in a source\n  read: ALB, AND."
    )
    assert listed_missing(note) == {"ALB", "AND"}
    assert listed_not_party(note) == {"FRA"}
    assert listed_missing("... no date for them was found in a source read: none.") == set()
