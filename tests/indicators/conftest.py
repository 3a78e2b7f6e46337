"""Fixtures of the indicator tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest


def _as_float(values: list[float]) -> Any:
    return float(values[0])


def _as_one_array(values: list[float]) -> Any:
    return np.array(values[:1])


def _as_array(values: list[float]) -> Any:
    return np.array(values)


def _as_list(values: list[float]) -> Any:
    return list(values)


def _as_series(values: list[float]) -> Any:
    return pd.Series(values, index=[f"p{i}" for i in range(len(values))])


@pytest.fixture(
    params=[_as_float, _as_one_array, _as_array, _as_list, _as_series],
    ids=["float", "array1", "arrayN", "list", "series"],
)
def scalar_and_array(request: pytest.FixtureRequest) -> Callable[[list[float]], Any]:
    """Convert a list of inputs to each accepted kind: float (first value), 1-element array,
    n-element array, list, Series. Assertions run on ``np.atleast_1d(result)``."""
    fn: Callable[[list[float]], Any] = request.param
    return fn
