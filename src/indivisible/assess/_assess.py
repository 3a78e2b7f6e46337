"""The indivisibility test: baseline + action → deltas, verdicts, engaged commitments, findings.

Method (``docs/assessment.md`` states every formula):

1. The action is applied to the baseline: a NEW scenario and a NEW record (instrument
   events); the baseline is never changed.
2. Both are profiled on the same date with the same readings and the same seed (common
   random numbers: the draws differ only by what the action changed).
3. Per state, indicator and reading: ``change = after - before``; ``better`` is ``None``
   when ``|change| <= max(absolute, relative × |before|)``, else ``True`` when the change
   goes in the indicator's safer direction and ``False`` otherwise.
4. Per state and evaluation (a reading, or a Monte Carlo draw): the outcome is ``gain``
   (something better, nothing worse), ``loss`` (something worse, nothing better),
   ``mixed`` (both) or ``neutral`` (neither).
5. Per ordered pair (actor, other): the verdict from the two outcomes
   (:data:`~indivisible.assess.types.VERDICT_TABLE`); reported is the most frequent
   verdict over the evaluations and its share as the probability.
6. Commitments in force for both states (baseline or after the action) whose principle the
   verdict engages: not strengthening one's security at the other's expense, when the
   other is worse on some indicator; the freedom to choose alliances, beside it, for each
   accession the action makes.
7. The rules are run on the baseline and on the new scenario; the findings that appear
   and disappear are reported.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

import numpy as np

from indivisible import sensitivity as _sens
from indivisible._dates import parse_date
from indivisible._errors import InputError
from indivisible.assess.types import (
    OUTCOMES,
    VERDICT_TABLE,
    VERDICTS,
    Assessment,
    Delta,
    Engagement,
    Tolerance,
    Verdict,
    VerdictKind,
)
from indivisible.compare import (
    _sign,
    deltas,
    outcome,
)
from indivisible.record.types import BINDING_STATUSES
from indivisible.rulebook import Finding, Rulebook, bundled

if TYPE_CHECKING:
    import pandas as pd

    from indivisible.assess._action import Action
    from indivisible.record import Record
    from indivisible.world import Scenario


_OUT_CODE = {o: i for i, o in enumerate(OUTCOMES)}
_VERDICT_CODE = {v: i for i, v in enumerate(VERDICTS)}
# _LOOKUP[actor outcome code, other outcome code] -> verdict code
_LOOKUP = np.full((len(OUTCOMES), len(OUTCOMES)), _VERDICT_CODE["mixed"], dtype=np.int8)
for (_a, _o), _v in VERDICT_TABLE.items():
    _LOOKUP[_OUT_CODE[_a], _OUT_CODE[_o]] = _VERDICT_CODE[_v]


# --------------------------------------------------------------------------- helpers
def _resolve_seed(seed: int | None, rng: np.random.Generator | None, draws: int) -> int | None:
    if seed is not None and rng is not None:
        raise InputError("give seed or rng, not both", field="seed")
    if seed is not None:
        if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
            raise InputError(f"seed must be a non-negative integer, got {seed!r}", field="seed")
        return int(seed)
    if rng is not None:
        return int(rng.integers(0, 2**63 - 1))
    if draws > 0:
        return int(np.random.default_rng().integers(0, 2**63 - 1))
    return None


def _profile(record: Record, scenario: Scenario, on: dt.date, **options: Any) -> Any:
    """``indicators.profile`` imported when first needed (``options`` passed on whole)."""
    from indivisible.indicators._profile import profile

    return profile(record, scenario, on, **options)


def _same_readings(
    before: Any, after: Any, again: Callable[[str, Sequence[str | None]], Any]
) -> tuple[Any, Any]:
    """The two profiles under the same reading names (step 2).

    A reading only one side's ranges give (an action adding a system with its own readings,
    or an end of its interval) is a reading of the other side's ranges too: where both sides
    have named readings and they differ, each side missing some is profiled again under
    the union (``profile(evaluate_under=...)``; a range without a name takes the value the
    profile gives it). A side without any disputed range has the same values under every
    name and is aligned by the comparison itself.
    """
    nb, na = tuple(before.readings), tuple(after.readings)
    if not nb or not na or set(nb) == set(na):
        return before, after
    union = list(dict.fromkeys([*na, *nb]))
    if set(nb) != set(union):
        before = again("before", union)
    if set(na) != set(union):
        after = again("after", union)
    return before, after


def _select(prof: Any, indicators: Sequence[str] | None) -> Any:
    """The profile restricted to ``indicators`` (all when ``None``); unknown names are errors."""
    if indicators is None:
        return prof
    import dataclasses

    known = set(prof.table["indicator"])
    for name in indicators:
        if name not in known:
            raise InputError(
                f"unknown indicator {name!r} (the profile has: {', '.join(sorted(known))})",
                field="indicators",
            )
    keep = list(indicators)
    table = prof.table[prof.table["indicator"].isin(keep)].reset_index(drop=True)
    draws = prof.draws
    if draws is not None:
        draws = draws[draws["indicator"].isin(keep)].reset_index(drop=True)
    return dataclasses.replace(prof, table=table, draws=draws)


# --------------------------------------------------------------------------- evaluations
def _reading_evaluations(ds: Sequence[Delta]) -> tuple[list[str | None], dict[str, np.ndarray]]:
    """Per state, the outcome code under each reading: ``(readings, {state: codes})``.

    An indicator with a row for the reading uses it; one with only an undisputed row
    (reading ``None``) uses that under every reading.
    """
    names = sorted({d.reading for d in ds if d.reading is not None})
    evals: list[str | None] = list(names) if names else [None]
    by_state: dict[str, dict[str, dict[str | None, bool | None]]] = {}
    for d in ds:
        by_state.setdefault(d.state, {}).setdefault(d.indicator, {})[d.reading] = d.better
    out: dict[str, np.ndarray] = {}
    for state, inds in by_state.items():
        codes = np.empty(len(evals), dtype=np.int8)
        for j, r in enumerate(evals):
            flags = []
            for per in inds.values():
                if r in per:
                    flags.append(per[r])
                elif None in per:
                    flags.append(per[None])
            codes[j] = _OUT_CODE[outcome(flags)]
        out[state] = codes
    return evals, out


def _draw_evaluations(
    before: pd.DataFrame, after: pd.DataFrame, tolerance: Tolerance, meta: dict[str, str]
) -> tuple[int, dict[str, np.ndarray]]:
    """Per state, the outcome code under each Monte Carlo draw (vectorised over draws)."""
    import pandas as pd

    if before is None or after is None or len(before) == 0 or len(after) == 0:
        return 0, {}
    keys = ["state", "indicator", "draw"]
    m = pd.merge(
        before[[*keys, "value"]],
        after[[*keys, "value"]],
        on=keys,
        how="outer",
        suffixes=("_before", "_after"),
    )
    m = m.sort_values(keys, kind="stable").reset_index(drop=True)
    vb = m["value_before"].to_numpy(dtype=float)
    va = m["value_after"].to_numpy(dtype=float)
    rel = np.array(
        [tolerance.per_indicator.get(i, (tolerance.relative, tolerance.absolute))[0]
         for i in m["indicator"]]
    )  # fmt: skip
    ab = np.array(
        [tolerance.per_indicator.get(i, (tolerance.relative, tolerance.absolute))[1]
         for i in m["indicator"]]
    )  # fmt: skip
    base = np.where(np.isfinite(vb), np.abs(vb), 0.0)
    bound = np.maximum(ab, rel * base)
    safer_up = np.array(
        [meta.get(i, "higher_is_safer") == "higher_is_safer" for i in m["indicator"]]
    )
    with np.errstate(invalid="ignore"):  # inf - inf is NaN: no signed change
        change = va - vb
    sign = _sign(change, bound, safer_up)
    m["up"] = sign > 0
    m["down"] = sign < 0
    g = m.groupby(["state", "draw"], sort=True)[["up", "down"]].any()
    n = int(m["draw"].nunique())
    out: dict[str, np.ndarray] = {}
    for state, part in g.groupby(level="state", sort=True):
        up = part["up"].to_numpy()
        down = part["down"].to_numpy()
        one = np.where(down, _OUT_CODE["loss"], _OUT_CODE["neutral"])
        codes = np.where(up & down, _OUT_CODE["mixed"], np.where(up, _OUT_CODE["gain"], one))
        codes = codes.astype(np.int8)
        out[str(state)] = codes
    return n, out


def _verdicts(
    actors: Sequence[str],
    others: Sequence[str],
    codes: dict[str, np.ndarray],
    n: int,
    basis: str,
    ds: Sequence[Delta],
    threats: str | None = None,
) -> list[Verdict]:
    neutral = np.full(max(n, 1), _OUT_CODE["neutral"], dtype=np.int8)
    better: dict[str, list[str]] = {}
    worse: dict[str, list[str]] = {}
    for d in ds:
        label = d.indicator if d.reading is None else f"{d.indicator} [{d.reading}]"
        if d.better is True:
            better.setdefault(d.state, []).append(label)
        elif d.better is False:
            worse.setdefault(d.state, []).append(label)
    out = []
    for a in actors:
        ca = codes.get(a, neutral)
        for o in others:
            if o == a:
                continue
            co = codes.get(o, neutral)
            vs = _LOOKUP[ca, co]
            counts = np.bincount(vs, minlength=len(VERDICTS))
            total = int(counts.sum())
            best = int(np.argmax(counts))  # first maximum: ties go to the earlier verdict
            dist: dict[str, float] = {
                VERDICTS[i]: float(c) / total for i, c in enumerate(counts) if c
            }
            lo, hi = wilson_interval(int(counts[best]), total)
            mode_a = OUTCOMES[int(np.bincount(ca, minlength=4).argmax())]
            mode_o = OUTCOMES[int(np.bincount(co, minlength=4).argmax())]
            out.append(
                Verdict(
                    actor=a,
                    other=o,
                    verdict=VERDICTS[best],
                    probability=float(counts[best]) / total,
                    distribution=dist,
                    actor_outcome=mode_a,
                    other_outcome=mode_o,
                    actor_better=tuple(better.get(a, ())),
                    actor_worse=tuple(worse.get(a, ())),
                    other_better=tuple(better.get(o, ())),
                    other_worse=tuple(worse.get(o, ())),
                    basis="draws" if basis == "draws" else "readings",
                    n=total,
                    threats=threats,
                    interval=(lo, hi) if basis == "draws" else None,
                )
            )
    return out


# --------------------------------------------------------------------------- sensitivity
# One assumption at a time (indivisible.sensitivity, shared with negotiate and dynamics).
WILSON_Z = _sens.WILSON_Z
wilson_interval = _sens.wilson_interval


def _mode_verdict(ds: Sequence[Delta], actor: str, other: str) -> VerdictKind:
    """The most frequent verdict over the readings of ``ds`` for (actor, other)."""
    evals, codes = _reading_evaluations(ds)
    neutral = np.full(len(evals), _OUT_CODE["neutral"], dtype=np.int8)
    vs = _LOOKUP[codes.get(actor, neutral), codes.get(other, neutral)]
    return VERDICTS[int(np.argmax(np.bincount(vs, minlength=len(VERDICTS))))]


def _resign(d: Delta, factor: float) -> Delta:
    """``d`` judged with its tolerance bound multiplied by ``factor``."""
    c = d.change
    if c != c or math.isinf(d.tolerance * factor):
        return d
    moved = True if math.isinf(c) else abs(c) > d.tolerance * factor
    safer = (c > 0) == (d.direction == "higher_is_safer")
    return dataclasses.replace(d, better=safer if moved else None)


def sensitivity(
    verdicts: Sequence[Verdict],
    ds: Sequence[Delta],
    by_threats: dict[str, tuple[Verdict, ...]],
) -> list[dict[str, Any]]:
    """Per verdict, the single assumptions that would flip it, and ``robust``/``knife-edge``.

    One assumption changed at a time, everything else as assessed: another threat reading
    (whom each state regards as a threat); another range reading alone (the verdict under
    that reading); one indicator left out (its weight set to 0); the tolerance multiplied
    by 10 or by 0.1. A verdict no single change flips is ``robust``, else ``knife-edge``.
    Not varied here: a single site or deployment of the scenario (rerun with it removed).
    """
    by_state: dict[str, list[Delta]] = {}
    for d in ds:
        by_state.setdefault(d.state, []).append(d)
    other_readings = {
        name: {(v.actor, v.other): v.verdict for v in vs}
        for name, vs in list(by_threats.items())[1:]
    }
    out: list[dict[str, Any]] = []
    for v in verdicts:
        pair = [*by_state.get(v.actor, []), *by_state.get(v.other, [])]
        alternatives: list[_sens.Alternative] = [
            ("threat_reading", name, functools.partial(table.get, (v.actor, v.other)))
            for name, table in other_readings.items()
        ]
        readings = sorted({d.reading for d in pair if d.reading is not None})
        subsets: list[tuple[str, str, list[Delta]]] = []
        if len(readings) > 1:
            subsets += [
                ("range_reading", r, [d for d in pair if d.reading in (None, r)]) for r in readings
            ]
        moved = sorted({d.indicator for d in pair if d.better is not None})
        subsets += [("indicator", i, [d for d in pair if d.indicator != i]) for i in moved]
        subsets += [
            ("tolerance", name, [_resign(d, f) for d in pair])
            for f, name in ((10.0, "x10"), (0.1, "x0.1"))
        ]
        alternatives += [
            (kind, value, functools.partial(_mode_verdict, sub, v.actor, v.other))
            for kind, value, sub in subsets
        ]
        lab, flips = _sens.one_at_a_time(v.verdict, alternatives)
        out.append(
            {
                "actor": v.actor,
                "other": v.other,
                "verdict": v.verdict,
                "label": lab,
                "flips": flips,
            }
        )
    return out


# --------------------------------------------------------------------------- commitments
class _Bound:
    """Cached binding statuses per (record, state)."""

    def __init__(self, records: Sequence[Record], on: dt.date) -> None:
        self.records = records
        self.on = on
        self._cache: dict[tuple[int, str], dict[str, str]] = {}

    def status(self, state: str) -> dict[str, str]:
        """Instrument → status text (``in_force``, ``in_force via nato``) binding ``state``."""
        out: dict[str, str] = {}
        for i, rec in enumerate(self.records):
            key = (i, state)
            if key not in self._cache:
                got: dict[str, str] = {}
                if state in rec.states:
                    for row in rec.status(state, self.on)["instruments"]:
                        if row["status"] in BINDING_STATUSES:
                            via = row.get("via")
                            got[row["id"]] = row["status"] + (f" via {via}" if via else "")
                self._cache[key] = got
            for k, v in self._cache[key].items():
                out.setdefault(k, v)
        return out


def _clause(record: Record, instrument: str, clause: str) -> Any | None:
    inst = record.instruments.get(instrument)
    if inst is None:
        return None
    for c in inst.clauses:
        if c.id == clause:
            return c
    return None


def engaged(
    records: Sequence[Record],
    on: dt.date,
    verdicts: Sequence[Verdict],
    action: Action,
    book: Rulebook | None = None,
) -> tuple[list[Engagement], list[str]]:
    """The commitments the verdicts and the action's accessions engage, and notes.

    The commitments are the clauses the rulebook (default: the bundled rules) tags with a
    principle. Not at the expense of others: for each pair whose other state is less safe
    on some indicator (under some reading), every ``not_at_expense`` clause binding both
    states on ``on`` (in the baseline record or after the action). Free choice: for each
    accession, every ``free_choice`` clause binding the acceding state.
    """
    rules = book or bundled()
    not_at_expense = [(c.instrument, c.clause) for c in rules.commitments("not_at_expense")]
    free_choice = [(c.instrument, c.clause) for c in rules.commitments("free_choice")]
    bound = _Bound(records, on)
    out: list[Engagement] = []
    notes: list[str] = []
    seen: set[tuple[str, str, tuple[str, ...], str]] = set()
    for acc in action.add.accessions:
        st = bound.status(acc.state)
        for inst, cl in free_choice:
            clause = _clause(records[0], inst, cl)
            if clause is None or inst not in st:
                continue
            key: tuple[str, str, tuple[str, ...], str] = (inst, cl, (acc.state,), "free_choice")
            if key in seen:
                continue
            seen.add(key)
            out.append(
                Engagement(
                    instrument=inst,
                    clause=cl,
                    ref=clause.ref,
                    principle="free_choice",
                    parties=(acc.state,),
                    because=f"{acc.state} joins {acc.org} on {acc.on.isoformat()}: an exercise "
                    "of the freedom to choose security arrangements, alliances included",
                    status={acc.state: st[inst]},
                    source=clause.source,
                )
            )
    for v in verdicts:
        if not v.other_worse:
            continue
        sa, so = bound.status(v.actor), bound.status(v.other)
        for inst, cl in not_at_expense:
            clause = _clause(records[0], inst, cl)
            if clause is None:
                notes.append(f"clause {inst}/{cl} is not in the record; not shown")
                continue
            if inst not in sa or inst not in so:
                continue
            key2: tuple[str, str, tuple[str, ...], str] = (
                inst,
                cl,
                (v.actor, v.other),
                "not_at_expense",
            )
            if key2 in seen:
                continue
            seen.add(key2)
            worse = ", ".join(v.other_worse[:3]) + (" ..." if len(v.other_worse) > 3 else "")
            out.append(
                Engagement(
                    instrument=inst,
                    clause=cl,
                    ref=clause.ref,
                    principle="not_at_expense",
                    parties=(v.actor, v.other),
                    because=f"verdict {v.verdict} (p = {v.probability:.2f}): {v.other} less safe "
                    f"on {worse}",
                    status={v.actor: sa[inst], v.other: so[inst]},
                    source=clause.source,
                )
            )
    return out, sorted(set(notes))


# --------------------------------------------------------------------------- findings
def _finding_diff(
    before: Sequence[Finding], after: Sequence[Finding]
) -> tuple[list[Finding], list[Finding]]:
    """Findings whose (key, result) appear only after / only before the action."""
    kb = {(f.key(), f.result) for f in before}
    ka = {(f.key(), f.result) for f in after}
    added = [f for f in after if (f.key(), f.result) not in kb]
    removed = [f for f in before if (f.key(), f.result) not in ka]
    return added, removed


# --------------------------------------------------------------------------- front door
def _date(action: Action, baseline: Scenario, on: str | dt.date | None) -> dt.date:
    if on is not None:
        return parse_date(on, field="on")
    return action.on if action.on is not None else baseline.date


def _inactive_notes(action: Action, d: dt.date) -> list[str]:
    notes = [
        f"added {group[:-1]} {x.id!r} is not active on {d.isoformat()}; it changes nothing "
        "on that date"
        for group in ("deployments", "forces", "exercises")
        for x in getattr(action.add, group)
        if not x.active(d)
    ]
    notes += [
        f"accession of {acc.state} to {acc.org} takes effect {acc.on.isoformat()}, after "
        f"{d.isoformat()}"
        for acc in action.add.accessions
        if acc.on > d
    ]
    return notes


@dataclass(frozen=True)
class _Options:
    """The options of one assessment, passed whole to the steps that need them."""

    states: Sequence[str] | None
    readings: Any
    draws: int
    seed: int | None
    rng: np.random.Generator | None
    tolerance: Tolerance
    indicators: Sequence[str] | None = None
    threats: Any = None


@dataclass(frozen=True)
class _Core:
    on: dt.date
    seed: int | None
    before: Any
    after: Any
    deltas: tuple[Delta, ...]
    verdicts: list[Verdict]
    changed: Scenario
    record_after: Record
    by_threats: dict[str, tuple[Verdict, ...]]
    threat_notes: tuple[str, ...]


def _core(
    record: Record, baseline: Scenario, action: Action, on: str | dt.date | None, opts: _Options
) -> _Core:
    draws = opts.draws
    if isinstance(draws, bool) or not isinstance(draws, int) or draws < 0:
        raise InputError(f"draws must be a non-negative integer, got {draws!r}", field="draws")
    s = _resolve_seed(opts.seed, opts.rng, draws)
    d = _date(action, baseline, on)
    from indivisible.assess._load import apply_action, check_action

    check_action(action, record)
    changed, rec2 = apply_action(action, baseline, record, d)
    readings_of_threat = threat_readings(opts.threats, record)
    first: _Core | None = None
    by: dict[str, tuple[Verdict, ...]] = {}
    for reading in readings_of_threat:
        one = _core_one(
            (record, baseline, action, d),
            changed,
            rec2,
            dataclasses.replace(opts, seed=s, rng=None, threats=reading),
        )
        by[reading.name] = tuple(one.verdicts)
        if first is None:
            first = one
    assert first is not None
    notes = tuple(r.describe() for r in readings_of_threat)
    return dataclasses.replace(first, by_threats=by, threat_notes=notes)


def threat_readings(threats: Any, record: Record) -> list[Any]:
    """The threat readings to assess under; the first is the one ``verdicts`` report.

    ``None``: the bundled ``sourced`` reading, then ``alliance``. Otherwise a reading, a
    name (``sourced``, ``alliance``), a file path, or a sequence of them.

    Raises:
        InputError: an unreadable or invalid threat file, or two readings with one name.
    """
    from indivisible.indicators._threats import ALLIANCE, SOURCED, as_reading

    items: list[Any]
    if threats is None:
        items = [SOURCED, ALLIANCE]
    elif isinstance(threats, str | Path) or not isinstance(threats, Sequence):
        items = [threats]
    else:
        items = list(threats)
    out = [as_reading(x, record) for x in items]
    names = [r.name for r in out]
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        raise InputError(
            f"two threat readings are named {dup}; give each its own name", field="threats"
        )
    return out


def _core_one(
    given: tuple[Record, Scenario, Action, dt.date],
    changed: Scenario,
    rec2: Record,
    opts: _Options,
) -> _Core:
    record, baseline, action, d = given
    s, draws, threats, indicators, tolerance = (
        opts.seed,
        opts.draws,
        opts.threats,
        opts.indicators,
        opts.tolerance,
    )
    kw: dict[str, Any] = {
        "states": opts.states,
        "readings": opts.readings,
        "draws": draws,
        "seed": s,
        "threats": threats,
    }
    before_p = _profile(record, baseline, d, **kw)
    after_p = _profile(rec2, changed, d, **kw)
    if opts.readings is None:

        def again(side: str, names: Sequence[str | None]) -> Any:
            if side == "before":
                return _profile(record, baseline, d, **kw, evaluate_under=names)
            return _profile(rec2, changed, d, **kw, evaluate_under=names)

        before_p, after_p = _same_readings(before_p, after_p, again)
    before = _select(before_p, indicators)
    after = _select(after_p, indicators)
    ds = deltas(before.table, after.table, tolerance)
    present = sorted({x.state for x in ds})
    others = list(action.others) if action.others is not None else present
    if draws > 0 and (
        getattr(before, "draws", None) is None or getattr(after, "draws", None) is None
    ):
        raise InputError(
            "the indicators' profile returned no Monte Carlo draws; run with draws=0 "
            "(probability over readings)",
            field="draws",
        )
    if draws > 0:
        meta = {
            str(i): str(di)
            for i, di in zip(before.table["indicator"], before.table["direction"], strict=True)
        }
        n, codes = _draw_evaluations(before.draws, after.draws, tolerance, meta)
        basis = "draws"
    else:
        evals, codes = _reading_evaluations(ds)
        n, basis = len(evals), "readings"
    vs = _verdicts(list(action.actor), others, codes, n, basis, ds, threats.name)
    return _Core(d, s, before, after, ds, vs, changed, rec2, {}, ())


class AssessOptions(TypedDict, total=False):
    """The keyword options of :func:`assess` and :func:`at_expense`, declared once.

    Attributes:
        states: restrict the profile to these states (default: the profile's).
        readings: readings passed to the profile (which figure of a disputed number).
        draws: Monte Carlo draws of the profile (default 0: the verdict's probability is
            over readings).
        seed: seed of the draws; both profiles use it (exclusive with ``rng``).
        rng: a NumPy generator the seed is drawn from (exclusive with ``seed``).
        tolerance: when a change counts (default: relative 1 %, absolute 1e-9).
        indicators: compare only these indicators of the profile (default: all).
        threats: the threat readings (whom each state regards as a potential threat): a
            reading, a name (``sourced``, ``alliance``), a file in the format of
            ``data/threats.yaml``, or a sequence of them (defaults: see each function).
    """

    states: Sequence[str] | None
    readings: Any
    draws: int
    seed: int | None
    rng: np.random.Generator | None
    tolerance: Tolerance | None
    indicators: Sequence[str] | None
    threats: Any


def _options(given: AssessOptions, threats: Any) -> _Options:
    """``given`` as :class:`_Options` (``threats`` is the function's default reading)."""
    unknown = sorted(set(given) - AssessOptions.__optional_keys__)
    if unknown:
        raise TypeError(f"unexpected keyword argument {unknown[0]!r}")
    return _Options(
        states=given.get("states"),
        readings=given.get("readings"),
        draws=given.get("draws", 0),
        seed=given.get("seed"),
        rng=given.get("rng"),
        tolerance=given.get("tolerance") or Tolerance(),
        indicators=given.get("indicators"),
        threats=given.get("threats", threats),
    )


def at_expense(
    record: Record,
    baseline: Scenario,
    action: Action,
    on: str | dt.date | None = None,
    **options: Unpack[AssessOptions],
) -> list[Verdict]:
    """The verdicts of the indivisibility test only (no rule findings).

    It never runs the rules, so a rule may call it without recursion.

    Args:
        record: the record.
        baseline: the scenario before the action (not changed).
        action: the action.
        on: date of assessment (default: the action's ``on``, else the scenario date).
        **options: see :class:`AssessOptions`; ``threats`` defaults to ``alliance``, as the
            rules' own profiles.

    Returns:
        One verdict per ordered pair (actor, other).

    Raises:
        InputError: bad action (unknown id to remove, invalid added entry...), bad date, or
            both ``seed`` and ``rng``.
    """
    return _core(record, baseline, action, on, _options(options, "alliance")).verdicts


def assess(
    record: Record,
    baseline: Scenario,
    action: Action,
    on: str | dt.date | None = None,
    **options: Unpack[AssessOptions],
) -> Assessment:
    """The indivisibility test of ``action`` against ``baseline`` on a date.

    Args:
        record: the record (who is bound by what).
        baseline: the scenario before the action; never changed.
        action: the action (see :class:`~indivisible.assess.types.Action`).
        on: date of assessment (default: the action's ``on``, else the scenario date).
        **options: see :class:`AssessOptions`. Of several ``threats`` readings the first
            decides ``deltas`` and ``verdicts``; every one has its verdicts in
            ``verdicts_by_threats``. Default: ``sourced`` then ``alliance``.

    Returns:
        The assessment: deltas, verdicts, engaged commitments, findings added and removed,
        assumptions, and the new scenario (``changed``).

    Raises:
        InputError: bad action or date; ``seed`` and ``rng`` together.

    Examples:
        >>> from indivisible.assess import Action
        >>> from indivisible.record import Record
        >>> from indivisible.world import load_scenario
        >>> rec = Record.load()
        >>> base = load_scenario("examples/europe-2022-02.yaml", rec)
        >>> act = Action.of("nothing", "USA")
        >>> assess(rec, base, act).verdicts[0].verdict
        'neutral'
    """
    book = bundled()
    opts = _options(options, None)
    tol, draws, indicators = opts.tolerance, opts.draws, opts.indicators
    core = _core(record, baseline, action, on, opts)
    eng, eng_notes = engaged([record, core.record_after], core.on, core.verdicts, action, book)
    fb = book.findings(record, baseline, core.on)
    fa = book.findings(core.record_after, core.changed, core.on)
    added, removed = _finding_diff(fb, fa)
    assumptions = [
        *[str(x) for x in getattr(core.before, "assumptions", ())],
        f"a change counts when |after - before| > max({tol.absolute:g}, "
        f"{tol.relative:g} × |before|) in the indicator's unit",
        "verdict: the most frequent over the "
        + (f"{draws} Monte Carlo draws (seed {core.seed})" if draws else "readings")
        + "; probability: its share",
        "commitments: in force for both states on the date, in the baseline record or after "
        "the action",
        *(
            [f"only these indicators are compared: {', '.join(indicators)}"]
            if indicators is not None
            else []
        ),
        *_inactive_notes(action, core.on),
        *eng_notes,
        "verdicts are under the first threat reading; verdicts_by_threats has them under "
        "each: " + "; ".join(core.threat_notes),
    ]
    return Assessment(
        action=action,
        scenario=baseline.scenario,
        on=core.on,
        deltas=core.deltas,
        verdicts=tuple(core.verdicts),
        engaged=tuple(eng),
        findings_added=tuple(added),
        findings_removed=tuple(removed),
        tolerance=tol,
        assumptions=tuple(dict.fromkeys(assumptions)),
        draws=draws,
        seed=core.seed,
        before=core.before,
        after=core.after,
        baseline=baseline,
        changed=core.changed,
        verdicts_by_threats=core.by_threats,
        ranges={
            **dict(getattr(core.before, "ranges", {}) or {}),
            **dict(getattr(core.after, "ranges", {}) or {}),
        },
        sensitivity=tuple(sensitivity(core.verdicts, core.deltas, core.by_threats)),
    )


def verdict_counts(verdicts: Iterable[Verdict]) -> dict[str, int]:
    """How many pairs got each verdict (for summaries).

    Examples:
        >>> verdict_counts([])
        {}
    """
    return dict(Counter(v.verdict for v in verdicts))
