"""The job manager: progress, result, failure, cancel and time limit (states, never times)."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from indivisible import InputError
from indivisible.web import JobContext, JobManager
from indivisible.web._errors import WebError


@pytest.fixture
def jobs() -> Any:
    jm = JobManager(workers=1, time_limit_s=30.0, max_pending=2)
    yield jm
    jm.shutdown()


def test_progress_and_result(jobs: JobManager) -> None:
    def work(ctx: JobContext) -> int:
        for i in range(5):
            ctx.progress(i + 1, 5, f"step {i + 1}")
        return 15

    job = jobs.submit("sum", work)
    done = jobs.wait(job.id, timeout_s=10)
    body = done.to_json()
    assert (body["state"], body["result"], body["error"]) == ("done", 15, None)
    assert body["progress"] == {"done": 5, "total": 5, "fraction": 1.0, "message": "step 5"}


def test_input_error_becomes_the_cli_message(jobs: JobManager) -> None:
    def work(ctx: JobContext) -> None:
        raise InputError("expected a date", field="--on")

    job = jobs.wait(jobs.submit("bad", work).id, timeout_s=10)
    assert job.state == "failed"
    assert job.error is not None
    assert job.error["message"] == "field '--on': expected a date"


def test_bug_in_work_is_contained(jobs: JobManager) -> None:
    def work(ctx: JobContext) -> None:
        raise ZeroDivisionError

    job = jobs.wait(jobs.submit("bug", work).id, timeout_s=10)
    assert (job.state, job.error) == ("failed", {"message": "internal error (ZeroDivisionError)"})
    again = jobs.wait(jobs.submit("ok", lambda ctx: 1).id, timeout_s=10)
    assert again.state == "done"


def test_cancel_stops_at_the_next_progress_report(jobs: JobManager) -> None:
    started = threading.Event()

    def work(ctx: JobContext) -> None:
        started.set()
        i = 0
        while True:
            i += 1
            ctx.progress(i)
            threading.Event().wait(0.001)

    job = jobs.submit("forever", work)
    assert started.wait(10)
    jobs.cancel(job.id)
    done = jobs.wait(job.id, timeout_s=10)
    assert (done.state, done.error) == ("cancelled", {"message": "the job was cancelled"})


def test_time_limit(jobs: JobManager) -> None:
    def work(ctx: JobContext) -> None:
        while True:
            ctx.progress(0)
            threading.Event().wait(0.001)

    job = jobs.submit("slow", work, time_limit_s=0.2)
    done = jobs.wait(job.id, timeout_s=10)
    assert done.state == "timed_out"
    assert done.error == {
        "message": "the job ran past its time limit of 0.2 s and was stopped; narrow the "
        "request (e.g. a shorter date range)"
    }


def test_too_many_pending_jobs(jobs: JobManager) -> None:
    gate = threading.Event()
    a = jobs.submit("a", lambda ctx: gate.wait(10))
    b = jobs.submit("b", lambda ctx: gate.wait(10))
    with pytest.raises(WebError) as info:
        jobs.submit("c", lambda ctx: 1)
    assert info.value.status_code == 429
    assert str(info.value) == (
        "2 jobs are already queued or running (at most 2); wait for one to finish or cancel one"
    )
    cancelled = jobs.cancel(b.id)
    assert cancelled.state == "cancelled"
    gate.set()
    assert jobs.wait(a.id, timeout_s=10).state == "done"


def test_unknown_job(jobs: JobManager) -> None:
    with pytest.raises(WebError) as info:
        jobs.get("f" * 32)
    assert info.value.status_code == 404


def spin(ctx: JobContext) -> None:
    """Work that never reports progress (like a library call without a callback)."""
    x = 0
    while True:
        x += 1


def test_cancel_stops_work_that_never_reports(jobs: JobManager) -> None:
    job = jobs.submit("spin", spin)
    while jobs.get(job.id).state != "running":
        threading.Event().wait(0.01)
    jobs.cancel(job.id)
    assert jobs.wait(job.id, timeout_s=10).state == "cancelled"
    # The worker is free again: the only pool thread runs the next job.
    assert jobs.wait(jobs.submit("next", lambda ctx: 7).id, timeout_s=10).result == 7


def test_time_limit_stops_work_that_never_reports(jobs: JobManager) -> None:
    job = jobs.submit("spin", spin, time_limit_s=0.2)
    assert jobs.wait(job.id, timeout_s=10).state == "timed_out"
    assert jobs.wait(jobs.submit("next", lambda ctx: 8).id, timeout_s=10).result == 8
