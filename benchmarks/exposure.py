"""Benchmark: exposure of the 57 OSCE capitals to 10,000 launchers on every day 1990-2025.

Compares, in one process and on the same seeded data:

* vectorised: ``indivisible.indicators.reach_counts`` (the sphere decides every pair it
  can, one geodesic call for the pairs in the +-1 % band where it cannot, interval
  arithmetic with searchsorted/bincount/cumsum) → counts ``[57 × 13,149]``, checked
  identical to the counts with the full geodesic on every pair;
* baseline (a): a per-pair loop, one scalar ``pyproj.Geod.inv`` per launcher-capital pair and
  a slice add over the launcher's active days when it reaches. It is timed on a random sample
  of pairs and extrapolated linearly to all 570,000 pairs (said so in the output);
* (b): throughput of the NumPy haversine screen alone over the full matrix, and its share of
  the vectorised run;
* (c): a plain NumPy haversine-and-count over the same matrix (the sphere decides every
  pair, the same counting): the floor the kernel is measured against;
* growth: the kernel at 10,000, 20,000 and 30,000 launchers (``--growth``).

Ratios carry a percentile bootstrap 95 % CI over repeated runs. Timing never appears in a
test. Usage::

    .venv/bin/python benchmarks/exposure.py            # full: 10,000 launchers
    .venv/bin/python benchmarks/exposure.py --small    # 1,000 launchers, quick
"""

from __future__ import annotations

import argparse
import time
from typing import Any

import numpy as np

from indivisible.indicators import _exposure, reach_counts
from indivisible.indicators._geo import GEOD, _haversine_km, pairwise_km
from indivisible.record import Record

SEED = 20260214


def make_launchers(n: int, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Random-but-seeded launchers in Europe: site, range (log-uniform 100-5,500 km) and an
    active interval within 1990-2025 (20 % still active at the end)."""
    lat = rng.uniform(36.0, 70.0, n)
    lon = rng.uniform(-10.0, 60.0, n)
    rng_km = np.exp(rng.uniform(np.log(100.0), np.log(5500.0), n))
    start = np.datetime64("1990-01-01") + rng.integers(0, 13149, n).astype("timedelta64[D]")
    stop = start + rng.integers(30, 6000, n).astype("timedelta64[D]")
    stop[rng.uniform(size=n) < 0.2] = np.datetime64("NaT")
    return {"lat": lat, "lon": lon, "range": rng_km, "since": start, "until": stop}


def vectorised(
    lch: dict[str, np.ndarray], tlat: np.ndarray, tlon: np.ndarray, days: np.ndarray
) -> np.ndarray:
    return reach_counts(
        lch["lat"], lch["lon"], lch["range"], lch["since"], lch["until"], tlat, tlon, days
    )


def per_pair_loop(
    lch: dict[str, np.ndarray],
    tlat: np.ndarray,
    tlon: np.ndarray,
    days: np.ndarray,
    pairs: np.ndarray,
) -> np.ndarray:
    """Baseline: one scalar geodesic per (launcher, target) pair, then a slice add."""
    counts = np.zeros((tlat.size, days.size + 1), dtype=np.int64)
    first = np.searchsorted(days, lch["since"])
    last = np.where(np.isnat(lch["until"]), days.size, np.searchsorted(days, lch["until"]))
    lat, lon, rng_km = lch["lat"], lch["lon"], lch["range"]
    for i, j in pairs:
        _, _, d_m = GEOD.inv(float(lon[i]), float(lat[i]), float(tlon[j]), float(tlat[j]))
        if d_m / 1000.0 <= rng_km[i]:
            counts[j, first[i] : last[i]] += 1
    return counts[:, :-1]


def _count_with(
    mask_fn: Any, lch: dict[str, np.ndarray], tlat: np.ndarray, tlon: np.ndarray, days: np.ndarray
) -> np.ndarray:
    """``reach_counts`` with its reach decision swapped for ``mask_fn`` (same counting)."""
    original = _exposure.within_range
    _exposure.within_range = mask_fn
    try:
        return vectorised(lch, tlat, tlon, days)
    finally:
        _exposure.within_range = original


def _sphere_mask(lat: Any, lon: Any, tlat: Any, tlon: Any, rng: Any) -> np.ndarray:
    h = _haversine_km(lat[:, None], lon[:, None], tlat[None, :], tlon[None, :])
    return np.asarray(h <= np.asarray(rng)[:, None])


def _geodesic_mask(lat: Any, lon: Any, tlat: Any, tlon: Any, rng: Any) -> np.ndarray:
    return np.asarray(pairwise_km(lat, lon, tlat, tlon) <= np.asarray(rng)[:, None])


def haversine_and_count(
    lch: dict[str, np.ndarray], tlat: np.ndarray, tlon: np.ndarray, days: np.ndarray
) -> np.ndarray:
    """Baseline (c): the plain NumPy sphere decides every pair; the counting is the same."""
    return _count_with(_sphere_mask, lch, tlat, tlon, days)


def exact_and_count(
    lch: dict[str, np.ndarray], tlat: np.ndarray, tlon: np.ndarray, days: np.ndarray
) -> np.ndarray:
    """Reference: the full geodesic decides every pair (for identical counts)."""
    return _count_with(_geodesic_mask, lch, tlat, tlon, days)


def bootstrap_ratio(
    num: np.ndarray, den: np.ndarray, rng: np.random.Generator, n: int = 2000
) -> tuple[float, float, float]:
    """Ratio of means with a percentile bootstrap 95 % CI (resampling runs)."""
    a = rng.choice(num, (n, num.size)).mean(axis=1)
    b = rng.choice(den, (n, den.size)).mean(axis=1)
    r = a / b
    return (
        float(num.mean() / den.mean()),
        float(np.quantile(r, 0.025)),
        float(np.quantile(r, 0.975)),
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", action="store_true", help="1,000 launchers, fewer repeats")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--sample", type=int, default=3000, help="pairs timed in the loop")
    ap.add_argument(
        "--growth",
        default="10000,20000,30000",
        help="launcher counts for the growth table (comma-separated; empty: skip)",
    )
    args = ap.parse_args()
    n_launchers = 1000 if args.small else 10_000
    repeats = 3 if args.small else args.repeats
    rng = np.random.default_rng(SEED)
    caps = sorted((s for s in Record.load().states.values() if s.osce), key=lambda s: s.id)
    tlat = np.array([s.capital.lat for s in caps])
    tlon = np.array([s.capital.lon for s in caps])
    days = np.arange("1990-01-01", "2026-01-01", dtype="datetime64[D]")
    lch = make_launchers(n_launchers, rng)
    n_pairs = n_launchers * tlat.size

    vectorised(lch, tlat, tlon, days)  # warm-up (imports, PROJ context)
    t_vec = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        counts = vectorised(lch, tlat, tlon, days)
        t_vec.append(time.perf_counter() - t0)
    t_vec_a = np.array(t_vec)

    t_hav = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        _haversine_km(lch["lat"][:, None], lch["lon"][:, None], tlat[None, :], tlon[None, :])
        t_hav.append(time.perf_counter() - t0)
    t_hav_a = np.array(t_hav)

    t_hc = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        hc_counts = haversine_and_count(lch, tlat, tlon, days)
        t_hc.append(time.perf_counter() - t0)
    t_hc_a = np.array(t_hc)
    exact_counts = exact_and_count(lch, tlat, tlon, days)
    if not np.array_equal(counts, exact_counts):
        raise SystemExit("reach_counts differs from the full geodesic's counts")
    differ = int((hc_counts != counts).sum())

    t_geo = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        pairwise_km(lch["lat"], lch["lon"], tlat, tlon)
        t_geo.append(time.perf_counter() - t0)
    t_geo_a = np.array(t_geo)

    sample = min(args.sample, n_pairs)
    t_loop = []
    for _ in range(repeats):
        flat = rng.choice(n_pairs, sample, replace=False)
        pairs = np.column_stack([flat // tlat.size, flat % tlat.size])
        t0 = time.perf_counter()
        per_pair_loop(lch, tlat, tlon, days, pairs)
        t_loop.append((time.perf_counter() - t0) * n_pairs / sample)  # extrapolated
    t_loop_a = np.array(t_loop)

    # Correctness of the comparison: the loop over ALL pairs of the first 50 launchers
    # gives the same counts as the kernel on those launchers.
    sub = {k: v[:50] for k, v in lch.items()}
    all_pairs = np.array([(i, j) for i in range(50) for j in range(tlat.size)])
    assert np.array_equal(
        per_pair_loop(sub, tlat, tlon, days, all_pairs), vectorised(sub, tlat, tlon, days)
    )

    boot = np.random.default_rng(SEED + 1)
    ratio, lo, hi = bootstrap_ratio(t_loop_a, t_vec_a, boot)
    share, s_lo, s_hi = bootstrap_ratio(t_hav_a, t_vec_a, boot)
    g_ratio, g_lo, g_hi = bootstrap_ratio(t_geo_a, t_hav_a, boot)
    h_ratio, h_lo, h_hi = bootstrap_ratio(t_vec_a, t_hc_a, boot)
    print(
        f"launchers {n_launchers:,} × capitals {tlat.size} = {n_pairs:,} pairs; "
        f"days {days.size:,}; counts shape {counts.shape}; repeats {repeats}; seed {SEED}"
    )
    print(f"{'method':<56}{'median s':>10}{'pairs/s':>14}")
    rows = [
        ("vectorised reach_counts (all of it)", t_vec_a),
        (f"per-pair pyproj loop (extrapolated from {sample:,} pairs)", t_loop_a),
        ("numpy haversine-and-count (sphere only, same counting)", t_hc_a),
        ("numpy haversine screen, full matrix", t_hav_a),
        ("exact geodesic, full matrix, one call", t_geo_a),
    ]
    for name, t in rows:
        print(f"{name:<56}{np.median(t):>10.4f}{n_pairs / np.median(t):>14,.0f}")
    print(f"speed-up vectorised vs per-pair loop: {ratio:,.0f}× (95 % CI {lo:,.0f}–{hi:,.0f})")
    print(f"haversine screen share of vectorised run: {share:.1%} (95 % CI {s_lo:.1%}–{s_hi:.1%})")
    print(
        f"exact geodesic vs haversine per pair: {g_ratio:,.0f}× slower "
        f"(95 % CI {g_lo:,.0f}–{g_hi:,.0f})"
    )
    print(
        f"vectorised vs numpy haversine-and-count: {h_ratio:.2f}× the time "
        f"(95 % CI {h_lo:.2f}–{h_hi:.2f}); counts identical to the full geodesic's; "
        f"the sphere alone would miscount {differ:,} of {counts.size:,} cells"
    )
    print(f"max launchers reaching one capital on one day: {int(counts.max())}")
    sizes = [int(x) for x in args.growth.split(",") if x.strip()]
    if sizes:
        print(f"{'launchers':>10}{'median s':>10}{'µs per launcher':>17}")
        for n in sizes:
            big = make_launchers(n, np.random.default_rng(SEED + n))
            ts = []
            for _ in range(3):
                t0 = time.perf_counter()
                vectorised(big, tlat, tlon, days)
                ts.append(time.perf_counter() - t0)
            med = float(np.median(ts))
            print(f"{n:>10,}{med:>10.3f}{med / n * 1e6:>17.1f}")


if __name__ == "__main__":
    main()
