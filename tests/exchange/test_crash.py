"""Crash safety: ``kill -9`` of the server during sustained posting from several client
processes on loopback loses no acknowledged entry, never forks the log, and every entry is
in the log exactly once. Bounded: 3 clients x 40 entries, two kills, 120 s at most."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from tests.exchange.conftest import Server, write_keys

from indivisible.exchange import Log, PrivateKey, parse_checkpoint, parse_note, verify_consistency

CLIENTS, PER_CLIENT, KILLS, DEADLINE_S = 3, 40, 2, 120.0


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as resp:
        return str(resp.read().decode("utf-8"))


def _acks(path: Path) -> list[tuple[int, int]]:
    if not path.exists():
        return []
    return [tuple(map(int, line.split())) for line in path.read_text().splitlines() if line]  # type: ignore[misc]


@pytest.mark.slow
@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def test_kill_9_loses_nothing_acknowledged_and_never_forks(
    backend: str,
    tmp_path: Path,
    server_factory: Callable[[Path, str], Server],
    request: pytest.FixtureRequest,
) -> None:
    db = (
        f"sqlite:///{tmp_path / 'log.db'}"
        if backend == "sqlite"
        else str(request.getfixturevalue("postgres_url"))
    )
    keys = {p: PrivateKey.generate(p) for p in ("POL", "RUS", "USA")}
    keyfiles = write_keys(tmp_path, keys)
    reg = tmp_path / "registry.yaml"
    reg.write_text(
        yaml.safe_dump({"parties": [{"party": p, "key": k.public_b64} for p, k in keys.items()]})
    )
    server = server_factory(reg, db)
    server.start()
    client_script = Path(__file__).with_name("_crash_client.py")
    procs = []
    for i, party in enumerate(keys):
        with open(tmp_path / f"client{i}.err", "wb") as err:
            procs.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        str(client_script),
                        server.url,
                        str(keyfiles[party]),
                        f"c{i}",
                        str(PER_CLIENT),
                        str(tmp_path / f"ack{i}.txt"),
                        str(DEADLINE_S),
                    ],
                    stdout=subprocess.DEVNULL,
                    stderr=err,
                )
            )
    start = time.monotonic()
    checkpoints: list[str] = []
    total = CLIENTS * PER_CLIENT
    for kill in range(KILLS):
        target = total * (kill + 1) // (KILLS + 2)
        while sum(len(_acks(tmp_path / f"ack{i}.txt")) for i in range(CLIENTS)) < target:
            assert time.monotonic() - start < DEADLINE_S, "clients made no progress"
            time.sleep(0.05)
        checkpoints.append(_get(server.url + "/api/exchange/checkpoint"))
        server.kill9()  # mid-stream: requests are in flight
        time.sleep(0.3)
        server.start()
    for p in procs:
        p.wait(timeout=DEADLINE_S)
        assert p.returncode == 0, [f.read_text() for f in tmp_path.glob("client*.err")]
    final = _get(server.url + "/api/exchange/checkpoint")
    server.stop()

    log = Log(db)  # what survived on disk
    try:
        notes = Counter(e.entry.get("note") for e in log.iter_entries(0, 10_000))
        # every acknowledged entry is there, at the index the client was given
        for i in range(CLIENTS):
            acks = _acks(tmp_path / f"ack{i}.txt")
            assert [j for j, _ in acks] == list(range(PER_CLIENT)), f"client {i} did not finish"
            for j, index in acks:
                assert log.entry(index).entry["note"] == f"c{i} entry {j}"
        # every entry exactly once
        assert log.size == total
        assert all(n == 1 for n in notes.values()) and len(notes) == total
        # never forked: each checkpoint seen before a kill is consistent with the final one
        last = parse_checkpoint(parse_note(final).text)
        assert last.size == total and last.root == log.tree.root()
        for note in checkpoints:
            cp = parse_checkpoint(parse_note(note).text)
            proof = log.tree.consistency_proof(cp.size, total)
            assert verify_consistency(cp.size, total, cp.root, last.root, proof)
    finally:
        log.close()
