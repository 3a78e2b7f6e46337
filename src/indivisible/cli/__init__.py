"""The ``indivisible`` command line: thin commands over the library.

Each command parses its options, calls one library function and renders the result. Errors
raised on purpose (``IndivisibleError``) print one ``Error: …`` line and exit with the
error's status (2 for bad input); nothing prints a traceback.
"""

import atexit
import contextlib
import gc
import os
import sys
import threading
from typing import Any, NoReturn

import typer

from indivisible._errors import IndivisibleError
from indivisible.cli import _record

app = typer.Typer(
    name="indivisible",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        from indivisible import __version__

        typer.echo(f"indivisible {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", help="Print the version and exit.", is_eager=True, callback=_version
    ),
) -> None:
    """The Euro-Atlantic security architecture, computable: every fact with its source.

    Who is bound by what on any date, what the rules say about a situation, what a move does
    to each party's security.

    Start with `indivisible status --on 1999-03-12 --state POL`, `indivisible systems`, or
    `indivisible serve` for the map; every command's --help ends with examples.
    """


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
    "_exchange",
    "_systems",
    "_instruments",
):
    try:
        _mod = __import__(f"indivisible.cli.{_name}", fromlist=["register"])
    except ModuleNotFoundError as _exc:  # a room not built yet
        if _exc.name != f"indivisible.cli.{_name}":
            raise
        continue
    _mod.register(app)


_COMMAND: Any = None


def command() -> Any:
    """The click command tree of the app, with examples and metavars (:mod:`._help`)."""
    global _COMMAND
    if _COMMAND is None:
        from indivisible.cli._help import finish

        _COMMAND = finish(typer.main.get_command(app))
    return _COMMAND


def main() -> None:
    """Entry point of the ``indivisible`` console script."""
    bad = next((a for a in sys.argv[1:] if "\x00" in a), None)
    if bad is not None:  # only an in-process call can pass one; click would print a usage
        typer.echo(f"Error: argument {bad!r} contains a NUL byte", err=True)
        sys.exit(2)
    try:
        rc = command().main(standalone_mode=False, prog_name="indivisible")
        if isinstance(rc, int) and rc != 0:
            sys.exit(rc)
    except IndivisibleError as exc:
        lines = [s.strip() for s in str(exc).splitlines() if s.strip()]
        typer.echo(f"Error: {'; '.join(lines)}", err=True)  # one line, always
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
    except ModuleNotFoundError as exc:  # an optional extra not installed: name it, one line
        from indivisible._extras import missing_extra

        missing = missing_extra(exc)
        if missing is None:
            raise
        typer.echo(f"Error: {missing}", err=True)
        sys.exit(missing.exit_code)
    except BrokenPipeError:  # the reader went away (``| head``): quiet, as before
        raise
    except OSError as exc:  # a path no check caught: still one line naming it, exit 2
        from indivisible._paths import os_reason, shown

        where = f"{shown(exc.filename)}: " if exc.filename is not None else ""
        typer.echo(f"Error: {where}{os_reason(exc)}", err=True)
        sys.exit(2)


def run() -> NoReturn:
    """The console script: :func:`main` in a short-lived process, started and ended fast.

    Two costs of a short command are the interpreter's, not the work's (measured on
    ``check examples/europe-2022-02.yaml``, 2 CPUs): the cyclic garbage collector, which
    runs a full pass every few hundred allocations while pydantic builds its schemas and
    the record loads (~0.1 s; nothing here leaks cycles that would need it sooner), and
    the teardown at exit, which frees every module and object one by one (~0.1 s). So the
    collector's first threshold is raised from 700 to 100,000 allocations, and on the way
    out the ``atexit`` handlers run, the output is flushed and the process ends without the
    teardown. When other threads are still running (a server, a worker pool), the exit is
    Python's ordinary one, which waits for them.
    """
    gc.set_threshold(100_000, 50, 100)
    try:
        main()
        code: int = 0
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or 0
        else:  # sys.exit("message"): Python prints it and exits with 1
            print(exc.code, file=sys.stderr)
            code = 1
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        code = 130
    if threading.active_count() > 1:
        sys.exit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe (``| head``)
            stream.flush()
    os._exit(code)


__all__ = ["app", "main", "run"]
