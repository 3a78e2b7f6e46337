"""Benchmark: CPU time of ``check``, ``profile`` and ``assess`` on the shipped examples.

Compares, on this machine and in the same run, the current code with the pre-optimisation
implementation kept in this file as the baseline:

* ``current``: the package as it is (lazy pandas, PROJ pipeline per point, memoised
  territory distances, GEOS-read outlines, memoised constraint table, cached record).
* ``baseline``: the same package with the old paths patched back in: pandas imported up
  front, one ``Transformer.from_crs`` projection built per point and territory and never
  reused (``_old_outline_km``), outlines read with ``json`` + ``shapely.geometry.shape``
  (``_old_load_countries``), the constraint table recomputed on every profile and no record
  cache (``INDIVISIBLE_NO_CACHE=1``). Not reverted: the profile's per-state grouping of
  the constraint rows (so the profile ratios understate the gain).

Each command runs in a fresh interpreter (``--child``), so import costs count; the CPU time
(user + system) of each child is read with ``resource.getrusage(RUSAGE_CHILDREN)``. The
in-process ``profile()`` figures time the function alone, warm (record, scenario and
outlines loaded). Every timing is repeated; ratios are medians of paired runs with the
min-max range over the pairs. Usage::

    .venv/bin/python benchmarks/perf.py            # 3 repeats
    .venv/bin/python benchmarks/perf.py --repeat 5
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from contextlib import redirect_stdout, suppress
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EX = ROOT / "examples"
COMMANDS: dict[str, list[str]] = {
    "check europe-2022-02": ["check", str(EX / "europe-2022-02.yaml")],
    "profile europe-2022-02": ["profile", str(EX / "europe-2022-02.yaml")],
    "profile europe-today": ["profile", str(EX / "europe-today.yaml")],
    "assess iskander-kaliningrad-2018": [
        "assess",
        str(EX / "actions/baselines/europe-2018-02-04.yaml"),
        "--action",
        str(EX / "actions/iskander-kaliningrad-2018.yaml"),
    ],
}


# ------------------------------------------------------------------ the baseline (old code)
def _old_outline_km(lat: float, lon: float, iso3: str) -> float:
    """Pre-optimisation point → outline distance: a CRS search and projection per pair."""
    import numpy as np
    import pyproj
    import shapely

    from indivisible.indicators._polygons import country

    geom = country(iso3).geometry
    aeqd = pyproj.CRS.from_proj4(
        f"+proj=aeqd +lat_0={lat!r} +lon_0={lon!r} +ellps=WGS84 +units=m +no_defs"
    )
    to_local = pyproj.Transformer.from_crs("EPSG:4326", aeqd, always_xy=True)
    boundary = shapely.boundary(geom)
    coords = shapely.get_coordinates(boundary)
    x, y = to_local.transform(coords[:, 0], coords[:, 1])
    local = shapely.set_coordinates(boundary, np.column_stack([x, y]))
    return float(shapely.distance(shapely.Point(0.0, 0.0), local)) / 1000.0


@lru_cache(maxsize=1)
def _old_load_countries() -> dict[str, Any]:
    """Pre-optimisation outline reader: the whole JSON parsed, then ``shape`` per feature."""
    import shapely
    from shapely.geometry import shape

    from indivisible.indicators._polygons import Country

    text = (
        resources.files("indivisible")
        .joinpath("data/geo/countries.geojson")
        .read_text(encoding="utf-8")
    )
    out: dict[str, Any] = {}
    for feat in json.loads(text)["features"]:
        p = feat["properties"]
        geom = shape(feat["geometry"])
        shapely.prepare(geom)
        out[p["iso3"]] = Country(p["iso3"], p["name"], p["sovereign"], bool(p["osce"]), geom)
    return out


def use_baseline() -> None:
    """Patch the pre-optimisation paths back into the imported package."""
    import pandas  # noqa: F401  - the old import cost: pandas with the indicators

    import indivisible.indicators as ind
    from indivisible.indicators import _constraints, _polygons, _profile

    _polygons._point_outline_km = _old_outline_km  # type: ignore[assignment]
    _polygons.load_countries = _old_load_countries  # type: ignore[assignment]
    ind.load_countries = _old_load_countries  # type: ignore[assignment]
    _profile.constraint_pairs = _constraints._constraint_pairs


# ------------------------------------------------------------------ children and timing
def child(variant: str, args: list[str]) -> None:
    """Run one command in this (fresh) interpreter, output discarded."""
    if variant == "baseline":
        use_baseline()
    from indivisible.cli import app

    with redirect_stdout(io.StringIO()), suppress(SystemExit):
        app(args, standalone_mode=False)


def cpu_of_child(variant: str, args: list[str]) -> float:
    """CPU seconds (user + system) of one command in a fresh interpreter."""
    env = dict(os.environ)
    if variant == "baseline":
        env["INDIVISIBLE_NO_CACHE"] = "1"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [sys.executable, __file__, "--child", variant, *args],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def profile_in_process(variant: str, repeat: int) -> dict[str, list[float]]:
    """Warm CPU seconds of ``profile()`` alone, per example (run in a fresh interpreter)."""
    out = subprocess.run(
        [sys.executable, __file__, "--profile-child", variant, "--repeat", str(repeat)],
        check=True,
        capture_output=True,
        text=True,
    )
    return dict(json.loads(out.stdout))


def _profile_child(variant: str, repeat: int) -> None:
    if variant == "baseline":
        use_baseline()
    from indivisible.indicators import profile
    from indivisible.indicators._polygons import load_countries
    from indivisible.record import Record
    from indivisible.world import load_scenario

    rec = Record.load()
    load_countries()
    res: dict[str, list[float]] = {}
    for name in ("europe-2022-02", "europe-today"):
        sc = load_scenario(EX / f"{name}.yaml", rec)
        times = []
        for _ in range(repeat):
            if variant == "current":  # a fresh process would not have the memo either
                from indivisible.indicators import _constraints, _polygons

                _polygons._point_outline_km.cache_clear()
                _polygons._local_projection.cache_clear()
                _constraints._MEMO.clear()
            t = time.process_time()
            profile(rec, sc, sc.date)
            times.append(time.process_time() - t)
        res[f"profile() {name}"] = times
    print(json.dumps(res))


def _row(name: str, cur: list[float], base: list[float]) -> str:
    ratios = [b / c for b, c in zip(base, cur, strict=True)]
    return (
        f"| {name} | {statistics.median(base):.2f} s | {statistics.median(cur):.3f} s | "
        f"{statistics.median(ratios):.1f} ({min(ratios):.1f}–{max(ratios):.1f}) |"
    )


def main() -> None:
    """Time every command under both variants and print a Markdown table of ratios."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--child", nargs=argparse.REMAINDER)
    ap.add_argument("--profile-child")
    ns = ap.parse_args()
    if ns.child:
        child(ns.child[0], ns.child[1:])
        return
    if ns.profile_child:
        _profile_child(ns.profile_child, ns.repeat)
        return
    # Warm the record cache once, as any second run of the command would find it.
    cpu_of_child("current", COMMANDS["check europe-2022-02"])
    print("| command (CPU, user + system) | baseline | current | ratio (min–max) |")
    print("|---|---:|---:|---:|")
    for name, args in COMMANDS.items():
        cur, base = [], []
        for _ in range(ns.repeat):  # interleaved, so load drifts hit both alike
            base.append(cpu_of_child("baseline", args))
            cur.append(cpu_of_child("current", args))
        print(_row(f"`indivisible {name}`", cur, base), flush=True)
    base_p = profile_in_process("baseline", ns.repeat)
    cur_p = profile_in_process("current", ns.repeat)
    for name in cur_p:
        print(_row(f"`{name}` (in process)", cur_p[name], base_p[name]))


if __name__ == "__main__":
    main()
