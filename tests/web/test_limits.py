"""Denial of service over HTTP: hostile YAML is refused small, and load cannot starve the server.

Issue #11: a 140 KB upload of one 100 KB string repeated by aliases took the server from
0.8 to 2.7 GB, billion laughs hung it, and 200 concurrent ``POST /api/check`` starved
``/api/meta`` past 60 s. Here the uploads are refused with 422 and a memory growth far
under the issue's 200 MB (tracemalloc, which sees the server's threads: it runs in this
process); and with the check endpoint saturated, ``/api/meta`` still answers. All traffic
goes to 127.0.0.1, bounded in count.
"""

from __future__ import annotations

import asyncio
import threading
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from tests.test_yaml_bounds import laughs, long_string_repeated
from tests.web.conftest import free_port, run_async

MB = 1_000_000


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """``app`` served by uvicorn on 127.0.0.1 in a thread, for one test."""
    import uvicorn

    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


def upload(text: str) -> dict[str, str]:
    return {"filename": "hostile.yaml", "text": text}


def action_laughs() -> str:
    return "action: laughs\nactor: RUS\nadd:\n  deployments: " + laughs() + "\n"


@pytest.mark.parametrize(
    ("endpoint", "body", "reason"),
    [
        ("/api/check", {"upload": upload(long_string_repeated())}, "characters of text"),
        (
            "/api/check/range",
            {"upload": upload(long_string_repeated()), "from": "2020-01-01", "to": "2021-01-01"},
            "characters of text",
        ),
        (
            "/api/assess",
            {"upload": upload(long_string_repeated()), "action": "iskander-kaliningrad-2018"},
            "characters of text",
        ),
        ("/api/check", {"upload": upload("lol: " + laughs(10, 10) + "\n")}, "values"),
        (
            "/api/assess",
            {"action_upload": upload(action_laughs()), "scenario": "europe-today"},
            "values",
        ),
        ("/api/check", {"upload": upload("x: " + "[" * 20_000 + "]" * 20_000)}, "nested"),
    ],
)
def test_hostile_uploads_are_refused_before_they_grow(
    client: httpx.Client, endpoint: str, body: dict[str, Any], reason: str
) -> None:
    client.get("/api/meta")  # the server and its imports are warm
    tracemalloc.start()
    try:
        r = client.post(endpoint, json=body)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert r.status_code == 422, r.text[:500]
    error = r.json()["error"]
    assert error["path"] == "hostile.yaml" and error["line"] >= 1
    assert reason in error["message"]
    assert peak < 200 * MB, f"{peak / MB:.0f} MB"
    assert len(r.content) < 2000  # nothing repeated comes back either


def _saturate(base: str, app: Any, n: int) -> tuple[list[int], int, tuple[int, int]]:
    """``n`` concurrent checks; once the limiter is full, ``/api/meta``; then let them go."""
    slots = app.state.compute

    async def storm() -> tuple[list[int], int, tuple[int, int]]:
        limits = httpx.Limits(max_connections=n + 10, max_keepalive_connections=0)
        async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as c:
            body = {"scenario": "europe-2022-02"}
            tasks = [asyncio.create_task(c.post("/api/check", json=body)) for _ in range(n)]
            full = slots.running + slots.waiting
            deadline = time.monotonic() + 60
            while sum(t.done() for t in tasks) < n - full or slots.queued < slots.waiting:
                assert time.monotonic() < deadline, (slots.busy, slots.queued)
                await asyncio.sleep(0.02)
            meta = await c.get("/api/meta")
            during = (slots.busy, slots.queued)
            release.set()
            answers = await asyncio.gather(*tasks)
            return [a.status_code for a in answers], meta.status_code, during

    return run_async(storm)


release = threading.Event()


def test_meta_answers_while_the_check_endpoint_is_saturated(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Checks held inside the server fill the limiter; the rest get 503; meta answers."""
    from indivisible.web import Limits, _api, create_app

    inside: list[int] = []
    real = _api._check

    def held(*args: Any) -> Any:
        inside.append(1)
        assert release.wait(60), "never released"
        return real(*args)

    monkeypatch.setattr(_api, "_check", held)
    release.clear()
    app = create_app(limits=Limits(max_running=2, max_waiting=4))
    try:
        with serving(app) as base:
            statuses, meta, during = _saturate(base, app, 200)
    finally:
        release.set()
    assert meta == 200
    assert during == (2, 4)  # still saturated when meta had answered
    assert statuses.count(200) == 6 and statuses.count(503) == 194
    assert len(inside) == 6  # never more than running + waiting computed


def test_busy_answer_is_json_with_retry_after(monkeypatch: pytest.MonkeyPatch) -> None:
    from indivisible.web import Limits, _api, create_app

    release.clear()
    real = _api._check
    monkeypatch.setattr(_api, "_check", lambda *a: release.wait(60) and real(*a))
    app = create_app(limits=Limits(max_running=1, max_waiting=0))
    try:
        with serving(app) as base, httpx.Client(base_url=base, timeout=60) as c:
            first = threading.Thread(
                target=lambda: c.post("/api/check", json={"scenario": "europe-2022-02"})
            )
            first.start()
            deadline = time.monotonic() + 30
            while app.state.compute.busy < 1:
                assert time.monotonic() < deadline
                time.sleep(0.02)
            r = c.get("/api/status", params={"on": "1999-03-12", "state": "POL"})
            assert r.status_code == 503
            assert r.headers["retry-after"] == "1"
            assert r.json()["error"]["message"] == (
                "the server is busy: 1 requests are being computed and 0 wait; retry in a moment"
            )
            assert c.get("/api/meta").status_code == 200
            assert c.get("/map").status_code == 200
            release.set()
            first.join(60)
            deadline = time.monotonic() + 30  # the slot is freed just after the answer is sent
            while app.state.compute.busy:
                assert time.monotonic() < deadline, "the slot was never freed"
                time.sleep(0.02)
            assert c.get("/api/status", params={"on": "1999-03-12"}).status_code == 200
    finally:
        release.set()


def test_200_real_checks_do_not_starve_meta(server: str) -> None:
    """200 concurrent real checks on the shared server: meta answers before they are done."""
    order: list[str] = []

    async def run() -> tuple[list[int], int]:
        limits = httpx.Limits(max_connections=220, max_keepalive_connections=0)
        async with httpx.AsyncClient(base_url=server, limits=limits, timeout=120) as c:

            async def check() -> int:
                r = await c.post("/api/check", json={"scenario": "europe-2022-02"})
                order.append("check")
                return r.status_code

            tasks = [asyncio.create_task(check()) for _ in range(200)]
            await asyncio.sleep(0.2)
            meta = await c.get("/api/meta")
            order.append("meta")
            return list(await asyncio.gather(*tasks)), meta.status_code

    statuses, meta = run_async(run)
    assert meta == 200
    assert set(statuses) <= {200, 503}
    assert statuses.count(200) >= 1
    assert order[-1] == "check"  # meta did not wait for the checks to drain
