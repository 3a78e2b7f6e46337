"""Errors as JSON: the same messages as the CLI, and a status code that says whose fault.

Every error response has one shape::

    {"error": {"message": "field 'on': expected a date as YYYY-MM-DD ...",
               "field": "on", "reason": "...", "path": null, "line": null}}

``message`` is exactly what the CLI prints after ``Error:``. Bad input
(:class:`~indivisible.InputError`, exit status 2) is ``422``; other errors the toolkit
raises on purpose are ``422`` when their exit status is 2 and ``503`` otherwise (the
server could not answer now, e.g. the statement store is unreachable). Nothing is
answered with a traceback, and the server keeps serving.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from indivisible._errors import IndivisibleError, InputError

log = logging.getLogger("indivisible.web")


class WebError(IndivisibleError):
    """An error of the web layer itself (unknown job, body too large...).

    Args:
        message: what went wrong and what to do instead.
        status_code: the HTTP status to answer with.
        field: the request parameter concerned, if any.
    """

    def __init__(self, message: str, *, status_code: int, field: str | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.field = field


class ErrorDetail(BaseModel):
    """One error: the CLI's message, and its parts where known."""

    message: str
    field: str | None
    reason: str
    path: str | None
    line: int | None


class ErrorResponse(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {
        "model": ErrorResponse,
        "description": "The request body is not valid JSON, or the Host is not this server's.",
    },
    404: {"model": ErrorResponse, "description": "No such job, document or endpoint."},
    413: {"model": ErrorResponse, "description": "Request body too large."},
    422: {"model": ErrorResponse, "description": "Bad input: the CLI's `Error:` message."},
    429: {"model": ErrorResponse, "description": "Too many jobs at once."},
    503: {
        "model": ErrorResponse,
        "description": "The store could not answer now, or the server is busy (Retry-After).",
    },
}
"""Error responses every API operation may give, for the OpenAPI schema."""


def error_body(
    message: str,
    *,
    field: str | None = None,
    reason: str | None = None,
    path: str | None = None,
    line: int | None = None,
) -> dict[str, Any]:
    """The JSON body of an error response.

    Examples:
        >>> error_body("field 'on': bad", field="on", reason="bad")["error"]["field"]
        'on'
    """
    return {
        "error": {
            "message": message,
            "field": field,
            "reason": reason if reason is not None else message,
            "path": path,
            "line": line,
        }
    }


def _status_of(exc: IndivisibleError) -> int:
    if isinstance(exc, WebError):
        return exc.status_code
    if isinstance(exc, InputError) or exc.exit_code == 2:
        return 422
    return 503


def as_response(exc: IndivisibleError) -> JSONResponse:
    """Render an error raised by the toolkit as a JSON response."""
    if isinstance(exc, InputError):
        body = error_body(
            str(exc), field=exc.field, reason=exc.reason, path=exc.path, line=exc.line
        )
    else:
        body = error_body(str(exc), field=getattr(exc, "field", None))
    return JSONResponse(body, status_code=_status_of(exc))


def _validation_message(exc: RequestValidationError) -> tuple[str, str, str | None]:
    """One CLI-style line (message, reason, field) for the first problem in the request."""
    errors = list(exc.errors())
    if not errors:
        return "invalid request", "invalid request", None
    first = errors[0]
    loc = [str(p) for p in first.get("loc", ()) if p not in ("query", "path", "body", "header")]
    field = ".".join(loc) or None
    msg = str(first.get("msg", "invalid value"))
    if first.get("type") == "missing":
        msg = "required parameter is missing"
    given = first.get("input")
    if given is not None and first.get("type") != "missing" and isinstance(given, str | int):
        msg += f", got {given!r}"
    return (f"field '{field}': {msg}" if field else msg), msg, field


def install(app: FastAPI) -> None:
    """Register the JSON error handlers on ``app``."""

    async def _indivisible(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, IndivisibleError)
        return as_response(exc)

    async def _validation(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        message, reason, field = _validation_message(exc)
        return JSONResponse(error_body(message, field=field, reason=reason), status_code=422)

    async def _http(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        detail = exc.detail if isinstance(exc.detail, str) else "request failed"
        headers = dict(exc.headers or {})
        if exc.status_code == 404 and detail == "Not Found":
            detail = "no such page or endpoint; the API is described at /openapi.json"
        elif exc.status_code == 405:
            # One path may have several routes (GET and POST /api/check): allow them all.
            allowed = sorted(
                {
                    m
                    for r in request.app.routes
                    if isinstance(r, APIRoute) and r.path_regex.match(request.url.path)
                    for m in (r.methods or ())
                }
            )
            headers["Allow"] = ", ".join(allowed)
            detail = f"method {request.method} not allowed here; allowed: {', '.join(allowed)}"
        return JSONResponse(error_body(detail), status_code=exc.status_code, headers=headers)

    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=exc)
        return JSONResponse(
            error_body(f"internal error ({type(exc).__name__}); the server keeps serving"),
            status_code=500,
        )

    app.add_exception_handler(IndivisibleError, _indivisible)
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(Exception, _unexpected)
