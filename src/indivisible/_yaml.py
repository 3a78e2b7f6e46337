"""YAML reading with line numbers, and pydantic validation with located errors.

Every input file is parsed once into plain data and once into a node tree; when validation
fails, the pydantic error location is walked down the node tree to report the line of the
offending field.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from indivisible._errors import InputError

M = TypeVar("M", bound=BaseModel)

MAX_BYTES = 20 * 1024 * 1024


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe loader that rejects duplicate keys in a mapping."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        try:
            duplicate = key in seen
        except TypeError:
            continue
        if duplicate:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return dict(loader.construct_mapping(node))


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,
)


class LineDict(dict[Any, Any]):
    """A mapping that remembers the 1-based line it started on in its file."""

    line: int | None = None


def _construct_line_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LineDict:
    out = LineDict(_construct_mapping(loader, node))  # type: ignore[arg-type]
    out.line = node.start_mark.line + 1
    return out


_FastBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FastUniqueKeyLoader(_FastBase):  # type: ignore[valid-type,misc]
    """Duplicate keys rejected, mappings remember their line; libyaml's parser if present."""


_FastUniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_line_mapping,
)


class LazyNode:
    """A YAML node tree composed only when a field's line number is needed (on an error)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._node: yaml.Node | None = None
        self._done = False

    def get(self) -> yaml.Node | None:
        """Compose (once) and return the node tree."""
        if not self._done:
            self._node = yaml.compose(self._text, Loader=_UniqueKeyLoader)
            self._done = True
        return self._node


def read_text(path: Path) -> str:
    """Read a UTF-8 text file with a clear error for missing, huge or binary files."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path=path) from None
    if not path.is_file():
        raise InputError("not a file", path=path)
    if size > MAX_BYTES:
        raise InputError(f"file is {size} bytes; at most {MAX_BYTES} are accepted", path=path)
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise InputError("binary file (NUL byte found); expected UTF-8 text", path=path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start}: {exc.reason})", path=path) from None


def load_yaml(path: Path, text: str | None = None) -> tuple[Any, LazyNode]:
    """Parse a YAML file into data and its (lazily composed) node tree.

    Mappings in the data are ``LineDict`` objects that know their line.

    Raises:
        InputError: the file cannot be read or is not valid YAML (with line number).
    """
    if text is None:
        text = read_text(path)
    try:
        data = yaml.load(text, Loader=_FastUniqueKeyLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        reason = f"invalid YAML: {exc.problem or exc.context}"
        raise InputError(reason, path=path, line=line) from None
    except yaml.YAMLError as exc:
        raise InputError(f"invalid YAML: {exc}", path=path) from None
    return data, LazyNode(text)


def line_of(node: yaml.Node | LazyNode | None, loc: Sequence[int | str]) -> int | None:
    """Return the 1-based line of the node at ``loc`` (or of its deepest existing parent)."""
    if isinstance(node, LazyNode):
        node = node.get()
    if node is None:
        return None
    line = node.start_mark.line + 1
    current: yaml.Node = node
    for key in loc:
        nxt: yaml.Node | None = None
        if isinstance(current, yaml.MappingNode):
            for k, v in current.value:
                if isinstance(k, yaml.ScalarNode) and k.value == str(key):
                    nxt = v
                    line = k.start_mark.line + 1
                    break
        elif (
            isinstance(current, yaml.SequenceNode)
            and isinstance(key, int)
            and 0 <= key < len(current.value)
        ):
            nxt = current.value[key]
            line = nxt.start_mark.line + 1
        if nxt is None:
            break
        current = nxt
    return line


def format_loc(loc: Sequence[int | str]) -> str:
    """Format a pydantic location as a dotted field path (``deployments[0].site.lat``)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def validate(
    model: type[M],
    data: Any,
    *,
    path: Path | str | None,
    node: yaml.Node | LazyNode | None,
    prefix: Sequence[int | str] = (),
) -> M:
    """Validate ``data`` as ``model``; on failure raise one located ``InputError``."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = [*prefix, *[p for p in err["loc"] if not isinstance(p, str) or "[" not in p]]
        msg = err["msg"]
        if err["type"] == "extra_forbidden":
            key = loc[-1] if loc else "?"
            msg = f"unknown key {key!r}"
        elif err["type"] == "missing":
            msg = "required field is missing"
        elif "input" in err and not isinstance(err["input"], dict | list):
            msg = f"{msg} (got {err['input']!r})"
        raise InputError(msg, path=path, line=line_of(node, loc), field=format_loc(loc)) from None
