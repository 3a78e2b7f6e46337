"""Other languages: instrument and organisation names, persons, reported speech, labels.

Names are listed in cases/multilingual_names.yaml; offices described in other languages
are the `offices` of persons.yaml.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from indivisible.ingest._link import link
from indivisible.ingest._structure import _date_in_header, _date_line, _inline_label

from ._docs import parse_written

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


# --- persons written in Cyrillic or in another language's Latin spelling ------------------


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Сергей Лавров", "sergei-lavrov"),
        ("Дмитрий Песков", "dmitry-peskov"),
        ("Мария Захарова", "maria-zakharova"),
        ("Владимир Путин", "vladimir-putin"),
        ("Володимир Зеленський", "volodymyr-zelensky"),
        ("Sergej Lawrow", "sergei-lavrov"),
        ("Siergiej Ławrow", "sergei-lavrov"),
        ("Władimir Putin", "vladimir-putin"),
    ],
)
def test_a_persons_name_in_cyrillic_or_a_national_spelling_is_the_record_person(
    name: str, person: str
) -> None:
    from indivisible.ingest._link import person_by_alias

    found = person_by_alias(name)
    assert found is not None and found.id == person


@pytest.mark.parametrize("name", ["Сергей Петров", "Дмитрий Лавренко", "Lawrence Walker"])
def test_another_person_in_cyrillic_is_nobody(name: str) -> None:
    from indivisible.ingest._link import person_by_alias

    assert person_by_alias(name) is None


def test_a_statement_by_a_person_named_in_cyrillic_is_the_record_persons(tmp_path: Path) -> None:
    text = (
        "Лавров о переговорах в Женеве\n\n"
        "МОСКВА, 12 января. Министр иностранных дел России Сергей Лавров заявил, что Россия "
        "ждёт письменного ответа на свои предложения.\n\n"
        "«Мы не можем ждать бесконечно», — подчеркнул Лавров.\n"
    )
    doc = parse_written(tmp_path, text)
    assert doc.statements
    assert {s.person_id for s in doc.statements} == {"sergei-lavrov"}
    assert {s.speaker for s in doc.statements} == {"Sergei Lavrov"}


# --- attribution in Russian, German and French copy -----------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A person the record does not know, named in Cyrillic after an office and a body.
        (
            "Политика\n\nНАТО сожалеет о решении России закрыть миссию. Об этом заявила ТАСС "
            "представитель НАТО Оана Лунгеску.\n\nАльянс готов к диалогу, отметила она.\n",
            "Оана Лунгеску",
        ),
        # A title whose capitalised genitive runs into the name ("… России Сергей Лавров").
        (
            "Политика\n\nНАТО готово к диалогу, заявил министр иностранных дел России "
            "Сергей Лавров.\n",
            "Sergei Lavrov",
        ),
        # German's one-word office and article, then the pronoun after the verb.
        (
            "Politik\n\nDer Außenminister Heiko Maas sprach in Berlin über den INF-Vertrag.\n\n"
            "Das sei wichtig für Europa, fügte er hinzu.\n",
            "Heiko Maas",
        ),
        # French inverts the pronoun.
        (
            "Politique\n\nLe ministre Jean-Yves Le Drian a rencontré son homologue à Paris.\n\n"
            "La France soutient le traité, a-t-il déclaré lundi.\n",
            "Jean-Yves Le Drian",
        ),
    ],
    ids=["ru-unknown-person", "ru-title-run", "de-pronoun-after", "fr-inverted"],
)
def test_reported_speech_in_other_languages_is_its_speakers(
    tmp_path: Path, text: str, speaker: str
) -> None:
    doc = parse_written(tmp_path, text)
    assert doc.statements
    assert {s.speaker for s in doc.statements if s.speaker} == {speaker}


@pytest.mark.parametrize(
    "text",
    [
        # An office and its state, or a ministry and its state's abbreviation, are nobody.
        "Политика\n\nСанкции не работают, заявил Президент России.\n",
        "Политика\n\nВыход США из договора нарушил баланс, отметили в МИД РФ.\n",
        # A pronoun after the verb with no person named before it is nobody.
        "Politik\n\nDas sei wichtig für Europa, sagte er.\n",
    ],
    ids=["ru-office-alone", "ru-ministry-abbreviation", "de-pronoun-nobody-before"],
)
def test_an_office_a_body_or_a_lone_pronoun_is_no_persons_name(tmp_path: Path, text: str) -> None:
    doc = parse_written(tmp_path, text)
    assert not any(s.speaker for s in doc.statements)


# --- an office described in another language: its holder on the day ---------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Политика\n\n12 мая 2022\n\nСанкции не работают, заявил глава МИД РФ.\n", "Sergei Lavrov"),
        (
            "Политика\n\n12 мая 2022\n\n«Мы готовы к диалогу», — сказал пресс-секретарь "
            "президента России.\n",
            "Dmitry Peskov",
        ),
        # The office on the page's date: Medvedev held it in 2009, Putin in 2022.
        ("Политика\n\n12 мая 2009\n\nДиалог нужен, заявил президент России.\n", "Dmitry Medvedev"),
        ("Политика\n\n12 мая 2022\n\nДиалог нужен, заявил президент России.\n", "Vladimir Putin"),
    ],
    ids=["ru-foreign-minister", "ru-press-secretary", "ru-president-2009", "ru-president-2022"],
)
def test_an_office_in_another_language_is_its_holder_on_the_day(
    tmp_path: Path, text: str, speaker: str
) -> None:
    doc = parse_written(tmp_path, text)
    assert {s.speaker for s in doc.statements} == {speaker}


def test_an_office_on_an_undated_page_is_nobody(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, "Политика\n\nДиалог нужен, заявил президент России.\n")
    assert not any(s.speaker for s in doc.statements)


def test_an_office_no_person_holds_is_a_clear_data_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from indivisible._errors import DataError
    from indivisible.ingest import _gazetteer

    (tmp_path / "persons.yaml").write_text(
        "offices:\n  - {role: Emperor of Europe, descriptions: [император европы]}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("INDIVISIBLE_GAZETTEER", str(tmp_path))
    _gazetteer.office_descriptions.cache_clear()
    try:
        with pytest.raises(DataError, match=r"offices\[0\]: no person holds the role"):
            _gazetteer.office_descriptions()
    finally:
        monkeypatch.delenv("INDIVISIBLE_GAZETTEER")
        _gazetteer.office_descriptions.cache_clear()


# --- question labels and initialled speakers of other languages' transcripts ---------------


def test_a_russian_transcripts_question_and_initialled_minister(tmp_path: Path) -> None:
    doc = parse_written(
        tmp_path,
        "Пресс-конференция\n\nС.Лавров: Спасибо. Сегодня мы обсудили много вопросов.\n\n"
        "Вопрос: Господин Министр, что вы думаете о договоре?\n\nС.Лавров: Мы готовы к диалогу.\n",
    )
    assert [(s.speaker, s.role) for s in doc.statements] == [
        ("Sergei Lavrov", "Foreign Minister of Russia"),
        (None, "journalist"),
        ("Sergei Lavrov", "Foreign Minister of Russia"),
    ]
    assert doc.statements[0].person_id == "sergei-lavrov"


def test_an_italian_question_label_with_its_asker_is_the_journalist(tmp_path: Path) -> None:
    doc = parse_written(
        tmp_path,
        "Conferenza stampa\n\nDmitrij Medvedev: Grazie. Oggi i miei colleghi erano generosi.\n\n"
        "Domanda di un’inviata del canale televisivo russo in lingua inglese Russia Today: "
        "Signor Presidente, molti dicono che il reset è finito. Cosa ne pensa?\n\n"
        "Dmitrij Medvedev: Non credo. Abbiamo deciso di cooperare.\n",
    )
    assert [s.role for s in doc.statements][1] == "journalist"
    assert doc.statements[1].text.startswith("Signor Presidente")


@pytest.mark.parametrize(
    ("text", "nobody"),
    [
        # Another initial is not the minister the record knows.
        ("Стенограмма\n\nА.Лавров: Мы обсудили вопросы бюджета.\n", "Sergei Lavrov"),
        # A Duma record's agenda field, alone on its line, asks nothing.
        (
            "Заседание № 207\n\nВопрос:\n\nО проекте федерального закона о ратификации Договора.\n",
            "journalist",
        ),
    ],
    ids=["other-initial", "agenda-field"],
)
def test_an_other_initial_or_an_agenda_field_is_not_taken(
    tmp_path: Path, text: str, nobody: str
) -> None:
    doc = parse_written(tmp_path, text)
    assert not any(nobody in (s.speaker, s.role) for s in doc.statements)


def test_a_russian_agency_report_dated_by_its_dateline_names_its_office_and_treaty(
    tmp_path: Path,
) -> None:
    doc = parse_written(
        tmp_path,
        "Лавров: Россия готова к диалогу по ДСНВ\n\n"
        "МОСКВА, 14 февраля 2023. Россия готова продолжить соблюдать ограничения Договора о "
        "СНВ, заявил глава МИД РФ.\n\n"
        "«Мы не отказываемся от диалога с НАТО», — подчеркнул он.\n",
    )
    assert doc.document.date == dt.date(2023, 2, 14) and doc.document.place == "Москва"
    said = [s for s in doc.statements if s.speaker]
    assert {s.speaker for s in said} == {"Sergei Lavrov"}
    assert said[0].instruments == ("new-start-2010",)


def test_the_russian_generic_start_name_before_new_start_is_start_i() -> None:
    text = "Россия соблюдает ограничения Договора о СНВ."
    assert link(text, dt.date(2005, 1, 1)).instruments == ("start-1991",)
    assert link(text, dt.date(2023, 2, 14)).instruments == ("new-start-2010",)


def test_a_german_quotation_names_its_speaker_not_the_person_inside_it(tmp_path: Path) -> None:
    doc = parse_written(
        tmp_path,
        "Baerbock in Kiew\n\nAußenministerin Annalena Baerbock hat am Montag Kiew besucht.\n\n"
        "„Wladimir Putin trägt allein die Verantwortung für diesen Krieg“, sagte sie am Abend.\n",
    )
    said = [s for s in doc.statements if s.speaker]
    assert [(s.speaker, s.role) for s in said] == [("Annalena Baerbock", "Außenministerin")]


def test_an_article_after_a_name_closes_it(tmp_path: Path) -> None:
    doc = parse_written(
        tmp_path,
        "Politik\n\n„Wir werden reagieren“, sagte Kremlsprecher Dmitri Peskow der Agentur "
        "Interfax.\n\nDie Kommission habe das Recht, sagte Ursula von der Leyen am Dienstag.\n",
    )
    assert [s.speaker for s in doc.statements if s.speaker] == [
        "Dmitry Peskov",
        "Ursula von der Leyen",
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "OTAN\n\nEl secretario general de la OTAN, Jens Stoltenberg, afirmó este lunes que "
            "la Alianza está dispuesta al diálogo.\n\n"
            '"No aceptaremos esferas de influencia", añadió el político noruego.\n',
            "Jens Stoltenberg",
        ),
        (
            "NATO\n\nMinister spraw zagranicznych Zbigniew Rau powiedział w poniedziałek, że "
            "OBWE musi działać.\n\n„Nie zgodzimy się na strefy wpływów” – dodał szef polskiej "
            "dyplomacji.\n",
            "Zbigniew Rau",
        ),
    ],
    ids=["es-described", "pl-described"],
)
def test_a_description_after_the_verb_is_the_person_named_before(
    tmp_path: Path, text: str, speaker: str
) -> None:
    doc = parse_written(tmp_path, text)
    said = [s for s in doc.statements if s.speaker]
    assert len(said) == 2 and {s.speaker for s in said} == {speaker}


def test_a_description_with_nobody_named_before_is_nobody(tmp_path: Path) -> None:
    doc = parse_written(
        tmp_path, 'OTAN\n\n"No aceptaremos esferas de influencia", añadió el portavoz.\n'
    )
    assert not any(s.speaker for s in doc.statements)


def test_an_italian_report_with_two_speech_verbs_and_a_treaty_after_one(tmp_path: Path) -> None:
    doc = parse_written(
        tmp_path,
        "Cieli aperti\n\n"
        "L'Alto Rappresentante della Ue, Joseph Borrell, in una nota ufficiale ha espresso il "
        "suo rammarico per la decisione degli Usa.\n\n"
        "La Russia ha annunciato che rispetterà il Trattato sui Cieli Aperti, ha dichiarato il "
        "viceministro degli Esteri Alexander Grushko ai media russi.\n",
    )
    assert [s.speaker for s in doc.statements if s.speaker] == [
        "Josep Borrell",
        "Alexander Grushko",
    ]


def test_an_organisation_before_the_verb_is_nobody(tmp_path: Path) -> None:
    doc = parse_written(
        tmp_path,
        "Политика\n\nВ НАТО выразили сожаление из-за закрытия Россией представительства.\n\n"
        "Альянс готов к диалогу, заявили в штаб-квартире.\n",
    )
    assert not any(s.speaker for s in doc.statements)


def test_a_verb_between_dashes_is_the_speaker_before_and_an_office_or_a_state_is_not(
    tmp_path: Path,
) -> None:
    doc = parse_written(
        tmp_path,
        "Cieli aperti\n\n"
        "L'Alto Rappresentante della Ue, Joseph Borrell, ha espresso il suo rammarico per la "
        "decisione degli Usa.\n\n"
        '"Il ritiro da un trattato - ha aggiunto - non è la soluzione per affrontare i '
        'problemi."\n\n'
        "La Russia ha respinto le accuse e ha annunciato che rispetterà il trattato.\n\n"
        '"Non accetteremo", ha detto il presidente russo.\n',
    )
    by_text = {s.text[:12]: s.speaker for s in doc.statements}
    assert by_text['"Il ritiro d'] == "Josep Borrell"
    # A state as the subject, and an office after the verb, are no description of him.
    assert by_text["La Russia ha"] is None
    assert by_text['"Non accette'] is None


# --- a quotation, a comma and a verb no list holds ----------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "OTAN\n\n« Nous prendrons les mesures nécessaires pour une dissuasion crédible », "
            "a lancé le secrétaire général Jens Stoltenberg lors d’un discours à Washington.\n",
            "Jens Stoltenberg",
        ),
        (
            "Ukraine\n\nUS-Außenminister Antony Blinken war am Montag in Brüssel. »Sein Krieg "
            "ist ein strategisches Scheitern in jeder Hinsicht«, fügte Blinken hinzu.\n",
            "Antony Blinken",
        ),
        (
            'Гарантії\n\nГенеральний секретар НАТО Марк Рютте прибув до Києва. "Другий шар '
            'гарантій – це те, що нададуть Сполучені Штати і Європа", – пояснив Рютте.\n',
            "Марк Рютте",
        ),
        (
            "Lietuva\n\n„Mes nesutiksime su jokiu sprendimu be Ukrainos“, akcentavo prezidentas "
            "Gitanas Nausėda.\n",
            "Gitanas Nausėda",
        ),
    ],
    ids=["fr-a-lance", "de-fuegte-hinzu", "uk-poyasnyv", "lt-unlisted-verb"],
)
def test_a_quotation_closed_by_a_comma_and_any_verb_is_the_persons_after_it(
    tmp_path: Path, text: str, speaker: str
) -> None:
    doc = parse_written(tmp_path, text)
    assert [s.speaker for s in doc.statements if s.speaker] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        # A scare quote has no punctuation of its own and none after it.
        "Defence\n\nThe name “Golden Dome proposal for America” parallels Israel’s Iron Dome "
        "Air Defense system, which has intercepted thousands of rockets.\n",
        # An article after the comma opens a body.
        "Talks\n\nThe talks were part of Saudi Arabia's \"ongoing efforts to promote global "
        'security and peace", the Saudi Foreign Ministry wrote in a statement.\n',
        # A word that joins a clause attributes nothing.
        'INF\n\nWashington called the treaty "a relic of another era entirely", while '
        "Foreign Minister Heiko Maas disagreed in Berlin.\n",
        # A body's noun closes the run: an institute writes, no person.
        'OSCE\n\n"The document is an agreement between 57 states, all party to OSCE," '
        "writes the Washington-based Brookings Institute.\n",
    ],
    ids=["scare-quote", "article-body", "clause-joiner", "institute"],
)
def test_a_quotation_followed_by_no_attribution_is_nobodys(tmp_path: Path, text: str) -> None:
    doc = parse_written(tmp_path, text)
    assert not any(s.speaker for s in doc.statements)


# --- a paragraph quoting several sentences, then its attribution --------------------------


def test_a_quoted_paragraph_is_the_persons_its_attribution_names(tmp_path: Path) -> None:
    doc = parse_written(
        tmp_path,
        "Polityka\n\nMarcin Przydacz z Biura Polityki Międzynarodowej, który towarzyszy "
        "prezydentowi, pozytywnie ocenił wystąpienie Sikorskiego.\n\n"
        '"Dobrze, że pan minister Sikorski mówi już twardo wobec Rosji. Były czasy, kiedy '
        'Siergiej Ławrow był nazywany "drogim Siergiejem" w Polsce" - zauważył Przydacz na '
        "briefingu prasowym w Nowym Jorku.\n",
    )
    said = [(s.speaker, s.text[:6]) for s in doc.statements if s.speaker]
    assert said == [("Marcin Przydacz", "Dobrze")]


def test_a_verb_inside_the_quotation_attributes_nothing(tmp_path: Path) -> None:
    # "Sikorski mówi" is what was said; the words after the quotation name nobody.
    doc = parse_written(
        tmp_path,
        "Polityka\n\n"
        '"Dobrze, że pan minister Sikorski mówi już twardo wobec Rosji. Tak trzeba '
        'rozmawiać z Moskwą" - napisano w komunikacie kancelarii.\n',
    )
    assert not any(s.speaker for s in doc.statements)


# --- a word of the page's language before a colon is no speaker's label ------------------


def test_a_common_word_before_a_colon_is_no_label(tmp_path: Path) -> None:
    # "Ismeretes:" (as is known) and "Hozzátette:" (he added), each once and nowhere else.
    doc = parse_written(
        tmp_path,
        "Szijjártó Péter üzent Brüsszelbe\n\n"
        "„Felszólítjuk Mark Ruttét, hogy fejezze be a háborús feszültség szítását!” – "
        "hangsúlyozta Szijjártó Péter külügyminiszter.\n\n"
        "Ismeretes: Mark Rutte NATO-főtitkár megjegyzése nagy port kavart a héten.\n\n"
        "Hozzátette: „Ha valakinek kétségei voltak, most végleg meggyőződhetett róla.”\n",
    )
    assert doc.document.kind == "news_article"
    assert not any(s.speaker in ("Ismeretes", "Hozzátette") for s in doc.statements)


def test_a_name_used_once_as_a_label_and_introduced_is_a_speaker(tmp_path: Path) -> None:
    # The twin: the interviewee's surname is met in the lead, so its label is a name.
    doc = parse_written(
        tmp_path,
        "Rozmowa\n\nRozmawiamy z generałem Janem Kowalczykiem, byłym szefem sztabu.\n\n"
        "Pytanie: Czy Polska jest bezpieczna?\n\n"
        "Kowalczyk: Polska jest bezpieczna, dopóki NATO pozostaje jednością.\n",
    )
    assert "Kowalczyk" in {s.speaker for s in doc.statements}


@pytest.mark.parametrize(
    ("lines", "speakers"),
    [
        (
            "Presidenten: Etter ønske fra komiteen vil presidenten foreslå at taletiden "
            "begrenses.\n\nSvein Roald Hansen (A) [09:31:23]: (ordfører for saken): Atomvåpen "
            "er helt ubrukelige som militære våpen.\n\nPresidenten: Flere har ikke bedt om "
            "ordet.\n",
            {"President", "Svein Roald Hansen"},
        ),
    ],
    ids=["storting"],
)
def test_a_record_timing_its_speeches_and_its_chair_by_office(
    tmp_path: Path, lines: str, speakers: set[str]
) -> None:
    doc = parse_written(tmp_path, "Stortinget – Møte fredag den 12. juni 2015\n\n" + lines)
    assert doc.document.kind == "transcript"
    assert {s.speaker or s.role for s in doc.statements} == speakers


# --- an interview printed without labels, in other languages -----------------------------

_ENTRETIEN = (
    "Gitanas Nauseda, 59 ans, est président de la Lituanie depuis 2019. Il était mercredi à "
    "Paris pour préparer le prochain sommet de l’OTAN à Vilnius.\n\n"
    "Quelles perspectives voyez-vous pour l’intégration de l’Ukraine dans l’OTAN ?\n\n"
    "Au sommet de Vilnius, la question de l’Ukraine occupera largement les discussions. "
    "L’Ukraine ne rejoindra pas l’OTAN en pleine guerre.\n\n"
    "Nous préparons donc diverses actions pour mieux l’intégrer militairement à l’Alliance.\n\n"
    "Les États-Unis ne veulent pas lancer l’adhésion ; qu’attendez-vous d’eux ?\n"
)


def test_an_unlabelled_interview_in_french_alternates_journalist_and_guest(
    tmp_path: Path,
) -> None:
    # Questions put to someone ("voyez-vous"), the excerpt ending on a question.
    doc = parse_written(tmp_path, _ENTRETIEN)
    assert doc.document.kind == "interview"
    assert {s.speaker or s.role for s in doc.statements if s.speaker or s.role} == {
        "journalist",
        "Gitanas Nauseda",
    }


def test_questions_put_to_nobody_make_no_interview(tmp_path: Path) -> None:
    # The twin: an essay's questions ask about others; nobody is addressed.
    text = _ENTRETIEN.replace("voyez-vous", "voit-on").replace("attendez-vous", "attend-on")
    doc = parse_written(tmp_path, text)
    assert doc.document.kind != "interview"
    assert "journalist" not in {s.role for s in doc.statements}


# --- words opened by a dialogue dash, closed by an attribution -----------------------------


def test_a_dialogue_dash_paragraph_is_the_persons_its_attribution_names(tmp_path: Path) -> None:
    doc = parse_written(
        tmp_path,
        "Spent i Svartehavet\n\n"
        "Han og Ukrainas utenriksminister Dmytro Kuleba holdt en felles pressekonferanse.\n\n"
        "– Situasjonen i Svartehavet er svært spent. Alle muligheter er åpne for Moskva, sa "
        "Kuleba, og oppfordret alle land om å samarbeide i området.\n",
    )
    said = [(s.speaker, s.text[:10]) for s in doc.statements if s.speaker]
    assert said == [("Dmytro Kuleba", "Situasjone")]


def test_a_dialogue_dash_paragraph_without_an_attribution_is_nobodys(tmp_path: Path) -> None:
    # The twin: the comma joins a clause ("og Russland …"); nobody is named as speaking.
    doc = parse_written(
        tmp_path,
        "Spent i Svartehavet\n\n"
        "– Situasjonen i Svartehavet er svært spent. Alle muligheter er åpne, og Russland "
        "kan aktivere troppene på grensen raskt.\n",
    )
    assert not any(s.speaker for s in doc.statements)


# --- a verb right after the quotation, its subject first (Turkish) ------------------------


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Öte yandan Dışişleri Bakanı Çavuşoğlu dün basın toplantısında, “Teröre destek "
            "veren ülkelerin NATO müttefiki olmaması gerektiğine inanıyoruz” ifadelerini "
            "kullanmıştı.",
            "Mevlüt Çavuşoğlu",
        ),
        # The twin: the person named before the quotation is its object, and the page
        # never printed a full name for the word before it: nobody.
        (
            "Öte yandan Ankara dün basın toplantısında, “Teröre destek veren ülkelerin NATO "
            "müttefiki olmaması gerektiğine inanıyoruz” ifadelerini kullanmıştı.",
            None,
        ),
    ],
    ids=["subject-first", "no-person-first"],
)
def test_a_verb_after_the_quotation_gives_the_subject_before_it(
    tmp_path: Path, sentence: str, speaker: str | None
) -> None:
    doc = parse_written(
        tmp_path,
        "NATO\n\nDışişleri Bakanı Mevlüt Çavuşoğlu ile NATO Genel Sekreteri telefonda "
        "görüştü.\n\n" + sentence + "\n",
    )
    said = [s.speaker for s in doc.statements if s.text.startswith(("Öte", "Teröre"))]
    assert said == [speaker]


# --- dates written the French and the Hungarian way -----------------------------------------


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("1er mars 2014 - Conseil de sécurité - Situation en Ukraine", dt.date(2014, 3, 1)),
        ("2017. február 6.", dt.date(2017, 2, 6)),
        ("2022. december 1. 10:15", dt.date(2022, 12, 1)),
        # The twins: an ordinal before no month, a year and a month with no day.
        ("1er ministre du gouvernement de 2014", None),
        ("2017. február", None),
    ],
)
def test_a_french_first_and_a_hungarian_year_first_date_open_a_header(
    line: str, day: dt.date | None
) -> None:
    assert _date_in_header([line]) == day


# --- a word of the page credited as a speaker is nobody ----------------------------------


def test_a_bodys_genitive_credited_as_a_speaker_is_nobody(tmp_path: Path) -> None:
    doc = parse_written(
        tmp_path,
        "Spent i Svartehavet\n\n"
        "Natos generalsekretær Jens Stoltenberg sier mandag at flere provokasjoner er "
        "farlige.\n\nHan sier Natos egen tilværelse i svartehavsområdet og Baltikum er kun "
        "for defensive formål.\n",
    )
    # "Han sier …" ("he says") goes on with Stoltenberg (session 19's pronouns); "Natos"
    # is never a speaker.
    assert [s.speaker for s in doc.statements] == ["Jens Stoltenberg", "Jens Stoltenberg"]


def test_a_surname_that_is_also_a_word_still_speaks(tmp_path: Path) -> None:
    # The twin: "price" is printed in lower case, but "Ned" is not: a person's full name.
    doc = parse_written(
        tmp_path,
        "Sanctions\n\nThe price of the war keeps rising, the department noted.\n\n"
        '"We will hold Russia to account," State Department spokesman Ned Price said on '
        "Monday.\n",
    )
    assert "Ned Price" in {s.speaker for s in doc.statements}


def test_a_bodys_name_credited_in_news_copy_is_nobody(tmp_path: Path) -> None:
    doc = parse_written(
        tmp_path,
        "CFE\n\nWASHINGTON, Nov. 8 (UPI) -- The treaty placed limits on tanks, according to "
        "the Arms Control Association.\n\n"
        '"The treaty was a cornerstone of European security," Jake Sullivan said.\n',
    )
    assert "Arms Control Association" not in {s.speaker for s in doc.statements}


def test_a_delegation_named_by_the_statement_keeps_its_words(tmp_path: Path) -> None:
    # The twin: the structure names the body as the statement's author.
    doc = parse_written(
        tmp_path,
        "EU Statement on the Vienna Document\n\n"
        "The European Union and its Member States would like to thank the Chairmanship for "
        "convening this meeting.\n\n"
        "We call on Russia to return to full compliance with the Vienna Document.\n",
    )
    assert {s.speaker for s in doc.statements} == {"European Union"}


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Anf. 1 Utrikesminister CARL BILDT (m): Herr talman!", "Utrikesminister CARL BILDT (m)"),
        ("Anf. 12 HANS LINDE (v): Herr talman!", "HANS LINDE (v)"),
        # The twin: an abbreviation and a figure opening a sentence label nobody.
        ("Anf. 12 av protokollet: se bilaga 3 för detaljer", None),
    ],
)
def test_a_riksdag_speech_number_before_the_label_is_set_aside(
    line: str, label: str | None
) -> None:
    found = _inline_label(line)
    assert (found[0] if found else None) == label


# --- an instrument's preamble recognised by its shape --------------------------------------

_PREAMBLE = (
    "Declarația comună a celor 22 de state\n\n"
    "Șefii de stat sau de guvern ai Belgiei, Bulgariei, Canadei și U.R.S.S.,\n\n"
    "salutând cu căldură schimbările istorice din Europa,\n\n"
    "profund satisfăcuți de angajamentul comun față de o democrație pluralistă,\n\n"
    "afirmând sfârșitul erei de scindare și confruntare,\n\n"
    "convinși că aceste dezvoltări trebuie să constituie o parte a unui proces continuu,\n\n"
    "{close}\n\n"
    "1. Semnatarii declară solemn că ei nu mai sunt adversari.\n"
)


@pytest.mark.parametrize(
    ("close", "kind"),
    [
        ("declară următoarele:", "treaty_text"),
        # The twin: the clauses lead to no operative line closed by a colon.
        ("Acestea au fost cuvintele rostite la Paris.", None),
    ],
    ids=["operative-colon", "no-operative-line"],
)
def test_a_preamble_of_participles_then_a_colon_is_an_instruments_text(
    tmp_path: Path, close: str, kind: str | None
) -> None:
    doc = parse_written(tmp_path, _PREAMBLE.format(close=close))
    assert (doc.document.kind == "treaty_text") == (kind == "treaty_text")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Об этом рассказал министр иностранных дел России Сергей Лавров.", "Sergei Lavrov"),
        ("Про це розповів міністр закордонних справ України Андрій Сибіга.", "Андрій Сибіга"),
        ("Así lo ha reconocido el ministro de Defensa, Hanno Pevkur.", "Hanno Pevkur"),
        ("Lo ha commentato il ministro della Difesa Guido Crosetto.", "Guido Crosetto"),
    ],
    ids=["ru-rasskazal", "uk-rozpoviv", "es-ha-reconocido", "it-ha-commentato"],
)
def test_more_common_speech_verbs_of_other_languages(
    tmp_path: Path, sentence: str, speaker: str
) -> None:
    doc = parse_written(tmp_path, "Новости\n\nВчера прошла встреча.\n\n" + sentence + "\n")
    assert speaker in {s.speaker for s in doc.statements}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "ΟΑΣΕ\n\nΟ ΟΑΣΕ πρέπει να ενισχυθεί περαιτέρω, διαμήνυσε η υπουργός Εξωτερικών της "
            "Γερμανίας, Αναλένα Μπέρμποκ, κατά την ομιλία της στα Σκόπια.\n\n"
            "«Η Ρωσία απέτυχε να καταστρέψει τον οργανισμό», σημείωσε η Μπέρμποκ.\n",
            "Αναλένα Μπέρμποκ",
        ),
        # The twin: the verb's subject is a body; the name follows a preposition.
        (
            "ΟΑΣΕ\n\nΟ ΟΑΣΕ πρέπει να ενισχυθεί, σημείωσε το υπουργείο για την Ευρώπη.\n",
            None,
        ),
    ],
    ids=["greek-described-then-article", "greek-no-person"],
)
def test_greek_copy_names_its_speaker_after_the_verb(
    tmp_path: Path, text: str, speaker: str | None
) -> None:
    doc = parse_written(tmp_path, text)
    named = {s.speaker for s in doc.statements if s.speaker}
    assert named == ({speaker} if speaker else set())


def test_an_iberian_record_puts_the_article_and_courtesy_before_the_name(tmp_path: Path) -> None:
    doc = parse_written(
        tmp_path,
        "I SÉRIE — NÚMERO 39\n\n"
        "O Sr. Presidente: — Tem a palavra o Sr. Deputado Pedro Pessanha.\n\n"
        "O Sr. Pedro Pessanha (CH): — Sr. Presidente, Srs. Membros do Governo, Sr.as e Srs. "
        "Deputados:\n\nApós o colapso da União Soviética, a Finlândia e a Suécia "
        "aproximaram-se da União Europeia.\n\n"
        "A Sr.ª Joana Mortágua (BE): — Sr. Presidente, a NATO não é uma aliança defensiva.\n",
    )
    assert doc.document.kind == "transcript"
    named = {s.speaker for s in doc.statements if s.speaker}
    assert named == {"Pedro Pessanha", "Joana Mortágua"}


def test_a_headline_after_a_name_and_colon_is_still_a_kicker(tmp_path: Path) -> None:
    # The twin: no dash opens the words after the colon; a title-case headline is a kicker.
    doc = parse_written(
        tmp_path,
        "Notícias\n\nPedro Pessanha: Finlândia E Suécia Na NATO\n\n"
        "O deputado falou ontem no parlamento sobre a adesão dos dois países.\n",
    )
    assert "Pedro Pessanha" not in {s.speaker for s in doc.statements}


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Pressemøde om Ruslands invasion af Ukraine den 24. februar 2022", "press_conference"),
        ("Conférence de presse du Président de la République à Varsovie", "press_conference"),
        ("Пресс-конференция по итогам переговоров", "press_conference"),
        # The twin: a sitting's record with the same labels is a transcript.
        ("Folketingets møde den 24. februar 2022", "transcript"),
    ],
    ids=["danish", "french", "russian", "sitting"],
)
def test_a_press_conference_is_named_so_in_other_languages(
    tmp_path: Path, title: str, kind: str
) -> None:
    doc = parse_written(
        tmp_path,
        f"{title}\n\nMette Frederiksen: Rusland har angrebet Ukraine i nat.\n\n"
        "Jakob Ellemann-Jensen: Vi står sammen med Ukraine.\n\n"
        "Mette Frederiksen: Danmark står sammen med vores allierede i NATO.\n",
    )
    assert doc.document.kind == kind


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Erklärung des Nordatlantikrats zum Austritt Russlands aus dem KSE-Vertrag", "statement"),
        ("Заявление МИД России в связи с выходом из ДОВСЕ", "statement"),
        # The twin: the same page under a title that names no statement reads as a speech.
        ("Der Nordatlantikrat zum Austritt Russlands aus dem KSE-Vertrag", "speech"),
    ],
    ids=["german", "russian", "no-statement-word"],
)
def test_a_statement_is_named_so_in_other_languages(tmp_path: Path, title: str, kind: str) -> None:
    doc = parse_written(
        tmp_path,
        f"{title}\n\nWir bedauern die Entscheidung zutiefst. Wir werden unsere Sicherheit "
        "gemeinsam gewährleisten und bleiben der Rüstungskontrolle verpflichtet.\n\n"
        "Wir fordern Russland auf, seine Verpflichtungen einzuhalten.\n",
    )
    assert doc.document.kind == kind


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("1. augusta 2020 10:04", dt.date(2020, 8, 1)),
        ("Giriş Tarihi 24 Şubat 2023, 12:20", dt.date(2023, 2, 24)),
        ("15. svibnja 2021.", dt.date(2021, 5, 15)),
        ("Publié le 3 mars 2022 à 10:15", dt.date(2022, 3, 3)),
        # The twins: a month and a year with no day, a place before the day.
        ("augusta 2020", None),
    ],
)
def test_date_lines_in_more_languages(line: str, day: dt.date | None) -> None:
    found = _date_line(line)
    assert (found[0] if found else None) == day


_ENTREVISTA = (
    "Entrevista\n\n{lead}\n\n"
    "Pregunta. Cazas rusos en el cielo de Estonia, drones en Dinamarca. ¿Qué busca Rusia?\n\n"
    "Respuesta. Quiere que dejemos de prestar atención a Ucrania y desestabilizarnos.\n\n"
    "P. ¿Es también un desafío a la OTAN?\n\n"
    "R. Sí. Es un desafío para toda la Alianza.\n"
)


def test_a_spanish_interviews_answers_are_the_person_its_lead_introduces(tmp_path: Path) -> None:
    lead = (
        "“O eres inimaginablemente estúpido o lo haces deliberadamente”, afirma Hanno Pevkur, "
        "ministro de Defensa de Estonia."
    )
    doc = parse_written(tmp_path, _ENTREVISTA.format(lead=lead))
    said = {(s.speaker, s.role) for s in doc.statements if s.text.startswith(("Quiere", "Sí"))}
    assert {name for name, _ in said} == {"Hanno Pevkur"}
    assert {s.role for s in doc.statements if s.text.endswith("?")} == {"journalist"}


def test_answers_under_a_lead_naming_nobody_stay_anonymous(tmp_path: Path) -> None:
    # The twin: the lead introduces no one; the answers are nobody's name.
    lead = "El ministro atendió a este diario durante el foro celebrado en Barcelona."
    doc = parse_written(tmp_path, _ENTREVISTA.format(lead=lead))
    said = {s.speaker for s in doc.statements if s.text.startswith(("Quiere", "Sí"))}
    assert said == {None}


@pytest.mark.parametrize(
    ("title", "speakers"),
    [
        (
            "Readout of phone call between the NATO Secretary General Jens Stoltenberg and US "
            "President Donald J. Trump",
            {"Jens Stoltenberg", "Donald J. Trump"},
        ),
        (
            "Telefonsamtal mellan president Sauli Niinistö och generalsekreterare Jens Stoltenberg",
            {"Sauli Niinistö", "Jens Stoltenberg"},
        ),
        # The twin: a meeting between two bodies names no persons; nobody is credited.
        ("Readout of the meeting between NATO and the European Union", set()),
    ],
    ids=["english", "swedish", "bodies"],
)
def test_a_readout_is_the_account_of_both_persons_its_title_names(
    tmp_path: Path, title: str, speakers: set[str]
) -> None:
    doc = parse_written(
        tmp_path,
        f"{title}\n\nThey reviewed progress on the fight against terrorism and on defence "
        "spending, and discussed the situation in eastern Ukraine.\n",
    )
    assert {s.speaker for s in doc.statements if s.speaker} == speakers


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Conseil de sécurité - Situation en Ukraine\n\nMadame la Présidente,\n\nDepuis le "
            "début de la crise actuelle, la France a œuvré à une solution.\n\nJe vous remercie.\n",
            "statement",
        ),
        (
            "Comunicato dei Ministeri degli Affari Esteri\n\nCi rammarichiamo dell’annuncio del "
            "governo. Il Trattato sui Cieli Aperti è un elemento cruciale.\n",
            "statement",
        ),
        # The twin: the same words addressed to nobody, under no statement's title.
        (
            "Situation en Ukraine\n\nDepuis le début de la crise actuelle, la France a œuvré "
            "à une solution.\n\nJe vous remercie.\n",
            "speech",
        ),
    ],
    ids=["chair-addressed-in-french", "italian-communique", "neither"],
)
def test_a_chair_addressed_or_a_communique_in_other_languages_is_a_statement(
    tmp_path: Path, text: str, kind: str
) -> None:
    assert parse_written(tmp_path, text).document.kind == kind


@pytest.mark.parametrize(
    ("description", "speaker"),
    [
        # An office the person last speaking does not hold: someone else's words.
        ("a affirmé le ministre", None),
        # The twin: the office he holds ("NATO Secretary General").
        ("a ajouté le secrétaire général", "Jens Stoltenberg"),
        # A description naming no office fits whoever spoke last.
        ("a ajouté le responsable norvégien", "Jens Stoltenberg"),
    ],
    ids=["another-office", "his-office", "no-office"],
)
def test_a_description_after_the_verb_must_fit_the_last_speakers_office(
    tmp_path: Path, description: str, speaker: str | None
) -> None:
    doc = parse_written(
        tmp_path,
        "OTAN\n\n« Nous prendrons les mesures nécessaires pour une dissuasion crédible », a "
        "lancé le secrétaire général Jens Stoltenberg lors d’un discours à Washington.\n\n"
        f"« La Russie viole le traité FNI depuis des années », {description}.\n",
    )
    said = [s.speaker for s in doc.statements if "viole" in s.text]
    assert said == [speaker]
