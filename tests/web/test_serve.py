"""``indivisible serve``: binds to loopback by default and serves the API and pages."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from tests.web.conftest import free_port


def test_serve_on_loopback_with_a_store(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "INDIVISIBLE_DB": str(tmp_path / "unused.db")}
    args = ["serve", "--port", str(port), "--db", f"sqlite:///{tmp_path / 'store.db'}"]
    proc = subprocess.Popen(
        [sys.executable, "-c", "from indivisible.cli import main; main()", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        body = None
        for _ in range(300):
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/statements", timeout=2)
                body = r.json()
                break
            except httpx.TransportError:
                time.sleep(0.05)
        assert body == {"count": 0, "returned": 0, "statements": []}
        assert (tmp_path / "store.db").exists()
        assert not (tmp_path / "unused.db").exists()
        page = httpx.get(f"http://127.0.0.1:{port}/map", timeout=5)
        assert page.status_code == 200
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    assert f"Serving indivisible on http://127.0.0.1:{port}/" in err.decode()


def test_serve_rejects_a_bad_port(cli) -> None:  # type: ignore[no-untyped-def]
    run = cli("serve", "--port", "70000")
    assert run.code == 2
    assert run.err == "Error: field '--port': expected a TCP port between 0 and 65535, got 70000\n"


def test_serve_on_a_busy_port_is_one_error_line(cli) -> None:  # type: ignore[no-untyped-def]
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        run = cli("serve", "--port", str(port))
    assert run.code == 2
    assert run.err == (
        f"Error: field '--port': port {port} on 127.0.0.1 is already in use (another server?); "
        "choose another --port or stop that server\n"
    )
    assert "Serving" not in run.err + run.out


def test_serve_answers_its_bound_and_allowed_names_only(tmp_path: Path) -> None:
    port = free_port()
    args = ["serve", "--port", str(port), "--db", f"sqlite:///{tmp_path / 'store.db'}",
            "--allow-host", "indivisible.lan"]  # fmt: skip
    proc = subprocess.Popen(
        [sys.executable, "-c", "from indivisible.cli import main; main()", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        url = f"http://127.0.0.1:{port}/api/meta"
        for _ in range(300):
            try:
                ok = httpx.get(url, timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        assert ok.status_code == 200
        assert httpx.get(url, headers={"Host": "indivisible.lan"}).status_code == 200
        evil = httpx.get(url, headers={"Host": "evil.example"})
        assert evil.status_code == 400
        assert "127.0.0.1, ::1, indivisible.lan, localhost" in evil.json()["error"]["message"]
    finally:
        proc.terminate()
        proc.communicate(timeout=10)
