"""Per bundle shown, which single assumption would flip its compatibility (``sensitivity``).

The verdict of a bundle is ``compatible`` or ``not compatible`` (the search's own test, on
point values). One assumption at a time, everything else as run
(:func:`indivisible.sensitivity.one_at_a_time`):

* ``weight``: one party's weight on one indicator set to 0 (weighted mode);
* ``indicator``: one compared indicator left out for every party;
* ``reading``: the indicators that have readings compared under one reading only (an
  indicator's weight, spread over its readings, goes whole to that reading);
* ``tolerance``: the bound beyond which a change counts multiplied by 10.

Not varied here, and stated in the result's assumptions: the tolerance divided by 10 (a
change within the tolerance is not kept by the search), the threat reading and a single
site (both need another run: ``--indicators``, a scenario without the entry).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from indivisible import sensitivity as _sens

F = npt.NDArray[np.float64]

NOT_VARIED = (
    "sensitivity (per bundle shown and Pareto point: the single assumption that flips its "
    "compatibility; robust or knife-edge) varies one weight, one indicator, one reading and "
    "the tolerance x10; not varied: the tolerance x0.1 (changes within the tolerance are not "
    "kept), the threat reading and single sites (rerun with another --indicators or a "
    "scenario without the entry)"
)


def _verdict(g: F, w: F | None) -> str:
    """``compatible`` or ``not compatible`` for counted gains ``[P, K]`` (weights ``[P, K]``)."""
    if w is None:
        ok = bool((g > 0).any() and not (g < 0).any())
    else:
        score = np.where(w > 0, w * g, 0.0).sum(axis=1)
        ok = bool(not (score < 0).any() and (score > 0).any())
    return "compatible" if ok else "not compatible"


def _reading(name: str, ind: str) -> str | None:
    return name[len(ind) + 1 : -1] if name != ind else None


def bundle_sensitivity(
    gains: Sequence[tuple[tuple[str, ...], Mapping[str, Mapping[str, float]]]],
    parties: Sequence[str],
    key_names: Sequence[str],
    key_indicators: Sequence[str],
    baseline: Mapping[str, Mapping[str, float]],
    weights: F | None,
    tolerance: Any,
) -> list[dict[str, Any]]:
    """Sensitivity of each bundle's compatibility.

    Args:
        gains: per bundle, its measures and counted gains ``{party: {key: gain}}``.
        parties: the parties (rows of ``weights``).
        key_names: the compared keys (columns of ``weights``).
        key_indicators: the indicator of each key.
        baseline: baseline values ``{party: {key: value}}`` (for the tolerance bound).
        weights: ``[P, K]`` weights (weighted mode) or ``None`` (strict).
        tolerance: the ``compare.Tolerance`` of the run.

    Returns:
        Per bundle ``{"bundle", "verdict", "label", "flips"}``.
    """
    n_p, n_k = len(parties), len(key_names)
    bound = np.array(
        [
            [
                tolerance.bound(key_indicators[k], abs(baseline[p].get(key_names[k], 0.0)))
                for k in range(n_k)
            ]
            for p in parties
        ]
    ).reshape(n_p, n_k)
    readings = sorted(
        {r for n, i in zip(key_names, key_indicators, strict=True) if (r := _reading(n, i))}
    )
    per_ind = {i: sum(1 for j in key_indicators if j == i) for i in key_indicators}
    out: list[dict[str, Any]] = []
    for measures, gd in gains:
        g = np.array([[gd[p].get(k, 0.0) for k in key_names] for p in parties]).reshape(n_p, n_k)
        g = np.nan_to_num(g, nan=0.0)
        verdict = _verdict(g, weights)
        alternatives: list[_sens.Alternative] = []
        if weights is not None:
            for pi, k in zip(*np.nonzero((weights > 0) & (g != 0)), strict=True):
                w = weights.copy()
                w[pi, k] = 0.0
                alternatives.append(
                    ("weight", f"{parties[pi]}:{key_names[k]}", functools.partial(_verdict, g, w))
                )
        moved = [
            i for i in dict.fromkeys(key_indicators) if g[:, np.asarray(key_indicators) == i].any()
        ]
        for ind in moved:
            keep = np.asarray(key_indicators) != ind
            alternatives.append(
                (
                    "indicator",
                    ind,
                    functools.partial(
                        _verdict,
                        g[:, keep],
                        None if weights is None else weights[:, keep],
                    ),
                )
            )
        for r in readings:
            keep = np.array(
                [
                    _reading(n, i) in (None, r)
                    for n, i in zip(key_names, key_indicators, strict=True)
                ]
            )
            wr: F | None = None
            if weights is not None:
                scale = np.array(
                    [
                        per_ind[i] if _reading(n, i) == r else 1.0
                        for n, i in zip(key_names, key_indicators, strict=True)
                    ]
                )
                wr = (weights * scale[None, :])[:, keep]
            alternatives.append(("reading", r, functools.partial(_verdict, g[:, keep], wr)))
        wide = np.where(np.abs(g) > 10.0 * bound, g, 0.0)
        alternatives.append(("tolerance", "x10", functools.partial(_verdict, wide, weights)))
        lab, flips = _sens.one_at_a_time(verdict, alternatives)
        out.append({"bundle": list(measures), "verdict": verdict, "label": lab, "flips": flips})
    return out


__all__ = ["NOT_VARIED", "bundle_sensitivity"]
