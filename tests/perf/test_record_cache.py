"""The on-disk cache of the bundled record and catalogue: same objects, rebuilt, optional."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from indivisible import _cache
from indivisible.record import _load
from indivisible.record._record import Record, _load_bundled
from indivisible.world import _catalogue


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("INDIVISIBLE_NO_CACHE", raising=False)
    return tmp_path / "indivisible"


def _same(a: Record, b: Record) -> None:
    ra, rb = a.raw, b.raw
    assert ra.root == rb.root
    assert ra.coverage == rb.coverage
    assert ra.sources == rb.sources
    assert ra.states == rb.states
    assert ra.organisations == rb.organisations
    assert ra.memberships == rb.memberships
    assert ra.instruments == rb.instruments
    assert ra.where == rb.where
    assert a.segments == b.segments  # the folded statuses too, not only the inputs
    assert a.memberships == b.memberships


def test_cached_record_equals_validated_record(cache_home: Path) -> None:
    fresh = Record(_load.load_raw())
    first = _load_bundled()
    files = list(cache_home.glob("record-*.pickle"))
    assert len(files) == 1
    second = _load_bundled()
    assert second is not first  # read back from the file, not the same object
    _same(first, fresh)
    _same(second, fresh)
    assert second.status("POL", "1999-03-12") == fresh.status("POL", "1999-03-12")


def test_unreadable_cache_is_rebuilt(cache_home: Path) -> None:
    _load_bundled()
    (path,) = cache_home.glob("record-*.pickle")
    path.write_bytes(b"not a pickle")
    _same(_load_bundled(), Record(_load.load_raw()))
    assert path.read_bytes() != b"not a pickle"


def test_foreign_object_in_the_cache_is_rebuilt(cache_home: Path) -> None:
    _load_bundled()
    (path,) = cache_home.glob("record-*.pickle")
    path.write_bytes(pickle.dumps({"not": "a record"}))
    assert isinstance(_load_bundled(), Record)
    assert isinstance(pickle.loads(path.read_bytes()), Record)


def test_no_cache_switch(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INDIVISIBLE_NO_CACHE", "1")
    _load_bundled()
    _catalogue._load_bundled()
    assert not cache_home.exists()


def test_user_folder_is_never_cached(cache_home: Path) -> None:
    Record.load(_load.bundled_data_dir())
    assert not cache_home.exists()


def test_unwritable_cache_runs_uncached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.delenv("INDIVISIBLE_NO_CACHE", raising=False)
    assert isinstance(_load_bundled(), Record)


def test_changed_data_changes_the_key(tmp_path: Path) -> None:
    root = tmp_path / "data"
    src = _load.bundled_data_dir()
    for f in _load._data_files(src):
        dest = root / f.relative_to(src)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f, dest)
    before = _load.cache_key(root)
    assert before is not None and _load.cache_key(root) == before
    meta = root / "meta.yaml"
    meta.write_text(meta.read_text("utf-8") + "\n# edited\n", "utf-8")
    assert before is not None and _load.cache_key(root) not in (None, before)
    (root / "states.yaml").unlink()
    assert _load.cache_key(root) is None  # a missing file: uncached, the reader reports it


def test_cached_catalogue_equals_parsed_catalogue(cache_home: Path) -> None:
    fresh = _catalogue._read(_catalogue.bundled_path(), "systems.yaml")
    first = _catalogue._load_bundled()
    assert len(list(cache_home.glob("systems-*.pickle"))) == 1
    second = _catalogue._load_bundled()
    assert second is not first
    assert first == fresh
    assert second == fresh


def test_write_atomic_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "x-1.pickle"
    _cache.write_atomic(target, b"data")
    assert target.read_bytes() == b"data"
    assert [p.name for p in target.parent.iterdir()] == ["x-1.pickle"]


def test_each_kind_keeps_its_newest_files(tmp_path: Path) -> None:
    folder = tmp_path / "indivisible"
    for i in range(_cache.KEEP + 3):
        _cache.write_atomic(folder / f"record-{i:032x}.pickle", b"r")
        os.utime(folder / f"record-{i:032x}.pickle", ns=(i * 10**9, i * 10**9))
    _cache.write_atomic(folder / "countries-0.bin", b"c")  # another kind: untouched
    _cache.write_atomic(folder / f"record-{99:032x}.pickle", b"new")
    records = sorted(p.name for p in folder.glob("record-*.pickle"))
    assert len(records) == _cache.KEEP
    assert f"record-{99:032x}.pickle" in records  # the one just written stays
    assert f"record-{_cache.KEEP + 2:032x}.pickle" in records  # with the newest older ones
    assert (folder / "countries-0.bin").exists()


def test_key_covers_every_module_of_the_package_found_not_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mods = _cache._package_modules()
    names = {p.relative_to(p.parents[1]).as_posix() for p in mods}
    # the catalogue's reader once forgot the date parser: every module counts now
    assert {"indivisible/_dates.py", "world/_catalogue.py", "record/_load.py"} <= names
    fake = tmp_path / "pkg" / "mod.py"
    fake.parent.mkdir()
    fake.write_text("x = 1\n")
    monkeypatch.setattr(_cache, "_package_modules", lambda: [*mods, fake])
    data = tmp_path / "data" / "d.yaml"
    data.parent.mkdir()
    data.write_text("a: 1\n")
    before = _cache.key([data])
    fake.write_text("x = 22\n")  # a module edited: size and time change
    assert _cache.key([data]) not in (None, before)


def test_cache_folder_is_the_platform_user_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from platformdirs import user_cache_path

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("INDIVISIBLE_NO_CACHE", raising=False)
    assert _cache.directory() == user_cache_path("indivisible", appauthor=False)
    assert _cache.directory() == tmp_path / "indivisible"
    monkeypatch.setenv("INDIVISIBLE_NO_CACHE", "1")
    assert _cache.directory() is None
