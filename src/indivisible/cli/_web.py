"""The ``serve`` command: the HTTP API and the pages on loopback."""

import errno
import socket
from typing import Annotated

import typer

from indivisible._errors import InputError

_DB_HELP = (
    "Statement store URL (sqlite:///file.db or postgresql://...); "
    "default: the CLI's store, $INDIVISIBLE_DB or ~/.local/share/indivisible/indivisible.db."
)
_ALLOW_HELP = (
    "Another name the server answers to in the Host header (repeatable; by default only "
    "localhost, 127.0.0.1, [::1] and the --host address). Requests naming any other host "
    "are refused, so that a web page of another site cannot drive the server (DNS "
    "rebinding); '*' accepts any name."
)


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port``, or one clear error (port in use, unknown address).

    Binding before anything is printed makes a busy port a one-line error with exit
    status 2, and the server then serves on this very socket (no second bind to race).

    Raises:
        InputError: the address cannot be resolved or bound.
    """
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise InputError(f"cannot resolve the address {host!r}: {reason}", field="--host") from None
    family, kind, proto, _, address = found[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise InputError(
                f"port {port} on {host} is already in use (another server?); choose another "
                "--port or stop that server",
                field="--port",
            ) from None
        raise InputError(
            f"cannot listen on {host} port {port}: {exc.strerror or exc}", field="--host"
        ) from None
    return sock


# The commands are module-level functions (testable alone); register() adds them.
commands = typer.Typer()


@commands.command()
def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to bind (loopback by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
    db: Annotated[str | None, typer.Option("--db", help=_DB_HELP)] = None,
    allow_host: Annotated[
        list[str] | None, typer.Option("--allow-host", metavar="NAME", help=_ALLOW_HELP)
    ] = None,
) -> None:
    """Serve the HTTP API (schema at /openapi.json) and the pages (map, timeline...)."""
    if not 0 <= port <= 65535:
        raise InputError(f"expected a TCP port between 0 and 65535, got {port}", field="--port")
    import uvicorn

    from indivisible.web import create_app
    from indivisible.web._app import LOOPBACK_HOSTS

    sock = listen(host, port)
    bound = int(sock.getsockname()[1])
    hosts = [*LOOPBACK_HOSTS, host, *(allow_host or [])]
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(
            f"Warning: binding to {host}: the server is reachable from other machines",
            err=True,
        )
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"Serving indivisible on http://{shown}:{bound}/ (Ctrl+C to stop)", err=True)
    # uvloop and httptools when installed (the ``fast`` extra); no access log line
    config = uvicorn.Config(
        create_app(db_url=db, allowed_hosts=hosts),
        host=host,
        port=bound,
        log_level="warning",
        access_log=False,
        loop="auto",
        http="auto",
    )
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to ``app``."""
    app.registered_commands.extend(commands.registered_commands)
