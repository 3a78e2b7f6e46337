"""Declared prospects of membership: ``border_prospective_members_km``, ``alliance_prospects``.

Formulas (``docs/indicators.md``, *Enlargement*), over the scenario's ``prospects`` active on
the date (an organisation has declared that a state will become a member):

    border_prospective_members_km[s] = Σ_j border_km[s, j] × [j has a prospect of joining an
                                         organisation that neither s nor j belongs to]
    alliance_prospects[s]            = number of organisations that declared s will join

``border_km`` is the land-border matrix of ``border_other_alliance_km`` (bundled polygons).
Directions are readings, stated in the assumptions, not findings: the first counts as less
safe for the neighbour (the reading of the 2014 Russian military doctrine, as
``border_other_alliance_km``), the second as safer for the aspirant (its own reading of a
path to collective defence). A pledge not to enlarge removes the prospects, so it moves
both sides' profiles in opposite directions; an accession moves ``alliance_cover`` and
``border_other_alliance_km`` instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]


def prospects(
    scenario: Any,
    on: dt.date,
    states: Sequence[str],
    orgs: dict[str, list[str]],
    borders: FloatArray,
) -> tuple[FloatArray, list[str], FloatArray, list[str]]:
    """Per state: prospective-member border km and detail, prospects count and detail."""
    index = {s: i for i, s in enumerate(states)}
    n = len(states)
    open_: list[tuple[int, str, str]] = []
    for p in scenario.prospects:
        j = index.get(p.state)
        if j is None or not p.active(on) or p.org in orgs.get(p.state, ()):
            continue
        open_.append((j, p.org, p.id))
    km = np.zeros(n)
    km_detail: list[list[str]] = [[] for _ in range(n)]
    count = np.zeros(n)
    count_detail: list[list[str]] = [[] for _ in range(n)]
    for j, org, pid in open_:
        count[j] += 1
        count_detail[j].append(f"{org} ({pid})")
        for s in np.flatnonzero(borders[:, j] > 0).tolist():
            if org in orgs.get(states[s], ()):
                continue
            km[s] += borders[s, j]
            km_detail[s].append(f"{states[j]} ({org}, {pid}) {borders[s, j]:.0f} km")
    return (
        km,
        [
            "; ".join(d) or "no neighbour with a declared prospect of joining another alliance"
            for d in km_detail
        ],
        count,
        ["; ".join(d) or "no declared prospect of membership" for d in count_detail],
    )


__all__ = ["prospects"]
