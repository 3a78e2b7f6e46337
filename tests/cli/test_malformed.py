"""Malformed inputs and output paths through the CLI entry point: exit 2, one line, no file.

The cases are data (``cases/malformed.yaml``, at least 100 of them): every kind of bad
number, date, id and path, for every command that reads or writes a file. Each runs in a
fresh working folder that also holds folders, symlink loops, symlinks to ``/dev/full`` and
to an unreadable file (``/proc/self/mem``); after the command the folder must hold exactly
what it held before (no output, no temporary file).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

HERE = Path(__file__).parent
FIXTURES = HERE / "cases" / "fixtures"
EXAMPLES = HERE.parents[1] / "examples"
CASES: list[dict[str, Any]] = yaml.safe_load(
    (HERE / "cases" / "malformed.yaml").read_text(encoding="utf-8")
)
LONG = "a" * 5000

_needs_devices = pytest.mark.skipif(
    not (os.path.exists("/dev/full") and os.path.exists("/proc/self/mem")),
    reason="needs /dev/full and /proc/self/mem (Linux)",
)


def _fill(text: str, tmp: Path) -> str:
    return (
        text.replace("{fx}", str(FIXTURES))
        .replace("{ex}", str(EXAMPLES))
        .replace("{tmp}", str(tmp))
        .replace("{nul}", "\0")
        .replace("{long}", LONG)
    )


def _workdir(tmp: Path) -> None:
    for name in ("dir.png", "dir.csv", "dir.html", "dir.yaml"):
        (tmp / name).mkdir()
    for name in ("full.png", "full.csv", "full.html"):
        (tmp / name).symlink_to("/dev/full")
    for a, b in (("loop.yaml", "loop2.yaml"), ("loop.png", "loop2.png")):
        (tmp / a).symlink_to(tmp / b)
        (tmp / b).symlink_to(tmp / a)
    (tmp / "mem.yaml").symlink_to("/proc/self/mem")
    (tmp / "file.txt").write_text("a plain file\n", encoding="utf-8")
    (tmp / "persp").mkdir()
    (tmp / "persp" / "mem.yaml").symlink_to("/proc/self/mem")


def _snapshot(tmp: Path) -> dict[str, tuple[bool, int]]:
    out = {}
    for root, dirs, files in os.walk(tmp):
        for n in dirs + files:
            p = Path(root) / n
            st = p.lstat()
            out[str(p.relative_to(tmp))] = (p.is_symlink(), st.st_size if p.is_file() else 0)
    return out


def test_the_table_is_large_and_unique() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) >= 100
    assert len(set(ids)) == len(ids)
    commands = {c["args"][0] for c in CASES}
    assert commands >= {
        "check",
        "profile",
        "assess",
        "reach",
        "scenario",
        "timeline",
        "export",
        "negotiate",
        "simulate",
    }


@_needs_devices
@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_malformed_case(
    case: dict[str, Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    cli: Callable[..., Any],
) -> None:
    _workdir(tmp_path)
    for name, text in (case.get("files") or {}).items():
        (tmp_path / name).write_text(_fill(text, tmp_path), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    before = _snapshot(tmp_path)
    args = [_fill(str(a), tmp_path) for a in case["args"]]

    r = cli(*args)

    lines = r.err.splitlines()
    assert "Traceback" not in r.err, r.err
    assert r.code == 2, (r.code, r.err)
    assert len(lines) == 1, r.err
    assert lines[0].startswith("Error: "), lines[0]
    assert _fill(case["expect"], tmp_path) in lines[0], lines[0]
    assert _snapshot(tmp_path) == before, "a file was left behind"
