"""The local Dask cluster: workers start without Dask's malloc trim (``_dask``)."""

from __future__ import annotations

import os

import dask
import pytest

from indivisible._dask import local_cluster, worker_environ


def test_worker_environ_drops_the_malloc_trim_only() -> None:
    env = {"MALLOC_TRIM_THRESHOLD_": 65536, "OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1}
    with dask.config.set({"distributed.nanny.pre-spawn-environ": env}):
        assert worker_environ() == {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1}


def test_worker_environ_without_a_setting() -> None:
    with dask.config.set({"distributed.nanny.pre-spawn-environ": None}):
        assert worker_environ() == {}


def _environ() -> dict[str, str]:
    return dict(os.environ)


@pytest.mark.slow
def test_local_cluster_workers_have_no_malloc_trim() -> None:
    from distributed import Client

    cluster = local_cluster(1)
    try:
        with Client(cluster, set_as_default=False) as client:  # type: ignore[no-untyped-call]
            [env] = client.run(_environ).values()
    finally:
        cluster.close()
    assert "MALLOC_TRIM_THRESHOLD_" not in env
    assert env.get("OMP_NUM_THREADS") == "1"  # Dask's other settings are kept
