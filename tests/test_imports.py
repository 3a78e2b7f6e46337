"""Import cost: the CLI and the reach path must not load heavy dependencies up front.

A test on *which* modules load (never on time): ``python -X importtime`` lists every module
imported, in a fresh interpreter.
"""

from __future__ import annotations

import subprocess
import sys
from functools import cache

import pytest

HEAVY = ("pandas", "pyproj", "shapely", "sqlalchemy", "matplotlib", "dask", "fastapi")


@cache
def _imported(statement: str) -> frozenset[str]:
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", statement],
        capture_output=True,
        text=True,
        check=True,
    )
    names = set()
    for line in out.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip())
    return frozenset(names)


@pytest.mark.parametrize("module", HEAVY)
def test_cli_does_not_import(module: str) -> None:
    loaded = _imported("import indivisible.cli")
    assert "indivisible.cli" in loaded
    assert module not in loaded


def test_indicators_reach_path_does_not_import_pandas() -> None:
    loaded = _imported(
        "from indivisible.indicators import distance_to_territory_km, haversine_km, "
        "load_countries, SCREEN_ERROR"
    )
    assert "indivisible.indicators._polygons" in loaded
    assert "pandas" not in loaded
    assert "indivisible.indicators._profile" not in loaded
