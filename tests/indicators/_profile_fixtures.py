"""A hand-made scenario for the profile tests: one Russian launcher group at Chernyakhovsk."""

from __future__ import annotations

from pathlib import Path

BASE = """\
scenario: test
date: 2022-02-14
sources:
  - {id: test, title: hand-made test entry}
systems:
  - {id: test-srbm, class: ground_launched_ballistic_missile, basing: ground, range_km: 600,
     nuclear_capable: false, source: test}
  - {id: test-disputed, class: ground_launched_ballistic_missile, basing: ground,
     range_km: {RUS: 400, USA: 1200}, nuclear_capable: dual, source: test}
"""

RED = """\
  - {id: red, owner: RUS, host: RUS, site: {name: Chernyakhovsk, lat: 54.63, lon: 21.82},
     system: test-srbm, count: 12, count_of: launchers, since: 2020-01-01}
"""


def write(tmp: Path, deployments: str = "", extra: str = "") -> Path:
    """Write the base scenario with the given ``deployments:`` entries."""
    text = BASE + ("deployments:\n" + deployments if deployments else "") + extra
    path = tmp / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    return path
