"""The ingest room's library functions: what the CLI and the web server call."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from indivisible._errors import InputError
from indivisible.ingest._parse import parse
from indivisible.ingest._store import Store, default_db_url
from indivisible.ingest.types import STANCES, IngestOutcome, ParsedDocument

#: File name endings ``ingest`` picks up when given a folder.
SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm")


def parse_file(path: str | Path) -> ParsedDocument:
    """Read one document and find its statements, without storing anything.

    Raises:
        InputError: the file cannot be read as a document.
    """
    return parse(Path(path))


def _expand(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            out.extend(
                p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in SUFFIXES
            )
        else:
            out.append(path)
    return out


def ingest(paths: Iterable[str | Path], db_url: str | None = None) -> list[IngestOutcome]:
    """Ingest documents into the store, one transaction per document.

    A file that cannot be read is reported in its outcome and the others still ingest.
    A document already stored (same bytes) is left as it is.

    Args:
        paths: files, or folders searched for files ending in :data:`SUFFIXES`.
        db_url: the store's database URL; :func:`default_db_url` when None.

    Raises:
        InputError: the database URL is invalid.
        StoreError: the store cannot be opened.
    """
    store = Store(db_url or default_db_url())
    outcomes: list[IngestOutcome] = []
    try:
        for path in _expand(paths):
            try:
                parsed = parse(path)
            except InputError as exc:
                outcomes.append(IngestOutcome(str(path), "failed", error=str(exc)))
                continue
            stored = store.add(parsed)
            outcomes.append(IngestOutcome(str(path), "ingested" if stored else "unchanged", parsed))
    finally:
        store.close()
    return outcomes


def query_statements(
    db_url: str | None = None,
    *,
    speaker: str | None = None,
    instrument: str | None = None,
    organisation: str | None = None,
    stance: str | None = None,
    date_from: str | dt.date | None = None,
    date_to: str | dt.date | None = None,
) -> list[dict[str, Any]]:
    """Stored statements matching every filter given (see :meth:`Store.statements`).

    Raises:
        InputError: a date is not ``YYYY-MM-DD`` or the stance is not in the vocabulary.
    """
    from indivisible._dates import parse_date

    if stance is not None and stance not in STANCES:
        raise InputError(
            f"unknown stance {stance!r}; expected one of {', '.join(STANCES)}", field="--stance"
        )
    start = parse_date(date_from, field="--from") if date_from else None
    end = parse_date(date_to, field="--to") if date_to else None
    store = Store(db_url or default_db_url())
    try:
        return store.statements(
            speaker=speaker,
            instrument=instrument,
            organisation=organisation,
            stance=stance,
            date_from=start,
            date_to=end,
        )
    finally:
        store.close()
