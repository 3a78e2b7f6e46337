"""The on-disk cache of the bundled record: same models, rebuilt when unreadable, optional."""

from __future__ import annotations

from pathlib import Path

import pytest

from indivisible.record import _load


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("INDIVISIBLE_NO_CACHE", raising=False)
    return tmp_path / "indivisible"


def _same(a: _load.RawRecord, b: _load.RawRecord) -> None:
    assert a.root == b.root
    assert a.coverage == b.coverage
    assert a.sources == b.sources
    assert a.states == b.states
    assert a.organisations == b.organisations
    assert a.memberships == b.memberships
    assert a.instruments == b.instruments
    assert a.where == b.where


def test_cached_record_equals_validated_record(cache_home: Path) -> None:
    fresh = _load._load_raw(_load.bundled_data_dir())
    first = _load.load_raw()
    files = list(cache_home.glob("record-*.pickle"))
    assert len(files) == 1
    second = _load.load_raw()
    assert second is not first  # read back from the file, not the same object
    _same(first, fresh)
    _same(second, fresh)


def test_unreadable_cache_is_rebuilt(cache_home: Path) -> None:
    _load.load_raw()
    (path,) = cache_home.glob("record-*.pickle")
    path.write_bytes(b"not a pickle")
    _same(_load.load_raw(), _load._load_raw(_load.bundled_data_dir()))
    assert path.read_bytes() != b"not a pickle"


def test_no_cache_switch(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INDIVISIBLE_NO_CACHE", "1")
    _load.load_raw()
    assert not cache_home.exists()


def test_user_folder_is_never_cached(cache_home: Path) -> None:
    _load.load_raw(_load.bundled_data_dir())
    assert not cache_home.exists()


def test_changed_data_changes_the_key(tmp_path: Path) -> None:
    root = tmp_path / "data"
    src = _load.bundled_data_dir()
    for f in _load._data_files(src):
        dest = root / f.relative_to(src)
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(f.read_bytes())
    before = _load._cache_path(root)
    meta = root / "meta.yaml"
    meta.write_text(meta.read_text("utf-8") + "\n# edited\n", "utf-8")
    assert before is not None and _load._cache_path(root) not in (None, before)
