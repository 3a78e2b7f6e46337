"""The FastAPI application: the API router, the pages, static assets and the safety rails.

Safety rails: request bodies larger than ``max_body_bytes`` are refused (413) whether or
not they announce their length; every error is JSON (see ``_errors``); pages may load
only what this server serves (a ``Content-Security-Policy`` of ``'self'``), so no CDN
and no map tiles can creep in.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
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
from indivisible.web._api import WebConfig, router
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


class BodyLimit:
    """ASGI middleware: refuse request bodies over ``max_bytes`` with a JSON 413."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def _refuse(self, send: Send, status: int, message: str) -> None:
        body = json.dumps(_errors.error_body(message)).encode()
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

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


def create_app(
    *,
    db_url: str | None = None,
    examples_dir: Path | None = None,
    max_body_bytes: int = 1_000_000,
    job_time_limit_s: float = 120.0,
    job_workers: int = 2,
) -> FastAPI:
    """Build the web application.

    Args:
        db_url: statement store (default: the CLI's default store, ``$INDIVISIBLE_DB`` or
            ``~/.local/share/indivisible/indivisible.db``).
        examples_dir: folder of example scenarios (default: the bundled examples).
        max_body_bytes: largest request body accepted (uploads included).
        job_time_limit_s: time limit of a long computation (a job), in seconds.
        job_workers: threads running jobs.

    Returns:
        The FastAPI app; its OpenAPI schema is at ``/openapi.json``.
    """
    jobs = JobManager(workers=job_workers, time_limit_s=job_time_limit_s)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
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
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    return app
