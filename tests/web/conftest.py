"""Fixtures of the web tests: the app on a real loopback server, a client, a page.

The app is served by uvicorn on 127.0.0.1 on a free port in a background thread, once per
session, with a statement store in a temporary folder seeded from ``fixtures/``. API tests
talk HTTP to it with httpx; browser tests drive Debian's Chromium through Playwright
(never a downloaded browser) and are skipped, with the reason, only if
``/usr/bin/chromium`` is absent (the session's ``browser`` fixture is in ``tests/conftest.py``,
shared with the other packages' browser tests).
"""

from __future__ import annotations

import asyncio
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest

FIXTURES = Path(__file__).parent / "fixtures"
T = TypeVar("T")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run_async(main: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """``asyncio.run(main())`` in a thread of its own (the browser tests keep a loop here)."""
    out: list[T] = []
    failed: list[BaseException] = []

    def target() -> None:
        try:
            out.append(asyncio.run(main()))
        except BaseException as exc:  # re-raised in the test's thread
            failed.append(exc)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(300)
    if failed:
        raise failed[0]
    assert out, "the requests did not finish in 300 s"
    return out[0]


@pytest.fixture(scope="session")
def db_url() -> Iterator[str]:
    """A statement store seeded with the web fixtures' documents."""
    from indivisible.ingest import ingest

    folder = tempfile.mkdtemp(prefix="indivisible-web-")
    url = f"sqlite:///{folder}/store.db"
    outcomes = ingest(sorted(FIXTURES.glob("*.txt")), url)
    assert [o.status for o in outcomes] == ["ingested"] * len(outcomes)
    yield url
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def app(db_url: str) -> Any:
    from indivisible.web import Limits, create_app

    return create_app(db_url=db_url, limits=Limits(job_time_limit_s=20.0))


@pytest.fixture(scope="session")
def server(app: Any) -> Iterator[str]:
    """Base URL of the app served by uvicorn on loopback for the whole session."""
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
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def client(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=30.0) as c:
        yield c


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    """A fresh page; fails the test on any request that leaves the loopback server."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    outside: list[str] = []
    pg.on(
        "request",
        lambda req: outside.append(req.url) if not req.url.startswith(server) else None,
    )
    pg.set_default_timeout(15_000)
    pg.base = server
    yield pg
    context.close()
    assert outside == [], f"the page requested resources outside the server: {outside}"
