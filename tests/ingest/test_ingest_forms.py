"""Forms of the region's languages and names that are none (session 19): good/bad twins.

The standard forms news copy attributes speech and prints its date with, one language at a
time (cases/attribution_forms.yaml, cases/date_forms.yaml, written from the languages'
usage rather than taken from a corpus page), and phrases the readers took for a speaker's
name ("In September", "Donald Trump’s", "Article Five"). Each rule has a case where it must
act and a twin, alike except for the one thing that must make it hold back.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from indivisible.ingest._names import implausible_speaker

from ._docs import parse_written

_ENVOY = (
    "Arms talks to start this month\n\nWASHINGTON (Reuters) - The two countries will start "
    "arms control talks this month, Jane Holloway, {who} special envoy for arms control, said "
    "on Monday. “We are ready,” she said.\n"
)


@pytest.mark.parametrize(
    ("who", "speakers"),
    [
        # "US President Donald Trump’s special envoy": the possessive is whose envoy she is,
        # not who spoke.
        ("US President Donald Trump’s", {None}),
        # The twin: the same sentence without the possessive keeps its speaker.
        ("the", {"Jane Holloway"}),
    ],
)
def test_a_possessive_is_nobody_s_name(tmp_path: Path, who: str, speakers: set[str | None]) -> None:
    doc = parse_written(tmp_path, _ENVOY.format(who=who))
    assert {s.speaker for s in doc.statements} == speakers


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("In September", 'opens with "in"'),
        ("To Be Secure", 'opens with "to"'),
        ("Liberal Democratic Party’s", "possessive or case ending"),
        ("S400’lerin Ukrayna’ya", "possessive or case ending"),
        ("Strategic Offensive Arms.", "ends a sentence"),
        ("Article Five", 'names a thing ("article")'),
        ("Ukraine Crisis", 'names a thing ("crisis")'),
        ("Baltic Sea", 'names a thing ("sea")'),
        ("Nachrichtenagentur Tass", 'names a thing ("nachrichtenagentur")'),
        ("Deutsche Presse-Agentur", 'names a thing ("presse-agentur")'),
        ("Ria Novosti", 'names a thing ("novosti")'),
        ("Sommet OTAN", 'names a thing ("sommet")'),  # "Sommet OTAN: discours d'ouverture"
        ("Overseas Territories", 'names a thing ("territories")'),
        ("DECLARA", 'names a thing ("declara")'),  # "El Senado de la Nación, / DECLARA:"
        ("Agenzia Nova", 'names a thing ("agenzia")'),
        ("Athens Acropolis Hotel", 'names a thing ("hotel")'),
        ("Ascultă Radio Antena Satelor Live", 'names a thing ("radio")'),
        # "Für Russland sei es laut Lawrow …": a preposition of another language opens it
        ("Für Russland", 'opens with "für"'),
        ("Selon Moscou", 'opens with "selon"'),
        # "die Waffenlieferung von Deutschland fordert": a German noun, no surname
        ("Waffenlieferung von Deutschland", 'a noun ("Waffenlieferung")'),
        # Twins: names that look alike but are persons' names.
        ("Belarus’s Alyaksandr Lukashenka", None),  # the possessive is the country's
        ("Martin O’Neill", None),  # a capital after the apostrophe: the name's own
        ("John Smith Jr.", None),
        ("Inés Arrimadas", None),  # "In" only as a whole word opens a phrase
        ("Ukrainian Woman", None),  # an unnamed person the page quotes
        ("Seamus Heaney", None),  # "Sea" only as a whole word names a sea
        ("Stefan Zeitunger", None),  # an outlet's word only as a whole word
        ("Jan Hotelling", None),  # a venue's word only as a whole word
        ("Ursula von der Leyen", None),  # "von" may open a name's part: not a preposition
        ("Per Gahrton", None),  # nor a Swedish given name that is a Latin word
        ("Klaus Hartung", None),  # a surname ending in "-ung" is short
    ],
)
def test_implausible_speakers(name: str, why: str | None) -> None:
    assert implausible_speaker(name) == why


# --- a quotation's attribution after its own full stop --------------------------------


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        # Turkish copy closes the quotation with its full stop, then says who said it.
        ('"İstanbul\'da yaparız." dedi. Sonra gitti.', 2),
        ('"Is it over?" he asked. Then he left.', 2),
        # Twins: a capital after the quotation opens a new sentence; no quotation, no join.
        ('"Ready." Then he left.', 2),
        ("We are ready. dedi came.", 2),
    ],
)
def test_an_attribution_in_lower_case_stays_with_its_quotation(text: str, pieces: int) -> None:
    from indivisible.ingest._sentences import sentences

    found = [text[a:b] for a, b in sentences(text)]
    assert len(found) == pieces
    if "dedi." in text[:40] or "asked" in text:
        assert found[0].endswith(("dedi.", "asked."))


# --- the subject set off by a comma, the speech verb last (Turkish, Azerbaijani) -------

_ZIRVE = "NATO Zirvesi sona erdi\n\nANKARA (AA) - Zirve sona erdi.\n\n{body}\n"


@pytest.mark.parametrize(
    ("body", "speakers"),
    [
        (
            'Cumhurbaşkanı Recep Tayyip Erdoğan, zirveye ilişkin, "İstanbul\'da yaparız." dedi.',
            ["Recep Tayyip Erdoğan"],
        ),
        (
            "Dışişleri Bakanı Mevlüt Çavuşoğlu, genişlemenin sorun olduğunu ifade etti.\n\n"
            'Konuyu değerlendireceklerini bildiren Çavuşoğlu, "Kabul etmiyoruz." diye konuştu.',
            ["Mevlüt Çavuşoğlu"],
        ),
        # Twins: a body, an adverb before the comma, a verb that says nothing: nobody speaks.
        ("Rusya Dışişleri Bakanlığı, NATO'nun genişlemesini kabul etmediğini açıkladı.", []),
        ("Ancak, NATO'nun genişlemesi sürüyor dedi.", []),
        ("Cumhurbaşkanı Recep Tayyip Erdoğan, zirvede basın toplantısı düzenledi.", []),
    ],
)
def test_the_subject_named_first_speaks_when_the_verb_closes_the_sentence(
    tmp_path: Path, body: str, speakers: list[str]
) -> None:
    doc = parse_written(tmp_path, _ZIRVE.format(body=body))
    assert sorted({s.speaker for s in doc.statements if s.speaker}) == speakers


# --- the standard attribution forms of the region's languages --------------------------

_FORMS = yaml.safe_load(
    (Path(__file__).parent / "cases" / "attribution_forms.yaml").read_text(encoding="utf-8")
)


def _probe(tmp_path: Path, case: dict[str, str]) -> set[str]:
    text = f"{case['headline']}\n\nBRUXELLES — Die Minister trafen sich.\n\n{case['text']}\n"
    return {s.speaker for s in parse_written(tmp_path, text).statements if s.speaker}


@pytest.mark.parametrize(
    "case", _FORMS["attributed"], ids=lambda c: f"{c['lang']}-{c['text'][:30]}"
)
def test_standard_attribution_forms(tmp_path: Path, case: dict[str, str]) -> None:
    found = _probe(tmp_path, case)
    assert any(case["speaker"].lower() in name.lower() for name in found), found


@pytest.mark.parametrize("case", _FORMS["nobody"], ids=lambda c: f"{c['lang']}-{c['text'][:30]}")
def test_look_alikes_of_the_forms_name_nobody(tmp_path: Path, case: dict[str, str]) -> None:
    assert _probe(tmp_path, case) == set()


# --- the publication lines of the region's languages ---------------------------------

_DATES = yaml.safe_load(
    (Path(__file__).parent / "cases" / "date_forms.yaml").read_text(encoding="utf-8")
)
_BODY = "Die Minister trafen sich in Brüssel und sprachen über die Sicherheit in Europa.\n"


@pytest.mark.parametrize("case", _DATES["dated"], ids=lambda c: f"{c['lang']}-{c['header'][-28:]}")
def test_publication_lines(tmp_path: Path, case: dict[str, object]) -> None:
    doc = parse_written(tmp_path, f"{case['header']}{_BODY}")
    want = case["date"]
    got = doc.document.date
    assert (got.isoformat() if got else None) == (str(want) if want else None)


# --- the kinds of documents, one language at a time ------------------------------------

_KINDS = yaml.safe_load(
    (Path(__file__).parent / "cases" / "kind_forms.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize(
    "case", _KINDS["documents"], ids=lambda c: f"{c['kind']}-{c['lang']}-{c['text'][:20]}"
)
def test_kinds_of_documents(tmp_path: Path, case: dict[str, str]) -> None:
    assert parse_written(tmp_path, case["text"]).document.kind == case["kind"]


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        # German capitalises its nouns: a speaker's sentences are not a title-case headline.
        (
            "Präsidentin Bärbel Bas: Ich eröffne die Sitzung. Das Wort hat der Kollege Wadephul.",
            False,
        ),
        # The twin: an English headline in title case under a channel's name stays one.
        (
            "CNN International: U.S. Secretary of State Blinken Says Written Response Delivered",
            True,
        ),
    ],
)
def test_german_speech_is_no_title_case_headline(line: str, headline: bool) -> None:
    from indivisible.ingest._structure import _inline_label, _title_case

    label = _inline_label(line)
    assert label is not None
    assert _title_case(line[label[1] :]) is headline


# --- parliaments' verbatim records ------------------------------------------------------

_RECORDS = yaml.safe_load(
    (Path(__file__).parent / "cases" / "record_forms.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", _RECORDS["records"], ids=lambda c: f"{c['lang']}-{c['text'][:24]}")
def test_verbatim_records(tmp_path: Path, case: dict[str, object]) -> None:
    doc = parse_written(tmp_path, str(case["text"]))
    found = " | ".join((s.speaker or "").lower() for s in doc.statements)
    for name in case["speakers"]:  # type: ignore[attr-defined]
        assert name in found, (name, found)


@pytest.mark.parametrize("line", _RECORDS["not_labels"])
def test_lines_that_open_like_a_record_speaker(line: str) -> None:
    from indivisible.ingest._structure import _inline_label

    assert _inline_label(line) is None


def test_a_colon_label_keeps_its_office_short() -> None:
    from indivisible.ingest._structure import _inline_label

    line = "ANTHONY ALBANESE, PRIME MINISTER: This morning I met Prime Minister Trudeau."
    assert _inline_label(line) == ("ANTHONY ALBANESE, PRIME MINISTER", 34)


@pytest.mark.parametrize("case", _FORMS["continued"], ids=lambda c: f"{c['lang']}-{c['then'][:24]}")
def test_a_pronoun_goes_on_with_the_speaker(tmp_path: Path, case: dict[str, str]) -> None:
    text = f"Headline\n\nBRUXELLES — Die Minister trafen sich.\n\n{case['first']} {case['then']}\n"
    doc = parse_written(tmp_path, text)
    tail = case["then"].split(",")[-1].split(" ")[-2]  # a word of what the second one says
    said = [s for s in doc.statements if tail in s.text and s.speaker]
    assert said and case["speaker"].lower() in str(said[-1].speaker).lower()


# --- page furniture in the region's languages -------------------------------------------

_FURNITURE = yaml.safe_load(
    (Path(__file__).parent / "cases" / "furniture_forms.yaml").read_text(encoding="utf-8")
)


def _lines_of_statements(tmp_path: Path, body: str, lines: list[str]) -> list[str]:
    parts = ["Nato und Russland", ""]
    for i, line in enumerate(lines):
        parts += [f"{body} Paragraph {i}.", "", line, ""]
    doc = parse_written(tmp_path, "\n".join([*parts, body]) + "\n")
    return [x.strip() for s in doc.statements for x in s.text.splitlines()]


@pytest.mark.parametrize("case", _FURNITURE["languages"], ids=lambda c: c["lang"])
def test_furniture_stays_out_of_statements(tmp_path: Path, case: dict[str, object]) -> None:
    lines = list(case["furniture"])  # type: ignore[call-overload]
    kept = _lines_of_statements(tmp_path, str(case["body"]), lines)
    assert not [line for line in lines if line in kept]


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Time limit is exhausted. Please reload CAPTCHA.", True),
        ("Please complete the reCAPTCHA to continue", True),
        ("Spread the love", True),
        ("Bots that solve a captcha in seconds flood the ministry's website, he said.", False),
        ("Spread the love of peace, the minister told the crowd.", False),
        ("Читай также: Ракетный договор: ОБСЕ возложила вину на Россию", True),
        ("Читай также внимательно текст договора, сказал министр.", False),
        (
            "ABC 17 News is committed to providing a forum for civil and constructive "
            "conversation.",
            True,
        ),
        ("Please keep your comments respectful and relevant.", True),
        ("NOTE: The following commentary was originally published on the Network.", True),
        ("This article first appeared in Foreign Affairs.", True),
        ("Get the latest creative news from FooBar about art, design and business.", True),
        ("The treaty was originally published in 1990, the minister said.", False),
        ("Courtesy/Source: Independent", True),
        ("Courtesy: Reuters", True),
        ("WEDH · WEDN · WEDW · WEDY", True),
        ("Public Files Contact · ATSC 3.0 FAQ", True),
        ("This report by The Canadian Press was first published March 4, 2022.", True),
        ("Moscow · the talks resumed on Monday after a pause, the minister said.", False),
        ("This report by the ministry was published too late for the talks, he said.", False),
        ("Play Live Radio", True),
        ("Normal View", True),
        ("The normal view in Moscow is that the treaty is dead, the minister said.", False),
        ("Origen de los datos: sitio web de lamoncloa.gob.es", True),
        ("Met dank overgenomen van Europese Raad, gepubliceerd op vrijdag 26 februari 2021.", True),
        ("Buy subscriptions, t-shirts and more from our shop right here!", True),
        ("The play live on stage was about the treaty, the minister said.", False),
        # session 23: a Spanish teaser, a paywall's offer, a teaser's link
        ("Le puede interesar: Putin reconoce la independencia de los territorios", True),
        ("Le puede interesar saber que el tratado sigue vigente, dijo el ministro.", False),
        ("Danach 9,99 € im Monatsabo.", True),
        ("Continue reading ...", True),
        ("Continue reading the treaty and you will see that it binds both sides.", False),
        ("Il segretario di Stato Blinken e il ministro Sergeij Lavrov a Ginevra - Ansa", True),
        ("Die Unterhändler Wendy Sherman und Sergej Rjabkow am Montag in Genf Bild: dpa", True),
        ("Lavrov met Blinken in Geneva. He said the talks went well - Reuters", False),
        # a photograph's caption: an office and a full name, closed by a full stop
        ("NATO Secretary General Jens Stoltenberg.", True),
        ("NATO Secretary General Jens Stoltenberg said the talks went well.", False),
        ("Jens Stoltenberg.", False),
        (
            "Formatting necessary for an accurate reading of this text may be shown by tags "
            "(e.g., <DELETED> or <BOLD>) or may be missing from this TXT display.",
            True,
        ),
        ("Formatting the treaty's text took the negotiators a week, the minister said.", False),
        (
            "Od 25 maja 2018 r. obowiązuje w Polsce Rozporządzenie (UE) 2016/679 (ogólne "
            "rozporządzenie o ochronie danych, zwane także RODO).",
            True,
        ),
        ("We read the data of the treaty's inspections, and we protect them, he said.", False),
        ("Story by KONSTANTIN HALVAR and JAMEY NOVAK for the Associated Press.", True),
        ("The story by the Associated Press was wrong about the treaty, he said.", False),
        (
            "Jan Halvar and Petr Novak conduct a press conference at the Ministry of Defense "
            "Guest House in Moscow, March 22, 2011.",
            True,
        ),
        ("The talks in Geneva were difficult, the minister told Reuters", False),
        # a caption glued to its copy; a sentence said once stays
        (
            "Jan Halvar talks with soldiers at the base on March 8, 2022."
            "Jan Halvar talks with soldiers at the base on March 8, 2022.",
            True,
        ),
        ("Jan Halvar talks with soldiers at the base on March 8, 2022, he said.", False),
        ("Get the latest weapons out of Europe, the minister demanded of the alliance.", False),
        (
            "We need a forum for civil and constructive conversation with Russia on arms control, "
            "which the OSCE was once, and which it may become again if the parties so wish, the "
            "minister told the Permanent Council on Thursday in Vienna.",
            False,
        ),
        # session 24: a paywall's offer and terms, a widget's data notice, a browser notice
        ("Hazte Premium desde 1€ para seguir leyendo", True),
        ("El Gobierno quiere seguir leyendo el tratado con calma, dijo el ministro.", False),
        ("Ya soy premium Inicia sesión", True),
        ("Términos y condiciones de compra", True),
        ("The terms and conditions of the treaty are binding, he said.", False),
        (
            "Unter Umständen sammelt BotTalk personenbezogene Daten für eigene Zwecke und "
            "verarbeitet diese in einem Land mit nach EU-Standards nicht ausreichenden "
            "Datenschutzniveau.",
            True,
        ),
        ("Die Regierung schützt personenbezogene Daten der Bürger streng.", False),
        ("Dieser Browser wird nicht mehr unterstützt", True),
        (
            "Bitte wechseln Sie zu einem unterstützten Browser wie Chrome, Firefox, Safari "
            "oder Edge.",
            True,
        ),
        ("The browser maker was attacked by hackers last week, the minister said.", False),
        # a blog's links to its neighbouring posts
        ("universe Previous post UN reports 1000’s of children, victims of war", True),
        ("Google Next post Google has a big decision to make!", True),
        ("The next article of the treaty sets the ceilings, he said.", False),
        ("The next post of the mission will be in Kyiv, the minister said.", False),
        # a featured image's caption under its label; where a text was first published
        (
            "Kiemelt kép: Szijjártó Péter külgazdasági és külügyminiszter a tárgyalásuk után "
            "2025. december 18-án. MTI/Kovács Attila.",
            True,
        ),
        ("Featured image: the treaty is a featured image of our times, he said.", False),
        ("This article was written for France’s Revue Defense Nationale (May 2010).", True),
        (
            "This article was written in 1990 by the parties and it binds all of them to this "
            "day, the minister told the delegates in Vienna.",
            False,
        ),
        # a web-analytics tag's image name; a section's abbreviation in Cyrillic
        ("DCSIMG", True),
        ("МИД", True),
    ],
)
def test_a_widgets_prompt_is_furniture_by_rule(line: str, furniture: bool) -> None:
    """Session 22: a CAPTCHA's prompt, a share plugin's label, the familiar "read also"."""
    from indivisible.ingest._structure import _boilerplate, _glued_twice, _titled_name_caption

    found = _boilerplate(line) or _glued_twice(line) or _titled_name_caption(line)
    assert (found is not None) is furniture


@pytest.mark.parametrize("case", _FURNITURE["kept"], ids=lambda c: c["lang"])
def test_words_that_open_like_furniture_stay(tmp_path: Path, case: dict[str, str]) -> None:
    kept = " ".join(_lines_of_statements(tmp_path, case["body"], [case["line"]]))
    assert case["line"].split("?")[0].split(",")[0] in kept


@pytest.mark.parametrize("case", _DATES["texts"], ids=lambda c: c["form"])
def test_dates_in_bylines_datelines_and_closing_lines(
    tmp_path: Path, case: dict[str, object]
) -> None:
    got = parse_written(tmp_path, str(case["text"])).document.date
    want = case["date"]
    assert (got.isoformat() if got else None) == (str(want) if want else None)


# --- who speaks a paragraph, from what the page said before it (session 20) --------------


@pytest.mark.parametrize(
    "case", _FORMS["paragraphs"], ids=lambda c: f"{c['lang']}-{c['paras'][-1][:24]}"
)
def test_who_speaks_a_paragraph(tmp_path: Path, case: dict[str, object]) -> None:
    paras = [str(p) for p in case["paras"]]  # type: ignore[attr-defined]
    text = "Headline\n\nBRUXELLES — Die Minister trafen sich.\n\n" + "\n\n".join(paras) + "\n"
    doc = parse_written(tmp_path, text)
    said = [s for s in doc.statements if str(case["said"]) in s.text]
    assert said, [s.text for s in doc.statements]
    if case["speaker"] is None:
        assert said[-1].speaker is None, said[-1].speaker
    else:
        assert str(case["speaker"]).lower() in str(said[-1].speaker).lower()


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        # A phrase of when or where opens the sentence: what was said follows the verb.
        (
            "In another interview, the Finnish president highlighted his surprise at the "
            "attitude of Ankara.",
            "his surprise at the attitude of Ankara.",
        ),
        # The twin: a clause before the attribution is what was said.
        (
            "This process carries unacceptable risks for everyone, the Finnish president said.",
            "This process carries unacceptable risks for everyone",
        ),
    ],
)
def test_an_opening_phrase_of_time_is_not_what_was_said(
    tmp_path: Path, sentence: str, said: str
) -> None:
    text = (
        "Nordic leaders meet\n\nHELSINKI (Reuters) - Finnish President Sauli Niinisto said "
        f"on Sunday that the talks would continue.\n\n{sentence}\n"
    )
    doc = parse_written(tmp_path, text)
    texts = [s.text for s in doc.statements if s.speaker == "Sauli Niinisto"]
    assert said in texts, texts


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # session 22: a title-case headline's verb and object, a state's term in the chair
        ("Bulgarian Foreign Minister Welcomes Plans", None),
        ("the Austrian Chairpersonship", None),
        ("the Polish Presidency", None),
        # the twins: the office and a person's name
        ("Bulgarian Foreign Minister Jan Halvar", "Jan Halvar"),
        ("Austrian Secretary General Jan Halvar", "Jan Halvar"),
        # session 23: a state's name that is also a surname; a state's possessive is none
        ("Ambassador Neil Holland", "Neil Holland"),
        ("Senator Steve Israel", "Steve Israel"),
        ("Jan Holland’s", None),
        ("President Vladimir Russia", None),
        # session 25: a committee, the United States in Hungarian, organisations in the
        # plural, the place an office is held in glued before the name after "in"
        ("Mitglied im Auswärtigen Ausschuss", None),
        ("az Egyesült Államok", None),
        ("Russischer Botschafter", None),  # an adjective and a German office
        ("Der Außenminister Heiko Maas", "Heiko Maas"),
        ("the Permanent Representative to the International Organizations", None),
        (
            "the Representative to the International Organizations in Vienna Jan Halvar",
            "Jan Halvar",
        ),
        ("the Representative Lima Jan Halvar", "Lima Jan Halvar"),  # no "in": a given name
    ],
)
def test_headline_verbs_and_chairs_are_no_names(text: str, name: str | None) -> None:
    from indivisible.ingest._names import person_name

    found = person_name(text)
    assert (found[0] if found else None) == name
