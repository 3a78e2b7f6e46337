"""The options of the action-reaction runs, passed whole (``simulate(..., options)``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True)
class SimulateOptions:
    """How :func:`~indivisible.dynamics.simulate` runs; every field has a default.

    Attributes:
        rounds: rounds per run (T).
        runs: Monte Carlo runs (an ensemble).
        seed: seed of the runs' generators (exclusive with ``rng``).
        rng: a generator to draw the seed from (exclusive with ``seed``).
        package: measure ids of ``menu`` applied before the opening move.
        menu: the negotiation menu the package comes from.
        on: date profiled (default: the scenario date).
        profiler: the profile function (default ``indicators.profile``).
        progress: a bar over runs on stderr (:mod:`indivisible._progress`).
    """

    rounds: int = 5
    runs: int = 1
    seed: int | None = None
    rng: np.random.Generator | None = None
    package: Sequence[str] = ()
    menu: Any = None
    on: dt.date | None = None
    profiler: Any = None
    progress: bool = False
