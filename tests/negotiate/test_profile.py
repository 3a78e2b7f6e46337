"""The search reads point values from the profile's array core: the table's values."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from indivisible.indicators import profile
from indivisible.indicators._profile import FAMILIES
from indivisible.negotiate._profile import (
    AGGREGATION,
    core_point_array,
    default_profiler,
    keys_of,
    point_array,
)
from indivisible.record import Record
from indivisible.world import load_scenario

ROOT = Path(__file__).resolve().parents[2]
PARTIES = ("RUS", "BLR", "POL", "LTU", "DEU", "USA")


@pytest.fixture(scope="module")
def rec() -> Record:
    return Record.load()


@pytest.mark.parametrize("name", ["europe-2022-02", "europe-today", "what-if-ukraine-in-nato"])
def test_core_values_are_the_table_values(rec: Record, name: str) -> None:
    sc = load_scenario(ROOT / "examples" / f"{name}.yaml", rec)
    prof = profile(rec, sc, sc.date, states=list(PARTIES))
    keys = keys_of(prof.table, PARTIES, AGGREGATION)
    assert len(keys.names) > 20
    # a party the table does not hold, and one the profile never had, give NaN both ways
    parties = [*PARTIES, "FRA", "XXX"]
    want = point_array(prof.table, parties, keys)
    got = core_point_array(prof.core, [p if p in PARTIES else "" for p in parties], keys)
    assert np.isnan(want[-2:]).all()
    np.testing.assert_array_equal(got, want)


def test_the_default_profiler_builds_no_detail(rec: Record) -> None:
    sc = load_scenario(ROOT / "examples" / "europe-2022-02.yaml", rec)
    prof = default_profiler()(rec, sc, sc.date, states=["POL", "RUS"], draws=0, seed=None)
    families = [f for f in FAMILIES if f != "exposed"]
    full = profile(rec, sc, sc.date, states=["POL", "RUS"], families=families)
    assert set(prof.table["detail"]) == {""}
    assert (full.table["detail"] != "").all()
    np.testing.assert_array_equal(prof.table["value"], full.table["value"])
