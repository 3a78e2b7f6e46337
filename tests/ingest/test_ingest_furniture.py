"""The learned furniture test (``indivisible.ingest._furniture``): twins and its model file."""

from __future__ import annotations

import importlib.util
import json
import math
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from indivisible.ingest._furniture import FEATURES, LineContext, features, model, probability

from ._docs import parse_written

ROOT = Path(__file__).resolve().parents[2]

# An embassy's statement whose page prints the mission's address and telephone below the
# text, inside the one speaker's turn; its twin has a short sentence of the speaker's there.
_STATEMENT = (
    "Statement by Ambassador Petra Novak at the OSCE Permanent Council\n\n"
    "AMBASSADOR NOVAK: Mr Chairperson, the Vienna Document must be modernised without delay, "
    "and we call on every participating State to engage in good faith.\n\n"
    "Transparency about large exercises serves the security of all of us.\n\n"
    "{tail}\n\n"
    "Thank you, Mr Chairperson.\n"
)


def test_a_telephone_line_inside_a_turn_is_furniture(tmp_path: Path) -> None:
    doc = parse_written(
        tmp_path, _STATEMENT.format(tail="Tel: +421 2 5930 8111, Fax: +421 2 5930 8101")
    )
    assert doc.statements, "the turn is read"
    assert not any("Tel:" in s.text for s in doc.statements)
    assert any("Vienna Document" in s.text for s in doc.statements)


def test_a_short_sentence_of_the_speaker_stays(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _STATEMENT.format(tail="We will not accept this."))
    assert any(s.text.strip() == "We will not accept this." for s in doc.statements)


def test_a_link_and_a_page_field_score_above_a_sentence() -> None:
    ctx = LineContext(position=0.9, first_in_turn=False, labelled_turn=True, repeated=False)
    link = probability("https://www.example.org/press/2022/statement-osce.html", ctx)
    field = probability("Editor in charge: Li Wei", ctx)
    sentence = probability("We have always said that NATO's expansion threatens our security.", ctx)
    assert link > model().threshold and field > sentence
    assert sentence < model().threshold


@given(st.text(max_size=300), st.floats(0, 1), st.booleans(), st.booleans(), st.booleans())
def test_any_line_scores_a_probability(
    text: str, pos: float, first: bool, lab: bool, rep: bool
) -> None:
    ctx = LineContext(position=pos, first_in_turn=first, labelled_turn=lab, repeated=rep)
    assert len(features(text, ctx)) == len(FEATURES)
    p = probability(text, ctx)
    assert 0.0 <= p <= 1.0 and not math.isnan(p)


def test_the_shipped_model_is_what_the_tune_part_gives() -> None:
    """The model file reproduces from the corpus and the training script (within rounding)."""
    spec = importlib.util.spec_from_file_location(
        "train_furniture_model", ROOT / "scripts" / "train_furniture_model.py"
    )
    assert spec and spec.loader
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    assert train.main(["--check"]) == 0
    data = json.loads(train.OUT.read_text(encoding="utf-8"))
    assert len(data["weights"]) == len(data["features"]) == len(FEATURES) + len(data["vocabulary"])
    assert data["training"]["furniture"] >= 150  # gold furniture lines met in the tune part
