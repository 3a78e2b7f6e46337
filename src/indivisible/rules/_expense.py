"""The "not at the expense of others" test of one scenario entry (the moves of a party).

For a scenario on a date, each entry active on the date — a deployment, a stationed force,
an exercise, a hypothetical accession in effect — is tested as an action against the
scenario without it: the security profile (``indicators.profile``) of the scenario without
the entry is compared with that of the scenario with it, by the assess room's functions
(``assess.deltas``, ``assess.outcome``, ``assess.verdict_of``; formulas in
``docs/assessment.md``, steps 3-6). The rules then read the verdicts of the entry's owner
against the other states bound by the same commitment.

What an entry can change, and so what is compared (``docs/indicators.md``):

* a deployment: the range indicators (``exposure_*``, ``counter_reach_launchers``,
  ``defence_sites_covering``); they are computed from the deployments, the scenario's sites
  and the alliances only, so both profiles are taken on the scenario without its forces and
  exercises (the range indicators are the same, the proximity pass is skipped);
* a stationed force or an exercise: the proximity indicators (``proximity_*``), computed
  from the forces, the exercises and the alliances only: both profiles are taken on the
  scenario without its deployments;
* an accession: every indicator (it changes the alliances), on the whole scenario.

The profile "with" the entry is computed once per scenario, date and kind and shared by
every entry of the kind. The comparison is restricted to the owner and to the states whose
values differ between the two profiles (every other state is ``neutral`` by definition: no
change is beyond the tolerance). Results are cached on the inputs they depend on (the
active entries, the collective-defence memberships, the existing states and, for
accessions, the record's status segments in effect), so the range mode computes a test
again only on the dates one of those changes.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Iterable, Sequence, Set
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from indivisible._memo import WeakMemo
from indivisible._numbers import number_text as _num
from indivisible.record.types import BINDING_STATUSES
from indivisible.rules.types import Call, Context

if TYPE_CHECKING:
    from indivisible.compare import Delta, Tolerance
    from indivisible.indicators._geo import FloatArray
    from indivisible.indicators._profile import ValueArrays
    from indivisible.record import Record
    from indivisible.world import Scenario

Kind = Literal["deployment", "force", "exercise", "accession"]

RANGE_PREFIXES = ("exposure_", "counter_reach_", "defence_")
PROXIMITY_PREFIXES = ("proximity_",)
PREFIXES: dict[str, tuple[str, ...] | None] = {
    "deployment": RANGE_PREFIXES,
    "force": PROXIMITY_PREFIXES,
    "exercise": PROXIMITY_PREFIXES,
    "accession": None,
}
"""Indicator name prefixes compared per kind of entry (``None``: every indicator)."""

FAMILIES: dict[str, tuple[str, ...] | None] = {
    "deployment": ("range",),
    "force": ("proximity",),
    "exercise": ("proximity",),
    "accession": None,
}
"""The profile families computed per kind of entry (only those the prefixes compare)."""

WHAT = {
    "deployment": "the range indicators (exposure_*, counter_reach_launchers, "
    "defence_sites_covering)",
    "force": "the proximity indicators (proximity_*)",
    "exercise": "the proximity indicators (proximity_*)",
    "accession": "every indicator of the profile",
}


_CACHE_SIZE = 512
_CACHE: WeakMemo[Any] = WeakMemo(_CACHE_SIZE)
"""Tests and profiles per (record, scenario), held weakly: a memo keyed by ``id()`` kept
the record and every scenario tested alive, and could hand a new object the value of a
collected one with the same id."""


@dataclass(frozen=True)
class Entry:
    """One move of the scenario: its kind, id (the findings' subject) and owners."""

    kind: Kind
    id: str
    owners: tuple[str, ...]
    since: dt.date
    source: str | None
    model: Any


@dataclass(frozen=True)
class Test:
    """The comparison for one entry: per reading, each state's outcome, and the deltas.

    Attributes:
        entry: the entry tested.
        readings: the evaluations (reading names, or ``(None,)`` when nothing is disputed).
        outcomes: per reading, state -> outcome (``gain``, ``loss``, ``mixed``); states
            absent are ``neutral``.
        deltas: the deltas beyond the tolerance (the ones that drove the outcomes).
        undetermined: per reading, why it cannot be compared (empty when it can).
        tolerance: the tolerance used.
        indicators: the indicators compared.
        ranges: per reading the entry's range gives (an end of an interval included), the
            range (km) the entry's deployment is evaluated at (empty for other kinds of
            entry, or a deployment without a range).
    """

    entry: Entry
    readings: tuple[str | None, ...]
    outcomes: dict[str | None, dict[str, str]]
    deltas: tuple[Delta, ...]
    undetermined: dict[str | None, str]
    tolerance: Tolerance
    indicators: tuple[str, ...]
    ranges: dict[str | None, float] = field(default_factory=dict)

    def outcome(self, state: str, reading: str | None) -> str:
        """The outcome of ``state`` under ``reading`` (``neutral`` when nothing moved)."""
        return self.outcomes.get(reading, {}).get(state, "neutral")

    @cached_property
    def _by_state(self) -> dict[tuple[str, bool | None], list[Delta]]:
        """The deltas grouped by (state, better), in order (built once per test)."""
        out: dict[tuple[str, bool | None], list[Delta]] = {}
        for d in self.deltas:
            out.setdefault((d.state, d.better), []).append(d)
        return out

    def moved(self, state: str, reading: str | None, better: bool) -> list[Delta]:
        """The deltas of ``state`` under ``reading`` beyond the tolerance, one direction."""
        return [d for d in self._by_state.get((state, better), ()) if d.reading in (reading, None)]


def entries_of(ctx: Context, party: str | None = None) -> list[Entry]:
    """The entries active on the date (accessions in effect), of ``party`` when given."""
    sc = ctx.scenario
    out: list[Entry] = [
        *(Entry("deployment", d.id, tuple(d.owner), d.since, d.source, d)
          for d in sc.deployments_on(ctx.on)),
        *(Entry("force", f.id, tuple(f.owner), f.since, f.source, f)
          for f in sc.forces_on(ctx.on)),
        *(Entry("exercise", x.id, tuple(x.owner), x.start, x.source, x)
          for x in sc.exercises_on(ctx.on)),
        *(Entry("accession", f"accession:{a.state}:{a.org}", (a.state,), a.on, a.source, a)
          for a in sc.accessions if a.on <= ctx.on),
    ]  # fmt: skip
    if party is not None:
        out = [e for e in out if party in e.owners]
    return out


def owners(ctx: Context) -> list[str]:
    """Parties: every owner of an entry active on the date."""
    return sorted({o for e in entries_of(ctx) for o in e.owners})


def bound(ctx: Context, instrument: str, state: str) -> bool:
    """Whether ``state`` is bound by ``instrument`` on the date (record status)."""
    return ctx.record.party_status(instrument, state, ctx.on) in BINDING_STATUSES


# ------------------------------------------------------------------------- scenarios
def _reduced(scenario: Scenario, kind: Kind) -> Scenario:
    """The scenario with only the sections that feed the indicators compared for ``kind``."""
    if kind == "deployment":
        return scenario.model_copy(update={"forces": (), "exercises": ()})
    if kind in ("force", "exercise"):
        return scenario.model_copy(update={"deployments": ()})
    return scenario


def _without(scenario: Scenario, e: Entry) -> Scenario:
    """The scenario without the entry (a subset of a valid scenario is valid)."""
    if e.kind == "accession":
        acc = tuple(a for a in scenario.accessions if a is not e.model)
        return scenario.model_copy(update={"accessions": acc})
    group = {"deployment": "deployments", "force": "forces", "exercise": "exercises"}[e.kind]
    kept = tuple(x for x in getattr(scenario, group) if x.id != e.id)
    return scenario.model_copy(update={group: kept})


def _signature(ctx: Context, kind: Kind) -> tuple[Any, ...]:
    """What the compared indicators depend on, on the date (for the cache)."""
    rec, sc, on = ctx.record, ctx.scenario, ctx.on
    orgs = sorted(
        o.id
        for o in rec.organisations.values()
        if o.collective_defence is not None and o.id != "eu"
    )
    members = tuple((org, tuple(sc.members(rec, org, on))) for org in orgs)
    states = tuple(
        s.id
        for s in rec.states.values()
        if s.osce
        and (s.exists_from is None or s.exists_from <= on)
        and (s.exists_to is None or on < s.exists_to)
    )
    parts: list[Any] = [kind, members, states]
    if kind == "deployment":
        parts.append(tuple(d.id for d in sc.deployments_on(on)))
    elif kind in ("force", "exercise"):
        parts.append(tuple(f.id for f in sc.forces_on(on)))
        parts.append(tuple(x.id for x in sc.exercises_on(on)))
    else:
        parts.append(tuple(d.id for d in sc.deployments_on(on)))
        parts.append(tuple(f.id for f in sc.forces_on(on)))
        parts.append(tuple(x.id for x in sc.exercises_on(on)))
        parts.append(tuple(a.key for a in sc.accessions_by(on)))
        parts.append(tuple(i for i, s in enumerate(rec.segments) if s.start <= on < s.end))
    return tuple(parts)


def _remember(key: tuple[Any, ...], record: Record, scenario: Scenario, value: Any) -> Any:
    return _CACHE.put((record, scenario), key, value)


def _recall(key: tuple[Any, ...], record: Record, scenario: Scenario) -> Any | None:
    return _CACHE.get((record, scenario), key)


# ------------------------------------------------------------------------- profiles (rows)
Key = tuple[str, str, str | None]
Rows = dict[Key, tuple[float, str, str]]
"""Profile rows ``(state, indicator, reading) -> (value, unit, direction)``."""


def _arrays(
    record: Record,
    scenario: Scenario,
    on: dt.date,
    kind: Kind,
    readings: Sequence[str | None] | None = None,
) -> ValueArrays:
    """The profile core of the kind's families (``indicators._profile.profile_arrays``).

    ``readings``: the reading names to evaluate under (those of the profile compared with).
    """
    from indivisible.indicators._profile import profile_arrays

    return profile_arrays(record, scenario, on, families=FAMILIES[kind], readings=readings)


def _rows_of(values: ValueArrays, kind: Kind, states: Collection[str] | None = None) -> Rows:
    """The rows the kind compares, for ``states`` (all when ``None``)."""
    pre = PREFIXES[kind]
    return {
        (s, i, r): (v, u, d)
        for s, i, r, v, u, d in values.rows(states)
        if pre is None or i.startswith(pre)
    }


def _arrays_changed_states(before: ValueArrays, after: ValueArrays) -> set[str] | None:
    """``_rows_changed_states`` of the two profiles' rows after ``_rows_spread``, on arrays.

    The rows of a side without any named reading are compared with every reading of the
    other (what the spread does); ``None`` when an indicator's readings differ otherwise,
    an indicator is on one side only or the states differ (the rows path handles those).
    """
    import numpy as np

    ab, aa = before.arrays(), after.arrays()
    if before.universe != after.universe or ab.keys() != aa.keys():
        return None
    plain_b, plain_a = not before.named, not after.named
    changed = np.zeros(len(after.universe), dtype=bool)
    for name, (ra, a) in aa.items():
        rb, b = ab[name]
        if rb != ra and not (rb == (None,) and plain_b) and not (ra == (None,) and plain_a):
            return None
        with np.errstate(invalid="ignore"):
            same = (b == a) | (np.isnan(b) & np.isnan(a))  # [K, S] broadcast over readings
        changed |= ~np.asarray(same).reshape(-1, changed.size).all(axis=0)
    return {s for s, c in zip(after.universe, changed.tolist(), strict=True) if c}


def _rows_spread(rows: Rows, names: Sequence[str], other: Rows) -> Rows:
    """``_spread`` on rows."""
    per = {i for _, i, r in other if r is not None}
    plain = [k for k in rows if k[2] is None and k[1] in per]
    if not plain or not names:
        return rows
    out = {k: v for k, v in rows.items() if not (k[2] is None and k[1] in per)}
    for n in names:
        for s, i, _ in plain:
            out[(s, i, n)] = rows[(s, i, None)]
    return out


def _rows_changed_states(before: Rows, after: Rows) -> set[str]:
    """``_changed_states`` on rows (a missing row is NaN; NaN = NaN, inf = inf)."""
    b = {(s, i, r or ""): v[0] for (s, i, r), v in before.items()}
    a = {(s, i, r or ""): v[0] for (s, i, r), v in after.items()}
    out = set()
    for key in b.keys() | a.keys():
        vb, va = b.get(key, math.nan), a.get(key, math.nan)
        if not (vb == va or (math.isnan(vb) and math.isnan(va))):
            out.add(key[0])
    return out


Flag = tuple[str, str, str | None, bool | None]
"""(state, indicator, reading, better) of one compared row: ``None`` when it did not move."""


def _rows_moves(before: Rows, after: Rows, tolerance: Tolerance) -> tuple[list[Flag], list[Delta]]:
    """``assess.deltas`` on rows (the same steps, without the tables).

    Every row's flag, and a ``Delta`` only for the rows that moved beyond the tolerance (the
    test keeps only those; building one per row compared was most of this step).
    """
    from indivisible.compare import Delta, _Row, signed_changes

    b = {k: _Row(unit=u, direction=d, value=v) for k, (v, u, d) in before.items()}
    a = {k: _Row(unit=u, direction=d, value=v) for k, (v, u, d) in after.items()}
    keys, metas, vbs, vas, bounds, signs = signed_changes(b, a, tolerance)
    flags: list[Flag] = []
    moved: list[Delta] = []
    for key, meta, vb, va, bound, s in zip(keys, metas, vbs, vas, bounds, signs, strict=True):
        better = None if s == 0 else s > 0
        flags.append((key[0], key[1], key[2], better))
        if better is not None:
            moved.append(
                Delta(
                    state=key[0],
                    indicator=key[1],
                    unit=meta.unit,
                    direction=meta.direction,
                    reading=key[2],
                    before=vb,
                    after=va,
                    change=va - vb,
                    better=better,
                    tolerance=bound,
                )
            )
    return flags, moved


def _undetermined(e: Entry, rb: Set[str], ra: Set[str]) -> dict[str | None, str]:
    undetermined: dict[str | None, str] = {}
    if rb and ra and rb != ra:
        for r in sorted(rb ^ ra):
            side = "without" if r in ra else "with"
            undetermined[r] = (
                f"the profile {side} {e.id} has no value under reading {r} while other "
                "readings are disputed there; the comparison under it is not made"
            )
    return undetermined


def _entry_ranges(ctx: Context, e: Entry, evals: Sequence[str | None]) -> dict[str | None, float]:
    """Per reading the entry's range gives (ends of intervals included), its range, km."""
    if e.kind != "deployment":
        return {}
    from indivisible.indicators._profile import deployment_ranges

    return deployment_ranges(ctx.scenario, e.model, evals)


Outcomes = dict[str | None, dict[str, str]]
"""Per reading, state -> outcome (``gain``, ``loss``, ``mixed``; ``neutral`` states absent)."""

Compared = tuple[
    tuple[str | None, ...], dict[str | None, str], Outcomes, list["Delta"], tuple[str, ...]
]
"""Readings, undetermined readings, outcomes, the deltas that moved, indicators compared."""


def _compare_rows(ctx: Context, e: Entry, tol: Tolerance, sig: tuple[Any, ...]) -> Compared:
    """Readings, undetermined readings, outcomes, deltas and indicators compared (no pandas)."""
    rec, sc, on = ctx.record, ctx.scenario, ctx.on
    full_key = ("arrays", e.kind, sig)
    after_v: ValueArrays | None = _recall(full_key, rec, sc)
    reduced = _reduced(sc, e.kind)
    if after_v is None:
        after_v = _remember(full_key, rec, sc, _arrays(rec, reduced, on, e.kind))
        assert after_v is not None
    # The scenario without the entry is evaluated under the readings of the one with it: a
    # reading only the entry's range names (an end of its interval) is a reading of the
    # other ranges too (``range_matrix`` gives them their value under it).
    names_after: Sequence[str | None] | None = after_v.readings
    if e.kind == "accession":  # every family: the named readings of every row
        names_after = sorted(after_v.named) or None
    elif "range" not in (FAMILIES[e.kind] or ()):
        names_after = None
    before_v = _arrays(rec, _without(reduced, e), on, e.kind, names_after)
    return _compare_values(e, before_v, after_v, tol)


def _compare_values(
    e: Entry, before_v: ValueArrays, after_v: ValueArrays, tol: Tolerance, fast: bool = True
) -> Compared:
    """The comparison of the profile cores without (``before_v``) and with ``e``.

    ``fast``: compare on the arrays where :func:`_arrays_moves` can (the same answer; the
    tests check it against the rows path, ``fast=False``).
    """
    rb, ra = before_v.named, after_v.named
    undetermined = _undetermined(e, rb, ra)
    names = sorted(rb | ra)
    evals: tuple[str | None, ...] = tuple(names) if names else (None,)
    # Rows only for the states whose values moved (and the owners): the others are neutral
    # by definition, and building rows for all of them was most of the test's cost.
    moved = _arrays_changed_states(before_v, after_v)
    only = None if moved is None else moved | set(e.owners)
    if fast and only is not None:
        got = _arrays_moves(before_v, after_v, e.kind, only, tol, evals)
        if got is not None:
            return (evals, undetermined, *got)
    before, after = _rows_of(before_v, e.kind, only), _rows_of(after_v, e.kind, only)
    before = _rows_spread(before, sorted(ra - rb), after) if not rb else before
    after = _rows_spread(after, sorted(rb - ra), before) if not ra else after
    if only is None:  # the arrays could not tell: compare every state's rows
        keep = _rows_changed_states(before, after) | set(e.owners)
        before = {k: v for k, v in before.items() if k[0] in keep}
        after = {k: v for k, v in after.items() if k[0] in keep}
    flags, moved_ds = _rows_moves(before, after, tol)
    compared = tuple(sorted({k[1] for k in after} | {k[1] for k in before}))
    return evals, undetermined, _outcomes(flags, evals), moved_ds, compared


def _outcomes(flags: Iterable[Flag], evals: Sequence[str | None]) -> Outcomes:
    """Per reading, each state's outcome from its rows' flags (``neutral`` ones left out).

    An indicator without a row under the reading counts with its undisputed row.
    """
    from indivisible.compare import outcome

    per: dict[str, dict[str, dict[str | None, bool | None]]] = {}
    for state, indicator, reading, better in flags:
        per.setdefault(state, {}).setdefault(indicator, {})[reading] = better
    outcomes: Outcomes = {}
    for ev in evals:
        row: dict[str, str] = {}
        for state, flags_by in per.items():
            signs = [v[ev] if ev in v else v.get(None) for v in flags_by.values()]
            res = outcome(signs)
            if res != "neutral":
                row[state] = res
        outcomes[ev] = row
    return outcomes


def _aligned(
    before_v: ValueArrays, after_v: ValueArrays, name: str
) -> tuple[tuple[str | None, ...], FloatArray, FloatArray, bool] | None:
    """Indicator ``name``'s rows on both sides as the rows path pairs them.

    The readings of its rows, ``[K, S]`` values before and after, and whether the rows
    before are its undisputed row spread over the readings after (``_rows_spread``);
    ``None`` when the readings pair otherwise (the rows path handles those).
    """
    import numpy as np

    rb, b = before_v.arrays()[name]
    ra, a = after_v.arrays()[name]
    if rb == ra:
        return ra, b, a, False
    # one side undisputed everywhere, the other's readings those of every named row
    if rb == (None,) and not before_v.named and None not in ra and set(ra) == after_v.named:
        order = tuple(sorted(after_v.named))
        idx = [ra.index(r) for r in order]
        return order, np.broadcast_to(b, (len(order), b.shape[1])), a[idx], True
    if ra == (None,) and not after_v.named and None not in rb and set(rb) == before_v.named:
        order = tuple(sorted(before_v.named))
        idx = [rb.index(r) for r in order]
        return order, b[idx], np.broadcast_to(a, (len(order), a.shape[1])), False
    return None


def _arrays_moves(
    before_v: ValueArrays,
    after_v: ValueArrays,
    kind: Kind,
    only: Set[str],
    tol: Tolerance,
    evals: Sequence[str | None],
) -> tuple[Outcomes, list[Delta], tuple[str, ...]] | None:
    """Outcomes, moved deltas and indicators compared, from the arrays (no rows).

    What the rows path (``_rows_of``, ``_rows_spread``, ``_rows_moves``, ``_outcomes``)
    gives on the same cores, for a deployment, a force or an exercise: their rows are the
    range and proximity rows, one per state, indicator and reading, so the keys pair
    reading by reading (or an undisputed side with every reading of the other) and the
    signs are computed on ``[K, S]`` arrays at once. ``None`` (the rows path decides) for an
    accession, a core with other families' rows, or readings that pair otherwise.
    """
    import numpy as np

    from indivisible.compare import Delta, _sign

    if kind == "accession" or not only:
        return None
    if before_v.exposed or before_v.more or after_v.exposed or after_v.more:
        return None
    if before_v.universe != after_v.universe:
        return None
    pre = PREFIXES[kind]
    names = [n for n in after_v.arrays() if pre is None or n.startswith(pre)]
    universe = after_v.universe
    sel = [si for si, s in enumerate(universe) if s in only]
    if not sel or not names:
        return None
    cols = np.asarray(sel, dtype=np.int64)
    per_name = []
    for name in names:
        got = _aligned(before_v, after_v, name)
        if got is None:
            return None
        readings, b, a, spread = got
        b, a = b[:, cols], a[:, cols]
        bound = tol.bounds(name, b)
        with np.errstate(invalid="ignore"):
            change = np.subtract(a, b, dtype=float)
        direction = before_v.row_unit(name, 0, sel[0])[1]
        up = np.full(change.shape, direction == "higher_is_safer", dtype=bool)
        signs = _sign(change, bound, up).reshape(change.shape)
        per_name.append((name, readings, b, a, bound, signs, spread))
    # outcomes: per reading and state, over indicators (an indicator without a row under
    # the reading counts with its undisputed row, as ``_outcomes`` does)
    order = sorted(range(len(sel)), key=lambda j: universe[sel[j]])
    outcomes: Outcomes = {}
    for ev in evals:
        up_any = np.zeros(len(sel), dtype=bool)
        down_any = np.zeros(len(sel), dtype=bool)
        for _, readings, _, _, _, signs, _ in per_name:
            k = readings.index(ev) if ev in readings else None
            if k is None and None in readings:
                k = readings.index(None)
            if k is None:
                continue
            up_any |= signs[k] > 0
            down_any |= signs[k] < 0
        row: dict[str, str] = {}
        for j in order:
            if up_any[j] or down_any[j]:
                row[universe[sel[j]]] = (
                    "mixed" if up_any[j] and down_any[j] else "gain" if up_any[j] else "loss"
                )
        outcomes[ev] = row
    moved: list[tuple[tuple[str, str, str], Delta]] = []
    for name, readings, b, a, bound, signs, spread in per_name:
        for k, j in zip(*np.nonzero(signs), strict=True):
            si = sel[int(j)]
            vb, va = float(b[k, j]), float(a[k, j])
            unit, direction = before_v.row_unit(name, 0 if spread else int(k), si)
            reading = readings[int(k)]
            d = Delta(
                state=universe[si],
                indicator=name,
                unit=unit,
                direction=direction,
                reading=reading,
                before=vb,
                after=va,
                change=va - vb,
                better=bool(signs[k, j] > 0),
                tolerance=float(bound[k, j]),
            )
            moved.append(((d.state, name, reading or ""), d))
    moved.sort(key=lambda x: x[0])
    return outcomes, [d for _, d in moved], tuple(sorted(set(names)))


def test_entry(ctx: Context, e: Entry, tolerance: Tolerance | None = None) -> Test:
    """The comparison of the scenario without ``e`` and with it, on the context's date.

    Every kind is compared on the rows of the profile core
    (``indicators._profile.profile_arrays``, the numbers ``indicators.profile`` builds its
    rows from): deployments on the range family, forces and exercises on the proximity
    family (no pandas), accessions, which change every indicator, on every family.
    """
    from indivisible.compare import Tolerance as Tol

    tol = tolerance if tolerance is not None else Tol()
    rec, sc = ctx.record, ctx.scenario
    sig = _signature(ctx, e.kind)
    tkey = (tol.relative, tol.absolute, tuple(sorted(tol.per_indicator.items())))
    key = ("test", e.kind, e.id, sig, tkey)
    hit = _recall(key, rec, sc)
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    evals, undetermined, outcomes, moved, compared = _compare_rows(ctx, e, tol, sig)
    test = Test(
        entry=e,
        readings=evals,
        outcomes=outcomes,
        deltas=tuple(moved),
        undetermined=undetermined,
        tolerance=tol,
        indicators=compared,
        ranges=_entry_ranges(ctx, e, evals),
    )
    return _remember(key, rec, sc, test)  # type: ignore[no-any-return]


# ------------------------------------------------------------------------- wording
def delta_line(d: Delta) -> str:
    """One explain line for a delta: values, change, bound and direction."""
    rd = f" [{d.reading}]" if d.reading else ""
    way = "safer" if d.better else "less safe"
    return (
        f"delta: {d.state} {d.indicator}{rd}: {_num(d.before)} -> {_num(d.after)} "
        f"({d.unit}; change {_num(d.change)}, bound {d.tolerance:g}; {way})"
    )


def names(ds: Iterable[Delta], limit: int = 3) -> str:
    """Indicator names (without readings) of deltas, at most ``limit``, in order."""
    out = list(dict.fromkeys(d.indicator for d in ds))
    more = f" and {len(out) - limit} more" if len(out) > limit else ""
    return ", ".join(out[:limit]) + more


def tolerance_text(t: Tolerance) -> str:
    """The tolerance in words."""
    extra = f"; per indicator {dict(t.per_indicator)}" if t.per_indicator else ""
    return (
        f"a change counts when |after - before| > max({t.absolute:g}, {t.relative:g} x "
        f"|before|){extra}"
    )


def head_lines(t: Test, call: Call) -> list[str]:
    """Explain lines common to every finding of one test."""
    e = t.entry
    return [
        f"scenario: {e.kind} {e.id} of {'+'.join(e.owners)} since {e.since.isoformat()}",
        f"test: profile of the scenario without {e.id} vs with it on {call.on.isoformat()} "
        f"(indicators.profile; assess.deltas, outcome, verdict_of)",
        f"compared: {WHAT[e.kind]}: {', '.join(t.indicators)}",
        "states compared: the owner and every state whose values differ between the two "
        "profiles (the others are neutral)",
        f"tolerance: {tolerance_text(t.tolerance)}",
    ]
