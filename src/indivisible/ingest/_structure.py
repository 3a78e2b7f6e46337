"""Document structure: boilerplate, metadata, kind, speaker turns and quotations.

The reader turns a decoded text into *blocks* (a line, or a paragraph of wrapped lines),
drops page furniture, takes the header and footer apart into metadata (title, date,
place, byline), and assembles the body into speaker turns. Every block keeps its
character span in the text, so every statement can be re-checked against the original.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from indivisible.ingest._datemodel import guessed_day
from indivisible.ingest._gazetteer import Person, load, one_word_state_names, world_place_words
from indivisible.ingest._link import (
    COURTESY,
    HONORIFIC,
    _aliases,
    dates_mentioned,
    first_date,
    link,
    person_by_alias,
    person_by_role,
    persons_mentioned,
    strip_honorifics,
)
from indivisible.ingest._literals import by_first_letter
from indivisible.ingest._names import (
    NAME_RUN,
    UPPER,
    german_office,
    implausible_speaker,
    is_role_word,
    person_name,
    role_and_name,
    same_person,
    titled_surname,
)
from indivisible.ingest._read import RawText

_PAGE = re.compile(r"\s*\((?:Page|p\.)\s*(\d+)\)\s*$", re.IGNORECASE)
_LOCATION = re.compile(r"\s*\(Location\s*\d+\)\s*$", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[-*+]|\d+[.)])\s+")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_MD_META = re.compile(r"^[-*]\s*([A-Za-z][\w ]{0,30}):\s*(.*)$")
_BYLINE = re.compile(
    r"^(?:by|from|(?:as )?delivered by|(?:written|authored) by:?|"
    r"(?:excerpts? from )?(?:the |a )?(?:statement|remarks) (?:delivered )?by(?: an?)?)\s+"
    r"(?P<who>.{3,300})$",
    re.IGNORECASE,
)
#: A press point's subtitle naming who speaks: "with NATO Deputy Secretary General Rose
#: Gottemoeller and the President of the Republic of Moldova, Igor Dodon".
_WITH = re.compile(r"^with\s+(?P<who>(?:[A-Z][\w.’'-]*\s+){1,8}[A-Z].{2,200})$")
#: A title that says whose words follow: "Address by Minister Dion to the …", "Speech by
#: the Foreign Secretary at …" (the head word, then "by"; the occasion is cut later).
_TITLE_BY = re.compile(
    r"^(?:(?:opening|closing|keynote|introductory|welcoming|video)\s+)?"
    r"(?:(?:press|video|televised)\s+)?"
    r"(?:address|speech|remarks|intervention|statement|lecture|message)\s+(?:by|of|from)\s+"
    r"(?P<who>[A-Z].{2,600})$",
    re.IGNORECASE,
)
#: The same title in the region's other languages, the name after "of" or in the
#: genitive: "Rede von …", "Discours de …", "Discurso de …", "Discorso di …",
#: "Przemówienie …", "Projev …", "Reč a odpovede na otázky Sergeja Lavrova …",
#: "Выступление и ответы на вопросы СМИ Министра … С.В.Лаврова …", "Виступ …".
#: A speech's or a statement's title whose person is on the next line: "Statement by",
#: "Remarks delivered by", "Intervention de".
_TITLE_HEAD_ALONE = re.compile(
    r"^(?:(?:opening|closing|keynote|introductory|welcoming)\s+)?"
    r"(?:statement|remarks|speech|address|intervention|lecture|message)\s+(?:delivered\s+)?"
    r"(?:by|of)\s*:?$|"
    r"^(?:Rede|Ansprache|Discours|Allocution|Intervention|Discurso|Intervención|Discorso|"
    r"Intervento|Przemówienie|Wystąpienie|Выступление|Виступ)\s+(?:von|de|du|del|di|della)\s*:?$",
    re.IGNORECASE,
)
#: A speech's title with the office in lower case before the name: "Discorso del
#: consigliere federale Didier Burkhalter …", "Rede des Bundesministers …".
_SPEECH_OF = re.compile(
    r"^(?:Discorso|Intervento|Discours|Allocution|Discurso|Intervención|Rede|Ansprache)\s+"
    r"(?:di|del|della|dello|de|du|des|de la|von|der)\s+(?P<who>.{3,400})$"
)
#: A page's field naming who speaks: "Speaker: X", "Oratore: X", "Redner: X".
_SPEAKER_FIELD = re.compile(
    r"^(?:speaker|oratore|oratrice|orateur|oratrice|orador[a]?|redner(?:in)?|mówca|"
    r"докладчик|выступающий|доповідач|talare|puhuja)\s*:\s*(?P<who>[^:]{3,80})$",
    re.IGNORECASE,
)
_TITLE_BY_OTHER = re.compile(
    # "Rede des russischen Ministerpräsidenten Dimitri Medwedew …": an adjective or two in
    # lower case before the office
    r"^(?:(?:Rede|Ansprache|Grußwort|Festrede|Vortrag|(?:Abschluss|Eröffnungs|Eingangs)?"
    r"[Ss]tatement|Stellungnahme)\s+(?:von|des|der)\s+(?:[a-zäöüß]+\s+){0,2}|"
    # "Synthèse de l'intervention de M. l'ambassadeur …": a summary's or an excerpt's title
    r"(?:(?:Synthèse|Texte|Extraits?|Résumé)\s+de\s+l['’]\s*)?"
    r"(?:Discours|Allocution|[Ii]ntervention)\s+(?:de|du|d[’'])\s*|"
    r"(?:Discurso|Intervención)\s+(?:de|del)\s+|(?:Discorso|Intervento)\s+(?:di|del|della)\s+|"
    # "Discurso y respuestas a preguntas de los medios ofrecidas por el Ministro …", as the
    # Russian foreign ministry titles its Spanish transcripts
    r"(?:Discurso|Intervención|Palabras)\s+y\s+respuestas\s+a\s+(?:las\s+)?preguntas\s+de\s+"
    r"(?:los\s+)?medios(?:\s+de\s+comunicación)?\s+(?:ofrecid[oa]s?\s+)?(?:por|de|del)\s+"
    r"(?:(?:el|la)\s+)?|"
    r"(?:Przemówienie|Wystąpienie|Projev|Prejav|Reč|Речь|Выступление|Виступ|Промова|"
    r"Toespraak|Tale|Talen)(?:\s+(?:a|i|и|і)\s+(?:odpovede?|odpovědi|odpowiedzi|ответы|"
    r"відповіді)\s+na\s+otázky|\s+(?:и|і)\s+(?:ответы|відповіді)\s+на\s+(?:вопросы|запитання)"
    r"(?:\s+(?:СМИ|ЗМІ))?)?\s+(?:(?:van|af)\s+)?)"
    r"(?P<who>[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ].{2,400})$"
)
_DATELINE = re.compile(
    # A place has two letters at least: "Q – …" opens a question, not a dateline.
    r"^(?P<place>[A-Z][A-Za-z.'’/-][A-Za-z .'’/-]{0,39}?)"
    # "ALMATY, Kazakhstan, 17 July 2010 – …": the country between the city and the day
    r"(?:,\s*[A-Z][a-z][A-Za-z .'’-]{1,30}?(?=,\s*(?:\d{1,2}\s+[A-Z]|[A-Z][a-z]+\.?\s+\d)))?"
    r"(?:,\s*(?P<date>[A-Z][a-z]+\.?,?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]+\.?,?(?:\s+\d{4})?))?"
    # "Bishkek, Nov. 22, 2023. / Kabar/. On …": the agency between slashes; "New York, 2
    # August 2022 (TDI): The United Nations began …": the agency, then a colon
    # (only with the day: "Name (Party): …" is a verbatim report's label)
    # "Washington (October 19, 2018) – Senator …": a press office's day in brackets
    r"(?:\s*\((?P<date6>[A-Z][a-z]+\.?\s+[0-3]?\d,\s+(?:19|20)\d\d|"
    r"[0-3]?\d\s+[A-Z][a-z]+\.?\s+(?:19|20)\d\d)\)(?=\s*[–—-]))?"
    r"\s*(?:(?(date)\([A-Za-z][\w ]{1,20}\)\s*:|(?!))|(?:\([A-Za-z][\w ]{1,20}\)\s*)?"
    r"(?:[–—]+|\s*--?\s|\.\s*/\s?[A-Z][\w ]{1,20}/[.:]?))\s*"
    # "WASHINGTON DC (TASS): …": a place in capitals and the agency, then a colon.
    r"|^(?P<place2>[A-Z][A-Z .'’/-]{1,40}?)\s*\((?:[A-Z][\w ]{1,20})\)\s*:\s*"
    # "WARSAW (Pakistan Point News / Sputnik - 06th July, 2023) Poland will …": the
    # outlets and the day in brackets after a place in capitals.
    r"|^(?P<place3>[A-Z][A-Z .'’/-]{1,40}?)\s*\([A-Z][\w .&/’'-]{1,60}?\s+[-–—]\s+"
    r"(?P<date3>[0-3]?\d(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?,?\s+(?:19|20)\d\d|"
    r"[A-Z][a-z]+\.?\s+[0-3]?\d(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d)\)\s*(?=[A-Z“\"])"
    # "MADRID, 21 de mayo de 2022.", "ROMA, 12 maggio 2022 -", "PARIS, 3 mars 2022 (AFP) -",
    # "МОСКВА, 14 февраля 2023.": a place in capitals and a day with its month in lower
    # case, as EFE, ANSA, AFP and Russian agencies print.
    r"|^(?P<place4>[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ .'’/-]{1,30}?),\s+(?P<date4>[0-3]?\d"
    r"(?:\s+de)?\s+[a-zà-öø-ÿа-яёіїєґ]{3,12}\.?(?:\s+del?)?\s+(?:19|20)\d\d)(?:\s*(?:года|г\.|р\.|року))?"
    r"\s*(?:\([A-Z][\w .]{1,20}\)\s*)?(?:\.|[–—]|\s-)\s+(?=[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ“\"«])"
    # "Brüssel, 12. März 2022 – …", "BERLIN, 3. Juni 2021 (dpa) – …": German and Nordic
    # datelines, the day with its full stop and the month's name capitalised.
    r"|^(?P<place5>[A-ZÀ-ÖØ-Þ][\wäöüß’'-]+(?:[ -][A-ZÀ-ÖØ-Þ][\wäöüß’'-]+)?),\s+"
    r"(?P<date5>[0-3]?\d\.\s+[A-ZÄÖÜ][a-zäöü]{2,9}\.?\s+(?:19|20)\d\d)"
    r"\s*(?:\([A-Za-z][\w .]{1,20}\)\s*)?(?:[–—]|\s-)\s+(?=[A-ZÀ-ÖØ-Þ“„\"«])"
)
#: "United Nations: After a conference …": a place and a colon opening a report's text.
_PLACE_COLON = re.compile(r"(?P<place>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2}):\s+(?=[A-Z])")
#: "MOSCOW. May 14. KAZINFORM …": a place in capitals, the day, the agency in capitals.
_AGENCY_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’/-]{1,30}?)\.\s+[A-Z][a-z]{2,9}\.?\s+\d{1,2}\.\s+"
    r"[A-Z][A-Z-]{2,14}\b[\s.:–—-]*(?=[A-Z“\"])"
)
#: A summary of the event in the third person: "… gives a briefing to discuss …".
_EVENT_BLURB = re.compile(
    r"\b(?:gives|gave|holds|held|delivers|delivered|answers|answered|takes|took)\s+"
    r"(?:a |an |the )?(?:number of )?(?:briefing|press conference|news conference|remarks|"
    r"questions|speech)\b"
)
#: A store's publication stamp in front of a page's text: " date 2022-01-11 …".
_LEAD_STAMP = re.compile(
    r"\s*date\s+(?:(?P<day>(?:19|20)\d\d-[01]\d-[0-3]\d)|(?:19|20)\d\d(?:-[01]\d)?)\b"
    r"(?:\s+https?://\S+)?\s*"
)
#: A dateline that opens with the day and an agency, no place: "Jan. 6, 2022 (EIRNS)—".
_DATE_DATELINE = re.compile(
    r"^(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4})"
    r"\s*(?:\([A-Z][\w .]{1,20}\)\s*)?(?:[–—]+|\s-\s)\s*"
    # "(No. 373 – December 4, 2009 – 7:15 p.m. EST) The Honourable …": a release's number,
    # day and hour in brackets before its first sentence.
    r"|^\((?:No\.?\s*\d{1,5}\s*[–—-]\s*)?(?P<date2>[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|"
    r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4})(?:\s*[–—-]\s*[^()]{1,30})?\)\s*(?=[A-Z“\"])"
)
_VOCATIVE = re.compile(
    r"^(?:ladies and gentlemen|dear [\w ]+|mr\.? (?:president|chair\w*|secretary|minister)|"
    r"madam \w+|mme\.?\s*\w+|monsieur (?:le|la) \w+|madame (?:la|le) \w+|"
    r"mesdames(?:,| et) messieurs|distinguished \w+ chair\w*|"
    r"(?:dear )?colleagues|(?:dear )?friends|good (?:morning|afternoon|evening)|"
    # "Thank you, Mr Chair.": the comma looked ahead to, so the word boundary closes "you"
    r"excellenc(?:y|ies)|thank you(?=,| very much\b| for\b)|distinguished)\b",
    re.IGNORECASE,
)
_CONNECTORS = {
    "&",
    "of",
    "the",
    "de",
    "van",
    "von",
    "der",
    "den",
    "la",
    "le",
    "du",
    "da",
    "di",
    "al",
    "bin",
    "and",
    "for",
    "on",
    "in",
    "to",
    "y",
}
_NOT_LABELS = {
    # A player's or a page's prompts ("Watch: NATO and Russia agree …", "Next Up: …").
    "watch",
    # An official journal's fields ("Permalink ELI:", "Referencia:", "Departamento:").
    "permalink",
    "referencia",
    "departamento",
    "rango",
    # A record's agenda and a page's contents ("ORDEN DEL DÍA:", "Tagesordnung:").
    "orden",
    "ordre",
    "ordine",
    "tagesordnung",
    "porządek",
    "повестка",
    "порядок",
    "sumario",
    "sommaire",
    "inhalt",
    "содержание",
    "next",
    "listen",
    "video",
    "audio",
    "photo",
    # an image's label before its caption or credit ("Featured Image:", "Illustration:")
    "featured",
    "image",
    "picture",
    "illustration",
    "related",
    # A news site's field labels ("Quote: …", "Details: …", "Background: …").
    "quote",
    "details",
    "background",
    "context",
    "summary",
    "reference",
    "recall",
    "reminder",
    "our",
    "my",
    "your",
    "their",
    "his",
    "her",
    "published",
    "posted",
    "by",
    "dated",
    "note",
    "source",
    "updated",
    "date",
    "place",
    "tags",
    "article",
    "section",
    "chapter",
    "annex",
    "title",
    "subject",
    "example",
    "warning",
    "important",
    "update",
    "editor",
    "read",
    "see",
    "tel",
    "fax",
    "email",
    "url",
    "author",
    "function",
    # A news agency's video script and the fields around it ("STORY: …", "SHOWS: …",
    # "SCRIPT: …", "CAPTION: …", "CREDIT: …").
    "story",
    "shows",
    "script",
    "caption",
    "credit",
    "credits",
    "headline",
    "lead",
    "teaser",
    # The same fields and prompts in the other languages the corpus reads ("Фото: …",
    # "Datum: …", "ЧТО ЕЩЕ ПОЧИТАТЬ: …", "Quelle: …", "Źródło: …").
    "foto",
    "фото",
    "видео",
    "datum",
    "data",
    "дата",
    "fecha",
    "quelle",
    "fuente",
    "fonte",
    "źródło",
    "источник",
    "джерело",
    "autor",
    "автор",
    "redakteur",
    "rédacteur",
    "редактор",
    "lesen",
    "lire",
    "leer",
    "leggi",
    "czytaj",
    "читайте",
    "читать",
    "почитать",
    "что",
    "теги",
    "тэги",
    "schlagwörter",
    "stichwörter",
    "mots-clés",
    "etiquetas",
    "tagi",
    "aktualisiert",
    "veröffentlicht",
    "publié",
    "publicado",
    "pubblicato",
    "opublikowano",
    "опубликовано",
    "обновлено",
    # An advertisement's label ("Advertisement:", "Anzeige", "Реклама").
    "advertisement",
    "advertising",
    "sponsored",
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "pubblicità",
    "reklama",
    "реклама",
}
_INTERPRETER = re.compile(
    r"^(?:via |through (?:an )?)?(?:interpreter|interpretation|translation|"
    r"in \w+|(?:re)?translated|as interpreted|speaking \w+)$",
    re.IGNORECASE,
)
#: An article's heading, in the languages treaties are published in ("Article V", "Artículo
#: 3", "Artikel 5", "Статья 1").
_TREATY_ARTICLE = re.compile(
    r"^(?:Article|Artículo|Articulo|Artikel|Articolo|Artigo|Artykuł|Статья|Стаття)\s+"
    r"(?:\d+|[IVXLC]+)\b"
)
#: The parties a treaty binds, in those languages.
_TREATY_PARTIES = re.compile(
    r"\bthe (?:states? )?parties|\bPartes\b|\bVertragsparteien\b|\bStrony\b|"
    r"\bучастник\w*|\bсторон\w*|\bParties contractantes\b",
    re.IGNORECASE,
)
_QUESTION_FOR = re.compile(r"\bquestion (?:for|to)\s+(?P<who>[^.?!,]{2,60})", re.IGNORECASE)


@dataclass
class Block:
    """A line or paragraph of the text, by character span."""

    start: int
    end: int
    page: int | None = None
    heading: bool = False


@dataclass(frozen=True)
class Speaker:
    """Who speaks a turn: a name and/or a role, and the gazetteer person if known."""

    name: str | None
    role: str | None
    person: Person | None = None

    @property
    def key(self) -> str:
        """A label for the turn's speaker: the name, else the role."""
        return self.name or self.role or "unknown"


@dataclass
class Turn:
    """A speaker's uninterrupted turn: the spans of its paragraphs."""

    speaker: Speaker
    spans: list[tuple[int, int, int | None]] = field(default_factory=list)
    labelled: bool = False
    #: Words called out during another's speech (:func:`_interjections`).
    interjection: bool = False


@dataclass
class Structure:
    """The structure found in one document."""

    title: str | None
    date: dt.date | None
    place: str | None
    author: str | None
    kind: str
    turns: list[Turn]
    participants: list[Person]
    dropped: list[tuple[int, int, str]]
    body_blocks: int = 0
    #: A text issued by several people together ("Joint statement by the Ministers …, A
    #: (France), B (Germany) and C (Poland)"): the opening speaker, then the co-authors,
    #: each of whom the opening speaker's words are attributed to as well.
    joint: tuple[Speaker, ...] = ()
    #: The date is the learned model's guess (``_datemodel``), no rule's reading.
    date_guessed: bool = False


# --- blocks --------------------------------------------------------------------------


def _lines(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as stripped ``(start, end)`` spans; a blank line is ``(-1, -1)``."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        else:
            spans.append((-1, -1))
        pos += len(line) + 1
    return spans


def _wrapped(lines: list[tuple[int, int]]) -> bool:
    """Whether paragraphs are hard-wrapped over several lines."""
    real = [(s, e) for s, e in lines if s >= 0]
    if len(real) < 6:
        return False
    in_groups = 0
    run = 0
    for s, _ in [*lines, (-1, -1)]:
        if s >= 0:
            run += 1
        else:
            if run > 1:
                in_groups += run
            run = 0
    short = sum(1 for s, e in real if e - s <= 90)
    return in_groups / len(real) >= 0.6 and short / len(real) >= 0.8


#: A name of one to three capitalised words opening a line with a colon ("Nuland: …").
_LINE_LABEL = re.compile(r"[ \t]*([A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){0,2})[ \t]*:[ \t]+\S")


def _blocks(text: str) -> list[Block]:
    """Lines, or paragraphs of hard-wrapped lines.

    In hard-wrapped text a line joins the paragraph above only when the line above is
    nearly full (a short line ends a heading or a paragraph), neither is page furniture
    and the line opens with no speaker of the Congressional Record ("Mr. REID."), so a
    header ("17 December 2021 13:30", "Unofficial translation") stays apart from the text
    even without blank lines between them.
    """
    lines = _lines(text)
    if not _wrapped(lines):
        return [Block(s, e) for s, e in lines if s >= 0]
    widths = sorted(e - s for s, e in lines if s >= 0)
    full = widths[len(widths) // 2] * 0.6
    # "Novaya Gazeta: …" opening two lines, and "Nuland: Kirill, I'd like to remind …": on a
    # page where a label comes back, a transcript's, every line a label opens starts a turn.
    opening_labels = [_LINE_LABEL.match(text, s, e) if s >= 0 else None for s, e in lines]
    label_counts = Counter(m[1] for m in opening_labels if m is not None)
    transcript = any(n >= 2 for n in label_counts.values())
    blocks: list[Block] = []
    current: Block | None = None
    previous_full = False
    for (s, e), opened in zip(lines, opening_labels, strict=True):
        if s < 0:
            current = None
            continue
        furniture = _boilerplate(text[s:e]) is not None
        # "  Mr. REID. Mr. President, …": a Record's speaker opens a paragraph of its own.
        labelled = _RECORD_LABEL.match(text[s:e]) is not None
        labelled = labelled or (opened is not None and transcript)
        if current is None or not previous_full or furniture or labelled:
            current = Block(s, e)
            blocks.append(current)
        else:
            current.end = e
        previous_full = (e - s) >= full and not furniture
        if furniture:
            current = None
    return blocks


def _markdown_blocks(
    text: str, meta: dict[str, str], dropped: list[tuple[int, int, str]]
) -> tuple[list[Block], bool]:
    """Blocks of a Markdown file, with headings, metadata and page markers taken out.

    Returns the blocks and whether the file is a reading-highlights export.
    """
    blocks: list[Block] = []
    section = ""
    highlights = False
    last_bullet: Block | None = None
    for s, e in _lines(text):
        if s < 0:
            last_bullet = None
            continue
        line = text[s:e]
        heading = _HEADING.match(line)
        if heading:
            level, title = len(heading.group(1)), heading.group(2).strip()
            if level == 1 and "title" not in meta:
                meta["title"] = title
            section = title.lower()
            highlights = highlights or section == "highlights"
            dropped.append((s, e, "heading"))
            last_bullet = None
            continue
        if section == "metadata":
            m = _MD_META.match(line)
            if m:
                key = m.group(1).strip().lower()
                value = re.sub(r"\[\[|\]\]", "", m.group(2)).strip()
                meta.setdefault({"full title": "title"}.get(key, key), value)
                dropped.append((s, e, "metadata"))
                continue
        bullet = _BULLET.match(line)
        if bullet:
            block = Block(s + bullet.end(), e)
            blocks.append(block)
            last_bullet = block
        elif last_bullet is not None and section == "highlights":
            last_bullet.end = e
            continue
        else:
            blocks.append(Block(s, e))
            last_bullet = None
    for block in blocks:
        chunk = text[block.start : block.end]
        page = _PAGE.search(chunk)
        if page:
            block.page = int(page.group(1))
            block.end = block.start + page.start()
            highlights = True
        loc = _LOCATION.search(text[block.start : block.end])
        if loc:
            block.end = block.start + loc.start()
    return [b for b in blocks if b.end > b.start], highlights


# --- line classification -------------------------------------------------------------


def _boilerplate(line: str) -> str | None:
    rules = load().rules
    low = line.lower()
    folded = rules.boilerplate_folded if len(low) == len(line) else None
    screen = rules.boilerplate_screen
    if folded is not None and screen is not None and screen.passes(low):
        return None
    for i, (pattern, why) in enumerate(rules.boilerplate):
        if folded[i].search(low) if folded is not None else pattern.search(line):
            return why
    return None


_TAG_LABEL = re.compile(r"^(?:tags?|topics?|keywords?)\s*:$", re.IGNORECASE)


def _tag_list(line: str) -> bool:
    """A short list of words without a sentence's end: the value of a 'Tags:' label."""
    return _words(line) <= 12 and not re.search(r"[.?!:]$", line)


def _repeated(lines: list[str], i: int, first: bool = False) -> str | None:
    """Whether line ``i`` is one of two identical lines in a row (page furniture).

    A photo caption and its alternative text, or a doubled heading. The document's first
    line (``first``: no line kept above it, page furniture aside) stays, since a title
    printed twice is still the title; so do a paragraph and a date line, which the header
    reader takes as metadata anyway.
    """
    line = lines[i]
    doubled = (not first and i + 1 < len(lines) and lines[i + 1] == line) or (
        i > 0 and lines[i - 1] == line
    )
    if not doubled or _words(line) > 30 or _date_line(line) is not None:
        return None
    return "repeated line (caption or doubled heading)"


def _glued_twice(line: str) -> str | None:
    """Whether a line is one sentence printed twice end to end (a caption and its copy).

    "Prime Minister … on March 8, 2022.Prime Minister … on March 8, 2022.": a photo's
    caption glued to its alternative text, as a page's text is copied.
    """
    core = line.strip()
    half = len(core) // 2
    if len(core) < 40:
        return None
    if core[:half].strip() != core[half:].strip():  # (a space between the copies or none)
        return None
    return "caption printed twice (a caption and its copy)"


#: A publication's name as a label: its interviewer asks.
#: A word that makes an affiliation an outlet's ("… TV channel", "… news agency").
_OUTLET_WORD = re.compile(
    r"\b(?:TV|television|channel|radio|newspaper|news agency|agency|magazine|journal|gazette|"
    r"times|post|daily|portal|broadcast\w*|reporter|correspondent|journalist)\b",
    re.IGNORECASE,
)
_OUTLET = re.compile(
    # ("Gazeta" and "Zeitung": the newspaper in Russian, Polish and German, "Novaya Gazeta:")
    r"(?:\b(?:Today|Times|News|Post|Magazine|Journal|Gazette|Gazeta|Zeitung|Herald|Tribune|"
    r"Radio|TV|"
    r"Television|Agency|Izvestia|Kommersant|Interfax|Newspaper|Daily|Channel|Network|"
    r"Broadcasting|Press|News Service|Service|Wire|Media)|"
    r"^(?:(?:DIE|DER|Die|Der)\s+(?=ZEIT|Zeit|SPIEGEL|Spiegel|WELT|Welt|STANDARD|Standard|"
    r"PRESSE|Presse))?(?:WELT|Welt|STANDARD|Der Standard|PRESSE|Presse|"
    r"RIA Novosti|TASS|Reuters|AFP|AP|Bloomberg|CCTV|CGTN|NHK|"
    # Broadcasters that interview under their initials ("DW: Mr. Secretary-General, …").
    r"DW|BBC|CNN|VOA|NPR|PBS|ZDF|ARD|RFE/RL|RFI|RT|TVN|RMF|ORF|SRF|RAI|RTL|France 24|Euronews|"
    # German papers label their interviews' questions with their own names ("BILD: …?"),
    # and so do magazines and papers elsewhere ("Foreign Policy: …?", "Le Monde : …").
    r"BILD|Bild|SPIEGEL|Spiegel|ZEIT|FAZ|NZZ|taz|Foreign Policy|Foreign Affairs|"
    r"(?:The )?Economist|Politico|POLITICO|Le Monde|Le Figaro|El País|Corriere della Sera|"
    r"La Repubblica|Gazeta Wyborcza|Rzeczpospolita))$"
)
_PARA_NUMBER = re.compile(r"^\s*\d{1,3}\.\s*")
_COMMENTS = re.compile(
    r"^(?:leave a (?:comment|reply)|post a comment|add a comment|submit a comment|"
    r"(?:there (?:are|is) )?\d+ comments?(?: on this (?:article|story|post))?|"
    r"comments? \(\d+\))\.?$",
    re.IGNORECASE,
)


_APPEAL = re.compile(
    r"^(?:a message from (?:the )?[A-Z][\w .’'-]{1,40}:?|dear readers,?|"
    r"support (?:independent|our) journalism\b.{0,80}|"
    r"(?:please )?(?:donate|become a (?:member|patron))\b.{0,60})$",
    re.IGNORECASE,
)


def _field_value(lines: list[str], i: int) -> bool:
    """A page's field: "Related Country:" over "• Russia" (a label, then a bulleted value)."""

    def label(k: int) -> bool:
        x = lines[k].strip()
        return 0 <= k < len(lines) and x.endswith(":") and _words(x) <= 4 and "\n" not in x

    def bullet(k: int) -> bool:
        return 0 <= k < len(lines) and bool(re.match(r"^\s*[•·]\s*\S", lines[k]))

    return (label(i) and i + 1 < len(lines) and bullet(i + 1)) or (
        bullet(i) and i > 0 and label(i - 1)
    )


def _short_menu_line(line: str) -> bool:
    core = line.strip()
    return (
        bool(core)
        and _words(core) <= 4
        and "\n" not in core
        and not re.search(r"[.!:;,]$", core)
        and _date_line(core) is None
        and not re.search(r"\d", core)
    )


def _menu_run(lines: list[str], i: int) -> bool:
    """A line of a run of three or more short lines at the top: a site's menu.

    "uz sākumu / Izvērstā meklēšana / Autorizēties savā kontā": four words or fewer each,
    no closing punctuation, no figures (a date or a stamp is read elsewhere).
    """
    if not _short_menu_line(lines[i]):
        return False
    a = i
    while a > 0 and _short_menu_line(lines[a - 1]):
        a -= 1
    b = i
    while b + 1 < len(lines) and _short_menu_line(lines[b + 1]):
        b += 1
    if i == b and b + 1 < len(lines) and _words(lines[b + 1]) > 12:
        return False  # the last short line above the first paragraph: the title
    return b - a + 1 >= 3


def _truncated_heading(line: str) -> str | None:
    """A heading cut short by a teaser or a listing ("TREATY BETWEEN THE UNITED STATES OF …").

    Ten words or fewer, ending with an ellipsis, in capitals or title case: a link's text,
    not a sentence somebody left unfinished (those are in lower case).
    """
    core = line.strip()
    if not core.endswith(("…", "...")) or _words(core) > 10:
        return None
    words = [w for w in re.findall(r"[^\W\d_]+", core) if len(w) > 3]
    if not words or sum(w[0].isupper() for w in words) < 0.8 * len(words):
        return None
    return "truncated heading (a link's text)"


def _heading_copy(lines: list[str], i: int) -> str | None:
    """A lower-cased copy of the heading an earlier block opens with (a page's slug title).

    "treaty between the united states … arms" under "TREATY BETWEEN THE UNITED STATES …
    ARMS. The United States …": the same words, case and punctuation aside, and no capital.
    """
    line = lines[i]
    if i == 0 or any(c.isupper() for c in line) or not 4 <= _words(line) <= 40:
        return None
    # Letters of any script: a line in Cyrillic has no [a-z] letter, and an empty prefix
    # would match every heading.
    letters = re.sub(r"[\W\d_]", "", line.lower())
    if len(letters) < 12:
        return None
    for earlier in lines[:i]:
        if re.sub(r"[\W\d_]", "", earlier.lower()).startswith(letters):
            return "lower-cased copy of a heading"
    return None


def _author_note(lines: list[str], i: int) -> str | None:
    """An author's note under their name, set apart as the page's furniture.

    "Edwin J. Feulner" over "Edwin J. Feulner is the founder and former president of The
    Heritage Foundation.": one sentence, the name it opens with alone on the line above.
    """
    line = lines[i]
    if i == 0:
        return None
    if i <= 6 and _author_bio(line) is not None:
        return "author's note in the header"
    above = lines[i - 1].strip()
    # (the cheap test first: the line opens with the whole line above it)
    if not above or not line.startswith(above + " ") or not line.rstrip().endswith("."):
        return None
    if not 2 <= _words(above) <= 4 or re.search(r"[.:;!?,]$", above):
        return None
    if not 6 <= _words(line) <= 40:
        return None
    if not re.match(rf"{re.escape(above)}\s+(?:is|was)\s+(?:the|a|an|an?\s+\w+)\b", line):
        return None
    if re.search(r"[a-z]{2}\.\s", line) or person_name(above) is None:
        return None
    return "author's note under their name"


#: A commentary's note on its author in the page's header: "James B. Foley, the former
#: Deputy Chief of Staff to the NATO Secretary General in Brussels, is an international
#: consultant." (the name, what they were, then what they are: a scholar's or a writer's
#: trade).
_AUTHOR_BIO = re.compile(
    r"(?P<name>[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){1,3}),\s+(?:the\s+|a\s+)?[^.,;]{3,160},"
    r"\s+(?:is|was)\s+(?:a|an|the)\s+[^.;]{0,80}?\b(?:consultant|fellow|professor|director|"
    r"analyst|researcher|editor|author|columnist|lecturer|expert|scholar|adviser|advisor|"
    r"specialist)\b[^.;]{0,120}\.$"
)


def _author_bio(line: str) -> str | None:
    """The author a one-sentence note in the header presents (:data:`_AUTHOR_BIO`)."""
    if not line[:1].isupper() or not 6 <= _words(line) <= 45:
        return None
    bio = _AUTHOR_BIO.match(line.strip())
    if bio is None:
        return None
    named = person_name(bio["name"])
    return named[0] if named is not None and named[0] == bio["name"] else None


#: A speech verb with its clause: what a caption describing a photograph does not hold.
_REPORTS_SPEECH = re.compile(
    r"\b(?:said|says|told|stated|added|warned|stressed|noted)\b(?:\s+[\w’'-]+){0,4}?\s+that\b"
)


def _case_copy(lines: list[str], i: int) -> str | None:
    """A heading printed again in other capitals, near the top of the page.

    "DECLARATION OF THE HEADS OF STATE BUCHAREST 9 MEETING" under "Declaration of the heads
    of state Bucharest 9 meeting - News - National Security Bureau": the same letters as an
    earlier line, or as that line before a site's " - " or " | " suffix.
    """
    line = lines[i]
    if not 0 < i < 40 or not 4 <= _words(line) <= 40 or re.search(r"[.?!]$", line):
        return None
    letters = _letters(line)
    for earlier in lines[:i]:
        if earlier != line and letters in _letters_and_head(earlier):
            return "heading printed again"
    return None


@lru_cache(maxsize=4096)
def _letters(line: str) -> str:
    """A line's letters and figures, case folded (punctuation and spaces left out)."""
    return re.sub(r"[\W_]", "", line.casefold())


@lru_cache(maxsize=4096)
def _letters_and_head(line: str) -> tuple[str, str]:
    """:func:`_letters` of a line and of its part before a site's " - " or " | " suffix."""
    return _letters(line), _letters(re.split(r"\s[-|–]\s", line)[0])


_CAPTION_NAME = re.compile(r"[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,3}")
_NOT_NAMES = {
    "dear",
    "mr",
    "mrs",
    "ms",
    "madam",
    "madame",
    "ladies",
    "gentlemen",
    "colleagues",
    "friends",
    "excellency",
    "excellencies",
    "distinguished",
    "members",
    "delegates",
}


def _names_caption(line: str) -> str | None:
    """Whether a line is only people's names: a photograph's caption.

    "Vladimir Putin, Recep Tayyip Erdogan." is one; an address ("Dear Colleagues, Dear
    Friends.") or titles ("President Putin, Chancellor Scholz") are not.
    """
    if len(line) > 120 or not ("," in line or " and " in line) or not line[:1].isupper():
        return None
    if line.rstrip(".")[-1:] in ",:;":
        return None
    items = re.split(r",\s+|\s+and\s+", line.rstrip(". "))
    if len(items) < 2 or not all(_CAPTION_NAME.fullmatch(item) for item in items):
        return None
    words = {w.lower() for item in items for w in item.split()}
    if words & _NOT_NAMES or any(is_role_word(w) for w in words):
        return None
    return "photo caption (names only)"


def _titled_name_caption(line: str) -> str | None:
    """Whether a line is only an office and a person's full name, closed by a full stop.

    "NATO Secretary General Jens Stoltenberg." under a photograph: no verb, nothing said.
    Ten words at most, each capitalised; the name a full name after the office (not a name
    alone: "Jens Stoltenberg." may be a signature, read with the text's end).
    """
    bare = line.strip()
    if not bare.endswith(".") or bare.endswith("..") or _words(bare) > 10:
        return None
    words = bare.rstrip(".").split()
    if not all(w[:1].isupper() or w in ("of", "the", "for", "and") for w in words):
        return None
    named = person_name(" ".join(words))
    if named is None or not named[1] or len(named[0].split()) < 2:
        return None
    if " ".join(words) != f"{named[1]} {named[0]}":
        return None  # words besides the office and the name
    return "photo caption (an office and a name)"


def _teaser_tail(text: str, blocks: list[Block]) -> int:
    """How many blocks at the page's end are a list of other pages' headlines.

    Three one-line blocks at least, of four to 25 words, none closing as a sentence does
    ("Polish Minister: There was almost a blackout in Poland. I know who is to blame",
    "Lavrov said about the “unreliability of American colleagues”"): links to other
    articles, whatever heading (if any) introduced them.
    """
    run = 0
    for block in reversed(blocks):
        line = text[block.start : block.end].strip()
        if "\n" in line or not 4 <= _words(line) <= 25 or re.search(r"[.!?…:;,][\"'”»’)]*$", line):
            break
        if _signature(line) is not None:
            break  # "Paolo Cotta-Ramusino, Secretary General of Pugwash": who signed the text
        run += 1
    return run if 3 <= run < len(blocks) else 0


def _teaser_heading(line: str) -> bool:
    return any(p.search(line) for p in load().rules.teaser_headings)


def _words(text: str) -> int:
    return len(text.split())


_GLUED_TIME = re.compile(r"(?<!\d)((?:19|20)\d\d)([0-2]?\d:[0-5]\d)\b")
#: "26. 4. 2021": a day and a month in figures, spaced after their full stops.
_SPACED_FIGURES = re.compile(
    # "20. 1. 2022", and "15 / 09 / 2021" or "15 . 09 . 2021" (spaces around the marks)
    r"\b([0-3]?\d)\.\s([01]?\d)\.\s((?:19|20)\d\d)\b"
    r"|\b([0-3]?\d)\s+(?P<mark>[./])\s+([01]?\d)\s+(?P=mark)\s+((?:19|20)\d\d)\b"
)


def _unspaced(m: re.Match[str]) -> str:
    """A spaced date in figures written close (:data:`_SPACED_FIGURES`).

    The mark is kept: "1 / 2 / 2021" stays as ambiguous as "1/2/2021" is.
    """
    if m[1]:
        return f"{m[1]}.{m[2]}.{m[3]}"
    return str(m["mark"]).join((m[4], m[6], m[7]))


_STAMP_DAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s", re.IGNORECASE)
#: A Greek weekday before the day ("Τετάρτη 23 Φεβρουαρίου 2022" over a reposted Kremlin
#: text): dateparser takes it into the date it finds, so it is set apart first.
_GREEK_DAY = re.compile(r"^(?:Δευτέρα|Τρίτη|Τετάρτη|Πέμπτη|Παρασκευή|Σάββατο|Κυριακή),?\s+")
_EDGES = " ,.;:–-—|•·*"


#: Hungarian month names, January first, and the Hungarian order: year, month, day
#: ("2017. február 6."), as figures the patterns read.
_HUNGARIAN_MONTHS = (
    "január", "február", "március", "április", "május", "június", "július", "augusztus",
    "szeptember", "október", "november", "december",
)  # fmt: skip
_HUNGARIAN_DATE = re.compile(
    rf"\b((?:19|20)\d\d)\.\s?({'|'.join(_HUNGARIAN_MONTHS)})\s?(\d{{1,2}})\.",
    re.IGNORECASE,
)
#: The French first of a month ("1er mars 2014"), whose ordinal no parser reads.
_FIRST_OF = re.compile(r"\b1er(?=\s+[^\W\d_]{3,})")


def _as_figures(line: str) -> str:
    """Dates of Hungarian order, and the French "1er", as the day-first figures read."""
    line = _HUNGARIAN_DATE.sub(
        lambda m: f"{m[3]}.{_HUNGARIAN_MONTHS.index(m[2].lower()) + 1:02d}.{m[1]}", line
    )
    return _FIRST_OF.sub("1", line)


#: Latvian month stems, January first, and the official order of a Latvian date.
_LATVIAN_MONTHS = (
    "janvār", "februār", "mart", "aprīl", "maij", "jūnij", "jūlij", "august", "septembr",
    "oktobr", "novembr", "decembr",
)  # fmt: skip
_LATVIAN_DATE = re.compile(
    rf"\b((?:19|20)\d\d)\.\s?gada\s+(\d{{1,2}})\.\s?({'|'.join(_LATVIAN_MONTHS)})\w*",
    re.IGNORECASE,
)

#: Lithuanian month names in the genitive, January first, and the official order of a
#: Lithuanian date ("2022 m. kovo 12 d.": year, month, day).
_LITHUANIAN_MONTHS = (
    "sausio", "vasario", "kovo", "balandžio", "gegužės", "birželio", "liepos", "rugpjūčio",
    "rugsėjo", "spalio", "lapkričio", "gruodžio",
)  # fmt: skip
_LITHUANIAN_DATE = re.compile(
    rf"\b((?:19|20)\d\d)\s?m\.\s+({'|'.join(_LITHUANIAN_MONTHS)})\s+(\d{{1,2}})\s?d\.",
    re.IGNORECASE,
)


#: "Published" in the region's languages, as pages label their date ("Giriş Tarihi 24 Şubat
#: 2023", "Publié le …", "Veröffentlicht am …", "Опубликовано …", "Publicerad …").
_PUBLISHED = (
    r"giriş tarihi|yayın tarihi|publié le|publié|veröffentlicht am|veröffentlicht|"
    r"опубликовано|опубліковано|publicado el|publicado em|publicado|pubblicato il|pubblicato|"
    r"opublikowano|publicat|zveřejněno|publikováno|publicerad|publisert|udgivet|julkaistu|"
    r"gepubliceerd op|gepubliceerd|paskelbta|publicēts|avaldatud|objavljeno|"
    r"δημοσιεύθηκε|публикувано"
)
#: "Updated" in the region's languages, as an update stamp's label.
_UPDATE_WORDS = (
    r"(?:last )?updated|update|modified|mis à jour|actualisé|(?:zuletzt )?aktualisiert|"
    r"обновлено|оновлено|actualizado|actualizada|atualizado|aggiornato|zaktualizowano|"
    r"aktualizacja|bijgewerkt|uppdaterad|uppdaterat|opdateret|oppdatert|päivitetty|"
    r"aktualizované|aktualizováno|frissítve|actualizat|ažurirano|atnaujinta|atjaunināts|"
    r"uuendatud|güncellendi|ενημερώθηκε"
)
#: The label of an update stamp opening its line ("• Last updated:", "Updated on").
_UPDATED_LEAD = re.compile(
    rf"^[•·\-\s]*(?:{_UPDATE_WORDS})\b\W*(?:on|le|am|el|il|o)?\b\s*:?\s*", re.IGNORECASE
)
#: An update stamp after the page's own day ("17.05.2022 14:27 UPPDATERAD 18.05.2022
#: 07:14"): the day it changed, set aside when the line is read.
_UPDATED_AFTER = re.compile(
    rf"\b(?:{_UPDATE_WORDS})\b\W*(?:on|le|am|el|il|o)?\s*:?\s*\S*\d.*$", re.IGNORECASE
)


_LATIN_I_IN_CYRILLIC = re.compile(r"(?<=[а-яёіїєґ])i|i(?=[а-яёіїєґ])", re.IGNORECASE)


_ANY_DIGIT = re.compile(r"\d")


def _date_line(line: str) -> tuple[dt.date, str | None, int] | None:
    """A line that is a date, optionally with a place: ``3 October 2001, Brussels``.

    Returns the date, the place and how much the line is worth as the document's date:
    3 with a place ("October 11, 2021, Novo-Ogaryovo"), 2 alone ("JANUARY 10, 2022",
    "17 December 2021 13:30"), 1 for a weekday-first stamp ("Tuesday, April 23, 2019") of
    the kind blogs and news sites print above a reposted text.
    """
    if _ANY_DIGIT.search(line) is None:
        return None  # every date a header prints holds its day or its year in figures
    # A year glued to the time by the page's layout ("11 January 201817:19") is two values.
    line = _GLUED_TIME.sub(r"\1 \2", line)
    line = _SPACED_FIGURES.sub(_unspaced, line)
    # "20 квiтня 2019": a Latin "i" typed for the Ukrainian "і" inside a Cyrillic word.
    line = _LATIN_I_IN_CYRILLIC.sub("і", line)
    # "2008.gada 14.augustā": the Latvian order (year, "gada", day, month), as figures.
    line = _LATVIAN_DATE.sub(
        lambda m: f"{m[2]}.{_LATVIAN_MONTHS.index(m[3].lower()) + 1:02d}.{m[1]}", line
    )
    line = _LITHUANIAN_DATE.sub(
        lambda m: f"{m[3]}.{_LITHUANIAN_MONTHS.index(m[2].lower()) + 1:02d}.{m[1]}", line
    )
    line = _as_figures(line)
    # "Donnerstag, den 19. April 2018": a German weekday is no place.
    line = re.sub(
        # (or its abbreviation: "So., 09. Okt. 2022")
        r"^(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|(?:mo|di|mi|do|fr|sa|so)\.)"
        r",?\s+(?:den\s+)?",
        "",
        line,
        flags=re.IGNORECASE,
    )
    greek_day = _GREEK_DAY.match(line)
    line = line[greek_day.end() :] if greek_day else line
    found = [d for d in dates_mentioned(line, None) if len(d[2]) == 10]
    if not found:
        # "23 décembre 2021", "23. Dezember 2021", "11 января 2022 г.": a header's date in
        # another language than the patterns read.
        other = _parsed_span(line)
        found = [other] if other is not None else []
    for a, b, iso in found:
        # The update stamp after the day is the day it changed: not part of the date line.
        after = _UPDATED_AFTER.sub("", line[b:]) if len(line) - b <= 80 else line[b:]
        rest = (line[:a] + " " + after).strip(_EDGES)
        # A time zone first ("(UTC +04:00)", "GMT+3"), then the time ("14:51", "2:25 p.m. EST").
        rest = re.sub(r"\(?\b(?:UTC|GMT)\s*(?:[+−-]\s*\d{1,2}(?::?\d{2})?)?\)?", " ", rest)
        rest = re.sub(
            r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\b(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?", " ", rest
        )
        # "Published on January 12, 2022 at 10:30": a label says the date is the page's.
        labelled = re.match(rf"(?:date|dated|published|posted|issued|{_PUBLISHED})\b", rest, re.I)
        rest = re.sub(
            rf"^(?:date|dated|on|published|posted|issued|{_PUBLISHED})(?:\s+on)?\b",
            " ",
            rest,
            flags=re.IGNORECASE,
        ).strip(_EDGES)
        if labelled:
            rest = re.sub(r"^(?:at|,)\s*$", "", rest.strip())
        stamp = greek_day is not None or _STAMP_DAY.match(rest + " ") is not None
        if stamp:
            rest = _STAMP_DAY.sub("", rest + " ", count=1).strip(_EDGES)
        if _words(rest) > 6:
            return None
        place = re.sub(r"\s+", " ", rest).strip(" ,") or None
        if place and (not place[0].isupper() or not _place_like(place)):
            return None if _words(place) > 1 else (dt.date.fromisoformat(iso), None, 1)
        strength = 1 if stamp and not labelled else (3 if place else 2)
        return dt.date.fromisoformat(iso), place, strength
    return None


#: A title that says what the document is and whose it is: "Déclaration de M. Jean-Yves
#: Le Drian, …", "OTAN - Déclaration de Jean-Yves Le Drian à son arrivée …".
_TITLED = re.compile(
    r"^(?:[A-Z]{2,8}\s+[-–]\s+)?(?:déclaration|discours|allocution|intervention|entretien|"
    r"conférence de presse|communiqué|tribune)\s+(?:de|du|d[’']|avec)\s*"
    r"(?:(?:M|Mme|MM)\.?\s+)?(?P<who>[A-Z][^\n]{2,300})$",
    re.IGNORECASE,
)


def _update_stamp_day(text: str, dropped: list[tuple[int, int, str]]) -> dt.date | None:
    """The day of the page's update stamp near its top, when nothing else dates it.

    "Updated on Apr 01, 2022 02:29 PM IST", "Last updated 2019.12.04 15:55": a page that
    prints no other day was written that day or shortly before, as a reader takes it; a
    guess, marked as such.
    """
    for a, b, why in dropped:
        if a > 1500 or why != "page update stamp":
            continue
        stamp = _UPDATED_LEAD.sub("", text[a:b].strip())
        read = _date_line(stamp)
        if read is not None:
            return read[0]
    return None


def _outlet_label(core: str) -> bool:
    """Whether a label names an outlet, in its own case or in capitals ("LE FIGARO. - …")."""
    return _OUTLET.search(core) is not None or (
        core.isupper() and _OUTLET.search(core.title()) is not None
    )


def _named_interviewer(core: str, ctx: _Context) -> bool:
    """Whether a label in capitals is the outlet the page names its interview after.

    "BZ-INTERVIEW mit dem Russlandbeauftragten …" over "BZ: Herr Erler, …?": the paper's
    initials label its questions (as "SZ-Interview", "NZZ interview" would).
    """
    if re.fullmatch(rf"[{UPPER}]{{2,}}", core) is None:
        return False
    head = ctx.text[:2000]
    return re.search(rf"(?<!\w){core}[- ]?(?:interview|gespräch)\b", head, re.I) is not None


def _title_tail_date(line: str) -> dt.date | None:
    """The day at the end of a title, in any of the languages dateparser reads.

    "… au Sénat le 26 janvier 2022.", "… (Bruxelles, 4 mars 2022)".
    """
    tail = " ".join(re.sub(r"[()]", " ", line).split()[-6:]).strip(" .")
    return _parsed_date(tail)


def _salutation(line: str) -> bool:
    line = line.strip()
    return _words(line) <= 8 and bool(_VOCATIVE.match(line)) and bool(re.search(r"[,.!]$", line))


def _split_at_salutation(text: str, blocks: list[Block]) -> list[Block]:
    """A salutation wrapped into the header's block (a PDF's lines) starts its own block."""
    out = list(blocks)
    for i, block in enumerate(blocks[:3]):
        starts = [block.start]
        for raw_line in text[block.start : block.end].split("\n"):
            starts.append(starts[-1] + len(raw_line) + 1)
        for j, start in enumerate(starts[1:-1], start=1):
            end = starts[j + 1] - 1
            if _salutation(text[start:end]):
                out[i] = Block(block.start, start - 1, block.page)
                out.insert(i + 1, Block(start, block.end, block.page))
                return out
    return out


def _salutation_at(text: str, blocks: list[Block]) -> int | None:
    """The block a speech opens with, when a short salutation comes near the top.

    "Mr Chairperson, Mr Minister,", "Good afternoon.", "Monsieur le Sénateur,": a line of
    at most eight words that is only an address. The lines above it (at most ten, none a
    paragraph) are the document's header: title, stamps, "Re:" fields, delivery notes.
    """
    for i, block in enumerate(blocks[:10]):
        line = text[block.start : block.end].strip()
        if _words(line) > 40:
            return None
        if _salutation(line) and not (
            line.lower().startswith("thank you") and _closing(text, blocks, i)
        ):
            return i if i > 0 else None
    return None


def _closing(text: str, blocks: list[Block], i: int) -> bool:
    """Whether block ``i`` closes the text: fewer than twenty words follow it.

    "Thank you, Mr Chairperson." opens a speech, or ends one as short as ten paragraphs
    (the other addresses open one only).
    """
    return sum(_words(text[b.start : b.end]) for b in blocks[i + 1 : i + 4]) < 20


def _place_like(text: str) -> bool:
    """Whether text reads as a place.

    Capitalised words ("The Kremlin, Moscow", "Novo-Ogaryovo, Moscow Region") naming a
    known city, or in parts separated by commas.
    """
    words = text.replace(",", " ").split()
    if not words or not all(w[:1].isupper() or w.lower() in _CONNECTORS for w in words):
        return False
    known = any(re.search(rf"\b{re.escape(p)}\b", text) for p in load().rules.places)
    return known or "," in text or _words(text) <= 2


def _trailing_date(line: str) -> dt.date | None:
    """A title that ends with its date: "Interview with …, Moscow, April 22, 2015".

    Not a meeting the text was given ahead of ("… ahead of the Ministerial Council,
    1-2 December 2009, Athens"): that day is the meeting's.
    """
    if _AHEAD.search(line):
        return None
    found = [d for d in dates_mentioned(line, None) if len(d[2]) == 10]
    closing = re.search(r"\((?P<inner>[^()]{6,60})\)\s*\.?$", line)
    if closing is not None:
        # "… Ministerial Council (December 7, 2017, Vienna)": the day and the place.
        inner = [d for d in dates_mentioned(closing["inner"], None) if len(d[2]) == 10]
        after = closing["inner"][inner[0][1] :].strip(" ,") if len(inner) == 1 else None
        if after is not None and (not after or _place_like(after)):
            return dt.date.fromisoformat(inner[0][2])
    if not found and "," in line:
        # "…, Washington, 10 de diciembre de 2019": a date of another language closing the
        # title after its last comma.
        last = _date_line(line.rsplit(",", 1)[1].strip())
        if last is not None:
            return last[0]
    if not found:
        # "… Excerpts from the daily press briefing (24.01.19)": day, month, two-digit year.
        short = re.search(r"\((?P<d>[0-3]\d)\.(?P<m>[01]\d)\.(?P<y>\d\d)\)\s*$", line)
        if short is not None:
            try:
                return dt.date(2000 + int(short["y"]), int(short["m"]), int(short["d"]))
            except ValueError:
                return None
        return None
    a, b, iso = found[-1]
    tail = line[b:].strip(_EDGES + ")")
    if tail and re.fullmatch(r",\s*(?:[A-Z][\w’'-]+\s?){1,3}", line[b:].strip()):
        # "… du chef de l'Alliance... 23.12.2021, Sputnik France": the publisher's stamp.
        return dt.date.fromisoformat(iso) if re.search(r"\.{3}|…|\s$", line[:a]) else None
    # ("… at the 54th session of the CTBTO Preparatory Commission. 25 June 2020": the day
    # after the title's full stop)
    if tail or not re.search(r"(?:,|\(|\S\.)\s*$", line[:a]):
        return None
    return dt.date.fromisoformat(iso)


#: A month's name in French, German, Russian, Spanish, Italian, Polish, Ukrainian, Danish,
#: Finnish, Norwegian, Swedish, Dutch or Greek (a cheap gate before dateparser, which is slow):
#: the stems of the months whose English names differ.
_OTHER_MONTH = re.compile(
    r"\b(?:janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|sept|oct|nov|déc|dec|januar|"
    r"februar|märz|maerz|juni|juli|oktober|dezember|янв|фев|мар|апр|ма[яй]|июн|июл|авг|сен|"
    r"окт|ноя|дек|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|"
    r"noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|"
    r"dicembre|"
    # Italian and Portuguese abbreviations after the day ("9 Lug 2012 20:12", "12 ott
    # 2021", "3 dez 2020"): English words open with them too ("general", "out", "ago")
    r"(?<=\d )(?:gen|mag|giu|lug|ago|ott|dic|fev|abr|out|dez)\b|"
    # German abbreviations after the day and its dot ("09. Okt. 2022", "17. Dez. 2021")
    r"(?<=\d\. )(?:jän|jan|feb|mär|apr|jun|jul|aug|sep|okt|nov|dez)\b|"
    # Polish and Ukrainian ("14 czerwca 2021", "24 лютого 2022")
    r"stycz|lutego|luty|marca|marzec|kwie|maja|czerw|lipca|lipiec|sierp|wrze[sś]|pa[zź]dziern|"
    r"listopad|grud|січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листоп|груд|"
    # Danish ("3. maj 2021"), Finnish ("6. joulukuuta 2016"), Norwegian, Swedish, Dutch
    r"maj|\w+kuuta|desember|januari|februari|maart|mei|augusti|augustus|"
    # Greek ("Πέμπτη, 4 Δεκ 2008", "4 Δεκεμβρίου 2008")
    r"ιαν|φεβ|μαρ|απρ|μα[ιΐί]|ιουν|ιουλ|αυγ|σεπ|οκτ|νο[εέ]|δεκ|"
    # Portuguese, Romanian, Czech and Slovak, Turkish, Croatian and Serbian, Bulgarian,
    # Lithuanian and Estonian ("10 Março, 2022", "2 aprilie 2008", "1. augusta 2020",
    # "24 Şubat 2023", "15. svibnja 2021", "3 март 2022", "gegužės 5", "5. märts 2021")
    r"janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|"
    r"ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie|"
    r"decembrie|"
    r"ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince|"
    r"januára|februára|apríla|mája|júna|júla|augusta|septembra|októbra|novembra|decembra|"
    r"ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık|"
    # Azerbaijani ("12 mart 2022")
    r"yanvar|fevral|aprel|iyun|iyul|avqust|sentyabr|oktyabr|noyabr|dekabr|"
    r"siječnja|veljače|ožujka|travnja|svibnja|lipnja|srpnja|kolovoza|rujna|listopada|"
    r"studenoga|prosinca|januara|februara|septembra|oktobra|novembra|decembra|"
    r"януари|февруари|април|юни|юли|септември|октомври|ноември|декември|"
    r"sausio|vasario|kovo|balandžio|gegužės|birželio|liepos|rugpjūčio|rugsėjo|spalio|"
    r"lapkričio|gruodžio|jaanuar|veebruar|märts|aprill|juuni|juuli|oktoober|detsember)",
    re.IGNORECASE,
)


#: A day written with a full stop before its month's name, as German and Nordic pages print
#: it ("24. August 2016", "Donnerstag, den 19. April 2018").
_DOTTED_DAY = re.compile(r"\b[0-3]?\d\.\s+[A-Za-zÄÖÜäöü]{3,}\.?\s+(?:19|20)\d\d\b")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


@lru_cache(maxsize=4096)
def _full_dates(line: str, languages: tuple[str, ...]) -> tuple[tuple[str, dt.date], ...]:
    """The full dates (day, month and year) dateparser finds in ``line``, as written there."""
    from dateparser.search import search_dates

    settings = {
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DATES_FROM": "past",
    }
    if re.search(r"\b\d{1,2}\.\d{1,2}\.\d{4}\b", line):
        settings["DATE_ORDER"] = "DMY"  # "07.11.2023": dotted figures are day first
    hits = search_dates(line, languages=list(languages), settings=settings)
    # "Today", "heute", "сегодня": dateparser gives them the day it runs, never a date the
    # page prints; a full date shows its day and year in figures, and the year it is given
    # ("2022 m. kovo 12 d." read as "2022 m" in the year 4, or "12 d." as twelve days ago).
    return tuple(
        (shown, when.date())
        for shown, when in hits or []
        if len(re.findall(r"\d", shown)) >= 3 and str(when.year) in shown
    )


def _parsed_span(line: str) -> tuple[int, int, str] | None:
    """A full date in another language in a short line, as ``(start, end, iso)``."""
    if _words(line) > 10 or not _YEAR.search(line):
        return None
    if not (_OTHER_MONTH.search(line) or _DOTTED_DAY.search(line)):
        return None
    # dateparser's search loses the day of "8. desember 2016": the day's full stop becomes a
    # space (offsets unchanged).
    line = re.sub(r"\b([0-3]?\d)\.(?=\s+[^\W\d_]{3,})", r"\1 ", line)
    # Nor does it read a month abbreviated with a full stop ("09. Okt. 2022"): a space.
    line = re.sub(r"(?<=\b[^\W\d_]{3})\.(?=\s+\d)", " ", line)
    for shown, when in _full_dates(
        line,
        (
            *("en", "fr", "de", "ru", "es", "it", "pl", "uk", "nb", "da", "fi", "sv", "nl"),
            *("el", "pt", "ro", "cs", "sk", "tr", "hr", "sr", "bg", "lt", "et", "az"),
        ),
    ):
        at = re.search(r"\s+".join(map(re.escape, shown.split())), line)
        if at is not None and re.search(r"(?:19|20)\d\d", shown):
            return at.start(), at.end(), when.isoformat()
    return None


def _parsed_date(line: str) -> dt.date | None:
    """A full date in a short header line that the patterns missed ("02/10/2007").

    Found by dateparser's search, in English, French, German or Russian, then in the other
    languages whose month names :data:`_OTHER_MONTH` knows ("Hamburg, 8. desember 2016").
    """
    if _words(line) > 12 or not _YEAR.search(line):
        return None
    found = _full_dates(line, ("en", "fr", "de", "ru"))
    if found:
        return found[0][1]
    other = _parsed_span(line)
    return dt.date.fromisoformat(other[2]) if other is not None else None


def _subtitle(line: str, title: str) -> bool:
    """A short header line after the title that is not a sentence: a subtitle or caption."""
    if _words(line) > 30 or re.search(r"[.!?:;,…\"”’)]$", line):
        return False
    return line[:1].isupper() or line.strip() == title.strip()


def _place_line(line: str) -> bool:
    if _words(line) <= 3:
        line = re.sub(r"\s*,\s*$", "", line)  # "Athens ,": a place whose date was left out
    if _words(line) > 6 or re.search(r"[.?!:;,]$", line) or re.search(r"\d", line):
        return False
    known = any(re.search(rf"\b{re.escape(p)}\b", line) for p in load().rules.places)
    return known or ("," in line and all(w[:1].isupper() for w in line.replace(",", " ").split()))


#: A label wholly in quotation marks names an outlet ("Belarus 1":, «Izvestia»:): the
#: interviewer's turn in transcripts published by ministries.
_QUOTED_LABEL = re.compile(r"^[\"“«„](?P<outlet>[^\"“”«»„]{2,40})[\"”»“]$")


#: Words naming a document or its part, never a speaker.
_DOCUMENT_WORDS = {
    "text",
    "communique",
    "communiqué",
    "declaration",
    "agenda",
    "annex",
    "summary",
    "report",
    "resolution",
    "paragraph",
    "item",
    "excerpt",
    "excerpts",
    "transcript",
    # "SPEAKERS: ROBERT JOSEPH, …": a programme's field listing who takes part
    "speakers",
    "participants",
    "panelists",
    "panellists",
    "attendees",
    "files",  # "FCC Public Inspection Files:", a station's field
}


@lru_cache(maxsize=1)
def _lower_places() -> frozenset[str]:
    """The rules' places in lower case, made once (a label is tested against them)."""
    return frozenset(p.lower() for p in load().rules.places)


def _office_then_name(core: str) -> bool:
    """Whether a label is an office (its first word a title's) and a name closing it."""
    named = person_name(core)
    return named is not None and _words(named[0]) >= 2 and core.rstrip().endswith(named[0])


#: A Spanish record's office in capitals with the person's surnames in brackets ("El
#: señor MINISTRO DE ASUNTOS EXTERIORES, UNIÓN EUROPEA Y COOPERACIÓN (Albares Bueno)").
_OFFICE_THEN_BRACKETED_NAME = re.compile(
    rf"(?:{COURTESY}\s+)?(?P<office>[A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ ,]{{5,150}}?)\s*"
    r"\((?P<name>[A-ZÁÉÍÓÚÑ][a-záéíóúñü’'-]+(?:\s+(?:de\s+(?:la\s+|los\s+)?)?[A-ZÁÉÍÓÚÑ][a-záéíóúñü’'-]+){0,3})\)"
)


def _label_like(label: str) -> bool:
    core = re.sub(r"\([^)]*\)", " ", label).strip(" ,")
    # "De heer Van Bommel (SP)", "Mevrouw Eijsink (PvdA)": a courtesy title before the name.
    core = re.sub(rf"^{COURTESY}\s+(?=[A-Z])", "", core)
    head, _, office = core.partition(",")
    if (
        office.strip()
        and 2 <= _words(head) <= 3
        and _words(office) <= 10
        and all(re.fullmatch(r"[A-Z][\w’'-]+", w) for w in head.split())
        and person_name(head) == (head.strip(), None)
        and (
            is_role_word(office.split()[0].strip(","))
            or _OUTLET_WORD.search(office)
            # 'Alexei Minchenok, "Le Miroir"': an outlet's name in quotation marks
            or re.fullmatch(r"\s*[«\"“„][^\"“”«»„]{2,40}[\"”»“]\s*", office)
        )
    ):
        # "Vladimir Bazanov, deputy of the House of Representatives": an office; "Violetta
        # Ganina, First Pridnestrovian TV channel": an outlet
        return True
    words = core.split()
    if len(label) <= 110 and _role_without_person(core) and not re.search(r"[\d?!;\"“”]", core):
        # "Domanda di un’inviata del canale televisivo russo in lingua inglese Russia
        # Today:", "Вопрос:": an asker or a role the rules name, lower-case words and all.
        return True
    if not 1 <= len(words) <= 9 or len(label) > 110:
        return False
    if re.search(r"[\d?!;\"“”]", core) or words[0].lower().strip(".") in _NOT_LABELS:
        return False
    if (
        is_role_word(words[0])
        and any(w[:1].islower() for w in words[1:])
        and _office_then_name(core)
    ):
        # "Ministr zahraničních věcí ČR Tomáš Petříček:": an office in the words of a
        # language that writes them in lower case, then the person's name.
        return True
    if len(words) <= 3 and re.fullmatch(
        r"interview|интервью|entretien|intervista", words[-1], re.I
    ):
        return False  # "RD Interview: The Secretary General discusses …": a kicker
    if not words[0][:1].isupper():
        return False
    if core.lower() in _lower_places():
        return False  # "Moscow: …" is a kicker or dateline, a place does not speak
    if core.lower() in one_word_state_names():
        return False  # "RUSSIA:Russia has warned …": a kicker naming a state
    if _VOCATIVE.match(core) and _words(core) <= 4:
        return False  # "Ladies and Gentlemen:": an address, not a speaker
    if re.fullmatch(r"[B-PS-Z]\.?", core):
        return False  # "L:", "K:": a reader's initials, no one's name (Q, A, R are roles)
    if re.fullmatch(r"[A-Z]{2,6}", core) and link(core, None).instruments:
        return False  # 'NPT: "We are ready …"': a crosshead naming a treaty
    if any(w.lower().strip(",") in _DOCUMENT_WORDS for w in words):
        return False  # "FULL TEXT OF COMMUNIQUE: (see paragraph 23)": a document's part
    for w in words:
        bare = w.strip(",")
        if bare.lower() in _CONNECTORS:
            continue
        if not bare[:1].isupper():
            return False
        if "." in bare and not re.fullmatch(
            # Initials glued to the surname ("V.Makei", "S.A.Ryabkov") as ministries print.
            r"(?:[A-Z]\.)+(?:[A-Z][^\W\d_]*[a-z’'-][^\W\d_’'-]*)?|"
            # Cyrillic initials glued to the surname, as Russian transcripts print them
            # ("С.В.Лавров", "Н.БОЛТЯНСКАЯ").
            r"(?:[А-ЯЁ]\.)+[А-ЯЁ][а-яёА-ЯЁ-]+|Mr\.|Mrs\.|Ms\.|Dr\.|MR\.|MRS\.|MS\.|DR\.|St\.|Jr\.|H\.E\.|Amb\.|Gen\.|Sen\.|Rep\.|Prof\.|"
            r"Adm\.|Col\.|Lt\.|Gov\.|Sec\.",
            bare,
        ):
            return False
    return True


#: German's own small words (articles, pronouns, auxiliaries), which English never writes.
_GERMAN_SMALL_WORDS = re.compile(
    r"\b(?:der|die|das|dem|den|des|und|ist|sind|hat|haben|wir|ich|nicht|eine?|einen|mit|"
    r"auf|für|wird|werden|auch|sich|zu)\b"
)


def _title_case(rest: str) -> bool:
    """A headline in title case ("… Antony Blinken Says U.S.' Written Response …").

    Six words or more, at least four of them longer than three letters, and four in five
    of those capitalised: nobody speaks with every word capitalised, except in German, which
    capitalises every noun ("Ich eröffne die Sitzung. Das Wort hat der Abgeordnete …": two
    of its own small words say the line is German, and German speech).
    """
    if len(_GERMAN_SMALL_WORDS.findall(rest)) >= 2:
        return False
    words = rest.split()
    long = [w for w in words if len(w.strip("'’.,;:")) > 3]
    if len(words) < 6 or len(long) < 4:
        return False
    return sum(w[:1].isupper() for w in long) >= 0.8 * len(long)


def _closes_on_attribution(para: str) -> bool:
    """Whether a paragraph's last clause, after its last comma, holds a speech verb."""
    tail = para.rstrip().rsplit(",", 1)
    return len(tail) == 2 and len(tail[1].split()) <= 14 and _SAID.search(tail[1]) is not None


#: A question opened by addressing the person asked by name ("Herr Lambsdorff, …", "Mr
#: Greminger, …", "Pane ministře, …"): the name.
_VOCATIVE_NAME = re.compile(
    r"(?:Herr|Frau|Mr\.?|Mrs\.?|Ms\.?|Monsieur|Madame|Señor|Señora|Signor|Signora|Pan|Pani|"
    r"Pane|Paní|Pán|Господин|Госпожа|Пане|Пані)\s+(?P<name>[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ][\w’'-]+)\s*,"
)


def _answers_led_by_surname(text: str, blocks: list[Block]) -> tuple[str, set[int]] | None:
    """The interviewee's surname and the answers it opens, in an interview that prints it so.

    A question addresses someone by name ("Herr Lambsdorff, …?"), and two paragraphs after
    it at least open with that surname, glued to the answer or before a capital ("Lambsdorff
    Die USA …"); None otherwise.
    """
    for k, block in enumerate(blocks[:4]):
        called = _VOCATIVE_NAME.match(text, block.start, block.end)
        if called is None:
            continue
        surname = called["name"]
        led = {
            j
            for j in range(k + 1, len(blocks))
            if re.match(
                rf"{re.escape(surname)}(?:\s*[:–—-]?\s*)(?=[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ„“\"«])",
                text[blocks[j].start : blocks[j].end],
            )
            and not re.match(
                rf"{re.escape(surname)}\s+[a-zà-ÿ]", text[blocks[j].start : blocks[j].end]
            )
        }
        if len(led) >= 2:
            return surname, led
        return None
    return None


def _outlet_key(label: str) -> str:
    """An outlet's label without its article or case: "DIE ZEIT" and "ZEIT" are one paper."""
    words = label.split()
    if len(words) > 1 and words[0].lower() in ("die", "der", "das", "the", "le", "la", "el", "il"):
        words = words[1:]
    return " ".join(words).casefold()


def _titled_other(line: str) -> re.Match[str] | None:
    """:data:`_TITLE_BY_OTHER`'s match, when what follows the word names a person."""
    by = _TITLE_BY_OTHER.match(line)
    if by is None:
        return None
    # "Stellungnahme der Ständigen Vertreterin …, Botschafterin Gesa Bräutigam, bei der 84.
    # gemeinsamen Sitzung … in Wien": the person before the occasion
    return by if _before_occasion(by["who"]) is not None else None


def _before_occasion(who: str) -> str | None:
    """The shortest part of ``who`` ending before an occasion's word that names a person.

    "Russian Foreign Minister Sergey Lavrov" of "Russian Foreign Minister Sergey Lavrov
    during the joint press conference with …" (:data:`_OCCASION`); None if no part does.
    """
    cuts = [m.start() for m in _OCCASION.finditer(who)] + [len(who)]
    return next((who[:c] for c in cuts if person_name(who[:c]) is not None), None)


def _kicker(rest: str, block: str, first: bool = False) -> bool:
    """Whether ``Name: words`` is a news subheading, not a speaker's turn.

    The document's first block may be a longer headline ("Press Secretary Peskov:
    relations between Russia and NATO have reached the limit …", up to 20 words); a turn
    broken off with a dash ("Let me finish what --") is speech.

    "Ryabkov: Talks were difficult but businesslike" stands alone on its line, a short
    phrase without the punctuation that ends what someone says; a turn goes on as speech.
    """
    words = rest.split()
    if re.match(r"\s*[—–]\s", rest):
        return False  # "O Sr. Pedro Pessanha (CH): — Sr. Presidente, …": a record's turn
    if _salutation(rest):
        return False  # "… Vladimir Poutine : Monsieur le Président, Mesdames et Messieurs,"
    if _title_case(rest):
        return True
    return (
        "\n" not in block.strip()
        and 3 <= len(words) <= (20 if first else 12)
        and not re.search(r"[.?!…:;,\"”’)—–-]\s*$", rest)
        and rest.lstrip()[:1] not in "“\"'"
    )


#: Parties a member of the Dáil (or of Westminster, spelt out) sits for.
_IRISH = (
    r"(?:Fine Gael|Fianna Fáil|Sinn Féin|Labour|Social Democrats|Green Party|Independent|"
    r"People Before Profit[^()]*|Aontú|Conservative|Liberal Democrats?|SNP|DUP|Plaid Cymru)"
)
#: A parliamentary party's abbreviation after a member's constituency.
_PARTY = r"(?:Con|Lab|LD|SNP|DUP|PC|Ind|Green|SDLP|Alliance|Lab/Co-op|UUP|Reform|CB|XB|Non-Afl)"
#: News agencies a dateline names in brackets, in their own case ("(Reuters)", "(dpa)").
_AGENCY = re.compile(
    # (Reuters, Interfax, AFP, AP, Bloomberg and TASS are outlets already: _OUTLET)
    r"Xinhua|Sputnik|Kyodo|Yonhap|Anadolu|dpa|Belga|Ukrinform|"
    r"Kazinform|Trend|Novosti|Kabar|Akorda|BelTA|Mehr|Jiji|Agerpres|Lusa|Efe|Ansa|Notimex",
)
_HANSARD_LINE = re.compile(
    # "Malcolm Rifkind Portrait Sir Malcolm Rifkind (Kensington) (Con)": the name first
    r"^(?P<portrait>[A-Z][\w’'.-]+(?:\s+(?:of\s+)?[A-Z][\w’'.-]+){1,5})\s+Portrait\s+\S.{0,100}$"
    # "James Sunderland (Bracknell) (Con)"
    rf"|^(?P<member>(?:{HONORIFIC}\s+)?[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){{1,3}})"
    rf"\s+\([A-Z][^()]{{1,40}}\)\s+\({_PARTY}\)$"
    # "Photo of Simon HarrisSimon Harris (Wicklow, Fine Gael)": the Dáil's reader, a
    # portrait's text glued to the member's name, constituency and party; so in the other
    # readers of parliaments built alike ("Photo of Russell TroodRussell Trood (Queensland,
    # Liberal Party) Share this | | Hansard source", "Photo of Lord Collins of Highbury Lord
    # Collins of Highbury Opposition Whip (Lords), … 7:12 pm, 5th February 2019"): the name
    # twice over is the mark.
    rf"|^Photo of\s+(?P<alt>[A-Z][^()]{{2,60}}?)\s*(?P=alt)(?:\s.{{0,300}})?$"
    rf"|^(?P<dail>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){{1,3}})\s+\([A-Z][^(),]{{1,40}},\s*{_IRISH}\)$"
    # "The Minister for Armed Forces (James Heappey)"
    # "The Deputy Presiding Officer (Liam McArthur)", the Scottish Parliament's chair, and
    # a minister's title however long ("The Minister for Culture, Europe and … (Neil Gray)")
    r"|^(?:The\s+)?(?:[A-Z][\w’'-]+\s+){0,3}(?:Minister|Secretary|Speaker|Leader|Chancellor|"
    r"Solicitor|Attorney|Presiding Officer|Convener)\b[^()]{0,200}"
    r"\((?P<office>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3})\)$"
)


def _hansard_name(line: str) -> str | None:
    """The person a Hansard speaker's line names, if the line is one."""
    found = _HANSARD_LINE.match(line.strip())
    if found is None:
        return None
    return found["portrait"] or found["member"] or found["alt"] or found["dail"] or found["office"]


_DASH_LABEL = re.compile(
    # "BAŞKAN – …": the Turkish Grand National Assembly's chair.
    r"^(?P<label>(?:The\s+)?(?:PRESIDENT|President|CHAIR(?:MAN|PERSON)?|Chair(?:man|person)?|"
    r"SPEAKER|Speaker|BAŞKAN)"
    # "KADİR GÖKMEN ÖĞÜT (İstanbul) – …": a member's name in capitals and the constituency
    # (not an agency: "NEW YORK (AP) –" is a dateline; see _inline_label).
    rf"|[{UPPER}][{UPPER}’'-]+(?:\s+[{UPPER}][{UPPER}’'-]+){{1,3}}\s+\((?P<seat>[{UPPER}][^()\n]{{1,40}})\)"
    rf"|{HONORIFIC}\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){{0,3}}"
    # The European Parliament's verbatim report: "Bernard Guetta (Renew). – Madame la
    # Présidente, …", "Jan Halvar, on behalf of the PPE Group. – …" (its political group,
    # then a full stop before the dash).
    rf"|[{UPPER}][\w’'-]+(?:\s+[{UPPER}][\w’'-]+){{1,3}}\s+\((?P<group>[^()\n]{{1,30}})\)(?=\.)"
    rf"|[{UPPER}][\w’'-]+(?:\s+[{UPPER}][\w’'-]+){{1,3}},\s+(?:on behalf of|au nom du|"
    r"im Namen der|en nombre del|a nome del|w imieniu)\s[^.\n]{2,60}(?=\.)"
    # "С. СОРОКИНА – …", "Ю. КОБАЛАДЗЕ - …": a broadcaster's transcript (Echo of Moscow),
    # the initial and the surname in capitals.
    rf"|[{UPPER}]\.\s?[{UPPER}]{{2,}}(?:-[{UPPER}]{{2,}})?"
    # "LE FIGARO. - …" over "Anders Fogh RASMUSSEN. - …": a French paper's interview, its
    # name and the guest's surname in capitals, each closed by a full stop before the dash.
    rf"|(?:[{UPPER}][^\W\d_{UPPER}][\w’'-]*\s+){{1,3}}[{UPPER}]{{2,}}[{UPPER}’'-]*(?=\.)"
    # (the paper's name after its article: "NEW YORK. - …" is a dateline)
    rf"|(?:LE|LA|LES|EL|IL|DIE|DER|DAS|THE)\s+[{UPPER}]{{2,}}(?:\s+[{UPPER}]{{2,}})?(?=\.))"
    rf"\.?\s+[–—-]\s+(?=[{UPPER}“\"«])"
)


#: The Congressional Record's speaker, a surname in capitals closed by a full stop ("Mr.
#: REID. Mr. President, …", "Mr. McCAIN.", "The PRESIDING OFFICER. Is there objection?").
_RECORD_LABEL = re.compile(
    r"^\s*(?P<label>(?:Mr|Mrs|Ms|Miss)\.\s+(?:Mc|Mac|O[’'])?[A-Z]{2,}(?:[- ][A-Z]{2,})?"
    r"(?:\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?"
    r"|The\s+(?:PRESIDING OFFICER|ACTING PRESIDENT pro tempore|PRESIDENT pro tempore|"
    r"SPEAKER pro tempore|SPEAKER|CHAIRMAN|CHAIRWOMAN|CHAIR|CLERK))\.\s+(?=[A-Z“\"])"
)


#: A parliament's verbatim record that closes the speaker with a full stop, the words on the
#: same line: the French chambers ("M. le président. La parole est à …", "M. Jean-Luc
#: Mélenchon. Monsieur le président, …", "Mme Catherine Colonna, ministre de l'Europe et
#: des affaires étrangères. …"), the Italian ones ("PRESIDENTE. Ha facoltà …", "LUIGI DI
#: MAIO, Ministro degli affari esteri. Presidente, …"), the Duma and the Rada
#: ("Председательствующий. …", "Лавров С. В. Уважаемые …", "КУЛЕБА Д.І. Шановні …"), and the
#: European Parliament's "Josep Borrell Fontelles, Vice-President of the Commission. – …".
_RECORD_STOP_LABEL = re.compile(
    r"^(?P<label>"
    r"(?:M\.|Mme|Mlle)\s+(?:(?:le|la)\s+)?[^\W\d_][\w’'-]*(?:[\s-]+[^\W\d_][\w’'-]*){0,4}"
    r"(?:,\s+[^.:\n]{3,140})?"
    r"|PRESIDENTE|[A-ZÀ-ÖØ-Þ’'-]{2,}(?:\s+[A-ZÀ-ÖØ-Þ’'-]{2,}){1,3}(?:,\s+[^.:\n]{3,140})?"
    r"|Председательствующий|Председатель|ГОЛОВУЮЧИЙ|Головуючий"
    r"|[А-ЯЁІЇЄҐ][А-ЯЁІЇЄҐа-яёіїєґ’'-]+\s+[А-ЯЁІЇЄҐ]\.\s?[А-ЯЁІЇЄҐ]"
    r"|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,4},\s+[^.:\n–—]{3,140}(?=\.\s+[–—-]))"
    r"\.(?:\s+[–—-])?\s+(?=[^\W\d_a-zа-яёіїєґ]|[«“\"])"
)


#: Small words of a heading in capitals ("STATEMENT BY …", "ADDRESS TO THE …").
_HEADING_WORDS = {"by", "to", "on", "the", "and", "at", "for", "with", "statement", "address"}


def _stop_label_is_a_speaker(label: str) -> bool:
    """Whether a label closed by a full stop names a speaker, not a sentence or a heading.

    An office alone ("PRESIDENTE", "Председательствующий", "M. le président"), a name with
    initials, or a person's name (in capitals or not) before an optional office.
    """
    if re.fullmatch(r"PRESIDENTE|Председательствующий|Председатель|ГОЛОВУЮЧИЙ|Головуючий", label):
        return True
    if re.fullmatch(r"(?:M\.|Mme|Mlle)\s+(?:le|la)\s+(?:président|présidente)", label):
        return True
    if re.search(r"\s[А-ЯЁІЇЄҐ]\.\s?[А-ЯЁІЇЄҐ]$", label):
        return True
    name = label.split(",")[0]
    name = re.sub(r"^(?:M\.|Mme|Mlle)\s+", "", name)
    if name.isupper():
        # "STATEMENT BY MR. SERGEY RYABKOV, …": a heading in capitals, not a name
        words = name.lower().split()
        if words[-1] in ("mr", "mrs", "ms", "dr") or set(words) & _HEADING_WORDS:
            return False
        name = name.title()
    return person_name(name) is not None and _words(name) <= 5


#: "Вопрос", "Питання": a question, or an agenda item (see ``_turns``).
_AGENDA_FIELD = re.compile(r"\s*(?:вопрос|питання)\s*$", re.IGNORECASE)


_TIMED_LABEL = re.compile(
    r"^(?P<label>[^:\n\[\]]{2,100}?)\s*\[\d{1,2}:\d{2}(?::\d{2})?\]\s*:"
    r"(?:\s*\([^()\n]{1,60}\)\s*:)?(?:\s+|$)"
)


#: The fixed forms :func:`_inline_label` tries, compiled once.
_BARE_Q = re.compile(r"^Q\s{1,3}(?=[A-Z“\"(])")
_Q_NAME_LABEL = re.compile(r"^Q\s+[A-Z][a-z]+\s*:")
_NUMBERED_LABEL = re.compile(r"^(?:Q|Anf\.\s?)\d{1,4}\s+(?=[A-ZÅÄÖ])")
_TIMED_TURN = re.compile(r"^[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?\s+(?=[A-Z])")
_BULLET_LABEL = re.compile(r"^[•▪◦]\s*[^:\n]{2,110}:\s*$")
_BULLET_MARK = re.compile(r"^[•▪◦]\s*")
_COLON_LABEL = re.compile(r"^(?P<label>[^:\n]{1,110}?)\s*:(?:\s+|$)")
_GLUED_LABEL = re.compile(r"^(?P<label>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2}):(?=[A-Z“\"])")
_REPORTER_ASKED = re.compile(
    r"^(?:An?|The)\s+(?P<label>reporter|journalist|correspondent)\s+asked\s*:\s*"
)
_DASHED_QA = re.compile(r"^(?P<label>Q|A|R|Question|Answer|Réponse)\s*[–—-]\s+(?=[A-Z“\"«])")
_DOTTED_QA = re.compile(r"^(?P<label>Pregunta|Respuesta|P|R)\.\s+(?=[A-ZÁÉÍÓÚÑ¿¡“\"«])")
_BRACKETED_ASKER = re.compile(r"^\[(?P<who>[^\[\],\n]{3,60})(?:,[^\[\]\n]{2,60})?\]\s+(?=[A-Z“\"])")


def _inline_label(line: str) -> tuple[str, int] | None:
    """``"Name: text"`` → ``("Name", offset of text)``; also a label alone with a colon.

    A committee's question number before the label ("Q28   Stuart Anderson:") is set aside.
    """
    colon = line.find(":")
    if line[:1] == "[" and colon > 0 and "]" not in line[:colon]:
        # "[The Minister for the Armed Forces (Luke Pollard): I can indeed.": a bracket the
        # page left open before a member's label
        inner = _inline_label(line[1:])
        return (inner[0], inner[1] + 1) if inner is not None else None
    timed = _TIMED_LABEL.match(line) if "[" in line else None
    if timed is not None and _label_like(timed["label"]):
        # "Svein Roald Hansen (A) [09:31:23]: (ordfører for saken): …": the Storting's
        # record times each speech; the colons of the time are not the label's.
        return timed["label"], timed.end()
    # "Anf. 1 Utrikesminister CARL BILDT (m):": the Riksdag's record numbers each speech.
    briefing_q = _BARE_Q.match(line)
    if briefing_q is not None and not _Q_NAME_LABEL.match(line):
        # "Q That took up 45 minutes. (Laughter.)": the White House's transcripts print a
        # reporter's question after a bare "Q"
        return "Q", briefing_q.end()
    # ("0:00:00.3 John Ciorciari: Welcome …", "[00:12:31] Moderator: …": a recording's
    # transcript times each turn before its label.)
    numbered = _NUMBERED_LABEL.match(line) or _TIMED_TURN.match(line)
    if numbered is None and line[:1] in "•▪◦" and _BULLET_LABEL.match(line):
        # "• Amna Nawaz:": a transcript printed as a list puts a bullet before each
        # speaker's label on its own line (a bulleted line of text is not a label).
        numbered = _BULLET_MARK.match(line)
    if numbered is not None:
        inner = _inline_label(line[numbered.end() :])
        return (inner[0], inner[1] + numbered.end()) if inner is not None else None
    # ("Stoltenberg:The …": a name and its words with the space lost.)
    m = (_COLON_LABEL.match(line) or _GLUED_LABEL.match(line)) if ":" in line else None
    asked = _REPORTER_ASKED.match(line)
    if asked:
        # "A reporter asked: NATO Secretary-General said …": a briefing's question, as the
        # Chinese foreign ministry's English transcripts print it.
        return asked["label"].capitalize(), asked.end()
    dashed = _DASHED_QA.match(line)
    if dashed:
        return dashed.group("label"), dashed.end()  # "Q – …" / "A – …": a briefing's Q&A
    dotted = _DOTTED_QA.match(line)
    if dotted:
        # "Pregunta. Cazas rusos …" / "Respuesta. Quiere que …" / "P. ¿Es también …?": the
        # Spanish press prints an interview's question and answer so.
        word = {"P": "Pregunta", "R": "Respuesta"}.get(dotted["label"], dotted["label"])
        return word, dotted.end()
    bracketed = _BRACKETED_ASKER.match(line) if line[:1] == "[" else None
    if bracketed is not None:
        # "[Helena Bedwell, Bloomberg News] Thank you …": a press conference's record puts
        # a questioner's name and outlet in square brackets before the question.
        # The questioner is named, so the name is the label (the outlet is no speaker); or
        # a role stands there ("[Reporter] …", "[Moderator] …").
        person = person_name(bracketed["who"])
        if person is not None and person[0] == bracketed["who"].strip():
            return person[0], bracketed.end()
        if _role_without_person(bracketed["who"].strip()) is not None:
            return bracketed["who"].strip(), bracketed.end()
    recorded = _RECORD_LABEL.match(line)
    if recorded is not None:
        return recorded.group("label"), recorded.end()
    minuted = _RECORD_STOP_LABEL.match(line)
    if minuted is not None and _stop_label_is_a_speaker(minuted.group("label")):
        label = minuted.group("label")
        initialled = re.fullmatch(
            r"(?P<surname>\S+)\s+(?P<initials>[А-ЯЁІЇЄҐ]\.\s?[А-ЯЁІЇЄҐ])", label
        )
        if initialled is not None:
            # "Лавров С. В.", "КУЛЕБА Д.І.": the initials first, as a name is written.
            surname = initialled["surname"]
            surname = surname.title() if surname.isupper() else surname
            label = f"{initialled['initials']}. {surname}"
        return label, minuted.end()
    chaired = _DASH_LABEL.match(line)
    seat = chaired["seat"] if chaired is not None else None
    if seat is not None and (seat.isupper() or _OUTLET.search(seat) or _AGENCY.fullmatch(seat)):
        chaired = None  # "NEW YORK (AP) –", "SAN FRANCISCO (Reuters) –": a dateline
    if chaired is not None:
        # "President. – The next item is …", "The PRESIDENT – The sitting is open.", "Mr
        # Walter – …": a verbatim report's speaker before a dash.
        return chaired.group("label"), chaired.end()
    if m and _QUOTED_LABEL.match(m.group("label")) and _words(m.group("label")) <= 4:
        return m.group("label"), m.end()  # '"Belarus 1": …': the outlet asks
    if not m or not _label_like(m.group("label")) or m.group("label").startswith("We, "):
        # "We, the Prime Ministers of Estonia, Latvia and Lithuania:" opens a declaration's
        # list of what its signatories do; they are read as its authors, not as a label.
        return None
    return m.group("label"), m.end()


# --- speaker resolution --------------------------------------------------------------


@dataclass
class _Context:
    day: dt.date | None
    participants: list[Person]
    seen: dict[str, Speaker] = field(default_factory=dict)
    #: The page's text, where a label's short form is read against the names it prints.
    text: str = ""
    #: The sitting's chair, as a verbatim record's header names them ("PRESIDENCIA DEL
    #: EXCMO. SR. D. PAU MARÍ KLOSE"), for the labels that give the office alone.
    chair: str | None = None


#: A verbatim record's header naming who chairs the sitting, in Spanish, French and
#: Italian records ("PRESIDENCIA DEL EXCMO. SR. D. PAU MARÍ KLOSE", "PRÉSIDENCE DE M.
#: CLAUDE BARTOLONE", "PRESIDENZA DEL PRESIDENTE ROBERTO FICO").
_CHAIR_HEADER = re.compile(
    r"^\s*(?:PRESIDENCIA|PRÉSIDENCE|PRESIDENZA)\s+(?:DE\s+LA|DEL|DE|DELLA)\s+"
    r"(?:(?:EXCM[OA]\.?|SR\.?|SRA\.?|D\.|D\.ª|DÑA\.?|DOÑA|DON|M\.|MME|PRESIDENTE|PRESIDENTA|"
    r"VICEPRESIDENTE|VICEPRESIDENTA)\s+)*"
    r"(?P<name>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]+(?:\s+[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]+){1,4})\s*$",
    re.MULTILINE,
)

#: A courtesy title, an article and an office in lower case, then a name: a French,
#: Spanish or Italian record's label ("Mme la présidente Patricia Adam", "M. le ministre
#: Jean-Yves Le Drian", "El señor ministro José Manuel Albares").
_ARTICLE_OFFICE_NAME = re.compile(
    r"(?:(?:M\.|Mme|MM\.|Mlle|Sr\.|Sra\.|El señor|La señora|On\.)\s+)?(?:la|le|l['’]|el|il)\s*"
    r"(?P<office>[a-zà-ÿ][\wà-ÿ-]*"
    r"(?:\s+(?:(?:de|du|des|d['’]|del|della|de la)\s*)?[a-zà-ÿ][\wà-ÿ-]*){0,4})"
    r"\s+(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]+(?:\s+(?:de\s+|van\s+|von\s+|le\s+|la\s+)?[A-ZÀ-ÖØ-Þ][\w'’-]+){1,3})"
)


def _chair_named(text: str) -> str | None:
    """The chair a record's header names, in the name's own case ("Pau Marí Klose")."""
    found = _CHAIR_HEADER.search(text[:5000])
    if found is None:
        return None
    return " ".join(w[:1] + w[1:].lower() for w in found["name"].split())


def _full_name_printed(name: str, text: str) -> str | None:
    """The full name a record prints for a label's two surnames ("Albares Bueno").

    Spanish labels give a person's surnames ("(Albares Bueno)") where the chair gave the
    given name and the first surname ("don José Manuel Albares"): the name as printed.
    """
    words = name.split()
    if len(words) != 2:
        return None
    found = re.search(
        rf"(?<![\w-])((?:[A-ZÀ-ÖØ-Þ][a-zß-ÿ'’-]+\s+){{1,2}}{re.escape(words[0])})(?![\w-])",
        text,
    )
    return found.group(1) if found is not None else None


def _role_without_person(core: str) -> str | None:
    for role, pattern in load().rules.roles_without_person:
        if pattern.search(core.strip()):
            return role
    return None


def _resolve(label: str, ctx: _Context, *, standalone: bool) -> Speaker | None:
    bracketed = _OFFICE_THEN_BRACKETED_NAME.fullmatch(label.strip())
    if bracketed is not None and any(
        is_role_word(w) for w in bracketed["office"].lower().replace(",", " ").split()
    ):
        # "El señor MINISTRO DE ASUNTOS EXTERIORES (Albares Bueno)": the person in brackets.
        name = bracketed["name"]
        for seen_name, speaker in ctx.seen.items():
            if seen_name == name:
                return speaker
        title = " ".join(bracketed["office"].split()).strip(" ,").capitalize()
        written = _full_name_printed(name, ctx.text)
        if written is not None:
            ctx.seen[name] = Speaker(written, title)
            return ctx.seen[name]
        speaker = Speaker(name, title)
        ctx.seen[name] = speaker
        return speaker
    paren = " ".join(re.findall(r"\(([^)]*)\)", label)).strip()
    core = re.sub(r"\s*\([^)]*\)", "", label).strip(" ,")
    in_brackets = person_name(paren) if paren and _words(paren) >= 2 else None
    if (
        in_brackets is not None
        and in_brackets[0] == paren
        and any(is_role_word(w) for w in core.split())
        and person_name(core) is None
    ):
        # "The Minister for the Armed Forces (Luke Pollard)": Hansard's office, then the
        # member's name in brackets.
        speaker = ctx.seen.get(paren) or Speaker(paren, core)
        ctx.seen[paren] = speaker
        return speaker
    office_first = _ARTICLE_OFFICE_NAME.fullmatch(core)
    if office_first is not None:
        # "Mme la présidente Patricia Adam", "M. le ministre Jean-Yves Le Drian": the
        # office in lower case after its article, then the name.
        name = office_first["name"]
        speaker = ctx.seen.get(name) or Speaker(name, office_first["office"].capitalize())
        ctx.seen[name] = speaker
        return speaker
    role_only = _role_without_person(core)
    if role_only:
        return Speaker(None, role_only)
    if (
        _outlet_label(core) or _QUOTED_LABEL.match(label.strip()) or _named_interviewer(core, ctx)
    ) and not standalone:
        # "Arms Control Today:": the interviewing outlet; an outlet's name alone on its line
        # ("Reuters" under an update stamp) is a credit, no one asking.
        return Speaker(None, "journalist")
    person, found = _find_alias(core)
    if person is not None:
        if person.name in ctx.seen:
            return ctx.seen[person.name]
        rest = strip_honorifics((core[: found[0]] + " " + core[found[1] :]).strip(" ,-–"))
        rest = re.sub(r"\s+", " ", rest).strip(" ,")
        if paren and not _INTERPRETER.match(paren) and _words(rest) < 2:
            rest = paren
        role = rest if _words(rest) >= 2 else (person.role_on(ctx.day) or rest or None)
        speaker = Speaker(person.name, role, person)
        ctx.seen[person.name] = speaker
        return speaker
    for seen in ctx.seen.values():
        # "PRIME MINISTER:" after "ANTHONY ALBANESE, PRIME MINISTER:": the office alone is
        # the person who was labelled with it.
        if seen.name and seen.role and seen.role.casefold() == core.casefold():
            return seen
    pools = [ctx.participants, [s.person for s in ctx.seen.values() if s.person]]
    for pool in pools:
        holder = person_by_role(core, ctx.day, pool) if pool else None
        if holder is not None:
            return Speaker(holder.name, holder.role_on(ctx.day), holder)
    if _CHAIR_LABEL.fullmatch(core):
        # "The PRESIDENT –" of an assembly's verbatim, when no participant holds the office
        # (not whoever's title merely holds the word: "Press Secretary of the President").
        # Turkey's "Başkan" presides as a president does.
        low = core.lower()
        chair = "President" if "resid" in low or "başkan" in low else "Chair"
        # "El señor PRESIDENTE:" under "PRESIDENCIA DEL EXCMO. SR. D. PAU MARÍ KLOSE"
        return Speaker(ctx.chair, chair)
    if _words(core) >= 2:
        holder = person_by_role(core, ctx.day)
        if holder is not None:
            return Speaker(holder.name, holder.role_on(ctx.day), holder)
    # "V.Makei" as "V. Makei": an initial glued to the surname is still an initial.
    # "Н.БОЛТЯНСКАЯ" as "Н. Болтянская": capitals first made a name's case, then spaced.
    plain = strip_honorifics(core)
    # (the dot that Python keeps when it lowers the Turkish "İ" is dropped: "Kadir")
    plain = plain.title().replace("\u0307", "") if plain.isupper() else plain
    plain = re.sub(r"\b([A-ZА-ЯЁ]\.)(?=[A-ZА-ЯЁ][^\W\d_])(?![A-ZА-ЯЁ][A-ZА-ЯЁ])", r"\1 ", plain)
    head, _, tail = plain.partition(",")
    named = person_name(head) if tail.strip() else None
    if named is not None and named[0] == head.strip() and 2 <= _words(head) <= 4:
        # "Alexander Lukashenko, President of Belarus": the name, then the office.
        office: str | None = tail.strip()
        plain = head.strip()
        if office and _OUTLET_WORD.search(office):
            # "Violetta Ganina, First Pridnestrovian TV channel:": a journalist and her outlet
            return Speaker(None, "journalist")
    else:
        plain, office = role_and_name(plain)  # "President of Turkey Recep Tayyip Erdogan"
    for name, speaker in ctx.seen.items():
        if name == plain or name.split()[-1] == plain.split()[-1]:
            return speaker
    if standalone:
        return None
    if 2 <= _words(plain) <= 3 and german_office(plain.split()[-1]) and not office:
        # "Russischer Botschafter: „…“": an office and its adjective, no one's name
        return Speaker(None, plain)
    speaker = Speaker(plain, paren if paren and not _INTERPRETER.match(paren) else office)
    ctx.seen[plain] = speaker
    return speaker


#: The chair of a sitting by office alone: "The PRESIDENT", and "Presidenten", as the
#: Storting's and the Riksdag's records print the Norwegian and Swedish definite form.
_CHAIR_LABEL = re.compile(
    r"(?:the\s+)?(?:acting\s+)?(?:president|chair(?:man|woman|person)?)|presidenten|başkan|"
    # "O Sr. Presidente:", "La señora PRESIDENTA:": Portugal's and Spain's chairs
    rf"(?:{COURTESY}\s+)?president[ae]",
    re.I,
)


def _find_alias(core: str) -> tuple[Person | None, tuple[int, int]]:
    """The longest person alias in a label (case-insensitive, for labels in capitals)."""
    best: tuple[Person | None, tuple[int, int]] = (None, (0, 0))
    for m in _aliases(re.IGNORECASE).finditer(core):
        if m.end() - m.start() > best[1][1] - best[1][0]:
            best = (person_by_alias(m.group(0)), m.span())
    return best


def _moderator(line: str) -> bool:
    return _words(line) <= 12 and any(p.search(line) for p in load().rules.moderator)


# --- the reader ----------------------------------------------------------------------


def structure(raw: RawText) -> Structure:
    """Find metadata, kind and speaker turns in a decoded document.

    Args:
        raw: the decoded text and any metadata the format carried.

    Returns:
        The document's structure; turns hold spans into ``raw.text``.
    """
    text = raw.text
    meta: dict[str, str] = {}
    dropped: list[tuple[int, int, str]] = []
    highlights = False
    if raw.format == "markdown":
        blocks, highlights = _markdown_blocks(text, meta, dropped)
    else:
        blocks = _blocks(text)

    # A publication stamp leading the first paragraph (" date 2022-01-11 During the talks
    # …", " date 2021-12 https://…"): metadata, split from the text it is glued to.
    stamp_day: dt.date | None = None
    if blocks:
        lead = _LEAD_STAMP.match(text, blocks[0].start, blocks[0].end)
        if lead:
            if lead.group("day"):
                stamp_day = dt.date.fromisoformat(lead.group("day"))
            dropped.append((blocks[0].start, lead.end(), "publication stamp"))
            if lead.end() < blocks[0].end:
                blocks[0] = Block(lead.end(), blocks[0].end, blocks[0].page)
            else:
                blocks = blocks[1:]

    # Page furniture and the teaser list at the end of a page.
    kept: list[Block] = []
    early_dates: list[tuple[int, int, dt.date]] = []
    lines = [text[b.start : b.end] for b in blocks]
    # A text broken into short lines mid-sentence (a PDF's or an old page's wrapping: lines
    # that open in lower case) has short lines that are not a site's menu.
    hard_wrapped = sum(1 for x in lines if x[:1].islower()) >= 3
    skip_entries = False
    # A list of other stories, each headline over a "Read more" link ("Jagland: ‘Would be
    # disastrous …’" / "Read more"), twice at least: the headlines are furniture, and one
    # in the form "Name: words" must not be read as a speaker's label.
    linked = {
        i
        for i in range(len(lines) - 1)
        if _teaser_heading(lines[i + 1])
        and not _teaser_heading(lines[i])
        and _words(lines[i]) <= 25
    }
    if len(linked) < 2:
        linked = set()
    for i, block in enumerate(blocks):
        line = lines[i]
        if i in linked:
            dropped.append((block.start, block.end, "teaser headline (over a 'Read more' link)"))
            continue
        if _teaser_heading(line) and i >= len(blocks) // 2 and i - 1 not in linked:
            dropped.extend((b.start, b.end, "teaser") for b in blocks[i:])
            break
        appeal = _APPEAL.match(line.strip())
        if appeal and (i >= len(blocks) // 2 or (i >= 3 and line.strip().endswith(":"))):
            # "A Message from The Moscow Times:", "Dear readers,": a donation box.
            dropped.extend((b.start, b.end, "appeal for support") for b in blocks[i:])
            break
        if _COMMENTS.match(line.strip()) and i >= len(blocks) // 2:
            # "Leave a Comment": the comment form, author box and widgets below it.
            dropped.extend((b.start, b.end, "comment section") for b in blocks[i:])
            break
        if _field_value(lines, i):
            dropped.append((block.start, block.end, "page field and its bulleted value"))
            continue
        if i < 15 and not hard_wrapped and _menu_run(lines, i):
            dropped.append((block.start, block.end, "navigation menu (a run of short lines)"))
            continue
        why = (
            _boilerplate(line)
            or _repeated(lines, i, first=not kept)
            or _glued_twice(line)
            or _names_caption(line)
            or _titled_name_caption(line)
            or _truncated_heading(line)
            or _heading_copy(lines, i)
            or _case_copy(lines, i)
            or _author_note(lines, i)
        )
        if why == "caption with a bracketed agency credit" and _REPORTS_SPEECH.search(line):
            # "… Grushko told Sputnik that the meeting will focus on … (ANI/Sputnik)": the
            # agency's credit closes a paragraph of reported speech, not a photo's caption.
            why = None
        if not why and i > 0 and _TAG_LABEL.match(lines[i - 1]) and _tag_list(line):
            why = "tag list (under a 'Tags:' label)"
        if why and i < 12 and not re.search(r"[^\W\d_]", line) and _date_line(line):
            why = None  # a date in figures ("24.02.2022") is the header's date, read below
        if why and (why.startswith("pipe-separated") or why == "page creation stamp") and i < 12:
            # "Reuters | Brussels | Updated: … | Created: 15-02-2022 17:57 IST", "Created:
            # 2020.07.28 / Updated: …": the day it was created or published, never the update
            # stamp.
            parts = re.split(r"\||\s/\s", line)
            leading = _date_line(parts[0].strip()) if parts[0].strip() else None
            if leading is not None:
                # "01/24/2022 | Press release | Distributed by …": the line opens with the day.
                early_dates.append((2, i, leading[0]))
                parts = []
            for part in parts:
                stamp = re.match(r"\s*(?:created|published|posted|date)\s*:?\s*(.+)", part, re.I)
                if stamp:
                    day = first_date(re.sub(r"(\d{1,2})-(\d{1,2})-(\d{4})", r"\1.\2.\3", stamp[1]))
                    if day is None:
                        figures = _date_line(stamp[1].strip())  # "2020.07.28": year first
                        day = figures[0] if figures is not None else None
                    if day is not None:
                        early_dates.append((2, i, day))
                        break
        if why and why.startswith("table of contents"):
            # "Table of contents" over "- Foreign Minister Lavrov's talks with …" entries.
            dropped.append((block.start, block.end, why))
            skip_entries = True
            continue
        if skip_entries and re.match(r"^[-•·*]\s+\S", line) and _words(line) <= 40:
            dropped.append((block.start, block.end, "table of contents entry"))
            continue
        skip_entries = False
        if why:
            dropped.append((block.start, block.end, why))
            continue
        kept.append(block)
    # A form's prompt closing the page ("Please notify us if you found a problem with this
    # document:"): a short line that asks for input nobody gave.
    while kept and raw.format != "markdown":
        last = text[kept[-1].start : kept[-1].end].strip()
        if not (last.endswith(":") and _words(last) <= 15 and "\n" not in last):
            break
        dropped.append((kept[-1].start, kept[-1].end, "form prompt at the page's end"))
        kept.pop()
    teasers = _teaser_tail(text, kept)
    dropped.extend(
        (block.start, block.end, "teaser headlines closing the page")
        for block in (kept[len(kept) - teasers :] if teasers else [])
    )
    blocks = kept[: len(kept) - teasers]

    title = raw.title or meta.get("title")
    author = raw.author or meta.get("author")
    place = raw.place
    has_dateline = False
    # Candidate document dates: (strength, order, date). The document's own header and
    # dateline come first; the HTML page's metadata (trafilatura, htmldate) only fills in.
    dates: list[tuple[int, int, dt.date]] = []
    if "date" in meta:
        found_meta = first_date(meta["date"])
        if found_meta:
            dates.append((3, -1, found_meta))
    if stamp_day is not None:
        dates.append((2, -1, stamp_day))
    dates.extend(early_dates)
    byline = ""
    titled_by = False
    name_next = False  # a title head alone on its line: the name follows (below)
    header_lines: list[str] = []
    header_persons: list[Person] = []

    if raw.format == "html" and blocks and title:
        first = text[blocks[0].start : blocks[0].end]
        if first.strip().rstrip(".") == title.strip().rstrip("."):
            dropped.append((blocks[0].start, blocks[0].end, "title"))
            blocks = blocks[1:]

    def _speakers_title(line: str, i: int, block: Block) -> None:
        """A title naming who speaks, set apart: a header line, its closing day offered."""
        header_lines.append(line)
        told = _title_tail_date(line)
        if told is not None:
            dates.append((3, i, told))
        dropped.append((block.start, block.end, "title"))

    def _note_trailing_date(line: str, i: int) -> None:
        """A header line ending in a date ("…, 26 January 2022") offers it as the day."""
        ends = _trailing_date(line)
        if ends is not None:
            dates.append((3, i, ends))

    # Header: boilerplate is gone; take title, date, place and byline lines.
    body_from = 0
    if not highlights:
        pending_place: str | None = None
        blocks = _split_at_salutation(text, blocks)
        salute = _salutation_at(text, blocks)
        for i, block in enumerate(blocks):
            line = text[block.start : block.end]
            if "\n" in line and salute is not None and i < salute:
                line = " ".join(line.split())  # a header wrapped by a PDF's columns
            dated = _date_line(line)
            field_label = _inline_label(line)
            first_headline = (
                field_label is not None
                and i == 0
                and title is None
                and _words(line) <= 20
                and not re.search(r"[.?!”\"]$", line)
                and person_name(field_label[0]) is None
                and _role_without_person(field_label[0]) is None
                and _OUTLET.search(field_label[0]) is None
            )
            headline = (
                first_headline or (field_label is not None and _title_case(line[field_label[1] :]))
            ) and not (
                # "Président de la Russie Vladimir Poutine : Monsieur le Président, Mesdames
                # et Messieurs,": a speaker's label over the address they open with
                field_label is not None and _VOCATIVE.match(line[field_label[1] :].strip())
            )
            if field_label and not dated and headline:
                # "CNN International: U.S. Secretary … Says …": the page's headline.
                header_lines.append(line)
                dropped.append((block.start, block.end, "headline"))
                body_from = i + 1
                continue
            if field_label and not dated:
                alone = not line[field_label[1] :].strip()
                speaks = alone and person_name(field_label[0]) is not None
                section = (
                    alone
                    and not speaks
                    and _role_without_person(field_label[0]) is None
                    and not any(is_role_word(w) for w in field_label[0].split())
                    and _OUTLET.search(field_label[0]) is None
                )
                if section or (salute is not None and i < salute and not speaks):
                    # "Re: Statement by …", "Intervenant(s) :": a field of the header.
                    header_lines.append(line)
                    dropped.append((block.start, block.end, "header field"))
                    body_from = i + 1
                    continue
                break
            if dated:
                dates.append((dated[2], i, dated[0]))
                place = place or dated[1] or pending_place
                dropped.append((block.start, block.end, "date"))
                body_from = i + 1
                continue
            dated_head = _DATED_HEAD.match(line) if _words(line) <= 60 else None
            head_day = first_date(dated_head["day"]) if dated_head else None
            if dated_head is not None and head_day is not None:
                # "30 October 2024, New York - Statement on behalf of the EU … by H.E.
                # Ambassador Stavros Lambrinidis, …": the day, and whose words follow.
                dates.append((3, i, head_day))
                place = place or dated_head["place"]
                by_whom = re.search(
                    r"\bby\s+(?:H\.E\.\s+)?(?P<who>[A-Z].{2,200})$", dated_head["rest"]
                )
                if by_whom is not None and not byline:
                    byline = by_whom["who"]
                title = title or dated_head["rest"].strip()
                header_lines.append(dated_head["rest"].strip())
                dropped.append((block.start, block.end, "dated header"))
                body_from = i + 1
                continue
            authored = (
                _AUTHORED.search(line)
                if i == 0
                and title is None
                and not byline
                and "\n" not in line.strip()
                and 30 < _words(line) <= 80
                and not re.search(r"[.?!]$", line.strip())
                and _GENRE_TITLE.match(line)
                else None
            )
            if authored is not None:
                # "Speech and answers to questions from the mass media by Russian Foreign
                # Minister Sergey Lavrov during the joint press conference with …,
                # Washington, 9 August 2013": a ministry's title of fifty words, which says
                # whose words follow and, at its end, the day.
                byline = _before_occasion(authored["who"]) or authored["who"]
                title = line.strip()
                _speakers_title(title, i, block)
                body_from = i + 1
                continue
            adopted = _ADOPTED.match(line) if _words(line) <= 40 else None
            adopted_day = first_date(line) or _parsed_date(line) if adopted else None
            if adopted_day is not None:
                # "Presented by the Political Committee and adopted by the Plenary Assembly
                # on Tuesday 18 November 2008, Valencia, Spain.": the text's own date.
                dates.append((3, i, adopted_day))
                header_lines.append(line)
                dropped.append((block.start, block.end, "adoption note"))
                body_from = i + 1
                continue
            if _BY_DELEGATION.match(line) and _words(line) <= 40 and not byline:
                # "Statement by the delegation of Belarus at …": the delegation speaks (see
                # _delegation); no person's byline.
                title = title or line.rstrip()
                header_lines.append(line)
                ends = _trailing_date(line.rstrip(". "))
                if ends is not None:
                    # "… Special meeting of the OSCE Permanent Council, 16 January 2014"
                    dates.append((3, i, ends))
                dropped.append((block.start, block.end, "title"))
                body_from = i + 1
                continue
            after_head = (
                title is not None
                and _TITLE_HEAD_ALONE.match(title.strip()) is not None
                and bool(header_lines)
                and header_lines[-1].strip() == title.strip()
            )
            first_line = text[block.start : block.end].strip().split("\n")[0]
            if (name_next or after_head) and not byline and _words(first_line) <= 12:
                # "Statement by" / "H.E. Dr. Miroslav Cerar": the title's head on its line,
                # the person's name on the next
                named_next = person_name(first_line.split(",")[0])
                if named_next is not None:
                    byline = first_line.strip()
                    name_next = False
                    header_lines.append(line)
                    dropped.append((block.start, block.end, "byline"))
                    body_from = i + 1
                    continue
            name_next = False
            if (
                not byline
                and _words(line) <= 12
                and (
                    _TITLE_HEAD_ALONE.match(line.strip())
                    or ((t := _TITLE_BY_OTHER.match(line)) and person_name(t["who"]) is None)
                )
            ):
                name_next = True
                title = title or line.rstrip()
                header_lines.append(line)
                dropped.append((block.start, block.end, "title"))
                body_from = i + 1
                continue
            flat = " ".join(line.split())
            wrapped = _titled_other(flat) if "\n" in line and not byline else None
            if wrapped is not None and _words(flat) <= 40:
                # "Abschlussstatement des Bundesministers des Auswärtigen" / "Dr. Frank-Walter
                # Steinmeier": the title wrapped onto the name's line
                byline = wrapped["who"]
                header_lines.append(flat)
                dropped.append((block.start, block.end, "byline"))
                body_from = i + 1
                continue
            field = _SPEAKER_FIELD.match(line.strip())
            if field is not None and not byline and person_name(field["who"]) is not None:
                # "Oratore: Didier Burkhalter": the page's field naming the speaker
                byline = field["who"].strip()
                header_lines.append(line)
                dropped.append((block.start, block.end, "byline"))
                body_from = i + 1
                continue
            by = _BYLINE.match(line) or (_WITH.match(line) if title is not None else None)
            # A title saying whose words follow runs to sixty words ("Stellungnahme der
            # Ständigen Vertreterin …, Botschafterin X, bei der 84. gemeinsamen Sitzung des
            # Forums … am 16. Februar 2022 in Wien"); a byline to forty.
            longest = 40
            if by is None and not byline:
                by = _TITLE_BY.match(line) or _titled_other(line)
                longest = 80 if by is not None else 40
                if by is not None and _words(line) <= longest and not re.search(r"[.?!]$", line):
                    title = title or line.rstrip()  # the title, and whose words follow
            if (
                by is not None
                and title is None
                and by.re is _BYLINE
                and _TITLE_BY.match(line)
                and _words(line) <= 60
                and not re.search(r"[.?!]$", line)
                and i + 1 < len(blocks)
                and _date_line(text[blocks[i + 1].start : blocks[i + 1].end]) is not None
            ):
                # "Statement by the Ministry of Foreign Affairs on …" over the page's date
                # line: its title as well as whose words follow (a title wrapped onto more
                # lines is read as before).
                title = line.rstrip()
            ends = _trailing_date(line.rstrip(". ")) if by and _words(line) <= longest else None
            if by and _words(line) <= longest and (ends or not re.search(r"[.?!]$", line)):
                byline = by.group("who")
                # "Address by X, …": whose words, not a reporter
                titled_by = by.re is _TITLE_BY or by.re is _TITLE_BY_OTHER
                header_lines.append(line)
                if ends is not None:
                    dates.append((3, i, ends))
                held = re.search(
                    r"\bat\b[^,;]{3,120}?\bon\s+(?P<day>[^,;]{6,30}?(?:19|20)\d\d)\b(?!\S)", line
                )
                if held is not None and " and " in held["day"]:
                    held = None  # "… ahead of the meetings on 6 and 7 April": the occasion
                held_day = first_date(held["day"]) if held is not None else None
                if held_day is not None:
                    # "Statement by Denmark at the 1458th Meeting … on 26 January 2024 by …"
                    dates.append((3, i, held_day))
                dropped.append((block.start, block.end, "byline"))
                body_from = i + 1
                continue
            if (
                byline
                and all(is_role_word(w) for w in byline.split())
                and person_name(line.split(",")[0]) is not None
                and _words(line) <= 40
            ):
                # "Delivered by Ambassador" / "Ihor Prokopchuk, Permanent Representative …":
                # a byline broken after the title; the name is on the next line.
                byline += " " + line
                _note_trailing_date(line, i)
                dropped.append((block.start, block.end, "byline"))
                body_from = i + 1
                continue
            if byline and line.lower().startswith("and ") and _words(line) <= 12:
                byline += " " + line
                dropped.append((block.start, block.end, "byline"))
                body_from = i + 1
                continue
            if place is None and _place_line(line):
                if _signature(line) is not None:
                    # "THE HONORABLE JOHN D. HOLUM, DIRECTOR": who speaks, not where
                    dropped.append((block.start, block.end, "header (signature)"))
                    body_from = i + 1
                    continue
                pending_place = line
                place = line if dates else None
                dropped.append((block.start, block.end, "place"))
                body_from = i + 1
                continue
            if (
                _EVENT_BLURB.search(line)
                and _words(line) <= 60
                and i + 1 < len(blocks)
                and _inline_label(text[blocks[i + 1].start : blocks[i + 1].end])
            ):
                # "• …, Ambassador Thomas-Greenfield gives a briefing to discuss …" above the
                # first turn: the page's summary of the event, not anyone's words.
                dropped.append((block.start, block.end, "summary"))
                body_from = i + 1
                continue
            if _VOCATIVE.match(line) or (_words(line) > 30 and (salute is None or i >= salute)):
                break
            if title is not None and _TREATY_ARTICLE.match(line):
                break  # "Article V": a treaty's text starts
            titled = _TITLED.match(line) if not byline and _words(line) <= 60 else None
            if titled:
                # "Déclaration de M. Jean-Yves Le Drian, ministre …, au Sénat le 26 janvier
                # 2022.": the title names who speaks and, at its end, the day.
                byline = titled.group("who")
                title = title or line.rstrip()
                _speakers_title(line, i, block)
                body_from = i + 1
                continue
            _note_trailing_date(line, i)
            if (
                title is None
                and not line.endswith((",", ":"))
                and not re.search(r"[?]$", line)
                and (_words(line) <= 15 or not re.search(r"[.!]$", line))
            ):
                title = line.rstrip()
                header_lines.append(line)
                dropped.append((block.start, block.end, "title"))
                body_from = i + 1
                continue
            if (
                title is not None
                and _subtitle(line, title)
                and not _colon_marked(text, blocks, i)
                # "Photo of Russell TroodRussell Trood (Queensland, …)": the first speaker
                and not (line.startswith("Photo of ") and _hansard_name(line) is not None)
            ):
                header_lines.append(line)
                if _words(line) <= 5:
                    header_persons.extend(
                        r.person for r in persons_mentioned(line, None) if r.person is not None
                    )
                dropped.append((block.start, block.end, "subtitle"))
                body_from = i + 1
                continue
            if salute is not None and i < salute:
                # Every line above the salutation that opens a speech is its header.
                header_lines.append(line)
                dropped.append((block.start, block.end, "header"))
                body_from = i + 1
                continue
            break
        if not byline and title is not None:
            # The loop stopped on a line it could not read ("21. apríl 2022 Utanríkisráðuneytið",
            # "Opening statement"), yet a byline follows among short header lines: every
            # line down to it is header.
            for k in range(body_from, min(body_from + 5, len(blocks))):
                line = " ".join(text[blocks[k].start : blocks[k].end].split())
                if _words(line) > 30 or re.search(r"[.?!]$", line.rstrip()):
                    break
                late_by = _BYLINE.match(line)
                who = late_by.group("who") if late_by else ""
                # "By X at the Wilson Center, 21 April 2022": the person before the occasion
                if late_by and (
                    person_name(who.split(",")[0]) is not None
                    or person_name(_OCCASION.split(who)[0].split(",")[0]) is not None
                ):
                    byline = late_by.group("who")
                    _note_trailing_date(line, k)
                    for j in range(body_from, k + 1):
                        header_lines.append(text[blocks[j].start : blocks[j].end])
                        dropped.append((blocks[j].start, blocks[j].end, "header"))
                    body_from = k + 1
                    break
        if place is None and pending_place:
            place = pending_place
        blocks = blocks[body_from:]
        # Footer: a date line (with place) closing the page.
        while blocks:
            line = text[blocks[-1].start : blocks[-1].end]
            dated = _date_line(line)
            if not dated:
                break
            dates.append((dated[2], len(blocks) + 1000, dated[0]))
            place = place or dated[1]
            dropped.append((blocks[-1].start, blocks[-1].end, "date"))
            blocks = blocks[:-1]
    else:
        for block in blocks[:3]:
            line = text[block.start : block.end].replace("**", "")
            if _words(line) <= 15:
                found = first_date(line)
                if found:
                    dates.append((2, 0, found))
                    break

    if not highlights and blocks:
        # A date or byline line a little below a promotional header ("by Reuters",
        # "Friday, 21 January 2022 10:24 GMT") is metadata too.
        late: list[Block] = []
        after_date = False
        for i, block in enumerate(blocks[:8]):
            line = text[block.start : block.end]
            dated = _date_line(line)
            by = _BYLINE.match(line)
            placed, after_date = after_date and _place_line(line), bool(dated)
            if dated:
                dates.append((dated[2], 500 + i, dated[0]))
                dropped.append((block.start, block.end, "date"))
            elif placed and _signature(line) is not None:
                # "March 10, 1995" / "THE HONORABLE JOHN D. HOLUM, DIRECTOR": who speaks,
                # not where (see _signature_speaker).
                dropped.append((block.start, block.end, "header (signature)"))
            elif placed:
                # "February 22, 2022" / "The Kremlin, Moscow": the place under the date.
                place = place or line.strip()
                dropped.append((block.start, block.end, "place"))
            elif by and _words(line) <= 6 and not re.search(r"[.?!,;:]$", line):
                byline = byline or by.group("who")
                dropped.append((block.start, block.end, "byline"))
            else:
                late.append(block)
        blocks = late + blocks[8:]
    if not highlights and blocks:
        first_block = text[blocks[0].start : blocks[0].end]
        # "President. – The next item is …": the chair's label, not a place.
        dateline = None if _DASH_LABEL.match(first_block) else _DATELINE.match(first_block)
        if dateline is not None and link(dateline.group("place") or "", None).organisations:
            dateline = None  # "OSCE - Permanent Council No. 698: …": a body, not a place
        dated_first = _DATE_DATELINE.match(first_block) if dateline is None else None
        if dated_first:
            # "Jan. 6, 2022 (EIRNS)—With respect to …": a dateline without a place.
            shown = dated_first.group("date") or dated_first.group("date2")
            when = first_date(shown.replace(".", ""))
            if when is not None:
                dates.append((3, 0, when))
                dropped.append((blocks[0].start, blocks[0].start + dated_first.end(), "dateline"))
                blocks[0] = Block(
                    blocks[0].start + dated_first.end(), blocks[0].end, blocks[0].page
                )
        agency = (
            _AGENCY_DATELINE.match(first_block) if dateline is None and not dated_first else None
        )
        if agency is not None:
            # "MOSCOW. May 14. KAZINFORM Global and regional …": place, day and agency.
            place = place or agency.group("place").strip().title()
            dropped.append((blocks[0].start, blocks[0].start + agency.end(), "dateline"))
            blocks[0] = Block(blocks[0].start + agency.end(), blocks[0].end, blocks[0].page)
        colon = (
            _PLACE_COLON.match(first_block)
            if dateline is None and not dated_first and agency is None
            else None
        )
        if (
            colon is not None
            and (
                colon["place"] in ("United Nations", "UN Headquarters")
                or colon["place"] in load().rules.places
            )
            and _words(first_block[colon.end() :]) >= 15
        ):
            # "United Nations: After a conference to review the Non-Proliferation Treaty
            # failed, …": where the report was filed, before a colon; no speaker's label.
            place = place or colon["place"]
            dropped.append((blocks[0].start, blocks[0].start + colon.end(), "dateline"))
            blocks[0] = Block(blocks[0].start + colon.end(), blocks[0].end, blocks[0].page)
        else:
            colon = None
        has_dateline = any(d is not None for d in (dateline, dated_first, agency, colon))
        if dateline:
            named_place = (
                dateline.group("place") or dateline.group("place2") or dateline.group("place3")
            )
            named_place = named_place or dateline.group("place4") or dateline.group("place5")
            place = place or named_place.strip().title()
            shown = (
                dateline.group("date") or dateline.group("date3") or dateline.group("date6") or ""
            )
            when = first_date(re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", shown))
            if dateline.group("date4") or dateline.group("date5"):
                # "21 de mayo de 2022", "12. März 2022"
                when = _parsed_date(dateline.group("date4") or dateline.group("date5"))
            if when is not None:
                dates.append((3, 0, when))
            dropped.append((blocks[0].start, blocks[0].start + dateline.end(), "dateline"))
            blocks[0] = Block(blocks[0].start + dateline.end(), blocks[0].end, blocks[0].page)
    if not dates and not highlights:
        for line in [title or "", *header_lines, *(text[b.start : b.end] for b in blocks[:2])]:
            parsed_day = _parsed_date(line) if line and _words(line) <= 12 else None
            if parsed_day is not None:
                dates.append((1, 0, parsed_day))
                break
    if not dates and not highlights:
        # Last resort: an agency photo's caption names the day it was taken ("…, February
        # 23, 2022. REUTERS/Carlo Allegri"), the day of the event the report covers.
        for a, b, why in dropped:
            if why.startswith("photo caption"):
                full = [iso for _, _, iso in dates_mentioned(text[a:b], None) if len(iso) == 10]
                if full:
                    dates.append((0, a, dt.date.fromisoformat(full[-1])))
                    break
    day = max(dates, key=lambda d: (d[0], -d[1]))[2] if dates else raw.date
    if day is None:
        # Nothing dated the page on a line of its own: a full date inside its title or a
        # header line ("QR-17, 16 juin 2022, Déclaration …", "Wednesday, 16 February 2022 -
        # Strasbourg Revised edition") is the day of the text it heads.
        day = _date_in_header([title or "", *header_lines])
    guessed = False
    if day is None and not highlights:
        bylines = [text[a:b] for a, b, why in dropped if why == "byline"]
        yearless = _yearless_day(text, dropped, blocks)
        day = _undated_page_day(text, yearless, [title or "", *header_lines, *bylines])
        if day is None:
            # No rule dated the page: the learned model's best date near the top, if it is
            # sure enough (``_datemodel``); marked as a guess.
            day = guessed_day(text, dropped, _parsed_span, yearless)
            if day is None:
                day = _update_stamp_day(text, dropped)
            guessed = day is not None
    if place is None:
        heads = [title or ""] + [text[b.start : b.end] for b in blocks[:1] if highlights]
        place = next(
            (
                city
                for head in heads
                for city in load().rules.places
                if re.search(rf"\b{re.escape(city)}\b", head)
            ),
            None,
        )

    lead_in = False
    co_authors: list[Speaker] = []
    spoken = False  # the lead-in calls what follows an address or a speech
    if not highlights and blocks:
        # "The following is attributable to Spokesperson Ned Price:", "Foreign Minister
        # Heiko Maas issued the following statement today (6 December) …:": a lead-in that
        # says whose words follow is metadata, and names the speaker.
        following = _FOLLOWING.match(text, blocks[0].start, blocks[0].end)
        if following is None and len(blocks) >= 2:
            # "President Havel delivered the following address in December 1994 at …
            # in Budapest.": a lead-in of one sentence, closed by a full stop.
            following = _FOLLOWING_SENTENCE.fullmatch(text, blocks[0].start, blocks[0].end)
        if following is None and len(blocks) >= 2:
            # "The below Pugwash Note was written by Sergio Duarte, President, and Dr Paolo
            # Cotta Ramusino, Secretary-General, of the Pugwash Conferences …."
            following = _WRITTEN_BY.fullmatch(text, blocks[0].start, blocks[0].end)
        if following is not None:
            named = following.groupdict()
            who = (named.get("who") or named.get("who2") or named.get("who3") or "").strip(" ,")
            spoken = re.search(r"\b(?:address|speech|lecture)\b", following.group(0)) is not None
            co_authors = _joint_speakers(who, day)
            byline = byline or (co_authors[0].name or who if co_authors else who)
            lead_in = True
            dropped.append((blocks[0].start, following.end(), "lead-in"))
            rest = Block(following.end(), blocks[0].end, blocks[0].page)
            blocks = ([rest] if text[rest.start : rest.end].strip() else []) + blocks[1:]
        else:
            joint_lead = _joint_lead_in(text, blocks, day)
            if joint_lead is not None and not byline and not author:
                k, co_authors = joint_lead
                byline, lead_in = co_authors[0].name or "", True
                dropped.extend((b.start, b.end, "lead-in") for b in blocks[: k + 1])
                blocks = blocks[k + 1 :]
    if not highlights and not co_authors and not byline and not author:
        signed = _closing_signatures(text, blocks)
        if signed is not None:
            # "Jayantha Dhanapala, President of Pugwash" / "Paolo Cotta-Ramusino, Secretary
            # General of Pugwash" under a statement in the first person: its signatories.
            k, co_authors = signed
            byline, lead_in = co_authors[0].name or "", True
            dropped.extend((b.start, b.end, "signature") for b in blocks[k:])
            blocks = blocks[:k]
    if not highlights and len(blocks) >= 3 and not byline and not author:
        # A press office's report, then the text it introduces: "… Chairman John Kerry held a
        # business meeting …" / "The full text of his opening statement as prepared is
        # below:", or "… Ilham Aliyev addressed the Plenary Session." / "Speech of President
        # … Ilham Aliyev": the report and its lead-in are the page's, what follows the
        # person's.
        introduced = _introduced_text(text, blocks)
        if introduced is not None:
            k, who = introduced
            byline, lead_in = who, True
            handing = text[blocks[k].start : blocks[k].end]
            spoken = _HANDED_OVER.match(handing.strip()) is not None and (
                re.search(
                    r"\b(?:speech|address|lecture|keynote|discorso|discours|discurso|Rede)\b",
                    handing,
                    re.I,
                )
                is not None
            )
            dropped.extend((b.start, b.end, "lead-in") for b in blocks[: k + 1])
            blocks = blocks[k + 1 :]
    if not highlights and len(blocks) >= 2 and not byline and not author:
        # "Politico-Military Counsellor, Ankur Narayan, thanks Denmark as the incoming Chair
        # …" over a text in the first person: the page's summary names who speaks.
        who = _standfirst_speaker(text[blocks[0].start : blocks[0].end])
        following_text = " ".join(text[b.start : b.end] for b in blocks[1:4])
        if who is not None and _first_person(following_text) >= 2:
            byline = who
            dropped.append((blocks[0].start, blocks[0].end, "standfirst"))
            blocks = blocks[1:]
    people_title = title or ""
    host = _HOST.match(people_title)
    if host is not None:
        # "Prime Minister Trudeau holds a joint media availability with NATO Secretary
        # General Jens Stoltenberg": the host opens; the guest is named in the turns.
        byline = byline or host["host"]
        people_title = host["host"]
    participants: list[Person] = []
    # A byline naming a person the record does not know ("Senator Tom Cotton") is still
    # whose words these are: the title's known names ("Cotton Statement on Biden Plan …")
    # are then what the text is about.
    named_by_line = bool(byline) and _opening_speaker([], None, day, byline).name is not None
    for source in (byline, author or "", people_title):
        if source is people_title and named_by_line and not participants:
            break
        for ref in persons_mentioned(source, day):
            if ref.person is not None and ref.person not in participants:
                participants.append(ref.person)
        if participants:
            break
    if not participants and header_persons:
        # A name alone under the title ("Vladimir Putin") says who speaks.
        participants.append(header_persons[0])
    if author is None and participants:
        author = participants[0].name

    if not highlights:
        before = len(header_lines)
        blocks = _capitals_header(text, blocks, header_lines, dropped)
        if day is None:
            # "MONDAY, NOVEMBER 8, 2010" in a header printed in capitals.
            caps_dates = (_date_line(line.title()) for line in header_lines[before:])
            day = next((d[0] for d in caps_dates if d is not None), None)
    ctx = _Context(day, participants, text=text, chair=_chair_named(text))
    opening = _opening_speaker(participants, author, day, byline, title)
    page_author = raw.author or meta.get("author")
    if (
        not page_author
        and not byline
        and any(w == "author's note in the header" for *_, w in dropped)
    ):
        # "James B. Foley, the former …, is an international consultant." over "Don't Let
        # Vladimir Putin Destroy NATO": the commentary's author, not the person its title
        # is about.
        opening = _noted_author(text, dropped) or opening
    if co_authors and not highlights:
        opening = co_authors[0]  # the lead-in names who wrote it, whatever else the page says
    opening_from_header = False
    if opening == Speaker(None, None) and not highlights:
        from_header = _header_speaker(text, blocks, dropped, title, day)
        opening, opening_from_header = from_header or opening, from_header is not None
    if highlights:
        turns = [Turn(opening, [(b.start, b.end, b.page)]) for b in blocks]
        kind = "highlights"
    else:
        turns, flags = _turns(text, blocks, ctx, opening)
        answers = [t for t in turns if t.speaker == Speaker(None, "spokesperson")]
        if answers and not opening.name and any(t.speaker.role == "journalist" for t in turns):
            # "Pregunta. … / Respuesta. …" under a lead that names Hanno Pevkur first ("…”,
            # afirma Hanno Pevkur (Iisaku, 48 años), ministro de Defensa de Estonia"): the
            # answers are the person the interview's lead introduces.
            first_label = min(t.spans[0][0] for t in turns if t.labelled and t.spans)
            lead_text = " ".join(
                text[sa:sb]
                for t in turns
                if not t.labelled
                for sa, sb, _ in t.spans
                if sb <= first_label
            )
            guest = _person_in_lead(lead_text, day) if lead_text else None
            if guest is not None and guest.name:
                for turn in answers:
                    turn.speaker = guest
        if opening.name:
            # "A: …" under "Spokesperson Geng Shuang's Remarks …": the answers are the
            # person the page names, not an anonymous spokesperson.
            for turn in turns:
                if turn.speaker == Speaker(None, "spokesperson"):
                    turn.speaker = opening
        if opening.name and opening_from_header and any(t.labelled for t in turns):
            # A transcript whose turns carry labels: what stands above the header that
            # announces the speaker is the page's, not theirs.
            header_end = max(
                (b for _, b, why in dropped if why.startswith(("header", "title", "subtitle"))),
                default=0,
            )
            if opening.role == "speaker":
                header_end = len(text)  # a programme's "SPEAKER:" field opens no turn
            for turn in turns:
                if turn.speaker == opening:
                    above = [sp for sp in turn.spans if sp[0] < header_end]
                    if above:
                        turn.spans = [sp for sp in turn.spans if sp[0] >= header_end]
                        turns.append(Turn(Speaker(None, None), above))
            turns = sorted((t for t in turns if t.spans or t.labelled), key=_turn_start)
        # A lead-in says what follows as a header does ("Full interview with KFOR commander,
        # Ozkan Ulutas:").
        lead_ins = [text[a:b] for a, b, why in dropped if why == "lead-in"]
        unlabelled = _unlabelled_interview(
            text, blocks, flags, opening, title, [*header_lines, *lead_ins]
        )
        if unlabelled is not None:
            turns = unlabelled
            flags["journalist"] = 1
            flags["unlabelled_interview"] = 1
        flags["dateline"] = int(has_dateline)
        flags["lead_in"] = int(lead_in)
        flags["joint"] = int(bool(co_authors))
        flags["spoken_lead_in"] = int(spoken)
        flags["titled_by"] = int(titled_by)
        flags["asked_unlabelled"] = _asked_before_labels(text, turns)
        kind = _kind(text, blocks, turns, flags, raw, byline, title, header_lines)
        pair = _readout_pair(title, day) if not flags["labels"] else None
        if pair is not None and kind in ("speech", "statement", "news_article"):
            # "Readout of phone call between the NATO Secretary General Jens Stoltenberg and
            # US President Donald J. Trump": an account of what both said; each turn the
            # page gives one of them, or no one, is the other's account too.
            kind = "statement"
            one, other = pair
            shared = [t for t in turns if t.speaker.name in (None, one.name, other.name)]
            for turn in shared:
                turn.speaker = one
            turns.extend(Turn(other, list(t.spans)) for t in shared)
        heads = [
            title or "",
            *header_lines,
            *(text[a:b] for a, b, why in dropped if why == "byline"),
        ]
        if kind == "treaty_text":
            turns = _instrument_text(text, turns, dropped)
        elif kind == "statement" and (
            # A title naming the ministry as the author outranks a name the header lines
            # mention ("… the signing … / by Russian President Dmitri Medvedev and …").
            opening.name is None or any(_MINISTRY_TITLE.search(h) for h in heads)
        ):
            # The declaration's opening words, in its first block or after a lead-in ("The
            # Prime Ministers have agreed to the following statement …").
            group = next(
                (g for b in blocks[:3] if (g := _SIGNATORIES.match(text, b.start, b.end))), None
            )
            ministry = _ministry_author(text, blocks, heads)
            body = (
                # "We, the Heads of Government of Denmark, …, and Sweden met today …"
                re.sub(r"\s+", " ", group["who"])
                if group is not None
                # "Statement of the Ministry of Foreign Affairs of Ukraine on …"
                else ministry
                if ministry is not None
                else _organisation_title([title or "", *header_lines])
                if flags.get("unsigned")
                else _delegation(text, blocks, [*header_lines, title or ""])
            )
            if body is not None:
                speaker = Speaker(body, "signatories" if group is not None else "delegation")
                for turn in turns:
                    if turn.speaker == opening:
                        turn.speaker = speaker
    if kind in ("interview", "press_conference"):
        turns = _unlabelled_questions(text, turns)
    if kind == "interview":
        asker = _interviewer(text, blocks, dropped)
        if asker is not None:
            # "Die Fragen stellte Hanno Griess:", "Von ROLF KLEINE": the page names who asked;
            # the questions are that journalist's.
            for turn in turns:
                if turn.speaker == Speaker(None, "journalist"):
                    turn.speaker = Speaker(asker, "journalist")
    _self_introduced(text, turns)
    if title is None and byline:
        label = {"press_conference": "Press conference", "transcript": "Transcript"}.get(
            kind, "Statement"
        )
        title = f"{label} by {byline.strip(' ,')}"
    joint = tuple(co_authors) if co_authors and co_authors[0] == opening else ()
    return Structure(
        title, day, place, author, kind, turns, participants, dropped, len(blocks), joint, guessed
    )


#: An interview's credit of who asked, in the languages of the corpus: "Die Fragen stellte
#: Hanno Griess", "Das Gespräch führte …", "Interview by …", "Propos recueillis par …",
#: "Rozmawiał …", "Беседовала …", and a byline ("Von ROLF KLEINE", "By …").
_INTERVIEWER = re.compile(
    r"(?:^|[\s(•·|])(?:Die Fragen stellten?|Das (?:Gespräch|Interview) führten?|"
    r"[Ii]nterview(?:ed)? by|[Ii]nterviewer\s*:|[Qq]uestions by|[Pp]ropos recueillis par|"
    r"[Ee]ntrevista (?:realizada )?por|[Ii]ntervista (?:a cura )?di|"
    r"[Rr]ozmawiał[a]?|[Rr]ozmowę przeprowadził[a]?|[Бб]еседовал[аи]?|[Ии]нтервью записал[аи]?|"
    r"[Рр]озмовляв|[Рр]озмовляла|[Пп]итання ставив|[Pp]tal[a]? se|[Rr]azgovara(?:o|la)\s*:)\s+"
    rf"(?P<who>[{UPPER}][\w.’'-]+(?:\s+[{UPPER}][\w.’'-]+){{1,3}})\s*[:.,)]?\s*$"
    # A byline opens its line ("  • Von ROLF KLEINE"): "… was signed by Vladimir Putin." in
    # the lead names no interviewer.
    rf"|^[\s•·|]*(?:[Vv]on|VON|[Bb]y|BY)\s+(?P<by>[{UPPER}][\w.’'-]+(?:\s+[{UPPER}][\w.’'-]+){{1,3}})"
    r"\s*$"
)


def _interviewer(text: str, blocks: list[Block], dropped: list[tuple[int, int, str]]) -> str | None:
    """The journalist an interview's page credits with the questions, if it names one.

    The credit closes a header line or byline, or one of the first three or the last two
    paragraphs (up to 40 words): "Die Fragen stellte Hanno Griess:", "Von ROLF KLEINE".
    The name is a full name (two to four words; one in capitals is written as a name).
    """
    heads = [text[a:b] for a, b, why in dropped if why.split(" ")[0] in ("byline", "header")]
    paras = [text[b.start : b.end] for b in [*blocks[:3], *blocks[-2:]]]
    found = set()
    for line in [*heads, *paras]:
        for part in line.splitlines():
            if _words(part) > 40:
                continue
            m = _INTERVIEWER.search(part.strip())
            if m is None:
                continue
            who = m["who"] or m["by"]
            who = who.title() if who.isupper() else who
            named = person_name(who)
            if named is not None and named[0] == who:
                found.add(who)
    return found.pop() if len(found) == 1 else None


#: Whose interview a heading announces, in the languages of the corpus: the words up to the
#: outlet it was given to.
_INTERVIEW_OF = re.compile(
    r"(?:[Ii]nterview|[Ee]ntretien|[Ee]ntrevista|[Ii]ntervista|[Ww]ywiad|Интервью|Інтерв['’]ю)"
    r"\s+(?:(?:of|with|by|given by|des|der|mit|von|avec|de|du|accordée? par|a|al|con|di|del|"
    r"della|dello|z|ze|с|со)\s+|d['’])(?P<who>.{3,200}?)"
    r"(?=\s+(?:to|for|with|on|at|in|für|pour|à|au|aux|para|per|agli?|alla|dla|для|в|во|"
    r"изданию|газете|журналу|агентству|телеканалу)\s|[\s,.]*$)"
)
_INTERVIEWEE = re.compile(
    r"(?P<who>(?:[A-Z][\w.’'-]+\s+){0,3}[A-Z][\w’'-]+)[’']s\s+[Ii]nterview"
    r"|[Ii]nterview (?:of|with|by) (?P<who2>(?:[A-Z][\w.’'-]*\s+){1,8}?[A-Z][\w’'-]+)"
    r"(?=\s+(?:with|to|for|in|on|at)\b|[\s,.]*$)"
    # "PM Đukanović in interview with Kommersant: …", "Lavrov in an interview to RT"
    r"|(?P<who3>(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w.’'-]*\s+){0,3}[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]+)\s+in\s+"
    r"(?:an\s+)?interview\s+"
    r"(?:with|to|for)\b"
)


#: A full name opening a lead ("Matthew Bunn is the … professor …").
_NAME_IN_LEAD = re.compile(r"^(?:[A-Z][\w.’'-]+\s+){1,3}[A-Z][\w’'-]+(?=\s+(?:is|was|has)\b|,)")


#: Capitalised words that stand where a surname would but name no person.
_NOT_SURNAME_WORDS = """
kremlin pentagon reuters interfax xinhua sputnik tass ria afp bloomberg politico axios telesur
moscow washington kyiv kiev beijing brussels ankara tehran minsk warsaw london paris berlin
tokyo pyongyang seoul ottawa canberra vienna geneva nato alliance statement ministry embassy
government parliament congress senate duma rada council commission committee department
office agency army navy spokesman spokeswoman spokesperson official source diplomat analyst
expert report document communique declaration letter note it this that there he she they we
"""
_NOT_SURNAMES = frozenset(_NOT_SURNAME_WORDS.split())


def lone_surname(word: str) -> bool:
    """Whether one capitalised word may be a surname the page gives alone ("Voinovich").

    Not a place, a state, a body, an outlet, an instrument or an office, and not a plural
    (a final -s only after the endings names have: -is, -us, -as, -os, -ys, -ins, -iks).
    """
    # A capital, then a small letter, of any script and with any diacritic ("Sánchez",
    # "Đukanović", "Łukaszenka"), the name four letters long at least.
    bare = re.sub(r"^(?:Mc|Mac|O[’']|De|Di|Van|Von)(?=[^\W\d_])", "", word)
    if not (re.fullmatch(r"[^\W\d_][\w’'-]{3,}", bare) and bare[0].isupper() and bare[1].islower()):
        return False
    low = word.lower()
    if (
        low in _NOT_SURNAMES
        or low in one_word_state_names()
        or low in world_place_words()
        # A plural ("Officials", "Analysts"), but not a surname's own -s: the endings of
        # Baltic, Greek and Latin names ("Anušauskas", "Landsbergis", "Dendias") and -ins
        # ("Jenkins", "Hopkins") are no plural of a capitalised noun that speaks.
        or (
            low.endswith("s") and not re.search(r"(?:[^aeiou][iuoy]s|[^aeiou]as|aas|ins|iks)$", low)
        )
    ):
        return False
    places = load().rules.places
    if is_role_word(word) or any(low == p.lower() or low.endswith(" " + p.lower()) for p in places):
        return False
    if re.search(r"(?:[^с]ный|ная|ное|ные|ного)$", low):
        return False  # "заявил Генеральный секретарь ООН": an adjective, capitalised
    found = link(word, None)
    return not (found.instruments or found.organisations)


#: Two or three capitalised words after a word in lower case: a name inside a sentence.
_NAME_INSIDE = re.compile(
    rf"(?<=[^\W\d_{UPPER}] )[{UPPER}][^\W\d_]+(?:\s+[{UPPER}][^\W\d_]+){{1,2}}\b"
)


def _unlabelled_interview(
    text: str,
    blocks: list[Block],
    flags: dict[str, int],
    opening: Speaker,
    title: str | None,
    header: list[str],
) -> list[Turn] | None:
    """An interview printed without any label: questions and answers by paragraph.

    "Minister Dacic's Interview for “Vecernje novosti”" over paragraphs that alternate a
    question ("…? Did you ask Mr. Kerry …?") and an answer: a paragraph of 80 words or
    fewer closing with a question mark is the interviewer's, the others the interviewee's
    (the byline's person, or the title's "X's interview"). Two questions at least (or one
    opening the excerpt), and no label anywhere; otherwise None.
    """
    heading = next(
        (
            k
            for k, b in enumerate(blocks[:3])
            if _words(text[b.start : b.end]) <= 15
            and _INTERVIEW.search(text[b.start : b.end])
            and not re.search(r"[.?!]$", text[b.start : b.end].rstrip())
        ),
        None,
    )
    if heading is not None:
        # The page's furniture took the title; the interview's heading is the first block.
        header = [*header, text[blocks[heading].start : blocks[heading].end]]
        blocks = blocks[heading + 1 :]
    heads = " ".join([title or "", *header])
    if flags.get("labels"):
        return None
    # "1. What are the results …? (Azertac, Trend, Report)": the asking outlets in brackets
    # after the question.
    asked = {
        k
        for k, para in enumerate(text[b.start : b.end].rstrip() for b in blocks)
        if (re.sub(r"\s*\([^()]{2,120}\)$", "", para).endswith("?") and _words(para) <= 80)
        # "Das müssen Sie bitte erklären…", "Un successo per tutta la nazione, insomma…": a
        # short remark left hanging asks for the answer that follows it.
        or (para.endswith(("…", "...")) and _words(para) <= 15)
    }
    # "Herr Lambsdorff, der … INF-Vertrag … ist ausgelaufen. Droht …?" over answers each
    # opened by the surname in bold ("Lambsdorff Die USA …", "LambsdorffDie …"): the
    # paragraphs between the answers are the interviewer's, whatever they close with.
    surname_led = _answers_led_by_surname(text, blocks)
    if surname_led is not None:
        surname, led = surname_led
        first = min(led) - 1
        between = {k - first for k in range(first, len(blocks)) if k not in led}
        if between and min(between) + first <= 3:
            who = opening if opening.name else Speaker(surname, None)
            return _interview_turns(
                text, blocks[:first], blocks[first:], between, who, label=surname
            )
    lead: list[Block] = []
    if not _INTERVIEW.search(heads):
        # No word says it is an interview: questions put to someone ("do you think …?",
        # "2. In your recent piece …?") strictly alternating with answers say so (two
        # questions at least, the first within the first four paragraphs, each followed by
        # an answer); what stands before the first question is the page's lead.
        first = min(asked, default=len(blocks))
        # Questions put to someone ("voyez-vous …?"): two at least and half of them (an
        # interviewer also asks about others: "Les États-Unis ont fait savoir …?").
        put_to = sum(
            1
            for k in asked
            if _PUT_TO_SOMEONE.search(text[blocks[k].start : blocks[k].end])
            or _PARA_NUMBER.match(text[blocks[k].start : blocks[k].end])
            or _ADDRESSED.match(text[blocks[k].start : blocks[k].end])
        )
        # A lead that says it is an interview ("V rozhovoru se mimo jiné ptáme:", "In the
        # interview we ask, among others:") may list its topics first; the excerpt may end
        # on a question its answer was cut from.
        said_so = any(_INTERVIEW.search(text[b.start : b.end]) for b in blocks[:first])
        # "Excerpt from interview of Alexander Grushko, …" closing an excerpt that opens
        # with its one question, put to him.
        closing_says = asked == {0} and any(
            _INTERVIEW.search(text[b.start : b.end]) and _words(text[b.start : b.end]) <= 40
            for b in blocks[1:]
        )
        # "Herr Schmid, seit dem 2. August …?": the first question addresses the person
        addressed = first < len(blocks) and bool(
            _ADDRESSED.match(text[blocks[first].start : blocks[first].end])
        )
        # "… answers our questions about …" over one question and its answer
        ours = any(_OUR_QUESTIONS_RE.search(text, b.start, b.end) for b in blocks[:first])
        put = (put_to >= 2 or closing_says or (addressed and len(asked) >= 2) or ours) and (
            put_to * 2 >= len(asked) or ours
        )
        if (
            (len(asked) < 2 and not closing_says and not ours)
            or first > (7 if said_so else 3)
            or not put
            or any(k + 1 in asked or (k + 1 >= len(blocks) and k == first) for k in asked)
            or flags.get("dateline")
        ):
            return None
        lead, blocks = blocks[:first], blocks[first:]
        asked = {k - first for k in asked}
    elif len(asked) >= 2 and 0 < min(asked) <= 7:
        # An interview the heading announces may still open with a lead or a list of its
        # topics ("V rozhovoru se mimo jiné ptáme:" over five lines, then the first
        # question): the page's, where the interviewee is named (two questions at least:
        # one question in a report about an interview makes none).
        first = min(asked)
        lead, blocks = blocks[:first], blocks[first:]
        asked = {k - first for k in asked}
    # Two questions at least, or an excerpt that opens with its one question.
    if (len(asked) < 2 and asked != {0}) or len(asked) * 2 > len(blocks) + 1 or len(blocks) < 2:
        return None
    who = opening
    if who.name is None:
        named = _INTERVIEWEE.search(heads)
        found = None
        kicker = next(
            (
                m
                for line in [title or "", *(text[b.start : b.end] for b in lead)]
                if (m := re.match(r"^(?P<who>[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,3}):\s", line))
            ),
            None,
        )
        if named is None and kicker is not None:
            # "Bush: The rainbow in Romania - a magic moment": the interviewee's name.
            found = person_name(kicker["who"]) or (
                (kicker["who"], None) if lone_surname(kicker["who"]) else None
            )
        for block in lead if named is None and found is None else []:
            # "Quentin Lopino, a diplomat of …, answers our questions": who answers them
            answers = _ANSWERS_OURS.search(text[block.start : block.end])
            found = person_name(answers["who"]) if answers is not None else None
            if found is not None:
                break
        for block in lead if named is None and found is None else []:
            # "Matthew Bunn is the … professor …": the lead names the interviewee first.
            run = _NAME_IN_LEAD.search(text[block.start : block.end])
            found = person_name(run[0]) if run is not None else None
            if found is not None:
                break
        if named is not None:
            who_text = named["who"] or named["who2"] or named["who3"]
            found = titled_surname(who_text) or person_name(who_text)
        if found is None:
            # "Interview of the Minister of Foreign Affairs of the Republic of Azerbaijan
            # Elmar Mammadyarov to local media outlets": the office, then the name; so in
            # other languages ("Interview des Botschafters …, Vladimir V.Kotenev, für die
            # Zeitschrift …", "Entretien avec …", "Интервью …").
            office = _INTERVIEW_OF.search(heads)
            found = person_name(office["who"]) if office is not None else None
        if (
            found is None
            and title
            and _words(title) <= 8
            and not _INTERVIEW.search(title)
            and not re.search(r"[\d„“”\"«»:]", title)
        ):
            # "Russian Deputy Foreign Minister Alexander Grushko" over the questions: the
            # title is the person asked (not a paper's name: "Interview für die Zeitschrift
            # „Diplomatisches Magazin“").
            found = person_name(title)
        if found is None and asked:
            # "Herr Schmid, seit dem 2. August …?": the question addresses the person asked
            # (by the full name the page prints elsewhere, or the surname alone)
            first_q = blocks[min(asked)]
            address = _ADDRESSED_NAME.match(text[first_q.start : first_q.end])
            if (
                address is not None
                and _ADDRESSED.match(text[first_q.start : first_q.end])
                and not is_role_word(address["who"])
                and not german_office(address["who"])
            ):
                surname = address["who"].split()[-1]
                full = re.search(rf"\b[{UPPER}][\w’'-]+\s+{re.escape(surname)}\b", text)
                found = (person_name(full[0]) if full else None) or (
                    (surname, None) if lone_surname(surname) else None
                )
        if found is None and lead:
            # "Zda se Jana Černochová zúčastní …" among the topics listed before the first
            # question: the first whole name the lead gives inside a sentence (after a word
            # in lower case: a sentence's first words are no name's).
            found = next(
                (
                    guest
                    for b in lead
                    for m in _NAME_INSIDE.finditer(text, b.start, b.end)
                    if (guest := person_name(m[0])) is not None and guest[0] == m[0]
                ),
                None,
            )
        if found is None:
            return None
        who = Speaker(found[0], found[1])
    return _interview_turns(text, lead, blocks, asked, who)


def _interview_turns(
    text: str,
    lead: list[Block],
    blocks: list[Block],
    asked: set[int],
    who: Speaker,
    label: str | None = None,
) -> list[Turn]:
    """The turns of an interview printed without labels.

    The lead is nobody's; then each block is the journalist's if its index is in
    ``asked``, else ``who``'s. An answer that opens with ``label`` (the surname printed in
    bold) is read from after it.
    """
    asker = Speaker(None, "journalist")
    turns: list[Turn] = []
    if lead:
        turns.append(Turn(Speaker(None, None), [(b.start, b.end, b.page) for b in lead], False))
    for k, block in enumerate(blocks):
        speaker = asker if k in asked else who
        start = block.start
        if label is not None and k not in asked and text.startswith(label, start):
            start += len(label)
            while start < block.end and text[start] in " :–—-":
                start += 1
        span = (start, block.end, block.page)
        if turns and turns[-1].speaker == speaker:
            turns[-1].spans.append(span)
        else:
            turns.append(Turn(speaker, [span], False))
    return turns


def _asked_before_labels(text: str, turns: list[Turn]) -> int:
    """How many unlabelled paragraphs ask a question right before a person's labelled turn.

    The paragraph closes with a question mark, has 60 words at most, stands alone or closes
    the turn before, and the next turn is labelled with a person's name (see
    :func:`_unlabelled_questions`).
    """
    return sum(_asks_before(text, turn, after) for turn, after in itertools.pairwise(turns))


def _asks_before(text: str, turn: Turn, after: Turn) -> bool:
    """Whether ``turn`` closes on a question that the person labelled in ``after`` answers.

    Its last paragraph ends with a question mark and has 60 words at most; ``after`` is
    labelled with a person's name; neither is a journalist's or a moderator's; a labelled
    turn of one paragraph is that speaker asking back, not a question put to them.
    """
    if not turn.spans or not after.labelled or after.speaker.name is None:
        return False
    if turn.labelled and len(turn.spans) == 1:
        return False  # a labelled speaker asking back
    if {after.speaker.role, turn.speaker.role} & {"journalist", "moderator"}:
        return False
    a, b, _ = turn.spans[-1]
    return text[a:b].rstrip().endswith("?") and _words(text[a:b]) <= 60


def _unlabelled_questions(text: str, turns: list[Turn]) -> list[Turn]:
    """Questions printed without a label before a labelled answer are the journalist's.

    "The NATO-Russia Council met. Is there any progress?" over "Alexander Grushko: We can
    hardly …": the paragraph that closes with a question mark, right before a labelled
    turn, is asked by the interviewer, whether it stands alone or closes the last answer.
    """
    out: list[Turn] = []
    asker = Speaker(None, "journalist")
    for k, turn in enumerate(turns):
        if k + 1 == len(turns) or not _asks_before(text, turn, turns[k + 1]):
            out.append(turn)
            continue
        if turn.spans[:-1]:
            out.append(Turn(turn.speaker, turn.spans[:-1], turn.labelled))
        out.append(Turn(asker, [turn.spans[-1]], False))
    return out


#: "My name is Melissa Waheibi; I'll be your moderator today": a speaker known only by a
#: role names themselves.
_MY_NAME = re.compile(
    r"\b(?:[Mm]y name is|I am|I’m|I'm|[Tt]his is)\s+"
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})"
    r"(?=\s*[;,.]\s*(?:and\s+)?I[’']?(?:ll| will| am|’m|'m)?\s+(?:be\s+)?(?:your\s+)?"
    r"(?:moderator|moderating|host|chair))",
)


def _self_introduced(text: str, turns: list[Turn]) -> None:
    """Give the name a role-only speaker (the moderator) introduces themselves by."""
    for turn in turns:
        who = turn.speaker
        if who.name is not None or who.role is None or not turn.spans:
            continue
        start, end, _ = turn.spans[0]
        body = text[start:end]
        if len(turn.spans) > 1:
            body = text[start : turn.spans[min(3, len(turn.spans) - 1)][1]]
        m = _MY_NAME.search(body)
        if m is None:
            continue
        named = Speaker(m.group("name"), who.role)
        for other in turns:
            if other.speaker == who:
                other.speaker = named


_OCCASION = re.compile(
    r"\s+(?:at|to|on|before|during|ahead of|following|after|in|for|with"
    r"|à|au|aux|sur|devant|lors|en|bei|beim|anlässlich|vor|auf|am|im|ante|durante)\s+(?=\S)"
)


#: A title announcing a call or a meeting between two persons, in English, Swedish,
#: German and French ("Readout of phone call between A and B", "Telefonsamtal mellan A och
#: B", "Telefonat zwischen A und B", "Entretien téléphonique entre A et B").
_READOUT_PAIR = re.compile(
    r"(?:phone call|telephone call|phone conversation|telephone conversation|call|"
    r"conversation|meeting|talks)\s+between\s+(?:the\s+)?(?P<a>.+?)\s+and\s+(?:the\s+)?"
    r"(?P<b>.+?)\s*$"
    r"|telefonsamtal\s+mellan\s+(?P<sa>.+?)\s+och\s+(?P<sb>.+?)\s*$"
    r"|telefonat\s+zwischen\s+(?:dem\s+|der\s+)?(?P<da>.+?)\s+und\s+(?:dem\s+|der\s+)?"
    r"(?P<db>.+?)\s*$"
    r"|entretien(?:\s+téléphonique)?\s+entre\s+(?:le\s+|la\s+)?(?P<fa>.+?)\s+et\s+"
    r"(?:le\s+|la\s+)?(?P<fb>.+?)\s*$",
    re.IGNORECASE,
)


def _readout_pair(title: str | None, day: dt.date | None) -> tuple[Speaker, Speaker] | None:
    """The two persons a readout's title says talked, each by a full name or the record."""
    m = _READOUT_PAIR.search(title or "")
    if m is None:
        return None
    # (one pair of groups per language; the one that matched holds the two names)
    found = next(
        [m[a], m[b]] for a, b in (("a", "b"), ("sa", "sb"), ("da", "db"), ("fa", "fb")) if m[a]
    )
    people = []
    for words in found:
        words = re.split(r"\s+(?:on|at|in|regarding|about|om|über|sur)\s+", words)[0]
        speaker = _opening_speaker([], None, day, words.strip(" ,."))
        if not speaker.name or len(speaker.name.split()) < 2:
            return None
        people.append(speaker)
    if len(people) != 2 or people[0].name == people[1].name:
        return None
    return people[0], people[1]


#: A name given an honorific inside a longer line ("…, Deputy Director … Mr. Mikhail
#: Kondratenkov").
_HONOURED_NAME = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|H\.E\.)\.?\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3})"
)


def _opening_speaker(
    participants: list[Person],
    author: str | None,
    day: dt.date | None,
    byline: str = "",
    title: str | None = None,
) -> Speaker:
    if participants:
        p = participants[0]
        return Speaker(p.name, p.role_on(day), p)
    if author:
        person = person_by_alias(author)
        if person is not None:
            return Speaker(person.name, person.role_on(day), person)
        return Speaker(author, None)
    if byline and byline.isupper():
        byline = byline.title()  # "H.E. MSGR. DOMINIQUE MAMBERTI"
    if byline and _words(byline) > 12:
        # "Statement by the Deputy Head of the Delegation of …, Deputy Director of the
        # Department … Mr. Mikhail Kondratenkov (Cluster III …), Geneva, …": a long
        # title's person is the one it gives an honorific; what stands in brackets is an aside.
        plain = re.sub(r"\s*\([^()]*\)", "", byline)
        honoured = _HONOURED_NAME.search(plain)
        if honoured is not None and honoured.start() > 0:
            named = person_name(honoured["name"])
            if named is not None and named[0] == honoured["name"]:
                return Speaker(named[0], None)
    if byline and " and " in byline:
        # "with NATO Deputy Secretary General Rose Gottemoeller and the President …": the
        # first person named opens; an office with "and" in it falls through to the rest.
        first = byline.split(" and ")[0]
        named = person_name(first.split(",")[0]) or person_name(first)
        if named is not None and _words(first) >= 2:
            return Speaker(named[0], named[1])
    if byline:
        # The person, not the occasion: "First Deputy Permanent Representative Dmitry
        # Polyanskiy at an open VTC of UNSC members 'Briefing of OSCE Chairperson-in-Office'".
        # The office may itself hold an occasion word ("Permanent Representative of Russia
        # to the OSCE Alexander Lukashevich at …"): each prefix ending before one is tried,
        # shortest first, and the first that reads as a person is the speaker.
        cuts = [m.start() for m in _OCCASION.finditer(byline)] + [len(byline)]
        for cut in cuts:
            who = byline[:cut]
            named = person_name(who.split(",")[0]) or person_name(who)
            if named is not None:
                return Speaker(named[0], named[1])
        named = person_name(byline.split(",")[0]) or person_name(byline)
        if named is not None:
            return Speaker(named[0], named[1])
        # "Minister Dion to the OSCE Ministerial Council": a title and a surname.
        titled = titled_surname(byline[: cuts[0]].strip(" ,"))
        if titled is not None:
            return Speaker(titled[0], titled[1])
    for piece in re.split(r"\s+[-–—]\s+", title or "")[1:]:
        # "Helsinki, 10.07.2015 - Discorso del consigliere federale Didier Burkhalter in
        # occasione dell'incontro … - Fa stato la versione orale": the title after the place
        # and day names the person, before the occasion
        titled_piece = (
            _TITLE_BY_OTHER.match(piece) or _TITLE_BY.match(piece) or _SPEECH_OF.match(piece)
        )
        if titled_piece is not None:
            who = _OCCASION.split(titled_piece["who"])[0]
            named = person_name(who.split(",")[0]) or person_name(who)
            if named is not None:
                return Speaker(named[0], named[1])
    if title and "," in title:
        # "From the speech of the Head of the Delegation …, Yu.D.Zhdanova (January 29, 2025)"
        last = re.sub(r"\([^)]*\)", "", title).rsplit(",", 1)[-1].strip(" .")
        named = person_name(last) if 2 <= len(last.replace(".", ". ").split()) <= 4 else None
        if named is not None:
            return Speaker(named[0], named[1])
    return Speaker(None, None)


#: Whose words follow, anywhere in a header line: "Text of the video address from President
#: X", "This joint statement … was delivered by Ambassador X at …", "STATEMENT OF H.E. X".
_AUTHORED = re.compile(
    r"\b(?:(?:address|speech|remarks|statement|intervention|message|lecture|presentation|"
    r"explanation of (?:vote|position))"
    r"\s+(?:(?:delivered|made|given)\s+)?(?:by|of|from)"
    # "Interview of the Deputy Minister … S.A.Ryabkov to the Parliamentary Newspaper"
    r"|interview\s+(?:of|with|given by)(?:\s+the)?"
    # "Press conference with NATO Secretary General Jens Stoltenberg, …": the host first
    r"|(?:joint\s+)?(?:press|news|media)\s+(?:conference|briefing|point|availability)\s+"
    r"(?:with|by|of)(?:\s+the)?"
    r"|(?:delivered|presented|given|read out)\s+by"
    # "answers to questions from the mass media by …", "answers to media questions by …"
    r"|answers?\s+to\s+(?:(?:the\s+)?(?:mass\s+)?media\s+)?questions"
    r"(?:\s+(?:from|of)\s+(?:the\s+)?(?:mass\s+)?(?:media|journalists))?\s+by)"
    r"\s+(?P<who>[A-Z].{2,400})$",
    re.IGNORECASE,
)
#: A header line (a photograph's caption, a subtitle) saying who delivers the text: "Ambassador
#: Pyatt delivers remarks at George C. Marshall Center Alumni Reception".
_DELIVERS = re.compile(
    r"^(?P<who>(?:[A-Z][\w.’'-]*\s+){1,5}?[A-Z][\w’'-]+)\s+(?:delivers|delivered|gives|gave)\s+"
    r"(?:(?:the\s+)?(?:opening|closing|keynote|welcoming|introductory)\s+)?"
    r"(?:remarks|a speech|an address|address|a keynote(?:\s+(?:address|speech))?|a lecture)\b"
)
#: What a header line says the text answers: "in response to the address delivered by X".
_IN_RESPONSE = re.compile(
    r"\b(?:in (?:response|reply|answer) to|responding to|replying to|following)\b", re.I
)
#: A title opening with what kind of words follow ("Speech and answers to questions …",
#: "Remarks by …", "Opening statement …").
_GENRE_TITLE = re.compile(
    r"(?:(?:opening|closing|introductory|keynote|joint)\s+)?(?:speech|remarks|statement|"
    r"address|answers|comments|interview|press\s+conference|briefing|transcript|lecture)\b",
    re.IGNORECASE,
)
#: "Foreign Ministry Spokesperson Geng Shuang's Remarks on …": whose words, before "'s".
_AUTHORED_POSSESSIVE = re.compile(
    r"^(?P<who>[A-Z][^:;!?]{2,120}?)[’']s\s+(?:(?:press|opening|closing|keynote|video)\s+)?"
    r"(?:remarks|statement|speech|address|comments|"
    r"interview|briefing|message|answers?)\b",
    re.IGNORECASE,
)


#: A title naming its speaker before the kind of text, in title case and without the
#: possessive: "Ambassador Baer Statement at the Joint FSC/PC: …".
_AUTHORED_BARE = re.compile(
    r"^(?P<who>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,5}?)\s+(?:Statement|Remarks|Speech|Address)"
    r"\s+(?:at|to|on|before|in)\b"
)
#: A title whose subject hosts an event with a guest: "PM X holds a media availability with Y".
_HOST = re.compile(
    r"^(?:transcript\s*[-–—:]\s*)?(?P<host>[A-Z][^,;:]{2,80}?)\s+(?:holds|gives|hosts|chairs)\s+"
    r"(?:an?\s+|the\s+)?(?:joint\s+)?(?:media|press|news)\s+(?:availability|conference|briefing|point)"
    r"\s+with\b",
    re.IGNORECASE,
)
_DELEGATION_WORDS = re.compile(
    r"(?:the\s+)?(?:delegations?|(?:permanent\s+)?mission|government|ministry|representatives?\s+of)\b",
    re.IGNORECASE,
)


def _header_lines_before(
    text: str, blocks: list[Block], dropped: list[tuple[int, int, str]]
) -> list[str]:
    """The header lines set apart before the first body block, in the order of the page."""
    first = blocks[0].start if blocks else len(text)
    spans = sorted(
        (a, b)
        for a, b, why in dropped
        if (b <= first and why.split(" ")[0] in ("title", "subtitle", "header", "byline", "dated"))
        or why == "header (capitals)"  # set apart below furniture the rules left in place
    )
    return [line.strip() for a, b in spans for line in text[a:b].splitlines() if line.strip()]


def _header_speaker(
    text: str,
    blocks: list[Block],
    dropped: list[tuple[int, int, str]],
    title: str | None,
    day: dt.date | None,
) -> Speaker | None:
    """Who delivers a page whose header rules found no speaker, from its header lines.

    Tried in order, on the title and the header lines set apart before the body: a line
    saying whose words follow anywhere in it (:data:`_AUTHORED`); then a line holding a
    name alone ("Greg Delawie") followed by a line of office ("Deputy Assistant Secretary,
    Bureau of …"), as a speech's page prints its speaker under the title.
    """
    lines = _header_lines_before(text, blocks, dropped)
    if title and title.strip() not in lines:
        lines.insert(0, title.strip())
    for line in lines:
        if _words(line) > 40:
            continue
        probe = line.title() if line.isupper() else line
        by = (
            _AUTHORED.search(probe)
            or _AUTHORED_POSSESSIVE.match(probe)
            or _DELIVERS.match(probe)
            or _AUTHORED_BARE.match(probe)
        )
        if by is None or _DELEGATION_WORDS.match(by["who"]):
            continue  # "Statement by the delegation of Belarus": see _delegation
        if _IN_RESPONSE.search(probe[: by.start() + 1]):
            continue  # "in response to the address delivered by …": the words answered
        # "… by Prime Minister Kishida regarding His Attendance at …": what the words are
        # about is no part of who spoke them.
        who = re.split(r"\s+(?:regarding|concerning|about|on)\s+", by["who"])[0]
        found = _opening_speaker([], None, day, who.strip(" .,"))
        titled = bool(found.role) and bool(re.fullmatch(r"[A-Z][\w’'-]+", found.name or ""))
        if found.name and (person_name(found.name) is not None or titled):
            return found  # a name, or an office and a surname ("Prime Minister Kishida")
        alone = who.strip(" .,")
        if (
            by.re is _AUTHORED_POSSESSIVE
            and lone_surname(alone)
            and _opens_in_first_person(text, blocks)
        ):
            # "Paet's Speech at the 16th OSCE Ministers' Conference" over a text in the
            # first person: the surname the page gives alone is the speaker's.
            return Speaker(alone, None)
    for line, after in itertools.pairwise(lines):
        if re.fullmatch(r"(?:keynote\s+)?(?:speaker|presenter)s?\s*:", line, re.IGNORECASE):
            # "SPEAKER:" over "ROSE GOTTEMOELLER," (a field of a transcript's header).
            probe = after.split(",")[0].strip()
            named = person_name(probe.title() if probe.isupper() else probe)
            if named is not None:
                return Speaker(named[0], named[1] or "speaker")  # a programme's field
    for line, after in itertools.pairwise(lines):
        if not 2 <= _words(line) <= 5 or re.search(r"[.:;!?,]$|\d", line):
            continue
        bare = re.sub(rf"^{HONORIFIC}\s+", "", line)  # "Mr Tiny KOX"
        named = person_name(bare)
        if named is not None and named[0] != bare and named[1] and bare == f"{named[1]} {named[0]}":
            # "Ambassador Robert Wood" over "Deputy Commissioner for …": a title, the name
            bare = named[0]
        if named is None or named[0] != bare or implausible_speaker(bare) is not None:
            continue
        if any(re.search(rf"\b{re.escape(p)}\b", line) for p in load().rules.places):
            continue  # "Vienna Austria": a place, not a name
        if any(is_role_word(w.strip(",")) for w in after.split()[:6]):
            return Speaker(named[0], after.split(",")[0].strip())
    return (
        _signature_speaker(text, blocks, lines)
        or _name_over_address(text, blocks, dropped)
        or _noted_author(text, dropped)
        or _kicker_speaker(text, blocks, lines)
        or _headline_speaker(text, blocks, lines)
    )


def _noted_author(text: str, dropped: list[tuple[int, int, str]]) -> Speaker | None:
    """The author a page's note presents under their name, when nothing else names one.

    "Edwin J. Feulner" over "Edwin J. Feulner is the founder and former president of The
    Heritage Foundation." above a speech or a commentary: the words are the author's.
    """
    for a, b, why in dropped:
        if why == "author's note in the header":
            bio = _author_bio(text[a:b])
            if bio is not None:
                return Speaker(bio, None)
        if why == "author's note under their name" and a < 3000:
            above = text[:a].rstrip("\n").rsplit("\n", 1)[-1].strip()
            named = person_name(above)
            if named is not None and named[0] == above:
                return Speaker(named[0], None)
    return None


#: A header line naming a speaker and their office: "THE HONORABLE JOHN D. HOLUM,
#: DIRECTOR", "H.E. Mr Sergey Kuzmin, Ambassador of …" (a speech's page prints who
#: delivers it over the title).
_NAME_COMMA_OFFICE = re.compile(
    rf"(?:(?:The\s+)?(?:Honou?rable|Hon\.|Excellency|His Excellency|Her Excellency|"
    rf"Ambassador|{HONORIFIC})\s+)*"
    r"(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3}),\s+(?P<office>[^,;:]{3,80}?),?"
)


def _signature_speaker(text: str, blocks: list[Block], lines: list[str]) -> Speaker | None:
    """The person a header line names with their office, over a text in the first person.

    A header line of twelve words at most is a name (after a courtesy title) and an office
    after a comma ("The Honorable John D. Holum, Director"), the office holding a word of
    title; the text below speaks in the first person (three times at least), so a byline
    with its paper's post ("John Smith, Moscow Correspondent") over a report names nobody.
    """
    for line in _heads_over_first_person(text, blocks, lines, 0):
        signed = _signature(line)
        if signed is not None:
            return Speaker(*signed)
    return None


def _name_over_address(
    text: str, blocks: list[Block], dropped: list[tuple[int, int, str]]
) -> Speaker | None:
    """A full name alone on the header line right above the address a speech opens with.

    "Jan Halvar" over "Thank you, Mr Chair.": a speech's page prints its speaker's name
    between its title and its first words (see also the same form inside the body, read
    by :func:`_turns`).
    """
    if not blocks or not _salutation(text[blocks[0].start : blocks[0].end]):
        return None
    above = [(a, b) for a, b, why in dropped if b <= blocks[0].start and why != "date"]
    if not above:
        return None
    a, b = max(above)
    if text[b : blocks[0].start].strip():
        return None  # something between the line and the address
    line = text[a:b].strip().splitlines()[-1].strip()
    named = person_name(line)
    if named is None or named[0] != line or not 2 <= _words(line) <= 4:
        return None
    return Speaker(named[0], named[1])


def _signature(line: str) -> tuple[str, str] | None:
    """The full name and office of a line that is only those (:data:`_NAME_COMMA_OFFICE`)."""
    if _words(line) > 12:
        return None
    probe = line.strip().title() if line.isupper() else line.strip()
    m = _NAME_COMMA_OFFICE.fullmatch(probe)
    if m is None or not any(is_role_word(w) for w in m["office"].split()):
        return None
    named = person_name(m["name"])
    if named is None or named[0] != m["name"] or len(named[0].split()) < 2:
        return None
    return named[0], m["office"].strip()


#: A headline whose subject is a person and whose verb says what they say or deliver:
#: "Ambassador Holland thanks the President of the OSCE Parliamentary Assembly …", "Deputy
#: Ambassador James Ford reaffirms commitment to …", "Uzbek Foreign Minister Abdulaziz
#: Kamilov delivered a speech at the 23rd meeting …:".
_HEADLINE_SAYS = re.compile(
    r"(?P<who>(?:[A-Z][\w.’'-]*\s+(?:(?:of|of the|for)\s+)?){0,7}[A-Z][\w’'-]+)\s+"
    r"(?:says|thanks|reaffirms|regrets|calls|urges|warns|welcomes|condemns|stresses|"
    r"underlines|addresses|tells|expresses|highlights|emphasi[sz]es|reiterates|praises|"
    r"commends|speaks|delivers|presents|outlines|congratulates|appeals|rejects|denounces|"
    r"(?:delivered|made|gave) (?:a|an|the|his|her) (?:speech|address|statement|remarks)|"
    r"addressed|"
    # "Ambassador Hans Klemm at the Ceremony Marking …", "Secretary Antony J. Blinken at a
    # Joint Press Availability": a speech's page titled by its speaker and the occasion.
    r"at (?:the|a|an) (?=[A-Z]))"
)


def _headline_speaker(text: str, blocks: list[Block], lines: list[str]) -> Speaker | None:
    """The person a headline's subject names, over a text in the first person.

    The title, a header line or a first paragraph of 40 words at most opens with a person
    (a name, or an office and a surname) and a verb of saying or delivering in the
    headline's present ("thanks", "reaffirms", "says") or "delivered a speech"; the text
    below speaks in the first person (three times at least outside quotation marks in its
    first paragraphs), so a report headlined "Stoltenberg warns Russia …" that quotes him
    names nobody here.
    """
    for line in _heads_over_first_person(text, blocks, lines, 40):
        m = _HEADLINE_SAYS.match(line.strip())
        if m is None:
            continue
        who = m["who"]
        named = person_name(who)
        if named is not None and len(named[0].split()) >= 2:
            return Speaker(named[0], named[1])
        titled = titled_surname(who)
        if titled is not None:
            return Speaker(titled[0], titled[1])
    return None


def _opens_in_first_person(text: str, blocks: list[Block]) -> bool:
    """Whether the text's first eight paragraphs speak in the first person three times."""
    return _first_person(" ".join(text[b.start : b.end] for b in blocks[:8])) >= 3


def _heads_over_first_person(
    text: str, blocks: list[Block], lines: list[str], longest: int
) -> list[str]:
    """The header lines and a short first paragraph, if the text below is in the first person.

    The first paragraph counts when it has ``longest`` words at most; the text speaks in
    the first person three times at least outside quotation marks in its first paragraphs,
    or nothing is returned.
    """
    if not _opens_in_first_person(text, blocks):
        return []
    first = text[blocks[0].start : blocks[0].end].strip() if blocks else ""
    return [*lines, first] if first and _words(first) <= longest else lines


#: A headline led by whose words they are: "DefMin Pevkur: Happy NATO Day!", "Terzi: «A
#: common response to the challenges»".
_KICKER = re.compile(r"(?P<who>(?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][\w’'-]+)\s*:\s+\S")


def _kicker_speaker(text: str, blocks: list[Block], lines: list[str]) -> Speaker | None:
    """The person a headline's kicker names, over a text in the first person.

    The title, the header lines or a first paragraph of 20 words at most may open with a
    name and a colon; the name is a surname (:func:`lone_surname`) after at most two words of
    office, and resolves to a full name printed elsewhere on the page ("Hanno Pevkur"); a
    headline of three words at least follows the colon (not a field: "Email: …"). The
    text below speaks in the first person (three times at least in its first paragraphs),
    so a news headline ("Sarkozy: Russia, Georgia agree to peace plan") names nobody.
    """
    for line in _heads_over_first_person(text, blocks, lines, 20):
        m = _KICKER.match(line)
        if m is None or _words(line[m.end() - 1 :]) < 3 or re.search(r"@|://", line):
            continue  # "Email: info@…", "Schwerpunktthema: Rede": a page's field
        words = m["who"].split()
        surname = words[-1]
        if not lone_surname(surname) or not all(
            is_role_word(w) or re.fullmatch(r"[A-Z][a-z]+[A-Z][a-z]+|[A-Z][a-z]{1,4}\.?", w)
            for w in words[:-1]
        ):
            continue
        pattern = rf"\b[A-Z][\w’'-]+\s+(?:[A-Z][\w’'-]+\s+)?{re.escape(surname)}\b"
        for full in re.finditer(pattern, text):
            lead = full.group(0).split()[0]
            if lead in words or is_role_word(lead):
                continue  # the kicker itself, or an office before the surname
            named = person_name(full.group(0))
            if named is not None and named[0].split()[-1] == surname:
                return Speaker(named[0], " ".join(words[:-1]) or named[1])
        return Speaker(surname, " ".join(words[:-1]) or None)
    return None


def _capitals_header(
    text: str, blocks: list[Block], header_lines: list[str], dropped: list[tuple[int, int, str]]
) -> list[Block]:
    """Set apart a run of short blocks in capitals near the top of the body.

    "OF THE ORGANIZATION FOR SECURITY AND CO-OPERATION IN EUROPE (OSCE)", "(KYIV, 5-6
    DECEMBER 2013)", "STATEMENT OF H.E. …", "SPEAKER:" over a name and an office: a title
    printed in capitals over several blocks is the page's header, not anyone's words. The
    run opens the body, or holds three blocks at least within its first twelve (what stands
    before it is left as it is). A label with words after it on its line ("MR. GIBBS: …")
    or an article heading ("ARTICLE I") ends the run, and a body wholly in capitals has no
    header taken from it.
    """

    def caps(block: Block) -> bool:
        line = text[block.start : block.end].strip()
        return bool(
            re.search(r"[A-Z]", line)
            and not re.search(r"[a-z]", line)
            and not re.search(r":[ \t]*\S", line)
            and _words(line) <= 20
            and not re.match(r"ARTICLE\b", line)
        )

    start, run = 0, 0
    for n, block in enumerate(blocks[:12]):
        if caps(block):
            run += 1
            continue
        if run and (start == 0 or run >= 3):
            break
        start, run = n + 1, 0
    if run == 0 or (start > 0 and run < 3) or start + run >= len(blocks):
        return blocks
    while start + run < len(blocks) - 1:
        # "Kyiv (Ukraine)" / "Thursday, 5 December 2013" under the header: its place and day.
        line = text[blocks[start + run].start : blocks[start + run].end].strip()
        if not (_place_line(line) or (_words(line) <= 8 and _date_line(line) is not None)):
            break
        run += 1
    for block in blocks[start : start + run]:
        header_lines.extend(
            line.strip() for line in text[block.start : block.end].splitlines() if line.strip()
        )
        dropped.append((block.start, block.end, "header (capitals)"))
    return blocks[:start] + blocks[start + run :]


def _date_in_header(lines: list[str]) -> dt.date | None:
    """A full date opening one of the page's header lines, ahead of more words.

    Only a document number or a weekday may stand before it ("QR-17, 16 juin 2022,
    Déclaration …", "Wednesday, 16 February 2022 - Strasbourg Revised edition"): a date
    later in a title is the occasion's ("… meetings on 6 and 7 April 2022"), not the page's.
    """
    for line in lines:
        if not line or _words(line) > 40:
            continue
        line = _as_figures(line)
        found = [d for d in dates_mentioned(line, None) if len(d[2]) == 10]
        other = _parsed_span(line[:40]) if not found else None
        start, iso = (
            (found[0][0], found[0][2]) if found else (other[0], other[2]) if other else (0, "")
        )
        if iso and _LEADS_DATE.fullmatch(line[:start]):
            return dt.date.fromisoformat(iso)
    return None


def _yearless_day(
    text: str, dropped: list[tuple[int, int, str]], blocks: list[Block]
) -> str | None:
    """The month and day (``-MM-DD``) of a dateline that prints no year ("Feb. 21 (UPI) --")."""
    lines = [text[a:b] for a, b, why in dropped if why == "dateline"]
    lines += [text[b.start : b.end][:60] for b in blocks[:3]]
    for line in lines:
        dateline = _YEARLESS_DATELINE.match(line)
        if dateline is None:
            continue
        # A day and month resolved against the last day of a leap year keep their figures.
        short = [iso for _, _, iso in dates_mentioned(dateline[0], dt.date(2000, 12, 31))]
        if short and len(short[0]) == 10:
            return short[0][4:]
    return None


def _undated_page_day(text: str, yearless: str | None, heads: list[str]) -> dt.date | None:
    """The day of a page that nothing else dates, from what is left, in this order.

    1. A dateline's day without a year (``yearless``, ``-MM-DD``: :func:`_yearless_day`)
       whose full date the page prints near the top ("Feb. 21 (UPI) --" under a photo
       caption's "… on February 21, 2023").
    2. A header line or a byline closing with a full date after a slash, a bar or a dash
       ("– By PBS NewsHour Staff (PBS Newshour) / March 11 2020").
    3. The occasion a speech's or statement's title says it was delivered at ("Address by
       … at the OSCE Ministerial Council Meeting, 1-2 December 2009, Athens": its first
       day); not one it was given ahead of.
    4. The day the text says is today ("Today, 28 February 2014 …"), or an editor's note
       says the recorded event was held on ("This transcript is from … hosted on June 26,
       2024.").

    A full date opening the first paragraph ("On December 5, 2022, we marked …") is the
    event's; an update stamp is the page's date only where nothing else dates it
    (:func:`_update_stamp_day`, after the learned model).
    """
    if yearless is not None:
        for _, _, iso in dates_mentioned(text[:2500], None):
            if len(iso) == 10 and iso[4:] == yearless:
                return dt.date.fromisoformat(iso)
    for head in heads:
        # "… – By PBS NewsHour Staff (PBS Newshour) / March 11 2020": a byline's or a
        # header's closing stamp after a slash, a bar or a dash.
        closing = [
            iso
            for a, b, iso in dates_mentioned(head, None)
            if len(iso) == 10 and not head[b:].strip() and re.search(r"[/|–—]\s*$", head[:a])
        ]
        if closing:
            return dt.date.fromisoformat(closing[-1])
    for head in heads:
        occasion = _DELIVERED_AT.match(head.strip())
        if occasion is None or _AHEAD.search(head):
            continue
        rest = head[occasion.end() :]
        # The meeting's own day (of "1-2 December 2009", the first, as dates_mentioned reads
        # a range): after a comma, a bracket or "on" ("…, 1 December 2009,
        # Athens"), not a day the title relates it to ("adopted after December 7, 2017 …").
        full = [
            iso
            for a, _, iso in dates_mentioned(rest, None)
            if len(iso) == 10 and re.search(r"(?:[,(]|\bon)\s*$", rest[:a])
        ]
        if full:
            return dt.date.fromisoformat(full[0])
    return _said_to_be_today(text[:3000])


#: A text that says which day is today ("Today, 28 February 2014 unidentified armed
#: militants blocked …", "Heute, am 5. Mai 2022, …", "Сегодня, 28 февраля 2014 года"), or an
#: editor's note saying when the recorded event took place ("This transcript is from a CSIS
#: press briefing hosted on June 26, 2024.").
_TODAY = re.compile(
    r"(?<!\w)(?:today|heute|aujourd['’]hui|hoy|oggi|dzisiaj|dziś|сегодня|сьогодні)"
    r"\s*(?:,|\(|–|—)\s*(?:(?:am|le|el|il|w)\s+)?(?=\S)",
    re.IGNORECASE,
)
_RECORDED_ON = re.compile(
    r"(?:^|\n)\s*This (?:transcript|recording|video|audio|event|interview|conversation|"
    r"briefing|podcast)\b[^.\n]{0,80}?\b(?:held|hosted|recorded|broadcast|aired|took place)"
    r"\s+on\s+(?=\S)",
    re.IGNORECASE,
)


def _said_to_be_today(text: str) -> dt.date | None:
    """The day a page's own words say is today, or its editor's note says it was recorded."""
    for pattern in (_TODAY, _RECORDED_ON):
        for m in pattern.finditer(text):
            found = [
                iso
                for a, _, iso in dates_mentioned(text[m.end() : m.end() + 40], None)
                if a == 0 and len(iso) == 10
            ]
            if found:
                return dt.date.fromisoformat(found[0])
            other = _parsed_span(text[m.end() : m.end() + 40])  # "Сегодня, 28 февраля …"
            if other is not None and other[0] == 0:
                return dt.date.fromisoformat(other[2])
    return None


#: A news dateline's day without a year: "Feb. 21 (UPI) --", "MOSCOW, July 23 (Interfax) -".
_YEARLESS_DATELINE = re.compile(
    r"\s*(?:[A-Z][\w.'’ -]{1,30}[.,]\s+)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+[0-3]?\d|[0-3]?\d\s+[A-Z][a-z]{2,8})"
    r"(?!\d|,?\s*(?:19|20)\d\d)\s*(?:\([A-Za-z/ ]{2,20}\))?\s*(?:[-–—]{1,2}|/)"
)
#: A title naming a text and the event it was delivered at ("Address by X at the …").
_DELIVERED_AT = re.compile(
    r"(?:(?:opening|closing|keynote|welcoming)\s+)?(?:address|statement|speech|remarks|"
    r"intervention|presentation|lecture)\b[^!?]{0,200}?\bat\s+(?:the\s+)?",
    re.IGNORECASE,
)
_AHEAD = re.compile(r"\b(?:ahead of|prior to|on the eve of|before the)\b", re.IGNORECASE)


#: What may stand before a header line's opening date: a document number, a weekday.
_LEADS_DATE = re.compile(
    r"\s*(?:(?:No\.?:?\s*)?[A-Z]{0,5}[-/]?\d{1,4}(?:/\d{1,4})?,?\s+)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+|"
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche),?\s+)?",
    re.IGNORECASE,
)


#: A ministry named as a statement's author in its title ("Statement of the Ministry of
#: Foreign Affairs of Ukraine on …") or its first sentence ("The Ministry of Foreign Affairs
#: of Romania makes the following remarks:").
_MINISTRY_TITLE = re.compile(
    r"\b(?:[Ss]tatement|[Cc]omment|[Cc]ommentary|[Dd]eclaration|[Pp]ress [Rr]elease|"
    r"[Cc]ommuniqu[eé]|[Ii]nformation|[Rr]emarks)\s+(?:[Oo]f|[Bb]y|[Ff]rom)\s+(?:[Tt]he\s+)?"
    # capitalised words joined by "and", "of", "of the" — never "On the Suspension …"
    r"(?P<body>(?:[A-Z][a-z]+\s+)?Ministry\s+of\s+(?!On\b|Regarding\b)[A-Z][\w’'-]*"
    r"(?:\s+(?:and\s+|of\s+(?:the\s+)?)?(?!On\b|Regarding\b|In\b|About\b)[A-Z][\w’'-]*){0,7})"
    r"(?=\s+(?:[Oo]n|[Rr]egarding|[Cc]oncerning|[Ii]n|[Aa]bout|[Aa]t|[Tt]o|[Ff]ollowing|[Ww]ith)\b"
    r"|\s*[,.;:(–—-]|\s*$)"
)
_MINISTRY_OPENS = re.compile(
    r"\s*(?:The\s+)?(?P<body>Ministry\s+of\s+[A-Z][\w’'-]*(?:\s+(?:and\s+|of\s+(?:the\s+)?)?"
    r"[A-Z][\w’'-]*){0,7})\s+(?:makes|issued|has issued|issues|states|informs|notes|"
    r"expresses|strongly|firmly|resolutely|condemns|welcomes)\b"
)


def _ministry_author(text: str, blocks: list[Block], heads: list[str]) -> str | None:
    """The ministry an unsigned statement's title or first sentence names as its author."""
    for head in heads:
        found = _MINISTRY_TITLE.search(head)
        if found is not None:
            return re.sub(r"^ministry", "Ministry", found["body"])
    if blocks:
        opens = _MINISTRY_OPENS.match(text, blocks[0].start, blocks[0].end)
        if opens is not None:
            return opens["body"]
    return None


#: A joint text opened by those who adopt it: "We, the Presidents of Ukraine, the Republic of
#: Lithuania and the Republic of Poland – the Lublin Triangle, gathered in Kyiv …".
_SIGNATORIES = re.compile(
    # … and so in the region's languages: "Wir, die Außenminister Deutschlands, Frankreichs
    # und Polens, bekräftigen …", "Nous, chefs d'État …", "Мы, главы государств …".
    r"\s*(?:We,\s+the|Wir,\s+die|Nous,(?:\s+les)?|Nosotros,\s+los|Noi,\s+(?:i|gli)|My,|Мы,|Ми,)"
    rf"\s+(?P<who>[{UPPER}][^–—.;:]{{4,250}}?)"
    # "We, the Prime Ministers of Estonia, Latvia and Lithuania:" over a list of what they do
    r"(?=\s*:\s*$|\s+[–—]|,\s+(?!(?:and|the|or|und|et|y|e|i|и|і)\b)[a-zа-яäöüéè]|\s+(?:met|gathered|meeting|having|express|declare|reaffirm|are|have|"
    r"hereby|welcome|condemn|state|agree)\b)"
)


_ORG_TITLE = re.compile(
    r"^(?P<body>[A-Z][\w-]{1,14}(?:\s+[A-Z][\w-]+){0,3})\s+(?:response|statement|declaration|"
    r"communiqu[ée]|position)\b",
    re.IGNORECASE,
)


def _organisation_title(lines: list[str]) -> str | None:
    """The organisation an unsigned statement's title names as its author.

    "NATO RESPONSE TO RUSSIAN ANNOUNCEMENT …", "OSCE Statement on …": the title opens with
    a name the gazetteer links to an organisation, then says what kind of text it is. A
    state's or a ministry's title names no organisation and gives nobody.
    """
    for line in lines:
        found = _ORG_TITLE.match(line.strip())
        if found is None:
            continue
        body = found["body"]
        named = link(body, None)
        if named.organisations and not named.instruments:
            return body
    return None


def _delegation(text: str, blocks: list[Block], header: list[str]) -> str | None:
    """The body a statement speaks for.

    A delegation's header line, or the subject of "The European Union and its Member
    States would like to …".
    """
    # "Statement by the" / "Head of Delegation of the Republic of Uzbekistan": a title
    # broken after its preposition is read whole.
    header = [
        *header,
        *(
            f"{a.strip()} {b.strip()}"
            for a, b in itertools.pairwise(header)
            if re.search(r"\b(?:by|of)(?:\s+the)?$", a.strip(), re.IGNORECASE)
        ),
    ]
    for line in header:
        if _DELEGATION_LINE.match(line.strip()):
            return re.sub(r"^The ", "", line.strip())
        by = _BY_DELEGATION.match(line.strip()) or _BY_HEAD_OF_DELEGATION.match(line.strip())
        if by:
            body = by.group("body")
            return body[:1].upper() + body[1:]
        speaks = _BODY_SPEAKS.match(line.strip())
        if speaks:
            return speaks.group("body").strip()
    if blocks:
        first = text[blocks[0].start : blocks[0].end].strip()
        m = _BODY_SPEAKS.match(first)
        if m:
            return m.group("body").strip()
        opener = _RESOLUTION_OPENER.match(first)
        if opener:
            return opener.group("body")
    subject = _body_subject("\n".join(text[b.start : b.end] for b in blocks), least=1)
    if subject is not None:
        return subject  # "the European Union thanks …" names it better than "EU Statement"
    for line in header:
        named = _BODY_STATEMENT_TITLE.match(line.strip())
        if named:
            return named.group("body")
    return None


#: What a body does when it speaks through a text: "The EU urges …", "NATO remains …".
_BODY_VERBS = (
    r"urges|condemns|calls|reiterates|reaffirms|welcomes|regrets|deplores|recalls|notes|"
    r"supports|stands|expresses|remains|is|sees|rejects|demands|underlines|stresses|"
    r"commends|believes|will|has|firmly|strongly|fully|also|thanks|resolutely|continues"
)


@lru_cache(maxsize=1)
def _body_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    """Sentence openings naming an organisation of the gazetteer, and each one's full name."""
    names: dict[str, str] = {}
    for entry in load().entries:
        if entry.kind != "organisation":
            continue
        full = next((n for n in entry.names if any(c.islower() for c in n)), entry.names[0])
        for name in entry.names:
            if len(name) >= 2 and not name.lower().startswith("the "):
                names.setdefault(name, full)
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    regex = re.compile(
        # At a sentence's start, after a paragraph's number or a vocative ("2. The EU …",
        # "Madame Chair, the European Union thanks …").
        r"(?:^|(?<=[.!?]\s))\s*(?:\d{1,3}\.\s*)?"
        r"(?:(?:Mr\.?|Madam|Madame|Mme\.?)\s+Chair(?:person|man|woman)?,\s+)?"
        rf"(?:[Tt]he\s+)?(?P<body>{alternatives})\s+(?:{_BODY_VERBS})\b",
        re.MULTILINE,
    )
    return regex, names


def _body_subject(body: str, least: int = 2) -> str | None:
    """The organisation a text without speakers speaks for, in the third person.

    "The EU urges Russia to de-escalate … The EU condemns … The EU sees no grounds …": a
    body that opens at least two sentences with what it does (and no quotation, which
    would make it a report) is the text's speaker, by its full name.
    """
    if re.search(r"[“«]|\"[^\"]{10,}\"", body):
        return None
    regex, names = _body_regex()
    counts: dict[str, int] = {}
    for m in regex.finditer(body):
        full = names[m.group("body")]
        counts[full] = counts.get(full, 0) + 1
    if not counts:
        return None
    best, n = max(counts.items(), key=lambda kv: kv[1])
    return best if n >= least else None


def _turns(
    text: str, blocks: list[Block], ctx: _Context, opening: Speaker
) -> tuple[list[Turn], dict[str, int]]:
    turns: list[Turn] = []
    flags = {"labels": 0, "moderator": 0, "journalist": 0, "articles": 0, "dashes": 0}
    outlets: set[str] = set()  # the outlets whose names label questions ("" for others)
    state = ""
    last_official: Speaker | None = None
    # Questions and answers marked only by a leading dash ("- Sergey Alekseevich, …?",
    # "- Two sides of this case …"), as agencies print interviews: the answers are the
    # person the lead paragraph names.
    dashed = [b for b in blocks if _DASH_TURN.match(text[b.start : b.end])]
    # "1. Mikä tilanne …? Milloin …?" over "– Naton jäsenet …": questions set as paragraphs
    # of their own (numbered or not), each answered by dashed paragraphs.
    asked = [
        i
        for i, b in enumerate(blocks[:-1])
        if b not in dashed
        and text[b.start : b.end].rstrip().endswith("?")
        and blocks[i + 1] in dashed
    ]
    # "- Hvorfor i alverden siger han det? …, siger Lavrov ifølge …": dashed quotations that
    # close on their attribution, as Nordic and Polish news copy prints them, are a report's
    # quotations, not an interview's turns.
    attributed = sum(1 for b in dashed if _closes_on_attribution(text[b.start : b.end]))
    if attributed * 2 >= len(dashed):
        dashed = []
    if len(dashed) >= 2 and (any("?" in text[b.start : b.end] for b in dashed) or len(asked) >= 2):
        interviewee = _person_in_lead(
            text[blocks[0].start if blocks else 0 : dashed[0].start], ctx.day
        )
    else:
        dashed, interviewee, asked = [], None, []

    def new(speaker: Speaker, labelled: bool = False) -> Turn:
        turn = Turn(speaker, labelled=labelled)
        turns.append(turn)
        return turn

    # How often each label opens a block: a transcript's labels come back turn after turn.
    # Each block's first-line label, read once for the count and for the loop below.
    labels = [_inline_label(text[b.start : b.end].split("\n", 1)[0]) for b in blocks]
    label_uses: dict[str, int] = {}
    for found_label in labels:
        if found_label is not None:
            key = found_label[0].strip().lower()
            label_uses[key] = label_uses.get(key, 0) + 1
    recurring = any(v >= 2 for v in label_uses.values())  # a transcript's labels come back

    # Lines that may be a speaker's name alone (as the loop below reads them), and how often:
    # counted on a page with no inline label only, the one the caption test below reads.
    name_lines: dict[str, int] = {}
    for block in blocks if not label_uses else []:
        alone = text[block.start : block.end].strip()
        if (
            "\n" not in alone
            and _words(alone) <= 8
            and not re.search(r"[.?!,;:]$", alone)
            and _label_like(alone)
        ):
            name_lines[alone] = name_lines.get(alone, 0) + 1

    current: Turn | None = None
    skip_block = -1
    for n, block in enumerate(blocks):
        if n == skip_block:
            continue  # the affiliation line under a speaker's name
        line = text[block.start : block.end]
        first_line_end = text.find("\n", block.start, block.end)
        first_line = text[block.start : first_line_end] if first_line_end >= 0 else line
        if _TREATY_ARTICLE.match(line):
            flags["articles"] += 1
        heckles = _interjections(line)
        if heckles:
            # "(Steffi Lemke [BÜNDNIS 90/DIE GRÜNEN]: Nein!)": a member's words called out
            # during a speech, as the Bundestag's record prints them; the speech goes on.
            resume = current.speaker if current is not None else opening
            for name, group, a, b in heckles:
                who = _resolve(name, ctx, standalone=False)
                if who is None:
                    continue
                called = new(Speaker(who.name, who.role or group, who.person), labelled=True)
                called.interjection = True
                called.spans.append((block.start + a, block.start + b, block.page))
            current = new(resume)
            continue
        speaker: Speaker | None = None
        body_start = block.start
        inline = labels[n]
        if inline and line == first_line and _page_field(first_line, inline, label_uses):
            continue  # "Photograph: Evgenia Novozhenina/Reuters": the page's, nobody's words
        answers = bool(
            # "Nuland: Kirill, I'd like to remind …" under a question in a transcript whose
            # other label comes back: the answer's label, named once.
            inline
            and recurring
            and n > 0
            and text[blocks[n - 1].start : blocks[n - 1].end].rstrip().endswith("?")
        )
        if inline and not answers and _common_word_label(inline[0], label_uses, text):
            inline = None  # "Hozzátette: „…”", "Още: …": a word of the text, not a name
        if (
            inline
            and not answers  # (a kicker answers no question)
            # "Q: Strategy against Russian threats": a question given as its topic
            and inline[0].strip().lower() not in ("q", "question")
            and not _DASH_LABEL.match(first_line)  # "President. – …" is never a kicker
            and _kicker(first_line[inline[1] :], line, first=n == 0)
        ):
            inline = None
        hansard = _hansard_name(first_line) if not inline and line == first_line else None
        grouped = _GROUPED_NAME.match(first_line) if not inline and line == first_line else None
        if grouped and (not _label_like(grouped["name"]) or _NOT_GROUP.search(grouped["group"])):
            grouped = None
        if inline and not first_line[inline[1] :].strip() and _AGENDA_FIELD.match(inline[0]):
            # Alone on its line, the Russian and Ukrainian word for a question is as often a
            # record's agenda field ("Вопрос:" over the bill a Duma sitting debates).
            inline = None
        if (
            line == first_line
            and n + 1 < len(blocks)
            and (
                reaction := _reaction_label(
                    first_line, text[blocks[n + 1].start : blocks[n + 1].end]
                )
            )
        ):
            # "Nickolas Roth, Senior Fellow and Director of …:" over "“A five-year extension
            # …”": a press office's round of reactions, each quotation under its author.
            name, office = reaction
            found = _resolve(name, ctx, standalone=False) or Speaker(name, None)
            speaker = Speaker(found.name, office, found.person)
            body_start = block.end
        elif inline:
            speaker = _resolve(inline[0], ctx, standalone=False)
            body_start = block.start + inline[1]
            if (
                speaker is not None
                and first_line.startswith("[")
                and "]" in first_line[: inline[1]]
            ):
                # "[Helena Bedwell, Bloomberg News] …": a named questioner; the next
                # unlabelled paragraph is the answer, not more of the question.
                speaker = Speaker(speaker.name, "journalist", speaker.person)
        elif grouped is not None:
            # "A.Bērziņš (LPP/LC frakcija).": a parliament's record names the speaker with
            # the group in brackets, on a line of its own closed by a full stop.
            speaker = _resolve(grouped["name"], ctx, standalone=False)
            if speaker is not None and speaker.role is None:
                speaker = Speaker(speaker.name, grouped["group"], speaker.person)
            body_start = block.end
        elif hansard is not None:
            # "James Sunderland (Bracknell) (Con)", "The Minister for Armed Forces (James
            # Heappey)", "John Bercow Portrait Mr Speaker": a Hansard speaker's line.
            speaker = _resolve(hansard, ctx, standalone=False)
            body_start = block.end
        elif (
            _words(first_line) <= 8
            and not re.search(r"[.?!,;:]$", first_line)
            and _label_like(first_line)
        ):
            following = text[blocks[n + 1].start : blocks[n + 1].end] if n + 1 < len(blocks) else ""
            if re.search(r"\s(?:and|in|at|with|during|after|before|on|meets?)\s", first_line):
                # "Merkel and Steinmeier in Bucharest": two people, a place, an occasion —
                # a photo's caption; a speaker's label names one speaker.
                continue
            if line == first_line and _THIRD_PERSON.match(following):
                # "NATO Secretary General Jens Stoltenberg" above "He said that …": a photo's
                # caption, not a label; nobody speaks of themselves as "he".
                continue
            # "Puhemies Matti Vanhanen" over a line holding only ":" (a note in brackets
            # between at most): the record's own mark of a label, so the name is one even
            # when the page never printed it before.
            marked = line == first_line and _colon_marked(text, blocks, n)
            alone = first_line.strip()
            if (
                not marked
                and not label_uses
                and name_lines.get(alone, 0) == 1 == len(name_lines)
                and not _CHAIR_LABEL.fullmatch(alone)
                and _role_without_person(alone) is None
                and not re.match(rf"{HONORIFIC}\s", alone)
                # A speech under its speaker's name opens in the first person or with an
                # address ("Today I have the honour …", "Mr. Chairman, …"), and never names
                # its speaker again; a report names the person its caption shows.
                and not _FIRST_PERSON.search(following[:300])
                and not _VOCATIVE.match(following)
                and text.count(alone.split()[-1]) >= 2
            ):
                # "Russian President Vladimir Putin" alone on its line, once, on a page with
                # no other label: a photo's caption, not the label of a one-turn transcript
                # (an office alone, "The President", or "Mr. …" still labels a record).
                continue
            speaker = _resolve(first_line, ctx, standalone=not marked)
            if speaker is None and line == first_line and _VOCATIVE.match(following):
                # "Neil Holland" over "Thank you, Mr Chair.": a speech's page prints its
                # speaker's full name over the address the speech opens with.
                named = person_name(alone)
                if (
                    named is not None
                    and named[0] == alone
                    and 2 <= _words(alone) <= 4
                    and implausible_speaker(alone) is None  # "Athens Acropolis Hotel"
                ):
                    speaker = _resolve(first_line, ctx, standalone=False)
            if (
                line == first_line
                and re.match(rf"{HONORIFIC}\s+[A-Z]", first_line)
                # "Mr. Chairperson" over "Secretary General,": an address, not a name
                and not is_role_word(re.sub(rf"^{HONORIFIC}\s+", "", first_line).split()[0])
                and _affiliation(following)
            ):
                # "Mr Tiny KOX" over "Netherlands, UEL, President of the Assembly": a
                # parliament's verbatim names the speaker, then their country and group,
                # whether or not the name was met before ("I now call Mr X of Spain").
                speaker = speaker or _resolve(first_line, ctx, standalone=False)
                if speaker is not None:
                    speaker = Speaker(speaker.name, following.strip(), speaker.person)
                    skip_block = n + 1
            if speaker is not None:
                body_start = block.start + len(first_line)
        if speaker is not None:
            flags["labels"] += 1
            label = inline[0] if inline else first_line
            if speaker.role == "journalist":
                flags["journalist"] += 1
                core = re.sub(r"\s*\([^)]*\)", "", label).strip(" ,:")
                if _outlet_label(core) and _words(core) <= 4:
                    # "DIE ZEIT:", "ZEIT:": a paper's questions under its own name
                    outlets.add(_outlet_key(core))
                else:
                    outlets.add("")
            if speaker.role == "moderator" and re.match(r"\s*moderator\b", label, re.I):
                flags["moderator"] += 1  # "MODERATOR:": a briefing's moderator
            current = new(speaker, labelled=True)
            rest = text[body_start : block.end]
            lead = len(rest) - len(rest.lstrip())
            if rest.strip():
                current.spans.append((body_start + lead, block.end, block.page))
            if speaker.role == "journalist":
                state = "question_done" if "?" in rest else "in_question"
            else:
                state = ""
                if speaker.role != "moderator":
                    last_official = speaker
            continue
        if dashed and n in asked:
            flags["journalist"] += 1
            current = new(Speaker(None, "journalist"))
            current.spans.append((block.start, block.end, block.page))
            state = "question_done"
            continue
        if dashed and block in dashed:
            marker = _DASH_TURN.match(line)
            dash_end = block.start + (marker.end() if marker else 0)
            flags["dashes"] += 1
            if "?" in line:
                flags["journalist"] += 1
                current = new(Speaker(None, "journalist"))
                current.spans.append((dash_end, block.end, block.page))
                state = "question_done"
                continue
            block = Block(dash_end, block.end, block.page)
        if _moderator(line):
            flags["moderator"] += 1
            current = new(Speaker(None, "moderator"))
            current.spans.append((block.start, block.end, block.page))
            state = "after_moderator"
            continue
        if state == "after_moderator":
            flags["journalist"] += 1
            current = new(Speaker(None, "journalist"))
            state = "in_question"
        if state == "in_question" and current is not None:
            current.spans.append((block.start, block.end, block.page))
            if "?" in line:
                state = "question_done"
            continue
        if state == "question_done" and current is not None:
            question = " ".join(text[s:e] for s, e, _ in current.spans)
            answerer = _addressee(question, ctx) or interviewee or last_official or opening
            current = new(answerer)
            last_official = answerer
            state = ""
        if current is None:
            current = new(opening)
            last_official = opening
        current.spans.append((block.start, block.end, block.page))
    # One outlet asking every labelled question: a paper's interview ("DIE ZEIT: …?" /
    # "Stoltenberg: …"), whatever its title says.
    flags["one_outlet"] = int(len(outlets) == 1 and "" not in outlets)
    return [t for t in turns if t.spans or t.labelled], flags


#: A paragraph naming a person and their office or affiliation, closed by a colon: "Michael
#: Krepon, Stimson Center co-founder and Distinguished Fellow:".
_NAME_AND_OFFICE_COLON = re.compile(
    r"(?P<name>[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){1,3}),\s+(?P<office>[^\n]{3,300}?)\s*:"
)


def _reaction_label(line: str, following: str) -> tuple[str, str] | None:
    """The author and office a paragraph of its own gives the quotation under it.

    The paragraph is a person's full name, a comma, an office or affiliation of up to 50
    words and a colon, and the next one opens with a quotation mark: a press office's
    round of reactions ("Stimson released the following statements:"). A sentence that
    names someone and goes on ("Jane Doe, the minister, said:") has a verb after the name's
    comma only inside the office, so a line with a verb of saying is refused.
    """
    m = _NAME_AND_OFFICE_COLON.fullmatch(line.strip())
    opens = following.lstrip()[:1]
    if m is None or not opens or opens not in '“"„«‘' or _words(m["office"]) > 50:
        return None
    if _SAYS_WORD.search(m["office"]):
        return None  # "Jane Doe, the minister, said:": a report's sentence
    named = person_name(m["name"])
    if named is None or named[0] != m["name"] or len(named[0].split()) < 2:
        return None
    return named[0], m["office"].strip(" ,")


_SAYS_WORD = re.compile(r"\b(?:said|says|told|added|stated|declared|wrote|noted)\b")


#: A member's words called out in a speech, one part of a paragraph wholly in brackets:
#: "Heike Hänsel [DIE LINKE]: Und konkret?" (the Bundestag's record names the member and
#: their group in square brackets; applause and other notes are the record's).
_INTERJECTION = re.compile(
    r"(?P<name>(?:[A-ZÀ-ÖØ-Þ][\w.’'-]*\s+){1,3}[A-ZÀ-ÖØ-Þ][\w’'-]+)\s+"
    # (a place in brackets first tells two members of one name apart: "Claudia Roth
    # [Augsburg] [BÜNDNIS 90/DIE GRÜNEN]")
    r"(?:\[[^\[\]\n]{2,40}\]\s+)?"
    r"\[(?P<group>[^\[\]\n]{2,40})\]\s*:\s*(?P<words>\S.*?)\s*$"
)


def _interjections(line: str) -> list[tuple[str, str, int, int]]:
    """The members' interjections of a paragraph wholly in brackets, if it holds any.

    Each is the name, the group and the span of the words called out, within the
    paragraph; the parts are separated by dashes ("(Beifall bei der CDU/CSU – Heike Hänsel
    [DIE LINKE]: Und konkret?)").
    """
    stripped = line.strip()
    if not (stripped.startswith("(") and stripped.endswith(")")) or "]:" not in stripped:
        return []
    offset = line.index("(") + 1
    inner = line[offset : line.rindex(")")]
    out = []
    at = 0
    for part in re.split(r"(\s+[–—]\s+)", inner):  # (the dashes kept, for the offsets)
        m = _INTERJECTION.fullmatch(part.strip())
        if m is not None:
            lead = len(part) - len(part.lstrip())
            a = offset + at + lead + m.start("words")
            out.append((m["name"], m["group"], a, a + len(m["words"])))
        at += len(part)
    return out


#: A speaker's name with a group in brackets, alone on its line and closed by a full stop
#: ("A.Bērziņš (LPP/LC frakcija).", "J. Dombrava (VL–TB/LNNK)."), as parliaments print them.
_GROUPED_NAME = re.compile(r"^(?P<name>[^()\n]{2,60}?)\s*\((?P<group>[^()\n]{1,60})\)\.$")
#: Words in brackets after a name that make the line a caption, not a label.
_NOT_GROUP = re.compile(
    r"\d|\b(?:left|right|cent(?:re|er)|photo|foto|file|archive|pictured|image|"
    r"reuters|ap|afp|tass|epa|getty)\b",
    re.IGNORECASE,
)
#: A line holding only a colon (a note in brackets on a line before it at most), closing
#: the label on the line above.
_COLON_LINE = re.compile(r"[ \t]*\n(?:[ \t]*\([^()\n]{1,60}\)[ \t]*\n)?[ \t]*:[ \t]*(?:\n|$)")


def _colon_marked(text: str, blocks: list[Block], i: int) -> bool:
    """Whether block ``i`` is followed, before the next block, by a line holding only ":"."""
    upto = blocks[i + 1].start if i + 1 < len(blocks) else len(text)
    return _COLON_LINE.match(text, blocks[i].end, upto) is not None


def _turn_start(turn: Turn) -> int:
    return turn.spans[0][0] if turn.spans else -1


def _affiliation(line: str) -> bool:
    """A speaker's country, group or office under their name ("Spain, SOC")."""
    line = line.strip()
    return (
        "\n" not in line
        and 1 <= _words(line) <= 12
        and "," in line.rstrip(",")
        and not re.search(r"[.?!:;,]$", line)
        and all(w[:1].isupper() or w.lower() in _CONNECTORS for w in line.replace(",", " ").split())
    )


def _common_word_label(label: str, uses: dict[str, int], text: str) -> bool:
    """A one-word label that is a word of the page's language, not a speaker's name.

    One word in mixed case ("Hozzátette:" — "he added"; "Още:" — "more"; "Ismeretes:" —
    "as is known") that names no known person, no office and no role the rules name, and
    either is printed in lower case elsewhere in the page (names are not), or is used once
    and met nowhere else in the page (a speaker's name is introduced or comes back), or is
    the page's only label, used once (a transcript's labels come back turn after turn).
    """
    word = label.strip()
    if not re.fullmatch(r"[^\W\d_][^\W\d_’'-]+", word) or word.isupper() or word.islower():
        return False
    if is_role_word(word) or _role_without_person(word) or _CHAIR_LABEL.fullmatch(word):
        return False
    if _find_alias(word)[0] is not None:
        return False
    # (a place or a state is no label already: _label_like)
    once = uses.get(word.lower(), 0) == 1
    if once and len(re.findall(rf"(?<![\w-]){re.escape(word)}", text, re.I)) == 1:
        # A name used as a label is met elsewhere too: the lead introduces it, inflected
        # as the language needs ("z generałem Janem Kowalczykiem" before "Kowalczyk:").
        return True
    # (the word in lower case, as the page prints it elsewhere)
    lowered = re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text)
    return (once and len(uses) == 1) or lowered is not None


def _page_field(line: str, label: tuple[str, int], uses: dict[str, int]) -> bool:
    """A field of the page ("Photograph: …", "Topics: …"), not a speaker's label.

    One capitalised word that names no known person and no office, used once in the page,
    before a short value that is no sentence (eight words at most, no closing mark).
    """
    word = label[0].strip()
    value = line[label[1] :].strip()
    return (
        re.fullmatch(r"[A-Z][a-z’'-]+", word) is not None
        and uses.get(word.lower(), 0) == 1
        and not is_role_word(word)
        and _find_alias(word)[0] is None
        and 0 < _words(value) <= 8
        # "Witness: Lord Robertson.": a short name may close with a full stop.
        and (not re.search(r"[.?!…]$", value) or (_words(value) <= 4 and value[:1].isupper()))
    )


_DASH_TURN = re.compile(r"^[-–—]\s+(?=\S)")
_THIRD_PERSON = re.compile(
    r"^(?:He|She|They)\s+(?:\w+\s+)?(?:said|says|told|added|stressed|noted)\b"
)


def _person_in_lead(lead: str, day: dt.date | None) -> Speaker | None:
    """The person a lead paragraph names first ("… Sergei Ryabkov said in an interview")."""
    known = [r.person for r in persons_mentioned(lead, day) if r.person is not None]
    if known:
        return Speaker(known[0].name, known[0].role_on(day), known[0])
    # In any script: "… заместитель министра иностранных дел Сергей Рябков принял участие"
    for run in re.findall(rf"[{UPPER}][\w’'.-]*(?:\s+[{UPPER}][\w’'.-]*)+", lead):
        named = person_name(run)
        if named is not None:
            return Speaker(named[0], named[1])
    return None


def _instrument_text(
    text: str, turns: list[Turn], dropped: list[tuple[int, int, str]]
) -> list[Turn]:
    """An instrument's text speaks for its parties: one turn, article headings dropped.

    A summit's declaration opens where its heads of state or government speak ("1. We, the
    Heads of State and Government …"): the lines above that paragraph are the page's
    header (the meeting, a press release's number, a stamp), not the instrument's text.
    """
    spans = [
        span
        for turn in turns
        for span in turn.spans
        if not (
            _TREATY_ARTICLE.match(text[span[0] : span[1]]) and _words(text[span[0] : span[1]]) <= 4
        )
    ]
    opening = next(
        (
            k
            for k, span in enumerate(spans[:12])
            if _SUMMIT_DECLARATION.match(_PARA_NUMBER.sub("", text[span[0] : span[1]], count=1))
        ),
        0,
    )
    dropped.extend((a, b, "header above the declaration") for a, b, _ in spans[:opening])
    return [Turn(Speaker(None, "text of the instrument"), spans[opening:])]


def _addressee(question: str, ctx: _Context) -> Speaker | None:
    """The person a journalist's question is put to."""
    known = ctx.participants + [s.person for s in ctx.seen.values() if s.person]
    for m in _QUESTION_FOR.finditer(question):
        for ref in persons_mentioned(m.group("who"), ctx.day):
            if ref.person is not None:
                return Speaker(ref.person.name, ref.person.role_on(ctx.day), ref.person)
        holder = person_by_role(strip_honorifics(m.group("who")), ctx.day, known)
        if holder is not None:
            return Speaker(holder.name, holder.role_on(ctx.day), holder)
    vocative = re.match(
        r"^(?:Mr\.?|Madam)\s+(President|Secretary General|Minister|Chancellor)", question
    )
    if vocative:
        holder = person_by_role(vocative.group(1), ctx.day, known)
        if holder is not None:
            return Speaker(holder.name, holder.role_on(ctx.day), holder)
    return None


#: Speech verbs and attributions of Spanish, German, French, Italian, Polish and Russian
#: copy ("declaró el ministro …", "laut NATO-Generalsekretär …", "a déclaré", "ha detto",
#: "powiedział minister", "подчеркнул Медведев"): reports in those languages attribute
#: words so. As written here, one language at a time; :data:`FOREIGN_SAID_WORDS` is the
#: same list grouped by first letter (:func:`by_first_letter`), several times faster.
_FOREIGN_SAID_WRITTEN = (
    r"(?:dijo|declaró|afirmó|señaló|subrayó|aseguró|explicó|indicó|agregó|añadió|anunció|"
    r"enfatizó|advirtió|sostuvo|manifestó|según|destacó|reiteró|insistió|"
    r"dice|afirma|asegura|señala|declara|explica|subraya|advierte|sostiene|añade|agrega|"
    r"ha (?:dicho|afirmado|asegurado|señalado|declarado|explicado|indicado|subrayado|"
    r"advertido|añadido|agregado|sostenido|manifestado|reiterado|destacado|insistido)|"
    r"sagte|erklärte|betonte|warnte|versicherte|kritisierte|bedauerte|laut|"
    r"sagt|erklärt|betont|warnt|versichert|bekräftigte|unterstrich|"
    # French inverts the pronoun ("a-t-il déclaré", "ajoute-t-elle", "dit-il") and German
    # splits the verb round it ("fügte er hinzu"): the person last named speaks.
    r"a-t-(?:il|elle) (?:déclaré|dit|affirmé|souligné|expliqué|ajouté|indiqué|estimé|assuré|"
    r"averti|insisté|rappelé|prévenu|précisé)|"
    r"(?:dit|poursuit|estime|précise|conclut|rappelle|indique)-(?:t-)?(?:il|elle)|"
    r"fügte (?:er|sie)(?: noch)? hinzu|fügte hinzu|"
    # "Hij voegde eraan toe", "Hon tillade", "Hozzátette": added, in Dutch, Swedish and
    # Hungarian (Norwegian and Danish "la til", "tilføjede").
    r"voegde (?:hij |zij |ze )?eraan toe|tillade|tilføjede|hozzátette|"
    r"a déclaré|a dit|a affirmé|a souligné|a expliqué|a ajouté|a indiqué|a estimé|a assuré|"
    r"a averti|a regretté|avait regretté|selon|a insisté|a rappelé|a martelé|a prévenu|"
    # "… Antony Blinken a promis une réponse « unie, rapide et sévère »", "a réaffirmé", "a
    # mis en garde", "a fait savoir"; an adverb may stand in the perfect ("a également
    # assuré", "a aussi déclaré")
    r"a promis|a précisé|a réaffirmé|a réitéré|a déploré|a mis en garde|a fait savoir|"
    r"a (?:également|aussi|encore|toutefois|cependant|notamment) (?:déclaré|dit|affirmé|"
    r"souligné|assuré|ajouté|indiqué|estimé|rappelé|promis|averti|insisté)|"
    r"déclare|affirme|souligne|explique|ajoute|assure|avertit|insiste|"
    r"ha detto|ha dichiarato|ha affermato|ha sottolineato|ha spiegato|ha aggiunto|secondo|"
    r"ha ribadito|ha avvertito|ha osservato|ha precisato|ha evidenziato|"
    r"afferma|sottolinea|spiega|aggiunge|dichiara|avverte|"
    r"заявил[аи]?|сказал[аи]?|подчеркнул[аи]?|отметил[аи]?|добавил[аи]?|сообщил[аи]?|"
    r"указал[аи]?|подтвердил[аи]?|пояснил[аи]?|напомнил[аи]?|по словам|"
    r"говорил[аи]?|заявлял[аи]?|предупредил[аи]?|"
    # "Мария Захарова опровергла заявления …", "заверил", "спростував": denials and
    # assurances report speech too
    r"опроверг(?:ла|ли)?|отверг(?:ла|ли)?|заверил[аи]?|спростував|спростувала|запевнив|"
    r"запевнила|"
    r"заявляет|говорит|отмечает|подч[её]ркивает|считает|"
    r"заявив|заявила|сказав|сказала|наголосив|наголосила|зазначив|зазначила|повідомив|"
    r"повідомила|додав|додала|підкреслив|підкреслила|за словами|"
    # Appeals and requests report speech too ("призвал", "закликав", "instó", "wezwał").
    r"призвал[аи]?|попросил[аи]?|закликав|закликала|попросив|попросила|"
    r"pidió|instó|exigió|ha chiesto|ha esortato|a appelé|a demandé|a exhorté|forderte|"
    r"wezwał[a]?|zaapelował[a]?|"
    r"powiedział[a]?|stwierdził[a]?|podkreślił[a]?|zaznaczył[a]?|oświadczył[a]?|"
    r"odpowiedział[a]?|wyjaśnił[a]?|dodał[a]?|ocenił[a]?|poinformował[a]?|według|"
    r"przekonywał[a]?|zapowiedział[a]?|mówi|podkreśla|twierdzi|zaznacza|dodaje|ocenia|"
    # Regret, recall, criticism and announcements say something too ("ha espresso il suo
    # rammarico", "ha ricordato che", "expresó su preocupación", "выразил сожаление").
    r"ha espresso|ha ricordato|ha annunciato|ha criticato|ha denunciato|ha sostenuto|"
    r"ha rilevato|ha chiarito|ha assicurato|ha accusato|"
    r"expresó|recordó|criticó|denunció|acusó|lamentó|ha expresado|ha recordado|"
    r"ha criticado|ha lamentado|a exprimé|a annoncé|a critiqué|a dénoncé|a accusé|"
    r"äußerte|bekräftigt|kritisiert|sprach von|spricht von|fordert|meinte|mahnte|"
    r"выразил[аи]?|объявил[аи]?|раскритиковал[аи]?|обвинил[аи]?|"
    r"висловив|висловила|оголосив|оголосила|"
    r"wyraził[a]?|ogłosił[a]?|skrytykował[a]?|oskarżył[a]?|"
    # Answers, judgements and confirmations report speech too ("respondió el secretario de
    # prensa …", "a réclamé", "potwierdził w piątek").
    r"respondió|contestó|consideró|estimó|opinó|recalcó|apuntó|precisó|reconoció|admitió|"
    r"alertó|a réclamé|a plaidé|a jugé|a reconnu|a répondu|a confié|a salué|a condamné|"
    r"potwierdził[a]?|zapewnił[a]?|przypomniał[a]?|ostrzegł[a]?|zauważył[a]?|"
    r"oznajmił[a]?|przyznał[a]?|"
    # Czech, Portuguese, Swedish, Dutch, Romanian and Turkish ("řekl generální tajemník …",
    # "afirmou hoje o ministro …", "säger statsministern", "zei de minister", "a declarat",
    # "… bildirdi"). Swedish "sa" is left out: French and Slovak write the word too.
    r"prohlásil[a]?|řekl[a]?|uvedl[a]?|dodal[a]?|zdůraznil[a]?|upozornil[a]?|sdělil[a]?|"
    r"oznámil[a]?|varoval[a]?|"
    r"zopakoval[a]?|poznamenal[a]?|konstatoval[a]?|připomněl[a]?|vysvětlil[a]?|"
    r"odpověděl[a]?|doplnil[a]?|napsal[a]?|"
    r"afirmou|disse|declarou|considerou|sublinhou|acrescentou|salientou|defendeu|explicou|"
    r"garantiu|advertiu|alertou|anunciou|referiu|frisou|acusou|criticou|lembrou|"
    r"avisou|reiterou|destacou|observou|assegurou|"
    r"säger|sade|uppger|uppgav|menar|enligt|invänder|konstaterar|betonar|påpekar|"
    r"zei|zegt|verklaarde|benadrukte|volgens|waarschuwde|liet weten|"
    # more of Dutch: '"…", aldus Pompeo', "zo deelde Reynders mee", and the participles of
    # the perfect ("Dat heeft minister … Didier Reynders dinsdag duidelijk gemaakt")
    r"aldus|deelde|duidelijk gemaakt|gezegd|verklaard|benadrukt|gewaarschuwd|laten weten|"
    r"a declarat|a spus|a afirmat|a subliniat|potrivit|a precizat|a adăugat|"
    # "Klaus Iohannis a anunţat că …", "a transmis", "a menționat", "a avertizat" (the
    # comma-below letters and the older cedilla ones both in use)
    r"a anun[țţ]at|a transmis|a men[țţ]ionat|a avertizat|a explicat|a ar[ăa]tat|"
    r"a sus[țţ]inut|a reiterat|a scris|a catalogat|"
    # "El a mai spus că …": "also" between the auxiliary and the participle
    r"a mai (?:spus|declarat|afirmat|subliniat|precizat|adăugat)|"
    r"dedi|açıkladı|bildirdi|belirtti|ifade etti|söyledi|kaydetti|vurguladı|"
    r"ifadelerini kullandı|ifadelerini kullanmıştı|diye konuştu|şeklinde konuştu|"
    # Azerbaijani, in the narrative past its agencies write ("… bildirib ki, …").
    r"bildirib|deyib|qeyd edib|vurğulayıb|söyləyib|bəyan edib|açıqlayıb|"
    # German's "according to" in full ("Nach Angaben von Außenminister …").
    r"nach angaben (?:von|des|der)|"
    # Swedish and Norwegian "sa", which French and Slovak write too: only before a day, a
    # "that" or a pronoun ("sa mandag at", "sa til NTB", "sa att").
    r"sa(?= (?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|måndag|tisdag|"
    r"lördag|söndag|at|att|til|till|på|han|hun|hon|det)\b)|"
    # The other languages of the OSCE region the corpus meets: Serbian, Croatian and
    # Bosnian (Latin and Cyrillic; the auxiliary before or after: "je rekao", "rekao je"),
    # Slovak, Slovenian, Bulgarian, Hungarian, Finnish, Danish and Norwegian, Lithuanian,
    # Latvian and Estonian.
    r"(?:je|је) (?:rekao|rekla|izjavio|izjavila|naveo|navela|istakao|istakla|dodao|dodala|"
    r"poručio|poručila|naglasio|naglasila|ocenio|ocijenio|upozorio|upozorila|"
    r"istaknuo|istaknula|kazao|kazala|"
    r"рекао|рекла|изјавио|изјавила|навео|навела|истакао|истакла|поручио|нагласио)|"
    r"(?:rekao|rekla|izjavio|izjavila|naveo|navela|istakao|istakla|dodao|dodala|poručio|"
    r"poručila|naglasio|naglasila|istaknuo|istaknula|kazao|kazala|"
    r"рекао|рекла|изјавио|изјавила|навео|истакао|поручио|нагласио) (?:je|је)|"
    # Estonian's "according to" after the name ("Urmas Reinsalu sõnul").
    r"sõnul|"
    r"povedal[a]?|uviedol|uviedla|vyhlásil[a]?|zdôraznil[a]?|"
    # more of Slovak ("Stoltenberg pripomenul, že …") and the Czech and Slovak "confirmed"
    r"pripomenul[a]?|vyjadril[a]?|konštatoval[a]?|odpovedal[a]?|vysvetlil[a]?|"
    r"napísal[a]?|priznal[a]?|potvrdil[a]?|"
    r"je (?:dejal|dejala|povedal|povedala|poudaril|poudarila|izjavil|izjavila)|"
    # Slovenian puts words between the auxiliary and the participle ("je danes v govoru
    # … sporočil, da …"): the participles of speech alone.
    r"sporočil[a]?|opozoril[a]?|poudaril[a]?|izjavil[a]?|dejal[a]?|"
    r"заяви|каза|посочи|подчерта|добави|отбеляза|потвърди|съобщи|призова|предупреди|"
    r"изтъкна|допълни|обяви|коментира|сподели|заключи|поясни|"
    r"mondta|közölte|hangsúlyozta|jelentette ki|fogalmazott|"
    # more of Hungarian ("arról számolt be, hogy", "leszögezte", "Stoltenberg szerint")
    r"számolt be|leszögezte|kijelentette|hangoztatta|nyilatkozta|tette hozzá|emelte ki|"
    r"felszólította|figyelmeztetett|szerint|"
    r"sanoi|sanoo|kertoi|totesi|korosti|"
    # Finnish in the present, which reports write as often ("…, Kaikkonen toteaa."), and
    # more of its past ("muistutti", "painotti").
    # "Stoltenbergin mukaan" (after a genitive: "according to"), the Czech and Slovak
    # "podle Stoltenberga".
    r"(?<=n )mukaan|podle|podľa|"
    r"toteaa|kertoo|korostaa|muistutti|muistuttaa|painotti|painottaa|huomautti|"
    r"huomauttaa|vakuutti|vakuuttaa|arvioi|arvioi|varoitti|varoittaa|lisäsi|lisää|"
    r"sagde|siger|udtalte|understregede|tilføjede|sier|uttalte|ifølge|"
    r"sakė|pareiškė|pabrėžė|teigė|pasak|sacīja|norādīja|uzsvēra|paziņoja|ütles|teatas|"
    r"rõhutas|"
    # More of the common ones in Russian, Ukrainian, Polish, German, French, Spanish and
    # Italian copy ("рассказал", "розповів", "tłumaczył", "räumte ein", "a fait savoir",
    # "ha reconocido", "ha commentato").
    r"рассказал[аи]?|уточнил[аи]?|признал[аи]?|констатировал[аи]?|пообещал[аи]?|"
    r"ответил[аи]?|прокомментировал[аи]?|высказал(?:ся|ась|ись)|"
    r"звинуватив|звинуватила|закликав|закликала|призвал[аи]?|"
    # "За його словами", "По его словам": according to him or her
    r"за (?:його|її) словами|по (?:его|её|ее) словам|"
    r"розповів|розповіла|пояснив|пояснила|уточнив|уточнила|визнав|визнала|запевнив|"
    r"запевнила|попередив|попередила|відповів|відповіла|нагадав|нагадала|наголошує|"
    r"заявляє|прокоментував|прокоментувала|висловився|висловилася|"
    r"mówił[a]?|tłumaczył[a]?|przekazał[a]?|skomentował[a]?|wskazał[a]?|"
    r"räumte ein|verwies auf|ergänzte|schrieb|"
    r"a fait savoir|a précisé|a confirmé|a admis|a mis en garde|a fustigé|a lancé|a écrit|"
    r"ha reconocido|ha apuntado|ha precisado|ha recalcado|ha defendido|ha pedido|"
    r"ha reclamado|ha negado|ha respondido|defendió|reclamó|negó|comentó|detalló|"
    r"ha commentato|ha ammesso|ha riferito|ha scritto|ha risposto|ha concluso|"
    r"ha insistito|ha confermato|ha rimarcato|ha definito|ha giudicato|"
    # Greek ("σημείωσε η Μπέρμποκ", "δήλωσε ο υπουργός")
    r"είπε|δήλωσε|τόνισε|σημείωσε|υπογράμμισε|πρόσθεσε|ανέφερε|υποστήριξε|επεσήμανε|"
    r"ξεκαθάρισε|διαμήνυσε|κατά τον|κατά την)"
)
FOREIGN_SAID_WORDS = by_first_letter(_FOREIGN_SAID_WRITTEN)
# Every alternative opens with a letter: "not after a letter" is the word boundary, and the
# engine tests it faster than \b.
FOREIGN_SAID = re.compile(rf"(?<!\w){FOREIGN_SAID_WORDS}(?!\w)", re.IGNORECASE)
#: The same, run on lowered text: several times faster than a case-insensitive search of
#: so many alternatives (the words are all written in lower case). A case-insensitive
#: search takes the Turkish dotless "ı" for "i" and "I" ("AÇIKLADI" is "açıkladı"), so
#: the lowered text and the words read it as "i" (:func:`lowered`).
_FOREIGN_SAID_LOW = re.compile(rf"(?<!\w){FOREIGN_SAID_WORDS.replace('ı', 'i')}(?!\w)")
_DOTLESS = str.maketrans("ı", "i")


def lowered(text: str) -> str:
    """``text`` in lower case with the dotless "ı" as "i", for the patterns run lowered."""
    return text.lower().translate(_DOTLESS)


def foreign_said(text: str) -> list[re.Match[str]]:
    """The speech verbs of other languages in ``text``, offsets as in ``text``.

    Matched on the lowered text (the verb's own letters are returned lowered) unless
    lowering changes the text's length, when the case-insensitive pattern is used.
    """
    low = lowered(text)
    if len(low) != len(text):
        return list(FOREIGN_SAID.finditer(text))
    return list(_FOREIGN_SAID_LOW.finditer(low))


_SAID_WORDS = (
    r"(?<!\w)"
    + by_first_letter(
        r"(?:said|says|told|added|stated|warned|insisted|argued|declared|noted|stressed|"
        r"continued|explained|affirmed|reaffirmed|underscored|reiterated|commented|confirmed|"
        r"underlined|emphasi[sz]ed|pointed out|assured|vowed|"
        r"according to|" + _FOREIGN_SAID_WRITTEN[3:]
    )
    + r"(?!\w)"
)
_SAID = re.compile(_SAID_WORDS, re.IGNORECASE)
_SAID_LOW = re.compile(_SAID_WORDS.replace("ı", "i"))


_TREATY = re.compile(
    # "have agreed as follows", or "agreed as follows:" as a machine translation prints it
    r"(?:have\s+)?agreed\s+as\s+follows|(?<=\s)(?:confirm|affirm)\s+the\s+following\b(?!\s+(?:points?|statement))|hereinafter\s+(?:referred\s+to|called|designated)\s+"
    r"(?:\w+\s+)?(?:as\s+)?(?:the\s+)?[\"“]?(?:States?\s+Part(?:y|ies)|Parties|Contracting\s+Parties|Sides|"
    # "(hereinafter referred to as the Treaty)": an instrument naming the one it implements
    r"Treaty|Charter|Agreement|Convention|Organi[sz]ation)"
    # the same formulas in Russian, Spanish, French, German, Italian and Polish texts
    r"|договорились\s+о\s+нижеследующем|именуем\w+\s+в\s+дальнейшем|"
    r"(?:ниже|далее)\s+именуем\w+\s+(?:\w+\s+)?(?:Сторон|Участник|Государств)"
    r"|(?:han\s+convenido|acuerdan)\s+(?:en\s+)?lo\s+siguiente|en\s+adelante\s+denominad"
    r"|sont\s+convenu(?:e)?s\s+de\s+ce\s+qui\s+suit|ci-après\s+dénommé"
    r"|(?:sind\s+wie\s+folgt\s+übereingekommen|haben\s+folgendes\s+vereinbart)"
    r"|hanno\s+convenuto\s+quanto\s+segue|uzgodniły,?\s+co\s+następuje",
    re.IGNORECASE,
)
#: The heads of state or government of a summit declaring together ("We, the Heads of State
#: and Government of the member countries of the North Atlantic Alliance, …", "Nous, chefs
#: d'Etat ou de gouvernement des Etats participant à la CSCE"): a summit's declaration or
#: communiqué, an instrument its participants adopt, not one speaker's statement. A few
#: presidents or ministers speaking together ("We, the Presidents of …") stay a statement.
_SUMMIT_DECLARATION = re.compile(
    r"\b(?:We|Nous|Wir|Nosotros|Noi|Мы|My|Ми|Wij|Nós),?\s+(?:the\s+|les\s+|die\s+|los\s+|i\s+|os\s+)?"
    r"(?:Heads\s+of\s+State\s+(?:and|or)\s+(?:of\s+)?Government|"
    r"chefs\s+d['’]\s?[EÉ]tat\s+(?:et|ou)\s+de\s+gouvernement|"
    r"Staats-\s+und\s+Regierungschefs|"
    r"Jefes\s+de\s+Estado\s+(?:y|o)\s+de\s+Gobierno|"
    r"Capi\s+di\s+Stato\s+(?:e|o)\s+di\s+Governo|"
    r"главы\s+государств\s+(?:и|или)\s+правительств|"
    # Romanian, Polish, Ukrainian, Czech, Dutch and Portuguese summit declarations
    r"(?<=Noi,\s)[şș]efii\s+de\s+stat\s+[şș]i\s+de\s+guvern|"
    r"szefowie\s+państw\s+i\s+rządów|глави\s+держав\s+(?:і|та)\s+урядів|"
    r"hlavy\s+států\s+a\s+vlád|staatshoofden\s+en\s+regeringsleiders|"
    r"Chefes\s+de\s+Estado\s+e\s+de\s+Governo)",
    re.IGNORECASE,
)
_CHAIR = re.compile(
    r"^(?:thank you,? )?(?:distinguished |dear )?(?:mr\.?|mrs\.?|ms\.?|madam|madame|dear) "
    r"(?:chair|chairman|chairperson|chairwoman|moderator|co-chairs?|president)\b"
    # the chair addressed in the region's languages ("Madame la Présidente,", "Señor
    # Presidente,", "Herr Vorsitzender,", "Господин Председатель,", "Panie Przewodniczący,")
    r"|^(?:madame la présidente|monsieur le président|señora presidenta|señor presidente|"
    r"signora presidente|signor presidente|herr vorsitzender|frau vorsitzende|"
    r"herr präsident|frau präsidentin|господин председатель|госпожа председатель|"
    r"уважаемый господин председатель|пане голово|пані голово|panie przewodniczący|"
    r"pani przewodnicząca)\b",
    re.IGNORECASE,
)
_BRIEFING_SAID = re.compile(
    r"\b(?:this|today[’']s|the|our) (?:press |media |background )?briefing\b|"
    r"\bpress conference\b|\b(?:take|answer|to) (?:your |some |a few )?questions\b",
    re.IGNORECASE,
)
#: A title that opens by calling the page a statement ("Joint Statement By The Leaders Of
#: Bucharest Nine").
_STATEMENT_HEAD = re.compile(r"(?:joint\s+)?statement\b", re.IGNORECASE)
_STATEMENT_TITLE = re.compile(
    r"\bstatement\b|\bdeclaration by\b|"
    # the same in the region's languages ("Déclaration de …", "Erklärung des …",
    # "Заявление МИД …", "Oświadczenie …", "Prohlášení …", "Uttalande …", "Açıklama …")
    r"\bdéclaration\b|\berklärung\b|\bstellungnahme\b|\bdeclaración\b|\bdichiarazione\b|"
    r"\bзаявлени|\bзаява\b|\bзаяви\b|\boświadczeni|\bprohlášení\b|\bvyhláseni|\bverklaring\b|"
    r"\buttalande\b|\buttalelse\b|\berklæring\b|\blausunto\b|\baçıklama\b|\bdeclarați|"
    r"\bnyilatkozat|\bизявлени|\bизјав|\bizjav|\bδήλωση\b|\bpareiškim|\bpaziņojum|\bavaldus\b|"
    # a communiqué ("Comunicato dei Ministeri …", "Kommuniqué", "Коммюнике")
    r"\bcommuniqu[ée]|\bcomunicato\b|\bcomunicado\b|\bkommuniqu[ée]|\bкоммюнике\b|\bкомюніке\b",
    re.IGNORECASE,
)
#: A broadcast's host introducing the guest: "X speaks with Y", "joins us now", "Welcome
#: to the program", "Thank you for joining us".
_ON_AIR_GUEST = re.compile(
    r"\b(?:speaks|spoke|talks|talked) (?:with|to)\b|\bjoins us\b|\bjoined (?:now )?by\b|"
    r"\bwelcome (?:back )?to the (?:program|programme|show)\b|"
    r"\bthank(?:s| you)(?: very much| so much)? for joining us\b",
    re.IGNORECASE,
)
#: A lead saying the outlet asked its own questions: "Quentin Lopino … answers our questions".
_OUR_QUESTIONS = (
    r"\banswer(?:s|ed)?\s+our\s+questions\b|\brépond\s+à\s+nos\s+questions\b|"
    r"\bbeantwortet(?:e)?\s+unsere\s+Fragen\b|\bresponde\s+a\s+nuestras\s+preguntas\b|"
    r"\bodpowiada\s+na\s+nasze\s+pytania\b|\bотвечает\s+на\s+наши\s+вопросы\b"
)
_OUR_QUESTIONS_RE = re.compile(_OUR_QUESTIONS, re.IGNORECASE)
#: Who answers the outlet's questions: "Quentin Lopino, a diplomat of …, answers our …".
_ANSWERS_OURS = re.compile(
    rf"(?P<who>[{UPPER}][\w’'-]+(?:\s+[{UPPER}][\w’'-]+){{1,3}})(?:,[^,]{{1,160}},)?\s+"
    rf"(?i:{_OUR_QUESTIONS})"
)
_INTERVIEW = re.compile(
    r"\binterview|\bentretien\b|\bentrevista\b|\bintervista\b|\bwywiad|\bинтервью|"
    r"\bінтерв['’]ю|"
    # Czech and Slovak, the Nordic languages, Hungarian, Finnish, Romanian and Baltic,
    # Turkish, Bulgarian, Serbian, Greek
    r"\brozhovor|\bintervju|\binterjú|\bhaastattelu|\bhaastatel|\binterviu|\bintervij|\bröportaj|"
    r"\bинтервю|\bинтервју|\bσυνέντευξη|"
    # The words a lead says an interview with: "Ein Gespräch mit …", "rozmawia …", "ответил
    # на вопросы «Известий»", "відповів на запитання", "a răspuns la întrebările".
    r"\bgespräch\b|\brozmawia\b|\brozmowa\s+z\b|\bответил[аи]?\s+на\s+вопросы|"
    r"\bвідпові(?:в|ла|ли)\s+на\s+(?:запитання|питання)|"
    r"\ba\s+răspuns\s+la\s+întrebările|" + _OUR_QUESTIONS,
    # "X answers our questions", "répond à nos questions": the outlet's own questions
    re.IGNORECASE,
)
#: A question put to someone, in the languages read: the pronouns of address ("you",
#: "vous", "usted", "Sie", "вы", "pan" …) or a verb's second person plural in Czech and
#: Slovak ("stavíte", "vnímáte"), French ("voyez-vous").
_PUT_TO_SOMEONE = re.compile(
    r"\b(?:you|your|yours|vous|votre|vos|usted|ustedes|vosotros|voi|vostr[oaie]|"
    r"você|vocês|вы|вас|вам|ваш\w*|ты|тебя|ви|вам|твій|pan|pani|państwo|vy|vás|vám|váš|vaše|"
    r"jste|jsi|"
    r"du|dig|ni|dere|deg|jij|uw|siz|sizin|ön|önök|te|teidän|jūs|jūsų|teie|"
    r"dumneavoastră)\b|(?<=\w)(?:íte|áte|ете|ите)\b|-vous\b|\b(?:Sie|Ihnen|Ihre?[mnrs]?)\b",
    re.IGNORECASE,
)
#: A question opened by addressing the person asked: "Herr Schmid, …?", "Mr. Secretary,
#: …?", "Monsieur le ministre, …?", "Pan ministrze, …?", "Господин министр, …?".
#: The courtesy titles a question addresses its person with.
_ADDRESS_TITLES = (
    r"(?:Herr|Frau|Mr\.?|Mrs\.?|Ms\.?|Madam|Monsieur|Madame|Señor|Señora|Signor[ae]?|"
    r"Pan|Pani|Господин|Госпожа|Пане|Пані|Heer|Mevrouw|"
    # or by the office ("Presidente Migliori, come …?", "Ambassador Kelly, …?")
    r"Presidente?|Président|Minister|Ministro|Ministre|Secretary|Ambassador|Ambasciatore|"
    r"Embajador|Ambassadeur|Botschafter|General|Generale|Général|Admiral|Senator|Senatore)"
)
_ADDRESSED = re.compile(
    rf"^\s*{_ADDRESS_TITLES}"
    r"(?:\s+(?:le|la|l[’']|el|il)?\s*[\w’'-]+){1,3},\s"
    # (not a speech's salutation: "Herr Präsident, meine Damen und Herren, …")
    r"(?!(?i:meine|liebe|sehr geehrte|ladies|dear|distinguished|mesdames|chers|chères|señoras|"
    r"queridos|signore|gentili|szanowni|drodzy|уважаемые|дорогие|шановні)\b)"
)
#: The person a question addresses by name: "Herr Schmid, …", "Mr. Halvar, …".
_ADDRESSED_NAME = re.compile(rf"^\s*{_ADDRESS_TITLES}\s+(?P<who>[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w’'-]+),\s")
_BODY_SPEAKS = re.compile(
    r"^(?:The )?(?P<body>(?:[A-Z][\w.’'-]*\s+){0,5}?(?:Union|States|Federation|Government|"
    r"Delegation|Mission|Republic|Kingdom|Ministry|Council)(?:\s+(?:of|to|for)\s+(?:the\s+)?"
    r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})?)"
    r"(?: and its [Mm]ember [Ss]tates)?\s+(?:would like to|wishes to|wish to|thanks|welcomes|"
    r"takes note|expresses|reiterates|regrets|condemns|aligns?)\b"
)
#: "The full text of his opening statement as prepared is below:", "Below is the text …".
_TEXT_BELOW = re.compile(
    r"^(?:(?:the\s+)?(?:full\s+|complete\s+)?(?:text|transcript)\s+of\s+(?:his|her|the)\b[^:]{0,120}?"
    r"\b(?:is\s+)?(?:below|as follows|follows)|(?:below|here)\s+is\s+the\s+(?:full\s+)?"
    r"(?:text|transcript)\b[^:]{0,120}?)\s*[:.]?$",
    re.IGNORECASE,
)


def _introduced_text(text: str, blocks: list[Block]) -> tuple[int, str] | None:
    """Where a press office's report hands over to the text it introduces, and whose it is.

    Within the first ten paragraphs: a lead-in ("The full text of his opening statement as
    prepared is below:") after a report naming the person first, a line handing over to
    the person's text ("… delivered a speech at …:", "Il discorso integrale di Mattarella":
    the person, or the surname of one the report named in full), or a heading of its own
    naming the person ("Speech of President of the Republic of Azerbaijan Ilham Aliyev").
    """
    for k, block in enumerate(blocks[1:10], start=1):
        line = text[block.start : block.end].strip()
        if k + 1 >= len(blocks) or "\n" in line:
            continue
        if _TEXT_BELOW.match(line):
            named = _named_in_lead(text, blocks[:k])
            return (k, named) if named is not None else None
        handed = _HANDED_OVER.match(line)
        if handed is not None:
            who = (handed["who"] or handed["who2"]).strip(" .,:")
            named_here = person_name(who)
            if named_here is not None and named_here[0] == who and len(who.split()) >= 2:
                return k, who
            full = _named_in_lead(text, blocks[:k], who) if len(who.split()) == 1 else None
            if full is not None:
                return k, full
            if _names_a_person(who):
                return k, who
        # "EU statement delivered by H.E. Ambassador Stanislav Raščan" on a line of its own
        titled = _TITLE_BY.match(line) or _AUTHORED.search(line)
        author = titled["who"].strip(" .,") if titled is not None else ""
        if author and _words(line) <= 25 and not line.endswith(".") and _names_a_person(author):
            return k, author
    return None


def _named_in_lead(text: str, lead: list[Block], surname: str | None = None) -> str | None:
    """The first full name (two words at least) the lead's paragraphs give, or None.

    With ``surname``, the first whose last word it is.
    """
    for run in NAME_RUN.findall(" ".join(text[b.start : b.end] for b in lead)):
        named = person_name(run)
        if named is None or len(named[0].split()) < 2:
            continue
        if surname is None or named[0].split()[-1] == surname:
            return named[0]
    return None


def _names_a_person(who: str) -> bool:
    """Whether an author's part of a line reads as a person (an office and a name)."""
    found = _opening_speaker([], None, None, who)
    return bool(found.name) and person_name(found.name or "") is not None


#: A line handing a report over to the text it introduces and saying whose it is: "X
#: delivered a speech at …:", "Il discorso integrale di Mattarella", "Full text of X's speech".
_HANDED_OVER = re.compile(
    r"^(?P<who>[A-Z][^:\n]{2,160}?)\s+(?:delivered|gave|made|read out)\s+(?:a|an|his|her|the)\s+"
    r"(?:speech|address|statement|lecture|keynote(?:\s+(?:speech|address))?)\b[^:\n]{0,160}:$"
    r"|^(?:(?:the|il|le|el|der|die)\s+)?(?:full text of|"
    r"(?:discorso|intervento) integrale (?:di|del|della)|"
    r"texte intégral (?:du discours )?de|discours intégral de|discurso íntegro de|"
    r"Wortlaut der Rede (?:von|des))\s+(?P<who2>[A-ZÀ-Ž][^:\n]{2,100}?)"
    r"(?:[’']s\s+(?:speech|remarks|address|statement))?\s*[:.]?$",
    re.IGNORECASE,
)
_FOLLOWING = re.compile(
    r"\s*(?:The following(?:\s+(?:statement|remarks|readout|comments?))?\s+(?:is|are|was|were)\s+"
    r"attributable to\s+(?P<who>[^:\n]{3,120}?)|(?P<who2>[A-Z][^:\n]{2,160}?|[A-Z][^:\n]{160,600}?"
    r"(?=,?\s+(?:[-–—]\s+)?(?:today\s+|jointly\s+)?(?:issued|made|released)\b))\s+(?:[-–—]\s+)?"
    r"(?:today\s+|jointly\s+)?(?:issued|made|released|delivered|gave|published)\s+the "
    r"following\s+(?:joint\s+)?(?:statement|remarks|comments?|declaration)\b[^:\n]{0,100}?"
    # "Zur Ratifizierung des neuen START-Abkommens erklärt der außenpolitische Sprecher der
    # SPD-Bundestagsfraktion, Rolf Mützenich:": a German press release's lead-in (a working
    # group's name may stand before it, "AG Außenpolitik").
    r"|(?:[^\W\d_][\w-]*\s+){0,3}?Zu[rm]?\s[^:\n]{3,250}?\s(?:erklärt|erklären)\s+"
    r"(?P<who3>[^:\n]{3,200}?))\s*:\s*"
)
_FOLLOWING_SENTENCE = re.compile(
    r"(?P<who2>[A-Z][^:.\n]{2,160}?)\s+(?:delivered|gave|made)\s+the following\s+(?:address|"
    r"speech|remarks|statement|lecture)\b[^:\n“”\"]{0,200}\.\s*"
)
#: A lead-in of one sentence naming who wrote the text below it: "The below Pugwash Note was
#: written by Sergio Duarte, President, and …, of the Pugwash Conferences …."
_WRITTEN_BY = re.compile(
    r"\s*(?:The|This)\s+(?:below|following)\s+(?:[\w-]+\s+){0,4}?(?:is|was)\s+"
    r"(?:written|signed|authored|drafted|prepared)\s+by\s+(?P<who2>[A-Z][^\n]{3,300}?)\.\s*"
)


def _closing_signatures(text: str, blocks: list[Block]) -> tuple[int, list[Speaker]] | None:
    """The signatories a statement's last lines name, each with their office.

    One to six lines at the text's end (one paragraph or several), each a full name and an
    office (:func:`_signature`), under a text that speaks in the first person (three times
    at least outside quotations): the text is theirs. At most two short lines may follow
    them (the page's own: a repeated title, a link; twelve words each at most). Returns the
    index of the first signature's paragraph and the signatories.
    """
    for skip in range(3):
        end = len(blocks) - skip
        if end < 2:
            return None
        if skip and _words(text[blocks[end].start : blocks[end].end]) > 12:
            return None
        k = end
        signed: list[tuple[str, str] | None] = []
        while k > 1:
            lines = text[blocks[k - 1].start : blocks[k - 1].end].splitlines()
            found = [_signature(ln) for ln in lines if ln.strip()]
            if not found or len(signed) + len(found) > 6 or not all(found):
                break
            signed = found + signed
            k -= 1
        if signed:
            body = " ".join(text[b.start : b.end] for b in blocks[:k])
            if _first_person(body) < 3:
                return None
            return k, [Speaker(name, office) for name, office in (x for x in signed if x)]
    return None


#: A lead-in that names the several people a text is by: "Joint statement by the Ministers
#: for Foreign Affairs, A (France), B (Germany) and C (Poland), on the occasion of …", or
#: a press office's "U.S. Senators A (D-RI), …, B …, and C … today issued the below
#: statement in response to …".
_JOINT_LEAD = re.compile(
    r"(?:Joint\s+(?:press\s+)?(?:statement|declaration|communiqu[eé])\s+(?:by|of)\s+"
    r"(?P<who>[^\n]{5,600})"
    r"|(?:[A-Z][^\n]{0,40}?\s[-–—]\s+)?(?P<who2>[A-Z][^:\n]{5,600}?),?\s+(?:[-–—]\s+)?"
    # "…, Tiny Kox, and …, Marija Pejčinović Burić, have made the following statement:"
    r"(?:today\s+|jointly\s+)?(?:(?:have|has)\s+)?(?:issued|made|released|published|adopted)\s+"
    r"the\s+(?:following|below)\s+(?:joint\s+)?(?:statement|declaration)\b[^\n]*)$"
)


def _joint_speakers(who: str, day: dt.date | None) -> list[Speaker]:
    """The people a list of authors names, in order, when it names two or more.

    "Foreign Minister of the Russian Federation Sergei Lavrov, Foreign Minister of France
    Bernard Kouchner, and … James Steinberg": each part between commas and "and" that
    names a person (one the gazetteer knows, or a full name) is one; party and country
    tags in brackets ("(D-RI)", "(France)") are set aside. Fewer than two: no list.
    """
    found: list[Speaker] = []
    bare = re.sub(r"\s*\([^()\n]{1,40}\)", "", who)
    for part in re.split(r",\s*(?:(?:and|und|et)\s+)?|;\s*|\s+and\s+|\s+und\s+|\s+et\s+", bare):
        part = part.strip(" .")
        if found and part[:1].islower() and not part.startswith("the "):
            break  # "…, on the occasion of …": the list of names has ended
        if not part or re.search(r"[“”\"«»]", part):
            continue
        known = [r.person for r in persons_mentioned(part, day) if r.person is not None]
        if known:
            speaker = Speaker(known[0].name, known[0].role_on(day), known[0])
        else:
            named = person_name(part)
            if named is None or _words(part) > 20:
                continue
            name, role = named
            office = name.split()[0]
            if office.endswith("s") and is_role_word(office[:-1]):
                # "U.S. Senators Jack Reed (D-RI), …": the office of all, in the plural.
                name, role = name.split(maxsplit=1)[1], office[:-1]
            if len(name.split()) < 2:
                continue
            speaker = Speaker(name, role)
        if speaker.name and not any(s.name and same_person(s.name, speaker.name) for s in found):
            found.append(speaker)
    return found if len(found) >= 2 else []


def _joint_lead_in(
    text: str, blocks: list[Block], day: dt.date | None
) -> tuple[int, list[Speaker]] | None:
    """A lead-in among the first three paragraphs naming two or more authors.

    Returns the lead-in's index and its authors. What stands above it must be headings
    (a line of 25 words at most with no full stop), the page's and not the authors'.
    """
    for k, block in enumerate(blocks[:3]):
        line = text[block.start : block.end]
        m = _JOINT_LEAD.match(line)
        if m is not None:
            authors = _joint_speakers(m.group("who") or m.group("who2"), day)
            if authors:
                return k, authors
        if _words(line) > 25 or line.rstrip().endswith("."):
            return None
    return None


_DELEGATION_LINE = re.compile(
    r"^(?:The )?(?:[A-Z][\w.’'-]*\s+){1,5}(?:Mission|Delegation|Permanent Representation)\s+"
    r"(?:of|to)\s+(?:the\s+)?[A-Z][\w .’'-]{1,60}$"
)
#: A page's summary of a statement in the present tense: "Counsellor, Ankur Narayan,
#: thanks Denmark …", "Ambassador Carpenter calls on Russia to …".
_STANDFIRST = re.compile(
    r"^(?P<who>[A-Z][^.;:!?“”\"]{2,120}?),?\s+(?:thanks|says|tells|calls on|calls for|urges|"
    r"reiterates|welcomes|condemns|highlights|sets out|outlines|stresses|underlines|warns|"
    r"reaffirms|emphasi[sz]es|addresses|raises|explains|delivers|gives)\b"
)


def _standfirst_speaker(block: str) -> str | None:
    """The person a present-tense summary paragraph (60 words at most) names first."""
    m = _STANDFIRST.match(block.strip())
    if m is None or _words(block) > 60:
        return None
    # The name usually closes the office ("Counsellor, Ankur Narayan,"): last part first.
    for part in reversed(m.group("who").split(",")):
        named = person_name(part.strip())
        if named is not None and _words(part) >= 2:
            return part.strip()
    return None


#: A title that names the body whose statement it is by its short name: "P5 Statement On
#: Preventing Nuclear War", "NATO-Russia Council Statement", "G7 Joint Statement".
_BODY_STATEMENT_TITLE = re.compile(
    r"^(?P<body>[A-Z0-9][A-Z0-9&]{1,9}(?:-[A-Z][A-Za-z]+)?(?:\s+[A-Z][a-z]+){0,2})\s+"
    r"(?:[Jj]oint\s+)?[Ss]tatement\b"
)
#: A header line that opens with the day and the place, then the title: "30 October 2024,
#: New York - Statement on behalf of the European Union …".
_DATED_HEAD = re.compile(
    r"^(?P<day>\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},\s+\d{4}),\s*"
    r"(?P<place>[A-Z][\w .'’-]{1,30}?)\s+[-–—]\s+(?P<rest>[A-Z].{10,})$"
)
#: How a resolution or decision says when and by whom it was adopted.
_ADOPTED = re.compile(
    r"^(?:(?:presented|submitted|tabled|proposed)\b.{0,160}?\b(?:and )?)?adopted\b", re.IGNORECASE
)
#: A resolution's or decision's opening: "The Assembly,", "The Ministerial Council,".
_RESOLUTION_OPENER = re.compile(
    r"^The\s+(?P<body>(?:[A-Z][\w-]*\s+){0,3}(?:Assembly|Council|Conference|Committee|"
    r"Parliament|Summit|Forum))\s*,\s*$"
)
#: "Statement by the delegation of Belarus at the Meeting …": the delegation that speaks.
#: "Statement by the Head of Delegation of the Republic of Uzbekistan at …", naming no one:
#: the office speaks (read by :func:`_delegation` only, after the person rules).
_BY_HEAD_OF_DELEGATION = re.compile(
    r"^(?:statement|intervention|remarks|address|speech)\s+(?:by|of)\s+(?:the\s+)?"
    r"(?P<body>head\s+of\s+(?:the\s+)?delegation\s+of\s+(?:the\s+)?"
    r"[A-Z][\w’'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'-]*){0,4})(?=\s+at\b|,|[\s.]*$)",
    re.IGNORECASE,
)
_BY_DELEGATION = re.compile(
    r"^(?:statement|intervention|remarks|address|speech)\s+(?:by|of)\s+(?:the\s+)?"
    r"(?P<body>(?:delegation|mission|permanent representation)\s+of\s+(?:the\s+)?"
    # The occasion may follow after "at" or after a comma ("…of Turkey, Working Session IV").
    r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,4})(?=\s+(?:at|to|on|in|before|during)\b|,|[\s.]*$)",
    re.IGNORECASE,
)


def _preamble(text: str, blocks: list[Block]) -> bool:
    """An instrument's preamble, in any language, by its shape.

    Three paragraphs at least, among the first fifteen, open in lower case and close with
    a comma or a semicolon (the participles of a preamble: "welcoming …,", "convinși că
    …,", "принимая во внимание …,"), and a paragraph closing with a colon follows them
    within three ("declară următoarele:", "have agreed as follows:").
    """
    clauses = 0
    for k, block in enumerate(blocks[:15]):
        para = text[block.start : block.end].strip()
        if para[:1].islower() and para[-1:] in ",;" and _words(para) >= 3:
            clauses += 1
            continue
        if clauses >= 3 and para.endswith(":") and _words(para) <= 12:
            return True
        if clauses:
            clauses = 0 if k > 0 and not para[:1].islower() else clauses
    return False


def _first_label_at(turns: list[Turn]) -> int:
    """Where the first labelled turn begins (0 if none is labelled)."""
    return min((t.spans[0][0] for t in turns if t.labelled and t.spans), default=0)


def _asks_and_answers(text: str, turns: list[Turn]) -> bool:
    """Whether two labelled people, and only two, talk so that one asks and the other answers.

    "Marek Ostrowski: – … ?" and "Roman Kuźniar: – …", "SIMON: … ?" and "KALLAS: …": the
    asker's turns (two at least) close on a question mark (half of them at least),
    the other's (two at least) on one a third of the time at most. A transcript's chair and
    members, or a press conference's several journalists, do not read so.
    """
    turn_ends: dict[str, list[bool]] = {}
    for turn in turns:
        if not turn.labelled or not turn.spans or turn.speaker.role == "moderator":
            continue
        said = " ".join(text[a:b] for a, b, _ in turn.spans).rstrip().rstrip("»”\"' ")
        # (not an ellipsis: a transcript marks an interrupted turn so, "Mr President,
        # excuse me, please…")
        turn_ends.setdefault(turn.speaker.key, []).append(said.endswith("?"))
    if len(turn_ends) != 2 or any(len(ends) < 2 for ends in turn_ends.values()):
        return False
    shares = sorted(sum(ends) / len(ends) for ends in turn_ends.values())
    return shares[0] <= 1 / 3 and shares[1] >= 1 / 2


#: The role a broadcast's host is labelled with: "Jill Neubronner (Presenter):".
_HOST_ROLE = re.compile(r"presenter|host|interviewer|anchor", re.IGNORECASE)


def _heading_above_labels(text: str, blocks: list[Block], turns: list[Turn]) -> str:
    """The page's first paragraph when it is a heading above the first labelled turn.

    A short line (25 words at most, no closing full stop) that no label opens, before one
    that does: a title the header reading left in the body.
    """
    if not blocks or not any(t.labelled for t in turns):
        return ""
    first = text[blocks[0].start : blocks[0].end].strip()
    labelled = next(t for t in turns if t.labelled)
    if not labelled.spans or labelled.spans[0][0] <= blocks[0].start:
        return ""
    return first if _words(first) <= 25 and not re.search(r"[.!?]$", first) else ""


def _kind(
    text: str,
    blocks: list[Block],
    turns: list[Turn],
    flags: dict[str, int],
    raw: RawText,
    byline: str,
    title: str | None,
    header: list[str],
) -> str:
    """The document's kind, from its structure.

    * ``treaty_text``: two ``Article N`` headings, or a treaty's preamble formula ("have
      agreed as follows", "hereinafter referred to as the Parties"), or one article heading
      with "this Treaty" and "State Party" in the text;
    * ``interview``: labelled turns or questions, and "interview" in the title or header;
    * ``press_conference``: a moderator, a journalist's label or "press conference" in the
      title;
    * ``transcript``: a person's label (``Name:``, ``Role Name:``);
    * ``statement``: no labels, and a statement's form: "statement" in the title or header,
      an address to the chair ("Mr. Chair,"), or a body speaking in the third person ("The
      European Union and its Member States would like to …");
    * ``news_article``: no labels, and attributed quotations or speech verbs with a
      dateline, an HTML page, a personal byline, or at least two of each;
    * otherwise ``speech``.
    """
    body = " ".join(text[b.start : b.end] for b in blocks)
    heads = " ".join([title or "", *header])
    if (flags["articles"] >= 2 and _TREATY_PARTIES.search(body)) or _TREATY.search(body[:3000]):
        return "treaty_text"
    if (
        _SUMMIT_DECLARATION.search(body[:3000]) or _SUMMIT_DECLARATION.search(text[:3000])
    ) and not _STATEMENT_HEAD.match((title or "").strip()):
        # (the page's text too: a line the header or the furniture took may open it; a page
        # that calls itself a statement, "Joint Statement by the Leaders of …", is one)
        return "treaty_text"  # a summit's declaration by all its heads of state or government
    if _preamble(text, blocks):
        return "treaty_text"  # "…, salutând …, convinși că …, declară următoarele:"
    if (
        flags["articles"] >= 1
        and re.search(r"\bthis Treaty\b", body)
        and re.search(r"\bStates? Part(?:y|ies)\b", body)
    ):
        return "treaty_text"  # one article of a treaty: its heading, "this Treaty", "State Party"
    named = {t.speaker.key for t in turns if t.labelled}
    if flags.get("unlabelled_interview"):
        return "interview"  # questions and answers without labels (_unlabelled_interview)
    if flags.get("asked_unlabelled", 0) >= 2 and len(named - {"journalist", "moderator"}) == 1:
        # "Herr Zorn, steht die Welt vor einem Atomkrieg?" over "Eberhard Zorn: Klar nein!",
        # again and again: a paper's questions unlabelled, one person's answers labelled.
        return "interview"
    if _INTERVIEW.search(heads) and (flags["labels"] or flags["journalist"]):
        return "interview"
    # The lead: the first block, or the first three ("BILD-Interview mit …" under the
    # headline and the byline).
    lead = " ".join(text[b.start : b.end][:1000] for b in blocks[:3])
    if (flags["dashes"] or flags["labels"]) and flags["journalist"] and _INTERVIEW.search(lead):
        return "interview"  # an agency's interview: "… said in an interview with Interfax"
    hosted = any(
        t.labelled and _HOST_ROLE.fullmatch(t.speaker.role or "") is not None for t in turns
    )
    if flags["labels"] and len(named - {"moderator"}) == 2 and (_INTERVIEW.search(lead) or hosted):
        # "The following is a transcript of an interview with … Jens Stoltenberg on 'Face
        # the Nation'" over the host's and the guest's labelled turns; or "Jill Neubronner
        # (Presenter): …?" and "Minister: …", the host labelled as such
        return "interview"
    if (
        flags.get("one_outlet")
        and not flags["moderator"]
        and len(named - {"journalist", "moderator"}) == 1
    ):
        return "interview"  # one paper asks under its name, one person answers
    said_form = any(
        re.match(
            r"(?:[A-Z]{2,8}\s+[-–]\s+)?(?:excerpts? from (?:the |a )?)?(?:joint\s+)?"
            r"(?:statement|intervention|déclaration|declaration|communiqu[ée]|"
            r"explanation of (?:vote|position))\b",
            h.strip(),
            re.IGNORECASE,
        )
        for h in [title or "", *header]
    )
    if said_form and not (flags["moderator"] or flags["journalist"] or flags["labels"]):
        # "Statement by … at … 'Briefing of the Chairperson-in-Office'": the agenda item's
        # word does not make a delegation's statement a press briefing.
        return "statement"
    if (
        flags["moderator"]
        or flags["journalist"]
        or re.search(
            # (not a newsletter's name: "Morning Briefing - February 04, 2026")
            r"press (?:conference|point|briefing)|news conference|"
            # (nor the Security Council's meeting of that name: "Remarks at a UN Security
            # Council briefing on threats to international peace and security")
            r"(?<!morning )(?<!evening )(?<!council )briefing|"
            # "holds a joint media availability", "Secretary Blinken At a Press Availability",
            # "Meeting of the President … with the media"
            r"(?:media|press) availability|with the media\b|"
            # "Vladimir Putin answered media questions", "questions from reporters"
            r"\b(?:media|journalists[’']?|reporters[’']?|press) questions\b|"
            r"questions from (?:the )?(?:media|journalists|reporters|press)\b|"
            # the same in the languages of the region ("conférence de presse", "rueda de
            # prensa", "Pressekonferenz", "пресс-конференция", "pressemøde" …)
            # (French in capitals drops the accents: "CONFERENCE DE PRESSE")
            r"conf[ée]rence de presse|point de presse|rueda de prensa|conferencia de prensa|"
            r"conferenza stampa|pressekonferenz|pressebriefing|пресс-конференц|"
            r"прес-конференц|брифинг|konferencj\w prasow|tiskov\w konferenc|"
            r"tlačov\w konferenci|persconferentie|presskonferens|pressekonferanse|"
            r"pressemøde|tiedotustilaisuu|basın toplantısı|conferinț\w de presă|"
            r"sajtótájékoztató|пресконференция|συνέντευξη τύπου|spaudos konferencij|"
            r"preses konferenc|pressikonverents",
            # (and a heading the page left above its first label: "Transcript of Weekly
            # Media Briefing by the Official Spokesperson (April 28, 2022)")
            " ".join([heads, _heading_above_labels(text, blocks, turns)]),
            re.IGNORECASE,
        )
    ):
        return "press_conference"
    quote_labels = {
        t.speaker.key
        for t in turns
        if t.labelled and t.spans and text[t.spans[0][0] : t.spans[0][0] + 1] in '“"'
    }
    if (
        flags["labels"]
        and 2 <= len(named - {"journalist", "moderator"}) <= 3
        and _ON_AIR_GUEST.search(" ".join([heads, text[: _first_label_at(turns)]]))
    ):
        # "Robert Siegel speaks with Edgars Rinkevics …", "… he joins us now from New York":
        # a broadcast's host and guest (a played clip may add a third voice).
        return "interview"
    if _asks_and_answers(text, turns):
        return "interview"  # one labelled person asks, the other answers
    if flags["labels"] >= 1 and named - {"journalist", "moderator"} - quote_labels:
        if _BRIEFING_SAID.search(body[:1500]):
            # "This briefing is on the record", "I'll take your questions": a press event
            # whose excerpt holds no question yet.
            return "press_conference"
        return "transcript"
    first = text[blocks[0].start : blocks[0].end] if blocks else ""
    quotes = len(re.findall(r"[“\"«][^”\"»]{10,}[”\"»]", body))
    low = body.lower()
    said = len(
        _SAID_LOW.findall(low.translate(_DOTLESS)) if len(low) == len(body) else _SAID.findall(body)
    )
    first = _PARA_NUMBER.sub("", first)  # "1. Mr. Chair, …": a numbered paragraph
    strong = (
        _CHAIR.match(first)
        or _CHAIR.match((title or "").strip())  # the salutation taken for the page's title
        or _RESOLUTION_OPENER.match(first.strip())
        or re.match(r"^(?:statement|intervention)\b", heads.strip(), re.IGNORECASE)
    )
    weak = (
        _STATEMENT_TITLE.search(heads)
        or _BODY_SPEAKS.match(first)
        or _BODY_SPEAKS.match(title or "")
    )
    if strong or (weak and not (quotes >= 2 and said >= 2)):
        return "statement"
    if flags.get("spoken_lead_in"):
        return "speech"  # "X delivered the following address …"
    if flags.get("joint") or (flags.get("lead_in") and not quotes):
        # "… issued the following statement:"; "Joint statement by A, B and C" whatever
        # it quotes
        return "statement"
    numbered = "\n".join(text[b.start : b.end] for b in blocks)
    if not quotes and not flags.get("dateline") and _body_subject(numbered) is not None:
        return "statement"  # "The EU urges … The EU condemns …": a body's declaration
    # A reporter's byline; not the speaker a title names ("Address by Minister Dion …").
    personal_byline = (
        bool(byline)
        and not persons_mentioned(byline, None)
        and not _TITLE_BY.match(title or "")
        and not flags.get("titled_by")
    )
    if flags.get("titled_by"):
        return "speech"  # "Address by X, …": X's words, whatever they quote or report
    if (raw.format == "html" or personal_byline or flags.get("dateline")) and (quotes or said):
        return "news_article"
    if said >= 2 and quotes >= 1:
        return "news_article"
    if said >= 3 and _first_person(body) <= 1:
        # Reported speech throughout and nobody speaking in the first person outside
        # quotations: a report ("…, he said that …"), not a speech.
        return "news_article"
    if (
        not byline
        and not re.search(r"\b(?:remarks|speech|address|lecture|keynote|interview)\b", heads, re.I)
        and not any(_salutation(text[b.start : b.end].strip()) for b in blocks[:3])
    ):
        # Nobody named and nobody addressed, the institution speaking as "we" and no one as
        # "I" ("We regret the announcement …"): a ministry's or a government's statement
        # (whose author the page does not name: no body is guessed for it).
        unquoted = _ROMAN_ONE.sub(" ", _QUOTED.sub(" ", body))
        if not re.search(r"\b(?:I|[Mm]y|[Mm]e)\b", unquoted) and re.search(
            r"\b(?:[Ww]e|[Oo]ur)\b", unquoted
        ):
            flags["unsigned"] = 1
            return "statement"
    if not quotes and not said and _names_its_instrument(text, blocks, title, header):
        return "treaty_text"  # an instrument's text under its own name, without its formulas
    return "speech"


#: An instrument's text naming itself: "this Treaty", "настоящим Актом", "dicho Tratado".
_SELF_REFERENCE = re.compile(
    r"\b(?:this|the present) (?:Treaty|Agreement|Act|Charter|Document|Convention|Protocol|"
    r"Memorandum)\b|"
    r"\bнастоящ\w* (?:Акт|Договор|Соглашени|Харти|Документ|Конвенци|Протокол|Меморандум)\w*|"
    r"\b(?:le|la) présente? (?:traité|accord|acte|charte|document|convention|protocole)\b|"
    r"\b(?:el|la) present[ea] (?:tratado|acuerdo|acta|carta|documento|convenio|protocolo)\b|"
    r"\bdich[oa] (?:tratado|acuerdo|acta|carta|convenio)\b|"
    r"\bdiese[sr]? (?:Vertrag|Abkommen|Akte|Charta|Dokument|Übereinkommen)s?\b"
)
#: A numbered paragraph or a section's Roman numeral opening a line ("12. С вызовами …",
#: "II. Механизм консультаций …").
_NUMBERED_PARA = re.compile(r"(?m)^\s*(?:\d{1,2}|[IVX]{1,4})\.\s+\S")


def _names_its_instrument(
    text: str, blocks: list[Block], title: str | None, header: list[str]
) -> bool:
    """Whether a page that quotes and reports nobody is an instrument's text by its name.

    Its title or one of its first lines names an instrument of the record, and the text
    refers to itself as one ("this Treaty", "настоящим Актом", "dicho Tratado") or numbers
    its paragraphs or sections (two at least).
    """
    heads = [title or "", *header, *(text[b.start : b.end] for b in blocks[:4])]
    if not any(_words(h) <= 30 and link(h, None).instruments for h in heads if h):
        return False
    return bool(_SELF_REFERENCE.search(text)) or len(_NUMBERED_PARA.findall(text)) >= 2


_FIRST_PERSON = re.compile(
    r"\b(?:I|[Ww]e|[Oo]ur|[Uu]s|[Mm]y|"
    # the first person of German, French, Spanish, Italian and Russian speeches
    r"[Ii]ch|[Ww]ir|[Uu]nser\w*|[Jj]e|[Nn]ous|[Nn]otre|[Yy]o|[Nn]osotros|[Nn]uestr[oa]s?|"
    r"[Ii]o|[Nn]oi|[Nn]ostr[oaie]|[Яя]|[Мм]ы|[Нн]аш\w*)(?!\w)"
)
_QUOTED = re.compile(r"“[^”]*”|«[^»]*»|\"[^\"]*\"")
#: The numeral one after a name in capitals or a part's heading ("START I", "World War I",
#: "Annex I"): no one speaking in the first person.
_ROMAN_ONE = re.compile(
    r"\b(?:[A-Z]{2,}|War|Part|Title|Chapter|Annex|Protocol|Article|Phase|Section|Stage|Basket)"
    r"[- ]I\b(?![-'’])"
)


def _first_person(body: str) -> int:
    """First-person words outside quotations."""
    return len(_FIRST_PERSON.findall(_ROMAN_ONE.sub(" ", _QUOTED.sub(" ", body))))
