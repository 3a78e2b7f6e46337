"""The transparency exchange: signed notifications in a log nobody can rewrite.

Parties (states of the record, organisations) sign typed notifications with Ed25519 keys
listed in a registry; the log appends them to an RFC 9162 Merkle tree, publishes C2SP
signed checkpoints, serves inclusion and consistency proofs, and collects witnesses'
cosignatures. A bundle proves offline what a party said and when it was logged; it does not
prove that what was said is true. See ``docs/exchange.md``.

Front door::

    from indivisible.exchange import Log, load_registry, verify_bundle
"""

from indivisible.exchange._client import Client, sign_entry
from indivisible.exchange._errors import ExchangeError, InputError, Rejected, VerificationFailed
from indivisible.exchange._files import (
    load_bundle,
    load_notification,
    load_registry,
    notification_json,
)
from indivisible.exchange._keys import PrivateKey, canonical_bytes, read_key_file, write_key_file
from indivisible.exchange._log import DEFAULT_ORIGIN, Log, LoggedEntry, decode_leaf, open_existing
from indivisible.exchange._merkle import (
    MerkleTree,
    leaf_hash,
    node_hash,
    verify_consistency,
    verify_inclusion,
)
from indivisible.exchange._note import (
    Checkpoint,
    Note,
    NoteSignature,
    cosign,
    key_id,
    parse_checkpoint,
    parse_note,
)
from indivisible.exchange._verify import Verified, verify_bundle, verify_checkpoint
from indivisible.exchange._witness import Cosigned, check_and_cosign, run_witness

__all__ = [
    "DEFAULT_ORIGIN",
    "Checkpoint",
    "Client",
    "Cosigned",
    "ExchangeError",
    "InputError",
    "Log",
    "LoggedEntry",
    "MerkleTree",
    "Note",
    "NoteSignature",
    "PrivateKey",
    "Rejected",
    "VerificationFailed",
    "Verified",
    "canonical_bytes",
    "check_and_cosign",
    "cosign",
    "decode_leaf",
    "key_id",
    "leaf_hash",
    "load_bundle",
    "load_notification",
    "load_registry",
    "node_hash",
    "notification_json",
    "open_existing",
    "parse_checkpoint",
    "parse_note",
    "read_key_file",
    "run_witness",
    "sign_entry",
    "verify_bundle",
    "verify_checkpoint",
    "verify_consistency",
    "verify_inclusion",
    "write_key_file",
]
