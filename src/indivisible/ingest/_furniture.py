"""A learned test for page furniture left inside a speaker's turn.

The rules of ``_structure`` set apart the furniture they know by its form (menus, bylines,
stamps, captions …). What reaches a turn after them is mostly the speaker's words, but not
only: a contact block ("Tel: 004212 638 100 50"), a page field ("Editor in charge: …"), an
archive notice, a press-release number, a link. Each form is rare; together they are the
lines that leak most. This module scores a one-line paragraph of a turn with a logistic
model over surface features that hold in any language and on any site (length, closing
mark, share of capitalised and lower-case words, figures, a label before a colon, a link,
a telephone number, the first person, the paragraph's place on the page …), trained on the
gold furniture lines of the development corpus's tune part only
(``scripts/train_furniture_model.py``, which writes ``data/gazetteer/furniture_model.json``
and reproduces it byte for byte from the corpus).

Formula (``_logistic``): p = 1 / (1 + exp(-(b + Σ w_k · (x_k - μ_k) / σ_k))), with μ and σ
the features' means and deviations on the training lines; a paragraph is furniture when
p ≥ the stored threshold (chosen on held-apart rounds of the tune part for few content
lines lost).
"""

from __future__ import annotations

import math
import operator
import re
from functools import cache
from typing import NamedTuple

from ._gazetteer import Folded, fold
from ._logistic import Model, load_model

#: The features, in the model's order (documented in docs/ingestion.md).
FEATURES = (
    "log_words",
    "log_chars",
    "ends_sentence",
    "ends_colon",
    "lower_share",
    "capital_share",
    "upper_share",
    "digit_share",
    "link",
    "phone",
    "field_label",
    "separator",
    "bracketed",
    "first_person",
    "quote_mark",
    "sentences",
    "commas",
    "position",
    "first_in_turn",
    "labelled_turn",
    "repeated",
    "starts_figure",
    "clock",
    "year",
    "title_case",
    "function_words",
    "speech_verb",
    "page_top",
    "page_bottom",
    "credit_end",
    "numbered_heading",
    "short_unclosed",
)

#: A photo or agency credit closing a line: "(Reuters)", "(AP Photo/…)", "/ AFP", "Image: AP".
_CREDIT = re.compile(
    r"(?:\((?:[^()]{0,40}/)?\s*(?:AP|AFP|Reuters|EPA|TASS|Sputnik|RIA|Getty|Xinhua|"
    r"ANP|DPA|PAP|Anadolu|Photo|Foto|Фото)[^()]{0,40}\)|[/|]\s*(?:AP|AFP|Reuters|EPA|TASS|"
    r"Getty Images|Xinhua|Lehtikuva)|(?:Image|Photo|Foto|Source|Фото)\s*:\s*\S.{0,40})\s*$",
    re.IGNORECASE,
)

#: Short words of running text in the corpus's languages: a sentence holds many of them,
#: a label, a heading or an address few.
_FUNCTION_WORD_LIST = """
    the of and to in is that for on with as by at it be this are was from not has have
    der die das und zu den mit ist von dass nicht auf für sich im
    de la le les et des du en que une un est dans pour qui pas sur
    el los las y del que en un una por con para se es
    il di che e per non una sono
    i w z na się nie że do jest
    в и на не что с по к о из за это как"""
_FUNCTION_WORDS = frozenset(_FUNCTION_WORD_LIST.split())
_SPEECH_VERB_WORDS = (
    r"\b(?:said|says|say|told|tell|stated|added|noted|stressed|warned|asked|answered|replied|"
    r"according|sagte|erklärte|betonte|a déclaré|a dit|dijo|afirmó|ha detto|powiedział|"
    r"заявил\w*|сказал\w*|отметил\w*)\b"
)
_SPEECH_VERB = re.compile(_SPEECH_VERB_WORDS, re.IGNORECASE)
#: The same, run on lowered text (several times faster than a case-insensitive search).
_SPEECH_VERB_LOW = re.compile(_SPEECH_VERB_WORDS)
#: What a link or an e-mail address cannot be without (a cheap first test for ``_LINK``).
_LINK_CUES = ("http", "www.", "@")

#: A word of a paragraph, lowered (the model's vocabulary holds words of furniture lines
#: seen in at least two rounds of the tune part).
WORD = re.compile(r"[^\W\d_]{2,}")

_LINK = re.compile(r"https?://|www\.|\S+@\S+\.\w", re.IGNORECASE)
_PHONE = re.compile(r"(?:\+|\()?\d[\d ()./-]{7,}\d")
_FIELD = re.compile(r"^[^\W\d_][^\s:]*(?:\s+[^\s:]+){0,3}\s*:(?:\s|$)")
_SEPARATOR = re.compile(r"[|•·©®»«›]|\s[-–—]\s*$")
_FIRST_PERSON = re.compile(
    r"\b(?:I|we|our|us|my|me|wir|unser\w*|ich|nous|notre|nos|je|nosotros|nuestr\w*|noi|"
    r"nostr\w*|nasz\w*|мы|наш\w*|я)\b",
    re.IGNORECASE,
)
_QUOTE = re.compile(r"[\"“”«»„]")
_SENTENCE_END = re.compile(r"[.!?…][\"”»’']?\s+[\"“«„]?[A-ZА-ЯЁ]")


class LineContext(NamedTuple):
    """Where a paragraph stands on the page.

    Its share of the way down the page, its place in its turn, and whether the page prints
    it twice.
    """

    position: float
    first_in_turn: bool
    labelled_turn: bool
    repeated: bool


#: A letter (any alphabet); a closing mark; a clock time; a year; a numbered heading.
_LETTER = re.compile(r"[^\W\d_]")
_CLOSES = re.compile(r"[.!?…][\"”»’')\]]*$")
_CLOCK = re.compile(r"\b[0-2]?\d[:h.][0-5]\d\b")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_NUMBERED = re.compile(r"\d{1,2}\.\s+\S")
_UNCLOSED = re.compile(r"[.!?…:;,\"”»]$")
#: A credit ends the line and is short: it is looked for in the line's last characters.
_CREDIT_TAIL = 160
#: The case-insensitive tests run on the lowered line (the same matches where lowering
#: keeps its length, several times faster: ``_gazetteer.Folded``).
_FIRST_PERSON_LOW: Folded | None = fold(_FIRST_PERSON)
_CREDIT_LOW: Folded | None = fold(_CREDIT)
#: ASCII bytes of each class, deleted to count a line's capitals, letters and figures.
_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_ALPHA = _ASCII_UPPER + bytes(range(ord("a"), ord("z") + 1))
_ASCII_DIGITS = b"0123456789"


def _counts(text: str) -> tuple[int, int, int]:
    """The capitals, letters and figures of a line (``str.isupper`` … of each character).

    An ASCII line is counted by deleting each class from its bytes (no call per character).
    """
    if text.isascii():
        raw = text.encode("ascii")
        n = len(raw)
        return (
            n - len(raw.translate(None, _ASCII_UPPER)),
            n - len(raw.translate(None, _ASCII_ALPHA)),
            n - len(raw.translate(None, _ASCII_DIGITS)),
        )
    return sum(map(str.isupper, text)), sum(map(str.isalpha, text)), sum(map(str.isdigit, text))


def features(line: str, ctx: LineContext) -> list[float]:
    """The feature vector of one paragraph, in the order of ``FEATURES``."""
    text = line.strip()
    tokens = text.split()
    words = [t for t in tokens if _LETTER.search(t)]
    n = max(len(words), 1)
    upper, letters, digits = _counts(text)
    low = text.lower()
    folds = len(low) == len(text)
    if folds and _FIRST_PERSON_LOW is not None:
        first_person = _FIRST_PERSON_LOW.search(low) is not None
    else:
        first_person = _FIRST_PERSON.search(text) is not None
    if folds and _CREDIT_LOW is not None:
        credit = _CREDIT_LOW.search(low[-_CREDIT_TAIL:]) is not None
    else:
        credit = _CREDIT.search(text[-_CREDIT_TAIL:]) is not None
    return [
        math.log1p(len(tokens)),
        math.log1p(len(text)),
        float(bool(_CLOSES.search(text))),
        float(text.endswith(":")),
        sum(1 for w in words if w[0].islower()) / n,
        sum(1 for w in words if w[0].isupper()) / n,
        upper / max(letters, 1),
        digits / max(len(text), 1),
        float(any(c in low for c in _LINK_CUES) and bool(_LINK.search(text))),
        float(digits > 0 and bool(_PHONE.search(text))),  # (a number holds figures)
        float(bool(_FIELD.match(text))),
        float(bool(_SEPARATOR.search(text))),
        float(text[:1] in "([" and text[-1:] in ")]"),
        float(first_person),
        float(bool(_QUOTE.search(text))),
        math.log1p(len(_SENTENCE_END.findall(text))),
        math.log1p(text.count(",")),
        ctx.position,
        float(ctx.first_in_turn),
        float(ctx.labelled_turn),
        float(ctx.repeated),
        float(text[:1].isdigit()),
        float(digits > 0 and bool(_CLOCK.search(text))),
        float(digits > 0 and bool(_YEAR.search(text))),
        float(len(words) >= 2 and all(w[0].isupper() or len(w) <= 3 for w in words)),
        sum(1 for w in words if w.lower() in _FUNCTION_WORDS) / n,
        float(bool(_SPEECH_VERB_LOW.search(low) if folds else _SPEECH_VERB.search(text))),
        float(ctx.position < 0.05),
        float(ctx.position > 0.95),
        float(credit),
        float(bool(_NUMBERED.match(text)) and len(tokens) <= 10),
        float(len(tokens) <= 12 and not _UNCLOSED.search(text)),
    ]


def line_words(line: str) -> set[str]:
    """The lowered words of a paragraph, for the model's vocabulary."""
    low = line.lower()
    if len(low) == len(line):
        return set(WORD.findall(low))  # (lowered first: one call, the same words)
    return {w.lower() for w in WORD.findall(line)}


@cache
def model() -> Model:
    """The shipped model (``data/gazetteer/furniture_model.json``)."""
    return load_model("furniture_model.json", FEATURES)


@cache
def _linear() -> tuple[float, tuple[float, ...], tuple[tuple[str, float], ...], float]:
    """The shipped model unfolded into one linear form, and its threshold as a score.

    ``b + Σ w_k (x_k - μ_k) / σ_k`` is ``c + Σ a_k x_k`` with ``a_k = w_k / σ_k`` and
    ``c = b - Σ a_k μ_k``; a vocabulary word's feature is 1 or 0, so its term is ``a_k``
    when the paragraph holds the word. The probability is at least the threshold ``t``
    exactly when the score is at least ``log(t / (1 - t))``.
    """
    m = model()
    a = [w / s for w, s in zip(m.weights, m.scales, strict=True)]
    c = m.bias - sum(ak * mu for ak, mu in zip(a, m.means, strict=True))
    n = len(FEATURES)
    words = tuple(zip(m.vocabulary, a[n:], strict=True))  # (in the model's order)
    return c, tuple(a[:n]), words, math.log(m.threshold / (1.0 - m.threshold))


def _score(line: str, ctx: LineContext) -> float:
    """The model's log-odds that a one-line paragraph of a turn is page furniture.

    One linear form (:func:`_linear`): no standardisation per feature and no term for the
    words the paragraph lacks.
    """
    c, dense, words, _ = _linear()
    found = line_words(line)
    z: float = c + sum(map(operator.mul, dense, features(line, ctx)))
    return z + sum(a for w, a in words if w in found)


def probability(line: str, ctx: LineContext) -> float:
    """The model's probability that a one-line paragraph of a turn is page furniture."""
    return 1.0 / (1.0 + math.exp(-max(min(_score(line, ctx), 60.0), -60.0)))


def furniture(line: str, ctx: LineContext) -> bool:
    """Whether the model takes a one-line paragraph of a turn for page furniture.

    The probability against the model's threshold, compared as log-odds (:func:`_linear`).
    """
    return _score(line, ctx) >= _linear()[3]
