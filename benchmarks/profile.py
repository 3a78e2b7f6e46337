"""Benchmark: the range indicators of the profile for 57 states, 1,000 deployments, 1,000 draws.

Compares, in one process and on the same seeded data (the range-dependent indicators:
exposure, nuclear exposure, systems, warning time, counter-reach, defence coverage):

* vectorised: ``range_indicators`` over the whole ``[draws × deployments × states]`` block
  (evaluated in chunks of 64 draws);
* naive: a Python loop over draws, calling the same kernel with one draw at a time (already
  vectorised over deployments and states: the ratio isolates the draw axis).

The geometry (one geodesic pass over deployments × capitals) is timed separately and shared.
Ratios carry a percentile bootstrap 95 % CI over repeated runs. Usage::

    .venv/bin/python benchmarks/profile.py            # 1,000 deployments × 1,000 draws
    .venv/bin/python benchmarks/profile.py --small    # 200 × 200, quick
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

import numpy as np

from indivisible.indicators._profile import (
    geometry,
    launchers,
    nuclear_draws,
    profiled_states,
    range_draws,
    range_indicators,
)
from indivisible.indicators._uncertainty import UncertaintySpec
from indivisible.record import Record
from indivisible.world import Deployment, load_scenario

SYSTEMS = ("iskander-m", "9m729", "sm-3-block-ib")
OWNERS = ("RUS", "USA", "BLR", "POL", "GBR", "FRA", "TUR")


def scenario(n: int, seed: int = 20260214) -> tuple[Record, object]:
    """The 2022 example scenario with ``n`` seeded random deployments over Europe."""
    rec = Record.load()
    base = load_scenario("examples/europe-2022-02.yaml")
    g = np.random.default_rng(seed)
    lat = g.uniform(36, 66, n)
    lon = g.uniform(-10, 60, n)
    adds = [
        Deployment(
            id=f"bench-{i}",
            owner=(OWNERS[i % len(OWNERS)],),
            host=OWNERS[i % len(OWNERS)],
            site={"name": f"site {i}", "lat": float(lat[i]), "lon": float(lon[i])},
            system=SYSTEMS[i % len(SYSTEMS)],
            count=int(g.integers(1, 13)),
            since=dt.date(2020, 1, 1),
        )
        for i in range(n)
    ]
    return rec, base.with_changes(add=adds, record=rec)


def _time(fn: object, repeats: int) -> np.ndarray:
    out = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        out.append(time.perf_counter() - t)
    return np.asarray(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", action="store_true")
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    n_dep, n_draw = (200, 200) if args.small else (1000, 1000)
    rec, sc = scenario(n_dep)
    on = dt.date(2022, 2, 14)
    states = profiled_states(rec, on, None)
    t0 = time.perf_counter()
    geo = geometry(rec, sc, on, states)
    t_geo = time.perf_counter() - t0
    spec = UncertaintySpec.model_validate(
        {"coverage_km": {"sm-3-block-ib": {"uniform": [500, 1200]}}}
    )
    lau = launchers(sc, geo, spec, [])
    g = np.random.default_rng(1)
    rad = range_draws(lau, geo.deployments, spec, g, n_draw)
    nuc = nuclear_draws(lau, spec, g, n_draw)

    def vec() -> object:
        return range_indicators(geo, lau, rad, nuc)

    def naive() -> object:
        return [range_indicators(geo, lau, rad[k : k + 1], nuc[k : k + 1]) for k in range(n_draw)]

    a, b = vec(), naive()
    for name, arr in a.items():  # type: ignore[union-attr]
        stacked = np.concatenate([x[name] for x in b])  # type: ignore[index]
        assert np.array_equal(arr, stacked, equal_nan=True), name
    tv = _time(vec, args.repeats)
    tn = _time(naive, max(2, args.repeats // 2))
    boot = np.random.default_rng(0)
    ratios = [
        boot.choice(tn, tn.size).mean() / boot.choice(tv, tv.size).mean() for _ in range(2000)
    ]
    lo, hi = np.percentile(ratios, [2.5, 97.5])
    print(f"{len(geo.deployments)} active deployments × {len(states)} states × {n_draw} draws")
    print(f"geometry (one geodesic pass): {t_geo * 1e3:.0f} ms")
    print(f"vectorised: median {np.median(tv) * 1e3:.0f} ms over {tv.size} runs")
    print(f"naive per-draw loop: median {np.median(tn) * 1e3:.0f} ms over {tn.size} runs")
    print(f"ratio naive / vectorised: {tn.mean() / tv.mean():.1f} (95 % CI {lo:.1f}–{hi:.1f})")


if __name__ == "__main__":
    main()
