"""Witnesses cosign only a checkpoint consistent with the last one they cosigned.

Refused with the reason, the state on disk unchanged: a truncated log, a forked log (same
size, other root; or a bigger tree that does not extend the old one), a checkpoint the log
did not sign, a checkpoint of another log.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from indivisible.exchange import (
    Log,
    MerkleTree,
    PrivateKey,
    VerificationFailed,
    check_and_cosign,
    sign_entry,
)
from indivisible.exchange._note import (
    Checkpoint,
    NoteSignature,
    parse_note,
    sign_note,
    verify_cosignature,
)
from indivisible.exchange._witness import STATE_FILE, _write_state
from indivisible.exchange.types import Registry


def _post(log: Log, keys: dict[str, PrivateKey], n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        e = {
            "kind": "status_event",
            "party": "POL",
            "instrument": "open-skies-1992",
            "event": "signed",
            "date": f"2027-{i // 28 + 1:02d}-{i % 28 + 1:02d}",
        }
        log.submit(e, sign_entry(e, keys["POL"]))


@pytest.fixture
def sqlite_log(tmp_path: Path, registry: Registry) -> Log:
    return Log(f"sqlite:///{tmp_path / 'log.db'}", registry)


def _state(log: Log) -> dict[str, Any]:
    return {"origin": log.origin, "log_key": log.public_key}


def test_cosigns_consistent_growth(sqlite_log: Log, keys: dict[str, PrivateKey]) -> None:
    log, w = sqlite_log, keys["FIN"]
    state = _state(log)
    _post(log, keys, 5)
    cp, line, state = check_and_cosign(state, log.checkpoint(), [], w, now=100)
    assert cp.size == 5 and state["size"] == 5
    sig = NoteSignature.parse(line)
    assert verify_cosignature(parse_note(log.checkpoint()).text, sig, "FIN", w.public) == 100
    assert log.add_cosignature(5, line) == "FIN"
    _post(log, keys, 6, start=5)
    proof = log.tree.consistency_proof(5, 11)
    cp, _, state = check_and_cosign(state, log.checkpoint(), proof, w, now=101)
    assert cp.size == 11 and state["root"] == log.tree.root().hex()
    # the same checkpoint again is fine (no growth)
    check_and_cosign(state, log.checkpoint(), [], w, now=102)


def test_refuses_a_truncated_log(sqlite_log: Log, keys: dict[str, PrivateKey]) -> None:
    log, w = sqlite_log, keys["FIN"]
    _post(log, keys, 8)
    _, _, state = check_and_cosign(_state(log), log.checkpoint(), [], w)
    with pytest.raises(VerificationFailed, match="truncated log: the checkpoint has 5 entries"):
        check_and_cosign(state, log.checkpoint(5), [], w)


def _forged_checkpoint(log: Log, leaves: list[bytes]) -> tuple[str, MerkleTree]:
    """A checkpoint the log's key signs over another history (a split view)."""
    t = MerkleTree()
    for leaf in leaves:
        t.append(leaf)
    text = Checkpoint(log.origin, t.size, t.root()).text()
    return text + "\n" + sign_note(text, log.origin, log._log_key).line(), t


def test_refuses_a_fork_of_the_same_size(sqlite_log: Log, keys: dict[str, PrivateKey]) -> None:
    log, w = sqlite_log, keys["FIN"]
    _post(log, keys, 6)
    _, _, state = check_and_cosign(_state(log), log.checkpoint(), [], w)
    forged, _ = _forged_checkpoint(log, [b"x%d" % i for i in range(6)])
    with pytest.raises(VerificationFailed, match="forked log"):
        check_and_cosign(state, forged, [], w)


def test_refuses_an_inconsistent_bigger_checkpoint(
    sqlite_log: Log, keys: dict[str, PrivateKey]
) -> None:
    log, w = sqlite_log, keys["FIN"]
    _post(log, keys, 6)
    _, _, state = check_and_cosign(_state(log), log.checkpoint(), [], w)
    forged, t = _forged_checkpoint(log, [b"x%d" % i for i in range(9)])
    with pytest.raises(VerificationFailed, match="forked log: the checkpoint of size 9"):
        check_and_cosign(state, forged, t.consistency_proof(6, 9), w)
    # nor does the real log's proof make the forged checkpoint acceptable
    _post(log, keys, 3, start=6)
    with pytest.raises(VerificationFailed, match="forked log"):
        check_and_cosign(state, forged, log.tree.consistency_proof(6, 9), w)


def test_refuses_unsigned_or_foreign_checkpoints(
    sqlite_log: Log, keys: dict[str, PrivateKey]
) -> None:
    log, w = sqlite_log, keys["FIN"]
    _post(log, keys, 2)
    text = parse_note(log.checkpoint()).text
    by_other = text + "\n" + sign_note(text, log.origin, keys["RUS"]).line()
    with pytest.raises(VerificationFailed, match="signature does not verify"):
        check_and_cosign(_state(log), by_other, [], w)
    with pytest.raises(VerificationFailed, match="origin"):
        check_and_cosign({**_state(log), "origin": "other/log"}, log.checkpoint(), [], w)


def test_state_is_written_atomically(tmp_path: Path) -> None:
    _write_state(tmp_path / "w", {"origin": "o", "log_key": "k", "size": 3})
    assert json.loads((tmp_path / "w" / STATE_FILE).read_text())["size"] == 3
    assert not (tmp_path / "w" / (STATE_FILE + ".tmp")).exists()
