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
    from distributed import Client

    if scheduler is not None:
        c = Client(scheduler, set_as_default=False)  # type: ignore[no-untyped-call]
        return c, [c]
    cluster = local_cluster(int(workers or 1))
    c = Client(cluster, set_as_default=False)  # type: ignore[no-untyped-call]
    return c, [c, cluster]


def worker_environ() -> dict[str, Any]:
    """The environment Dask sets in a worker process before it starts, minus the malloc trim.

    Dask's default sets ``MALLOC_TRIM_THRESHOLD_=65536`` so that workers hand freed memory
    back to the system. Setting it also switches off glibc's sliding mmap threshold, so
    every NumPy array above 128 KiB is mapped and unmapped again and its pages faulted in
    on each use: the package search's kernel, which allocates blocks of a few MB per step,
    took 2.7x the CPU in such a process (11 s instead of 4 s for N = 16 x 1,000 draws,
    measured in one process with and without the variable). The other variables (one
    BLAS/OpenMP thread per worker) are kept.
    """
    import dask

    env = dict(dask.config.get("distributed.nanny.pre-spawn-environ", default={}) or {})
    env.pop("MALLOC_TRIM_THRESHOLD_", None)
    return env


def local_cluster(workers: int) -> Any:
    """A ``LocalCluster`` of ``workers`` one-thread processes on loopback (no malloc trim)."""
    import dask
    from distributed import LocalCluster

    # the nannies read the environment to set when they are built, so inside this block
    with dask.config.set({"distributed.nanny.pre-spawn-environ": worker_environ()}):
        return LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address="127.0.0.1:0",  # a free port: None would bind 8787 anyway
            host="127.0.0.1",
        )
