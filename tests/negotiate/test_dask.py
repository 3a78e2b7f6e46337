"""Dask: a 2-worker LocalCluster gives bit for bit the single-process result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.negotiate._toy import TOY_AGGREGATION, toy_profile

from indivisible.negotiate import SearchOptions, load_menu, load_perspectives, negotiate

FIX = Path(__file__).parent / "fixtures"


@pytest.mark.slow
def test_dask_equals_single_process(record: Any, toy_scenario: Any) -> None:
    from distributed import Client, LocalCluster

    menu = load_menu(FIX / "toy-menu.yaml", record)
    persp = load_perspectives([FIX / "rus.yaml", FIX / "usa.yaml"], record)
    kw: dict[str, Any] = {
        "mode": "weighted", "perspectives": persp, "draws": 300, "seed": 42,
        "profiler": toy_profile, "aggregation": TOY_AGGREGATION,
        "chunk_bundles": 3, "chunk_draws": 70,
    }  # fmt: skip
    single = negotiate(record, toy_scenario, menu, ["RUS", "USA"], SearchOptions(**kw))
    with (
        LocalCluster(  # type: ignore[no-untyped-call]  # distributed is untyped
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address="127.0.0.1:0"
        ) as cluster,  # fmt: skip
        Client(cluster, set_as_default=False) as client,  # type: ignore[no-untyped-call]
    ):
        spread = negotiate(
            record, toy_scenario, menu, ["RUS", "USA"], SearchOptions(client=client, **kw)
        )
    assert spread.to_json() == single.to_json()
    assert spread.compatible[0].probability == single.compatible[0].probability
