"""Benchmark of the package search kernel (``indivisible.negotiate``).

Questions:

1. bundle x draw evaluations per second for N = 16 measures (65,536 bundles) and 1,000
   draws: the vectorised kernel (``_kernel.compatible_counts`` over chunks of bundles) against
   a naive per-bundle loop (one bundle at a time: present slots from its measures, values by
   a Python loop over slots, judged over the draws) - the loop is timed on 256 bundles and
   extrapolated linearly; both give identical counts on the bundles the loop ran;
2. Dask: the same sweep as tasks (bundle chunk x draw chunk) on a LocalCluster of 2 worker
   processes against 1 (threads_per_worker=1, dashboard off, loopback), cluster start-up
   excluded; results identical.

Synthetic but seeded inputs (no profile calls): 16 measures over 24 slots (each measure
removes or adds 1-3 slots), 4 parties x 6 indicators (4 sums, 2 minima), contributions drawn
from a fixed generator. Ratios carry a bootstrap 95 % confidence interval over repeats.

Run: ``.venv/bin/python benchmarks/negotiate.py`` (about a minute; ``--small`` for a quick
run).
"""

from __future__ import annotations

import argparse
import time
from typing import Any

import numpy as np

from indivisible.assess import Tolerance
from indivisible.negotiate._effects import Effects, Slot, bits
from indivisible.negotiate._kernel import Contributions, compatible_counts
from indivisible.negotiate._profile import Keys
from indivisible.negotiate._search import _run, _task

SEED = 20260214


def synthetic(n: int, slots: int, draws: int) -> tuple[Effects, Contributions, Any, Keys]:
    g = np.random.default_rng(SEED)
    removes = np.zeros((n, slots), dtype=bool)
    adds = np.zeros((n, slots), dtype=bool)
    in_base = np.arange(slots) < slots * 2 // 3
    for i in range(n):
        for s in g.choice(slots, size=int(g.integers(1, 4)), replace=False):
            (removes if in_base[s] else adds)[i, s] = True
    eff = Effects(
        measures=tuple(f"m{i}" for i in range(n)),
        slots=tuple(
            Slot("base" if in_base[s] else "new", "deployments", f"s{s}", None)
            for s in range(slots)
        ),
        in_baseline=in_base,
        removes=removes,
        adds=adds,
        requires=np.zeros((n, n), dtype=bool),
        global_measures=(),
        global_changes=tuple(((), (), ()) for _ in range(n)),
    )
    p, k = 4, 6
    agg = ("sum",) * 4 + ("min",) * 2
    keys = Keys(
        tuple(f"i{j}" for j in range(k)), tuple(f"i{j}" for j in range(k)), ("u",) * k,
        ("higher_is_less_safe", "higher_is_safer") * 3, agg,  # type: ignore[arg-type]
    )  # fmt: skip
    v0 = g.uniform(5, 10, size=(1, p, k, draws))
    term = g.integers(-2, 3, size=(1, slots, p, k, draws)).astype(float)
    term[:, :, :, 4:, :] = g.uniform(3, 12, size=(1, slots, p, 2, draws))
    c = Contributions(v0, term, np.array([0, 0, 0, 0, 1, 1], dtype=np.int8))
    before = compatible_values_baseline(eff, c)
    return eff, c, before, keys


def compatible_values_baseline(eff: Effects, c: Contributions) -> Any:
    from indivisible.negotiate._kernel import values

    return values(eff, c, np.zeros(1, dtype=np.int64))[0]


def naive(eff: Effects, c: Contributions, before: Any, keys: Keys, masks: Any, tol: Any) -> Any:
    """One bundle at a time, slots in a Python loop (the baseline)."""
    out = np.zeros(len(masks), dtype=np.int64)
    sign = keys.sign
    rel, ab = tol.relative, tol.absolute
    bound = np.maximum(ab, rel * np.abs(before))
    for j, m in enumerate(masks):
        inb = bits(np.array([m], dtype=np.int64), eff.n)[0]
        removed = (inb[:, None] & eff.removes).any(axis=0)
        added = (inb[:, None] & eff.adds).any(axis=0)
        present = (eff.in_baseline & ~removed) | added
        v = c.v0[0].copy()
        for s in range(len(eff.slots)):
            if present[s]:
                for k in range(v.shape[1]):
                    if c.agg[k] == 0:
                        v[:, k] += c.term[0, s, :, k]
                    else:
                        v[:, k] = np.minimum(v[:, k], c.term[0, s, :, k])
        gain = sign[None, :, None] * (v - before)
        gain = np.where(np.abs(gain) > bound, gain, 0.0)
        worse = (gain < 0).any(axis=(0, 1))
        better = (gain > 0).any(axis=(0, 1))
        out[j] = int((better & ~worse).sum())
    return out


def bootstrap(a: list[float], b: list[float], reps: int = 2000) -> tuple[float, float, float]:
    g = np.random.default_rng(1)
    x, y = np.array(a), np.array(b)
    ratios = [np.median(g.choice(x, x.size)) / np.median(g.choice(y, y.size)) for _ in range(reps)]
    return float(np.median(x) / np.median(y)), *np.percentile(ratios, [2.5, 97.5])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", action="store_true")
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    n, draws = (12, 200) if args.small else (16, 1000)
    eff, c, before, keys = synthetic(n, 24, draws)
    tol = Tolerance()
    n_all = 1 << n
    chunk = 1024
    loop_n = 256
    sample = np.random.default_rng(SEED).choice(n_all, loop_n, replace=False)
    vec_t: list[float] = []
    loop_t: list[float] = []
    counts = None
    for _ in range(args.repeats):
        t0 = time.perf_counter()
        counts = np.concatenate([
            compatible_counts(eff, c, np.arange(lo, min(n_all, lo + chunk)), before, keys, tol,
                              None)
            for lo in range(0, n_all, chunk)
        ])  # fmt: skip
        vec_t.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        ref = naive(eff, c, before, keys, sample, tol)
        loop_t.append((time.perf_counter() - t0) * n_all / loop_n)
    assert counts is not None and np.array_equal(counts[sample], ref), "loop and kernel differ"
    evals = n_all * draws
    r, lo, hi = bootstrap(loop_t, vec_t)
    print(f"N = {n}: {n_all:,} bundles x {draws:,} draws = {evals:,} evaluations")
    print(f"| vectorised kernel | {np.median(vec_t):.2f} s | {evals / np.median(vec_t):,.0f} /s |")
    print(f"| naive per-bundle loop (extrapolated from {loop_n}) | {np.median(loop_t):.1f} s | "
          f"{evals / np.median(loop_t):,.0f} /s |")  # fmt: skip
    print(f"speed-up vs per-bundle loop: {r:.1f}x (95 % CI {lo:.1f}-{hi:.1f})")

    # ---- (c) per-bundle recomputation with the real profile (no decomposition)
    from pathlib import Path

    from indivisible.indicators import profile
    from indivisible.negotiate import apply_bundle, compile_effects, load_menu
    from indivisible.record import Record
    from indivisible.world import load_scenario

    root = Path(__file__).parents[1]
    rec = Record.load()
    menu = load_menu(root / "examples/menus/2020-2022-proposals.yaml", rec)
    base = load_scenario(root / "examples/menus/europe-today-kaliningrad.yaml", rec)
    meff = compile_effects(menu, base)
    parties = ["RUS", "BLR", "USA", "POL"]
    profile(rec, base, base.date, states=parties, draws=draws, seed=1)  # warm caches
    per: list[float] = []
    for m in (1, 4, 8, 12, 255)[: max(3, args.repeats)]:
        t0 = time.perf_counter()
        sc, r2 = apply_bundle(meff, base, rec, base.date, m)
        profile(r2, sc, base.date, states=parties, draws=draws, seed=1)
        per.append(time.perf_counter() - t0)
    rate = draws / float(np.median(per))
    vec_rate = evals / float(np.median(vec_t))
    print(f"| per-bundle recomputation (apply + profile, {draws} draws, shipped scenario) | "
          f"{np.median(per):.2f} s per bundle | {rate:,.0f} /s |")  # fmt: skip
    print(f"speed-up vs recomputation: {vec_rate / rate:,.0f}x (per bundle x draw)")

    # ---- Dask: 2 workers vs 1 on the sweep as tasks (bundle chunk x draw chunk)
    from distributed import Client, LocalCluster

    d_chunk = 250
    per_chunk = []
    for k in range(0, draws, d_chunk):
        sl = slice(k, k + d_chunk)
        ck = Contributions(c.v0[..., sl].copy(), c.term[..., sl].copy(), c.agg)
        per_chunk.append((ck, before[..., sl].copy(), None))
    tasks = [
        (k, lo_, min(n_all, lo_ + 4096))
        for k in range(len(per_chunk))
        for lo_ in range(0, n_all, 4096)
    ]
    times: dict[int, list[float]] = {}
    results: dict[int, Any] = {}
    for workers in (1, 2):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None, host="127.0.0.1") as cluster, \
                Client(cluster, set_as_default=False) as client:  # fmt: skip
            times[workers] = []
            for _ in range(max(2, args.repeats // 2)):
                t0 = time.perf_counter()
                out = _run(_task, tasks, (eff, per_chunk, keys, tol, None), workers=None,
                           scheduler=None, client=client, progress=False, desc="")  # fmt: skip
                times[workers].append(time.perf_counter() - t0)
            acc = np.zeros(n_all, dtype=np.int64)
            for (_, a, b), x in zip(tasks, out, strict=True):
                acc[a:b] += x
            results[workers] = acc
    assert np.array_equal(results[1], results[2]) and np.array_equal(results[1], counts)
    r, lo, hi = bootstrap(times[1], times[2])
    print(f"| Dask, 1 worker | {np.median(times[1]):.2f} s |")
    print(f"| Dask, 2 workers | {np.median(times[2]):.2f} s |")
    print(f"Dask 2 vs 1 workers: {r:.2f}x (95 % CI {lo:.2f}-{hi:.2f}); counts identical")


if __name__ == "__main__":
    main()
