"""The ``Host`` allow-list: a page of another site cannot drive the loopback server.

DNS rebinding makes a browser send a hostile page's requests to 127.0.0.1 with that page's
own name in ``Host``; the server answers only to its own names (loopback by default, plus
what ``serve --host`` binds and ``--allow-host`` adds).
"""

from __future__ import annotations

import httpx
import pytest
from tests.web.test_limits import serving

from indivisible.web._app import LOOPBACK_HOSTS, host_name


def port_of(client: httpx.Client) -> int:
    port = client.base_url.port
    assert port is not None
    return port


@pytest.mark.parametrize(
    "host",
    ["evil.example", "evil.example:{port}", "127.0.0.1.evil.example", "localhost.evil", "",
     "localhost:notaport", "[::1]x", "attacker.test:80"],
)  # fmt: skip
def test_foreign_host_is_refused(client: httpx.Client, host: str) -> None:
    header = host.format(port=port_of(client))
    r = client.get("/api/meta", headers={"Host": header})
    assert r.status_code == 400
    message = r.json()["error"]["message"]
    assert "is not a name of this server (it answers to 127.0.0.1, ::1, localhost)" in message


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "[::1]:{port}",
                                  "LOCALHOST", "localhost."])  # fmt: skip
def test_loopback_names_are_answered(client: httpx.Client, host: str) -> None:
    r = client.get("/api/meta", headers={"Host": host.format(port=port_of(client))})
    assert r.status_code == 200


def test_foreign_host_cannot_post_an_upload_or_load_a_page(client: httpx.Client) -> None:
    """Refused before the body is read: the upload attack gets no further than the door."""
    text = "scenario: a\ndate: 2020-01-01\nnote: 2023-02-30\nextends: /etc/passwd\n"
    evil = {"Host": "evil.example"}
    r = client.post("/api/check", json={"upload": {"text": text}}, headers=evil)
    assert r.status_code == 400
    assert b"root:" not in r.content and b"extends" not in r.content
    assert client.get("/map", headers=evil).status_code == 400
    assert client.get("/static/js/common.js", headers=evil).status_code == 400


def test_allowed_hosts_are_configurable() -> None:
    from indivisible.web import create_app

    app = create_app(allowed_hosts=[*LOOPBACK_HOSTS, "indivisible.lan"])
    with serving(app) as base, httpx.Client(base_url=base, timeout=30) as c:
        assert c.get("/api/meta", headers={"Host": "indivisible.lan:80"}).status_code == 200
        assert c.get("/api/meta").status_code == 200
        assert c.get("/api/meta", headers={"Host": "evil.example"}).status_code == 400
    with serving(create_app(allowed_hosts=["*"])) as base, httpx.Client(base_url=base) as c:
        assert c.get("/api/meta", headers={"Host": "anything"}).status_code == 200


@pytest.mark.parametrize(
    ("header", "name"),
    [("a.b:1", "a.b"), ("[::1]", "::1"), ("::1", "::1"), ("[fe80::1]:8", "fe80::1"),
     ("x:", "x"), (":80", None), ("[::1", None), ("a:b:c:d", "a:b:c:d"), ("  Host.  ", "host")],
)  # fmt: skip
def test_host_name(header: str, name: str | None) -> None:
    assert host_name(header) == name
