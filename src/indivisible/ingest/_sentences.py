"""Sentence boundaries (pysbd), with offsets into the text they come from.

pysbd's rules know abbreviations ("U.S.", "Mr.", "Art. 5", "No. 3"), initials and numbers,
so "The U.S. President said NATO will honour Art. 5 of the treaty. Mr. Lavrov disagreed."
is two sentences, where a split on every full stop gives six.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pysbd

#: A sentence end followed by the start of a new sentence: the only places a split can be.
_CANDIDATE = re.compile(r"[.!?…]+[\"”’)\]]*[ \t]+(?=\S)|\s*\n\s*")
#: Words that end with a full stop without ending the sentence.
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "art",
    "arts",
    "no",
    "nos",
    "gen",
    "gov",
    "sen",
    "rep",
    "lt",
    "col",
    "maj",
    "capt",
    "sgt",
    "prof",
    "amb",
    "jr",
    "sr",
    "inc",
    "ltd",
    "co",
    "corp",
    "vs",
    "etc",
    "cf",
    "al",
    "para",
    "paras",
    "sec",
    "ch",
    "vol",
    "pp",
    "p",
    "fig",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mt",
    "ft",
    "approx",
    "dept",
    "est",
    "govt",
    "h.e",
    "hon",
    "rev",
    "messrs",
    "mme",
    "mlle",
}


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def _inside_quotation(before: str) -> bool:
    """Whether a curly quotation opened in ``before`` is still open at its end.

    English copy opens with “ and closes with ”; German, Polish and Lithuanian copy open low
    with „ and close high with “ (or ”), so a “ after an open „ closes it.
    """
    if "„" not in before:
        return before.count("“") > before.count("”")
    stack: list[str] = []
    for ch in before:
        if ch == "„":
            stack.append(ch)
        elif ch == "“":
            if stack and stack[-1] == "„":
                stack.pop()
            else:
                stack.append(ch)
        elif ch == "”" and stack:
            stack.pop()
    return bool(stack)


def _plain_split(text: str) -> list[tuple[int, int]] | None:
    """Sentences split at every candidate end, or None when pysbd must decide.

    None when a candidate may be an abbreviation ("U.S.", "Mr.", "Art.", an initial).
    """
    out: list[tuple[int, int]] = []
    start = 0
    for m in _CANDIDATE.finditer(text):
        before = text[: m.start() + len(m.group(0).rstrip())]
        if "\n" not in m.group(0) and (_inside_quotation(before) or before.count('"') % 2):
            continue  # inside a quotation: pysbd keeps it whole
        following = text[m.end() : m.end() + 1]
        if "\n" not in m.group(0) and (following.isdigit() or text[: m.start()].strip().isdigit()):
            continue  # "24 May. 2017", a list number "1." opening the text
        if text[m.start()] == ".":
            word = text[: m.start()].rsplit(None, 1)[-1] if text[: m.start()].strip() else ""
            bare = word.lstrip('“"‘(').lower()
            if "." in bare or bare in _ABBREVIATIONS or (len(bare) == 1 and bare.isalpha()):
                return None
        out.append((start, m.start() + len(m.group(0).rstrip())))
        start = m.end()
    out.append((start, len(text)))
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, surrounding spaces left out.

    A paragraph is often split twice (for its reported speech, then for its narrative):
    the split is remembered for the last few thousand paragraphs.

    Text whose every possible sentence end is unambiguous is split directly; text with a
    full stop that may belong to an abbreviation goes through pysbd's rules.

    Examples:
        >>> text = (
        ...     "The U.S. President said NATO will honour Art. 5 of the treaty. "
        ...     "Mr. Lavrov disagreed."
        ... )
        >>> [text[a:b] for a, b in sentences(text)]
        ['The U.S. President said NATO will honour Art. 5 of the treaty.', 'Mr. Lavrov disagreed.']
    """
    return list(_split(text))


#: A quotation closed after its own sentence end (". ”, ?», !"), then in the same line a
#: word in lower case: the attribution that follows the quotation ('"…yaparız." dedi.',
#: '"Is it over?" he asked.'), part of the same sentence.
_CLOSED_QUOTATION = re.compile(r"[.!?…][\"”»’']$")
_LOWER_START = re.compile(r"[^\W\d_A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-Ω]")
#: A party's abbreviation in brackets after a member's name ("Antti Kaikkonen (kesk.)
#: totesi …", "Dirk Van der Maelen (sp.a.)"): no sentence ends inside it.
_BRACKETED_ABBREVIATION = re.compile(r"\(\w[\w.-]{0,11}\.\)$")


def _attributions_joined(
    text: str, spans: tuple[tuple[int, int], ...]
) -> tuple[tuple[int, int], ...]:
    """Sentences with a quotation's attribution in lower case joined to the quotation.

    So is a sentence in lower case after a party's abbreviation in brackets.
    """
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if (
            out
            and _LOWER_START.match(text, a)
            and (
                _CLOSED_QUOTATION.search(text, 0, out[-1][1])
                or _BRACKETED_ABBREVIATION.search(text, 0, out[-1][1])
            )
            and "\n" not in text[out[-1][1] : a]
        ):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return tuple(out)


@lru_cache(maxsize=4096)
def _split(text: str) -> tuple[tuple[int, int], ...]:
    return _attributions_joined(text, _split_at_ends(text))


def _split_at_ends(text: str) -> tuple[tuple[int, int], ...]:
    plain = _plain_split(text)
    if plain is not None:
        trimmed = []
        for a, b in plain:
            piece = text[a:b]
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            if b - trail > a + lead:
                trimmed.append((a + lead, b - trail))
        return tuple(trimmed)
    out: list[tuple[int, int]] = []
    pos = 0
    for piece in _segmenter().segment(text):
        found = text.find(piece, pos)
        if found < 0:  # pysbd never rewrites with clean=False; keep going defensively
            found = pos
        start, end = found, found + len(piece)
        pos = end
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        if end - trail > start + lead:
            out.append((start + lead, end - trail))
    return tuple(out)
