"""Layouts met in the tune part in session 18 (transcripts, quotations): good/bad twins.

Each rule has a document (or a line) where it must act and a twin, alike except for the
one thing that must make it hold back.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from indivisible.ingest._names import person_name
from indivisible.ingest._sentences import sentences
from indivisible.ingest._structure import _inline_label

from ._docs import parse_written, spoken


def _label(line: str) -> str | None:
    """The speaker's label a line opens with, if any."""
    found = _inline_label(line)
    return found[0] if found else None


# --- a bullet before a speaker's label ---------------------------------------------------


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("• Amna Nawaz:", "Amna Nawaz"),
        (
            "• Gabrielius Landsbergis, Lithuanian Foreign Minister:",
            "Gabrielius Landsbergis, Lithuanian Foreign Minister",
        ),
        # The twin: a bulleted line of text with a colon inside is a list item, not a label.
        ("• Amna Nawaz: the war is close to Lithuania's border", None),
    ],
)
def test_a_bullet_before_a_label_alone_on_its_line_is_set_aside(
    line: str, label: str | None
) -> None:
    assert _label(line) == label


def test_a_transcript_with_bulleted_labels_gives_each_speaker_their_words(
    tmp_path: Path,
) -> None:
    doc = parse_written(
        tmp_path,
        "Lithuania's foreign minister on the war\n\n"
        "• Amna Nawaz:\n\nAnother former Soviet republic is concerned by the war.\n\n"
        "• Nick Schifrin:\n\nMr. Foreign Minister, thank you. Why did you decide so?\n\n"
        "• Gabrielius Landsbergis, Lithuanian Foreign Minister:\n\n"
        "I think that Lithuania was preparing for years.\n",
    )
    who = {s.speaker for s in spoken(doc)}
    assert who == {"Amna Nawaz", "Nick Schifrin", "Gabrielius Landsbergis"}
    assert not any(s.text.startswith("•") for s in doc.statements)


# --- a questioner named in square brackets -------------------------------------------------


def test_a_questioner_named_in_brackets_asks_and_the_next_paragraph_answers(
    tmp_path: Path,
) -> None:
    doc = parse_written(
        tmp_path,
        "Interview with Foreign Press Accredited in Tbilisi\n\n"
        "I think there are no coincidences today.\n\n"
        "[Helena Bedwell, Bloomberg News] Thank you, Mme. President. Do you agree with "
        "the sanctions?\n\n"
        "That is unfortunately a good question and I am not sure I have the answer, but "
        "Georgia will keep doing what it can together with its partners in Europe.\n",
    )
    asked = [s for s in doc.statements if s.speaker == "Helena Bedwell"]
    assert [s.role for s in asked] == ["journalist"]
    assert asked[0].text.startswith("Thank you")
    answer = next(s for s in doc.statements if s.text.startswith("That is"))
    assert answer.speaker != "Helena Bedwell"


def test_a_role_in_square_brackets_labels_its_words() -> None:
    assert _inline_label("[Reporter] Secretary General, will NATO respond?") == ("Reporter", 11)


@pytest.mark.parametrize(
    "line",
    [
        "[Applause] Thank you all for coming.",
        "[Inaudible] The question was about the treaty.",
        "[Translated from Russian] The Minister said the treaty was dead.",
    ],
)
def test_a_bracketed_stage_note_names_no_questioner(line: str) -> None:
    assert _inline_label(line) is None


# --- a low-opened quotation of several sentences -------------------------------------------

_SAID = (
    "Nauseda warns of Russian moves\n\nVILNIUS - Lithuania's president spoke on Wednesday.\n\n"
    "{o}It is possible that this is part of Russia's wider action against NATO. The report "
    "has certainly alarmed us. That is why we expressed our concerns this morning,{c} "
    "Nausėda said, adding that a meeting is due.\n"
)


@pytest.mark.parametrize(("o", "c"), [("„", "“"), ("„", "”"), ("“", "”")])
def test_a_quotation_of_several_sentences_opened_low_is_its_speakers(
    tmp_path: Path, o: str, c: str
) -> None:
    doc = parse_written(tmp_path, _SAID.format(o=o, c=c))
    said = [s for s in doc.statements if s.speaker == "Nausėda"]
    assert len(said) == 1 and "wider action" in said[0].text and "concerns" in said[0].text


def test_a_quotation_opened_low_is_one_sentence_until_its_high_close() -> None:
    text = "„Wir sind bereit. Wir haben keine Angst“, sagte er. Dann ging er."
    assert [text[a:b] for a, b in sentences(text)] == [
        "„Wir sind bereit. Wir haben keine Angst“, sagte er.",
        "Dann ging er.",
    ]
    # The twin: English marks open high, so a full stop inside them ends no sentence.
    text = "“We are ready. We are not afraid,” he said."
    assert len(sentences(text)) == 1


# --- a surname alone, on a page that never gives the full name ----------------------------


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Sánchez also stressed that the people of Ukraine have shown impressive resolve.",
            "Sánchez",
        ),
        ("Đukanović said that Montenegro would join the Alliance within the year.", "Đukanović"),
        # The twins: a place, a state and an agency stand where a surname would.
        ("Moscow also stressed that the people of Ukraine have shown impressive resolve.", None),
        ("Interfax said that Montenegro would join the Alliance within the year.", None),
        ("Ukraine also stressed that the people of Ukraine have shown impressive resolve.", None),
    ],
)
def test_a_surname_alone_speaks_and_a_place_does_not(
    tmp_path: Path, sentence: str, speaker: str | None
) -> None:
    doc = parse_written(
        tmp_path,
        f"Leaders meet at the summit\n\nMADRID - Leaders met on Wednesday.\n\n{sentence}\n",
    )
    assert [s.speaker for s in spoken(doc)] == ([speaker] if speaker else [])


# --- an office abbreviated before a name ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Rhode Island Sen. Jack Reed", "Jack Reed", "Rhode Island Sen."),
        ("Lt. Gen. Ben Hodges", "Ben Hodges", "Lt. Gen."),
        # The twin: a name with no office before it stays whole.
        ("Jack Reed", "Jack Reed", None),
    ],
)
def test_an_abbreviated_office_before_a_name_is_the_role(
    text: str, name: str, role: str | None
) -> None:
    assert person_name(text) == (name, role)


def test_a_quotation_closed_by_an_abbreviated_office_is_the_persons(tmp_path: Path) -> None:
    doc = parse_written(
        tmp_path,
        "Democrats urge Trump to stay in Open Skies\n\nWASHINGTON - Two senators wrote on "
        "Friday.\n\n“A U.S. withdrawal is likely to leave the United States at a "
        "disadvantage,” wrote Rhode Island Sen. Jack Reed, ranking member of the Senate Armed "
        "Services Committee.\n",
    )
    assert [s.speaker for s in spoken(doc)] == ["Jack Reed"]


# --- a Reuters report: file photo, a long relative clause, a description before the name ---

_REUTERS = (
    "Duma speaker says US asked Russia not to revoke test ban\n\n"
    "FILE PHOTO: Vyacheslav Volodin, Chairman of Russia's State Duma, attends a plenary "
    "session in Moscow, Russia, October 10, 2023. Russian State Duma/Handout via REUTERS\n\n"
    "MOSCOW : The speaker of Russia's lower house of parliament, Vyacheslav Volodin, said on "
    "Tuesday that Washington had asked Moscow via the United Nations to not revoke its "
    "ratification of the Comprehensive Nuclear Test Ban Treaty.\n\n"
    "President Vladimir Putin, who earlier this month suggested that Russia revoke "
    "ratification of the 1996 treaty because the United States had not ratified it, said he "
    "was not ready to say whether or not Russia would resume nuclear testing.\n"
)


def test_a_reuters_report_gives_each_speaker_what_they_said(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _REUTERS)
    said = {s.speaker: s for s in spoken(doc)}
    assert set(said) == {"Vyacheslav Volodin", "Vladimir Putin"}
    assert said["Vyacheslav Volodin"].text.startswith("Washington had asked Moscow")
    assert "ctbt-1996" in said["Vyacheslav Volodin"].instruments
    assert said["Vladimir Putin"].text.startswith("he was not ready")
    assert not any("FILE PHOTO" in s.text for s in doc.statements)


def test_a_name_then_its_office_then_the_verb_stays_the_names(tmp_path: Path) -> None:
    # The twin of the description before the name: "Name, Office, said" was read already,
    # and the description rule must not take the name for an opening phrase.
    doc = parse_written(
        tmp_path,
        "Duma on the CSTO\n\nMOSCOW - Deputies spoke on Thursday.\n\n"
        "Leonid Kalashnikov, Head of the CIS Affairs Committee of the Russian State Duma, said "
        "that the CSTO forces would only be protecting the local infrastructure.\n",
    )
    assert [s.speaker for s in spoken(doc)] == ["Leonid Kalashnikov"]
    assert spoken(doc)[0].text.startswith("the CSTO forces")


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("FILE PHOTO: Vyacheslav Volodin attends a plenary session in Moscow.", True),
        ("Photo: Reuters", True),
        # The twin: a file named in a sentence is the text's.
        ("The file photo shows Vyacheslav Volodin in Moscow.", False),
    ],
)
def test_a_file_photo_caption_is_furniture(line: str, furniture: bool) -> None:
    from indivisible.ingest._structure import _boilerplate

    assert (_boilerplate(line) is not None) is furniture


# --- a declaration's signatories after a lead-in --------------------------------------------

_DECLARATION = (
    "Joint Statement of the Baltic Prime Ministers\n\n"
    "The Prime Ministers have agreed to the following statement regarding the upcoming NATO "
    "Summit on 14 June 2021 in Brussels.\n\n"
    "We, the Prime Ministers of Estonia, Latvia and Lithuania:\n\n"
    "Emphasize that NATO is and will remain the cornerstone of Euro-Atlantic security.\n\n"
    "Expect the Summit to give a clear and strong assessment of the threat posed by Russia.\n"
)


def test_signatories_named_after_a_lead_in_are_the_declarations_authors(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _DECLARATION)
    assert doc.document.kind == "statement"
    assert {(s.speaker, s.role) for s in spoken(doc)} == {
        ("Prime Ministers of Estonia, Latvia and Lithuania", "signatories")
    }


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("We, the Prime Ministers of Estonia, Latvia and Lithuania:", None),
        # The twin: a speaker's label is still one.
        ("Prime Minister Kaja Kallas: We stand with Ukraine.", "Prime Minister Kaja Kallas"),
    ],
)
def test_a_declarations_we_is_no_speakers_label(line: str, label: str | None) -> None:
    assert _label(line) == label


# --- a plenary record's member in capitals with the constituency, before a dash -------------


@pytest.mark.parametrize(
    ("line", "label"),
    [
        (
            "KADİR GÖKMEN ÖĞÜT (İstanbul) - Teşekkür ediyorum Sayın Başkanım.",
            "KADİR GÖKMEN ÖĞÜT (İstanbul)",
        ),
        ("BAŞKAN - Teşekkür ederiz Sayın Öğüt.", "BAŞKAN"),
        # The twins: a dateline's place in capitals and its agency in brackets.
        ("NEW YORK (AP) - The United Nations said on Monday that talks would resume.", None),
        ("SAN FRANCISCO (Reuters) - The company said on Monday that it would resume.", None),
    ],
)
def test_a_member_in_capitals_with_the_seat_before_a_dash_is_a_label(
    line: str, label: str | None
) -> None:
    assert _label(line) == label


def test_a_turkish_plenary_record_gives_the_member_and_the_chair_their_words(
    tmp_path: Path,
) -> None:
    doc = parse_written(
        tmp_path,
        "GENEL KURUL KONUŞMASI\n\nTarih:28.11.2012\n\n"
        "KADİR GÖKMEN ÖĞÜT (İstanbul) - Teşekkür ediyorum Sayın Başkanım.\n\n"
        "Siyasetin ana gündem maddesi, Türkiye'nin NATO'dan talep ettiği Patriot füzeleri.\n\n"
        "BAŞKAN - Teşekkür ederiz Sayın Öğüt.\n",
    )
    assert doc.document.kind == "transcript"
    assert [(s.speaker, s.role) for s in spoken(doc)] == [
        ("Kadir Gökmen Öğüt", "İstanbul"),
        ("Kadir Gökmen Öğüt", "İstanbul"),
        (None, "President"),
    ]


# --- a newspaper's interview: its name over each question ------------------------------------

_BILD = (
    "Einen neuen Kalten Krieg darf es nicht geben!\n\n"
    "  • Von ROLF KLEINE\n\n"
    "BILD-Interview mit Bundesaußenminister Frank-Walter Steinmeier.\n\n"
    "BILD: Russland will den KSE-Abrüstungsvertrag kündigen. Droht ein Rüstungswettlauf?\n\n"
    "Steinmeier: Die Ankündigung von Präsident Putin ist besorgniserregend.\n\n"
    "BILD: Hat Sie die Ankündigung überrascht?\n\n"
    "Steinmeier: Russland ist mit der Umsetzung des KSE-Vertrages unzufrieden.\n"
)


def test_a_newspapers_name_over_its_questions_makes_an_interview(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _BILD)
    assert doc.document.kind == "interview"
    asked = [s for s in doc.statements if s.role == "journalist"]
    assert [s.text[:8] for s in asked] == ["Russland", "Hat Sie "]
    # (session 23: the byline credits the questions, so they are Rolf Kleine's)
    assert {s.speaker for s in spoken(doc)} == {"Rolf Kleine", "Steinmeier"}


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Bild: dpa/Michael Kappeler", True),
        ("Foto: NTB / Reuters", True),
        # The twin: the newspaper's question in its interview is no credit.
        ("BILD: Russland will den KSE-Vertrag kündigen. Droht ein Rüstungswettlauf?", False),
    ],
)
def test_a_credit_is_short_and_asks_nothing(line: str, furniture: bool) -> None:
    from indivisible.ingest._structure import _boilerplate

    assert (_boilerplate(line) is not None) is furniture


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("RD Interview: The Secretary General of the OSCE discusses the latest on Ukraine.", None),
        ("Interviewer: What do you expect from the summit?", "Interviewer"),
    ],
)
def test_an_interview_kicker_is_no_label(line: str, label: str | None) -> None:
    assert _label(line) == label


# --- questions set as paragraphs of their own, answered by dashed paragraphs -----------------

_FIVE_QUESTIONS = (
    "BRYSSEL Naton pääsihteeri Jens Stoltenberg istahti Ylen haastateltavaksi. Esitimme "
    "hänelle viisi kysymystä:\n\n"
    "1. Mikä tilanne Suomen ratifioinneissa on? Milloin uskotte Suomen tulevan jäseneksi?\n\n"
    "– Naton jäsenet tekivät historiallisen päätöksen kesällä Madridin huippukokouksessa.\n\n"
    "2. Mitä jos Turkki ja Unkari ratifioivat Suomen, mutta eivät Ruotsin jäsenyyttä?\n\n"
    "– Suomi ja Ruotsi hakivat jäsenyyttä yhdessä, ja ne liittyvät yhdessä.\n"
)


def test_numbered_questions_answered_by_dashes_are_an_interview(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _FIVE_QUESTIONS)
    assert doc.document.kind == "interview"
    assert [(s.speaker, s.role) for s in spoken(doc)] == [
        (None, "journalist"),
        ("Jens Stoltenberg", "NATO Secretary General"),
        (None, "journalist"),
        ("Jens Stoltenberg", "NATO Secretary General"),
    ]


def test_a_list_of_questions_without_answers_is_no_interview(tmp_path: Path) -> None:
    # The twin: questions a speech asks, with no dashed answers under them.
    doc = parse_written(
        tmp_path,
        _FIVE_QUESTIONS.replace("\n– ", "\n"),
    )
    assert doc.document.kind != "interview"
    assert not any(s.role == "journalist" for s in doc.statements)


def test_the_person_a_lead_names_in_cyrillic_is_found() -> None:
    from indivisible.ingest._structure import _person_in_lead

    lead = (
        "В эфире телеканала заместитель министра иностранных дел Сергей Рябков принял "
        "участие в дискуссии."
    )
    found = _person_in_lead(lead, None)
    assert found is not None and found.name == "Сергей Рябков"
    assert _person_in_lead("В эфире телеканала обсуждали продление договора.", None) is None


# --- more speech verbs of Czech, Swedish and Italian copy ------------------------------------


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Generální tajemník NATO Mark Rutte dnes zopakoval, že spojenci letos poskytnou "
            "Ukrajině vojenskou pomoc.",
            "Mark Rutte",
        ),
        (
            "Il segretario di stato americano Antony Blinken ha giudicato la decisione "
            "“irresponsabile” per la sicurezza dell'Europa.",
            "Antony Blinken",
        ),
        # The twin: the verb's look-alike in a sentence nobody speaks ("zopakovali cvičení":
        # the soldiers repeated the exercise).
        (
            "Vojáci NATO letos zopakovali cvičení v Pobaltí a v Polsku.",
            None,
        ),
    ],
)
def test_more_speech_verbs_of_the_regions_copy(
    tmp_path: Path, sentence: str, speaker: str | None
) -> None:
    doc = parse_written(tmp_path, f"NATO a Ukrajina\n\nHAAG - Ministři jednali.\n\n{sentence}\n")
    assert [s.speaker for s in spoken(doc)] == ([speaker] if speaker else [])


# --- a possessive's description before the name; an outlet quoting someone as saying --------


@pytest.mark.parametrize(
    ("sentence", "speaker", "said"),
    [
        (
            "Russia's envoy to NATO, Dmitry Rogozin, said in mid-January that Russia did not "
            "want to create two different systems.",
            "Dmitry Rogozin",
            "Russia did not want",
        ),
        (
            "Belarus's Belta news agency later quoted Natallia Eismant, a spokeswoman for "
            "Lukashenka, as saying that the Belarussian leader took the decision calmly.",
            "Natallia Eismant",
            "the Belarussian leader",
        ),
        # The twin: a possessive opening a sentence nobody speaks in.
        (
            "Russia's envoy to NATO, Dmitry Rogozin, arrived in Brussels in mid-January for "
            "talks on the two different systems.",
            None,
            None,
        ),
    ],
)
def test_a_possessive_description_and_a_relaying_outlet(
    tmp_path: Path, sentence: str, speaker: str | None, said: str | None
) -> None:
    doc = parse_written(
        tmp_path, f"Missile defence talks\n\nBRUSSELS - Envoys met on Tuesday.\n\n{sentence}\n"
    )
    found = spoken(doc)
    assert [s.speaker for s in found] == ([speaker] if speaker else [])
    if said:
        assert found[0].text.startswith(said)


# --- two labelled people, one asking and the other answering ---------------------------------

_TWO_VOICES = (
    "Estonia's prime minister on the war\n\n"
    "SIMON: Prime Minister, what happens if the invasion of Ukraine is not halted?\n\n"
    "KALLAS: If aggression pays off anywhere, it serves as an invitation elsewhere.\n\n"
    "SIMON: Should NATO send air power or troops at some point?\n\n"
    "KALLAS: We have been guessing what Russia's next steps are for a long time.\n"
)


def test_one_labelled_person_asking_and_another_answering_is_an_interview(
    tmp_path: Path,
) -> None:
    assert parse_written(tmp_path, _TWO_VOICES).document.kind == "interview"


def test_a_sitting_where_both_speak_their_minds_is_a_transcript(tmp_path: Path) -> None:
    # The twin: the same two labels, neither asking.
    text = _TWO_VOICES.replace(
        "what happens if the invasion of Ukraine is not halted?", "the invasion must be halted."
    ).replace("Should NATO send air power or troops at some point?", "NATO must stay united.")
    assert parse_written(tmp_path, text).document.kind == "transcript"


# --- a name alone on its line, once: a caption or a speech's speaker --------------------------

_CAPTIONED = (
    "Russia drops INF moratorium\n\n"
    "MOSCOW - Russia has ended its moratorium on deploying intermediate-range missiles.\n\n"
    "Russian President Vladimir Putin\n\n"
    "Kremlin spokesman Dmitry Peskov said Russia would respond to the deployments in kind. "
    "Putin signed the decree on Monday.\n"
)


def test_a_name_alone_once_over_a_report_that_names_them_is_a_caption(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _CAPTIONED)
    assert doc.document.kind == "news_article"
    assert {s.speaker for s in spoken(doc)} == {"Dmitry Peskov"}


def test_a_name_alone_over_a_speech_that_never_names_them_is_its_speaker(
    tmp_path: Path,
) -> None:
    # The twin: a speech under its speaker's name, who does not name themselves again.
    doc = parse_written(
        tmp_path,
        "Statement at the summit\n\nJens Stoltenberg\n\nToday I have the honour to host the "
        "foreign ministers of the Alliance here in Brussels. Our security is indivisible.\n",
    )
    assert {s.speaker for s in spoken(doc)} == {"Jens Stoltenberg"}


# --- a name before its lower-case apposition; a ministry is no person; Bulgarian verbs -------


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Aleksandr Groesjko, de vice-minister van Buitenlandse Zaken, zei dat het besluit "
            "“een klap zal zijn voor de Europese veiligheid”.",
            "Aleksandr Groesjko",
        ),
        (
            "Министърът на външните работи на Русия Сергей Лавров потвърди ангажимента на "
            "страната към мораториума.",
            "Sergei Lavrov",  # the record's spelling
        ),
        # The twins: a ministry's words are no person's, in any language.
        (
            '"Беше подчертано взаимното желание за сътрудничество", съобщи Министерството на '
            "външните работи на Руската федерация.",
            None,
        ),
        (
            "„Das Ministerium bedauert den Schritt“, sagte das Ministerium am Freitag in Berlin.",
            None,
        ),
    ],
)
def test_appositions_ministries_and_bulgarian_verbs(
    tmp_path: Path, sentence: str, speaker: str | None
) -> None:
    doc = parse_written(tmp_path, f"Open Skies\n\nDEN HAAG - Er werd gesproken.\n\n{sentence}\n")
    assert [s.speaker for s in spoken(doc)] == ([speaker] if speaker else [])


# --- a parliament reader's "Photo of X X (…)" speaker line ------------------------------------

_SENATE = (
    "Senate debates\n\nTuesday, 2 September 2008\n\nQuestions without Notice\n\nRussia\n\n"
    "Photo of Russell TroodRussell Trood (Queensland, Liberal Party) Share this | | Hansard "
    "source\n\nMy question is to the Minister representing the Minister for Foreign Affairs. "
    "Will the government ratify the agreement with Russia?\n\n"
    "Photo of John FaulknerJohn Faulkner (NSW, Australian Labor Party, Cabinet Secretary) "
    "Share this | | Hansard source\n\nAustralia has had a safeguard agreement with Russia in "
    "place since 1990, as Senator Trood well knows.\n"
)


def test_a_readers_photo_line_naming_the_member_twice_is_their_label(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _SENATE)
    assert doc.document.kind == "transcript"
    assert [s.speaker for s in spoken(doc)] == ["Russell Trood", "John Faulkner"]
    assert not any("Hansard source" in s.text for s in doc.statements)


def test_a_photo_caption_naming_someone_once_is_no_label(tmp_path: Path) -> None:
    # The twin: a caption names its subject once; only the reader's line twice over.
    text = _SENATE.replace("Photo of John FaulknerJohn Faulkner", "Photo of John Faulkner at")
    assert "John Faulkner" not in [s.speaker for s in spoken(parse_written(tmp_path, text))]


# --- a dialogue dash's attribution through a description; Slovenian participles -------------


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        (
            "– De må forstå hvilke konsekvenser et slikt steg vil få for sikkerheten i Europa, "
            "sa det russiske utenriksdepartementets talskvinne Maria Zakharova torsdag.",
            "Maria Zakharova",
        ),
        (
            "– Alle muligheter er åpne for Moskva, sa Kuleba, og oppfordret alle til å "
            "samarbeide i svartehavsområdet.",
            "Kuleba",
        ),
        (
            "Ruski predsednik Vladimir Putin je danes v govoru o stanju v državi sporočil, da "
            "Moskva začasno prekinja sodelovanje v pogodbi.",
            "Vladimir Putin",
        ),
        # The twin: a dash opening a list item, no attribution after it.
        ("– Situasjonen i Svartehavet er svært spent, og troppene står ved grensen.", None),
    ],
)
def test_dialogue_descriptions_and_slovenian_participles(
    tmp_path: Path, paragraph: str, speaker: str | None
) -> None:
    doc = parse_written(
        tmp_path, f"Nato og Russland\n\nOSLO (NTB) - Det ble sagt.\n\n{paragraph}\n"
    )
    assert [s.speaker for s in spoken(doc)] == ([speaker] if speaker else [])


# --- an interview the heading announces, with its topics listed before the first question ----

_ROZHOVOR = (
    "V rozhovoru se mimo jiné ptáme:\n\n"
    "Zda se Jana Černochová zúčastní otevření Památníku tří odbojů v Lošanech.\n\n"
    "Jestli Česko stíhá splnit svůj alianční závazek nabízet těžkou brigádu.\n\n"
    "Jak se jako ministryně obrany stavíte k situaci na Ukrajině?\n\n"
    "Ukrajina je náš partner – partner NATO i partner České republiky. Máme s nimi společnou "
    "historii a budeme jim pomáhat.\n\n"
    "Ptáme se v době ruského nátlaku a hrozby agrese vůči Ukrajině. To vnímáte jak?\n\n"
    "Rusko má dlouhodobě tendence na Ukrajině dělat svoji politiku, stejně jako v Gruzii.\n"
)


def test_an_announced_interview_names_its_guest_in_the_topics_before_it(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _ROZHOVOR)
    assert doc.document.kind == "interview"
    assert [(s.speaker, s.role) for s in spoken(doc)][:2] == [
        (None, "journalist"),
        ("Jana Černochová", None),
    ]


def test_an_announced_interview_naming_nobody_before_it_stays_unread(tmp_path: Path) -> None:
    # The twin: no person in the topics, so no one to give the answers to.
    text = _ROZHOVOR.replace("Zda se Jana Černochová zúčastní", "Zda se ministryně zúčastní")
    assert not any(s.speaker for s in parse_written(tmp_path, text).statements)


# --- a question reported as a journalist's -----------------------------------------------------


def test_a_question_reported_as_a_journalists_is_theirs(tmp_path: Path) -> None:
    doc = parse_written(
        tmp_path,
        "Peskov on the treaty\n\nMOSCOW - Dmitry Peskov spoke in an interview with TASS.\n\n"
        "The journalist asked if the hot line between the Kremlin and the White House "
        "continues to function.\n\n"
        "Peskov replied: “Of course, they can use it if they want.”\n",
    )
    asked = [s for s in doc.statements if s.role == "journalist"]
    assert [s.text[:15] for s in asked] == ["The journalist "]
    assert "Dmitry Peskov" in {s.speaker for s in doc.statements}


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("A reporter asked: NATO Secretary-General said that NATO must remain united.", "Reporter"),
        # The twin: a report that a reporter asked, inside a sentence, is no label.
        ("When a reporter asked: the minister did not answer at all.", None),
    ],
)
def test_a_reporter_asked_opens_a_briefings_question(line: str, label: str | None) -> None:
    assert _label(line) == label


def test_a_sentence_about_journalists_is_no_question(tmp_path: Path) -> None:
    # The twin of the reported question: journalists named, nobody asking.
    doc = parse_written(
        tmp_path,
        "Peskov on the treaty\n\nMOSCOW - Dmitry Peskov met journalists.\n\n"
        "The journalists travelled to Moscow to attend the briefing on the treaty.\n",
    )
    assert not any(s.role == "journalist" for s in doc.statements)


# --- signatories in the region's languages; a parliament's presiding officer ------------------


def test_signatories_in_another_language_are_the_declarations_authors(tmp_path: Path) -> None:
    doc = parse_written(
        tmp_path,
        "Gemeinsame Erklärung der Außenminister Deutschlands, Frankreichs und Polens\n\n"
        "Wir, die Außenminister Deutschlands, Frankreichs und Polens, bekräftigen unsere "
        "Einheit und unsere Entschlossenheit, den Frieden in Europa zu sichern.\n",
    )
    assert {(s.speaker, s.role) for s in spoken(doc)} == {
        ("Außenminister Deutschlands, Frankreichs und Polens", "signatories")
    }


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("The Deputy Presiding Officer (Liam McArthur)", "Liam McArthur"),
        (
            "The Minister for Culture, Europe and International Development and Minister with "
            "special responsibility for Refugees from Ukraine (Neil Gray)",
            "Neil Gray",
        ),
        # The twin: an office with a place in brackets names no one.
        ("The Deputy Presiding Officer (Edinburgh)", None),
    ],
)
def test_an_office_and_the_name_in_brackets_label_a_record(line: str, name: str | None) -> None:
    from indivisible.ingest._structure import _hansard_name

    assert _hansard_name(line) == name


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "A Rússia vai suspender a sua missão junto da NATO, anunciou o ministro dos Negócios "
            "Estrangeiros, Sergei Lavrov.",
            "Sergei Lavrov",
        ),
        # The twin: the participle of the Portuguese verb in a sentence nobody speaks.
        ("O anunciado encontro da NATO foi adiado para a próxima semana.", None),
    ],
)
def test_portuguese_verbs_of_announcing(tmp_path: Path, sentence: str, speaker: str | None) -> None:
    doc = parse_written(tmp_path, f"NATO e Rússia\n\nLISBOA - Houve reuniões.\n\n{sentence}\n")
    assert [s.speaker for s in spoken(doc)] == ([speaker] if speaker else [])


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Foreign Policy", "journalist"),
        ("Le Monde", "journalist"),
        # The twin: a person's name that holds a word of an outlet's is still a person.
        ("Policy Smith", None),
    ],
)
def test_a_magazine_labelling_its_questions_is_the_journalist(label: str, role: str | None) -> None:
    doc_label = f"{label}: What do you expect from the summit in Vilnius?"
    assert _label(doc_label) == label
    from indivisible.ingest._structure import _Context, _resolve

    speaker = _resolve(label, _Context(None, []), standalone=False)
    assert speaker is not None and speaker.role == role


def test_interrupted_turns_are_no_questions(tmp_path: Path) -> None:
    # A transcript marks an interrupted turn with an ellipsis; that asks nothing.
    text = _TWO_VOICES.replace(
        "what happens if the invasion of Ukraine is not halted?", "excuse me, please…"
    ).replace("Should NATO send air power or troops at some point?", "We were all worried…")
    assert parse_written(tmp_path, text).document.kind == "transcript"


def test_a_bare_q_opens_a_reporters_question(tmp_path: Path) -> None:
    # session 21: the White House's briefings print "Q" and the question, without a colon
    doc = parse_written(
        tmp_path,
        "PRESS BRIEFING BY JAN HALVAR\n\nMR. HALVAR: Good afternoon. The President met the "
        "Foreign Minister today.\n\nQ That took up 45 minutes. (Laughter.)\n\nMR. HALVAR: Yes. "
        "They reviewed the issues for the summit.\n",
    )
    asked = [s for s in doc.statements if s.text.startswith("That took up")]
    assert [s.role for s in asked] == ["journalist"]


# --- session 22: the Bundestag's interjections --------------------------------------------

_HECKLED = (
    "Den INF-Vertrag erhalten\n\n"
    "Herr Präsident! Liebe Kolleginnen und Kollegen! Die Kollegin hat den Vertrag falsch "
    "gelesen.\n\n"
    "(Jana Halvar [BÜNDNIS 90/DIE GRÜNEN]: Nein! Sehr unwahrscheinlich!)\n\n"
    "Ich glaube, klarer kann man sich nicht positionieren.\n\n"
    "(Beifall bei der CDU/CSU – Petr Novak [Augsburg] [DIE LINKE]: Und konkret?)\n\n"
    "Das Problem ist mit Wortbausteinen nicht zu lösen.\n\n"
    "(Zuruf der Abg. Eva Lipka [SPD])\n"
)


def test_interjections_are_their_members_and_the_speech_goes_on(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _HECKLED)
    said = [(s.speaker, s.role, s.text) for s in doc.statements]
    assert ("Jana Halvar", "BÜNDNIS 90/DIE GRÜNEN", "Nein! Sehr unwahrscheinlich!") in said
    assert ("Petr Novak", "DIE LINKE", "Und konkret?") in said
    texts = [t for _, _, t in said]
    assert "Ich glaube, klarer kann man sich nicht positionieren." in texts
    assert not any("Beifall" in t or "Zuruf" in t for t in texts)
    assert "Eva Lipka" not in {s.speaker for s in doc.statements}  # a call without words


def test_a_member_and_group_named_in_a_sentence_interject_nothing(tmp_path: Path) -> None:
    """The twin: the same name and group in the speech's own sentence, not in brackets."""
    doc = parse_written(
        tmp_path,
        "Den INF-Vertrag erhalten\n\nHerr Präsident! Die Kollegin Jana Halvar [BÜNDNIS "
        "90/DIE GRÜNEN] hat gesagt: Wir brauchen Abrüstung. Da hat sie recht.\n",
    )
    assert "Jana Halvar" not in {s.speaker for s in doc.statements}


def test_a_programmes_speakers_field_is_no_speaker(tmp_path: Path) -> None:
    """Session 22: "SPEAKERS: ROBERT JOSEPH, …" lists who takes part; the labels speak."""
    doc = parse_written(
        tmp_path,
        "A news briefing on missile defence in Europe\n\nMAY 20, 2015\n\n"
        "SPEAKERS: JAN HALVAR,\nFORMER UNDERSECRETARY OF STATE\n\n"
        "HALVAR: Good afternoon, everybody. Missile defence in Europe is our subject today, "
        "and I will start with the sites in Poland and Romania.\n\n"
        "NOVAK: Thank you. The Russian side has its own view of those sites.\n",
    )
    assert "Speakers" not in {s.speaker for s in doc.statements}
    assert {"HALVAR", "NOVAK"} <= {(s.speaker or "").upper() for s in doc.statements}


# --- session 23: a press office's round of reactions -----------------------------------

_REACTIONS = (
    "Experts react to the treaty's extension\n\n"
    "In response to today's news, the institute released the following statements:\n\n"
    "Jana Halvar, co-founder and Distinguished Fellow, author of Arms Control: A History:\n\n"
    "“The extension is a sensible step. It will take time to update the treaty.”\n\n"
    "Petr Novak, Senior Fellow and Director of the Nuclear Security Program:\n\n"
    "“A five-year extension is a critical step for the whole architecture.”\n"
)


def test_each_reaction_is_its_authors(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _REACTIONS)
    said = {s.text[:20]: (s.speaker, s.role) for s in doc.statements}
    assert said["“The extension is a "][0] == "Jana Halvar"
    assert said["“A five-year extensi"] == (
        "Petr Novak",
        "Senior Fellow and Director of the Nuclear Security Program",
    )


def test_a_reported_sentence_before_a_quotation_labels_nothing(tmp_path: Path) -> None:
    """The twin: a sentence naming the person and saying they spoke is the report's."""
    doc = parse_written(
        tmp_path,
        _REACTIONS.replace(
            "Petr Novak, Senior Fellow and Director of the Nuclear Security Program:",
            "Petr Novak, Senior Fellow at the institute, said in a radio interview today:",
        ),
    )
    assert not any(s.speaker == "Petr Novak" and s.role for s in doc.statements)


_SIGNED = (
    "Statement on the nuclear arms race\n\n1 January 2017\n\n"
    "We are particularly concerned about ideas that propose a restart of the arms race.\n\n"
    "We draw some comfort from the vote in the General Assembly, and we urge all "
    "governments to keep the negotiations going.\n\n"
    "Jana Halvar, President of the Conference\n"
    "Petr Novak, Secretary General of the Conference\n\n"
    "Statement on the nuclear arms race\n"
)


def test_closing_signatures_name_a_statements_authors(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _SIGNED)
    spoken = {(s.speaker, s.role) for s in doc.statements}
    assert ("Jana Halvar", "President of the Conference") in spoken
    assert ("Petr Novak", "Secretary General of the Conference") in spoken
    assert not any("Halvar," in s.text for s in doc.statements)  # the signature is no words


def test_the_same_lines_under_a_report_sign_nothing(tmp_path: Path) -> None:
    """The twin: a report in the third person over the same lines is nobody's statement."""
    doc = parse_written(
        tmp_path,
        _SIGNED.replace("We are", "The delegates are")
        .replace("We draw", "They draw")
        .replace("we urge", "they urge"),
    )
    assert "Jana Halvar" not in {s.speaker for s in doc.statements}


def test_a_written_by_lead_in_names_the_authors(tmp_path: Path) -> None:
    doc = parse_written(
        tmp_path,
        "Note on present dangers\n\nThe below note was written by Jana Halvar, President, and "
        "Dr Petr Novak, Secretary-General, of the Conference on World Affairs.\n\n"
        "The present situation is very dangerous. Not since 1962 have we had such a "
        "dangerous environment.\n",
    )
    assert {"Jana Halvar", "Petr Novak"} <= {s.speaker for s in doc.statements}
    assert not any("written by" in s.text for s in doc.statements)


def test_a_lead_in_sent_to_people_names_no_authors(tmp_path: Path) -> None:
    """The twin: the note was sent to them, not written by them."""
    doc = parse_written(
        tmp_path,
        "Note on present dangers\n\nThe below note was sent to Jana Halvar, President, and "
        "Dr Petr Novak, Secretary-General, of the Conference on World Affairs.\n\n"
        "The present situation is very dangerous. Not since 1962 have we had such a "
        "dangerous environment.\n",
    )
    assert not {"Jana Halvar", "Petr Novak"} & {s.speaker for s in doc.statements}


_ERKLAERT = (
    "Pressemitteilung\n\nAbrüstung bleibt das Ziel\n\n"
    "Zum Abschluss des Gipfels erklärt die verteidigungspolitische Sprecherin der Fraktion, "
    "Jana Halvar: Die Allianz hat heute ein wichtiges Signal gesetzt. Wir begrüßen, dass der "
    "Vertrag verlängert wird.\n\nBerlin, 23.12.2010\n"
)


def test_a_german_press_releases_lead_in_names_its_speaker(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _ERKLAERT)
    said = {s.text[:25]: s.speaker for s in doc.statements}
    assert said["Die Allianz hat heute ein"] == "Jana Halvar"
    assert not any("erklärt" in s.text for s in doc.statements)  # the lead-in is metadata


def test_a_lead_in_naming_a_government_names_no_person(tmp_path: Path) -> None:
    """The twin: the same lead-in naming a body gives no person's name."""
    doc = parse_written(
        tmp_path,
        _ERKLAERT.replace(
            "die verteidigungspolitische Sprecherin der Fraktion, Jana Halvar", "die Regierung"
        ),
    )
    assert "Jana Halvar" not in {s.speaker for s in doc.statements}
    assert not any((s.speaker or "").startswith(("die ", "Die ")) for s in doc.statements)


_WRAPPED_INTERVIEW = (
    "Novaya Gazeta: I think it is a great opportunity to have your voice heard by the Russian "
    "audience. So my first question is, what do you think about the suspension of the treaty?\n"
    "Halvar: Kirill, I would like to remind you that this\n"
    "suspension is frankly not new. It is new that the President announced\n"
    "it to the country. But in fact, there have been no inspections since 2020,\n"
    "and no meeting of the bilateral commission either.\n"
    "Novaya Gazeta: Okay. Thank you so much. Do you plan any changes to your posture, and "
    "will you answer the suspension with a suspension of your own?\n"
)


def test_a_wrapped_transcripts_answer_is_its_labels(tmp_path: Path) -> None:
    """Session 23: a hard-wrapped interview; a paper's name asks, a surname named once answers."""
    doc = parse_written(tmp_path, _WRAPPED_INTERVIEW)
    said = {s.text[:12]: (s.speaker, s.role) for s in doc.statements}
    assert said["Kirill, I wo"][0] == "Halvar"
    assert said["I think it i"] == (None, "journalist")


def test_a_wrapped_essays_note_starts_no_turn(tmp_path: Path) -> None:
    """The twin: in wrapped prose where no label comes back, "Halvar:" opens no turn."""
    doc = parse_written(
        tmp_path,
        "On the treaty. It is a great opportunity to have the voice of the analysts heard by "
        "the audience.\nThe question is what one thinks about the suspension of the treaty?\n"
        "Halvar: a name that the essay gives once, in the middle of the\n"
        "paragraph, and nothing else; there have been no inspections since 2020.\n",
    )
    assert "Halvar" not in {s.speaker for s in doc.statements}


_MONSIEUR = (
    "Fin des pourparlers à Genève\n\n"
    "La délégation russe avait à sa tête le vice-ministre des Affaires étrangères Jan "
    "Halvarov, qui a rencontré ses homologues américains lundi.\n\n"
    'Les discussions ont été "difficiles, longues et très professionnelles", a déclaré '
    "M. Halvarov lors d'un point de presse à l'issue des entretiens.\n"
)


def test_monsieur_and_a_surname_are_the_person_named_before(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _MONSIEUR)
    said = [s.speaker for s in doc.statements if "difficiles" in s.text]
    assert said == ["Jan Halvarov"]


def test_monsieur_and_a_surname_named_nowhere_else_stay_as_printed(tmp_path: Path) -> None:
    """The twin: without the full name before, the page's "M. Halvarov" is all there is."""
    doc = parse_written(tmp_path, _MONSIEUR.replace("Jan Halvarov", "Petr Novak"))
    said = [s.speaker for s in doc.statements if "difficiles" in s.text]
    assert said and "Novak" not in (said[0] or "")


_CREDITED = (
    "Interview with the Foreign Minister on the treaty\n\n"
    "Der stellvertretende Fraktionsvorsitzende Petr Novak gab dem Sender das folgende "
    "Interview. Die Fragen stellte Jana Halvar:\n\n"
    "Frage: Herr Novak, ist der Vertrag noch zu retten?\n\n"
    "Novak: Ja, wenn beide Seiten es wollen. Wir haben konkrete Vorschläge gemacht.\n\n"
    "Frage: Und wenn Moskau nicht einlenkt?\n\n"
    "Novak: Dann bleibt uns nur die Abschreckung, und das wäre ein Rückschritt für alle.\n"
)


def test_an_interviews_credited_journalist_asks(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _CREDITED)
    asked = {s.speaker for s in doc.statements if s.role == "journalist"}
    assert asked == {"Jana Halvar"}


def test_an_interview_crediting_nobody_has_a_journalist_ask(tmp_path: Path) -> None:
    """The twin: without the credit, the questions stay an unnamed journalist's."""
    doc = parse_written(tmp_path, _CREDITED.replace(" Die Fragen stellte Jana Halvar:", ""))
    asked = {s.speaker for s in doc.statements if s.role == "journalist"}
    assert asked == {None}


_ASKED_UNLABELLED = (
    "Der Generalinspekteur zur Lage\n\n"
    "Was das bedeutet, sagt Generalinspekteur Jan Halvar unserer Redaktion.\n\n"
    "Herr Halvar, steht die Welt vor einem Atomkrieg?\n\n"
    "Jan Halvar: Klar nein! Wir verfolgen genau, was sich tut. Das ist ein Ritual der "
    "Abschreckung.\n\n"
    "Was steckt dahinter?\n\n"
    "Halvar: Die Lage wurde offensichtlich völlig falsch eingeschätzt, und die Reaktion "
    "war schnell.\n\n"
    "Was kann Deutschland tun?\n\n"
    "Halvar: Wir liefern, was wir können, und wir stimmen uns mit den Verbündeten ab.\n"
)


def test_unlabelled_questions_over_one_persons_labelled_answers_are_an_interview(
    tmp_path: Path,
) -> None:
    doc = parse_written(tmp_path, _ASKED_UNLABELLED)
    assert doc.document.kind == "interview"
    asked = [s.text for s in doc.statements if s.role == "journalist"]
    assert "Was steckt dahinter?" in asked


def test_one_persons_labelled_turns_asking_nothing_are_no_interview(tmp_path: Path) -> None:
    """The twin: the same labelled turns with statements between them, not questions."""
    doc = parse_written(tmp_path, _ASKED_UNLABELLED.replace("?\n", ".\n"))
    assert doc.document.kind != "interview"


_TOPIC_QUESTIONS = (
    "Ambassador Halvar's Remarks to the Press at the Tbilisi Conference\n\n"
    "Q: Ambassador's impressions of the conference\n\n"
    "A: Well, this is a very important conference, and it brings together the advocates of "
    "Georgia's Euro-Atlantic integration.\n\n"
    "Q: Strategy against Russian threats\n\n"
    "A: We are very committed to Georgia being able to deter any kind of aggression.\n"
)


def test_a_question_given_as_its_topic_is_asked(tmp_path: Path) -> None:
    """Session 23: "Q: Strategy against Russian threats" is a question, not a kicker."""
    doc = parse_written(tmp_path, _TOPIC_QUESTIONS)
    asked = [s.text for s in doc.statements if s.role == "journalist"]
    assert "Strategy against Russian threats" in asked


def test_a_kicker_over_a_report_is_nobodys_question(tmp_path: Path) -> None:
    """The twin: "Analysis: Strategy against Russian threats" heads a report."""
    doc = parse_written(
        tmp_path,
        "Conference in Tbilisi\n\nAnalysis: Strategy against Russian threats\n\n"
        "Georgia's partners met in Tbilisi on Monday to discuss deterrence, and the ministers "
        "agreed to meet again in the spring.\n",
    )
    assert not any(s.role == "journalist" for s in doc.statements)


def test_a_name_closing_the_leads_sentence_is_no_interviewer(tmp_path: Path) -> None:
    """The twin: "… unterzeichnet von Petr Orlin." in the lead is no byline."""
    doc = parse_written(
        tmp_path,
        _CREDITED.replace(
            " Die Fragen stellte Jana Halvar:", " Der Vertrag wurde unterzeichnet von Petr Orlin."
        ),
    )
    asked = {s.speaker for s in doc.statements if s.role == "journalist"}
    assert asked == {None}


_POSSESSIVE_SPEECH = (
    "Halvarsen's Speech at the 16th OSCE Ministerial Conference in Helsinki\n\n"
    "Mr. Chairman, Ministers, Ladies and Gentlemen,\n\n"
    "I am very pleased to attend this meeting here in Helsinki. I believe the principles of "
    "the Final Act are as relevant today as they were then, and we must defend them.\n\n"
    "My country will keep working for a stronger OSCE, and I thank you for your attention.\n"
)


def test_a_surnames_speech_in_its_title_names_the_speaker(tmp_path: Path) -> None:
    """Session 23: "X's Speech at …" over a text in the first person; the page gives X alone."""
    doc = parse_written(tmp_path, _POSSESSIVE_SPEECH)
    assert {s.speaker for s in spoken(doc)} == {"Halvarsen"}


def test_a_surnames_speech_over_a_report_names_nobody(tmp_path: Path) -> None:
    """The twin: the same title over a report in the third person."""
    doc = parse_written(
        tmp_path,
        _POSSESSIVE_SPEECH.replace("I am very pleased", "The minister was pleased")
        .replace("I believe", "He believes")
        .replace(", and we must", ", and the states must")
        .replace("My country will keep", "His country will keep")
        .replace("and I thank you for your attention", "the ministry said"),
    )
    assert "Halvarsen" not in {s.speaker for s in spoken(doc)}
