"""The HTTP API: one handler per CLI command, each parsing, calling the library, rendering.

Handlers hold no domain logic: they turn query parameters into the library's arguments
(the library validates them and raises :class:`~indivisible.InputError` with the CLI's
message), call one library function and shape its answer as JSON. Names that reach the
file system (example scenarios) are looked up in a fixed list, never joined to a path.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from pydantic_core import to_json

from indivisible._dates import parse_date, parse_year
from indivisible._errors import InputError
from indivisible.web._errors import ERROR_RESPONSES, WebError
from indivisible.web._jobs import JobManager

if TYPE_CHECKING:
    import pandas as pd

    from indivisible.record import Record


@dataclass
class WebConfig:
    """What the app needs beyond the library: the store, the examples, the limits.

    Attributes:
        db_url: statement store URL (``None``: the CLI's default store).
        examples_dir: folder of the bundled example scenarios.
        max_body_bytes: largest request body accepted.
        job_time_limit_s: time limit of one job.
        jobs: the job manager.
    """

    db_url: str | None = None
    examples_dir: Path | None = None
    max_body_bytes: int = 1_000_000
    job_time_limit_s: float = 120.0
    jobs: JobManager = field(default_factory=JobManager)


router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)

DateQ = Annotated[str, Query(description="Date, YYYY-MM-DD.", max_length=64)]
CodeQ = Annotated[
    str, Query(description="A state (ISO3, e.g. POL) or organisation id.", max_length=128)
]


def _config(request: Request) -> WebConfig:
    config: WebConfig = request.app.state.config
    return config


def _record() -> Record:
    from indivisible.record import Record

    return Record.load()


def plain(value: Any) -> Any:
    """A JSON-ready copy: dates as ISO text, NaN and pandas' missing values as ``None``.

    Examples:
        >>> plain({"d": dt.date(1999, 3, 12), "x": float("nan"), "l": (1, 2)})
        {'d': '1999-03-12', 'x': None, 'l': [1, 2]}
    """
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bool | int | str) or value is None:
        return value
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    item = getattr(value, "item", None)  # numpy scalars
    if callable(item):
        return plain(item())
    if type(value).__name__ in ("NaTType", "NAType"):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def json_response(value: Any) -> Response:
    """``value`` as a JSON response, serialised in one pass (``pydantic_core.to_json``).

    Dates become ISO text, NaN and infinities ``null``, tuples and sets arrays; anything
    else (numpy scalars, pandas' missing values) goes through :func:`plain`. Returning a
    response skips FastAPI's generic ``jsonable_encoder`` walk of the answer.
    """
    return Response(
        to_json(value, inf_nan_mode="null", fallback=plain), media_type="application/json"
    )


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """A frame's rows as JSON-ready dicts."""
    out: list[dict[str, Any]] = plain(df.astype(object).to_dict(orient="records"))
    return out


# --------------------------------------------------------------------------- record
@router.get("/meta", summary="What the server knows: version, record coverage, rooms")
def meta(request: Request) -> dict[str, Any]:
    """Version, the record's coverage, organisations and categories, example scenarios."""
    from indivisible import __version__
    from indivisible.ingest import STANCES

    rec = _record()
    return {
        "version": __version__,
        "coverage": {
            "start": rec.coverage.start.isoformat(),
            "reviewed": rec.coverage.reviewed.isoformat(),
        },
        "organisations": [
            {"id": o.id, "name": o.name, "kind": o.kind} for o in rec.organisations.values()
        ],
        "categories": sorted({c for i in rec.instruments.values() for c in i.categories}),
        "examples": sorted(_examples(_config(request))),
        "stances": list(STANCES),
    }


@router.get("/status", summary="indivisible status", response_model=dict[str, Any])
async def status(
    on: DateQ,
    state: Annotated[
        str | None, Query(description="ISO 3166-1 alpha-3 code, e.g. POL.", max_length=128)
    ] = None,
) -> Response:
    """Memberships and instrument statuses of a state (or of every state) on a date.

    One state's answer is a fraction of a millisecond of work on the loaded record, so it
    runs on the event loop (no thread hop); every state's table goes to the threadpool.
    """
    d = parse_date(on, field="--on")
    rec = _record()
    if state is None:

        def every_state() -> dict[str, Any]:
            return {
                "date": d.isoformat(),
                "statuses": records(rec.status_frame(d)),
                "warnings": rec.coverage_warnings(d),
            }

        return json_response(await run_in_threadpool(every_state))
    return json_response(rec.status(state, d))


@router.get("/binding", summary="indivisible binding")
def binding(a: CodeQ, b: CodeQ, on: DateQ) -> dict[str, Any]:
    """Instruments that bind both A and B on a date (legally or politically)."""
    d = parse_date(on, field="--on")
    out: dict[str, Any] = plain(_record().binding(a, b, d))
    return out


@router.get("/changes", summary="indivisible changes")
def changes(
    from_: Annotated[
        str, Query(alias="from", description="Start date (exclusive).", max_length=64)
    ],
    to: Annotated[str, Query(description="End date (inclusive).", max_length=64)],
) -> dict[str, Any]:
    """What changed after ``from`` and on or before ``to`` (memberships, statuses)."""
    d1, d2 = parse_date(from_, field="--from"), parse_date(to, field="--to")
    rec = _record()
    return {
        "from": d1.isoformat(),
        "to": d2.isoformat(),
        "changes": records(rec.changes(d1, d2)),
        "warnings": rec.coverage_warnings(d2),
    }


@router.get("/history", summary="indivisible history")
def history(
    instrument: Annotated[str, Query(description="Instrument id, e.g. inf-1987.", max_length=128)],
) -> dict[str, Any]:
    """Every party's status history under one instrument."""
    rec = _record()
    inst = rec.resolve_instrument(instrument)
    return {"instrument": inst, "segments": records(rec.history(inst))}


@router.get("/timeline", summary="indivisible timeline")
def timeline(
    a: CodeQ,
    b: CodeQ,
    from_: Annotated[str, Query(alias="from", description="First year.", max_length=16)] = "1972",
    to: Annotated[str | None, Query(description="Last year (default: now).", max_length=16)] = None,
    legal_only: Annotated[bool, Query(description="Only legally binding instruments.")] = False,
    category: Annotated[
        str | None, Query(description="Only instruments of a category.", max_length=64)
    ] = None,
) -> dict[str, Any]:
    """Instruments binding a pair, year by year, with each one's events and sources.

    ``years`` is the CLI's JSON (counts under every reading, ``disputed`` and the counts under
    each party's reading); ``instruments`` adds, for the pages, each instrument that bound the
    pair in some year of the range (``bound_years``: under every reading; ``disputed_years``:
    under some readings only) with its status history for the two parties (``rec.history``,
    with each disputed segment's readings) and instrument-wide events, each with its source.
    """
    from indivisible.record import timeline as _timeline

    rec = _record()
    y1 = parse_year(from_, field="--from")
    y2 = parse_year(to, field="--to") if to is not None else rec.coverage.reviewed.year
    if y2 < y1:
        raise InputError(f"--to {y2} is before --from {y1}", field="--to")
    if category is not None:
        known = sorted({c for i in rec.instruments.values() for c in i.categories})
        if category not in known:
            from indivisible._hints import did_you_mean

            raise InputError(
                f"unknown category {category!r}{did_you_mean(category, known)}; known: "
                f"{', '.join(known)}",
                field="--category",
            )
    kinds = ("legal",) if legal_only else ("legal", "political")
    df = _timeline(rec, a, b, y1, y2, binding=kinds, category=category)
    pa, pb = rec.resolve(a), rec.resolve(b)
    inst_ids = [c for c in df.columns if c in rec.instruments]
    split = f"n_legal_{pa}" in df.columns
    years = [
        {
            "year": int(str(y)),
            "n_legal": int(r["n_legal"]),
            "n_political": int(r["n_political"]),
            "instruments": [i for i in str(r["instruments"]).split(";") if i],
            "disputed": [i for i in str(r["disputed"]).split(";") if i],
            "readings": {
                who: {
                    k: int(r[f"n_{k.removeprefix('n_')}_{who}"] if split else r[k])
                    for k in ("n_legal", "n_political")
                }
                for who in (pa, pb)
            },
        }
        for y, r in df.iterrows()
    ]
    used_sources: set[str] = set()
    insts = []
    for iid in inst_ids:
        inst = rec.instruments[iid]
        hist = rec.history(iid)
        segs = records(hist[hist["party"].isin([pa, pb])])
        events = [
            {"date": e.date.isoformat(), "event": e.event, "source": e.source, "note": e.note}
            for e in inst.events
            if e.party is None
        ]
        used_sources.update(s["source"] for s in segs if s["source"])
        used_sources.update(e.source for e in inst.events if e.party is None)
        used_sources.add(inst.source)
        insts.append(
            {
                "id": iid,
                "short": inst.short,
                "title": inst.title,
                "binding": inst.binding,
                "source": inst.source,
                "bound_years": [int(str(y)) for y in df.index[df[iid].astype(bool)]],
                "disputed_years": [
                    int(str(y)) for y in df.index if iid in str(df.loc[y, "disputed"]).split(";")
                ],
                "segments": segs,
                "events": events,
            }
        )
    return {
        "parties": [pa, pb],
        "from": y1,
        "to": y2,
        "years": years,
        "instruments": insts,
        "sources": _sources(rec, used_sources),
    }


def _sources(rec: Record, ids: set[str]) -> dict[str, dict[str, Any]]:
    return {
        s: {"title": rec.sources[s].title, "url": rec.sources[s].url}
        for s in sorted(ids)
        if s in rec.sources
    }


@router.get("/alliances", summary="Alliance of every state on a date (for the map)")
def alliances(on: DateQ) -> dict[str, Any]:
    """Each state's memberships on a date, and its alliance: ``nato``, ``csto`` or ``none``.

    ``exists`` is false for a state not in existence on that date (its shape is drawn
    grey). ``memberships`` lists every organisation (EU, CIS... as secondary information).
    """
    d = parse_date(on, field="on")
    rec = _record()
    rows = []
    for s in sorted(rec.states.values(), key=lambda s: s.id):
        orgs = sorted({m.org for m in rec.memberships_on(s.id, d)})
        exists = (s.exists_from is None or s.exists_from <= d) and (
            s.exists_to is None or d < s.exists_to
        )
        alliance = "nato" if "nato" in orgs else "csto" if "csto" in orgs else "none"
        rows.append(
            {
                "state": s.id,
                "name": s.name,
                "exists": exists,
                "alliance": alliance if exists else "none",
                "memberships": orgs,
                "capital": {"name": s.capital.name, "lat": s.capital.lat, "lon": s.capital.lon},
            }
        )
    return {"date": d.isoformat(), "states": rows, "warnings": rec.coverage_warnings(d)}


@router.get("/instruments", summary="Every instrument of the record")
def instruments() -> dict[str, Any]:
    """Id, title, kind, binding force and categories of every instrument."""
    rec = _record()
    return {
        "instruments": [
            {
                "id": i.id,
                "short": i.short,
                "title": i.title,
                "kind": i.kind,
                "binding": i.binding,
                "categories": list(i.categories),
                "signed": i.signed.isoformat() if i.signed else None,
                "source": i.source,
            }
            for i in rec.instruments.values()
        ]
    }


@router.get("/instruments/{instrument}", summary="One instrument: clauses, events, sources")
def instrument(
    instrument: Annotated[str, PathParam(description="Instrument id, e.g. inf-1987.")],
) -> dict[str, Any]:
    """The whole instrument: its clauses (reference, text, parameters), events and sources."""
    rec = _record()
    inst = rec.instruments[rec.resolve_instrument(instrument)]
    body: dict[str, Any] = plain(inst.model_dump(mode="json"))
    ids = {inst.source} | {e.source for e in inst.events} | {c.source for c in inst.clauses}
    body["sources"] = _sources(rec, ids)
    return body


@router.get("/sources", summary="The bibliography")
def sources() -> dict[str, Any]:
    """Every source of the record, by id."""
    rec = _record()
    return {"sources": {k: plain(v.model_dump(mode="json")) for k, v in rec.sources.items()}}


@router.get(
    "/geo/countries",
    summary="Country shapes (Natural Earth 1:10m, shipped with the package)",
    response_class=FileResponse,
    responses={200: {"content": {"application/geo+json": {}}}},
)
def countries() -> FileResponse:
    """The shipped GeoJSON of country polygons (properties: iso3, name, sovereign, osce)."""
    from importlib.resources import files

    path = Path(str(files("indivisible") / "data" / "geo" / "countries.geojson"))
    return FileResponse(
        path,
        media_type="application/geo+json",
        headers={"Cache-Control": "public, max-age=3600"},
    )


# --------------------------------------------------------------------------- scenarios
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


def _examples(config: WebConfig) -> dict[str, Path]:
    """Bundled example scenarios by stem (the only names a request may use)."""
    folder = config.examples_dir
    if folder is None or not folder.is_dir():
        return {}
    return {p.stem: p for p in sorted(folder.glob("*.yaml")) if _NAME.match(p.stem)}


def example_path(config: WebConfig, name: str, *, field: str = "scenario") -> Path:
    """The file of a bundled example, looked up by stem in a fixed list (never joined).

    Raises:
        InputError: not the stem of a bundled example.
    """
    found = _examples(config)
    if name not in found:
        known = ", ".join(sorted(found)) or "none installed"
        from indivisible._hints import did_you_mean

        hint = did_you_mean(name, found)
        raise InputError(f"unknown example scenario {name!r}{hint}; known: {known}", field=field)
    return found[name]


class ApiModel(BaseModel):
    """Base of request bodies: unknown keys are an error, as in the YAML files."""

    model_config = ConfigDict(extra="forbid")


class Upload(ApiModel):
    """A scenario file sent as text (the page reads the chosen file and posts it)."""

    filename: str = Field(
        default="upload.yaml", max_length=200, description="Shown in error messages."
    )
    text: str = Field(max_length=500_000, description="The YAML text of the scenario.")


def load_example(path: Path) -> Any:
    """A bundled example, loaded once per file version (scenarios are immutable)."""
    stat = path.stat()
    return _load_example(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=32)
def _load_example(path: str, _mtime_ns: int, _size: int) -> Any:
    from indivisible.world import load_scenario

    return load_scenario(path, _record())


def _scenario_path(config: WebConfig, name: str) -> Path:
    if not _NAME.match(name):
        raise InputError(
            f"expected the name of a bundled example scenario (letters, digits, '.', '_', "
            f"'-'), got {name!r}",
            field="name",
        )
    return example_path(config, name, field="name")


@router.get("/scenarios", summary="The bundled example scenarios")
def scenarios(request: Request) -> dict[str, Any]:
    """Name (file stem), title and date of every bundled example scenario.

    A file of the examples folder that is not a valid scenario (an input of another
    command) is listed under ``skipped`` with the loader's message.
    """
    out, skipped = [], []
    for name, path in sorted(_examples(_config(request)).items()):
        try:
            sc = load_example(path)
        except InputError as exc:
            skipped.append({"name": name, "error": exc.reason})
            continue
        out.append({"name": name, "title": sc.scenario, "date": sc.date.isoformat()})
    return {"scenarios": out, "skipped": skipped}


@router.get("/scenarios/{name}", summary="One example scenario: its deployments")
def scenario(
    request: Request,
    name: Annotated[str, PathParam(description="Stem of a bundled example, see /api/scenarios.")],
    on: Annotated[
        str | None,
        Query(
            description="Deployments active on this date (default: the scenario's date).",
            max_length=64,
        ),
    ] = None,
) -> dict[str, Any]:
    """An example scenario's title, date and the deployments active on a date."""
    path = _scenario_path(_config(request), name)
    d = parse_date(on, field="--on") if on is not None else None
    sc = load_example(path)
    when = d or sc.date
    return {
        "name": name,
        "title": sc.scenario,
        "date": sc.date.isoformat(),
        "on": when.isoformat(),
        "note": sc.note,
        "deployments": [
            plain(x.model_dump(mode="json", by_alias=True)) for x in sc.deployments_on(when)
        ],
    }


# --------------------------------------------------------------------------- statements
@router.get("/statements", summary="indivisible statements")
def statements(
    request: Request,
    speaker: Annotated[
        str | None, Query(description="Part of the speaker's name, or a person id.", max_length=200)
    ] = None,
    instrument: Annotated[
        str | None, Query(description="An instrument id, e.g. cfe-1990.", max_length=128)
    ] = None,
    org: Annotated[
        str | None, Query(description="An organisation id, e.g. nato.", max_length=128)
    ] = None,
    stance: Annotated[
        str | None, Query(description="A stance label, e.g. assurance.", max_length=64)
    ] = None,
    from_: Annotated[
        str | None, Query(alias="from", description="First date, YYYY-MM-DD.", max_length=64)
    ] = None,
    to: Annotated[str | None, Query(description="Last date, YYYY-MM-DD.", max_length=64)] = None,
    limit: Annotated[int, Query(ge=1, le=5000, description="At most this many rows.")] = 500,
) -> dict[str, Any]:
    """Stored statements matching every filter given, each with its place in its document.

    ``link`` opens the statement's document on the statements page with the statement's
    characters (``start`` to ``end``) marked.
    """
    from indivisible.ingest import query_statements

    rows = query_statements(
        _config(request).db_url,
        speaker=speaker,
        instrument=instrument,
        organisation=org,
        stance=stance,
        date_from=from_,
        date_to=to,
    )
    out = []
    for r in rows[:limit]:
        row = plain(r)
        row["link"] = (
            f"/statements?doc={r['document_id']}&start={r['start']}&end={r['end']}#statement"
        )
        out.append(row)
    return {"count": len(rows), "returned": len(out), "statements": out}


@router.get("/documents/{document_id}", summary="The text of an ingested document")
def document(
    request: Request,
    document_id: Annotated[
        str,
        PathParam(description="The document's SHA-256 (64 hex digits).", pattern="^[0-9a-f]{64}$"),
    ],
) -> dict[str, Any]:
    """The stored text of one document; statements' ``start``/``end`` index into it."""
    from indivisible.ingest import Store, default_db_url

    store = Store(_config(request).db_url or default_db_url())
    try:
        text = store.document_text(document_id)
    finally:
        store.close()
    if text is None:
        raise WebError(
            f"no document {document_id!r} in the store", status_code=404, field="document_id"
        )
    return {"id": document_id, "text": text}


# --------------------------------------------------------------------------- check
_UPLOAD_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._ -]{0,99}\.ya?ml$")


class CheckRequest(ApiModel):
    """``indivisible check`` on one date, for a bundled example or an uploaded file."""

    scenario: str | None = Field(
        default=None, max_length=100, description="Stem of a bundled example (or give upload)."
    )
    upload: Upload | None = Field(default=None, description="A scenario file's text.")
    on: str | None = Field(
        default=None, max_length=64, description="Date, YYYY-MM-DD (default: scenario date)."
    )
    instrument: list[str] = Field(
        default_factory=list, max_length=50, description="Only these instruments' rules."
    )
    party: str | None = Field(default=None, max_length=128, description="Only this party.")


class RangeRequest(ApiModel):
    """``indivisible check --from --to``: the days on which findings change (a job)."""

    scenario: str | None = Field(default=None, max_length=100)
    upload: Upload | None = None
    from_: str = Field(alias="from", max_length=64, description="First date, YYYY-MM-DD.")
    to: str = Field(max_length=64, description="Last date, YYYY-MM-DD.")
    instrument: list[str] = Field(default_factory=list, max_length=50)
    party: str | None = Field(default=None, max_length=128)


def _upload_name(filename: str) -> str:
    name = filename.replace("\\", "/").rsplit("/", 1)[-1].strip()
    if not _UPLOAD_NAME.match(name):
        raise InputError(
            f"expected a file name ending in .yaml or .yml (letters, digits, '.', '_', '-', "
            f"spaces), got {filename!r}",
            field="filename",
        )
    return name


_EXTENDS_SHOWN = 120
"""Most characters of a refused ``extends`` value quoted back in the error."""


def check_extends(node: Any, allowed: set[str], *, path: str) -> None:
    """Refuse an ``extends`` that is not a bundled example's file name, on the node tree.

    Decided on the composed structure only (keys and the ``extends`` scalar), so that no
    other value of the document, valid or not, can make the check be skipped: every
    top-level key spelled ``extends`` (however quoted, tagged or reached by an alias) must
    be null or one of ``allowed``. Nothing else of the document, and no file, is read.

    Raises:
        InputError: ``may extend only a bundled example``, at the key's line.
    """
    import yaml

    if not isinstance(node, yaml.MappingNode):
        return  # not a mapping: the scenario loader refuses it before reading any file
    for key, value in node.value:
        if not (isinstance(key, yaml.ScalarNode) and key.value == "extends"):
            continue
        if isinstance(value, yaml.ScalarNode):
            if value.tag == "tag:yaml.org,2002:null":
                continue
            if value.tag == "tag:yaml.org,2002:str" and value.value in allowed:
                continue
            text = value.value
            if len(text) > _EXTENDS_SHOWN:
                text = text[:_EXTENDS_SHOWN] + "..."
            got = repr(text)
        else:
            got = "a list" if isinstance(value, yaml.SequenceNode) else "a mapping"
        raise InputError(
            f"an uploaded scenario may extend only a bundled example, by file name "
            f"({', '.join(sorted(allowed)) or 'none installed'}); got {got}",
            path=path,
            line=key.start_mark.line + 1,
            field="extends",
        )


def load_upload(config: WebConfig, upload: Upload, rec: Record) -> Any:
    """Load an uploaded scenario exactly as the CLI loads a file of that name.

    The text is parsed (within the bounds of every YAML input) and its ``extends`` checked
    by :func:`check_extends` before any file is written or opened: an upload may extend
    only a bundled example, by file name, whatever else it holds. It is then written into a
    fresh temporary folder, next to copies of the bundled examples (the only files a base
    can be), under its own (sanitised) file name, and given to ``load_scenario``; error
    messages name the file as the user called it, as the CLI would when run in that folder.
    """
    import shutil
    import tempfile

    from indivisible._yaml import compose_input
    from indivisible.world import load_scenario

    name = _upload_name(upload.filename)
    examples = _examples(config)
    if "\x00" in upload.text:  # as the CLI reads a file (``read_text``)
        raise InputError("binary file (NUL byte found); expected UTF-8 text", path=name)
    node = compose_input(upload.text, name)
    check_extends(node, {p.name for p in examples.values()}, path=name)
    del node
    with tempfile.TemporaryDirectory(prefix="indivisible-upload-") as tmp:
        for p in examples.values():
            shutil.copyfile(p, Path(tmp) / p.name)
        path = Path(tmp) / name
        path.write_text(upload.text, encoding="utf-8")
        try:
            return load_scenario(path, rec)
        except InputError as exc:
            raise relocated(exc, tmp) from None


def relocated(exc: InputError, *folders: str | Path) -> InputError:
    """``exc`` with the server's folders cut from its file path and reason.

    An uploaded file is loaded from a temporary folder and a bundled example from the
    package: the message names the file as the user knows it (``bad.yaml``,
    ``actions/x.yaml``), never a path of the server.
    """
    path, reason = exc.path, exc.reason
    for folder in folders:
        prefix = str(folder).rstrip("/") + "/"
        if path is not None and path.startswith(prefix):
            path = path[len(prefix) :]
        reason = reason.replace(prefix, "")
    return InputError(reason, path=path, line=exc.line, field=exc.field)


def _scenario_of(
    config: WebConfig, scenario: str | None, upload: Upload | None, rec: Record
) -> Any:

    if (scenario is None) == (upload is None):
        raise InputError("give either 'scenario' (a bundled example) or 'upload'", field="scenario")
    if upload is not None:
        return load_upload(config, upload, rec)
    assert scenario is not None
    return load_example(example_path(config, scenario))


def _instruments(rec: Record, ids: list[str]) -> list[str] | None:
    """Instrument ids or aliases to ids, as the CLI's ``--instrument`` (rules check them)."""
    if not ids:
        return None
    out = []
    for i in ids:
        try:
            out.append(rec.resolve_instrument(i, field="--instrument"))
        except InputError:
            out.append(i.strip().lower())
    return out


def _clause_of(rec: Record, instrument: str, ref: str) -> dict[str, Any] | None:
    """The record's clause with reference ``ref``: its text and source, for a finding."""
    inst = rec.instruments.get(instrument)
    if inst is None:
        return None
    for c in inst.clauses:
        if c.ref == ref:
            src = rec.sources.get(c.source)
            return {
                "id": c.id,
                "ref": c.ref,
                "title": c.title,
                "text": c.paraphrase,
                "confidence": c.confidence,
                "source": c.source,
                "source_title": src.title if src else None,
                "source_url": src.url if src else None,
                "instrument_title": inst.title,
            }
    return None


def findings_json(
    rec: Record, scenario_name: str, on: dt.date, findings: list[Any]
) -> dict[str, Any]:
    """The JSON contract of ``indivisible check --explain``, each finding with its clause."""
    out = []
    for f in findings:
        row = f.to_json(explain=True)
        row["clause_text"] = _clause_of(rec, f.instrument, f.clause)
        row["sources"] = _sources(rec, {s.strip() for s in f.source.split(";") if s.strip()})
        out.append(row)
    return {
        "date": on.isoformat(),
        "scenario": scenario_name,
        "findings": out,
        "warnings": rec.coverage_warnings(on),
    }


def _check(
    config: WebConfig,
    scenario: str | None,
    upload: Upload | None,
    on: str | None,
    instrument: list[str],
    party: str | None,
) -> dict[str, Any]:
    from indivisible.rules import evaluate

    rec = _record()
    insts = _instruments(rec, instrument)
    who = rec.resolve(party, field="--party") if party is not None else None
    sc = _scenario_of(config, scenario, upload, rec)
    d = parse_date(on, field="--on") if on is not None else sc.date
    return findings_json(rec, sc.scenario, d, evaluate(rec, sc, d, instruments=insts, party=who))


@router.get("/check", summary="indivisible check --explain (a bundled example)")
def check(
    request: Request,
    scenario: Annotated[str, Query(description="Stem of a bundled example.", max_length=100)],
    on: Annotated[
        str | None, Query(description="Date, YYYY-MM-DD (default: scenario date).", max_length=64)
    ] = None,
    instrument: Annotated[
        list[str] | None, Query(description="Only these instruments (repeatable).", max_length=128)
    ] = None,
    party: Annotated[str | None, Query(description="Only this party.", max_length=128)] = None,
) -> dict[str, Any]:
    """Findings of the rules on a bundled example, each with its clause's text and source."""
    return _check(_config(request), scenario, None, on, instrument or [], party)


@router.post("/check", summary="indivisible check --explain (example or upload)")
def check_post(request: Request, body: CheckRequest) -> dict[str, Any]:
    """Findings for a bundled example or an uploaded file (validated as the CLI does)."""
    return _check(
        _config(request), body.scenario, body.upload, body.on, body.instrument, body.party
    )


@router.post(
    "/check/range",
    summary="indivisible check --from --to, as a job",
    status_code=202,
)
def check_range(request: Request, body: RangeRequest) -> dict[str, Any]:
    """Start a range check as a job; poll ``/api/jobs/{id}`` for progress and the result.

    The scenario and dates are validated before the job starts (errors answer at once).
    """
    from indivisible.rules import evaluate_range

    config = _config(request)
    rec = _record()
    insts = _instruments(rec, body.instrument)
    who = rec.resolve(body.party, field="--party") if body.party is not None else None
    d1, d2 = parse_date(body.from_, field="--from"), parse_date(body.to, field="--to")
    if d2 < d1:
        raise InputError(f"--to {d2.isoformat()} is before --from {d1.isoformat()}", field="--to")
    sc = _scenario_of(config, body.scenario, body.upload, rec)

    def work(ctx: Any) -> dict[str, Any]:
        ctx.progress(0, 1, "evaluating the rules on every breakpoint")
        res = evaluate_range(rec, sc, d1, d2, instruments=insts, party=who)
        ctx.progress(1, 1, "done")
        return {
            "from": res.start.isoformat(),
            "to": res.end.isoformat(),
            "scenario": sc.scenario,
            "dates": [d.isoformat() for d in res.dates],
            "changes": [c.to_json() for c in res.changes],
            "warnings": rec.coverage_warnings(res.start, res.end),
        }

    job = config.jobs.submit("check-range", work)
    return job.to_json()


JobId = Annotated[str, PathParam(description="The job's id.", pattern="^[0-9a-f]{32}$")]


@router.get("/jobs/{job_id}", summary="A job's state, progress and result")
def job(request: Request, job_id: JobId) -> dict[str, Any]:
    """State (queued, running, done, failed, cancelled, timed_out), progress and result."""
    return _config(request).jobs.get(job_id).to_json()


@router.post("/jobs/{job_id}/cancel", summary="Cancel a job")
def cancel_job(request: Request, job_id: JobId) -> dict[str, Any]:
    """Ask a job to stop; its result is discarded."""
    return _config(request).jobs.cancel(job_id).to_json()


# --------------------------------------------------------------------------- reach
@router.get(
    "/reach",
    summary="indivisible reach (a deployment of a bundled example)",
    response_model=dict[str, Any],
)
def reach(
    request: Request,
    scenario: Annotated[str, Query(description="Stem of a bundled example.", max_length=100)],
    deployment: Annotated[str, Query(description="Deployment id in the scenario.", max_length=100)],
    on: Annotated[
        str | None,
        Query(description="Date, YYYY-MM-DD: the deployment must be present.", max_length=64),
    ] = None,
    system: Annotated[
        str | None,
        Query(description="Catalogue system id (default: the deployment's).", max_length=100),
    ] = None,
) -> Response:
    """Capitals within range of a deployment, distances and flight (warning) times.

    The answer is the JSON of ``indivisible reach --format json`` plus ``geojson``: the
    site, the geodesic range ring(s) (one per disputed range reading) and the capitals,
    as ``--format geojson`` gives them.
    """
    from indivisible.indicators import reach_of_deployment

    day = parse_date(on, field="--on") if on is not None else None
    rec = _record()
    sc = load_example(example_path(_config(request), scenario, field="--scenario"))
    result = reach_of_deployment(rec, sc, deployment, day, system, scenario_name=scenario)
    out: dict[str, Any] = result.to_json()
    out["flight_model"] = result.flight_model
    out["geojson"] = result.to_geojson()
    return json_response(out)


__all__ = [
    "WebConfig",
    "example_path",
    "json_response",
    "plain",
    "records",
    "relocated",
    "router",
]
