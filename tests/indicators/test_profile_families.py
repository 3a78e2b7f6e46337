"""``profile(..., families=...)`` computes a subset whose values equal the full profile's."""

from __future__ import annotations

import pytest

from indivisible import InputError
from indivisible.indicators import profile
from indivisible.record import Record
from indivisible.world import load_scenario


@pytest.mark.parametrize(
    ("families", "prefix"),
    [
        (["range"], ("exposure_", "counter_reach_", "defence_")),
        (["proximity"], ("proximity_",)),
        (["constraints"], ("constraint_",)),
        (["alliance"], ("alliance_", "border_other_alliance_", "border_prospective_members_")),
        (["activity"], ("exercise_personnel_near",)),
        (["verification"], ("unverified_disputes",)),
        (["strategic"], ("strategic_warheads_unverified",)),
        (["exposed"], ("exposure_territory_", "exposure_population", "counter_reach_territory_")),
    ],
)
def test_family_subset_equals_full_profile_rows(
    families: list[str], prefix: tuple[str, ...]
) -> None:
    rec = Record.load()
    sc = load_scenario("examples/europe-2022-02.yaml", rec)
    full = profile(rec, sc, "2022-02-14").table
    part = profile(rec, sc, "2022-02-14", families=families).table
    assert set(part["indicator"]) and all(i.startswith(prefix) for i in part["indicator"])
    # the family's own indicators (``range`` and ``exposed`` share the ``exposure_`` prefix)
    expected = full[full["indicator"].isin(set(part["indicator"]))].reset_index(drop=True)
    assert expected.equals(part.reset_index(drop=True))


def test_unknown_family_is_an_input_error() -> None:
    rec = Record.load()
    sc = load_scenario("examples/europe-2022-02.yaml", rec)
    with pytest.raises(InputError, match=r"unknown indicator families \['ranges'\]"):
        profile(rec, sc, "2022-02-14", families=["ranges"])
