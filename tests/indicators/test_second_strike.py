"""Second-strike fraction: the formula hand-checked, inputs validated, the 2022 example."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from indivisible._errors import InputError
from indivisible.indicators._second_strike import (
    DefenceValues,
    SecondStrikeInputs,
    load_second_strike,
    second_strike,
    second_strike_fraction,
    surviving_warheads,
)

EXAMPLE = Path("examples/second-strike-2022.yaml")


def test_hand_checked_formula() -> None:
    # silos: 400 · (1 − 0.9)^(800/400) = 4; SSBNs: 1000 · (0.6 + 0.4 · 0.1^(10/5)) = 604
    assert float(surviving_warheads([400, 1000], [0, 0.6], [400, 5], [800, 10], 0.9)) == (
        pytest.approx(608.0)
    )
    # 44 interceptors, salvo of 2 → 22 engaged, each killed with 1 − 0.5² = 0.75 → 16.5
    f = second_strike_fraction(
        [400, 1000], [0, 0.6], [400, 5], [800, 10], 0.9, DefenceValues(44, 0.5, 1.0, 2)
    )
    assert float(f) == pytest.approx(591.5 / 1400)


def test_limits() -> None:
    # no attack, no defence: everything survives and penetrates
    assert float(second_strike_fraction([100], [0], [10], [0], 0.9)) == 1.0
    # defence larger than the surviving force, perfect SSPK, full coverage: nothing penetrates
    assert (
        float(second_strike_fraction([100], [1], [10], [0], 0.9, DefenceValues(1000, 1.0, 1.0, 2)))
        == 0.0
    )
    # coverage halves what can be engaged
    assert (
        float(second_strike_fraction([100], [1], [10], [0], 0.9, DefenceValues(1000, 1.0, 0.5, 2)))
        == 0.5
    )


def test_vectorised_over_draws() -> None:
    pk = np.array([0.0, 0.5, 1.0])
    f = second_strike_fraction([100], np.zeros((3, 1)), [10], [10], pk)
    assert f.tolist() == [1.0, 0.5, 0.0]


def test_example_file_loads_and_pairs() -> None:
    inputs = load_second_strike(EXAMPLE)
    pairs = {(r["first"], r["second"]): r for r in second_strike(inputs)}
    assert set(pairs) >= {("RUS", "USA"), ("USA", "RUS"), ("RUS", "GBR"), ("RUS", "FRA")}
    # New START aggregate data, 1 September 2021: USA 1,389 and RUS 1,458 warheads
    assert pairs[("RUS", "USA")]["warheads"] == 1389.0
    assert pairs[("USA", "RUS")]["warheads"] == 1458.0
    # UK: 40 of 120 at sea survive; 80 in port at one aim point hit by 2 warheads at pk 0.8
    gbr = pairs[("RUS", "GBR")]
    assert gbr["surviving"] == pytest.approx(120 * (0.333 + 0.667 * 0.2**2))
    for r in pairs.values():
        assert 0.0 <= r["fraction"] <= 1.0
    draws = second_strike(inputs, np.random.default_rng(3), 100)
    again = second_strike(inputs, np.random.default_rng(3), 100)
    for a, b in zip(draws, again, strict=True):
        assert np.array_equal(a["draws"], b["draws"])


def test_invalid_inputs(tmp_path: Path) -> None:
    base = {
        "states": {
            "A": {
                "modes": {"ssbn": {"warheads": 10, "aim_points": 1, "dispersed": 0.5}},
                "kill_probability": 0.9,
            }
        },
        "pairs": [{"first": "A", "second": "B", "allocation": {}}],
    }
    with pytest.raises(ValueError, match="no forces given for 'B'"):
        SecondStrikeInputs.model_validate(base)
    bad = tmp_path / "s.yaml"
    bad.write_text("second_strike:\n  states: {}\n  pairs: []\n", encoding="utf-8")
    with pytest.raises(InputError):
        load_second_strike(bad)


def test_profile_row_is_the_worst_pair() -> None:
    from indivisible.indicators import profile
    from indivisible.record import Record
    from indivisible.world import load_scenario

    sc = load_scenario("examples/europe-2022-02.yaml")
    p = profile(
        Record.load(),
        sc,
        "2022-02-14",
        states=["RUS", "USA", "GBR"],
        second_strike=EXAMPLE,
        draws=50,
        seed=2,
    )
    rows = {
        r["first"] + r["second"]: r["fraction"] for r in second_strike(load_second_strike(EXAMPLE))
    }
    assert p.value("USA", "second_strike_fraction") == pytest.approx(rows["RUSUSA"])
    assert p.value("GBR", "second_strike_fraction") == pytest.approx(rows["RUSGBR"])
    assert p.draws is not None
    assert (p.draws.indicator == "second_strike_fraction").sum() == 150
