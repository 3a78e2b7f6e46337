"""The literals a pattern's every match holds (ingest._literals): a cheap test, never wrong."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indivisible.ingest._gazetteer import load
from indivisible.ingest._literals import anchored, by_first_letter, regrouped, required

PATTERNS = [
    r"(?:^|[.!?]\s+)(?:photo|image)s?\s*(?:credit)?\s*:\s*\S+$|\bcopyright\s+(?:ap|afp)\b",
    r"\b(?:reuters|afp|ap)/[a-z][\w .-]{2,40}$",
    r"\bthis (?:site|website) uses cookies\b",
    r"(?:abc)+x",
    r"x(?:yz|q)w",
]


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (PATTERNS[0], ("copyright", "image", "photo")),
        # A choice of literals joins the literal after it: "ap/" is rarer than "ap".
        (PATTERNS[1], ("afp/", "ap/", "reuters/")),
        (PATTERNS[2], ("this site uses cookies", "this website uses cookies")),
        (PATTERNS[3], ("abc",)),  # a repeat at least once requires its body
        (PATTERNS[4], ("xqw", "xyzw")),
        # Nothing is required of a class or an optional part: no test (the twin of the above).
        (r"[a-z]+\d?", None),
        (r"(?:photo)?graph", ("graph",)),
        (r"a|b", None),  # literals of one character are not worth a test
    ],
)
def test_required_literals(pattern: str, literals: tuple[str, ...] | None) -> None:
    assert required(pattern) == literals


@given(st.text(alphabet="abcpqwxyz otehis/.:!fgrkuw", max_size=60))
def test_a_match_always_holds_a_required_literal(text: str) -> None:
    for pattern in PATTERNS:
        found = required(pattern)
        assert found is not None
        if re.search(pattern, text):
            assert any(x in text for x in found), (pattern, text)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"^a|^b", True),
        (r"(?:^a|^b)c", True),
        (r"\Aa", True),
        (r"^a|b", False),
        (r"(?:^|x)a", False),
    ],
)
def test_anchored(pattern: str, expected: bool) -> None:
    assert anchored(pattern) is expected


def test_the_rules_patterns_with_a_test_hold_it_in_every_match() -> None:
    """Over the rules' own patterns and texts built to match them."""
    rules = load().rules
    both = (*(rules.boilerplate_folded or ()), *(rules.stances_folded or ()))
    folded = [f for f in both if f.needs]
    assert folded  # the photo-credit rule at least
    for f in folded:
        assert f.search("nothing here at all") is None
    credit = "photo: reuters/john smith"
    assert any(f.search(credit) for f in folded)


# --- alternatives grouped by first letter: faster, the same matches ---------------------

_WORDS = st.lists(st.text(alphabet="abcde ", min_size=1, max_size=6), min_size=1, max_size=8)


@given(_WORDS, st.text(alphabet="abcde .x", max_size=80))
def test_alternatives_grouped_by_first_letter_find_the_same_matches(
    words: list[str], text: str
) -> None:
    words = [w for w in words if w[:1].isalpha()] or ["a"]
    written = r"\b(?:" + "|".join(map(re.escape, words)) + r")(?!\w)"
    grouped = regrouped(written)
    assert [m.span() for m in re.finditer(written, text)] == [
        m.span() for m in re.finditer(grouped, text)
    ]


def test_a_group_opening_otherwise_is_left_as_written() -> None:
    assert regrouped(r"\b(?:(?:the )?parties|each party) shall") == (
        r"\b(?:(?:the )?parties|each party) shall"
    )
    assert by_first_letter("(?:a)|(?:b)") == "(?:a)|(?:b)"  # two groups, not one


def test_the_speech_verbs_grouped_match_as_written_on_every_corpus_document() -> None:
    from pathlib import Path

    from indivisible.ingest import _structure

    written = re.compile(rf"\b{_structure._FOREIGN_SAID_WRITTEN}(?!\w)", re.IGNORECASE)
    root = Path(__file__).resolve().parents[2]
    texts = [
        p.read_text(encoding="utf-8", errors="replace")
        for folder in ("examples/corpus", "tests/ingest/corpus")
        for p in sorted((root / folder).glob("*.txt"))
    ]
    assert len(texts) > 500
    for text in texts:
        assert [m.span() for m in written.finditer(text)] == [
            m.span() for m in _structure.FOREIGN_SAID.finditer(text)
        ]


# --- the boilerplate screen: one call for the anchored rules, the same answer -----------


def test_the_boilerplate_screen_joins_the_anchored_rules_and_keeps_the_others() -> None:
    rules = load().rules
    screen, folded = rules.boilerplate_screen, rules.boilerplate_folded
    assert screen is not None and folded is not None and screen.head is not None
    assert 0 < len(screen.rest) < len(folded) // 4
    assert all(not anchored(f.pattern.pattern) for f in screen.rest)
    assert not screen.passes("all rights reserved.")  # an anchored rule
    assert not screen.passes("the website is no longer updated. see the new one.")  # not
    assert screen.passes("the ministers met in geneva and agreed to continue.")


def test_the_boilerplate_screen_passes_a_line_only_where_no_rule_matches() -> None:
    """Every paragraph of every corpus document, lowered, and lines built to match."""
    from pathlib import Path

    rules = load().rules
    screen, folded = rules.boilerplate_screen, rules.boilerplate_folded
    assert screen is not None and folded is not None
    root = Path(__file__).resolve().parents[2]
    lines = [
        line.strip().lower()
        for folder in ("examples/corpus", "tests/ingest/corpus")
        for p in sorted((root / folder).glob("*.txt"))
        for line in p.read_text(encoding="utf-8", errors="replace").splitlines()
        if line.strip()
    ]
    assert len(lines) > 10000
    caught = 0
    for low in lines:
        matched = any(f.search(low) for f in folded)
        assert screen.passes(low) is not matched, low
        caught += matched
    assert caught > 500  # the test sees lines both ways
