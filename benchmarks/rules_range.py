"""Range mode against a naive day-by-day loop, in the same process (never run by the tests).

Usage: ``python benchmarks/rules_range.py [--from 1990-01-01] [--to 2026-12-31]
[--naive-days 365] [--repeats 3]``.

The range mode evaluates every instrument for every party over the whole range. The naive
baseline calls ``evaluate`` once per day; over 1990-2026 that takes long, so it is timed on
``--naive-days`` days spread evenly over the range and scaled to every day (the days
sampled cover every period, so the per-day cost is representative). The ratio is
reported with a bootstrap 95% interval over the repeats.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

import numpy as np

from indivisible.record import Record
from indivisible.rules import breakpoints, evaluate_days_naive, evaluate_range
from indivisible.world import load_scenario

EXAMPLE = Path(__file__).parents[1] / "examples" / "europe-2022-02.yaml"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--from", dest="start", default="1990-01-01")
    ap.add_argument("--to", dest="end", default="2026-12-31")
    ap.add_argument("--naive-days", type=int, default=365)
    ap.add_argument("--repeats", type=int, default=3)
    a = ap.parse_args()
    rec = Record.load()
    sc = load_scenario(EXAMPLE, rec)
    d1, d2 = dt.date.fromisoformat(a.start), dt.date.fromisoformat(a.end)
    days = (d2 - d1).days + 1
    fast, slow = [], []
    for _ in range(a.repeats):
        t = time.perf_counter()
        res = evaluate_range(rec, sc, d1, d2)
        fast.append(time.perf_counter() - t)
        sample = np.linspace(0, days - 1, a.naive_days).astype(int)
        t = time.perf_counter()
        for off in sample.tolist():
            day = d1 + dt.timedelta(days=off)
            evaluate_days_naive(rec, sc, day, day)  # one call per day, as a naive loop does
        slow.append((time.perf_counter() - t) / a.naive_days * days)
    f, s = np.array(fast), np.array(slow)
    rng = np.random.default_rng(0)
    boots = [rng.choice(s, len(s)).mean() / rng.choice(f, len(f)).mean() for _ in range(2000)]
    lo, hi = np.percentile(boots, [2.5, 97.5])
    pts = len(breakpoints(rec, sc, d1, d2))
    print(
        f"range {d1}..{d2}: {days} days, {pts} breakpoints, {res.codes.shape[0]} finding keys, "
        f"{len(res.changes)} changes on {len(res.dates)} dates"
    )
    print(
        f"range mode: {f.mean():.2f} s; naive (scaled from {a.naive_days} days): {s.mean():.1f} s"
    )
    print(f"ratio naive/range: {s.mean() / f.mean():.0f}x (95% CI {lo:.0f}-{hi:.0f})")


if __name__ == "__main__":
    main()
