"""Range mode with traced inputs: each rule runs again only when what it read changes.

The range mode must give exactly what evaluating every breakpoint gives (the mode before
tracing) and what a day-by-day loop gives, including changes on days that no breakpoint
names (a deadline a rule computes from a record date).
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indivisible.record import Record
from indivisible.rules import _engine
from indivisible.rules._registry import REGISTRY, Registry
from indivisible.rules._trace import FAR, Trace, TracedDate, TracedRecord
from indivisible.rules.types import RESULTS, Call, Finding, Result, rule
from indivisible.world import load_scenario

EXAMPLES = Path(__file__).parents[2] / "examples"
DAY = dt.timedelta(days=1)


@pytest.fixture(scope="module")
def rec() -> Record:
    return Record.load()


def _every_breakpoint(
    rec: Record, sc: Any, pts: list[dt.date], end: dt.date, insts: Any, party: Any, reg: Registry
) -> tuple[list[dt.date], list[list[Finding]]]:
    """The range mode before tracing: every rule on every breakpoint."""
    return pts, [
        _engine.evaluate(rec, sc, q, instruments=insts, party=party, registry=reg) for q in pts
    ]


def _changes(res: _engine.RangeResult) -> list[dict[str, Any]]:
    return [c.to_json() for c in res.changes]


@pytest.mark.parametrize("name", ["europe-1997-05-27.yaml", "what-if-ukraine-in-nato.yaml"])
def test_traced_range_equals_every_breakpoint(
    rec: Record, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    sc = load_scenario(EXAMPLES / name, rec)
    d1, d2 = dt.date(1990, 1, 1), dt.date(2026, 12, 31)
    traced = _engine.evaluate_range(rec, sc, d1, d2)
    monkeypatch.setattr(_engine, "_evaluate_points", _every_breakpoint)
    full = _engine.evaluate_range(rec, sc, d1, d2)
    assert _changes(traced) == _changes(full)
    assert [f.to_json() for f in traced.initial] == [f.to_json() for f in full.initial]
    assert traced.keys == full.keys or sorted(traced.keys) == sorted(full.keys)


def _day_loop_changes(
    rec: Record, sc: Any, d1: dt.date, d2: dt.date, reg: Registry, insts: list[str] | None
) -> list[tuple[Any, ...]]:
    naive = _engine.evaluate_days_naive(rec, sc, d1, d2, instruments=insts, registry=reg)
    prev: dict[Any, Result] = {}
    want: list[tuple[Any, ...]] = []
    for i, (day, fs) in enumerate(naive):
        now = {f.key(): f.result for f in fs}
        if i:
            want += [
                (day, k, prev.get(k), now.get(k))
                for k in set(prev) | set(now)
                if prev.get(k) != now.get(k)
            ]
        prev = now
    return sorted(want, key=str)


def _range_changes(res: _engine.RangeResult) -> list[tuple[Any, ...]]:
    got = [
        (
            c.date,
            (c.instrument, c.clause, c.party or "", c.subject or "", c.reading or ""),
            c.before,
            c.after,
        )
        for c in res.changes
    ]
    return sorted(got, key=str)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("1991-12-20", "1992-01-10"),  # successor states, a year boundary
        ("2007-12-05", "2007-12-20"),  # the CFE suspension
        ("2017-01-30", "2017-02-15"),  # scenario deployments start
        ("2022-02-10", "2022-02-20"),  # scenario items end
    ],
)
def test_traced_range_equals_day_loop_on_every_instrument(
    rec: Record, start: str, end: str
) -> None:
    sc = load_scenario(EXAMPLES / "europe-2022-02.yaml", rec)
    d1, d2 = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    res = _engine.evaluate_range(rec, sc, d1, d2)
    assert _range_changes(res) == _day_loop_changes(rec, sc, d1, d2, REGISTRY, None)


def _deadline_registry(days: int) -> Registry:
    """A throw-away rule whose result flips ``days`` after the INF Treaty's entry into force.

    The flip day is computed by date arithmetic on a record date: no breakpoint names it,
    so only a traced comparison finds it.
    """

    def parties(ctx: Any) -> list[str]:
        return ["USA"]

    def deadline(call: Call) -> Iterable[Finding]:
        inst = call.ctx.record.instruments["inf-1987"]
        eif = min(
            e.date for e in inst.events if e.party is None and e.event == "entered_into_force"
        )
        due = eif + dt.timedelta(days=days)
        late = call.on >= due
        yield call.finding("breached" if late else "holds", f"deadline {due}")

    r = rule(
        instrument="inf-1987",
        clause="art-vi-ban",
        ref="Art. VI",
        text="A throw-away deadline for the test.",
        parties=parties,
        since="entered_into_force",
    )(deadline)
    return Registry.build([r], [])


def test_range_finds_a_change_on_a_day_no_breakpoint_names(rec: Record) -> None:
    sc = load_scenario(EXAMPLES / "europe-2022-02.yaml", rec)
    reg = _deadline_registry(1000)  # 1988-06-01 + 1000 days = 1991-02-26
    d1, d2 = dt.date(1990, 6, 1), dt.date(1991, 6, 1)
    assert dt.date(1991, 2, 26) not in _engine.breakpoints(rec, sc, d1, d2, reg)
    res = _engine.evaluate_range(rec, sc, d1, d2, registry=reg)
    assert _range_changes(res) == _day_loop_changes(rec, sc, d1, d2, reg, None)
    assert [c.date for c in res.changes] == [dt.date(1991, 2, 26)]


OPS: dict[str, Callable[[Any, Any], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
}

_dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))


@given(on=_dates, other=_dates, op=st.sampled_from(sorted(OPS)), left=st.booleans())
def test_a_comparison_holds_until_the_day_it_notes(
    on: dt.date, other: dt.date, op: str, left: bool
) -> None:
    trace = Trace(on)
    d = TracedDate(on, trace)
    fn = OPS[op]
    answer = fn(d, other) if left else fn(other, d)
    assert answer == (fn(on, other) if left else fn(other, on))
    until = min(trace.until, on + dt.timedelta(days=800))
    day = on
    while day < until:  # the answer is the same on every day before the one noted
        assert (fn(day, other) if left else fn(other, day)) == answer
        day += DAY
    if trace.until != FAR:  # and the day noted is not later than the first change
        nxt = trace.until
        first_change = on
        while first_change <= nxt and (
            (fn(first_change, other) if left else fn(other, first_change)) == answer
        ):
            first_change += DAY
        assert nxt <= first_change


def test_fields_keys_and_texts() -> None:
    on = dt.date(2019, 2, 2)
    trace = Trace(on)
    d = TracedDate(on, trace)
    assert d.year == 2019 and trace.until == dt.date(2020, 1, 1)
    assert str(d) == d.isoformat() == f"{d}" == "2019-02-02" and not trace.opaque
    assert d.month == 2 and trace.until == on + DAY
    hash(d)
    assert trace.opaque
    assert d + DAY == dt.date(2019, 2, 3) and d - on == dt.timedelta(0)


def test_record_questions_note_their_own_boundaries(rec: Record) -> None:
    traced = TracedRecord(rec)
    on = dt.date(2007, 6, 1)
    trace = Trace(on)
    traced.start(trace)
    assert traced.party_status("cfe-1990", "RUS", TracedDate(on, trace)) == rec.party_status(
        "cfe-1990", "RUS", on
    )
    # Russia's CFE status changes with the suspension of 2007-12-12
    assert trace.until == dt.date(2007, 12, 12)
    assert not trace.opaque
    traced.party_status("cfe-1990", "RUS", dt.date(2001, 1, 1))  # another date: opaque
    assert trace.opaque
    trace2 = Trace(on)
    traced.start(trace2)
    traced.status_frame(on)  # a question the tracer does not know: opaque
    assert trace2.opaque


def test_the_day_grid_and_the_changes_agree(rec: Record) -> None:
    """Every change is a day on which ``codes`` differs from the day before, and back."""
    import numpy as np

    sc = load_scenario(EXAMPLES / "europe-2022-02.yaml", rec)
    d1 = dt.date(1996, 1, 1)
    res = _engine.evaluate_range(rec, sc, d1, dt.date(2009, 12, 31))
    rows, cols = np.nonzero(np.diff(res.codes, axis=1) != 0)
    from_grid = sorted(
        (
            d1 + dt.timedelta(days=int(c) + 1),
            res.keys[i],
            int(res.codes[i, c]),
            int(res.codes[i, c + 1]),
        )
        for i, c in zip(rows.tolist(), cols.tolist(), strict=True)
    )
    code: dict[str, int] = {r: n for n, r in enumerate(RESULTS)}
    listed = sorted(
        (
            c.date,
            (c.instrument, c.clause, c.party or "", c.subject or "", c.reading or ""),
            code[c.before] if c.before else -1,
            code[c.after] if c.after else -1,
        )
        for c in res.changes
    )
    assert listed == from_grid and len(listed) > 10
