"""The FastAPI application: the API router, the pages, static assets and the safety rails.

Safety rails: a request whose ``Host`` header is not a name of this server is refused
(400), so that a web page of another site cannot reach the loopback server through DNS
rebinding (:class:`HostAllowList`); request bodies larger than ``max_body_bytes`` are
refused (413) whether or not they announce their length; at most ``max_running`` API
requests are computed at once and ``max_waiting`` more wait, the others are answered 503
at once while ``/api/meta`` and job polling stay fast (:class:`ComputeLimit`); every
error is JSON (see ``_errors``); pages may load only what this server serves (a
``Content-Security-Policy`` of ``'self'``), so no CDN and no map tiles can creep in.
A repeated pure ``GET`` is answered from a bounded cache (``_answers``) inside the host
check and outside the other limits.
"""

from __future__ import annotations

import asyncio
import gc
import json
import threading
from collections import deque
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from indivisible.web import _errors
from indivisible.web._analysis import router as analysis_router
from indivisible.web._answers import AnswerCache
from indivisible.web._api import WebConfig, router
from indivisible.web._exchange import router as exchange_router
from indivisible.web._jobs import JobManager

_HERE = Path(str(files("indivisible") / "web"))

PAGES: tuple[tuple[str, str, str], ...] = (
    ("map", "/map", "Map"),
    ("timeline", "/timeline", "Architecture timeline"),
    ("scenario", "/scenario", "Scenario"),
    ("packages", "/packages", "Packages"),
    ("statements", "/statements", "Statements"),
)
"""(name, path, title) of every page, in the order of the navigation bar."""

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)


LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")
"""The names a loopback server answers to by default (``[::1]`` in a URL is ``::1``)."""


async def _answer(
    send: Send, status: int, message: str, headers: Iterable[tuple[bytes, bytes]] = ()
) -> None:
    """Send a JSON error response (the shape of ``_errors.error_body``) from a middleware."""
    body = json.dumps(_errors.error_body(message)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def host_name(header: str) -> str | None:
    """The name in a ``Host`` header, without its port, lower-case; ``None`` if malformed.

    Examples:
        >>> host_name("LocalHost:8000"), host_name("[::1]:80"), host_name("127.0.0.1")
        ('localhost', '::1', '127.0.0.1')
        >>> host_name("evil.example:x") is None
        True
    """
    header = header.strip().lower()
    port = ""
    if header.startswith("["):
        name, sep, rest = header[1:].partition("]")
        if not sep or (rest and not rest.startswith(":")):
            return None
        port = rest[1:]
    elif header.count(":") == 1:
        name, port = header.split(":")
    else:
        name = header  # a name, an IPv4 address, or a bare IPv6 address
    if port and not port.isdigit():
        return None
    name = name.rstrip(".")
    return name or None


class HostAllowList:
    """ASGI middleware: answer only requests whose ``Host`` is a name of this server.

    A page of another site can make a browser resolve its own name to 127.0.0.1 (DNS
    rebinding) and then talk to the loopback server as if same-origin; its requests still
    carry that name in ``Host``, and are refused here with a JSON 400. ``*`` in ``hosts``
    accepts any name (a server behind a proxy that checks it).
    """

    def __init__(self, app: ASGIApp, hosts: Iterable[str]) -> None:
        self.app = app
        names = [str(h) for h in hosts]
        self.any = "*" in names
        self.allowed = {n for n in (host_name(h) for h in names if h != "*") if n}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.any or scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        header = ""
        for key, value in scope.get("headers", []):
            if key == b"host":
                header = value.decode("latin-1")
                break
        if host_name(header) in self.allowed:
            await self.app(scope, receive, send)
            return
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        shown = header if len(header) <= 80 else header[:80] + "..."
        await _answer(
            send,
            400,
            f"Host {shown!r} is not a name of this server (it answers to "
            f"{', '.join(sorted(self.allowed))}); to serve another name, start it with "
            "--allow-host NAME",
        )


class ComputeSlots:
    """At most ``running`` holders at once and ``waiting`` more in line (any event loop).

    ``acquire`` answers ``False`` at once when the line is full; a slot freed is handed to
    the first in line, so the order is first come, first served.
    """

    def __init__(self, running: int, waiting: int) -> None:
        self.running = running
        self.waiting = waiting
        self.busy = 0
        self._line: deque[asyncio.Future[None]] = deque()
        self._lock = threading.Lock()

    @property
    def queued(self) -> int:
        """How many requests wait for a slot."""
        return len(self._line)

    async def acquire(self) -> bool:
        with self._lock:
            if self.busy < self.running and not self._line:
                self.busy += 1
                return True
            if len(self._line) >= self.waiting:
                return False
            turn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            self._line.append(turn)
        try:
            await turn
        except asyncio.CancelledError:
            with self._lock:
                if turn in self._line:
                    self._line.remove(turn)
                    raise
            if not turn.cancelled():  # the slot was handed over before the cancel: pass it on
                self.release()
            raise  # (a cancelled turn is passed on by _hand_over)
        return True

    def release(self) -> None:
        with self._lock:
            if self._line:
                turn = self._line.popleft()  # the slot goes to it; ``busy`` stays
                turn.get_loop().call_soon_threadsafe(self._hand_over, turn)
                return
            self.busy -= 1

    def _hand_over(self, turn: asyncio.Future[None]) -> None:
        if turn.cancelled():
            self.release()
        else:
            turn.set_result(None)


COMPUTE_EXEMPT = ("/api/meta", "/api/jobs/", "/api/geo/")
"""API paths not counted by :class:`ComputeLimit`: cheap answers that must stay fast."""


class ComputeLimit:
    """ASGI middleware: bound the API requests computed at once (the others wait or get 503).

    Every ``/api/`` request but the cheap ones (:data:`COMPUTE_EXEMPT`) takes one of
    ``running`` slots for its whole answer; up to ``waiting`` more wait in line, and any
    beyond are answered ``503`` with ``Retry-After`` at once. The pages, static files,
    ``/api/meta`` and job polling are not counted, so they stay fast while the server is
    saturated. (Long computations run as jobs, bounded by the job manager.)
    """

    def __init__(self, app: ASGIApp, slots: ComputeSlots) -> None:
        self.app = app
        self.slots = slots

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if not path.startswith("/api/") or path.startswith(COMPUTE_EXEMPT):
            await self.app(scope, receive, send)
            return
        if not await self.slots.acquire():
            await _answer(
                send,
                503,
                f"the server is busy: {self.slots.running} requests are being computed and "
                f"{self.slots.waiting} wait; retry in a moment",
                [(b"retry-after", b"1")],
            )
            return
        try:
            await self.app(scope, receive, send)
        finally:
            self.slots.release()


class BodyLimit:
    """ASGI middleware: refuse request bodies over ``max_bytes`` with a JSON 413."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def _refuse(self, send: Send, status: int, message: str) -> None:
        await _answer(send, status, message)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_big = (
            f"request body is larger than {self.max_bytes} bytes; "
            "send a smaller file (scenario files are a few kilobytes)"
        )
        for key, value in scope.get("headers", []):
            if key == b"content-length":
                try:
                    length = int(value)
                except ValueError:
                    await self._refuse(send, 400, "invalid Content-Length header")
                    return
                if length > self.max_bytes:
                    await self._refuse(send, 413, too_big)
                    return
        if not any(key == b"content-length" for key, _ in scope.get("headers", [])):
            # A body of unannounced length (chunked) is read here, up to the limit, and
            # replayed: refusing it mid-stream would surface as a parse error downstream.
            chunks: list[bytes] = []
            size = 0
            more = True
            while more:
                msg = await receive()
                if msg["type"] != "http.request":
                    return  # the client went away
                chunk = msg.get("body", b"")
                size += len(chunk)
                if size > self.max_bytes:
                    await self._refuse(send, 413, too_big)
                    return
                chunks.append(chunk)
                more = bool(msg.get("more_body", False))
            body = b"".join(chunks)
            replayed = False

            async def replay() -> Message:
                nonlocal replayed
                if not replayed:
                    replayed = True
                    return {"type": "http.request", "body": body, "more_body": False}
                return await receive()

            await self.app(scope, replay, send)
            return
        await self.app(scope, receive, send)


class SecurityHeaders:
    """ASGI middleware: a strict Content-Security-Policy and no MIME sniffing."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def add(msg: Message) -> None:
            if msg["type"] == "http.response.start":
                headers = list(msg.get("headers", []))
                headers += [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                ]
                msg = {**msg, "headers": headers}
            await send(msg)

        await self.app(scope, receive, add)


def settle() -> None:
    """Load what every answer reads, then exempt it from the garbage collector's passes.

    The loaded record, the libraries and the app are some 100,000 objects that live as
    long as the server. A full pass of the cyclic collector walks all of them (0.1-0.3 s on
    the 2-CPU development machine), and under load such a pause lands on every request in
    flight: it was the tail of the latency benchmark. So the server loads the record and
    imports the rooms its handlers use at start-up, collects once, and freezes what is
    there (``gc.freeze``); later passes walk only what requests allocate. Shutdown
    unfreezes.
    """
    from indivisible import indicators, world  # noqa: F401 (imported for their objects)
    from indivisible.record import Record

    Record.load()
    gc.collect()
    gc.freeze()


def default_examples_dir() -> Path | None:
    """The bundled example scenarios: the world room's, else ``examples/`` of a checkout."""
    try:
        from indivisible import world

        found = getattr(world, "EXAMPLES_DIR", None) or getattr(world, "examples_dir", None)
        if callable(found):
            found = found()
        if found is not None and Path(found).is_dir():
            return Path(found)
    except ImportError:  # pragma: no cover - the world room is part of the package
        pass
    checkout = _HERE.parents[2] / "examples"
    return checkout if checkout.is_dir() else None


def _api_docs(app: FastAPI) -> None:
    """Serve ``/docs``: Swagger UI over ``/openapi.json``, with no CDN.

    Its assets come from the installed ``swagger-ui-bundle-v2`` package; the page's own
    script is a file, as the CSP asks.
    """
    from swagger_ui_bundle import swagger_ui_path

    app.mount("/docs/assets", StaticFiles(directory=swagger_ui_path), name="docs-assets")
    page = (_HERE / "templates" / "docs.html").read_text(encoding="utf-8")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(page)

    @app.get("/api/glossary", summary="Plain label and one-line definition of every term")
    def glossary() -> dict[str, Any]:
        """Indicators, verdicts, results, statuses: ``kind → id → {label, definition}``."""
        from indivisible._glossary import as_json

        return as_json()


@dataclass(frozen=True)
class Limits:
    """The server's bounds, passed whole to :func:`create_app`.

    Attributes:
        max_body_bytes: largest request body accepted (uploads included).
        job_time_limit_s: time limit of a long computation (a job), in seconds.
        job_workers: processes running jobs.
        max_running: API requests computed at once (see :class:`ComputeLimit`).
        max_waiting: API requests waiting for one of those; any more are answered 503.
    """

    max_body_bytes: int = 1_000_000
    job_time_limit_s: float = 120.0
    job_workers: int = 2
    max_running: int = 4
    max_waiting: int = 32


def create_app(
    *,
    db_url: str | None = None,
    examples_dir: Path | None = None,
    allowed_hosts: Iterable[str] = LOOPBACK_HOSTS,
    answer_cache: bool = True,
    limits: Limits | None = None,
) -> FastAPI:
    """Build the web application.

    Args:
        db_url: statement store (default: the CLI's default store, ``$INDIVISIBLE_DB`` or
            ``~/.local/share/indivisible/indivisible.db``).
        examples_dir: folder of example scenarios (default: the bundled examples).
        allowed_hosts: the names a request's ``Host`` may give (default: the loopback
            names); ``*`` accepts any.
        answer_cache: serve repeated pure ``GET`` answers from a bounded cache
            (:class:`~indivisible.web._answers.AnswerCache`).
        limits: the server's bounds (:class:`Limits`; default: its defaults).

    Returns:
        The FastAPI app; its OpenAPI schema is at ``/openapi.json``.
    """
    lim = limits if limits is not None else Limits()
    max_body_bytes, job_time_limit_s = lim.max_body_bytes, lim.job_time_limit_s
    job_workers, max_running, max_waiting = lim.job_workers, lim.max_running, lim.max_waiting
    if max_running < 1 or max_waiting < 0:
        raise ValueError(f"max_running >= 1 and max_waiting >= 0, got {max_running}, {max_waiting}")
    jobs = JobManager(workers=job_workers, time_limit_s=job_time_limit_s)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        settle()
        try:
            yield
        finally:
            gc.unfreeze()
            jobs.shutdown()

    from indivisible import __version__

    app = FastAPI(
        title="indivisible",
        version=__version__,
        summary="The Euro-Atlantic security architecture, computable: the CLI over HTTP.",
        docs_url=None,  # the stock docs page loads its scripts from a CDN: see _api_docs
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.config = WebConfig(
        db_url=db_url,
        examples_dir=examples_dir if examples_dir is not None else default_examples_dir(),
        max_body_bytes=max_body_bytes,
        job_time_limit_s=job_time_limit_s,
        jobs=jobs,
    )
    _errors.install(app)
    app.include_router(router)
    app.include_router(analysis_router)
    app.include_router(exchange_router)
    app.mount("/static", StaticFiles(directory=_HERE / "static"), name="static")
    _api_docs(app)
    templates = Jinja2Templates(directory=str(_HERE / "templates"))

    def page(name: str, title: str) -> Any:
        def render(request: Request) -> HTMLResponse:
            return templates.TemplateResponse(
                request,
                f"{name}.html",
                {"page": name, "title": title, "pages": PAGES, "version": __version__},
            )

        render.__name__ = f"page_{name}"
        render.__doc__ = f"The {title} page."
        return render

    for name, path, title in PAGES:
        app.add_api_route(
            path,
            page(name, title),
            methods=["GET"],
            response_class=HTMLResponse,
            include_in_schema=False,
        )

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/map")

    app.add_middleware(SecurityHeaders)
    app.state.compute = ComputeSlots(max_running, max_waiting)
    app.add_middleware(ComputeLimit, slots=app.state.compute)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    if answer_cache:  # repeated answers skip the limits above (outside them), not the host check
        app.add_middleware(AnswerCache, examples_dir=app.state.config.examples_dir)
    app.add_middleware(HostAllowList, hosts=tuple(allowed_hosts))  # outermost: first check
    return app
