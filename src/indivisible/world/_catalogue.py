"""The bundled systems catalogue (``data/systems.yaml``): loading and checks."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from indivisible._errors import InputError
from indivisible._yaml import format_loc, line_of
from indivisible.world.types import System, SystemCatalogue


def bundled_path() -> Path:
    """Path of the bundled ``systems.yaml``."""
    return Path(str(resources.files("indivisible") / "data" / "systems.yaml"))


def load_catalogue(path: str | Path | None = None) -> SystemCatalogue:
    """Load the systems catalogue: the bundled one (cached) or the YAML list at ``path``.

    Raises:
        InputError: a malformed entry, a duplicate id, or a ``carries`` naming an unknown
            system, located by file, line and field.

    Examples:
        >>> cat = load_catalogue()
        >>> cat.get("sm-3-block-ib").class_, cat.get("sm-3-block-ib").strike
        ('interceptor', False)
    """
    if path is None:
        return _bundled()
    return _read(Path(path), str(path))


@functools.cache
def _bundled() -> SystemCatalogue:
    return _load_bundled()


def _load_bundled() -> SystemCatalogue:
    """The bundled catalogue through the on-disk cache (``indivisible._cache``; no memo).

    Keyed by ``systems.yaml`` and the modules that read and validate it.
    """
    from importlib import import_module

    import pydantic

    from indivisible import _cache

    code = [
        Path(import_module(name).__file__ or "")
        for name in (
            __name__,
            "indivisible._cache",
            "indivisible._yaml",
            "indivisible.world._load",
            "indivisible.world.types",
        )
    ]
    data = bundled_path()
    return _cache.cached(
        "systems",
        _cache.key([*code, data], extra=pydantic.VERSION),
        lambda: _read(data, "systems.yaml"),
        lambda hit: isinstance(hit, SystemCatalogue),
    )


def _read(path: Path, shown: str) -> SystemCatalogue:
    from indivisible._paths import read_yaml_input

    data, node = read_yaml_input(path, shown)
    if not isinstance(data, list):
        raise InputError("expected a list of systems", path=shown, line=1)
    systems: dict[str, System] = {}
    lines: dict[str, int | None] = {}
    for i, raw in enumerate(data):
        sys = _one(raw, i, shown, node)
        if sys.id in systems:
            raise InputError(
                f"duplicate system id {sys.id!r} (first at line {lines[sys.id]})",
                path=shown,
                line=line_of(node, [i, "id"]),
                field=f"[{i}].id",
            )
        systems[sys.id] = sys
        lines[sys.id] = line_of(node, [i, "id"])
    for i, sys in enumerate(systems.values()):
        for j, c in enumerate(sys.carries):
            if c not in systems:
                raise InputError(
                    f"unknown system {c!r} in carries",
                    path=shown,
                    line=line_of(node, [i, "carries", j]),
                    field=f"[{i}].carries[{j}]",
                )
    return SystemCatalogue(systems=systems)


def _one(raw: Any, i: int, shown: str, node: Any) -> System:
    from indivisible.world._load import _clean_loc

    try:
        return System.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        kind = err["type"]
        loc = (i, *_clean_loc(raw, err["loc"], keep_last=kind in {"missing", "extra_forbidden"}))
        msg = str(err["msg"]).removeprefix("Value error, ")
        if kind == "extra_forbidden":
            msg = f"unknown key {loc[-1]!r}"
        elif kind == "missing":
            msg = "required field is missing"
        raise InputError(msg, path=shown, line=line_of(node, loc), field=format_loc(loc)) from None
