"""Peak memory of ``export panel`` streamed by chunk, against the panel built whole in memory.

Usage: ``python benchmarks/panel_memory.py [--from 1991-01-01] [--to 2025-12-31]
[--baseline-to 1993-12-31] [--format parquet]``.

Each measurement runs in a fresh child process and reads that process's peak resident set
size (``ru_maxrss``), so one run does not inherit the other's heap:

* ``streamed``: the command itself, ``indivisible export panel --unit day --kind dyad``
  over ``--from``..``--to`` (the acceptance figure: under 1 GB for 1991-2025);
* ``whole``: the same panel built in one frame (``indivisible.record.panel``) and written,
  as the command did before streaming; run on the shorter ``--from``..``--baseline-to``
  range, because the whole 35 years needs several GB on this small machine. The streamed
  export of that shorter range is measured too, so the ratio compares like with like.

No test runs this; the figures are reported, not asserted.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import resource, sys, time
t = time.perf_counter()
mode, start, end, out = sys.argv[1:5]
if mode == "streamed":
    from indivisible.cli import main
    sys.argv = ["indivisible", "export", "panel", "--unit", "day", "--kind", "dyad",
                "--from", start, "--to", end, "--out", out]
    try:
        main()
    except SystemExit:
        pass
else:
    import datetime as dt
    from indivisible.record import Record, panel
    df = panel(Record.load(), "day", "dyad", dt.date.fromisoformat(start),
               dt.date.fromisoformat(end))
    (df.to_csv if out.endswith(".csv") else df.to_parquet)(out, index=False)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"RESULT {peak:.0f} {time.perf_counter() - t:.1f}", file=sys.stderr)
"""


def measure(mode: str, start: str, end: str, out: Path) -> tuple[float, float]:
    """Peak RSS (MB) and wall time (s) of one child run."""
    r = subprocess.run(
        [sys.executable, "-c", CHILD, mode, start, end, str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(x for x in r.stderr.splitlines() if x.startswith("RESULT "))
    _, mb, secs = line.split()
    return float(mb), float(secs)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--from", dest="start", default="1991-01-01")
    ap.add_argument("--to", dest="end", default="2025-12-31")
    ap.add_argument("--baseline-to", default="1993-12-31")
    ap.add_argument("--format", choices=("parquet", "csv"), default="parquet")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"panel.{a.format}"
        full, full_s = measure("streamed", a.start, a.end, out)
        size = out.stat().st_size / 1e6
        small, small_s = measure("streamed", a.start, a.baseline_to, out)
        whole, whole_s = measure("whole", a.start, a.baseline_to, out)
    print(
        f"streamed {a.start}..{a.end}: peak {full:.0f} MB, {full_s:.1f} s, file {size:.0f} MB"
        f" ({'under' if full < 1024 else 'OVER'} 1 GB)"
    )
    print(f"streamed {a.start}..{a.baseline_to}: peak {small:.0f} MB, {small_s:.1f} s")
    print(f"whole    {a.start}..{a.baseline_to}: peak {whole:.0f} MB, {whole_s:.1f} s")
    print(f"whole / streamed peak on the same range: {whole / small:.2f}x")


if __name__ == "__main__":
    main()
