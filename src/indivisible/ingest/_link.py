"""Linking a statement to the record: instruments, organisations, persons, dates, stance.

Every link comes from a gazetteer entry or a rule in ``data/gazetteer``; nothing is
learned, so each link can be explained by the name, pattern or cue that matched.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from indivisible.ingest._gazetteer import Gazetteer, Person, fold, instrument_signed, load, lookup
from indivisible.ingest._literals import by_first_letter

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
# Capitalised or in capitals ("JANUARY 10, 2022" in a page header), never in lower case,
# where "may" is a verb.
# Grouped by first letter: a position tries one group (the same matches, faster).
_MONTH = by_first_letter(f"(?:{_MONTH_NAMES}|{_MONTH_NAMES.upper()})")
_WEEKDAYS = [d.lower() for d in calendar.day_name]
_ORD = r"(?:st|nd|rd|th)?"
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "a": 1, "an": 1}

_DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    # Year first with slashes or dots ("2022/01/27", "2022.01.27"): never ambiguous.
    (
        "ymd",
        re.compile(
            r"(?<![\d/.])(?P<y>(?:19|20)\d\d)([/.])(?P<m>[01]?\d)\2(?P<d>[0-3]?\d)(?![\d/.])"
        ),
    ),
    # Day first with dashes or slashes ("27-01-2022", "27/01/2022"); the month first when
    # the day cannot be one ("01/27/2022"); slashes with both parts 12 or less are
    # ambiguous (US or European order) and give no date.
    (
        "numeric",
        re.compile(
            r"(?<![\d/.-])(?P<d>[0-3]?\d)(?P<sep>[-/])(?P<m>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)"
            r"(?![\d/-])"
        ),
    ),
    # Dotted numeric dates are day first ("24.02.2022"), as everywhere they are written so.
    (
        "dotted",
        re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)(?!\w|\.\d)"),
    ),
    (
        "dmy",
        re.compile(
            # "1-2 December 2009": a meeting over two days is dated by its first
            rf"\b(?:[Tt]he\s+)?(?P<d>[0-3]?\d){_ORD}(?:\s*[-–]\s*[0-3]?\d)?(?:\s+of)?[\s-]+"
            rf"(?P<mon>{_MONTH})\.?"
            r"(?:,?[\s-]+(?P<y>(?:19|20)\d\d))?\b",
        ),
    ),
    (
        "mdy",
        re.compile(
            rf"\b(?P<mon>{_MONTH})\.?,?\s+(?P<d>[0-3]?\d){_ORD}(?:\s*[-–]\s*[0-3]?\d)?"
            r"(?:,?\s+(?P<y>(?:19|20)\d\d))?\b(?!\s*(?:per|%))",
        ),
    ),
    (
        "my",
        re.compile(
            rf"\b(?:(?:early|mid|late)-?\s*)?(?P<mon>{_MONTH})(?:\s+of)?\s+(?P<y>(?:19|20)\d\d)\b"
        ),
    ),
    (
        "mid",
        re.compile(rf"\b(?:early|mid|late)-?\s*(?P<mon>{_MONTH})\b", re.IGNORECASE),
    ),
    ("year", re.compile(r"(?<![\d,.-])(?P<y>(?:19|20)\d\d)(?!\d|,\d|-\d)")),
    (
        "relative",
        re.compile(
            r"\b(?P<rel>the day before yesterday|yesterday|today|tomorrow"
            r"|next year|last year|this year"
            r"|(?P<n>\d+|one|two|three|four|five|a|an) days? (?P<dir>ago|later)"
            r"|in (?P<n2>\d+|two|three|four|five) days"
            r"|(?:on|last|this|next) "
            r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
            re.IGNORECASE,
        ),
    ),
]


#: The case-insensitive date patterns made to run on lowered text (the same matches).
_FOLDED_DATES = {
    kind: folded for kind, pattern in _DATE_PATTERNS if (folded := fold(pattern)) is not None
}
_DIGIT = re.compile(r"\d")
_MONTH_ANY = re.compile(rf"\b{_MONTH}\b")
#: What some patterns' every match holds, as cheap first tests: a year, a year after a
#: slash or a dash ("27/01/2022"), a year followed by one ("2022/01/27").
_YEAR_ANY = re.compile(r"(?:19|20)\d\d")
_YEAR_AFTER = re.compile(r"[-/](?:19|20)\d\d")
_YEAR_BEFORE = re.compile(r"(?:19|20)\d\d[/.]")


def _year_for(month: int, day: int | None, doc: dt.date | None) -> int | None:
    """The year of a day-and-month given without a year.

    The document's year, or the year before when that would put the date more than two
    months after the document.
    """
    if doc is None:
        return None
    candidate = dt.date(doc.year, month, min(day or 1, 28))
    if (candidate - doc).days > 62:
        return doc.year - 1
    return doc.year


def dates_mentioned(text: str, doc: dt.date | None) -> list[tuple[int, int, str]]:
    """Dates mentioned in ``text``, resolved against the document date ``doc``.

    Returns:
        ``(start, end, iso)`` triples, where ``iso`` has the precision of the mention:
        ``2001-10-02``, ``2021-12`` or ``1997``. Relative mentions ("yesterday", "on
        Tuesday", "next year") need ``doc`` and are skipped without it.

    Examples:
        >>> day = dt.date(2001, 10, 3)
        >>> [d for _, _, d in dates_mentioned("Yesterday, and on 17 May 1990.", day)]
        ['2001-10-02', '1990-05-17']
    """
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    # Cheap tests first: most patterns need a digit, a month name or a word of time.
    digits = _DIGIT.search(text) is not None
    month_starts = [m.start() for m in _MONTH_ANY.finditer(text)] if digits else []
    months = bool(month_starts)
    year = digits and _YEAR_ANY.search(text) is not None
    low = text.lower()
    # Every relative mention holds one of these words ("yesterday", "two days ago", "on
    # Tuesday", "next year", "tomorrow").
    relative = "day" in low or "year" in low or "tomorrow" in low
    wanted = {
        "iso": year and "-" in text,
        "ymd": year and _YEAR_BEFORE.search(text) is not None,
        "numeric": year and _YEAR_AFTER.search(text) is not None,
        "dotted": year and (".20" in text or ".19" in text),  # the year after a dot
        "dmy": months,
        "mdy": months,
        "my": months and year,
        "mid": ("early" in low or "mid" in low or "late" in low)
        and _MONTH_ANY.search(text) is not None,
        "year": year,
        "relative": relative,
    }

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    same = len(low) == len(text)
    for kind, pattern in _DATE_PATTERNS:
        if not wanted[kind]:
            continue
        folded = _FOLDED_DATES.get(kind) if same else None
        if folded is not None and folded.gate is not None and folded.gate.search(low) is None:
            continue
        if kind == "mdy" or (
            kind == "my" and not ("early" in low or "mid" in low or "late" in low)
        ):
            # A match opens on a month's name (nothing before it but a word boundary): the
            # pattern is tried where the names are, as a search would find it.
            matches: Iterable[re.Match[str]] = _matches_at(pattern, text, month_starts)
        elif folded is not None:
            matches = folded.pattern.finditer(low)
        else:
            matches = pattern.finditer(text)
        for m in matches:
            a, b = m.span()
            if not free(a, b):
                continue
            iso = _resolve(kind, m, doc)
            if iso is None:
                continue
            taken.append((a, b))
            found.append((a, b, iso))
    found.sort()
    return found


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields when every match must open at one of ``starts``.

    A match tried at an offset sees the text before it (its word boundary), and the next
    is tried only after the last one ends, as a search does.
    """
    out: list[re.Match[str]] = []
    end = 0
    for at in starts:
        if at < end:
            continue
        m = pattern.match(text, at)
        if m is not None:
            out.append(m)
            end = m.end()
    return out


def _resolve(kind: str, m: re.Match[str], doc: dt.date | None) -> str | None:
    g = m.groupdict()
    try:
        if kind in ("iso", "dotted", "ymd"):
            return dt.date(int(g["y"]), int(g["m"]), int(g["d"])).isoformat()
        if kind == "numeric":
            first, second = int(g["d"]), int(g["m"])
            if second > 12 >= first:
                first, second = second, first  # "01/27/2022": the month first
            elif g["sep"] == "/" and first <= 12 and second <= 12 and first != second:
                return None  # "02/10/2007": US or European order, nothing says which
            return dt.date(int(g["y"]), second, first).isoformat()
        if kind in ("dmy", "mdy"):
            month = _MONTHS[
                g["mon"].lower().rstrip(".")[:3] if len(g["mon"]) <= 4 else g["mon"].lower()
            ]
            day = int(g["d"])
            year = int(g["y"]) if g.get("y") else _year_for(month, day, doc)
            if year is None or day == 0:
                return None
            return dt.date(year, month, day).isoformat()
        if kind in ("my", "mid"):
            month = _MONTHS[
                g["mon"].lower() if g["mon"].lower() in _MONTHS else g["mon"].lower()[:3]
            ]
            year = int(g["y"]) if g.get("y") else _year_for(month, None, doc)
            return None if year is None else f"{year:04d}-{month:02d}"
        if kind == "year":
            return g["y"]
        if kind == "relative":
            return _relative(m, doc)
    except (KeyError, ValueError):
        return None
    return None


def _relative(m: re.Match[str], doc: dt.date | None) -> str | None:
    if doc is None:
        return None
    rel = m.group("rel").lower()
    fixed = {
        "the day before yesterday": doc - dt.timedelta(days=2),
        "yesterday": doc - dt.timedelta(days=1),
        "today": doc,
        "tomorrow": doc + dt.timedelta(days=1),
    }
    if rel in fixed:
        return fixed[rel].isoformat()
    if rel == "next year":
        return str(doc.year + 1)
    if rel == "last year":
        return str(doc.year - 1)
    if rel == "this year":
        return str(doc.year)
    n_text = m.group("n") or m.group("n2")
    if n_text:
        n = int(n_text) if n_text.isdigit() else _NUMBER_WORDS[n_text.lower()]
        sign = -1 if (m.group("dir") or "").lower() == "ago" else 1
        return (doc + dt.timedelta(days=sign * n)).isoformat()
    wd = m.group("wd")
    if wd:
        target = _WEEKDAYS.index(wd.lower())
        which = rel.split()[0]
        if which == "next":
            delta = (target - doc.weekday()) % 7 or 7
            return (doc + dt.timedelta(days=delta)).isoformat()
        # "on Tuesday" and "last Tuesday" in reporting refer to the most recent one.
        delta = (doc.weekday() - target) % 7
        if which == "last" and delta == 0:
            delta = 7
        return (doc - dt.timedelta(days=delta)).isoformat()
    return None


def first_date(text: str) -> dt.date | None:
    """The first full calendar date written in ``text`` (no relative resolution)."""
    for _, _, iso in dates_mentioned(text, None):
        if len(iso) == 10:
            return dt.date.fromisoformat(iso)
    return None


@dataclass(frozen=True)
class Links:
    """Instruments and organisations mentioned in a text."""

    instruments: tuple[str, ...]
    organisations: tuple[str, ...]


def _in_window(
    window: tuple[dt.date | None, dt.date | None],
    doc: dt.date | None,
    after: dt.date | None = None,
) -> bool:
    """Whether a document dated ``doc`` is inside an entry's window.

    An undated document is inside an open-ended window ``{from: …}`` when it was written
    on or after ``after`` (a day it cannot predate, see :func:`written_after`) and that day
    is in the window; otherwise only a window-less entry applies to it.
    """
    lo, hi = window
    if not (lo or hi):
        return True
    if doc is None:
        return after is not None and hi is None and lo is not None and after >= lo
    return not (lo and doc < lo) and not (hi and doc > hi)


def written_after(text: str) -> dt.date | None:
    """A day an undated text cannot predate: the latest signature of an instrument it names.

    A text that names New START was written after 2010-04-08, so its "START Treaty" is
    New START (START I had expired); a text naming the 2021 draft treaties was written
    after they were published. Only instruments named without a date window count, and
    the day only opens a window that has no end (:func:`_in_window`).
    """
    signed = instrument_signed()
    days = [signed[i] for i in link(text, None).instruments if i in signed]
    return max(days, default=None)


_ABBREVIATION = re.compile(r"\b[A-Z]{2,6}\b")


#: A name that is only an article's number ("Article 5", a record alias of the treaty that
#: made it famous) names that treaty only when it stands alone: followed by "of …" it is
#: another instrument's article, followed by a capitalised word it is part of a name.
#: The same in the region's languages ("Artikel 5", "статьи 5", "5. cikk"), followed by
#: their "of" ("Artikel 5 des Grundgesetzes", "article 5 de la Charte", "статьи 5 из …").
_BARE_ARTICLE = re.compile(
    r"(?:Article|Art\.|Artikel|artikkel|artículo|articolo|artykuł\w*|стать\w+|článek|článku|"
    r"artigo|articolul|άρθρο)\s*\d+[a-z]?(?:\.º)?$|5\.\s*(?:cikk\w*|madde\w*)$",
    re.IGNORECASE,
)
_NOT_THIS_ARTICLE = re.compile(
    r"\s*(?:of\s+(?:the\s+|this\s+|that\s+)?\S|(?:des|der|del|della|dello|du|de|din|van|z|ze|"
    r"o|из|з)\s|[A-Z][a-z])"
)


_BRACKETED_ABBREVIATION = re.compile(
    r"\s\([A-Z][A-Za-z]{1,7}\)(?=\s+(?:[Tt]reaty|[Aa]greement|[Aa]ccord|[Cc]onvention|[Mm]emorandum|"
    r"Act)\b)"
)


_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
#: Hyphens other than the plain one (U+2010, the non-breaking U+2011, the figure dash
#: U+2012) read as it; a soft hyphen (U+00AD) is dropped.
_HYPHENS = {0x2010: "-", 0x2011: "-", 0x2012: "-", 0x00AD: None}


#: What a statement's own edges can change in a pattern: the start and end of the text
#: (``^``, ``$``, ``\A``, ``\Z``) and a negative look-around that a line break may answer.
_EDGE_SENSITIVE = re.compile(r"(?<!\\)[$^]|\\[AZ]|\(\?<?![^)]*(?:\\[sWDn]|\[\^|(?<!\\)\.)")


def patterned_in(texts: list[str]) -> frozenset[int]:
    """The patterned gazetteer entries that may match one of ``texts`` (see :func:`link`).

    Each descriptive pattern is tried once on the texts joined by line breaks instead of
    once per text: a pattern that matches one of them matches the joined text too, since
    none of those tried depends on where a text starts or ends (a pattern that does is
    always counted in). The entries are numbered as in ``Gazetteer.patterned_latin``.
    """
    gaz = load()
    joined = "\n".join(t.translate(_HYPHENS) for t in texts)
    low = joined.lower()
    same = len(low) == len(joined)
    out = []
    for k, (entry, _) in enumerate(gaz.patterned_latin):
        if any(_EDGE_SENSITIVE.search(p.pattern) for p in entry.patterns):
            out.append(k)
        elif same and entry.folded is not None:
            if any(f.search(low) for f in entry.folded):
                out.append(k)
        elif any(p.search(joined) for p in entry.patterns):
            out.append(k)
    return frozenset(out)


def link(
    text: str,
    doc: dt.date | None,
    after: dt.date | None = None,
    patterned: frozenset[int] | None = None,
) -> Links:
    """Instruments and organisations named or described in ``text``.

    Literal names are matched case-sensitively, longest first; descriptive patterns are
    matched case-insensitively and honour their date window. ``after``, for an undated
    document, is a day it cannot predate (see :func:`written_after`). ``patterned``, from
    :func:`patterned_in` over texts that include this one, spares the descriptive patterns
    that cannot match it.

    Examples:
        >>> link("The Adapted Treaty on Conventional Armed Forces in Europe and NATO.", None)
        Links(instruments=('acfe-1999',), organisations=('nato',))
    """
    gaz = load()
    instruments: list[str] = []
    organisations: list[str] = []
    # "Intermediate‑Range" with a non-breaking hyphen (as UN press releases print it), a soft
    # hyphen inside a word: the names are read with the plain hyphen.
    text = text.translate(_HYPHENS)
    texts = [text]
    if "(" in text and _BRACKETED_ABBREVIATION.search(text):
        # "the Intermediate-Range Nuclear Forces (INF) Treaty": the name is also read without
        # the abbreviation in brackets inside it.
        texts.append(_BRACKETED_ABBREVIATION.sub("", text))
    for variant in texts:
        _link_names(gaz, variant, doc, instruments, organisations, after)
    low = text.lower()
    fast = len(low) == len(text)
    # A pattern that can only match Cyrillic letters is not tried on a text without any.
    latin_only = fast and _CYRILLIC_LETTER.search(low) is None
    for k, (entry, latin_folded) in enumerate(gaz.patterned_latin):
        if patterned is not None and k not in patterned:
            continue
        if not _in_window(entry.window, doc, after):
            continue
        if fast and entry.folded is not None:
            hit = any(p.search(low) for p in (latin_folded if latin_only else entry.folded))
        else:
            hit = any(p.search(text) for p in entry.patterns)
        if hit:
            target = instruments if entry.kind == "instrument" else organisations
            target.extend(i for i in entry.ids if i not in target)
    return Links(tuple(instruments), tuple(organisations))


def _link_names(
    gaz: Gazetteer,
    text: str,
    doc: dt.date | None,
    instruments: list[str],
    organisations: list[str],
    after: dt.date | None = None,
) -> None:
    """Add the ids of the names found in ``text`` (see :func:`link`)."""
    for a, b in gaz.names_in(text):
        matched = text[a:b]
        if _BARE_ARTICLE.match(matched) and _NOT_THIS_ARTICLE.match(text, b):
            continue  # "Article 5 of the Vienna Document", "the Article 5 Memorial"
        found = tuple(e for e in lookup(matched) if _in_window(e.window, doc, after))
        replaced = {i for e in found for i in e.replaces}
        if replaced:
            found = tuple(e for e in found if e.replaces or not set(e.ids) & replaced)
        if not matched[:1].isupper():
            # An organisation's name is a proper name: "the united nations of the world",
            # "une union européenne des volontés" are words, not the bodies.
            found = tuple(e for e in found if e.kind != "organisation")
        for entry in found:
            target = instruments if entry.kind == "instrument" else organisations
            target.extend(i for i in entry.ids if i not in target)
        if any(e.kind == "instrument" for e in found):
            # "the 1999 OSCE summit decisions" also mentions the OSCE: an organisation's
            # abbreviation inside an instrument's name counts, except as its first word
            # ("UN Charter", "NATO-Russia Founding Act" name the instrument only).
            for inner in _ABBREVIATION.finditer(matched, 1):
                for entry in lookup(inner.group(0)):
                    if entry.kind == "organisation" and inner.group(0).isupper():
                        organisations.extend(i for i in entry.ids if i not in organisations)


def stance(text: str) -> tuple[str, str | None]:
    """The stance of a statement and the cue that triggered it.

    Examples:
        >>> stance("We cannot be satisfied with them.")
        ('rejection', 'cannot be satisfied')
        >>> stance("It was formulated on ten pages.")
        ('position', None)
    """
    plain = text.replace("**", "")
    rules = load().rules
    low = plain.lower()
    folded = rules.stances_folded if len(low) == len(plain) else None
    for i, (label, pattern) in enumerate(rules.stances):
        m = folded[i].search(low) if folded is not None else pattern.search(plain)
        if m:
            cue = plain[m.start() : m.end()].strip()
            return label, (cue if label != "question" else "?")
    return "position", None


# --- persons -------------------------------------------------------------------------

#: A courtesy title before a name, as a pattern the structure reader shares.
#: Dutch, German, French, Spanish, Italian and Polish courtesy titles, as parliamentary
#: records print them before a member's name ("De heer Van Bommel (SP):").
COURTESY = (
    r"(?:De heer|Mevrouw|Mevr|Herr|Frau|Monsieur|Madame|Señor|Señora|Signor|Signora|Pan|"
    r"Pani|"
    # Portugal's and Spain's records put the article first ("O Sr. Pedro Pessanha (CH):",
    # "A Sr.ª Joana Mortágua", "El señor Sánchez Pérez", "La señora Robles")
    r"(?:O|A) Sr\.(?:ª|a)?|(?:El|La) (?:[Ss]eñor|[Ss]eñora|Sr|Sra))\.?"
)
HONORIFIC = (
    r"(?:Mr|Mrs|Ms|Dr|Lord|Lady|Sir|Dame|Baroness|Madam|Mme|Mister|H\.E\.|Amb\.|Gen\.|Sen\.|"
    rf"Prof\.|Adm\.|{COURTESY})\.?"
)
_HONORIFICS = re.compile(rf"\b{HONORIFIC}\s+", re.IGNORECASE)


@dataclass(frozen=True)
class PersonRef:
    """A person mentioned at a span of text (``person`` None for a role of nobody known)."""

    start: int
    end: int
    name: str
    person: Person | None


def _alias_regex(flags: int = 0) -> re.Pattern[str]:
    aliases = sorted({a for p in load().persons for a in p.aliases}, key=len, reverse=True)
    alternatives = "|".join(re.escape(a) for a in aliases)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", flags)


_ALIASES: dict[int, re.Pattern[str]] = {}


def _aliases(flags: int = 0) -> re.Pattern[str]:
    """The compiled alternation of every person alias (cached per flags)."""
    if flags not in _ALIASES:
        _ALIASES[flags] = _alias_regex(flags)
    return _ALIASES[flags]


def person_by_alias(alias: str) -> Person | None:
    """The gazetteer person with this alias (exact, then case-insensitive)."""
    folded = alias.casefold()
    for p in load().persons:
        if alias in p.aliases:
            return p
    for p in load().persons:
        if any(a.casefold() == folded for a in p.aliases):
            return p
    return _person_by_variant(alias)


#: Russian and Ukrainian letters in Latin (the English spelling of names, close to
#: BGN/PCGN): "Сергей Лавров" is read as "Sergey Lavrov".
_CYRILLIC_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ"
_IN_LATIN = "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya i yi ye g"
_CYRILLIC = dict(zip(_CYRILLIC_LETTERS, _IN_LATIN.split(), strict=True))


def latin(name: str) -> str:
    """A name written in Cyrillic, in Latin letters (other names unchanged).

    Examples:
        >>> latin("Сергей Лавров")
        'Sergey Lavrov'
        >>> latin("Андрій Сибіга")
        'Andrii Sybiha'

    A name with a letter only Ukrainian has (і, ї, є, ґ) is read as Ukrainian: г is "h",
    и is "y". Without one, the Russian reading is taken; the variant matcher folds the rest.
    """
    if not _CYRILLIC_LETTER.search(name):
        return name
    ukrainian = bool(re.search(r"[іїєґ]", name, re.IGNORECASE))
    out = []
    for ch in name:
        low = ch.lower()
        if low == "г" and ukrainian:
            latin_ch = "h"
        elif low == "и" and ukrainian:
            latin_ch = "y"
        elif low == "й" and ukrainian:
            latin_ch = "i"
        else:
            latin_ch = _CYRILLIC.get(low, ch)
        latin_ch = "" if latin_ch == "-" else latin_ch
        out.append(latin_ch.capitalize() if ch != low and latin_ch else latin_ch)
    return "".join(out)


def _translit(name: str) -> str:
    """A name with the letters its transliterations disagree on folded together.

    "Riabkov" and "Ryabkov", "Zelenskyy" and "Zelensky", "Sergej" and "Sergei": "y", "j"
    and "i" are one letter, and a doubled "i" one "i". German and Polish spellings of
    Russian names fold too: "w" is "v" ("Lawrow", "Władimir"), "sch" and "tsch" are "sh"
    and "ch" ("Schoigu"), "x" is "ks" ("Alexander"), and Polish "ie" after a consonant is
    "e" ("Siergiej").
    """
    folded = name.lower().replace("ł", "l").replace("tsch", "ch").replace("sch", "sh")
    folded = folded.replace("x", "ks")
    folded = folded.replace("w", "v").replace("y", "i").replace("j", "i")
    folded = re.sub(r"(?<=[bcdfghklmnprstvz])ie", "e", folded)
    return re.sub(r"i+", "i", folded)


def _person_by_variant(alias: str) -> Person | None:
    """The one gazetteer person whose full name is a transliteration variant of ``alias``.

    "Maria Zajárova" (a Spanish transliteration carried into a machine translation),
    "Sergei Lavrov": the same given name and a surname at least ``VARIANT_SCORE``
    similar, starting alike, after accents are folded. Two candidates resolve to none.
    """
    from indivisible.ingest._names import VARIANT_SCORE, parse_name

    first, last = parse_name(latin(alias))
    if not first or len(last) < 4:
        return None
    from rapidfuzz import fuzz

    first_t, last_t = _translit(first), _translit(last)
    hits = []
    for p in load().persons:
        p_first, p_last = parse_name(p.name)
        p_last_t = _translit(p_last)
        if (p_last[:2] == last[:2] or p_last_t[:2] == last_t[:2]) and (
            fuzz.ratio(_translit(p_first), first_t) >= VARIANT_SCORE
            and fuzz.ratio(p_last_t, last_t) >= VARIANT_SCORE
        ):
            hits.append(p)
    return hits[0] if len(hits) == 1 else None


def person_by_role(
    role: str, day: dt.date | None, among: list[Person] | None = None
) -> Person | None:
    """The person holding a role whose title contains ``role`` on ``day``, if unique."""
    key = role.casefold().strip()
    if not key:
        return None
    pool = among if among is not None else list(load().persons)
    hits = [p for p in pool if any(key in r.title.casefold() and r.held_on(day) for r in p.roles)]
    unique = {p.id: p for p in hits}
    return next(iter(unique.values())) if len(unique) == 1 else None


_ROLE_REF = re.compile(
    r"\bthe (?P<role>(?:US |American |Russian |French |German )?(?:President|Secretary General|"
    r"General Secretary|Secretary of State|Foreign Minister|Federal Chancellor|Chancellor|"
    r"Prime Minister|High Representative)(?: of (?:the )?[A-Z][\w.]*(?: [A-Z][\w.]*)*| of NATO)?)"
)


def persons_mentioned(text: str, day: dt.date | None) -> list[PersonRef]:
    """Persons named ("Mr Woerner") or described ("the President of the United States")."""
    refs = [
        PersonRef(m.start(), m.end(), m.group(0), person_by_alias(m.group(0)))
        for m in _aliases().finditer(text)
        if not _other_first_name(text, m.start(), m.group(0))
    ]
    named = list(refs)
    for m in _ROLE_REF.finditer(text):
        if any(r.start <= m.start() < r.end for r in named):
            continue
        role = re.sub(r"^(?:US|American) ", "", m.group("role"))
        role = role.replace("General Secretary", "Secretary General")
        role = role.replace("President of the USA", "President of the United States")
        person = person_by_role(role, day)
        if person is not None:
            refs.append(PersonRef(m.start(), m.end(), m.group(0), person))
    refs.sort(key=lambda r: r.start)
    return refs


_FIRST_NAME_BEFORE = re.compile(r"([A-Z][a-z’'-]+)\s+$")
_NOT_FIRST_NAMES = {
    "President",
    "Minister",
    "Secretary",
    "General",
    "Chancellor",
    "Ambassador",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Lord",
    "Lady",
    "Sir",
    "Madam",
    "Mister",
    "Prime",
    "Foreign",
    "Deputy",
    "Senator",
    "Speaker",
    "Chairman",
    "Director",
    "Governor",
    "Premier",
    "King",
    "Queen",
    "Defence",
    "Defense",
    "Representative",
    "Commissioner",
    "Envoy",
    "Spokesperson",
    "The",
    "And",
    "But",
    "When",
    "Said",
    "As",
    "With",
    "By",
    "Of",
    "For",
    "To",
    "That",
}


def _other_first_name(text: str, start: int, alias: str) -> bool:
    """Whether a bare surname alias follows another person's first name.

    "Neil Bush" is not George W. Bush: the alias "Bush" does not name him there.
    """
    if " " in alias:
        return False
    m = _FIRST_NAME_BEFORE.search(text[max(0, start - 30) : start])
    if not m or m.group(1) in _NOT_FIRST_NAMES:
        return False
    person = person_by_alias(alias)
    if person is None:
        return False
    from indivisible.ingest._names import same_person

    return not same_person(f"{m.group(1)} {alias}", person.name)


def strip_honorifics(name: str) -> str:
    """``"Mr Lavrov"`` → ``"Lavrov"``."""
    return _HONORIFICS.sub("", name).strip()
