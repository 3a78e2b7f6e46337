"""Person names: surnames and spelling variants (nameparser and rapidfuzz).

A speaker label, a byline and a gazetteer alias name the same person in many ways:
"Sergei Lavrov", "Sergey Lavrov", "LAVROV", "Mr. Lavrov", "Lavrov, Sergey". Names are
parsed with :mod:`nameparser` (titles such as "Mr" or "Ambassador" and suffixes are set
apart) and compared with :mod:`rapidfuzz` so that transliteration variants (Sergei/Sergey,
Matvienko/Matviyenko) match while different people with the same surname do not.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from nameparser import HumanName
from rapidfuzz import fuzz

from indivisible.ingest._gazetteer import one_word_state_names, world_place_words

#: Least similarity (0-100) of two given names, or two surnames, taken as one spelling.
VARIANT_SCORE = 80.0


def fold(text: str) -> str:
    """Case- and accent-insensitive form: ``"António"`` → ``"antonio"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


@lru_cache(maxsize=4096)
def parse_name(name: str) -> tuple[str, str]:
    """``(first, last)`` of a person's name, folded; capitals and "Last, First" understood.

    Examples:
        >>> parse_name("Mr. Sergey LAVROV")
        ('sergey', 'lavrov')
        >>> parse_name("Putin, Wladimir W.")
        ('wladimir', 'putin')
    """
    clean = " ".join(name.replace("’", "'").split())
    if clean.isupper():
        clean = clean.title()
    parsed = HumanName(clean)
    last = parsed.last or parsed.first
    return fold(parsed.first if parsed.last else ""), fold(last)


def surname(name: str) -> str:
    """The folded surname of a person, or the folded whole name for a role or a body.

    A name of one to four capitalised words is a person's; anything else (``journalist``,
    ``European Union`` is still two words, so bodies are recognised by a lowercase word or
    a known body word) is compared whole.

    Examples:
        >>> surname("Sergey Lavrov"), surname("journalist"), surname("European Union")
        ('lavrov', 'journalist', 'european union')
        >>> surname("Yoon Suk-yeol")
        'yoon'
    """
    peer = _PEERAGE.fullmatch(name.strip())
    if peer is not None and not (is_role_word(peer["name"]) or peer["name"].lower() in _NOT_PEERS):
        return fold(peer["name"])  # "Lord Hannay of Chiswick", "Cameron of Chipping Norton"
    words = name.split()
    if not words or len(words) > 4 or not all(w[:1].isupper() for w in words):
        return fold(name)
    if any(w.strip(",").lower() in _BODY_WORDS for w in words):
        return fold(name)
    if len(words) == 2 and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[1]):
        return fold(words[0])  # "Yoon Suk-yeol", "Moon Jae-in": the family name comes first
    return parse_name(name)[1]


#: A peer's territorial title, as Hansard prints it: "Lord Hannay of Chiswick", "Baroness
#: Ashton of Upholland", "Cameron of Chipping Norton" (the title's own word first, then
#: "of" and the place). A body's name of that form ("Bank of England", "House of Commons",
#: "Secretary of State") is not one: its first word is a body's or an office's.
_PEERAGE = re.compile(
    r"(?:(?:The\s+)?(?:Lord|Lady|Baroness|Baron|Viscount|Viscountess|Earl|Countess|Marquess)"
    r"\s+)?(?P<name>[A-Z][a-z’'-]+)\s+of\s+[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){0,2}"
)
_PEER_LOOKALIKES = {
    "bank", "house", "court", "chamber", "committee", "board", "commission", "assembly",
    "parliament", "republic", "kingdom", "city", "university", "institute", "centre",
    "center", "embassy", "people", "prince", "princess", "duke", "duchess", "queen", "king",
    "port", "isle", "state", "head", "heads", "chief", "member", "members", "senate",
    "cabinet", "army", "navy", "command", "service", "league", "alliance", "association",
    "movement", "party", "group", "secretariat", "directorate", "tribunal", "mayor",
    "governor", "archbishop", "bishop", "patriarch", "metropolitan", "emir", "sultan",
    "friends", "citizens", "ministers", "leaders", "representatives", "envoy", "sheikh",
}  # fmt: skip

_BODY_WORDS = {
    "union",
    "states",
    "államok",  # "az Egyesült Államok": the United States in Hungarian
    "mission",
    "office",
    "bureau",
    "agency",
    "nations",
    "federation",
    "organization",
    "organisation",
    "organizations",  # "… to the International Organizations in Vienna"
    "organisations",
    "council",
    # "Mitglied im Auswärtigen Ausschuss": a committee, in the region's languages
    "committee",
    "ausschuss",
    "comité",
    "commissione",
    "komitet",
    "комитет",
    "ministry",
    "department",
    "government",
    "delegation",
    "affairs",  # "Minister of Foreign and European Affairs": the office, not a name
    # "the Austrian Chairpersonship of the OSCE Forum …": a state's term in the chair
    "chairpersonship",
    "presidency",
}
#: A body's word is no peer's either ("Council of Europe").
_NOT_PEERS = _PEER_LOOKALIKES | _BODY_WORDS


def same_person(a: str, b: str) -> bool:
    """Whether two names can name one person: same surname spelling, compatible first names.

    Examples:
        >>> same_person("Sergei Lavrov", "Sergey Lavrov"), same_person("Lavrov", "Sergey Lavrov")
        (True, True)
        >>> same_person("Dmitry Medvedev", "Angela Merkel")
        False
    """
    first_a, last_a = parse_name(a)
    first_b, last_b = parse_name(b)
    if not last_a or not last_b:
        return False
    if fuzz.ratio(last_a, last_b) < VARIANT_SCORE:
        return False
    if not first_a or not first_b:
        return True
    return first_a[0] == first_b[0] and fuzz.ratio(first_a, first_b) >= VARIANT_SCORE - 20


#: A capital letter, Latin with diacritics too ("Þórdís", "Šefčovič", "Ľubomír"), or Cyrillic
#: (Russian, Ukrainian and Belarusian copy name people in their own script: "Оана Лунгеску").
_UPPER = (
    "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽА-ЯЁЄІЇҐЎΑ-ΩΆΈΉΊΌΎΏ"
)
#: The same capitals, for patterns of other modules (a name in any script the corpus holds).
UPPER = _UPPER
_NAME_WORD = rf"[{_UPPER}][\w’'.-]*"

#: English words that open a sentence in capitals and are never a first name: "The Trump
#: administration", "When Lavrov" are no person's full name. (Particles that do open
#: surnames, "De Crem", "Le Drian", "Van Rompuy", are not among them.)
_SENTENCE_OPENER_LIST = """the a an this that these those but and or nor when then as if while
    after before since so yet although though however meanwhile"""
SENTENCE_OPENERS = frozenset(_SENTENCE_OPENER_LIST.split())


#: A run of two or more capitalised words, particles allowed ("Jaap de Hoop Scheffer"): where
#: a person's name may stand in running text.
NAME_RUN = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|(?:de|van|von|der|da|di|le|la)\b))+")


@lru_cache(maxsize=8192)
def _name_parts(name: str) -> tuple[str, str, str, str]:
    """The first, middle and last names and title nameparser reads in ``name``.

    Kept per name: a corpus names the same people again and again, and nameparser's
    pipeline costs more than the rest of :func:`person_name`.
    """
    parsed = HumanName(name)
    return parsed.first, parsed.middle, parsed.last, parsed.title


#: States whose one-word names are surnames too: "Neil Holland", "Steve Israel".
_SURNAME_STATES = frozenset({"holland", "israel", "jordan", "chad"})


#: The kinds of text a title names after its speaker ("Ambassador Baer Statement at …").
_DOCUMENT_WORDS = frozenset(
    {"statement", "remarks", "speech", "address", "interview", "briefing", "readout", "op-ed"}
)


def person_name(text: str) -> tuple[str, str | None] | None:
    """A person's name and title in a byline or attribution, if it reads as one.

    The last run of two or more capitalised words is taken; nameparser sets apart titles
    ("Ambassador", "Foreign Minister"), which become the role.

    Examples:
        >>> person_name("Ambassador Michael Carpenter")
        ('Michael Carpenter', 'Ambassador')
        >>> person_name("the U.S. Permanent Representative, Ambassador Daniel Baer")
        ('Daniel Baer', 'Ambassador')
        >>> person_name("U.S. Ambassador Linda Thomas-Greenfield")
        ('Linda Thomas-Greenfield', 'US Ambassador')
        >>> person_name("the United Nations Linda Thomas-Greenfield")[0]
        'Linda Thomas-Greenfield'
        >>> person_name("the official websites") is None
        True
    """
    import re

    # Dotted abbreviations ("U.S. Ambassador", "U.N. Secretary-General") are one word,
    # so they are taken for the title they lead and not for a person's initials.
    text = re.sub(r"\b(?:[A-Z]\.){2,}(?=\s)", lambda m: m.group(0).replace(".", ""), text)
    text = re.sub(r"\b([A-Z][a-z]?)\.(?=[A-Z])", r"\1. ", text)  # "Yu.D.Zhdanova"
    particle = r"(?:de|van|von|der|da|di|le|la)\b"  # whole words: "It disregards" is no name
    found = list(re.finditer(rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{particle}))+", text))
    if not found:
        return None
    words = found[-1][0].split()
    if (
        len(words) > 2
        and re.search(r"\b(?:in|at)\s+$", text[: found[-1].start()])
        and words[0].lower() in world_place_words()
    ):
        # "… to the International Organizations in Vienna Mikhail Ulyanov": the place the
        # office is held in, glued before the name.
        words.pop(0)
    while len(words) > 2 and words[0].lower() in ("der", "die", "das", "den", "dem", "des"):
        words.pop(0)  # "Der Außenminister Heiko Maas": German's article before the office
    lead: list[str] = []
    while len(words) > 2 and (_titled(words[0]) or _is_abbreviation(words[0])):
        lead.append(words.pop(0))
    # "the United Nations Linda Thomas-Greenfield", "the Russian Federation Vasily
    # Nebenzia": a body's name glued to the person's; the name is what follows the body.
    glued = [
        i
        for i, w in enumerate(words[:-2])
        if w.strip(",").lower() in _BODY_WORDS | _THING_WORDS | one_word_state_names()
        or _titled(w)
        or _is_abbreviation(w)
        # "Bundesministers des Auswärtigen Dr. Frank-Walter Steinmeier": a courtesy or
        # academic title glued between the office and the name
        or re.fullmatch(r"(?:Dr|Prof|Mr|Mrs|Ms|Mme|Herr|Frau|Sir|Dame)\.?", w) is not None
    ]
    if glued:
        lead.extend(words[: glued[-1] + 1])
        words = words[glued[-1] + 1 :]
    first, middle, last_name, title = _name_parts(" ".join(words))
    parts = [p for p in (first, middle, last_name) if p]
    if len(parts) < 2 or any(p.lower() in _BODY_WORDS | _ROLE_WORDS for p in parts):
        return None
    if any(w.strip(",.").lower() in _THING_WORDS | _HEADLINE_VERBS for w in words):
        return None  # "Open Skies Treaty", "Treaty Review Conference": not a person
    if words[0].lower().endswith("ing") and len(words[0]) >= 6:
        return None  # "Correcting Russia's false claims": a headline's verb, not a name
    if words[-1].strip(",.").lower() in _DOCUMENT_WORDS:
        return None  # "Ambassador Baer Statement at …": the kind of text, after the name
    if german_office(words[-1]):
        return None  # "Russischer Botschafter: …": an adjective and an office, no name
    bare_last = words[-1].strip(",.")
    last = re.sub(r"[’']s$", "", bare_last).lower()
    if last in one_word_state_names() and (
        last != bare_last.lower() or last not in _SURNAME_STATES
    ):
        return None  # "… Russia's": a state, not a surname ("Neil Holland" is a name)
    if re.fullmatch(r"[А-ЯЁЄІЇҐЎ]{2,3}", words[-1].strip(",.")):
        # "МИД РФ", "главы МИД ФРГ": a state's abbreviation closes a body's name; a
        # surname in capitals is longer ("ЛАВРОВ"), and Latin ones stay names ("Tiny KOX").
        return None
    role = " ".join([*lead, title] if title else lead) or None
    return " ".join(parts), role


def role_and_name(label: str) -> tuple[str, str | None]:
    """A speaker label set apart into the person's name and the role before it.

    Transcripts put the office first: "President of Turkey Recep Tayyip Erdogan", "Acting
    Head of the Republic of Karelia Artur Parfenchikov". The office ends with the word
    after its last "of" (the country, region or body it is held in) or with its last role
    word; the two to four capitalised words after it are the name. A label that does not
    read so is returned whole, with no role.

    Examples:
        >>> role_and_name("President of Turkey Recep Tayyip Erdogan")
        ('Recep Tayyip Erdogan', 'President of Turkey')
        >>> role_and_name("Acting Head of the Republic of Karelia Artur Parfenchikov")
        ('Artur Parfenchikov', 'Acting Head of the Republic of Karelia')
        >>> role_and_name("Deputy Foreign Minister Sergey Ryabkov")
        ('Sergey Ryabkov', 'Deputy Foreign Minister')
        >>> role_and_name("Président de la Russie Vladimir Poutine")
        ('Vladimir Poutine', 'Président de la Russie')
        >>> role_and_name("Maria de Fatima Silva")
        ('Maria de Fatima Silva', None)
        >>> role_and_name("Sergey Ryabkov"), role_and_name("Minister of Defence")
        (('Sergey Ryabkov', None), ('Minister of Defence', None))
    """
    words = label.split()
    cut = 0
    for i, w in enumerate(words[:-2]):
        low = w.strip(",").lower()
        # "Président de la Russie Vladimir Poutine", "Ministro de Asuntos Exteriores …": the
        # Romance languages' "of" after an office (never a name's own particle: "Maria de
        # Fatima Silva" holds no office before it).
        romance = low in ("de", "du", "des", "del", "della", "di") and any(
            x.strip(",").lower() in _ROLE_WORDS for x in words[:i]
        )
        if low == "of" or romance:
            j = i + 1
            while j < len(words) and words[j].lower() in ("the", "of", "la", "le", "l’", "l'"):
                j += 1
            cut = j + 1
        elif low in _ROLE_WORDS and i + 1 >= cut:
            cut = i + 1
    name = words[cut:]
    if cut == 0 or not 2 <= len(name) <= 4:
        return label, None
    if not all(re.fullmatch(_NAME_WORD, w) for w in name):
        return label, None
    if any(w.lower() in _ROLE_WORDS | _BODY_WORDS | _THING_WORDS for w in name):
        return label, None
    return " ".join(name), " ".join(words[:cut]).strip(" ,")


#: Offices and ranks abbreviated before a name, as American copy prints them.
_ABBREVIATED_TITLES = frozenset(
    {"sen.", "rep.", "gov.", "gen.", "adm.", "amb.", "lt.", "col.", "maj.", "capt.", "sgt."}
    | {"cmdr.", "brig.", "pres.", "sec."}
    # "PM Đukanović", "FM Lavrov": headline abbreviations of the prime and foreign minister
    | {"pm", "fm"}
)


def _titled(word: str) -> bool:
    """A title word, hyphenated ones included ("Chairperson-in-Office", "Vice-Chair")."""
    low = word.strip(",").lower()
    return (
        low in _ROLE_WORDS
        # "Rhode Island Sen. Jack Reed", "Lt. Gen. Ben Hodges": an office abbreviated
        or low in _ABBREVIATED_TITLES
        or ("-" in low and low.split("-")[0] in _ROLE_WORDS)
        # German writes an office as one word: "Außenminister", "NATO-Generalsekretär",
        # "Bundeskanzlerin", "Regierungssprecher".
        or _GERMAN_OFFICE.search(low) is not None
        # So do Finnish, Hungarian, the Nordic and the Baltic languages: "Puolustusministeri",
        # "Külügyminiszter", "Generalsekretær", "Ārlietu ministrs" in one word.
        or _COMPOUND_OFFICE.search(low) is not None
    )


_GERMAN_OFFICE = re.compile(
    r"(?:minister|kanzler|präsident|sekretär|sprecher|botschafter|vorsitzender?|chef|"
    r"kommissar|beauftragter?|gesandter?|vertreter)(?:in|en|n)?$"
)


_COMPOUND_OFFICE = re.compile(
    r"(?:ministeri|miniszter|ministrs|ministras|presidentti|pääsihteeri|puhemies|"
    r"suurlähettiläs|tiedottaja|komissaari|szóvivő|nagykövet|főtitkár|generalsekreterare|"
    r"generalsekretær|ambassadør|ambassadör|suursaadik|peasekretär|talsperson|"
    r"talesperson|pressesekretær)$"
)


def german_office(word: str) -> bool:
    """Whether a word is a German office written as one word ("Außenminister")."""
    return _GERMAN_OFFICE.search(word.strip(",").lower()) is not None


def is_role_word(word: str) -> bool:
    """Whether a word belongs to titles ("Secretary", "Minister", "Deputy")."""
    return word.strip(",").lower() in _ROLE_WORDS


def titled_surname(text: str) -> tuple[str, str] | None:
    """A surname after a title that only role words make up, and that title.

    "Secretary General Schmid" names a person even without a first name; the title alone
    ("Secretary General") or a title before a body ("Foreign Ministry") does not.

    Examples:
        >>> titled_surname("Secretary General Schmid")
        ('Schmid', 'Secretary General')
        >>> titled_surname("OSCE Secretary General Schmid")
        ('Schmid', 'OSCE Secretary General')
        >>> titled_surname("Secretary General") is None, titled_surname("Foreign Ministry") is None
        (True, True)
        >>> titled_surname("Secretary General Open Skies") is None
        True
    """
    words = text.split()
    if len(words) < 2 or len(words) > 6:
        return None
    *title, last = words
    lead = [w for w in title if not _is_abbreviation(w)]
    if not lead or not all(
        w.strip(",").lower() in _ROLE_WORDS or w.lower() in _TITLE_ABBREVIATIONS for w in lead
    ):
        return None
    if not re.fullmatch(r"[A-Z][a-z’'-]+(?:-[A-Z][a-z’'-]+)?", last):
        return None
    if last.lower() in _ROLE_WORDS | _BODY_WORDS | _THING_WORDS:
        return None
    return last, " ".join(title)


#: Titles shortened before a surname: "said Rep. Beyer", "Gen. Milley", "Amb. Carpenter"
#: (the sentence splitter keeps their full stop with the name, _parse).
TITLE_ABBREVIATIONS = (
    "Sen", "Rep", "Gen", "Gov", "Amb", "Col", "Adm", "Sec", "Prof", "Maj", "Capt",
)  # fmt: skip
_TITLE_ABBREVIATIONS = frozenset(f"{a.lower()}." for a in TITLE_ABBREVIATIONS)


#: Words that make a run of capitalised words the name of a thing, not of a person.
_THING_WORDS = {
    "war",
    "treaty",
    "agreement",
    "charter",
    "act",
    "accord",
    "accords",
    "conference",
    "declaration",
    "document",
    "summit",
    "memorandum",
    "protocol",
    "convention",
    "forum",
    "committee",
    "commission",
    "alliance",
    "group",  # "the OSCE Minsk Group Co-Chair": a body's office, not a name
    "assembly",
    "parliament",
    "agency",
    "talks",
    "negotiations",
    "consultations",
    "session",
    "meeting",
    "dialogue",
    "forces",
    "army",
    "navy",
    "news",
    "press",
    "order",
    "principles",
    "world",
    # bodies that speak through statements: "the White House announced", "said Türkiye's
    # Communications Directorate"
    "house",
    "directorate",
    # a body's parts and research bodies: "Head of the Conventional Arms Control Division"
    "division",
    "institute",
    "centre",
    "center",
    "university",
    "foundation",
    # a field an office is named after: "the Department of Non-Proliferation and Arms Control"
    "control",
    "disarmament",
    "non-proliferation",
    "nonproliferation",
    # "the Treaty on the Non-Proliferation of Nuclear Weapons": what a treaty is about
    "weapons",
    "missiles",
    "ministry",
    "office",
    "department",
    "government",
}
#: Words that open a phrase, never a person's name ("In September", "To Be Secure", "Near
#: Abroad").
_OPENING_WORDS = {
    "in", "on", "at", "to", "for", "from", "by", "with", "near", "of", "after", "before",
    "during", "since", "about", "and", "but", "as",
    # the same in the region's languages ("Für Russland sei es laut Lawrow …"), leaving
    # out what a name may hold or begin with ("von", "de", "Con", "Per")
    "für", "mit", "nach", "bei", "aus", "über", "gegen", "laut", "pour", "avec", "dans",
    "sur", "selon", "según", "secondo", "dla", "według",
}  # fmt: skip
#: What a page names that is neither a person nor a body that speaks: an instrument, an
#: article, a crisis, talks, sharing buttons.
_NOT_PERSON_WORDS = {
    "article", "crisis", "war", "treaty", "agreement", "charter", "accord", "accords",
    "memorandum", "protocol", "convention", "talks", "negotiations", "tweet", "share",
    # "the Baltic Sea", "the Black Sea": a sea or a gulf said nothing
    "sea", "gulf", "strait", "peninsula",
    # "Athens Acropolis Hotel" under a speech's title: the venue, not who speaks
    "hotel", "museum", "auditorium", "stadium", "cathedral",
    # "der staatlichen Nachrichtenagentur Tass zufolge": an outlet reports, it is no person
    "nachrichtenagentur", "presseagentur", "presse-agentur", "newspaper", "zeitung", "agence",
    "agenzia", "agencia", "agencja", "novosti", "агентство", "агентства", "агентству",
    # "Ascultă Radio Antena Satelor Live": a station's name, over its programme's title
    "radio", "television", "channel",
    # "our Minister for Europe, North America and Overseas Territories stated": an office's
    # regions, no persons
    "territories", "territory", "islands", "america", "africa", "oceania",
    # "El Senado de la Nación, / DECLARA: / Que …", "FUNDAMENTOS:": the formula of a
    # Spanish-speaking parliament's act and its parts, no speakers' labels
    "declara", "resuelve", "decreta", "fundamentos", "considerando", "considerandos",
    # "Sommet OTAN: discours d'ouverture": a meeting is no one
    "summit", "sommet", "gipfel", "cumbre", "vertice", "szczyt", "саммит", "саміт",
}  # fmt: skip
#: A possessive or a Turkish case ending after an apostrophe ("Donald Trump’s", "Liberal
#: Democratic Party’s", "Ukrayna’ya"): the name of whose something, not of who speaks. A
#: capital after the apostrophe is a name's own ("O’Neill", "D’Alema").
_SUFFIXED = re.compile(r"[’'][a-zçğıöşü]{1,5}$")


def possessive(name: str) -> bool:
    """Whether a name closes on a possessive or a case ending (:data:`_SUFFIXED`).

    Examples:
        >>> possessive("Donald Trump’s"), possessive("Martin O’Neill")
        (True, False)
    """
    return bool(name.split()) and _SUFFIXED.search(name.split()[-1]) is not None


def implausible_speaker(name: str) -> str | None:
    """Why ``name``, found as a speaker, cannot be a person's name; None if it may be.

    A phrase's opening word, a possessive or case ending, a closing full stop after a word
    (not an initial or "Jr."), or a word that names a thing or a body.

    Examples:
        >>> implausible_speaker("In September"), implausible_speaker("Donald Trump’s")
        ('opens with "in"', 'possessive or case ending')
        >>> implausible_speaker("Strategic Offensive Arms."), implausible_speaker("Article Five")
        ('ends a sentence', 'names a thing ("article")')
        >>> implausible_speaker("Martin O’Neill") is None, implausible_speaker("John Smith Jr.")
        (True, None)
    """
    words = name.split()
    if not words:
        return None
    if words[0].lower() in _OPENING_WORDS and len(words) > 1:
        return f'opens with "{words[0].lower()}"'
    last = words[-1]
    if possessive(name):
        return "possessive or case ending"  # the last word: "Belarus’s Alyaksandr Lukashenka"
    if len(words) > 1 and last.endswith(".") and len(last) > 4:
        return "ends a sentence"
    for w in words:
        bare = w.strip(",.;:").lower()
        if bare in _NOT_PERSON_WORDS:
            return f'names a thing ("{bare}")'
    for w in words:
        if len(w) >= 10 and re.search(r"(?:ung|heit|keit|schaft)$", w):
            # "die Waffenlieferung von Deutschland fordert": a German noun, no surname
            return f'a noun ("{w}")'
    return None


#: A headline's verbs: a run of capitalised words holding one is a headline in title case
#: ("Russian Federation Minister Says West Undermines Principles"), not a name.
_HEADLINE_VERBS = {
    "says",
    "said",
    "tells",
    "calls",
    "urges",
    "warns",
    "vows",
    "seeks",
    "backs",
    "slams",
    "rejects",
    "undermines",
    "confirms",
    "denies",
    # "Bulgarian Foreign Minister Welcomes Plans for …": a title-case headline's verb
    "welcomes",
    "praises",
    "condemns",
    "meets",
    "visits",
    "announces",
    "proposes",
    "discusses",
    "stresses",
    "reaffirms",
    "thanks",
    "regrets",
    "highlights",
    "receives",
    "hosts",
    "supports",
    "expects",
    "insists",
    "demands",
    "threatens",
    "accuses",
    "criticises",
    "criticizes",
}


def _is_abbreviation(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


#: Office words of Russian, Ukrainian and Polish copy ("Президент России", "глава МИД",
#: "речник МЗС", "szef dyplomacji"), in the cases a title before a name takes.
_SLAVIC_OFFICE_WORDS = """
президент президента премьер премьер-министр премьер-министра министр министра глава главы
канцлер канцлера посол посла постпред постпреда представитель представителя председатель
председателя генсек генсека секретарь секретаря пресс-секретарь пресс-секретаря спикер
спикера депутат депутата сенатор сенатора заместитель заместителя замминистра директор
директора командующий командующего міністр міністра голова голови речник речника
представник представника прем'єр прем'єр-міністр прем’єр прем’єр-міністр
szef szefowa rzecznik rzeczniczka minister ministra prezydent premier ambasador sekretarz
wiceminister przewodniczący przewodnicząca
předseda předsedkyně místopředseda místopředsedkyně ministr ministryně poslanec poslankyně
senátor senátorka premiér prezident predseda predsedníčka podpredseda podpredsedníčka
ministerka poslankyňa
"""
#: Spanish, Portuguese, Italian and French offices ("el ministro José Manuel Albares", "il
#: ministro Luigi Di Maio", "le ministre Jean-Yves Le Drian", "El señor MINISTRO DE …").
_ROMANCE_OFFICE_WORDS = """
ministro ministra ministre vicepresidente vicepresidenta presidenta vice-presidente
secretario secretaria portavoz sottosegretario sottosegretaria viceministro viceministra
porte-parole président présidente
"""
#: Romanian offices, with the definite article Romanian glues to them ("Ministrul Apărării,
#: Mircea Duşa, a afirmat …", "Preşedintele Klaus Iohannis").
_ROMANIAN_OFFICE_WORDS = """
ministrul ministru preşedintele președintele premierul prim-ministrul ambasadorul
purtătorul secretarul şeful șeful vicepremierul
"""
#: Turkish and Azerbaijani offices before a name ("Cumhurbaşkanı Recep Tayyip Erdoğan",
#: "Dışişleri Bakanı Mevlüt Çavuşoğlu", "Xarici İşlər naziri Ceyhun Bayramov"): the words of
#: the office, in the forms a title takes (the possessive "-ı", "-si").
_TURKIC_OFFICE_WORDS = """
cumhurbaşkanı başbakan başbakanı bakan bakanı dışişleri savunma milli sözcüsü
büyükelçisi büyükelçi genel sekreteri sekreter başkanı başkan yardımcısı komutanı
prezident prezidenti baş naziri nazir naziri xarici işlər müdafiə sözçüsü səfiri katib katibi
"""

#: Words of a title that precede a name ("NATO Secretary General Jens Stoltenberg").
_ROLE_WORDS = {
    # "Senate Majority Leader Harry Reid", "Supreme Leader …": an office's last word
    "leader",
    "secretary",
    "general",
    "secretary-general",
    "under-secretary-general",
    "president",
    "vice",
    "vice-president",
    "minister",
    "counsellor",
    "counselor",
    "adviser",
    "advisor",
    "foreign",
    "defence",
    "defense",
    "prime",
    "chancellor",
    "ambassador",
    "deputy",
    "assistant",
    "high",
    "representative",
    "permanent",
    "special",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "director",
    "chair",
    "chairperson",
    "chairman",
    "chairwoman",
    "speaker",
    "senator",
    "federal",
    "state",
    "department",
    "russian",
    "american",
    "german",
    "french",
    "british",
    "ukrainian",
    "polish",
    "former",
    "head",
    "commander",
    "supreme",
    "chief",
    *_SLAVIC_OFFICE_WORDS.split(),
    *_TURKIC_OFFICE_WORDS.split(),
    *_ROMANCE_OFFICE_WORDS.split(),
    *_ROMANIAN_OFFICE_WORDS.split(),
}
