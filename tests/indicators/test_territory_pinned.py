"""Point → territory distances pinned to the values of the per-pair projection method.

``territory_pinned.json`` was recorded with the original implementation (one azimuthal
equidistant projection built per point and territory, the whole outline projected). Any
faster path (cached projections, vertex screens) must give the same kilometres to 1e-9.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from indivisible.indicators import distance_to_territory_km

PINNED = json.loads((Path(__file__).parent / "territory_pinned.json").read_text("utf-8"))
LAT = np.array([p[0] for p in PINNED["points"]])
LON = np.array([p[1] for p in PINNED["points"]])


@pytest.mark.parametrize("iso3", PINNED["iso3"])
def test_array_matches_pinned(iso3: str) -> None:
    got = distance_to_territory_km(LAT, LON, iso3)
    np.testing.assert_allclose(got, PINNED["km"][iso3], rtol=1e-9, atol=1e-9)


@pytest.mark.parametrize("iso3", ["LTU", "RUS", "NOR"])
def test_scalar_matches_pinned_in_any_order(iso3: str) -> None:
    want = PINNED["km"][iso3]
    for i in reversed(range(0, LAT.size, 7)):
        got = distance_to_territory_km(float(LAT[i]), float(LON[i]), iso3)
        assert got == pytest.approx(want[i], rel=1e-9, abs=1e-9)
