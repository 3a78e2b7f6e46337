"""Range mode against a naive day-by-day loop, in the same process (never run by the tests).

Usage: ``python benchmarks/rules_range.py [--from 1990-01-01] [--to 2026-12-31]
[--naive-days 365] [--repeats 3]``.

The range mode evaluates every instrument for every party over the whole range, running a
rule for a party again only when an input that evaluation read changes (``rules._trace``).
Two baselines run in the same process, interleaved with it:

* *every breakpoint*: every rule for every party on every breakpoint (the range mode before
  tracing; the findings must be identical, which the benchmark checks);
* *naive*: ``evaluate`` once per day; over 1990-2026 that takes long, so it is timed on
  ``--naive-days`` days spread evenly over the range and scaled to every day (the days
  sampled cover every period, so the per-day cost is representative).

Times are CPU seconds of this process (``time.process_time``: the machine is shared, CPU
time moves less with its load than wall time). Ratios are reported with a bootstrap 95%
interval over the repeats. Each repeat loads a fresh scenario, so that no memo of an
earlier repeat helps the next (the memos of the not-at-the-expense test are keyed by the
scenario object); one run before them (not counted) warms the lazy imports and the
on-disk caches, and the range mode is reported as the median of the repeats.
``--growth`` also times the range mode alone on ranges of growing length from the same
start.

The command line is timed too (``--cli-runs``, 0 to skip): the whole process of
``python -m indivisible check <example> --from --to`` (user + system CPU of the child,
median), and the imports alone (the modules ``check`` imports, in a fresh process).
Python compiles a module that has no bytecode cache each time it imports it; with
``PYTHONDONTWRITEBYTECODE`` set and no cache written before, that is part of every run,
so the script says which it measured.

Acceptance (issue 17): range mode <= 0.5 s CPU in process, >= 200x the day loop, the CLI
<= 1 s CPU; the script prints each figure against its bound.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from indivisible.record import Record
from indivisible.rules import _engine, breakpoints, evaluate_days_naive, evaluate_range
from indivisible.world import load_scenario

EXAMPLE = Path(__file__).parents[1] / "examples" / "europe-2022-02.yaml"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--from", dest="start", default="1990-01-01")
    ap.add_argument("--to", dest="end", default="2026-12-31")
    ap.add_argument("--naive-days", type=int, default=365)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--growth", action="store_true", help="time ranges of growing length")
    ap.add_argument("--cli-runs", type=int, default=5, help="CLI processes timed (0: none)")
    a = ap.parse_args()
    d1, d2 = dt.date.fromisoformat(a.start), dt.date.fromisoformat(a.end)
    days = (d2 - d1).days + 1
    traced_points = _engine._evaluate_points

    def every_breakpoint(rec, sc, pts, end, insts, party, reg):  # type: ignore[no-untyped-def]
        return pts, [_engine.evaluate(rec, sc, q, instruments=insts, registry=reg) for q in pts]

    rec = Record.load()  # warm-up, not counted: lazy imports, on-disk caches
    evaluate_range(rec, load_scenario(EXAMPLE, rec), d1, d2)
    fast, full, slow = [], [], []
    for _ in range(a.repeats):
        rec = Record.load()
        sc = load_scenario(EXAMPLE, rec)
        t = time.process_time()
        res = evaluate_range(rec, sc, d1, d2)
        fast.append(time.process_time() - t)
        rec = Record.load()
        sc = load_scenario(EXAMPLE, rec)
        _engine._evaluate_points = every_breakpoint  # type: ignore[assignment]
        try:
            t = time.process_time()
            ref = evaluate_range(rec, sc, d1, d2)
            full.append(time.process_time() - t)
        finally:
            _engine._evaluate_points = traced_points
        same = [c.to_json() for c in res.changes] == [c.to_json() for c in ref.changes]
        if not same:
            raise SystemExit("range mode and every-breakpoint evaluation disagree")
        sample = np.linspace(0, days - 1, a.naive_days).astype(int)
        t = time.process_time()
        for off in sample.tolist():
            day = d1 + dt.timedelta(days=off)
            evaluate_days_naive(rec, sc, day, day)  # one call per day, as a naive loop does
        slow.append((time.process_time() - t) / a.naive_days * days)
    f, e, s = np.array(fast), np.array(full), np.array(slow)
    rng = np.random.default_rng(0)

    def ci(base: np.ndarray) -> tuple[float, float]:
        boots = [
            rng.choice(base, len(base)).mean() / rng.choice(f, len(f)).mean() for _ in range(2000)
        ]
        lo, hi = np.percentile(boots, [2.5, 97.5])
        return float(lo), float(hi)

    pts = len(breakpoints(rec, sc, d1, d2))
    print(
        f"range {d1}..{d2}: {days} days, {pts} breakpoints, {res.codes.shape[0]} finding keys, "
        f"{len(res.changes)} changes on {len(res.dates)} dates (identical to every breakpoint)"
    )
    med = float(np.median(f))
    print(
        f"range mode: {med:.3f} s CPU median of {len(f)} (mean {f.mean():.3f}, min "
        f"{f.min():.3f}; bound 0.5 s: {'met' if med <= 0.5 else 'NOT met'}); every "
        f"breakpoint: {e.mean():.2f} s; naive (scaled from {a.naive_days} days): {s.mean():.1f} s"
    )
    lo, hi = ci(e)
    print(f"ratio every-breakpoint/range: {e.mean() / f.mean():.1f}x (95% CI {lo:.1f}-{hi:.1f})")
    lo, hi = ci(s)
    ratio = s.mean() / f.mean()
    print(
        f"ratio naive/range: {ratio:.0f}x (95% CI {lo:.0f}-{hi:.0f}; median/median "
        f"{np.median(s) / med:.0f}x; bound 200x: {'met' if ratio >= 200 else 'NOT met'})"
    )
    if a.cli_runs > 0:
        _cli(d1, d2, a.cli_runs)
    if a.growth:
        for y in range(d1.year + 9, d2.year, 9):
            _growth(d1, dt.date(y, 12, 31), a.repeats)
        _growth(d1, d2, a.repeats)


def _child_cpu(args: list[str]) -> float:
    """User + system CPU seconds of one child process running ``args``."""
    env = dict(os.environ)
    src = str(Path(sys.modules["indivisible"].__file__ or "").resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _cli(d1: dt.date, d2: dt.date, runs: int) -> None:
    """The whole ``check`` process and its imports alone, CPU (median of ``runs``)."""
    check = [sys.executable, "-m", "indivisible", "check", str(EXAMPLE)]
    check += ["--from", d1.isoformat(), "--to", d2.isoformat()]
    imports = [
        sys.executable,
        "-c",
        "import indivisible.cli, indivisible.rules, indivisible.world, "
        "indivisible.indicators._profile",
    ]
    bare = [sys.executable, "-c", "pass"]
    _child_cpu(check)  # warm-up: the on-disk caches (and bytecode, when it is written)
    cli = [_child_cpu(check) for _ in range(runs)]
    imp = [_child_cpu(imports) for _ in range(runs)]
    base = [_child_cpu(bare) for _ in range(runs)]
    no_pyc = bool(os.environ.get("PYTHONDONTWRITEBYTECODE")) or sys.dont_write_bytecode
    c, i, b = (float(np.median(x)) for x in (cli, imp, base))
    print(
        f"CLI check --from {d1} --to {d2}: {c:.2f} s CPU (user+sys, median of {runs}, "
        f"min {min(cli):.2f}; bound 1 s: {'met' if c <= 1.0 else 'NOT met'}); imports "
        f"alone {i:.2f} s; bare interpreter {b:.2f} s; bytecode "
        + (
            "NOT written (PYTHONDONTWRITEBYTECODE): modules compiled on every run"
            if no_pyc
            else "cached"
        )
    )


def _growth(d1: dt.date, d2: dt.date, repeats: int) -> None:
    rec = Record.load()
    times, pts = [], 0
    for _ in range(repeats):
        sc = load_scenario(EXAMPLE, rec)
        t = time.process_time()
        evaluate_range(rec, sc, d1, d2)
        times.append(time.process_time() - t)
        pts = len(breakpoints(rec, sc, d1, d2))
    days = (d2 - d1).days + 1
    med = float(np.median(times))
    print(
        f"growth {d1}..{d2}: {days} days, {pts} breakpoints: range mode {med:.3f} s CPU "
        f"(median of {repeats}), {med / days * 1e6:.1f} us per day"
    )


if __name__ == "__main__":
    main()
