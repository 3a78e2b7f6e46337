"""The options of the package search, passed whole (``negotiate(..., options)``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from indivisible.negotiate._profile import Profiler
from indivisible.negotiate.types import Aggregation, Mode, Perspective

MAX_MEASURES = 24
"""Exhaustive search bound: 2^24 bundles (about 16.8 million), chunked."""


@dataclass(frozen=True)
class SearchOptions:
    """How :func:`~indivisible.negotiate.negotiate` searches; every field has a default.

    Attributes:
        on: date of evaluation (default: the menu's ``on``, else the scenario date).
        mode: ``strict`` (no party worse on any indicator) or ``weighted`` (no party worse
            on its weighted score; needs ``perspectives``).
        perspectives: party → perspective (weights), for ``weighted``.
        draws: Monte Carlo draws of the profile (0: point values only).
        seed: seed of the draws (exclusive with ``rng``).
        rng: a generator to draw the seed from (exclusive with ``seed``).
        level: robustness level: compatible bundles with probability >= level are robust.
        tolerance: an ``assess.Tolerance`` (when a change counts); default its defaults.
        aggregation: indicator → ``sum``/``min``/``max``/``exact`` (default
            :data:`AGGREGATION`; unknown indicators are ``exact``).
        indicators: compare only these profile indicators (default: all); the result lists
            the ones compared.
        profiler: the profile function (default ``indicators.profile``).
        workers: run the draw layer on a local Dask cluster with this many processes.
        scheduler: address of an existing Dask scheduler.
        client: an existing ``distributed.Client`` (tests).
        chunk_bundles: bundles per task.
        chunk_draws: draws per chunk (part of the run's definition: it fixes the seeds).
        verify: bundles checked by full recomputation against the vectorised values.
        limit: at most this many compatible bundles reported (``None``: all).
        explain: explanations for the first ``explain`` ranked compatible bundles.
        progress: progress bars on stderr (:mod:`indivisible._progress`).
        max_recompute: most bundles an ``exact`` indicator may be recomputed for.
        max_evaluations: above ``exhaustive_limit``, the budget of bundles the
            branch-and-bound evaluates one by one; when it stops early the result says so
            (``bound["complete"]`` false) and a :class:`SearchIncompleteWarning` is issued.
        exhaustive_limit: most measures searched exhaustively; larger menus use the exact
            branch-and-bound (``docs/negotiation.md``).
        leaf_bits: measures enumerated exhaustively under each branch-and-bound prefix.
    """

    on: dt.date | None = None
    mode: Mode = "strict"
    perspectives: Mapping[str, Perspective] | None = None
    draws: int = 0
    seed: int | None = None
    rng: np.random.Generator | None = None
    level: float = 0.9
    tolerance: Any = None
    aggregation: Mapping[str, Aggregation] | None = None
    indicators: Sequence[str] | None = None
    profiler: Profiler | None = None
    workers: int | None = None
    scheduler: str | None = None
    client: Any = None
    chunk_bundles: int = 4096
    chunk_draws: int = 250
    verify: int = 4
    limit: int | None = None
    explain: int = 10
    progress: bool = False
    max_recompute: int = 1024
    max_evaluations: int = 50_000_000
    exhaustive_limit: int = MAX_MEASURES
    leaf_bits: int = 16
