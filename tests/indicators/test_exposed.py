"""What is exposed: territory samples (exclaves included), gazetteer population, borders."""

from __future__ import annotations

import numpy as np
import pytest

from indivisible.indicators._exposed import (
    GRID_KM,
    city_points,
    land_borders_km,
    other_alliance_border_km,
    territory_points,
)
from indivisible.record import Record
from indivisible.world import load_scenario


def test_territory_samples_cover_the_area_and_include_kaliningrad() -> None:
    t = territory_points(["POL", "RUS"])
    pol = t.weight[t.state == 0].sum()
    assert pol == pytest.approx(312_700, rel=0.05)  # Poland's land area, km²
    rus = t.state == 1
    kal = rus & (t.lat > 54.3) & (t.lat < 55.3) & (t.lon > 19.6) & (t.lon < 22.9)
    assert kal.sum() * GRID_KM**2 == pytest.approx(15_100, rel=0.25)  # Kaliningrad oblast


def test_tiny_state_is_one_weighted_point_and_cities_carry_population() -> None:
    t = territory_points(["VAT", "LIE"])
    assert (t.state == 0).sum() == 1 and t.weight[t.state == 0][0] < 10
    c = city_points(["POL"])
    assert c.weight.sum() > 15e6 and c.weight.min() >= 15_000


def test_borders_and_enlargement() -> None:
    states = ("RUS", "FIN", "NOR", "EST")
    b = land_borders_km(states)
    assert b[0, 1] == pytest.approx(1_340, rel=0.15)  # Russia-Finland
    assert b[1, 3] == 0.0  # Finland and Estonia: sea between
    before = {"RUS": ["csto"], "FIN": [], "NOR": ["nato"], "EST": ["nato"]}
    after = {**before, "FIN": ["nato"]}
    km0, _ = other_alliance_border_km(states, before, b)
    km1, detail = other_alliance_border_km(states, after, b)
    assert km1[0] - km0[0] == pytest.approx(b[0, 1])
    assert "FIN (nato)" in detail[0]
    assert km1[1] == pytest.approx(b[1, 0])  # Finland: only Russia is in another alliance now


def test_finland_accession_changes_russias_profile() -> None:
    from indivisible.assess import assess, load_action

    rec = Record.load()
    sc = load_scenario("examples/europe-2022-02.yaml", rec)
    act = load_action("examples/actions/finland-accession-2023.yaml", rec)
    r = assess(rec, sc, act, indicators=["alliance_cover", "border_other_alliance_km"])
    rus = [d for d in r.deltas if d.state == "RUS" and d.indicator == "border_other_alliance_km"]
    assert rus and rus[0].better is False and rus[0].change > 1000
    fin = [d for d in r.deltas if d.state == "FIN" and d.indicator == "alliance_cover"]
    assert fin[0].better is True
    v = next(v for v in r.verdicts if v.actor == "FIN" and v.other == "RUS")
    assert "border_other_alliance_km" in v.other_worse
    assert np.isfinite(rus[0].after)


def test_shipped_border_table_is_current() -> None:
    from importlib import resources
    from pathlib import Path

    from indivisible.indicators._exposed import BORDERS_FILE, borders_json

    shipped = Path(str(resources.files("indivisible") / "data" / "geo" / BORDERS_FILE))
    assert shipped.read_text(encoding="utf-8") == borders_json(), "run scripts/make_borders.py"
