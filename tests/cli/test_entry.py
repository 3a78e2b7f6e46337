"""The console script ``run()``: exit codes, flushed output and a closed pipe, in a real process.

``run`` ends the process without the interpreter's teardown, so these tests start a real
interpreter: what matters is what a shell sees (status, every byte of the output, stderr).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]
SCENARIO = ROOT / "examples" / "europe-2022-02.yaml"


def _run(*args: str, stdout: int = subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-c", "from indivisible.cli import run; run()", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        check=False,
        timeout=120,
        cwd=ROOT,
    )


def test_success_flushes_every_byte_and_exits_0() -> None:
    r = _run("check", str(SCENARIO), "--format", "json")
    assert r.returncode == 0, r.stderr.decode()
    data = json.loads(r.stdout)  # the whole document arrived: it parses
    assert data["date"] == "2022-02-14"
    assert len(data["findings"]) > 100
    assert r.stderr == b""


def test_bad_input_exits_2_with_one_line() -> None:
    r = _run("status", "--on", "1999-13-01")
    assert r.returncode == 2
    assert r.stdout == b""
    err = r.stderr.decode()
    assert err.startswith("Error: field '--on': expected a date as YYYY-MM-DD")
    assert "Traceback" not in err


def test_usage_error_exits_2_without_traceback() -> None:
    r = _run("status", "POL", "--on", "2000-01-01")
    assert r.returncode == 2
    assert b"unexpected extra argument" in r.stderr
    assert b"Traceback" not in r.stderr


def test_closed_pipe_is_quiet() -> None:
    """``indivisible check ... | head -1``: the reader goes away; no traceback, no hang."""
    with subprocess.Popen(
        [sys.executable, "-c", "from indivisible.cli import run; run()", "check", str(SCENARIO)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()
        err = proc.stderr.read()
        proc.wait(timeout=120)
    assert b"Traceback" not in err, err.decode()
    assert b"Error" not in err, err.decode()
