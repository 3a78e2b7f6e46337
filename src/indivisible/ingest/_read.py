r"""Reading a file into text: size, binary and encoding checks, and HTML extraction.

The text returned is what statements are offset into. For plain text and Markdown it is
the decoded file with line endings normalised to ``\n``; for HTML it is the main text
that trafilatura extracts (navigation, share bars and teasers already removed), because
offsets into markup would not be readable.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from indivisible._errors import InputError

#: Files larger than this are refused before they are read.
MAX_BYTES = 20 * 1024 * 1024

_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class RawText:
    """A decoded document before structure is found."""

    sha256: str
    format: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    author: str | None = None
    place: str | None = None


def _format(path: Path, head: bytes) -> str:
    suffix = path.suffix.lower()
    if suffix in _HTML_SUFFIXES:
        return "html"
    if suffix in _MARKDOWN_SUFFIXES:
        return "markdown"
    sniff = head.lstrip()[:64].lower()
    if sniff.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def _decode(raw: bytes, path: Path, encoding: str = "utf-8") -> str:
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        bad = raw[exc.start : exc.start + 1].hex()
        raise InputError(
            f"not valid {encoding.upper()} text (byte 0x{bad} at offset {exc.start}); "
            "save the file as UTF-8",
            path=path,
            line=line,
        ) from None
    except LookupError:
        raise InputError(f"the page declares an unknown encoding {encoding!r}", path=path) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _check_controls(text: str, path: Path) -> None:
    """Refuse a control character (ESC, BEL, …): it would drive a terminal, not read as text.

    Tabs, line and page breaks are text; anything else below U+0020, DEL and the C1 range
    is an error naming the line and column.
    """
    m = _CONTROL.search(text)
    if m is None:
        return
    line = text.count("\n", 0, m.start()) + 1
    column = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
    code = ord(m.group(0))
    raise InputError(
        f"control character U+{code:04X} at column {column}; documents must be plain text "
        "(remove terminal escape sequences and other control characters)",
        path=path,
        line=line,
    )


def read(path: Path) -> RawText:
    """Read one document file.

    Args:
        path: a plain-text, Markdown or HTML file.

    Returns:
        The decoded text, its format, the SHA-256 of the bytes and, for HTML, the page's
        metadata.

    Raises:
        InputError: the file is missing, too large, empty, binary or not decodable, or an
            HTML page has no main text.
    """
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path=path) from None
    if not path.is_file():
        raise InputError("not a regular file", path=path)
    if size > MAX_BYTES:
        raise InputError(
            f"file is {size / 1024 / 1024:.1f} MB; documents of at most "
            f"{MAX_BYTES // 1024 // 1024} MB are accepted",
            path=path,
        )
    if size == 0:
        raise InputError("file is empty", path=path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path=path) from None
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise InputError(
            f"binary file (NUL byte at offset {nul}); expected text, Markdown or HTML",
            path=path,
        )
    digest = hashlib.sha256(raw).hexdigest()
    fmt = _format(path, raw[:512])
    if fmt == "html":
        return _read_html(raw, path, digest)
    text = _BBCODE.sub("", _decode(raw, path))
    _check_controls(text, path)
    if not text.strip():
        raise InputError("file contains only whitespace", path=path)
    return RawText(sha256=digest, format=fmt, text=text)


#: Forum-style emphasis tags a copied page may keep ("[b]Rz: Czy …?[/b]"): markup, not text.
_BBCODE = re.compile(r"\[/?(?:b|i|u|em|strong)\]", re.IGNORECASE)


def _read_html(raw: bytes, path: Path, digest: str) -> RawText:
    import trafilatura

    declared = _CHARSET.search(raw[:4096])
    encoding = declared.group(1).decode("ascii").lower() if declared else "utf-8"
    html = _decode(raw, path, encoding)
    extracted = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
    )
    text = (getattr(extracted, "text", None) or "").strip() if extracted is not None else ""
    if not text:
        raise InputError("no main text found in the HTML page", path=path)
    title = getattr(extracted, "title", None)
    day: dt.date | None = None
    raw_date = getattr(extracted, "date", None)
    if raw_date:
        try:
            day = dt.date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            day = None
    text = text.replace("\r\n", "\n")
    _check_controls(text, path)
    return RawText(
        sha256=digest,
        format="html",
        text=text + "\n",
        title=str(title).strip() if title else None,
        date=day,
        author=getattr(extracted, "author", None) or None,
    )
