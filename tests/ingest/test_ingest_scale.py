"""Scale and robustness of ``ingest``: Dask workers, concurrent runs, unreadable items."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from indivisible.ingest import Store, ingest, query_statements

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"


def _rows(url: str) -> list[dict[str, Any]]:
    return [{k: v for k, v in r.items() if k != "ingested_at"} for r in query_statements(url)]


@pytest.mark.slow
def test_workers_store_exactly_what_one_process_stores(db_url: str, tmp_path: Path) -> None:
    one = f"sqlite:///{tmp_path / 'one.db'}"
    single = ingest([CORPUS], one)
    parallel = ingest([CORPUS], db_url, workers=2)
    assert [(o.path, o.status) for o in parallel] == [(o.path, o.status) for o in single]
    assert [o.parsed for o in parallel] == [o.parsed for o in single]
    assert _rows(db_url) == _rows(one)


def test_workers_below_one_are_refused(sqlite_url: str) -> None:
    from indivisible._errors import InputError

    with pytest.raises(InputError, match="--workers must be >= 1"):
        ingest([CORPUS], sqlite_url, workers=0)


def test_a_document_stored_meanwhile_is_unchanged_not_an_error(db_url: str) -> None:
    """Between a run's check and its insert another run may store the same document: the
    insert then does nothing (and the run reports the document unchanged)."""
    import datetime as dt

    from indivisible.ingest._store import _insert_ignore, documents

    store = Store(db_url)
    row = {
        "id": "f" * 64,
        "kind": "speech",
        "format": "text",
        "source_path": "a.txt",
        "text": "x",
        "ingested_at": dt.datetime.now(dt.UTC),
    }
    try:
        with store.engine.begin() as conn:
            insert = _insert_ignore(conn, documents).returning(documents.c.id)
            first = conn.execute(insert.values(**row)).all()
        with store.engine.begin() as conn:
            second = conn.execute(insert.values(**row)).all()
        assert (len(first), len(second)) == (1, 0)
        assert store.counts()["documents"] == 1
    finally:
        store.close()


CLI = str(Path(sys.executable).parent / "indivisible")


@pytest.mark.slow
def test_two_concurrent_runs_into_one_sqlite_store(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    procs = [
        subprocess.Popen(
            [CLI, "ingest", str(CORPUS), "--db", url],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    for proc, (_out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert "Traceback" not in err and "IntegrityError" not in err
    summaries = [out.splitlines()[0] for out, _ in outputs]
    ingested = [int(s.split(": ")[1].split(" ingested")[0]) for s in summaries]
    assert sum(ingested) == 11, summaries
    assert all(s.startswith("11 files:") for s in summaries)
    store = Store(url)
    assert store.counts()["documents"] == 11
    store.close()


def test_an_unreadable_folder_is_reported_as_an_item(
    tmp_path: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "docs"
    (good / "locked").mkdir(parents=True)
    (good / "a.txt").write_text((CORPUS / "state-2022-01-25-briefing.txt").read_text())
    real_walk = os.walk

    def walk(top: Any, onerror: Any = None, **kw: Any) -> Any:
        for root, dirs, files in real_walk(top, onerror=onerror, **kw):
            if Path(root).name == "locked":
                continue
            if "locked" in dirs and onerror is not None:
                dirs.remove("locked")
                err = PermissionError(13, "Permission denied", str(Path(root) / "locked"))
                onerror(err)
            yield root, dirs, files

    monkeypatch.setattr("indivisible.ingest._api.os.walk", walk)
    outcomes = ingest([good], sqlite_url)
    assert [(Path(o.path).name, o.status) for o in outcomes] == [
        ("a.txt", "ingested"),
        ("locked", "failed"),
    ]
    assert outcomes[1].error is not None
    assert outcomes[1].error.endswith("locked: cannot read folder: Permission denied")
