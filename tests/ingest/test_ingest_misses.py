"""Mechanisms written in session 12 on the tune part's misses: good/bad twins.

Each mechanism has a page where it must fire and a twin, alike but for the one thing that
must keep it from firing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ._docs import parse_written, spoken

# --- a surname alone as the subject of reported speech ----------------------------------------

_AP_PAGE = (
    "Senate fight over the arms treaty\n\n"
    "WASHINGTON (AP) - The Senate debated the treaty on Wednesday.\n\n"
    "Kerry said there were no substantive disagreements on the treaty itself.\n\n"
    "Foreign Ministry spokeswoman Hua Chunying spoke in Beijing on Tuesday.\n\n"
    "Hua said the trilateral talks were a pretext for leaving the treaty.\n"
)


def test_a_surname_alone_before_said_reports_speech(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _AP_PAGE)
    said = {s.text: s.speaker for s in doc.statements}
    assert said["there were no substantive disagreements on the treaty itself."] == "Kerry"
    # The full name written earlier, found by its first word as well as its last.
    assert said["the trilateral talks were a pretext for leaving the treaty."] == "Hua Chunying"


def test_a_state_a_capital_or_a_weak_verb_is_no_lone_surname(tmp_path: Path) -> None:
    text = (
        "Senate fight over the arms treaty\n\n"
        "WASHINGTON (AP) - The Senate debated the treaty on Wednesday.\n\n"
        "China said there were no substantive disagreements on the treaty itself.\n\n"
        "Tehran told reporters the talks would go on.\n\n"
        "Rest assured that the committee will finish its work this year.\n\n"
        "Having concluded this document, the three states reaffirmed their obligations.\n"
    )
    doc = parse_written(tmp_path, text)
    assert not {"China", "Tehran", "Rest", "Having"} & {s.speaker for s in doc.statements}


# --- a text issued by several people together -------------------------------------------------


def test_a_joint_statement_is_each_authors(tmp_path: Path) -> None:
    text = (
        "Joint statement on the anniversary of the Triangle\n\n"
        "Joint statement by the Ministers for Foreign Affairs, Marie Dubois (France), "
        "Karl Fischer (Germany) and Jan Nowak (Poland), on the occasion of the "
        "anniversary of the “Triangle”\n\n"
        "We reaffirm our readiness to strengthen the European Union and its partnerships.\n\n"
        "We look back on thirty years of successful cooperation between our countries.\n"
    )
    doc = parse_written(tmp_path, text)
    assert doc.document.kind == "statement"
    by = {s.speaker for s in doc.statements if s.text.startswith("We reaffirm")}
    assert by == {"Marie Dubois", "Karl Fischer", "Jan Nowak"}
    # The lead-in is the page's, and what follows the list is no author.
    assert not any(s.text.startswith("Joint statement by") for s in doc.statements)
    assert "Triangle" not in " ".join(s.speaker or "" for s in doc.statements)


def test_a_press_office_lead_in_names_every_senator(tmp_path: Path) -> None:
    text = (
        "Senators' statement on the treaty report\n\n"
        "WASHINGTON, DC – U.S. Senators Anna Grant (D-RI), Chairman of the Armed Services "
        "Committee, Paul Rivers (D-NJ), and Mark Stone (D-VA) today issued the below "
        "statement in response to the release of the annual implementation report.\n\n"
        "“The report makes clear that the other party is failing to comply with the treaty.”\n"
    )
    doc = parse_written(tmp_path, text)
    by = {s.speaker for s in doc.statements if "failing to comply" in s.text}
    assert by == {"Anna Grant", "Paul Rivers", "Mark Stone"}


def test_one_person_or_a_list_of_states_is_no_joint_statement(tmp_path: Path) -> None:
    text = (
        "Statement on the anniversary of the Triangle\n\n"
        "Foreign Minister Marie Dubois issued the following statement today:\n\n"
        "We reaffirm our readiness with Germany and Poland to strengthen the Union.\n"
    )
    doc = parse_written(tmp_path, text)
    assert {s.speaker for s in doc.statements} == {"Marie Dubois"}
    states = (
        "Joint statement on the anniversary of the Triangle\n\n"
        "Joint statement by the Foreign Ministers of France, Germany and Poland\n\n"
        "We reaffirm our readiness to strengthen the European Union and its partnerships.\n"
    )
    doc = parse_written(tmp_path, states)
    assert not {"France", "Germany", "Poland"} & {s.speaker for s in doc.statements}
    assert len({(s.start, s.end) for s in doc.statements}) == len(doc.statements)


# --- speech verbs of condemnation and refusal ---------------------------------------------


def test_condemning_or_ruling_out_reports_speech(tmp_path: Path) -> None:
    text = (
        "Envoy rules out a return of the weapons\n\n"
        "MOSCOW (AP) - The talks ended on Thursday without an agreement.\n\n"
        "National security adviser Jake Sullivan ruled out the possibility of returning "
        "nuclear weapons to Kyiv.\n\n"
        "Ambassador Alexander Lukashevich denounced the Western countries after a string "
        "of statements condemning Russia.\n\n"
        "In a bit of dark humour, President Vladimir Putin referred to the announced "
        "withdrawal from the treaty.\n\n"
        "Defence Minister Sergey Shoigu expressed “grave concern” and “surprise” at a "
        "speech made on Wednesday.\n"
    )
    doc = parse_written(tmp_path, text)
    by = {s.speaker for s in doc.statements}
    assert {"Jake Sullivan", "Alexander Lukashevich", "Vladimir Putin", "Sergey Shoigu"} <= by


def test_a_place_that_condemns_is_no_speaker(tmp_path: Path) -> None:
    text = (
        "Capitals react to the decision\n\n"
        "MOSCOW (AP) - The talks ended on Thursday without an agreement.\n\n"
        "Moscow condemned the decision to deploy the missiles.\n\n"
        "The Western countries denounced the move as a provocation.\n"
    )
    doc = parse_written(tmp_path, text)
    assert not {"Moscow", "The Western"} & {s.speaker for s in doc.statements}


# --- a lead-in of one sentence ------------------------------------------------------------


def test_a_one_sentence_lead_in_names_the_speaker(tmp_path: Path) -> None:
    text = (
        "President Anna Kovac delivered the following address in May 1995 at the summit "
        "of the Conference in Vienna.\n\n"
        "This meeting coincides with the fifth anniversary of the fall of the Wall.\n\n"
        "In those five years a great deal, of course, has been accomplished by us all.\n"
    )
    doc = parse_written(tmp_path, text)
    assert doc.document.kind == "speech"
    assert {s.speaker for s in doc.statements} == {"Anna Kovac"}
    assert not any("following address" in s.text for s in doc.statements)


def test_an_address_not_announced_as_following_is_no_lead_in(tmp_path: Path) -> None:
    text = (
        "President Anna Kovac delivered an address in May 1995 at the summit of the "
        "Conference in Vienna.\n\n"
        "This meeting coincides with the fifth anniversary of the fall of the Wall.\n\n"
        "In those five years a great deal, of course, has been accomplished by us all.\n"
    )
    doc = parse_written(tmp_path, text)
    assert doc.statements[0].text.startswith("President Anna Kovac delivered an address")


# --- a headline's kicker and a possessive title name the speaker ----------------------------

_KICKER_BODY = (
    "Dear friends,\n\n"
    "On this day we celebrate twenty years of our membership in the Alliance.\n\n"
    "I am proud of what we have built together, and our partners know it.\n"
)


def test_a_kicker_over_a_first_person_text_names_the_speaker(tmp_path: Path) -> None:
    text = "DefMin Tamm: Happy Alliance Day!\n\n29. March 2024\n\nKarl Tamm\n\n" + _KICKER_BODY
    doc = parse_written(tmp_path, text)
    assert {s.speaker for s in doc.statements} == {"Karl Tamm"}
    titled = "President Rossi’s press statement following the meeting\n\n" + _KICKER_BODY
    doc = parse_written(tmp_path, titled)
    assert {s.speaker for s in doc.statements} == {"Rossi"}


def test_a_field_or_a_news_headline_is_no_kicker(tmp_path: Path) -> None:
    field = "Schwerpunktthema: Rede\n\n" + _KICKER_BODY
    doc = parse_written(tmp_path, field)
    assert "Schwerpunktthema" not in {s.speaker for s in doc.statements}
    news = (
        "Rossi: Both sides agree to the peace plan\n\n"
        "ROME (AP) - The two sides agreed on Tuesday to a plan for a ceasefire.\n\n"
        "The plan calls for the withdrawal of forces to their earlier positions.\n"
    )
    doc = parse_written(tmp_path, news)
    assert "Rossi" not in {s.speaker for s in doc.statements}


# --- a lead-in that calls what follows an interview -------------------------------------------

_QA = (
    "What can you tell us about the situation in the north after the attack?\n\n"
    "Overall, the situation on the ground is calm, but fragile. We follow it closely.\n\n"
    "Is the mission ready to respond to any threat from outside?\n\n"
    "The mission has deployed additional reserve forces with additional capabilities.\n"
)


def test_a_lead_in_calling_it_an_interview_makes_the_questions_the_journalists(
    tmp_path: Path,
) -> None:
    text = (
        "The north is calm but fragile, says the commander\n\n"
        "The commander, Oskar Ulm, says that the troops in the north were quadrupled.\n\n"
        "In an interview for the agency, Ulm assesses the situation in the north as calm.\n\n"
        "Full interview with the commander, Oskar Ulm:\n\n" + _QA
    )
    doc = parse_written(tmp_path, text)
    assert doc.document.kind == "interview"
    asked = {s.role for s in doc.statements if s.text.endswith("?")}
    assert asked == {"journalist"}


def test_questions_under_a_lead_in_that_says_nothing_of_an_interview(tmp_path: Path) -> None:
    text = (
        "The north is calm but fragile, says the commander\n\n"
        "The commander, Oskar Ulm, says that the troops in the north were quadrupled.\n\n"
        "In remarks to the agency, Ulm assesses the situation in the north as calm.\n\n"
        "Full remarks of the commander, Oskar Ulm:\n\n" + _QA
    )
    doc = parse_written(tmp_path, text)
    assert "journalist" not in {s.role for s in doc.statements}


# --- a list of other stories, each headline over a "Read more" link ---------------------------

_STORY = (
    "Leaders agree to a peace plan\n\n"
    "Text by Anna Berg\n\n"
    "French President Paul Martin said the two presidents had agreed to a six-point plan.\n\n"
    "Speaking in the capital on Tuesday, Martin said the plan was “a political document”.\n"
)


def test_headlines_over_read_more_links_are_furniture(tmp_path: Path) -> None:
    teasers = (
        "Don't miss\n\n"
        "Music show: three singers on the stage tonight\n\nRead more\n\n"
        "Jagland: ‘Would be disastrous if Russia pulls out of the Council’\n\nRead more\n\n"
        "Emmanuel Macron and Donald Trump: Strategic friends?\n\nRead more\n\n"
    )
    doc = parse_written(tmp_path, teasers + _STORY)
    speakers = {s.speaker for s in doc.statements}
    assert "Paul Martin" in speakers
    assert not {"Jagland", "Emmanuel Macron"} & speakers
    assert not any("Strategic friends" in s.text for s in doc.statements)


def test_one_paragraph_over_a_read_more_link_is_kept(tmp_path: Path) -> None:
    text = (
        _STORY + "\nMartin said the ceasefire would hold until the talks resumed next month.\n\n"
        "Read more\n"
    )
    doc = parse_written(tmp_path, text)
    assert any("ceasefire would hold" in s.text for s in doc.statements)


# --- "he" after a sentence whose subject is a person -------------------------------------------

_BEFORE_HE = (
    "Leaders agree to a peace plan\n\n"
    "TBILISI (AP) - French President Paul Martin said on Tuesday the two sides had agreed "
    "to a six-point plan.\n\n"
)


def test_he_is_the_subject_of_the_sentence_before(tmp_path: Path) -> None:
    text = _BEFORE_HE + (
        "Speaking at a joint news conference with Martin in the capital, Georgian President "
        "Mikheil Berg welcomed the plan. “It is a political document,” he said.\n"
    )
    doc = parse_written(tmp_path, text)
    said = {s.text: s.speaker for s in doc.statements}
    assert said["It is a political document"] == "Mikheil Berg"


def test_he_after_a_sentence_with_no_person_as_subject_is_the_last_speaker(
    tmp_path: Path,
) -> None:
    text = _BEFORE_HE + (
        "Speaking at a joint news conference in the capital, the crowd welcomed the plan. "
        "“It is a political document,” he said.\n"
    )
    doc = parse_written(tmp_path, text)
    said = {s.text: s.speaker for s in doc.statements}
    assert said["It is a political document"] == "Paul Martin"


# --- several people as the subject of one speech verb ------------------------------------------

_BALTIC = "Ministers condemn the efforts\n\nRIGA (BNS) - The ministers met on Monday.\n\n"


def test_each_person_of_a_subject_list_speaks(tmp_path: Path) -> None:
    text = _BALTIC + (
        "On December 20 Latvia’s Defence Minister Artis Pabriks, Lithuania’s Defence Minister "
        "Arvydas Anušauskas and Estonia’s Defence Minister Kalle Laanet condemned the efforts "
        "of Russia and Belarus to destabilize the security situation in Europe.\n"
    )
    doc = parse_written(tmp_path, text)
    by = {s.speaker for s in doc.statements if s.text.startswith("the efforts of Russia")}
    assert by == {"Artis Pabriks", "Arvydas Anušauskas", "Kalle Laanet"}


def test_a_list_with_a_state_in_it_is_no_list_of_speakers(tmp_path: Path) -> None:
    text = _BALTIC + (
        "On December 20 Russia, China and Iran condemned the efforts of the alliance to "
        "deploy new missiles in Europe.\n"
    )
    doc = parse_written(tmp_path, text)
    assert not {"Russia", "China", "Iran"} & {s.speaker for s in doc.statements}


# --- a surname ending in -s; an apposition after an inverted attribution -----------------------

_GENEVA = "Arms talks to begin\n\nBEIJING (Reuters) - The talks begin on Monday.\n\n"


def test_a_surname_in_s_and_an_apposition_after_said_name(tmp_path: Path) -> None:
    text = _GENEVA + (
        "If it were to collapse, it would be the first time in 50 years that the US cannot "
        "inspect Russian nuclear forces, said Rose Gottemoeller, a former undersecretary of "
        "state for arms control.\n\n"
        "“Russia has once again shown the world that it is not a responsible nuclear power,” "
        "Jenkins said at a disarmament conference in Geneva.\n"
    )
    doc = parse_written(tmp_path, text)
    assert {"Rose Gottemoeller", "Jenkins"} <= {s.speaker for s in doc.statements}


def test_a_plural_closing_a_quotation_is_no_surname(tmp_path: Path) -> None:
    text = _GENEVA + (
        "“Russia has once again shown the world that it is not a responsible nuclear power,” "
        "Analysts said at a disarmament conference in Geneva.\n\n"
        "“The treaty will not survive another year of this,” Diplomats said on Monday.\n"
    )
    doc = parse_written(tmp_path, text)
    assert not {"Analysts", "Diplomats"} & {s.speaker for s in doc.statements}


# --- an outlet relays a person's words ---------------------------------------------------------

_MINSK = "CSTO on the exercise\n\nMINSK, 12 May (BelTA) - The exercise begins on Monday.\n\n"


def test_an_outlet_quoting_a_named_person_gives_the_person(tmp_path: Path) -> None:
    text = _MINSK + (
        "“The exercise is purely defensive and threatens no one,” BelTA quotes CSTO spokesman "
        "Vladimir Zainetdinov.\n"
    )
    doc = parse_written(tmp_path, text)
    said = {s.text: s.speaker for s in doc.statements}
    assert said["The exercise is purely defensive and threatens no one"] == "Vladimir Zainetdinov"


def test_an_outlet_quoting_unnamed_sources_gives_no_speaker(tmp_path: Path) -> None:
    text = _MINSK + (
        "“The exercise is purely defensive and threatens no one,” Reuters cited sources in "
        "the ministry as saying.\n"
    )
    doc = parse_written(tmp_path, text)
    assert not {"Reuters", "Sources", "sources"} & {s.speaker for s in doc.statements}


# --- a surname alone beside a speech verb of German, Spanish, Polish or Russian copy -----------


def test_a_foreign_verb_beside_a_surname_gives_the_full_name_printed_before(
    tmp_path: Path,
) -> None:
    text = (
        "Maas: Russland trägt die Verantwortung\n\n"
        "BERLIN (Dow Jones)--Die Hauptschuld liegt nach Ansicht von Bundesaußenminister Heiko "
        'Maas (SPD) bei der Regierung in Moskau. Das Abkommen laufe aus, "dafür trägt Russland '
        'die Verantwortung", sagte Maas am Freitag im Deutschlandfunk.\n\n'
        "Am 20. Oktober hat Präsident Donald Trump die Absicht angekündigt. Trump poinformował o "
        "zamiarze wycofania się USA z traktatu.\n"
    )
    doc = parse_written(tmp_path, text)
    assert {"Heiko Maas", "Donald Trump"} <= {s.speaker for s in doc.statements}


def test_an_article_or_an_office_beside_a_foreign_verb_is_no_name(tmp_path: Path) -> None:
    text = (
        "Die Regierung und der Vertrag\n\n"
        "BERLIN (Dow Jones)--Die Regierung von Kanzlerin Angela Merkel tagte am Freitag. "
        "Die Regierung betonte, dass der Vertrag gelte.\n\n"
        "МОСКВА, 12 октября. Президент России подтвердил, что не отказывается от идеи.\n"
    )
    doc = parse_written(tmp_path, text)
    speakers = {s.speaker for s in doc.statements}
    assert not {"Die Regierung", "Президент России", "Regierung"} & speakers


# --- a treaty's text in another language -------------------------------------------------------


def test_a_russian_treaty_text_with_its_formula_and_articles_is_a_treaty(tmp_path: Path) -> None:
    text = (
        "ДОГОВОР О КОЛЛЕКТИВНОЙ БЕЗОПАСНОСТИ\n\n"
        "Государства - участники настоящего Договора, именуемые в дальнейшем "
        '"государства - участники", договорились о нижеследующем.\n\n'
        "Статья 1\n\n"
        "Государства - участники подтверждают обязательство воздерживаться от применения "
        "силы или угрозы силой в межгосударственных отношениях.\n\n"
        "Статья 2\n\n"
        "Государства - участники будут консультироваться друг с другом по всем важным "
        "вопросам международной безопасности.\n"
    )
    doc = parse_written(tmp_path, text)
    assert doc.document.kind == "treaty_text"


def test_a_russian_report_citing_an_article_is_no_treaty(tmp_path: Path) -> None:
    text = (
        "Лавров о договоре\n\n"
        "МОСКВА, 12 октября. Министр иностранных дел Сергей Лавров заявил, что стороны "
        "должны соблюдать статью 5 договора и что участники переговоров встретятся снова.\n\n"
        "«Мы готовы к диалогу», - подчеркнул Лавров.\n"
    )
    doc = parse_written(tmp_path, text)
    assert doc.document.kind != "treaty_text"


# --- dates in an agency's brackets, between slashes, spaced figures, Greek ---------------------


@pytest.mark.parametrize(
    ("head", "day"),
    [
        (
            "WARSAW (Pakistan Point News / Sputnik - 06th July, 2023) Poland will raise the "
            "issue, Polish President Andrzej Duda said Wednesday.",
            "2023-07-06",
        ),
        (
            "Bishkek, Nov. 22, 2023. / Kabar/. On November 23, the president will take part in "
            "the session, an adviser Muratbek Azymbakiev told.",
            "2023-11-22",
        ),
        ("Press Advisories\n\n26. 4. 202117:50", "2021-04-26"),
        ("Statement by the Minister\n\nΠέμπτη, 4 Δεκ 2008", "2008-12-04"),
    ],
)
def test_a_day_printed_in_these_forms_dates_the_page(tmp_path: Path, head: str, day: str) -> None:
    text = f"Ministers on the summit\n\n{head}\n\nThe ministers will meet in Vilnius in July.\n"
    doc = parse_written(tmp_path, text)
    assert str(doc.document.date) == day


def test_a_greek_weekday_stamp_yields_to_the_texts_own_dateline(tmp_path: Path) -> None:
    text = (
        "ΜΙΧΑΗΛ ΧΡΥΣΟΧΟΪΔΗΣ, συνέντευξις\n\n"
        "Τετάρτη 23 Φεβρουαρίου 2022\n\n"
        "Vladimir Putin answered media questions\n\n"
        "February 22, 2022\n"
        "The Kremlin, Moscow\n\n"
        "Pavel Zarubin: Your decisions and statements?\n\n"
        "Vladimir Putin: We have recognised them.\n"
    )
    doc = parse_written(tmp_path, text)
    assert str(doc.document.date) == "2022-02-22"


# --- "… have made the following statement:" with each author's office before the name ----------


def test_authors_with_their_offices_first_have_made_the_statement(tmp_path: Path) -> None:
    text = (
        "Council of Europe leaders make joint statement\n\n"
        "Strasbourg, 08.03.2022 – The Italian Minister for Foreign Affairs and Chair of the "
        "Committee of Ministers, Luigi Di Maio, the President of the Parliamentary Assembly, "
        "Tiny Kox, and the Secretary General of the Council of Europe, Marija Pejčinović "
        "Burić, have made the following statement:\n\n"
        "“We condemn in the strongest possible terms the aggression against Ukraine.\n\n"
        "We reiterate our unwavering support for the independence of Ukraine.”\n"
    )
    doc = parse_written(tmp_path, text)
    speakers = {s.speaker for s in doc.statements}
    assert {"Tiny Kox", "Marija Pejčinović Burić"} <= speakers


def test_states_that_have_made_the_statement_name_nobody(tmp_path: Path) -> None:
    text = (
        "Joint statement on Ukraine\n\n"
        "Paris, 08.03.2022 – The Foreign Ministers of France, Germany and Poland have made "
        "the following statement:\n\n"
        "“We condemn in the strongest possible terms the aggression against Ukraine.”\n"
    )
    doc = parse_written(tmp_path, text)
    assert not {"France", "Germany", "Poland"} & {s.speaker for s in doc.statements}


# --- parliaments' labels: a colon on the next line, a group in brackets ---------------------


def test_a_name_over_a_line_holding_only_a_colon_is_a_label(tmp_path: Path) -> None:
    text = (
        "Täysistunto Maanantai 16.5.2022\n\n"
        "3. Valtioneuvoston selonteko Suomen liittymisestä Pohjois-Atlantin liittoon\n\n"
        "Lähetekeskustelu\n\n"
        "Puhemies Matti Vanhanen\n:\n"
        "Lähetekeskustelua varten esitellään päiväjärjestyksen 3. asia.\n\n"
        "Pääministeri Sanna Marin\n(esittelypuheenvuoro)\n:\n"
        "Arvoisa puhemies! Valtioneuvosto on eilen antanut eduskunnalle selonteon.\n"
    )
    doc = parse_written(tmp_path, text)
    speakers = {s.speaker for s in doc.statements}
    assert any(n and n.endswith("Vanhanen") for n in speakers)
    assert any(n and n.endswith("Sanna Marin") for n in speakers)


def test_a_name_with_its_group_in_brackets_closed_by_a_full_stop_is_a_label(
    tmp_path: Path,
) -> None:
    text = (
        "Latvijas Republikas 9.Saeimas ārkārtas sesijas sēde\n\n"
        "Vārds deputātam Andrim Bērziņam.\n\n"
        "A.Bērziņš (LPP/LC frakcija).\n\n"
        "Godājamie kolēģi! Realitāte ir tā, ka Gruzijas infrastruktūra ir paralizēta.\n"
    )
    doc = parse_written(tmp_path, text)
    said = [s for s in doc.statements if "Realitāte" in s.text]
    assert said and said[0].speaker == "A. Bērziņš" and said[0].role == "LPP/LC frakcija"


@pytest.mark.parametrize(
    "line", ["Petra Novak (left).", "Marek Horvat (Photo: NATO).", "Ilse Brandt (2019)."]
)
def test_a_name_with_a_captions_brackets_is_no_label(tmp_path: Path, line: str) -> None:
    text = (
        "Leaders meet in Vilnius\n\n"
        f"{line}\n\n"
        "The leaders discussed the summit's decisions on the eastern flank in detail.\n"
    )
    doc = parse_written(tmp_path, text)
    assert not any(s.speaker and s.speaker.split()[-1] in line for s in doc.statements)


def test_an_unknown_name_alone_on_its_line_is_still_no_label(tmp_path: Path) -> None:
    text = (
        "Täysistunto Maanantai 16.5.2022\n\n"
        "Matti Vanhanen\n\n"
        "Lähetekeskustelua varten esitellään päiväjärjestyksen 3. asia.\n"
    )
    doc = parse_written(tmp_path, text)
    assert not any(s.speaker for s in doc.statements)


@pytest.mark.parametrize(
    "field",
    [
        "Фото: Reuters / Максим Шеметов",
        "Datum: 12.02.2022",
        "ЧТО ЕЩЕ ПОЧИТАТЬ: Новости дня",
        "Quelle: dpa",
    ],
)
def test_a_page_field_in_another_language_is_no_speakers_label(tmp_path: Path, field: str) -> None:
    text = (
        "Лавров о переговорах\n\n"
        "МОСКВА, 12 февраля. Министр иностранных дел России Сергей Лавров заявил, что "
        "переговоры продолжатся.\n\n"
        f"{field}\n\n"
        "Сергей Лавров: Мы готовы к диалогу, но не к ультиматумам.\n"
    )
    doc = parse_written(tmp_path, text)
    word = field.split(":")[0].split()[-1].lower()
    assert not any(s.speaker and word in s.speaker.lower() for s in doc.statements)
    assert any(
        s.speaker == "Sergei Lavrov" or (s.speaker or "").endswith("Лавров") for s in doc.statements
    )


# --- speech verbs of other languages in the present and perfect tenses -----------------------

_CADENA = (
    "Albares y la cumbre de Madrid\n\n"
    "MADRID, 21 de mayo. El ministro de Asuntos Exteriores, José Manuel Albares, {verb} este "
    "sábado que la cumbre de la OTAN se celebrará en un momento crucial.\n\n"
    "Así lo ha indicado durante un Diálogo Abierto sobre 'La Unión Europea y la OTAN' "
    "celebrado en Alcalá de Henares, donde ha añadido que la organización afronta desafíos.\n"
)


@pytest.mark.parametrize("verb", ["ha señalado", "asegura", "ha declarado"])
def test_a_speech_verb_in_the_present_or_perfect_reports_speech(tmp_path: Path, verb: str) -> None:
    doc = parse_written(tmp_path, _CADENA.format(verb=verb))
    assert "José Manuel Albares" in {s.speaker for s in doc.statements}


def test_a_run_after_an_article_or_a_preposition_is_nobody(tmp_path: Path) -> None:
    doc = parse_written(tmp_path, _CADENA.format(verb="ha señalado"))
    speakers = {s.speaker for s in doc.statements if s.speaker}
    assert not any(w in n for n in speakers for w in ("Abierto", "Europea", "Henares"))


def test_a_sentence_that_drops_its_subject_is_the_person_last_named(tmp_path: Path) -> None:
    text = (
        "Lavrov en Ginebra\n\n"
        "GINEBRA, 10 de enero. El canciller ruso, Serguéi Lavrov, dijo que las conversaciones "
        "fueron útiles.\n\n"
        "Así lo ha indicado tras la reunión con la delegación estadounidense en Ginebra.\n\n"
        "Según fuentes del ministerio, la próxima ronda será en febrero.\n"
    )
    doc = parse_written(tmp_path, text)
    said = {s.text.split()[0]: s.speaker for s in spoken(doc)}
    assert said.get("Así") == "Sergei Lavrov"
    # "According to sources …" names its source after the word, and these are nobody.
    assert "Según" not in said


def test_an_advertisements_label_does_not_make_a_report_a_transcript(tmp_path: Path) -> None:
    text = (
        "Lukashenko condemns Armenia's absence from the CSTO summit\n\n"
        "MINSK, Nov 23 (Reuters) - The summit went ahead without Armenia on Thursday.\n\n"
        "Advertisement:\n\n"
        "Belarusian Foreign Minister Sergei Aleinik said decisions in the CSTO are made "
        "through consensus.\n\n"
        "Maria Zakharova, spokeswoman for the Russian Ministry of Foreign Affairs, said Armenia "
        "was trying to sit on two chairs.\n"
    )
    doc = parse_written(tmp_path, text)
    assert doc.document.kind == "news_article"
    assert {"Sergei Aleinik", "Maria Zakharova"} <= {s.speaker for s in doc.statements}


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        ("Viimeksi julkaistu 11.8.2022 15.57", "2022-05-16"),
        ("Zuletzt aktualisiert: 11.08.2022", "2022-05-16"),
        ("Zaktualizowano 11.08.2022", "2022-05-16"),
    ],
)
def test_an_update_stamp_in_another_language_never_dates_the_page(
    tmp_path: Path, stamp: str, day: str
) -> None:
    text = (
        f"{stamp}\n\n"
        "Täysistunto Maanantai 16.5.2022 klo 10.00\n\n"
        "Puhemies Matti Vanhanen\n:\n"
        "Lähetekeskustelua varten esitellään päiväjärjestyksen 3. asia, jonka käsittely "
        "jatkuu tänään.\n"
    )
    doc = parse_written(tmp_path, text)
    assert doc.document.date is not None and doc.document.date.isoformat() == day


@pytest.mark.parametrize(
    ("line", "day"),
    [("2008.gada 14.augustā", "2008-08-14"), ("2021. gada 3. decembrī, Rīga", "2021-12-03")],
)
def test_a_latvian_date_dates_the_page(tmp_path: Path, line: str, day: str) -> None:
    text = (
        "Latvijas Republikas Saeimas sēde\n\n"
        f"{line}\n\n"
        "A.Bērziņš (LPP/LC frakcija).\n\n"
        "Godājamie kolēģi! Realitāte ir tā, ka Gruzijas infrastruktūra ir paralizēta.\n"
    )
    doc = parse_written(tmp_path, text)
    assert doc.document.date is not None and doc.document.date.isoformat() == day


def test_a_year_and_gada_without_a_month_dates_nothing(tmp_path: Path) -> None:
    text = (
        "Latvijas Republikas Saeimas sēde\n\n"
        "2008.gada budžets\n\n"
        "A.Bērziņš (LPP/LC frakcija).\n\n"
        "Godājamie kolēģi! Realitāte ir tā, ka Gruzijas infrastruktūra ir paralizēta.\n"
    )
    assert parse_written(tmp_path, text).document.date is None


def test_cyrillic_initials_glued_to_a_surname_make_a_label(tmp_path: Path) -> None:
    text = (
        "Роберт Пшель - Ищем выход... - 2012-04-11\n\n"
        "Н.БОЛТЯНСКАЯ: Здравствуйте, это программа «Ищем выход», я ведущая.\n\n"
        "Р.ПШЕЛЬ: Это полная правда, абсолютно так.\n\n"
        "Н.БОЛТЯНСКАЯ: Может, вы просто успокаиваете российских коммунистов?\n"
    )
    doc = parse_written(tmp_path, text)
    speakers = {s.speaker for s in doc.statements}
    assert {"Н. Болтянская", "Р. Пшель"} <= speakers


def test_a_cyrillic_abbreviation_before_a_colon_is_no_label(tmp_path: Path) -> None:
    text = (
        "Заявление МИД\n\n"
        "МОСКВА, 12 января. Министерство иностранных дел заявило о переговорах.\n\n"
        "ТАСС: переговоры продолжатся на следующей неделе в Женеве.\n"
    )
    doc = parse_written(tmp_path, text)
    assert not any(s.speaker and "ТАСС" in s.speaker for s in doc.statements)


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("Сергей Лавров призвал Запад к диалогу.", "призвал"),
        ("José Manuel Albares instó a los aliados a mantener la unidad.", "instó"),
        ("Radosław Sikorski wezwał sojuszników do jedności.", "wezwał"),
    ],
)
def test_an_appeal_reports_speech(tmp_path: Path, sentence: str, verb: str) -> None:
    text = f"Report\n\nBRUSSELS, 3 December 2024 - The ministers met on Tuesday.\n\n{sentence}\n"
    doc = parse_written(tmp_path, text)
    said = [s for s in doc.statements if verb in s.text]
    assert said and said[0].speaker, verb  # the person named before the verb speaks


@pytest.mark.parametrize(
    ("dateline", "day"),
    [
        ("MADRID, 21 de mayo de 2022. El ministro", "2022-05-21"),
        ("ROMA, 12 maggio 2022 - Il ministro", "2022-05-12"),
        ("PARIS, 3 mars 2022 (AFP) - Le ministre", "2022-03-03"),
    ],
)
def test_a_romance_agency_dateline_dates_the_report(
    tmp_path: Path, dateline: str, day: str
) -> None:
    text = (
        "La cumbre de la OTAN\n\n"
        f"{dateline} José Manuel Albares ha señalado que la cumbre será importante.\n\n"
        "Así lo ha indicado durante una reunión con sus homólogos europeos.\n"
    )
    doc = parse_written(tmp_path, text)
    assert doc.document.date is not None and doc.document.date.isoformat() == day


def test_a_capital_and_a_lower_case_word_are_no_dateline(tmp_path: Path) -> None:
    text = (
        "La cumbre de la OTAN\n\n"
        "MADRID, capital de España, acogerá la cumbre. José Manuel Albares ha señalado que "
        "la cumbre será importante.\n"
    )
    assert parse_written(tmp_path, text).document.date is None
