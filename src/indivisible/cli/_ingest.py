"""The ``ingest`` and ``statements`` commands: parse, call one library function, render."""

import csv
import datetime as dt
import enum
import io
import json
import re
from collections.abc import Sequence
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


_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor movement
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window titles, hyperlinks
    r"|\x1b[@-Z\\-_]"  # other two-byte escapes
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"  # any other control character
)


def clean(text: str) -> str:
    r"""Text safe to print on a terminal, on one line.

    Escape sequences and control characters are removed; line breaks become spaces.

    Examples:
        >>> clean("red \x1b[31mALERT\x1b[0m\x07 done\nnext")
        'red ALERT done next'
    """
    return _ESCAPES.sub("", text.replace("\r\n", " ").replace("\n", " ").replace("\t", " "))


def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Documents (.txt, .md, .html) or folders.")],
    db: Annotated[str | None, typer.Option("--db", metavar="URL", help=_DB_HELP)] = None,
    fmt: Annotated[
        IngestFormat, typer.Option("--format", help="Output format.")
    ] = IngestFormat.table,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            metavar="N",
            help="Parse on a local Dask cluster of N processes (the store is written in "
            "input order: results are identical to one process).",
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", metavar="ADDRESS", help="Address of a running Dask scheduler."),
    ] = None,
) -> None:
    """Ingest speeches, transcripts and articles into sourced statements.

    Each document is stored whole or not at all (up to 16 share a transaction); a file or
    folder that fails is reported and the others still ingest. A document already stored
    (also by another ingest running at the same time) is reported unchanged. The exit
    status is 2 if any item failed.
    """
    from indivisible.ingest import ingest as ingest_paths

    outcomes = ingest_paths(paths, db, workers=workers, scheduler=scheduler)
    failed = [o for o in outcomes if o.status == "failed"]
    for outcome in failed:
        typer.echo(f"Error: {clean(outcome.error or '')}", err=True)
    done = [o for o in outcomes if o.parsed is not None]
    if fmt is IngestFormat.json:
        typer.echo(
            json.dumps([o.parsed.to_json() for o in done if o.parsed], ensure_ascii=False, indent=2)
        )
    else:
        counts = {k: sum(o.status == k for o in outcomes) for k in ("ingested", "unchanged")}
        typer.echo(
            f"{len(outcomes)} files: {counts['ingested']} ingested, {counts['unchanged']} "
            f"unchanged, {len(failed)} failed"
        )
        rows = []
        for o in outcomes:
            doc = o.parsed.document if o.parsed else None
            rows.append(
                (
                    clean(Path(o.path).name),
                    o.status,
                    doc.kind if doc else "",
                    doc.date.isoformat() if doc and doc.date else "",
                    str(len(o.parsed.statements)) if o.parsed else "",
                    doc.id[:12] if doc else "",
                )
            )
        typer.echo(
            _plain_table(("file", "status", "kind", "date", "statements", "id"), rows, wrap=0)
        )
    if failed:
        raise typer.Exit(code=2)


def _plain_table(
    headers: tuple[str, ...], rows: Sequence[Sequence[str]], *, wrap: int, width: int = 80
) -> str:
    """A plain aligned table; the column ``wrap`` is cut to fit ``width`` columns.

    The other columns keep their widest value (capped at 24 characters); the cut column
    gets what is left, at least 20, and long values end with "…".
    """
    cap = 20
    widths = [min(max([len(h), *(len(r[i]) for r in rows)]), cap) for i, h in enumerate(headers)]
    others = sum(w for i, w in enumerate(widths) if i != wrap) + 2 * (len(headers) - 1)
    longest = max([len(headers[wrap]), *(len(r[wrap]) for r in rows)])
    widths[wrap] = max(20, min(longest, width - others))

    def fit(value: str, w: int) -> str:
        return value if len(value) <= w else value[: w - 1] + "…"

    lines = ["  ".join(fit(h, w).ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.extend(
        "  ".join(fit(v, w).ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in rows
    )
    return "\n".join(lines)


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
    db: Annotated[str | None, typer.Option("--db", metavar="URL", help=_DB_HELP)] = None,
    fmt: Annotated[
        StatementsFormat, typer.Option("--format", help="Output format.")
    ] = StatementsFormat.table,
) -> None:
    """List stored statements; the filters combine.

    The table (80 columns) starts with the number of statements; when a filter matches
    nothing it names the nearest ids or speakers the store knows. Words nobody is named
    for (a report's own narrative, an unsigned page) show "(unattributed)". Text is
    printed without terminal control sequences.
    """
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
        typer.echo(f"{len(rows)} statement{'' if len(rows) == 1 else 's'}")
        if not rows:
            for hint in _nearest(db, speaker=speaker, instrument=instrument, organisation=org):
                typer.echo(hint)
            return
        table_rows = [
            (
                row["date"] or "",
                # A report's narrative, an unsigned page's words: said so, not left blank.
                clean(row["speaker"] or row["role"] or "(unattributed)"),
                row["stance"],
                clean(_with_links(row)),
            )
            for row in rows
        ]
        typer.echo(_plain_table(("date", "speaker", "stance", "text"), table_rows, wrap=3))


def _with_links(row: dict[str, Any]) -> str:
    """The statement's text, after the ids it mentions: "[inf-1987, nato] These …"."""
    links = [*row["instruments"], *row["organisations"]]
    return (f"[{', '.join(links)}] " if links else "") + str(row["text"])


def _nearest(
    db: str | None, *, speaker: str | None, instrument: str | None, organisation: str | None
) -> list[str]:
    """For each filter that matches nothing, the nearest values known, by similarity.

    Speakers come from the store; instrument and organisation ids from the store and the
    record (rapidfuzz ranks them).
    """
    from rapidfuzz import process

    from indivisible.ingest import Store, default_db_url
    from indivisible.ingest._gazetteer import load

    store = Store(db or default_db_url())
    try:
        known = store.known()
    finally:
        store.close()
    record_ids = {
        kind: sorted({i for e in load().entries if e.kind == kind for i in e.ids})
        for kind in ("instrument", "organisation")
    }
    hints: list[str] = []
    for option, value, pool in (
        ("--speaker", speaker, known["speakers"] + known["person_ids"]),
        ("--instrument", instrument, sorted({*known["instruments"], *record_ids["instrument"]})),
        ("--org", organisation, sorted({*known["organisations"], *record_ids["organisation"]})),
    ):
        if not value:
            continue
        stored = {
            "--speaker": known["speakers"] + known["person_ids"],
            "--instrument": known["instruments"],
            "--org": known["organisations"],
        }[option]
        if option != "--speaker" and value in stored:
            continue
        if option == "--speaker" and any(value.lower() in s.lower() for s in stored):
            continue
        if option != "--speaker" and value in pool:
            # A known id no stored statement names yet: suggesting the id itself helps nobody.
            kind = "instrument" if option == "--instrument" else "organisation"
            hints.append(f"no stored statement names {clean(value)} yet (a known {kind})")
            continue
        near = [m[0] for m in process.extract(value, pool, limit=3, score_cutoff=40)]
        if near:
            nearest = ", ".join(clean(n) for n in near)
        else:
            # Not "none stored" when names are stored but none is close to the one asked for.
            count = len(set(pool))
            nearest = f"none close ({count} {'name' if count == 1 else 'names'} stored)"
            nearest = nearest if pool else "none stored"
        hints.append(f"no statement matches {option} {clean(value)}; nearest: {nearest}")
    return hints


def register(app: typer.Typer) -> None:
    """Add the ``ingest`` and ``statements`` commands to ``app``."""
    app.command("ingest")(ingest_command)
    app.command("statements")(statements_command)
