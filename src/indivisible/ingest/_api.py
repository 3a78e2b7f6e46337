"""The ingest room's library functions: what the CLI and the web server call."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterable, Iterator
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


def _expand(paths: Iterable[str | Path]) -> list[tuple[Path, str | None]]:
    """Files to ingest, in order, each with the error that already stops it (or None).

    A folder is walked in sorted order for files ending in :data:`SUFFIXES`; a subfolder
    that cannot be listed is reported as an item of its own, not skipped silently.
    """
    out: list[tuple[Path, str | None]] = []
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            out.append((path, None))
            continue
        errors: list[OSError] = []
        found: list[tuple[Path, str | None]] = []
        for root, dirs, files in os.walk(path, onerror=errors.append):
            dirs.sort()
            found.extend(
                (Path(root) / name, None)
                for name in sorted(files)
                if Path(name).suffix.lower() in SUFFIXES
            )
        for exc in errors:
            where = Path(exc.filename) if exc.filename else path
            reason = exc.strerror or str(exc)
            found.append((where, str(InputError(f"cannot read folder: {reason}", path=where))))
        out.extend(sorted(found, key=lambda item: str(item[0])))
    return out


def _parse_one(path: str) -> tuple[ParsedDocument | None, str | None]:
    try:
        return parse(Path(path)), None
    except InputError as exc:
        return None, str(exc)


def _parse_batch(paths: list[str]) -> list[tuple[ParsedDocument | None, str | None]]:
    """Parse a batch of files (the unit of work sent to a Dask worker)."""
    return [_parse_one(p) for p in paths]


#: Files per Dask task: large enough that scheduling costs little beside parsing.
BATCH = 16
#: Parsed documents stored in one transaction (one commit; it costs about as much as parsing
#: a tenth of a document), and the seconds after the last commit past which the next
#: parsed document closes the batch however few it holds.
STORE_BATCH = 16
STORE_SECONDS = 2.0


def _parsed_in_order(
    items: list[tuple[Path, str | None]], workers: int | None, scheduler: str | None
) -> Iterator[tuple[Path, ParsedDocument | None, str | None]]:
    """Parse every file, in input order: here, or on a Dask cluster.

    Parsing is a pure function of the file's bytes, and results are consumed in input
    order, so a run with workers stores exactly what a run without them stores. At most a
    few batches per worker are in flight, so memory stays bounded for large corpora.
    """
    todo = [(p, err) for p, err in items]
    if workers is None and scheduler is None:
        for path, err in todo:
            if err is not None:
                yield path, None, err
            else:
                parsed, error = _parse_one(str(path))
                yield path, parsed, error
        return
    from collections import deque

    from indivisible import _dask

    client, own = _dask.client(workers, scheduler)
    window = 8 if scheduler is not None else 4 * int(workers or 1)
    try:
        batches = [todo[i : i + BATCH] for i in range(0, len(todo), BATCH)]
        queue: deque[tuple[list[tuple[Path, str | None]], Any]] = deque()
        pending = iter(batches)

        def submit() -> None:
            batch = next(pending, None)
            if batch is not None:
                names = [str(p) for p, err in batch if err is None]
                queue.append((batch, client.submit(_parse_batch, names, pure=False)))

        for _ in range(window):
            submit()
        while queue:
            batch, future = queue.popleft()
            results = iter(future.result())
            submit()
            for path, err in batch:
                if err is not None:
                    yield path, None, err
                else:
                    parsed, error = next(results)
                    yield path, parsed, error
    finally:
        for x in own:
            x.close()


def ingest(
    paths: Iterable[str | Path],
    db_url: str | None = None,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
) -> list[IngestOutcome]:
    """Ingest documents into the store, each whole or not at all.

    A file or folder that cannot be read is reported in its outcome and the others still
    ingest. A document already stored (same bytes), also by another run at the same time,
    is left as it is and reported ``unchanged``. Parsed documents are stored in
    transactions of up to :data:`STORE_BATCH` (one commit for them); each is written with
    all its statements or not at all.

    Args:
        paths: files, or folders searched for files ending in :data:`SUFFIXES`.
        db_url: the store's database URL; :func:`default_db_url` when None.
        workers: parse on a local Dask cluster of this many processes (the store is
            written from this process, in input order: results are identical).
        scheduler: the address of a running Dask scheduler instead.

    Raises:
        InputError: the database URL is invalid, or ``workers`` is below 1.
        StoreError: the store cannot be opened.
    """
    if workers is not None and workers < 1:
        raise InputError(f"--workers must be >= 1, got {workers}", field="--workers")
    if workers is not None and scheduler is not None:
        raise InputError("give --workers or --scheduler, not both", field="--workers")
    items = _expand(paths)
    store = Store(db_url or default_db_url())
    outcomes: list[IngestOutcome | None] = []
    # Parsed documents wait for a commit shared by up to STORE_BATCH of them, or by those
    # parsed until STORE_SECONDS have passed since the last commit: each is stored whole or
    # not at all (Store.add_many).
    waiting: list[tuple[int, Path, ParsedDocument]] = []
    since = time.monotonic()

    def flush() -> None:
        stored = store.add_many([parsed for _, _, parsed in waiting])
        for (k, path, parsed), new in zip(waiting, stored, strict=True):
            outcomes[k] = IngestOutcome(str(path), "ingested" if new else "unchanged", parsed)
        waiting.clear()

    try:
        for path, parsed, error in _parsed_in_order(items, workers, scheduler):
            if parsed is None:
                outcomes.append(IngestOutcome(str(path), "failed", error=error))
                continue
            outcomes.append(None)
            waiting.append((len(outcomes) - 1, path, parsed))
            if len(waiting) >= STORE_BATCH or time.monotonic() - since >= STORE_SECONDS:
                flush()
                since = time.monotonic()
        if waiting:
            flush()
    finally:
        store.close()
    return [o for o in outcomes if o is not None]


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
