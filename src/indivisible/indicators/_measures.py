"""The indicators through which negotiated measures register, gathered for the profile.

Exercises (``_activity``), verification (``_verification``), strategic forces
(``_strategic``) and declared prospects of membership (``_enlargement``): each module holds
its formula; this one computes them for a profile and returns rows and assumptions, so the
profile registers them in one call.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from typing import Any

import numpy as np

Row = tuple[int, str, float, str, str | None]
"""``(state index, indicator, value, detail, reading)``."""

FAMILY_OF = {
    "exercise_personnel_near": "activity",
    "unverified_disputes": "verification",
    "strategic_warheads_unverified": "strategic",
    "border_prospective_members_km": "alliance",
    "alliance_prospects": "alliance",
}
"""The profile family each indicator belongs to."""


def measure_rows(
    record: Any,
    scenario: Any,
    on: dt.date,
    states: Sequence[str],
    geo: Any,
    lau: Any,
    wanted: Collection[str],
) -> tuple[list[Row], list[str]]:
    """Rows of the activity, verification, strategic and prospect indicators, and notes."""
    from indivisible.indicators import _activity

    regards = geo.regards if geo.regards is not None else ~geo.allied
    rows: list[Row] = []
    notes: list[str] = []
    win = None
    if "activity" in wanted or "verification" in wanted:
        win = _activity.window(scenario, on, states, regards)
    if "activity" in wanted and win is not None:
        names = _activity.reading_names(win)
        vals, det = _activity.exercise_personnel_near(record, win, names)
        for k, r in enumerate(names):
            rows += [
                (s, "exercise_personnel_near", float(vals[k, s]), det[k][s], r)
                for s in range(len(states))
            ]
        notes.append(
            f"exercise_personnel_near: exercises overlapping the {_activity.WINDOW_DAYS} days "
            f"before the date whose area lies within {_activity.NEAR_KM:g} km of the state's "
            "territory, held by a state it regards as a threat and reaching a Vienna Document "
            "2011 prior-notification threshold (read from the record); the whole figure is "
            "placed in the exercise's area"
        )
    if "verification" in wanted and win is not None:
        from indivisible.indicators._verification import unverified_disputes

        vals1, det1 = unverified_disputes(
            record,
            scenario,
            on,
            states,
            geo,
            lau.readings,
            np.asarray([c is None for c in lau.coverage], dtype=bool) & lau.strike,
            win,
        )
        rows += [
            (s, "unverified_disputes", float(vals1[s]), det1[s], None) for s in range(len(states))
        ]
        notes.append(
            "unverified_disputes: disputed ranges (readings disagree on reaching the state), "
            "capabilities read differently in the record and disputed exercise figures within "
            f"{_activity.BEARING_KM:g} km, of states regarded as a threat, not covered by an "
            "active verification of the scenario; which reading a verification would confirm "
            "is not modelled"
        )
    if "strategic" in wanted:
        from indivisible.indicators._strategic import strategic_warheads_unverified

        vals2, det2 = strategic_warheads_unverified(scenario, on, states, regards)
        rows += [
            (s, "strategic_warheads_unverified", float(vals2[s]), det2[s], None)
            for s in range(len(states))
        ]
        notes.append(
            "strategic_warheads_unverified: deployed strategic warheads (New START counting) of "
            "states regarded as a threat that no active verification covers; a verified count "
            "informs every state"
        )
    if "alliance" in wanted:
        from indivisible.indicators._enlargement import prospects
        from indivisible.indicators._exposed import land_borders_km

        km, km_det, cnt, cnt_det = prospects(
            scenario, on, states, geo.orgs, land_borders_km(states)
        )
        rows += [
            (s, "border_prospective_members_km", float(km[s]), km_det[s], None)
            for s in range(len(states))
        ]
        rows += [
            (s, "alliance_prospects", float(cnt[s]), cnt_det[s], None) for s in range(len(states))
        ]
        notes.append(
            "border_prospective_members_km and alliance_prospects: declared prospects of "
            "membership (scenario prospects); less safe for the neighbour under the 2014 Russian "
            "doctrine's reading, safer for the aspirant under its own reading; readings, not "
            "findings"
        )
    return rows, notes


__all__ = ["FAMILY_OF", "measure_rows"]
