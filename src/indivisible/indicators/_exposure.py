"""Exposure: how many active launchers can reach each target on each day.

Indicator ``reach_counts``. For launchers l (site, range r_l, active from ``since_l``
inclusive to ``until_l`` exclusive) and targets t, on day d::

    count[t, d] = #{ l : distance_km(l, t) <= r_l  and  since_l <= d < until_l }

Method (vectorised, no loop over launchers, targets or days):

1. which pairs reach, as an ``[n_launchers, n_targets]`` boolean matrix
   (``_geo.within_range``): the haversine distance decides every pair it can (within
   ``r_l * 0.99``: reaches; beyond ``r_l * 1.01``: does not; the sphere errs by at most
   0.57 %), and the WGS84 geodesic is solved, in one ``pyproj`` call, only for the pairs in
   the band between, where the sphere cannot tell;
2. activity by interval arithmetic: ``searchsorted`` turns each launcher's ``since`` and
   ``until`` into day indices; every reaching pair adds +1 at its start index and -1 at its
   stop index of a ``[n_targets, n_days + 1]`` difference array (one ``bincount``);
3. a cumulative sum along days gives the counts.

Cost: O(L·T) for the screen, O(B) geodesics for the B pairs in the band (about 2 % of the
range wide: a few per cent of the reaching pairs), O(T·D) for the counts.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from indivisible._errors import InputError
from indivisible.indicators._geo import normalise, within_range


def _days(value: Any, field: str) -> npt.NDArray[np.datetime64]:
    try:
        arr = np.asarray(value, dtype="datetime64[D]").reshape(-1)
    except (TypeError, ValueError):
        raise InputError(
            f"expected dates as YYYY-MM-DD or datetime64, got {value!r:.60}", field=field
        ) from None
    return arr


def reach_counts(
    launch_lat: Any,
    launch_lon: Any,
    range_km: Any,
    since: Any,
    until: Any,
    target_lat: Any,
    target_lon: Any,
    days: Any,
) -> npt.NDArray[np.int64]:
    """Number of active launchers within range of each target on each day.

    Args:
        launch_lat: launcher latitudes, degrees north (length L).
        launch_lon: launcher longitudes, degrees east (length L).
        range_km: launcher ranges, km (length L, or one number).
        since: first active day of each launcher (length L; anything
            ``numpy.asarray(..., dtype="datetime64[D]")`` accepts).
        until: first day each launcher is no longer active (length L; ``NaT``: open).
        target_lat: target latitudes, degrees north (length T).
        target_lon: target longitudes, degrees east (length T).
        days: the days to count on, strictly increasing (length D).

    Returns:
        ``int64`` array ``[T, D]``: ``counts[t, d]`` launchers reach target t on day d.

    Raises:
        InputError: lengths differ, a coordinate or range is invalid, a ``since`` is
            missing, or ``days`` is not strictly increasing.

    Examples:
        Two launchers at Chernyakhovsk, 500 km (reaches Warsaw, 272 km) and 200 km (does
        not), the first active 2018-02-05 to 2018-02-07:

        >>> days = np.arange("2018-02-04", "2018-02-09", dtype="datetime64[D]")
        >>> reach_counts([54.63, 54.63], [21.82, 21.82], [500.0, 200.0],
        ...              ["2018-02-05", "2018-02-01"], ["2018-02-07", "NaT"],
        ...              [52.23], [21.01], days).tolist()
        [[0, 1, 1, 0, 0]]
    """
    sites = normalise(
        {"launch_lat": launch_lat, "launch_lon": launch_lon, "range_km": range_km},
        lat_fields=("launch_lat",),
    )
    lat, lon, rng = sites.arrays
    if (rng < 0).any():
        bad = float(rng[rng < 0][0])
        raise InputError(f"range must be >= 0 km, got {bad!r}", field="range_km")
    tgt = normalise(
        {"target_lat": target_lat, "target_lon": target_lon}, lat_fields=("target_lat",)
    )
    tlat, tlon = tgt.arrays
    start = _days(since, "since")
    stop = _days(until, "until")
    for name, arr in (("since", start), ("until", stop)):
        if arr.size != lat.size:
            raise InputError(
                f"length {arr.size} does not match the {lat.size} launchers", field=name
            )
    if np.isnat(start).any():
        raise InputError("every launcher needs a first active day (got NaT)", field="since")
    grid = _days(days, "days")
    if grid.size > 1 and not (np.diff(grid) > np.timedelta64(0, "D")).all():
        raise InputError("days must be strictly increasing", field="days")
    li, ti = np.nonzero(within_range(lat, lon, tlat, tlon, rng))
    n_days = grid.size
    first = np.searchsorted(grid, start, side="left")
    last = np.where(np.isnat(stop), n_days, np.searchsorted(grid, stop, side="left"))
    last = np.maximum(last, first)  # an until before since is an empty interval
    width = n_days + 1
    n_t = tlat.size
    diff = np.bincount(ti * width + first[li], minlength=n_t * width).astype(np.int64)
    diff -= np.bincount(ti * width + last[li], minlength=n_t * width)
    counts: npt.NDArray[np.int64] = np.cumsum(diff.reshape(n_t, width), axis=1)[:, :n_days]
    return counts
