"""An in-process job manager: a thread pool, per-job progress, a time limit and cancel.

Long computations (a ``check`` over a date range now; a package search later) run as jobs.
The work function receives a :class:`JobContext`; it reports progress with
``ctx.progress(done, total)`` and that same call raises :class:`JobStopped` once the job is
cancelled or past its time limit, so a library function that accepts a progress callback
stops cooperatively at its next report. A work function that never reports (a library
call without a callback, such as ``evaluate_range``) is stopped too: on cancel, and at its
deadline (a watchdog timer), :class:`JobStopped` is raised asynchronously in the worker
thread (``PyThreadState_SetAsyncExc``), which takes effect at the next Python bytecode the
worker runs, so the pool slot is freed and the work does not run on unseen. Code inside
one long C call (a single NumPy operation) finishes that call first.

Examples:
    >>> jm = JobManager(workers=1, time_limit_s=5.0)
    >>> job = jm.submit("demo", lambda ctx: ctx.progress(1, 1) or 42)
    >>> jm.wait(job.id, timeout_s=5.0).state, jm.get(job.id).result
    ('done', 42)
    >>> jm.shutdown()
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import json
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Literal

from indivisible._errors import IndivisibleError
from indivisible.web._errors import WebError, as_response, log

JobState = Literal["queued", "running", "done", "failed", "cancelled", "timed_out"]
FINAL: frozenset[str] = frozenset({"done", "failed", "cancelled", "timed_out"})


class JobStopped(Exception):
    """Raised inside a job's progress call when the job was cancelled or timed out."""


@dataclass
class Job:
    """One job: its state, progress and, when finished, its result or error."""

    id: str
    kind: str
    time_limit_s: float
    state: JobState = "queued"
    done: int = 0
    total: int | None = None
    message: str = ""
    result: Any = None
    error: dict[str, Any] | None = None
    created: float = field(default_factory=time.time)
    started: float | None = None
    finished: float | None = None
    cancel_requested: bool = False
    thread: int | None = field(default=None, repr=False)
    """Ident of the worker thread while the work function runs (``None`` otherwise)."""
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def deadline(self) -> float | None:
        """Wall-clock time after which the job is timed out (once started)."""
        return None if self.started is None else self.started + self.time_limit_s

    def to_json(self, *, with_result: bool = True) -> dict[str, Any]:
        """The job as JSON: state, progress and (when done) the result or the error."""

        def iso(t: float | None) -> str | None:
            return None if t is None else dt.datetime.fromtimestamp(t, dt.UTC).isoformat()

        fraction = None
        if self.total:
            fraction = round(min(1.0, self.done / self.total), 4)
        elif self.state == "done":
            fraction = 1.0
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "state": self.state,
            "progress": {
                "done": self.done,
                "total": self.total,
                "fraction": fraction,
                "message": self.message,
            },
            "time_limit_s": self.time_limit_s,
            "created": iso(self.created),
            "started": iso(self.started),
            "finished": iso(self.finished),
            "error": self.error,
        }
        if with_result:
            out["result"] = self.result if self.state == "done" else None
        return out


class JobContext:
    """What a work function sees of its job: progress reports and the stop signal."""

    def __init__(self, job: Job) -> None:
        self._job = job

    @property
    def stopped(self) -> bool:
        """Whether the job was cancelled or is past its deadline."""
        deadline = self._job.deadline()
        return self._job.cancel_requested or (deadline is not None and time.time() > deadline)

    def check(self) -> None:
        """Raise :class:`JobStopped` if the job should stop now."""
        if self.stopped:
            raise JobStopped(self._job.id)

    def progress(self, done: int, total: int | None = None, message: str | None = None) -> None:
        """Report progress (``done`` of ``total`` steps); raises if the job must stop."""
        with self._job.lock:
            self._job.done = int(done)
            if total is not None:
                self._job.total = int(total)
            if message is not None:
                self._job.message = message
        self.check()


Work = Callable[[JobContext], Any]


class JobManager:
    """Runs jobs on a bounded thread pool and keeps the last ``keep`` of them.

    Args:
        workers: threads in the pool (jobs beyond that wait, ``queued``).
        time_limit_s: default time limit of a job, from its start.
        max_pending: jobs queued or running at once; more are refused (HTTP 429).
        keep: finished jobs remembered (oldest forgotten first).
    """

    def __init__(
        self,
        *,
        workers: int = 2,
        time_limit_s: float = 120.0,
        max_pending: int = 8,
        keep: int = 64,
    ) -> None:
        self.time_limit_s = time_limit_s
        self.max_pending = max_pending
        self.keep = keep
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="indivisible-job")
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()

    def submit(self, kind: str, work: Work, *, time_limit_s: float | None = None) -> Job:
        """Queue ``work`` as a new job and return it at once."""
        limit = min(time_limit_s or self.time_limit_s, self.time_limit_s)
        with self._lock:
            pending = sum(1 for j in self._jobs.values() if j.state not in FINAL)
            if pending >= self.max_pending:
                raise WebError(
                    f"{pending} jobs are already queued or running (at most "
                    f"{self.max_pending}); wait for one to finish or cancel one",
                    status_code=429,
                )
            job = Job(id=uuid.uuid4().hex, kind=kind, time_limit_s=limit)
            self._jobs[job.id] = job
            self._forget_old()
        self._pool.submit(self._run, job, work)
        return job

    def _forget_old(self) -> None:
        finished = [k for k, j in self._jobs.items() if j.state in FINAL]
        for k in finished[: max(0, len(self._jobs) - self.keep)]:
            del self._jobs[k]

    def _run(self, job: Job, work: Work) -> None:
        with contextlib.suppress(JobStopped):  # a stop arriving as the job ends: recorded
            self._run_job(job, work)

    def _run_job(self, job: Job, work: Work) -> None:
        with job.lock:
            if job.cancel_requested:
                job.state, job.finished = "cancelled", time.time()
                return
            job.state, job.started = "running", time.time()
        watchdog = threading.Timer(job.time_limit_s, self._stop, (job, "timed_out"))
        watchdog.daemon = True
        watchdog.start()
        ctx = JobContext(job)
        try:
            try:
                # Only from here on may a stop be raised in this thread (see ``_stop``).
                with job.lock:
                    job.thread = threading.get_ident()
                ctx.check()
                result = work(ctx)
            finally:
                with job.lock:
                    job.thread = None
                watchdog.cancel()
        except JobStopped:
            self._finish(job, "cancelled" if job.cancel_requested else "timed_out")
        except IndivisibleError as exc:
            body = json.loads(bytes(as_response(exc).body))
            self._finish(job, "failed", error=body["error"])
        except Exception as exc:  # a bug in the work function must not kill the pool
            log.exception("job %s (%s) failed", job.id, job.kind, exc_info=exc)
            self._finish(job, "failed", error={"message": f"internal error ({type(exc).__name__})"})
        else:
            if ctx.stopped:
                self._finish(job, "cancelled" if job.cancel_requested else "timed_out")
            else:
                self._finish(job, "done", result=result)

    @staticmethod
    def _stop(job: Job, reason: JobState) -> None:
        """Raise :class:`JobStopped` in the job's worker thread, if the work still runs."""
        with job.lock:
            if job.thread is None:
                return
            if reason == "cancelled":
                job.cancel_requested = True
            ctypes.pythonapi.PyThreadState_SetAsyncExc(
                ctypes.c_ulong(job.thread), ctypes.py_object(JobStopped)
            )

    @staticmethod
    def _finish(
        job: Job, state: JobState, *, result: Any = None, error: dict[str, Any] | None = None
    ) -> None:
        with job.lock:
            job.state, job.finished = state, time.time()
            job.result, job.error = result, error
            if state == "timed_out":
                job.error = {
                    "message": f"the job ran past its time limit of {job.time_limit_s:g} s "
                    "and was stopped; narrow the request (e.g. a shorter date range)"
                }
            elif state == "cancelled":
                job.error = {"message": "the job was cancelled"}

    def get(self, job_id: str) -> Job:
        """The job with id ``job_id``.

        Raises:
            WebError: no such job (404).
        """
        job = self._jobs.get(job_id)
        if job is None:
            raise WebError(
                f"no job {job_id!r} (jobs are kept for a while after they finish)",
                status_code=404,
                field="job_id",
            )
        self._expire(job)
        return job

    @staticmethod
    def _expire(job: Job) -> None:
        """Mark a running job past its deadline as timed out (it may never report again)."""
        deadline = job.deadline()
        with job.lock:
            if job.state == "running" and deadline is not None and time.time() > deadline:
                job.state, job.finished = "timed_out", time.time()
                job.error = {
                    "message": f"the job ran past its time limit of {job.time_limit_s:g} s "
                    "and was stopped; narrow the request (e.g. a shorter date range)"
                }

    def cancel(self, job_id: str) -> Job:
        """Ask a job to stop; a queued job never starts, a running one stops at its next report."""
        job = self.get(job_id)
        with job.lock:
            if job.state not in FINAL:
                job.cancel_requested = True
                if job.state == "queued":
                    job.state, job.finished = "cancelled", time.time()
                    job.error = {"message": "the job was cancelled"}
        self._stop(job, "cancelled")
        return job

    def wait(self, job_id: str, timeout_s: float) -> Job:
        """Block until the job is finished or ``timeout_s`` passed (for tests and scripts)."""
        end = time.monotonic() + timeout_s
        job = self.get(job_id)
        while job.state not in FINAL and time.monotonic() < end:
            time.sleep(0.01)
            self._expire(job)
        return job

    def shutdown(self) -> None:
        """Cancel every unfinished job and stop the pool without waiting for it."""
        for job in list(self._jobs.values()):
            with job.lock:
                job.cancel_requested = True
            self._stop(job, "cancelled")
        self._pool.shutdown(wait=False, cancel_futures=True)
