"""Property tests: any mutation of a valid input file, any output path, only our own error.

Every input format (scenario, action, menu, uncertainty, second-strike, weights, response
files) starts from a small valid document (``cases/fixtures``); hypothesis replaces one
value anywhere in it by a hostile one (huge integers, NaN, infinities, text, booleans,
dates at the ends of the calendar, NUL bytes, paths), deletes a key or adds an unknown one,
and the command that reads the format runs through the CLI entry point. The run must end
with exit status 0, or 2 with ``Error: ...`` lines only; any other exception fails the
test. Output options get paths drawn from folders that exist or not, folders, devices,
symlink loops, known and unknown extensions; a run that fails leaves no file behind.

Example counts are kept small so that ``make test`` stays fast (``derandomize``: the same
examples on every run, so a failure reproduces).
"""

from __future__ import annotations

import contextlib
import copy
import io
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FIXTURES = Path(__file__).parent / "cases" / "fixtures"
SCENARIO = FIXTURES / "scenario.yaml"

SETTINGS = settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

HOSTILE: st.SearchStrategy[Any] = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([2**63, 2**64 + 1, -(2**63) - 1, 10**30, 10**400, 0, -1, 1_000_001]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([float("nan"), float("inf"), float("-inf"), 1e308, -0.0, 95.0, 3.0]),
    st.booleans(),
    st.none(),
    st.text(max_size=12),
    st.sampled_from(
        [
            "0001-01-01",
            "9999-12-31",
            "2023-02-30",
            "1939-09-01",
            "12/03/1999",
            "3",
            "54.6",
            "true",
            "RUS",
            "RUZ",
            "iskander-m",
            "iskander-n",
            "a\0b",
            "a" * 300,
            "/proc/self/mem",
            "../../../etc/passwd",
            "/",
        ]
    ),
    st.lists(st.integers(min_value=-5, max_value=5), max_size=3),
    st.dictionaries(st.sampled_from(["value", "uniform", "x", "RUS"]), st.integers(), max_size=2),
)


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every location (a tuple of keys and indexes) in a parsed document."""
    out = [prefix]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += _paths(v, (*prefix, i))
    return out


@st.composite
def mutated(draw: st.DrawFn, base: Any) -> str:
    """``base`` with one value replaced, one key deleted or one unknown key added, as YAML."""
    doc = copy.deepcopy(base)
    where = draw(st.sampled_from(_paths(doc)[1:]))
    parent = doc
    for k in where[:-1]:
        parent = parent[k]
    op = draw(st.sampled_from(["replace", "replace", "replace", "delete", "add"]))
    if op == "replace":
        parent[where[-1]] = draw(HOSTILE)
    elif op == "delete":
        del parent[where[-1]]
    elif isinstance(parent[where[-1]], dict):
        parent[where[-1]][draw(st.sampled_from(["unknown_key", "x", "0"]))] = draw(HOSTILE)
    else:
        parent[where[-1]] = {"nested": draw(HOSTILE)}
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)


def _base(name: str) -> Any:
    return yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))


BASES: dict[str, Any] = {
    "scenario": _base("scenario.yaml"),
    "action": _base("action.yaml"),
    "menu": _base("menu.yaml"),
    "responses": _base("responses.yaml"),
    "second_strike": _base("second-strike.yaml"),
    "uncertainty": {
        "uncertainty": {
            "readings": {"RUS": 1, "USA": 2},
            "ranges": {"iskander-m": {"uniform": [400, 500]}},
            "dual_capable": {"iskander-m": {"beta": [2, 2]}},
            "coverage_km": {"sm-3-block-ib": {"triangular": [500, 900, 1200]}},
        }
    },
    "weights": {"weights": {"exposure_launchers": 1, "alliance_cover": 2}},
}


@contextlib.contextmanager
def _workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        old = os.getcwd()
        os.chdir(tmp)
        try:
            yield Path(tmp)
        finally:
            os.chdir(old)


def run(*args: str) -> tuple[int, str, str]:
    """``indivisible ARGS`` in-process; any exception but ``SystemExit`` propagates."""
    from indivisible.cli import main

    out, err = io.StringIO(), io.StringIO()
    argv = sys.argv
    sys.argv = ["indivisible", *args]
    code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
    except SystemExit as exc:
        code = int(exc.code or 0)
    finally:
        sys.argv = argv
    return code, out.getvalue(), err.getvalue()


def _only_our_errors(code: int, err: str) -> None:
    assert "Traceback" not in err, err
    assert code in (0, 2), (code, err)
    lines = err.splitlines()
    if code == 2:
        assert lines and lines[-1].startswith("Error: "), err
    assert all(line.startswith(("Error: ", "Warning: ")) for line in lines), err


def _check_input(kind: str, text: str, command: list[str]) -> None:
    with _workdir() as tmp:
        (tmp / "in.yaml").write_text(text, encoding="utf-8")
        code, _, err = run(*[a.replace("IN", str(tmp / "in.yaml")) for a in command])
        _only_our_errors(code, err)


@SETTINGS
@given(text=mutated(BASES["scenario"]))
def test_scenario_files(text: str) -> None:
    _check_input("scenario", text, ["scenario", "validate", "IN"])


@settings(SETTINGS, max_examples=6)
@given(text=mutated(BASES["scenario"]))
def test_scenario_files_profiled(text: str) -> None:
    _check_input("scenario", text, ["profile", "IN", "--state", "POL", "--format", "json"])


@settings(SETTINGS, max_examples=6)
@given(text=mutated(BASES["action"]))
def test_action_files(text: str) -> None:
    _check_input("action", text, ["assess", str(SCENARIO), "--action", "IN", "--format", "json"])


@settings(SETTINGS, max_examples=5)
@given(text=mutated(BASES["menu"]))
def test_menu_files(text: str) -> None:
    _check_input("menu", text, ["negotiate", str(SCENARIO), "--menu", "IN", "--parties", "RUS,USA"])


@settings(SETTINGS, max_examples=5)
@given(text=mutated(BASES["responses"]))
def test_response_files(text: str) -> None:
    _check_input(
        "responses", text, ["simulate", str(SCENARIO), "--responses", "IN", "--rounds", "1"]
    )


@settings(SETTINGS, max_examples=8)
@given(text=mutated(BASES["uncertainty"]))
def test_uncertainty_files(text: str) -> None:
    cmd = ["profile", str(SCENARIO), "--state", "POL", "--uncertainty", "IN", "--draws", "4"]
    _check_input("uncertainty", text, [*cmd, "--seed", "1", "--format", "json"])


@settings(SETTINGS, max_examples=8)
@given(text=mutated(BASES["second_strike"]))
def test_second_strike_files(text: str) -> None:
    cmd = ["profile", str(SCENARIO), "--state", "USA", "--second-strike", "IN"]
    _check_input("second_strike", text, [*cmd, "--format", "json"])


@settings(SETTINGS, max_examples=8)
@given(text=mutated(BASES["weights"]))
def test_weights_files(text: str) -> None:
    _check_input("weights", text, ["profile", str(SCENARIO), "--state", "POL", "--weights", "IN"])


# --------------------------------------------------------------------------- output options
FOLDERS = ["", "sub/", "missing/", "file.txt/", "dir.png/", "/nonexistent/", "/proc/"]
NAMES = ["out", "out.png", "out.csv", "out.html", "out.parquet", "out.PNG", "x.svg", "dir.png"]
SPECIAL = ["full.png", "full.csv", "loop.png", "/dev/full", "/dev/null", "a\0.png", "b" * 300]

OUTPUT_PATH = st.one_of(
    st.builds(lambda d, n: d + n, st.sampled_from(FOLDERS), st.sampled_from(NAMES)),
    st.sampled_from(SPECIAL),
    st.text(min_size=1, max_size=8).map(lambda t: t + ".png"),
)


def _prepare(tmp: Path) -> None:
    (tmp / "sub").mkdir()
    (tmp / "dir.png").mkdir()
    (tmp / "file.txt").write_text("x\n", encoding="utf-8")
    (tmp / "full.png").symlink_to("/dev/full")
    (tmp / "full.csv").symlink_to("/dev/full")
    (tmp / "loop.png").symlink_to(tmp / "loop2.png")
    (tmp / "loop2.png").symlink_to(tmp / "loop.png")


def _files(tmp: Path) -> set[str]:
    return {
        str(Path(root, n).relative_to(tmp))
        for root, dirs, files in os.walk(tmp)
        for n in dirs + files
    }


def _check_outputs(options: list[str], paths: list[str], command: list[str]) -> None:
    with _workdir() as tmp:
        _prepare(tmp)
        before = _files(tmp)
        args = list(command)
        for opt, p in zip(options, paths, strict=True):
            args += [opt, p]
        code, _, err = run(*args)
        _only_our_errors(code, err)
        after = _files(tmp)
        if code != 0:
            assert after == before, f"left behind: {sorted(after - before)}"
        else:
            assert not any(n.endswith(".tmp.png") or ".tmp." in n for n in after), after


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@settings(SETTINGS, max_examples=10)
@given(plot=OUTPUT_PATH, out=OUTPUT_PATH)
def test_timeline_outputs(plot: str, out: str) -> None:
    _check_outputs(["--plot", "--out"], [plot, out], ["timeline", "RUS", "USA", "--from", "2015"])


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@settings(SETTINGS, max_examples=8)
@given(out=OUTPUT_PATH)
def test_export_panel_outputs(out: str) -> None:
    _check_outputs(["--out"], [out], ["export", "panel", "--from", "2020", "--to", "2021"])


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@settings(SETTINGS, max_examples=4)  # a successful run draws the whole map (seconds)
@given(path=OUTPUT_PATH)
def test_reach_map_outputs(path: str) -> None:
    _check_outputs(["--map"], [path], ["reach", "--site", "54.6,21.8", "--system", "iskander-m"])


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@settings(SETTINGS, max_examples=6)
@given(report=OUTPUT_PATH, map_png=OUTPUT_PATH)
def test_assess_outputs(report: str, map_png: str) -> None:
    _check_outputs(
        ["--report", "--map"],
        [report, map_png],
        ["assess", str(SCENARIO), "--action", str(FIXTURES / "action.yaml")],
    )
