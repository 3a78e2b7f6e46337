"""The learned furniture test (``indivisible.ingest._furniture``): twins and its model file."""

from __future__ import annotations

import importlib.util
import json
import math
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from indivisible.ingest._furniture import (
    FEATURES,
    LineContext,
    features,
    furniture,
    model,
    probability,
)

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
    assert train.main(["--check"]) == 0, (
        "the tune part or the rules that make its turns changed: refit the model with "
        "`python scripts/train_furniture_model.py` and commit data/gazetteer/furniture_model.json"
    )
    data = json.loads(train.OUT.read_text(encoding="utf-8"))
    assert len(data["weights"]) == len(data["features"]) == len(FEATURES) + len(data["vocabulary"])
    assert data["training"]["furniture"] >= 150  # gold furniture lines met in the tune part


# --- text nobody speaks, on a page where others do ------------------------------------------

_SITTING = (
    "Verbatim record of the plenary sitting\n\n"
    "Stage of consideration:\n\n"
    "Third reading of the bill\n\n"
    "{intro}"
    "THE SPEAKER: The sitting is open. We begin the debate on the report on accession to the "
    "North Atlantic Treaty.\n\n"
    "PRIME MINISTER SANNA MARIN: Thank you. Our security environment has changed, and "
    "membership of NATO would strengthen our security.\n"
)


def test_short_lines_nobody_speaks_above_the_speakers_are_no_statements(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _SITTING.format(intro=""))
    assert {s.speaker for s in doc.statements} == {"The Speaker", "Sanna Marin"}
    assert not any("Stage of consideration" in s.text for s in doc.statements)


def test_a_paragraph_of_prose_nobody_speaks_stays_a_statement(tmp_path: Path) -> None:
    intro = (
        "The Parliament debated the government's report on Finland's accession to the North "
        "Atlantic Treaty Organization, which the President had sent to it on Monday.\n\n"
    )
    doc = parse_written(tmp_path, _SITTING.format(intro=intro))
    kept = [s for s in doc.statements if s.speaker is None and s.role is None]
    assert len(kept) == 1 and "nato" in kept[0].organisations


def test_a_page_where_nobody_is_named_keeps_its_text(tmp_path: Path) -> None:
    text = (
        "Statement on the Vienna Document\n\n"
        "We regret that the modernisation of the Vienna Document has stalled again.\n\n"
        "Short notice inspections remain the best tool we have.\n\n"
        "Transparency about exercises serves the security of all.\n"
    )
    doc = parse_written(tmp_path, text)
    assert {s.speaker for s in doc.statements} == {None}
    assert any("Short notice" in s.text for s in doc.statements)
    assert any("Transparency" in s.text for s in doc.statements)


def test_loose_header_lines_above_a_speech_nobody_is_named_for_are_no_statements(
    tmp_path: Path,
) -> None:
    text = (
        "Session No. 207\n\n"
        "Stage of consideration:\n\n"
        "Third reading of the bill\n\n"
        "Recalling their obligations under Article VI of the Non-Proliferation Treaty,\n\n"
        "We regret that the modernisation of the Vienna Document has stalled again this year.\n\n"
        "Short notice inspections remain the best tool we have.\n\n"
        "Long live the friendship of our peoples\n"
    )
    doc = parse_written(tmp_path, text)
    texts = [s.text for s in doc.statements]
    assert not any("Stage of" in t or "Third reading" in t for t in texts)
    # A clause closed by a comma, a sentence, and lines below the first sentence stay.
    assert any("Recalling" in t for t in texts) and any("Long live" in t for t in texts)


# --- session 22: the faster counts and tests give what the plain ones give ---------------


@given(st.text(max_size=200) | st.text(alphabet="AbcZ09 .,:|©«»Wir@", max_size=200))
def test_the_line_counts_are_the_characters_counts(text: str) -> None:
    from indivisible.ingest._furniture import _counts

    assert _counts(text) == (
        sum(map(str.isupper, text)),
        sum(map(str.isalpha, text)),
        sum(map(str.isdigit, text)),
    )


@given(st.text(alphabet="We wir I ich nous ours Mr (AP Photo) Фото: я мы.,/", max_size=120))
def test_the_lowered_tests_match_where_the_written_ones_do(text: str) -> None:
    from indivisible.ingest import _furniture as f

    low = text.lower()
    if len(low) != len(text) or f._FIRST_PERSON_LOW is None or f._CREDIT_LOW is None:
        return
    assert (f._FIRST_PERSON_LOW.search(low) is None) == (f._FIRST_PERSON.search(text) is None)
    assert (f._CREDIT_LOW.search(low) is None) == (f._CREDIT.search(text) is None)


_LINES = st.sampled_from(
    [
        "Share on twitter",
        "Photo: Jana Halvar/Reuters",
        "We have always said that NATO's expansion threatens our security.",
        "Editor in charge: Li Wei",
        "https://www.example.org/press/2022/statement-osce.html",
        "(As delivered)",
        "Thank you, Mr Chairperson.",
    ]
)


@given(
    line=st.one_of(_LINES, st.text(max_size=120)),
    position=st.floats(min_value=0.0, max_value=1.0),
    flags=st.tuples(st.booleans(), st.booleans(), st.booleans()),
)
def test_the_decision_is_the_models_probability_against_its_threshold(
    line: str, position: float, flags: tuple[bool, bool, bool]
) -> None:
    """furniture() scores one unfolded linear form; it decides as the probability does."""
    ctx = LineContext(position, *flags)
    p = probability(line, ctx)
    if abs(p - model().threshold) > 1e-9:  # (rounding apart, at the threshold itself)
        assert furniture(line, ctx) == (p >= model().threshold)
