"""The search: hand-checked Pareto sets and compatible bundles, and exactness of the kernel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from tests.negotiate._toy import TOY_AGGREGATION, toy_profile

from indivisible.negotiate import SearchOptions, load_menu, load_perspectives, negotiate

FIX = Path(__file__).parent / "fixtures"


def _run(record: Any, scenario: Any, **kw: Any) -> Any:
    menu = load_menu(FIX / "toy-menu.yaml", record)
    kw.setdefault("aggregation", TOY_AGGREGATION)
    return negotiate(
        record, scenario, menu, ["RUS", "USA"], SearchOptions(profiler=toy_profile, **kw)
    )


def test_strict_mode_accepts_no_reciprocal_bundle(record: Any, toy_scenario: Any) -> None:
    r = _run(record, toy_scenario)
    assert r.evaluated == 8
    assert r.compatible == ()
    # gains (RUS threat, RUS deterrence, USA threat, USA deterrence): {} (0,0,0,0);
    # us-out (1,0,0,-1); ru-out (0,-2,2,0); us-add (-1,0,0,1); us-out+ru-out (1,-2,2,-1);
    # us-out+us-add (0,0,0,0); ru-out+us-add (-1,-2,2,1); all (0,-2,2,0). The warning
    # change of us-add (49.7 -> 49.4) is within the 1 % tolerance. No vector dominates another.
    got = {p.measures: (p.equivalent, p.compatible) for p in r.pareto}
    assert got == {
        (): (2, False),
        ("us-out",): (1, False),
        ("ru-out",): (2, False),
        ("us-add",): (1, False),
        ("us-out", "ru-out"): (1, False),
        ("ru-out", "us-add"): (1, False),
    }


def test_weighted_mode_finds_the_trade(record: Any, toy_scenario: Any) -> None:
    persp = load_perspectives([FIX / "rus.yaml", FIX / "usa.yaml"], record)
    r = _run(record, toy_scenario, mode="weighted", perspectives=persp)
    assert [b.measures for b in r.compatible] == [("us-out", "ru-out")]
    b = r.compatible[0]
    assert b.scores == {"RUS": 0.5, "USA": 1.5}
    # with no launcher of the other side left, warning time goes to inf (no threat)
    assert b.gains["RUS"] == {"threat": 1.0, "deterrence": -2.0, "warning": np.inf}
    assert b.gains["USA"] == {"threat": 2.0, "deterrence": -1.0, "warning": np.inf}
    why = b.explanation
    assert why is not None
    assert why.pays == {"RUS": ("ru-out",), "USA": ("us-out",)}
    assert why.price_of == {("RUS", "ru-out"): ("us-out",), ("USA", "us-out"): ("ru-out",)}
    assert why.trade_offs == {"RUS": ("deterrence",), "USA": ("deterrence",)}
    assert "RUS accepts ru-out (deterrence -2) as the price of us-out" in why.sentences()
    # scores (RUS, USA): {} (0,0); us-out (1,-.5); ru-out (-.5,2); us-add (-1,.5);
    # us-out+ru-out (.5,1.5); us-out+us-add (0,0); ru-out+us-add (-1.5,2.5); all (-.5,2)
    got = {p.measures: (p.equivalent, p.compatible) for p in r.pareto}
    assert got == {
        ("us-out",): (1, False),
        ("ru-out",): (2, False),
        ("us-out", "ru-out"): (1, True),
        ("ru-out", "us-add"): (1, False),
    }


def test_require_removes_infeasible_bundles(record: Any, toy_scenario: Any, tmp_path: Path) -> None:
    text = (
        (FIX / "toy-menu.yaml")
        .read_text()
        .replace("    implemented_by: RUS\n", "    implemented_by: RUS\n    require: [us-out]\n")
    )
    p = tmp_path / "m.yaml"
    p.write_text(text)
    menu = load_menu(p, record)
    r = negotiate(record, toy_scenario, menu, ["RUS", "USA"], SearchOptions(profiler=toy_profile,
                  aggregation=TOY_AGGREGATION))  # fmt: skip
    assert r.evaluated == 6
    assert all(not ("ru-out" in q.measures and "us-out" not in q.measures) for q in r.pareto)


def test_probability_over_draws(record: Any, toy_scenario: Any) -> None:
    persp = load_perspectives([FIX / "rus.yaml", FIX / "usa.yaml"], record)
    r = _run(record, toy_scenario, mode="weighted", perspectives=persp, draws=400, seed=5,
             chunk_draws=128, level=0.5)  # fmt: skip
    b = r.compatible[0]
    assert b.measures == ("us-out", "ru-out")
    assert b.probability == 0.94  # pinned: 376 of 400 draws
    assert r.robust == (("us-out", "ru-out"),)
    again = _run(record, toy_scenario, mode="weighted", perspectives=persp, draws=400, seed=5,
                 chunk_draws=128, level=0.5)  # fmt: skip
    assert again.to_json() == r.to_json()


def test_seed_and_rng_are_exclusive(record: Any, toy_scenario: Any) -> None:
    from indivisible._errors import InputError

    with pytest.raises(InputError, match="give seed or rng, not both"):
        _run(record, toy_scenario, draws=2, seed=1, rng=np.random.default_rng(1))


def test_wrong_aggregation_fails_verification(record: Any, toy_scenario: Any) -> None:
    from indivisible._errors import IndivisibleError

    with pytest.raises(IndivisibleError, match="'warning' \\(declared sum\\) is not decomposable"):
        _run(record, toy_scenario, aggregation={**TOY_AGGREGATION, "warning": "sum"}, verify=8)


def test_weights_on_left_out_indicators_are_ignored_unknown_ones_fail(
    record: Any, toy_scenario: Any, tmp_path: Path
) -> None:
    from indivisible._errors import InputError

    persp = load_perspectives([FIX / "rus.yaml", FIX / "usa.yaml"], record)
    r = _run(record, toy_scenario, mode="weighted", perspectives=persp, indicators=["threat"])
    assert [k["key"] for k in r.indicators] == ["threat"]
    # deterrence left out: removals are pure gains (RUS +1 from us-out, USA +2 from ru-out)
    assert {b.measures for b in r.compatible} == {
        ("us-out",), ("ru-out",), ("us-out", "ru-out"), ("us-out", "ru-out", "us-add"),
    }  # fmt: skip
    bad = tmp_path / "rus.yaml"
    bad.write_text((FIX / "rus.yaml").read_text().replace("  deterrence:", "  deterence:"))
    persp = load_perspectives([bad, FIX / "usa.yaml"], record)
    with pytest.raises(InputError, match="weight for unknown indicator 'deterence'"):
        _run(record, toy_scenario, mode="weighted", perspectives=persp)
