"""The fast paths of the territory polygons give what the straightforward code gave."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pyproj
import pytest
import shapely
from shapely.geometry import shape

from indivisible.indicators import distance_to_territory_km, load_countries
from indivisible.indicators._polygons import _local_projection, _outline_distance_km


def test_countries_read_by_geos_equal_shapely_shape() -> None:
    text = resources.files("indivisible").joinpath("data/geo/countries.geojson").read_text("utf-8")
    features = json.loads(text)["features"]
    countries = load_countries()
    assert list(countries) == [f["properties"]["iso3"] for f in features]
    for f in features:
        p, want = f["properties"], shape(f["geometry"])
        got = countries[p["iso3"]]
        assert (got.name, got.sovereign, got.osce) == (p["name"], p["sovereign"], p["osce"])
        assert got.geometry.geom_type == want.geom_type
        assert shapely.get_num_geometries(got.geometry) == shapely.get_num_geometries(want)
        np.testing.assert_array_equal(
            shapely.get_coordinates(got.geometry), shapely.get_coordinates(want)
        )


@pytest.mark.parametrize(
    ("lat", "lon"), [(54.71, 20.51), (42.0, 21.43), (-33.9, 18.4), (89.9, 0.0)]
)
def test_pipeline_is_the_operation_from_crs_selects(lat: float, lon: float) -> None:
    aeqd = pyproj.CRS.from_proj4(
        f"+proj=aeqd +lat_0={lat!r} +lon_0={lon!r} +ellps=WGS84 +units=m +no_defs"
    )
    slow = pyproj.Transformer.from_crs("EPSG:4326", aeqd, always_xy=True)
    coords = shapely.get_coordinates(shapely.boundary(load_countries()["RUS"].geometry))
    want = slow.transform(coords[:, 0], coords[:, 1])
    got = _local_projection(lat, lon).transform(coords[:, 0], coords[:, 1])
    np.testing.assert_array_equal(got[0], want[0])
    np.testing.assert_array_equal(got[1], want[1])


def test_memoised_distance_equals_fresh_computation() -> None:
    geom = load_countries()["LTU"].geometry
    fresh = _outline_distance_km(54.71, 20.51, geom)
    assert distance_to_territory_km(54.71, 20.51, "LTU") == fresh
    assert distance_to_territory_km(54.71, 20.51, "ltu") == fresh
