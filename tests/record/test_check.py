"""The data check passes on good data and fails loudly, located, on broken copies."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from indivisible.record import check
from indivisible.record._check import check_raw
from indivisible.record._load import load_raw

MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture
def broken(tmp_path: Path) -> Callable[[str, str, str], Path]:
    """Copy the mini record and replace one text in one file."""

    def make(file: str, old: str, new: str) -> Path:
        root = tmp_path / "data"
        shutil.copytree(MINI, root)
        target = root / file
        text = target.read_text()
        assert old in text, f"{old!r} not in {file}"
        target.write_text(text.replace(old, new, 1))
        return root

    return make


def _osce_free(problems: Sequence[object]) -> list[str]:
    # the mini extract has 0 OSCE-flagged states; that check is exercised on the bundle
    return [str(p) for p in problems if "participating States" not in str(p)]


def test_mini_record_is_clean() -> None:
    assert _osce_free(check(MINI)) == []


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "memberships.yaml",
            "source: nato-members}\n- {org: nato, state: POL",
            "source: no-such-source}\n- {org: nato, state: POL",
            "memberships.yaml:1: membership USA in nato from 1949-08-24: source "
            "'no-such-source' is not in the bibliography",
        ),
        (
            "memberships.yaml",
            "state: POL, start: 1999-03-12",
            "state: POK, start: 1999-03-12",
            "memberships.yaml:2: membership POK in nato from 1999-03-12: unknown state 'POK'",
        ),
        (
            "memberships.yaml",
            "start: 1999-03-12, source: nato-members}",
            "start: 1999-03-12, source: nato-members}\n"
            "- {org: nato, state: POL, start: 2004-03-29, source: nato-members}",
            "membership POL in nato from 2004-03-29: overlaps the period from 1999-03-12 (open)",
        ),
        (
            "instruments/abm-1972.yaml",
            "{event: withdrawn, party: USA, date: 2002-06-13",
            "{event: withdrawn, party: USA, date: 2001-06-13",
            "instrument abm-1972 party USA: withdrawn before notice",
        ),
        (
            "instruments/abm-1972.yaml",
            "{event: terminated, date: 2002-06-13",
            "{event: terminated, date: 1902-06-13",
            "date 1902-06-13 is before 1945-01-01",
        ),
        (
            "memberships.yaml",
            "state: POL, start: 1999-03-12",
            "state: POL, start: 1939-03-12",
            "starts before nato was founded (1949-08-24)",
        ),
    ],
)
def test_broken_copies_fail_with_located_message(
    broken: Callable[[str, str, str], Path], file: str, old: str, new: str, expected: str
) -> None:
    problems = [str(p) for p in check(broken(file, old, new))]
    assert any(expected in p for p in problems), problems


def test_unparseable_file_is_one_located_problem(
    broken: Callable[[str, str, str], Path],
) -> None:
    root = broken("instruments/inf-1987.yaml", "kind: treaty", "kind: [treaty")
    problems = [str(p) for p in check(root)]
    assert len(problems) == 1
    assert "inf-1987.yaml:" in problems[0] and "invalid YAML" in problems[0]


def test_unknown_key_is_located(broken: Callable[[str, str, str], Path]) -> None:
    root = broken("instruments/inf-1987.yaml", "short: INF Treaty", "short: INF Treaty\nshrot: x")
    (problem,) = check(root)
    assert str(problem).endswith("inf-1987.yaml:4: field 'shrot': unknown key 'shrot'")


def test_bundled_record_passes() -> None:
    assert check() == []


def test_check_raw_counts_osce_states() -> None:
    raw = load_raw()
    assert sum(s.osce for s in raw.states.values()) == 57
    assert check_raw(raw) == []
