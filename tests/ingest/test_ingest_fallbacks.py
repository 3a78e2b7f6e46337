"""Fallbacks for pages the header and kind rules leave without a speaker: good/bad twins.

Session 10: a page whose structure names nobody is read again, from its header lines
(whose words follow, a name over an office line) and, for the default kind, as a report of
what named people said. Each mechanism has a page where it must fire and a twin, alike but
for the one thing that must keep it from firing.
"""

from __future__ import annotations

from pathlib import Path

from ._docs import parse_written

# --- a page of unattributed paragraphs that report named people ---------------------------

_REPORT = (
    "Finland to seek NATO membership\n\n"
    "The war has prompted Finland to abandon its military neutrality.\n\n"
    "Finnish President Sauli Niinisto informed Vladimir Putin by telephone that his country "
    "needed to join NATO to strengthen its own security.\n\n"
    "Turkish President Tayyip Erdogan mentioned on Friday it was not possible for his country "
    "to support enlarging the alliance.\n"
)


def test_speakerless_page_of_reported_speech_is_a_report(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _REPORT)
    assert doc.document.kind == "news_article"
    assert {"Sauli Niinisto", "Tayyip Erdogan"} <= {s.speaker for s in doc.statements}


def test_speakerless_page_without_reported_speech_stays_a_speech(tmp_path: Path) -> None:
    text = (
        "Finland and NATO\n\n"
        "The war has prompted Finland to abandon its military neutrality.\n\n"
        "Finland needs to join NATO to strengthen its own security, and it will do so.\n"
    )
    doc = parse_written(tmp_path, text)
    assert doc.document.kind == "speech"
    assert all(s.speaker is None for s in doc.statements)


# --- whose words follow, anywhere in a header line ---------------------------------------------

_ADDRESS = (
    "Home\n\n"
    "Text of the video address from President Nursultan Nazarbayev\n\n"
    "On the occasion of Kazakhstan assuming the Chairmanship of the OSCE.\n\n"
    "Your excellencies,\n\n"
    "Kazakhstan is assuming a highly important mission with a sense of great responsibility. "
    "We will work for a common and indivisible security.\n"
)


def test_address_from_in_the_title_names_the_speaker(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _ADDRESS)
    assert {s.speaker for s in doc.statements} == {"Nursultan Nazarbayev"}


def test_title_naming_a_person_as_its_subject_names_no_speaker(tmp_path: Path) -> None:
    doc = parse_written(
        tmp_path, _ADDRESS.replace("Text of the video address from", "A portrait of")
    )
    assert "Nursultan Nazarbayev" not in {s.speaker for s in doc.statements}


def test_delivered_by_in_a_header_sentence_names_the_speaker(tmp_path: Path) -> None:
    text = (
        "Joint statement by Finland and Sweden at the Permanent Council, January 13th, 2022\n\n"
        "This joint statement by Finland and Sweden was delivered by Ambassador Vesa Häkkinen "
        "at the OSCE Permanent Council.\n\n"
        "Mr Chair,\n\n"
        "Finland and Sweden would like to thank you for outlining the priorities of the "
        "Chairpersonship. We strongly support your efforts.\n"
    )
    doc = parse_written(tmp_path, text)
    assert {s.speaker for s in doc.statements} == {"Vesa Häkkinen"}


def test_statement_by_a_delegation_is_not_read_as_a_person(tmp_path: Path) -> None:
    text = (
        "Statement by the delegation of Belarus at the Meeting convened by the OSCE "
        "Chairmanship-in-Office, 14 February 2022\n\n"
        "Vienna, February 14, 2022\n\n"
        "Statement by the delegation of Belarus\n\n"
        "Our presence here demonstrates that Belarus honours the letter and spirit of the "
        "Vienna Document and is ready to engage in a respectful dialogue.\n"
    )
    doc = parse_written(tmp_path, text)
    assert "OSCE Chairmanship-in-Office" not in {s.speaker for s in doc.statements}


# --- a name alone over an office line ------------------------------------------------------


def test_name_over_an_office_line_names_the_speaker(tmp_path: Path) -> None:
    text = (
        "Enhancing Security Cooperation in Europe\n\n"
        "Remarks\n\n"
        "Greg Delawie\n"
        "Deputy Assistant Secretary, Bureau of Arms Control, Verification and Compliance\n\n"
        "Vienna, Austria\n\n"
        "June 20, 2013\n\n"
        "Ladies and Gentlemen,\n\n"
        "Thank you so much for having me here to speak today. It is a real privilege to be "
        "here at the OSCE in the company of such distinguished experts.\n"
    )
    doc = parse_written(tmp_path, text)
    assert {s.speaker for s in doc.statements} == {"Greg Delawie"}


def test_place_over_a_line_is_not_a_speaker(tmp_path: Path) -> None:
    text = (
        "Enhancing Security Cooperation in Europe\n\n"
        "Remarks\n\n"
        "Vienna Austria\n"
        "Deputy Assistant Secretary, Bureau of Arms Control, Verification and Compliance\n\n"
        "June 20, 2013\n\n"
        "Ladies and Gentlemen,\n\n"
        "Thank you so much for having me here to speak today. It is a real privilege to be "
        "here at the OSCE in the company of such distinguished experts.\n"
    )
    doc = parse_written(tmp_path, text)
    assert all(s.speaker is None for s in doc.statements)


# --- a title printed in capitals over several lines ----------------------------------------------

_CAPITALS = (
    "20th MEETING OF THE MINISTERIAL COUNCIL\n"
    "OF THE ORGANIZATION FOR SECURITY AND CO-OPERATION IN EUROPE (OSCE)\n"
    "(KYIV, 5-6 DECEMBER 2013)\n\n"
    "STATEMENT OF H.E. MSGR. DOMINIQUE MAMBERTI\n"
    "SECRETARY FOR RELATIONS WITH STATES\n\n"
    "Mr Chairman,\n\n"
    "The Holy See wishes to thank the Chairmanship for its work over the past year. "
    "Dialogue remains the only way to security for all.\n"
)


def test_capitals_header_is_set_apart_and_names_the_speaker(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _CAPITALS)
    assert {s.speaker for s in doc.statements} == {"Dominique Mamberti"}
    assert not any("ORGANIZATION FOR SECURITY" in s.text for s in doc.statements)


def test_a_body_in_capitals_is_kept(tmp_path: Path) -> None:
    """A text wholly in capitals has no mixed-case line to end a header: nothing is cut."""
    doc = parse_written(tmp_path, _CAPITALS.upper())
    assert any("DIALOGUE REMAINS" in s.text for s in doc.statements)
