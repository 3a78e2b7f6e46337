"""Canonical bytes, Ed25519 keys, key files and signatures.

* Canonical bytes of a notification: JSON with sorted keys, UTF-8, no insignificant
  whitespace (``separators=(",", ":")``, ``ensure_ascii=False``); what a party signs.
* A public key is written as the standard base64 of its 32 raw bytes.
* A private key file is YAML, mode 0600: ``party: ISO3`` and ``private_key: <base64 of the
  32-byte Ed25519 seed>``.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from indivisible.exchange._errors import InputError

__all__ = [
    "PrivateKey",
    "b64",
    "canonical_bytes",
    "public_key_b64",
    "read_key_file",
    "unb64",
    "verify_signature",
    "write_key_file",
]


def canonical_bytes(value: Any) -> bytes:
    """JSON with sorted keys, UTF-8, no insignificant whitespace.

    Examples:
        >>> canonical_bytes({"b": 1, "a": ["é", None]}).decode("utf-8")
        '{"a":["é",null],"b":1}'
    """
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def b64(data: bytes) -> str:
    """Standard base64 (RFC 4648 section 4) of ``data``."""
    return base64.b64encode(data).decode("ascii")


def unb64(text: str, *, what: str, length: int | None = None) -> bytes:
    """Decode standard base64 strictly; ``ValueError`` naming ``what`` when it is not."""
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, AttributeError):
        raise ValueError(f"{what} is not standard base64") from None
    if length is not None and len(raw) != length:
        raise ValueError(f"{what} must decode to {length} bytes, got {len(raw)}")
    return raw


def public_bytes(key: Ed25519PublicKey) -> bytes:
    """The 32 raw bytes of a public key."""
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def load_public(text: str, *, what: str = "public key") -> Ed25519PublicKey:
    """A public key from base64 of its 32 raw bytes (``ValueError`` if malformed)."""
    return Ed25519PublicKey.from_public_bytes(unb64(text, what=what, length=32))


class PrivateKey:
    """A party's Ed25519 private key and the party it belongs to."""

    def __init__(self, party: str, key: Ed25519PrivateKey) -> None:
        self.party = party
        self.key = key

    @classmethod
    def generate(cls, party: str) -> PrivateKey:
        """A fresh key for ``party``."""
        return cls(party, Ed25519PrivateKey.generate())

    @property
    def public(self) -> bytes:
        """The 32 raw bytes of the public key."""
        return public_bytes(self.key.public_key())

    @property
    def public_b64(self) -> str:
        """The base64 public key, as the registry lists it."""
        return b64(self.public)

    def sign(self, message: bytes) -> bytes:
        """The 64-byte Ed25519 signature of ``message``."""
        return self.key.sign(message)


def public_key_b64(key: PrivateKey) -> str:
    """The registry form of ``key``'s public half."""
    return key.public_b64


def verify_signature(public: bytes, signature: bytes, message: bytes) -> bool:
    """Whether ``signature`` is a valid Ed25519 signature of ``message`` by ``public``."""
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def write_key_file(key: PrivateKey, path: Path) -> None:
    """Write ``key`` to ``path`` with mode 0600, refusing to overwrite an existing file."""
    from cryptography.hazmat.primitives.serialization import NoEncryption, PrivateFormat

    seed = key.key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    text = (
        "# indivisible exchange private key: keep it secret\n"
        f"party: {key.party}\nprivate_key: {b64(seed)}\n"
    )
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise InputError("file exists; refusing to overwrite a key", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot write key: {exc.strerror or exc}", path=path) from None
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.chmod(path, 0o600)


def read_key_file(path: str | Path) -> PrivateKey:
    """Read a private key file written by :func:`write_key_file`.

    Raises:
        InputError: unreadable, not a key file, or a malformed key.
    """
    from indivisible._paths import read_yaml_input

    p = Path(path)
    data, _ = read_yaml_input(p, p)
    if not isinstance(data, dict) or set(data) != {"party", "private_key"}:
        raise InputError("expected a key file with 'party' and 'private_key' only", path=p)
    party, seed = data["party"], data["private_key"]
    if not isinstance(party, str) or not party:
        raise InputError("expected a party id", path=p, field="party")
    try:
        raw = unb64(str(seed), what="private_key", length=32)
    except ValueError as exc:
        raise InputError(str(exc), path=p, field="private_key") from None
    return PrivateKey(party, Ed25519PrivateKey.from_private_bytes(raw))
