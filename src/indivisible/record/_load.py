"""Load the record from YAML files into validated models.

Layout of a data folder (the bundled one is ``indivisible/data``)::

    meta.yaml                 coverage: {start, reviewed}
    sources/*.yaml            bibliography entries (a list of Source)
    states.yaml               a list of State
    organisations.yaml        a list of Organisation
    memberships.yaml          a list of Membership
    instruments/<id>.yaml     one Instrument per file (file name = id)

Any file may be malformed; the error names the file, line and field.

``load_raw`` always reads and validates. The bundled record as the package uses it
(``Record.load()``) is kept in the package's on-disk cache (``indivisible._cache``) under
:func:`cache_key`: a SHA-256 of the name, size and modification time of every data file
read and of the modules that validate and fold them, and of the Python and pydantic
versions, so any change to the data or the models misses the cache and revalidates. A
user's data folder is never cached.
"""

from __future__ import annotations

import sys
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


def cache_key(root: Path) -> str | None:
    """The cache key of the record read from ``root`` (``None``: a file is missing)."""
    import pydantic

    import indivisible._cache
    import indivisible._yaml
    import indivisible.record._engine
    import indivisible.record._record
    import indivisible.record.types

    code = [
        Path(m.__file__ or "")
        for m in (
            sys.modules[__name__],
            indivisible._cache,
            indivisible._yaml,
            indivisible.record._engine,
            indivisible.record._record,
            indivisible.record.types,
        )
    ]
    return indivisible._cache.key([*code, *_data_files(root)], extra=pydantic.VERSION)


def load_raw(root: Path | None = None) -> RawRecord:
    """Read and validate every file of a data folder (the bundled one by default).

    Raises:
        InputError: a file is missing, not valid YAML, or an entry is malformed, or an id
            is defined twice.
    """
    return _load_raw(bundled_data_dir() if root is None else Path(root))


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
