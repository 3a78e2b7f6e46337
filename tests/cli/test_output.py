"""Outputs people read: summary first, 100 columns, totals not display limits, plain words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import Run

ROOT = Path(__file__).parents[2]
CLI = Callable[..., Run]
BASELINE = str(ROOT / "examples/actions/baselines/europe-2018-02-04.yaml")
ISKANDER = str(ROOT / "examples/actions/iskander-kaliningrad-2018.yaml")


def test_assess_of_the_shipped_example_starts_with_the_summary_and_fits(cli: CLI) -> None:
    """``make run``'s first command: the answer first, every line within 100 columns."""
    r = cli("assess", BASELINE, "--action", ISKANDER)
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert lines[0].startswith("The move raises the security of Russia")
    first = " ".join(lines[: lines.index("")])
    # under the sourced threat reading (the default), Lithuania regards Russia as a threat
    assert "lowers the security of Lithuania on 6 indicators" in first
    assert "newly breached under every reading" in first
    assert max(len(x) for x in lines) <= 100
    # Plain words: no infinities, no internal ids for readings or indicators in the tables.
    assert "inf" not in r.out.replace("inf-1987", "")
    assert "none in reach → " in r.out
    assert "exposure_launchers" not in r.out
    assert "Not shown (--all shows them)" in r.out


def test_assess_all_shows_what_the_default_collapses(cli: CLI) -> None:
    short = cli("assess", BASELINE, "--action", ISKANDER)
    full = cli("assess", BASELINE, "--action", ISKANDER, "--all")
    assert full.code == 0, full.err
    assert len(full.out.splitlines()) > len(short.out.splitlines())
    assert "actor safer" in full.out and "actor safer" not in short.out.split("Not shown")[0]
    assert "Not shown" not in full.out
    assert max(len(x) for x in full.out.splitlines()) <= 100


def test_readings_that_agree_are_printed_once(cli: CLI) -> None:
    base = str(ROOT / "examples/actions/baselines/europe-2025-12-31.yaml")
    act = str(ROOT / "examples/actions/us-lrf-germany-2026.yaml")
    r = cli("assess", base, "--action", act)
    assert r.code == 0, r.err
    assert "Russia's figure" in r.out and "FAZ report, 2019" in r.out
    assert "[RUS]" not in r.out and "faz-2019" not in r.out
    assert max(len(x) for x in r.out.splitlines()) <= 100


def test_negotiate_prints_the_total_of_compatible_bundles_not_the_limit(cli: CLI) -> None:
    r = cli(
        "negotiate",
        str(ROOT / "examples/menus/europe-today-kaliningrad.yaml"),
        "--menu",
        str(ROOT / "examples/menus/2020-2022-proposals.yaml"),
        "--parties",
        # Ranges as bounds (#12 item 2) tipped the five-party setting with counter-reach to
        # no compatible bundle (Russia's weighted score, exactly 0 before, falls below 0 at
        # the inner end of the Typhon interval, 500 km, where removing US launchers abroad
        # no longer lowers its exposure): a setting with many compatible bundles is used
        "RUS,POL,LTU",
        "--mode",
        "weighted",
        "--weights",
        str(ROOT / "examples/perspectives"),
        "--indicators",
        "exposure_launchers,exposure_nuclear_launchers,alliance_cover",
        "--limit",
        "5",
    )
    assert r.code == 0, r.err
    head = r.out.split("\n\n")[0] if "\n\n" in r.out else r.out.splitlines()[0]
    assert head.startswith("704 bundles of 768 are compatible"), head
    assert "the best 5 are listed" in " ".join(r.out.splitlines()[:3])


@pytest.mark.parametrize(
    ("x", "text"), [(float("inf"), "none in reach"), (float("nan"), "not known"), (2.5, "2.5")]
)
def test_values_in_words(x: float, text: str) -> None:
    from indivisible._glossary import value

    assert value(x) == text


def test_glossary_page_is_in_step_with_the_table() -> None:
    from indivisible._glossary import markdown

    assert (ROOT / "docs/glossary.md").read_text(encoding="utf-8") == markdown()


def test_check_summary_first_breached_and_disputed_then_the_rest_collapsed(cli: CLI) -> None:
    example = str(ROOT / "examples/europe-2022-02.yaml")
    r = cli("check", example)
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert lines[0].startswith("Europe, February 2022 (public reporting), on 2022-02-14: ")
    assert "breached under every reading" in lines[0]
    assert max(len(x) for x in lines) <= 100
    heads = [x.split(" ")[0] for p, x in zip(["", *lines], lines, strict=False) if not p and x]
    # NOT DETERMINED is shown where a finding is breached at one end of a range interval and
    # not at the other (ranges as bounds, #12 item 2): never breached, always shown
    assert set(heads[1:]) <= {"BREACHED", "DISPUTED:", "NOT", "Not"} and "DISPUTED:" in heads
    assert "NOT DETERMINED: breached under Russia's figure" in r.out
    assert "Not shown:" in r.out and "HOLDS" not in r.out
    # Readings that disagree are shown by who holds them; the same result once.
    assert "breached under FAZ report, 2019; holds under Russia's figure" in " ".join(lines)
    full = cli("check", example, "--all")
    assert "HOLDS" in full.out and "Not shown" not in full.out
    assert len(full.out.splitlines()) > len(lines)
