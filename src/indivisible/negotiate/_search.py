"""The package search: every bundle of a menu against a baseline, exactly, optionally on Dask.

Steps (``docs/negotiation.md`` gives the formulas):

1. compile the menu into slots and masks (``_effects``); bundles are bitmasks 0 … 2^N − 1,
   kept when they contain what their measures ``require``;
2. evaluate the per-slot contributions with the profile (``_kernel.contributions``), once
   for the point values and once per draw chunk;
3. evaluate every bundle's indicator values by bitmask algebra, judge compatibility, count
   per bundle the draws in which it is compatible;
4. verify a few bundles by full recomputation (the declared aggregations must hold);
5. Pareto set, ranking, and per compatible bundle what each measure gives to whom.

Randomness: draws are made in fixed chunks of ``chunk_draws``; chunk k is profiled with the
seed ``SeedSequence(seed).spawn(K)[k]``. Chunking depends on the run's parameters only, never
on the number of workers, and per-bundle counts are integers summed over chunks, so a Dask
run gives bit-for-bit the single-process result.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from indivisible._errors import IndivisibleError, InputError
from indivisible.negotiate._bnb import search as bnb_search
from indivisible.negotiate._effects import Effects, apply_bundle, compile_effects, feasible
from indivisible.negotiate._kernel import (
    Contributions,
    Layer,
    bounds,
    compatible_counts,
    contributions,
    gains,
    judge,
    profiles,
    values,
)
from indivisible.negotiate._options import SearchOptions
from indivisible.negotiate._profile import (
    AGGREGATION,
    EXPOSED_INDICATORS,
    Keys,
    Profiler,
    default_profiler,
    evaluate,
    keys_of,
)
from indivisible.negotiate.types import (
    BundleResult,
    Explanation,
    Menu,
    Negotiation,
    ParetoPoint,
    Perspective,
)


@dataclass(frozen=True)
class _State:
    """What the search resolved before evaluating bundles (both paths and the report)."""

    menu: Menu
    record: Any
    baseline: Any
    day: dt.date
    ps: tuple[str, ...]
    keys: Keys
    weights: npt.NDArray[np.float64] | None
    effects: Effects
    prof: Profiler
    tol: Any
    seed: int | None
    base_prof: Any
    options: SearchOptions


@dataclass(frozen=True)
class _Found:
    """The evaluated bundles handed to the report (arrays indexed by position in ``ms``)."""

    before: npt.NDArray[np.float64]
    g_all: npt.NDArray[np.float64]
    ok: npt.NDArray[np.bool_]
    score_pt: npt.NDArray[np.float64] | None
    feas: npt.NDArray[np.bool_]
    prob: npt.NDArray[np.float64] | None
    no_draws: bool
    calls: int
    ms: npt.NDArray[np.int64] | None = None
    search: Any = None
    look: Callable[[list[int]], tuple[npt.NDArray[np.float64], Any]] | None = None


def draw_seeds(seed: int, draws: int, chunk: int) -> list[tuple[int, int]]:
    """``(n_draws, seed)`` of each draw chunk: children of ``SeedSequence(seed)``.

    Examples:
        >>> [n for n, _ in draw_seeds(7, 600, 250)]
        [250, 250, 100]
    """
    k = -(-draws // chunk)
    children = np.random.SeedSequence(seed).spawn(k)
    out = []
    for i, child in enumerate(children):
        n = min(chunk, draws - i * chunk)
        out.append((n, int(child.generate_state(1, dtype=np.uint32)[0])))
    return out


def _resolve_seed(seed: int | None, rng: np.random.Generator | None, draws: int) -> int | None:
    if seed is not None and rng is not None:
        raise InputError("give seed or rng, not both", field="seed")
    if rng is not None:
        return int(rng.integers(0, 2**63 - 1))
    if seed is None and draws > 0:
        raise InputError(
            "draws need a seed (or rng) so that the run can be reproduced", field="seed"
        )
    return seed


def _check_parties(record: Any, parties: Sequence[str], on: dt.date) -> tuple[str, ...]:
    out = []
    for p in parties:
        st = record.states.get(p)
        if st is None:
            from indivisible._hints import did_you_mean

            raise InputError(
                f"party {p!r} is not a state of the record{did_you_mean(p, record.states)}",
                field="--parties",
            )
        if (st.exists_from is not None and on < st.exists_from) or (
            st.exists_to is not None and on >= st.exists_to
        ):
            raise InputError(f"party {p!r} does not exist on {on.isoformat()}", field="--parties")
        out.append(p)
    if len(set(out)) != len(out) or not out:
        raise InputError("expected distinct parties, at least one", field="--parties")
    return tuple(out)


def _weights(
    perspectives: Mapping[str, Perspective],
    parties: Sequence[str],
    keys: Keys,
    profiled: set[str] | None = None,
) -> npt.NDArray[np.float64]:
    """``[P, K]`` weights; a weight on an indicator left out of the comparison is ignored."""
    w = np.zeros((len(parties), len(keys.names)))
    known = set(keys.indicator) if profiled is None else profiled
    for i, p in enumerate(parties):
        persp = perspectives.get(p)
        if persp is None:
            raise InputError(
                f"weighted mode needs a perspective for every party; none for {p!r}",
                field="--weights",
            )
        for name, wt in persp.weights.items():
            if name not in known:
                raise InputError(
                    f"weight for unknown indicator {name!r} (profile indicators: "
                    f"{', '.join(sorted(known))})",
                    path=persp.path,
                    field=f"weights.{name}",
                )
            ks = [k for k, ind in enumerate(keys.indicator) if ind == name]
            for k in ks:  # an indicator under several readings: the mean over readings
                w[i, k] = wt.weight / len(ks)
    return w


def _run(
    fn: Callable[..., Any], tasks: list[tuple[Any, ...]], shared: Any, o: SearchOptions, desc: str
) -> list[Any]:
    """Run ``fn(shared, *task)`` for every task, in order, locally or on Dask.

    On Dask, ``shared`` is scattered once to every worker (one object, one transfer per
    worker); tasks carry only their small arguments, and each result is fetched once.
    """
    from indivisible._progress import bar, track

    client, progress = o.client, o.progress
    if client is None and o.workers is None and o.scheduler is None:
        return [fn(shared, *t) for t in track(tasks, desc, enabled=progress)]
    own: list[Any] = []
    if client is None:
        from indivisible import _dask

        client, own = _dask.client(o.workers, o.scheduler)
    try:
        [big] = client.scatter([shared], broadcast=True, hash=False)
        futures = [client.submit(fn, big, *t, pure=False) for t in tasks]
        out = []
        with bar(len(futures), desc, enabled=progress) as b:
            for f in futures:  # in order: deterministic, and no default client needed
                out.append(f.result())
                b.update(1)
        return out
    finally:
        for x in own:
            x.close()


def _exact_all(st: _State, draws: int, seed: int | None) -> npt.NDArray[np.float64]:
    """Every bundle's values by full recomputation (indicators declared ``exact``)."""
    effects, profiler, record, baseline = st.effects, st.prof, st.record, st.baseline
    on, parties, keys = st.day, st.ps, st.keys
    n = effects.n
    d = max(draws, 1)
    out = np.full((1 << n, len(parties), len(keys.names), d), np.nan)
    for m in range(1 << n):
        sc, rec = apply_bundle(effects, baseline, record, on, m)
        ev = evaluate(profiler, rec, sc, on, parties, keys, draws=draws, seed=seed)
        out[m] = ev.point if draws == 0 else (ev.draws if ev.draws is not None else np.nan)
    return out


def _popcount(m: int) -> int:
    return bin(m).count("1")


def _pareto(obj: npt.NDArray[np.float64]) -> npt.NDArray[np.bool_]:
    """Non-dominated rows of ``obj`` (maximise every column); duplicates all kept."""
    uniq, inverse = np.unique(obj, axis=0, return_inverse=True)
    order = np.argsort(-uniq.sum(axis=1), kind="stable")
    kept: list[int] = []
    for i in order:
        row = uniq[i]
        if kept:
            front = uniq[kept]
            dom = (front >= row).all(axis=1) & (front > row).any(axis=1)
            if dom.any():
                continue
        kept.append(int(i))
    nd = np.zeros(len(uniq), dtype=bool)
    nd[kept] = True
    out: npt.NDArray[np.bool_] = nd[inverse.reshape(-1)]
    return out


def negotiate(
    record: Any,
    baseline: Any,
    menu: Menu,
    parties: Sequence[str],
    options: SearchOptions | None = None,
) -> Negotiation:
    """Search every bundle of ``menu`` for packages that leave no party in ``parties`` worse off.

    Args:
        record: the record (instrument events of measures are applied to copies).
        baseline: the baseline scenario (never changed).
        menu: the menu (:func:`load_menu`).
        parties: the parties P whose security is compared (ISO3 codes).
        options: how to search (:class:`SearchOptions`; default its defaults).

    Returns:
        The :class:`Negotiation`.

    Raises:
        InputError: bad parties, seed/rng, mode, perspectives, too many measures.
        IndivisibleError: a declared aggregation fails verification (exit 1).
    """
    from indivisible.assess import Tolerance

    o = options if options is not None else SearchOptions()
    mode, perspectives, draws, level, indicators = (
        o.mode, o.perspectives, o.draws, o.level, o.indicators
    )  # fmt: skip
    if mode not in ("strict", "weighted"):
        raise InputError(f"mode must be strict or weighted, got {mode!r}", field="--mode")
    if isinstance(draws, bool) or draws < 0:
        raise InputError(f"draws must be >= 0, got {draws!r}", field="--draws")
    if not 0.0 <= level <= 1.0:
        raise InputError(f"level must lie in [0, 1], got {level!r}", field="--level")
    if o.chunk_bundles < 1 or o.chunk_draws < 1:
        raise InputError("chunk sizes must be >= 1", field="chunk")
    s = _resolve_seed(o.seed, o.rng, draws)
    day = o.on or menu.on or baseline.date
    ps = _check_parties(record, parties, day)
    tol = o.tolerance if o.tolerance is not None else Tolerance()
    prof = o.profiler or default_profiler(indicators)
    agg = dict(AGGREGATION if o.aggregation is None else o.aggregation)
    effects = compile_effects(menu, baseline)
    n = effects.n
    if n > 62:
        raise InputError(
            f"{n} measures: at most 62 (bundles are 64-bit masks); split the menu",
            path=menu.path,
            field="measures",
        )
    if o.max_evaluations < 1 or o.leaf_bits < 1:
        raise InputError("max_evaluations and leaf_bits must be >= 1", field="--max-evaluations")
    above = n > o.exhaustive_limit
    base_prof = prof(record, baseline, day, states=list(ps), draws=0, seed=None)
    missing = [p for p in ps if p not in set(base_prof.table["state"])]
    if missing:
        raise InputError(
            f"party {missing[0]!r} is not in the profile of the scenario", field="--parties"
        )
    known = set(base_prof.table["indicator"])
    for name in indicators or ():
        if name not in known:
            from indivisible._hints import did_you_mean

            raise InputError(
                f"unknown indicator {name!r}{did_you_mean(name, known)} (profile indicators: "
                f"{', '.join(sorted(known))})",
                field="--indicators",
            )
    # ---- point layer: profiles of every core and core + slot, then the keys over all
    point_profs = profiles(effects, prof, record, baseline, day, ps, draws=0, seed=None)
    calls = 1 + sum(len(r) for r in point_profs)

    def chosen(t: Any) -> Any:
        return t if indicators is None else t[t["indicator"].isin(list(indicators))]

    keys = keys_of(
        chosen(base_prof.table), ps, agg, *(chosen(p.table) for r in point_profs for p in r)
    )
    weights = None
    if mode == "weighted":
        if not perspectives:
            raise InputError("weighted mode needs --weights (perspective files)", field="--weights")
        weights = _weights(perspectives, ps, keys, known)
    has_exact = any(a == "exact" for a in keys.aggregation)
    n_all = 1 << n
    if has_exact and (n_all > o.max_recompute or above):
        names = sorted(
            {i for i, a in zip(keys.indicator, keys.aggregation, strict=True) if a == "exact"}
        )
        raise InputError(
            f"indicator(s) {', '.join(names)} are not declared decomposable: exact recomputation "
            f"of {n_all} bundles exceeds max_recompute={o.max_recompute}; declare their "
            "aggregation, leave them out (--indicators) or use a smaller menu",
            field="aggregation",
        )
    c_pt = contributions(point_profs, ps, keys, draws=0)
    st = _State(menu, record, baseline, day, ps, keys, weights, effects, prof, tol, s, base_prof, o)
    if above:
        return _with_sensitivity(_negotiate_bnb(st, c_pt, calls), keys, weights, tol)
    exact_pt = None
    if has_exact:
        exact_pt = _exact_all(st, 0, None)
        calls += n_all
    masks_all = np.arange(n_all, dtype=np.int64)
    vals = np.concatenate(
        [
            values(effects, c_pt, masks_all[i : i + o.chunk_bundles])
            for i in range(0, n_all, o.chunk_bundles)
        ]
    )
    if exact_pt is not None:
        xk = c_pt.agg == 3
        vals[:, :, xk, :] = exact_pt[:, :, xk, :]
    before = vals[0]
    g_all = gains(vals, before, keys.sign, bounds(before, keys, tol))
    ok_pt, score_pt = judge(g_all, weights)
    ok = ok_pt[:, 0]
    feas = feasible(masks_all, effects.requires)
    # ---- verification against full recomputation
    calls += _verify(st, lambda m: vals[m], lambda m: bool(feas[m]), n_all)
    # ---- draws
    prob: npt.NDArray[np.float64] | None = None
    no_draws = False
    if draws > 0:
        assert s is not None
        counts = np.zeros(n_all, dtype=np.int64)
        layers: list[Layer] = []
        for nd, sd in draw_seeds(s, draws, o.chunk_draws):
            d_profs = profiles(effects, prof, record, baseline, day, ps, draws=nd, seed=sd)
            calls += sum(len(r) for r in d_profs)
            c_d = contributions(d_profs, ps, keys, draws=nd)
            ex = None
            if has_exact:
                ex = _exact_all(st, nd, sd)
                calls += n_all
            b_d = values(effects, c_d, np.zeros(1, dtype=np.int64))[0]
            if ex is not None:
                b_d[:, c_d.agg == 3, :] = ex[0][:, c_d.agg == 3, :]
            layers.append(Layer.build(effects, c_d, b_d, keys, (tol, weights, ex)))
        no_draws = not has_exact and all(np.isnan(x.c.v0).all() for x in layers)
        if not no_draws:
            tasks = [
                (k, lo, min(n_all, lo + o.chunk_bundles))
                for k in range(len(layers))
                for lo in range(0, n_all, o.chunk_bundles)
            ]
            results = _run(_task, tasks, layers, o, desc="bundles x draws")
            for (_, lo, hi), r in zip(tasks, results, strict=True):
                counts[lo:hi] += r
            prob = counts / float(draws)
    found = _Found(before, g_all, ok, score_pt, feas, prob, no_draws, calls)
    return _with_sensitivity(_report(st, found), keys, weights, tol)


# ---- sensitivity (issue 14, item 5): kept apart from the search; see negotiate._sensitivity
def _with_sensitivity(
    res: Negotiation, keys: Keys, weights: npt.NDArray[np.float64] | None, tol: Any
) -> Negotiation:
    """``res`` with the sensitivity of its bundles shown and its Pareto points."""
    from indivisible.negotiate._sensitivity import NOT_VARIED, bundle_sensitivity

    shown = [(b.measures, b.gains) for b in res.bundles]
    shown += [(p.measures, p.gains) for p in res.pareto]
    sens = bundle_sensitivity(
        list(dict((tuple(m), (m, g)) for m, g in shown).values()),
        res.parties,
        keys.names,
        keys.indicator,
        res.baseline,
        weights,
        tol,
    )
    return dataclasses.replace(
        res, sensitivity=tuple(sens), assumptions=(*res.assumptions, NOT_VARIED)
    )


def _task(layers: list[Layer], k: int, lo: int, hi: int) -> npt.NDArray[np.int64]:
    """Counts of layer ``k`` for bundles ``lo .. hi - 1`` (one task)."""
    return layers[k].counts(lo, hi)


def _verify(
    st: _State,
    val_of: Callable[[int], npt.NDArray[np.float64]],
    feas_of: Callable[[int], bool],
    n_all: int,
) -> int:
    """Check a few bundles by full recomputation; the number of profile calls made."""
    effects, prof, record, baseline = st.effects, st.prof, st.record, st.baseline
    day, ps, keys, verify = st.day, st.ps, st.keys, st.options.verify
    if verify <= 0:
        return 0
    picks = [0, n_all - 1]
    picks += [int(x) for x in np.random.default_rng(n_all).integers(0, n_all, size=verify)]
    chosen = list(dict.fromkeys(m for m in picks if feas_of(m)))[: max(verify, 1)]
    for m in chosen:
        sc, rec = apply_bundle(effects, baseline, record, day, m)
        ev = evaluate(prof, rec, sc, day, ps, keys, draws=0, seed=None)
        a, b = val_of(m), ev.point
        same = np.isclose(a, b, rtol=1e-9, atol=1e-9, equal_nan=True)
        if not same.all():
            p, k, _ = (int(x[0]) for x in np.nonzero(~same))
            bundle = [effects.measures[i] for i in range(effects.n) if (m >> i) & 1]
            raise IndivisibleError(
                f"indicator {keys.names[k]!r} (declared {keys.aggregation[k]}) is not "
                f"decomposable: for {ps[p]} and bundle {bundle} the vectorised value is "
                f"{a[p, k, 0]!r} but recomputation gives {b[p, k, 0]!r}; declare it 'exact'"
            )
    return len(chosen)


def _indices(m: int, n: int) -> tuple[int, ...]:
    return tuple(i for i in range(n) if (m >> i) & 1)


def _members(m: int, ids: Sequence[str]) -> tuple[str, ...]:
    return tuple(ids[i] for i in range(len(ids)) if (m >> i) & 1)


def _explain(
    m: int,
    ids: Sequence[str],
    ps: Sequence[str],
    keys: Keys,
    look: Callable[[list[int]], tuple[npt.NDArray[np.float64], npt.NDArray[np.float64] | None]],
) -> Explanation:
    gives: dict[str, dict[str, dict[str, float]]] = {}
    pays: dict[str, list[str]] = {p: [] for p in ps}
    inside = [i for i in range(len(ids)) if (m >> i) & 1]
    g_all, s_all = look([m, *(m & ~(1 << i) for i in inside)])
    gm = g_all[0]
    contrib: dict[int, npt.NDArray[np.float64]] = {}
    for j, i in enumerate(inside):
        with np.errstate(invalid="ignore"):  # inf - inf: no marginal change
            d = np.nan_to_num(gm - g_all[j + 1], nan=0.0, posinf=np.inf, neginf=-np.inf)
        contrib[i] = d
        per: dict[str, dict[str, float]] = {}
        for pi, p in enumerate(ps):
            row = {keys.names[k]: float(d[pi, k]) for k in range(len(keys.names)) if d[pi, k] != 0}
            if row:
                per[p] = row
            costly = (
                (d[pi] < 0).any() if s_all is None else bool(s_all[0, pi] - s_all[j + 1, pi] < 0)
            )
            if costly:
                pays[p].append(ids[i])
        gives[ids[i]] = per
    price_of: dict[tuple[str, str], tuple[str, ...]] = {}
    for pi, p in enumerate(ps):
        for mid in pays[p]:
            i = ids.index(mid)
            by = tuple(ids[j] for j in inside if j != i and (contrib[j][pi] > 0).any())
            price_of[(p, mid)] = by
    trade: dict[str, tuple[str, ...]] = {}
    if s_all is not None:
        for pi, p in enumerate(ps):
            trade[p] = tuple(keys.names[k] for k in range(len(keys.names)) if gm[pi, k] < 0)
    return Explanation(gives, {p: tuple(v) for p, v in pays.items()}, price_of, trade)


def _report(st: _State, f: _Found) -> Negotiation:
    """Assemble the result; arrays are indexed by position in ``f.ms`` (default: the mask).

    ``f.search`` (a branch-and-bound ``Outcome``) gives the Pareto groups and the bound.
    """
    menu, baseline, day, ps, keys, effects = (
        st.menu, st.baseline, st.day, st.ps, st.keys, st.effects
    )  # fmt: skip
    o, seed, base_prof = st.options, st.seed, st.base_prof
    mode, draws, level, limit, explain = o.mode, o.draws, o.level, o.limit, o.explain
    before, g_all, ok, score_pt, feas, prob = f.before, f.g_all, f.ok, f.score_pt, f.feas, f.prob
    calls, no_draws, search = f.calls, f.no_draws, f.search
    ids = effects.measures
    g = g_all[..., 0]  # [M, P, K]
    score = score_pt[..., 0] if score_pt is not None else None  # [M, P]
    ms = f.ms if f.ms is not None else np.arange(g.shape[0], dtype=np.int64)

    def own_look(masks: list[int]) -> tuple[npt.NDArray[np.float64], Any]:
        return g[masks], None if score is None else score[masks]

    look = f.look if f.look is not None else own_look

    cand = np.flatnonzero(ok & feas)
    improved = (g > 0).sum(axis=(1, 2))
    p_rank = prob if prob is not None else np.ones(len(ok))
    order = sorted(
        cand.tolist(),
        key=lambda q: (
            -p_rank[q],
            -improved[q],
            _popcount(int(ms[q])),
            _indices(int(ms[q]), len(ids)),
        ),
    )
    compatible_total = len(order)
    if limit is not None:
        order = order[:limit]
    bundles = []
    for rank, q in enumerate(order):
        m = int(ms[q])
        gains_m = {
            p: {keys.names[k]: float(g[q, pi, k]) for k in range(len(keys.names))}
            for pi, p in enumerate(ps)
        }
        if score is not None:
            better = tuple(p for pi, p in enumerate(ps) if score[q, pi] > 0)
            worse = tuple(p for pi, p in enumerate(ps) if score[q, pi] < 0)
            scores = {p: float(score[q, pi]) for pi, p in enumerate(ps)}
        else:
            better = tuple(p for pi, p in enumerate(ps) if (g[q, pi] > 0).any())
            worse = tuple(p for pi, p in enumerate(ps) if (g[q, pi] < 0).any())
            scores = {}
        bundles.append(
            BundleResult(
                measures=_members(m, ids),
                compatible=True,
                probability=None if prob is None else float(prob[q]),
                gains=gains_m,
                scores=scores,
                better=better,
                worse=worse,
                explanation=_explain(m, ids, ps, keys, look) if rank < explain else None,
            )
        )
    if search is None:
        fm = np.flatnonzero(feas)
        obj = (score if score is not None else g.reshape(g.shape[0], -1))[fm]
        nd = _pareto(obj)
        groups: dict[bytes, list[int]] = {}
        for m, is_nd in zip(fm.tolist(), nd.tolist(), strict=True):
            if is_nd:
                groups.setdefault(_key(score, g, m), []).append(m)
        chosen = [
            (min(grp, key=lambda m: (_popcount(m), _indices(m, len(ids)))), len(grp))
            for grp in groups.values()
        ]
    else:
        chosen = [(int(np.searchsorted(ms, best)), int(cnt)) for best, cnt in search.pareto]
    pareto = []
    for best, cnt in chosen:
        gains_b = {
            p: {keys.names[k]: float(g[best, pi, k]) for k in range(len(keys.names))}
            for pi, p in enumerate(ps)
        }
        mb = int(ms[best])
        pareto.append(ParetoPoint(_members(mb, ids), cnt, bool(ok[best]), gains_b))
    pareto.sort(key=lambda p: (not p.compatible, len(p.measures), p.measures))
    robust = tuple(
        b.measures for b in bundles if b.probability is not None and b.probability >= level
    )
    base = {
        p: {keys.names[k]: float(before[pi, k, 0]) for k in range(len(keys.names))}
        for pi, p in enumerate(ps)
    }
    assumptions = [
        "aggregation over deployments, forces and exercises: "
        + ", ".join(f"{k}={a}" for k, a in zip(keys.names, keys.aggregation, strict=True)),
        "a gain counts when |change| > max(absolute, relative x |baseline|) (assess.Tolerance); "
        "a change that cannot be computed (NaN) counts as none",
        "strict: compatible when no party is worse on any indicator and some party is better; "
        "weighted: when no party's weighted score falls and some party's rises",
        "measures combine as sets: an entry removed by two measures is removed once",
    ]
    if not any(k.split("[")[0] in EXPOSED_INDICATORS for k in keys.names):
        assumptions.append(
            "not compared unless named with --indicators: "
            + ", ".join(EXPOSED_INDICATORS)
            + " (the union of areas and cities in reach is not additive over deployments: "
            "each bundle would need a profile of its own)"
        )
    if keys.dropped:
        assumptions.append(
            "not compared (a reading that some evaluated scenario does not show, so no value "
            "under it exists there): " + ", ".join(keys.dropped)
        )
    if no_draws:
        assumptions.append("the profile returned no Monte Carlo draws: no probability is given")
    elif draws > 0:
        assumptions.append(
            "probability: share of Monte Carlo draws (profile draws in chunks seeded from "
            "SeedSequence(seed).spawn) in which the bundle is compatible"
        )
    assumptions += [str(a) for a in getattr(base_prof, "assumptions", [])]
    return Negotiation(
        measures=measure_effects(menu, ids, ps, keys, g, ms, search is None),
        compatible_total=compatible_total,
        menu=menu.menu,
        scenario=str(baseline.scenario),
        on=day,
        parties=ps,
        mode=mode,
        indicators=keys.describe(),
        baseline=base,
        bundles=tuple(bundles),
        pareto=tuple(pareto),
        evaluated=int(feas.sum()) if search is None else search.evaluated,
        exhaustive=search is None,
        bound=None if search is None else dict(search.bound),
        draws=draws,
        seed=seed,
        level=level,
        robust=robust,
        profile_calls=calls,
        assumptions=tuple(assumptions),
        n_compatible=len(cand),
    )


def measure_effects(
    menu: Menu,
    ids: Sequence[str],
    ps: Sequence[str],
    keys: Keys,
    g: npt.NDArray[np.float64],
    ms: npt.NDArray[np.int64],
    exhaustive: bool,
) -> tuple[dict[str, str], ...]:
    """Per measure, whether it changes any compared indicator of the parties, and why.

    ``changes`` when some bundle with the measure differs from the same bundle without it
    (every pair, when the search was exhaustive; else the measure alone against the
    baseline); the reason names the largest changes of the measure alone. ``none``: the
    measure is outside the model for these parties and indicators; the reason is the
    measure's ``note`` where the menu gives one.
    """
    n = len(ids)
    index = {int(m): q for q, m in enumerate(ms.tolist())}
    flat = g.reshape(g.shape[0], -1)
    out: list[dict[str, str]] = []
    for i, mid in enumerate(ids):
        bit = 1 << i
        changed = False
        if exhaustive and flat.shape[0] == 1 << n:
            with_i = np.flatnonzero((np.arange(flat.shape[0]) >> i) & 1)
            a, b = flat[with_i], flat[with_i ^ bit]
            same = (a == b) | (np.isnan(a) & np.isnan(b))
            changed = bool((~same).any())
        elif bit in index:
            row = flat[index[bit]]
            changed = bool((np.nan_to_num(row, nan=0.0) != 0).any())
        if changed:
            q = index.get(bit)
            parts: list[str] = []
            if q is not None:
                per = g[q]  # [P, K]
                order = np.argsort(-np.abs(np.nan_to_num(per, nan=0.0)), axis=None)[:3]
                for flat_k in order.tolist():
                    pi, k = divmod(int(flat_k), per.shape[1])
                    v = float(per[pi, k])
                    if v == v and v != 0:
                        parts.append(f"{ps[pi]} {keys.names[k]} {v:+.4g}")
            reason = (
                "alone: " + "; ".join(parts)
                if parts
                else "changes the compared indicators in combination with other measures"
            )
            out.append({"id": mid, "effect": "changes", "reason": reason})
        else:
            note = menu.measure(mid).note if hasattr(menu, "measure") else None
            reason = (
                "outside the model: no compared indicator of "
                + ", ".join(ps)
                + " moves beyond the tolerance, alone or in any bundle"
                + (f" ({' '.join(str(note).split())})" if note else "")
            )
            out.append({"id": mid, "effect": "none", "reason": reason})
    return tuple(out)


def _key(score: npt.NDArray[np.float64] | None, g: npt.NDArray[np.float64], m: int) -> bytes:
    row = score[m] if score is not None else g[m].reshape(-1)
    return np.ascontiguousarray(row).tobytes()


def _task_masks(layers: list[Layer], k: int, masks: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Counts of layer ``k`` for the bundles ``masks`` (one branch-and-bound task)."""
    x = layers[k]
    return compatible_counts(x.effects, x.c, masks, x.before, x.keys, x.tolerance, x.weights)


def _negotiate_bnb(st: _State, c_pt: Contributions, calls: int) -> Negotiation:
    """Above the exhaustive limit: the exact branch-and-bound (``_bnb``), then the report."""
    record, baseline, day, ps, keys, weights = (
        st.record, st.baseline, st.day, st.ps, st.keys, st.weights
    )  # fmt: skip
    effects, prof, tol, s, o = st.effects, st.prof, st.tol, st.seed, st.options
    draws, chunk_bundles = o.draws, o.chunk_bundles
    n_all = 1 << effects.n
    before = values(effects, c_pt, np.zeros(1, dtype=np.int64))[0]
    tb = bounds(before, keys, tol)
    out = bnb_search(
        effects, c_pt, before, keys.sign, tb, weights,
        leaf_bits=o.leaf_bits, max_evaluations=o.max_evaluations,
    )  # fmt: skip
    best = np.array([b for b, _ in out.pareto], dtype=np.int64)
    ms = np.unique(np.concatenate([out.compatible, best, np.zeros(1, dtype=np.int64)]))

    def vals_of(masks: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
        if masks.size == 0:
            return np.empty((0, *before.shape))
        return np.concatenate(
            [values(effects, c_pt, masks[i : i + chunk_bundles])
             for i in range(0, masks.size, chunk_bundles)]
        )  # fmt: skip

    vals = vals_of(ms)
    g_all = gains(vals, before, keys.sign, tb)
    ok_pt, score_pt = judge(g_all, weights)
    ok = ok_pt[:, 0]
    feas = feasible(ms, effects.requires)

    def look(masks: list[int]) -> tuple[npt.NDArray[np.float64], Any]:
        gg = gains(vals_of(np.array(masks, dtype=np.int64)), before, keys.sign, tb)
        _, sc = judge(gg, weights)
        return gg[..., 0], None if sc is None else sc[..., 0]

    calls += _verify(
        st,
        lambda m: vals_of(np.array([m], dtype=np.int64))[0],
        lambda m: bool(feasible(np.array([m], dtype=np.int64), effects.requires)[0]),
        n_all,
    )
    prob: npt.NDArray[np.float64] | None = None
    no_draws = False
    if draws > 0:
        assert s is not None
        layers: list[Layer] = []
        for nd, sd in draw_seeds(s, draws, o.chunk_draws):
            d_profs = profiles(effects, prof, record, baseline, day, ps, draws=nd, seed=sd)
            calls += sum(len(r) for r in d_profs)
            c_d = contributions(d_profs, ps, keys, draws=nd)
            b_d = values(effects, c_d, np.zeros(1, dtype=np.int64))[0]
            layers.append(Layer(effects, c_d, b_d, keys, tol, weights, None, None))
        no_draws = all(np.isnan(x.c.v0).all() for x in layers)
        if not no_draws:
            tasks = [
                (k, ms[lo : lo + chunk_bundles])
                for k in range(len(layers))
                for lo in range(0, ms.size, chunk_bundles)
            ]
            results = _run(_task_masks, tasks, layers, o, desc="bundles x draws")
            counts = np.zeros(ms.size, dtype=np.int64)
            pos = {int(m): i for i, m in enumerate(ms.tolist())}
            for (_, chunk), r in zip(tasks, results, strict=True):
                counts[[pos[int(m)] for m in chunk.tolist()]] += r
            prob = counts / float(draws)
    found = _Found(before, g_all, ok, score_pt, feas, prob, no_draws, calls, ms, out, look)
    res = _report(st, found)
    b = out.bound
    extra = [
        f"{effects.n} measures exceed the exhaustive limit: exact branch-and-bound "
        f"(docs/negotiation.md): {b['evaluated']} feasible bundles evaluated one by one, "
        f"{b['pruned_bundles']} of {b['bundles']} bundles pruned as provably neither "
        "compatible nor Pareto-optimal (or infeasible under require)"
        + ("" if b["complete"] else f", {b['unexplored']} neither evaluated nor pruned "
           f"(budget max_evaluations={b['max_evaluations']}): results cover the explored "
           "part only"),
    ]  # fmt: skip
    if draws > 0 and not no_draws:
        extra.append(
            "probabilities are computed for the bundles compatible at point values (the "
            "ones ranked) and the Pareto points; pruned bundles are not drawn"
        )
    return dataclasses.replace(res, assumptions=(*res.assumptions, *extra))
