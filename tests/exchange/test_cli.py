"""The pinned commands end to end, against a real log server on loopback: two parties and a
witness; then a truncated and a forked log, which the witness refuses (exit 1)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import stat
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from tests.conftest import Run
from tests.exchange.conftest import EXAMPLES, Server, free_port, serving

from indivisible.exchange import canonical_bytes
from indivisible.exchange.types import Registry


def test_keygen(cli: Callable[..., Run], tmp_path: Path) -> None:
    r = cli("exchange", "keygen", "--party", "POL", "--out", str(tmp_path / "pol.key"))
    assert r.code == 0, r.err
    entry = yaml.safe_load(r.out)
    assert entry["party"] == "POL" and len(entry["key"]) == 44
    assert stat.S_IMODE((tmp_path / "pol.key").stat().st_mode) == 0o600
    r = cli("exchange", "keygen", "--party", "POL", "--out", str(tmp_path / "pol.key"))
    assert r.code == 2 and "refusing to overwrite" in r.err
    r = cli("exchange", "keygen", "--party", "XYZ", "--out", str(tmp_path / "x.key"))
    assert r.code == 2 and "--party" in r.err


@pytest.mark.slow
def test_two_parties_and_a_witness(
    tmp_path: Path, server_factory: Callable[[Path, str], Server], cli: Callable[..., Run]
) -> None:
    parties = {"POL": None, "RUS": None, "FIN": None}
    for p in parties:
        r = cli("exchange", "keygen", "--party", p, "--out", str(tmp_path / f"{p}.key"))
        assert r.code == 0, r.err
        parties[p] = yaml.safe_load(r.out)
    reg = tmp_path / "registry.yaml"
    reg.write_text(yaml.safe_dump({"parties": list(parties.values())}), encoding="utf-8")
    db = tmp_path / "log.db"
    server = server_factory(reg, f"sqlite:///{db}")
    server.start()
    url = server.url
    notes = {"POL": EXAMPLES / "military-activity.yaml", "RUS": EXAMPLES / "visit-report.yaml"}
    for i, (p, note) in enumerate(notes.items()):
        r = cli("exchange", "post", str(note), "--key", str(tmp_path / f"{p}.key"), "--server", url)
        assert r.code == 0, r.err
        assert r.out.strip() == str(i)
    # RUS cannot post POL's notification, nor replay one
    r = cli(
        "exchange", "post", str(notes["POL"]), "--key", str(tmp_path / "RUS.key"), "--server", url
    )
    assert r.code == 1 and "names party POL but is signed by a key of RUS" in r.err
    r = cli(
        "exchange", "post", str(notes["POL"]), "--key", str(tmp_path / "POL.key"), "--server", url
    )
    assert r.code == 1 and "replayed entry" in r.err
    # FIN witnesses
    r = cli(
        "exchange",
        "witness",
        "--server",
        url,
        "--key",
        str(tmp_path / "FIN.key"),
        "--state",
        str(tmp_path / "fin-state"),
    )
    assert r.code == 0, r.err
    assert "Cosigned checkpoint of size 2" in r.out
    # a verifier's registry: the parties' keys and the log's
    with urllib.request.urlopen(url + "/api/exchange/log") as resp:
        info = json.load(resp)
    data = yaml.safe_load(reg.read_text())
    data["log"] = {"origin": info["origin"], "key": info["key"]}
    vreg = tmp_path / "verifier.yaml"
    vreg.write_text(yaml.safe_dump(data), encoding="utf-8")
    r = cli("exchange", "get", "1", "--server", url, "--out", str(tmp_path / "b1.json"))
    assert r.code == 0, r.err
    bundle = json.loads((tmp_path / "b1.json").read_text())
    assert list(bundle) == [
        "leaf",
        "index",
        "tree_size",
        "inclusion_proof",
        "checkpoint",
        "cosignatures",
        "entry",
        "party",
        "signature",
    ]
    assert bundle["party"] == "RUS" and len(bundle["cosignatures"]) == 1
    server.stop()  # offline from here
    r = cli("exchange", "verify", str(tmp_path / "b1.json"), "--registry", str(vreg))
    assert r.code == 0, r.err
    assert "cosigned by FIN" in r.out

    # the log grows; the witness follows
    server.start()
    r = cli(
        "exchange",
        "post",
        str(EXAMPLES / "annual-exchange.yaml"),
        "--key",
        str(tmp_path / "POL.key"),
        "--server",
        server.url,
    )
    assert r.code == 1 and "names party BLR but is signed by a key of POL" in r.err
    for day in range(1, 4):
        n = tmp_path / f"s{day}.yaml"
        n.write_text(
            f"kind: status_event\nparty: POL\ninstrument: open-skies-1992\n"
            f"event: signed\ndate: 2027-03-0{day}\n",
            encoding="utf-8",
        )
        assert (
            cli(
                "exchange",
                "post",
                str(n),
                "--key",
                str(tmp_path / "POL.key"),
                "--server",
                server.url,
            ).code
            == 0
        )
    r = cli(
        "exchange",
        "witness",
        "--server",
        server.url,
        "--key",
        str(tmp_path / "FIN.key"),
        "--state",
        str(tmp_path / "fin-state"),
    )
    assert r.code == 0 and "size 5" in r.out, r.err
    server.stop()

    # truncated: the operator drops the last two entries
    con = sqlite3.connect(db)
    con.execute("DELETE FROM exchange_entries WHERE idx >= 3")
    con.execute("DELETE FROM exchange_checkpoints")
    con.commit()
    con.close()
    server.start()
    r = cli(
        "exchange",
        "witness",
        "--server",
        server.url,
        "--key",
        str(tmp_path / "FIN.key"),
        "--state",
        str(tmp_path / "fin-state"),
    )
    assert r.code == 1 and "truncated log" in r.err
    server.stop()

    # forked: entry 1 rewritten (with a hash that matches, so the server starts), and the
    # log grown again past the witnessed size
    con = sqlite3.connect(db)

    def leaf(n: int) -> tuple[bytes, str]:
        raw = canonical_bytes(
            {"entry": {"forged": n}, "key": "k", "received": "r", "signature": f"s{n}"}
        )
        return raw, hashlib.sha256(b"\x00" + raw).hexdigest()

    con.execute(
        "UPDATE exchange_entries SET leaf=?, leaf_hash=?, signature=? WHERE idx=1", (*leaf(1), "s1")
    )
    for i in (3, 4, 5):
        con.execute(
            "INSERT INTO exchange_entries VALUES (?,?,?,?,?,?)",
            (i, *leaf(i), f"s{i}", "POL", "status_event"),
        )
    con.commit()
    con.close()
    server.start()
    r = cli(
        "exchange",
        "witness",
        "--server",
        server.url,
        "--key",
        str(tmp_path / "FIN.key"),
        "--state",
        str(tmp_path / "fin-state"),
    )
    assert r.code == 1 and "forked log" in r.err, r.err
    state = json.loads((tmp_path / "fin-state" / "witness.json").read_text())
    assert state["size"] == 5  # unchanged by the refusals


def test_bad_keys_urls_and_unreachable_servers(cli: Callable[..., Run], tmp_path: Path) -> None:
    note = str(EXAMPLES / "moratorium.yaml")
    bad = tmp_path / "bad.key"
    bad.write_text("party: USA\nprivate_key: not-base64!\n")
    r = cli("exchange", "post", note, "--key", str(bad), "--server", "http://127.0.0.1:9")
    assert r.code == 2 and "private_key" in r.err
    r = cli("exchange", "keygen", "--party", "USA", "--out", str(tmp_path / "usa.key"))
    assert r.code == 0
    key = str(tmp_path / "usa.key")
    r = cli("exchange", "post", note, "--key", key, "--server", "ftp://example")
    assert r.code == 2 and "--server" in r.err
    port = free_port()  # nothing listens there
    r = cli("exchange", "post", note, "--key", key, "--server", f"http://127.0.0.1:{port}")
    assert r.code == 1 and "cannot reach the log" in r.err and "Traceback" not in r.err
    r = cli(
        "exchange",
        "get",
        "3",
        "--server",
        f"http://127.0.0.1:{port}",
        "--out",
        str(tmp_path / "b.json"),
    )
    assert r.code == 1 and not (tmp_path / "b.json").exists()


def test_get_of_a_missing_entry(
    cli: Callable[..., Run], tmp_path: Path, registry: Registry
) -> None:
    from indivisible.exchange import Log
    from indivisible.exchange._server import create_exchange_app

    log = Log(f"sqlite:///{tmp_path / 'log.db'}", registry)
    with serving(create_exchange_app(log)) as url:
        r = cli("exchange", "get", "0", "--server", url, "--out", str(tmp_path / "b.json"))
    assert r.code == 1 and "no entry 0" in r.err
