"""Mechanisms found on session 11's fresh tune pages: good/bad twins.

Each mechanism has a page where it must fire and a twin, alike but for the one thing that
must keep it from firing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from indivisible.ingest._link import link
from indivisible.ingest._structure import _boilerplate, _inline_label

from ._docs import parse_written, spoken

# --- a sentence pointing back at the words before it ------------------------------------------

_POINTED = (
    "Moscow not ready to extend the treaty\n\n"
    "MOSCOW, October 13 (Oreanda) - Moscow is not ready to extend the arms treaty on the terms "
    "proposed by Washington. This was announced by Deputy Foreign Minister Sergey Ryabkov.\n\n"
    "Moscow sent a letter on security to Vienna and awaits an answer from its partners. "
    "Dmitry Lyubinsky, Russian Ambassador to Vienna, announced this on Monday.\n\n"
    "The written response will show how sincere the Western partners are.\n\n"
    "He said this at a press conference on Friday, TASS reports.\n"
)


def test_this_was_stated_by_credits_the_sentence_before(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _POINTED)
    said = {s.text: s.speaker for s in doc.statements}
    assert (
        said["Moscow is not ready to extend the arms treaty on the terms proposed by Washington."]
        == "Sergei Ryabkov"
    )
    assert (
        said["Moscow sent a letter on security to Vienna and awaits an answer from its partners."]
        == "Dmitry Lyubinsky"
    )
    # "He said this …" opening a paragraph: the paragraph above, by the last person named.
    assert said["The written response will show how sincere the Western partners are."] == (
        "Dmitry Lyubinsky"
    )


def test_this_reported_by_an_outlet_or_this_week_credits_nobody(tmp_path: Path) -> None:
    text = (
        "Moscow not ready to extend the treaty\n\n"
        "MOSCOW, October 13 (Oreanda) - Moscow is not ready to extend the arms treaty on the "
        "terms proposed by Washington. This was reported by TASS.\n\n"
        "Moscow sent a letter on security to Vienna and awaits an answer from its partners. "
        "Dmitry Lyubinsky, Russian Ambassador to Vienna, said this week was decisive.\n"
    )
    doc = parse_written(tmp_path, text)
    texts = {s.text for s in spoken(doc)}
    assert not any(t.startswith("Moscow is not ready") for t in texts)
    assert not any(t.startswith("Moscow sent a letter") for t in texts)


# --- "with X saying …" ------------------------------------------------------------------------


def test_with_a_named_person_saying_reports_his_words(tmp_path: Path) -> None:
    text = (
        "Montenegro signs accession protocol\n\n"
        "PODGORICA, May 19 (AP) - Montenegro signed the protocol on Thursday. But Russia is "
        "expected to retaliate, with high-ranking lawmaker Viktor Ozerov on Thursday saying "
        'there will be an "appropriate response" to the decision.\n'
    )
    doc = parse_written(tmp_path, text)
    assert [s.speaker for s in spoken(doc)] == ["Viktor Ozerov"]
    assert spoken(doc)[0].text.startswith("there will be")


def test_with_a_capital_saying_names_nobody(tmp_path: Path) -> None:
    text = (
        "Montenegro signs accession protocol\n\n"
        "PODGORICA, May 19 (AP) - Montenegro signed the protocol on Thursday. The government "
        "welcomed the step, with Moscow saying it was a provocation by the alliance.\n"
    )
    doc = parse_written(tmp_path, text)
    assert all(s.speaker != "Moscow" for s in doc.statements)


# --- a generic name of an expired treaty, written after its successor was signed --------------


def test_the_start_treaty_after_2010_is_new_start() -> None:
    found = link("extend the Strategic Arms Reduction Treaty (START)", dt.date(2020, 10, 13))
    assert found.instruments == ("new-start-2010",)
    assert link("the extension of START 3", dt.date(2021, 1, 27)).instruments == ("new-start-2010",)


def test_the_start_treaty_before_2010_or_start_i_is_start_i() -> None:
    assert link("the START Treaty", dt.date(2005, 1, 1)).instruments == ("start-1991",)
    assert link("the START Treaty", None).instruments == ("start-1991",)
    assert link("START I expired in 2009", dt.date(2020, 1, 1)).instruments == ("start-1991",)


# --- furniture: a medium and a length, pages, advertisements ------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Listen (5 min)",
        "Video: 2:31",
        "4 min listen",
        "Page 2 of 3",
        "Next page",
        "Advertisement · Scroll to continue",
        "Story continues below advertisement",
    ],
)
def test_lengths_pages_and_advertisements_are_furniture(line: str) -> None:
    assert _boilerplate(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Listen to what the minister said in 2019 about the treaty.",
        "Next steps will be agreed in Vienna.",
        "Page two of the draft names no limits.",
        "Ad hoc talks are planned for March.",
        "Read 2 articles of the treaty.",
    ],
)
def test_sentences_alike_are_not_furniture(line: str) -> None:
    assert _boilerplate(line) is None


# --- dates of pages nothing else dates ----------------------------------------------------------

_UPI = (
    "Putin suspends treaty participation in address\n\n"
    "Putin delivers his address in Moscow on February 21, 2023. Photo by Kremlin\n\n"
    "Feb. 21 (UPI) -- President Vladimir Putin announced in his address that Russia would "
    "suspend its participation in the treaty, the Kremlin said.\n"
)


def test_a_yearless_dateline_takes_the_year_of_the_same_day_printed_above(
    tmp_path: Path,
) -> None:
    assert parse_written(tmp_path, _UPI).document.date == dt.date(2023, 2, 21)


def test_a_yearless_dateline_and_another_day_give_no_date(tmp_path: Path) -> None:
    text = _UPI.replace("on February 21, 2023", "on February 20, 2023")
    assert parse_written(tmp_path, text).document.date is None


_ADDRESS_AT = (
    "Peace at home, peace in the world\n\n"
    "Address by H.E. Ahmet Davutoglu, Minister of Foreign Affairs of Turkey at the OSCE "
    "Ministerial Council Meeting, 1-2 December 2009, Athens\n\n"
    "Mr. Chairman,\n\n"
    "It is a pleasure to be here in Athens at the culmination of the Chairmanship.\n"
)


def test_an_address_at_a_meeting_over_two_days_is_dated_its_first_day(tmp_path: Path) -> None:
    assert parse_written(tmp_path, _ADDRESS_AT).document.date == dt.date(2009, 12, 1)


def test_an_address_ahead_of_a_meeting_is_not_dated_by_it(tmp_path: Path) -> None:
    text = _ADDRESS_AT.replace(" at the OSCE", " ahead of the OSCE")
    assert parse_written(tmp_path, text).document.date is None


def test_a_norwegian_day_with_a_full_stop_dates_the_page(tmp_path: Path) -> None:
    text = (
        "Hovedinnlegg på ministermøte i OSSE\n\n"
        "Hamburg, 8. desember 2016\n\n"
        "Thank you Mr Chair,\n\n"
        "At the Astana Summit we shared the vision of an indivisible security community.\n"
    )
    assert parse_written(tmp_path, text).document.date == dt.date(2016, 12, 8)
    no_year = text.replace("8. desember 2016", "8. desember")
    assert parse_written(tmp_path, no_year).document.date is None


# --- whose words a title names ----------------------------------------------------------------


def test_an_explanation_of_vote_by_an_ambassador_is_his_statement(tmp_path: Path) -> None:
    text = (
        "Explanation of Vote by Ambassador Ferit Hoxha at the Security Council meeting\n\n"
        "Dear Colleagues,\n\n"
        "Albania voted in favor and welcomes the adoption of this resolution on Ukraine.\n\n"
        "Last Friday, a veto tried to lock the UN, at a time when we need it most.\n"
    )
    doc = parse_written(tmp_path, text)
    assert doc.document.kind == "statement"
    assert {s.speaker for s in doc.statements} == {"Ferit Hoxha"}


def test_an_explanation_of_vote_by_a_delegation_names_no_person(tmp_path: Path) -> None:
    text = (
        "Explanation of Vote by the Delegation of Albania at the Security Council meeting\n\n"
        "Dear Colleagues,\n\n"
        "Albania voted in favor and welcomes the adoption of this resolution on Ukraine.\n"
    )
    doc = parse_written(tmp_path, text)
    assert all(s.speaker != "Albania" and s.role != "Ambassador" for s in doc.statements)
    assert not any(s.speaker and "Hoxha" in s.speaker for s in doc.statements)


_REMARKS = (
    "Spokesperson's Remarks\n\n"
    "Foreign Ministry Spokesperson Geng Shuang's Remarks on the US Suspending INF Treaty "
    "Obligations\n\n"
    "Q: The US announced that it was suspending its obligations under the treaty. Does China "
    "have any comment on this?\n\n"
    "A: China finds this move regrettable. We urge the US and Russia to resolve differences "
    "through dialogue.\n"
)


def test_answers_under_a_named_persons_remarks_are_his(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _REMARKS)
    answers = [s for s in doc.statements if s.text.startswith("China finds")]
    assert [s.speaker for s in answers] == ["Geng Shuang"]
    assert any(s.role == "journalist" for s in doc.statements)


def test_answers_under_an_unnamed_spokesperson_stay_the_spokesperson(tmp_path: Path) -> None:
    text = _REMARKS.replace("Foreign Ministry Spokesperson Geng Shuang's", "Spokesperson's")
    doc = parse_written(tmp_path, text)
    answers = [s for s in doc.statements if s.text.startswith("China finds")]
    assert [(s.speaker, s.role) for s in answers] == [(None, "spokesperson")]


def test_a_press_conference_by_a_titled_surname_about_a_topic(tmp_path: Path) -> None:
    text = (
        "Press Conference by Prime Minister Kishida regarding His Attendance at the NATO "
        "Summit and Other Matters\n\n"
        "I attended the Partners Session of the NATO Summit for the third consecutive year, and "
        "we discussed the international security situation.\n"
    )
    doc = parse_written(tmp_path, text)
    assert {s.speaker for s in doc.statements} == {"Kishida"}


def test_an_office_label_repeats_the_person_labelled_with_it(tmp_path: Path) -> None:
    text = (
        "Departure Doorstop Madrid, Spain\n\n"
        "ANTHONY ALBANESE, PRIME MINISTER: This morning I had a very successful meeting with "
        "Prime Minister Justin Trudeau.\n\n"
        "JOURNALIST: Prime Minister, what did you discuss with NATO leaders?\n\n"
        "PRIME MINISTER: We discussed the war in Ukraine and support for its people.\n\n"
        "FOREIGN MINISTER: I would add that the summit was a success.\n"
    )
    doc = parse_written(tmp_path, text)
    said = {s.text: s.speaker for s in doc.statements}
    assert said["We discussed the war in Ukraine and support for its people."] == (
        "Anthony Albanese"
    )
    assert said["I would add that the summit was a success."] != "Anthony Albanese"


# --- the Congressional Record ------------------------------------------------------------------

_RECORD = (
    "[Congressional Record, Volume 156 (2010)]\n"
    "[Senate]\n"
    "[Pages 22938-22954]\n\n"
    "  The PRESIDING OFFICER. The majority leader is recognized in the chamber today.\n"
    "  Mr. REID. Mr. President, all consent agreements that I have been involved in over\n"
    "the years have been imperfect, but this is the best we could do. I think it is a\n"
    "pretty good one for the Senate and for the treaty.\n"
    "  The PRESIDING OFFICER. Is there objection to the request of the majority leader?\n"
    "  Mr. McCAIN. Mr. President, reserving the right to object, and I will object, four\n"
    "minutes is not adequate for my amendment to the resolution of ratification here.\n"
    "  Mr. KYL. Mr. President, might I join in this colloquy with my two colleagues now?\n"
)


def test_record_speakers_in_capitals_open_their_turns(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _RECORD)
    assert {s.speaker for s in doc.statements} == {"The PRESIDING OFFICER", "Reid", "McCAIN", "Kyl"}
    assert all("[" not in s.text for s in doc.statements)


def test_a_sentence_naming_a_senator_is_no_record_label(tmp_path: Path) -> None:
    text = _RECORD.replace("  Mr. KYL. Mr. President", "  Mr. Kyl. Mr. President")
    doc = parse_written(tmp_path, text)
    assert "Kyl" not in {s.speaker for s in doc.statements}


def test_a_bracketed_word_inside_a_sentence_is_kept(tmp_path: Path) -> None:
    assert _boilerplate("[The Treaty] remains in force for both parties.") is None
    assert _boilerplate("[Pages 22938-22954]") is not None


# --- news attribution ---------------------------------------------------------------------------


def _speakers(tmp_path: Path, body: str) -> set[str | None]:
    doc = parse_written(tmp_path, "Talks in Riyadh\n\n" + body)
    return {s.speaker for s in spoken(doc)}


def test_lower_case_office_words_before_a_name(tmp_path: Path) -> None:
    body = "Russian presidential aide Yuri Ushakov said on Tuesday that the talks were useful.\n"
    assert _speakers(tmp_path, body) == {"Yuri Ushakov"}


def test_a_place_closing_a_clause_is_no_speaker(tmp_path: Path) -> None:
    body = "The talks with the presidential aide were very successful, Riyadh said on Tuesday.\n"
    assert _speakers(tmp_path, body) <= {None}


def test_a_speech_verb_joined_to_the_subjects_first_verb(tmp_path: Path) -> None:
    body = (
        "Foreign Minister Sergei Lavrov met Marco Rubio in Riyadh.\n\n"
        "Lavrov echoed Rubio's remarks and told reporters that the conversation was very "
        "useful for both sides.\n"
    )
    assert _speakers(tmp_path, body) == {"Sergei Lavrov"}


def test_two_actions_joined_without_a_speech_verb_report_nothing(tmp_path: Path) -> None:
    body = (
        "Foreign Minister Sergei Lavrov met Marco Rubio in Riyadh.\n\n"
        "Lavrov echoed Rubio's remarks and left the meeting room after two hours of talks.\n"
    )
    assert _speakers(tmp_path, body) <= {None}


def test_as_someone_noted_fronts_his_words(tmp_path: Path) -> None:
    body = (
        "As Russian Presidential Press Secretary Dmitry Peskov noted, an initiative to keep the "
        "ceilings for another year has remained unanswered.\n"
    )
    assert _speakers(tmp_path, body) == {"Dmitry Peskov"}


def test_as_someone_arrived_fronts_nothing_he_said(tmp_path: Path) -> None:
    body = (
        "As Russian Presidential Press Secretary Dmitry Peskov arrived, the talks on the "
        "ceilings for another year began in the palace.\n"
    )
    assert _speakers(tmp_path, body) <= {None}


def test_a_surname_alone_closing_a_quotation(tmp_path: Path) -> None:
    body = '"This is a situation of some national security peril," Lugar told reporters.\n'
    assert _speakers(tmp_path, body) == {"Lugar"}


@pytest.mark.parametrize("source", ["Moscow", "Officials", "Reuters", "Ukraine", "Kremlin"])
def test_a_place_body_or_outlet_closing_a_quotation_is_nobody(tmp_path: Path, source: str) -> None:
    body = f'"This is a situation of some national security peril," {source} said.\n'
    assert _speakers(tmp_path, body) <= {None}


def test_the_white_house_is_no_person(tmp_path: Path) -> None:
    body = "The White House announced on Tuesday that the deployment would begin in 2026.\n"
    assert "House" not in _speakers(tmp_path, body)
    assert "White House" not in _speakers(tmp_path, body)


# --- an interview that no word calls one -------------------------------------------------------

_ALTERNATING = (
    "ZIUA - SUMMITUL GREILOR\n\n"
    "Bush: The rainbow in Romania - a magic moment\n\n"
    "Mister President, do you think that the challenges NATO is facing today are more "
    "difficult than two years ago?\n\n"
    "I think the best way to answer that is: certainly there are challenges, but this is "
    "going to be a very successful summit.\n\n"
    "You asked the Alliance to step up its efforts. What are your expectations from the "
    "partners?\n\n"
    "First of all, I think it is commitment to a security strategy, and it will take a while.\n"
)


def test_questions_put_to_someone_alternating_with_answers_are_an_interview(
    tmp_path: Path,
) -> None:
    doc = parse_written(tmp_path, _ALTERNATING)
    assert doc.document.kind == "interview"
    assert {(s.speaker, s.role) for s in doc.statements} >= {(None, "journalist")}
    assert "Bush" in {s.speaker for s in doc.statements}


def test_rhetorical_questions_in_a_speech_are_no_interview(tmp_path: Path) -> None:
    text = (
        _ALTERNATING.replace("Mister President, do you think that", "Do we think that")
        .replace("You asked the Alliance", "The Alliance was asked")
        .replace("What are your expectations", "What are the expectations")
    )
    assert parse_written(tmp_path, text).document.kind != "interview"


def test_numbered_questions_after_a_lead_naming_the_interviewee(tmp_path: Path) -> None:
    text = (
        "Matthew Bunn is a professor at the Harvard Kennedy School. He has helped lead the "
        "Project on Managing the Atom.\n\n"
        "1. What changes the day after New START expires?\n\n"
        "For the first time in half a century, we will be living in a world with no agreed "
        "limits on nuclear forces.\n\n"
        "2. Why have the two sides waited until now to talk?\n\n"
        "Unfortunately, hostile relations have prevented serious discussions for years.\n"
    )
    doc = parse_written(tmp_path, text)
    assert doc.document.kind == "interview"
    assert {s.speaker for s in doc.statements if s.text.startswith("For the first")} == {
        "Matthew Bunn"
    }


# --- reports in Spanish, German and Russian ------------------------------------------------------


def test_a_spanish_report_attributes_by_its_verb(tmp_path: Path) -> None:
    text = (
        "Lavrov: EEUU eludió el diálogo sobre el Tratado INF\n\n"
        "Rusia hizo todo lo posible para salvaguardar el Tratado INF pero EEUU eludió el "
        "diálogo, declaró el ministro de Exteriores ruso, Serguéi Lavrov.\n\n"
        "El presidente ruso, Vladímir Putin, anunció el 2 de febrero que Rusia también suspende "
        "su compromiso con el tratado.\n\n"
        "Washington inició el proceso para retirarse del tratado, firmado en 1987.\n"
    )
    doc = parse_written(tmp_path, text)
    assert doc.document.kind == "news_article"
    assert {s.speaker for s in spoken(doc)} == {"Sergei Lavrov", "Vladimir Putin"}
    assert {i for s in doc.statements for i in s.instruments} == {"inf-1987"}


def test_a_german_speech_quoting_no_one_stays_the_speakers(tmp_path: Path) -> None:
    text = (
        '"Partnerschaften und Bündnisse lohnen sich"\n\n'
        "Bei der Sicherheitskonferenz hat der Bundespräsident an die Gemeinschaft appelliert. "
        'Er versicherte: "Deutsche Außen- und Sicherheitspolitik bleibt europäisch."\n\n'
        "Ich war eben am Tatort, und ich möchte allen Opfern mein Mitgefühl aussprechen.\n\n"
        "Wir stehen zu unseren Verbündeten, und wir stehen zur NATO.\n"
    )
    doc = parse_written(tmp_path, text)
    assert doc.document.kind == "speech"
    assert not any(s.speaker and "Deutsche" in s.speaker for s in doc.statements)


def test_a_russian_quotation_names_its_speaker_between_dashes(tmp_path: Path) -> None:
    text = (
        "Медведев: диалог о договоре должен быть продолжен\n\n"
        "МОСКВА, 12 октября. Президент провел переговоры в Москве.\n\n"
        "«Поэтому диалог должен быть продолжен, - подчеркнул Медведев. - При этом РФ будет "
        "прилагать усилия для отношений с НАТО».\n"
    )
    doc = parse_written(tmp_path, text)
    said = [s for s in doc.statements if s.speaker == "Медведев"]
    assert said and "nato" in said[0].organisations


@pytest.mark.parametrize(
    ("text", "instrument"),
    [
        ("des Vertrags über konventionelle Streitkräfte in Europa (KSE)", "cfe-1990"),
        ("die Grundsätze von Helsinki", "helsinki-final-act-1975"),
        ("Договор о РСМД", "inf-1987"),
        ("la Charte des Nations unies", "un-charter-1945"),
    ],
)
def test_instruments_named_in_other_languages(text: str, instrument: str) -> None:
    assert instrument in link(text, dt.date(2019, 2, 2)).instruments


def test_a_german_delivery_note_is_furniture_and_a_sentence_about_it_is_not() -> None:
    assert _boilerplate('"Es gilt das gesprochene Wort!"') is not None
    assert _boilerplate("Es gilt das gesprochene Wort des Präsidenten, sagte er.") is None


# --- joint texts and descriptions ------------------------------------------------------------


def test_a_joint_text_opened_by_we_the_signatories_is_theirs(tmp_path: Path) -> None:
    text = (
        "We, the Presidents of Ukraine, the Republic of Lithuania and the Republic of Poland – "
        "the Lublin Triangle, gathered in Kyiv, express our strongest condemnation of the "
        "decision.\n\n"
        "This step violates the UN Charter and the security assurances of the Budapest "
        "Memorandum.\n"
    )
    doc = parse_written(tmp_path, text)
    assert doc.document.kind == "statement"
    assert {s.speaker for s in doc.statements} == {
        "Presidents of Ukraine, the Republic of Lithuania and the Republic of Poland"
    }


def test_a_joint_text_delivered_by_a_named_person_stays_his(tmp_path: Path) -> None:
    text = (
        "Statement by Ambassador Ferit Hoxha at the Security Council\n\n"
        "Mr. President,\n\n"
        "We, the members of this Council, gathered today, express our condemnation of the "
        "decision.\n\n"
        "Albania voted in favour of the resolution and welcomes its adoption.\n"
    )
    doc = parse_written(tmp_path, text)
    assert {s.speaker for s in doc.statements} == {"Ferit Hoxha"}


def test_a_description_is_the_person_sharing_its_qualifier(tmp_path: Path) -> None:
    body = (
        "Gitanas Nauseda met NATO Secretary-General Jens Stoltenberg in Vilnius.\n\n"
        '"Effective deterrence is our absolute priority," Nauseda said.\n\n'
        '"The more land they liberate, the stronger their hand will be," the NATO secretary '
        "general said.\n"
    )
    doc = parse_written(tmp_path, "Allied unity\n\n" + body)
    said = {s.text: s.speaker for s in doc.statements}
    assert said["The more land they liberate, the stronger their hand will be"] == (
        "Jens Stoltenberg"
    )


def test_a_posting_after_the_office_is_no_qualifier(tmp_path: Path) -> None:
    body = (
        "Moscow sent Foreign Minister Sergei Lavrov's letter to his Austrian counterpart "
        "Alexander Schallenberg. Dmitry Lyubinsky, Russian Ambassador to Vienna, handed it "
        "over on Monday.\n\n"
        "The Russian ambassador to Austria added that Moscow is counting on a meaningful "
        "dialogue in the near future.\n"
    )
    doc = parse_written(tmp_path, "A letter\n\n" + body)
    said = [s.speaker for s in doc.statements if "meaningful dialogue" in s.text]
    assert said == ["Dmitry Lyubinsky"]


def test_an_introduction_before_a_joined_speech_verb(tmp_path: Path) -> None:
    body = (
        "In a video call with Putin last week, Biden voiced concern about a buildup of troops "
        "and warned him that Russia would face severe consequences if it attacked.\n"
    )
    doc = parse_written(tmp_path, "Call\n\n" + body)
    assert [(s.speaker, s.text) for s in doc.statements] == [
        ("Joe Biden", "Russia would face severe consequences if it attacked.")
    ]


def test_a_subtitle_closing_with_a_date_after_a_slash_dates_the_page(tmp_path: Path) -> None:
    text = (
        "State Dept. official on arms control (PBS Newshour)\n\n"
        "State Dept. official on arms control – By PBS NewsHour Staff (PBS Newshour) / "
        "March 11 2020\n\n"
        "Judy Woodruff: We turn now to the last treaty limiting nuclear arms.\n\n"
        "Christopher Ford: Thank you, Judy. We want a broader agreement.\n"
    )
    assert parse_written(tmp_path, text).document.date == dt.date(2020, 3, 11)


def test_a_long_subtitle_ending_on_a_day_it_speaks_of_is_no_stamp(tmp_path: Path) -> None:
    text = (
        "State Dept. official on arms control (PBS Newshour)\n\n"
        "State Dept. official on arms control and what the administration has wanted from "
        "the talks since March 11 2020\n\n"
        "Judy Woodruff: We turn now to the last treaty limiting nuclear arms.\n\n"
        "Christopher Ford: Thank you, Judy. We want a broader agreement.\n"
    )
    assert parse_written(tmp_path, text).document.date is None


# --- a press office's report handing over to the text it introduces ---------------------------


def test_the_text_below_a_report_is_the_person_it_names(tmp_path: Path) -> None:
    text = (
        "September 16, 2010\n\n"
        "Chairman Kerry Opening Statement At Business Meeting on New START\n\n"
        "Washington, D.C. – This morning, Senate Foreign Relations Committee Chairman John "
        "Kerry held a business meeting to consider the resolution on the New START Treaty.\n\n"
        "The full text of his opening statement as prepared is below:\n\n"
        "Thank you all for coming.\n\n"
        "This meeting marks the end of the committee's long process of reviewing the treaty.\n"
    )
    doc = parse_written(tmp_path, text)
    assert {s.speaker for s in doc.statements} == {"John Kerry"}
    assert all("full text" not in s.text and "This morning" not in s.text for s in doc.statements)


def test_a_report_without_a_hand_over_keeps_its_narrative(tmp_path: Path) -> None:
    text = (
        "September 16, 2010\n\n"
        "Chairman Kerry at a business meeting on New START\n\n"
        "Washington, D.C. – This morning, Senate Foreign Relations Committee Chairman John "
        "Kerry held a business meeting to consider the resolution on the New START Treaty.\n\n"
        "The committee will vote on the resolution next week.\n\n"
        "The meeting marks the end of the committee's long process of reviewing the treaty.\n"
    )
    doc = parse_written(tmp_path, text)
    assert any("This morning" in s.text for s in doc.statements)


def test_a_speech_heading_after_a_report_hands_over_to_the_speaker(tmp_path: Path) -> None:
    text = (
        "Ilham Aliyev attended the Plenary Session of the OSCE PA\n\n"
        "The opening of the Plenary Session of the OSCE Parliamentary Assembly has taken place "
        "in Baku.\n\n"
        "President of Azerbaijan Ilham Aliyev addressed the Plenary Session.\n\n"
        "Speech of President of the Republic of Azerbaijan Ilham Aliyev\n\n"
        "Dear friends and guests,\n\n"
        "First of all I'd like to welcome you to Azerbaijan. We are honored to host this "
        "session.\n"
    )
    doc = parse_written(tmp_path, text)
    assert {s.speaker for s in doc.statements} == {"Ilham Aliyev"}
    assert all(not s.organisations for s in doc.statements)


def test_a_head_of_delegation_title_broken_over_lines_names_the_office(tmp_path: Path) -> None:
    text = (
        "NEWS AND EVENTS\n"
        "December 3, 2009\n"
        "Statement by the\n"
        "Head of Delegation of the Republic of Uzbekistan\n"
        "at the 17th OSCE Ministerial Council meeting\n"
        "Mr. Chairman,\n"
        "Allow me on behalf of the delegation of the Republic of Uzbekistan to welcome the "
        "participants of the 17th OSCE Ministerial Council meeting and to thank Greece.\n"
        "We support the OSCE and its work in Central Asia, and we call for a balanced approach "
        "to the three dimensions of the organisation's work in the years to come.\n"
    )
    doc = parse_written(tmp_path, text)
    assert {s.speaker for s in doc.statements} == {
        "Head of Delegation of the Republic of Uzbekistan"
    }


def test_a_head_of_delegation_named_in_the_title_is_the_person(tmp_path: Path) -> None:
    text = (
        "26 January 2021\n\n"
        "Statement by the Head of Delegation of the Russian Federation K.Gavrilov at the "
        "meeting of the Open Skies Consultative Commission, Vienna, 25 January 2021\n\n"
        "Distinguished Mrs. Chairman,\n\n"
        "In May last year, the Treaty on Open Skies faced an unprecedented situation.\n"
    )
    doc = parse_written(tmp_path, text)
    assert all("Gavrilov" in (s.speaker or "") for s in doc.statements)


# --- live blogs and names that are no names ------------------------------------------------------

_LIVE = (
    "Trump confirms commitment at Nato summit – Europe live\n\n"
    "5 hours ago 2\n\n"
    "Asked about his commitment to Nato's Article 5, Trump says:\n\n"
    "We are with them all the way.\n\n"
    "Nato secretary general Mark Rutte opens the leaders' session.\n\n"
    "Nato secretary general Rutte then says:\n\n"
    "For too long, one ally, the United States, carried too much of the burden. And that "
    "changes today.\n"
)


def test_a_live_blog_hands_the_next_paragraph_to_who_says_so(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _LIVE)
    said = {s.text: s.speaker for s in doc.statements}
    assert said["We are with them all the way."] in ("Trump", "Donald Trump")
    assert (
        said[
            "For too long, one ally, the United States, carried too much of the burden. And that "
            "changes today."
        ]
        == "Mark Rutte"
    )


def test_a_colon_with_words_after_it_hands_nothing_over(tmp_path: Path) -> None:
    text = _LIVE.replace("Trump says:\n\nWe are", "Trump says: we are").replace(
        "Rutte then says:\n\nFor too long", "Rutte then says that for too long"
    )
    doc = parse_written(tmp_path, text)
    assert not any(s.text == "We are with them all the way." for s in doc.statements)


def test_a_headline_verb_or_a_state_is_no_persons_name() -> None:
    from indivisible.ingest._names import person_name

    assert person_name("Correcting Russia's false claims") is None
    assert person_name("Helping Ukraine") is None
    assert person_name("Sergey Lavrov") == ("Sergey Lavrov", None)
    assert person_name("Xi Jinping") == ("Xi Jinping", None)


_CREDIT = (
    "Kremlin says Ukrainian NATO membership would cause problems\n\n"
    "Updated 9 sec ago\n"
    "Reuters\n\n"
    "  • Kremlin spokesman Dmitry Peskov said: \"Ukraine's membership in NATO is one of the "
    'main irritants"\n'
    "Updated 9 sec ago\n"
    "Reuters\n\n"
    "MOSCOW: The Kremlin said on Friday that Ukraine joining NATO would cause problems for "
    "many years.\n\n"
    "Asked about Ukraine's aspirations, Kremlin spokesman Dmitry Peskov said: \"We regret to "
    'state that this is a problem for many years to come."\n'
)


def test_an_outlet_alone_on_its_line_is_a_credit_not_a_questioner(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _CREDIT)
    assert doc.document.kind == "news_article"
    assert "journalist" not in {s.role for s in doc.statements}
    assert "Dmitry Peskov" in {s.speaker for s in doc.statements}


def test_an_outlet_labelling_its_question_still_asks(tmp_path: Path) -> None:
    text = (
        "Interview with the Deputy Minister\n\n"
        "Arms Control Today: What is the future of the treaty after the suspension?\n\n"
        "Sergey Ryabkov: We remain open to dialogue on strategic stability with the US.\n"
    )
    doc = parse_written(tmp_path, text)
    assert "journalist" in {s.role for s in doc.statements}


def test_a_korean_family_name_comes_first() -> None:
    from indivisible.ingest._names import surname

    assert surname("Yoon Suk-yeol") == surname("Yoon") == "yoon"
    assert surname("Jens Stoltenberg") == "stoltenberg"
    assert surname("Linda Thomas-Greenfield") == "thomas-greenfield"


# --- round 22: treaty texts, outlets' journalists, bodies before a dash, hand-over lines ------


def test_a_machine_translated_charter_agreed_as_follows_is_a_treaty_text(tmp_path: Path) -> None:
    text = (
        "Articles of organization of the Agreement on collective security\n\n"
        "The State Parties of the Agreement on collective security (further - the Agreement),\n\n"
        "being guided by the conventional principles of international law;\n\n"
        "agreed as follows:\n\n"
        "Article 1\n\n"
        "The State Parties of the Agreement establish the regional international organization.\n\n"
        "Article 2\n\n"
        "The State Parties coordinate and unite their efforts in fight against terrorism.\n"
    )
    assert parse_written(tmp_path, text).document.kind == "treaty_text"


def test_a_report_saying_what_was_agreed_is_no_treaty_text(tmp_path: Path) -> None:
    text = (
        "Leaders meet in Moscow\n\n"
        "MOSCOW, Oct 7 (Reuters) - The leaders met on Monday, and Lavrov said the sides had not "
        "agreed on the terms of a new charter yet.\n\n"
        "The talks will continue next month, the foreign minister added.\n"
    )
    assert parse_written(tmp_path, text).document.kind != "treaty_text"


def test_a_name_and_a_tv_channel_label_a_journalist(tmp_path: Path) -> None:
    text = (
        "Press approach in Tiraspol\n\n"
        "Violetta Ganina, First Pridnestrovian TV channel:\n\n"
        "The first question is to you, Alexander Kazimirovich. How do you assess the talks?\n\n"
        "Alexander Lukashevich, Permanent Representative of Russia to the OSCE:\n\n"
        "Well, the talks were useful and we will continue them in Vienna.\n"
    )
    doc = parse_written(tmp_path, text)
    assert doc.document.kind == "press_conference"
    assert {(s.speaker, s.role) for s in doc.statements} >= {(None, "journalist")}


def test_an_organisation_before_a_dash_is_no_dateline(tmp_path: Path) -> None:
    text = (
        "Statements in International Organisations\n\n"
        "OSCE - Permanent Council No. 698: EU statement in response to the Head of Mission\n\n"
        "EU statement delivered by H.E. Ambassador Stanislav Rascan\n\n"
        "The European Union thanks the Head of the OSCE Mission in Kosovo for his report.\n\n"
        "The European Union fully supports the Mission in its work.\n"
    )
    doc = parse_written(tmp_path, text)
    assert {s.speaker for s in doc.statements} == {"Stanislav Rascan"}
    assert doc.document.place != "Osce"
    assert _boilerplate("Link to opens in a new window") is not None
    assert _boilerplate("Skip to content .") is not None


# --- Hansard ---------------------------------------------------------------------------------

_HANSARD = (
    "James Sunderland urges all NATO members to contribute 2% of GDP\n\n"
    "James Sunderland (Bracknell) (Con)\n\n"
    "I commend the Minister for the range of strategic initiatives, but what is being done to "
    "ensure that all members of NATO spend 2% of GDP?\n\n"
    "The Minister for Armed Forces (James Heappey)\n\n"
    "At the Vilnius summit the Prime Minister was very clear in his expectation that others "
    "quickly meet the target.\n"
)


def test_hansard_speaker_lines_open_turns(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _HANSARD)
    assert doc.document.kind == "transcript"
    assert {s.speaker for s in doc.statements} == {"James Sunderland", "James Heappey"}


def test_a_name_and_a_place_in_brackets_without_a_party_is_no_hansard_line() -> None:
    from indivisible.ingest._structure import _hansard_name

    assert _hansard_name("James Sunderland (Bracknell) (Con)") == "James Sunderland"
    assert _hansard_name("John Bercow Portrait Mr Speaker") == "John Bercow"
    assert _hansard_name("Vladimir Putin (Moscow)") is None
    assert _hansard_name("The Minister said that the treaty (START) is dead") is None


def test_a_dateline_with_the_country_between_city_and_day(tmp_path: Path) -> None:
    text = (
        "Joint Statement\n\n"
        "ALMATY, Kazakhstan, 17 July 2010 – The heads of delegation met and released a joint "
        "statement on the settlement.\n\n"
        "The sides urged restraint and a return to talks on the basis of the principles.\n"
    )
    doc = parse_written(tmp_path, text)
    assert doc.document.date == dt.date(2010, 7, 17)
    assert doc.document.place == "Almaty"


def test_a_city_and_country_without_a_day_date_nothing(tmp_path: Path) -> None:
    text = (
        "Joint Statement\n\n"
        "ALMATY, Kazakhstan – The heads of delegation met and released a joint statement on "
        "the settlement.\n\n"
        "The sides urged restraint and a return to talks on the basis of the principles.\n"
    )
    assert parse_written(tmp_path, text).document.date is None


def test_outlined_reports_what_was_said(tmp_path: Path) -> None:
    body = (
        "Vladimir Putin outlined approaches to strategic stability and arms control in the "
        "telephone conversation.\n"
    )
    doc = parse_written(tmp_path, "Telephone conversation\n\n" + body)
    assert {s.speaker for s in doc.statements} == {"Vladimir Putin"}


# --- a ministry's unsigned statement ----------------------------------------------------------


def test_a_statement_titled_by_a_ministry_is_the_ministrys(tmp_path: Path) -> None:
    text = (
        "Statement of the Ministry of Foreign Affairs of Ukraine on the 30th anniversary of the "
        "Budapest Memorandum\n\n"
        "Thirty years ago, Ukraine gave up the world's third largest nuclear arsenal in exchange "
        "for security assurances.\n\n"
        "We call on the signatories to honour their commitments under the Budapest "
        "Memorandum.\n"
    )
    doc = parse_written(tmp_path, text)
    assert {s.speaker for s in doc.statements} == {"Ministry of Foreign Affairs of Ukraine"}
    assert {i for s in doc.statements for i in s.instruments} == {"budapest-memorandum-1994"}


def test_a_statement_about_a_ministry_names_no_author(tmp_path: Path) -> None:
    text = (
        "Statement on the Ministry of Foreign Affairs of Ukraine and the Budapest Memorandum\n\n"
        "Thirty years ago, Ukraine gave up the world's third largest nuclear arsenal in exchange "
        "for security assurances.\n\n"
        "We call on the signatories to honour their commitments under the memorandum.\n"
    )
    doc = parse_written(tmp_path, text)
    assert "Ministry of Foreign Affairs of Ukraine" not in {s.speaker for s in doc.statements}


def test_voiced_or_expressed_appreciation_reports_words(tmp_path: Path) -> None:
    body = (
        "For his part, Zbigniew Rau expressed his appreciation for the cooperation with the "
        "OSCE Mission to Moldova.\n"
    )
    doc = parse_written(tmp_path, "Talks\n\n" + body)
    assert {s.speaker for s in doc.statements} == {"Zbigniew Rau"}


def test_an_expressed_position_of_a_body_names_no_person(tmp_path: Path) -> None:
    body = "The ministry expressed its appreciation for the cooperation with the OSCE Mission.\n"
    doc = parse_written(tmp_path, "Talks\n\n" + body)
    assert {s.speaker for s in doc.statements} <= {None}


def test_names_without_a_hyphen_or_with_accord() -> None:
    assert "nato-russia-council" in link("the NATO Russia Council met", None).organisations
    assert "helsinki-final-act-1975" in link("the Helsinki Final Accord", None).instruments


# --- round 23: conjunctions, unnamed people, courtesy titles --------------------------------


def test_a_conjunction_opening_the_sentence_keeps_its_speaker(tmp_path: Path) -> None:
    body = (
        "Prime Minister Anthony Albanese arrived in Vilnius for the summit.\n\n"
        "But Albanese said the alliance must keep supporting Ukraine for as long as it takes.\n"
    )
    doc = parse_written(tmp_path, "Summit\n\n" + body)
    assert {s.speaker for s in spoken(doc)} == {"Anthony Albanese"}


def test_an_unnamed_official_is_known_by_the_description(tmp_path: Path) -> None:
    body = (
        "Dmitry Medvedev said on Monday that Russia was ready for any scenario.\n\n"
        "A White House official, speaking on condition of anonymity, said the administration "
        "would not seek an extension of the treaty.\n"
    )
    doc = parse_written(tmp_path, "Treaty\n\n" + body)
    said = {s.text: (s.speaker, s.role) for s in doc.statements}
    assert said["the administration would not seek an extension of the treaty."] == (
        None,
        "a White House official",
    )


def test_an_unnamed_thing_said_is_no_speaker(tmp_path: Path) -> None:
    body = (
        "Dmitry Medvedev said on Monday that Russia was ready for any scenario.\n\n"
        "A White House statement said the administration would not seek an extension.\n"
    )
    doc = parse_written(tmp_path, "Treaty\n\n" + body)
    assert not any(s.role and "statement" in s.role for s in doc.statements)


def test_a_courtesy_title_and_surname_is_the_person_named_before(tmp_path: Path) -> None:
    body = (
        "Ukraine's First Deputy Foreign Minister Volodymyr Khandogiy met the Commission.\n\n"
        "Mr Khandogiy emphasized that Ukraine remains committed to its partnership with NATO.\n"
    )
    doc = parse_written(tmp_path, "Commission\n\n" + body)
    assert {s.speaker for s in spoken(doc)} == {"Volodymyr Khandogiy"}


def test_an_abbreviation_in_brackets_inside_a_treaty_name() -> None:
    found = link("the Intermediate-Range Nuclear Forces (INF) Treaty", dt.date(2019, 2, 2))
    assert found.instruments == ("inf-1987",)
    assert link("the Conventional Armed Forces in Europe (CFE) Treaty", None).instruments == (
        "cfe-1990",
    )
    assert link("the forces (INF) in Europe", None).instruments == ()


def test_a_players_prompt_is_no_label(tmp_path: Path) -> None:
    text = (
        "Kallas: Russia must be deterred\n\n"
        "Watch: NATO and Russia agree to talks on risk reduction\n\n"
        "Estonian Prime Minister Kaja Kallas said on Monday that the alliance must stay "
        "united.\n\n"
        "Next Up:\n"
    )
    doc = parse_written(tmp_path, text)
    assert "Watch" not in {s.speaker for s in doc.statements}
    assert doc.document.kind != "transcript"
    assert _boilerplate("Next Up:") is not None


def test_a_courtesy_title_closing_a_reported_clause(tmp_path: Path) -> None:
    body = (
        "NATO Secretary General Jens Stoltenberg arrived in Vilnius.\n\n"
        "Nato may decide to strengthen its eastern flank further, Mr Stoltenberg said.\n"
    )
    doc = parse_written(tmp_path, "Vilnius\n\n" + body)
    assert {s.speaker for s in doc.statements} == {"Jens Stoltenberg"}


def test_a_senator_with_party_and_state_closing_a_quotation(tmp_path: Path) -> None:
    body = (
        "The Senate will vote on the treaty next week, Democratic leaders said.\n\n"
        '"I do not think we should rush this treaty through a lame-duck session," Sen. Lindsey '
        "Graham (R-S.C.) told reporters.\n"
    )
    doc = parse_written(tmp_path, "Senate\n\n" + body)
    assert {s.speaker for s in spoken(doc)} == {"Lindsey Graham"}


def test_a_sentence_ending_on_a_name_before_another_is_cut_there() -> None:
    from indivisible.ingest._parse import _speaker_of

    found = _speaker_of("Alexander Grushko. As informs RIA", "", None, [])
    assert found is not None and found.name == "Alexander Grushko"


def test_a_dail_members_line_with_constituency_and_party() -> None:
    from indivisible.ingest._structure import _hansard_name

    assert _hansard_name("Photo of Simon HarrisSimon Harris (Wicklow, Fine Gael)") == "Simon Harris"
    assert _hansard_name("Simon Harris (Wicklow, Ireland)") is None


def test_initials_and_a_treatys_abbreviation_are_no_labels(tmp_path: Path) -> None:
    text = (
        "Kirby and Lee on NATO's doorstep\n\n"
        "L: Why does the Pentagon think that Russia would not feel threatened?\n\n"
        "K: Matt, NATO is a defensive alliance and the enlargement threatens no one.\n\n"
        'NPT: "We are ready to continue the review process," the minister said at the '
        "conference.\n"
    )
    doc = parse_written(tmp_path, text)
    assert not {"L", "K", "NPT"} & {s.speaker for s in doc.statements}


def test_a_question_label_still_asks_after_initials_are_refused(tmp_path: Path) -> None:
    text = (
        "Briefing\n\n"
        "Q: Why does the Pentagon think that Russia would not feel threatened?\n\n"
        "A: NATO is a defensive alliance and the enlargement threatens no one.\n"
    )
    doc = parse_written(tmp_path, text)
    assert "journalist" in {s.role for s in doc.statements}


def test_a_meeting_over_two_days_is_dated_by_its_first() -> None:
    from indivisible.ingest._link import dates_mentioned

    assert [d for _, _, d in dates_mentioned("(December 1-2, 2022, Lodz)", None)] == ["2022-12-01"]
    assert [d for _, _, d in dates_mentioned("1–2 December 2009", None)] == ["2009-12-01"]
    assert [d for _, _, d in dates_mentioned("on 6 and 7 April 2022", None)] == ["2022-04-07"]


def test_an_address_is_no_label_and_an_english_dotted_day_is_a_date(tmp_path: Path) -> None:
    text = (
        "Happy NATO Day\n\n"
        "29. March 2024 - 8:17\n\n"
        "Ladies and Gentlemen:\n\n"
        "Twenty years ago Estonia joined the alliance, and we remain grateful to our allies.\n"
    )
    doc = parse_written(tmp_path, text)
    assert doc.document.date == dt.date(2024, 3, 29)
    assert "Ladies and Gentlemen" not in {s.speaker for s in doc.statements}


# --- a report's own narrative: nobody's statements, kept for what it names ----------------

_REPORT = (
    "NATO allies suspend the CFE Treaty\n\n"
    "BRUSSELS, November 7 (Reuters) - NATO allies condemned a decision by Russia on Tuesday "
    "to withdraw from the Treaty on Conventional Armed Forces in Europe.\n\n"
    '"Allies will suspend the treaty for as long as necessary," Jens Stoltenberg said.\n\n'
)


def test_a_reports_narrative_is_nobodys_statement_naming_what_it_names(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _REPORT)
    narrative = [s for s in doc.statements if not (s.speaker or s.role)]
    assert [s.speaker for s in spoken(doc)] == ["Jens Stoltenberg"]
    assert len(narrative) == 1 and narrative[0].text.startswith("NATO allies condemned")
    assert "nato" in narrative[0].organisations and "cfe-1990" in narrative[0].instruments


@pytest.mark.parametrize(
    "line",
    [
        "Finnish Prime Minister Sanna Marin (3rd L) speaks during a plenary session in Helsinki.",
        "A picture taken on March 2, 2020, shows a Russian reconnaissance airplane over the base.",
        "Some information for this report came from The Associated Press and Reuters.",
        "Nick Ciolino covers the White House for the newspaper and its website.",
        "You can watch the whole meeting of the Council in the video player above.",
        "NATO faces a new geopolitical reality after the decision of the allies in Vilnius…",
    ],
    ids=["caption-position", "caption-picture", "credit", "author-line", "reader", "teaser"],
)
def test_a_reports_own_lines_are_no_narrative(tmp_path: Path, line: str) -> None:
    # Between the report's paragraphs, where the furniture model's place on the page does
    # not decide.
    head, quote = _REPORT.rsplit("\n\n", 2)[0], _REPORT.rsplit("\n\n", 2)[1]
    tail = "The treaty, signed in 1990, limited conventional arms from the Atlantic to the Urals.\n"
    doc = parse_written(tmp_path, f"{head}\n\n{line}\n\n{quote}\n\n{tail}")
    assert any(s.text.startswith("The treaty, signed") for s in doc.statements)
    assert not any(line[:30] in s.text for s in doc.statements)


# --- a broadcaster that interviews under its initials ---------------------------------------


def test_a_broadcasters_initials_label_its_questions(tmp_path: Path) -> None:
    doc = parse_written(
        tmp_path,
        "Interview with the NATO Secretary General\n\n"
        "DW: Mr. Secretary-General, is the INF Treaty dead?\n\n"
        "Jens Stoltenberg: Russia has violated the treaty for years, and we call on Russia "
        "to return to full compliance.\n\n"
        "DW: What happens next?\n\n"
        "Jens Stoltenberg: Allies will respond in a measured way.\n",
    )
    assert [s.role for s in doc.statements if not s.speaker] == ["journalist", "journalist"]
    assert not any(s.speaker == "DW" for s in doc.statements)


# --- session 16: a summit's declaration, a Russian treaty's parties -------------------------

_SUMMIT = (
    "Warsaw Summit Communiqué\n\n"
    "Issued by the Heads of State and Government participating in the meeting\n\n"
    "Press Release (2016) 100\n\n"
    "1. We, the {who} of the member countries of the North Atlantic Alliance, have gathered "
    "in Warsaw at a defining moment for the security of our nations.\n\n"
    "2. NATO's essential mission is unchanged: to ensure that the Alliance remains an "
    "unparalleled community of freedom, peace and security.\n"
)


def test_a_summits_declaration_by_its_heads_of_state_is_the_instruments_text(
    tmp_path: Path,
) -> None:
    doc = parse_written(tmp_path, _SUMMIT.format(who="Heads of State and Government"))
    assert doc.document.kind == "treaty_text"
    assert {s.role for s in doc.statements} == {"text of the instrument"}
    assert doc.statements[0].text.startswith("1. We, the Heads of State")
    assert not any("Press Release" in s.text for s in doc.statements), "the page's header"


def test_presidents_declaring_together_stay_a_statement(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _SUMMIT.format(who="Presidents of Poland and Romania"))
    assert doc.document.kind != "treaty_text"


_PARTIES_RU = (
    "Союз Советских Социалистических Республик и Соединенные Штаты Америки, {named},\n\n"
    "сознавая, что ядерная война имела бы для всего человечества опустошительные "
    "последствия,\n\n"
    "руководствуясь целью укрепления стратегической стабильности, договорились о ликвидации "
    "ракет.\n"
)


def test_a_russian_treaty_naming_its_parties_below_is_a_treaty_text(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _PARTIES_RU.format(named="ниже именуемые Сторонами"))
    assert doc.document.kind == "treaty_text"


def test_a_russian_text_naming_two_states_below_is_no_treaty_text(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _PARTIES_RU.format(named="о которых речь ниже"))
    assert doc.document.kind != "treaty_text"


def test_a_peers_territorial_title_is_compared_by_its_own_word() -> None:
    from indivisible.ingest._names import surname

    assert surname("Lord Hannay of Chiswick") == surname("Hannay of Chiswick") == "hannay"
    assert surname("Cameron of Chipping Norton") == surname("David Cameron") == "cameron"


def test_a_body_or_an_office_of_a_place_is_no_peer() -> None:
    from indivisible.ingest._names import surname

    assert surname("Bank of England") == "bank of england"
    assert surname("Secretary of State") == "secretary of state"
    assert surname("Senate of Poland") == "senate of poland"


_INTERVIEW_DE = (
    "{heading}, 01.Oktober 2008\n\n"
    "Sehen Sie einen neuen Kalten Krieg?\n\n"
    "Definitiv nicht. Russland sucht keine Konfrontation mit dem Westen, keiner in Russland "
    "redet vom Kalten Krieg.\n\n"
    "Welche Maßnahmen sollten die NATO und Russland treffen, um den Konflikt zu entschärfen?\n\n"
    "Es liegt an unseren Partnern im Westen und in der NATO, die Spannung abzubauen.\n"
)


@pytest.mark.parametrize(
    ("heading", "who"),
    [
        (
            "Interview des Botschafters der Russischen Föderation, Vladimir V.Kotenev, für die "
            "Zeitschrift „Diplomatisches Magazin“",
            "Kotenev",
        ),
        ("Entretien avec l'ambassadeur Vladimir Kotenev pour le magazine Diplomatie", "Kotenev"),
    ],
    ids=["german", "french"],
)
def test_an_interview_heading_in_another_language_names_the_interviewee(
    tmp_path: Path, heading: str, who: str
) -> None:
    doc = parse_written(tmp_path, _INTERVIEW_DE.format(heading=heading))
    assert doc.document.kind == "interview"
    said = [(s.speaker or s.role or "") for s in doc.statements]
    assert said[0] == "journalist" and said[1].endswith(who) and said[2] == "journalist"


def test_an_interview_heading_naming_nobody_gives_the_answers_to_no_one(tmp_path: Path) -> None:
    heading = "Interview für die Zeitschrift „Diplomatisches Magazin“"
    doc = parse_written(tmp_path, _INTERVIEW_DE.format(heading=heading))
    assert not any(s.speaker for s in doc.statements)


_SECOND_CLAUSE = (
    "Russia warns Poles and Czechs over missile defence\n\n"
    "MOSCOW, Feb 19 (Reuters) - Russia warned Poland and the Czech Republic on Monday over the "
    "US plan.\n\n"
    "Russia sees the missiles as a threat against its territory and {who} has accused the US "
    "of provoking a new arms race with the plan.\n"
)


def test_a_persons_reported_speech_in_a_sentences_second_clause(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _SECOND_CLAUSE.format(who="President Vladimir Putin"))
    said = [s for s in spoken(doc) if "arms race" in s.text]
    assert [s.speaker for s in said] == ["Vladimir Putin"]


def test_a_states_accusation_in_a_second_clause_names_no_speaker(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _SECOND_CLAUSE.format(who="Moscow"))
    assert not [s for s in spoken(doc) if "arms race" in s.text]


_NEWLY = (
    "Kazakh President Pledges Security Cooperation\n\n"
    "UNIPATH STAFF\n\n"
    "Kazakhstan’s newly appointed {who} reaffirmed his country’s commitment to the "
    "Organization for Security and Co-operation in Europe during a meeting in the capital.\n"
)


def test_a_description_before_a_title_and_name_is_not_the_name(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _NEWLY.format(who="President Kassym-Jomart Tokayev"))
    assert [s.speaker for s in spoken(doc)] == ["Kassym-Jomart Tokayev"]


def test_a_newly_appointed_body_names_no_speaker(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _NEWLY.format(who="Government of National Unity"))
    assert not spoken(doc)


_SPOKE_OF = (
    "Glimmer of hope for Ukraine\n\n"
    "MINSK (AFP) - The leaders agreed on a ceasefire after all-night talks.\n\n"
    "Speaking to reporters in Minsk, {who} spoke of a glimmer of hope for the people of "
    "Ukraine.\n"
)


def test_a_person_who_spoke_of_something_said_it(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _SPOKE_OF.format(who="Angela Merkel"))
    said = [s for s in spoken(doc) if "people of Ukraine" in s.text]
    assert [s.speaker for s in said] == ["Angela Merkel"]
    assert said[0].text.startswith("a glimmer of hope"), "the words, not the report's framing"
    assert not any(s.speaker for s in doc.statements if "leaders agreed" in s.text)


def test_a_government_in_german_is_no_speaker(tmp_path: Path) -> None:
    text = (
        "Streit um US-Atomwaffen\n\n"
        "Berlin (dpa) - Der Vorsitzende der SPD-Fraktion im Bundestag, Rolf Mützenich, "
        "fordert einen Abzug der US-Atomwaffen aus Deutschland.\n\n"
        'Der SPD-Politiker sagte dem Berliner "Tagesspiegel", Trumps Regierung habe '
        "verkündet, dass Atomwaffen nicht mehr nur der Abschreckung dienten.\n"
    )
    doc = parse_written(tmp_path, text)
    assert not any(s.speaker and "Regierung" in s.speaker for s in doc.statements)


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        (
            "Pokud Rusko použije jaderné zbraně, bude to mít vážné následky, řekl generální "
            "tajemník Jens Stoltenberg.",
            "Jens Stoltenberg",
        ),
        (
            "A NATO é uma aliança decisiva, afirmou hoje o ministro dos Negócios Estrangeiros, "
            "Augusto Santos Silva, em Londres.",
            "Augusto Santos Silva",
        ),
        (
            "Amerykański sekretarz stanu Mike Pompeo potwierdził w piątek, że Stany Zjednoczone "
            "wycofują się z traktatu.",
            "Mike Pompeo",
        ),
        (
            "Iniciativa de Putin es positiva, respondió el secretario de prensa del Kremlin, "
            "Dmitri Peskov, en su rueda de prensa.",
            "Dmitry Peskov",
        ),
    ],
    ids=["czech", "portuguese", "polish-that", "spanish-answer"],
)
def test_a_speech_verb_of_another_language_names_its_speaker(
    tmp_path: Path, sentence: str, who: str
) -> None:
    text = f"Agency report\n\nBRUSSELS (AFP) - The allies met on Friday.\n\n{sentence}\n"
    doc = parse_written(tmp_path, text)
    assert {s.speaker for s in spoken(doc)} == {who}


def test_a_name_past_that_is_what_was_said(tmp_path: Path) -> None:
    text = (
        "Agency report\n\nWARSAW (PAP) - The allies met on Friday.\n\n"
        "Rzecznik potwierdził w piątek, że Stany Zjednoczone wycofują się z traktatu.\n"
    )
    assert not any(
        s.speaker == "Stany Zjednoczone" for s in parse_written(tmp_path, text).statements
    )


_KAMER = (
    "Aan de orde is de behandeling van het verslag van een algemeen overleg.\n\n"
    "De voorzitter:\n\n"
    "Ik heet de minister van Buitenlandse Zaken van harte welkom.\n\n"
    "{label}\n\n"
    "Voorzitter. Wij hebben uitgebreid met de minister kunnen debatteren over het "
    "Non-proliferatieverdrag en de rol van de NAVO.\n"
)


def test_a_dutch_record_labels_its_members_and_its_chair(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _KAMER.format(label="De heer Van Bommel (SP):"))
    assert doc.document.kind == "transcript"
    said = {(s.speaker, s.role) for s in doc.statements if s.speaker or s.role}
    assert said == {(None, "moderator"), ("Van Bommel", "SP")}


def test_a_dutch_courtesy_title_inside_a_sentence_is_no_label(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _KAMER.format(label="De heer Van Bommel sprak als eerste."))
    assert not any(s.speaker == "Van Bommel" for s in doc.statements)


@pytest.mark.parametrize(
    "line",
    [
        "Lire aussi : Article réservé à nos abonnés Jens Stoltenberg : « L’Ukraine finira »",
        "Czytaj także: Rosja grozi wycofaniem się z traktatu",
        "Читайте также: Лавров ответил на вопросы журналистов",
        "Lesen Sie auch: Scholz warnt vor Eskalation",
        "Още: ЕС ще проведе специална среща на върха за Украйна на 6 март",
        "Čítajte aj: Fico kritizuje rozhodnutie NATO",
        "Taip pat skaitykite: Nausėda susitiko su Stoltenbergu",
        "Kapcsolódó: Szijjártó Brüsszelben tárgyalt",
        "TU PEUX VOIR: Joe Biden : « Ce sera un désastre pour la Russie »",
    ],
    ids=[
        "french", "polish", "russian", "german", "bulgarian", "slovak", "lithuanian",
        "hungarian", "french-you-may-see",
    ],
)  # fmt: skip
def test_a_read_also_link_in_another_language_is_furniture(line: str) -> None:
    assert _boilerplate(line) == "teaser link in another language"


def test_a_sentence_opening_with_lire_aussi_is_text() -> None:
    assert _boilerplate("Lire aussi la suite de notre enquête sur le sommet de Vilnius.") is None
    assert _boilerplate("Tu peux voir que la Russie ne bougera pas.") is None


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        (
            "Source: The Guardian, citing Jan Halvar, Former Secretary General of NATO, as "
            "reported by European Pravda.",
            True,
        ),
        ("Джерело: Reuters, цитуючи генсека НАТО.", True),
        # a sentence after the label is text
        ("Source: the ministry said the talks had failed, citing no reason at all!", False),
    ],
)
def test_a_source_line_naming_whom_the_outlet_cites(line: str, furniture: bool) -> None:
    assert (_boilerplate(line) == "source line naming whom the outlet cites") is furniture


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Lyssna på alla avsnitt i Sveriges Radios app.", True),
        ("Listen to all episodes on our app", True),
        # a sentence that opens so and goes on is text
        ("Listen to all episodes of the war, he said, and you will see that nobody cared.", False),
    ],
)
def test_a_programmes_prompt_to_its_other_episodes(line: str, furniture: bool) -> None:
    assert (_boilerplate(line) is not None) is furniture
    # "още" (still, more) opens sentences too; only the prompt's colon makes a link.
    assert _boilerplate("Още не е ясно кога ще се проведе срещата на върха.") is None


_EFE = "Informe\n\nMOSCÚ (EFE) - El Kremlin habló el lunes.\n\n{sentence}\n"


def test_of_two_persons_a_sentence_names_the_one_against_the_verb_speaks(tmp_path: Path) -> None:
    sentence = (
        "Dmitri Peskov respondió que la reunión no está prevista, mientras Serguéi Lavrov "
        "viajaba a Ginebra."
    )
    doc = parse_written(tmp_path, _EFE.format(sentence=sentence))
    assert {s.speaker for s in spoken(doc)} == {"Dmitry Peskov"}


def test_a_person_after_a_preposition_is_no_speaker(tmp_path: Path) -> None:
    sentence = (
        "Ayer, Trump respondió escuetamente a los periodistas reunidos en la Casa Blanca que "
        'le parecía "buena idea" la propuesta de Putin.'
    )
    doc = parse_written(tmp_path, _EFE.format(sentence=sentence))
    assert not any(s.speaker == "Vladimir Putin" for s in doc.statements)


def test_a_journalists_label_with_the_outlet_in_quotation_marks() -> None:
    assert _inline_label('Alexei Minchenok, "Le Miroir": Bonjour.') == (
        'Alexei Minchenok, "Le Miroir"',
        31,
    )


def test_a_quoted_phrase_after_a_comma_is_no_label() -> None:
    assert _inline_label('Le sommet, "un succès": tout le monde le dit.') is None


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("Is this page useful?", "feedback prompt"),
        ("War diese Seite hilfreich?", "feedback prompt"),
        ("There are no items yet.", "empty list notice"),
        ("128.51 Кб", "file size or download button"),
        ("Скачать", "file size or download button"),
        ("Our Standards: The Thomson Reuters Trust Principles.", "agency standards line"),
    ],
)
def test_a_pages_feedback_prompt_file_size_or_standards_line_is_furniture(
    line: str, why: str
) -> None:
    assert _boilerplate(line) == why


@pytest.mark.parametrize(
    "line",
    [
        "Download the full report here to read the minister's words.",
        "Is this page useful for you and your family, we asked the minister.",
        "Our standards of verification are higher than the treaty requires.",
    ],
)
def test_a_sentence_with_those_words_is_text(line: str) -> None:
    assert _boilerplate(line) is None


_SUMMIT_NEWS = (
    "CSTO summit in Yerevan\n\n"
    "YEREVAN (Armenpress) - CSTO leaders met in Yerevan on November 23.\n\n"
    "{sentence}\n"
)


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        (
            "Kassym-Jomart Tokayev, President of Kazakhstan, at the summit in Armenia expressed "
            "the hope that the peacekeeping efforts would continue.",
            "Kassym-Jomart Tokayev",
        ),
        (
            "During the meeting, Aleksandr Lukashenko named the priority areas of activity and "
            "called on the members to strengthen cooperation.",
            "Aleksandr Lukashenko",
        ),
        (
            "In his speech, Minister Ruslan Kazakbaev drew attention to the importance of timely "
            "development of collective forces.",
            "Ruslan Kazakbaev",
        ),
    ],
    ids=["occasion-after-apposition", "called-on", "drew-attention"],
)
def test_a_summit_reports_narrated_speech(tmp_path: Path, sentence: str, who: str) -> None:
    doc = parse_written(tmp_path, _SUMMIT_NEWS.format(sentence=sentence))
    assert {s.speaker for s in spoken(doc)} == {who}


def test_a_leader_who_arrived_at_the_summit_said_nothing(tmp_path: Path) -> None:
    sentence = (
        "Kassym-Jomart Tokayev, President of Kazakhstan, at the summit in Armenia arrived late "
        "for the family photograph."
    )
    assert not spoken(parse_written(tmp_path, _SUMMIT_NEWS.format(sentence=sentence)))


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("La adhesión es histórica, dijo el primer ministro Milo Đukanović.", "Milo Đukanović"),
        ("Die Allianz bleibt stark, sagte Kommissar Maroš Šefčovič.", "Maroš Šefčovič"),
    ],
    ids=["d-with-stroke", "s-with-caron"],
)
def test_a_name_opening_with_a_central_european_capital_is_a_name(
    tmp_path: Path, sentence: str, who: str
) -> None:
    text = f"Agency report\n\nBRUSSELS (AFP) - The allies met on Friday.\n\n{sentence}\n"
    assert {s.speaker for s in spoken(parse_written(tmp_path, text))} == {who}


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        (
            "Srbija ostaje vojno neutralna, rekao je predsednik Aleksandar Vučić.",
            "Aleksandar Vučić",
        ),
        ("Aliancia je silná, povedal minister Ivan Korčok.", "Ivan Korčok"),
        ("Naton ovi on auki, sanoi presidentti Sauli Niinistö.", "Sauli Niinistö"),
        ("Alliancen står samlet, sagde statsminister Mette Frederiksen.", "Mette Frederiksen"),
        ("A NATO erős marad, mondta Szijjártó Péter külügyminiszter.", "Szijjártó Péter"),
    ],
    ids=["serbian", "slovak", "finnish", "danish", "hungarian"],
)
def test_a_speech_verb_of_the_osce_regions_languages(
    tmp_path: Path, sentence: str, who: str
) -> None:
    text = f"Agency report\n\nBRUSSELS (AFP) - The allies met on Friday.\n\n{sentence}\n"
    assert {s.speaker for s in spoken(parse_written(tmp_path, text))} == {who}


def test_a_bulgarian_verb_inside_a_longer_russian_word_is_no_verb(tmp_path: Path) -> None:
    text = (
        "Agency report\n\nMOSCOW (TASS) - The allies met on Friday.\n\n"
        "Всё это показалось Сергею Иванову странным.\n"
    )
    assert not spoken(parse_written(tmp_path, text))


@pytest.mark.parametrize(
    ("sentence", "ids"),
    [
        (
            "On January 26, the US and NATO handed over written responses to Russian proposals "
            "for security guarantees.",
            {"us-response-2022", "nato-response-2022"},
        ),
        (
            "Lavrov said that the United States, in its response on security guarantees, did not "
            "answer the main question.",
            {"us-response-2022"},
        ),
        ("Washington, in its response to the flooding, sent aid to the region.", set()),
        ("The United States delivered written testimony to the committee.", set()),
    ],
    ids=["handed-over", "in-its-response", "other-response", "other-written"],
)
def test_the_answers_of_january_2022_named_by_their_givers(sentence: str, ids: set[str]) -> None:
    import datetime as dt

    assert set(link(sentence, dt.date(2022, 1, 27)).instruments) == ids


def test_a_name_with_a_capital_van_der_and_a_party_before_the_verb(tmp_path: Path) -> None:
    text = (
        "Rapport\n\nBRUXELLES (Belga) - La Chambre a débattu jeudi.\n\n"
        "Dans les rangs de la majorité, le député Dirk Van der Maelen (sp.a) a réclamé "
        "l’annulation de l’accord sur la modernisation des armes nucléaires.\n"
    )
    assert {s.speaker for s in spoken(parse_written(tmp_path, text))} == {"Dirk Van der Maelen"}


def test_a_long_bracket_between_a_name_and_the_verb_is_no_party(tmp_path: Path) -> None:
    text = (
        "Rapport\n\nBRUXELLES (Belga) - La Chambre a débattu jeudi.\n\n"
        "La visite de Dirk Van der Maelen (qui avait été reportée deux fois depuis l’été) a "
        "réclamé une longue préparation.\n"
    )
    assert not spoken(parse_written(tmp_path, text))


_UNDATED = "Statement at the Security Council\n\nMr. President,\n\n{line}\n\nThank you.\n"


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Today, 28 February 2014 unidentified armed militants blocked the airport.", "2014-02-28"),
        ("Сегодня, 28 февраля 2014 года, вооружённые люди заблокировали аэропорт.", "2014-02-28"),
        ("This transcript is from a press briefing hosted on June 26, 2024.", "2024-06-26"),
    ],
    ids=["today", "today-russian", "editors-note"],
)
def test_a_page_that_says_which_day_is_today_is_dated_by_it(
    tmp_path: Path, line: str, day: str
) -> None:
    doc = parse_written(tmp_path, _UNDATED.format(line=line))
    assert doc.document.date is not None and doc.document.date.isoformat() == day


def test_a_day_mentioned_after_today_is_no_date_of_the_page(tmp_path: Path) -> None:
    line = "Today we recall what the ministers agreed on 28 February 2014 in this chamber."
    assert parse_written(tmp_path, _UNDATED.format(line=line)).document.date is None


def test_the_word_today_in_a_header_line_is_no_date(tmp_path: Path) -> None:
    text = (
        "Statement by the Minister today on the Vienna Document\n\n"
        "Mr. Chairperson,\n\n"
        "We call on all participating States to modernise the Vienna Document without delay, "
        "so that large exercises are notified and observed as the document intends.\n\n"
        "Thank you, Mr. Chairperson.\n"
    )
    assert parse_written(tmp_path, text).document.date is None, "never the day ingestion ran"


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Foto: Michał Dukaczewski / RMF FM", True),
        ("Фото: РИА Новости", True),
        ("Kuva: Lehtikuva", True),
        (
            "Ambasador Rosji w Polsce podczas rozmowy z dziennikarzem / Michał Dukaczewski / RMF",
            True,
        ),
        # The twins: a sentence about photographs, a sentence with one slash.
        ("Fotografie ist für die Dokumentation der Inspektionen unverzichtbar.", False),
        ("Die Gespräche in Genf / Wien dauerten bis zum Abend.", False),
    ],
)
def test_photo_credits_in_other_languages_are_furniture(line: str, furniture: bool) -> None:
    assert (_boilerplate(line) is not None) == furniture


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Son dakika haberleri...", True),
        ("Praha (CZ)", True),
        ("Publicat : 17.06.2005 în Monitorul Oficial Nr. 83-85     art Nr : 385", True),
        ("Nr. 117-XVI.", True),
        # The twins: a sentence opening with the same words, a place inside a sentence.
        ("Son dakika haberlerine göre Ankara'da toplantı sürüyor.", False),
        ("The ministers met in Praha (CZ) on Tuesday.", False),
        ("No. 10 Downing Street said the Prime Minister would attend.", False),
    ],
)
def test_banners_places_stamps_and_numbers_are_furniture(line: str, furniture: bool) -> None:
    assert (_boilerplate(line) is not None) == furniture
