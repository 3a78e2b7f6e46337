"""Reading the fixture documents: metadata, kind, turns, boilerplate, offsets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from indivisible.ingest import ParsedDocument, parse_file

FIXTURES = Path(__file__).parent / "fixtures"


def _parse(name: str) -> ParsedDocument:
    return parse_file(FIXTURES / name)


def _turns(parsed: ParsedDocument) -> list[str]:
    """Speaker (or role) of each turn, in order, quotations left out."""
    out: list[tuple[int, str]] = []
    for s in parsed.statements:
        if s.quoted_by is None and (not out or out[-1][0] != s.turn):
            out.append((s.turn, s.speaker or s.role or "?"))
    return [who for _, who in out]


@pytest.mark.parametrize(
    ("name", "title", "date", "place", "kind"),
    [
        (
            "transcript.txt",
            "Meeting with Foreign Minister Sergei Lavrov on the arms control dialogue.",
            dt.date(2021, 3, 3),
            "The Kremlin, Moscow",
            "transcript",
        ),
        (
            "highlights.md",
            "Remarks on Arms Control in Europe",
            dt.date(2019, 10, 12),
            "Riga",
            "highlights",
        ),
        (
            "page.html",
            "Joint press point with the Secretary General",
            dt.date(2006, 4, 21),
            None,
            "press_conference",
        ),
        (
            "news.txt",
            "Minister says security talks must continue",
            dt.date(2022, 1, 27),
            "Moscow",
            "news_article",
        ),
        (
            "press_point.txt",
            "Press conference by NATO Secretary General, Lord Robertson, and the Russian "
            "President Putin",
            dt.date(2002, 5, 14),
            "Pratica di Mare, Rome",
            "press_conference",
        ),
    ],
)
def test_document_metadata(
    name: str, title: str, date: dt.date, place: str | None, kind: str
) -> None:
    doc = _parse(name).document
    assert (doc.title, doc.date, doc.place, doc.kind) == (title, date, place, kind)


def test_transcript_turns_and_label_forms() -> None:
    parsed = _parse("transcript.txt")
    assert _turns(parsed) == [
        "Vladimir Putin",
        "Sergei Lavrov",
        "Vladimir Putin",
        "Sergei Lavrov",
        "Vladimir Putin",
    ]
    first = parsed.statements[0]
    assert first.role == "President of Russia"
    assert first.person_id == "vladimir-putin"
    # The role given in the first label stays with the speaker for the whole document.
    assert {s.role for s in parsed.statements if s.speaker == "Sergei Lavrov"} == {
        "Foreign Minister"
    }
    # A turn continues over paragraphs: Lavrov's first turn has three.
    assert [s.text[:20] for s in parsed.statements if s.turn == 1] == [
        "Mr President,",
        "The consultations to",
        "We insist on a concr",
    ]


def test_unlabelled_opening_and_answer_are_attributed() -> None:
    parsed = _parse("press_point.txt")
    assert _turns(parsed) == [
        "George Robertson",
        "Vladimir Putin",
        "moderator",
        "journalist",
        "Vladimir Putin",
    ]
    assert parsed.statements[-1].text.startswith("Russia is not asking to join.")
    assert parsed.statements[-1].speaker == "Vladimir Putin"


def test_html_labels_in_capitals_and_questions() -> None:
    parsed = _parse("page.html")
    assert _turns(parsed) == ["Jaap de Hoop Scheffer", "journalist", "Jaap de Hoop Scheffer"]
    assert parsed.statements[0].role == "Secretary General of NATO"
    assert parsed.statements[2].stance == "question"


def test_highlights_pages_and_author() -> None:
    parsed = _parse("highlights.md")
    own = [s for s in parsed.statements if s.quoted_by is None]
    assert [s.page for s in own] == [1, 2, 3, 5]
    assert {s.speaker for s in own} == {"Jens Stoltenberg"}
    assert own[1].text == (
        "**Allies remain committed to the CFE Treaty** and to the Vienna Document, "
        "even as others do not."
    )


def test_quotation_is_its_own_statement_with_its_date() -> None:
    parsed = _parse("highlights.md")
    (quoted,) = [s for s in parsed.statements if s.quoted_by]
    assert quoted.speaker == "Manfred Wörner"
    assert quoted.role == "NATO Secretary General"
    assert quoted.quoted_by == "Jens Stoltenberg"
    assert quoted.date == dt.date(1990, 5, 17)
    assert quoted.text == "the Alliance will never be the aggressor against anyone in Europe"
    assert quoted.stance == "assurance"
    assert quoted.page == 3


def test_news_quotes_and_reported_speech_go_to_the_person_quoted() -> None:
    parsed = _parse("news.txt")
    assert [(s.speaker, s.text) for s in parsed.statements] == [
        (
            "Sergei Lavrov",
            "the US written response contained no positive answer on the main question "
            "of NATO expansion.",
        ),
        ("Sergei Lavrov", "There is no positive answer in this document to the main question"),
        ("Sergei Lavrov", "Moscow would study the reply before deciding on next steps."),
        (
            "Jens Stoltenberg",
            "the Alliance was ready to listen to Russia's concerns and to discuss arms "
            "control, including the Vienna Document.",
        ),
        # The report's own narrative: nobody's words, kept for what it names.
        (None, "The exchange follows the draft treaties Moscow published in December 2021."),
    ]


BOILERPLATE = {
    "transcript.txt": ["Select font", "Character spacing", "Transcripts /", "<…>"],
    "highlights.md": ["#readwise", "## Metadata", "- Author:", "Full Title", "## Highlights"],
    "page.html": ["Home", "Select font", "Share this", "Back to top", "Related", "Sofia"],
    "press_point.txt": ["Updated:", "Audio file", "Go to Homepage"],
    "news.txt": ["By Anna Keller"],
}
METADATA = {
    "transcript.txt": ["March 3, 2021"],
    "press_point.txt": ["Pratica di Mare", "14 May 2002", "by NATO Secretary General"],
    "news.txt": ["27 January 2022"],
}


@pytest.mark.parametrize("name", sorted(BOILERPLATE))
def test_no_boilerplate_or_metadata_in_statements(name: str) -> None:
    parsed = _parse(name)
    assert parsed.statements
    for statement in parsed.statements:
        for line in BOILERPLATE[name] + METADATA.get(name, []):
            assert line not in statement.text


@pytest.mark.parametrize("name", sorted(BOILERPLATE))
def test_every_statement_is_its_span_of_the_stored_text(name: str) -> None:
    parsed = _parse(name)
    text = parsed.document.text
    for statement in parsed.statements:
        assert statement.text == text[statement.start : statement.end]
        assert statement.text == statement.text.strip()


def test_html_stored_text_is_the_extracted_main_text() -> None:
    doc = _parse("page.html").document
    assert doc.format == "html"
    assert "<p>" not in doc.text
    assert doc.text.startswith("Joint press point with the Secretary General\nJAAP DE HOOP")


def test_document_id_is_the_sha256_of_the_bytes() -> None:
    import hashlib

    data = (FIXTURES / "news.txt").read_bytes()
    assert _parse("news.txt").document.id == hashlib.sha256(data).hexdigest()


def test_treaty_text_speaks_for_its_parties(tmp_path: Path) -> None:
    path = tmp_path / "agreement.txt"
    path.write_text(
        "Agreement on Measures of Mutual Restraint\n\n"
        "The Parties to this Agreement,\n\n"
        "Guided by the Charter of the United Nations,\n\n"
        "Have agreed as follows:\n\n"
        "Article 1\n"
        "The Parties shall not station additional combat forces near their common border.\n\n"
        "Article 2\n"
        "The Parties shall consult within the OSCE.\n",
        encoding="utf-8",
    )
    parsed = parse_file(path)
    assert parsed.document.kind == "treaty_text"
    assert [(s.role, s.stance, s.text[:24]) for s in parsed.statements] == [
        ("text of the instrument", "position", "The Parties to this Agre"),
        ("text of the instrument", "position", "Guided by the Charter of"),
        ("text of the instrument", "position", "Have agreed as follows:"),
        ("text of the instrument", "commitment", "The Parties shall not st"),
        ("text of the instrument", "commitment", "The Parties shall consul"),
    ]
    assert parsed.statements[1].instruments == ("un-charter-1945",)


def test_furniture_that_the_extractor_keeps_is_still_dropped(tmp_path: Path) -> None:
    path = tmp_path / "kept.html"
    path.write_text(
        "<html><head><title>Minister's address</title></head><body><article>"
        "<h1>Minister's address</h1>"
        "<p>Sergei Lavrov: We insist that the Founding Act is respected by every signatory "
        "of it, in letter and in spirit, today and in the years to come.</p>"
        "<p>Share this page</p>"
        "<p>Sergei Lavrov: The OSCE remains the place for this discussion, and we are ready "
        "to continue it with all participating States.</p>"
        "<p>Back to top</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    parsed = parse_file(path)
    assert [s.text[:20] for s in parsed.statements] == [
        "We insist that the F",
        "The OSCE remains the",
    ]
