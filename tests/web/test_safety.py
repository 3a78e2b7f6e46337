"""Safety: body size limits, malformed requests, path traversal; the server keeps serving."""

from __future__ import annotations

from collections.abc import Iterator

import httpx


def healthy(client: httpx.Client) -> None:
    r = client.get("/api/status", params={"on": "1999-03-12", "state": "POL"})
    assert r.status_code == 200
    assert r.json()["memberships"][0]["org"] == "nato"


def test_oversized_body_is_refused(client: httpx.Client) -> None:
    text = "#" * 1_100_000
    r = client.post("/api/check", json={"upload": {"filename": "big.yaml", "text": text}})
    assert r.status_code == 413
    assert r.json()["error"]["message"] == (
        "request body is larger than 1000000 bytes; send a smaller file "
        "(scenario files are a few kilobytes)"
    )
    healthy(client)


def test_oversized_chunked_body_is_refused(client: httpx.Client) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"upload": {"filename": "big.yaml", "text": "'
        for _ in range(20):
            yield b"#" * 100_000
        yield b'"}}'

    r = client.post("/api/check", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    healthy(client)


def test_malformed_requests_then_still_serving(client: httpx.Client) -> None:
    bad = [
        client.post(
            "/api/check", content=b"{not json", headers={"content-type": "application/json"}
        ),
        client.post(
            "/api/check", content=b"\xff\xfe\x00", headers={"content-type": "application/json"}
        ),
        client.post("/api/check", json=[1, 2, 3]),
        client.post("/api/check", json={"upload": {"filename": "a.yaml", "text": "[unclosed"}}),
        client.post("/api/check", json={"upload": {"filename": "a.yaml", "text": "- a\n- b\n"}}),
        client.get("/api/status", params={"on": "x" * 65}),
        client.get("/api/status", params={"on": "\u0000"}),
        client.get(
            "/api/timeline", params={"a": "RUS", "b": "USA", "from": "99999999999999999999"}
        ),
        client.get("/api/statements", params={"limit": "-1"}),
        client.get("/api/geo/..%2F..%2F..%2Fetc%2Fpasswd"),
        client.get("/static/..%2F..%2F_app.py"),
        client.get("/static/../_app.py"),
        client.get("/api/instruments/%00"),
    ]
    for r in bad:
        assert 400 <= r.status_code < 500, (r.request.url, r.status_code, r.text)
        assert "error" in r.json() or r.status_code == 404
    healthy(client)


def test_invalid_yaml_is_located(client: httpx.Client) -> None:
    r = client.post(
        "/api/check", json={"upload": {"filename": "a.yaml", "text": "scenario: [unclosed\n"}}
    )
    assert r.status_code == 422
    e = r.json()["error"]
    assert (e["path"], e["line"]) == ("a.yaml", 2)
    assert e["message"].startswith("a.yaml:2: invalid YAML: ")


def test_static_files_cannot_escape(client: httpx.Client) -> None:
    r = client.get("/static/js/common.js")
    assert r.status_code == 200
    for path in ("/static/../__init__.py", "/static/%2e%2e/__init__.py", "/static/..%2f_api.py"):
        r = client.get(path)
        assert r.status_code == 404, path
        assert "create_app" not in r.text


def test_malformed_analysis_requests_then_still_serving(client: httpx.Client) -> None:
    bad = [
        client.post(
            "/api/assess", content=b"{not json", headers={"content-type": "application/json"}
        ),
        client.post("/api/assess", json=[1, 2]),
        client.post("/api/assess", json={"action": "iskander-kaliningrad-2018", "draws": 10**30}),
        client.post(
            "/api/assess",
            json={"action_upload": {"filename": "a.yaml", "text": "action: [unclosed"}},
        ),
        client.post(
            "/api/assess",
            json={"action_upload": {"filename": "a.yaml", "text": "&a [*a]"}, "scenario": "x"},
        ),
        client.post("/api/assess", json={"action": "/etc/passwd"}),
        client.post("/api/negotiate", json={"menu": "../../etc/passwd", "parties": ["RUS"]}),
        client.post("/api/negotiate", json={"menu": "2020-2022-proposals", "parties": "RUS"}),
        client.post(
            "/api/negotiate",
            json={"menu": "2020-2022-proposals", "parties": ["RUS"], "measures": ["x"] * 25},
        ),
        client.get("/api/profile", params={"scenario": "..%2F..%2Fetc%2Fpasswd"}),
        client.get("/api/profile", params={"scenario": "europe-2022-02", "state": "\u0000"}),
    ]
    for r in bad:
        assert 400 <= r.status_code < 500, (r.request.url, r.status_code, r.text)
        assert "error" in r.json()
        assert "/work" not in r.text and "/tmp" not in r.text
    healthy(client)
