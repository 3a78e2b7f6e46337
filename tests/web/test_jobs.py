"""The job manager: progress, result, failure, cancel and time limit (states, never times).

Each job runs in its own worker process: a job that ignores cancel or never reports is
ended by the server, the count of running jobs is the count of live work processes, and the
server's own threads are never interrupted.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from indivisible import InputError
from indivisible.web import JobContext, JobManager
from indivisible.web._errors import WebError

FORK = multiprocessing.get_context("fork")


@pytest.fixture
def jobs() -> Any:
    jm = JobManager(workers=1, time_limit_s=30.0, max_pending=2, grace_s=0.3)
    yield jm
    jm.shutdown()


def _running(jobs: JobManager, job_id: str) -> None:
    end = time.monotonic() + 20
    while jobs.get(job_id).state != "running" and time.monotonic() < end:
        time.sleep(0.01)
    assert jobs.get(job_id).state == "running"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie is not running work
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split()[2] == "Z")


def test_progress_and_result(jobs: JobManager) -> None:
    def work(ctx: JobContext) -> int:
        for i in range(5):
            ctx.progress(i + 1, 5, f"step {i + 1}")
        return 15

    job = jobs.submit("sum", work)
    done = jobs.wait(job.id, timeout_s=20)
    body = done.to_json()
    assert (body["state"], body["result"], body["error"]) == ("done", 15, None)
    assert body["progress"] == {"done": 5, "total": 5, "fraction": 1.0, "message": "step 5"}


def test_the_work_runs_in_another_process(jobs: JobManager) -> None:
    job = jobs.wait(jobs.submit("pid", lambda ctx: os.getpid()).id, timeout_s=20)
    assert job.state == "done"
    assert job.result != os.getpid()


def test_input_error_becomes_the_cli_message(jobs: JobManager) -> None:
    def work(ctx: JobContext) -> None:
        raise InputError("expected a date", field="--on")

    job = jobs.wait(jobs.submit("bad", work).id, timeout_s=20)
    assert job.state == "failed"
    assert job.error is not None
    assert job.error["message"] == "field '--on': expected a date"


def test_bug_in_work_is_contained(jobs: JobManager) -> None:
    def work(ctx: JobContext) -> None:
        raise ZeroDivisionError

    job = jobs.wait(jobs.submit("bug", work).id, timeout_s=20)
    assert (job.state, job.error) == ("failed", {"message": "internal error (ZeroDivisionError)"})
    again = jobs.wait(jobs.submit("ok", lambda ctx: 1).id, timeout_s=20)
    assert again.state == "done"


def test_a_process_that_dies_is_a_failed_job(jobs: JobManager) -> None:
    job = jobs.wait(jobs.submit("exit", lambda ctx: os._exit(3)).id, timeout_s=20)
    assert job.state == "failed"
    assert job.error == {"message": "the job's process ended unexpectedly (3)"}


def test_cancel_stops_at_the_next_progress_report(jobs: JobManager) -> None:
    def work(ctx: JobContext) -> None:
        i = 0
        while True:
            i += 1
            ctx.progress(i)
            time.sleep(0.001)

    job = jobs.submit("forever", work)
    _running(jobs, job.id)
    jobs.cancel(job.id)
    done = jobs.wait(job.id, timeout_s=20)
    assert (done.state, done.error) == ("cancelled", {"message": "the job was cancelled"})


def test_time_limit(jobs: JobManager) -> None:
    def work(ctx: JobContext) -> None:
        while True:
            ctx.progress(0)
            time.sleep(0.001)

    job = jobs.submit("slow", work, time_limit_s=0.2)
    done = jobs.wait(job.id, timeout_s=20)
    assert done.state == "timed_out"
    assert done.error == {
        "message": "the job ran past its time limit of 0.2 s and was stopped; narrow the "
        "request (e.g. a shorter date range)"
    }


def test_too_many_pending_jobs(jobs: JobManager) -> None:
    gate = FORK.Event()  # shared with the worker processes
    a = jobs.submit("a", lambda ctx: gate.wait(20))
    b = jobs.submit("b", lambda ctx: gate.wait(20))
    with pytest.raises(WebError) as info:
        jobs.submit("c", lambda ctx: 1)
    assert info.value.status_code == 429
    assert str(info.value) == (
        "2 jobs are already queued or running (at most 2); wait for one to finish or cancel one"
    )
    cancelled = jobs.cancel(b.id)
    assert cancelled.state == "cancelled"
    gate.set()
    assert jobs.wait(a.id, timeout_s=20).state == "done"


def test_unknown_job(jobs: JobManager) -> None:
    with pytest.raises(WebError) as info:
        jobs.get("f" * 32)
    assert info.value.status_code == 404


def spin(ctx: JobContext) -> None:
    """Work that never reports progress (like a library call without a callback)."""
    x = 0
    while True:
        x += 1


def ignore_cancel(ctx: JobContext) -> None:
    """Work that reports but swallows the stop (a careless callback)."""
    while True:
        with contextlib.suppress(Exception):
            ctx.progress(0)
        time.sleep(0.001)


def test_cancel_ends_work_that_never_reports(jobs: JobManager) -> None:
    job = jobs.submit("spin", spin)
    _running(jobs, job.id)
    pid = jobs.get(job.id).pid
    assert pid is not None and _alive(pid)
    jobs.cancel(job.id)
    done = jobs.wait(job.id, timeout_s=20)
    assert done.state == "cancelled"
    assert done.pid is None and not _alive(pid)
    # The slot is free again: the only worker runs the next job.
    assert jobs.wait(jobs.submit("next", lambda ctx: 7).id, timeout_s=20).result == 7


def test_time_limit_ends_work_that_ignores_cancel(jobs: JobManager) -> None:
    job = jobs.submit("stubborn", ignore_cancel, time_limit_s=0.5)
    _running(jobs, job.id)
    pid = jobs.get(job.id).pid
    assert pid is not None
    done = jobs.wait(job.id, timeout_s=20)
    assert done.state == "timed_out"
    assert not _alive(pid)
    assert jobs.running == 0
    assert jobs.wait(jobs.submit("next", lambda ctx: 8).id, timeout_s=20).result == 8


def test_running_count_is_the_live_processes_and_the_server_stays_responsive() -> None:
    jm = JobManager(workers=2, time_limit_s=1.0, max_pending=2, grace_s=0.2)
    try:
        a = jm.submit("spin-a", spin)
        b = jm.submit("spin-b", spin)
        _running(jm, a.id)
        _running(jm, b.id)
        assert jm.running == 2
        # the server's own thread is not blocked: it answers while both spin
        t0 = time.monotonic()
        ticks = 0
        while time.monotonic() - t0 < 0.3:
            ticks += 1
            threading.Event().wait(0.001)
        assert ticks > 10
        with pytest.raises(WebError):  # both slots are held by live processes
            jm.submit("c", lambda ctx: 1)
        for j in (a, b):
            assert jm.wait(j.id, timeout_s=20).state == "timed_out"
        assert jm.running == 0
        assert jm.wait(jm.submit("c", lambda ctx: 3).id, timeout_s=20).result == 3
    finally:
        jm.shutdown()


def test_no_thread_is_interrupted_from_outside() -> None:
    src = Path(__file__).parents[2] / "src" / "indivisible"
    offenders = [
        str(p.relative_to(src)) for p in src.rglob("*.py") if "ctypes" in p.read_text("utf-8")
    ]
    assert offenders == []
