"""Reach: library results, the JSON/GeoJSON contracts and the ``reach`` command."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import shapely.geometry
from geographiclib.geodesic import Geodesic
from tests.conftest import Run

from indivisible.indicators import Flight, Target, osce_capitals, range_ring_geometry, reach
from indivisible.indicators._flight import ballistic_flight_time_min
from indivisible.record import Record

CLI = Callable[..., Run]
EXAMPLE = Path(__file__).parents[2] / "examples" / "europe-2022-02.yaml"


def test_osce_capitals_from_the_record() -> None:
    caps = osce_capitals(Record.load())
    assert len(caps) == 57
    assert Target("POL", "Warsaw", 52.23, 21.01) in caps


def test_reach_values_and_readings() -> None:
    caps = osce_capitals(Record.load())
    r = reach(
        54.63, 21.82, {"RUS": 480.0, "faz": 2350.0}, caps, system="x", flight=Flight("ballistic")
    )
    by = {t.target.state: t for t in r.targets}
    ref = Geodesic.WGS84.Inverse(54.63, 21.82, 52.23, 21.01)["s12"] / 1000
    assert by["POL"].distance_km == pytest.approx(ref, abs=1e-3)
    assert by["POL"].reachable == {"RUS": True, "faz": True}
    assert by["DEU"].reachable == {"RUS": False, "faz": True}
    assert by["POL"].flight_time_min == pytest.approx(ballistic_flight_time_min(ref), rel=1e-9)
    data = r.to_json()
    assert list(data) == ["site", "system", "range_km", "range_readings", "targets"]
    assert data["range_km"] == 480.0
    assert set(data["targets"][0]) == {
        "state",
        "capital",
        "distance_km",
        "reachable",
        "flight_time_min",
        "readings",
    }


def test_undisputed_json_has_exactly_the_contract_keys() -> None:
    r = reach(
        54.63,
        21.82,
        {"reported": 500.0},
        [Target("POL", "Warsaw", 52.23, 21.01)],
        system="iskander-m",
        flight=Flight("ballistic"),
    )
    data = r.to_json()
    assert list(data) == ["site", "system", "range_km", "targets"]
    assert list(data["targets"][0]) == [
        "state",
        "capital",
        "distance_km",
        "reachable",
        "flight_time_min",
    ]


def test_ring_radius_is_the_range() -> None:
    geo = range_ring_geometry(44.08, 24.38, 1600.0)
    ring = geo["coordinates"][0]
    for lon, lat in ring[::37]:
        s = Geodesic.WGS84.Inverse(44.08, 24.38, lat, lon)["s12"] / 1000
        assert s == pytest.approx(1600.0, abs=1e-3)
    poly = shapely.geometry.shape(geo)
    assert poly.is_valid and poly.exterior.is_ccw  # RFC 7946: exterior counterclockwise


@pytest.mark.parametrize("args", [(64.0, 170.0, 3000.0), (55.75, 37.62, 10000.0)])
def test_ring_over_pole_or_antimeridian_is_valid(args: tuple[float, float, float]) -> None:
    poly = shapely.geometry.shape(range_ring_geometry(*args))
    assert poly.is_valid
    minx, _, maxx, maxy = poly.bounds
    assert minx >= -180 and maxx <= 180 and maxy == 90.0


def test_cli_json_contract(cli: CLI) -> None:
    r = cli("reach", "--site", "54.63,21.82", "--system", "iskander-m", "--format", "json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert {"site", "system", "range_km", "targets"} <= set(data)
    assert len(data["targets"]) == 57
    pol = next(t for t in data["targets"] if t["state"] == "POL")
    assert pol["capital"] == "Warsaw" and pol["reachable"] is True
    assert pol["distance_km"] == pytest.approx(272.473, abs=1e-3)


def test_cli_deployment_geojson_and_map(cli: CLI, tmp_path: Path) -> None:
    png = tmp_path / "reach.png"
    r = cli(
        "reach",
        "--deployment",
        "iskander-kaliningrad",
        "--scenario",
        str(EXAMPLE),
        "--format",
        "geojson",
        "--map",
        str(png),
    )
    assert r.code == 0, r.err
    fc = json.loads(r.out)
    assert fc["type"] == "FeatureCollection"
    kinds = [f["properties"]["kind"] for f in fc["features"]]
    assert kinds.count("site") == 1 and kinds.count("capital") == 57 and "range_ring" in kinds
    for f in fc["features"]:
        assert shapely.geometry.shape(f["geometry"]).is_valid
    site = fc["features"][0]["geometry"]["coordinates"]
    assert site[0] == pytest.approx(21.82, abs=0.2)  # lon first
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("--site", "54.63;21.82", "--system", "iskander-m"), "--site"),
        (("--site", "54.63,21.82"), "--system"),
        (("--site", "54.63,21.82", "--system", "sm-3-block-ib"), "--system"),
        (("--site", "54.63,21.82", "--system", "typhon"), "--system"),
        (("--site", "54.63,21.82", "--system", "iskander-mm"), "--system"),
        (("--deployment", "iskander-kaliningrad"), "--scenario"),
        (("--site", "54.63,21.82", "--system", "iskander-m", "--on", "2022-13-01"), "--on"),
    ],
)
def test_cli_bad_input_exit_2(cli: CLI, args: tuple[str, ...], field: str) -> None:
    r = cli("reach", *args)
    assert r.code == 2
    assert r.err.startswith(f"Error: field '{field}'")
    assert "Traceback" not in r.err


def test_interval_readings_give_inner_and_outer_ring() -> None:
    """Ranges as bounds (issue 12): an interval reading draws both its ends."""
    from indivisible.indicators._reach import osce_capitals, reach, system_parameters
    from indivisible.record import Record
    from indivisible.world import load_catalogue

    cat = load_catalogue()
    ranges, _model, _speed = system_parameters(cat.get("iskander-m"))
    assert ranges["RUS"] == 500.0 and ranges["RUS (inner)"] == 50.0
    glcm, _m, _s = system_parameters(cat.get("tomahawk-glcm"))
    assert glcm["defensenews-2025"] == 2000.0 and glcm["defensenews-2025 (inner)"] == 500.0
    assert "fas-2019 (outer)" not in glcm  # "at least 500 km" states no upper end
    res = reach(50.0, 8.27, glcm, osce_capitals(Record.load()), system="tomahawk-glcm")
    rings = [
        f["properties"]["range_km"]
        for f in res.to_geojson()["features"]
        if f["properties"].get("kind") == "range_ring"
    ]
    assert sorted(rings) == [500.0, 2000.0]
    warsaw = next(t for t in res.targets if t.target.state == "POL")
    assert warsaw.reachable["defensenews-2025"] is True
    assert warsaw.reachable["defensenews-2025 (inner)"] is False
