"""One way to get a Dask client: a scheduler's address, or a local cluster on loopback.

Used by the package search (``negotiate``) and by ingestion (``ingest --workers``), so both
start workers the same way: processes with one thread each, bound to 127.0.0.1, the
scheduler's HTTP endpoint on a free loopback port (``dashboard_address=None`` would still
bind the fixed port 8787, so two runs at once would collide).
"""

from __future__ import annotations

from typing import Any


def client(workers: int | None, scheduler: str | None) -> tuple[Any, list[Any]]:
    """A ``distributed.Client`` and the objects to close when done (client first).

    Args:
        workers: local worker processes (default 1) when no ``scheduler`` is given.
        scheduler: address of a running scheduler (then no local cluster is started).
    """
    from distributed import Client, LocalCluster

    if scheduler is not None:
        c = Client(scheduler, set_as_default=False)  # type: ignore[no-untyped-call]
        return c, [c]
    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=int(workers or 1),
        threads_per_worker=1,
        processes=True,
        dashboard_address="127.0.0.1:0",  # a free port: None would bind 8787 anyway
        host="127.0.0.1",
    )
    c = Client(cluster, set_as_default=False)  # type: ignore[no-untyped-call]
    return c, [c, cluster]
