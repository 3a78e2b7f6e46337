"""The ``indivisible`` command line: thin commands over the library.

Each command parses its options, calls one library function and renders the result. Errors
raised on purpose (``IndivisibleError``) print one ``Error: …`` line and exit with the
error's status (2 for bad input); nothing prints a traceback.
"""

from __future__ import annotations

import sys

import typer

from indivisible._errors import IndivisibleError
from indivisible.cli import _record

app = typer.Typer(
    name="indivisible",
    help=(
        "The Euro-Atlantic security architecture, computable: who is bound by what on any "
        "date, every fact with its source."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
_record.register(app)

for _name in (
    "_world",
    "_rules",
    "_indicators",
    "_profile",
    "_assess",
    "_ingest",
    "_negotiate",
    "_web",
):
    try:
        _mod = __import__(f"indivisible.cli.{_name}", fromlist=["register"])
    except ModuleNotFoundError as _exc:  # a room not built yet
        if _exc.name != f"indivisible.cli.{_name}":
            raise
        continue
    _mod.register(app)


def main() -> None:
    """Entry point of the ``indivisible`` console script."""
    try:
        rc = app(standalone_mode=False)
        if isinstance(rc, int) and rc != 0:
            sys.exit(rc)
    except IndivisibleError as exc:
        typer.echo(f"Error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("Aborted.", err=True)
        sys.exit(1)
    except typer.TyperException as exc:  # usage errors: unknown option, extra argument, ...
        show = getattr(exc, "show", None)
        if callable(show):
            show()
        else:
            typer.echo(f"Error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)


__all__ = ["app", "main"]
