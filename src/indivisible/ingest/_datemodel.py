"""A learned guess at the date of a page that no rule dated.

The rules of ``_structure`` read a document's date where its form says so: a date line in
the header, a dateline, a byline's stamp, a title closing with its day. What they leave
undated (about one page in nine of the tune part that has a date at all) still prints its
day somewhere near the top, in a form no rule names: "DW staff (jp)April 3, 2008", "Published
on: Mar 3, 2022 3:15 PM Author: …", "This transcript is from a press briefing hosted on June
26, 2024.", "Berlin, Donnerstag, den 19. April 2018 Inhalt: …". This module scores every
full date (day, month and year) printed in the first lines of such a page with a logistic
model over features that hold in any language and on any site (the line's place and length,
a label before the date, a preposition that makes it an event's day, a time after it, a
weekday, whether the rules set the line apart as furniture, whether it is the page's latest
date …), trained on the gold dates of the development corpus's tune part only
(``scripts/train_date_model.py``, which writes ``data/gazetteer/date_model.json`` and
reproduces it from the corpus).

Formula: p = 1 / (1 + exp(-(b + Σ w_k · (x_k - μ_k) / σ_k))) (``_logistic``). The
page's day is the candidate with the highest p when p ≥ the stored threshold, chosen on
held-apart rounds of the tune pages the rules leave undated, where right guesses minus
twice the wrong ones is largest (a wrong day costs a reader twice what a missing one does);
below it the page stays undated. A guessed day is marked as such (``Structure.date_guessed``;
the store and the JSON carry the day only).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ._link import dates_mentioned
from ._logistic import Model, load_model, logistic

#: The features, in the model's order (documented in docs/ingestion.md).
FEATURES = (
    "line_index",
    "order",
    "offset",
    "line_words",
    "alone",
    "published",
    "updated",
    "on_before",
    "preposition",
    "sentence",
    "time_after",
    "weekday",
    "dropped",
    "latest",
    "earliest",
    "repeats",
    "year_gap",
    "bracketed",
    "figures",
    "heading",
)

#: How far down a page candidates are looked for: lines and characters.
LINES = 40
CHARS = 4000

_PUBLISHED = re.compile(
    r"\b(?:published|posted|issued|dated?|created|publié|publiée|veröffentlicht|publicado|"
    r"pubblicato|opublikowano|опубликовано|дата|data|datum|fecha)\b\W*(?:on|le|am|el|il)?\W*$",
    re.IGNORECASE,
)
_UPDATED = re.compile(
    r"\b(?:updated|modified|revised|mis à jour|aktualisiert|geändert|actualizado|"
    r"aggiornato|zaktualizowano|обновлено|изменено)\b\W*(?:on|le|am|el|il)?\W*$",
    re.IGNORECASE,
)
_ON = re.compile(r"\b(?:on|am|le|el|il|den|в|во)\s+$", re.IGNORECASE)
_PREPOSITION = re.compile(
    r"\b(?:since|from|until|till|by|after|before|of|between|to|through|ahead|"
    r"depuis|seit|desde|dal|od|до|после|с)\s+$",
    re.IGNORECASE,
)
_TIME = re.compile(r"\d{1,2}[:.h]\d{2}\b|\b\d{1,2}\s*[ap]\.?m\b", re.IGNORECASE)
_WEEKDAY = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b|"
    r"\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|"
    r"donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|"
    r"domingo|luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|sabato|domenica|"
    r"понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
#: An English month and a year with no day before them ("in February 2026"); a German day
#: with its full stop ("19. April 2018") is no English date.
_ENGLISH_MONTH = re.compile(
    r"(?<!\d\.\s)(?<!\d\.)\b(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+"
    r"(?:19|20)\d\d\b",
    re.IGNORECASE,
)
#: A line that is a sentence ends so; a full date opening one ("On December 5, 2022, we
#: marked …", "Jan. 6, 2022 was the day …") is the event's, as the rules and the corpus's
#: annotators read it, never a candidate.
_ENDS_SENTENCE = re.compile(r"[.?!]['’\"”»)]?$")
#: A day the text was given ahead of ("Address … ahead of the Ministerial Council, 1-2
#: December 2009") is the meeting's, never the page's: as the rules read it, not a candidate.
#: So is a day the text counts from or to ("adopted after December 7, 2017 talks", "since
#: 24 February 2022"): a reference point, not the day it was written.
_AHEAD = re.compile(
    r"\b(?:ahead of|prior to|on the eve of|in advance of|à la veille|avant la|im Vorfeld|"
    r"vor dem|en vísperas|in vista|накануне|в преддверии)\b"
    r"|\b(?:since|after|until|till|before|depuis|après|jusqu'au|seit|nach|bis|desde|después|"
    r"hasta|dopo|fino al|после|до|od|po)\s+(?:the\s+|le\s+|dem\s+|el\s+|il\s+)?"
    r"(?:\w+,?\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Candidate:
    """A full date printed near the top of a page, with the model's features."""

    day: dt.date
    line: str
    features: tuple[float, ...]


def _found(
    line: str, other: Callable[[str], tuple[int, int, str] | None]
) -> list[tuple[int, int, str]]:
    """Full dates in a line: the patterns', else dateparser's around each year."""
    found = [d for d in dates_mentioned(line, None) if len(d[2]) == 10]
    if found:
        return found
    out: list[tuple[int, int, str]] = []
    if _ENGLISH_MONTH.search(line):
        # The patterns read every full English date; a month and a year alone ("in October
        # 2021") is none, and dateparser (slow, and slower still the first time) is spared.
        return out
    for year in _YEAR.finditer(line):
        # A window of the few words before the year ("… Lisbona 20 novembre 2010"), which
        # the other languages' reader takes (it reads short lines only).
        start = max(line.rfind(" ", 0, max(year.start() - 24, 0)) + 1, 0)
        window = line[start : year.end()]
        hit = other(window)
        if hit is not None:
            out.append((start + hit[0], start + hit[1], hit[2]))
    return out


def candidates(
    text: str,
    dropped: list[tuple[int, int, str]],
    other: Callable[[str], tuple[int, int, str] | None],
) -> list[Candidate]:
    """Every full date in the first :data:`LINES` lines (and :data:`CHARS` characters).

    ``dropped`` are the spans the rules set apart as furniture; ``other`` reads a date in
    another language in a short line (``_structure._parsed_span``).
    """
    # A line the rules set apart as no date of the text (a masthead's today) offers none.
    # Nor does a list of other stories under its heading ("Latest News" over headlines
    # each with its own stamp): their days are theirs.
    barred = [
        (s, e)
        for s, e, why in dropped
        if "not the text's date" in why or why == "teaser" or why.startswith("teaser headline (")
    ]
    rows: list[tuple[int, int, str, int, int, int, str]] = []
    pos = 0
    index = 0
    for raw in text[:CHARS].split("\n"):
        start = pos + len(raw) - len(raw.lstrip())
        pos += len(raw) + 1
        line = raw.strip()
        if not line:
            continue
        if index >= LINES:
            break
        sentence = len(line.split()) > 12 and _ENDS_SENTENCE.search(line) is not None
        for a, b, iso in _found(line, other):
            if _AHEAD.search(line[:a]) or (sentence and len(line[:a].split()) <= 2):
                continue
            if sentence and line.rfind("(", 0, a) > line.rfind(")", 0, a):
                # "The Honourable Lawrence Cannon (who spoke on December 4, 2009) concluded
                # …": an aside in brackets inside a sentence dates an event, not the page.
                continue
            if _UPDATED.search(line[:a]):
                # "Last updated 9 May 2021 10:00": the day the page changed, not the day it
                # was written (as the rules read an update stamp), never a candidate.
                continue
            if any(s <= start + a < e for s, e in barred):
                continue
            try:
                dt.date.fromisoformat(iso)
            except ValueError:
                continue
            rows.append((index, start, line, a, b, start + a, iso))
        index += 1
    days = [iso for *_, iso in rows]
    if not days:
        return []
    latest, earliest = max(days), min(days)
    repeats = Counter(days)
    top_year = int(latest[:4])
    out = []
    for order, (index, _start, line, a, b, at, iso) in enumerate(rows):
        before, after = line[:a], line[b:]
        words = len(line.split())
        rest = len((before + " " + after).split())
        ends = _ENDS_SENTENCE.search(line) is not None
        x = (
            math.log1p(index),
            math.log1p(order),
            min(at / 1000.0, 4.0),
            math.log1p(words),
            float(rest <= 2),
            float(bool(_PUBLISHED.search(before[-40:]))),
            float(bool(_UPDATED.search(before[-40:]))),
            float(bool(_ON.search(before[-8:]))),
            float(bool(_PREPOSITION.search(before[-12:]))),
            float(ends and words > 12),
            float(bool(_TIME.search(after[:20]))),
            float(bool(_WEEKDAY.search(before[-25:]))),
            float(any(s <= at < e for s, e, _ in dropped)),
            float(iso == latest),
            float(iso == earliest),
            math.log1p(repeats[iso] - 1),
            min(top_year - int(iso[:4]), 10) / 10.0,
            float(before.count("(") > before.count(")")),
            float(not re.search(r"[^\W\d_]", line[a:b])),
            float(words <= 20 and not ends),
        )
        out.append(Candidate(dt.date.fromisoformat(iso), line, x))
    return out


@cache
def model() -> Model:
    """The shipped model (``data/gazetteer/date_model.json``)."""
    return load_model("date_model.json", FEATURES)


def best(found: list[Candidate], m: Model | None = None) -> tuple[dt.date, float] | None:
    """The candidate the model scores highest, with its probability (None without any)."""
    m = m or model()
    scored = [(logistic(m, list(c.features)), -k, c.day) for k, c in enumerate(found)]
    if not scored:
        return None
    p, _, day = max(scored)
    return day, p


def guessed_day(
    text: str,
    dropped: list[tuple[int, int, str]],
    other: Callable[[str], tuple[int, int, str] | None],
    month_day: str | None = None,
) -> dt.date | None:
    """The page's day by the model, when its best candidate reaches the threshold.

    ``month_day`` (``-MM-DD``), a dateline's day printed without its year, rules out every
    other day: the page says which day it is, only not which year.
    """
    m = model()
    found = candidates(text, dropped, other)
    if month_day is not None:
        found = [c for c in found if c.day.isoformat()[4:] == month_day]
    top = best(found, m)
    return top[0] if top is not None and top[1] >= m.threshold else None
