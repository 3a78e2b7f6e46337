"""Layouts met first in the third round of tune documents: good/bad twins for each rule.

Each rule has a document (or a name) where it must act and a twin, alike except for the
one thing that must make it hold back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from indivisible.ingest import parse_file
from indivisible.ingest._link import dates_mentioned, link
from indivisible.ingest._names import role_and_name, titled_surname
from indivisible.ingest.types import ParsedDocument


def _parse(tmp_path: Path, text: str, name: str = "doc.txt") -> ParsedDocument:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_file(path)


def _texts(doc: ParsedDocument) -> str:
    return "\n".join(s.text for s in doc.statements)


# --- dates in figures ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("24.02.2022", ["2022-02-24"]),
        ("on 04.03.2024.", ["2024-03-04"]),  # day first: 4 March, not 3 April
        ("version 1.2.2022x", []),
        ("section 1.2.2022.5", []),
        ("3.14.2020", []),  # no fourteenth month
    ],
)
def test_dotted_dates_are_read_day_first(text: str, iso: list[str]) -> None:
    assert [d for _, _, d in dates_mentioned(text, None)] == iso


def test_a_date_in_figures_under_the_title_is_the_date(tmp_path: Path) -> None:
    good = _parse(tmp_path, "Meeting of the Permanent Council\n24.02.2022\nThe Chair spoke.\n")
    bad = _parse(tmp_path, "Meeting of the Permanent Council\n24.02\nThe Chair spoke.\n", "b.txt")
    assert good.document.date == dt.date(2022, 2, 24)
    assert bad.document.date is None
    assert "24.02" not in _texts(good) and "24.02" not in _texts(bad)


def test_a_masthead_stamp_is_not_the_date(tmp_path: Path) -> None:
    body = "Putin on NATO\n\nPutin said at his press conference that NATO had expanded.\n"
    stamp = "Monday. 04.03.2024\n\n" + body
    dated = "04.03.2024\n\n" + body
    assert _parse(tmp_path, stamp).document.date is None
    assert "04.03.2024" not in _texts(_parse(tmp_path, stamp))
    assert _parse(tmp_path, dated, "b.txt").document.date == dt.date(2024, 3, 4)


def test_a_time_zone_after_the_time_is_not_a_place(tmp_path: Path) -> None:
    header = "Putin on NATO\n\n23 December 2021 14:51 (UTC +04:00)\n\n"
    body = "On 23 December 2021 at 14:51 the President spoke to reporters about NATO.\n"
    doc = _parse(tmp_path, header + body)
    assert doc.document.date == dt.date(2021, 12, 23)
    assert doc.document.place is None
    assert "UTC" not in _texts(doc)
    # The same date and time inside a sentence stay text.
    assert body.strip() in _texts(_parse(tmp_path, "Putin on NATO\n\n" + body, "b.txt"))


# --- repeated lines --------------------------------------------------------------------


def test_a_doubled_caption_is_furniture_a_single_line_is_text(tmp_path: Path) -> None:
    caption = "Vladimir Putin with the acting head of the region."
    lede = "The President held a working meeting with the acting head of the region."
    doubled = _parse(tmp_path, f"Working meeting\n\n{lede}\n\n{caption}\n{caption}\nText.\n")
    single = _parse(tmp_path, f"Working meeting\n\n{lede}\n\n{caption}\nText.\n", "b.txt")
    assert caption not in _texts(doubled)
    assert caption in _texts(single)


def test_a_title_printed_twice_is_still_the_title(tmp_path: Path) -> None:
    title = "Interview of Deputy Minister Sergey Ryabkov to Izvestia (June 24, 2026)"
    doc = _parse(
        tmp_path, f"{title}\n{title}\nQuestion: Is there a chance?\nSergey Ryabkov: Yes.\n"
    )
    assert doc.document.title == title
    assert doc.document.date == dt.date(2026, 6, 24)
    assert "Izvestia" not in _texts(doc)


# --- names -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("attribution", "speaker"),
    [
        ("said OSCE Parliamentary Assembly President Margareta Cederfelt.", "Margareta Cederfelt"),
        ("stated Secretary General Schmid.", "Schmid"),
    ],
)
def test_the_sentence_stop_is_not_part_of_the_name(
    tmp_path: Path, attribution: str, speaker: str
) -> None:
    doc = _parse(
        tmp_path,
        "OSCE meeting\n\nVIENNA, 24 February 2022 – The Permanent Council met in Vienna.\n\n"
        "“The meeting was long and it was difficult,” an official told reporters.\n\n"
        f"“Russia has chosen force over dialogue and broke its commitments,” {attribution}\n",
    )
    named = {s.speaker for s in doc.statements if s.speaker and s.quoted_by is None}
    assert named == {speaker}


def test_a_title_alone_is_not_a_surname() -> None:
    assert titled_surname("Secretary General Schmid") == ("Schmid", "Secretary General")
    assert titled_surname("Secretary General") is None
    assert titled_surname("Foreign Ministry") is None
    assert titled_surname("Secretary General Open Skies") is None


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        (
            "President of Turkey Recep Tayyip Erdogan",
            ("Recep Tayyip Erdogan", "President of Turkey"),
        ),
        (
            "Acting Head of the Republic of Karelia Artur Parfenchikov",
            ("Artur Parfenchikov", "Acting Head of the Republic of Karelia"),
        ),
        ("Sergey Ryabkov", ("Sergey Ryabkov", None)),
        ("Minister of Defence", ("Minister of Defence", None)),
        ("Head of the Treaty Review Conference", ("Head of the Treaty Review Conference", None)),
    ],
)
def test_a_label_sets_the_office_apart_from_the_name(
    label: str, expected: tuple[str, str | None]
) -> None:
    assert role_and_name(label) == expected


def test_a_transcript_label_with_an_office_names_the_person(tmp_path: Path) -> None:
    doc = _parse(
        tmp_path,
        "Meeting\n\nPresident of Russia Vladimir Putin:\n\nWelcome to Moscow.\n\n"
        "President of Turkey Recep Tayyip Erdogan (retranslated):\n\nThank you, my friend.\n",
    )
    speakers = [(s.speaker, s.role) for s in doc.statements]
    assert speakers[-1] == ("Recep Tayyip Erdogan", "President of Turkey")
    assert all(s.speaker != "President Of Turkey Recep Tayyip Erdogan" for s in doc.statements)


# --- a bare article number -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "instruments"),
    [
        ("Our commitment to Article 5 is ironclad.", ("north-atlantic-treaty-1949",)),
        ("Allies would invoke Article 5 in case of an attack.", ("north-atlantic-treaty-1949",)),
        # Another instrument's article, and a name that contains the words.
        ("Article 5 of the Vienna Document requires notice.", ("vienna-document-2011",)),
        ("The President will dedicate the 9/11 and Article 5 Memorial.", ()),
    ],
)
def test_a_bare_article_names_its_treaty_only_standing_alone(
    text: str, instruments: tuple[str, ...]
) -> None:
    assert link(text, None).instruments == instruments


# --- an adverb between the speaker and the verb ----------------------------------------


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        (
            "NATO Secretary General Jens Stoltenberg also said in an interview that he was "
            "willing to talk with Russia.",
            {"Jens Stoltenberg"},
        ),
        # The twin: the adverb without a verb of saying is narrative.
        ("NATO Secretary General Jens Stoltenberg also met the Russian envoy in Brussels.", set()),
    ],
)
def test_an_adverb_before_the_verb_of_saying(
    tmp_path: Path, sentence: str, speakers: set[str]
) -> None:
    doc = _parse(
        tmp_path,
        "Talks in Brussels\n\nBRUSSELS, Jan 12 (Reuters) - Allies met Russia on Wednesday.\n\n"
        "“The meeting was long and it was difficult,” an official told reporters.\n\n"
        f"{sentence}\n",
    )
    assert {s.speaker for s in doc.statements if s.speaker and s.quoted_by is None} == speakers


# --- a statement's byline names the occasion too ---------------------------------------


def test_a_statement_byline_gives_the_person_not_the_occasion(tmp_path: Path) -> None:
    head = (
        "Permanent Mission of the Russian Federation to the United Nations\n\n"
        "Statement by First Deputy Permanent Representative Dmitry Polyanskiy at an open VTC "
        'of UNSC members "Briefing of OSCE Chairperson-in-Office"\n\n'
    )
    body = "Mme.President,\n\nWe thank the Chairperson-in-Office for the briefing.\n"
    doc = _parse(tmp_path, head + body)
    assert doc.document.kind == "statement"
    assert {s.speaker for s in doc.statements} == {"Dmitry Polyanskiy"}
    # The twin: a briefing with questions from the floor is a press briefing.
    briefing = _parse(
        tmp_path,
        "Briefing by Ambassador Jane Doe on the OSCE\n\n"
        "MS DOE: We thank the Chairperson-in-Office.\n\nQUESTION: Will Russia attend?\n",
        "b.txt",
    )
    assert briefing.document.kind == "press_conference"


# --- a caption of names ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("Vladimir Putin, Recep Tayyip Erdogan.", True),
        ("Vladimir Putin and Angela Merkel", True),
        # Addresses and titles are what a speaker says, not a caption.
        ("Dear Colleagues, Dear Friends.", False),
        ("President Putin, Chancellor Scholz.", False),
        ("Thank you, Mr President.", False),
    ],
)
def test_a_line_of_names_only_is_a_caption(tmp_path: Path, line: str, caption: bool) -> None:
    doc = _parse(
        tmp_path,
        f"Meeting in the Kremlin\n\nThe presidents met in Moscow.\n\n{line}\n\n"
        "We are glad to see you in Moscow. Welcome.\n",
    )
    assert (line not in _texts(doc)) is caption


# --- "he" after a person named a paragraph before --------------------------------------


@pytest.mark.parametrize(
    ("lead", "speakers"),
    [
        (
            "Zbigniew Rau, Minister for Foreign Affairs of Poland and Chairman-in-Office of "
            "the OSCE, made the remarks during the Council’s annual meeting on the OSCE’s "
            "work across Europe and on its growing cooperation with the United Nations system.",
            {"Zbigniew Rau"},
        ),
        # The twin: only bodies are named before; "he" stays nobody.
        (
            "The Council held its annual meeting on the OSCE’s work across Europe and on its "
            "growing cooperation with the United Nations system.",
            set(),
        ),
    ],
)
def test_a_pronoun_is_the_last_person_named(tmp_path: Path, lead: str, speakers: set[str]) -> None:
    doc = _parse(
        tmp_path,
        "In progress at UNHQ\n\nSC/14828\n\nOSCE Chair Tells Security Council\n\n"
        f"{lead}\n\n"
        "“Such a close cooperation is even more needed today, when the basic principles of "
        "the United Nations Charter are being violated,” he said, calling for every effort.\n\n"
        "“Impartiality ends where blatant violation of international law starts,” he stressed.\n",
    )
    assert {s.speaker for s in doc.statements if s.speaker} == speakers


# --- questions and answers marked by dashes --------------------------------------------

_LEAD = (
    "Moscow. December 22nd. INTERFAX - Russian Deputy Foreign Minister Sergei Ryabkov said "
    "in an interview with Interfax that Russia will not feel safe in the near future.\n"
)


def test_dash_marked_questions_and_answers_are_an_interview(tmp_path: Path) -> None:
    doc = _parse(
        tmp_path,
        _LEAD + "- Will a neutral status of Ukraine be enough for Russia to feel safe?\n"
        "- Two sides of this case are of key importance, and both must be achieved.\n",
    )
    assert doc.document.kind == "interview"
    turns = [(s.speaker, s.role) for s in doc.statements if s.role == "journalist" or s.speaker]
    assert turns[0] == (None, "journalist")
    assert "Ryabkov" in str(turns[-1][0])
    assert not any(s.text.startswith("- ") for s in doc.statements)
    # The twin: a dashed list without a question is not a dialogue.
    listed = _parse(
        tmp_path,
        _LEAD + "- The first point is that the goals must be achieved.\n"
        "- The second point is that security will be strengthened.\n",
        "b.txt",
    )
    assert listed.document.kind != "interview"
    assert all(s.role != "journalist" for s in listed.statements)


# --- page field labels -----------------------------------------------------------------


def test_tags_and_field_labels_are_furniture(tmp_path: Path) -> None:
    # Unattributed text, so that the page stays a speech whose every paragraph is kept (a
    # named speaker's reported words would make it a report of them).
    said = "NATO must stop its expansion, and this was repeated twice."
    doc = _parse(
        tmp_path,
        f"Russia and NATO\n\n{said}\n\nTags:\n\nNATO, Russia\n\nSource:\n\nLink to this page:\n",
    )
    assert _texts(doc) == said
    assert {o for s in doc.statements for o in s.organisations} == {"nato"}
    # The twin: a sentence after a line that only looks like a label stays text.
    kept = _parse(
        tmp_path,
        f"Russia and NATO\n\n{said}\n\nOn the sources:\n\nNATO and Russia met in Brussels.\n",
        "b.txt",
    )
    assert "NATO and Russia met in Brussels." in _texts(kept)


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Tags: NATO, Russia, Ukraine", True),
        ("Tags:", True),
        ("Source:", True),
        ("Link to this page:", True),
        ("Topics of the talks were NATO and the CFE Treaty.", False),
        ("Source: a diplomat said the talks would resume.", False),
    ],
)
def test_field_labels_are_recognised_by_their_class(line: str, furniture: bool) -> None:
    from indivisible.ingest._structure import _boilerplate

    assert (_boilerplate(line) is not None) is furniture
