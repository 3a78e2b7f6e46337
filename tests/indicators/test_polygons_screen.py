"""The polygons' on-disk cache and the territory-distance screen change no result.

The cache must give the GeoJSON parse's geometries bit for bit (and be rebuilt when
unreadable); the screened distance must equal the full computation (every outline vertex
projected) to 1e-6 km for any point: it projects the same vertices with the same
transformer and measures the same segments, only fewer of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from indivisible.indicators import _polygons
from indivisible.indicators._polygons import (
    _outline,
    _outline_distance_km,
    _screened_outline_km,
    load_countries,
    territory_lower_bound_km,
)

TOL_KM = 1e-6


@pytest.fixture(autouse=True, scope="module")
def _no_home_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep every load of this module's tests out of the real home cache."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the on-disk cache at a temporary folder (never the real home cache)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("INDIVISIBLE_NO_CACHE", raising=False)
    return tmp_path / "indivisible"


def _parsed() -> dict[str, _polygons.Country]:
    """The polygons parsed from the GeoJSON, bypassing every cache."""
    props, geoms = _polygons._parse(_polygons._geojson_bytes().decode("utf-8"))
    return {p[0]: _polygons.Country(*p, geom) for p, geom in zip(props, geoms, strict=True)}


def _same(got: dict[str, _polygons.Country], want: dict[str, _polygons.Country]) -> None:
    assert list(got) == list(want)
    for iso3, w in want.items():
        g = got[iso3]
        assert (g.iso3, g.name, g.sovereign, g.osce) == (w.iso3, w.name, w.sovereign, w.osce)
        assert g.geometry.geom_type == w.geometry.geom_type
        # WKB holds the structure (parts, rings, orientation) and the IEEE doubles exactly.
        assert shapely.to_wkb(g.geometry) == shapely.to_wkb(w.geometry)
        got_xy = shapely.get_coordinates(g.geometry)
        want_xy = shapely.get_coordinates(w.geometry)
        assert got_xy.tobytes() == want_xy.tobytes()


def test_cached_polygons_are_bit_identical_to_the_parse(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    want = _parsed()
    first = _polygons._load_countries()
    (path,) = cache_home.glob("countries-*.bin")
    monkeypatch.setattr(_polygons, "_parse", lambda text: pytest.fail("cache missed"))
    second = _polygons._load_countries()
    _same(first, want)
    _same(second, want)
    assert second["RUS"].geometry is not first["RUS"].geometry
    assert path.exists()


def test_cached_polygons_answer_as_the_parse(cache_home: Path) -> None:
    _polygons._load_countries()
    cached = _polygons._load_countries()
    for iso3, c in _parsed().items():
        lon, lat = shapely.get_coordinates(c.geometry.representative_point())[0]
        assert shapely.contains_xy(cached[iso3].geometry, lon, lat)
        assert _outline_distance_km(48.0, 16.0, cached[iso3].geometry) == _outline_distance_km(
            48.0, 16.0, c.geometry
        )


def _flip_bit(blob: bytes, at: int) -> bytes:
    """``blob`` with the lowest bit of byte ``at`` flipped (in the middle: a coordinate)."""
    return blob[:at] + bytes([blob[at] ^ 1]) + blob[at + 1 :]


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: b"not a cache file",
        lambda blob: b"",
        lambda blob: blob[: len(blob) // 2],
        lambda blob: blob + b"\0" * 8,
        lambda blob: blob.replace(b"indivisible-countries-1 ", b"indivisible-countries-0 ", 1),
        lambda blob: blob[:200] + b"\xff" * 64 + blob[264:],
        lambda blob: _flip_bit(blob, len(blob) // 2),
    ],
    ids=["garbage", "empty", "truncated", "trailing", "foreign", "bad-header", "bad-coordinate"],
)
def test_unreadable_cache_is_rebuilt(cache_home: Path, damage: object) -> None:
    _polygons._load_countries()
    (path,) = cache_home.glob("countries-*.bin")
    good = path.read_bytes()
    bad = damage(good)  # type: ignore[operator]
    path.write_bytes(bad)
    _same(_polygons._load_countries(), _parsed())
    assert path.read_bytes() == good


def test_cache_of_another_key_is_ignored(cache_home: Path) -> None:
    _polygons._load_countries()
    (path,) = cache_home.glob("countries-*.bin")
    key = _polygons._cache_key()
    assert key is not None
    assert _polygons._read_cache(path, key) is not None
    assert _polygons._read_cache(path, "0" * 64) is None


def test_key_changes_with_the_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "geo" / "countries.geojson"
    copy.parent.mkdir()
    copy.write_bytes(_polygons._geojson_bytes())
    monkeypatch.setattr(_polygons, "_geojson_path", lambda: copy)
    key = _polygons._cache_key()
    assert key is not None and _polygons._cache_key() == key
    copy.write_bytes(copy.read_bytes() + b"\n")
    assert _polygons._cache_key() not in (None, key)
    copy.unlink()
    assert _polygons._cache_key() is None


def test_no_cache_switch(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INDIVISIBLE_NO_CACHE", "1")
    _same(_polygons._load_countries(), _parsed())
    assert not cache_home.exists()


def test_unwritable_cache_runs_uncached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", "utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.delenv("INDIVISIBLE_NO_CACHE", raising=False)
    _same(_polygons._load_countries(), _parsed())
    assert blocker.read_text("utf-8") == "not a folder"


# --- the screen ------------------------------------------------------------------------

SCREENED = ["RUS", "POL", "LTU", "UKR", "DEU", "USA", "NOR", "BLR", "FIN", "GRL", "CAN", "VAT"]


def _assert_screen_exact(lat: float, lon: float, iso3: str) -> None:
    want = _outline_distance_km(lat, lon, load_countries()[iso3].geometry)
    got = _screened_outline_km(lat, lon, iso3)
    assert abs(got - want) <= TOL_KM, (lat, lon, iso3, got, want)


EUROPE_GRID = [(float(la), float(lo)) for la in range(36, 72, 5) for lo in range(-10, 46, 7)]


@pytest.mark.parametrize("iso3", ["RUS", "POL", "LTU", "UKR", "DEU", "USA"])
def test_screen_equals_full_on_a_grid_over_europe(iso3: str) -> None:
    for lat, lon in EUROPE_GRID:
        _assert_screen_exact(lat, lon, iso3)


SPECIAL = [
    (54.71, 20.51),  # Kaliningrad city: inside RUS's enclave, between LTU and POL
    (54.95, 22.2),  # Kaliningrad oblast, at the LTU border
    (54.36, 19.6),  # Kaliningrad oblast, at the POL border
    (55.0, 20.9),  # Curonian Spit
    (52.23, 21.01),  # Warsaw, inside POL
    (50.45, 30.52),  # Kyiv
    (65.0, 180.0),  # Chukotka at the antimeridian
    (65.0, -180.0),
    (66.0, 179.9),
    (66.0, -179.9),
    (52.0, 179.5),  # Aleutians, both sides of the antimeridian
    (52.0, -179.5),
    (51.8, 178.0),
    (65.8, -169.0),  # Bering Strait
    (90.0, 0.0),  # poles
    (-90.0, 0.0),
    (89.9, 120.0),
    (-89.9, -60.0),
    (-52.0, -161.0),  # near Poland's antipode: every edge far
    (-33.9, 18.4),  # Cape Town: some edges beyond the bounded range
    (-60.0, 140.0),
    (0.0, 0.0),
]


@pytest.mark.parametrize("iso3", SCREENED)
def test_screen_equals_full_at_special_points(iso3: str) -> None:
    for lat, lon in SPECIAL:
        _assert_screen_exact(lat, lon, iso3)


@pytest.mark.parametrize("iso3", ["RUS", "POL", "LTU", "USA", "NOR", "VAT"])
def test_screen_equals_full_near_and_on_the_border(iso3: str) -> None:
    lonlat = _outline(iso3).lonlat
    rng = np.random.default_rng(7)
    for i in rng.integers(len(lonlat) - 1, size=15):
        lon, lat = lonlat[i]
        _assert_screen_exact(float(lat), float(lon), iso3)  # on a vertex
        t = rng.uniform()
        mlon, mlat = lonlat[i] * (1.0 - t) + lonlat[i + 1] * t
        for scale in (1e-6, 1e-3, 0.05, 0.5):
            dlat, dlon = rng.normal(size=2) * scale
            _assert_screen_exact(
                float(np.clip(mlat + dlat, -90.0, 90.0)),
                float((mlon + dlon + 180.0) % 360.0 - 180.0),
                iso3,
            )


@pytest.mark.parametrize("iso3", ["USA", "RUS", "CAN"])
def test_screen_equals_full_at_antipodes_of_edges(iso3: str) -> None:
    # Near a point's antipode the projection tears: an edge across the antipode projects to
    # a chord of the 20 000 km circle that passes by the centre, and the full computation
    # measures that chord. The screen keeps every edge that far, so it measures it too
    # (USA: Hawaii's antipode is in Botswana, 12 000 km from the mainland).
    lonlat = _outline(iso3).lonlat
    rng = np.random.default_rng(11)
    for i in rng.integers(len(lonlat) - 1, size=6):
        for t in (0.5, float(rng.uniform())):
            lon, lat = lonlat[i] * (1.0 - t) + lonlat[i + 1] * t
            for dlat in (0.0, 0.02):
                _assert_screen_exact(float(-lat + dlat), float(lon - np.copysign(180.0, lon)), iso3)


@settings(max_examples=150, deadline=None)
@given(
    lat=st.floats(-90.0, 90.0),
    lon=st.floats(-180.0, 180.0),
    iso3=st.sampled_from(SCREENED),
)
def test_screen_equals_full_anywhere(lat: float, lon: float, iso3: str) -> None:
    _assert_screen_exact(lat, lon, iso3)


@settings(max_examples=100, deadline=None)
@given(
    lat=st.floats(30.0, 75.0),
    lon=st.floats(-15.0, 60.0),
    iso3=st.sampled_from(SCREENED),
)
def test_screen_equals_full_in_europe(lat: float, lon: float, iso3: str) -> None:
    _assert_screen_exact(lat, lon, iso3)


def test_public_distance_uses_the_screen() -> None:
    lat, lon = 54.71, 20.51
    for iso3 in ("LTU", "POL", "DEU", "USA"):
        want = _outline_distance_km(lat, lon, load_countries()[iso3].geometry)
        assert abs(_polygons.distance_to_territory_km(lat, lon, iso3) - want) <= TOL_KM


def _assert_lower_bound(lat: float, lon: float, iso3: str) -> None:
    exact = float(_polygons.distance_to_territory_km(lat, lon, iso3))
    bound = territory_lower_bound_km(lat, lon, iso3)
    assert 0.0 <= bound <= exact + TOL_KM, (lat, lon, iso3, bound, exact)


@pytest.mark.parametrize("iso3", SCREENED)
def test_lower_bound_never_exceeds_the_distance(iso3: str) -> None:
    for lat, lon in [*EUROPE_GRID, *SPECIAL]:
        _assert_lower_bound(lat, lon, iso3)


@settings(max_examples=150, deadline=None)
@given(
    lat=st.floats(-90.0, 90.0),
    lon=st.floats(-180.0, 180.0),
    iso3=st.sampled_from(SCREENED),
)
def test_lower_bound_never_exceeds_the_distance_anywhere(lat: float, lon: float, iso3: str) -> None:
    _assert_lower_bound(lat, lon, iso3)


def test_lower_bound_is_zero_inside_and_close_outside() -> None:
    assert territory_lower_bound_km(52.23, 21.01, "POL") == 0.0  # Warsaw
    assert territory_lower_bound_km(55.75, 37.62, "RUS") == 0.0  # Moscow, deep inside
    # Kaliningrad city to Lithuania (69 km): the bound (55 km) is close enough to rank by.
    exact = float(_polygons.distance_to_territory_km(54.71, 20.51, "LTU"))
    assert 0.75 * exact <= territory_lower_bound_km(54.71, 20.51, "LTU") <= exact
