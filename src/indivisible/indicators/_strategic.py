"""Strategic warheads of threat states outside verified limits (``strategic_warheads_unverified``).

Formula (``docs/indicators.md``, *Strategic forces*): for state s,

    unverified[s] = Σ_{o ≠ s, s regards o as a threat} Σ_f w[f] × (1 − verified[f])

over the scenario's ``strategic_forces`` entries f of state o active on the date, with
``w[f]`` the deployed warheads in the New START counting (warheads on deployed ICBMs and
SLBMs, one per deployed heavy bomber; the highest reading where figures differ) and
``verified[f]`` whether an active ``verifications`` entry covers ``strategic_warheads`` of
o (New START's data exchanges and inspections, or a follow-on's). Units: warheads.
Direction: higher is less safe. Assumption: a verified count informs every state, not
only the parties to the verification regime.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


def strategic_warheads_unverified(
    scenario: Any, on: dt.date, states: Sequence[str], regards: BoolArray
) -> tuple[FloatArray, list[str]]:
    """``[S]`` unverified strategic warheads of states each state regards as a threat."""
    index = {s: i for i, s in enumerate(states)}
    n_s = len(states)
    warheads = np.zeros(n_s)  # per owner: unverified deployed warheads
    lines: dict[int, list[str]] = {}
    for f in scenario.strategic_forces:
        j = index.get(f.state)
        if j is None or not f.active(on):
            continue
        by = next(
            (
                v.id
                for v in scenario.verifications
                if v.resolves((f.state,), f.id, "strategic_warheads", on)
            ),
            None,
        )
        w = float(f.deployed_warheads.high)
        if by is None:
            warheads[j] += w
            lines.setdefault(j, []).append(
                f"{f.state} {w:,.0f} ({f.id}, as of {f.since.isoformat()})"
            )
        else:
            lines.setdefault(j, []).append(f"{f.state} {w:,.0f} verified ({by})")
    mask = regards.astype(np.float64).copy()
    np.fill_diagonal(mask, 0.0)
    out = mask @ warheads
    details = []
    for s in range(n_s):
        rows = [t for j in np.flatnonzero(mask[s]).tolist() for t in lines.get(j, [])]
        details.append("; ".join(rows) or "no strategic forces of a state regarded as a threat")
    return out, details


__all__ = ["strategic_warheads_unverified"]
