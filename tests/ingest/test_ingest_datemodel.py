"""The learned date of an undated page (``indivisible.ingest._datemodel``): twins and model."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import math
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from indivisible.ingest._datemodel import FEATURES, best, candidates, model
from indivisible.ingest._read import read
from indivisible.ingest._structure import Structure, _parsed_span, structure

from ._docs import parse_written

ROOT = Path(__file__).resolve().parents[2]

# A news page whose only stamp is glued to the byline by the site's layout; its twin prints
# no stamp, and its one date is the event's, inside a sentence of the report.
_REPORT = (
    "Bucharest Summit\n\n"
    "{byline}\n\n"
    "Discussions at the NATO summit focused on the alliance mission in Afghanistan and a "
    "planned missile shield for Europe. Croatia and Albania were invited to join.\n\n"
    "NATO leaders were set {when} to endorse the plan, a senior US official told reporters.\n"
)


def _structure(tmp_path: Path, text: str) -> Structure:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return structure(read(path))


def test_a_stamp_glued_to_the_byline_dates_the_page(tmp_path: Path) -> None:
    found = _structure(
        tmp_path, _REPORT.format(byline="DW staff (jp)April 3, 2008", when="on Thursday")
    )
    assert found.date == dt.date(2008, 4, 3)
    assert found.date_guessed, "no rule reads the glued stamp: the model's guess, marked"
    doc = parse_written(
        tmp_path, _REPORT.format(byline="DW staff (jp)April 3, 2008", when="on Thursday")
    )
    assert doc.document.date == dt.date(2008, 4, 3)


def test_an_event_day_inside_the_report_leaves_the_page_undated(tmp_path: Path) -> None:
    found = _structure(tmp_path, _REPORT.format(byline="DW staff (jp)", when="on April 3, 2008"))
    assert found.date is None and not found.date_guessed
    raw_text = _REPORT.format(byline="DW staff (jp)", when="on April 3, 2008")
    scored = best(candidates(raw_text, [], _parsed_span))
    assert scored is not None and scored[1] < model().threshold, "seen, and judged too unsure"


def test_a_date_the_rules_read_is_not_a_guess(tmp_path: Path) -> None:
    found = _structure(
        tmp_path, _REPORT.format(byline="By Jane Doe\n\nApril 3, 2008", when="on Thursday")
    )
    assert found.date == dt.date(2008, 4, 3) and not found.date_guessed


@given(
    st.lists(
        st.text(
            alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
            max_size=80,
        ),
        max_size=8,
    ),
    st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2030, 12, 31)),
)
def test_any_page_scores_its_dates_as_probabilities(lines: list[str], day: dt.date) -> None:
    text = "\n".join([*lines, day.strftime("%d %B %Y")])
    found = candidates(text, [], _parsed_span)
    assert all(len(c.features) == len(FEATURES) for c in found)
    assert any(c.day == day for c in found), "a date line of its own is always a candidate"
    top = best(found)
    assert top is not None and 0.0 <= top[1] <= 1.0 and not math.isnan(top[1])


def test_the_shipped_model_is_what_the_tune_part_gives() -> None:
    """The model file reproduces from the corpus and the training script (within rounding)."""
    spec = importlib.util.spec_from_file_location(
        "train_date_model", ROOT / "scripts" / "train_date_model.py"
    )
    assert spec and spec.loader
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    assert train.main(["--check"]) == 0, (
        "the tune part or the rules that date its pages changed: refit the model with "
        "`python scripts/train_date_model.py` and commit data/gazetteer/date_model.json"
    )
    data = json.loads(train.OUT.read_text(encoding="utf-8"))
    assert len(data["weights"]) == len(data["features"]) == len(FEATURES)
    assert data["training"]["right"] >= 300  # gold dates met among the tune part's candidates
    assert 0.5 <= data["threshold"] < 1.0
