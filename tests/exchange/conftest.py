"""Fixtures of the exchange tests: parties' keys, a registry, logs on SQLite and PostgreSQL,
and a real log server started in a subprocess on loopback."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

# The PostgreSQL server fixtures of the ingest tests (a throw-away server on loopback).
from tests.ingest.conftest import postgres_server, postgres_url  # noqa: F401

from indivisible.exchange import Log, PrivateKey, write_key_file
from indivisible.exchange.types import Registry

EXAMPLES = Path(__file__).parents[2] / "examples" / "exchange"
PARTIES = ("POL", "BLR", "USA", "RUS", "FIN", "DEU")


@pytest.fixture(scope="session")
def keys() -> dict[str, PrivateKey]:
    return {p: PrivateKey.generate(p) for p in PARTIES}


@pytest.fixture(scope="session")
def registry(keys: dict[str, PrivateKey]) -> Registry:
    return Registry.model_validate(
        {"parties": [{"party": p, "key": k.public_b64} for p, k in keys.items()]}
    )


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each log test runs once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'log.db'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def log(db_url: str, registry: Registry) -> Iterator[Log]:
    lg = Log(db_url, registry)
    yield lg
    lg.close()


def with_log_key(registry: Registry, log: Log) -> Registry:
    """The registry a verifier holds: the parties' keys and the log's."""
    return Registry.model_validate(
        {
            "parties": [p.model_dump() for p in registry.parties],
            "log": {"origin": log.origin, "key": log.public_key},
        }
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def write_registry(path: Path, registry: Registry) -> Path:
    data: dict[str, Any] = {"parties": [p.model_dump() for p in registry.parties]}
    if registry.log is not None:
        data["log"] = registry.log.model_dump()
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def write_keys(folder: Path, keys: dict[str, PrivateKey]) -> dict[str, Path]:
    out = {}
    for party, key in keys.items():
        out[party] = folder / f"{party}.key"
        if not out[party].exists():
            write_key_file(key, out[party])
    return out


class Server:
    """A log server (``indivisible exchange serve``) in a subprocess on loopback."""

    def __init__(self, registry: Path, db: str, workdir: Path) -> None:
        self.registry, self.db, self.workdir = registry, db, workdir
        self.proc: subprocess.Popen[bytes] | None = None
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> None:
        port = self.port
        cmd = [
            sys.executable,
            "-c",
            "from indivisible.cli import run; run()",
            "exchange",
            "serve",
            "--registry",
            str(self.registry),
            "--db",
            self.db,
            "--port",
            str(port),
        ]
        with open(self.workdir / "server.log", "ab") as log:
            self.proc = subprocess.Popen(cmd, stdout=log, stderr=log, env={**os.environ})
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError((self.workdir / "server.log").read_text())
            try:
                with urllib.request.urlopen(self.url + "/api/exchange/log", timeout=2):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the log server did not start in time")

    def kill9(self) -> None:
        assert self.proc is not None
        self.proc.kill()  # SIGKILL
        self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=20)


@pytest.fixture
def server_factory(tmp_path: Path) -> Iterator[Callable[[Path, str], Server]]:
    started: list[Server] = []

    def make(registry: Path, db: str) -> Server:
        s = Server(registry, db, tmp_path)
        started.append(s)
        return s

    yield make
    for s in started:
        s.stop()


@contextlib.contextmanager
def serving(app: Any) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free loopback port in a thread; yield its base URL."""
    import uvicorn

    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)
