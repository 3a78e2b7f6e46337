"""Disputed parameters that bear on a state and remain unverified (``unverified_disputes``).

Formula (``docs/indicators.md``, *Verification*): for state s,

    unverified_disputes[s] = Σ_p bears[p, s] × (1 − verified[p])

over three kinds of disputed parameter p:

* ``range_km`` of an active strike deployment l whose range readings differ: it bears on s
  when s regards an owner of l as a threat and the readings disagree on whether l reaches
  s (``low < d(l, s) <= high``, d to the state's nearest measured point);
* ``capability``: a clause of an instrument in the record holding a yes/no parameter the
  parties read differently on the date (e.g. ``inf-1987`` ``aegis_ashore_launches_glcm``:
  can the Mk 41 launchers of Aegis Ashore fire cruise missiles?) and a list of the system
  ids it concerns (``aegis_ashore_systems``). It is a parameter of every active deployment
  of those systems, and bears on s when s regards an owner as a threat and s, or an ally of
  s, gave a reading different from the owners' own;
* ``exercise_personnel``: an exercise of the ``exercise_personnel_near`` window whose
  personnel readings differ; it bears on s when s regards an owner as a threat and the area
  lies within :data:`~indivisible.indicators._activity.BEARING_KM` of s's territory.

``verified[p]``: an active scenario ``verifications`` entry ``covers`` the parameter's kind
for an owner of the entry (``Verification.resolves``). A verification settles which reading
holds; *which* one it would confirm is not modelled, so verification never changes the
other indicators. Units: parameters. Direction: higher is less safe.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from indivisible.indicators._activity import BEARING_KM, Window

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


def _verified(scenario: Any, owners: tuple[str, ...], ident: str, kind: str, on: dt.date) -> str:
    """The id of the verification that resolves ``kind`` of entry ``ident`` ('' if none)."""
    for v in scenario.verifications:
        if v.resolves(owners, ident, kind, on):
            return str(v.id)
    return ""


def capability_disputes(
    record: Any, on: dt.date
) -> list[tuple[str, str, frozenset[str], dict[str, tuple[object, str | None]]]]:
    """Yes/no clause parameters read differently on ``on``, with the systems they concern.

    Returns:
        ``(instrument, parameter, system ids, {reading: (value, by)})`` per dispute.
    """
    out = []
    for inst in sorted(record.instruments.values(), key=lambda i: i.id):
        for clause in inst.clauses:
            systems = [p for p in clause.parameters if p.unit.startswith("list (system ids)")]
            if not systems:
                continue
            for p in clause.parameters:
                if p.unit != "bool":
                    continue
                vals = record.parameter_values(inst.id, p.id, on)
                named = {r: (v.value, v.by) for r, v in vals.items() if r is not None}
                if len({v for v, _ in named.values()}) < 2:
                    continue
                ids: set[str] = set()
                for sp in systems:
                    pv = record.parameter_values(inst.id, sp.id, on).get(None)
                    if pv is not None:
                        ids |= {x.strip() for x in str(pv.value).split(",") if x.strip()}
                if ids:
                    out.append((inst.id, p.id, frozenset(ids), named))
    return out


def unverified_disputes(
    record: Any,
    scenario: Any,
    on: dt.date,
    states: Sequence[str],
    geo: Any,
    readings: Sequence[Any],
    strike: BoolArray,
    win: Window,
) -> tuple[FloatArray, list[str]]:
    """``[S]`` unverified disputed parameters bearing on each state, and the detail per state.

    Args:
        record: the record (capability disputes).
        scenario: the scenario (its ``verifications``).
        on: the profile date.
        states: the profiled states.
        geo: the profile's geometry (``indicators._profile.Geometry``): its ``allied``
            ``[S, S]`` alliance matrix, active ``deployments`` (rows of the next two),
            ``owners_hostile`` ``[L, S]`` (True where s regards an owner of deployment l as
            a threat) and ``d_state`` ``[L, S]`` (km from l to the nearest point of s).
        readings: per deployment, its system's range readings (``None``: no range).
        strike: ``[L]`` True for strike systems.
        win: the exercise window (``_activity.window``).
    """
    allied: BoolArray = geo.allied
    deployments: Sequence[Any] = geo.deployments
    hostile: BoolArray = geo.owners_hostile
    d_state: FloatArray = geo.d_state
    n_s = len(states)
    count = np.zeros(n_s)
    parts: list[list[str]] = [[] for _ in range(n_s)]
    resolved: list[list[str]] = [[] for _ in range(n_s)]
    index = {s: i for i, s in enumerate(states)}

    def tally(bears: BoolArray, label: str, by: str) -> None:
        for s in np.flatnonzero(bears).tolist():
            if by:
                resolved[s].append(f"{label} (verified: {by})")
            else:
                count[s] += 1
                parts[s].append(label)

    # disputed ranges: the readings disagree on whether the launcher reaches the state
    for li, (d, r) in enumerate(zip(deployments, readings, strict=True)):
        if r is None or not strike[li] or not r.disputed:
            continue
        with np.errstate(invalid="ignore"):
            bears = hostile[li] & (d_state[li] > r.low) & (d_state[li] <= r.high)
        by = _verified(scenario, d.owner, d.id, "range_km", on)
        tally(bears, f"range of {d.system} at {d.id} ({r.low:g}-{r.high:g} km)", by)
    # disputed capabilities named by a clause of the record
    for inst, pid, systems, named in capability_disputes(record, on):
        for li, d in enumerate(deployments):
            if d.system not in systems:
                continue
            own = {v for v, b in named.values() if b in d.owner}
            disputers = [
                index[b]
                for v, b in named.values()
                if b is not None and b in index and b not in d.owner and v not in own
            ]
            if not disputers:
                continue
            side: BoolArray = np.asarray(allied[disputers].any(axis=0), dtype=bool)
            side[disputers] = True
            by = _verified(scenario, d.owner, d.id, "capability", on)
            tally(hostile[li] & side, f"{inst} {pid} at {d.id}", by)
    # disputed exercise figures near the state
    for xi, x in enumerate(win.exercises):
        if not x.personnel.disputed:
            continue
        bears = win.threat[xi] & (win.km[xi] <= BEARING_KM)
        by = _verified(scenario, x.owner, x.id, "exercise_personnel", on)
        readings_txt = ", ".join(f"{n} {x.personnel.value(n):,.0f}" for n in x.personnel.names)
        tally(bears, f"personnel of {x.id} ({readings_txt})", by)
    details = []
    for s in range(n_s):
        text = "; ".join(parts[s]) or "no unverified disputed parameter bears on the state"
        if resolved[s]:
            text += "; resolved: " + "; ".join(resolved[s])
        details.append(text)
    return count, details


__all__ = ["capability_disputes", "unverified_disputes"]
