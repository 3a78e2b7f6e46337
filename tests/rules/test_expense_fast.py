"""The "not at the expense of others" test without pandas: the same results as with it.

``_expense.test_entry`` compares deployments, forces and exercises on the arrays and rows of
``indicators._profile.profile_arrays`` (no pandas) instead of the tables of
``indicators.profile``. These tests pin that the rows are the profile table's rows and that
every test and every finding is identical to the table path's, on the shipped examples (on
their dates) and on the scenarios of the YAML rule cases.
"""

from __future__ import annotations

import math
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest
import yaml

from indivisible.record import Record
from indivisible.rules import _expense
from indivisible.world import load_scenario

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(
    p for p in (ROOT / "examples").glob("*.yaml") if p.name != "second-strike-2022.yaml"
)
CASES = sorted((Path(__file__).parent / "cases").glob("*.yaml"))


@pytest.fixture(scope="module")
def rec() -> Record:
    return Record.load()


def _case_scenarios() -> Iterator[tuple[str, Any, str]]:
    for path in CASES:
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            yield f"{path.stem}:{case['name']}", case["scenario"], str(case["date"])


def _load(rec: Record, spec: Any, base: Path) -> Any:
    if isinstance(spec, str):
        return load_scenario((base / spec).resolve(), rec)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scenario.yaml"
        path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
        return load_scenario(path, rec)


def _same(x: float, y: float) -> bool:
    return x == y or (math.isnan(x) and math.isnan(y))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("families", [("range",), ("proximity",)])
def test_profile_values_are_the_profile_rows(
    rec: Record, path: Path, families: tuple[str, ...]
) -> None:
    from indivisible.indicators import profile
    from indivisible.indicators._profile import profile_values

    sc = load_scenario(path, rec)
    table = profile(rec, sc, sc.date, families=families).table
    want = [
        (r.state, r.indicator, r.reading, r.value, r.unit, r.direction) for r in table.itertuples()
    ]
    got = profile_values(rec, sc, sc.date, families=families)
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        assert g[:3] == w[:3] and g[4:] == w[4:] and _same(g[3], cast(float, w[3])), (g, w)


def test_profile_values_refuses_other_families(rec: Record) -> None:
    from indivisible._errors import InputError
    from indivisible.indicators._profile import profile_values

    sc = load_scenario(EXAMPLES[0], rec)
    with pytest.raises(InputError):
        profile_values(rec, sc, sc.date, families=("range", "alliance"))


def _tests_both_ways(rec: Record, sc: Any, on: Any) -> tuple[list[str], list[str]]:
    from indivisible.assess import Tolerance
    from indivisible.rules.types import Context

    ctx = Context(record=rec, scenario=sc, on=on)
    entries = [e for e in _expense.entries_of(ctx) if e.kind != "accession"]
    tol = Tolerance()
    fast, slow = [], []
    for e in entries:
        sig = _expense._signature(ctx, e.kind)
        _expense._CACHE.clear()
        fast.append(repr(_expense._compare_rows(ctx, e, tol, sig)))
        _expense._CACHE.clear()
        slow.append(repr(_expense._compare_tables(ctx, e, tol, sig)))
    _expense._CACHE.clear()
    return fast, slow


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_rows_compare_as_tables_on_examples(rec: Record, path: Path) -> None:
    sc = load_scenario(path, rec)
    fast, slow = _tests_both_ways(rec, sc, sc.date)
    assert fast == slow


@pytest.mark.parametrize(("name", "spec", "on"), list(_case_scenarios()), ids=lambda v: str(v))
def test_rows_compare_as_tables_on_cases(rec: Record, name: str, spec: Any, on: str) -> None:
    import datetime as dt

    sc = _load(rec, spec, CASES[0].parent)
    fast, slow = _tests_both_ways(rec, sc, dt.date.fromisoformat(on))
    assert fast == slow


def _findings(rec: Record, sc: Any, on: Any) -> str:
    from indivisible.rules import evaluate

    _expense._CACHE.clear()
    try:
        return repr(evaluate(rec, sc, on))
    finally:
        _expense._CACHE.clear()


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_findings_identical_to_the_table_path(
    rec: Record, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sc = load_scenario(path, rec)
    fast = _findings(rec, sc, sc.date)
    monkeypatch.setattr(_expense, "_compare_rows", _expense._compare_tables)
    slow = _findings(rec, sc, sc.date)
    assert fast == slow


def test_check_does_not_import_pandas() -> None:
    code = (
        "import contextlib, io, sys\n"
        "sys.argv = ['indivisible', 'check', sys.argv[1]]\n"
        "from indivisible.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        main()\n"
        "    except SystemExit:\n"
        "        pass\n"
        "assert 'pandas' not in sys.modules, 'pandas imported'\n"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(ROOT / "examples" / "europe-2022-02.yaml")],
        check=True,
        cwd=ROOT,
    )


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_rows_of_moved_states_only_equal_all_rows(
    rec: Record, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows built only for the states the arrays say moved: the same test as with all rows."""
    sc = load_scenario(path, rec)
    fast, _ = _tests_both_ways(rec, sc, sc.date)
    monkeypatch.setattr(_expense, "_arrays_changed_states", lambda before, after: None)
    every, _ = _tests_both_ways(rec, sc, sc.date)
    assert fast == every
