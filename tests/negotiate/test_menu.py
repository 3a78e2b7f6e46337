"""Menu files: the shipped menu loads; every malformed kind gets one pinned error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from indivisible._errors import InputError
from indivisible.negotiate import compile_effects, load_menu, load_perspectives

ROOT = Path(__file__).parents[2]
FIX = Path(__file__).parent / "fixtures"


def test_shipped_menu_loads_with_sources_and_extend_resolved(record: Any) -> None:
    menu = load_menu(ROOT / "examples/menus/2020-2022-proposals.yaml", record)
    assert menu.ids[:4] == (
        "us-no-glm-germany",
        "ru-no-9m729-west",
        "no-glm-abroad",
        "no-glm-in-reach",
    )
    assert len(menu.measures) == 10
    # no-glm-in-reach extends no-glm-abroad, which extends us-no-glm-germany
    acts = menu.actions("no-glm-in-reach")
    removed = sorted(i for a in acts for i in a.remove.deployments)
    assert removed == [
        "iskander-kaliningrad",
        "oreshnik-belarus",
        "rus-nw-belarus",
        "us-lrf-germany",
    ]
    assert menu.measure("ru-no-9m729-west").require == ("us-no-glm-germany",)
    for m in menu.measures:
        assert all(s in record.sources for s in m.sources)


def test_good_twin_of_the_cycle_loads(record: Any) -> None:
    menu = load_menu(FIX / "good-cycle-twin.yaml", record)
    assert menu.ids == ("a", "b", "c")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "bad-unknown-reference.yaml",
            "bad-unknown-reference.yaml:8: field 'measures[0].require[0]': unknown measure "
            "'us-no-glm-germani' in require; did you mean us-no-glm-germany?",
        ),
        (
            "bad-party.yaml",
            "bad-party.yaml:7: field 'measures[0].implemented_by[1]': party 'USX' is not a "
            "state of the record; did you mean USA or RUS?",
        ),
        (
            "bad-cycle.yaml",
            "bad-cycle.yaml:8: field 'measures[0].require': cycle among measures: a -> b -> c -> a",
        ),
        (
            "bad-unknown-key.yaml",
            "bad-unknown-key.yaml:8: field 'measures[0].cost': unknown key 'cost'",
        ),
    ],
)
def test_bad_menus_get_one_located_error(record: Any, name: str, message: str) -> None:
    with pytest.raises(InputError) as exc:
        load_menu(FIX / name, record)
    assert str(exc.value).endswith(message)
    assert exc.value.exit_code == 2


def test_conflicting_measures_are_an_error_naming_both(record: Any, toy_scenario: Any) -> None:
    menu = load_menu(FIX / "bad-conflict.yaml", record)
    with pytest.raises(InputError) as exc:
        compile_effects(menu, toy_scenario)
    assert exc.value.reason == (
        "measures 'out' and 'bigger' conflict on deployment 'ru1': 'out' removes it, "
        "'bigger' adds (or replaces) it"
    )


def test_removing_an_entry_the_baseline_lacks(record: Any) -> None:
    from indivisible.world import load_scenario

    menu = load_menu(ROOT / "examples/menus/2020-2022-proposals.yaml", record)
    base = load_scenario(ROOT / "examples/europe-2022-02.yaml", record)
    with pytest.raises(InputError, match="removes deployment 'us-lrf-germany', which the baseline"):
        compile_effects(menu, base)


def test_perspectives_load_and_check(record: Any, tmp_path: Path) -> None:
    got = load_perspectives([FIX / "rus.yaml", FIX / "usa.yaml"], record)
    assert got["RUS"].weights["deterrence"].weight == 0.25
    bad = tmp_path / "x.yaml"
    bad.write_text(
        (FIX / "rus.yaml").read_text().replace("because: [0]}\n  det", "because: [3]}\n  det")
    )
    with pytest.raises(
        InputError, match=r"x.yaml:6: field 'weights.threat.because\[0\]': no priority 3"
    ):
        load_perspectives([bad], record)


def test_shipped_perspectives_load(record: Any) -> None:
    got = load_perspectives([ROOT / "examples/perspectives"], record)
    assert set(got) >= {"RUS", "USA", "POL"}
