"""The log's HTTP API (in the OpenAPI schema) and the /exchange page, in process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.exchange.conftest import serving

from indivisible.exchange import Log, PrivateKey, sign_entry
from indivisible.exchange._note import cosign, parse_note
from indivisible.exchange._server import create_exchange_app
from indivisible.exchange.types import Registry


def _entry(day: int, party: str = "POL") -> dict[str, Any]:
    return {
        "kind": "status_event",
        "party": party,
        "instrument": "open-skies-1992",
        "event": "signed",
        "date": f"2027-01-{day:02d}",
    }


@pytest.fixture
def client(tmp_path: Path, registry: Registry) -> Iterator[httpx.Client]:
    log = Log(f"sqlite:///{tmp_path / 'log.db'}", registry)
    with serving(create_exchange_app(log)) as url, httpx.Client(base_url=url) as c:
        yield c


def test_endpoints_are_in_the_openapi_schema(client: httpx.Client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for p in (
        "/api/exchange/log",
        "/api/exchange/checkpoint",
        "/api/exchange/entries",
        "/api/exchange/entries/{index}",
        "/api/exchange/bundle/{index}",
        "/api/exchange/proof/inclusion",
        "/api/exchange/proof/consistency",
        "/api/exchange/cosignatures",
        "/api/exchange/checkpoint/{size}",
    ):
        assert p in paths, p
    assert "post" in paths["/api/exchange/entries"]


def test_post_get_and_refusals(client: httpx.Client, keys: dict[str, PrivateKey]) -> None:
    e = _entry(1)
    sig = sign_entry(e, keys["POL"])
    r = client.post("/api/exchange/entries", json={"entry": e, "signature": sig})
    assert r.status_code == 200 and r.json() == {"index": 0, "tree_size": 1}
    r = client.post("/api/exchange/entries", json={"entry": e, "signature": sig})
    assert r.status_code == 409 and r.json()["detail"]["index"] == 0
    assert "replayed" in r.json()["detail"]["error"]
    r = client.post(
        "/api/exchange/entries",
        json={
            "entry": _entry(2),
            "signature": sign_entry(_entry(2), keys["RUS"]),
            "key": keys["RUS"].public_b64,
        },
    )
    assert r.status_code == 403 and "signed by a key of RUS" in r.json()["detail"]["error"]
    r = client.post("/api/exchange/entries", json={"entry": {"kind": "x"}, "signature": sig})
    assert r.status_code == 422
    assert client.get("/api/exchange/entries/0").json()["entry"] == e
    assert client.get("/api/exchange/entries/5").status_code == 404
    assert client.get("/api/exchange/bundle/0").json()["index"] == 0
    assert client.get("/api/exchange/checkpoint").text.startswith("indivisible.exchange/log\n1\n")


def test_oversized_bodies_are_refused(client: httpx.Client) -> None:
    r = client.post(
        "/api/exchange/entries",
        content=b"{" + b" " * 2_000_000 + b"}",
        headers={"content-type": "application/json"},
    )
    assert r.status_code == 413


def test_cosignatures_are_checked(client: httpx.Client, keys: dict[str, PrivateKey]) -> None:
    for d in (1, 2, 3):
        client.post(
            "/api/exchange/entries",
            json={"entry": _entry(d), "signature": sign_entry(_entry(d), keys["POL"])},
        )
    text = parse_note(client.get("/api/exchange/checkpoint").text).text
    good = cosign(text, "FIN", keys["FIN"], 5).line()
    assert (
        client.post("/api/exchange/cosignatures", json={"size": 3, "cosignature": good}).status_code
        == 200
    )
    bad = cosign(text, "FIN", keys["RUS"], 5).line()
    r = client.post("/api/exchange/cosignatures", json={"size": 3, "cosignature": bad})
    assert r.status_code == 403 and "does not verify" in r.json()["detail"]["error"]
    r = client.post("/api/exchange/cosignatures", json={"size": 2, "cosignature": good})
    assert r.status_code == 403
    assert client.get("/api/exchange/bundle/1").json()["cosignatures"] == [good.strip()]


def test_the_page_lists_the_log_verified(client: httpx.Client, keys: dict[str, PrivateKey]) -> None:
    for d in (1, 2):
        client.post(
            "/api/exchange/entries",
            json={"entry": _entry(d), "signature": sign_entry(_entry(d), keys["POL"])},
        )
    page = client.get("/exchange").text
    assert "<strong>2</strong> entries" in page and "checkpoint signature <strong>verified" in page
    assert page.count("<td>verified</td>") == 4  # signature and inclusion, for each entry
    assert "No checkpoint is cosigned yet" in page


def test_main_web_app_shows_the_log_kept_in_its_database(
    tmp_path: Path, registry: Registry, keys: dict[str, PrivateKey]
) -> None:
    from indivisible.web import create_app

    url = f"sqlite:///{tmp_path / 'store.db'}"
    with serving(create_app(db_url=url)) as base, httpx.Client(base_url=base) as c:
        _main_page(c, tmp_path, url, registry, keys)


def _main_page(
    c: httpx.Client, tmp_path: Path, url: str, registry: Registry, keys: dict[str, PrivateKey]
) -> None:
    assert "No exchange log in this database" in c.get("/exchange").text
    assert not (tmp_path / "store.db").exists() or "exchange_meta" not in str(
        (tmp_path / "store.db").read_bytes()
    )
    log = Log(url, registry)
    e = _entry(3)
    log.submit(e, sign_entry(e, keys["POL"]))
    page = c.get("/exchange").text
    assert "<strong>1</strong> entries" in page and "status_event" in page


def test_served_proofs_verify_independently(
    client: httpx.Client, keys: dict[str, PrivateKey]
) -> None:
    import base64
    import json

    from tests.exchange.test_merkle import independent_consistency, independent_inclusion

    from indivisible.exchange import parse_checkpoint

    roots = {}
    for d in range(1, 8):
        e = _entry(d)
        client.post(
            "/api/exchange/entries", json={"entry": e, "signature": sign_entry(e, keys["POL"])}
        )
        roots[d] = parse_checkpoint(
            parse_note(client.get("/api/exchange/checkpoint").text).text
        ).root
    for index in range(7):
        leaf = base64.b64decode(client.get(f"/api/exchange/bundle/{index}").json()["leaf"])
        for size in range(index + 1, 8):
            proof = client.get(f"/api/exchange/proof/inclusion?index={index}&size={size}").json()
            path = [bytes.fromhex(h) for h in proof["proof"]]
            assert independent_inclusion(leaf, index, size, path, roots[size])
    for old in range(1, 8):
        for new in range(old, 8):
            proof = client.get(f"/api/exchange/proof/consistency?old={old}&new={new}").json()
            path = [bytes.fromhex(h) for h in proof["proof"]]
            assert independent_consistency(old, new, roots[old], roots[new], path)
    assert json.loads(client.get("/api/exchange/log").text)["size"] == 7
