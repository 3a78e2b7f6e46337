"""Pinned outputs of ``check``, ``profile`` and ``assess`` on the shipped examples.

The performance work (screens, caches, lazy imports) must not change a single result: these
tests compare the commands' JSON output with files recorded before the optimisation, numbers
to a relative 1e-9, everything else exactly. When a deliberate change of the rules, data or
indicators changes an output, regenerate the files with::

    INDIVISIBLE_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/perf -p no:cacheprovider

and review the diff (``git diff tests/perf/golden``) before committing it. Findings of
clauses formalised after the files were recorded (no finding of that instrument and clause in
the file) are left out of the comparison, so new rules do not need a new recording; every
pinned clause's findings must match exactly, in order.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

GOLDEN = Path(__file__).parent / "golden"
ROOT = Path(__file__).resolve().parents[2]
EX = ROOT / "examples"

CASES: dict[str, tuple[str, ...]] = {
    "check-europe-2022-02": ("check", str(EX / "europe-2022-02.yaml"), "--format", "json"),
    "profile-europe-2022-02": ("profile", str(EX / "europe-2022-02.yaml"), "--format", "json"),
    "profile-europe-today": ("profile", str(EX / "europe-today.yaml"), "--format", "json"),
    "assess-iskander-kaliningrad-2018": (
        "assess",
        str(EX / "actions/baselines/europe-2018-02-04.yaml"),
        "--action",
        str(EX / "actions/iskander-kaliningrad-2018.yaml"),
        "--format",
        "json",
    ),
}


def _same(a: Any, b: Any, where: str) -> None:
    """Assert ``a == b`` with floats compared to a relative 1e-9 (NaN equals NaN)."""
    if isinstance(a, float) or isinstance(b, float):
        assert isinstance(a, (int, float)) and isinstance(b, (int, float)), where
        if math.isnan(a) or math.isnan(b):
            assert math.isnan(a) and math.isnan(b), f"{where}: {a!r} != {b!r}"
        else:
            assert a == pytest.approx(b, rel=1e-9, abs=1e-12), f"{where}: {a!r} != {b!r}"
    elif isinstance(a, dict):
        assert isinstance(b, dict) and list(a) == list(b), f"{where}: keys {list(a)} != {list(b)}"
        for k in a:
            _same(a[k], b[k], f"{where}.{k}")
    elif isinstance(a, list):
        assert isinstance(b, list) and len(a) == len(b), f"{where}: length differs"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{where}[{i}]")
    else:
        assert a == b, f"{where}: {a!r} != {b!r}"


FINDING_LISTS = ("findings", "findings_added", "findings_removed")


def _pinned_clauses_only(got: dict[str, Any], want: dict[str, Any]) -> None:
    """Drop from ``got``'s finding lists the findings of clauses absent from ``want``."""
    for key in FINDING_LISTS:
        if key in got and key in want:
            clauses = {(f["instrument"], f["clause"]) for f in want[key]}
            got[key] = [f for f in got[key] if (f["instrument"], f["clause"]) in clauses]


def _load(text: str) -> Any:
    return json.loads(text, parse_constant=lambda c: float(c))


@pytest.mark.parametrize("name", sorted(CASES))
def test_output_is_pinned(name: str, cli: Callable[..., Any]) -> None:
    run = cli(*CASES[name])
    assert run.code == 0, run.err
    got = _load(run.out)
    path = GOLDEN / f"{name}.json"
    if os.environ.get("INDIVISIBLE_REGEN_GOLDEN") == "1":
        path.write_text(run.out, encoding="utf-8")
    want = _load(path.read_text(encoding="utf-8"))
    _pinned_clauses_only(got, want)
    _same(got, want, name)
