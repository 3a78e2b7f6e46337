"""A job manager: each job in a worker process, with progress, cancel and a hard time limit.

Long computations (a ``check`` over a date range, an assessment, a package search) run as
jobs. Each job runs in a child process forked for it, so that it can always be stopped:

* the work function receives a :class:`JobContext`; ``ctx.progress(done, total)`` sends its
  progress to the server and raises :class:`JobStopped` once the job is cancelled or past
  its deadline, so a function that reports stops cooperatively at its next report;
* a job that does not stop (a library call that never reports, one long C call) is ended
  by the server: on cancel after a short grace period (:attr:`JobManager.grace_s`), at its
  deadline at once; the process is terminated, then killed if it lingers;
* a job's slot is freed only when its process has ended, so the number of running jobs is
  always the number of live work processes, and ``max_pending`` counts every one of them.

The child inherits the work function and its data by ``fork`` (nothing is pickled on the
way in); its result and errors come back pickled over a pipe (results are JSON-ready).
Nothing is ever raised asynchronously in a thread of the server.

Examples:
    >>> jm = JobManager(workers=1, time_limit_s=5.0)
    >>> job = jm.submit("demo", lambda ctx: ctx.progress(1, 1) or 42)
    >>> jm.wait(job.id, timeout_s=5.0).state, jm.get(job.id).result
    ('done', 42)
    >>> jm.shutdown()
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import multiprocessing
import os
import signal
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any, Literal

from indivisible._errors import IndivisibleError
from indivisible.web._errors import WebError, as_response, log

JobState = Literal["queued", "running", "done", "failed", "cancelled", "timed_out"]
FINAL: frozenset[str] = frozenset({"done", "failed", "cancelled", "timed_out"})

_FORK = multiprocessing.get_context("fork")


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
    pid: int | None = field(default=None, repr=False)
    """Process id of the job's worker process while it lives (``None`` otherwise)."""
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
    """What a work function sees of its job: progress reports and the stop signal.

    In the worker process it sends progress over the job's pipe and reads the stop signal
    the server sets; its deadline is the job's, counted from the start.
    """

    def __init__(self, conn: Connection, stop: Any, deadline: float) -> None:
        self._conn = conn
        self._stop = stop
        self._deadline = deadline

    @property
    def stopped(self) -> bool:
        """Whether the job was cancelled or is past its deadline."""
        return bool(self._stop.is_set()) or time.time() > self._deadline

    def check(self) -> None:
        """Raise :class:`JobStopped` if the job should stop now."""
        if self.stopped:
            raise JobStopped

    def progress(self, done: int, total: int | None = None, message: str | None = None) -> None:
        """Report progress (``done`` of ``total`` steps); raises if the job must stop."""
        self._conn.send(("progress", int(done), None if total is None else int(total), message))
        self.check()


Work = Callable[[JobContext], Any]


def _child(work: Work, conn: Connection, stop: Any, deadline: float) -> None:
    """The worker process: run ``work`` and send back one final message."""
    ctx = JobContext(conn, stop, deadline)
    try:
        ctx.check()
        result = work(ctx)
    except JobStopped:
        message: tuple[Any, ...] = ("stopped",)
    except IndivisibleError as exc:
        body = json.loads(bytes(as_response(exc).body))
        message = ("failed", body["error"])
    except BaseException as exc:  # a bug in the work function must not pass silently
        log.exception("job failed", exc_info=exc)
        message = ("failed", {"message": f"internal error ({type(exc).__name__})"})
    else:
        message = ("stopped",) if ctx.stopped else ("done", result)
    try:
        conn.send(message)
    except Exception as exc:  # a result that cannot be sent back
        conn.send(("failed", {"message": f"internal error ({type(exc).__name__})"}))
    finally:
        conn.close()


class JobManager:
    """Runs jobs in worker processes, ``workers`` at a time, and keeps the last ``keep``.

    Args:
        workers: jobs running at once (each in its own process); more wait, ``queued``.
        time_limit_s: default time limit of a job, from its start.
        max_pending: jobs queued or running at once; more are refused (HTTP 429).
        keep: finished jobs remembered (oldest forgotten first).
        grace_s: how long a cancelled job may take to stop by itself before it is ended.
    """

    def __init__(
        self,
        *,
        workers: int = 2,
        time_limit_s: float = 120.0,
        max_pending: int = 8,
        keep: int = 64,
        grace_s: float = 1.0,
    ) -> None:
        self.time_limit_s = time_limit_s
        self.max_pending = max_pending
        self.keep = keep
        self.grace_s = grace_s
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="indivisible-job")
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._stops: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._closed = False

    @property
    def running(self) -> int:
        """Jobs whose worker process is alive now."""
        with self._lock:
            return sum(1 for j in self._jobs.values() if j.pid is not None)

    def submit(self, kind: str, work: Work, *, time_limit_s: float | None = None) -> Job:
        """Queue ``work`` as a new job and return it at once."""
        limit = min(time_limit_s or self.time_limit_s, self.time_limit_s)
        with self._lock:
            pending = sum(1 for j in self._jobs.values() if j.state not in FINAL or j.pid)
            if pending >= self.max_pending:
                raise WebError(
                    f"{pending} jobs are already queued or running (at most "
                    f"{self.max_pending}); wait for one to finish or cancel one",
                    status_code=429,
                )
            job = Job(id=uuid.uuid4().hex, kind=kind, time_limit_s=limit)
            self._jobs[job.id] = job
            self._stops[job.id] = _FORK.Event()
            self._forget_old()
        self._pool.submit(self._run, job, work)
        return job

    def _forget_old(self) -> None:
        finished = [k for k, j in self._jobs.items() if j.state in FINAL and j.pid is None]
        for k in finished[: max(0, len(self._jobs) - self.keep)]:
            del self._jobs[k]
            self._stops.pop(k, None)

    def _run(self, job: Job, work: Work) -> None:
        try:
            self._run_job(job, work)
        except Exception as exc:  # the supervisor itself must never die silently
            log.exception("job %s (%s): supervisor failed", job.id, job.kind, exc_info=exc)
            self._finish(job, "failed", error={"message": f"internal error ({type(exc).__name__})"})

    def _run_job(self, job: Job, work: Work) -> None:
        stop = self._stops[job.id]
        with job.lock:
            if job.cancel_requested or self._closed:
                job.state, job.finished = "cancelled", time.time()
                job.error = {"message": "the job was cancelled"}
                return
            job.started = time.time()
        deadline = job.started + job.time_limit_s
        parent, child = _FORK.Pipe(duplex=False)
        proc = _FORK.Process(
            target=_child, args=(work, child, stop, deadline), name=f"indivisible-job-{job.id}"
        )
        proc.daemon = True
        proc.start()
        child.close()
        with job.lock:  # running and its process id become visible together
            job.state, job.pid = "running", proc.pid
        final: tuple[Any, ...] | None = None
        ended_by_server: JobState | None = None
        cancel_seen: float | None = None
        eof = False
        try:
            while final is None:
                # read what is there (a chatty job must not starve the checks below)
                for _ in range(1000):
                    if final is not None or not parent.poll(0):
                        break
                    try:
                        msg = parent.recv()
                    except (EOFError, OSError):
                        eof = True  # the process ended without a final message
                        break
                    if msg[0] == "progress":
                        with job.lock:
                            job.done = msg[1]
                            if msg[2] is not None:
                                job.total = msg[2]
                            if msg[3] is not None:
                                job.message = msg[3]
                    else:
                        final = msg
                if final is not None or eof:
                    break
                if not proc.is_alive() and not parent.poll(0):
                    break
                now = time.time()
                if now > deadline:
                    ended_by_server = "timed_out"
                    break
                if job.cancel_requested:
                    stop.set()
                    cancel_seen = cancel_seen or now
                    if now - cancel_seen > self.grace_s:
                        ended_by_server = "cancelled"
                        break
                parent.poll(0.02)  # wait for the next message, or a tick
        finally:
            if proc.is_alive():
                proc.terminate()
                proc.join(1.0)
                if proc.is_alive():
                    proc.kill()
            proc.join()
            parent.close()
            with job.lock:
                job.pid = None
        if ended_by_server is not None:
            self._finish(job, ended_by_server)
        elif final is None:
            code = proc.exitcode
            self._finish(
                job, "failed", error={"message": f"the job's process ended unexpectedly ({code})"}
            )
        elif final[0] == "done":
            self._finish(job, "done", result=final[1])
        elif final[0] == "failed":
            self._finish(job, "failed", error=final[1])
        else:
            self._finish(job, "cancelled" if job.cancel_requested else "timed_out")

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
        return job

    def cancel(self, job_id: str) -> Job:
        """Ask a job to stop: a queued job never starts, a running one stops or is ended."""
        job = self.get(job_id)
        with job.lock:
            if job.state not in FINAL:
                job.cancel_requested = True
                if job.state == "queued":
                    job.state, job.finished = "cancelled", time.time()
                    job.error = {"message": "the job was cancelled"}
        stop = self._stops.get(job_id)
        if stop is not None:
            stop.set()
        return job

    def wait(self, job_id: str, timeout_s: float) -> Job:
        """Block until the job is finished or ``timeout_s`` passed (for tests and scripts)."""
        end = time.monotonic() + timeout_s
        job = self.get(job_id)
        while (job.state not in FINAL or job.pid is not None) and time.monotonic() < end:
            time.sleep(0.01)
        return job

    def shutdown(self) -> None:
        """Cancel every unfinished job, end their processes, and stop the pool."""
        self._closed = True
        for job in list(self._jobs.values()):
            with job.lock:
                job.cancel_requested = True
            stop = self._stops.get(job.id)
            if stop is not None:
                stop.set()
            pid = job.pid
            if pid is not None:
                with contextlib.suppress(OSError):  # already gone
                    os.kill(pid, signal.SIGTERM)
        self._pool.shutdown(wait=False, cancel_futures=True)
