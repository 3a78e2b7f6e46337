"""Instruments and organisations named in other languages (cases/multilingual_names.yaml)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from indivisible.ingest._link import link

CASES = yaml.safe_load(
    (Path(__file__).parent / "cases" / "multilingual_names.yaml").read_text(encoding="utf-8")
)
DAY = dt.date(2022, 2, 14)


@pytest.mark.parametrize("case", CASES["names"], ids=lambda c: c["text"])
def test_a_name_in_another_language_links_to_its_id(case: dict[str, str]) -> None:
    found = link(case["text"], DAY)
    assert set(found.instruments) | set(found.organisations) == {case["id"]}


@pytest.mark.parametrize("text", CASES["council_only"])
def test_the_security_council_is_not_also_the_un(text: str) -> None:
    assert link(text, DAY).organisations == ("un-security-council",)


@pytest.mark.parametrize("text", CASES["nothing"])
def test_a_look_alike_names_nothing(text: str) -> None:
    found = link(text, DAY)
    assert not found.instruments and not found.organisations
