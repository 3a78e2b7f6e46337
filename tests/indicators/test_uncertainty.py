"""Monte Carlo draws: seeded and reproducible, readings sampled by weight, specs validated."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from indivisible._errors import InputError
from indivisible.indicators import profile
from indivisible.indicators._uncertainty import Distribution, generator, load_uncertainty
from indivisible.record import Record
from indivisible.world import load_scenario

from ._profile_fixtures import RED, write

ON = "2022-02-14"
DISPUTED = RED.replace("system: test-srbm", "system: test-disputed")


@pytest.fixture(scope="module")
def record() -> Record:
    return Record.load()


def test_same_seed_same_draws_bit_for_bit(record: Record, tmp_path: Path) -> None:
    sc = load_scenario(write(tmp_path, DISPUTED))
    a = profile(record, sc, ON, states=["DEU", "POL"], draws=200, seed=42)
    b = profile(record, sc, ON, states=["DEU", "POL"], draws=200, seed=42)
    assert a.draws is not None and b.draws is not None
    pd.testing.assert_frame_equal(a.draws, b.draws)
    assert a.seed == 42
    # the stored generator state reproduces the run through rng=
    g = np.random.Generator(np.random.PCG64())
    assert a.rng_state is not None
    g.bit_generator.state = a.rng_state
    c = profile(record, sc, ON, states=["DEU", "POL"], draws=200, rng=g)
    assert c.draws is not None
    pd.testing.assert_frame_equal(a.draws, c.draws)
    assert c.seed is None
    d = profile(record, sc, ON, states=["DEU", "POL"], draws=200, seed=43)
    assert d.draws is not None and not d.draws["value"].equals(a.draws["value"])


def test_seed_and_rng_together_is_an_error(record: Record, tmp_path: Path) -> None:
    sc = load_scenario(write(tmp_path, DISPUTED))
    with pytest.raises(InputError, match="seed or rng, not both"):
        profile(record, sc, ON, draws=5, seed=1, rng=np.random.default_rng(1))
    with pytest.raises(InputError, match="seed or rng"):
        generator(1, np.random.default_rng(1))


def test_readings_sampled_by_weight(record: Record, tmp_path: Path) -> None:
    sc = load_scenario(write(tmp_path, DISPUTED))
    # Berlin (604 km) is reached only under the USA reading (1200 km), not RUS (400 km)
    only_usa = profile(
        record,
        sc,
        ON,
        states=["DEU"],
        draws=50,
        seed=1,
        uncertainty={"readings": {"RUS": 0, "USA": 1}},
    )
    assert only_usa.draws is not None
    exp = only_usa.draws[only_usa.draws.indicator == "exposure_launchers"]["value"]
    assert (exp == 12.0).all()
    even = profile(record, sc, ON, states=["DEU"], draws=4000, seed=1)
    assert even.draws is not None
    share = (even.draws[even.draws.indicator == "exposure_launchers"]["value"] == 12.0).mean()
    assert share == pytest.approx(0.5, abs=0.03)  # 4000 draws: 3 sd of a binomial ~ 0.024
    iv = even.intervals()
    row = iv[(iv.state == "DEU") & (iv.indicator == "exposure_launchers")].iloc[0]
    assert (row["low"], row["high"]) == (0.0, 12.0)


def test_range_distribution_and_dual_capable(record: Record, tmp_path: Path) -> None:
    sc = load_scenario(write(tmp_path, DISPUTED))
    p = profile(
        record,
        sc,
        ON,
        states=["DEU"],
        draws=2000,
        seed=7,
        uncertainty={
            "ranges": {"test-disputed": {"uniform": [500, 700]}},
            "dual_capable": {"test-disputed": 1.0},
        },
    )
    assert p.draws is not None
    v = p.draws[p.draws.indicator == "exposure_launchers"]["value"]
    # Berlin at d = 604.x km: reached when the drawn range >= d, P = (700 - d) / 200 ~ 0.48
    from indivisible.indicators import distance_km

    d = distance_km(54.63, 21.82, 52.52, 13.41)
    assert (v == 12.0).mean() == pytest.approx((700 - d) / 200, abs=0.04)
    nuc = p.draws[p.draws.indicator == "exposure_nuclear_launchers"]["value"]
    assert (nuc.to_numpy() == v.to_numpy()).all()  # every deployment nuclear-armed


def test_distribution_parsing_and_errors(tmp_path: Path) -> None:
    assert Distribution.model_validate({"triangular": [1, 2, 6]}).central == 3.0
    assert Distribution.model_validate({"beta": [2, 2]}).central == 0.5
    with pytest.raises(ValueError, match="unknown distribution"):
        Distribution.model_validate({"gamma": [1, 2]})
    with pytest.raises(ValueError, match="low <= high"):
        Distribution.model_validate({"uniform": [3, 1]})
    bad = tmp_path / "u.yaml"
    bad.write_text("uncertainty:\n  readings: {RUS: -1}\n", encoding="utf-8")
    with pytest.raises(InputError, match="weight"):
        load_uncertainty(bad)
    bad.write_text("uncertainty:\n  rangez: {}\n", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_uncertainty(bad)
    assert exc.value.field == "rangez"


def test_normal_is_truncated_not_clipped() -> None:
    """No mass piles up at 0, and the sample mean is the truncated normal's mean."""
    import numpy as np

    from indivisible.indicators._uncertainty import Distribution, truncated_normal_mean

    d = Distribution.model_validate({"normal": [0.0, 100.0]})
    x = d.sample(np.random.default_rng(3), 20_000)
    assert (x > 0).all()  # clipping would put about half of the draws at exactly 0
    assert abs(x.mean() - truncated_normal_mean(0.0, 100.0)) < 2.0  # 79.8
    assert abs(d.central - 79.79) < 0.01
