"""The statement store: SQLAlchemy Core over SQLite (default) or PostgreSQL.

Documents are keyed by the SHA-256 of their bytes, so ingesting the same file twice is a
no-op. Each document is written whole in one transaction (which several documents may
share: :meth:`Store.add_many`): if anything fails, nothing of it is stored. Statements
keep their character offsets into ``documents.text``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    and_,
    create_engine,
    exists,
    func,
    select,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from indivisible._errors import InputError
from indivisible._sql import create_all
from indivisible.ingest._errors import StoreError
from indivisible.ingest.types import ParsedDocument

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("title", Text),
    Column("date", Date),
    Column("place", Text),
    Column("kind", String(32), nullable=False),
    Column("format", String(16), nullable=False),
    Column("author", Text),
    Column("source_path", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

statements = Table(
    "statements",
    metadata,
    Column("document_id", String(64), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("turn", Integer, nullable=False),
    Column("speaker", Text),
    Column("role", Text),
    Column("person_id", String(128)),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("page", Integer),
    Column("date", Date),
    Column("stance", String(32), nullable=False),
    Column("stance_cue", Text),
    Column("quoted_by", Text),
    ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
    Index("ix_statements_speaker", "speaker"),
    Index("ix_statements_date", "date"),
    Index("ix_statements_stance", "stance"),
)


def _link_table(name: str, column: str) -> Table:
    return Table(
        name,
        metadata,
        Column("document_id", String(64), primary_key=True),
        Column("seq", Integer, primary_key=True),
        Column(column, String(128), primary_key=True),
        ForeignKeyConstraint(
            ["document_id", "seq"],
            ["statements.document_id", "statements.seq"],
            ondelete="CASCADE",
        ),
        Index(f"ix_{name}_{column}", column),
    )


statement_instruments = _link_table("statement_instruments", "instrument_id")
statement_organisations = _link_table("statement_organisations", "organisation_id")
statement_dates = _link_table("statement_dates", "date_mentioned")


def default_db_url() -> str:
    """The store used when no ``--db`` is given.

    ``INDIVISIBLE_DB`` (a file path, or a full database URL) if set, else
    ``~/.local/share/indivisible/indivisible.db``. The folder is created.
    """
    configured = os.environ.get("INDIVISIBLE_DB")
    if configured and "://" in configured:
        return configured
    path = (
        Path(configured).expanduser()
        if configured
        else (Path.home() / ".local" / "share" / "indivisible" / "indivisible.db")
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _normalise_url(url: str) -> str:
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            return "postgresql+psycopg://" + url[len(plain) :]
    return url


def _immediate_transactions(engine: Engine) -> None:
    """SQLite transactions take the write lock when they begin (``BEGIN IMMEDIATE``).

    File stores also use the write-ahead log (see below).

    A deferred transaction that read first cannot take the lock once another process has
    written: SQLite refuses at once. Taking it at the start makes a second ingest wait for
    the first (up to the timeout) and then see its documents.
    """
    from sqlalchemy import event

    file_based = engine.url.database not in (None, "", ":memory:")

    @event.listens_for(engine, "connect")
    def _no_implicit_begin(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        # SQLite's lower() folds ASCII only: "Медведев" and "Çavuşoğlu" stayed unfound by a
        # speaker filter in lower case. Python's folds every script, as PostgreSQL's does.
        dbapi_connection.create_function("lower", 1, _lower, deterministic=True)
        if file_based:
            # Write-ahead log: readers (statements, the web server) do not block the
            # writer, and a commit needs no sync of the main file. With synchronous=NORMAL
            # a killed process still leaves a consistent store; only an operating-system
            # crash may lose the last commits.
            dbapi_connection.execute("PRAGMA journal_mode=WAL")
            dbapi_connection.execute("PRAGMA synchronous=NORMAL")

    @event.listens_for(engine, "begin")
    def _begin_immediate(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def _lower(value: str | None) -> str | None:
    return value.lower() if isinstance(value, str) else value


def _driver_insert(conn: Connection, table: Table, rows: list[tuple[Any, ...]]) -> None:
    """Insert rows given in the table's column order straight through the driver.

    SQLAlchemy's per-row parameter processing costs as much as parsing a document's
    statements; SQLite takes the values as they are (dates as ``YYYY-MM-DD`` text, which is
    how SQLAlchemy's ``Date`` type stores and reads them there).
    """
    if not rows:
        return
    quote = conn.dialect.identifier_preparer.quote
    columns = ", ".join(quote(c.name) for c in table.columns)
    marks = ", ".join("?" for _ in table.columns)
    conn.exec_driver_sql(f"INSERT INTO {quote(table.name)} ({columns}) VALUES ({marks})", rows)


def _add_rows_sqlite(conn: Connection, parsed: ParsedDocument) -> None:
    """The statements of a stored document and their links, on SQLite."""
    doc_id = parsed.document.id
    rows = [
        (
            doc_id,
            s.seq,
            s.turn,
            s.speaker,
            s.role,
            s.person_id,
            s.text,
            s.start,
            s.end,
            s.page,
            s.date.isoformat() if s.date else None,
            s.stance,
            s.stance_cue,
            s.quoted_by,
        )
        for s in parsed.statements
    ]
    _driver_insert(conn, statements, rows)
    for table, attr in (
        (statement_instruments, "instruments"),
        (statement_organisations, "organisations"),
        (statement_dates, "dates_mentioned"),
    ):
        links = [(doc_id, s.seq, value) for s in parsed.statements for value in getattr(s, attr)]
        _driver_insert(conn, table, links)


def _insert_ignore(conn: Connection, table: Table) -> Any:
    """An INSERT that does nothing when the primary key is already there."""
    name = conn.dialect.name
    if name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table).on_conflict_do_nothing()
    if name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert(table).on_conflict_do_nothing()
    return table.insert()


class Store:
    """A statement store at a database URL.

    Args:
        url: a SQLAlchemy URL (``sqlite:///path.db``, ``postgresql://user@host/db``).

    Raises:
        InputError: the URL is not a database URL (field ``--db``).
        StoreError: the database cannot be reached or its tables created.
    """

    def __init__(self, url: str) -> None:
        self.url = _normalise_url(url)
        try:
            # Concurrent ingests into one SQLite file wait for each other's transaction
            # instead of failing at once with "database is locked".
            args: dict[str, Any] = {"timeout": 60} if self.url.startswith("sqlite") else {}
            self.engine: Engine = create_engine(self.url, connect_args=args)
            if self.url.startswith("sqlite"):
                _immediate_transactions(self.engine)
        except (ArgumentError, ValueError) as exc:
            raise InputError(f"not a database URL: {url!r} ({exc})", field="--db") from None
        except ImportError as exc:
            raise InputError(f"no driver for {url!r}: {exc}", field="--db") from None
        try:
            create_all(metadata, self.engine)
        except SQLAlchemyError as exc:
            raise StoreError(
                f"cannot open the store {url!r}: {exc.__class__.__name__}: "
                f"{str(exc).splitlines()[0]}"
            ) from None

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    @contextmanager
    def _connect(self) -> Iterator[Connection]:
        try:
            with self.engine.begin() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(
                f"store error: {exc.__class__.__name__}: {str(exc).splitlines()[0]}"
            ) from None

    def has(self, document_id: str) -> bool:
        """Whether a document with this content hash is stored."""
        with self._connect() as conn:
            return (
                conn.execute(select(documents.c.id).where(documents.c.id == document_id)).first()
                is not None
            )

    def add(self, parsed: ParsedDocument) -> bool:
        """Store a document and its statements in one transaction.

        Returns:
            True if stored, False if a document with the same content was already there.
        """
        with self._connect() as conn:
            return self._add(conn, parsed)

    def add_many(self, batch: list[ParsedDocument]) -> list[bool]:
        """Store several documents, each whole, in one transaction (:meth:`add` of each).

        One commit for the batch instead of one per document: a document is still stored
        with all its statements or not at all, and a batch that fails leaves none of its
        documents; a later run stores them (a document is known by its content's hash).
        """
        with self._connect() as conn:
            return [self._add(conn, parsed) for parsed in batch]

    def _add(self, conn: Connection, parsed: ParsedDocument) -> bool:
        doc = parsed.document
        if conn.execute(select(documents.c.id).where(documents.c.id == doc.id)).first():
            return False
        # Another process may store the same document between the check and the insert
        # (two ingests of one folder): the insert does nothing then, and the document is
        # reported unchanged rather than failing on the primary key.
        inserted = conn.execute(
            _insert_ignore(conn, documents)
            .returning(documents.c.id)
            .values(
                id=doc.id,
                title=doc.title,
                date=doc.date,
                place=doc.place,
                kind=doc.kind,
                format=doc.format,
                author=doc.author,
                source_path=doc.source_path,
                text=doc.text,
                ingested_at=dt.datetime.now(dt.UTC),
            )
        )
        if inserted.first() is None:
            return False
        if conn.dialect.name == "sqlite":
            _add_rows_sqlite(conn, parsed)
            return True
        rows = [
            {
                "document_id": doc.id,
                "seq": s.seq,
                "turn": s.turn,
                "speaker": s.speaker,
                "role": s.role,
                "person_id": s.person_id,
                "text": s.text,
                "start": s.start,
                "end": s.end,
                "page": s.page,
                "date": s.date,
                "stance": s.stance,
                "stance_cue": s.stance_cue,
                "quoted_by": s.quoted_by,
            }
            for s in parsed.statements
        ]
        if rows:
            conn.execute(statements.insert(), rows)
        for table, column, attr in (
            (statement_instruments, "instrument_id", "instruments"),
            (statement_organisations, "organisation_id", "organisations"),
            (statement_dates, "date_mentioned", "dates_mentioned"),
        ):
            links = [
                {"document_id": doc.id, "seq": s.seq, column: value}
                for s in parsed.statements
                for value in getattr(s, attr)
            ]
            if links:
                conn.execute(table.insert(), links)
        return True

    def known(self) -> dict[str, list[str]]:
        """Distinct stored speakers, person ids, instrument and organisation ids (for hints)."""
        with self._connect() as conn:
            out = {
                "speakers": conn.execute(select(statements.c.speaker).distinct()).scalars().all(),
                "person_ids": conn.execute(select(statements.c.person_id).distinct())
                .scalars()
                .all(),
                "instruments": conn.execute(
                    select(statement_instruments.c.instrument_id).distinct()
                )
                .scalars()
                .all(),
                "organisations": conn.execute(
                    select(statement_organisations.c.organisation_id).distinct()
                )
                .scalars()
                .all(),
            }
        return {k: sorted(str(v) for v in vs if v) for k, vs in out.items()}

    def document_text(self, document_id: str) -> str | None:
        """The stored text a document's statement offsets point into."""
        with self._connect() as conn:
            row = conn.execute(
                select(documents.c.text).where(documents.c.id == document_id)
            ).first()
        return None if row is None else str(row[0])

    def counts(self) -> dict[str, int]:
        """Number of rows per table (for checks and tests)."""
        with self._connect() as conn:
            return {
                t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                for t in metadata.sorted_tables
            }

    def statements(
        self,
        *,
        speaker: str | None = None,
        instrument: str | None = None,
        organisation: str | None = None,
        stance: str | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
    ) -> list[dict[str, Any]]:
        """Stored statements matching every filter given, in document-date order.

        Args:
            speaker: part of the speaker's name, or a person id (case-insensitive).
            instrument: an instrument id mentioned in the statement.
            organisation: an organisation id mentioned in the statement.
            stance: one stance label.
            date_from: statements made on or after this date.
            date_to: statements made on or before this date.
        """
        s, d = statements, documents
        query = select(s, d.c.title.label("document_title"), d.c.kind.label("document_kind")).join(
            d, d.c.id == s.c.document_id
        )
        if speaker:
            low = speaker.lower()
            query = query.where(
                (func.lower(s.c.speaker).contains(low, autoescape=True)) | (s.c.person_id == low)
            )
        for table, column, value in (
            (statement_instruments, "instrument_id", instrument),
            (statement_organisations, "organisation_id", organisation),
        ):
            if value:
                query = query.where(
                    exists().where(
                        and_(
                            table.c.document_id == s.c.document_id,
                            table.c.seq == s.c.seq,
                            table.c[column] == value,
                        )
                    )
                )
        if stance:
            query = query.where(s.c.stance == stance)
        if date_from:
            query = query.where(s.c.date >= date_from)
        if date_to:
            query = query.where(s.c.date <= date_to)
        # Undated documents last on every backend (SQLite sorts NULL first, PostgreSQL last).
        query = query.order_by(d.c.date.is_(None), d.c.date, s.c.document_id, s.c.seq)
        with self._connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(query)]
            if not rows:
                return []
            ids = sorted({r["document_id"] for r in rows})
            links: dict[tuple[str, int], dict[str, list[str]]] = {}
            for table, column, key in (
                (statement_instruments, "instrument_id", "instruments"),
                (statement_organisations, "organisation_id", "organisations"),
                (statement_dates, "date_mentioned", "dates_mentioned"),
            ):
                found = conn.execute(
                    select(table.c.document_id, table.c.seq, table.c[column]).where(
                        table.c.document_id.in_(ids)
                    )
                )
                for doc_id, seq, value in found:
                    links.setdefault((doc_id, seq), {}).setdefault(key, []).append(value)
        for row in rows:
            extra = links.get((row["document_id"], row["seq"]), {})
            for key in ("instruments", "organisations", "dates_mentioned"):
                row[key] = sorted(extra.get(key, []))
        return rows
