"""Fixtures of the negotiation tests: the record, a small two-party scenario, menus."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"


@pytest.fixture(scope="session")
def record() -> Any:
    from indivisible.record import Record

    return Record.load()


@pytest.fixture(scope="session")
def toy_scenario(record: Any) -> Any:
    """The 1997 baseline plus one Russian (2 launchers) and one US deployment (1 launcher)."""
    from indivisible.world import Deployment, load_scenario

    base = load_scenario(Path(__file__).parents[2] / "examples/europe-1997-05-27.yaml", record)
    ru = Deployment.model_validate(
        {"id": "ru1", "owner": "RUS", "host": "RUS", "system": "iskander-m", "count": 2,
         "since": "1990-01-01", "site": {"name": "Luga", "lat": 58.7, "lon": 29.8}}
    )  # fmt: skip
    us = Deployment.model_validate(
        {"id": "us1", "owner": "USA", "host": "DEU", "system": "typhon", "count": 1,
         "since": "1990-01-01", "site": {"name": "Grafenwoehr", "lat": 49.7, "lon": 11.9}}
    )  # fmt: skip
    return base.with_changes(add=[ru, us], record=record)
