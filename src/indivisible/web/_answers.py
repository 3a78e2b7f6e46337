"""Answers served again: a bounded cache of API answers keyed by the request and the data.

Most API answers are pure functions of the query and of the data they read: the record
(loaded once per process and never changed under a running server) and, for the answers
about an example scenario, that scenario's file. A map page, a dashboard or many users
ask the same questions again and again; :class:`AnswerCache` keeps the answer's bytes
(status line, headers, body) and serves a repeated ``GET`` without routing, validation,
computation or serialisation.

* **What is cached**: ``GET`` requests to the paths of :data:`CACHED` (never the
  statement store, jobs, exchange or uploads), answered ``200`` with a body that is not
  streamed; answers carrying ``Set-Cookie`` or ``Cache-Control: no-store`` are not kept.
* **Key**: the path, the query string as sent, and the *data version*: the identity of the
  loaded record and, for the paths that read an example, the name, size and modification
  time of every example file. Editing a scenario while the server runs changes the key.
* **Bounds**: at most ``max_entries`` answers and ``max_bytes`` of bodies, least recently
  used evicted first; an answer larger than a tenth of ``max_bytes`` is not kept.
* **Where**: inside the host check (a refused host is never answered from the cache) and
  outside the body limit and the compute limit, so a repeated answer never waits for a
  compute slot. Concurrent misses of one key compute it once: the others wait for it.
"""

from __future__ import annotations

import asyncio
import os
from collections import OrderedDict
from pathlib import Path
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CACHED = (
    "/api/status",
    "/api/binding",
    "/api/changes",
    "/api/history",
    "/api/timeline",
    "/api/alliances",
    "/api/instruments",
    "/api/sources",
    "/api/glossary",
    "/api/reach",
    "/api/check",
    "/api/scenarios",
    "/api/profile",
)
"""Path prefixes whose ``GET`` answers depend only on the query, the record and examples."""

READS_EXAMPLES = ("/api/reach", "/api/check", "/api/scenarios", "/api/profile")
"""Of those, the paths whose answers read an example scenario's file."""

Entry = tuple[int, list[tuple[bytes, bytes]], bytes]


def _record_version() -> int:
    from indivisible.record import Record

    return id(Record.load())  # loaded once per process (a new load is a new version)


def examples_version(folder: Path | None) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time (ns) of every file in ``folder`` (sorted)."""
    if folder is None:
        return ()
    out = []
    try:
        with os.scandir(folder) as it:
            for e in it:
                if e.is_file():
                    st = e.stat()
                    out.append((e.name, st.st_size, st.st_mtime_ns))
    except OSError:
        return ()
    out.sort()
    return tuple(out)


class AnswerCache:
    """ASGI middleware: serve repeated pure ``GET`` answers from a bounded LRU cache."""

    def __init__(
        self,
        app: ASGIApp,
        examples_dir: Path | None = None,
        max_entries: int = 2048,
        max_bytes: int = 64 * 1024 * 1024,
    ) -> None:
        self.app = app
        self.examples_dir = examples_dir
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.size = 0
        self.hits = 0
        self.misses = 0
        self._entries: OrderedDict[tuple[Any, ...], Entry] = OrderedDict()
        self._pending: dict[tuple[Any, ...], asyncio.Future[Entry | None]] = {}

    def key(self, scope: Scope) -> tuple[Any, ...] | None:
        """The cache key of a request, or ``None`` when its answer is not cached."""
        if scope["type"] != "http" or scope["method"] != "GET":
            return None
        path: str = scope["path"]
        if not path.startswith(CACHED):
            return None
        try:
            version: tuple[Any, ...] = (_record_version(),)
        except Exception:
            return None  # the handler reports the error, uncached
        if path.startswith(READS_EXAMPLES):
            version += examples_version(self.examples_dir)
        return (path, scope.get("query_string", b""), version)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = self.key(scope)
        if key is None:
            await self.app(scope, receive, send)
            return
        entry = self._entries.get(key)
        if entry is None:
            pending = self._pending.get(key)
            if pending is not None:
                entry = await asyncio.shield(pending)
        if entry is not None:
            self.hits += 1
            if key in self._entries:
                self._entries.move_to_end(key)
            await _replay(send, entry)
            return
        self.misses += 1
        done: asyncio.Future[Entry | None] = asyncio.get_running_loop().create_future()
        self._pending[key] = done
        kept: Entry | None = None
        try:
            kept = await self._compute(scope, receive, send)
            if kept is not None:
                self._store(key, kept)
        finally:
            del self._pending[key]
            done.set_result(kept)

    async def _compute(self, scope: Scope, receive: Receive, send: Send) -> Entry | None:
        """Run the app, passing its messages on, and return the answer when it may be kept."""
        start: Message | None = None
        chunks: list[bytes] = []
        keep = True

        async def record(msg: Message) -> None:
            nonlocal start, keep
            if msg["type"] == "http.response.start":
                start = msg
                if msg.get("status") != 200 or msg.get("trailers"):
                    keep = False
                for k, v in msg.get("headers", ()):
                    if k.lower() == b"set-cookie" or (
                        k.lower() == b"cache-control" and b"no-store" in v.lower()
                    ):
                        keep = False
            elif msg["type"] == "http.response.body" and keep:
                chunks.append(msg.get("body", b""))
            else:
                keep = False
            await send(msg)

        await self.app(scope, receive, record)
        if not keep or start is None:
            return None
        body = b"".join(chunks)
        if len(body) > self.max_bytes // 10:
            return None
        return (int(start["status"]), list(start.get("headers", ())), body)

    def _store(self, key: tuple[Any, ...], entry: Entry) -> None:
        old = self._entries.pop(key, None)
        if old is not None:
            self.size -= len(old[2])
        self._entries[key] = entry
        self.size += len(entry[2])
        while self._entries and (
            len(self._entries) > self.max_entries or self.size > self.max_bytes
        ):
            _, dropped = self._entries.popitem(last=False)
            self.size -= len(dropped[2])

    def clear(self) -> None:
        """Forget every answer."""
        self._entries.clear()
        self.size = 0


async def _replay(send: Send, entry: Entry) -> None:
    status, headers, body = entry
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


__all__ = ["CACHED", "READS_EXAMPLES", "AnswerCache", "examples_version"]
