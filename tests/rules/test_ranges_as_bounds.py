"""Ranges as bounds (#12 item 2): both ends of a range interval are readings of the rules.

The Iskander-M's range is Russia's "up to 500 km" with a stated low end of 50 km, and
CSIS's "about 500 km". A "not at the expense" finding that holds at one end and is breached
at the other depends on where in the interval the true range lies: ``undetermined``, never
``breached``, naming the end that decides. INF: no breached finding for the Iskander-M, the
9M729 stays disputed with each reading.
"""

from __future__ import annotations

import pytest

from indivisible.record import Record
from indivisible.world import load_scenario

EXAMPLE = "examples/europe-2022-02.yaml"


@pytest.fixture(scope="module")
def findings() -> dict[str, list]:  # type: ignore[type-arg]
    from indivisible.rules import evaluate

    rec = Record.load()
    sc = load_scenario(EXAMPLE, rec)
    return {
        inst: evaluate(rec, sc, "2019-02-15", instruments=[inst])
        for inst in ("istanbul-charter-1999", "inf-1987")
    }


def test_istanbul_iskander_is_undetermined_between_the_ends(findings: dict) -> None:  # type: ignore[type-arg]
    isk = [f for f in findings["istanbul-charter-1999"] if f.subject == "iskander-kaliningrad"]
    (overall,) = [f for f in isk if f.reading is None]
    assert overall.result == "undetermined"
    assert "The end that decides: RUS (inner)" in overall.evidence
    assert "50 km" in overall.evidence and "500 km" in overall.evidence
    by = {f.reading: f.result for f in isk if f.reading is not None}
    assert by["RUS (inner)"] == "holds"
    assert by["RUS"] == by["csis"] == "breached"


def test_istanbul_9m729_is_disputed_with_the_outer_end_of_the_us_interval(
    findings: dict,  # type: ignore[type-arg]
) -> None:
    ky = [f for f in findings["istanbul-charter-1999"] if f.subject == "9m729-kapustin-yar"]
    (overall,) = [f for f in ky if f.reading is None]
    assert overall.result == "disputed"
    by = {f.reading: f.result for f in ky if f.reading is not None}
    assert by["USA (outer)"] == "breached" and by["USA"] == "holds"


def test_inf_no_breach_for_iskander_and_9m729_disputed(findings: dict) -> None:  # type: ignore[type-arg]
    inf = findings["inf-1987"]
    assert not [f for f in inf if f.subject == "iskander-kaliningrad" and f.result == "breached"]
    ky = [f for f in inf if f.subject == "9m729-kapustin-yar"]
    assert [f.result for f in ky if f.reading is None] == ["disputed"]
    assert {f.reading for f in ky if f.reading} == {"RUS", "USA", "faz-2019"}


def test_no_breached_finding_where_the_ends_of_an_interval_differ(findings: dict) -> None:  # type: ignore[type-arg]
    from indivisible.world.types import reading_end

    for fs in findings.values():
        groups: dict[tuple, list] = {}  # type: ignore[type-arg]
        for f in fs:
            groups.setdefault((f.instrument, f.clause, f.party, f.subject), []).append(f)
        for group in groups.values():
            per = {f.reading: f.result for f in group if f.reading is not None}
            split = any(
                end is not None and who in per and per[who] != res
                for r, res in per.items()
                for who, end in [reading_end(r)]
            )
            if split:
                assert all(f.result != "breached" for f in group if f.reading is None)
