"""One reach model: every ring drawn (PNG map, web layers) is a range the verdict used."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from indivisible.assess import assess, load_action
from indivisible.record import Record
from indivisible.world import load_scenario

ROOT = Path(__file__).resolve().parents[2]
B = "examples/actions/baselines/"
A = "examples/actions/"
CASES = [
    (B + "europe-2025-12-31.yaml", A + "us-lrf-germany-2026.yaml"),
    (B + "europe-2018-02-04.yaml", A + "iskander-kaliningrad-2018.yaml"),
    ("examples/europe-today.yaml", A + "kaliningrad-mainz-zero-option.yaml"),
]


def _used(result: object, dep: str) -> set[float]:
    """The ranges of ``dep`` under which the verdicts' range rows were computed."""
    return {float(v) for v in result.ranges.get(dep, {}).values()}  # type: ignore[attr-defined]


@pytest.mark.parametrize(("base", "action"), CASES)
def test_every_ring_drawn_is_a_range_used_in_the_verdict(base: str, action: str) -> None:
    from indivisible.assess._map import ring_ranges
    from indivisible.web._analysis import assessment_layers

    rec = Record.load()
    sc = load_scenario(ROOT / base, rec)
    result = assess(rec, sc, load_action(ROOT / action, rec), threats="alliance")
    layers = assessment_layers(rec, result)
    drawn = 0
    for d in layers["deployments"]:
        used = _used(result, d["id"])
        for ring in d["rings"]:
            drawn += 1
            assert float(ring["range_km"]) in used, (d["id"], ring["range_km"], used)
        assert sorted(float(r["range_km"]) for r in d["rings"]) == (
            ring_ranges(result, d["id"]) if d["change"] != "kept" else []
        )
    assert drawn > 0
    # and the ranges are what the profile compared: the verdict's range rows under each
    # reading move only where a range reaches (checked on the JSON contract's keys)
    out = json.loads(json.dumps(result.to_json()))
    assert set(out["ranges"]) >= {d["id"] for d in layers["deployments"] if d["rings"]}


def test_rings_of_the_lrf_are_the_typhon_ranges_the_profile_used() -> None:
    rec = Record.load()
    sc = load_scenario(ROOT / CASES[0][0], rec)
    result = assess(rec, sc, load_action(ROOT / CASES[0][1], rec), threats="alliance")
    used = _used(result, "us-lrf-germany")
    assert used  # the launcher's range is the longest-reaching missile's, per reading
    from indivisible.indicators._profile import RANGE_INDICATORS

    assert set(RANGE_INDICATORS) <= {d.indicator for d in result.deltas}
