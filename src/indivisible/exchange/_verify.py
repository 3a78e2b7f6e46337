"""Offline verification of a bundle against a registry.

A bundle verifies when, in this order: its leaf decodes to the entry, party and signature
it carries; the entry's signature verifies with the key in the leaf, which the registry
lists for the party the entry names; the inclusion proof puts the leaf at ``index`` in the
tree of ``tree_size`` whose root the checkpoint states; the checkpoint is signed by the
log's key named in the registry; and every cosignature verifies with the registered key of
the witness it names. The first failure is the reason given.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from typing import Any

from indivisible.exchange._errors import VerificationFailed
from indivisible.exchange._keys import canonical_bytes, unb64, verify_signature
from indivisible.exchange._log import decode_leaf
from indivisible.exchange._merkle import leaf_hash, verify_inclusion
from indivisible.exchange._note import (
    NoteSignature,
    parse_checkpoint,
    parse_note,
    verify_cosignature,
    verify_note_signature,
)
from indivisible.exchange.types import Bundle, Registry

__all__ = ["Verified", "verify_bundle", "verify_checkpoint"]


@dataclass(frozen=True)
class Verified:
    """What a verified bundle establishes."""

    index: int
    tree_size: int
    party: str
    kind: str
    origin: str
    witnesses: tuple[tuple[str, int], ...] = field(default_factory=tuple)
    """(witness, cosignature timestamp) pairs."""
    entry: dict[str, Any] = field(default_factory=dict)
    """The notification exactly as logged (decoded from the leaf)."""


def _fail(reason: str) -> VerificationFailed:
    return VerificationFailed(reason)


def verify_checkpoint(
    note: str, registry: Registry, cosigs: tuple[str, ...] = ()
) -> tuple[str, int, bytes, tuple[tuple[str, int], ...]]:
    """Verify a checkpoint note and cosignature lines; return origin, size, root, witnesses.

    Raises:
        VerificationFailed: with the reason.
    """
    if registry.log is None:
        raise _fail(
            "the registry names no log key ('log: {origin, key}'): cannot check "
            "the checkpoint's signature"
        )
    try:
        parsed = parse_note(note)
        cp = parse_checkpoint(parsed.text)
    except ValueError as exc:
        raise _fail(f"checkpoint is not a C2SP checkpoint note: {exc}") from None
    if cp.origin != registry.log.origin:
        raise _fail(
            f"checkpoint origin {cp.origin!r} is not the registry's log {registry.log.origin!r}"
        )
    log_key = unb64(registry.log.key, what="log key", length=32)
    if not any(
        verify_note_signature(parsed.text, s, cp.origin, log_key) for s in parsed.signatures
    ):
        raise _fail("checkpoint signature does not verify with the log's key")
    witnesses: list[tuple[str, int]] = []
    for line in cosigs:
        try:
            sig = NoteSignature.parse(line)
        except ValueError as exc:
            raise _fail(f"malformed cosignature: {exc}") from None
        keys = registry.keys_of(sig.name)
        if not keys:
            raise _fail(f"cosignature by {sig.name!r}, which the registry does not list")
        stamps = [
            verify_cosignature(parsed.text, sig, sig.name, unb64(k, what="key", length=32))
            for k in keys
        ]
        good = [t for t in stamps if t is not None]
        if not good:
            raise _fail(f"cosignature by {sig.name} does not verify")
        witnesses.append((sig.name, good[0]))
    return cp.origin, cp.size, cp.root, tuple(witnesses)


def verify_bundle(bundle: Bundle, registry: Registry) -> Verified:
    """Verify ``bundle`` offline against ``registry``.

    Raises:
        VerificationFailed: the first check that fails, with the reason.
    """
    try:
        leaf = base64.b64decode(bundle.leaf.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise _fail("leaf is not standard base64") from None
    try:
        logged = decode_leaf(leaf, bundle.index)
    except ValueError as exc:
        raise _fail(f"leaf: {exc}") from None
    if canonical_bytes(logged.entry) != canonical_bytes(bundle.entry):
        raise _fail("the bundle's entry is not the logged entry (tampered bundle)")
    if logged.signature != bundle.signature:
        raise _fail("the bundle's signature is not the logged signature (tampered bundle)")
    party = str(bundle.entry.get("party", ""))
    if bundle.party != party:
        raise _fail(f"the bundle names party {bundle.party!r} but the entry names {party!r}")
    owner = registry.party_of(logged.key)
    if owner is None:
        raise _fail(
            f"the entry was signed by key {logged.key}, which the registry does not "
            "list (a rotated key: add it to the registry)"
        )
    if owner != party:
        raise _fail(f"the entry names party {party} but was signed by a key of {owner}")
    try:
        sig = unb64(logged.signature, what="signature", length=64)
    except ValueError as exc:
        raise _fail(str(exc)) from None
    public = unb64(logged.key, what="key", length=32)
    if not verify_signature(public, sig, canonical_bytes(logged.entry)):
        raise _fail(f"the entry's signature does not verify with {party}'s key")
    origin, size, root, witnesses = verify_checkpoint(
        bundle.checkpoint, registry, bundle.cosignatures
    )
    if size != bundle.tree_size:
        raise _fail(f"tree_size {bundle.tree_size} is not the checkpoint's size {size}")
    proof = [bytes.fromhex(p) for p in bundle.inclusion_proof]
    if not verify_inclusion(leaf_hash(leaf), bundle.index, size, proof, root):
        raise _fail(
            f"the inclusion proof does not put the leaf at index {bundle.index} of "
            f"the checkpoint's tree of {size}"
        )
    return Verified(bundle.index, size, party, logged.kind, origin, witnesses, logged.entry)
