"""Checkpoints are C2SP tlog-checkpoint notes; signatures and cosignatures per C2SP."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from indivisible.exchange import Log, PrivateKey, cosign, parse_checkpoint, parse_note, sign_entry
from indivisible.exchange._note import NoteSignature, verify_cosignature, verify_note_signature
from indivisible.exchange.types import Registry

# A C2SP checkpoint note, parsed with nothing from the library: text lines, an empty line,
# then "— <name> <base64>" lines.
NOTE = re.compile(
    r"\A(?P<origin>[^\n]+)\n(?P<size>0|[1-9][0-9]*)\n(?P<root>[A-Za-z0-9+/]{43}=)\n"
    r"(?P<ext>(?:[^\n]+\n)*)\n(?P<sigs>(?:\u2014 [^ \n]+ [A-Za-z0-9+/=]+\n)+)\Z"
)


def _posted(log: Log, keys: dict[str, PrivateKey], n: int) -> None:
    for i in range(n):
        e = {
            "kind": "status_event",
            "party": "POL",
            "instrument": "open-skies-1992",
            "event": "signed",
            "date": f"2027-01-{i + 1:02d}",
        }
        log.submit(e, sign_entry(e, keys["POL"]))


def test_checkpoint_is_a_c2sp_signed_note(log: Log, keys: dict[str, PrivateKey]) -> None:
    _posted(log, keys, 3)
    note = log.checkpoint()
    m = NOTE.match(note)
    assert m, note
    assert m["origin"] == log.origin and m["size"] == "3"
    assert base64.b64decode(m["root"]) == log.tree.root()
    # one signature line by the origin; key ID = SHA-256(name || 0x0A || 0x01 || key)[:4]
    line = m["sigs"].splitlines()[0]
    name, sig = line[2:].split(" ")
    raw = base64.b64decode(sig)
    public = base64.b64decode(log.public_key)
    assert name == log.origin
    assert raw[:4] == hashlib.sha256(name.encode() + b"\n\x01" + public).digest()[:4]
    text = note[: note.index("\n\n") + 1]
    Ed25519PublicKey.from_public_bytes(public).verify(raw[4:], text.encode())  # raises if bad
    parsed = parse_note(note)
    assert parse_checkpoint(parsed.text).size == 3


def test_cosignature_follows_tlog_cosignature(keys: dict[str, PrivateKey]) -> None:
    text = "example.org/log\n5\n" + base64.b64encode(bytes(32)).decode() + "\n"
    w = keys["FIN"]
    sig = cosign(text, "FIN", w, 1_700_000_000)
    raw = base64.b64decode(sig.line().split(" ")[2])
    assert raw[:4] == hashlib.sha256(b"FIN\n\x04" + w.public).digest()[:4]
    assert int.from_bytes(raw[4:12], "big") == 1_700_000_000
    message = b"cosignature/v1\ntime 1700000000\n" + text.encode()
    Ed25519PublicKey.from_public_bytes(w.public).verify(raw[12:], message)
    assert verify_cosignature(text, sig, "FIN", w.public) == 1_700_000_000
    assert verify_cosignature(text.replace("5", "6"), sig, "FIN", w.public) is None
    assert verify_cosignature(text, sig, "FIN", keys["POL"].public) is None
    # a cosignature is not an ordinary note signature (other key ID type)
    assert not verify_note_signature(text, sig, "FIN", w.public)


@pytest.mark.parametrize(
    ("note", "reason"),
    [
        ("a\n1\nAAAA\n", "empty line"),
        ("a\n1\n\n\u2014 x AAAAAAAA\n", None),
        ("a\x07\n\n\u2014 x AAAAAAAA\n", "control"),
        ("a\n\n- x AAAAAAAA\n", "em dash"),
        ("a\n\n\u2014 x AAAA\n", "too short"),
        ("a\n\n\u2014 x AAAAAAAA", "ends with a newline"),
    ],
)
def test_malformed_notes_are_refused(note: str, reason: str | None) -> None:
    if reason is None:
        assert parse_note(note).signatures[0].name == "x"
        return
    with pytest.raises(ValueError, match=reason):
        parse_note(note)


@pytest.mark.parametrize(
    "text",
    ["o\n01\n" + "A" * 43 + "=\n", "o\n1\nAAAA\n", "\n1\n" + "A" * 43 + "=\n", "o\n1\n"],
)
def test_malformed_checkpoints_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="checkpoint"):
        parse_checkpoint(text)


def test_note_signature_roundtrip(keys: dict[str, PrivateKey], registry: Registry) -> None:
    from indivisible.exchange._note import sign_note

    s = sign_note("hello\n", "POL", keys["POL"])
    again = NoteSignature.parse(s.line())
    assert again == s
    assert verify_note_signature("hello\n", again, "POL", keys["POL"].public)
    assert not verify_note_signature("hello!\n", again, "POL", keys["POL"].public)
