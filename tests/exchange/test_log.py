"""The log accepts only entries signed by a valid key of the party they name, once.

Each refusal is tested with its reason: a forged signature, an entry naming another party,
a revoked key, a replaced (rotated) key, a replayed entry, an invalid notification, an
unknown identifier. Every test runs on SQLite and on a real PostgreSQL server.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import update

from indivisible.exchange import ExchangeError, Log, PrivateKey, Rejected, sign_entry
from indivisible.exchange._keys import b64
from indivisible.exchange._log import entries
from indivisible.exchange.types import Registry


def status(party: str = "POL", day: int = 1, event: str = "signed") -> dict[str, Any]:
    return {
        "kind": "status_event",
        "party": party,
        "instrument": "open-skies-1992",
        "event": event,
        "date": f"2027-01-{day:02d}",
    }


def test_accepts_and_numbers_entries(log: Log, keys: dict[str, PrivateKey]) -> None:
    for day in (1, 2, 3):
        e = status(day=day)
        assert log.submit(e, sign_entry(e, keys["POL"])) == day - 1
    assert log.size == 3
    assert log.entry(1).entry == status(day=2)


def test_forged_signature_is_refused(log: Log, keys: dict[str, PrivateKey]) -> None:
    e = status()
    forged = sign_entry(status(day=2), keys["POL"])  # POL's signature of something else
    with pytest.raises(Rejected, match="signature does not verify") as err:
        log.submit(e, forged)
    assert err.value.status == 403
    stranger = PrivateKey.generate("POL")
    with pytest.raises(Rejected, match="not in the registry"):
        log.submit(e, sign_entry(e, stranger), stranger.public_b64)
    assert log.size == 0


def test_entry_naming_another_party_is_refused(log: Log, keys: dict[str, PrivateKey]) -> None:
    e = status(party="POL")
    with pytest.raises(Rejected, match="names party POL but is signed by a key of RUS"):
        log.submit(e, sign_entry(e, keys["RUS"]), keys["RUS"].public_b64)
    with pytest.raises(Rejected, match="signature does not verify for party POL"):
        log.submit(e, sign_entry(e, keys["RUS"]))
    assert log.size == 0


def test_replayed_entry_is_refused(log: Log, keys: dict[str, PrivateKey]) -> None:
    e = status()
    sig = sign_entry(e, keys["POL"])
    assert log.submit(e, sig) == 0
    with pytest.raises(Rejected, match=r"replayed entry.*already entry 0") as err:
        log.submit(e, sig)
    assert err.value.status == 409 and err.value.index == 0
    assert log.size == 1


def test_revoked_key_is_refused(db_url: str) -> None:
    k = PrivateKey.generate("FIN")
    reg = Registry.model_validate({"parties": [{"party": "FIN", "key": k.public_b64}]})
    log = Log(db_url, reg)
    rev = {
        "kind": "key_revocation",
        "party": "FIN",
        "key": k.public_b64,
        "date": "2027-01-02",
        "reason": "compromised",
    }
    assert log.submit(rev, sign_entry(rev, k)) == 0
    e = status(party="FIN")
    with pytest.raises(Rejected, match="was revoked by log entry 0"):
        log.submit(e, sign_entry(e, k))
    log.close()
    # the revocation is replayed from the log on restart
    again = Log(db_url, reg)
    with pytest.raises(Rejected, match="was revoked by log entry 0"):
        again.submit(e, sign_entry(e, k), k.public_b64)
    again.close()


def test_rotation_is_signed_by_the_old_key(db_url: str) -> None:
    old, new = PrivateKey.generate("DEU"), PrivateKey.generate("DEU")
    reg = Registry.model_validate({"parties": [{"party": "DEU", "key": old.public_b64}]})
    log = Log(db_url, reg)
    rot = {"kind": "key_rotation", "party": "DEU", "new_key": new.public_b64, "date": "2027-01-01"}
    with pytest.raises(Rejected, match="not in the registry"):  # the new key cannot rotate
        log.submit(rot, sign_entry(rot, new), new.public_b64)
    assert log.submit(rot, sign_entry(rot, old)) == 0
    e = status(party="DEU")
    with pytest.raises(Rejected, match="was replaced by log entry 0"):
        log.submit(e, sign_entry(e, old), old.public_b64)
    assert log.submit(e, sign_entry(e, new)) == 1
    assert log.entry(1).key == new.public_b64
    log.close()


def test_a_revocation_must_be_signed_by_the_revoked_key(log: Log, keys: dict[str, Any]) -> None:
    other = PrivateKey.generate("POL")
    rev = {"kind": "key_revocation", "party": "POL", "key": other.public_b64, "date": "2027-01-01"}
    with pytest.raises(Rejected, match="signed by the key it revokes"):
        log.submit(rev, sign_entry(rev, keys["POL"]))


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"instrument": "nonexistent-1999"}, "unknown instrument"),
        ({"party": "XXX"}, "neither a state"),
        ({"event": "blessed"}, "field 'event'"),
        ({"date": "2027-02-30"}, "field 'date'"),
    ],
)
def test_invalid_entries_are_refused(
    log: Log, keys: dict[str, PrivateKey], change: dict[str, str], reason: str
) -> None:
    e = {**status(), **change}
    with pytest.raises(Rejected, match=reason) as err:
        log.submit(e, b64(bytes(64)))
    assert err.value.status == 422


def test_restart_rebuilds_the_same_tree(
    db_url: str, registry: Registry, keys: dict[str, PrivateKey]
) -> None:
    log = Log(db_url, registry)
    for day in range(1, 12):
        e = status(day=day)
        log.submit(e, sign_entry(e, keys["POL"]))
    root, note = log.tree.root(), log.checkpoint()
    log.close()
    again = Log(db_url)  # the registry is kept with the log
    assert again.tree.root() == root and again.checkpoint() == note
    assert again.origin == log.origin and again.public_key == log.public_key
    e = status(day=1)
    with pytest.raises(Rejected, match="replayed"):
        again.submit(e, sign_entry(e, keys["POL"]))
    again.close()


def test_a_tampered_database_is_detected_on_start(
    db_url: str, registry: Registry, keys: dict[str, PrivateKey]
) -> None:
    log = Log(db_url, registry)
    for day in (1, 2):
        e = status(day=day)
        log.submit(e, sign_entry(e, keys["POL"]))
    with log.engine.begin() as conn:
        conn.execute(update(entries).where(entries.c.idx == 0).values(leaf=b"{}"))
    log.close()
    with pytest.raises(ExchangeError, match="entry 0's hash does not match"):
        Log(db_url)


def test_concurrent_posters_get_distinct_contiguous_indexes(
    log: Log, keys: dict[str, PrivateKey]
) -> None:
    import threading

    got: dict[str, int] = {}
    errors: list[BaseException] = []

    def poster(t: int) -> None:
        for j in range(10):
            e = {**status(party=("POL", "RUS", "USA", "DEU")[t % 4]), "note": f"t{t} e{j}"}
            try:
                got[e["note"]] = log.submit(e, sign_entry(e, keys[e["party"]]))
            except BaseException as exc:  # reported below
                errors.append(exc)

    threads = [threading.Thread(target=poster, args=(t,)) for t in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=120)
    assert not errors
    assert sorted(got.values()) == list(range(80))
    for note, index in got.items():
        assert log.entry(index).entry["note"] == note
    again = Log(str(log.engine.url.render_as_string(hide_password=False)))
    assert again.tree.root() == log.tree.root()
    again.close()
