"""The linker: gazetteer names and descriptions, persons, dates, stances."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from indivisible.ingest._gazetteer import fold, load
from indivisible.ingest._link import _DATE_PATTERNS, dates_mentioned, link, person_by_alias, stance
from indivisible.ingest._structure import _Context, _resolve

DAY = dt.date(2022, 2, 14)


@pytest.mark.parametrize(
    ("text", "instruments", "organisations"),
    [
        ("the Adapted Treaty on Conventional Armed Forces in Europe", ["acfe-1999"], []),
        ("the CFE Treaty and the Founding Act", ["cfe-1990", "founding-act-1997"], []),
        ("the 1999 OSCE summit decisions", ["istanbul-charter-1999"], ["osce"]),
        (
            "formalised in OSCE top-level decisions at the 1999 and 2010 summits",
            ["istanbul-charter-1999", "astana-declaration-2010"],
            ["osce"],
        ),
        ("the North Atlantic Treaty Organisation", [], ["nato"]),
        ("the North Atlantic Treaty", ["north-atlantic-treaty-1949"], []),
        ("the CSCE and the CIS", [], ["osce", "cis"]),
        ("the Russia-NATO Council", [], ["nato-russia-council"]),
        ("the NATO-Russia Permanent Joint Council", [], ["nato"]),
        (
            "the UN Charter and the UN Security Council",
            ["un-charter-1945"],
            ["un-security-council"],
        ),
        ("the Collective Security Treaty and the CSTO", ["cst-1992"], ["csto"]),
        (
            "our December 2021 initiative",
            ["ru-us-draft-2021", "ru-nato-draft-2021"],
            [],
        ),
        (
            "a response from the United States and a response from the North Atlantic Alliance",
            ["us-response-2022", "nato-response-2022"],
            ["nato"],
        ),
        (
            "missiles after the Americans discarded the treaty on intermediate-range missiles",
            [],
            [],
        ),
        (
            "intermediate-range missiles after the Americans discarded the corresponding treaty",
            ["inf-1987"],
            [],
        ),
        ("the un-ratified text", [], []),
    ],
)
def test_link(text: str, instruments: list[str], organisations: list[str]) -> None:
    found = link(text, DAY)
    assert list(found.instruments) == instruments
    assert list(found.organisations) == organisations


def test_descriptive_reference_honours_its_date_window() -> None:
    text = "The US response consists of two parts."
    assert link(text, DAY).instruments == ("us-response-2022",)
    assert link(text, dt.date(2001, 10, 3)).instruments == ()
    assert link(text, None).instruments == ()


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        ("Yesterday, NATO declared", dt.date(2001, 10, 3), ["2001-10-02"]),
        ("they met on Tuesday", dt.date(2021, 3, 3), ["2021-03-02"]),
        ("on January 25, I believe", DAY, ["2022-01-25"]),
        ("since mid-December", DAY, ["2021-12"]),
        ("since September 2020", DAY, ["2020-09"]),
        ("on the 11th of September", dt.date(2001, 10, 3), ["2001-09-11"]),
        ("in 1997 and 2,000 troops and 1,500 men", DAY, ["1997"]),
        ("an enlargement next year", dt.date(2001, 10, 3), ["2002"]),
        ("will be here tomorrow; in two days", DAY, ["2022-02-15", "2022-02-16"]),
        ("Brussels on 17 May 1990", None, ["1990-05-17"]),
        ("yesterday", None, []),
    ],
)
def test_dates_mentioned(text: str, day: dt.date | None, expected: list[str]) -> None:
    assert [iso for _, _, iso in dates_mentioned(text, day)] == expected


@pytest.mark.parametrize(
    ("text", "label", "cue"),
    [
        ("Do you think we still have a chance?", "question", "?"),
        ("Of course, we cannot be satisfied with them.", "rejection", "cannot be satisfied"),
        ("It represents a serious provocation.", "accusation", "provocation"),
        ("We insist on a written answer.", "demand", "We insist"),
        ("We will respond in a measured way.", "warning", "We will respond"),
        (
            "NATO is not interested in recreating dividing lines.",
            "assurance",
            "not interested in recreating",
        ),
        ("We will always operate within the law.", "commitment", "We will always"),
        ("I find this proposal good and we support it.", "support", "we support"),
        ("We propose a moratorium.", "proposal", "We propose"),
        ("This is a matter of concern.", "concern", "concern"),
        ("NATO declared that the attack was an attack on all.", "announcement", "declared that"),
        ("It was formulated on ten pages.", "position", None),
    ],
)
def test_stance_and_cue(text: str, label: str, cue: str | None) -> None:
    assert stance(text) == (label, cue)


def test_aliases_are_one_person() -> None:
    ids = {
        person.id
        for alias in ("Putin", "Vladimir Putin", "Vladimir Vladimirovich Putin")
        if (person := person_by_alias(alias)) is not None
    }
    assert ids == {"vladimir-putin"}
    ctx = _Context(dt.date(2001, 10, 3), [])
    labels = ["President Putin", "President of Russia Vladimir Putin", "PUTIN"]
    speakers = [_resolve(label, ctx, standalone=False) for label in labels]
    assert {s.person.id for s in speakers if s and s.person} == {"vladimir-putin"}


def test_role_label_resolves_through_the_role_held_on_the_date() -> None:
    ctx = _Context(dt.date(2001, 10, 3), [])
    speaker = _resolve("NATO Secretary General", ctx, standalone=True)
    assert speaker is not None and speaker.name == "George Robertson"
    ctx = _Context(dt.date(2016, 1, 1), [])
    speaker = _resolve("NATO Secretary General", ctx, standalone=True)
    assert speaker is not None and speaker.name == "Jens Stoltenberg"


def test_unknown_labels() -> None:
    ctx = _Context(None, [])
    first = _resolve("Ambassador Jane Doe", ctx, standalone=False)
    # The title before an unknown name is the role, as in a byline.
    assert first is not None and (first.name, first.role, first.person) == (
        "Jane Doe",
        "Ambassador",
        None,
    )
    again = _resolve("Doe", ctx, standalone=False)
    assert again == first
    assert _resolve("Opening Remarks", ctx, standalone=True) is None
    assert _resolve("Q", ctx, standalone=False) == type(first)(None, "journalist")


def test_gazetteer_extension_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from indivisible._errors import DataError
    from indivisible.ingest import _gazetteer, _link

    (tmp_path / "instruments.yaml").write_text(
        "instruments:\n"
        "  - id: european-security-treaty-2008\n"
        "    patterns: ['\\bMedvedev(?:’s|''s)? (?:draft )?treaty\\b']\n"
        "    window: {from: 2008-06-05, to: null}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("INDIVISIBLE_GAZETTEER", str(tmp_path))
    _gazetteer.load.cache_clear()
    _link._ALIASES.clear()
    try:
        day = dt.date(2009, 11, 30)
        assert link("He discussed Medvedev's draft treaty.", day).instruments == (
            "european-security-treaty-2008",
        )
        assert link("He discussed Medvedev's draft treaty.", dt.date(2007, 1, 1)).instruments == ()
        (tmp_path / "persons.yaml").write_text(
            "persons:\n  - {id: x, name: X Y, title: Dr}\n", encoding="utf-8"
        )
        _gazetteer.load.cache_clear()
        with pytest.raises(DataError, match=r"persons\[0\]: unknown keys \['title'\]"):
            _gazetteer.load()
    finally:
        monkeypatch.delenv("INDIVISIBLE_GAZETTEER")
        _gazetteer.load.cache_clear()
        _link._ALIASES.clear()


# --- folded patterns: the fast path finds what the case-insensitive pattern finds -----

_CORPUS = Path(__file__).parent / "corpus"


def _lines() -> list[str]:
    lines = [
        line
        for path in sorted(_CORPUS.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    # Case variants: the folded patterns must match upper- and mixed-case text too.
    return lines + [line.upper() for line in lines[::7]] + [line.title() for line in lines[::11]]


def _all_patterns() -> list[re.Pattern[str]]:
    gaz = load()
    return (
        [p for e in gaz.entries for p in e.patterns]
        + [p for _, p in gaz.rules.stances]
        + [p for p, _ in gaz.rules.boilerplate]
        + [p for _, p in _DATE_PATTERNS if p.flags & re.IGNORECASE]
    )


def test_every_case_insensitive_pattern_folds() -> None:
    assert all(fold(p) is not None for p in _all_patterns())


def test_folded_patterns_match_where_the_patterns_do() -> None:
    lines = _lines()
    for pattern in _all_patterns():
        folded = fold(pattern)
        assert folded is not None
        for line in lines:
            want = pattern.search(line)
            got = folded.search(line.lower()) if len(line.lower()) == len(line) else want
            assert (want and want.span()) == (got and got.span()), (pattern.pattern, line)


def test_the_fast_paths_find_what_the_slow_ones_do() -> None:
    """Other languages' speech verbs on lowered text, and Cyrillic-only patterns skipped."""
    from indivisible.ingest._gazetteer import _cyrillic_only
    from indivisible.ingest._structure import FOREIGN_SAID, foreign_said

    lines = _lines()
    for line in lines:
        assert [m.span() for m in foreign_said(line)] == [
            m.span() for m in FOREIGN_SAID.finditer(line)
        ], line
    skipped = [f for e in load().patterned for f in e.folded or () if _cyrillic_only(f)]
    assert skipped  # the multilingual names hold some
    for line in lines:
        if not re.search(r"[\u0400-\u04ff]", line):
            assert not any(f.search(line.lower()) for f in skipped), line


@pytest.mark.parametrize(
    ("source", "text", "span"),
    [
        (r"\bOSCE\b", "the Osce decided", (4, 8)),
        (r"(?P<Mon>MAY)\s\S+", "in May Day", (3, 10)),  # group name kept, \S not lowered
        (r"[A-Z]{2}\d", "ab1 AB2", (0, 3)),
        (r"\bNATO\b", "senatorial", None),  # good/bad twin: no word boundary, no match
    ],
)
def test_fold_keeps_escapes_and_group_names(
    source: str, text: str, span: tuple[int, int] | None
) -> None:
    folded = fold(re.compile(source, re.IGNORECASE))
    assert folded is not None
    m = folded.search(text.lower())
    assert (m.span() if m else None) == span
    if m and "?P<" in source:
        assert m.group("Mon") == "may"


def test_fold_refuses_case_sensitive_patterns() -> None:
    assert fold(re.compile(r"\bUN\b")) is None


def test_cyrillic_and_german_short_names_of_organisations() -> None:
    # The record's aliases feed ingestion: a Russian text names NATO, the OSCE, the UN and
    # the CSTO by their Cyrillic acronyms.
    found = link("НАТО, ОБСЕ, ООН и ОДКБ обсудили безопасность; the E.U. agreed.", None)
    assert set(found.organisations) == {"nato", "osce", "un", "csto", "eu"}
    assert link("Die OSZE tagt", None).organisations == ("osce",)


def test_an_inf_agreement_is_the_treaty_and_an_inf_range_is_not() -> None:
    assert link("Russia left the INF agreement in 2019.", None).instruments == ("inf-1987",)
    assert link("Missiles of INF range were deployed.", None).instruments == ()


# --- an undated text is read as written after the latest instrument it names --------------


def test_an_undated_text_naming_new_start_means_it_by_the_start_treaty(tmp_path: Path) -> None:
    from ._docs import parse_written

    text = (
        "Moscow on arms control\n\n"
        "Russia will keep to the limits of the New START Treaty for one more year, the "
        "minister said. Moscow is ready to comply with the START Treaty if Washington does.\n"
    )
    doc = parse_written(tmp_path, text)
    found = {i for s in doc.statements for i in s.instruments}
    assert found == {"new-start-2010"}


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        # Nothing in it says when it was written: the generic name is the 1991 treaty's.
        ("Moscow is ready to comply with the START Treaty.", None, {"start-1991"}),
        # A dated text before New START: START I.
        ("Moscow is ready to comply with the START Treaty.", dt.date(2005, 3, 1), {"start-1991"}),
    ],
    ids=["undated-alone", "dated-2005"],
)
def test_the_start_treaty_alone_stays_start_i(
    text: str, day: dt.date | None, expected: set[str]
) -> None:
    from indivisible.ingest._link import written_after

    assert (
        set(link(text, day, written_after(text) if day is None else None).instruments) == expected
    )


def test_written_after_is_the_latest_signature_named() -> None:
    from indivisible.ingest._link import written_after

    assert written_after("the INF Treaty and New START") == dt.date(2010, 4, 8)
    assert written_after("no instrument here") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "suspending compliance with the Intermediate-Range Nuclear Forces (INF) treaty",
            "inf-1987",
        ),
        ("the Intermediate-Range Nuclear Forces (INF) Treaty", "inf-1987"),
        ("under the Strategic Offensive Reductions (SORT) treaty of 2002", "sort-2002"),
    ],
    ids=["lower-case-noun", "capitalised-noun", "sort"],
)
def test_a_name_with_its_abbreviation_in_brackets_before_treaty_in_any_case(
    text: str, expected: str
) -> None:
    assert link(text, None).instruments == (expected,)


@pytest.mark.parametrize(
    ("text", "instruments", "organisations"),
    [
        ("Nato-Generalsekretär Jens Stoltenberg", (), ("nato",)),
        ("der OSZE-Vorsitz", (), ("osce",)),
        ("NATO-led forces", (), ("nato",)),
        ("NATO-EU relations", (), ("nato", "eu")),
        ("the NATO-Russia Council met", (), ("nato-russia-council",)),
        # A numeral after the hyphen is another treaty's name, not a compound.
        ("START-2 was never ratified", (), ()),
        ("the START-1 treaty", ("start-1991",), ()),
    ],
    ids=["de-nato", "de-osce", "en-nato-led", "nato-eu", "nrc", "start-2", "start-1"],
)
def test_a_name_joined_to_a_word_by_a_hyphen_is_still_named(
    text: str, instruments: tuple[str, ...], organisations: tuple[str, ...]
) -> None:
    found = link(text, None)
    assert (found.instruments, found.organisations) == (instruments, organisations)
