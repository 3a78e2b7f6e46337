"""Write src/indivisible/data/geo/borders.json: land borders between the bundled territories.

Run after data/geo/countries.geojson changes: ``.venv/bin/python scripts/make_borders.py``.
"""

from pathlib import Path

from indivisible.indicators._exposed import BORDERS_FILE, borders_json

if __name__ == "__main__":
    out = Path(__file__).resolve().parents[1] / "src/indivisible/data/geo" / BORDERS_FILE
    out.write_text(borders_json(), encoding="utf-8")
    print(f"wrote {out}")
