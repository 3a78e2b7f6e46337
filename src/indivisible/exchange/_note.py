"""C2SP signed notes, checkpoints and cosignatures.

Paraphrase of the three C2SP specifications this module implements (c2sp.org):

* **signed-note**: a note is UTF-8 text ending in a newline, then one empty line, then one
  or more signature lines ``— <key name> <base64(4-byte key ID || signature)>`` (an em dash
  U+2014 and a space first). No control characters but the newline. An Ed25519 signature
  (type 0x01) signs the note text (with its final newline, without the empty line); its key
  ID is the first 4 bytes of ``SHA-256(key name || 0x0A || 0x01 || 32-byte public key)``.
* **tlog-checkpoint**: the note text of a checkpoint is the log's origin line, the tree size
  in decimal (no leading zeros), the root hash in base64, each on its own line, then
  optional extension lines.
* **tlog-cosignature**: a witness's cosignature is a note signature line whose key ID is
  computed like the above with type byte 0x04 and whose signature bytes are an 8-byte
  big-endian timestamp followed by an Ed25519 signature of the line ``cosignature/v1``,
  the line ``time <timestamp>`` + the whole checkpoint note text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from indivisible.exchange._keys import PrivateKey, b64, unb64, verify_signature

__all__ = [
    "COSIGNATURE_V1",
    "ED25519",
    "Checkpoint",
    "Note",
    "NoteSignature",
    "cosign",
    "key_id",
    "parse_checkpoint",
    "parse_note",
    "sign_note",
    "verify_cosignature",
    "verify_note_signature",
]

ED25519 = 0x01
"""Signature type byte of an ordinary Ed25519 note signature."""
COSIGNATURE_V1 = 0x04
"""Signature type byte of an Ed25519 ``cosignature/v1``."""

_DASH = "\u2014 "
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


def key_id(name: str, sig_type: int, public: bytes) -> bytes:
    """The 4-byte key ID: ``SHA-256(name || 0x0A || type || public key)[:4]``."""
    return hashlib.sha256(name.encode("utf-8") + b"\n" + bytes([sig_type]) + public).digest()[:4]


@dataclass(frozen=True)
class NoteSignature:
    """One signature line of a note."""

    name: str
    key_id: bytes
    signature: bytes

    def line(self) -> str:
        """The signature line, with its final newline."""
        return f"{_DASH}{self.name} {b64(self.key_id + self.signature)}\n"

    @classmethod
    def parse(cls, line: str) -> NoteSignature:
        """Parse one signature line (with or without its newline); ``ValueError`` if bad."""
        text = line[:-1] if line.endswith("\n") else line
        if not text.startswith(_DASH):
            raise ValueError("a signature line starts with an em dash and a space")
        parts = text[len(_DASH) :].split(" ")
        if len(parts) != 2 or not parts[0]:
            raise ValueError("a signature line is '— <key name> <base64 signature>'")
        raw = unb64(parts[1], what=f"signature of {parts[0]!r}")
        if len(raw) < 5:
            raise ValueError(f"signature of {parts[0]!r} is too short")
        return cls(parts[0], raw[:4], raw[4:])


@dataclass(frozen=True)
class Note:
    """A signed note: its text (ending in a newline) and its signature lines."""

    text: str
    signatures: tuple[NoteSignature, ...]

    def render(self) -> str:
        """The note as it travels: text, empty line, signature lines."""
        return self.text + "\n" + "".join(s.line() for s in self.signatures)


def parse_note(note: str) -> Note:
    """Parse a signed note; ``ValueError`` with the reason when it is malformed."""
    if _CONTROL.search(note):
        raise ValueError("a signed note must not contain control characters but newlines")
    if not note.endswith("\n"):
        raise ValueError("a signed note ends with a newline")
    cut = note.rfind("\n\n")
    if cut < 0:
        raise ValueError("a signed note has its text, an empty line, then signature lines")
    text, sigs = note[: cut + 1], note[cut + 2 :]
    lines = sigs.split("\n")[:-1]
    if not lines:
        raise ValueError("a signed note has at least one signature line")
    return Note(text, tuple(NoteSignature.parse(line) for line in lines))


def sign_note(text: str, name: str, key: PrivateKey) -> NoteSignature:
    """An Ed25519 (type 0x01) note signature of ``text`` by ``key`` under ``name``."""
    return NoteSignature(name, key_id(name, ED25519, key.public), key.sign(text.encode("utf-8")))


def verify_note_signature(text: str, sig: NoteSignature, name: str, public: bytes) -> bool:
    """Whether ``sig`` is ``name``'s valid Ed25519 note signature of ``text``."""
    return (
        sig.name == name
        and sig.key_id == key_id(name, ED25519, public)
        and verify_signature(public, sig.signature, text.encode("utf-8"))
    )


def _cosigned_message(text: str, timestamp: int) -> bytes:
    return f"cosignature/v1\ntime {timestamp}\n{text}".encode()


def cosign(text: str, name: str, key: PrivateKey, timestamp: int) -> NoteSignature:
    """A ``cosignature/v1`` of checkpoint text ``text`` by witness ``name`` at ``timestamp``."""
    if not 0 <= timestamp < 2**63:
        raise ValueError("a cosignature timestamp is between 0 and 2**63 - 1")
    sig = key.sign(_cosigned_message(text, timestamp))
    return NoteSignature(
        name, key_id(name, COSIGNATURE_V1, key.public), timestamp.to_bytes(8, "big") + sig
    )


def verify_cosignature(text: str, sig: NoteSignature, name: str, public: bytes) -> int | None:
    """The timestamp of ``sig`` if it is ``name``'s valid cosignature of ``text``, else None."""
    if sig.name != name or sig.key_id != key_id(name, COSIGNATURE_V1, public):
        return None
    if len(sig.signature) != 8 + 64:
        return None
    timestamp = int.from_bytes(sig.signature[:8], "big")
    if timestamp >= 2**63:
        return None
    message = _cosigned_message(text, timestamp)
    return timestamp if verify_signature(public, sig.signature[8:], message) else None


@dataclass(frozen=True)
class Checkpoint:
    """The note text of a checkpoint: origin, tree size, root hash, extension lines."""

    origin: str
    size: int
    root: bytes
    extensions: tuple[str, ...] = ()

    def text(self) -> str:
        """The checkpoint's note text."""
        lines = [self.origin, str(self.size), b64(self.root), *self.extensions]
        return "".join(line + "\n" for line in lines)


_DECIMAL = re.compile(r"0|[1-9][0-9]*")


def parse_checkpoint(text: str) -> Checkpoint:
    """Parse a checkpoint's note text; ``ValueError`` with the reason when it is malformed."""
    if not text.endswith("\n"):
        raise ValueError("checkpoint text ends with a newline")
    lines = text[:-1].split("\n")
    if len(lines) < 3:
        raise ValueError("a checkpoint has an origin, a tree size and a root hash line")
    origin, size, root, *ext = lines
    if not origin:
        raise ValueError("checkpoint origin line is empty")
    if not _DECIMAL.fullmatch(size) or int(size) >= 2**63:
        raise ValueError(f"checkpoint tree size {size!r} is not a decimal without leading zeros")
    if any(not e for e in ext):
        raise ValueError("checkpoint extension lines must not be empty")
    return Checkpoint(
        origin, int(size), unb64(root, what="checkpoint root hash", length=32), tuple(ext)
    )
