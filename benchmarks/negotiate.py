"""Benchmark of the package search kernel (``indivisible.negotiate``).

Questions:

1. bundle x draw evaluations per second for N = 16 measures (65,536 bundles) and 1,000
   draws, the way ``negotiate`` runs in one process (draw chunks of 250, tasks of 4,096
   bundles, one ``_kernel.Layer`` per chunk): the strict-mode sweep against the previous
   kernel (``plain_counts``: bundle values, then differences and judgement) in the same run,
   and against a naive per-bundle loop (one bundle at a time, a Python loop over slots,
   judged over the draws; timed on 256 bundles and extrapolated); identical counts;
2. Dask: the same tasks on a LocalCluster of 2 worker processes (and of 1) against the
   in-process run, interleaved (in-process, 2 workers, 1 worker, in-process, ...), wall and
   CPU time (the parent's CPU plus the workers'), cluster start-up excluded, the layers
   scattered once per run; counts identical. ``--dask-n 20`` for N = 20 (1,048,576 bundles).

Synthetic but seeded inputs (no profile calls): N measures over 24 slots (each measure
removes or adds 1-3 slots), 4 parties x 6 indicators (4 sums, 2 minima), contributions drawn
from a fixed generator. Ratios carry a bootstrap 95 % confidence interval over repeats. The
machine is shared: the script prints the load average before and after.

Run: ``.venv/bin/python benchmarks/negotiate.py`` (several minutes; ``--small`` for a quick
run, ``--skip-dask`` for the kernel only).
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from typing import Any

import numpy as np

from indivisible.assess import Tolerance
from indivisible.negotiate._effects import Effects, Slot, bits
from indivisible.negotiate._kernel import Contributions, Layer, plain_counts
from indivisible.negotiate._options import SearchOptions
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


def layers_of(eff: Effects, c: Contributions, keys: Keys, tol: Any, chunk: int) -> list[Layer]:
    """One layer per draw chunk, as ``negotiate`` builds them."""
    out = []
    for k in range(0, c.v0.shape[-1], chunk):
        sl = slice(k, k + chunk)
        ck = Contributions(c.v0[..., sl].copy(), c.term[..., sl].copy(), c.agg)
        out.append(
            Layer.build(eff, ck, compatible_values_baseline(eff, ck), keys, (tol, None, None))
        )
    return out


def tasks_of(n_all: int, n_layers: int, chunk: int) -> list[tuple[int, int, int]]:
    return [
        (k, lo, min(n_all, lo + chunk)) for k in range(n_layers) for lo in range(0, n_all, chunk)
    ]


def summed(n_all: int, tasks: list[tuple[int, int, int]], out: list[Any]) -> Any:
    acc = np.zeros(n_all, dtype=np.int64)
    for (_, a, b), x in zip(tasks, out, strict=True):
        acc[a:b] += x
    return acc


def cpu_self() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def worker_cpu(client: Any) -> float:
    """CPU seconds used so far by the worker processes."""

    def mine() -> float:
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime

    return float(sum(client.run(mine).values()))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", action="store_true")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--dask-n", type=int, default=None, help="measures of the Dask sweep")
    ap.add_argument("--dask-repeats", type=int, default=3)
    ap.add_argument("--skip-dask", action="store_true")
    ap.add_argument("--skip-kernel", action="store_true")
    ap.add_argument("--skip-one", action="store_true", help="no 1-worker cluster")
    args = ap.parse_args()
    n, draws = (12, 200) if args.small else (16, 1000)
    tol = Tolerance()
    chunk_d, chunk_b = 250, 4096
    print(f"load average before: {os.getloadavg()}")
    if not args.skip_kernel:
        kernel(n, draws, tol, chunk_d, chunk_b, args.repeats)
    if not args.skip_dask:
        dask_n = args.dask_n or n
        dask(dask_n, draws, tol, (chunk_d, chunk_b), args.dask_repeats, not args.skip_one)
    print(f"load average after: {os.getloadavg()}")


def kernel(n: int, draws: int, tol: Any, chunk_d: int, chunk_b: int, repeats: int) -> None:
    eff, c, before, keys = synthetic(n, 24, draws)
    n_all = 1 << n
    loop_n = 256
    sample = np.random.default_rng(SEED).choice(n_all, loop_n, replace=False)
    layers = layers_of(eff, c, keys, tol, chunk_d)
    tasks = tasks_of(n_all, len(layers), chunk_b)
    new_t: list[float] = []
    new_c: list[float] = []
    old_t: list[float] = []
    old_c: list[float] = []
    loop_t: list[float] = []
    counts = old = None
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), cpu_self()
        counts = summed(n_all, tasks, _run(_task, tasks, layers, SearchOptions(), desc=""))
        new_t.append(time.perf_counter() - t0)
        new_c.append(cpu_self() - c0)
        t0, c0 = time.perf_counter(), cpu_self()
        old = summed(n_all, tasks, [
            plain_counts(x.effects, x.c, np.arange(a, b, dtype=np.int64), x.before, x.keys,
                         (tol, None, None))
            for x, (_, a, b) in ((layers[t[0]], t) for t in tasks)
        ])  # fmt: skip
        old_t.append(time.perf_counter() - t0)
        old_c.append(cpu_self() - c0)
        t0 = time.perf_counter()
        ref = naive(eff, c, before, keys, sample, tol)
        loop_t.append((time.perf_counter() - t0) * n_all / loop_n)
    assert counts is not None and old is not None
    assert np.array_equal(counts, old), "sweep and previous kernel differ"
    assert np.array_equal(counts[sample], ref), "loop and kernel differ"
    evals = n_all * draws
    print(f"N = {n}: {n_all:,} bundles x {draws:,} draws = {evals:,} evaluations")
    print(f"| sweep (in process, as negotiate runs it) | {np.median(new_t):.2f} s wall | "
          f"{np.median(new_c):.2f} s CPU | {evals / np.median(new_c):,.0f} /s CPU |")  # fmt: skip
    print(f"| previous kernel (values, then judgement) | {np.median(old_t):.2f} s wall | "
          f"{np.median(old_c):.2f} s CPU | {evals / np.median(old_c):,.0f} /s CPU |")  # fmt: skip
    print(f"| naive per-bundle loop (extrapolated from {loop_n}) | {np.median(loop_t):.1f} s |")
    r, lo, hi = bootstrap(old_c, new_c)
    print(f"sweep vs previous kernel (CPU): {r:.2f}x (95 % CI {lo:.2f}-{hi:.2f}); counts identical")
    r, lo, hi = bootstrap(loop_t, new_t)
    print(f"sweep vs per-bundle loop (wall): {r:.1f}x (95 % CI {lo:.1f}-{hi:.1f})")
    print(f"CPU per run: {', '.join(f'{x:.2f}' for x in new_c)} s (sweep); "
          f"{', '.join(f'{x:.2f}' for x in old_c)} s (previous)")  # fmt: skip


def dask(n: int, draws: int, tol: Any, chunks: tuple[int, int], repeats: int, one: bool) -> None:
    """In process vs Dask 2 (and 1) workers on the same tasks, interleaved."""
    chunk_d, chunk_b = chunks
    from distributed import Client

    from indivisible._dask import local_cluster

    eff, c, _, keys = synthetic(n, 24, draws)
    n_all = 1 << n
    layers = layers_of(eff, c, keys, tol, chunk_d)
    tasks = tasks_of(n_all, len(layers), chunk_b)
    clusters = {}
    for w in (2, 1) if one else (2,):
        cl = local_cluster(w)  # as negotiate --workers starts it
        clusters[w] = (cl, Client(cl, set_as_default=False))
    wall: dict[str, list[float]] = {"in process": [], "2 workers": []}
    if one:
        wall["1 worker"] = []
    cpu: dict[str, list[float]] = {k: [] for k in wall}
    results: dict[str, Any] = {}
    try:
        for _ in range(repeats):
            for name in wall:
                client = None if name == "in process" else clusters[int(name[0])][1]
                c0 = cpu_self() + (worker_cpu(client) if client is not None else 0.0)
                t0 = time.perf_counter()
                out = _run(_task, tasks, layers, SearchOptions(client=client), desc="")
                wall[name].append(time.perf_counter() - t0)
                cpu[name].append(
                    cpu_self() + (worker_cpu(client) if client is not None else 0.0) - c0
                )
                results[name] = summed(n_all, tasks, out)
                print(f"  {name}: {wall[name][-1]:.2f} s wall, {cpu[name][-1]:.2f} s CPU "
                      f"(load {os.getloadavg()[0]:.1f})", flush=True)  # fmt: skip
    finally:
        for cl, client in clusters.values():
            client.close()
            cl.close()
    ref = results["in process"]
    assert all(np.array_equal(ref, v) for v in results.values()), "Dask counts differ"
    print(f"N = {n}: {n_all:,} bundles x {draws:,} draws, {len(tasks)} tasks")
    for name in wall:
        print(f"| {name} | {np.median(wall[name]):.2f} s wall | {np.median(cpu[name]):.2f} s CPU |")
    for name in [w for w in wall if w != "in process"]:
        r, lo, hi = bootstrap(wall["in process"], wall[name])
        print(f"{name} vs in process (wall): {r:.2f}x (95 % CI {lo:.2f}-{hi:.2f})")
        pairs = [a / b for a, b in zip(wall["in process"], wall[name], strict=True)]
        print(f"  per interleaved pair: {', '.join(f'{x:.2f}' for x in pairs)}")
    print("counts identical in process, on 1 and on 2 workers")


if __name__ == "__main__":
    main()
