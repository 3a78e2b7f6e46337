"""Distances on the WGS84 ellipsoid, vectorised over points, with a cheap spherical screen.

Every function accepts scalars, lists, NumPy arrays or pandas Series, converts them once to
contiguous ``float64``, computes in one vectorised call and returns the kind the caller gave
(a ``float`` for scalars, a ``list`` for lists, an ``ndarray`` for arrays, a ``Series`` with
the caller's index for Series). Scalars broadcast against arrays; two arrays of different
lengths are an error, never silently broadcast.

Method: the exact distances are geodesic inverse solutions on the WGS84 ellipsoid (Karney's
algorithm, as implemented by PROJ and called through ``pyproj.Geod``), accurate to a few
nanometres. ``haversine_km`` is a great-circle distance on a sphere of the IUGG mean radius
R1 = 6371.0088 km; it differs from the ellipsoidal geodesic by between -0.45 % and +0.57 % of
the distance (measured on 400,000 random pairs, worst cases near the poles and along
meridians), so a screen that keeps every pair whose haversine distance is at most
``range_km * (1 + SCREEN_MARGIN)`` (1 %) never drops a pair the geodesic would reach.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final, TypeAlias, TypeGuard, Union

import numpy as np
import numpy.typing as npt
import pyproj

if TYPE_CHECKING:
    import pandas as pd

from indivisible._errors import InputError

FloatArray: TypeAlias = npt.NDArray[np.float64]
Coords: TypeAlias = Union[float, Sequence[float], FloatArray, "pd.Series[float]"]
"""Accepted coordinate input: a number, a list or tuple, an ndarray or a pandas Series."""

GEOD: Final = pyproj.Geod(ellps="WGS84")
"""The WGS84 ellipsoid (a = 6378137 m, f = 1/298.257223563)."""

MEAN_RADIUS_KM: Final = 6371.0088
"""IUGG mean Earth radius R1 = (2a + b) / 3 of WGS84, in km (Moritz, Geodetic Reference
System 1980, Bulletin Géodésique 54, 1980)."""

SCREEN_ERROR: Final = 0.0057
"""Largest relative difference between ``haversine_km`` and the WGS84 geodesic (0.57 %)."""

SCREEN_MARGIN: Final = 0.01
"""Safety margin of the haversine screen: keep pairs up to ``range_km * (1 + 0.01)``."""

_ROUNDING_KM: Final = 1e-6
"""Absolute slack of ``within_range``'s band (1 mm): the haversine formula's rounding near
zero distance (``cos(90°)`` is 6e-17 in floating point), where a relative bound says nothing."""

_KIND_SCALAR = "scalar"
_KIND_LIST = "list"
_KIND_ARRAY = "array"
_KIND_SERIES = "series"


def _is_series(value: object) -> TypeGuard[pd.Series[Any]]:
    """Whether ``value`` is a pandas Series, without importing pandas.

    A Series can only exist once pandas is imported, so when it is not in ``sys.modules``
    the answer is no, and importing ``indivisible.indicators`` never loads pandas (~0.5 s).
    """
    pandas = sys.modules.get("pandas")
    return pandas is not None and isinstance(value, pandas.Series)


class _Normalised:
    """Inputs converted once to flat float64 arrays, with what is needed to convert back."""

    __slots__ = ("arrays", "index", "kind", "shape")

    def __init__(
        self, arrays: list[FloatArray], kind: str, shape: tuple[int, ...], index: Any
    ) -> None:
        self.arrays = arrays
        self.kind = kind
        self.shape = shape
        self.index = index

    def back(self, values: FloatArray, name: str) -> Any:
        """Convert a flat result array back to the kind the caller gave."""
        if self.kind == _KIND_SCALAR:
            return float(values[0])
        if self.kind == _KIND_LIST:
            return values.tolist()
        if self.kind == _KIND_SERIES:
            import pandas as pd

            return pd.Series(values, index=self.index, name=name)
        return values.reshape(self.shape)


def _kind_of(value: object) -> str:
    if _is_series(value):
        return _KIND_SERIES
    if isinstance(value, np.ndarray):
        return _KIND_SCALAR if value.ndim == 0 else _KIND_ARRAY
    if isinstance(value, (list, tuple)):
        return _KIND_LIST
    return _KIND_SCALAR


def normalise(fields: dict[str, object], *, lat_fields: Sequence[str] = ()) -> _Normalised:
    """Convert named coordinate inputs once to flat float64 arrays of one common length.

    Args:
        fields: input name (used in error messages) → value.
        lat_fields: names of the fields that hold latitudes (checked to lie in [-90, 90]).

    Returns:
        The flat arrays (in the order of ``fields``) and the kind to convert results back to:
        the first Series, else the first ndarray, else the first list, else a scalar.

    Raises:
        InputError: a value is not numeric, not finite, a latitude is out of range, or two
            non-scalar inputs differ in length.

    Examples:
        >>> n = normalise({"lat": [50.0, 51.0], "lon": 4.0}, lat_fields=["lat"])
        >>> n.kind, n.arrays[1].tolist()
        ('list', [4.0, 4.0])
    """
    kinds = {name: _kind_of(value) for name, value in fields.items()}
    kind = _KIND_SCALAR
    for candidate in (_KIND_SERIES, _KIND_ARRAY, _KIND_LIST):
        if candidate in kinds.values():
            kind = candidate
            break
    raw: dict[str, FloatArray] = {}
    shape: tuple[int, ...] = ()
    index: Any = None
    size: int | None = None
    size_from = ""
    for name, value in fields.items():
        try:
            arr = np.asarray(value.to_numpy() if _is_series(value) else value, dtype=np.float64)
        except (TypeError, ValueError):
            raise InputError(f"expected numbers in degrees, got {value!r}", field=name) from None
        if index is None and _is_series(value):
            index = value.index
        if arr.ndim > 0:
            if size is not None and arr.size != size:
                raise InputError(
                    f"length {arr.size} does not match length {size} of '{size_from}'; "
                    "pass arrays of equal length (or a single number to broadcast)",
                    field=name,
                )
            if size is None:
                size, size_from, shape = arr.size, name, arr.shape
        raw[name] = arr
    n = 1 if size is None else size
    out: list[FloatArray] = []
    for name, arr in raw.items():
        flat = np.ascontiguousarray(arr.reshape(-1)) if arr.ndim else np.full(n, float(arr))
        if not np.isfinite(flat).all():
            bad = flat[~np.isfinite(flat)][0]
            raise InputError(f"expected finite coordinates, got {bad!r}", field=name)
        if name in lat_fields and (np.abs(flat) > 90.0).any():
            bad = flat[np.abs(flat) > 90.0][0]
            raise InputError(
                f"latitude must lie in [-90, 90] degrees, got {bad!r} (e.g. 52.23 for Warsaw)",
                field=name,
            )
        out.append(flat)
    return _Normalised(out, kind, shape, index)


def _geodesic_km(
    lat1: FloatArray, lon1: FloatArray, lat2: FloatArray, lon2: FloatArray
) -> FloatArray:
    """Geodesic distance in km for flat float64 arrays of equal length (one PROJ call)."""
    _, _, dist_m = GEOD.inv(lon1, lat1, lon2, lat2)
    return np.asarray(dist_m, dtype=np.float64) / 1000.0


def _haversine_km(
    lat1: FloatArray, lon1: FloatArray, lat2: FloatArray, lon2: FloatArray
) -> FloatArray:
    """Great-circle distance in km on the mean-radius sphere (any broadcastable shapes)."""
    p1 = np.radians(lat1)
    p2 = np.radians(lat2)
    h = (
        np.sin((p2 - p1) / 2.0) ** 2
        + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2.0) ** 2
    )
    return np.asarray(2.0 * MEAN_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0))))


def distance_km(lat1: Coords, lon1: Coords, lat2: Coords, lon2: Coords) -> Any:
    """Geodesic distance on the WGS84 ellipsoid, in kilometres.

    One vectorised ``pyproj.Geod.inv`` call for all pairs (Karney's algorithm; accurate to
    nanometres, valid for any pair including nearly antipodal points).

    Args:
        lat1: latitude(s) of the first point(s), degrees north.
        lon1: longitude(s) of the first point(s), degrees east.
        lat2: latitude(s) of the second point(s), degrees north.
        lon2: longitude(s) of the second point(s), degrees east.

    Returns:
        The distance(s) in km, as the kind the caller gave (float, list, ndarray, Series).

    Raises:
        InputError: a coordinate is not a finite number, a latitude lies outside [-90, 90],
            or two arrays differ in length.

    Examples:
        Moscow to Washington, D.C. (record capitals):

        >>> round(distance_km(55.75, 37.62, 38.90, -77.04), 1)
        7843.3
        >>> [round(d) for d in distance_km([55.75, 52.52], [37.62, 13.41], 52.23, 21.01)]
        [1154, 518]
    """
    n = normalise(
        {"lat1": lat1, "lon1": lon1, "lat2": lat2, "lon2": lon2}, lat_fields=("lat1", "lat2")
    )
    return n.back(_geodesic_km(*n.arrays), "distance_km")


def haversine_km(lat1: Coords, lon1: Coords, lat2: Coords, lon2: Coords) -> Any:
    """Great-circle distance on a sphere of radius 6371.0088 km: a cheap screen, not a result.

    Differs from ``distance_km`` by at most 0.57 % of the distance (``SCREEN_ERROR``); use it
    only to discard pairs far beyond a range, with ``SCREEN_MARGIN``.

    Args:
        lat1: latitude(s) of the first point(s), degrees north.
        lon1: longitude(s) of the first point(s), degrees east.
        lat2: latitude(s) of the second point(s), degrees north.
        lon2: longitude(s) of the second point(s), degrees east.

    Returns:
        The spherical distance(s) in km, as the kind the caller gave.

    Raises:
        InputError: as for ``distance_km``.

    Examples:
        >>> round(haversine_km(55.75, 37.62, 38.90, -77.04), 1)
        7822.3
    """
    n = normalise(
        {"lat1": lat1, "lon1": lon1, "lat2": lat2, "lon2": lon2}, lat_fields=("lat1", "lat2")
    )
    return n.back(_haversine_km(*n.arrays), "haversine_km")


def distance_matrix_km(
    sites_lat: Coords, sites_lon: Coords, targets_lat: Coords, targets_lon: Coords
) -> Any:
    """Geodesic distances from every site to every target: shape ``[n_sites, n_targets]``.

    The pairs are broadcast and solved in one ``pyproj.Geod.inv`` call.

    Args:
        sites_lat: site latitudes, degrees north.
        sites_lon: site longitudes, degrees east.
        targets_lat: target latitudes, degrees north.
        targets_lon: target longitudes, degrees east.

    Returns:
        An ``ndarray`` of km, or a ``DataFrame`` (sites' index × targets' index) when both
        the site and the target latitudes are pandas Series.

    Raises:
        InputError: as for ``distance_km`` (a site or target array pair of unequal length).

    Examples:
        >>> m = distance_matrix_km([54.63, 44.08], [21.82, 24.38], [52.23, 55.75],
        ...                        [21.01, 37.62])
        >>> m.shape, [[round(x) for x in row] for row in m]
        ((2, 2), [[272, 1012], [940, 1603]])
    """
    s = normalise({"sites_lat": sites_lat, "sites_lon": sites_lon}, lat_fields=("sites_lat",))
    t = normalise(
        {"targets_lat": targets_lat, "targets_lon": targets_lon}, lat_fields=("targets_lat",)
    )
    matrix = pairwise_km(s.arrays[0], s.arrays[1], t.arrays[0], t.arrays[1])
    if s.kind == _KIND_SERIES and t.kind == _KIND_SERIES:
        import pandas as pd

        return pd.DataFrame(matrix, index=s.index, columns=t.index)
    return matrix


def pairwise_km(
    sites_lat: FloatArray, sites_lon: FloatArray, targets_lat: FloatArray, targets_lon: FloatArray
) -> FloatArray:
    """Core of ``distance_matrix_km`` on validated flat float64 arrays (no checks)."""
    ns, nt = sites_lat.size, targets_lat.size
    lat1 = np.repeat(sites_lat, nt)
    lon1 = np.repeat(sites_lon, nt)
    lat2 = np.tile(targets_lat, ns)
    lon2 = np.tile(targets_lon, ns)
    return _geodesic_km(lat1, lon1, lat2, lon2).reshape(ns, nt)


def screened_pairwise_km(
    sites_lat: FloatArray,
    sites_lon: FloatArray,
    targets_lat: FloatArray,
    targets_lon: FloatArray,
    max_range_km: float | FloatArray,
) -> FloatArray:
    """Pairwise geodesic distances, computed only for pairs the haversine screen keeps.

    Pairs whose spherical distance exceeds ``max_range_km * (1 + SCREEN_MARGIN)`` get
    ``inf``: their geodesic distance certainly exceeds ``max_range_km``. Every other pair gets
    its exact geodesic distance.

    Args:
        sites_lat: site latitudes (flat float64).
        sites_lon: site longitudes (flat float64).
        targets_lat: target latitudes (flat float64).
        targets_lon: target longitudes (flat float64).
        max_range_km: the largest range that matters, per site (shape ``[n_sites]``) or one
            number.

    Returns:
        ``[n_sites, n_targets]`` km, ``inf`` where pruned.

    Examples:
        >>> a = np.array
        >>> m = screened_pairwise_km(a([54.63]), a([21.82]), a([52.23, 38.90]),
        ...                          a([21.01, -77.04]), 500.0)
        >>> round(float(m[0, 0]), 1), bool(np.isinf(m[0, 1]))
        (272.5, True)
    """
    rng = np.broadcast_to(np.asarray(max_range_km, dtype=np.float64), sites_lat.shape)
    screen = _haversine_km(
        sites_lat[:, None], sites_lon[:, None], targets_lat[None, :], targets_lon[None, :]
    )
    keep = screen <= (rng * (1.0 + SCREEN_MARGIN))[:, None]
    out = np.full(screen.shape, np.inf)
    si, ti = np.nonzero(keep)
    if si.size:
        out[si, ti] = _geodesic_km(sites_lat[si], sites_lon[si], targets_lat[ti], targets_lon[ti])
    return out


def within_range(
    sites_lat: FloatArray,
    sites_lon: FloatArray,
    targets_lat: FloatArray,
    targets_lon: FloatArray,
    range_km: float | FloatArray,
) -> npt.NDArray[np.bool_]:
    """Which targets lie within each site's range on the WGS84 ellipsoid: ``[n_sites, n_targets]``.

    Decided by the haversine distance ``h`` wherever it can decide, by the exact geodesic
    only where it cannot. With the margin ``m = SCREEN_MARGIN`` (1 %, above the sphere's
    largest error of 0.57 %, ``SCREEN_ERROR``):

    * ``h <= r * (1 - m)``: the geodesic is at most ``h / (1 - 0.0057) < r``: within;
    * ``h > r * (1 + m)``: the geodesic is at least ``h / (1 + 0.0057) > r``: beyond;
    * in between (a band about 2 % of the range wide, widened by a millimetre for the
      rounding of the spherical formula near zero, e.g. two points at a pole) the geodesic
      is solved, in one ``pyproj`` call for every such pair, and compared with ``r``.

    The answer is the one the full geodesic gives for every pair (tested against it on
    random pairs and on pairs placed at the band's edges).

    Args:
        sites_lat: site latitudes (flat float64).
        sites_lon: site longitudes (flat float64).
        targets_lat: target latitudes (flat float64).
        targets_lon: target longitudes (flat float64).
        range_km: each site's range (shape ``[n_sites]``) or one number, km.

    Returns:
        Boolean ``[n_sites, n_targets]``.

    Examples:
        >>> a = np.array
        >>> within_range(a([54.63]), a([21.82]), a([52.23, 38.90]), a([21.01, -77.04]), 500.0)
        array([[ True, False]])
    """
    rng = np.broadcast_to(np.asarray(range_km, dtype=np.float64), sites_lat.shape)[:, None]
    screen = _haversine_km(
        sites_lat[:, None], sites_lon[:, None], targets_lat[None, :], targets_lon[None, :]
    )
    out: npt.NDArray[np.bool_] = screen <= rng * (1.0 - SCREEN_MARGIN) - _ROUNDING_KM
    band = (screen <= rng * (1.0 + SCREEN_MARGIN) + _ROUNDING_KM) & ~out
    si, ti = np.nonzero(band)
    if si.size:
        exact = _geodesic_km(sites_lat[si], sites_lon[si], targets_lat[ti], targets_lon[ti])
        out[si, ti] = exact <= rng[si, 0]
    return out
