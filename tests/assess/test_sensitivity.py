"""Sensitivity: which single assumption flips each verdict; Wilson intervals on draws."""

from __future__ import annotations

from pathlib import Path

import pytest

from indivisible.assess import assess, load_action
from indivisible.assess._assess import wilson_interval
from indivisible.record import Record
from indivisible.world import load_scenario

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def glcm() -> object:
    rec = Record.load()
    sc = load_scenario(ROOT / "examples/actions/baselines/europe-2025-12-31.yaml", rec)
    act = load_action(ROOT / "tests/assess/fixtures/threats/us-glcm-redzikowo.yaml", rec)
    return assess(rec, sc, act)


def test_every_verdict_has_a_sensitivity_entry_with_a_label(glcm: object) -> None:
    out = glcm.to_json()  # type: ignore[attr-defined]
    sens = {(x["actor"], x["other"]): x for x in out["sensitivity"]}
    assert set(sens) == {(v["actor"], v["other"]) for v in out["verdicts"]}
    for x in out["sensitivity"]:
        assert x["label"] in {"robust", "knife-edge"}
        assert (x["label"] == "knife-edge") == bool(x["flips"])
        for f in x["flips"]:
            assert f["assumption"] in {"threat_reading", "range_reading", "indicator", "tolerance"}
            assert f["verdict"] != x["verdict"]


def test_the_flip_named_really_flips(glcm: object) -> None:
    """Leaving out the indicator named gives the verdict named (rerun, not trusted)."""
    rec = Record.load()
    out = glcm.to_json()  # type: ignore[attr-defined]
    rus = next(x for x in out["sensitivity"] if x["other"] == "RUS")
    flip = next(f for f in rus["flips"] if f["assumption"] == "indicator")
    kept = sorted({d["indicator"] for d in out["deltas"]} - {flip["value"]})
    sc = load_scenario(ROOT / "examples/actions/baselines/europe-2025-12-31.yaml", rec)
    act = load_action(ROOT / "tests/assess/fixtures/threats/us-glcm-redzikowo.yaml", rec)
    again = assess(rec, sc, act, indicators=kept, threats="sourced")
    v = next(v for v in again.verdicts if v.other == "RUS")
    assert v.verdict == flip["verdict"]


def test_wilson_interval_contains_the_share_and_narrows_with_n() -> None:
    lo, hi = wilson_interval(7, 10)
    assert lo < 0.7 < hi
    lo2, hi2 = wilson_interval(700, 1000)
    assert hi2 - lo2 < hi - lo
    assert wilson_interval(0, 10)[0] == 0.0


def test_draw_verdicts_carry_the_interval() -> None:
    rec = Record.load()
    sc = load_scenario(ROOT / "examples/actions/baselines/europe-2018-02-04.yaml", rec)
    act = load_action(ROOT / "examples/actions/iskander-kaliningrad-2018.yaml", rec)
    r = assess(rec, sc, act, draws=20, seed=5, indicators=["exposure_launchers"])
    for v in r.verdicts:
        assert v.interval is not None and v.interval[0] <= v.probability <= v.interval[1]
    r0 = assess(rec, sc, act, indicators=["exposure_launchers"])
    assert all(v.interval is None for v in r0.verdicts)
