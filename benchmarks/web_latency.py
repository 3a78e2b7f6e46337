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
* Per round, says what a stalled round coincided with: the longest garbage-collector
  pause of the server and of the client (``gc.callbacks``), the CPU time stolen by the
  hypervisor (``/proc/stat``), the load average, and when the slowest requests started.
* Prints the results; ``--write`` also puts them into ``benchmarks/README.md`` under
  ``## Web`` (replacing that section). Stops the servers itself; every phase is bounded in
  time.

Usage::

    .venv/bin/python benchmarks/web_latency.py             # 400 requests per endpoint
    .venv/bin/python benchmarks/web_latency.py --small     # 100 requests, 2 page loads
    .venv/bin/python benchmarks/web_latency.py --write     # and update benchmarks/README.md
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
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


_MORE_WAITING = ", limits=Limits(max_waiting=64)"

# A probe run in the server and the client processes: every collection of the cyclic
# garbage collector that lasts over 1 ms, or of the oldest generation, as one line
# "monotonic-start generation duration-ms" (the monotonic clock is system-wide on Linux).
GC_PROBE = """
import gc, os, time
_gc_out = open(os.environ["WEB_BENCH_GC"], "a", buffering=1)
_gc_t0 = [0.0]
def _gc_probe(phase, info):
    if phase == "start":
        _gc_t0[0] = time.monotonic()
        return
    ms = (time.monotonic() - _gc_t0[0]) * 1e3
    if ms > 1.0 or info["generation"] == 2:
        _gc_out.write(f"{_gc_t0[0]:.6f} {info['generation']} {ms:.3f}\\n")
gc.callbacks.append(_gc_probe)
"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int, gc_log: Path, *, cache: bool = True) -> subprocess.Popen[bytes]:
    """uvicorn as ``indivisible serve`` configures it (uvloop/httptools when installed)."""
    code = GC_PROBE + (
        "import uvicorn; from indivisible.web import Limits, create_app; "
        # without the cache, 50 in flight exceed the default line of 4 running + 32 waiting
        f"uvicorn.run(create_app(answer_cache={cache}{'' if cache else _MORE_WAITING}), "
        f"host='127.0.0.1', port={port}, "
        "log_level='warning', access_log=False, loop='auto', http='auto')"
    )
    env = os.environ | {"WEB_BENCH_GC": str(gc_log)}
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/meta", timeout=2).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("the server did not start within 60 s")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of process ``pid`` so far (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# ------------------------------------------------------------------ the client process
async def _client(
    port: int, urls: list[str], concurrency: int, deadline: float
) -> tuple[list[float], list[float], list[float], tuple[float, float]]:
    """Latencies (ms) and start times (monotonic s) of the requests, ``concurrency``
    keep-alive connections each sending one request at a time; and the latencies of the
    first request on each new connection, which are not among the timed ones.

    Every connection first sends one request of the list (its first) and waits until all
    have been answered: a burst of new connections is accepted by the server's event loop
    over several of its turns (accept, then start reading, then the request), each turn as
    long as the requests ready on the connections already open, so the first request on a
    late connection waits several turns. Timing those with the rest made the p99 of a round
    of 400 requests (50 of them first requests) the cost of the connection burst.
    """
    out: list[float] = []
    starts: list[float] = []
    first: list[float] = []
    todo = list(reversed(urls))
    host = f"Host: 127.0.0.1:{port}\r\n\r\n".encode()
    opened = 0
    all_open = asyncio.Event()
    timed_from: list[float] = []  # wall and CPU clocks when the timed requests begin

    async def get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, u: str) -> float:
        t0 = time.perf_counter()
        writer.write(b"GET " + u.encode() + b" HTTP/1.1\r\n" + host)
        head = await reader.readuntil(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n"):
            if line[:15].lower() == b"content-length:":
                length = int(line[15:])
        await reader.readexactly(length)
        if not head.startswith(b"HTTP/1.1 200"):
            raise RuntimeError(f"{u}: {head[:200]!r}")
        return (time.perf_counter() - t0) * 1e3

    async def worker() -> None:
        nonlocal opened
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            first.append(await get(reader, writer, urls[0]))
            opened += 1
            if opened == concurrency:
                timed_from.extend((time.perf_counter(), time.process_time()))
                all_open.set()
            await all_open.wait()
            while todo and time.monotonic() < deadline:
                u = todo.pop()
                starts.append(time.monotonic())
                out.append(await get(reader, writer, u))
        finally:
            writer.close()

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return out, starts, first, (timed_from[0], timed_from[1])


def client_main(port: int, concurrency: int, time_limit: float) -> None:
    """The load client (its own process): URLs on stdin, JSON of latencies and CPU out."""
    gc_events: list[tuple[float, int, float]] = []
    t_gc = [0.0]

    def probe(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            t_gc[0] = time.monotonic()
        else:
            gc_events.append((t_gc[0], info["generation"], (time.monotonic() - t_gc[0]) * 1e3))

    gc.callbacks.append(probe)
    urls = sys.stdin.read().split()
    try:
        import uvloop

        run: Any = uvloop.run
    except ImportError:
        run = asyncio.run
    wait0 = run_queue_wait("self")
    lat, starts, first, (t0, cpu0) = run(
        _client(port, urls, concurrency, time.monotonic() + time_limit)
    )
    wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    wait = run_queue_wait("self") - wait0
    gc.callbacks.remove(probe)
    print(
        json.dumps(
            {
                "lat": lat,
                "start": starts,
                "wall": wall,
                "cpu": cpu,
                "gc": gc_events,
                "wait": wait,
                "first": first,
            }
        )
    )


def load(port: int, urls: list[str], concurrency: int, deadline: float) -> dict[str, Any]:
    """Run the client in a separate process; its latencies, wall time and CPU."""
    left = max(1.0, deadline - time.monotonic())
    done = subprocess.run(
        [sys.executable, __file__, "--client", str(port), str(concurrency), str(left)],
        input="\n".join(urls),
        stdout=subprocess.PIPE,
        text=True,
        check=True,
        timeout=left + 30,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def run_queue_wait(pid: int | str) -> float:
    """Seconds the main thread of ``pid`` has spent runnable but waiting for a CPU."""
    return int(Path(f"/proc/{pid}/schedstat").read_text().split()[1]) / 1e9


def machine_state() -> tuple[float, int, int]:
    """(1-minute load average, steal jiffies, all jiffies) of the machine now."""
    load1 = float(Path("/proc/loadavg").read_text().split()[0])
    ticks = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    return load1, ticks[7], sum(ticks)


def read_gc(path: Path) -> np.ndarray:
    """The server's logged collections: rows of (start, generation, duration ms)."""
    if not path.exists():
        return np.zeros((0, 3))
    rows = [[float(v) for v in line.split()] for line in path.read_text().splitlines()]
    return np.asarray(rows, dtype=float).reshape(-1, 3)


def diagnose(
    runs: dict[tuple[str, bool], list[dict[str, Any]]],
    gcs: dict[bool, np.ndarray],
    concurrency: int,
) -> list[str]:
    """One line per round: its p99, and what its slowest 1 % coincided with."""
    lines = [
        "| endpoint | cache | round | p99 ms | max ms | slowest 1 %: in first wave, start "
        "span ms | server GC: longest ms, gen 2, overlapping slow ms | client GC longest ms "
        "| run-queue wait ms: server, client | steal % | load |",
        "|---|---|---:|---:|---:|---|---|---:|---|---:|---:|",
    ]
    for (name, cached), rounds in runs.items():
        for i, r in enumerate(rounds, 1):
            lat, start = np.asarray(r["lat"]), np.asarray(r["start"])
            order = np.argsort(start)
            lat, start = lat[order], start[order]
            k = max(1, len(lat) // 100)
            slow = np.argsort(lat)[-k:]
            first_wave = int(np.sum(slow < concurrency))
            span = (start[slow].max() - start[slow].min()) * 1e3
            t0, t1 = start[0], float(np.max(start + lat / 1e3))
            g = gcs[cached]
            g = g[(g[:, 0] >= t0) & (g[:, 0] <= t1)]
            longest = float(g[:, 2].max()) if len(g) else 0.0
            gen2 = int(np.sum(g[:, 1] == 2))
            overlap = 0.0
            for s0, ms in zip(start[slow], lat[slow], strict=True):
                hit = g[(g[:, 0] >= s0) & (g[:, 0] <= s0 + ms / 1e3)]
                overlap = max(overlap, float(hit[:, 2].sum()) if len(hit) else 0.0)
            client_gc = max((e[2] for e in r["gc"]), default=0.0)
            (l0, st0, all0), (_, st1, all1) = r["machine"]
            steal = 100.0 * (st1 - st0) / max(1, all1 - all0)
            lines.append(
                f"| `{name}` | {'on' if cached else 'off'} | {i} | {np.percentile(lat, 99):.1f} "
                f"| {lat.max():.1f} | {first_wave}/{k}, {span:.0f} | {longest:.1f}, {gen2}, "
                f"{overlap:.1f} | {client_gc:.1f} | {r['server_wait'] * 1e3:.0f}, "
                f"{r['wait'] * 1e3:.0f} | {steal:.1f} | {l0:.2f} |"
            )
    return lines


def bootstrap_median_ci(x: np.ndarray, rng: np.random.Generator) -> tuple[float, float]:
    idx = rng.integers(0, len(x), size=(2000, len(x)))
    meds = np.median(x[idx], axis=1)
    return float(np.percentile(meds, 2.5)), float(np.percentile(meds, 97.5))


def summarise(
    name: str, runs: list[dict[str, Any]], server_cpu: float, rng: np.random.Generator
) -> dict[str, Any]:
    x = np.concatenate([np.asarray(r["lat"]) for r in runs])
    first = np.concatenate([np.asarray(r["first"]) for r in runs])
    lo, hi = bootstrap_median_ci(x, rng)
    n = len(x)
    return {
        "endpoint": name,
        "n": n,
        "p50": float(np.percentile(x, 50)),
        "ci": (lo, hi),
        "p90": float(np.percentile(x, 90)),
        "p99": float(np.percentile(x, 99)),
        "p99_runs": [float(np.percentile(r["lat"], 99)) for r in runs],
        "max": float(x.max()),
        "rps": n / sum(r["wall"] for r in runs),
        # the server also answered each connection's first request (untimed)
        "server_ms": server_cpu / (n + len(first)) * 1e3,
        "first_p99": float(np.percentile(first, 99)),
        "client_ms": sum(r["cpu"] for r in runs) / n * 1e3,
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
    if len(sys.argv) > 1 and sys.argv[1] == "--client":
        client_main(int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]))
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=400, help="requests per endpoint and round")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds")
    ap.add_argument("--concurrency", type=int, default=50)
    ap.add_argument("--pages", type=int, default=5, help="page loads of /map")
    ap.add_argument("--small", action="store_true", help="100 requests, 2 page loads")
    ap.add_argument(
        "--write", action="store_true", help="put the results into benchmarks/README.md"
    )
    args = ap.parse_args()
    if args.small:
        args.requests, args.pages = 100, 2
    rng = np.random.default_rng(SEED)
    deadline = time.monotonic() + TIME_LIMIT_S
    servers = {True: free_port(), False: free_port()}
    logs = {cached: Path(tempfile.mkdtemp()) / "gc.log" for cached in servers}
    procs = {
        cached: start_server(port, logs[cached], cache=cached) for cached, port in servers.items()
    }
    status_urls = [
        f"/api/status?state={STATES[i % len(STATES)]}&on={DATES[i % len(DATES)]}"
        for i in range(args.requests)
    ]
    reach_url = "/api/reach?scenario=europe-2022-02&deployment=iskander-kaliningrad"
    endpoints = {"/api/status": status_urls, "/api/reach": [reach_url] * args.requests}
    runs: dict[tuple[str, bool], list[dict[str, Any]]] = {}
    server_cpu: dict[tuple[str, bool], float] = {}
    try:
        for port in servers.values():
            for urls in endpoints.values():
                load(port, urls[:20], 4, deadline)  # warm-up (imports, record, scenario)
        for _ in range(args.rounds):  # interleaved: endpoint x cache, round after round
            for name, urls in endpoints.items():
                for cached, port in servers.items():
                    pid = procs[cached].pid
                    c0 = cpu_seconds(pid)
                    machine0, wait0 = machine_state(), run_queue_wait(pid)
                    run = load(port, urls, args.concurrency, deadline)
                    run["machine"] = (machine0, machine_state())
                    run["server_wait"] = run_queue_wait(pid) - wait0
                    runs.setdefault((name, cached), []).append(run)
                    server_cpu[name, cached] = (
                        server_cpu.get((name, cached), 0.0) + cpu_seconds(pid) - c0
                    )
        pages = page_timings(f"http://127.0.0.1:{servers[True]}", args.pages, deadline)
    finally:
        for proc in procs.values():
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
    round_lines = diagnose(
        runs, {cached: read_gc(log) for cached, log in logs.items()}, args.concurrency
    )
    print("\n".join(round_lines))
    rows = [
        summarise(name, runs[name, cached], server_cpu[name, cached], rng) | {"cached": cached}
        for name in endpoints
        for cached in (True, False)
    ]

    lines = [
        "| endpoint | answer cache | requests | p50 ms (95 % CI) | p90 ms | p99 ms "
        "(per round) | max ms | req/s | server CPU ms/req | client CPU ms/req "
        "| first request on a new connection, p99 ms |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| `{r['endpoint']}` | {'on' if r['cached'] else 'off'} | {r['n']} "
        f"| {r['p50']:.1f} ({r['ci'][0]:.1f}–{r['ci'][1]:.1f}) | {r['p90']:.1f} "
        f"| {r['p99']:.1f} ({', '.join(f'{p:.0f}' for p in r['p99_runs'])}) "
        f"| {r['max']:.1f} | {r['rps']:.0f} | {r['server_ms']:.2f} | {r['client_ms']:.2f} "
        f"| {r['first_p99']:.1f} |"
        for r in rows
    ]
    table = "\n".join(lines)
    print(table)
    page_text = "Page timings skipped: /usr/bin/chromium is absent."
    if not args.pages:
        page_text = "Page timings not asked for (--pages 0)."
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
    if not args.write:
        return
    machine = f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    section = f"""## Web (`benchmarks/web_latency.py`)

Question: how fast do the API and the map answer on loopback under concurrent load?
Two uvicorn servers run `indivisible.web.create_app()` on 127.0.0.1 in subprocesses,
configured as `indivisible serve` runs it (uvloop and httptools when the `fast` extra is
installed, no access log): one with the answer cache (`web/_answers.py`, the default), one
without it (and with 64 waiting places, since 50 in flight exceed the default 4 running +
32 waiting). The client is a separate light process (raw asyncio streams on
{args.concurrency} keep-alive connections, uvloop) that reports its own CPU; the servers' CPU
is read from `/proc` around each phase. {args.rounds} rounds of {args.requests} requests per
endpoint and server, interleaved, after a 20-request warm-up. `/api/status` cycles through
{len(STATES)} states and {len(DATES)} dates (48 distinct answers); `/api/reach` is the
Iskander-M deployment in Kaliningrad (57 capitals, one vectorised geodesic call, the
360-point geodesic ring). Median with a percentile bootstrap 95 % CI (seed {SEED}); p99 over
the pooled rounds, and per round. The page time is read from the browser's Navigation
Timing origin.

Run `.venv/bin/python benchmarks/web_latency.py --write` (about a minute; `--small` is
quicker). Result on the development machine ({machine}):

{table}

{page_text}
"""
    write_readme(section)
    print(f"appended the results to {README.relative_to(ROOT)} under '## Web'")


if __name__ == "__main__":
    main()
