"""Vectorised views of a scenario: pandas tables and day masks for date-range evaluation."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from indivisible.world.types import Readings, Scenario


def _ts(d: dt.date | None) -> Any:
    return pd.NaT if d is None else pd.Timestamp(d)


def _dates(col: list[Any]) -> pd.Series:
    return pd.Series(pd.to_datetime(pd.Series(col, dtype="object")), dtype="datetime64[ns]")


def deployment_table(sc: Scenario) -> pd.DataFrame:
    """One row per deployment (see :meth:`Scenario.deployment_table`)."""
    rows = []
    for d in sc.deployments:
        cls = sc.catalogue.systems[d.system].class_ if d.system in sc.catalogue else None
        rows.append(
            {
                "id": d.id,
                "owner": "+".join(d.owner),
                "owners": d.owner,
                "host": d.host,
                "site": d.site.name,
                "lat": d.site.lat,
                "lon": d.site.lon,
                "system": d.system,
                "class": cls,
                "count": d.count,
                "count_of": d.count_of,
                "since": _ts(d.since),
                "until": _ts(d.until),
                "posture": d.posture,
                "status": d.status,
                "nuclear": d.nuclear,
            }
        )
    cols = [
        "id",
        "owner",
        "owners",
        "host",
        "site",
        "lat",
        "lon",
        "system",
        "class",
        "count",
        "count_of",
        "since",
        "until",
        "posture",
        "status",
        "nuclear",
    ]
    return _frame(rows, cols, ("since", "until"))


def force_table(sc: Scenario) -> pd.DataFrame:
    """One row per force abroad (``since``/``until`` as ``datetime64[ns]``)."""
    rows = [
        {
            "id": f.id,
            "owner": "+".join(f.owner),
            "owners": f.owner,
            "host": f.host,
            "lead": f.lead,
            "personnel": f.personnel,
            "role": f.role,
            "posture": f.posture,
            "since": _ts(f.since),
            "until": _ts(f.until),
            "status": f.status,
        }
        for f in sc.forces
    ]
    cols = [
        "id",
        "owner",
        "owners",
        "host",
        "lead",
        "personnel",
        "role",
        "posture",
        "since",
        "until",
        "status",
    ]
    return _frame(rows, cols, ("since", "until"))


def _count(q: Readings | None, reading: str | None) -> float:
    if q is None:
        return float("nan")
    for name in (reading, "declared"):
        if name is not None and name in q.root:
            return q.root[name].value
    return q.value() if not q.disputed else float("nan")


def exercise_table(sc: Scenario, reading: str | None) -> pd.DataFrame:
    """One row per exercise (``start``/``end`` inclusive, as ``datetime64[ns]``)."""
    rows = [
        {
            "id": e.id,
            "owner": "+".join(e.owner),
            "owners": e.owner,
            "host": e.host,
            "lat": e.area.lat,
            "lon": e.area.lon,
            "radius_km": e.area.radius_km,
            "start": _ts(e.start),
            "end": _ts(e.end),
            "personnel": _count(e.personnel, reading),
            "battle_tanks": _count(e.battle_tanks, reading),
            "acv": _count(e.acv, reading),
            "artillery": _count(e.artillery, reading),
            "sorties": _count(e.sorties, reading),
            "notified_on": _ts(e.notified_on),
            "commands": e.commands,
            "observers_invited": e.observers_invited,
        }
        for e in sc.exercises
    ]
    cols = [
        "id",
        "owner",
        "owners",
        "host",
        "lat",
        "lon",
        "radius_km",
        "start",
        "end",
        "personnel",
        "battle_tanks",
        "acv",
        "artillery",
        "sorties",
        "notified_on",
        "commands",
        "observers_invited",
    ]
    return _frame(rows, cols, ("start", "end", "notified_on"))


def _frame(rows: list[dict[str, Any]], cols: list[str], dates: tuple[str, ...]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=cols)
    for c in dates:
        df[c] = _dates(list(df[c]))
    return df


def active_mask(sc: Scenario, kind: str, days: Any) -> np.ndarray:
    """Boolean matrix (entries × days): entry ``i`` of ``kind`` is active on ``days[j]``."""
    d = np.asarray(days, dtype="datetime64[D]").reshape(-1)
    if kind in ("deployments", "forces"):
        items = sc.deployments if kind == "deployments" else sc.forces
        lo = np.array([x.since for x in items], dtype="datetime64[D]")
        hi = np.array(
            [x.until if x.until is not None else dt.date.max for x in items],
            dtype="datetime64[D]",
        )
        return (lo[:, None] <= d[None, :]) & (d[None, :] < hi[:, None])
    if kind == "exercises":
        lo = np.array([x.start for x in sc.exercises], dtype="datetime64[D]")
        hi = np.array([x.end for x in sc.exercises], dtype="datetime64[D]")
        return (lo[:, None] <= d[None, :]) & (d[None, :] <= hi[:, None])
    raise ValueError(f"kind must be deployments, forces or exercises, got {kind!r}")
