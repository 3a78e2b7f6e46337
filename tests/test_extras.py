"""The core works without the optional extras, and a missing extra is one line naming it.

Each command runs in a fresh interpreter in which the extras' modules cannot be imported
(a meta-path finder raises ``ModuleNotFoundError`` for them, as a plain ``pip install .``
would), so the test sees exactly what a user without the extras sees.
"""

import subprocess
import sys
from pathlib import Path

import pytest

from indivisible._extras import EXTRAS

ROOT = Path(__file__).resolve().parents[1]
EX = ROOT / "examples"
BLOCKED = sorted({m for mods in EXTRAS.values() for m in mods} | {"uvloop", "httptools"})

PRELUDE = f"""
import importlib.abc, sys
BLOCKED = {BLOCKED!r}
class _NoExtras(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None
sys.meta_path.insert(0, _NoExtras())
for m in list(sys.modules):
    if m.split(".")[0] in BLOCKED:
        del sys.modules[m]
sys.argv = ["indivisible", *sys.argv[1:]]
from indivisible.cli import run
run()
"""


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PRELUDE, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "expect"),
    [
        (("status", "--on", "2024-06-01", "--state", "POL"), "POL on 2024-06-01: member of"),
        (("check", str(EX / "europe-2022-02.yaml"), "--instrument", "inf-1987"), "on 2022-02-14"),
        (("profile", str(EX / "europe-2022-02.yaml")), "indicator"),
    ],
)
def test_core_commands_work_without_extras(
    args: tuple[str, ...], expect: str, tmp_path: Path
) -> None:
    out = _run(*args, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert expect in out.stdout


@pytest.mark.parametrize(
    ("args", "extra"),
    [
        (("serve", "--port", "0"), "web"),
        (("ingest", str(EX / "corpus"), "--db", "{tmp}/s.db"), "ingest"),
        (("timeline", "RUS", "USA", "--plot", "{tmp}/t.png"), "plot"),
        (
            ("export", "panel", "--kind", "state", "--unit", "year", "--out", "{tmp}/p.parquet"),
            "parquet",
        ),
        (
            (
                "negotiate",
                str(EX / "menus/europe-today-kaliningrad.yaml"),
                "--menu",
                str(EX / "menus/2020-2022-proposals.yaml"),
                "--parties",
                "RUS,POL",
                "--draws",
                "20",
                "--seed",
                "1",
                "--workers",
                "2",
            ),
            "dask",
        ),
    ],
)
def test_a_missing_extra_is_one_line_naming_it(
    args: tuple[str, ...], extra: str, tmp_path: Path
) -> None:
    out = _run(*(a.format(tmp=tmp_path) for a in args), cwd=tmp_path)
    assert out.returncode == 1, (out.stdout, out.stderr)
    lines = out.stderr.strip().splitlines()
    assert lines == [lines[0]], out.stderr  # one line, no traceback
    assert f"optional '{extra}' extra" in lines[0]
    assert f"pip install 'indivisible[{extra}]'" in lines[0]
    assert list(tmp_path.iterdir()) == []  # nothing half-written
