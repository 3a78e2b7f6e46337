"""Any text either parses with every offset exact, or fails with an InputError."""

from __future__ import annotations

import hashlib
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indivisible._errors import InputError
from indivisible.ingest._gazetteer import _name_pattern, trie_pattern
from indivisible.ingest._parse import parse_text
from indivisible.ingest._read import RawText

PIECES = [
    "Vladimir Putin: ",
    "Sergei Lavrov:",
    "President Putin (interpreter)",
    "Secretary General",
    "Q: ",
    "One question please.",
    "by NATO Secretary General, Lord Robertson,",
    "and the Russian President Putin",
    "“We will never attack anyone,” he said.",
    "He said at the time that: “",
    "”",
    '"',
    "the CFE Treaty ",
    "NATO ",
    "yesterday ",
    "on 17 May 1990 ",
    "February 14, 2022, The Kremlin, Moscow",
    "(Page 3)",
    "- ",
    "## Highlights",
    "# Title",
    "**",
    "?",
    ". ",
    ", ",
    ":",
    "\n",
    "\n\n",
    "  ",
    "Select font Arial",
    "Related articles",
    "MOSCOW — ",
    "Lavrov said that ",
    "word ",
    "Ä ",
    "\t",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=40),
    st.sampled_from(["text", "markdown", "html"]),
)
def test_offsets_hold_for_any_text(pieces: list[str], fmt: str) -> None:
    text = "".join(pieces)
    raw = RawText(sha256=hashlib.sha256(text.encode()).hexdigest(), format=fmt, text=text)
    try:
        parsed = parse_text(raw, "fuzz.txt")
    except InputError as exc:
        assert exc.exit_code == 2
        return
    for statement in parsed.statements:
        assert 0 <= statement.start < statement.end <= len(text)
        assert statement.text == text[statement.start : statement.end]


# --- the gazetteer's names as a trie: the same matches as the flat alternation ------------

_NAME_WORDS = st.sampled_from(["nato", "osce", "new", "start", "treaty", "cfe", "un", "charter"])


@settings(max_examples=200, deadline=None)
@given(
    names=st.sets(st.lists(_NAME_WORDS, min_size=1, max_size=3).map(" ".join), min_size=1),
    text=st.lists(st.sampled_from(["nato", "osce", "new", "start", "treaty", "cfe", "un",
                                   "charter", "the", "-", "new-start"]), max_size=12).map(" ".join),
)  # fmt: skip
def test_the_name_trie_matches_as_the_flat_alternation(names: set[str], text: str) -> None:
    patterns = {_name_pattern(n) for n in names}
    flat = "|".join(sorted(patterns, key=len, reverse=True))
    edges = r"(?<![\w-]){}(?![\w])"
    expected = [m.span() for m in re.finditer(edges.format(f"(?:{flat})"), text)]
    assert [m.span() for m in re.finditer(edges.format(trie_pattern(patterns)), text)] == expected
