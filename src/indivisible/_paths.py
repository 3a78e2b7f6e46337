"""Every path the toolkit reads or writes goes through here: one OS error, one located line.

Reading: :func:`check_readable` (a file) and :func:`list_folder` (the ``*.yaml`` files of a
folder) turn every operating-system error (missing file or folder, permission, a folder
where a file is expected, a NUL byte or an over-long name, a symlink loop, an input/output
error) into one ``InputError`` naming the path (exit status 2); :func:`read_yaml_input`
parses an input file behind that check.

Writing: an output option is checked before any work starts, and written atomically::

    outs = Outputs()
    report = outs.add(path, field="--report", suffixes=(".html",))   # checked now
    ...                                     # the work, which may fail: nothing written
    with outs.writing():
        write_report(result, report.path)   # a temporary file beside the target

:meth:`Outputs.add` refuses an unknown extension, a folder, a missing or unwritable
folder, and proves the folder writable by creating (and removing) a temporary file in it.
:meth:`Outputs.writing` writes every output to a temporary file in its target's folder
(``.NAME.XXXX.tmp.EXT``); when the block ends normally they are renamed over their targets
(``os.replace``), when it fails they are removed, so a failing command leaves no file. A
target that already exists and is not a regular file (a device such as ``/dev/null``, a
pipe) cannot be replaced by a rename: its output is written to a temporary file elsewhere
and copied into it first, before any rename.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from indivisible._errors import InputError

if TYPE_CHECKING:
    import yaml

__all__ = [
    "Output",
    "Outputs",
    "check_readable",
    "list_folder",
    "os_reason",
    "read_yaml_input",
    "shown",
]

_REASONS = {
    errno.ENOENT: "no such file or folder",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EISDIR: "is a folder, not a file",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.ENAMETOOLONG: "file name too long",
    errno.ELOOP: "too many levels of symbolic links (a symlink loop?)",
    errno.ENOSPC: "no space left on device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EROFS: "read-only file system",
    errno.EIO: "input/output error",
    errno.EXDEV: "cannot rename across file systems",
    errno.EFBIG: "file too large",
    errno.ETXTBSY: "file busy",
    errno.EBUSY: "device or resource busy",
}

_MAX_SHOWN = 240


def shown(path: str | os.PathLike[str]) -> str:
    """A path as printed in a message: control characters escaped, very long names cut."""
    text = os.fspath(path)
    if not text.isprintable():
        text = text.encode("unicode_escape").decode("ascii")
    if len(text) > _MAX_SHOWN:
        half = _MAX_SHOWN // 2 - 2
        text = f"{text[:half]}...{text[-half:]} ({len(os.fspath(path))} characters)"
    return text


def os_reason(exc: BaseException) -> str:
    """The reason of an OS-level error in a few words (``ValueError``: a NUL byte)."""
    if isinstance(exc, ValueError):
        return "the path contains a NUL byte" if "null" in str(exc).lower() else str(exc)
    if isinstance(exc, OSError):
        if exc.errno in _REASONS:
            return _REASONS[exc.errno]
        return (exc.strerror or str(exc) or type(exc).__name__).lower()
    return str(exc) or type(exc).__name__


def _read_error(path: str | os.PathLike[str], exc: BaseException, field: str | None) -> InputError:
    return InputError(f"cannot read file: {os_reason(exc)}", path=shown(path), field=field)


# --------------------------------------------------------------------------- reading
def check_readable(path: str | os.PathLike[str], *, field: str | None = None) -> Path:
    """``path`` as a ``Path`` after proving it is a regular file that can be read.

    Opens the file and reads one byte, so a permission problem or an input/output error
    is reported here, with the path, rather than as a traceback in the middle of parsing.

    Raises:
        InputError: the path cannot be read; the message names it and says why.
    """
    p = Path(path)
    try:
        st = os.stat(p)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", os.fspath(p))
        if not stat.S_ISREG(st.st_mode):
            raise InputError("cannot read file: not a regular file", path=shown(p), field=field)
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            os.read(fd, 1)
        finally:
            os.close(fd)
    except InputError:
        raise
    except (OSError, ValueError) as exc:
        raise _read_error(p, exc, field) from None
    return p


def list_folder(
    folder: str | os.PathLike[str], pattern: str = "*.yaml", *, field: str | None = None
) -> list[Path]:
    """The files of ``folder`` matching ``pattern``, sorted (an unreadable folder is an error)."""
    p = Path(folder)
    try:
        with os.scandir(p) as it:
            names = [e.name for e in it]
    except (OSError, ValueError) as exc:
        raise InputError(
            f"cannot read folder: {os_reason(exc)}", path=shown(p), field=field
        ) from None
    import fnmatch

    return sorted(p / n for n in names if fnmatch.fnmatch(n, pattern))


def read_yaml_input(
    path: str | os.PathLike[str], where: str | os.PathLike[str]
) -> tuple[Any, yaml.Node | None]:
    """Data and node tree of an input YAML file: the one reader of the package's inputs.

    The path is checked first (:func:`check_readable`): a missing file, a folder, a
    permission or input/output error is one line naming it; then the text is parsed within
    the bounds of ``indivisible._yaml``, and a syntax error is one line with its line number.
    Every failure is an ``InputError`` at ``where`` (exit status 2).
    """
    from indivisible._yaml import read_yaml_nodes

    p = Path(path)
    try:
        check_readable(p)
    except InputError as exc:
        raise InputError(exc.reason, path=shown(where)) from None
    try:
        return read_yaml_nodes(p, os.fspath(where))
    except (OSError, ValueError) as exc:  # a file that changed between the check and the read
        raise _read_error(where, exc, None) from None
    except InputError as exc:
        if "unacceptable character" not in exc.reason:
            raise
        raise _control_character(p, where) from None


def _control_character(path: Path, where: str | os.PathLike[str]) -> InputError:
    """The parser's two-line complaint about a control character, as one located line."""
    import re

    try:
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError as exc:
        return _read_error(where, exc, None)
    m = re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]", text)
    if m is None:
        return InputError("invalid YAML: a character that is not allowed", path=shown(where))
    line = text.count("\n", 0, m.start()) + 1
    return InputError(
        f"invalid YAML: control character {ord(m.group()):#04x} is not allowed "
        "(write it escaped in a double-quoted string)",
        path=shown(where),
        line=line,
    )


# --------------------------------------------------------------------------- writing
class Output:
    """One output file: its target, the option that named it, and where the work writes it.

    ``path`` is the temporary file beside the target (or the target itself when the
    target is a device or a pipe); pass it to the function that writes the output.
    """

    def __init__(
        self, target: Path, field: str, path: Path, *, in_place: bool, suffix: str
    ) -> None:
        self.target = target
        self.field = field
        self.path = path
        self.in_place = in_place
        self.suffix = suffix

    def __fspath__(self) -> str:
        return os.fspath(self.path)

    def __repr__(self) -> str:
        return f"Output({os.fspath(self.target)!r}, field={self.field!r})"

    def error(self, exc: BaseException) -> InputError:
        """The one-line error of a failed write of this output."""
        return InputError(f"cannot write {shown(self.target)}: {os_reason(exc)}", field=self.field)


def _suffix_error(target: Path, field: str, suffixes: Sequence[str]) -> InputError:
    want = " or ".join(suffixes)
    got = target.suffix or "no extension"
    return InputError(
        f"expected a {want} file name, got {shown(target.name or target)!r} ({got})",
        field=field,
    )


class Outputs:
    """The output files of one command: checked up front, written together, or none.

    :meth:`add` checks an option before any work; :meth:`writing` stages a temporary
    file beside each target for the block that writes them, and renames them all over
    their targets when the block ends normally (removes them all otherwise).
    """

    def __init__(self) -> None:
        self._outs: list[Output] = []

    def add(
        self, path: str | os.PathLike[str] | None, *, field: str, suffixes: Sequence[str]
    ) -> Output | None:
        """Check an output option now, before any work (``None`` passes through).

        The folder is proven writable by creating and removing a temporary file in it.

        Raises:
            InputError: an unknown extension, a folder, a missing or unwritable folder, a
                name the file system refuses; the message names the option and the path.
        """
        if path is None:
            return None
        target = Path(path)
        text = os.fspath(target)
        try:
            if "\x00" in text:
                raise ValueError("embedded null byte")
            if text.endswith(("/", os.sep)) or target.name in ("", ".", ".."):
                raise IsADirectoryError(errno.EISDIR, "is a directory", text)
            try:
                st: os.stat_result | None = os.stat(target)
            except FileNotFoundError:
                st = None
            if st is not None and stat.S_ISDIR(st.st_mode):
                raise IsADirectoryError(errno.EISDIR, "is a directory", text)
        except (OSError, ValueError) as exc:
            raise _write_error(target, field, exc) from None
        if st is not None and not stat.S_ISREG(st.st_mode):
            # A device or a pipe (/dev/null, /dev/full): copied into, not renamed over. Its
            # name may lack an extension; one it has must be a known one.
            if target.suffix and target.suffix.lower() not in suffixes:
                raise _suffix_error(target, field, suffixes)
            try:
                fd = os.open(target, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0))
                os.close(fd)
            except OSError as exc:
                raise _write_error(target, field, exc) from None
            suffix = target.suffix.lower() or suffixes[0]
            out = Output(target, field, target, in_place=True, suffix=suffix)
            self._outs.append(out)
            return out
        if target.suffix.lower() not in suffixes:
            raise _suffix_error(target, field, suffixes)
        folder = target.parent
        try:
            fst = os.stat(folder)
            if not stat.S_ISDIR(fst.st_mode):
                raise NotADirectoryError(errno.ENOTDIR, "not a directory", os.fspath(folder))
        except (OSError, ValueError) as exc:
            reason = os_reason(exc)
            if isinstance(exc, FileNotFoundError):
                reason = f"no such folder {shown(folder)}"
            elif isinstance(exc, NotADirectoryError):
                reason = f"{shown(folder)} is not a folder"
            raise InputError(f"cannot write {shown(target)}: {reason}", field=field) from None
        try:
            name_max = os.pathconf(folder, "PC_NAME_MAX")
        except (OSError, ValueError):
            name_max = 255
        if len(os.fsencode(target.name)) > name_max:
            raise _write_error(target, field, OSError(errno.ENAMETOOLONG, "name too long"))
        out = Output(target, field, target, in_place=False, suffix=target.suffix)
        try:
            os.unlink(self._temporary(out))  # proves the folder writable now
        except OSError as exc:
            raise _write_error(target, field, exc) from None
        self._outs.append(out)
        return out

    @staticmethod
    def _temporary(out: Output) -> Path:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{out.target.stem[:40]}.",
            suffix=f".tmp{out.suffix}",
            dir=None if out.in_place else os.fspath(out.target.parent),
        )
        os.close(fd)
        return Path(tmp)

    @contextlib.contextmanager
    def writing(self) -> Iterator[Outputs]:
        """Stage every output, run the block that writes them, then commit or discard all.

        Inside the block each output's ``path`` is its temporary file. An ``OSError``
        while writing becomes one ``InputError`` naming the output.
        """
        try:
            for o in self._outs:
                try:
                    o.path = self._temporary(o)
                except OSError as exc:
                    raise o.error(exc) from None
            try:
                yield self
            except OSError as exc:
                owner = self._owner(exc)
                if owner is None:
                    raise
                raise owner.error(exc) from None
            self._commit()
        finally:
            self._discard()

    def _owner(self, exc: OSError) -> Output | None:
        names = {os.fspath(n) for n in (exc.filename, exc.filename2) if n is not None}
        for o in self._outs:
            if names & {os.fspath(o.path), os.fspath(o.target)}:
                return o
        return self._outs[0] if len(self._outs) == 1 else None

    def _discard(self) -> None:
        for o in self._outs:
            if o.path != o.target:
                with contextlib.suppress(OSError):
                    os.unlink(o.path)
                o.path = o.target

    def _commit(self) -> None:
        # Devices and pipes first: copying into them creates no file, so a failure there
        # (``/dev/full``) still leaves every regular output unwritten.
        for o in sorted(self._outs, key=lambda o: not o.in_place):
            if o.in_place:
                try:
                    with open(o.path, "rb") as src, open(o.target, "wb") as dst:
                        while chunk := src.read(1 << 20):
                            dst.write(chunk)
                except OSError as exc:
                    raise o.error(exc) from None
                continue
            try:
                if os.stat(o.path).st_size == 0:
                    raise InputError(
                        f"cannot write {shown(o.target)}: nothing was written", field=o.field
                    )
                with contextlib.suppress(OSError):
                    os.chmod(o.path, 0o666 & ~_umask())
                os.replace(o.path, o.target)
            except OSError as exc:
                raise o.error(exc) from None
            o.path = o.target

    def __iter__(self) -> Iterator[Output]:
        return iter(self._outs)


def _write_error(target: Path, field: str, exc: BaseException) -> InputError:
    return InputError(f"cannot write {shown(target)}: {os_reason(exc)}", field=field)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
