"""The memoised constraint table equals the computed one and is never shared."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from indivisible.indicators._constraints import _constraint_pairs, constraint_pairs
from indivisible.record import Record

ON = dt.date(2022, 2, 1)
STATES = ("POL", "RUS", "USA", "UKR")


def _allied() -> np.ndarray:
    a = np.eye(len(STATES), dtype=bool)
    a[0, 2] = a[2, 0] = True  # POL-USA
    return a


def test_memo_equals_fresh_and_returns_copies() -> None:
    rec = Record.load()
    first = constraint_pairs(rec, ON, STATES, _allied())
    first.loc[0, "legal"] = -1.0  # a caller's edit must not reach the memo
    second = constraint_pairs(rec, ON, STATES, _allied())
    pd.testing.assert_frame_equal(second, _constraint_pairs(rec, ON, STATES, _allied()))


def test_memo_keys_on_the_alliance_matrix_and_date() -> None:
    rec = Record.load()
    none = np.eye(len(STATES), dtype=bool)
    assert len(constraint_pairs(rec, ON, STATES, none)) == 12
    assert len(constraint_pairs(rec, ON, STATES, _allied())) == 10
    old = dt.date(1995, 1, 1)
    pd.testing.assert_frame_equal(
        constraint_pairs(rec, old, STATES, none), _constraint_pairs(rec, old, STATES, none)
    )
