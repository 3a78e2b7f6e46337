"""The security profile: every indicator, for every state, on one date, decomposed.

``profile(record, scenario, on)`` returns a :class:`~indivisible.indicators.types.Profile`
whose ``table`` has one row per (state, indicator, reading). Formulas: ``docs/indicators.md``.

Geometry is computed once per call: the WGS84 geodesic distance from every active
deployment to every measured point (capitals, plus scenario ``sites:`` of each host), reduced
to the nearest point of each state. Because every flight-time model grows with distance and
"reaches" means ``range >= distance``, a launcher reaches some point of a state iff its range
is at least its distance to the state's nearest point, and its shortest flight time to the
state is the time to that point. Every indicator that depends on range is therefore one
comparison ``range[l] >= D[l, s]`` over a ``[deployments × states]`` matrix, and the same code
runs over ``[draws × deployments × states]`` for Monte Carlo draws.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from indivisible._errors import InputError
from indivisible.indicators._geo import FloatArray, screened_pairwise_km
from indivisible.indicators.types import (
    HIGHER_IS_LESS_SAFE,
    HIGHER_IS_SAFER,
    PROFILE_COLUMNS,
    Profile,
)

BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class Geometry:
    """States, allies and active deployments on a date, with their distance matrices.

    Attributes:
        states: ISO3 codes of the profiled states (rows of every ``[.., S]`` matrix).
        allied: ``[S, S]`` True where two states share a collective-defence commitment.
        orgs: per state, the collective-defence organisations it belongs to.
        deployments: the active deployments (strike and interceptor), in scenario order.
        owners_friendly: ``[L, S]`` True where some owner of deployment l is state s or an
            ally of s.
        owners_hostile: ``[L, S]`` True where some owner of l is neither s nor an ally of s.
        d_state: ``[L, S]`` km from l to the nearest measured point of s (capital, sites).
        d_capital: ``[L, S]`` km from l to the capital of s.
        d_adversary: ``[L, S]`` km from l to the nearest capital of a state non-allied to s.
        nearest: ``[L, S]`` name of the nearest measured point of s.
    """

    states: tuple[str, ...]
    allied: BoolArray
    orgs: dict[str, list[str]]
    deployments: tuple[Any, ...]
    owners_friendly: BoolArray
    owners_hostile: BoolArray
    d_state: FloatArray
    d_capital: FloatArray
    d_adversary: FloatArray
    nearest: npt.NDArray[np.str_]


def _day(on: Any) -> dt.date:
    from indivisible._dates import parse_date

    if isinstance(on, dt.datetime):
        raise InputError(f"expected a date, got a datetime {on!r}", field="on")
    if isinstance(on, dt.date):
        return on
    return parse_date(str(on), field="on")


def profiled_states(record: Any, on: dt.date, states: Sequence[str] | None) -> tuple[str, ...]:
    """The OSCE participating States existing on ``on`` (or ``states``, resolved)."""
    if states is not None:
        out = []
        for code in states:
            sid = record.resolve(code, field="states")
            if sid not in record.states:
                raise InputError(f"{code!r} is not a state", field="states")
            out.append(sid)
        if not out:
            raise InputError("expected at least one state", field="states")
        return tuple(dict.fromkeys(out))
    chosen = []
    for s in sorted(record.states.values(), key=lambda s: s.id):
        if not s.osce:
            continue
        if s.exists_from is not None and on < s.exists_from:
            continue
        if s.exists_to is not None and on >= s.exists_to:
            continue
        chosen.append(s.id)
    return tuple(chosen)


def alliances(
    record: Any, scenario: Any, on: dt.date, codes: Sequence[str]
) -> tuple[BoolArray, dict[str, list[str]]]:
    """Alliance matrix over ``codes`` and each code's collective-defence organisations.

    Two states are allied on ``on`` when both belong to an organisation with a
    collective-defence commitment (as ``Record.allied``: the EU's mutual-assistance clause is
    not counted), with the scenario's hypothetical accessions honoured.
    """
    index = {c: i for i, c in enumerate(codes)}
    mat = np.zeros((len(codes), len(codes)), dtype=bool)
    orgs: dict[str, list[str]] = {c: [] for c in codes}
    for org in sorted(record.organisations.values(), key=lambda o: o.id):
        if org.collective_defence is None or org.id == "eu":
            continue
        members = [m for m in scenario.members(record, org.id, on) if m in index]
        idx = np.array([index[m] for m in members], dtype=np.int64)
        if idx.size:
            mat[np.ix_(idx, idx)] = True
        for m in members:
            orgs[m].append(org.id)
    return mat, orgs


def geometry(record: Any, scenario: Any, on: dt.date, states: tuple[str, ...]) -> Geometry:
    """Distances from every active deployment to every profiled state (one geodesic pass)."""
    deps = scenario.deployments_on(on)
    owners = sorted({o for d in deps for o in d.owner} - set(states))
    codes = (*states, *owners)
    allied_all, orgs = alliances(record, scenario, on, codes)
    n_s = len(states)
    allied = allied_all[:n_s, :n_s]
    ix = {c: i for i, c in enumerate(codes)}
    n_l = len(deps)
    friendly = np.zeros((n_l, n_s), dtype=bool)
    hostile = np.zeros((n_l, n_s), dtype=bool)
    for li, d in enumerate(deps):
        for o in d.owner:
            row = allied_all[ix[o], :n_s].copy()
            if ix[o] < n_s:
                row[ix[o]] = True
            friendly[li] |= row
            hostile[li] |= ~row
    # measured points: capitals, then scenario sites by host
    names = [record.states[s].capital.name for s in states]
    plat = [record.states[s].capital.lat for s in states]
    plon = [record.states[s].capital.lon for s in states]
    pstate = list(range(n_s))
    sindex = {s: i for i, s in enumerate(states)}
    for site in scenario.sites:
        if site.host in sindex:
            names.append(site.name)
            plat.append(site.lat)
            plon.append(site.lon)
            pstate.append(sindex[site.host])
    la = np.array([d.site.lat for d in deps], dtype=np.float64)
    lo = np.array([d.site.lon for d in deps], dtype=np.float64)
    dist = screened_pairwise_km(
        la, lo, np.asarray(plat, dtype=np.float64), np.asarray(plon, dtype=np.float64), np.inf
    )
    d_capital = dist[:, :n_s]
    d_state = d_capital.copy()
    nearest = np.broadcast_to(np.asarray(names[:n_s]), (n_l, n_s)).copy()
    for p in range(n_s, len(names)):
        s = pstate[p]
        closer = dist[:, p] < d_state[:, s]
        d_state[closer, s] = dist[closer, p]
        nearest[closer, s] = names[p]
    # nearest capital of a non-allied state, per state
    d_adv = np.full((n_l, n_s), np.inf)
    for s in range(n_s):
        adv = ~allied[s]
        adv[s] = False
        if adv.any() and n_l:
            d_adv[:, s] = d_capital[:, adv].min(axis=1)
    return Geometry(
        states, allied, orgs, tuple(deps), friendly, hostile, d_state, d_capital, d_adv, nearest
    )


def profile(
    record: Any,
    scenario: Any,
    on: Any,
    *,
    states: Sequence[str] | None = None,
    readings: Sequence[str] | None = None,
    draws: int = 0,
    seed: int | None = None,
    rng: np.random.Generator | None = None,
) -> Profile:
    """The decomposed security profile of every state on a date.

    Args:
        record: an ``indivisible.record.Record``.
        scenario: an ``indivisible.world.Scenario``.
        on: the date (``date`` or ``YYYY-MM-DD``).
        states: ISO3 codes to profile (default: the OSCE participating States existing on
            the date).
        readings: reading names to compute disputed inputs under (default: every reading).
        draws: number of Monte Carlo draws (0: none).
        seed: seed of the draws' generator (exclusive with ``rng``).
        rng: a ``numpy.random.Generator`` to draw from (exclusive with ``seed``).

    Returns:
        The ``Profile``.

    Raises:
        InputError: bad date, unknown state, both ``seed`` and ``rng``, negative ``draws``.
    """
    if seed is not None and rng is not None:
        raise InputError("give seed or rng, not both", field="seed")
    if draws < 0:
        raise InputError(f"draws must be >= 0, got {draws}", field="draws")
    day = _day(on)
    chosen = profiled_states(record, day, states)
    geo = geometry(record, scenario, day, chosen)
    rows: list[dict[str, Any]] = []
    strike = np.array([scenario.system(d.system).strike for d in geo.deployments], dtype=bool)
    rng_km = np.array(
        [_single_range(scenario.system(d.system)) for d in geo.deployments], dtype=np.float64
    )
    count = np.array([d.count for d in geo.deployments], dtype=np.float64)
    reach = (geo.d_state <= rng_km[:, None]) & geo.owners_hostile & strike[:, None]
    exposure = count @ reach if count.size else np.zeros(len(chosen))
    for si, s in enumerate(chosen):
        rows.append(
            {
                "state": s,
                "indicator": "exposure_launchers",
                "value": float(exposure[si]),
                "unit": "count",
                "direction": HIGHER_IS_LESS_SAFE,
                "reading": None,
                "detail": ", ".join(geo.deployments[li].id for li in np.flatnonzero(reach[:, si])),
            }
        )
        rows.append(
            {
                "state": s,
                "indicator": "alliance_cover",
                "value": float(len(geo.orgs[s])),
                "unit": "count",
                "direction": HIGHER_IS_SAFER,
                "reading": None,
                "detail": ", ".join(geo.orgs[s]),
            }
        )
    table = pd.DataFrame(rows, columns=list(PROFILE_COLUMNS))
    return Profile(day.isoformat(), str(scenario.scenario), table, None, [], seed, None)


def _single_range(system: Any) -> float:
    if system.range_km is None:
        return float("nan")
    return float(system.range_km.low)


__all__ = ["Geometry", "alliances", "geometry", "profile", "profiled_states"]
