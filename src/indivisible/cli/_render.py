"""Rendering helpers shared by the commands: tables, JSON, CSV, warnings."""

import json
import sys
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

import typer


class Format(StrEnum):
    """Output formats of the record commands."""

    table = "table"
    json = "json"
    csv = "csv"


def emit_json(obj: Any) -> None:
    """Print an object as indented JSON (dates as ISO strings)."""
    typer.echo(json.dumps(obj, indent=2, ensure_ascii=False, default=str))


def warn(messages: Sequence[str]) -> None:
    """Print warnings on standard error."""
    for m in messages:
        typer.echo(f"Warning: {m}", err=True)


def width() -> int:
    """Columns to fit: ``$COLUMNS``, else the terminal's, else 100 (files, pipes)."""
    import os
    import shutil

    env = os.environ.get("COLUMNS", "")
    if env.isdigit() and int(env) >= 40:
        return int(env)
    if sys.stdout.isatty():
        return max(shutil.get_terminal_size((100, 24)).columns, 40)
    return 100


def para(text: str, indent: str = "") -> None:
    """Print a paragraph wrapped to :func:`width`."""
    import textwrap

    typer.echo(
        textwrap.fill(
            text,
            width=width(),
            initial_indent=indent,
            subsequent_indent=indent,
            break_on_hyphens=False,
        )
    )


def cell(v: Any) -> str:
    """A table cell: empty for a missing value (None, NaN, pandas' NA), never ``nan``."""
    if v is None:
        return ""
    if isinstance(v, float) and v != v:
        return ""
    if type(v).__name__ in ("NAType", "NaTType"):
        return ""
    return str(v)


def table(rows: Sequence[Sequence[Any]], headers: Sequence[str], title: str | None = None) -> None:
    """Print a readable table wrapped to the terminal width (:func:`width`).

    Rich in a terminal, plain aligned text otherwise; large tables are printed plain even in
    a terminal (rich's layout is slow for thousands of cells). Cells too wide for the width
    wrap onto further lines of the same row.
    """
    if not sys.stdout.isatty() or len(rows) > 200:
        _plain(rows, headers, title)
        return
    from rich.console import Console
    from rich.table import Table

    t = Table(title=title, show_lines=False, header_style="bold")
    for h in headers:
        t.add_column(h, overflow="fold")
    for r in rows:
        t.add_row(*[cell(v) for v in r])
    Console(file=sys.stdout, width=width()).print(t)


def _fit(natural: list[int], minimum: list[int], room: int, *, widest: bool = False) -> list[int]:
    """Column widths summing to at most ``room``, never below ``minimum``.

    Shrinks the column with the most slack above its minimum (prose first), or with
    ``widest`` the widest column that can still shrink.
    """
    w = list(natural)
    while sum(w) > room:
        free = [j for j in range(len(w)) if w[j] > minimum[j]]
        if not free:
            break
        i = max(free, key=lambda j: w[j] if widest else w[j] - minimum[j])
        w[i] -= 1
    return w


def _tokens(text: str) -> list[str]:
    """Where a cell may break: after spaces, and after ``;`` or ``,`` in a list of ids."""
    import re

    return [t for t in re.split(r"\s+|(?<=[;,])", text) if t]


def _wrap(text: str, w: int) -> list[str]:
    """Lines of at most ``w`` characters, broken at spaces or after ``;``/``,``."""
    import re

    out: list[str] = []
    line = ""
    for piece in re.split(r"(\s+|(?<=[;,]))", text):
        if not piece:
            continue
        if piece.isspace():
            piece = " "
            if not line:
                continue
        if len(line) + len(piece) <= w:
            line += piece
            continue
        if line.strip():
            out.append(line.rstrip())
        line = "" if piece == " " else piece
        while len(line) > w:  # a single token wider than the column
            out.append(line[:w])
            line = line[w:]
    if line.strip():
        out.append(line.rstrip())
    return out or [""]


def _plain(rows: Sequence[Sequence[Any]], headers: Sequence[str], title: str | None) -> None:
    import textwrap

    cells = [[cell(v) for v in r] for r in rows]
    natural = [len(h) for h in headers]
    for r in cells:
        for i, v in enumerate(r):
            natural[i] = max(natural[i], len(v))
    # Prose wraps at spaces; an id (no space) keeps its width unless nothing else fits.
    words = [max((len(w) for w in _tokens(h)), default=0) for h in headers]
    for r in cells:
        for i, v in enumerate(r):
            words[i] = max(words[i], max((len(w) for w in _tokens(v)), default=0))
    room = width() - 2 * (len(headers) - 1)
    minimum = [min(n, max(w, 4), 40) for n, w in zip(natural, words, strict=True)]
    widths = _fit(natural, minimum, room)
    if sum(widths) > room:  # not even whole words fit: break the widest columns first
        head = [max((len(w) for w in h.split()), default=0) for h in headers]
        hard = [min(n, max(h, 10)) for n, h in zip(natural, head, strict=True)]
        widths = _fit(widths, hard, room, widest=True)
    out = []
    if title:
        out.append(textwrap.fill(title, width(), break_on_hyphens=False))

    def lines(row: Sequence[str]) -> list[str]:
        parts = [_wrap(v, w) if len(v) > w else [v] for v, w in zip(row, widths, strict=True)]
        depth = max(len(p) for p in parts)
        return [
            "  ".join(
                (p[k] if k < len(p) else "").ljust(w) for p, w in zip(parts, widths, strict=True)
            ).rstrip()
            for k in range(depth)
        ]

    out.extend(lines(list(headers)))
    out.append("  ".join("-" * w for w in widths))
    for r in cells:
        out.extend(lines(r))
    typer.echo("\n".join(out))
