"""YAML reading with line numbers, and pydantic validation with located errors.

Every input file is parsed once into plain data and once into a node tree; when validation
fails, the pydantic error location is walked down the node tree to report the line of the
offending field.

Every document is *bounded* before any Python data is built from it (CLI and server alike,
see :func:`check_bounds`): only the plain types the formats use (text, numbers,
true/false, null, dates, lists, mappings; no ``!!binary``, ``!!set``, ``<<`` merge keys or
other tags), at most :data:`MAX_DEPTH` levels of nesting, :data:`MAX_NODES` values, and
aliases that repeat at most :data:`MAX_ALIAS_NODES` values and :data:`MAX_ALIAS_CHARS`
characters of text. The sizes are counted on the parser's events before the node tree is
composed, an alias adding its anchor's counted size as a number: a "billion laughs" or a
long string repeated by aliases is refused, with its line, before anything is copied.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from indivisible._errors import InputError

M = TypeVar("M", bound=BaseModel)
Loc = tuple[int | str, ...]
Fail = Callable[[Loc, str], NoReturn]

MAX_BYTES = 20 * 1024 * 1024

MAX_DEPTH = 64
"""Deepest nesting of lists and mappings, counted through aliases (the formats use < 15)."""

MAX_NODES = 1_000_000
"""Most values (scalars, lists, mappings, keys) in one document, each alias counted in full."""

MAX_ALIAS_NODES = 100_000
"""Most values that aliases may repeat in one document (beyond the values written out)."""

MAX_ALIAS_CHARS = 1_000_000
"""Most characters of text that aliases may repeat in one document."""

_T = "tag:yaml.org,2002:"
PLAIN_TAGS = frozenset(
    _T + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)
"""The YAML tags an input may use: the plain types of the formats."""


class YamlLimitError(Exception):
    """A document beyond the bounds of :func:`check_bounds` (reason and 1-based line)."""

    def __init__(self, reason: str, line: int | None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


def _refuse_tag(tag: str | None, line: int) -> None:
    if tag is None or tag == "!" or tag in PLAIN_TAGS:
        return
    if tag == _T + "merge":
        raise YamlLimitError("merge keys ('<<') are not accepted; write the keys out", line)
    raise YamlLimitError(
        f"the YAML tag {tag!r} is not accepted; only text, numbers, true/false, null, dates, "
        "lists and mappings",
        line,
    )


def check_bounds(text: str, loader: type[yaml.SafeLoader] = yaml.SafeLoader) -> None:
    """Refuse a document beyond the bounds of the formats, before any node or data is built.

    Reads the parser's events as they come, keeping only counters: explicit tags must be
    plain (:data:`PLAIN_TAGS`); lists and mappings nest at most :data:`MAX_DEPTH` deep,
    counted through aliases; the document has at most :data:`MAX_NODES` values counted as
    if every alias were written out; aliases repeat at most :data:`MAX_ALIAS_NODES` values
    and :data:`MAX_ALIAS_CHARS` characters of text; an alias may not refer to a list or
    mapping that contains it. The expanded size of each anchor is counted when it closes,
    so an alias adds a number, never a copy: the check stops at the first bound exceeded,
    in time linear in the text read so far, however far the aliases would expand. (Errors
    of the YAML itself are left to the parser that loads the document.)

    Raises:
        YamlLimitError: the first bound exceeded, with the line of the value concerned.
    """
    # One frame per open list or mapping: [values, characters, levels below, anchor].
    frames: list[list[Any]] = []
    open_anchors: dict[str, int] = {}  # anchors of the open frames (a name may be reused)
    anchors: dict[str, tuple[int, int, int]] = {}
    total = alias_nodes = alias_chars = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            mark = event.start_mark
            line = int(mark.line) + 1 if mark is not None else 0
            if isinstance(event, yaml.ScalarEvent):
                _refuse_tag(event.tag, line)
                total += 1
                size = (1, len(event.value), 0)
                if event.anchor is not None:
                    anchors[event.anchor] = size
            elif isinstance(event, yaml.CollectionStartEvent):
                _refuse_tag(event.tag, line)
                total += 1
                if len(frames) >= MAX_DEPTH:
                    raise YamlLimitError(f"nested more than {MAX_DEPTH} levels deep", line)
                frames.append([1, 0, 0, event.anchor])
                if event.anchor is not None:
                    open_anchors[event.anchor] = open_anchors.get(event.anchor, 0) + 1
                size = None
            elif isinstance(event, yaml.CollectionEndEvent):
                values, chars, levels, anchor = frames.pop()
                size = (values, chars, levels + 1)
                if anchor is not None:
                    anchors[anchor] = size
                    open_anchors[anchor] -= 1
            elif isinstance(event, yaml.AliasEvent):
                name = str(event.anchor)
                if open_anchors.get(name):
                    raise YamlLimitError(
                        f"the alias *{name} refers to a list or mapping that contains "
                        "it (recursive data is not accepted)",
                        line,
                    )
                found = anchors.get(name)
                if found is None:
                    continue  # an undefined alias: the parser reports it
                values, chars, levels = found
                if len(frames) + levels > MAX_DEPTH:
                    raise YamlLimitError(
                        f"nested more than {MAX_DEPTH} levels deep (through the alias *{name})",
                        line,
                    )
                alias_nodes += values
                alias_chars += chars
                total += values
                if alias_nodes > MAX_ALIAS_NODES:
                    raise YamlLimitError(
                        f"aliases repeat more than {MAX_ALIAS_NODES:,} values (at most "
                        f"{MAX_ALIAS_NODES:,} may be repeated in one document)",
                        line,
                    )
                if alias_chars > MAX_ALIAS_CHARS:
                    raise YamlLimitError(
                        f"aliases repeat more than {MAX_ALIAS_CHARS:,} characters of text "
                        f"(at most {MAX_ALIAS_CHARS:,} may be repeated in one document)",
                        line,
                    )
                size = found
            elif isinstance(event, yaml.DocumentStartEvent):
                anchors.clear()
                open_anchors.clear()
                continue
            else:
                continue
            if total > MAX_NODES:
                raise YamlLimitError(f"more than {MAX_NODES:,} values in one document", line)
            if size is not None and frames:
                top = frames[-1]
                top[0] += size[0]
                top[1] += size[1]
                top[2] = max(top[2], size[2])
    except yaml.YAMLError:
        return  # not valid YAML: the loading parser reports it, with its line


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

_NOT_PLAIN = {_T + "merge", _T + "value"}
"""Implicit tags of PyYAML's safe loader that are not plain values: ``<<`` and ``=``."""


def _without(
    resolvers: dict[Any, list[tuple[str, Any]]], skip: set[str]
) -> dict[Any, list[tuple[str, Any]]]:
    return {
        first: [(tag, rx) for tag, rx in found if tag not in skip]
        for first, found in resolvers.items()
    }


# ``<<`` and ``=`` are plain text (a merge key is refused by ``check_bounds`` when tagged).
_UniqueKeyLoader.yaml_implicit_resolvers = _without(
    yaml.SafeLoader.yaml_implicit_resolvers, _NOT_PLAIN
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
_FastUniqueKeyLoader.yaml_implicit_resolvers = dict(_UniqueKeyLoader.yaml_implicit_resolvers)


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


class Yaml12Loader(_UniqueKeyLoader):
    """Safe loader, duplicate keys rejected, YAML 1.2 booleans, dates left as text.

    Only ``true``/``false`` are booleans, so ``on``, ``yes`` and ``no`` are plain text (``on:``
    stays a key); a malformed date is then reported like any other field.
    """


_SKIP = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool"}
Yaml12Loader.yaml_implicit_resolvers = _without(_UniqueKeyLoader.yaml_implicit_resolvers, _SKIP)
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


class _FastYaml12Loader(_FastBase):  # type: ignore[valid-type,misc]
    """The same rules as ``Yaml12Loader`` on libyaml's C parser (when available)."""


_FastYaml12Loader.yaml_implicit_resolvers = dict(Yaml12Loader.yaml_implicit_resolvers)
_FastYaml12Loader.yaml_constructors = dict(Yaml12Loader.yaml_constructors)


def _input_error(exc: Exception, shown: str | Path) -> InputError:
    """One located ``InputError`` for a failure of :func:`compose_bounded`."""
    if isinstance(exc, YamlLimitError):
        return InputError(exc.reason, path=shown, line=exc.line)
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        return InputError(f"invalid YAML: {exc.problem or exc.context}", path=shown, line=line)
    if isinstance(exc, yaml.YAMLError):
        return InputError(f"invalid YAML: {exc}", path=shown)
    if isinstance(exc, RecursionError):
        return InputError(f"nested more than {MAX_DEPTH} levels deep", path=shown)
    return InputError(f"invalid YAML value: {exc}", path=shown)


_PARSE_ERRORS = (
    YamlLimitError,
    yaml.YAMLError,
    RecursionError,
    ValueError,
    TypeError,
    OverflowError,
)
"""What :func:`compose_bounded` may raise on bad input (see :func:`_input_error`)."""


def compose_bounded(
    text: str, loader: type[Any], *, construct: bool = True
) -> tuple[Any, yaml.Node | None]:
    """The data and node tree of ``text``, refused before anything is built if out of bounds.

    :func:`check_bounds` reads the parser's events first (counters only); then ``loader``
    composes the node tree and, with ``construct``, builds the data from it. Every reader of
    input files goes through here, so the CLI and the server have the same bounds.

    Raises:
        YamlLimitError: beyond the bounds; nothing was built.
        yaml.YAMLError: not valid YAML (a duplicate key, an unknown tag...).
        ValueError, TypeError, OverflowError: a value the loader cannot build.
    """
    check_bounds(text, loader)
    parser = loader(text)
    try:
        node = parser.get_single_node()
        data = parser.construct_document(node) if construct and node is not None else None
    finally:
        parser.dispose()
    return data, node


def _compose_and_construct(text: str) -> tuple[Any, yaml.Node | None]:
    """Parse once: compose the node tree (for line numbers) and construct data from it."""
    return compose_bounded(text, _FastYaml12Loader)


def compose_input(text: str, shown: str | Path) -> yaml.Node | None:
    """The node tree of an input document, parsed and bounded as :func:`read_yaml_nodes` does.

    Nothing is constructed: a value that would fail later (``note: 2023-02-30``) does not
    stop the structure from being read, so a caller can decide on it first (the web server
    checks an upload's ``extends`` this way, before any file is opened).

    Raises:
        InputError: not valid YAML or beyond the bounds, at ``shown`` with its line.
    """
    try:
        return compose_bounded(text, _FastYaml12Loader, construct=False)[1]
    except _PARSE_ERRORS as exc:
        raise _input_error(exc, shown) from None


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
        data, _ = compose_bounded(text, _FastUniqueKeyLoader)
    except _PARSE_ERRORS as exc:
        raise _input_error(exc, path) from None
    return data, LazyNode(text)


def read_yaml_nodes(path: Path, shown: str | Path) -> tuple[Any, yaml.Node | None]:
    """Parse an input file (YAML 1.2 booleans, dates as text) into data and its node tree.

    Readers of input files call :func:`indivisible._paths.read_yaml_input`, which checks
    the path first and puts every failure into one located ``InputError``; this is its
    parsing step. (Bundled data is read by :func:`load_yaml`.)

    One pass of libyaml's parser builds the node tree (for line numbers) and the data from
    it. Mappings in the data are plain dicts; duplicate keys are rejected.

    Raises:
        InputError: the file cannot be read or is not valid YAML, reported at ``shown``
            (with the line number when the parser gives one).
    """
    try:
        text = read_text(path)
    except InputError as exc:
        raise InputError(exc.reason, path=shown) from None
    try:
        return _compose_and_construct(text)
    except _PARSE_ERRORS as exc:
        raise _input_error(exc, shown) from None


def read_wrapped(path: str | Path, key: str, *, beside: bool = False) -> tuple[Any, Fail]:
    """Read an input file whose content may sit under one top-level ``key``.

    Returns the content (unwrapped when the file is ``{key: ...}``, or, with ``beside``,
    when ``key`` is one of its top-level keys) and a ``fail(loc, reason)`` that reports a
    field relative to that content, on its line in the file.
    """
    from indivisible._paths import read_yaml_input

    p = Path(path)
    data, node = read_yaml_input(p, p)
    wrapped = isinstance(data, dict) and (key in data if beside else set(data) == {key})
    inner = data[key] if wrapped else data

    def fail(loc: Loc, reason: str) -> NoReturn:
        full = (key, *loc) if wrapped else tuple(loc)
        raise InputError(reason, path=p, line=line_of(node, full), field=format_loc(loc) or None)

    return inner, fail


def clean_loc(data: Any, loc: Sequence[int | str], *, keep_last: bool) -> Loc:
    """Keep the parts of a pydantic location that index the input (drop union/type tags)."""
    out: list[int | str] = []
    cur = data
    for i, part in enumerate(loc):
        indexes = (isinstance(cur, dict) and part in cur) or (
            isinstance(cur, list | tuple) and isinstance(part, int) and 0 <= part < len(cur)
        )
        if indexes:
            out.append(part)
            cur = cur[part]
        elif keep_last and i == len(loc) - 1 and isinstance(cur, dict):
            out.append(part)
        elif not isinstance(cur, dict | list | tuple):
            break
    return tuple(out)


def validation_problem(exc: ValidationError, data: Any, prefix: Loc = ()) -> tuple[Loc, str]:
    """The location (``prefix`` + the input's part) and reason of a pydantic error.

    ``Value error, `` is dropped from validator messages; an extra key reads ``unknown key
    'x'``, a missing one ``required field is missing``; a bad scalar is quoted (``(got 'x')``).
    """
    err = exc.errors()[0]
    kind = err["type"]
    loc = (*prefix, *clean_loc(data, err["loc"], keep_last=kind in {"missing", "extra_forbidden"}))
    msg = str(err["msg"])
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    elif kind == "extra_forbidden":
        msg = f"unknown key {loc[-1] if loc else '?'!r}"
    elif kind == "missing":
        msg = "required field is missing"
    elif "input" in err and not isinstance(err["input"], dict | list | tuple):
        msg = f"{msg} (got {err['input']!r})"
    return loc, msg


def failing_at(path: str | Path | None, node: yaml.Node | LazyNode | None) -> Fail:
    """``fail(loc, reason)``: raise ``InputError`` at ``path``, on the line of field ``loc``."""

    def fail(loc: Loc, reason: str) -> NoReturn:
        raise InputError(reason, path=path, line=line_of(node, loc), field=format_loc(loc) or None)

    return fail


def validated(model: type[M], data: Any, fail: Fail, prefix: Loc = ()) -> M:
    """``data`` as ``model``; the first validation problem goes to ``fail`` (see ``failing_at``)."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        loc, reason = validation_problem(exc, data, prefix)
    fail(loc, reason)


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


def read_mapping(path: str | Path, model: type[M], expected: str) -> tuple[M, Fail]:
    """The prologue of every input loader: read, require a mapping, validate.

    Returns the validated model and the ``fail(loc, reason)`` that reports a field of the
    file on its line, for the loader's own checks that follow.

    Raises:
        InputError: unreadable file, bad YAML, not a mapping (``expected`` says what one
            was), or the first field that fails validation, with its line.
    """
    from indivisible._paths import read_yaml_input

    data, node = read_yaml_input(Path(path), Path(path))
    fail = failing_at(str(path), node)
    if not isinstance(data, dict):
        fail((), f"expected {expected}")
    return validated(model, data, fail), fail
