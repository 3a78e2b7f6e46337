"""The engine: evaluate the rules on one date, or on every day of a range.

One date
    For each rule (in registry order) and each party its ``parties`` function names, the
    engine asks the record whether the party is bound on the date. A party not bound gets
    one ``not_applicable`` finding with the reason taken from its status segment. A bound
    party (or any party of a proposal: "what it would require") gets the rule's findings.
    Declared exceptions are then applied to the findings of the rule they qualify, and an
    undeclared conflict (two rules, same subject, different results) is an error.

A range of dates
    Findings can only change on a day when some input changes: a status segment starts or
    ends, a membership starts or ends, a parameter value takes effect, a scenario item
    starts or ends, a calendar year starts, a rule version starts. The engine evaluates
    once per such *breakpoint*, encodes the results as an integer array
    ``[finding key × breakpoint]``, broadcasts it onto the ``[finding key × day]`` grid
    with ``numpy.repeat`` and finds the change days with ``numpy.diff``: no Python loop
    over days.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import heapq
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

import numpy as np
from pydantic import BaseModel

from indivisible._dates import parse_date
from indivisible._errors import InputError
from indivisible.record.types import BINDING_STATUSES
from indivisible.rules._common import bound_line, not_bound_reason
from indivisible.rules._errors import RuleConflictError
from indivisible.rules._registry import REGISTRY, Registry
from indivisible.rules._trace import Trace, TracedDate, TracedRecord
from indivisible.rules.types import (
    ANCHORS,
    RESULTS,
    Call,
    Context,
    Finding,
    MissingData,
    Rule,
    Version,
)

if TYPE_CHECKING:
    from indivisible.record import Record
    from indivisible.world import Scenario

PROPOSAL_NOTE = "Proposal, never in force: what it would require. "


# ---------------------------------------------------------------------------- anchors
def resolve_anchor(record: Record, r: Rule, anchor: str) -> dt.date | None:
    """The date a ``since``/``end`` anchor stands for, from the record (``None``: unknown)."""
    if anchor[:1].isdigit():
        return dt.date.fromisoformat(anchor)
    inst = record.instruments.get(r.instrument)
    if inst is None:
        return None
    if anchor == "signed":
        return inst.signed
    if anchor in ("entered_into_force", "proposed"):
        ds = [e.date for e in inst.events if e.event == anchor]
        return min(ds) if ds else None
    if anchor.startswith("param:"):
        pid = anchor.split(":", 1)[1]
        for c in inst.clauses:
            for p in c.parameters:
                if p.id == pid:
                    return min(v.since for v in p.values)
        return None
    raise AssertionError(f"unknown anchor {anchor!r}; known: {ANCHORS}")  # pragma: no cover


def _version(record: Record, r: Rule, on: dt.date) -> tuple[Version | None, str]:
    """The version of ``r`` in effect on ``on`` and an explain line (or why none)."""
    best: tuple[dt.date, Version] | None = None
    for v in r.versions:
        d = resolve_anchor(record, r, v.since)
        if d is None:
            continue
        if d <= on and (best is None or d >= best[0]):
            best = (d, v)
    if r.end is not None:
        e = resolve_anchor(record, r, r.end)
        if e is not None and on >= e:
            return None, f"rule {r.id} ends on {e.isoformat()} ({r.end})"
    if best is None:
        firsts = [resolve_anchor(record, r, v.since) for v in r.versions]
        known = [d for d in firsts if d is not None]
        when = min(known).isoformat() if known else f"{r.since} (not in the record)"
        return None, f"rule {r.id} applies from {when}; not on {on.isoformat()}"
    return best[1], f"rule {r.id}, version since {best[1].since} ({best[0].isoformat()})"


# ---------------------------------------------------------------------------- one date
def _finding_order(f: Finding) -> tuple[str, str, str]:
    return (f.party or "", f.subject or "", f.reading or "")


def _run(call: Call, fn: Any) -> list[Finding]:
    try:
        return list(fn(call))
    except MissingData as exc:
        return [
            call.finding(
                "undetermined",
                f"The record lacks data this clause needs: {exc}.",
                explain=[f"missing: {exc}"],
            )
        ]


def _apply_exceptions(reg: Registry, found: dict[str, list[Finding]]) -> dict[str, list[Finding]]:
    out = dict(found)
    for r in reg.rules:
        if r.id not in found:
            continue
        excs = [x for x in reg.exceptions_of(r) if x.id in found]
        if not excs:
            continue
        merged: list[Finding] = []
        for f in found[r.id]:
            if f.result != "breached":
                merged.append(f)
                continue
            related = [
                (x, g)
                for x in excs
                for g in found[x.id]
                if g.party == f.party
                and g.subject == f.subject
                and (g.reading is None or g.reading == f.reading)
            ]
            applies = [(x, g) for x, g in related if g.result == "holds"]
            open_ = [(x, g) for x, g in related if g.result in ("disputed", "undetermined")]
            if applies:
                x, g = applies[0]
                f = dataclasses.replace(
                    f,
                    result="holds",
                    evidence=f"{f.evidence} Exception {g.clause} ({x.label or x.id}) applies: "
                    f"{g.evidence}",
                    explain=[*f.explain, f"exception {x.id} applies ({g.clause})", *g.explain],
                )
            elif open_:
                x, g = open_[0]
                f = dataclasses.replace(
                    f,
                    result=g.result,
                    evidence=f"{f.evidence} Whether exception {g.clause} applies is "
                    f"{g.result}: {g.evidence}",
                    explain=[*f.explain, f"exception {x.id} is {g.result}", *g.explain],
                )
            else:
                f = dataclasses.replace(
                    f,
                    explain=[*f.explain, *(f"exception {x.id} does not apply" for x in excs)],
                )
            merged.append(f)
        out[r.id] = _summarise(merged)
    return out


def _summarise(fs: list[Finding]) -> list[Finding]:
    """Add a reading-free summary per subject whose findings are all per reading."""
    groups: dict[tuple[str | None, str | None], list[Finding]] = {}
    for f in fs:
        groups.setdefault((f.party, f.subject), []).append(f)
    out = list(fs)
    for group in groups.values():
        if any(f.reading is None for f in group):
            continue
        results = sorted({f.result for f in group})
        per = "; ".join(f"{f.reading}: {f.result}" for f in group)
        first = group[0]
        out.append(
            dataclasses.replace(
                first,
                result=results[0] if len(results) == 1 else "disputed",
                reading=None,
                evidence=(
                    f"Every reading gives {results[0]} ({per})."
                    if len(results) == 1
                    else f"The finding depends on the reading ({per})."
                ),
                explain=[ln for f in group for ln in f.explain[-1:]],
            )
        )
    return out


def _check_conflicts(
    found: dict[str, list[Finding]],
    key: Callable[[Finding], tuple[str, ...]] = Finding.key,
) -> None:
    seen: dict[tuple[str, ...], tuple[str, Finding]] = {}
    for rid, fs in found.items():
        for f in fs:
            k = key(f)
            if k in seen and seen[k][0] != rid and seen[k][1].result != f.result:
                other, g = seen[k]
                raise RuleConflictError(
                    f"undeclared conflict on {f.party}/{f.subject}: {other} ({g.clause}) says "
                    f"{g.result}, {rid} ({f.clause}) says {f.result}; declare one rule an "
                    "exception to the other"
                )
            seen.setdefault(k, (rid, f))


def evaluate(
    record: Record,
    scenario: Scenario,
    on: str | dt.date,
    *,
    instruments: Iterable[str] | None = None,
    party: str | None = None,
    registry: Registry = REGISTRY,
) -> list[Finding]:
    """Every finding of the rules on one date.

    Args:
        record: the record (who is bound, parameters, memberships).
        scenario: the scenario (holdings, deployments, exercises...).
        on: the date.
        instruments: restrict to these instrument ids (all when ``None``).
        party: restrict to findings about this party.
        registry: the rule set (the bundled one by default).

    Returns:
        Findings, in registry order, then party, subject and reading.

    Raises:
        InputError: an unknown instrument id.
        RuleConflictError: two rules disagree on a subject with no declared precedence.
    """
    d = parse_date(on, field="on")
    if instruments is not None:
        instruments = list(instruments)
        known = set(registry.instruments())
        for i in instruments:
            if i not in known:
                raise InputError(
                    f"no rules for instrument {i!r} (known: {', '.join(sorted(known))})",
                    field="--instrument",
                )
    ctx = Context(record=record, scenario=scenario, on=d)
    found: dict[str, list[Finding]] = {}
    for r in registry.select(instruments):
        found[r.id] = list(_evaluate_rule(ctx, r, party))
    found = _apply_exceptions(registry, found)
    _check_conflicts(found)
    out: list[Finding] = []
    for r in registry.select(instruments):
        out.extend(
            sorted(found[r.id], key=lambda f: (f.party or "", f.subject or "", f.reading or ""))
        )
    return out


def _evaluate_rule(ctx: Context, r: Rule, only: str | None) -> Iterator[Finding]:
    parties, missing = _rule_parties(ctx, r, only)
    yield from missing
    for p in parties:
        yield from _evaluate_party(ctx, r, p)


def _rule_parties(ctx: Context, r: Rule, only: str | None) -> tuple[list[str], list[Finding]]:
    """The parties a rule is evaluated for on the date, and a finding if it cannot tell."""
    missing: list[Finding] = []
    try:
        parties = list(r.parties(ctx))
    except MissingData as exc:
        parties = []
        missing.append(
            Finding(
                r.instrument, r.ref, None, None, "undetermined", None, f"{exc}.", "", [str(exc)]
            )
        )
    if only is not None:
        parties = [p for p in parties if p == only]
    return parties, missing


def _evaluate_party(ctx: Context, r: Rule, p: str) -> Iterator[Finding]:
    """The findings of one rule for one party on the context's date."""
    record = ctx.record
    inst = record.instruments.get(r.instrument)
    version, vline = _version(record, r, ctx.on)
    proposed = inst is not None and inst.binding == "proposed"
    via = r.binding_via or r.instrument
    call = Call(ctx=ctx, rule=r, party=p, proposed=proposed)
    if inst is None:
        yield call.finding(
            "undetermined",
            f"The record has no instrument {r.instrument}.",
            explain=[f"missing: instrument {r.instrument}"],
        )
        return
    if version is None:
        status = None if proposed or r.binding == "rule" else record.party_status(via, p, ctx.on)
        if status is not None and status not in BINDING_STATUSES:
            # the party's status is the more telling reason (e.g. ratified, never in force)
            reason, src, line = not_bound_reason(ctx, via, p)
            yield call.finding("not_applicable", reason + ".", sources=[src], explain=[line, vline])
            return
        yield call.finding("not_applicable", vline[0].upper() + vline[1:] + ".", explain=[vline])
        return
    if proposed:
        head = [
            f"record: {r.instrument} is a proposal (binding: proposed); "
            "evaluated as what it would require",
            vline,
        ]
        for f in _run(call, version.fn):
            yield dataclasses.replace(
                f, evidence=PROPOSAL_NOTE + f.evidence, explain=[*head, *f.explain]
            )
        return
    status = "in_force" if r.binding == "rule" else record.party_status(via, p, ctx.on)
    if status not in BINDING_STATUSES:
        reason, src, line = not_bound_reason(ctx, via, p)
        yield call.finding("not_applicable", reason + ".", sources=[src], explain=[line, vline])
        return
    head = [vline] if r.binding == "rule" else [bound_line(ctx, via, p), vline]
    for f in _run(call, version.fn):
        yield dataclasses.replace(f, explain=[*head, *f.explain])


# ---------------------------------------------------------------------------- range
@dataclass(frozen=True)
class Change:
    """A finding whose result changes on ``date`` (``before``/``after`` ``None``: absent)."""

    date: dt.date
    instrument: str
    clause: str
    party: str | None
    subject: str | None
    reading: str | None
    before: str | None
    after: str | None
    evidence: str

    def to_json(self) -> dict[str, Any]:
        """The change as a JSON mapping."""
        return {
            "date": self.date.isoformat(),
            "instrument": self.instrument,
            "clause": self.clause,
            "party": self.party,
            "subject": self.subject,
            "reading": self.reading,
            "before": self.before,
            "after": self.after,
            "evidence": self.evidence,
        }


@dataclass(frozen=True)
class RangeResult:
    """The outcome of a range evaluation.

    Attributes:
        start, end: the range (both included).
        initial: the findings on ``start``.
        changes: every change after ``start``, by date.
        codes: ``int8`` array ``[finding key × day]`` of result codes (index into
            ``RESULTS``; ``-1`` where the finding does not exist on that day).
        keys: the finding keys, one per row of ``codes``.
    """

    start: dt.date
    end: dt.date
    initial: list[Finding]
    changes: list[Change]
    codes: np.ndarray
    keys: list[tuple[str, str, str, str, str]]

    @property
    def dates(self) -> list[dt.date]:
        """The dates on which at least one finding changes."""
        return sorted({c.date for c in self.changes})


def _walk_dates(obj: Any, out: set[dt.date], depth: int = 0) -> None:
    if depth > 8 or obj is None:
        return
    if isinstance(obj, dt.date):
        out.add(obj)
        out.add(obj + dt.timedelta(days=1))
    elif isinstance(obj, str | int | float | bool):
        return
    elif isinstance(obj, dict):
        for v in obj.values():
            _walk_dates(v, out, depth + 1)
    elif isinstance(obj, list | tuple | set | frozenset):
        for v in obj:
            _walk_dates(v, out, depth + 1)
    elif dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            _walk_dates(getattr(obj, f.name), out, depth + 1)
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            _walk_dates(getattr(obj, name), out, depth + 1)


def breakpoints(
    record: Record,
    scenario: Scenario,
    start: dt.date,
    end: dt.date,
    registry: Registry = REGISTRY,
) -> list[dt.date]:
    """Every day in ``[start, end]`` on which some input of the rules may change."""
    pts: set[dt.date] = {start}
    for s in record.segments:
        pts.add(s.start)
        pts.add(s.end)
    for m in record.memberships:
        pts.add(m.start)
        if m.end is not None:
            pts.add(m.end)
    for inst in record.instruments.values():
        for c in inst.clauses:
            for p in c.parameters:
                pts.update(v.since for v in p.values)
    for r in registry.rules:
        for v in r.versions:
            d = resolve_anchor(record, r, v.since)
            if d is not None:
                pts.add(d)
        if r.end is not None:
            e = resolve_anchor(record, r, r.end)
            if e is not None:
                pts.add(e)
    _walk_dates(scenario, pts)
    pts.update(dt.date(y, 1, 1) for y in range(start.year, end.year + 1))
    return sorted(p for p in pts if start <= p <= end)


def evaluate_range(
    record: Record,
    scenario: Scenario,
    start: str | dt.date,
    end: str | dt.date,
    *,
    instruments: Iterable[str] | None = None,
    party: str | None = None,
    registry: Registry = REGISTRY,
) -> RangeResult:
    """Evaluate every day of ``[start, end]`` and report the days on which findings change.

    Raises:
        InputError: ``end`` before ``start``, or an unknown instrument id.
    """
    d1, d2 = parse_date(start, field="--from"), parse_date(end, field="--to")
    if d2 < d1:
        raise InputError(f"--to {d2.isoformat()} is before --from {d1.isoformat()}", field="--to")
    insts = list(instruments) if instruments is not None else None
    pts = breakpoints(record, scenario, d1, d2, registry)
    pts, per_point = _evaluate_points(record, scenario, pts, d2, insts, party, registry)
    index: dict[tuple[str, str, str, str, str], int] = {}
    code_of = {r: i for i, r in enumerate(RESULTS)}
    # Breakpoints where nothing was evaluated anew share the previous one's list, and a
    # finding reused from one breakpoint to the next is the same object: rows and codes
    # are built once per list and looked up once per finding (by identity; per_point
    # keeps every finding alive).
    row_code: dict[int, tuple[int, int]] = {}
    column_of: dict[int, int] = {}  # id(list) -> column of the distinct lists
    rows_of: list[list[int]] = []
    codes_of: list[list[int]] = []
    point_column = np.empty(len(per_point), dtype=np.int64)
    for j, fs in enumerate(per_point):
        col = column_of.get(id(fs))
        if col is None:
            col = column_of[id(fs)] = len(rows_of)
            rs: list[int] = []
            cs: list[int] = []
            for f in fs:
                rc = row_code.get(id(f))
                if rc is None:
                    rc = row_code[id(f)] = (
                        index.setdefault(f.key(), len(index)),
                        code_of[f.result],
                    )
                rs.append(rc[0])
                cs.append(rc[1])
            rows_of.append(rs)
            codes_of.append(cs)
        point_column[j] = col
    distinct = np.full((len(index), len(rows_of)), -1, dtype=np.int8)
    for col, (rs, cs) in enumerate(zip(rows_of, codes_of, strict=True)):
        distinct[np.array(rs, dtype=np.int64), col] = np.array(cs, dtype=np.int8)
    at_points = distinct[:, point_column]
    # broadcast onto the day grid: breakpoint j holds until the next breakpoint
    offsets = np.array([(p - d1).days for p in pts] + [(d2 - d1).days + 1], dtype=np.int64)
    codes = np.repeat(at_points, np.diff(offsets), axis=1)
    # a finding's code changes only from one breakpoint to the next (it holds in between)
    rows, cols = np.nonzero(at_points[:, 1:] != at_points[:, :-1])
    keys = list(index)
    position: dict[int, dict[int, int]] = {}

    def evidence(i: int, j: int) -> str:
        col = int(point_column[j])
        if col not in position:
            position[col] = {r: n for n, r in enumerate(rows_of[col])}
        n = position[col].get(i)
        return "finding no longer produced" if n is None else per_point[j][n].evidence

    changes: list[Change] = []
    for i, c in zip(rows.tolist(), cols.tolist(), strict=True):
        j = c + 1
        b, a = int(at_points[i, c]), int(at_points[i, j])
        k = keys[i]
        changes.append(
            Change(
                date=pts[j],
                instrument=k[0],
                clause=k[1],
                party=k[2] or None,
                subject=k[3] or None,
                reading=k[4] or None,
                before=RESULTS[b] if b >= 0 else None,
                after=RESULTS[a] if a >= 0 else None,
                evidence=evidence(i, j),
            )
        )
    changes.sort(key=lambda c: (c.date, c.instrument, c.clause, c.party or "", c.subject or ""))
    return RangeResult(
        start=d1,
        end=d2,
        initial=per_point[0] if per_point else [],
        changes=changes,
        codes=codes,
        keys=keys,
    )


def _anchor_days(record: Record, r: Rule) -> list[dt.date]:
    """The days on which ``r``'s version can change: its versions' starts and its end."""
    days = {resolve_anchor(record, r, v.since) for v in r.versions}
    if r.end is not None:
        days.add(resolve_anchor(record, r, r.end))
    return sorted(d for d in days if d is not None)


@dataclass
class _Entry:
    """The last evaluation of a rule's parties (``party`` ``None``) or of one party."""

    version: Version | None
    trace: Trace
    value: Any


def _evaluate_points(
    record: Record,
    scenario: Scenario,
    pts: list[dt.date],
    end: dt.date,
    instruments: list[str] | None,
    party: str | None,
    registry: Registry,
) -> tuple[list[dt.date], list[list[Finding]]]:
    """The findings at each breakpoint, each rule run again only when what it read changes.

    A rule's parties, and its findings for one party, are those of their last evaluation
    unless that evaluation read something that changes by then (``_trace``: the record's
    answers and every comparison with the date, scenario items' dates included), was
    opaque (then it runs at every breakpoint), or the rule's version changed. Days that an
    evaluation traced ahead and the breakpoints miss (a deadline computed from a record
    date) become breakpoints too. Exceptions, conflicts and the order of the findings are
    applied on every breakpoint where a finding was evaluated anew, as :func:`evaluate`
    does; elsewhere the previous breakpoint's findings stand.

    Returns:
        The breakpoints (``pts`` and the traced days, sorted) and the findings at each.
    """
    if instruments is not None:
        evaluate(record, scenario, pts[0], instruments=instruments, registry=registry)
    rules = list(registry.select(instruments))
    every = set(pts)
    traced = TracedRecord(record)
    entries: dict[tuple[str, str | None], _Entry] = {}
    due: list[tuple[dt.date, int, tuple[str, str | None], Trace]] = []  # (until, tie, key, …)
    tie = itertools.count()
    stale: set[tuple[str, str | None]] = set()
    opaque: set[tuple[str, str | None]] = set()
    heap = list(pts)
    heapq.heapify(heap)
    # a rule's version depends only on which of its anchors lie on or before the date
    anchors = {r.id: _anchor_days(record, r) for r in rules}
    versions: dict[tuple[str, int], Version | None] = {}
    rule_fs: dict[str, list[Finding]] = {}
    # findings after exceptions, in order, per rule; the exceptions of each rule and the
    # rules each is an exception to (restricted to the rules selected)
    post: dict[str, list[Finding]] = {}
    final: dict[str, list[Finding]] = {}
    selected = {r.id for r in rules}
    exceptions = {
        r.id: [x.id for x in registry.exceptions_of(r) if x.id in selected] for r in rules
    }
    bases: dict[str, list[str]] = {}
    for rid, xs in exceptions.items():
        for x in xs:
            bases.setdefault(x, []).append(rid)
    redone: set[str] = set()
    keys: dict[int, tuple[str, ...]] = {}  # by id: per_point keeps every finding alive

    def key_of(f: Finding) -> tuple[str, ...]:
        k = keys.get(id(f))
        if k is None:
            k = keys[id(f)] = f.key()
        return k

    done: list[dt.date] = []
    per_point: list[list[Finding]] = []

    def run(key: tuple[str, str | None], version: Version | None, q: dt.date, fn: Any) -> Any:
        trace = Trace(q)
        traced.start(trace)
        ctx = Context(record=cast("Record", traced), scenario=scenario, on=TracedDate(q, trace))
        value = fn(ctx)
        entries[key] = _Entry(version, trace, value)
        stale.discard(key)
        if trace.opaque:
            opaque.add(key)
        else:
            opaque.discard(key)
            if trace.until <= end:
                heapq.heappush(due, (trace.until, next(tie), key, trace))
        if trace.until <= end and trace.until not in every:
            every.add(trace.until)
            heapq.heappush(heap, trace.until)
        return value

    while heap:
        q = heapq.heappop(heap)
        if done and q == done[-1]:
            continue
        while due and due[0][0] <= q:
            _, _, key, trace = heapq.heappop(due)
            if entries[key].trace is trace:  # not run again since
                stale.add(key)
        if q in every:
            stale |= opaque
        changed = False
        for r in rules:
            vkey = (r.id, bisect.bisect_right(anchors[r.id], q))
            if vkey not in versions:
                versions[vkey] = _version(record, r, q)[0]
            version = versions[vkey]
            head = entries.get((r.id, None))
            if head is not None and head.version is not version:
                stale.add((r.id, None))
            if head is not None and not stale:
                continue
            if head is None or (r.id, None) in stale:
                parties, missing = run(
                    (r.id, None), version, q, lambda ctx, r=r: _rule_parties(ctx, r, party)
                )
                redo = True
            else:
                parties, missing = head.value
                redo = False
            for p in parties:
                key = (r.id, p)
                hit = entries.get(key)
                if hit is None or key in stale or hit.version is not version:
                    run(key, version, q, lambda ctx, r=r, p=p: list(_evaluate_party(ctx, r, p)))
                    redo = True
            if redo or r.id not in rule_fs:
                fs = list(missing)
                for p in parties:
                    fs.extend(entries[(r.id, p)].value)
                rule_fs[r.id] = fs
                redone.add(r.id)
                changed = True
        if changed or not per_point:
            # as ``evaluate`` does, but only for the rules whose findings (or whose
            # exceptions' findings) were evaluated anew: the others' stand as they were
            for rid in list(redone):
                for base in bases.get(rid, ()):
                    if base in rule_fs:
                        redone.add(base)
            for r in rules:
                if r.id not in redone:
                    continue
                excs = exceptions[r.id]
                if excs:
                    subset = {r.id: rule_fs[r.id]} | {x: rule_fs[x] for x in excs if x in rule_fs}
                    fs = _apply_exceptions(registry, subset)[r.id]
                else:
                    fs = rule_fs[r.id]
                post[r.id] = fs
                final[r.id] = sorted(fs, key=_finding_order)
            redone.clear()
            _check_conflicts(post, key_of)
            out: list[Finding] = [f for r in rules for f in final[r.id]]
        else:
            out = per_point[-1]
        done.append(q)
        per_point.append(out)
    return done, per_point


def evaluate_days_naive(
    record: Record,
    scenario: Scenario,
    start: dt.date,
    end: dt.date,
    *,
    instruments: Iterable[str] | None = None,
    registry: Registry = REGISTRY,
) -> list[tuple[dt.date, list[Finding]]]:
    """The baseline the range mode is checked and benchmarked against: one call per day."""
    insts = list(instruments) if instruments is not None else None
    out = []
    d = start
    while d <= end:
        out.append((d, evaluate(record, scenario, d, instruments=insts, registry=registry)))
        d += dt.timedelta(days=1)
    return out
