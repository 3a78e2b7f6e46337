"""The answer cache: repeated pure GETs served again, keyed by query and data, bounded."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.web.conftest import run_async

from indivisible.web._answers import AnswerCache, examples_version


class Counting:
    """An ASGI app answering its call count; ``status`` and body size chosen per path."""

    def __init__(self, status: int = 200, size: int = 10) -> None:
        self.calls = 0
        self.status = status
        self.size = size

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        self.calls += 1
        body = str(self.calls).encode().ljust(self.size, b" ")
        await send(
            {
                "type": "http.response.start",
                "status": self.status,
                "headers": [(b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": body})


def _get(app: Any, path: str, query: bytes = b"", method: str = "GET") -> tuple[int, bytes]:
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(msg: dict[str, Any]) -> None:
        sent.append(msg)

    scope = {"type": "http", "method": method, "path": path, "query_string": query}
    run_async(lambda: app(scope, receive, send))
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


def test_repeated_get_is_served_from_the_cache() -> None:
    inner = Counting()
    cache = AnswerCache(inner)
    first = _get(cache, "/api/status", b"on=2014-03-18&state=POL")
    again = _get(cache, "/api/status", b"on=2014-03-18&state=POL")
    assert first == again and inner.calls == 1 and cache.hits == 1
    other = _get(cache, "/api/status", b"on=2014-03-18&state=FIN")
    assert other != first and inner.calls == 2


@pytest.mark.parametrize(
    ("path", "method"),
    [("/api/statements", "GET"), ("/api/jobs/x", "GET"), ("/map", "GET"), ("/api/check", "POST")],
)
def test_impure_paths_and_methods_are_not_cached(path: str, method: str) -> None:
    inner = Counting()
    cache = AnswerCache(inner)
    _get(cache, path, method=method)
    _get(cache, path, method=method)
    assert inner.calls == 2


def test_errors_are_not_cached() -> None:
    inner = Counting(status=400)
    cache = AnswerCache(inner)
    _get(cache, "/api/status", b"on=x")
    _get(cache, "/api/status", b"on=x")
    assert inner.calls == 2


def test_bounded_least_recently_used_first() -> None:
    inner = Counting(size=100)
    cache = AnswerCache(inner, max_entries=2, max_bytes=10_000)
    for q in (b"a", b"b", b"a", b"c"):  # "b" is the least recently used when "c" comes
        _get(cache, "/api/status", q)
    assert inner.calls == 3
    _get(cache, "/api/status", b"a")
    assert inner.calls == 3
    _get(cache, "/api/status", b"b")
    assert inner.calls == 4
    assert cache.size <= 2 * 100
    big = AnswerCache(Counting(size=2_000), max_bytes=10_000)  # over a tenth: not kept
    _get(big, "/api/status", b"x")
    assert cache.size <= 10_000 and len(big._entries) == 0


def test_an_edited_example_is_a_new_version(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("x: 1\n", encoding="utf-8")
    inner = Counting()
    cache = AnswerCache(inner, examples_dir=tmp_path)
    _get(cache, "/api/reach", b"scenario=a")
    _get(cache, "/api/reach", b"scenario=a")
    assert inner.calls == 1
    v = examples_version(tmp_path)
    (tmp_path / "a.yaml").write_text("x: 22\n", encoding="utf-8")
    os.utime(tmp_path / "a.yaml", ns=(1, 1))
    assert examples_version(tmp_path) != v
    _get(cache, "/api/reach", b"scenario=a")
    assert inner.calls == 2
    _get(cache, "/api/status", b"on=2000-01-01")  # the record's answers ignore the examples
    (tmp_path / "b.yaml").write_text("y: 1\n", encoding="utf-8")
    _get(cache, "/api/status", b"on=2000-01-01")
    assert inner.calls == 3


def test_concurrent_misses_compute_once() -> None:
    inner = Counting()
    cache = AnswerCache(inner)

    async def slow(scope: Any, receive: Any, send: Any) -> None:
        await asyncio.sleep(0.01)
        await inner(scope, receive, send)

    cache.app = slow
    sent: list[list[dict[str, Any]]] = [[] for _ in range(5)]

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b""}

    async def many() -> None:
        scope = {"type": "http", "method": "GET", "path": "/api/status", "query_string": b"q"}

        def sender(i: int) -> Any:
            async def send(msg: dict[str, Any]) -> None:
                sent[i].append(msg)

            return send

        await asyncio.gather(*(cache(dict(scope), receive, sender(i)) for i in range(5)))

    run_async(many)
    assert inner.calls == 1
    assert all(s[1]["body"] == sent[0][1]["body"] for s in sent)


def test_the_server_answers_the_same_from_the_cache(client: httpx.Client) -> None:
    url = "/api/status?on=2014-03-18&state=POL"
    first, again = client.get(url), client.get(url)
    assert first.status_code == again.status_code == 200
    assert first.content == again.content
    assert again.headers["content-security-policy"] == first.headers["content-security-policy"]
    refused = client.get(url, headers={"Host": "evil.example"})
    assert refused.status_code == 400  # the host check stays in front of the cache
