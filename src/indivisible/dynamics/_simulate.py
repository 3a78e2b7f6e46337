"""Action-reaction runs: each party compares its profile to its reference and responds.

Policy (documented in :class:`~indivisible.dynamics.types.PartyPolicy`, parameters per party
in the response menu): every round, simultaneously, each party whose score deficit against
its reference (the baseline before the opening move and the package) exceeds its threshold
responds, with its ``respond_probability``, with the unused response that raises its own
score most per unit cost. Cheap asymmetric answers win when they buy more score per cost.
All chosen responses are applied at once; the next round starts from the new scenario.

A package holds: a response that would break it (add a deployment of the system, owners
and host a package measure removes) is never chosen; it is listed in
``Simulation.excluded`` with the reason.

Randomness: only the decision to respond is random. Run r draws from
``Generator(PCG64(SeedSequence(seed).spawn(runs)[r]))``; its state before the first draw is
stored. Profiles are cached by the set of moves made, so an ensemble costs one profile per
distinct state, not per run.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from indivisible._errors import InputError
from indivisible.dynamics._options import SimulateOptions
from indivisible.dynamics.types import Outcome, ResponseMenu, Simulation


def _fold(baseline: Any, record: Any, actions: Sequence[Any]) -> Any:
    """The scenario after ``actions`` as one set of changes (removals, then additions)."""
    remove: list[str] = []
    add: dict[tuple[str, Any], Any] = {}
    for a in actions:
        remove += [x for x in a.remove.ids() if x not in remove]
        for x in a.add.entries():
            add[(type(x).__name__, getattr(x, "id", None) or getattr(x, "key", None))] = x
    if not remove and not add:
        return baseline
    return baseline.with_changes(add=list(add.values()), remove=remove, record=record)


def _keys(entry: Any) -> tuple[Any, ...] | None:
    """What a package forbids of an entry it removes: a key any added entry is matched on.

    A deployment: ``("deployment", owners, host, system)``; an exercise: ``("exercise",
    owners, host)`` (a pull-back holds for every exercise of the same owners on the same
    territory); a declared prospect of membership or an accession: ``("membership", state,
    org)``. Other entries forbid nothing.
    """
    kind = type(entry).__name__
    if kind == "Deployment":
        return ("deployment", tuple(entry.owner), str(entry.host), str(entry.system))
    if kind == "Exercise":
        return ("exercise", tuple(entry.owner), str(entry.host))
    if kind in ("Prospect", "Accession"):
        return ("membership", str(entry.state), str(entry.org))
    return None


def _describe(entry: Any, key: tuple[Any, ...]) -> str:
    if key[0] == "deployment":
        return f"{entry.id} ({key[3]}, {'+'.join(key[1])} in {key[2]})"
    if key[0] == "exercise":
        return f"exercise {entry.id} ({'+'.join(key[1])} in {key[2]})"
    return f"{key[1]} joining {key[2]}"


def forbidden_by_package(menu: Any, baseline: Any, package: Sequence[str]) -> dict[Any, str]:
    """What the package forbids: the key (:func:`_keys`) of every entry it removes.

    A package that removes a deployment forbids putting back one of the same system, by
    the same owners, on the same host (under any id): the measure's terms (no such missile
    there) hold for the run, not only for the entry the baseline held. Likewise an exercise
    pulled back forbids another exercise of the same owners on the same territory, and a
    prospect of membership withdrawn forbids that prospect or that accession again.
    """
    out: dict[Any, str] = {}
    by_id: dict[str, Any] = {}
    for group in ("deployments", "exercises", "prospects"):
        by_id.update({x.id: x for x in getattr(baseline, group, ())})
    for mid in package:
        for act in menu.actions(mid):
            for rid in act.remove.ids():
                d = by_id.get(rid)
                k = _keys(d) if d is not None else None
                if k is not None:
                    out.setdefault(k, mid)
    return out


def package_breaches(responses: Any, forbidden: dict[Any, str]) -> dict[str, str]:
    """Response id -> why it breaks the package (it adds what a measure removed)."""
    out: dict[str, str] = {}
    for pol in responses.parties.values():
        for r in pol.responses:
            for act in responses.actions(r.id):
                for group in ("deployments", "exercises", "prospects", "accessions"):
                    for d in getattr(act.add, group, ()):
                        k = _keys(d)
                        if k is not None and k in forbidden:
                            out[r.id] = (
                                f"adds {_describe(d, k)}, which package measure "
                                f"{forbidden[k]} removes"
                            )
    return out


def _scores(table: Any, weights: dict[str, dict[str, float]]) -> dict[str, float]:
    """Per party, ``sum_i w_i * sign_i * mean over readings of value_i`` (finite values)."""
    out = {p: 0.0 for p in weights}
    t = table[table["state"].isin(list(weights))]
    for (st, ind, direction), grp in t.groupby(["state", "indicator", "direction"], sort=True):
        w = weights[str(st)].get(str(ind), 0.0)
        if w == 0.0:
            continue
        vals = [float(v) for v in grp["value"] if v is not None and math.isfinite(float(v))]
        if not vals:
            continue
        sign = 1.0 if direction == "higher_is_safer" else -1.0
        out[str(st)] += w * sign * sum(vals) / len(vals)
    return out


def simulate(
    record: Any,
    baseline: Any,
    responses: ResponseMenu,
    options: SimulateOptions | None = None,
) -> Simulation:
    """Run the action-reaction dynamics ``runs`` times over ``rounds`` rounds.

    Args:
        record: the record.
        baseline: the baseline scenario (the parties' reference; never changed).
        responses: the response menu (:func:`load_responses`).
        options: rounds, runs, seed, package and the rest (:class:`SimulateOptions`;
            default its defaults).

    Returns:
        The :class:`Simulation`.

    Raises:
        InputError: bad rounds/runs, seed and rng together, a package without a menu or
            with unknown measures, a response that cannot be applied.
    """
    import pandas as pd

    from indivisible._progress import track

    o = options if options is not None else SimulateOptions()
    rounds, runs, seed, rng, package, menu = o.rounds, o.runs, o.seed, o.rng, o.package, o.menu
    on, profiler, progress = o.on, o.profiler, o.progress
    if seed is not None and rng is not None:
        raise InputError("give seed or rng, not both", field="seed")
    if rounds < 1 or runs < 1:
        raise InputError(f"rounds and runs must be >= 1, got {rounds}, {runs}", field="--rounds")
    if rng is not None:
        seed = int(rng.integers(0, 2**63 - 1))
    if seed is None:
        seed = 0
    if profiler is None:
        from indivisible.indicators import profile as profiler
    day = on or baseline.date
    start = baseline
    rec = record
    if package:
        if menu is None:
            raise InputError("--package needs the response file's 'menu'", field="--package")
        from indivisible.negotiate import apply_bundle, compile_effects

        unknown = [p for p in package if p not in menu.ids]
        if unknown:
            from indivisible._hints import did_you_mean

            raise InputError(
                f"unknown measure {unknown[0]!r} in the package"
                f"{did_you_mean(unknown[0], menu.ids)}",
                field="--package",
            )
        eff = compile_effects(menu, baseline)
        mask = sum(1 << menu.ids.index(p) for p in package)
        start, rec = apply_bundle(eff, baseline, record, day, mask)
    breaches = (
        package_breaches(responses, forbidden_by_package(menu, baseline, package))
        if package
        else {}
    )
    parties = sorted(responses.parties)
    weights = {p: dict(responses.parties[p].weights) for p in parties}
    opening = list(responses.actions("opening")) if responses.opening is not None else []
    tables: dict[frozenset[str], Any] = {}

    def table_of(moves: frozenset[str]) -> Any:
        if moves not in tables:
            acts = [*opening, *(a for r in sorted(moves) for a in responses.actions(r))]
            sc = _fold(start, rec, acts)
            tables[moves] = profiler(rec, sc, day, states=parties).table
        return tables[moves]

    ref_table = profiler(record, baseline, day, states=parties).table
    children = np.random.SeedSequence(seed).spawn(runs)
    rows: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    states: list[dict[str, Any]] = []

    def ensemble(
        w: dict[str, dict[str, float]], thresholds: dict[str, float], record_runs: bool
    ) -> list[Outcome]:
        """The runs' outcomes under weights ``w`` and ``thresholds`` (profiles shared)."""
        scores: dict[frozenset[str], dict[str, float]] = {}

        def state(moves: frozenset[str]) -> tuple[Any, dict[str, float]]:
            if moves not in scores:
                scores[moves] = _scores(table_of(moves), w)
            return table_of(moves), scores[moves]

        reference = _scores(ref_table, w)
        outcomes: list[Outcome] = []
        for run in track(range(runs), "runs", enabled=progress and record_runs):
            g = np.random.Generator(np.random.PCG64(children[run]))
            if record_runs:
                states.append(dict(g.bit_generator.state))
            moves: frozenset[str] = frozenset()
            responded_last = False
            exhausted = False
            for t in range(rounds + 1):
                table, score = state(moves)
                if record_runs:
                    mine = table[table["state"].isin(parties)]
                    rows.extend(
                        {"run": run, "round": t, "party": st, "indicator": ind, "reading": rd,
                         "value": float(v), "score": score[st]}
                        for st, ind, rd, v in zip(
                            mine["state"], mine["indicator"], mine["reading"], mine["value"],
                            strict=True,
                        )
                    )  # fmt: skip
                if t == rounds:
                    break
                chosen: list[str] = []
                exhausted = False
                for p in parties:
                    pol = responses.parties[p]
                    deficit = reference[p] - score[p]
                    if deficit <= thresholds[p]:
                        continue
                    roll = g.random()
                    if roll >= pol.respond_probability:
                        continue
                    best: tuple[float, str, float] | None = None
                    for r in pol.responses:
                        if r.id in moves or r.id in breaches:
                            continue
                        gain = state(moves | {r.id})[1][p] - score[p]
                        if gain > 0 and (best is None or gain / r.cost > best[0]):
                            best = (gain / r.cost, r.id, gain)
                    if best is None:
                        exhausted = True
                        continue
                    chosen.append(best[1])
                    if record_runs:
                        cost = next(r.cost for r in pol.responses if r.id == best[1])
                        events.append({"run": run, "round": t + 1, "party": p,
                                       "response": best[1], "gain": best[2],
                                       "cost": cost})  # fmt: skip
                responded_last = bool(chosen)
                moves = moves | frozenset(chosen)
            if responded_last:
                outcomes.append("spiral")
            elif exhausted:
                outcomes.append("exhausted")
            else:
                outcomes.append("stable")
        return outcomes

    nominal = {p: responses.parties[p].threshold for p in parties}
    outcomes = ensemble(weights, nominal, True)
    sensitivity = run_sensitivity(outcomes, weights, nominal, ensemble)
    traj = pd.DataFrame(
        rows, columns=["run", "round", "party", "indicator", "reading", "value", "score"]
    )
    ev = pd.DataFrame(events, columns=["run", "round", "party", "response", "gain", "cost"])
    return Simulation(
        scenario=str(baseline.scenario),
        on=day,
        rounds=rounds,
        runs=runs,
        seed=seed,
        package=tuple(package),
        trajectories=traj,
        events=ev,
        outcomes=tuple(outcomes),
        rng_states=tuple(states),
        profile_calls=len(tables) + 1,
        excluded=dict(sorted(breaches.items())),
        sensitivity=tuple(sensitivity),
    )


def _modal(outcomes: Sequence[str]) -> str:
    """The most frequent outcome (ties: in the order stable, spiral, exhausted)."""
    order = ("stable", "spiral", "exhausted")
    return max(order, key=lambda o: (outcomes.count(o), -order.index(o)))


def run_sensitivity(
    outcomes: Sequence[str],
    weights: dict[str, dict[str, float]],
    thresholds: dict[str, float],
    ensemble: Any,
) -> list[dict[str, Any]]:
    """Which single assumption flips the ensemble's most frequent outcome.

    One at a time (:func:`indivisible.sensitivity.one_at_a_time`), same seeds and profiles:
    a party's threshold x10 or x0.1 (the tolerance of its policy), and a party's weight on
    one indicator set to 0. Not varied: the threat reading and single sites (rerun).
    """
    import functools

    from indivisible import sensitivity as _sens

    def modal_under(w: dict[str, dict[str, float]], th: dict[str, float]) -> str:
        return _modal(ensemble(w, th, False))

    alternatives: list[_sens.Alternative] = []
    for p in sorted(thresholds):
        for factor, name in ((10.0, "x10"), (0.1, "x0.1")):
            th = {**thresholds, p: thresholds[p] * factor}
            alternatives.append(
                ("threshold", f"{p} {name}", functools.partial(modal_under, weights, th))
            )
        for ind in sorted(weights[p]):
            w = {**weights, p: {**weights[p], ind: 0.0}}
            alternatives.append(
                ("weight", f"{p}:{ind}", functools.partial(modal_under, w, thresholds))
            )
    verdict = _modal(outcomes)
    lab, flips = _sens.one_at_a_time(verdict, alternatives)
    return [{"verdict": verdict, "label": lab, "flips": flips}]
