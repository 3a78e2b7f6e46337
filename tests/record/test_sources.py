"""Source kinds and the source report (issue 12)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pydantic import ValidationError

from indivisible.record import Record, Source
from indivisible.record._check import check, forum_or_aggregator, source_report
from indivisible.record._load import bundled_data_dir

MINI = Path(__file__).parent / "fixtures" / "mini"


def test_kind_is_required_and_closed() -> None:
    with pytest.raises(ValidationError):
        Source.model_validate({"id": "x", "title": "t"})
    with pytest.raises(ValidationError):
        Source.model_validate({"id": "x", "title": "t", "kind": "blog"})
    s = Source.model_validate({"id": "x", "title": "t", "kind": "official", "read": "all"})
    assert (s.kind, s.read) == ("official", "all")


def test_bundled_sources_carry_weight() -> None:
    rep = source_report()
    by_kind = rep["by_kind"]
    assert isinstance(by_kind, dict)
    assert set(by_kind) == {"text", "official", "secondary", "tertiary"}
    n = int(str(rep["facts"]))
    assert sum(by_kind.values()) == n
    strong = n - by_kind["tertiary"]
    assert strong / n >= 0.80
    assert rep["weak_hosts"] == []
    assert len(rep["tertiary_only"]) == by_kind["tertiary"]  # type: ignore[arg-type]


def test_every_bundled_source_says_what_was_read() -> None:
    rec = Record.load()
    assert all((s.read or "").strip() for s in rec.sources.values())


def test_tertiary_facts_are_marked() -> None:
    r = Record.load()
    row = next(i for i in r.status("POL", "1999-03-12")["instruments"] if i["id"] == "cfe-1990")
    assert bool(row.get("tertiary_only")) is (r.source_kind(row["source"]) == "tertiary")
    h = r.history("cfe-1990")
    assert set(h["source_kind"]) <= {"text", "official", "secondary", "tertiary"}


def test_forum_citation_fails_the_check(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    src = data / "sources" / "all.yaml"
    text = src.read_text()
    assert "https://www.nato.int/cps/en/natohq/topics_52044.htm" in text
    src.write_text(
        text.replace(
            "https://www.nato.int/cps/en/natohq/topics_52044.htm",
            "https://example.blogspot.com/nato",
        )
    )
    problems = check(data)
    assert any("forum, study guide or aggregator" in p.message for p in problems)
    assert forum_or_aggregator("https://example.blogspot.com/nato")


def test_missing_read_fails_the_check(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    src = data / "sources" / "all.yaml"
    src.write_text(src.read_text().replace("  read: test fixture entry\n", "", 1))
    problems = check(data)
    assert any("'read' is missing" in p.message for p in problems)


def test_bundled_data_dir_exists() -> None:
    assert (bundled_data_dir() / "sources").is_dir()
