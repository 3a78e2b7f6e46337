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


def table(rows: Sequence[Sequence[Any]], headers: Sequence[str], title: str | None = None) -> None:
    """Print a readable table: rich in a terminal, plain aligned text otherwise.

    Large tables are printed plain even in a terminal (rich's layout is slow for thousands
    of cells).
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
        t.add_row(*["" if v is None else str(v) for v in r])
    Console(file=sys.stdout, width=160 if not sys.stdout.isatty() else None).print(t)


def _plain(rows: Sequence[Sequence[Any]], headers: Sequence[str], title: str | None) -> None:
    cells = [["" if v is None else str(v) for v in r] for r in rows]
    widths = [len(h) for h in headers]
    for r in cells:
        for i, v in enumerate(r[:-1]):
            widths[i] = min(max(widths[i], len(v)), 80)
    out = []
    if title:
        out.append(title)
    out.append("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    out.append("  ".join("-" * w for w in widths))
    out.extend(
        "  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells
    )
    typer.echo("\n".join(out))
