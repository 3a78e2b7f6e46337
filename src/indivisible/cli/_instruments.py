"""``indivisible instruments``: what the record holds, so no one has to guess ids."""

from typing import Annotated

import typer

from indivisible._dates import parse_date
from indivisible.cli._render import Format, emit_json, table

# The commands are module-level functions (testable alone); register() adds them.
commands = typer.Typer()


@commands.command()
def instruments(
    category: Annotated[
        str | None,
        typer.Option(
            "--category",
            metavar="C",
            help=(
                "Only instruments of a category: arms_control, non_proliferation, "
                "confidence_building, risk_reduction, security_assurance (or another "
                "category of the record, e.g. principles)."
            ),
        ),
    ] = None,
    party: Annotated[
        str | None,
        typer.Option(
            "--party",
            metavar="ISO3",
            help="Only instruments this state (or organisation) has a status under.",
        ),
    ] = None,
    on: Annotated[
        str | None,
        typer.Option(
            "--on",
            metavar="DATE",
            help=(
                "YYYY-MM-DD. With --party: its status on that day (not 'not_party'); "
                "alone: instruments signed by then."
            ),
        ),
    ] = None,
    fmt: Annotated[
        Format, typer.Option("--format", help="table or json (csv also works).")
    ] = Format.table,
) -> None:
    """List the record's instruments: id, short name, category, binding force.

    JSON: a list of {"id", "short", "category", "binding"}.
    """
    from indivisible.record import Record
    from indivisible.record._regime import list_instruments

    d = parse_date(on, field="--on") if on is not None else None
    rows = list_instruments(Record.load(), category=category, party=party, on=d)
    if fmt is Format.json:
        emit_json(rows)
        return
    if fmt is Format.csv:
        import pandas as pd

        cols = ["id", "short", "category", "binding"]
        typer.echo(pd.DataFrame(rows, columns=cols).to_csv(index=False), nl=False)
        return
    table(
        [(r["id"], r["short"], r["category"], r["binding"]) for r in rows],
        ["id", "short", "category", "binding"],
        title=f"{len(rows)} instruments",
    )


def register(app: typer.Typer) -> None:
    """Add the ``instruments`` command to ``app``."""
    app.registered_commands.extend(commands.registered_commands)
