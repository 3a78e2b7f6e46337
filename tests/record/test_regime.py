"""The treaty regime of issue 13: key dates, binding pairs, successor parties, categories."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml

from indivisible.record import Record, panel
from indivisible.record._load import load_raw
from indivisible.record._regime import list_instruments, primary_category
from indivisible.record.types import REGIME_CATEGORIES

CASES: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "regime.yaml").read_text(encoding="utf-8")
)
REGIME = [
    "npt-1968",
    "ptbt-1963",
    "ttbt-1974",
    "bwc-1972",
    "cwc-1993",
    "ctbt-1996",
    "budapest-memorandum-1994",
    "lisbon-protocol-1992",
    "code-of-conduct-1994",
    "incsea-1972",
    "dangerous-military-activities-1989",
    "nuclear-risk-reduction-centers-1987",
    "ballistic-missile-launch-notification-1988",
]


@pytest.fixture(scope="module")
def rec() -> Record:
    return Record.load()


@pytest.mark.parametrize(
    "case", CASES["status"], ids=lambda c: f"{c['instrument']}-{c['party']}-{c['date']}"
)
def test_key_dates(rec: Record, case: dict[str, Any]) -> None:
    assert rec.party_status(case["instrument"], case["party"], case["date"]) == case["status"]


@pytest.mark.parametrize(
    "case", CASES["binding"], ids=lambda c: f"{'-'.join(c['pair'])}-{c['date']}"
)
def test_binding_pairs(rec: Record, case: dict[str, Any]) -> None:
    a, b = case["pair"]
    res = rec.binding(a, b, case["date"])
    got = {i["id"] for i in res["instruments"]}
    assert set(case.get("includes", [])) <= got
    assert not set(case.get("excludes", [])) & got
    notes = {n["id"]: n["note"] for n in res["not_binding"]}
    for inst, note in case.get("not_binding", {}).items():
        assert notes.get(inst) == note


@pytest.mark.parametrize("case", CASES["successors"], ids=lambda c: c["instrument"])
def test_successor_parties_in_history(rec: Record, case: dict[str, Any]) -> None:
    parties = set(rec.history(case["instrument"])["party"])
    assert set(case["parties"]) <= parties


def test_ctbt_never_in_force(rec: Record) -> None:
    inst = rec.instruments["ctbt-1996"]
    assert not [e for e in inst.events if e.event == "entered_into_force"]
    statuses = set(rec.history("ctbt-1996")["status"])
    assert statuses <= {"signed", "ratified"}
    assert "NEVER IN FORCE" in (inst.summary or "")


def test_russian_revocation_carries_both_sides_words(rec: Record) -> None:
    # the status itself (a signatory again) is not disputed; the motive is: claims, no readings
    seg = rec.party_segment("ctbt-1996", "RUS", "2023-11-02")
    assert seg is not None and seg.event == "ratification_withdrawn" and seg.status == "signed"
    ev = next(e for e in rec.instruments["ctbt-1996"].events if e.event == "ratification_withdrawn")
    assert {c.by for c in ev.disputed} == {"RUS", "USA"}


def test_budapest_disputes_give_each_side(rec: Record) -> None:
    by = {c.by for c in rec.instruments["budapest-memorandum-1994"].disputes}
    assert {"RUS", "UKR", "USA", "GBR"} <= by


def test_every_regime_instrument_has_a_regime_category(rec: Record) -> None:
    for i in REGIME:
        assert primary_category(rec.instruments[i]) in REGIME_CATEGORIES, i


def test_regime_sources_say_kind_and_what_was_read() -> None:
    raw = load_raw()
    used = set()
    for i in REGIME:
        inst = raw.instruments[i]
        used |= {inst.source, *(e.source for e in inst.events)}
    regime = {k: s for k, s in raw.sources.items() if k.startswith("regime-")}
    assert used <= set(raw.sources)
    for s in regime.values():
        assert s.kind in ("text", "official", "secondary", "tertiary"), s.id
        assert s.read, s.id
        assert s.url or "copy" in (s.read or ""), s.id


def test_list_instruments_filters(rec: Record) -> None:
    rows = list_instruments(rec, category="risk_reduction")
    assert {r["id"] for r in rows} >= {"incsea-1972", "nuclear-risk-reduction-centers-1987"}
    assert all(set(r) == {"id", "short", "category", "binding"} for r in rows)
    ukr = {r["id"] for r in list_instruments(rec, party="UKR", on=dt.date(2014, 2, 1))}
    assert {"budapest-memorandum-1994", "ctbt-1996"} <= ukr  # CTBT: ratified, not in force
    assert "new-start-2010" not in ukr
    ever = {r["id"] for r in list_instruments(rec, party="KAZ")}
    assert {"start-1991", "inf-1987", "npt-1968"} <= ever
    early = {r["id"] for r in list_instruments(rec, on=dt.date(1970, 1, 1))}
    assert "npt-1968" in early and "ctbt-1996" not in early


def test_state_panel_category_counts_decompose(rec: Record) -> None:
    df = panel(rec, "year", "state", dt.date(1990, 1, 1), dt.date(1995, 12, 31))
    bound = {
        c.removeprefix("bound_"): c
        for c in df.columns
        if c.startswith("bound_") and not c.endswith("_some")
    }
    for cat in REGIME_CATEGORIES:
        for kind in ("legal", "political"):
            cols = [
                col
                for inst, col in bound.items()
                if rec.instruments[inst].binding == kind and cat in rec.instruments[inst].categories
            ]
            expect = df[cols].sum(axis=1, min_count=1) if cols else 0
            got = df[f"n_{kind}_{cat}"]
            ok = got.isna() | (got == expect)
            assert bool(ok.all()), (cat, kind)
    # missing stays missing: Czechoslovakia after its dissolution, the GDR after 1990
    csk = df[(df.state == "CSK") & (df.period == "1994")]
    assert csk["n_legal_non_proliferation"].isna().all()
    ukr = df[(df.state == "UKR") & (df.period == "1994")].iloc[0]
    assert ukr["n_legal_non_proliferation"] >= 1  # NPT from 1994-12-05
    assert ukr["n_political_security_assurance"] == 1
    assert pd.api.types.is_integer_dtype(df["n_legal_arms_control"])
