"""The strict-mode sweep: exact thresholds and lattice blocks against the plain judgement."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indivisible.assess import Tolerance
from indivisible.negotiate._effects import Effects, Slot
from indivisible.negotiate._kernel import (
    Contributions,
    Layer,
    Sweep,
    bounds,
    gains,
    judge,
    thresholds,
    values,
)
from indivisible.negotiate._profile import Keys

finite = st.floats(allow_nan=False, allow_infinity=False, width=64)
special = st.sampled_from([0.0, -0.0, 1.0, -1.0, 1e-300, 5e-324, 1e308, -1e308, 0.1, 3.0])


@settings(max_examples=300, deadline=None)
@given(
    b=st.one_of(finite, special, st.just(np.inf), st.just(-np.inf), st.just(np.nan)),
    c=st.one_of(st.floats(0, 1e300), special.map(abs)),
    shifts=st.lists(st.integers(-3, 3), min_size=1, max_size=6),
    far=st.lists(st.one_of(finite, st.just(np.inf), st.just(-np.inf), st.just(np.nan)),
                 max_size=4),
)  # fmt: skip
def test_thresholds_decide_exactly_as_the_difference(
    b: float, c: float, shifts: list[int], far: list[float]
) -> None:
    before, bound = np.array([b]), np.array([c])
    lo, hi = thresholds(before, bound)
    xs = list(far)
    for edge in (b - c, b + c, lo[0], hi[0], b):
        for k in shifts:  # the ulps around every edge
            x = edge
            for _ in range(abs(k)):
                with np.errstate(over="ignore"):
                    x = float(np.nextafter(x, np.inf if k > 0 else -np.inf))
            xs.append(x)
    x = np.array(xs)
    with np.errstate(invalid="ignore", over="ignore"):
        d = x - b
    np.testing.assert_array_equal(d < -c, x < lo[0])
    np.testing.assert_array_equal(d > c, x > hi[0])


def _random_layer(seed: int) -> tuple[Effects, Contributions, np.ndarray, Keys]:
    g = np.random.default_rng(seed)
    n, slots, p, k, d = int(g.integers(3, 9)), int(g.integers(2, 12)), 2, 6, 7
    in_base = g.random(slots) < 0.6
    removes = (g.random((n, slots)) < 0.25) & in_base[None]
    adds = g.random((n, slots)) < 0.2  # a slot may be added back, or added twice
    eff = Effects(
        measures=tuple(f"m{i}" for i in range(n)),
        slots=tuple(Slot("base", "deployments", f"s{s}", None) for s in range(slots)),
        in_baseline=in_base, removes=removes, adds=adds,
        requires=np.zeros((n, n), dtype=bool), global_measures=(),
        global_changes=tuple(((), (), ()) for _ in range(n)),
    )  # fmt: skip
    agg = np.array([0, 0, 1, 1, 2, 0], dtype=np.int8)
    keys = Keys(
        tuple(f"i{j}" for j in range(k)), tuple(f"i{j}" for j in range(k)), ("u",) * k,
        ("higher_is_safer", "higher_is_less_safe", "higher_is_safer", "higher_is_less_safe",
         "higher_is_safer", "higher_is_less_safe"),
        ("sum", "sum", "min", "min", "max", "sum"),
    )  # fmt: skip
    v0 = g.integers(0, 4, size=(1, p, k, d)).astype(float)
    term = g.integers(-2, 3, size=(1, slots, p, k, d)).astype(float)
    term[:, :, :, 2:5, :] = g.uniform(-1, 5, size=(1, slots, p, 3, d))
    odd = g.random(term.shape) < 0.03  # NaN and infinite contributions spread as before
    term[odd] = g.choice([np.nan, np.inf, -np.inf], size=int(odd.sum()))
    c = Contributions(v0, term, agg)
    before = values(eff, c, np.zeros(1, dtype=np.int64))[0]
    return eff, c, before, keys


@pytest.mark.parametrize("seed", range(12))
def test_sweep_counts_equal_the_plain_judgement(seed: int) -> None:
    eff, c, before, keys = _random_layer(seed)
    tol = Tolerance(relative=0.05, absolute=0.5)
    n_all = 1 << eff.n
    masks = np.arange(n_all, dtype=np.int64)
    g = gains(values(eff, c, masks), before, keys.sign, bounds(before, keys, tol))
    ok, _ = judge(g, None)
    want = ok.sum(axis=1)
    assert Sweep.applies(eff, c)
    layer = Layer.build(eff, c, before, keys, (tol, None, None))
    assert layer.sweep is not None
    np.testing.assert_array_equal(layer.counts(0, n_all), want)
    for block in (1, 2, 8):  # any blocking: same counts
        sweep = Sweep(layer.sweep.effects, layer.sweep.groups, layer.sweep.draws, block)
        np.testing.assert_array_equal(sweep.counts(0, n_all), want)
    lo, hi = 3, n_all - 2  # a range that is not aligned
    np.testing.assert_array_equal(layer.counts(lo, hi), want[lo:hi])
