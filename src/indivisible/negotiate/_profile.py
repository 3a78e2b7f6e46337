"""From ``indicators.profile`` tables to arrays ``[party × indicator × draw]``, and back.

The search treats the profile as the source of truth: it never computes an indicator itself.
Each indicator is declared with how it combines over scenario entries
(:data:`AGGREGATION`); an indicator without a declaration is ``exact`` (recomputed from the
profile for every bundle, a stated cost). A declaration is checked at run time against full
recomputation on a few bundles (``verify``), so a wrong one fails loudly.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from indivisible.negotiate.types import Aggregation

AGGREGATION: Mapping[str, Aggregation] = {
    # Sums over deployments of per-deployment terms (docs/indicators.md, the profile table);
    # "hostile"/"friendly" depend on alliances, which are global changes here.
    "exposure_launchers": "sum",
    "exposure_nuclear_launchers": "sum",
    "counter_reach_launchers": "sum",
    # a sum with NaN when a friendly interceptor has no coverage radius: NaN propagates
    # through the sum exactly as through the profile's own sum
    "defence_sites_covering": "sum",
    # shortest flight time over reaching hostile launchers; inf when none
    "exposure_min_warning_min": "min",
    # sums over forces and exercises within each band
    "proximity_personnel_100km": "sum",
    "proximity_tle_100km": "sum",
    "proximity_personnel_300km": "sum",
    "proximity_tle_300km": "sum",
    "proximity_personnel_500km": "sum",
    "proximity_tle_500km": "sum",
    # record and alliances only (global context): every per-entry term is zero
    "constraint_legal_count": "sum",
    "constraint_political_count": "sum",
    "constraint_categories_covered": "sum",
    "alliance_cover": "sum",
    "border_other_alliance_km": "sum",
    # own and allied launchers reaching a threat state's territory: a sum over deployments
    "counter_reach_territory_launchers": "sum",
    # the UNION of the areas and cities in reach is not a sum over launchers: exact
    "exposure_territory_share": "exact",
    "exposure_population": "exact",
    # registered by indicators._measures: sums over exercises (activity), over deployments
    # and exercises (disputes; verifications are global), or global only (strategic forces,
    # prospects of membership): every per-entry term of a global indicator is zero
    "exercise_personnel_near": "sum",
    "unverified_disputes": "sum",
    "strategic_warheads_unverified": "sum",
    "border_prospective_members_km": "sum",
    "alliance_prospects": "sum",
    # a count of DISTINCT systems is not a sum over entries: exact (recomputed), so
    # large menus exclude it explicitly (``indicators=``)
    "exposure_systems": "exact",
}
"""How each profile indicator combines over deployments, forces and exercises."""

Profiler = Callable[..., Any]
"""``profiler(record, scenario, on, *, states, draws, seed) -> Profile`` (the signature of
:func:`indivisible.indicators.profile`)."""


EXPOSED_INDICATORS = (
    "exposure_territory_share",
    "exposure_population",
    "counter_reach_territory_launchers",
)
"""The ``exposed`` family: the union of areas and cities in reach is not a sum over
deployments, so every bundle would need a profile of its own."""


def default_profiler(indicators: Sequence[str] | None = None) -> Profiler:
    """The indicators room's ``profile``; without the ``exposed`` family unless asked for.

    The exposed territory and population are exact (non-additive) indicators: compared, they
    cost one profile per bundle. They are compared only when ``indicators`` names one. The
    search reads values only (from the profile's array core, :func:`as_evaluation`): the
    rows' detail is not built.
    """
    from indivisible.indicators import profile
    from indivisible.indicators._profile import FAMILIES

    exposed = indicators is not None and bool(set(indicators) & set(EXPOSED_INDICATORS))
    families = tuple(f for f in FAMILIES if exposed or f != "exposed")

    def values_only(*args: Any, **kw: Any) -> Any:
        kw.setdefault("families", families)
        kw.setdefault("details", False)
        return profile(*args, **kw)

    # with the exposed family, ``profile`` itself was the profiler, and its signature does not
    # name ``evaluate_under`` (``takes_evaluate_under``): kept so, the results unchanged
    values_only.takes_evaluate_under = not exposed  # type: ignore[attr-defined]
    return values_only


@dataclass(frozen=True)
class Keys:
    """The indicator keys compared: ``name`` or ``name[reading]``, with their metadata."""

    names: tuple[str, ...]
    indicator: tuple[str, ...]
    unit: tuple[str, ...]
    direction: tuple[str, ...]
    aggregation: tuple[Aggregation, ...]
    dropped: tuple[str, ...] = ()

    @property
    def sign(self) -> npt.NDArray[np.float64]:
        """+1 where higher is safer, -1 where higher is less safe."""
        return np.array([1.0 if d == "higher_is_safer" else -1.0 for d in self.direction])

    def describe(self) -> tuple[dict[str, str], ...]:
        """The keys as JSON-ready mappings."""
        return tuple(
            {"key": k, "indicator": i, "unit": u, "direction": d, "aggregation": a}
            for k, i, u, d, a in zip(
                self.names, self.indicator, self.unit, self.direction, self.aggregation, strict=True
            )
        )


def _reading(x: Any) -> str | None:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    return str(x)


def keys_of(
    table: Any, parties: Sequence[str], aggregation: Mapping[str, Aggregation], *more: Any
) -> Keys:
    """The indicator keys every evaluated profile table defines (first table's order).

    Which readings a profile shows depends on the deployments present (a reading exists
    while some disputed range has it). A key ``name[r]`` is kept when, in EVERY table and
    for every party, there is a row under ``r`` or an undisputed row (which holds under any
    reading); a key ``name`` when every table has undisputed rows only. Other keys are
    listed in ``Keys.dropped`` (the result's assumptions name them): they cannot be compared
    across bundles without guessing.
    """
    tables = (table, *more)
    meta: dict[str, tuple[str, str]] = {}
    readings: dict[str, list[str]] = {}
    have: list[set[tuple[str, str, str | None]]] = []
    for t in tables:
        seen: set[tuple[str, str, str | None]] = set()
        for st, ind, unit, direction, rd in zip(
            t["state"], t["indicator"], t["unit"], t["direction"], t["reading"], strict=True
        ):
            if st not in parties:
                continue
            meta.setdefault(str(ind), (str(unit), str(direction)))
            r = _reading(rd)
            seen.add((str(st), str(ind), r))
            rs = readings.setdefault(str(ind), [])
            if r is not None and r not in rs:
                rs.append(r)
        have.append(seen)
    names: list[str] = []
    ind_of: list[str] = []
    dropped: list[str] = []
    for ind in meta:
        cands: list[tuple[str, str | None]] = [(f"{ind}[{r}]", r) for r in readings[ind]]
        for key, r in cands or [(ind, None)]:
            ok = all(
                (p, ind, r) in seen or (p, ind, None) in seen for seen in have for p in parties
            )
            if ok:
                names.append(key)
                ind_of.append(ind)
            else:
                dropped.append(key)
    return Keys(
        tuple(names),
        tuple(ind_of),
        tuple(meta[i][0] for i in ind_of),
        tuple(meta[i][1] for i in ind_of),
        tuple(aggregation.get(i, "exact") for i in ind_of),
        tuple(dropped),
    )


def point_array(table: Any, parties: Sequence[str], keys: Keys) -> npt.NDArray[np.float64]:
    """``[P, K, 1]`` point values; ``name[r]`` falls back to the undisputed row of ``name``.

    ``NaN`` where a party has no row for the key's indicator.
    """
    out = np.full((len(parties), len(keys.names), 1), np.nan)
    pi = {p: i for i, p in enumerate(parties)}
    rows: dict[tuple[int, str, str | None], float] = {}
    for st, ind, rd, v in zip(
        table["state"], table["indicator"], table["reading"], table["value"], strict=True
    ):
        if st in pi:
            rows[(pi[st], str(ind), _reading(rd))] = float(v) if v is not None else np.nan
    for k, (name, ind) in enumerate(zip(keys.names, keys.indicator, strict=True)):
        r = name[len(ind) + 1 : -1] if name != ind else None
        for p in range(len(parties)):
            v = rows.get((p, ind, r))
            if v is None and r is not None:
                v = rows.get((p, ind, None))
            if v is not None:
                out[p, k, 0] = v
    return out


def core_point_array(core: Any, parties: Sequence[str], keys: Keys) -> npt.NDArray[np.float64]:
    """:func:`point_array` read from a profile's array core (``Profile.core``).

    The same values as from the table (``name[r]`` falls back to the undisputed row of
    ``name``; ``NaN`` where a party has no row), without a pass over the table's rows.
    """
    out = np.full((len(parties), len(keys.names), 1), np.nan)
    arrays = core.arrays()
    pos = {s: i for i, s in enumerate(core.universe)}
    cols = [(p, pos[party]) for p, party in enumerate(parties) if party in pos]
    if not cols:
        return out
    ps, sis = (np.array(x, dtype=np.intp) for x in zip(*cols, strict=True))
    for k, (name, ind) in enumerate(zip(keys.names, keys.indicator, strict=True)):
        got = arrays.get(ind)
        if got is None:
            continue
        readings, arr = got
        r = name[len(ind) + 1 : -1] if name != ind else None
        if r in readings:
            out[ps, k, 0] = arr[readings.index(r), sis]
        elif r is not None and None in readings:
            out[ps, k, 0] = arr[readings.index(None), sis]
    return out


def draw_array(draws: Any, parties: Sequence[str], keys: Keys, n: int) -> npt.NDArray[np.float64]:
    """``[P, K, n]`` draw values; keys with readings take the draws of their indicator."""
    out = np.full((len(parties), len(keys.names), n), np.nan)
    if draws is None or len(draws) == 0:
        return out
    pi = {p: i for i, p in enumerate(parties)}
    by_ind: dict[str, list[int]] = {}
    for k, ind in enumerate(keys.indicator):
        by_ind.setdefault(ind, []).append(k)
    st = draws["state"].to_numpy()
    ind = draws["indicator"].to_numpy()
    dr = draws["draw"].to_numpy(dtype=np.int64)
    val = draws["value"].to_numpy(dtype=np.float64)
    for j in range(len(st)):
        p = pi.get(st[j])
        if p is None or ind[j] not in by_ind or not 0 <= dr[j] < n:
            continue
        for k in by_ind[ind[j]]:
            out[p, k, dr[j]] = val[j]
    return out


@dataclass(frozen=True)
class Evaluation:
    """One profile evaluation, as arrays: point ``[P, K, 1]`` and draws ``[P, K, D]``."""

    point: npt.NDArray[np.float64]
    draws: npt.NDArray[np.float64] | None


def as_evaluation(prof: Any, parties: Sequence[str], keys: Keys, draws: int) -> Evaluation:
    """The arrays of a profile for ``keys`` (point values from its array core when it has one).

    Only the states the table holds are read (a profile of ``states=`` holds those).
    """
    core = getattr(prof, "core", None)
    if core is not None:
        shown = set(prof.table["state"])
        point = core_point_array(core, [p if p in shown else "" for p in parties], keys)
    else:
        point = point_array(prof.table, parties, keys)
    dv = None
    if draws > 0 and getattr(prof, "draws", None) is not None:
        dv = draw_array(prof.draws, parties, keys, draws)
    return Evaluation(point, dv)


def evaluate(
    profiler: Profiler,
    record: Any,
    scenario: Any,
    on: dt.date,
    parties: Sequence[str],
    keys: Keys,
    *,
    draws: int,
    seed: int | None,
) -> Evaluation:
    """Profile ``scenario`` and return the values of ``keys`` for ``parties``.

    The profile is computed under the readings the keys name (``name[r]``), where the
    profiler takes them: a bundle without a system still has values under its readings.
    """
    names = list(
        dict.fromkeys(
            k[len(i) + 1 : -1] for k, i in zip(keys.names, keys.indicator, strict=True) if k != i
        )
    )
    kw: dict[str, Any] = {}
    if names and takes_evaluate_under(profiler):
        kw["evaluate_under"] = names
    prof = profiler(record, scenario, on, states=list(parties), draws=draws, seed=seed, **kw)
    return as_evaluation(prof, parties, keys, draws)


def takes_evaluate_under(profiler: Any) -> bool:
    """Whether ``profiler`` takes ``evaluate_under`` (``indicators.profile`` does).

    A profile computed under given reading names has rows under each of them (a range
    without the name takes the value the profile gives it), so profiles of different
    bundles compare under the same readings.
    """
    import inspect

    if getattr(profiler, "takes_evaluate_under", False):
        return True
    try:
        params = inspect.signature(profiler).parameters
    except (TypeError, ValueError):
        return False
    return "evaluate_under" in params
