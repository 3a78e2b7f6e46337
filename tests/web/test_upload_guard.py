"""Uploads cannot reach the file system: ``extends`` may name only a bundled example.

The attack of issue #11 over real HTTP (uvicorn on loopback): an uploaded scenario whose
``extends`` names ``/etc/passwd`` or a planted file, with and without the invalid-value
bypass (``note: 2023-02-30`` made the old guard skip), through every endpoint that takes
an upload. Each answer is 422 "may extend only a bundled example" and holds no byte of the
file; a missing path and an existing one are answered alike.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import httpx
import pytest

PASSWD = Path("/etc/passwd")
GUARD = "may extend only a bundled example"


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A scenario-looking file of the server's, with a secret in a key and in a value."""
    token = secrets.token_hex(16)
    path = tmp_path_factory.mktemp("srv") / "secret.yaml"
    path.write_text(
        f"scenario: secret {token}\ndate: 2020-01-01\nkey_{token}: x\nextends: ../x.yaml\n",
        encoding="utf-8",
    )
    return path, token


def scenario_text(base: str, *, bypass: bool) -> str:
    note = "note: 2023-02-30\n" if bypass else ""
    return f"scenario: attack\ndate: 2020-01-01\n{note}extends: {base}\n"


def post(client: httpx.Client, endpoint: str, text: str) -> httpx.Response:
    upload = {"filename": "attack.yaml", "text": text}
    body: dict[str, Any] = {"upload": upload}
    if endpoint == "/api/check/range":
        body.update({"from": "2020-01-01", "to": "2020-12-31"})
    elif endpoint == "/api/assess":
        body["action"] = "iskander-kaliningrad-2018"
    return client.post(endpoint, json=body)


ENDPOINTS = ["/api/check", "/api/check/range", "/api/assess"]


def assert_refused(r: httpx.Response, secret: bytes | None = None) -> None:
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert GUARD in error["message"]
    assert error["field"] == "extends"
    assert error["path"] == "attack.yaml"
    for line in PASSWD.read_bytes().splitlines():
        # every line of /etc/passwd has a ':'-separated record; none may come back
        assert line not in r.content
    assert b"root:" not in r.content
    if secret is not None:
        assert secret not in r.content


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("bypass", [False, True], ids=["plain", "invalid-value-bypass"])
def test_extends_etc_passwd_is_refused(client: httpx.Client, endpoint: str, bypass: bool) -> None:
    for base in ("/etc/passwd", "../../../../../../etc/passwd", '"/etc/passwd"'):
        assert_refused(post(client, endpoint, scenario_text(base, bypass=bypass)))


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("bypass", [False, True], ids=["plain", "invalid-value-bypass"])
def test_extends_a_planted_file_is_refused(
    client: httpx.Client, planted: tuple[Path, str], endpoint: str, bypass: bool
) -> None:
    path, token = planted
    r = post(client, endpoint, scenario_text(str(path), bypass=bypass))
    assert_refused(r, token.encode())
    assert b"key_" not in r.content and b"secret " not in r.content


@pytest.mark.parametrize(
    "text",
    [
        # every spelling of the key and the value that the loader would follow
        "scenario: a\ndate: 2020-01-01\n'extends': {path}\n",
        'scenario: a\ndate: 2020-01-01\n"ext\\x65nds": {path}\n',
        "scenario: a\ndate: 2020-01-01\n!!str extends: !!str {path}\n",
        "scenario: a\ndate: 2020-01-01\nextends: >-\n  {path}\n",
        "scenario: &p {path}\ndate: 2020-01-01\nextends: *p\n",
        "scenario: a\ndate: 2020-01-01\nextends: europe-today.yaml\nextends: {path}\n",
        "scenario: a\ndate: 2020-01-01\nextends: [{path}]\n",
        # invalid values elsewhere must not make the check be skipped
        "scenario: a\ndate: 2023-02-30\nextends: {path}\n",
        "scenario: a\ndate: 2020-01-01\nholdings: !!int x\nextends: {path}\n",
        "scenario: a\ndate: 2020-01-01\nnote: 99999999999999999999999999\nextends: {path}\n",
        "extends: {path}\nscenario: [a\n",
    ],
)
def test_no_spelling_escapes_the_guard(
    client: httpx.Client, planted: tuple[Path, str], text: str
) -> None:
    path, token = planted
    r = post(client, "/api/check", text.format(path=path))
    assert r.status_code == 422, r.text
    assert token.encode() not in r.content
    if "[a\n" in text:  # not YAML at all: refused by the parser, before any file
        assert "invalid YAML" in r.json()["error"]["message"]
    else:
        assert_refused(r, token.encode())


def test_a_missing_path_and_an_existing_one_are_answered_alike(client: httpx.Client) -> None:
    """Nothing tells whether a path exists: the answers differ only by the echoed value."""
    for bypass in (False, True):
        a = post(client, "/api/check", scenario_text("/etc/passwd", bypass=bypass))
        b = post(client, "/api/check", scenario_text("/etc/no-such-file", bypass=bypass))
        assert a.status_code == b.status_code == 422
        assert a.text.replace("passwd", "X") == b.text.replace("no-such-file", "X")


def test_a_merge_key_cannot_smuggle_extends(client: httpx.Client) -> None:
    text = "scenario: a\ndate: 2020-01-01\n!!merge <<: {extends: /etc/passwd}\n"
    r = post(client, "/api/check", text)
    assert r.status_code == 422
    assert "merge keys ('<<') are not accepted" in r.json()["error"]["message"]
    assert b"root:" not in r.content


def test_extending_a_bundled_example_still_works(client: httpx.Client) -> None:
    text = "scenario: my variant\nextends: europe-today.yaml\nnote: a variant of today\n"
    r = post(client, "/api/check", text)
    assert r.status_code == 200, r.text
    assert r.json()["scenario"] == "my variant"
    # a bundled example's own bases are followed (europe-today extends europe-2022-02...)
    assert r.json()["findings"]
