"""Load the record from YAML files into validated models.

Layout of a data folder (the bundled one is ``indivisible/data``)::

    meta.yaml                 coverage: {start, reviewed}
    sources/*.yaml            bibliography entries (a list of Source)
    states.yaml               a list of State
    organisations.yaml        a list of Organisation
    memberships.yaml          a list of Membership
    instruments/<id>.yaml     one Instrument per file (file name = id)

Any file may be malformed; the error names the file, line and field.

The bundled record (``load_raw()`` with no folder) is cached on disk between runs: a pickle of
the validated models in ``$XDG_CACHE_HOME/indivisible/`` (else ``~/.cache/indivisible/``),
named by a SHA-256 of the bytes of every data file read, of the modules that validate them
and of the Python and pydantic versions, so any change to the data or the models misses the
cache and revalidates. The file is written atomically (a temporary file, then a rename), and
an unreadable, stale or foreign file is ignored and rebuilt. ``INDIVISIBLE_NO_CACHE=1``
disables it. A user's data folder (``load_raw(path)``) is never cached.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from indivisible._errors import InputError
from indivisible._yaml import LineDict, load_yaml, validate
from indivisible.record.types import (
    Coverage,
    Instrument,
    Membership,
    Organisation,
    Source,
    State,
)


@dataclass
class Located:
    """Where a record entry came from: its file and line, for error messages."""

    path: Path
    line: int | None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else str(self.path)


@dataclass
class RawRecord:
    """The validated models of a data folder, with the location of each entry."""

    root: Path
    coverage: Coverage
    sources: dict[str, Source] = field(default_factory=dict)
    states: dict[str, State] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    memberships: list[Membership] = field(default_factory=list)
    instruments: dict[str, Instrument] = field(default_factory=dict)
    where: dict[tuple[str, str], Located] = field(default_factory=dict)
    """Location of each entry, keyed by (kind, id); memberships by (membership, index)."""


def bundled_data_dir() -> Path:
    """The folder of the bundled data files."""
    return Path(str(resources.files("indivisible") / "data"))


def _as_list(data: Any, path: Path) -> list[Any]:
    if data is None:
        return []
    if not isinstance(data, list):
        line = data.line if isinstance(data, LineDict) else None
        raise InputError("expected a list of entries at the top level", path=path, line=line)
    return data


def _line(item: Any) -> int | None:
    return item.line if isinstance(item, LineDict) else None


def _data_files(root: Path) -> list[Path]:
    """Every file ``load_raw`` reads from a data folder, in reading order."""
    return [
        root / "meta.yaml",
        *sorted((root / "sources").glob("*.yaml")),
        root / "states.yaml",
        root / "organisations.yaml",
        root / "memberships.yaml",
        *sorted((root / "instruments").glob("*.yaml")),
    ]


def _cache_path(root: Path) -> Path | None:
    """The cache file of the bundled record, named by a hash of its inputs (``None``: off)."""
    if os.environ.get("INDIVISIBLE_NO_CACHE", "") not in ("", "0"):
        return None
    import pydantic

    import indivisible._yaml
    import indivisible.record.types

    h = hashlib.sha256()
    h.update(f"{sys.version}|{pydantic.VERSION}|{pickle.HIGHEST_PROTOCOL}".encode())
    code = [
        Path(__file__),
        Path(indivisible._yaml.__file__),
        Path(indivisible.record.types.__file__),
    ]
    try:
        for path in [*code, *_data_files(root)]:
            h.update(str(path.relative_to(path.parents[1])).encode() + b"\0")
            h.update(path.read_bytes())
            h.update(b"\0")
    except OSError:
        return None  # a file is missing: validate and report it, uncached
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "indivisible" / f"record-{h.hexdigest()[:32]}.pickle"


def _read_cache(path: Path) -> RawRecord | None:
    try:
        with path.open("rb") as f:
            raw = pickle.load(f)
    except Exception:  # any unreadable cache (truncated, foreign, old classes) is rebuilt
        return None
    return raw if isinstance(raw, RawRecord) else None


def _write_cache(path: Path, raw: RawRecord) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".record-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(raw, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, pickle.PicklingError):
        return  # a read-only or full disk: run uncached


def load_raw(root: Path | None = None) -> RawRecord:
    """Read and validate every file of a data folder (the bundled one cached on disk).

    Raises:
        InputError: a file is missing, not valid YAML, or an entry is malformed, or an id
            is defined twice.
    """
    if root is None:
        bundled = bundled_data_dir()
        cache = _cache_path(bundled)
        if cache is not None:
            hit = _read_cache(cache)
            if hit is not None and hit.root == bundled:
                return hit
        raw = _load_raw(bundled)
        if cache is not None:
            _write_cache(cache, raw)
        return raw
    return _load_raw(Path(root))


def _load_raw(root: Path) -> RawRecord:
    """Read and validate every file of a data folder (uncached)."""
    meta_path = root / "meta.yaml"
    meta, meta_node = load_yaml(meta_path)
    if not isinstance(meta, dict) or "coverage" not in meta:
        raise InputError("expected a mapping with key 'coverage'", path=meta_path)
    coverage = validate(
        Coverage, meta["coverage"], path=meta_path, node=meta_node, prefix=("coverage",)
    )
    raw = RawRecord(root=root, coverage=coverage)

    def put(
        kind: str, key: str, path: Path, line: int | None, store: dict[str, Any], obj: Any
    ) -> None:
        if key in store:
            first = raw.where[(kind, key)]
            raise InputError(
                f"{kind} {key!r} is defined twice (first at {first})", path=path, line=line
            )
        store[key] = obj
        raw.where[(kind, key)] = Located(path, line)

    for path in sorted((root / "sources").glob("*.yaml")):
        data, node = load_yaml(path)
        for i, item in enumerate(_as_list(data, path)):
            src = validate(Source, item, path=path, node=node, prefix=(i,))
            put("source", src.id, path, _line(item), raw.sources, src)

    path = root / "states.yaml"
    data, node = load_yaml(path)
    for i, item in enumerate(_as_list(data, path)):
        st = validate(State, item, path=path, node=node, prefix=(i,))
        put("state", st.id, path, _line(item), raw.states, st)
    path = root / "organisations.yaml"
    data, node = load_yaml(path)
    for i, item in enumerate(_as_list(data, path)):
        org = validate(Organisation, item, path=path, node=node, prefix=(i,))
        put("organisation", org.id, path, _line(item), raw.organisations, org)

    path = root / "memberships.yaml"
    data, node = load_yaml(path)
    for i, item in enumerate(_as_list(data, path)):
        m = validate(Membership, item, path=path, node=node, prefix=(i,))
        raw.where[("membership", str(len(raw.memberships)))] = Located(path, _line(item))
        raw.memberships.append(m)

    for path in sorted((root / "instruments").glob("*.yaml")):
        data, node = load_yaml(path)
        inst = validate(Instrument, data, path=path, node=node)
        if inst.id != path.stem:
            raise InputError(
                f"instrument id {inst.id!r} does not match the file name {path.name!r}",
                path=path,
                field="id",
            )
        put("instrument", inst.id, path, 1, raw.instruments, inst)
    return raw
