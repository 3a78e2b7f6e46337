"""Threat relations as readings: the file format, its errors, and whose launchers count."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from indivisible import InputError
from indivisible.indicators import profile
from indivisible.indicators._threats import alliance_reading, as_reading, load_threats
from indivisible.record import Record
from indivisible.world import load_scenario

NEUTRAL = ("IRL", "CHE", "AUT", "MLT", "AND", "VAT", "LIE")


@pytest.fixture(scope="module")
def rec() -> Record:
    return Record.load()


def test_bundled_reading_is_sourced_and_every_relation_cites_a_read_source(rec: Record) -> None:
    t = load_threats(None, rec)
    assert t.name == "sourced" and t.relations
    for rel in t.relations:
        src = rec.sources[rel.source]
        assert src.kind in {"text", "official", "secondary", "tertiary"}
        assert src.read and src.url


def test_sourced_matrix_names_whom_russia_and_nato_regard_and_no_neutral_fears_the_usa(
    rec: Record,
) -> None:
    sc = load_scenario("examples/europe-today.yaml", rec)
    codes = ("RUS", "BLR", "USA", "POL", *NEUTRAL)
    allied = np.zeros((len(codes), len(codes)), dtype=bool)
    m = load_threats(None, rec).matrix(rec, sc, dt.date(2026, 1, 1), codes, allied)
    ix = {c: i for i, c in enumerate(codes)}
    assert m[ix["RUS"], ix["USA"]] and m[ix["BLR"], ix["POL"]]
    assert m[ix["POL"], ix["RUS"]] and m[ix["USA"], ix["RUS"]]
    assert not any(m[ix[n], ix["USA"]] for n in NEUTRAL)
    # EU members regard Russia as a threat under the Strategic Compass (2022-03-21)
    assert m[ix["IRL"], ix["RUS"]] and not m[ix["CHE"], ix["RUS"]]
    # before the relations' dates: none for Poland (2020-05-12) and NATO (2022-06-29)
    early = load_threats(None, rec).matrix(rec, sc, dt.date(2019, 1, 1), codes, allied)
    assert not early[ix["POL"], ix["RUS"]] and early[ix["USA"], ix["RUS"]]


def test_alliance_rule_is_every_non_ally(rec: Record) -> None:
    sc = load_scenario("examples/europe-today.yaml", rec)
    allied = np.array([[True, True, False], [True, True, False], [False, False, True]])
    m = alliance_reading().matrix(rec, sc, dt.date(2026, 1, 1), ("A", "B", "C"), allied)
    assert m.tolist() == [[False, False, True], [False, False, True], [True, True, False]]


def test_profile_under_the_sourced_reading_spares_neutral_states(rec: Record) -> None:
    sc = load_scenario("examples/europe-today.yaml", rec)
    states = ["RUS", "POL", *NEUTRAL]
    a = profile(rec, sc, "2026-01-01", states=states, families=["range"], threats="alliance")
    s = profile(rec, sc, "2026-01-01", states=states, families=["range"], threats="sourced")
    assert "threat reading 'sourced'" in " ".join(s.assumptions)
    # no neutral state counts a US (or other NATO) launcher; EU members count Russian ones
    # (Strategic Compass), Switzerland, Andorra, the Holy See and Liechtenstein nobody's
    for n in NEUTRAL:
        got = s.table[(s.table.state == n) & (s.table.indicator == "exposure_launchers")]
        assert not got.detail.str.contains(r"\(USA\)").any(), n
        if n in ("CHE", "AND", "VAT", "LIE"):
            assert (got.value == 0).all(), n
    # under the alliance rule US launchers do count against some of them
    t = a.table
    rows = t[(t.state.isin(NEUTRAL)) & (t.indicator == "exposure_launchers")]
    assert rows.detail.str.contains(r"\(USA\)").any()


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("name: x\ntitle: t\nrelations:\n  - who: [ZZZ]\n    regards: [RUS]\n    from: 2020-01-01\n"
         "    document: d\n    source: s\n", r"t\.yaml:4: field 'relations\[0\]\.who\[0\]'"),
        ("name: x\ntitle: t\nrelations:\n  - who: [POL]\n    regards: [RUS]\n    from: 2020-01-01\n"
         "    to: 2019-01-01\n    document: d\n    source: s\n", r"must be after"),
        ("name: x\ntitle: t\nrelations:\n  - who: [POL]\n    regards: [RUS]\n    from: 2020-01-01\n"
         "    document: d\n", r"field 'relations\[0\]\.source': required field is missing"),
        ("name: x\ntitle: t\nrelations:\n  - who: [POL]\n    regards: [RUS]\n    from: 2020-01-01\n"
         "    document: d\n    source: s\n    fears: yes\n", r"unknown key 'fears'"),
    ],
)  # fmt: skip
def test_bad_user_files_are_located_input_errors(
    rec: Record, tmp_path: Path, text: str, match: str
) -> None:
    p = tmp_path / "t.yaml"
    p.write_text(text)
    with pytest.raises(InputError, match=match):
        as_reading(p, rec)


def test_missing_file_is_an_input_error(rec: Record, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such threat-relations file"):
        as_reading(tmp_path / "none.yaml", rec)
