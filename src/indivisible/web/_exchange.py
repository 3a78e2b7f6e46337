"""The ``/exchange`` page: the transparency log's entries with their verified state.

The page is served by ``indivisible exchange serve`` (its live log) and by the main web app
(``indivisible serve``), which reads the log kept in its own database, if there is one. Each
entry is re-verified when the page is drawn: its signature with the key it names, that key
being the registered (not revoked, not replaced) key of the party, and its inclusion proof
against the current signed checkpoint; the checkpoint's signature and the witnesses'
cosignatures of the newest cosigned checkpoint are checked, and its consistency with the
current one.
"""

from __future__ import annotations

import html
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

__all__ = ["render_log_page", "router"]

router = APIRouter()


def _open_log(request: Request) -> Any:
    log = getattr(request.app.state, "exchange_log", None)
    if log is not None:
        return log
    config = getattr(request.app.state, "config", None)
    url = getattr(config, "db_url", None)
    if url is None:
        from indivisible.ingest._store import default_db_url

        url = default_db_url()
    from indivisible.exchange._log import open_existing

    return open_existing(url)


@router.get("/exchange", response_class=HTMLResponse, include_in_schema=False)
def exchange_page(
    request: Request,
    start: int = Query(0, ge=0),
    limit: int = Query(200, ge=1, le=1000),
) -> HTMLResponse:
    """The log page."""
    try:
        log = _open_log(request)
    except Exception as exc:  # an unreachable or broken database: say so on the page
        return HTMLResponse(
            _page(f"<p class='error'>Cannot open the log: {html.escape(str(exc))}</p>"),
            status_code=503,
        )
    if log is None:
        return HTMLResponse(
            _page(
                "<p>No exchange log in this database. Start one with "
                "<code>indivisible exchange serve --registry …</code>.</p>"
            )
        )
    return HTMLResponse(_page(render_log_page(log, start, limit)))


def _page(body: str) -> str:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Exchange log · indivisible</title>"
        "<link rel='stylesheet' href='/static/css/site.css'></head><body><main>"
        "<h1>Transparency exchange</h1>" + body + "<p><a href='/openapi.json'>API schema</a>"
        "</p></main></body></html>"
    )


def render_log_page(log: Any, start: int = 0, limit: int = 200) -> str:
    """HTML of the log's summary and entries ``start`` .. ``start + limit``, each verified."""
    from indivisible.exchange._keys import canonical_bytes, unb64, verify_signature
    from indivisible.exchange._merkle import leaf_hash, verify_consistency, verify_inclusion
    from indivisible.exchange._note import (
        parse_checkpoint,
        parse_note,
        verify_cosignature,
        verify_note_signature,
    )

    e = html.escape
    size = log.size
    note = log.checkpoint()
    parsed = parse_note(note)
    cp = parse_checkpoint(parsed.text)
    log_key = unb64(log.public_key, what="log key", length=32)
    cp_ok = any(
        verify_note_signature(parsed.text, s, log.origin, log_key) for s in parsed.signatures
    )
    out = [
        f"<p data-testid='exchange-summary'>Log <code>{e(log.origin)}</code>: "
        f"<strong>{size}</strong> entries; checkpoint signature "
        f"<strong>{'verified' if cp_ok else 'FAILS'}</strong>; root "
        f"<code>{cp.root.hex()[:16]}…</code>.</p>"
    ]
    cosigned = [s for s in log.cosigned_sizes() if s <= size]
    if cosigned:
        last = cosigned[-1]
        text = parse_note(log.checkpoint(last)).text
        names = []
        for line in log.cosignatures_of(last):
            from indivisible.exchange._note import NoteSignature

            sig = NoteSignature.parse(line)
            ok = any(
                verify_cosignature(text, sig, sig.name, unb64(k, what="key", length=32)) is not None
                for k in log.registry.keys_of(sig.name)
                + tuple(k for k, p in log.keys.owner.items() if p == sig.name)
            )
            names.append(f"{e(sig.name)} ({'verified' if ok else 'FAILS'})")
        consistent = verify_consistency(
            last, size, log.tree.root(last), cp.root, log.tree.consistency_proof(last, size)
        )
        out.append(
            f"<p data-testid='exchange-witnesses'>Newest cosigned checkpoint: size {last}, "
            f"cosigned by {', '.join(names)}; the current tree is "
            f"{'consistent' if consistent else 'NOT consistent'} with it.</p>"
        )
    else:
        out.append("<p data-testid='exchange-witnesses'>No checkpoint is cosigned yet.</p>")
    out.append(
        "<table data-testid='exchange-entries'><thead><tr><th>Index</th><th>Party</th>"
        "<th>Kind</th><th>Date</th><th>Received</th><th>Signature</th><th>Included</th>"
        "</tr></thead><tbody>"
    )
    for entry in log.iter_entries(start, limit):
        sig_ok = (
            verify_signature(
                unb64(entry.key, what="key", length=32),
                unb64(entry.signature, what="signature", length=64),
                canonical_bytes(entry.entry),
            )
            and log.keys.owner.get(entry.key) == entry.party
        )
        inc_ok = verify_inclusion(
            leaf_hash(entry.leaf),
            entry.index,
            size,
            log.tree.inclusion_proof(entry.index, size),
            cp.root,
        )
        d = entry.entry
        when = d.get("notified_on") or d.get("as_of") or d.get("from") or d.get("date") or ""
        ended = log.keys.ended.get(entry.key)
        key_note = f" (key later {ended[0]} at {ended[1]})" if ended else ""
        out.append(
            f"<tr><td>{entry.index}</td><td>{e(entry.party)}</td><td>{e(entry.kind)}</td>"
            f"<td>{e(str(when))}</td><td>{e(entry.received)}</td>"
            f"<td>{'verified' if sig_ok else 'FAILS'}{e(key_note)}</td>"
            f"<td>{'verified' if inc_ok else 'FAILS'}</td></tr>"
        )
    out.append("</tbody></table>")
    return "".join(out)
