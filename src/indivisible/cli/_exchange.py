"""The ``exchange`` commands: keys, the log server, posting, bundles, verification, witnesses.

Thin: each calls the ``indivisible.exchange`` library and prints the result.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Annotated, Any

import typer

from indivisible._errors import InputError

exchange_app = typer.Typer(
    name="exchange",
    help=(
        "The transparency exchange: parties sign notifications (exercises, annual exchanges, "
        "moratoriums, visit reports, status events) into an append-only, verifiable log "
        "(RFC 9162 Merkle tree, C2SP checkpoints, witness cosignatures). See docs/exchange.md."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

_DB_HELP = (
    "Database URL of the log (sqlite:///file.db or postgresql://...); "
    "default: $INDIVISIBLE_DB or ~/.local/share/indivisible/indivisible.db."
)
_SERVER_HELP = "URL of the log server, e.g. http://127.0.0.1:8080."


def _check_party(party: str) -> str:
    from indivisible.record import Record

    rec = Record.load()
    if party in rec.states or party in rec.organisations:
        return party
    raise InputError(
        f"unknown party {party!r}: expected a state's ISO 3166-1 alpha-3 code of the record "
        "(e.g. POL) or an organisation id (e.g. osce)",
        field="--party",
    )


@exchange_app.command("keygen")
def keygen(
    party: Annotated[str, typer.Option("--party", help="The party: ISO3 code or org id.")],
    out: Annotated[Path, typer.Option("--out", help="Private key file to write (mode 0600).")],
) -> None:
    """Make an Ed25519 key for PARTY; print its registry entry {party, key}."""
    from indivisible.exchange import PrivateKey, write_key_file

    key = PrivateKey.generate(_check_party(party))
    write_key_file(key, out)
    typer.echo(f"{{party: {key.party}, key: {key.public_b64}}}")


@exchange_app.command("serve")
def serve(
    registry: Annotated[
        Path, typer.Option("--registry", help="Registry YAML: parties: [{party, key}, ...].")
    ],
    db: Annotated[str | None, typer.Option("--db", help=_DB_HELP)] = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to bind (loopback by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8080,
    origin: Annotated[
        str | None,
        typer.Option("--origin", help="Checkpoint origin line of a new log (kept afterwards)."),
    ] = None,
) -> None:
    """Serve the log: its API (schema at /openapi.json) and the /exchange page."""
    if not 0 <= port <= 65535:
        raise InputError(f"expected a TCP port between 0 and 65535, got {port}", field="--port")
    from indivisible.exchange import Log, load_registry
    from indivisible.exchange._server import create_exchange_app

    reg = load_registry(registry)
    if db is None:
        from indivisible.ingest._store import default_db_url

        db = default_db_url()
    log = Log(db, reg, origin=origin)
    import uvicorn

    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(
            f"Warning: binding to {host}: the log is reachable from other machines", err=True
        )
    typer.echo(
        f"Log {log.origin}: {log.size} entries. Its registry entry, for verifiers:", err=True
    )
    typer.echo(f"log: {{origin: {log.origin}, key: {log.public_key}}}", err=True)
    typer.echo(f"Serving the exchange on http://{host}:{port}/ (Ctrl+C to stop)", err=True)
    uvicorn.run(create_exchange_app(log), host=host, port=port, log_level="warning")


@exchange_app.command("post")
def post(
    notification: Annotated[Path, typer.Argument(help="Notification YAML (kind:, party:).")],
    key: Annotated[Path, typer.Option("--key", help="The party's private key file.")],
    server: Annotated[str, typer.Option("--server", help=_SERVER_HELP)],
) -> None:
    """Sign NOTIFICATION with the key and append it to the log; print the entry's index."""
    from indivisible.exchange import Client, load_notification, read_key_file, sign_entry

    entry = load_notification(notification)
    private = read_key_file(key)
    index = Client(server).post(entry, sign_entry(entry, private), private.public_b64)
    typer.echo(str(index))


@exchange_app.command("get")
def get(
    index: Annotated[int, typer.Argument(help="Entry index.", min=0)],
    server: Annotated[str, typer.Option("--server", help=_SERVER_HELP)],
    out: Annotated[Path, typer.Option("--out", help="Bundle JSON file to write.")],
) -> None:
    """Fetch entry INDEX as a bundle (leaf, proof, checkpoint, cosignatures) into --out."""
    from indivisible.exchange import Client

    bundle = Client(server).bundle(index)
    tmp = out.with_name(out.name + ".tmp")
    try:
        tmp.write_text(json.dumps(bundle, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(tmp, out)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", path=out) from None
    cos = len(bundle["cosignatures"])
    typer.echo(
        f"Entry {index} ({bundle['entry'].get('kind')} by {bundle['party']}) in the tree of "
        f"{bundle['tree_size']}, {cos} cosignature(s): wrote {out}"
    )


@exchange_app.command("verify")
def verify(
    bundle: Annotated[Path, typer.Argument(help="Bundle JSON written by 'exchange get'.")],
    registry: Annotated[
        Path, typer.Option("--registry", help="Registry YAML with the parties' and log's keys.")
    ],
) -> None:
    """Verify a bundle offline: signature, inclusion proof, checkpoint, cosignatures.

    Exit 0 when all verify; 1 with the reason when one fails; 2 for unreadable input.
    """
    from indivisible.exchange import load_bundle, load_registry, verify_bundle

    b = load_bundle(bundle)
    reg = load_registry(registry)
    v = verify_bundle(b, reg)
    wit = ", ".join(f"{w} at {t}" for w, t in v.witnesses) or "no witness"
    typer.echo(
        f"Verified: entry {v.index} ({v.kind} by {v.party}) is in the tree of {v.tree_size} "
        f"of log {v.origin}, checkpoint signed by the log, cosigned by {wit}."
    )


@exchange_app.command("witness")
def witness(
    server: Annotated[str, typer.Option("--server", help=_SERVER_HELP)],
    key: Annotated[Path, typer.Option("--key", help="The witness party's private key file.")],
    state: Annotated[Path, typer.Option("--state", help="Folder of the witness's state.")],
) -> None:
    """Cosign the log's checkpoint after checking it extends the last one cosigned."""
    from indivisible.exchange import read_key_file, run_witness

    done = run_witness(server, read_key_file(key), state)
    before = (
        f"consistent with size {done.old_size} cosigned before"
        if done.old_size
        else "first cosignature of this log by this witness"
    )
    typer.echo(f"Cosigned checkpoint of size {done.size} of {done.origin} ({before}).")


def register(app: typer.Typer) -> None:
    """Add the ``exchange`` command group to ``app``."""
    app.add_typer(exchange_app, name="exchange")


# ----------------------------------------------------------------------------------------
# --exchange BUNDLE_DIR|URL on status, check and profile: verified notifications as facts.

EXCHANGE_HELP = (
    "Use verified notifications of the transparency exchange as facts, each shown with its "
    "log index: a folder of bundles with the verifier's registry.yaml, or a log server URL."
)


def _report(ex: Any) -> None:
    if ex.caveat:
        typer.echo(f"Note: exchange: {ex.caveat}", err=True)
    for p in ex.problems:
        typer.echo(f"Warning: exchange: {p}", err=True)


def exchange_rows(source: str, state: str | None, day: dt.date) -> list[dict[str, Any]]:
    """Rows of the verified notifications by ``state`` (or any party) dated up to ``day``."""
    from indivisible.exchange._facts import load_exchange_facts

    ex = load_exchange_facts(source)
    _report(ex)
    return [f.row() for f in ex.on(day) if state is None or f.party == state]


def exchange_scenario(source: str, scenario: Any, day: dt.date, record: Any = None) -> Any:
    """``(scenario with the notified facts, rows of the facts used or listed)``."""
    from indivisible.exchange._facts import apply_to_scenario, load_exchange_facts

    ex = load_exchange_facts(source)
    _report(ex)
    sc, _used = apply_to_scenario(scenario, ex, day, record)
    return sc, [f.row() for f in ex.on(day)]


def show_exchange(rows: list[dict[str, Any]], *, err: bool = False) -> None:
    """Print the exchange facts (to stderr when stdout carries JSON or CSV)."""
    if err:
        for r in rows:
            typer.echo(
                f"exchange entry {r['log_index']}: {r['party']} {r['kind']}: {r['summary']}",
                err=True,
            )
        return
    from indivisible.cli._render import table

    table(
        [
            (
                r["log_index"],
                r["party"],
                r["kind"],
                r["date"],
                r["summary"],
                ", ".join(r["cosigned_by"]) or "-",
            )
            for r in rows
        ],
        ["log index", "party", "kind", "date", "notified", "cosigned by"],
        title="Verified exchange notifications",
    )
