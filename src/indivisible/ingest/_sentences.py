"""Sentence boundaries (pysbd), with offsets into the text they come from.

pysbd's rules know abbreviations ("U.S.", "Mr.", "Art. 5", "No. 3"), initials and numbers,
so "The U.S. President said NATO will honour Art. 5 of the treaty. Mr. Lavrov disagreed."
is two sentences, where a split on every full stop gives six.
"""

from __future__ import annotations

from functools import lru_cache

import pysbd


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, surrounding spaces left out.

    Examples:
        >>> text = (
        ...     "The U.S. President said NATO will honour Art. 5 of the treaty. "
        ...     "Mr. Lavrov disagreed."
        ... )
        >>> [text[a:b] for a, b in sentences(text)]
        ['The U.S. President said NATO will honour Art. 5 of the treaty.', 'Mr. Lavrov disagreed.']
    """
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
    return out
