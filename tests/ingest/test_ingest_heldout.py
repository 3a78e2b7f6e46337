"""Generic reading mechanisms added after the held-out test3 part: good/bad twins.

Each mechanism has a document where it must fire and a twin, alike but for the one thing
that must keep it from firing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from indivisible.ingest._link import link

from ._docs import parse_written, spoken

_parse = parse_written


# --- guillemet quotations ------------------------------------------------------------------

_GUILLEMETS = (
    "Germany calls the OSCE a venue for dialogue\n\n"
    "The OSCE remains a venue for dialogue with Russia, an envoy told reporters.\n\n"
    "«The OSCE remains one of the few organizations where there is dialogue between the "
    "West and Russia», — said Gernot Erler.\n\n"
    "«We have ensured that this conflict is not expanded», — said Erler.\n"
)


def test_guillemet_quotations_are_attributed(tmp_path: Path) -> None:
    doc = _parse(tmp_path, _GUILLEMETS)
    assert doc.document.kind == "news_article"
    assert {s.speaker for s in spoken(doc)} == {"Gernot Erler"}
    assert any(s.text.startswith("The OSCE remains one") for s in doc.statements)


def test_guillemets_without_attribution_name_no_speaker(tmp_path: Path) -> None:
    text = _GUILLEMETS.replace(", — said Gernot Erler", "").replace(", — said Erler", "")
    doc = _parse(tmp_path, text)
    assert "Gernot Erler" not in {s.speaker for s in doc.statements}


# --- a lead-in that names who speaks ---------------------------------------------------------


def test_following_statement_lead_in_names_the_speaker(tmp_path: Path) -> None:
    doc = _parse(
        tmp_path,
        "Minister before his flight\n\n"
        "Foreign Minister Heiko Maas issued the following statement today (6 December):\n\n"
        "A look at the situation shows that we need to talk. The OSCE stands for dialogue.\n",
    )
    assert doc.document.kind == "statement"
    assert {s.speaker for s in doc.statements} == {"Heiko Maas"}
    assert all("following statement" not in s.text for s in doc.statements)


def test_attributable_lead_in_glued_to_the_text(tmp_path: Path) -> None:
    doc = _parse(
        tmp_path,
        "The following is attributable to Spokesperson Ned Price: Deputy Secretary Wendy "
        "Sherman spoke today with the OSCE Secretary General to discuss European security, "
        "and they agreed the OSCE is a critical venue to reduce insecurity in the region.\n",
    )
    assert {s.speaker for s in doc.statements} == {"Ned Price"}
    assert not any("attributable" in s.text for s in doc.statements)


def test_a_readout_gives_the_principal_what_it_reports_of_them(tmp_path: Path) -> None:
    # The spokesperson's statement reports what the Secretary said: his words are his, the
    # account around them the spokesperson's, and no attribution fragment is left over.
    doc = _parse(
        tmp_path,
        "The following is attributable to Spokesperson Jana Lipka: Secretary of State Petr "
        "Orlin spoke by phone yesterday with the OSCE Chair. The Secretary emphasized the "
        "importance of diplomatic engagement in the OSCE. The Secretary said he would "
        "continue to urge Russia to choose the path of diplomacy. The call lasted an hour.\n",
    )
    by = {
        s.speaker: [s.text for s in doc.statements if s.speaker == s_.speaker]
        for s_ in doc.statements
        for s in [s_]
    }
    assert set(by) == {"Jana Lipka", "Petr Orlin"}
    assert any("diplomatic engagement" in t for t in by["Petr Orlin"])
    assert all("diplomatic engagement" not in t for t in by["Jana Lipka"])
    assert all(len(t.split()) >= 3 and "Secretary said" not in t for t in by["Jana Lipka"])
    assert any("The call lasted an hour." in t for t in by["Jana Lipka"])


def test_a_readout_of_what_they_agreed_stays_the_spokespersons(tmp_path: Path) -> None:
    doc = _parse(
        tmp_path,
        "The following is attributable to Spokesperson Jana Lipka: Secretary of State Petr "
        "Orlin spoke by phone yesterday with the OSCE Chair. They emphasized the importance "
        "of diplomatic engagement in the OSCE.\n",
    )
    assert {s.speaker for s in doc.statements} == {"Jana Lipka"}


@pytest.mark.parametrize(
    ("head", "label"),
    [
        ("BZ-INTERVIEW mit dem Russlandbeauftragten Jan Halvar über Nato-Manöver.", "BZ"),
        ("Der neue Botschafter Jan Halvar im Gespräch.", "Die Presse"),
    ],
)
def test_an_outlets_label_asks_the_questions(tmp_path: Path, head: str, label: str) -> None:
    # The paper labels its questions with its initials, which the page names its interview
    # after, or with its name: the journalist asks, the outlet is no speaker.
    doc = _parse(
        tmp_path,
        f"Interview\n\n{head}\n\n{label}: Herr Halvar, wie ernst ist die Lage an der "
        "Grenze?\n\nHalvar: Sehr ernst. Wir sehen jeden Tag gefährliche Situationen.\n",
    )
    assert {(s.speaker, s.role) for s in doc.statements if s.text.endswith("?")} == {
        (None, "journalist")
    }
    assert any((s.speaker or "").endswith("Halvar") for s in doc.statements)


@pytest.mark.parametrize(
    "label",
    ["Jan Halvar (Renew). –", "Jan Halvar, on behalf of the PPE Group. –"],
)
def test_a_members_name_and_group_before_a_dash_is_a_label(tmp_path: Path, label: str) -> None:
    # The European Parliament's verbatim report: the member, the group, a full stop, a dash.
    doc = _parse(
        tmp_path,
        "Intervention en séance plénière sur la situation à la frontière ukrainienne\n\n"
        f"{label} Madame la Présidente, chers collègues, la Russie veut des garanties.\n",
    )
    assert {s.speaker for s in doc.statements} == {"Jan Halvar"}
    assert all(not s.text.startswith("Jan Halvar") for s in doc.statements)


def test_a_name_and_an_aside_in_brackets_is_no_label(tmp_path: Path) -> None:
    doc = _parse(
        tmp_path,
        "Die Lage an der Grenze\n\nJan Halvar (Renew) – der Fraktionschef – sprach am "
        "Montag mit Journalisten über die Lage an der Grenze zur Ukraine.\n",
    )
    assert all(s.role != "Renew" for s in doc.statements)


@pytest.mark.parametrize(("verb", "speaks"), [("delivers remarks", True), ("listens", False)])
def test_a_caption_saying_who_delivers_the_remarks(tmp_path: Path, verb: str, speaks: bool) -> None:
    # The speech's page shows its speaker in a photograph's caption under the title, and
    # its venue on a line of its own (no one's label).
    doc = _parse(
        tmp_path,
        "Marshall Center Alumni Reception\n\n"
        f"Ambassador Jan Halvar {verb} at the Marshall Center Alumni Reception "
        "(State Department Photo)\n\nAthens Acropolis Hotel\n"
        "6:00 p.m. – 7:30 p.m., June 28, 2018\n\n"
        "Thank you very much for the warm welcome and for the opportunity to address you.\n\n"
        "I want to congratulate my counterpart on a historic couple of weeks.\n",
    )
    assert all(s.speaker != "Athens Acropolis Hotel" for s in doc.statements)
    assert ({s.speaker for s in doc.statements} == {"Jan Halvar"}) is speaks


@pytest.mark.parametrize(("who", "his"), [("der Minister", True), ("die Zeitung", False)])
def test_a_description_after_the_verb_stands_for_a_person_only(
    tmp_path: Path, who: str, his: bool
) -> None:
    # "…, sagte der Minister": the minister named before; "…, sagte die Zeitung": the paper
    # said it, no one the page named.
    doc = _parse(
        tmp_path,
        "Nachricht des Tages\n\nBERLIN (dpa) - Verteidigungsminister Jan Halvar hat "
        "zurückhaltend auf die Ankündigung reagiert. Er habe die Rede nicht gehört, sagte "
        f"{who}.\n",
    )
    said = [s for s in doc.statements if "Rede nicht gehört" in s.text]
    assert said and (said[0].speaker == "Jan Halvar") is his


def test_similar_stories_close_the_text(tmp_path: Path) -> None:
    # The clip's page lists other clips' titles under "Similar stories": none is the text.
    body = (
        'HALVAR: "We will never apologize for advancing our interests. The treaty was '
        'violated for years, and that is why we are withdrawing from it."\n\n'
    )
    doc = _parse(
        tmp_path,
        "Halvar on the treaty\n\n"
        + body
        + "Similar stories\nNovak: We’re Seeing a Pattern of ‘Deep Connections’\n"
        "Lipka Battles the Press: ‘There Is No Evidence’ of Collusion\n",
    )
    assert not any("Pattern" in s.text or "Evidence" in s.text for s in doc.statements)
    kept = _parse(
        tmp_path,
        "Halvar on the treaty\n\n" + body + "Similar stories were told by the other "
        "ministers at the meeting, he said.\n",
        "b.txt",
    )
    assert any("Similar stories were told" in s.text for s in kept.statements)


@pytest.mark.parametrize(
    ("title", "who"),
    [
        # an adjective in lower case before the office in the genitive, then the occasion
        (
            "Rede des russischen Ministerpräsidenten Jan Halvar auf der Münchner "
            "Sicherheitskonferenz am 13. Februar 2016",
            "Jan Halvar",
        ),
        ("Vortrag von Jan Halvar am 18. November 2000 in Graz", "Jan Halvar"),
        ("Intervention de M. Jan Halvar, ambassadeur, à l'École militaire", "Halvar"),
        # the twin: a speech about a conference names no speaker
        ("Rede über die Münchner Sicherheitskonferenz am 13. Februar 2016", None),
    ],
)
def test_a_speechs_title_names_its_speaker(tmp_path: Path, title: str, who: str | None) -> None:
    doc = _parse(
        tmp_path,
        f"{title}\n\nSehr geehrte Damen und Herren, ich danke Ihnen für die Einladung. "
        "Wir sind bereit zur Zusammenarbeit.\n",
    )
    speakers = {s.speaker for s in doc.statements}
    if who is None:
        assert speakers == {None}
    else:
        assert len(speakers) == 1 and (speakers.pop() or "").endswith(who)


_REPORT_THEN_TEXT = (
    "{title}\n\n{lead}\n\n{second}\n\n{handing}\n\n"
    "“{first} Rivolgo un saluto a tutti voi.\n\n"
    "Questo Comando ha accompagnato il nostro Paese nella sua appartenenza alla Nato.”\n"
)


@pytest.mark.parametrize(
    ("handing", "who"),
    [
        ("Il discorso integrale di Halvar", "Jan Halvar"),
        ("Jan Halvar delivered a speech at the meeting of the Ministerial Council:", "Jan Halvar"),
        # the twin: a line about the speech's text that hands over to no one
        ("Il discorso integrale è disponibile sul sito", None),
    ],
)
def test_a_report_hands_over_to_the_speech_it_introduces(
    tmp_path: Path, handing: str, who: str | None
) -> None:
    doc = _parse(
        tmp_path,
        _REPORT_THEN_TEXT.format(
            title="Halvar alla Nato",
            lead="Il Presidente della Repubblica, Jan Halvar, è intervenuto oggi alla "
            "celebrazione del 70° anniversario della NATO.",
            second="Al suo arrivo, il Presidente Halvar ha deposto una corona d’alloro.",
            handing=handing,
            first="Ringrazio il Vice Segretario generale per l’accoglienza.",
        ),
    )
    assert {s.speaker for s in doc.statements if "Ringrazio" in s.text} == {who}
    assert doc.document.kind == "speech"


@pytest.mark.parametrize("name_above", [True, False])
def test_an_authors_note_under_their_name(tmp_path: Path, name_above: bool) -> None:
    # The speech's page prints its author's name and a note about them, then the speech:
    # the note is the page's furniture and the words the author's. Without the name on the
    # line above, the same sentence is the text's own.
    note = "Jan Halvar is the founder and former president of the Halvar Foundation."
    header = f"April 14, 2008 3 min read\nJan Halvar\n{note}" if name_above else note
    doc = _parse(
        tmp_path,
        f"The Foundation and Missile Defense\n\n{header}\n\nDelivered March 11, 2008\n\n"
        "Ladies and Gentlemen, welcome to our celebration of the anniversary.\n\n"
        "I'm happy we're joined tonight by so many champions of missile defense.\n",
    )
    assert any(note in s.text for s in doc.statements) is not name_above
    if name_above:
        assert {s.speaker for s in doc.statements} == {"Jan Halvar"}


@pytest.mark.parametrize(
    ("title", "who"),
    [
        ("Ambassador Halvar Statement at the Joint FSC/PC: Request for Consultation", "Halvar"),
        ("Joint Statement at the Meeting of the Permanent Council", None),
    ],
)
def test_a_title_naming_its_speaker_before_the_kind_of_text(
    tmp_path: Path, title: str, who: str | None
) -> None:
    # DCSIMG, a web-analytics tag's image name, is no title; the speaker's name stops
    # before "Statement" (no "Halvar Statement", no "Joint" speaking).
    doc = _parse(
        tmp_path,
        f"DCSIMG\n\n{title}\n\nU.S. Mission to the OSCE - Vienna, Austria\n\n"
        "The United States appreciates your convening of this meeting at our request. "
        "We regret that the need for such a meeting became imperative.\n",
    )
    assert doc.document.title == title
    assert {s.speaker for s in doc.statements} == {who}


_LONG_TITLE = (
    "Statement by the Deputy Head of the Delegation of the Russian Federation at the Second "
    "Session of the Preparatory Committee for the 11th Review Conference of the Parties to "
    "the Treaty on the Non-Proliferation of Nuclear Weapons, Deputy Director of the "
    "Department for Non-Proliferation and Arms Control of the Ministry of Foreign Affairs "
    "of the Russian Federation{who} (Cluster III Specific Issue on Strengthening the Review "
    "Process of the NPT), Geneva, 30 July, 2024"
)


@pytest.mark.parametrize(("who", "speaker"), [(" Mr. Jan Halvar", "Jan Halvar"), ("", None)])
def test_a_long_titles_person_is_the_one_it_gives_an_honorific(
    tmp_path: Path, who: str, speaker: str | None
) -> None:
    # A statement's title of eighty words under a section's abbreviation ("МИД"): its day
    # closes it, its person is the one given "Mr."; without one no person speaks.
    doc = _parse(
        tmp_path,
        f"МИД\n\n{_LONG_TITLE.format(who=who)}\n\nMr. Chairman,\n\n"
        "Russia constructively participated in the activities of the Working Group.\n",
    )
    assert doc.document.date == dt.date(2024, 7, 30)
    assert doc.document.kind == "statement"
    persons = {s.speaker for s in doc.statements}
    assert persons == {speaker} if speaker else "Nuclear Weapons" not in persons


@pytest.mark.parametrize(("who", "speaks"), [("Koenders", True), ("Officials", False)])
def test_a_surname_the_page_gave_with_an_office_closes_a_quotation(
    tmp_path: Path, who: str, speaks: bool
) -> None:
    # A surname closing in -s reads as a plural unless the page gave it with an office.
    doc = _parse(
        tmp_path,
        "Allies united\n\nForeign Minister Koenders looked back on the meeting in Antalya. "
        f'"The allies voiced their concerns about Russia\'s conduct in unison", {who} said.\n',
    )
    said = [s for s in doc.statements if "in unison" in s.text]
    assert said and (said[0].speaker == "Koenders") is speaks


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        ("Remarks at a UN Security Council briefing on threats to peace", "statement"),
        ("Remarks at a press briefing on threats to peace", "press_conference"),
    ],
)
def test_a_titled_name_under_the_title_delivers_it(tmp_path: Path, head: str, kind: str) -> None:
    # "Ambassador Robert Wood" over his office, a place, a day and "AS DELIVERED": he speaks;
    # the Security Council's "briefing" is a meeting, not a press briefing.
    doc = _parse(
        tmp_path,
        f"{head}\nAmbassador Jan Halvar\nDeputy Commissioner for Special Political Affairs\n"
        "New-York, New-York\nMarch 31, 2023\nAS DELIVERED\nThank you Mr President. And I "
        "thank the High Representative for her informative and sobering briefing.\n",
    )
    assert {s.speaker for s in doc.statements} == {"Jan Halvar"}
    assert doc.document.kind == kind


def test_a_members_label_with_a_party_and_a_colon_is_no_dateline(tmp_path: Path) -> None:
    # "New York, 2 August 2022 (TDI): …" is a dateline; "Jan Halvar (Grüne): …" a label.
    doc = _parse(
        tmp_path,
        "Sitzung des Nationalrates\n\nJan Halvar (Grüne): Sehr geehrte Frau Präsidentin! Die "
        "Lage an der Grenze ist ernst.\n\nPetr Novak (ÖVP): Ich danke der Kollegin.\n",
    )
    assert {s.speaker for s in doc.statements} == {"Jan Halvar", "Petr Novak"}
    assert doc.document.date is None


@pytest.mark.parametrize(
    ("lead", "question", "remark"),
    [
        (
            "Wien. Er ist der oberste Friedenswächter: Jan Halvar, Generalsekretär der "
            "Organisation. Der Auftrag ist dem Diplomaten aus der Schweiz Ansporn.",
            "Herr Halvar, die Organisation zählt täglich die Verletzungen der Waffenruhe. Wie "
            "fühlen Sie sich an der Spitze einer solchen Organisation?",
            "Das müssen Sie bitte erklären…",
        ),
        (
            "Grande soddisfazione per l’elezione di Jan Halvar alla presidenza "
            "dell’Assemblea parlamentare.",
            "Presidente Halvar, come si è giunti a questo prestigioso riconoscimento?",
            "Un successo per tutta la nazione, insomma…",
        ),
    ],
)
def test_an_unlabelled_interview_addressing_its_guest_and_a_remark_left_hanging(
    tmp_path: Path, lead: str, question: str, remark: str
) -> None:
    # The first question addresses the guest by a courtesy title or an office; a short
    # remark left hanging ("…") asks for the answer below it; the guest is the one the
    # question addresses, not the first capitalised pair inside the lead.
    doc = _parse(
        tmp_path,
        f"{lead}\n\n{question}\n\nNatürlich kann man dem Anspruch nicht immer gerecht "
        "werden. Wir tun aber einen guten Job.\n\n"
        f"{remark}\n\nSeit Anfang des Jahres haben wir über tausend lokale Waffenruhen "
        "ausgehandelt.\n",
    )
    assert doc.document.kind == "interview"
    assert {s.speaker for s in doc.statements if s.speaker} == {"Jan Halvar"}
    asked = [s.text for s in doc.statements if s.role == "journalist"]
    assert asked == [question, remark]


def test_a_remark_left_hanging_in_a_speech_asks_nothing(tmp_path: Path) -> None:
    doc = _parse(
        tmp_path,
        "Rede von Jan Halvar\n\nPresidente Mattarella, Autorità, signore e signori, "
        "grazie per l’invito.\n\nDie Lage ist ernst. Und doch…\n\nWir haben über tausend "
        "lokale Waffenruhen ausgehandelt.\n\nAber es bleibt viel zu tun…\n\nDie Organisation "
        "wird ihren Auftrag erfüllen.\n",
    )
    assert doc.document.kind != "interview"
    assert not any(s.role == "journalist" for s in doc.statements)


def test_a_french_papers_labels_closed_by_a_full_stop_and_a_dash(tmp_path: Path) -> None:
    # "LE FIGARO. - …?" over "Anders Fogh RASMUSSEN. - …": the paper asks, the guest
    # (surname in capitals) answers.
    doc = _parse(
        tmp_path,
        "La Russie s'en prend à un ennemi inexistant\n\nINTERVIEW - Le secrétaire général Jan "
        "Halvar veut rassurer Moscou.\n\nLE FIGARO. - L'Alliance irrite la Russie avec son "
        "bouclier. Qu'en dites-vous ?\n\nJan HALVAR. - Ce n'est sûrement pas la défense de "
        "l'Alliance qui pousse à la course. Notre système ne vise pas la Russie.\n\n"
        "LE FIGARO. - Et les exercices ?\n\nJan HALVAR. - Ils sont défensifs.\n",
    )
    assert doc.document.kind == "interview"
    # (the name as the label prints it, as "Mr Tiny KOX" stays)
    assert {s.speaker for s in doc.statements if s.speaker} == {"Jan HALVAR"}
    assert [s.role for s in doc.statements if s.speaker is None][-2:] == ["journalist"] * 2


def test_a_dateline_in_capitals_before_a_dash_is_no_label(tmp_path: Path) -> None:
    doc = _parse(
        tmp_path,
        "Le sommet s'ouvre\n\nNEW YORK. - Le secrétaire général Jan Halvar a ouvert le "
        "sommet mardi. « Nous ne visons personne », a-t-il déclaré.\n",
    )
    assert not any(s.speaker and "York" in s.speaker for s in doc.statements)
    assert not any(s.role == "journalist" for s in doc.statements)


@pytest.mark.parametrize("named", [True, False])
def test_a_papers_name_in_capitals_labels_its_questions_when_the_page_names_it(
    tmp_path: Path, named: bool
) -> None:
    # "ÖSTERREICH-Interview mit dem russischen Botschafter …" over "ÖSTERREICH: …?": the
    # paper asks under its own name, however long the name.
    head = "ÖSTERREICH-Interview mit" if named else "Gespräch mit"
    doc = _parse(
        tmp_path,
        f"{head} dem Botschafter Jan Halvar zur Lage in der Ukraine.\n\nÖSTERREICH: Wieder "
        "gibt es Warnungen. Sind die Warnungen berechtigt?\n\nJan Halvar: Das sollten Sie "
        "diejenigen fragen, die diese Kampagne führen.\n\nÖSTERREICH: Wird es Gespräche "
        "geben?\n\nJan Halvar: Wir sind dazu bereit.\n",
    )
    asked = {s.speaker or s.role for s in doc.statements if "berechtigt" in s.text}
    assert (asked == {"journalist"}) is named


def test_an_interview_the_lead_announces_late_in_its_first_paragraph(tmp_path: Path) -> None:
    # "En una entrevista con EL PAÍS …" 650 characters into the lead, over "Pregunta." and
    # "Respuesta." turns: an interview, not a press conference.
    filler = "El conflicto divide a los aliados occidentales, con algunos de ellos dispuestos. " * 7
    doc = _parse(
        tmp_path,
        f"El secretario general Jan Halvar defiende el derecho de Ucrania. {filler}En una "
        "entrevista con EL PAÍS, el secretario general afirma que Rusia es el agresor.\n\n"
        "Pregunta. ¿Estamos en el comienzo de una nueva guerra fría?\n\n"
        "Respuesta. Todos tenemos la responsabilidad de que sea el comienzo de un diálogo.\n",
    )
    assert doc.document.kind == "interview"


@pytest.mark.parametrize(
    ("office", "speaker"),
    [
        # the place the office is held in, glued before the name after "in"
        (
            "the Permanent Representative to the International Organizations in Vienna",
            "Jan HALVAR",
        ),
        # a given name that is also a capital's, with no "in" before it
        ("the Permanent Representative Lima", "Lima Jan HALVAR"),
    ],
)
def test_a_statement_title_in_capitals_with_its_day_after_a_full_stop(
    tmp_path: Path, office: str, speaker: str
) -> None:
    doc = _parse(
        tmp_path,
        f"STATEMENT by {office} Jan HALVAR at the 54th session of the Preparatory "
        "Commission. 25 June 2020.\n\nMadame Chairperson,\n\nAt the outset let me express "
        "my thanks for your efforts. You can count on our support.\n",
    )
    assert doc.document.kind == "statement"
    assert doc.document.date == dt.date(2020, 6, 25)
    assert {s.speaker for s in doc.statements} == {speaker}


@pytest.mark.parametrize("stamp", ["", "Friday, February 26, 2021\n\n"])
def test_the_stamps_of_a_latest_news_list_date_other_stories(tmp_path: Path, stamp: str) -> None:
    # "Latest News" over headlines each with its own stamp: their days are theirs; the
    # page's own stamp, when it prints one, dates it.
    others = "".join(
        f"Other story number {n} about the cricket season Sun, Jan 11, 2026, 06:{n}0 PM\n\n"
        for n in range(1, 5)
    )
    doc = _parse(
        tmp_path,
        f"Russia warns Sweden against joining the alliance\n\n{stamp}New Delhi (IANS) The "
        'spokeswoman said on Friday that Moscow would respond.\n\nJan Halvar said: "We '
        'will respond."\n\nThe ministry did not elaborate.\n\nLatest News\n\n' + others,
    )
    assert doc.document.date == (dt.date(2021, 2, 26) if stamp else None)


@pytest.mark.parametrize(
    ("byline", "speaker"),
    [
        ("Written by: Jan Halvar", "Jan Halvar"),
        ("Authored by Jan Halvar", "Jan Halvar"),
        # a sentence opening so is no byline
        ("Written by the ministry staff, the paper says little.", None),
    ],
)
def test_a_written_by_byline_names_the_author(
    tmp_path: Path, byline: str, speaker: str | None
) -> None:
    doc = _parse(
        tmp_path,
        f"A new security order in Europe\n\n{byline}\n\nRussia's war against Ukraine signals "
        "the collapse of the European security order. Talk of an order under stress is "
        "irrelevant.\n\nThe problem facing European states is how to act now.\n",
    )
    assert {s.speaker for s in doc.statements} == {speaker}


@pytest.mark.parametrize(
    ("dateline", "day"),
    [
        ("Washington (October 19, 2018) –", dt.date(2018, 10, 19)),
        ("Brussels (19 October 2018) –", dt.date(2018, 10, 19)),
        # a bracket without a day is an agency's credit, as before
        ("Washington (Reuters) –", None),
    ],
)
def test_a_press_offices_dateline_with_its_day_in_brackets(
    tmp_path: Path, dateline: str, day: dt.date | None
) -> None:
    doc = _parse(
        tmp_path,
        f"Senator Halvar Statement on Reports\n\n{dateline} Senator Jan Halvar released the "
        "following statement in response to media reports.\n\n“Pulling out of the treaty "
        "plays into Russia’s hands,” said Senator Halvar.\n",
    )
    assert doc.document.date == day
    assert not any(s.text.startswith(dateline[:9]) for s in doc.statements)


@pytest.mark.parametrize(
    ("note", "author"),
    [
        (
            "Jan B. Halvar, the former Deputy Chief of Staff to the Secretary General in "
            "Brussels, is an international consultant.",
            "Jan B. Halvar",
        ),
        # a report's lead of the same shape describes no author's trade
        (
            "Jan B. Halvar, the former Deputy Chief of Staff to the Secretary General in "
            "Brussels, is a candidate for the presidency.",
            None,
        ),
    ],
)
def test_a_commentarys_note_on_its_author_in_the_header(
    tmp_path: Path, note: str, author: str | None
) -> None:
    # The author writes the commentary, not the person its title is about.
    doc = _parse(
        tmp_path,
        f"Don’t Let Vladimir Putin Destroy NATO\n\n8 minute read\n\n{note}\n\nThese are "
        "consequential times for the alliance and its member states. We must act.\n\nThe "
        "summit in Warsaw must bolster those most exposed.\n",
    )
    said = {s.speaker for s in doc.statements if "consequential" in s.text}
    if author:
        assert said == {author}
        assert not any(note[:20] in s.text for s in doc.statements)
    else:
        assert said != {"Jan B. Halvar"}


@pytest.mark.parametrize(
    ("who", "speakers"),
    [
        # two authors, each with an office, the second after ", und"
        (
            "Katja Lipka, Sprecherin für Abrüstungspolitik, und Jan Halvar, Mitglied im "
            "Auswärtigen Ausschuss",
            {"Katja Lipka", "Jan Halvar"},
        ),
        # one author with a committee's office: the committee is no second author
        ("Jan Halvar, Mitglied im Auswärtigen Ausschuss", {"Jan Halvar"}),
    ],
)
def test_a_german_press_releases_lead_in_naming_its_authors(
    tmp_path: Path, who: str, speakers: set[str]
) -> None:
    doc = _parse(
        tmp_path,
        f"Zur Ankündigung, das Abkommen zu verlängern, erklären {who}:\n\n„Die Ankündigung "
        "ist ein wichtiges Zeichen. Das Abkommen dient der Reduzierung strategischer "
        "Waffen.“\n\nJetzt ist Russland aufgefordert, ebenso zu antworten.\n",
    )
    assert {s.speaker for s in doc.statements if "wichtiges Zeichen" in s.text} == speakers


@pytest.mark.parametrize(
    ("label", "name", "role"),
    [
        ("Russischer Botschafter", None, "Russischer Botschafter"),
        ("Jan Halvar", "Jan Halvar", None),
    ],
)
def test_an_office_and_its_adjective_label_no_ones_name(
    label: str, name: str | None, role: str | None
) -> None:
    # "Russischer Botschafter: „…“" is an office, no person's name; a name labels as before.
    from indivisible.ingest._structure import _Context, _resolve

    found = _resolve(label, _Context(None, [], text=label), standalone=False)
    assert found is not None and (found.name, found.role) == (name, role)


@pytest.mark.parametrize(
    ("opening", "label"),
    [
        # where the report was filed, before a colon
        ("United Nations: After a conference to review the treaty failed", False),
        # a name before a colon labels a turn as before
        ("Jan Halvar: After a conference to review the treaty failed", True),
    ],
)
def test_a_place_and_a_colon_opening_a_report(tmp_path: Path, opening: str, label: bool) -> None:
    doc = _parse(
        tmp_path,
        f"Review conference fails\n\n{opening}, the Secretary-General called for talks to "
        "limit the nuclear threat, his spokesperson stated.\n\nUN Spokesperson Piet Lipka "
        "said the Secretary-General was unhappy that states failed to agree.\n",
    )
    speakers = {s.speaker for s in doc.statements}
    assert "United Nations" not in speakers
    assert ("Jan Halvar" in speakers) is label
    # (a report: the spokesperson named in it speaks)
    assert ("Piet Lipka" in speakers) is not label


@pytest.mark.parametrize(
    ("line", "speaker", "role"),
    [
        # a bracket the page left open before Hansard's office and the member in brackets
        (
            "[The Minister for the Armed Forces (Jan Halvar): I can indeed.",
            "Jan Halvar",
            "The Minister for the Armed Forces",
        ),
        # a questioner named in closed brackets stays a questioner
        (
            "[Jan Halvar, Bloomberg News] Thank you. Will the talks go on?",
            "Jan Halvar",
            "journalist",
        ),
    ],
)
def test_an_open_bracket_before_a_members_label(
    tmp_path: Path, line: str, speaker: str, role: str
) -> None:
    doc = _parse(
        tmp_path,
        "Nuclear deterrent\n\nPiet Lipka: Will the Minister assure the House that the "
        f"co-operation we need is not in doubt?\n\n{line}\n\nPiet Lipka: I thank him.\n",
    )
    said = [s for s in doc.statements if s.speaker == speaker]
    assert said and said[0].role == role


def test_a_sentence_about_a_statement_is_no_lead_in(tmp_path: Path) -> None:
    doc = _parse(
        tmp_path,
        "Minister before his flight\n\n"
        "We read the statement that the minister issued this morning with great interest, "
        "and we will answer it in the coming days after consulting our partners.\n",
    )
    assert "Heiko Maas" not in {s.speaker for s in doc.statements}
    assert doc.statements and doc.statements[0].text.startswith("We read the statement")


# --- a body speaking in the third person ------------------------------------------------------

_BODY = (
    "Russia’s build-up of forces around Ukraine remains of grave concern. The EU urges Russia "
    "to de-escalate.\n\n"
    "The EU condemns the shelling of civilian areas. We commend Ukraine’s restraint.\n\n"
    "The EU sees no grounds for allegations of a possible Ukrainian attack.\n"
)


def test_a_body_that_speaks_through_the_text_is_its_speaker(tmp_path: Path) -> None:
    doc = _parse(tmp_path, _BODY)
    assert doc.document.kind == "statement"
    assert {s.speaker for s in doc.statements} == {"European Union"}


def test_a_body_named_once_does_not_speak(tmp_path: Path) -> None:
    text = _BODY.replace("The EU condemns", "Observers condemn").replace(
        "The EU sees", "Nobody sees"
    )
    doc = _parse(tmp_path, text)
    assert "European Union" not in {s.speaker for s in doc.statements}


# --- reported speech makes a report ------------------------------------------------------------


def test_reported_speech_throughout_is_a_news_report(tmp_path: Path) -> None:
    doc = _parse(
        tmp_path,
        "Security Council\n\n8200th Meeting: Report by the OSCE\n\n"
        "Chairperson-in-Office Angelino Alfano said that a crisis of trust had been faced. "
        "There was only one way to rebuild trust, he said.\n\n"
        "No nation was ever secure in isolation, he said, noting that States had a "
        "responsibility for one another's security.\n",
    )
    assert doc.document.kind == "news_article"
    assert [s.speaker for s in doc.statements][:1] == ["Angelino Alfano"]


def test_a_speech_in_the_first_person_stays_a_speech(tmp_path: Path) -> None:
    doc = _parse(
        tmp_path,
        "Remarks on arms control\n\n"
        "I said last year that we need dialogue, and I said it again in Vienna. Our partners "
        "said they agree, and we said we would work with them.\n\n"
        "We will continue.\n",
    )
    assert doc.document.kind != "news_article"


def test_a_hyphenated_title_is_not_part_of_the_name() -> None:
    from indivisible.ingest._names import person_name

    assert person_name("Chairperson-in-Office Angelino Alfano") == (
        "Angelino Alfano",
        "Chairperson-in-Office",
    )
    assert person_name("Ambassador Linda Thomas-Greenfield") == (
        "Linda Thomas-Greenfield",
        "Ambassador",
    )


# --- furniture ---------------------------------------------------------------------------------


def test_a_short_line_in_parentheses_and_a_source_credit_are_furniture(tmp_path: Path) -> None:
    doc = _parse(
        tmp_path,
        "President of Russia Vladimir Putin: Colleagues, good afternoon.\n\n"
        "(A minute of silence.)\n\nThank you. Let us begin.\n\n"
        "Source: Office of the Spokesperson\n",
    )
    texts = " ".join(s.text for s in doc.statements)
    assert "minute of silence" not in texts and "Office of the Spokesperson" not in texts


def test_a_dated_parenthesis_and_a_source_sentence_are_kept(tmp_path: Path) -> None:
    doc = _parse(
        tmp_path,
        "Déclaration du ministre\n\n(Bruxelles, 4 mars 2022)\n\n"
        "We spoke at length. Source: our own records show that the talks were useful.\n",
    )
    assert doc.document.date == dt.date(2022, 3, 4)
    assert any("Source: our own records" in s.text for s in doc.statements)


# --- datelines ----------------------------------------------------------------------------------


def test_a_dateline_with_two_places_or_a_lower_case_agency(tmp_path: Path) -> None:
    doc = _parse(
        tmp_path,
        "Officials praise field operations\n\n"
        "WARSAW/VIENNA, 31 October 2022 – The OSCE is closing two field operations today. "
        "“Both operations were vital,” Chairman Rau said.\n",
    )
    assert doc.document.date == dt.date(2022, 10, 31)
    dpa = _parse(
        tmp_path,
        "Minister seeks dialogue\n\nBerlin (dpa) – “We are ready at any time to talk,” the "
        "minister Annalena Baerbock said on Sunday.\n",
        "dpa.txt",
    )
    assert not any(s.text.startswith("Berlin") for s in dpa.statements)


def test_a_sentence_opening_with_a_place_is_no_dateline(tmp_path: Path) -> None:
    doc = _parse(
        tmp_path,
        "Officials praise field operations\n\n"
        "Warsaw and Vienna agreed in October 2022 – after long talks – to close the missions. "
        "“Both operations were vital,” Chairman Rau said.\n",
    )
    assert doc.document.date is None


# --- answers of a Q/R briefing; names in other languages -----------------------------------------


def test_answer_labels_are_the_spokesperson(tmp_path: Path) -> None:
    doc = _parse(
        tmp_path,
        "Russie - Q&R - Extrait du point de presse (27 janvier 2022)\n\n"
        "Q : Quelles actions la France attend-elle de la Russie ?\n\n"
        "R : Ces réponses posent les paramètres du dialogue, dont l’Acte final d’Helsinki "
        "et la Charte de Paris.\n",
    )
    assert doc.document.kind == "press_conference"
    assert [s.role for s in doc.statements] == ["journalist", "spokesperson"]
    assert set(doc.statements[1].instruments) == {
        "helsinki-final-act-1975",
        "charter-of-paris-1990",
    }


def test_a_word_ending_in_r_is_no_answer_label(tmp_path: Path) -> None:
    doc = _parse(tmp_path, "Q : Une question ?\n\nSur : la sécurité européenne en général.\n")
    assert "spokesperson" not in {s.role for s in doc.statements}


def test_apostrophes_do_not_split_a_name() -> None:
    assert link("l’Acte final d’Helsinki", None).instruments == ("helsinki-final-act-1975",)
    assert link("l'Acte final d'Helsinki", None).instruments == ("helsinki-final-act-1975",)
    assert link("l’Acte final de l’OTAN", None).instruments == ()


# --- press conferences by their labels and titles --------------------------------------------


def test_a_moderator_label_makes_a_press_conference(tmp_path: Path) -> None:
    doc = _parse(
        tmp_path,
        "MODERATOR:  Good afternoon, and welcome to today's briefing.\n\n"
        "AMBASSADOR CARPENTER:  Thank you. The OSCE is a critical forum for dialogue.\n",
    )
    assert doc.document.kind == "press_conference"
    chair = _parse(
        tmp_path,
        "CHAIRMAN:  The meeting is open.\n\n"
        "AMBASSADOR CARPENTER:  Thank you. The OSCE is a critical forum for dialogue.\n",
        "chair.txt",
    )
    assert chair.document.kind == "transcript"


def test_media_questions_in_the_title_make_a_press_conference(tmp_path: Path) -> None:
    text = (
        "Vladimir Putin answered media questions\n\n"
        "Pavel Zarubin: What do you expect from the West now?\n\n"
        "Vladimir Putin: We expect an answer to our proposals.\n"
    )
    assert _parse(tmp_path, text).document.kind == "press_conference"
    other = text.replace("answered media questions", "met the Security Council")
    assert _parse(tmp_path, other, "b.txt").document.kind == "transcript"


# --- who a report attributes speech to -----------------------------------------------------------


def test_an_unnamed_delegate_speaks_as_the_representative_of_a_country(tmp_path: Path) -> None:
    text = (
        "Council hears the OSCE Chair\n\n"
        "Chairperson-in-Office Angelino Alfano said that trust had to be rebuilt. He said "
        "dialogue was the only way.\n\n"
        "The representative of the Russian Federation said that some States still saw his "
        "country as a threat.\n"
    )
    doc = _parse(tmp_path, text)
    assert doc.document.kind == "news_article"
    assert doc.statements[-1].role == "representative of the Russian Federation"
    assert doc.statements[-1].speaker is None
    other = _parse(tmp_path, text.replace("The representative of", "Many in"), "b.txt")
    assert all(s.role != "representative of the Russian Federation" for s in other.statements)


def test_a_headline_names_whom_the_lead_describes(tmp_path: Path) -> None:
    text = (
        "EU backs a security arrangement, says Josep Borrell\n\n"
        "The EU will engage with both the US and NATO on European security, the bloc’s "
        "foreign policy chief said on Wednesday.\n"
    )
    doc = _parse(tmp_path, text)
    assert [s.speaker for s in doc.statements] == ["Josep Borrell"]
    assert set(doc.statements[0].organisations) >= {"eu", "nato"}
    plain = _parse(tmp_path, text.replace(", says Josep Borrell", ""), "b.txt")
    assert "Josep Borrell" not in {s.speaker for s in plain.statements}


# --- a listing's furniture around a document -------------------------------------------------


def test_truncated_heading_slug_copy_and_closing_prompt_are_furniture(tmp_path: Path) -> None:
    doc = _parse(
        tmp_path,
        "Documents\n\nTREATY BETWEEN THE UNITED STATES OF …\n\n"
        "TREATY ON MEASURES FOR THE REDUCTION OF ARMS. The Parties, believing that global "
        "challenges require new approaches, have agreed as follows.\n\n"
        "treaty on measures for the reduction of arms\n\n"
        "Please notify us if you found a problem with this document:\n",
    )
    texts = [s.text for s in doc.statements]
    assert not any(t.startswith(("TREATY BETWEEN", "treaty on", "Please notify")) for t in texts)


def test_an_unfinished_sentence_and_a_prompt_mid_text_are_kept(tmp_path: Path) -> None:
    doc = _parse(
        tmp_path,
        "Vladimir Putin: We will see what they answer, and then …\n\n"
        "Question: What will you do if they refuse?\n\n"
        "Vladimir Putin: Let me put it this way:\n\n"
        "we will take measures.\n",
    )
    texts = " ".join(s.text for s in doc.statements)
    assert "and then …" in texts and "Let me put it this way" in texts


def test_a_lead_description_is_the_person_named_next(tmp_path: Path) -> None:
    text = (
        "In progress\n\n"
        "NEW YORK, March 10 – The OSCE has a moral obligation to support the people of "
        "Ukraine, the Head of that regional group told the Security Council today, "
        "warning that “we will be judged by the way we respond”.\n\n"
        "Zbigniew Rau, Minister for Foreign Affairs of Poland, made the remarks during the "
        "Council’s annual meeting.\n"
    )
    doc = _parse(tmp_path, text)
    assert doc.statements[0].speaker == "Zbigniew Rau"
    assert "osce" in doc.statements[0].organisations
    # A participle opening is how the speaker acted, not what was said.
    urging = _parse(
        tmp_path,
        text.replace(
            "– The OSCE has a moral obligation to support the people of Ukraine, the Head",
            "– Urging support for the people of Ukraine and the OSCE, the Head",
        ),
        "b.txt",
    )
    assert not any(s.text.startswith("Urging") for s in spoken(urging))


def test_a_statement_quoted_as_the_statement_is_its_authors(tmp_path: Path) -> None:
    text = (
        "EU ready to respond - Borrell\n\n"
        "BRUSSELS, December 22 – “Europe's security is under threat,” Josep Borrell said.\n\n"
        "“Any real discussion on security must build on OSCE and UN commitments,” the "
        "statement said.\n"
    )
    doc = _parse(tmp_path, text)
    assert [s.speaker for s in doc.statements] == ["Josep Borrell", "Josep Borrell"]
    assert set(doc.statements[1].organisations) == {"osce", "un"}
    crowd = _parse(tmp_path, text.replace("the statement said", "the crowd chanted"), "b.txt")
    assert len(spoken(crowd)) == 1


def test_titles_with_to_and_headline_verbs_in_names() -> None:
    from indivisible.ingest._names import person_name
    from indivisible.ingest._parse import _reported

    found = _reported(
        "US Ambassador to the United Nations Linda Thomas-Greenfield confirmed that the "
        "mission had requested an open UN Security Council meeting.",
        "",
        None,
        [],
    )
    assert found is not None and found[0].name == "Linda Thomas-Greenfield"
    assert person_name("Russian Federation Minister Says West Undermines Principles") is None
    assert person_name("Serial Violator of Rules-Based World Order") is None


# --- round 6: page furniture by its form -------------------------------------------------------


def test_a_comment_section_ends_the_article(tmp_path: Path) -> None:
    text = (
        "NATO proposes talks\n\n"
        "MOSCOW, Jan 5 – “We have many topics to discuss with Russia,” Jens Stoltenberg said.\n\n"
        "“The ball is now on the side of Russia,” he said.\n\n"
        "Leave a Comment\n\nAuthor: Steve Cowan\n\nFunction: Chief-Editor\n\n"
        "If you have found a spelling error, please notify us by pressing Ctrl+Enter.\n"
    )
    doc = _parse(tmp_path, text)
    assert doc.document.kind == "news_article"
    assert {s.speaker for s in doc.statements} == {"Jens Stoltenberg"}
    early = _parse(tmp_path, "Leave a Comment\n\n" + text.split("Leave a Comment")[0], "b.txt")
    assert len(early.statements) == 2  # at the top it closes nothing


def test_a_run_of_short_menu_lines_is_furniture_and_its_last_line_the_title(
    tmp_path: Path,
) -> None:
    doc = _parse(
        tmp_path,
        "uz sākumu\n\nIzvērstā meklēšana\n\nAutorizēties savā kontā\n\nTREATY ON OPEN SKIES\n\n"
        "The States concluding this Treaty, hereinafter referred to collectively as the States "
        "Parties, wishing to create an Open Skies regime, have agreed as follows:\n",
    )
    assert doc.document.kind == "treaty_text"
    assert doc.document.title == "TREATY ON OPEN SKIES"
    assert not any("meklēšana" in s.text for s in doc.statements)
    assert all("open-skies-1992" not in s.instruments for s in doc.statements)
    two = _parse(
        tmp_path,
        "Arms control talks\n\nKey results\n\nThe OSCE participating States met today in "
        "Vienna and agreed to continue the structured dialogue on military transparency.\n",
        "b.txt",
    )
    assert two.document.title == "Arms control talks"  # two short lines are no menu


def test_a_pipe_separated_byline_gives_the_creation_day(tmp_path: Path) -> None:
    text = (
        "NATO still waiting, Stoltenberg says\n\n"
        "Reuters | Brussels | Updated: 16-02-2022 18:13 IST | Created: 15-02-2022 17:57 IST\n\n"
        "NATO is still waiting for a Russian response to its proposals, Secretary-General "
        "Jens Stoltenberg said on Tuesday.\n"
    )
    doc = _parse(tmp_path, text)
    assert doc.document.date == dt.date(2022, 2, 15)
    assert doc.statements[0].text.startswith("NATO is still waiting")
    assert "nato" in doc.statements[0].organisations
    updated = _parse(tmp_path, text.replace(" | Created: 15-02-2022 17:57 IST", ""), "b.txt")
    assert updated.document.date is None


def test_a_name_above_he_said_is_a_caption(tmp_path: Path) -> None:
    text = (
        "NATO conveys written proposals\n\n"
        "Secretary General Jens Stoltenberg confirmed on Wednesday that NATO has conveyed its "
        "proposals, and said Allies are ready.\n\n"
        "NATO Secretary General Jens Stoltenberg\n\n"
        "He said that Allies are ready to meet in the NATO-Russia Council “as soon as "
        "possible” to address these issues.\n"
    )
    doc = _parse(tmp_path, text)
    assert doc.document.kind == "news_article"
    assert "nato-russia-council" in doc.statements[-1].organisations
    labelled = _parse(
        tmp_path,
        "NATO conveys written proposals\n\nNATO Secretary General Jens Stoltenberg\n\n"
        "We are ready to meet in the NATO-Russia Council as soon as possible.\n",
        "b.txt",
    )
    assert [s.speaker for s in labelled.statements] == ["Jens Stoltenberg"]


def test_descriptive_astana_declaration() -> None:
    assert link("since the Astana jubilee declaration", None).instruments == (
        "astana-declaration-2010",
    )
    assert link("in Astana, a declaration of intent was signed", None).instruments == ()


def test_a_dateline_keeps_a_report_about_a_body_a_report(tmp_path: Path) -> None:
    body = (
        "NATO is ready to talk. NATO has sent its proposals, Jens Stoltenberg said.\n\n"
        "NATO will meet again in February, officials said.\n"
    )
    with_dateline = _parse(tmp_path, "NATO proposals\n\nBRUSSELS, Jan 26 – " + body)
    assert with_dateline.document.kind == "news_article"
    plain = _parse(
        tmp_path,
        "NATO proposals\n\n"
        + body.replace(", Jens Stoltenberg said", "").replace(", officials said", ""),
        "b.txt",
    )
    assert plain.document.kind == "statement"


def test_a_credit_after_a_quoted_fragment_is_not_the_clause(tmp_path: Path) -> None:
    doc = _parse(
        tmp_path,
        "BERLIN, Jan 18 – Stoltenberg said that NATO will send its proposals “as soon as "
        "possible” to Moscow (Reporting by Sabine Siebold, editing by Kirsti Knolle).\n\n"
        "“We will soon convey our written proposals,” Stoltenberg said.\n",
    )
    assert doc.statements[0].text.startswith("NATO will send")
    assert all("Reporting by" not in s.text for s in doc.statements)


def test_short_lines_of_a_hard_wrapped_text_are_no_menu(tmp_path: Path) -> None:
    doc = _parse(
        tmp_path,
        "Treaty\nbetween the Parties on the Reduction of Arms\nThe\nParties,\n"
        "Conscious\nthat nuclear war would have devastating consequences,\nConvinced\n"
        "that the measures will help to reduce the risk,\nHave\nagreed as follows:\n"
        "ARTICLE\nI\nEach\nParty shall reduce its arms.\n",
    )
    assert any("Conscious" in s.text or "ARTICLE" in s.text for s in doc.statements)


# --- round 7: numbered statements of a body; an outlet's interview -----------------------------


def test_a_numbered_statement_of_a_body(tmp_path: Path) -> None:
    text = (
        "1. Mr. Chair, we applaud your decision to focus today’s agenda on the war. This is no "
        "time for business as usual.\n"
        "2. The EU resolutely supports Ukraine’s right of self-defence under the UN Charter.\n"
    )
    doc = _parse(tmp_path, text)
    assert doc.document.kind == "statement"
    assert {s.speaker for s in doc.statements} == {"European Union"}
    other = _parse(tmp_path, text.replace("The EU resolutely", "Many resolutely"), "b.txt")
    assert "European Union" not in {s.speaker for s in other.statements}


def test_an_outlet_label_is_the_interviewer(tmp_path: Path) -> None:
    text = (
        "Arms Control Today conducted a written interview in March with Anatoly Antonov, "
        "Russian ambassador to the United States, on strategic stability and New START.\n"
        "Arms Control Today: What issues were discussed in the recent talks in Vienna?\n"
        "Amb. Anatoly Antonov: It is crucial to maintain the strategic stability dialogue.\n"
    )
    doc = _parse(tmp_path, text)
    assert doc.document.kind == "interview"
    assert "journalist" in {s.role for s in doc.statements}
    assert doc.statements[-1].speaker == "Anatoly Antonov"
    panel = _parse(tmp_path, text.replace("Arms Control Today:", "Arms Control Panel:"), "b.txt")
    assert "journalist" not in {s.role for s in panel.statements}


# --- round 8 -------------------------------------------------------------------------------------


def test_a_page_field_with_a_bulleted_value_is_furniture(tmp_path: Path) -> None:
    text = (
        "Secretary Blinken at a Press Availability\n\nJanuary 21, 2022\n\n"
        "Related Country: \n\n  • Russia\n\n"
        "SECRETARY BLINKEN:  Good afternoon. We finished our meeting a short while ago.\n\n"
        "QUESTION:  Thank you. Will your written answers be different on NATO expansion?\n"
    )
    doc = _parse(tmp_path, text)
    assert all(s.text.strip("• ") != "Russia" for s in doc.statements)
    assert "country" not in {(s.speaker or s.role or "").lower() for s in doc.statements}
    kept = _parse(tmp_path, text.replace("  • Russia", "Russia is the country."), "b.txt")
    assert any("Russia is the country" in s.text for s in kept.statements)


def test_described_speakers_and_reported_phrases(tmp_path: Path) -> None:
    text = (
        "Lavrov says NATO will answer\n\n"
        "MOSCOW, Jan 13 – “The Americans promised us to do their best,” Sergey Lavrov said.\n\n"
        "The top official stressed that the Russia-NATO Council held in Brussels was "
        "business-like.\n\n"
        "In addition, Lavrov expressed his readiness to support the dialogue with NATO.\n"
    )
    doc = _parse(tmp_path, text)
    assert [s.speaker for s in doc.statements] == ["Sergei Lavrov"] * 3  # the record's name
    assert "nato-russia-council" in doc.statements[1].organisations
    plain = _parse(tmp_path, text.replace("The top official stressed that", "Reportedly,"), "b.txt")
    assert len(spoken(plain)) == 2


def test_helsinki_principles_are_the_final_acts() -> None:
    assert link("to uphold the Helsinki principles in full", None).instruments == (
        "helsinki-final-act-1975",
    )
    assert link("the principles agreed in Helsinki hotels", None).instruments == ()


# --- round 9: official layouts ----------------------------------------------------------------

_INTERVIEW = (
    "Transcript of the interview of the Minister V.Makei to the TV channel “Belarus 1”\n\n"
    '"Belarus 1": Good evening. What will you tell the OSCE about the Vienna Document?\n\n'
    "V.Makei: We remain committed to the Vienna Document and to dialogue in the OSCE.\n\n"
    '"Belarus 1": And NATO?\n\n'
    "V.Makei: We are ready to talk to NATO on confidence-building measures.\n"
)


def test_a_quoted_outlet_label_asks_and_a_glued_initial_answers(tmp_path: Path) -> None:
    doc = _parse(tmp_path, _INTERVIEW)
    assert doc.document.kind == "interview"
    roles = {(s.speaker, s.role) for s in doc.statements}
    assert (None, "journalist") in roles
    assert any(s.speaker == "V. Makei" for s in doc.statements)


def test_a_quoted_pull_quote_is_no_label(tmp_path: Path) -> None:
    text = (
        "Peskov: relations with NATO have reached the limit\n\n"
        "Relations between Russia and NATO have reached a limit, Dmitry Peskov said.\n\n"
        "“Russia's patience has come to an end”\n\n"
        "Moscow is waiting for answers from Washington and Brussels, Sergei Lavrov said.\n"
    )
    doc = _parse(tmp_path, text)
    assert all(s.role != "journalist" for s in doc.statements)


_ADDRESS = (
    "Address by Minister Dion to the OSCE Ministerial Council\n\n"
    "December 8, 2016 - Hamburg, Germany\n\n"
    "Check against delivery. This speech has been translated in accordance with the "
    "official languages policy.\n\n"
    "We meet in uncertain times. I will focus on the Helsinki Final Act and on arms control "
    "in the OSCE.\n\n"
    "We regret Russia’s suspension of the Treaty on Conventional Armed Forces in Europe.\n"
)


def test_a_title_naming_the_speaker_makes_a_speech_not_a_report(tmp_path: Path) -> None:
    doc = _parse(tmp_path, _ADDRESS)
    assert doc.document.kind == "speech"
    assert {s.speaker for s in doc.statements} == {"Dion"}
    assert all("Check against delivery" not in s.text for s in doc.statements)
    assert doc.document.date == dt.date(2016, 12, 8)


def test_a_reporters_byline_still_makes_a_report(tmp_path: Path) -> None:
    text = (
        "By Jane Smith\n\n"
        "Russia is ready to talk to NATO, Foreign Minister Sergei Lavrov said on Tuesday.\n\n"
        "“We expect concrete answers,” Lavrov said. “Our patience has limits.”\n\n"
        "NATO Secretary General Jens Stoltenberg said the alliance would respond in writing.\n"
    )
    assert _parse(tmp_path, text).document.kind == "news_article"


def test_a_statement_by_a_delegation_names_it(tmp_path: Path) -> None:
    text = (
        "Statement by the delegation of Belarus at the Meeting convened by the OSCE "
        "Chairmanship-in-Office\n\n"
        "Vienna, February 14, 2022\n\n"
        "Participation of the Belarusian delegation in this meeting should not be construed as "
        "support for the mechanism of Chapter III of the Vienna Document.\n\n"
        "The military activities in question are planned exercises of the Union State.\n"
    )
    doc = _parse(tmp_path, text)
    assert doc.document.kind == "statement"
    assert {s.speaker for s in doc.statements} == {"Delegation of Belarus"}


def test_a_statement_about_a_delegation_does_not_make_it_speak(tmp_path: Path) -> None:
    text = (
        "Statement on the proposals of the delegation of Belarus\n\n"
        "Vienna, February 14, 2022\n\n"
        "Mr. Chairperson,\n\n"
        "We have studied the proposals of the delegation of Belarus on the Vienna Document.\n"
    )
    doc = _parse(tmp_path, text)
    assert all(s.speaker != "Delegation of Belarus" for s in doc.statements)


_RESOLUTION = (
    "NATO Parliamentary Assembly\n\n"
    "Presented by the Political Committee and adopted by the Plenary Assembly on Tuesday "
    "18 November 2008, Valencia, Spain.\n\n"
    "The Assembly,\n\n"
    "1. Stressing the positive impact of NATO’s partnerships;\n\n"
    "2. Urges member governments and the Russian Federation to respect the OSCE "
    "commitments;\n"
)


def test_a_resolution_speaks_as_its_assembly_on_its_adoption_day(tmp_path: Path) -> None:
    doc = _parse(tmp_path, _RESOLUTION)
    assert doc.document.date == dt.date(2008, 11, 18)
    assert doc.document.kind == "statement"
    assert {s.speaker for s in doc.statements} == {"Assembly"}
    assert all("adopted by the Plenary" not in s.text for s in doc.statements)


def test_a_sentence_about_adoption_in_the_body_is_kept(tmp_path: Path) -> None:
    text = (
        "Statement by the United States at the OSCE\n\n"
        "Mr. Chair,\n\n"
        "The Vienna Document was adopted by the Forum on 30 November 2011, and we remain "
        "committed to it.\n"
    )
    doc = _parse(tmp_path, text)
    assert doc.document.date is None
    assert any("adopted by the Forum" in s.text for s in doc.statements)


_STANDFIRST_TEXT = (
    "UK statement to the OSCE Forum for Security Co-operation\n\n"
    "Politico-Military Counsellor, Ankur Narayan, thanks Denmark as the incoming Chair of the "
    "Forum.\n\n"
    "Thank you, Mr Chair. You can count on our full support. We welcome Denmark’s agenda.\n\n"
    "We have met in the Forum each week to hold Russia accountable for its violations of the "
    "Helsinki Final Act.\n"
)


def test_a_present_tense_standfirst_names_the_speaker(tmp_path: Path) -> None:
    doc = _parse(tmp_path, _STANDFIRST_TEXT)
    assert {s.speaker for s in doc.statements} == {"Ankur Narayan"}
    assert all("thanks Denmark" not in s.text for s in doc.statements)


def test_a_news_lead_in_the_present_over_reported_speech_is_no_standfirst(
    tmp_path: Path,
) -> None:
    text = (
        "NATO and Russia meet in Brussels\n\n"
        "Foreign Minister Sergei Lavrov says Russia expects concrete answers.\n\n"
        "The alliance said it would answer in writing, officials said on Wednesday.\n\n"
        "Diplomats said the talks would continue in Vienna at the OSCE next week.\n"
    )
    doc = _parse(tmp_path, text)
    assert any("Lavrov says" in s.text for s in doc.statements) or doc.document.kind == (
        "news_article"
    )
    assert all(s.speaker != "Sergei Lavrov" or "says" not in s.text for s in doc.statements)


def test_a_title_naming_a_group_by_its_short_name_makes_it_speak(tmp_path: Path) -> None:
    text = (
        "P5 Statement On Preventing Nuclear War and Avoiding Arms Races\n\n"
        "January 3, 2022\n\n"
        "France, China, Russia, the United Kingdom and the United States consider the avoidance "
        "of war our foremost responsibility.\n\n"
        "We remain committed to our Treaty on the Non-Proliferation of Nuclear Weapons "
        "obligations.\n"
    )
    doc = _parse(tmp_path, text)
    assert {s.speaker for s in doc.statements} == {"P5"}


def test_a_press_or_joint_statement_title_names_nobody(tmp_path: Path) -> None:
    for head in ("Press Statement on the Vienna Document", "Joint Statement on the OSCE"):
        text = (
            f"{head}\n\nJanuary 3, 2022\n\nWe remain committed to the Vienna Document and to "
            "the OSCE.\n\nWe call on all participating States to implement it.\n"
        )
        doc = _parse(tmp_path, text)
        assert all(s.speaker not in ("Press", "Joint") for s in doc.statements)


# --- rounds 9 and 10: news and briefing layouts -------------------------------------------------


def test_a_capitals_place_and_agency_before_a_colon_is_a_dateline(tmp_path: Path) -> None:
    text = (
        "US hails dialogue at the OSCE\n\n"
        "WASHINGTON DC (TASS): The main outcome of the OSCE meeting was a dialogue on European "
        "security, US Ambassador Michael Carpenter said on Thursday.\n\n"
        "“We are ready to continue the dialogue in Vienna,” Carpenter said.\n"
    )
    doc = _parse(tmp_path, text)
    assert doc.document.kind == "news_article"
    assert "Michael Carpenter" in {s.speaker for s in doc.statements}
    assert all((s.speaker or "").lower() != "washington dc" for s in doc.statements)


def test_a_name_and_role_in_parentheses_before_a_colon_is_still_a_label(tmp_path: Path) -> None:
    text = (
        "Press briefing\n\n"
        "MODERATOR: Good afternoon.\n\n"
        "Ned Price (Spokesperson): We remain committed to the OSCE and to dialogue.\n\n"
        "QUESTION: Will you meet Russia at NATO?\n\n"
        "Ned Price (Spokesperson): We will meet at the NATO-Russia Council.\n"
    )
    doc = _parse(tmp_path, text)
    assert "Ned Price" in {s.speaker for s in doc.statements}


def test_a_donation_box_closing_the_page_is_furniture(tmp_path: Path) -> None:
    text = (
        "NATO chief accuses Russia over INF\n\n"
        "Russia's deployment of new missiles is jeopardizing the INF Treaty, NATO Secretary "
        "General Jens Stoltenberg said on Tuesday.\n\n"
        "“We call on Russia to comply with the INF treaty,” he added.\n\n"
        "Officials said allies would discuss the issue in Brussels.\n\n"
        "A Message from The Moscow Times:\n\n"
        "Dear readers,\n\n"
        "We are facing unprecedented challenges and we need your help.\n\n"
        "Remind me later.\n"
    )
    doc = _parse(tmp_path, text)
    assert all("your help" not in s.text and "Dear readers" not in s.text for s in doc.statements)
    assert "Jens Stoltenberg" in {s.speaker for s in doc.statements}


def test_dear_readers_opening_a_letter_is_kept(tmp_path: Path) -> None:
    text = (
        "Dear readers,\n\n"
        "We remain committed to reporting on the OSCE and on European security.\n\n"
        "We thank you for reading us.\n"
    )
    doc = _parse(tmp_path, text)
    assert any("reporting on the OSCE" in s.text for s in doc.statements)


def test_a_statement_delivered_by_line_names_speaker_and_day(tmp_path: Path) -> None:
    text = (
        "UN Security Council: Briefing by the Chairperson-in-Office of the OSCE\n\n"
        "Ministry Statements & Speeches:\n\n"
        "Statement delivered by Carolyn Schwalger, Deputy Permanent Representative to the "
        "United Nations, 24 February 2015.\n\n"
        "We commend the Chairperson-in-Office for his efforts to strengthen the OSCE.\n\n"
        "We support the OSCE's engagement in Ukraine.\n"
    )
    doc = _parse(tmp_path, text)
    assert doc.document.date == dt.date(2015, 2, 24)
    assert doc.document.kind == "statement"
    assert {s.speaker for s in doc.statements} == {"Carolyn Schwalger"}
    assert all("Statements & Speeches" not in s.text for s in doc.statements)


def test_a_sentence_ending_in_a_date_is_no_byline(tmp_path: Path) -> None:
    text = (
        "Statement on the Vienna Document\n\n"
        "Mr. Chairperson,\n\n"
        "By our count, the exercise was notified late, on 24 February 2015.\n\n"
        "We call on all participating States to implement the Vienna Document.\n"
    )
    doc = _parse(tmp_path, text)
    assert any("By our count" in s.text for s in doc.statements)


def test_a_capitals_honorific_label_and_a_label_glued_to_its_words(tmp_path: Path) -> None:
    text = (
        "Press briefing by Robert Gibbs\n\n"
        "MR. GIBBS: We have reached agreement on the New START treaty text.\n\n"
        "Q: When will it be signed?\n\n"
        "MR. GIBBS: In Prague, next month.\n"
    )
    doc = _parse(tmp_path, text)
    assert any(s.speaker and "Gibbs" in s.speaker for s in doc.statements)
    glued = "Live updates\n\nStoltenberg:The NATO–Russia Council had a serious exchange.\n"
    doc = _parse(tmp_path, glued + "\nGrushko: We will answer with counter-containment.\n")
    assert any(s.speaker and "Stoltenberg" in s.speaker for s in doc.statements)
    note = "Note:the figures are provisional and the OSCE will publish them.\n"
    doc = _parse(tmp_path, "Figures\n\n" + note + "\nThe OSCE counted 100 monitors.\n")
    assert all((s.speaker or "") != "Note" for s in doc.statements)


def test_a_dash_led_item_of_reported_speech_keeps_its_speaker(tmp_path: Path) -> None:
    text = (
        "US-Russian security talks: what we know\n\n"
        "GENEVA, Jan 10 (Reuters) - Russian and US diplomats met in Geneva on Monday.\n\n"
        "– Wendy Sherman said the United States would not let anyone close NATO's open door "
        "policy.\n\n"
        "– Sergei Ryabkov said he had assured the Americans that Russia had no plans to "
        "invade.\n"
    )
    doc = _parse(tmp_path, text)
    assert {"Wendy Sherman", "Sergei Ryabkov"} <= {s.speaker for s in doc.statements}
    assert "nato" in {o for s in doc.statements for o in s.organisations}


def test_when_between_subject_and_verb_and_a_titled_surname(tmp_path: Path) -> None:
    text = (
        "UN chief urges New START return\n\n"
        "UNITED NATIONS, Feb. 21 (Xinhua) -- Secretary-General Antonio Guterres on Tuesday "
        "called on the United States and Russia to resume the full implementation of the New "
        "Strategic Arms Reduction Treaty (New START).\n\n"
        "Russian Foreign Minister Sergei Lavrov met Swiss Foreign Minister Ignazio Cassis in "
        "Moscow.\n\n"
        "Swiss Foreign Minister Cassis expressed his desire to restore the OSCE's dialogue with "
        "Russia.\n\n"
        "“We will keep working on it,” a spokesman said.\n"
    )
    doc = _parse(tmp_path, text)
    assert doc.document.kind == "news_article"
    speakers = {s.speaker for s in doc.statements}
    assert {"Antonio Guterres", "Ignazio Cassis"} <= speakers
    assert {i for s in doc.statements for i in s.instruments} == {"new-start-2010"}


def test_a_titled_surname_nobody_named_before_is_not_made_up(tmp_path: Path) -> None:
    text = (
        "Switzerland seeks OSCE dialogue with Russia\n\n"
        "MOSCOW, Feb. 6 (TASS) -- Russia and Switzerland held talks on the OSCE.\n\n"
        "Swiss Foreign Minister Cassis expressed his desire to restore the OSCE's dialogue with "
        "Russia.\n\n"
        "“We will keep working on it,” a spokesman said.\n"
    )
    doc = _parse(tmp_path, text)
    assert doc.document.kind == "news_article"
    assert all(s.speaker != "Ignazio Cassis" for s in doc.statements)


def test_an_outlet_label_asks_as_a_journalist(tmp_path: Path) -> None:
    text = (
        "Regular press conference of the Foreign Ministry spokesperson\n\n"
        "ABC Spanish Daily Newspaper: Will China join the OSCE talks?\n\n"
        "Wang Wenbin: We hope all parties respect the principle of indivisible security.\n"
    )
    doc = _parse(tmp_path, text)
    roles = {(s.speaker, s.role) for s in doc.statements}
    assert (None, "journalist") in roles
    assert all(s.speaker != "Newspaper" for s in doc.statements)


def test_an_unlabelled_question_before_a_labelled_answer_is_the_interviewers(
    tmp_path: Path,
) -> None:
    text = (
        "Interview of Ambassador Alexander Grushko to the newspaper Izvestiya\n\n"
        "The NATO-Russia Council met. Is there any progress in the relations?\n\n"
        "Alexander Grushko: We can hardly talk about any progress with NATO.\n\n"
        "Russia has never shied away from dialogue in the OSCE.\n\n"
        "What about the Vienna Document?\n\n"
        "Alexander Grushko: We are ready to discuss it.\n"
    )
    doc = _parse(tmp_path, text)
    asked = [s.text for s in doc.statements if s.role == "journalist"]
    assert asked == [
        "The NATO-Russia Council met. Is there any progress in the relations?",
        "What about the Vienna Document?",
    ]


def test_a_question_closing_an_answer_before_a_reporters_label_stays_the_speakers(
    tmp_path: Path,
) -> None:
    text = (
        "Press conference by Ned Price\n\n"
        "MODERATOR: Good afternoon.\n\n"
        "Ned Price: We remain committed to the OSCE. Why would we leave it?\n\n"
        "QUESTION: Will you meet Russia at NATO?\n\n"
        "Ned Price: We will meet at the NATO-Russia Council.\n"
    )
    doc = _parse(tmp_path, text)
    assert any(s.speaker == "Ned Price" and "Why would we" in s.text for s in doc.statements)


# --- round 11 -----------------------------------------------------------------------------------


def test_dash_marked_questions_and_answers_and_a_short_dated_title(tmp_path: Path) -> None:
    text = (
        "INF Treaty - Q&A - Excerpts from the daily press briefing (24.01.19)\n\n"
        "Q – Did the French military attaché attend the briefing on the 9M729 missile?\n\n"
        "A – We believe that verification measures are required under the INF treaty.\n"
    )
    doc = _parse(tmp_path, text)
    assert doc.document.date == dt.date(2019, 1, 24)
    roles = {s.role for s in doc.statements}
    assert {"journalist", "spokesperson"} <= roles
    assert all(not s.text.startswith(("A –", "Q –")) for s in doc.statements)


def test_a_sentence_opening_with_a_capital_and_a_dash_is_no_label(tmp_path: Path) -> None:
    text = (
        "Statement on the OSCE\n\n"
        "Mr. Chair,\n\n"
        "A – and this is essential – the OSCE remains our common platform for dialogue.\n"
    )
    doc = _parse(tmp_path, text)
    assert all(s.role != "spokesperson" for s in doc.statements)


def test_excerpts_from_a_statement_by_an_ambassador(tmp_path: Path) -> None:
    title = (
        "Excerpts from the statement by a Russian Permanent Representative to the UN Office in "
        "Geneva, Ambassador Gennady Gatilov, at the plenary meeting of the Conference on "
        "Disarmament:"
    )
    text = (
        f"{title}\n{title}\nFebruary 6, 2026, Geneva\n"
        "I would like to express appreciation for the detailed statement on the New START "
        "Treaty.\n"
        "We note that this agreement played a significant positive role.\n"
    )
    doc = _parse(tmp_path, text)
    assert doc.document.kind == "statement"
    assert {s.speaker for s in doc.statements} == {"Gennady Gatilov"}
    assert all("Excerpts from" not in s.text for s in doc.statements)


def test_transliteration_variants_are_the_record_person() -> None:
    from indivisible.ingest._link import person_by_alias

    for variant in ("Sergei Riabkov", "Sergej Lavrov", "Volodymyr Zelenskyi"):
        person = person_by_alias(variant)
        assert person is not None, variant
    ryabkov = person_by_alias("Sergei Riabkov")
    assert ryabkov is not None and ryabkov.name == "Sergei Ryabkov"
    # A different surname that only starts alike is nobody.
    assert person_by_alias("Sergei Riabkin") is None


def test_a_news_sites_field_labels_are_not_speakers(tmp_path: Path) -> None:
    text = (
        "Zelenskyy rules out a new Budapest Memorandum\n\n"
        "KYIV (Reuters) - Ukrainian President Volodymyr Zelenskyy has stated that Ukraine will "
        "not accept a worthless piece of paper, officials said.\n\n"
        "Quote: A Budapest piece of paper will not satisfy Ukraine.\n\n"
        "Details: Zelenskyy said the guarantees must be real.\n\n"
        "Source: Zelenskyy's New Year address on his Telegram channel\n"
    )
    doc = _parse(tmp_path, text)
    names = {s.speaker for s in doc.statements}
    assert not names & {"Quote", "Details", "Source"}
    assert doc.document.kind == "news_article"
    assert all("Telegram channel" not in s.text for s in doc.statements)


def test_a_press_statement_of_a_minister_names_him(tmp_path: Path) -> None:
    text = (
        "Press Statement of Foreign Minister Edward Nalbandian on the CSTO session\n\n"
        "> Armenia Map\n\n"
        "Mr. Chairman,\n\n"
        "We discussed the Collective Security Treaty Organization's work in the OSCE area.\n\n"
        "We agreed to continue our consultations.\n"
    )
    doc = _parse(tmp_path, text)
    assert {s.speaker for s in doc.statements} == {"Edward Nalbandian"}
    assert all("Armenia Map" not in s.text for s in doc.statements)


def test_a_statement_of_principles_names_nobody(tmp_path: Path) -> None:
    text = (
        "Statement of Principles on European Security\n\n"
        "Mr. Chairman,\n\n"
        "We remain committed to the Helsinki Final Act.\n"
    )
    doc = _parse(tmp_path, text)
    assert all(s.speaker != "Principles" for s in doc.statements)


def test_a_pipe_line_opening_with_the_day_dates_the_page(tmp_path: Path) -> None:
    text = (
        "NATO - North Atlantic Treaty Organisation\n\n"
        "01/24/2022 | Press release | Distributed by Public on 01/25/2022 11:27\n\n"
        "Statement on the NATO-Russia Council\n\n"
        "We remain committed to dialogue with Russia in the NATO-Russia Council.\n"
    )
    assert _parse(tmp_path, text).document.date == dt.date(2022, 1, 24)
    ambiguous = text.replace("01/24/2022 |", "02/01/2022 |").replace("01/25/2022", "02/01/2022")
    # "02/01/2022": 2 January or February 1; the page's day stays unknown.
    assert _parse(tmp_path, ambiguous).document.date is None


def test_a_declaration_title_makes_a_statement(tmp_path: Path) -> None:
    text = (
        "Declaration of the Moscow Session of the Collective Security Council\n\n"
        "The member states reaffirm their commitment to the Collective Security Treaty.\n\n"
        "They call on NATO and the OSCE to cooperate with the CSTO.\n"
    )
    assert _parse(tmp_path, text).document.kind == "statement"


def test_a_byline_held_at_a_meeting_on_a_day_dates_the_statement(tmp_path: Path) -> None:
    text = (
        "Statement by Denmark at the 1458th (Special) Meeting of the Permanent Council on "
        "26 January 2024 by First Secretary, Marianne Martinez Bennedsen\n\n"
        "Mr. Chair,\n\n"
        "Denmark fully aligns itself with the statement of the European Union and the Helsinki "
        "Act.\n"
    )
    doc = _parse(tmp_path, text)
    assert doc.document.date == dt.date(2024, 1, 26)
    assert {i for s in doc.statements for i in s.instruments} == {"helsinki-final-act-1975"}


def test_a_byline_ahead_of_meetings_on_two_days_is_no_date(tmp_path: Path) -> None:
    text = (
        "by NATO Secretary General Jens Stoltenberg ahead of the meetings of NATO Ministers of "
        "Foreign Affairs on 6 and 7 April 2022\n\n"
        "Good afternoon. We will discuss the war in Ukraine and the NATO-Russia relationship.\n"
    )
    assert _parse(tmp_path, text).document.date is None


_NO_LABELS = (
    "gototop\n\n"
    "Minister Dacic’s Interview for “Vecernje novosti”\n\n"
    "+ larger fontnormal font- Smaller font\n\n"
    "How did you interpret John Kerry's message on Serbia? Did you ask him what he meant?\n\n"
    "We also touched on that point. Serbia remains on its path to the European Union.\n\n"
    "Did he tell you that Washington wanted a choice between the EU and Russia?\n\n"
    "No, he didn't. We will not choose between the European Union and the Russian "
    "Federation, and we chair the OSCE this year.\n"
)


def test_an_interview_without_labels_alternates_questions_and_answers(tmp_path: Path) -> None:
    doc = _parse(tmp_path, _NO_LABELS)
    assert doc.document.kind == "interview"
    assert {s.role for s in doc.statements if s.speaker is None} == {"journalist"}
    assert {s.speaker for s in doc.statements if s.speaker} == {"Dacic"}
    assert all("font" not in s.text for s in doc.statements)


def test_one_question_in_a_report_about_an_interview_makes_no_interview(tmp_path: Path) -> None:
    text = (
        "Lavrov's interview with RT: key points\n\n"
        "MOSCOW (Reuters) - Foreign Minister Sergei Lavrov said NATO had ignored Russia's "
        "proposals, according to an interview with RT.\n\n"
        "What did he say about the OSCE?\n\n"
        "Lavrov said the OSCE was in crisis, and that the West bore the blame, officials said.\n"
    )
    assert _parse(tmp_path, text).document.kind != "interview"


def test_a_byline_below_header_lines_the_reader_cannot_read(tmp_path: Path) -> None:
    text = (
        "Hoppa yfir valmynd\n"
        "21. apríl 2022 Utanríkisráðuneytið\n\n"
        "Opnunarávarp á fundi í Wilson Center\n\n"
        "Opening statement\n"
        "By Þórdís Kolbrún Reykfjörð Gylfadóttir at the Wilson Center, 21 April 2022\n\n"
        "It is a great pleasure for me to be with you here. Iceland values the OSCE and NATO.\n\n"
        "We stand with Ukraine.\n"
    )
    doc = _parse(tmp_path, text)
    assert doc.document.date == dt.date(2022, 4, 21)
    assert {s.speaker for s in doc.statements} == {"Þórdís Kolbrún Reykfjörð Gylfadóttir"}
    assert all("Opening statement" not in s.text for s in doc.statements)


def test_a_sentence_opening_with_by_in_the_body_is_no_byline(tmp_path: Path) -> None:
    text = (
        "The Vienna Document at thirty: a view from the Forum\n\n"
        "Mr. Chair,\n\n"
        "By any measure, the Vienna Document has served us well for decades.\n\n"
        "We call on all participating States to implement it.\n"
    )
    doc = _parse(tmp_path, text)
    assert any(s.text.startswith("By any measure") for s in doc.statements)


# --- round 14 -----------------------------------------------------------------------------------


def test_a_title_closing_with_day_and_place_in_brackets_dates_it(tmp_path: Path) -> None:
    text = (
        "Statement by Minister of Foreign Affairs of Belarus V.Makei at the 24th Meeting of the "
        "OSCE Ministerial Council (December 7, 2017, Vienna)\n\n"
        "Mr. Chairman,\n\n"
        "Belarus remains committed to the OSCE.\n"
    )
    assert _parse(tmp_path, text).document.date == dt.date(2017, 12, 7)
    other = text.replace("(December 7, 2017, Vienna)", "(adopted after December 7, 2017 talks)")
    assert _parse(tmp_path, other).document.date is None


def test_a_press_point_with_two_people_opens_with_the_first(tmp_path: Path) -> None:
    text = (
        "Joint press point\n\n"
        "with NATO Deputy Secretary General Rose Gottemoeller and the President of the Republic "
        "of Moldova, Igor Dodon\n\n"
        "Good afternoon. NATO respects Moldova's neutrality and its OSCE commitments.\n"
    )
    assert {s.speaker for s in _parse(tmp_path, text).statements} == {"Rose Gottemoeller"}


def test_a_written_interview_of_a_named_official(tmp_path: Path) -> None:
    text = (
        "Written interview of OSCE Secretary General Helga Maria Schmid with Tagesspiegel\n\n"
        "Ms Schmid, is the OSCE still a talking shop?\n\n"
        "No. The OSCE came into being during the Cold War.\n\n"
        "Did Russia's war invalidate your work?\n\n"
        "We in the OSCE have really tried everything to prevent it.\n"
    )
    doc = _parse(tmp_path, text)
    assert doc.document.kind == "interview"
    assert {s.speaker for s in doc.statements if s.speaker} == {"Helga Maria Schmid"}


def test_an_embargo_note_is_furniture() -> None:
    from indivisible.ingest._structure import _boilerplate

    assert _boilerplate("Embargo until delivery / check against delivery") is not None
    assert _boilerplate("Embargoed until 10:00 CET") is not None
    assert _boilerplate("Embargo until delivery of the weapons was lifted in 2020.") is None


# --- round 15 -----------------------------------------------------------------------------------


def test_a_header_line_opening_with_day_and_place_then_the_title(tmp_path: Path) -> None:
    text = (
        "EU Statement – UN Security Council: Maintenance of peace and security of Ukraine\n\n"
        "30 October 2024, New York - Statement on behalf of the European Union and its Member "
        "States by H.E. Ambassador Stavros Lambrinidis, Head of the Delegation of the European "
        "Union to the United Nations\n\n"
        " - Check against delivery -\n\n"
        "Madam President, the European Union condemns Russia's war against Ukraine.\n"
    )
    doc = _parse(tmp_path, text)
    assert doc.document.date == dt.date(2024, 10, 30)
    assert {s.speaker for s in doc.statements} == {"Stavros Lambrinidis"}
    assert doc.document.kind == "statement"
    assert all("Check against" not in s.text for s in doc.statements)


def test_a_sentence_opening_with_a_day_is_no_header(tmp_path: Path) -> None:
    text = (
        "Statement on the OSCE\n\n"
        "Mr. Chair,\n\n"
        "30 October 2024, New York - that is where the Council met, and we remain committed "
        "to the OSCE.\n"
    )
    doc = _parse(tmp_path, text)
    assert doc.document.date is None


def test_a_table_of_contents_and_its_entries_are_furniture(tmp_path: Path) -> None:
    text = (
        "Briefing by Foreign Ministry Spokesperson Maria Zakharova, Moscow, November 9, 2017\n"
        "Table of contents\n"
        "- Foreign Minister Sergey Lavrov’s talks in Moscow\n"
        "- The situation in Syria\n\n"
        "Sergey Lavrov will hold talks on the OSCE and on NATO's activity in Europe.\n"
    )
    doc = _parse(tmp_path, text)
    assert all("situation in Syria" not in s.text for s in doc.statements)
    assert any("OSCE" in s.text for s in doc.statements)


def test_told_an_outlet_on_a_day_and_a_presidential_spokesman(tmp_path: Path) -> None:
    text = (
        "Turkey will not close the door to Finland and Sweden\n\n"
        "ANKARA (Reuters) - Turkey set out its concerns about NATO enlargement, officials "
        "said.\n\n"
        "Turkish presidential spokesman Ibrahim Kalin told Reuters on Saturday that it was "
        "seeking talks with Sweden and that it would not close the door to NATO membership.\n"
    )
    doc = _parse(tmp_path, text)
    assert "Ibrahim Kalin" in {s.speaker for s in doc.statements}


def test_round_15_names_and_furniture() -> None:
    from indivisible.ingest._structure import _boilerplate

    assert link("We spoke at the UNGA last year.", None).organisations == ("un",)
    assert link("Since the Astana Summit in 2010, nothing moved.", None).instruments == (
        "astana-declaration-2010",
    )
    assert _boilerplate("ALSO READ: US does not expect to pull out of New START accord")
    assert _boilerplate("Ambassadors give a press conference in Vienna. (JOE KLAMAR / AFP)")
    assert _boilerplate("The UNGA (the General Assembly) met in New York on Tuesday.") is None
