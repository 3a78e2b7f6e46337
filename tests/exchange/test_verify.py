"""Offline verification of bundles: a good bundle verifies; each kind of tampering fails
with its reason (exit 1); unreadable input exits 2."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import Run
from tests.exchange.conftest import with_log_key, write_registry

from indivisible.exchange import Log, PrivateKey, VerificationFailed, sign_entry, verify_bundle
from indivisible.exchange._keys import canonical_bytes
from indivisible.exchange._note import cosign, parse_note
from indivisible.exchange.types import Bundle, Registry


def _fill(log: Log, keys: dict[str, PrivateKey], n: int = 6) -> None:
    for i in range(n):
        party = ("POL", "RUS", "USA")[i % 3]
        e = {
            "kind": "status_event",
            "party": party,
            "instrument": "open-skies-1992",
            "event": "signed",
            "date": f"2027-01-{i + 1:02d}",
        }
        log.submit(e, sign_entry(e, keys[party]))


@pytest.fixture
def setup(
    log: Log, keys: dict[str, PrivateKey], registry: Registry
) -> tuple[Log, Registry, dict[str, Any]]:
    _fill(log, keys)
    text = parse_note(log.checkpoint()).text
    log.add_cosignature(log.size, cosign(text, "FIN", keys["FIN"], 1_800_000_000).line())
    _fill_more = {
        "kind": "status_event",
        "party": "DEU",
        "instrument": "open-skies-1992",
        "event": "signed",
        "date": "2027-02-01",
    }
    log.submit(_fill_more, sign_entry(_fill_more, keys["DEU"]))
    return log, with_log_key(registry, log), log.bundle(4)


def test_a_good_bundle_verifies(setup: tuple[Log, Registry, dict[str, Any]]) -> None:
    log, reg, bundle = setup
    assert bundle["tree_size"] == 6 and len(bundle["cosignatures"]) == 1  # the cosigned one
    v = verify_bundle(Bundle.model_validate(bundle), reg)
    assert (v.index, v.party, v.tree_size) == (4, "RUS", 6)
    assert v.witnesses == (("FIN", 1_800_000_000),)
    latest = log.bundle(6)  # not cosigned yet: the current checkpoint
    assert latest["cosignatures"] == [] and latest["tree_size"] == 7
    verify_bundle(Bundle.model_validate(latest), reg)


def _leaf_with(bundle: dict[str, Any], **change: Any) -> str:
    leaf = json.loads(base64.b64decode(bundle["leaf"]))
    leaf.update(change)
    return base64.b64encode(canonical_bytes(leaf)).decode()


TAMPERINGS: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("entry", lambda b: b["entry"].update(date="2027-01-09"), "not the logged entry"),
    ("party", lambda b: b.update(party="USA"), "names party 'USA'"),
    ("entry type", lambda b: b["entry"].update(date=None), "not the logged entry"),
    ("signature", lambda b: b.update(signature=b["signature"][::-1]), "not the logged signature"),
    (
        "leaf date",
        lambda b: b.update(
            leaf=_leaf_with(b, entry={**b["entry"], "date": "2027-01-09"}),
            entry={**b["entry"], "date": "2027-01-09"},
        ),
        "signature does not verify",
    ),
    (
        "leaf received",
        lambda b: b.update(leaf=_leaf_with(b, received="2020-01-01T00:00:00Z")),
        "inclusion proof does not put",
    ),
    ("index", lambda b: b.update(index=3), "inclusion proof does not put"),
    ("proof", lambda b: b["inclusion_proof"].__setitem__(0, "00" * 32), "inclusion proof"),
    ("proof short", lambda b: b["inclusion_proof"].pop(), "inclusion proof"),
    ("tree_size", lambda b: b.update(tree_size=7), "is not the checkpoint's size"),
    (
        "checkpoint root",
        lambda b: b.update(
            checkpoint=b["checkpoint"].replace(
                b["checkpoint"].split("\n")[2], base64.b64encode(bytes(32)).decode()
            )
        ),
        "checkpoint signature does not verify",
    ),
    (
        "checkpoint size",
        lambda b: b.update(checkpoint=b["checkpoint"].replace("\n6\n", "\n7\n")),
        "checkpoint signature does not verify",
    ),
    ("checkpoint format", lambda b: b.update(checkpoint="hello\n"), "not a C2SP checkpoint"),
    (
        "cosignature",
        lambda b: b["cosignatures"].__setitem__(0, b["cosignatures"][0][:-8] + "AAAAAAA="),
        "cosignature by FIN does not verify",
    ),
    (
        "cosigner",
        lambda b: b["cosignatures"].__setitem__(0, b["cosignatures"][0].replace("FIN", "SWE")),
        "registry does not list",
    ),
]


@pytest.mark.parametrize(("what", "tamper", "reason"), TAMPERINGS, ids=[t[0] for t in TAMPERINGS])
def test_a_tampered_bundle_fails_with_its_reason(
    setup: tuple[Log, Registry, dict[str, Any]],
    what: str,
    tamper: Callable[[dict[str, Any]], None],
    reason: str,
) -> None:
    _, reg, bundle = setup
    b = json.loads(json.dumps(bundle))
    tamper(b)
    with pytest.raises(VerificationFailed, match=reason):
        verify_bundle(Bundle.model_validate(b), reg)


def test_registry_without_the_log_key_cannot_verify(
    setup: tuple[Log, Registry, dict[str, Any]], registry: Registry
) -> None:
    with pytest.raises(VerificationFailed, match="names no log key"):
        verify_bundle(Bundle.model_validate(setup[2]), registry)


def test_cli_verify_exit_codes(
    setup: tuple[Log, Registry, dict[str, Any]], tmp_path: Path, cli: Callable[..., Run]
) -> None:
    _, reg, bundle = setup
    regfile = write_registry(tmp_path / "registry.yaml", reg)
    good = tmp_path / "good.json"
    good.write_text(json.dumps(bundle), encoding="utf-8")
    r = cli("exchange", "verify", str(good), "--registry", str(regfile))
    assert r.code == 0, r.err
    assert "Verified: entry 4 (status_event by RUS)" in r.out and "FIN at 1800000000" in r.out
    bad = tmp_path / "bad.json"
    bundle = {**bundle, "entry": {**bundle["entry"], "event": "withdrawn"}}
    bad.write_text(json.dumps(bundle), encoding="utf-8")
    r = cli("exchange", "verify", str(bad), "--registry", str(regfile))
    assert r.code == 1 and "not the logged entry" in r.err and "Traceback" not in r.err
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    r = cli("exchange", "verify", str(broken), "--registry", str(regfile))
    assert r.code == 2 and "not JSON" in r.err
    missing = tmp_path / "missing.json"
    missing.write_text(json.dumps({k: v for k, v in bundle.items() if k != "leaf"}))
    r = cli("exchange", "verify", str(missing), "--registry", str(regfile))
    assert r.code == 2 and "leaf" in r.err
    r = cli("exchange", "verify", str(good), "--registry", str(tmp_path / "nope.yaml"))
    assert r.code == 2
