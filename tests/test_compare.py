"""``compare.Tolerance``: the vectorised bound is the scalar bound, value by value."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from indivisible.compare import Tolerance

VALUES = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True, width=64),
    st.sampled_from([0.0, -0.0, math.nan, math.inf, -math.inf]),
)


@given(
    st.lists(VALUES, min_size=1, max_size=20),
    st.floats(0, 10),
    st.floats(0, 10),
    st.booleans(),
)
def test_bounds_is_bound_elementwise(before: list[float], rel: float, ab: float, own: bool) -> None:
    tol = Tolerance(per_indicator={"x": (rel, ab)}) if own else Tolerance(rel, ab)
    got = tol.bounds("x", np.asarray(before, dtype=float))
    assert got.tolist() == [tol.bound("x", v) for v in before]


def test_bounds_ignores_values_that_are_not_finite() -> None:
    tol = Tolerance(0.01, 1e-9)
    got = tol.bounds("x", np.array([200.0, math.nan, -math.inf]))
    assert got.tolist() == [2.0, 1e-9, 1e-9]
