"""The "not at the expense of others" test on the profile core: the same results as tables.

``_expense.test_entry`` compares every kind of entry (deployments, forces, exercises,
accessions) on the arrays and rows of the profile core (``indicators._profile.profile_arrays``,
the numbers ``indicators.profile`` builds its rows from), not on the tables of
``indicators.profile``. These tests pin that the core's rows are the profile table's rows and
that every test and every finding is identical to comparing the full profile tables with
``compare.deltas`` (``_compare_tables`` below, the reference), on the shipped examples (on
their dates) and on the scenarios of the YAML rule cases.
"""

from __future__ import annotations

import math
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pytest
import yaml

from indivisible.record import Record
from indivisible.rules import _expense
from indivisible.world import load_scenario

if TYPE_CHECKING:
    import datetime as dt

    import pandas as pd

    from indivisible.compare import Tolerance
    from indivisible.rules.types import Context

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
@pytest.mark.parametrize("families", [("range",), ("proximity",), None])
def test_profile_values_are_the_profile_rows(
    rec: Record, path: Path, families: tuple[str, ...] | None
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


def test_profile_values_refuses_unknown_families(rec: Record) -> None:
    from indivisible._errors import InputError
    from indivisible.indicators._profile import profile_values

    sc = load_scenario(EXAMPLES[0], rec)
    with pytest.raises(InputError, match="unknown indicator families"):
        profile_values(rec, sc, sc.date, families=("range", "alliances"))


# ------------------------------------------------ the reference: full profile tables
def _table(
    record: Record,
    scenario: Any,
    on: dt.date,
    kind: _expense.Kind,
    readings: Sequence[str | None] | None = None,
) -> pd.DataFrame:
    from indivisible.indicators import profile

    fams = _expense.FAMILIES[kind]
    table = profile(record, scenario, on, families=fams, evaluate_under=readings).table
    pre = _expense.PREFIXES[kind]
    if pre is not None:
        table = table[table["indicator"].str.startswith(pre)]
    return table.reset_index(drop=True)


def _readings(table: pd.DataFrame) -> set[str]:
    return {str(r) for r in table["reading"] if isinstance(r, str)}


def _spread(table: pd.DataFrame, names: Sequence[str], other: pd.DataFrame) -> pd.DataFrame:
    """Rows without a reading, copied under each of ``names`` (indicators ``other`` splits)."""
    import pandas as pd

    per = set(other.loc[other["reading"].map(lambda r: isinstance(r, str)), "indicator"])
    plain = table["reading"].map(lambda r: not isinstance(r, str)) & table["indicator"].isin(per)
    if not plain.any() or not names:
        return table
    copies = [table[plain].assign(reading=n) for n in names]
    return pd.concat([table[~plain], *copies], ignore_index=True)


def _changed_states(before: pd.DataFrame, after: pd.DataFrame) -> set[str]:
    """States with at least one value that differs (NaN = NaN and inf = inf count as equal)."""
    import numpy as np
    import pandas as pd

    keys = ["state", "indicator", "reading"]
    b = before[[*keys, "value"]].assign(reading=before["reading"].fillna(""))
    a = after[[*keys, "value"]].assign(reading=after["reading"].fillna(""))
    m = pd.merge(b, a, on=keys, how="outer", suffixes=("_b", "_a"))
    vb = m["value_b"].to_numpy(dtype=float)
    va = m["value_a"].to_numpy(dtype=float)
    same = (vb == va) | (np.isnan(vb) & np.isnan(va))
    return set(m.loc[~same, "state"].astype(str))


def _compare_tables(
    ctx: Context, e: _expense.Entry, tol: Tolerance, sig: tuple[Any, ...]
) -> _expense.Compared:
    """``_expense._compare_rows`` on the full profile tables, compared by ``compare.deltas``."""
    from indivisible.compare import deltas

    rec, sc, on = ctx.record, ctx.scenario, ctx.on
    reduced = _expense._reduced(sc, e.kind)
    after = _table(rec, reduced, on, e.kind)
    names_after = sorted(_readings(after)) or None  # the readings of the profile with it
    before = _table(rec, _expense._without(reduced, e), on, e.kind, names_after)
    rb, ra = _readings(before), _readings(after)
    undetermined = _expense._undetermined(e, rb, ra)
    before = _spread(before, sorted(ra - rb), after) if not rb else before
    after = _spread(after, sorted(rb - ra), before) if not ra else after
    names = sorted(rb | ra)
    evals: tuple[str | None, ...] = tuple(names) if names else (None,)
    keep = _changed_states(before, after) | set(e.owners)
    before = before[before["state"].isin(keep)]
    after = after[after["state"].isin(keep)]
    ds = deltas(before, after, tol)
    compared = tuple(
        sorted({str(i) for i in after["indicator"]} | {str(i) for i in before["indicator"]})
    )
    flags = [(d.state, d.indicator, d.reading, d.better) for d in ds]
    outcomes = _expense._outcomes(flags, evals)
    return evals, undetermined, outcomes, [d for d in ds if d.better is not None], compared


def _tests_both_ways(rec: Record, sc: Any, on: Any) -> tuple[list[str], list[str]]:
    from indivisible.assess import Tolerance
    from indivisible.rules.types import Context

    ctx = Context(record=rec, scenario=sc, on=on)
    entries = _expense.entries_of(ctx)
    tol = Tolerance()
    fast, slow = [], []
    for e in entries:
        sig = _expense._signature(ctx, e.kind)
        _expense._CACHE.clear()
        fast.append(repr(_expense._compare_rows(ctx, e, tol, sig)))
        _expense._CACHE.clear()
        slow.append(repr(_compare_tables(ctx, e, tol, sig)))
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
    monkeypatch.setattr(_expense, "_compare_rows", _compare_tables)
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


# ------------------------------------------------ the arrays path against the rows path
MIXED = {
    "scenario": "A disputed and an undisputed range",
    "date": "2022-02-14",
    "sources": [{"id": "test-fixture", "title": "Test fixture"}],
    "systems": [
        {
            "id": "test-sam",
            "name": "test interceptor",
            "class": "interceptor",
            "basing": "ground",
            "range_km": 160,
            "source": "test-fixture",
        }
    ],
    "deployments": [
        {
            "id": "isk",
            "owner": "RUS",
            "host": "RUS",
            "site": {"name": "Chernyakhovsk", "lat": 54.63, "lon": 21.82},
            "system": "iskander-m",
            "count": 1,
            "count_of": "brigades",
            "since": "1990-01-01",
        },
        {
            "id": "sam-waw",
            "owner": "USA",
            "host": "POL",
            "site": {"name": "Warsaw", "lat": 52.23, "lon": 21.01},
            "system": "test-sam",
            "count": 1,
            "count_of": "batteries",
            "since": "1990-01-01",
        },
    ],
}


def test_arrays_path_equals_rows_path(rec: Record, monkeypatch: pytest.MonkeyPatch) -> None:
    """``_arrays_moves`` gives what the rows path gives, on every pairing it takes.

    Every entry (but accessions) of the examples and of a scenario with one disputed and
    one undisputed range, with the profile without the entry under the readings of the one
    with it (as the test takes it) and under its own (an undisputed side spread over the
    other's readings), both ways round, under three tolerances; each branch is reached.
    """
    import datetime as dt

    from indivisible.compare import Tolerance
    from indivisible.rules.types import Context

    seen: dict[str, int] = {"fast": 0, "spread": 0}
    aligned, moves = _expense._aligned, _expense._arrays_moves

    def spy_aligned(*args: Any) -> Any:
        got = aligned(*args)
        seen["spread"] += got is not None and got[3]
        return got

    def spy_moves(*args: Any) -> Any:
        got = moves(*args)
        seen["fast"] += got is not None
        return got

    monkeypatch.setattr(_expense, "_aligned", spy_aligned)
    monkeypatch.setattr(_expense, "_arrays_moves", spy_moves)
    tols = [
        Tolerance(),
        Tolerance(relative=0.0, absolute=0.0),
        Tolerance(per_indicator={"exposure_launchers": (0.5, 2.0)}),
    ]
    scenarios = [load_scenario(p, rec) for p in EXAMPLES] + [_load(rec, MIXED, ROOT)]
    for sc in scenarios:
        for on in {sc.date, dt.date(2020, 1, 1)}:
            ctx = Context(record=rec, scenario=sc, on=on)
            for e in _expense.entries_of(ctx):
                if e.kind == "accession":
                    continue
                reduced = _expense._reduced(sc, e.kind)
                after = _expense._arrays(rec, reduced, on, e.kind)
                without = _expense._without(reduced, e)
                ranged = e.kind == "deployment"
                for names in [after.readings if ranged else None, None]:
                    before = _expense._arrays(rec, without, on, e.kind, names)
                    for tol in tols:
                        for b, a in [(before, after), (after, before)]:
                            fast = _expense._compare_values(e, b, a, tol)
                            rows = _expense._compare_values(e, b, a, tol, fast=False)
                            assert fast == rows, (sc.scenario, on, e.id, names)
    assert seen["fast"] > 0 and seen["spread"] > 0, seen
