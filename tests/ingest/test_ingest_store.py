"""The store, on SQLite and on a real PostgreSQL: dedup, transactions, filters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from indivisible.ingest import Store, StoreError, default_db_url, ingest, query_statements
from indivisible.ingest import _store as store_module

FIXTURES = Path(__file__).parent / "fixtures"
ALL = sorted(p for p in FIXTURES.iterdir() if p.is_file())


def test_ingest_then_reingest_is_a_no_op(db_url: str) -> None:
    first = ingest(ALL, db_url)
    assert [o.status for o in first] == ["ingested"] * 5
    store = Store(db_url)
    counts = store.counts()
    store.close()
    again = ingest(ALL, db_url)
    assert [o.status for o in again] == ["unchanged"] * 5
    store = Store(db_url)
    assert store.counts() == counts
    assert counts["documents"] == 5
    assert counts["statements"] == sum(len(o.parsed.statements) for o in first if o.parsed)
    store.close()


def test_offsets_recheck_against_the_stored_text(db_url: str) -> None:
    ingest(ALL, db_url)
    store = Store(db_url)
    rows = store.statements()
    assert len(rows) == 8 + 6 + 4 + 4 + 8  # the report: five statements and its narrative
    texts: dict[str, str] = {}
    for row in rows:
        doc_id = row["document_id"]
        if doc_id not in texts:
            text = store.document_text(doc_id)
            assert text is not None
            texts[doc_id] = text
        assert texts[doc_id][row["start"] : row["end"]] == row["text"]
    store.close()


def test_filters_compose_in_sql(db_url: str) -> None:
    ingest(ALL, db_url)
    lavrov = query_statements(db_url, speaker="lavrov")
    assert len(lavrov) == 4 + 3
    by_id = query_statements(db_url, speaker="sergei-lavrov")
    assert [r["seq"] for r in by_id] == [r["seq"] for r in lavrov]
    rows = query_statements(db_url, speaker="Lavrov", organisation="osce")
    assert [r["text"][:25] for r in rows] == ["We insist on a concrete w"]
    rows = query_statements(db_url, instrument="vienna-document-2011")
    assert [(r["speaker"], r["date"]) for r in rows] == [
        ("Jens Stoltenberg", dt.date(2019, 10, 12)),
        ("Vladimir Putin", dt.date(2021, 3, 3)),
        ("Jens Stoltenberg", dt.date(2022, 1, 27)),
    ]
    assert rows[0]["instruments"] == ["cfe-1990", "vienna-document-2011"]
    rows = query_statements(db_url, stance="question", date_from="2002-01-01", date_to="2006-12-31")
    assert [(r["role"], r["date"]) for r in rows] == [
        ("journalist", dt.date(2002, 5, 14)),
        ("journalist", dt.date(2006, 4, 21)),
    ]
    rows = query_statements(db_url, date_to="1995-01-01")
    assert [r["speaker"] for r in rows] == ["Manfred Wörner"]
    assert query_statements(db_url, speaker="100%") == []


def test_failure_mid_document_leaves_the_store_as_it_was(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest([FIXTURES / "news.txt"], db_url)
    store = Store(db_url)
    before = store.counts()
    real_insert = store_module.statement_organisations.insert

    def failing_insert() -> object:
        raise RuntimeError("disk full")

    real_driver_insert = store_module._driver_insert

    def failing_driver_insert(conn: object, table: object, rows: object) -> None:
        if table is store_module.statement_organisations:
            raise RuntimeError("disk full")
        real_driver_insert(conn, table, rows)  # type: ignore[arg-type]

    # Both ways of writing rows fail on the organisation links (SQLite writes through the
    # driver, PostgreSQL through SQLAlchemy's insert).
    monkeypatch.setattr(store_module.statement_organisations, "insert", failing_insert)
    monkeypatch.setattr(store_module, "_driver_insert", failing_driver_insert)
    with pytest.raises(RuntimeError, match="disk full"):
        ingest([FIXTURES / "transcript.txt"], db_url)
    monkeypatch.setattr(store_module.statement_organisations, "insert", real_insert)
    monkeypatch.setattr(store_module, "_driver_insert", real_driver_insert)
    assert store.counts() == before
    assert [o.status for o in ingest([FIXTURES / "transcript.txt"], db_url)] == ["ingested"]
    store.close()


def test_bad_files_fail_alone_and_write_nothing(db_url: str, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"ab\x00cd")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Déclaration".encode("latin-1"))
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    outcomes = ingest([empty, FIXTURES / "news.txt", binary, latin, huge], db_url)
    assert [o.status for o in outcomes] == ["failed", "ingested", "failed", "failed", "failed"]
    assert [o.error for o in outcomes if o.error] == [
        f"{empty}: file is empty",
        f"{binary}: binary file (NUL byte at offset 2); expected text, Markdown or HTML",
        f"{latin}:1: not valid UTF-8 text (byte 0xe9 at offset 1); save the file as UTF-8",
        f"{huge}: file is 50.0 MB; documents of at most 20 MB are accepted",
    ]
    store = Store(db_url)
    assert store.counts()["documents"] == 1
    store.close()


def test_folders_are_searched(sqlite_url: str) -> None:
    outcomes = ingest([FIXTURES], sqlite_url)
    assert [Path(o.path).name for o in outcomes] == [p.name for p in ALL]


def test_default_db_url(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("INDIVISIBLE_DB", str(tmp_path / "sub" / "x.db"))
    assert default_db_url() == f"sqlite:///{tmp_path / 'sub' / 'x.db'}"
    assert (tmp_path / "sub").is_dir()
    monkeypatch.setenv("INDIVISIBLE_DB", "postgresql://u@127.0.0.1:1/db")
    assert default_db_url() == "postgresql://u@127.0.0.1:1/db"
    monkeypatch.delenv("INDIVISIBLE_DB")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_db_url() == f"sqlite:///{tmp_path}/.local/share/indivisible/indivisible.db"


def test_bad_urls() -> None:
    from indivisible._errors import InputError

    with pytest.raises(InputError, match="field '--db': not a database URL: 'nonsense'"):
        Store("nonsense")
    with pytest.raises(StoreError, match="cannot open the store"):
        Store("postgresql://nobody@127.0.0.1:9/none?connect_timeout=1")


_OPEN = """
import sys, time
from pathlib import Path
go = Path(sys.argv[2])
while not go.exists():
    time.sleep(0.001)
from indivisible.ingest import Store
Store(sys.argv[1]).close()
"""


def test_processes_creating_one_new_store_at_once_all_open_it(db_url: str, tmp_path: Path) -> None:
    """Four processes open one store that has no tables yet, released at one instant."""
    import os
    import subprocess
    import sys
    import time

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _OPEN, db_url, str(go)],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    time.sleep(1.5)  # every process has imported the package and waits
    go.touch()
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, errors
    store = Store(db_url)
    assert store.counts()["documents"] == 0
    store.close()


def test_a_speaker_filter_folds_every_script(db_url: str, tmp_path: Path) -> None:
    page = tmp_path / "medvedev.txt"
    page.write_text(
        "Медведев о договоре\n\n"
        "МОСКВА, 12 октября. Президент провел переговоры в Москве.\n\n"
        "«Поэтому диалог должен быть продолжен, - подчеркнул Медведев. - При этом РФ будет "
        "прилагать усилия для отношений с НАТО».\n",
        encoding="utf-8",
    )
    ingest([page], db_url)
    assert [r["speaker"] for r in query_statements(db_url, speaker="Медведев")] == ["Медведев"]
    assert [r["speaker"] for r in query_statements(db_url, speaker="медведев")] == ["Медведев"]
    assert query_statements(db_url, speaker="путин") == []


# --- session 22: documents share a commit, each still stored whole ----------------------


def _speeches(folder: Path, n: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    out = []
    for k in range(n):
        path = folder / f"speech-{k:02d}.txt"
        path.write_text(
            f"Speech number {k}\n\nMr Chairman, we discussed the Vienna Document at meeting "
            f"{k}. The OSCE remains the platform for dialogue on European security.\n",
            encoding="utf-8",
        )
        out.append(path)
    return out


def test_documents_sharing_commits_are_each_stored_in_order(tmp_path: Path, db_url: str) -> None:
    paths = _speeches(tmp_path / "in", 37)  # more than two batches
    paths.insert(5, paths[3])  # the same file twice inside one batch
    outcomes = ingest(paths, db_url)
    assert [o.path for o in outcomes] == [str(p) for p in paths]
    assert [o.status for o in outcomes].count("ingested") == 37
    assert outcomes[5].status == "unchanged"
    store = Store(db_url)
    try:
        assert store.counts()["documents"] == 37
    finally:
        store.close()


def test_a_failing_batch_leaves_none_of_its_documents(
    tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _speeches(tmp_path / "in", 20)
    real = Store._add
    seen: list[str] = []

    def failing(self: Store, conn: object, parsed: object) -> bool:
        seen.append(parsed.document.id)  # type: ignore[attr-defined]
        if len(seen) == 18:  # the second batch's second document
            raise StoreError("store error: disk full")
        return real(self, conn, parsed)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "_add", failing)
    with pytest.raises(StoreError):
        ingest(paths, db_url)
    monkeypatch.undo()
    store = Store(db_url)
    try:
        assert store.counts()["documents"] == 16  # the first batch whole, none of the second
    finally:
        store.close()
    again = ingest(paths, db_url)
    assert [o.status for o in again].count("ingested") == 4  # a later run stores the rest
