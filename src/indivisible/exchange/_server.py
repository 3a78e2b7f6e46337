"""The log's HTTP API (FastAPI; schema at ``/openapi.json``) and its page.

Endpoints (all under ``/api/exchange``):

* ``GET /log`` — origin, checkpoint key and size;
* ``GET /registry`` — the parties' keys (rotations included) and the log's key;
* ``GET /checkpoint`` — the current signed checkpoint (C2SP note, ``text/plain``);
* ``GET /checkpoint/{size}`` — the checkpoint of an earlier size;
* ``POST /entries`` — ``{"entry", "signature", "key"?}`` → ``{"index"}``; 403 bad signature or
  key, 409 replay (with the index already held), 422 invalid notification;
* ``GET /entries`` and ``GET /entries/{index}`` — logged entries;
* ``GET /bundle/{index}`` — the pinned bundle of an entry;
* ``GET /proof/inclusion`` and ``GET /proof/consistency`` — proofs as hex lists;
* ``POST /cosignatures`` — ``{"size", "cosignature"}`` from a witness.

The page ``/exchange`` lists the log with its verified state.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from fastapi.responses import PlainTextResponse, RedirectResponse
from pydantic import BaseModel, Field

from indivisible.exchange._errors import Rejected
from indivisible.exchange._log import Log

__all__ = ["create_exchange_app", "router"]

router = APIRouter(prefix="/api/exchange", tags=["exchange"])


class PostEntry(BaseModel):
    """A signed notification to append."""

    entry: dict[str, Any] = Field(description="the notification, as signed")
    signature: str = Field(description="base64 Ed25519 signature of the canonical bytes")
    key: str | None = Field(default=None, description="base64 public key that signed")


class Posted(BaseModel):
    """The index the log gave an entry."""

    index: int
    tree_size: int


class PostCosignature(BaseModel):
    """A witness's cosignature of the checkpoint of ``size``."""

    size: int = Field(ge=1)
    cosignature: str = Field(description="the C2SP cosignature line")


class LogInfo(BaseModel):
    """The log's identity and size."""

    origin: str
    key: str
    size: int


class Proof(BaseModel):
    """A Merkle proof as hex hashes."""

    proof: list[str]


def _log(request: Request) -> Log:
    log: Log | None = getattr(request.app.state, "exchange_log", None)
    if log is None:
        raise HTTPException(404, "no exchange log is served here")
    return log


def _refuse(exc: Rejected) -> HTTPException:
    detail: dict[str, Any] = {"error": exc.message}
    if exc.index is not None:
        detail["index"] = exc.index
    return HTTPException(exc.status, detail)


@router.get("/log", response_model=LogInfo)
def log_info(request: Request) -> LogInfo:
    """The log's origin, checkpoint key (base64 Ed25519) and number of entries."""
    log = _log(request)
    return LogInfo(origin=log.origin, key=log.public_key, size=log.size)


@router.get("/registry")
def registry(request: Request) -> dict[str, Any]:
    """The parties' keys this log accepts (rotations included) and the log's own key."""
    log = _log(request)
    parties = [{"party": p, "key": k} for k, p in log.keys.owner.items()]
    return {"parties": parties, "log": {"origin": log.origin, "key": log.public_key}}


@router.get("/checkpoint", response_class=PlainTextResponse)
def current_checkpoint(request: Request) -> str:
    """The current checkpoint: a C2SP tlog-checkpoint signed note."""
    return _log(request).checkpoint()


@router.get("/checkpoint/{size}", response_class=PlainTextResponse)
def checkpoint_of(request: Request, size: int) -> str:
    """The checkpoint of an earlier tree size."""
    try:
        return _log(request).checkpoint(size)
    except KeyError:
        raise HTTPException(404, f"no tree of size {size}") from None


@router.post("/entries", response_model=Posted)
def post_entry(request: Request, body: PostEntry) -> Posted:
    """Append a signed notification; the answer comes after the entry is durably stored."""
    log = _log(request)
    try:
        index = log.submit(body.entry, body.signature, body.key)
    except Rejected as exc:
        raise _refuse(exc) from None
    return Posted(index=index, tree_size=index + 1)


@router.get("/entries")
def list_entries(
    request: Request,
    start: int = Query(0, ge=0),
    limit: int = Query(100, ge=1, le=1000),
) -> list[dict[str, Any]]:
    """Logged entries from ``start``: index, party, kind, received, entry, signature."""
    return [
        {
            "index": e.index,
            "party": e.party,
            "kind": e.kind,
            "received": e.received,
            "key": e.key,
            "entry": e.entry,
            "signature": e.signature,
        }
        for e in _log(request).iter_entries(start, limit)
    ]


@router.get("/entries/{index}")
def get_entry(request: Request, index: int) -> dict[str, Any]:
    """One logged entry."""
    try:
        e = _log(request).entry(index)
    except KeyError:
        raise HTTPException(404, f"no entry {index}") from None
    return {
        "index": e.index,
        "party": e.party,
        "kind": e.kind,
        "received": e.received,
        "key": e.key,
        "entry": e.entry,
        "signature": e.signature,
    }


@router.get("/bundle/{index}")
def get_bundle(request: Request, index: int) -> dict[str, Any]:
    """The bundle of entry ``index``: everything needed to verify it offline."""
    try:
        return _log(request).bundle(index)
    except KeyError:
        raise HTTPException(404, f"no entry {index}") from None


@router.get("/proof/inclusion", response_model=Proof)
def inclusion(request: Request, index: int = Query(ge=0), size: int = Query(ge=1)) -> Proof:
    """RFC 9162 inclusion proof of leaf ``index`` in the tree of ``size``."""
    try:
        return Proof(proof=[h.hex() for h in _log(request).tree.inclusion_proof(index, size)])
    except ValueError as exc:
        raise HTTPException(404, str(exc)) from None


@router.get("/proof/consistency", response_model=Proof)
def consistency(request: Request, old: int = Query(ge=0), new: int = Query(ge=0)) -> Proof:
    """RFC 9162 consistency proof between the trees of sizes ``old`` and ``new``."""
    try:
        return Proof(proof=[h.hex() for h in _log(request).tree.consistency_proof(old, new)])
    except ValueError as exc:
        raise HTTPException(404, str(exc)) from None


@router.post("/cosignatures")
def post_cosignature(request: Request, body: PostCosignature) -> dict[str, Any]:
    """Store a witness's cosignature (verified with the witness's registered key)."""
    try:
        witness = _log(request).add_cosignature(body.size, body.cosignature)
    except Rejected as exc:
        raise _refuse(exc) from None
    return {"size": body.size, "witness": witness}


def create_exchange_app(log: Log, *, max_body_bytes: int = 1_000_000) -> FastAPI:
    """The exchange server: the API above and the ``/exchange`` page for ``log``.

    Request bodies over ``max_body_bytes`` are refused (413) and responses carry the web
    app's security headers, as in ``indivisible serve``.
    """
    from indivisible import __version__
    from indivisible.web._app import BodyLimit, SecurityHeaders
    from indivisible.web._exchange import router as page_router

    app = FastAPI(
        title="indivisible exchange",
        version=__version__,
        summary="Signed notifications in an append-only, verifiable log (RFC 9162, C2SP).",
        docs_url=None,
        redoc_url=None,
    )
    app.state.exchange_log = log
    app.include_router(router)
    app.include_router(page_router)

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/exchange")

    from importlib.resources import files
    from pathlib import Path

    from fastapi.staticfiles import StaticFiles

    static = Path(str(files("indivisible") / "web" / "static"))
    if static.is_dir():  # the site's stylesheet, for the page
        app.mount("/static", StaticFiles(directory=static), name="static")
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    return app
