"""A move that brings the first disputed-range system is judged under every reading."""

from __future__ import annotations

from indivisible.assess import Action, at_expense
from indivisible.record import Record
from indivisible.world import load_scenario


def test_first_disputed_system_is_compared_under_each_reading() -> None:
    rec = Record.load()
    full = load_scenario("examples/europe-2022-02.yaml", rec)
    entry = full.entry("9m729-kapustin-yar")
    without = full.with_changes(remove=["9m729-kapustin-yar"], record=rec)
    action = Action.of("9M729 at Kapustin Yar", "RUS", add=[entry])
    from indivisible.indicators._profile import RANGE_INDICATORS

    verdicts = at_expense(
        rec, without, action, "2022-02-14", states=["RUS", "POL"], indicators=RANGE_INDICATORS
    )
    (v,) = [v for v in verdicts if v.actor == "RUS" and v.other == "POL"]
    # Warsaw is 1,795 km from Kapustin Yar: in reach only under the FAZ reading (2,350 km),
    # not under Russia's (480 km) or the US minimum (500 km). Before this fix the undisputed
    # rows of the profile without the missile matched no reading: neutral under all three.
    # Ranges as bounds: the readings are those of the 9M729 (RUS, USA, faz-2019 and the
    # outer end of the US interval, 5,500 km) and of the Iskander-M already there (its inner
    # end RUS (inner), csis), both profiles evaluated under all six. Warsaw is in reach
    # under faz-2019 and USA (outer): at_expense in 2 of 6.
    assert {k: round(p, 4) for k, p in v.distribution.items()} == {
        "neutral": 0.6667,
        "at_expense": 0.3333,
    }
    assert (v.basis, v.n) == ("readings", 6)
