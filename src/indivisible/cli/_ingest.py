"""The ``ingest`` and ``statements`` commands: parse, call one library function, render."""

import csv
import datetime as dt
import enum
import io
import json
from pathlib import Path
from typing import Annotated, Any

import typer


class IngestFormat(enum.StrEnum):
    """Output formats of ``ingest``."""

    table = "table"
    json = "json"


class StatementsFormat(enum.StrEnum):
    """Output formats of ``statements``."""

    table = "table"
    json = "json"
    csv = "csv"


_DB_HELP = (
    "Database URL (sqlite:///file.db or postgresql://...); "
    "default: $INDIVISIBLE_DB or ~/.local/share/indivisible/indivisible.db."
)

_COLUMNS = (
    "date",
    "speaker",
    "role",
    "stance",
    "stance_cue",
    "instruments",
    "organisations",
    "dates_mentioned",
    "page",
    "quoted_by",
    "text",
    "start",
    "end",
    "document_id",
    "seq",
    "turn",
    "person_id",
    "document_title",
)


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in _COLUMNS:
        value = row.get(key)
        out[key] = value.isoformat() if isinstance(value, dt.date) else value
    return out


def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Documents (.txt, .md, .html) or folders.")],
    db: Annotated[str | None, typer.Option("--db", help=_DB_HELP)] = None,
    fmt: Annotated[
        IngestFormat, typer.Option("--format", help="Output format.")
    ] = IngestFormat.table,
) -> None:
    """Ingest speeches, transcripts and articles into sourced statements.

    Each file is ingested in its own transaction; a file that fails is reported and the
    others still ingest. The exit status is 2 if any file failed.
    """
    from rich.console import Console
    from rich.table import Table

    from indivisible.ingest import ingest as ingest_paths

    outcomes = ingest_paths(paths, db)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    failed = [o for o in outcomes if o.status == "failed"]
    for outcome in failed:
        err.print(f"Error: {outcome.error}", markup=False)
    done = [o for o in outcomes if o.parsed is not None]
    if fmt is IngestFormat.json:
        typer.echo(
            json.dumps([o.parsed.to_json() for o in done if o.parsed], ensure_ascii=False, indent=2)
        )
    else:
        table = Table("file", "status", "kind", "date", "statements", "id", box=None)
        for column in table.columns:
            column.no_wrap = True
        table.columns[0].overflow = "fold"
        table.columns[0].no_wrap = False
        for o in outcomes:
            doc = o.parsed.document if o.parsed else None
            table.add_row(
                Path(o.path).name,
                o.status,
                doc.kind if doc else "",
                doc.date.isoformat() if doc and doc.date else "",
                str(len(o.parsed.statements)) if o.parsed else "",
                doc.id[:12] if doc else "",
            )
        Console(highlight=False, soft_wrap=True).print(table)
    if failed:
        raise typer.Exit(code=2)


def statements_command(
    speaker: Annotated[
        str | None, typer.Option(help="Part of the speaker's name, or a person id.")
    ] = None,
    instrument: Annotated[
        str | None, typer.Option(help="An instrument id, e.g. founding-act-1997.")
    ] = None,
    org: Annotated[str | None, typer.Option("--org", help="An organisation id, e.g. nato.")] = None,
    stance: Annotated[str | None, typer.Option(help="A stance label, e.g. assurance.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="First date, YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Last date, YYYY-MM-DD.")] = None,
    db: Annotated[str | None, typer.Option("--db", help=_DB_HELP)] = None,
    fmt: Annotated[
        StatementsFormat, typer.Option("--format", help="Output format.")
    ] = StatementsFormat.table,
) -> None:
    """List stored statements; the filters combine."""
    from rich.console import Console
    from rich.table import Table

    from indivisible.ingest import query_statements

    rows = [
        _plain(r)
        for r in query_statements(
            db,
            speaker=speaker,
            instrument=instrument,
            organisation=org,
            stance=stance,
            date_from=date_from,
            date_to=date_to,
        )
    ]
    if fmt is StatementsFormat.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt is StatementsFormat.csv:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(_COLUMNS), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in row.items()})
        typer.echo(buffer.getvalue(), nl=False)
    else:
        table = Table("date", "speaker", "stance", "instruments", "organisations", "text")
        for row in rows:
            text = row["text"] if len(row["text"]) <= 160 else row["text"][:157] + "..."
            table.add_row(
                row["date"] or "",
                row["speaker"] or row["role"] or "",
                row["stance"],
                ", ".join(row["instruments"]),
                ", ".join(row["organisations"]),
                text,
            )
        Console(highlight=False, soft_wrap=True).print(table)


def register(app: typer.Typer) -> None:
    """Add the ``ingest`` and ``statements`` commands to ``app``."""
    app.command("ingest")(ingest_command)
    app.command("statements")(statements_command)
