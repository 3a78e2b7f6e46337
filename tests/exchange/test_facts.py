"""``--exchange`` on status, check and profile: verified notifications become facts shown
with their log index; a bundle that does not verify is not used, and says why."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from tests.conftest import Run
from tests.exchange.conftest import EXAMPLES, serving, with_log_key, write_registry

from indivisible.exchange import Log, PrivateKey, load_notification, sign_entry
from indivisible.exchange._facts import load_exchange_facts
from indivisible.exchange._server import create_exchange_app
from indivisible.exchange.types import Registry

SCENARIO = Path(__file__).parents[2] / "examples" / "europe-today.yaml"


@pytest.fixture
def bundles(tmp_path: Path, registry: Registry, keys: dict[str, PrivateKey]) -> tuple[Path, Log]:
    log = Log(f"sqlite:///{tmp_path / 'log.db'}", registry)
    late = load_notification(EXAMPLES / "military-activity.yaml")
    late["notified_on"] = "2027-05-01"  # nine days before the start: a late notification
    entries = [
        late,
        load_notification(EXAMPLES / "status-event.yaml"),
        load_notification(EXAMPLES / "moratorium.yaml"),
    ]
    for e in entries:
        log.submit(e, sign_entry(e, keys[e["party"]]))
    folder = tmp_path / "bundles"
    folder.mkdir()
    write_registry(folder / "registry.yaml", with_log_key(registry, log))
    for i in range(log.size):
        (folder / f"{i}.json").write_text(json.dumps(log.bundle(i)), encoding="utf-8")
    return folder, log


def test_facts_from_a_folder(bundles: tuple[Path, Log]) -> None:
    folder, _ = bundles
    ex = load_exchange_facts(str(folder))
    assert [f.index for f in ex.facts] == [0, 1, 2] and not ex.problems
    assert ex.facts[1].summary == "suspended open-skies-1992 on 2027-02-01"
    # a tampered bundle is left out, with the reason
    b = json.loads((folder / "1.json").read_text())
    b["entry"]["event"] = "withdrawn"
    (folder / "1.json").write_text(json.dumps(b))
    ex = load_exchange_facts(str(folder))
    assert [f.index for f in ex.facts] == [0, 2]
    assert "1.json: does not verify" in ex.problems[0]


def test_check_uses_the_notified_exercise(
    bundles: tuple[Path, Log], cli: Callable[..., Run]
) -> None:
    folder, _ = bundles
    r = cli(
        "check",
        str(SCENARIO),
        "--on",
        "2027-05-15",
        "--exchange",
        str(folder),
        "--instrument",
        "vienna-document-2011",
        "--format",
        "json",
    )
    assert r.code == 0, r.err
    assert "exchange entry 0: POL military_activity" in r.err
    out = json.loads(r.out)
    text = json.dumps(out)
    assert "example-exercise-2027" in text  # the notified activity is checked by the rules
    assert "exchange-indivisible.exchange-log-0" in text  # and cited with its index


def test_status_lists_the_partys_notifications(
    bundles: tuple[Path, Log], cli: Callable[..., Run]
) -> None:
    folder, _ = bundles
    r = cli(
        "status",
        "--on",
        "2027-03-01",
        "--state",
        "FIN",
        "--exchange",
        str(folder),
        "--format",
        "json",
    )
    assert r.code == 0, r.err
    ex = json.loads(r.out)["exchange"]
    assert ex == [
        {
            "log_index": 1,
            "log": "indivisible.exchange/log",
            "party": "FIN",
            "kind": "status_event",
            "date": "2027-02-01",
            "summary": "suspended open-skies-1992 on 2027-02-01",
            "cosigned_by": [],
        }
    ]
    r = cli("status", "--on", "2027-01-01", "--state", "FIN", "--exchange", str(folder))
    assert r.code == 0 and "Verified exchange notifications" in r.out
    assert "suspended" not in r.out  # not yet notified on that date


def test_status_and_profile_from_a_server(
    bundles: tuple[Path, Log], cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, log = bundles
    monkeypatch.setenv("INDIVISIBLE_EXCHANGE_REGISTRY", str(folder / "registry.yaml"))
    with serving(create_exchange_app(log)) as url:
        r = cli("status", "--on", "2027-08-01", "--exchange", url, "--format", "json")
        assert r.code == 0, r.err
        assert [x["log_index"] for x in json.loads(r.out)["exchange"]] == [0, 1, 2]
        r = cli(
            "profile",
            str(SCENARIO),
            "--on",
            "2027-08-01",
            "--state",
            "POL",
            "--exchange",
            url,
            "--format",
            "json",
        )
        assert r.code == 0, r.err
        assert "exchange entry 2: USA moratorium" in r.err
        monkeypatch.delenv("INDIVISIBLE_EXCHANGE_REGISTRY")
        r = cli("status", "--on", "2027-08-01", "--exchange", url, "--format", "json")
        assert r.code == 0 and "registry the log server serves" in r.err


def test_bad_exchange_source_exits_2(tmp_path: Path, cli: Callable[..., Run]) -> None:
    r = cli("status", "--on", "2027-01-01", "--exchange", str(tmp_path / "nope"))
    assert r.code == 2 and "--exchange" in r.err
    r = cli("status", "--on", "2027-01-01", "--exchange", str(tmp_path))
    assert r.code == 2 and "registry.yaml" in r.err
    (tmp_path / "registry.yaml").write_text(yaml.safe_dump({"parties": []}))
    r = cli("status", "--on", "2027-01-01", "--exchange", str(tmp_path))
    assert r.code == 2
