"""An optional single score from a user-visible weights file: never the default output.

Formula (per reading, over the profiled states)::

    n_i(s) = (v_i(s) − min_s v_i) / (max_s v_i − min_s v_i)     (0.5 when all equal)
    n_i(s) ← 1 − n_i(s)                                          if i is higher_is_less_safe
    score(s) = Σ_i w_i · n_i(s) / Σ_{i: v_i(s) known} w_i         (0–1, higher = safer)

``inf`` (no threat) normalises to the safe end, min and max being taken over finite values;
``NaN`` (undetermined) drops the indicator for that state and renormalises the weights. The
score is relative to the states profiled together. Weights file (YAML)::

    weights:
      exposure_launchers: 2
      exposure_min_warning_min: 1
      alliance_cover: 1
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from indivisible._errors import InputError
from indivisible.indicators.types import HIGHER_IS_LESS_SAFE, Profile

__all__ = ["load_weights", "score"]

MAX_WEIGHT = 1e6
"""Largest weight accepted (weights are relative: only their ratios matter)."""


def load_weights(path: str | Path) -> dict[str, float]:
    """Read ``weights: {indicator: weight}`` from YAML (weights >= 0, at least one > 0)."""
    from indivisible._paths import check_readable
    from indivisible._yaml import read_wrapped

    p = check_readable(path)
    data, fail = read_wrapped(p, "weights", beside=True)
    if not isinstance(data, dict):
        fail(("weights",), "expected weights: {indicator: weight}")
    return _check(data, p)


def _check(weights: Mapping[str, Any], path: str | Path | None = None) -> dict[str, float]:
    out: dict[str, float] = {}
    for k, v in weights.items():
        number = isinstance(v, int | float) and not isinstance(v, bool)
        if not number or not 0 <= v <= MAX_WEIGHT:  # NaN and inf fail the comparison
            raise InputError(
                f"weight must be a number >= 0 (at most {MAX_WEIGHT:g}), got {v!r}",
                path=path,
                field=f"weights.{k}",
            )
        out[str(k)] = float(v)
    if not out or sum(out.values()) <= 0:
        raise InputError("give at least one positive weight", path=path, field="weights")
    return out


def score(profile: Profile, weights: Mapping[str, float]) -> pd.DataFrame:
    """The weighted score of each state: ``state, reading, score`` (see the module formula).

    Raises:
        InputError: a weight names an indicator the profile lacks, or is negative.

    Examples:
        >>> t = pd.DataFrame({"state": ["A", "B"], "indicator": ["x", "x"],
        ...                   "value": [1.0, 3.0], "unit": "count",
        ...                   "direction": "higher_is_less_safe", "reading": None,
        ...                   "detail": ""})
        >>> score(Profile("2022-02-14", "demo", t), {"x": 1}).score.tolist()
        [1.0, 0.0]
    """
    w = _check(weights)
    unknown = sorted(set(w) - set(profile.indicators))
    if unknown:
        raise InputError(
            f"no indicator {unknown[0]!r} in the profile; indicators: "
            + ", ".join(profile.indicators),
            field="weights",
        )
    t = profile.table[profile.table["indicator"].isin(list(w))]
    out = []
    for reading in profile.readings or (None,):
        sub = t[t["reading"].isna() | (t["reading"] == reading)]
        wide = sub.pivot_table(
            index="state", columns="indicator", values="value", aggfunc="first", dropna=False
        )
        direction = sub.groupby("indicator")["direction"].first()
        num = pd.Series(0.0, index=wide.index)
        den = pd.Series(0.0, index=wide.index)
        for ind in wide.columns:
            v = wide[ind].to_numpy(dtype=np.float64)
            fin = v[np.isfinite(v)]
            lo, hi = (fin.min(), fin.max()) if fin.size else (0.0, 0.0)
            with np.errstate(invalid="ignore", divide="ignore"):
                n = np.where(hi > lo, (v - lo) / (hi - lo), 0.5)
            n = np.where(np.isposinf(v), 1.0, np.where(np.isneginf(v), 0.0, n))
            if direction[ind] == HIGHER_IS_LESS_SAFE:
                n = 1.0 - n
            known = ~np.isnan(v)
            num += np.where(known, w[ind] * n, 0.0)
            den += np.where(known, w[ind], 0.0)
        sc = (num / den.where(den > 0)).to_numpy()
        out.append(pd.DataFrame({"state": wide.index, "reading": reading, "score": sc}))
    res = pd.concat(out, ignore_index=True)
    res["reading"] = res["reading"].astype(object).where(res["reading"].notna(), None)
    return res
