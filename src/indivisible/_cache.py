"""The on-disk cache of what the package derives from its bundled data.

Reading and validating the bundled YAML (the record, the systems catalogue) and parsing the
country polygons cost more than the rest of a short command, and the result is the same
every time until the data or the code that reads it changes. So the derived objects are
kept between runs, as Python keeps bytecode:

* where: the user cache folder of the platform (``platformdirs``: on Linux
  ``$XDG_CACHE_HOME/indivisible/``, else ``~/.cache/indivisible/``; on macOS
  ``~/Library/Caches/indivisible``; on Windows the local application data folder);
* name: ``<kind>-<key>.<suffix>``, the key a SHA-256 of the package's version, of the
  name, size and modification time (nanoseconds) of *every* module of the package (found,
  never listed by hand, so no module a reader depends on can be forgotten) and of every
  input file, and of the Python and library versions (:func:`key`): any change to any of
  them misses the cache and rebuilds (the test Python itself makes of a ``.pyc`` file, with
  a finer clock, and without reading the files);
* writing: atomic (a temporary file in the same folder, then a rename), so a reader never
  sees half a file; a read-only or full disk runs uncached;
* reading: an unreadable, truncated, foreign or stale file is ignored and rebuilt;
* size: each kind keeps its ``KEEP`` most recently written files (a new key, after an
  upgrade or a data edit, would otherwise leave the old files behind for ever);
* ``INDIVISIBLE_NO_CACHE=1`` turns the cache off (nothing read or written).

Only the bundled data is cached; a user's own data folder or scenario never is.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

KEEP = 3
"""Files kept per kind: the newest (several checkouts or versions may share the folder)."""


def directory() -> Path | None:
    """The cache folder, or ``None`` when ``INDIVISIBLE_NO_CACHE`` turns the cache off."""
    if os.environ.get("INDIVISIBLE_NO_CACHE", "") not in ("", "0"):
        return None
    from platformdirs import user_cache_path

    return user_cache_path("indivisible", appauthor=False)


_PACKAGE = Path(__file__).resolve().parent


def _package_modules() -> list[Path]:
    """Every module of the package, sorted (what any cached object's code may depend on)."""
    return sorted(_PACKAGE.rglob("*.py"))


def key(files: Iterable[Path], *, extra: str = "") -> str | None:
    """SHA-256 (hex) of the package's modules and ``files`` (names, sizes, times), and versions.

    Hashed: the package's version, Python's, the pickle protocol and ``extra`` (library
    versions); then the name, size and modification time of every module of the package
    (found by walking it, so a reader's dependencies are never listed by hand) and of each
    of ``files`` (the data read; modules listed there too count once more, harmlessly).
    Each file is named by its last two path parts. ``None`` when a file is missing (then
    run uncached, and let the reader report it).
    """
    from indivisible import __version__

    h = hashlib.sha256()
    h.update(f"{__version__}|{sys.version}|{pickle.HIGHEST_PROTOCOL}|{extra}".encode() + b"\0")
    try:
        for file in [*_package_modules(), *files]:
            st = file.stat()
            name = file.relative_to(file.parents[1])
            h.update(f"{name}|{st.st_size}|{st.st_mtime_ns}".encode() + b"\0")
    except (OSError, IndexError):
        return None
    return h.hexdigest()


def path(kind: str, digest: str, suffix: str) -> Path | None:
    """The cache file of ``kind`` under ``digest`` (``None``: the cache is off)."""
    folder = directory()
    return None if folder is None else folder / f"{kind}-{digest[:32]}.{suffix}"


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically; a failure to write is ignored (uncached).

    Then prune the folder: of the files of the same kind (the name before the key), only
    the :data:`KEEP` most recently modified stay.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return  # a read-only or full disk: run uncached
    _prune(target)


def _prune(target: Path) -> None:
    """Remove all but the :data:`KEEP` newest files of ``target``'s kind (never ``target``)."""
    kind = target.name.rsplit("-", 1)[0]
    try:
        same = [
            (p.stat().st_mtime_ns, p)
            for p in target.parent.glob(f"{kind}-*{target.suffix}")
            if p.name.rsplit("-", 1)[0] == kind
        ]
        for _, old in sorted(same, reverse=True)[KEEP:]:
            if old != target:
                old.unlink(missing_ok=True)
    except OSError:
        return  # another process pruned first, or a read-only folder: nothing to do


def read_pickle(target: Path) -> Any | None:
    """The object pickled in ``target`` (``None``: missing or unreadable)."""
    try:
        with target.open("rb") as f:
            return pickle.load(f)
    except Exception:  # any unreadable cache (truncated, foreign, old classes) is rebuilt
        return None


def cached(
    kind: str,
    digest: str | None,
    build: Callable[[], T],
    valid: Callable[[Any], bool],
) -> T:
    """``build()``, through the pickle cache of ``kind`` under ``digest``.

    Args:
        kind: the file name's prefix (``record``, ``systems``).
        digest: the key (:func:`key`); ``None`` builds uncached.
        build: makes the object when the cache misses.
        valid: whether an object read back is one ``build`` would make (its type, its data
            folder); an invalid one is rebuilt and overwritten.
    """
    target = None if digest is None else path(kind, digest, "pickle")
    if target is not None:
        hit = read_pickle(target)
        if hit is not None and valid(hit):
            return hit  # type: ignore[no-any-return]
    value = build()
    if target is not None:
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError):
            return value
        write_atomic(target, data)
    return value
