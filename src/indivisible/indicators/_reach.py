"""Reach of one weapon system from one site: which capitals lie within range, and how fast.

Indicator ``reach``. Inputs: a site (WGS84 lat, lon), a system's range under each reading
(km) and its class and speed, and the targets (by default the capitals of the 57 OSCE
participating States from the record). For every target:

* ``distance_km``: WGS84 geodesic distance site → capital (``distance_km``);
* ``reachable``: ``distance_km <= range_km`` under the default reading (and, where the
  range is disputed, under every reading, in ``readings``);
* ``flight_time_min``: the class's flight-time model (``_flight``) over ``distance_km``, given
  for every target (reachable or not) so readings can be compared; ``None`` where the class
  has no model or the model lacks a speed.

Ranges as bounds: a reading given as an interval ("up to 500 km" with a stated low end, "500
to 2,000 km") counts with both ends (``Readings.bounds``): the reading itself and
``"<name> (inner)"`` / ``"<name> (outer)"``, so the map draws the inner and the outer ring and
``reachable`` is given at both. A target between the rings is reachable under the outer end
only: whether it is in range depends on where in the interval the true range lies. An end a
reading does not state (no upper bound to "at least 500 km") is not drawn.

Assumptions: the launcher sits exactly at the site; range is a hard ground-distance limit
(no minimum range is applied: ``min_range_km`` is not used); the capital point stands for
the capital. The range ring is the geodesic circle of radius ``range_km`` (``Geod.fwd`` at
360 azimuths).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely
import shapely.affinity
from shapely.geometry import box, mapping

from indivisible._errors import InputError
from indivisible.indicators._flight import FlightKind, flight_time_min
from indivisible.indicators._geo import GEOD, _geodesic_km, normalise


@dataclass(frozen=True)
class Target:
    """A point to measure reach to: a state's capital.

    Attributes:
        state: ISO3 code of the state.
        name: the capital's name.
        lat: latitude, degrees north.
        lon: longitude, degrees east.
    """

    state: str
    name: str
    lat: float
    lon: float


@dataclass(frozen=True)
class TargetReach:
    """Reach result for one target (see the module docstring for each field's formula)."""

    target: Target
    distance_km: float
    reachable: dict[str, bool]
    flight_time_min: float | None


@dataclass(frozen=True)
class ReachResult:
    """Reach of one system from one site to every target.

    Attributes:
        site: ``{"lat", "lon", "name", "deployment"}`` of the launch site.
        system: the system id.
        range_readings: reading name → range, km (first entry is the default reading).
        flight_model: ``ballistic``, ``cruise``, ``glide`` or ``None``.
        speed_kmh: speed used by a speed model, km/h (``None`` for ballistic or unknown).
        targets: one ``TargetReach`` per target, in input order.
    """

    site: dict[str, Any]
    system: str
    range_readings: dict[str, float]
    flight_model: FlightKind | None
    speed_kmh: float | None
    targets: tuple[TargetReach, ...] = field(default_factory=tuple)

    @property
    def default_reading(self) -> str:
        """The first reading: the one ``range_km`` and ``reachable`` refer to."""
        return next(iter(self.range_readings))

    @property
    def range_km(self) -> float:
        """The range under the default reading, km."""
        return self.range_readings[self.default_reading]

    @property
    def disputed(self) -> bool:
        """Whether the readings give different ranges."""
        return len(set(self.range_readings.values())) > 1

    def to_json(self) -> dict[str, Any]:
        """The JSON contract: ``site, system, range_km, targets`` (+ ``range_readings``).

        ``range_readings`` and each target's ``readings`` (reading → reachable) appear only
        where the range is disputed.
        """
        out: dict[str, Any] = {
            "site": dict(self.site),
            "system": self.system,
            "range_km": self.range_km,
        }
        if self.disputed:
            out["range_readings"] = dict(self.range_readings)
        targets = []
        for t in self.targets:
            row: dict[str, Any] = {
                "state": t.target.state,
                "capital": t.target.name,
                "distance_km": round(t.distance_km, 3),
                "reachable": t.reachable[self.default_reading],
                "flight_time_min": (
                    None if t.flight_time_min is None else round(t.flight_time_min, 3)
                ),
            }
            if self.disputed:
                row["readings"] = {name: t.reachable[name] for name in self.range_readings}
            targets.append(row)
        out["targets"] = targets
        return out

    def to_geojson(self) -> dict[str, Any]:
        """A GeoJSON FeatureCollection: site point, range ring(s), capitals (lon/lat order).

        One ring per distinct range reading (property ``reading``); rings crossing the
        antimeridian are split into a MultiPolygon and rings around a pole are closed along
        it, as RFC 7946 asks.
        """
        feats: list[dict[str, Any]] = [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [self.site["lon"], self.site["lat"]]},
                "properties": {"kind": "site", "system": self.system, **self.site},
            }
        ]
        seen: set[float] = set()
        for reading, rng in self.range_readings.items():
            if rng in seen or rng <= 0:
                continue
            seen.add(rng)
            feats.append(
                {
                    "type": "Feature",
                    "geometry": range_ring_geometry(self.site["lat"], self.site["lon"], rng),
                    "properties": {
                        "kind": "range_ring",
                        "system": self.system,
                        "reading": reading,
                        "range_km": rng,
                    },
                }
            )
        for row, t in zip(self.to_json()["targets"], self.targets, strict=True):
            feats.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [t.target.lon, t.target.lat]},
                    "properties": {"kind": "capital", **row},
                }
            )
        return {"type": "FeatureCollection", "features": feats}


@dataclass(frozen=True)
class Flight:
    """How a system flies, for flight times: the model and, for cruise and glide, a speed.

    Attributes:
        model: ``ballistic``, ``cruise`` or ``glide``.
        speed_kmh: speed for the ``cruise`` and ``glide`` models, km/h.
    """

    model: FlightKind
    speed_kmh: float | None = None


def reach(
    site_lat: float,
    site_lon: float,
    range_readings: Mapping[str, float],
    targets: Sequence[Target],
    *,
    system: str,
    flight: Flight | None = None,
    site_name: str | None = None,
    deployment: str | None = None,
) -> ReachResult:
    """Reach of a system at one site to every target (one vectorised geodesic call).

    Args:
        site_lat: site latitude, degrees north.
        site_lon: site longitude, degrees east.
        range_readings: reading name → range in km; the first is the default reading.
        targets: the targets (see ``osce_capitals``).
        system: the system id (for the output).
        flight: the flight model (``None``: no flight times).
        site_name: name of the site, if any.
        deployment: id of the scenario deployment the site comes from, if any.

    Returns:
        The ``ReachResult``.

    Raises:
        InputError: invalid site coordinates, no reading, or a negative range.

    Examples:
        >>> warsaw = Target("POL", "Warsaw", 52.23, 21.01)
        >>> berlin = Target("DEU", "Berlin", 52.52, 13.41)
        >>> r = reach(54.63, 21.82, {"RUS": 480.0, "USA": 500.0}, [warsaw, berlin],
        ...           system="iskander-m", flight=Flight("ballistic"))
        >>> [(t.target.name, round(t.distance_km), t.reachable) for t in r.targets]
        [('Warsaw', 272, {'RUS': True, 'USA': True}), ('Berlin', 604, {'RUS': False, 'USA': False})]
    """
    n = normalise({"site_lat": site_lat, "site_lon": site_lon}, lat_fields=("site_lat",))
    if not range_readings:
        raise InputError("expected at least one range reading", field="range_km")
    ranges = {str(k): float(v) for k, v in range_readings.items()}
    for name, value in ranges.items():
        if not np.isfinite(value) or value < 0:
            raise InputError(f"range must be a number >= 0 km, got {value!r}", field=name)
    lat0, lon0 = float(n.arrays[0][0]), float(n.arrays[1][0])
    tl = np.array([t.lat for t in targets], dtype=np.float64)
    tn = np.array([t.lon for t in targets], dtype=np.float64)
    dist = _geodesic_km(np.full(tl.size, lat0), np.full(tl.size, lon0), tl, tn)
    times: list[float | None] = [None] * tl.size
    flight_model = flight.model if flight is not None else None
    speed_kmh = flight.speed_kmh if flight is not None else None
    if flight_model is not None and (flight_model == "ballistic" or speed_kmh is not None):
        times = list(flight_time_min(dist, flight_model, speed_kmh=speed_kmh))
    rows = tuple(
        TargetReach(
            target=t,
            distance_km=float(d),
            reachable={name: bool(d <= r) for name, r in ranges.items()},
            flight_time_min=ft,
        )
        for t, d, ft in zip(targets, dist, times, strict=True)
    )
    site = {"lat": lat0, "lon": lon0, "name": site_name, "deployment": deployment}
    return ReachResult(site, system, ranges, flight_model, speed_kmh, rows)


def osce_capitals(record: Any) -> list[Target]:
    """The capitals of the OSCE participating States in a loaded record, by ISO3.

    Args:
        record: an ``indivisible.record.Record``.

    Returns:
        One ``Target`` per state with ``osce`` set, sorted by ISO3 code.
    """
    states = sorted((s for s in record.states.values() if s.osce), key=lambda s: s.id)
    return [Target(s.id, s.capital.name, s.capital.lat, s.capital.lon) for s in states]


def range_ring(lat: float, lon: float, radius_km: float, n: int = 360) -> tuple[Any, Any]:
    """Points of the geodesic circle of ``radius_km`` around a point (one ``Geod.fwd`` call).

    Args:
        lat: centre latitude, degrees north.
        lon: centre longitude, degrees east.
        radius_km: geodesic radius, km.
        n: number of azimuths (evenly spaced from 0°).

    Returns:
        ``(lons, lats)`` arrays of ``n`` points, longitudes unwrapped (continuous, so they
        may leave [-180, 180] where the ring crosses the antimeridian).

    Examples:
        >>> lons, lats = range_ring(54.63, 21.82, 500.0, n=4)
        >>> [round(float(x), 2) for x in lats]
        [59.12, 54.38, 50.14, 54.38]
    """
    az = np.arange(n, dtype=np.float64) * (360.0 / n)
    lons, lats, _ = GEOD.fwd(np.full(n, lon), np.full(n, lat), az, np.full(n, radius_km * 1e3))
    lons = np.degrees(np.unwrap(np.radians(np.asarray(lons))))
    return lons, np.asarray(lats)


def range_ring_geometry(lat: float, lon: float, radius_km: float, n: int = 360) -> dict[str, Any]:
    """The range ring as a GeoJSON geometry (Polygon or MultiPolygon, lon/lat, RFC 7946).

    A ring around a pole is closed along the pole; a ring crossing the antimeridian is cut
    there and its parts shifted back into [-180, 180].

    Examples:
        >>> g = range_ring_geometry(54.63, 21.82, 500.0)
        >>> g["type"], len(g["coordinates"][0])
        ('Polygon', 361)
    """
    lons, lats = range_ring(lat, lon, radius_km, n)
    closed = np.degrees(np.unwrap(np.radians(np.append(lons, lons[0]))))
    wraps = abs(closed[-1] - lons[0]) > 180.0
    if not wraps and lons.min() >= -180.0 and lons.max() <= 180.0:
        # Azimuths run clockwise; RFC 7946 wants exterior rings counterclockwise.
        coords = [[round(x, 6), round(y, 6)] for x, y in zip(lons[::-1], lats[::-1], strict=True)]
        return {"type": "Polygon", "coordinates": [[*coords, coords[0]]]}
    pts = list(zip(lons.tolist(), lats.tolist(), strict=True))
    if wraps:  # the ring winds around a pole: close it along the pole
        pole = 90.0 if lat > 0 else -90.0
        end = pts[0][0] + (360.0 if closed[-1] > lons[0] else -360.0)
        pts = [*pts, (end, pts[0][1]), (end, pole), (pts[0][0], pole)]
    poly = shapely.make_valid(shapely.Polygon(pts))
    parts = []
    for shift in (-360.0, 0.0, 360.0):
        piece = poly.intersection(box(-180.0 + shift, -90.0, 180.0 + shift, 90.0))
        if not piece.is_empty:
            parts.append(shapely.affinity.translate(piece, xoff=-shift))
    merged = shapely.orient_polygons(shapely.union_all(parts))
    geo = mapping(merged)
    return {"type": geo["type"], "coordinates": _round_coords(geo["coordinates"])}


def _round_coords(value: Any) -> Any:
    if isinstance(value, (tuple, list)) and value and isinstance(value[0], float):
        return [round(float(v), 6) for v in value]
    return [_round_coords(v) for v in value]


def system_parameters(system: Any) -> tuple[dict[str, float], FlightKind | None, float | None]:
    """Range readings, flight model and speed of a catalogue ``System`` (world room).

    The speed is the first reading of ``speed_kmh`` (``None`` if the catalogue gives none).
    Interval readings give both ends (``Readings.bounds``): inner and outer ring.

    Raises:
        InputError: the system is an interceptor (no surface-attack role) or a bare
            launcher (its reach is that of the missiles it carries: name one of them).
    """
    from indivisible.indicators._flight import flight_kind

    cls = str(system.class_)
    if cls == "interceptor":
        raise InputError(
            f"{system.id!r} is an interceptor with no surface-attack role: it has no strike "
            "reach (choose a strike system)",
            field="--system",
        )
    if cls == "launcher":
        carried = ", ".join(system.carries) or "none listed"
        raise InputError(
            f"{system.id!r} is a launcher; its reach is that of the missile it fires: pass "
            f"--system with one of: {carried}",
            field="--system",
        )
    ranges = {name: float(r.value) for name, r in system.range_km.bounds().root.items()}
    speed = None
    if system.speed_kmh is not None:
        speed = float(next(iter(system.speed_kmh.root.values())).value)
    return ranges, flight_kind(cls), speed


def reach_of_deployment(
    record: Any,
    scenario: Any,
    deployment_id: str,
    on: dt.date | None = None,
    system: str | None = None,
    *,
    scenario_name: str | None = None,
) -> ReachResult:
    """Reach of a scenario's deployment (its system, or ``system``) to the OSCE capitals.

    Finds the deployment, checks that it is present ``on`` the date (if given), looks the
    system up in the scenario's catalogue, takes its range readings, flight model and speed
    (``system_parameters``) and computes the reach from the deployment's site.

    Args:
        record: an ``indivisible.record.Record`` (for the capitals).
        scenario: an ``indivisible.world.Scenario``.
        deployment_id: the deployment's id in ``scenario``.
        on: a date the deployment must be present on (``None``: no check).
        system: a catalogue system id to use instead of the deployment's.
        scenario_name: how the scenario is named in errors (default: its file).

    Returns:
        The ``ReachResult``.

    Raises:
        InputError: no such deployment (field ``--deployment``), the deployment is not
            present on ``on`` (``--on``), an unknown system, an interceptor or a bare
            launcher (``--system``).
    """
    dep = next((d for d in scenario.deployments if d.id == deployment_id), None)
    if dep is None:
        known = ", ".join(d.id for d in scenario.deployments) or "none"
        if scenario_name is None:
            scenario_name = scenario.files[-1] if scenario.files else scenario.scenario
        from indivisible._hints import did_you_mean

        hint = did_you_mean(deployment_id, [d.id for d in scenario.deployments])
        raise InputError(
            f"no deployment {deployment_id!r} in {scenario_name}{hint}; deployments: {known}",
            field="--deployment",
        )
    if on is not None and not dep.active(on):
        raise InputError(
            f"deployment {deployment_id!r} is not present on {on} "
            f"(since {dep.since}, until {dep.until or 'open'})",
            field="--on",
        )
    try:
        sys_ = scenario.catalogue.get(system or dep.system)
    except KeyError as exc:
        raise InputError(str(exc.args[0]), field="--system") from None
    ranges, model, speed = system_parameters(sys_)
    return reach(
        dep.site.lat,
        dep.site.lon,
        ranges,
        osce_capitals(record),
        system=sys_.id,
        flight=Flight(model, speed) if model is not None else None,
        site_name=dep.site.name,
        deployment=dep.id,
    )
