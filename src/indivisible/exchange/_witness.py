"""A witness: cosign a log's checkpoint only after checking it extends the last one cosigned.

State on disk (``--state DIR``): ``witness.json`` holds the log's origin and checkpoint key
(trusted on first use, or written there beforehand by the operator) and the size and root of
the last checkpoint this witness cosigned. It is replaced atomically (written to a temporary
file, flushed to disk, renamed) *before* the cosignature is handed out, so a crash can never
leave the witness willing to cosign a tree that contradicts one it already vouched for.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from indivisible.exchange._client import Client
from indivisible.exchange._errors import InputError, VerificationFailed
from indivisible.exchange._keys import PrivateKey, b64, unb64
from indivisible.exchange._merkle import verify_consistency
from indivisible.exchange._note import (
    Checkpoint,
    cosign,
    parse_checkpoint,
    parse_note,
    verify_note_signature,
)

__all__ = ["Cosigned", "check_and_cosign", "run_witness"]

STATE_FILE = "witness.json"


@dataclass(frozen=True)
class Cosigned:
    """What a witness run did."""

    origin: str
    old_size: int
    size: int
    line: str


def _read_state(state_dir: Path) -> dict[str, Any] | None:
    path = state_dir / STATE_FILE
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"unreadable witness state: {exc}", path=path) from None
    if not isinstance(data, dict) or not {"origin", "log_key"} <= set(data):
        raise InputError("witness state must name 'origin' and 'log_key'", path=path)
    return data


def _write_state(state_dir: Path, data: dict[str, Any]) -> None:
    state_dir.mkdir(parents=True, exist_ok=True)
    tmp = state_dir / (STATE_FILE + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=1, sort_keys=True)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, state_dir / STATE_FILE)
    fd = os.open(state_dir, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def check_and_cosign(
    state: dict[str, Any],
    note: str,
    proof: list[bytes],
    key: PrivateKey,
    *,
    now: int | None = None,
) -> tuple[Checkpoint, str, dict[str, Any]]:
    """Check ``note`` against the witness ``state`` and cosign it.

    Args:
        state: ``origin``, ``log_key`` and (after a first cosignature) ``size`` and ``root``.
        note: the log's signed checkpoint.
        proof: consistency proof from ``state['size']`` to the checkpoint's size.
        key: the witness's key; its party is the cosigner name.
        now: the cosignature timestamp (default: the current time).

    Returns:
        The checkpoint, the cosignature line and the new state.

    Raises:
        VerificationFailed: the checkpoint is malformed, not signed by the log's key, smaller
            than the last one cosigned (a truncated log), or not consistent with it (a fork).
    """
    try:
        parsed = parse_note(note)
        cp = parse_checkpoint(parsed.text)
    except ValueError as exc:
        raise VerificationFailed(f"not a checkpoint note: {exc}") from None
    if cp.origin != state["origin"]:
        raise VerificationFailed(f"checkpoint origin {cp.origin!r} is not {state['origin']!r}")
    log_key = unb64(state["log_key"], what="log key", length=32)
    if not any(
        verify_note_signature(parsed.text, s, cp.origin, log_key) for s in parsed.signatures
    ):
        raise VerificationFailed("checkpoint signature does not verify with the log's key")
    old = int(state.get("size", 0))
    old_root = bytes.fromhex(state["root"]) if "root" in state else b""
    if cp.size < old:
        raise VerificationFailed(
            f"truncated log: the checkpoint has {cp.size} entries, fewer than the {old} "
            "this witness already cosigned"
        )
    if old and not verify_consistency(old, cp.size, old_root, cp.root, proof):
        raise VerificationFailed(
            f"forked log: the checkpoint of size {cp.size} is not consistent with the "
            f"checkpoint of size {old} this witness cosigned"
        )
    stamp = int(time.time()) if now is None else now
    line = cosign(parsed.text, key.party, key, stamp).line()[:-1]
    new_state = {**state, "size": cp.size, "root": cp.root.hex(), "cosigned_at": stamp}
    return cp, line, new_state


def run_witness(server: str, key: PrivateKey, state_dir: str | Path) -> Cosigned:
    """Fetch the log's checkpoint, check it extends the last one cosigned, cosign, hand back."""
    d = Path(state_dir)
    client = Client(server)
    state = _read_state(d)
    if state is None:
        info = client.info()
        state = {"origin": info["origin"], "log_key": info["key"]}
    note = client.checkpoint()
    try:
        size = parse_checkpoint(parse_note(note).text).size
    except ValueError as exc:
        raise VerificationFailed(f"not a checkpoint note: {exc}") from None
    old = int(state.get("size", 0))
    proof = client.consistency(old, size) if 0 < old < size else []
    cp, line, new_state = check_and_cosign(state, note, proof, key)
    _write_state(d, new_state)
    if cp.size > 0:
        client.cosign(cp.size, line)
    return Cosigned(cp.origin, old, cp.size, line)


def log_key_state(origin: str, log_key: bytes) -> dict[str, Any]:
    """A fresh witness state trusting ``log_key`` for ``origin``."""
    return {"origin": origin, "log_key": b64(log_key)}
