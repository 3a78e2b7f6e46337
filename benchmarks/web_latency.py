"""Benchmark: web latency under concurrent load on loopback, and the map's time to render.

* Starts ``uvicorn`` serving ``indivisible.web.create_app()`` on 127.0.0.1 on a free port in
  a subprocess (one worker process, as ``indivisible serve`` runs it).
* Sends a bounded number of requests to ``/api/status`` (a state on a date, the states and
  dates cycling) and to ``/api/reach`` (the Iskander-M deployment in Kaliningrad of the
  February 2022 example), ``--concurrency`` at a time, after a warm-up; reports latency
  percentiles (p50, p90, p99, max) and throughput, with a percentile bootstrap 95 % CI of
  the median.
* Loads ``/map`` in Debian's headless Chromium (``/usr/bin/chromium``, never a downloaded
  browser) ``--pages`` times in fresh contexts and reports the first contentful paint and
  the time until the map is drawn and coloured (``data-ready``), from the Navigation
  Timing origin.
* Appends the results to ``benchmarks/README.md`` under ``## Web`` (replacing only that
  section if it is there already). Stops the server itself; every phase is bounded in time.

Usage::

    .venv/bin/python benchmarks/web_latency.py             # 400 requests per endpoint
    .venv/bin/python benchmarks/web_latency.py --small     # 100 requests, 2 page loads
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "benchmarks" / "README.md"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STATES = ["POL", "FIN", "RUS", "USA", "UKR", "DEU", "TUR", "KAZ"]
DATES = ["1995-06-01", "1999-03-12", "2008-08-08", "2014-03-18", "2023-04-04", "2024-12-31"]
SEED = 20260214
TIME_LIMIT_S = 240.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int) -> subprocess.Popen[bytes]:
    code = (
        "import uvicorn; from indivisible.web import create_app; "
        f"uvicorn.run(create_app(), host='127.0.0.1', port={port}, log_level='warning')"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/meta", timeout=2).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("the server did not start within 60 s")


async def load(base: str, urls: list[str], concurrency: int, deadline: float) -> list[float]:
    """Latencies (ms) of ``urls``, ``concurrency`` requests in flight at a time."""
    out: list[float] = []
    queue: asyncio.Queue[str] = asyncio.Queue()
    for u in urls:
        queue.put_nowait(u)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async def worker(client: httpx.AsyncClient) -> None:
        while not queue.empty() and time.monotonic() < deadline:
            u = queue.get_nowait()
            t0 = time.perf_counter()
            r = await client.get(u)
            out.append((time.perf_counter() - t0) * 1e3)
            if r.status_code != 200:
                raise RuntimeError(f"{u}: HTTP {r.status_code} {r.text[:200]}")

    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    return out


def bootstrap_median_ci(x: np.ndarray, rng: np.random.Generator) -> tuple[float, float]:
    idx = rng.integers(0, len(x), size=(2000, len(x)))
    meds = np.median(x[idx], axis=1)
    return float(np.percentile(meds, 2.5)), float(np.percentile(meds, 97.5))


def summarise(
    name: str, lat: list[float], wall_s: float, rng: np.random.Generator
) -> dict[str, Any]:
    x = np.asarray(lat)
    lo, hi = bootstrap_median_ci(x, rng)
    return {
        "endpoint": name,
        "n": len(x),
        "p50": float(np.percentile(x, 50)),
        "ci": (lo, hi),
        "p90": float(np.percentile(x, 90)),
        "p99": float(np.percentile(x, 99)),
        "max": float(x.max()),
        "rps": len(x) / wall_s,
    }


def page_timings(base: str, n: int, deadline: float) -> list[dict[str, float]]:
    """First contentful paint and map-ready time (ms) of ``/map``, ``n`` fresh loads."""
    if not CHROMIUM.exists():
        print(f"skipping page timings: {CHROMIUM} is absent")
        return []
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            for _ in range(n):
                if time.monotonic() > deadline:
                    break
                ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
                page = ctx.new_page()
                page.goto(base + "/map")
                page.wait_for_selector("[data-testid=map-svg][data-ready=true]", timeout=60_000)
                ready = page.evaluate("performance.now()")
                fcp = page.evaluate(
                    "(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime"
                )
                out.append({"fcp": float(fcp or "nan"), "ready": float(ready)})
                ctx.close()
        finally:
            browser.close()
    return out


def write_readme(section: str) -> None:
    text = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    start = text.find("\n## Web ")
    if start >= 0:
        nxt = text.find("\n## ", start + 1)
        text = text[: start + 1] + section + (text[nxt + 1 :] if nxt >= 0 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    README.write_text(text, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=400, help="requests per endpoint")
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--pages", type=int, default=5, help="page loads of /map")
    ap.add_argument("--small", action="store_true", help="100 requests, 2 page loads")
    ap.add_argument("--no-readme", action="store_true", help="do not touch README.md")
    args = ap.parse_args()
    if args.small:
        args.requests, args.pages = 100, 2
    rng = np.random.default_rng(SEED)
    deadline = time.monotonic() + TIME_LIMIT_S
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_server(port)
    try:
        status_urls = [
            f"/api/status?state={STATES[i % len(STATES)]}&on={DATES[i % len(DATES)]}"
            for i in range(args.requests)
        ]
        reach_url = "/api/reach?scenario=europe-2022-02&deployment=iskander-kaliningrad"
        reach_urls = [reach_url] * args.requests
        rows = []
        for name, urls in (("/api/status", status_urls), ("/api/reach", reach_urls)):
            asyncio.run(load(base, urls[:20], 4, deadline))  # warm-up (imports, caches)
            t0 = time.perf_counter()
            lat = asyncio.run(load(base, urls, args.concurrency, deadline))
            rows.append(summarise(name, lat, time.perf_counter() - t0, rng))
        pages = page_timings(base, args.pages, deadline)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()

    lines = [
        "| endpoint | requests | p50 ms (95 % CI) | p90 ms | p99 ms | max ms | req/s |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| `{r['endpoint']}` | {r['n']} | {r['p50']:.1f} ({r['ci'][0]:.1f}–{r['ci'][1]:.1f})"
        f" | {r['p90']:.1f} | {r['p99']:.1f} | {r['max']:.1f} | {r['rps']:.0f} |"
        for r in rows
    ]
    table = "\n".join(lines)
    print(table)
    page_text = "Page timings skipped: /usr/bin/chromium is absent."
    if pages:
        fcp = np.array([p["fcp"] for p in pages])
        ready = np.array([p["ready"] for p in pages])
        page_text = (
            f"`/map` in headless Chromium, {len(pages)} fresh loads: first contentful paint "
            f"median {np.nanmedian(fcp):.0f} ms (min {np.nanmin(fcp):.0f}, max "
            f"{np.nanmax(fcp):.0f}); map drawn and coloured (83 country shapes from the "
            f"1.25 MB GeoJSON, alliances of the day) median {np.median(ready):.0f} ms (min "
            f"{ready.min():.0f}, max {ready.max():.0f})."
        )
    print(page_text)
    if args.no_readme:
        return
    machine = f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    section = f"""## Web (`benchmarks/web_latency.py`)

Question: how fast do the API and the map answer on loopback under concurrent load?
uvicorn serves `indivisible.web.create_app()` on 127.0.0.1 in a subprocess (one process, as
`indivisible serve` runs it); httpx sends {args.requests} requests per endpoint,
{args.concurrency} in flight, after a 20-request warm-up. `/api/status` cycles through
{len(STATES)} states and {len(DATES)} dates; `/api/reach` is the Iskander-M deployment in
Kaliningrad (57 capitals, one vectorised geodesic call, the 360-point geodesic ring). Median
with a percentile bootstrap 95 % CI (seed {SEED}). The page time is read from the browser's
Navigation Timing origin.

Run `.venv/bin/python benchmarks/web_latency.py` (about a minute; `--small` is quicker). Result
on the development machine ({machine}):

{table}

{page_text}
"""
    write_readme(section)
    print(f"appended the results to {README.relative_to(ROOT)} under '## Web'")


if __name__ == "__main__":
    main()
