"""Richardson's model against its closed-form equilibrium and stability condition."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indivisible._errors import InputError
from indivisible.dynamics import Richardson


def test_equilibrium_closed_form() -> None:
    m = Richardson(k=0.9, l=0.8, a=1.5, b=1.2, g=2.0, h=1.0)
    det = 1.5 * 1.2 - 0.9 * 0.8  # 1.08
    assert m.determinant == pytest.approx(det)
    x, y = m.equilibrium()
    assert x == pytest.approx((1.2 * 2.0 + 0.9 * 1.0) / det)  # 3.0555...
    assert y == pytest.approx((1.5 * 1.0 + 0.8 * 2.0) / det)  # 2.8703...
    # the equilibrium is a fixed point of the right-hand side
    rhs = m.matrix @ np.array([x, y]) + np.array([2.0, 1.0])
    np.testing.assert_allclose(rhs, 0.0, atol=1e-12)


def test_stable_race_converges_unstable_race_runs_away() -> None:
    stable = Richardson(k=0.5, l=0.5, a=1.0, b=1.0, g=1.0, h=1.0)
    assert stable.stable and stable.discrete_stable(0.1)
    path = stable.simulate(0.0, 10.0, dt=0.1, steps=400)
    np.testing.assert_allclose(path[-1], stable.equilibrium(), atol=1e-6)
    runaway = Richardson(k=1.0, l=1.0, a=0.5, b=0.5, g=1.0, h=1.0)
    assert not runaway.stable and not runaway.discrete_stable(0.1)
    path = runaway.simulate(1.0, 1.0, dt=0.1, steps=200)
    assert path[-1, 0] > 1e3 and path[-1, 1] > 1e3


def test_discrete_closed_form_matches_iteration() -> None:
    m = Richardson(k=0.3, l=0.6, a=0.9, b=0.4, g=0.5, h=-0.2)
    path = m.simulate(2.0, 1.0, dt=0.25, steps=30)
    for t in (0, 1, 7, 30):
        np.testing.assert_allclose(path[t], m.closed_form(2.0, 1.0, dt=0.25, t=t), rtol=1e-12)


@settings(max_examples=60, deadline=None)
@given(k=st.floats(0, 2), l=st.floats(0, 2), a=st.floats(0.01, 2), b=st.floats(0.01, 2))
def test_stability_condition_is_the_eigenvalue_condition(
    k: float,
    l: float,  # noqa: E741 - Richardson's letter
    a: float,
    b: float,
) -> None:
    m = Richardson(k=k, l=l, a=a, b=b)
    if abs(m.determinant) < 1e-9:
        return
    eig = np.linalg.eigvals(m.matrix)
    assert m.stable == bool((eig.real < 0).all())


def test_bad_parameters() -> None:
    with pytest.raises(InputError, match="field 'a': a must be a finite number >= 0, got -1"):
        Richardson(k=1, l=1, a=-1, b=1)
    with pytest.raises(InputError, match="no unique equilibrium"):
        Richardson(k=1, l=1, a=1, b=1).equilibrium()
