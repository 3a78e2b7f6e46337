"""Benchmark: how long ``indivisible check examples/europe-2022-02.yaml`` takes, end to end.

The question is the issue's: does the command run well under a second? It is timed as a
user runs it, through the installed console script in a fresh process, wall clock and CPU
(user + system, ``getrusage`` of the children). To say what part of it is the package's
own work, the same run times, interleaved with it, three floors:

* ``python``: the interpreter starting and stopping (``python -c pass``);
* ``libraries``: importing what the command needs from other projects (typer and its
  pydantic adapters, numpy, PyYAML, pyproj, shapely), nothing of ``indivisible``;
* ``--help``: the command line built and printed, nothing loaded.

``check`` is reported against the libraries floor (the ratio) and as the time above it.
The caches the package keeps in ``$XDG_CACHE_HOME/indivisible`` are warmed first, as any
second run finds them; one cold run (an empty cache folder) is reported apart. Usage::

    .venv/bin/python benchmarks/check_latency.py              # 15 rounds
    .venv/bin/python benchmarks/check_latency.py --rounds 30
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = ROOT / "examples" / "europe-2022-02.yaml"
SCRIPT = Path(sys.executable).with_name("indivisible")
LIBRARIES = "import typer, typer._adapters, pydantic, numpy, yaml, pyproj, shapely"

COMMANDS: dict[str, list[str]] = {
    "python": [sys.executable, "-c", "pass"],
    "libraries": [sys.executable, "-c", LIBRARIES],
    "--help": [str(SCRIPT), "--help"],
    "check": [str(SCRIPT), "check", str(SCENARIO)],
    "range": [
        *(str(SCRIPT), "check", str(SCENARIO), "--from", "1990-01-01", "--to", "2026-12-31"),
        *("--format", "json"),
    ],
}


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``cmd`` (output discarded; must succeed)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=10)[int(q * 10) - 1] if len(values) > 1 else values[0]


def main() -> None:
    """Time the command and its floors, interleaved, and print a Markdown table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=15)
    ns = ap.parse_args()
    if not SCRIPT.exists():
        raise SystemExit(f"no console script at {SCRIPT}; run `make install` first")

    with tempfile.TemporaryDirectory() as cold:
        env = {**os.environ, "XDG_CACHE_HOME": cold}
        cold_wall, cold_cpu = timed(COMMANDS["check"], env)
    for cmd in COMMANDS.values():  # warm the caches and the file system
        timed(cmd)

    wall: dict[str, list[float]] = {k: [] for k in COMMANDS}
    cpu: dict[str, list[float]] = {k: [] for k in COMMANDS}
    for _ in range(ns.rounds):  # interleaved, so load drifts hit every command alike
        for name, cmd in COMMANDS.items():
            w, c = timed(cmd)
            wall[name].append(w)
            cpu[name].append(c)

    python = sys.version.split()[0]
    print(f"{ns.rounds} rounds, interleaved; {os.cpu_count()} CPUs; Python {python}")
    print()
    print("| command | wall median | wall p90 | CPU median | check ÷ command (wall, paired) |")
    print("|---|---:|---:|---:|---:|")
    for name in COMMANDS:
        ratios = [c / x for c, x in zip(wall["check"], wall[name], strict=True)]
        label = {
            "check": "`indivisible check europe-2022-02`",
            "range": "`indivisible check europe-2022-02 --from 1990-01-01 --to 2026-12-31`",
        }.get(name, f"floor: {name}")
        print(
            f"| {label} | {statistics.median(wall[name]):.3f} s | {_pct(wall[name], 0.9):.3f} s"
            f" | {statistics.median(cpu[name]):.3f} s | {statistics.median(ratios):.2f} |"
        )
    above = [c - x for c, x in zip(wall["check"], wall["libraries"], strict=True)]
    print()
    print(
        f"check above the libraries floor: {statistics.median(above):.3f} s (median of "
        f"paired runs); cold caches (first run after install): {cold_wall:.3f} s wall, "
        f"{cold_cpu:.3f} s CPU"
    )


if __name__ == "__main__":
    main()
