"""The ``serve`` command: the HTTP API and the pages on loopback."""

from typing import Annotated

import typer

from indivisible._errors import InputError

_DB_HELP = (
    "Statement store URL (sqlite:///file.db or postgresql://...); "
    "default: the CLI's store, $INDIVISIBLE_DB or ~/.local/share/indivisible/indivisible.db."
)


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to ``app``."""

    @app.command()
    def serve(
        host: Annotated[
            str, typer.Option("--host", help="Address to bind (loopback by default).")
        ] = "127.0.0.1",
        port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
        db: Annotated[str | None, typer.Option("--db", help=_DB_HELP)] = None,
    ) -> None:
        """Serve the HTTP API (schema at /openapi.json) and the pages (map, timeline...)."""
        if not 0 <= port <= 65535:
            raise InputError(f"expected a TCP port between 0 and 65535, got {port}", field="--port")
        import uvicorn

        from indivisible.web import create_app

        if host not in ("127.0.0.1", "localhost", "::1"):
            typer.echo(
                f"Warning: binding to {host}: the server is reachable from other machines",
                err=True,
            )
        typer.echo(f"Serving indivisible on http://{host}:{port}/ (Ctrl+C to stop)", err=True)
        uvicorn.run(create_app(db_url=db), host=host, port=port, log_level="warning")
