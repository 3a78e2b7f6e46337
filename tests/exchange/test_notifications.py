"""The five kinds of notification: the examples validate, bytes are canonical, bad input
is reported with file, line and field (exit status 2)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.exchange.conftest import EXAMPLES

from indivisible.exchange import InputError, canonical_bytes, load_notification
from indivisible.exchange.types import KINDS, notification_adapter


def test_one_example_of_each_kind() -> None:
    kinds = {load_notification(p)["kind"] for p in EXAMPLES.glob("*.yaml")}
    assert kinds == set(KINDS[:5])


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_examples_are_canonical_and_stable(path: Path) -> None:
    entry = load_notification(path)
    raw = canonical_bytes(entry)
    assert (
        raw == json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    )
    again = notification_adapter.dump_python(
        notification_adapter.validate_python(json.loads(raw)),
        mode="json",
        by_alias=True,
        exclude_none=True,
    )
    assert canonical_bytes(again) == raw  # what the log re-validates is what was signed


def test_reuses_the_scenario_models() -> None:
    from indivisible.world.types import Exercise

    entry = load_notification(EXAMPLES / "military-activity.yaml")
    ex = Exercise.model_validate(entry["activity"])
    assert ex.personnel.value() == 9500


@pytest.mark.parametrize(
    ("text", "line", "field", "reason"),
    [
        (
            "kind: moratorium\nparty: USA\nsystem: typhon\narea: {lat: 95, lon: 0, radius_km: 5}\n"
            "from: 2027-01-01\n",
            4,
            "area.lat",
            "less than or equal to 90",
        ),
        (
            "kind: status_event\nparty: POL\ninstrument: open-skies-1992\nevent: blessed\n"
            "date: 2027-01-01\n",
            4,
            "event",
            "signed",
        ),
        ("kind: nonsense\nparty: POL\n", 1, "kind", "military_activity"),
        ("party: POL\n", 1, "kind", "missing"),
        (
            "kind: visit_report\nparty: RUS\nhost: ROU\nsite: {name: x, lat: 1, lon: 1}\n"
            "date: 2027-13-01\nfindings: [a]\n",
            5,
            "date",
            "YYYY-MM-DD",
        ),
        (
            "kind: status_event\nparty: POL\ninstrument: open-skies-1992\nevent: signed\n"
            "date: 2027-01-01\nextra: 1\n",
            6,
            "extra",
            "unknown key",
        ),
    ],
)
def test_bad_notifications_name_line_and_field(
    tmp_path: Path, text: str, line: int, field: str, reason: str
) -> None:
    p = tmp_path / "n.yaml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_notification(p)
    assert err.value.line == line, str(err.value)
    assert err.value.field == field, str(err.value)
    assert reason in err.value.reason


def test_post_of_a_bad_file_exits_2(cli: Callable[..., object], tmp_path: Path) -> None:
    p = tmp_path / "n.yaml"
    p.write_text("kind: [unclosed\n", encoding="utf-8")
    r = cli("exchange", "post", str(p), "--key", "nokey", "--server", "http://127.0.0.1:9")
    assert r.code == 2  # type: ignore[attr-defined]
    assert "invalid YAML" in r.err and "Traceback" not in r.err  # type: ignore[attr-defined]


def test_activity_must_be_the_partys() -> None:
    entry = load_notification(EXAMPLES / "military-activity.yaml")
    entry["party"] = "DEU"
    with pytest.raises(ValueError, match="neither conducts"):
        notification_adapter.validate_python(entry)
