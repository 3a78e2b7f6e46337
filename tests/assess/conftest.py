"""A pytest plugin: YAML cases of the indivisibility test, collected from ``cases/*.yaml``.

A case file holds a list of cases ``{name, scenario, action, on?, draws?, seed?, indicators?,
expect:
{verdicts, engaged, better, findings_added, findings_removed}}``. ``scenario`` and
``action`` are inline mappings (written to temporary files and loaded with the real loaders,
so they are validated like any file) or paths relative to the case file.

* ``verdicts``: partial matches on ``actor, other, verdict, probability``; a missing pair is
  a failure; ``absent: true`` asserts no verdict matches.
* ``engaged``: partial matches on ``instrument, clause, principle, parties``; ``engaged: []``
  asserts nothing is engaged.
* ``better``: ``{STATE: {indicator: true|false|null}}`` pinned on the deltas (every reading
  that compares; ``null``: no reading does).
* ``findings_added`` / ``findings_removed``: partial matches on the findings' JSON keys.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if (
        file_path.suffix == ".yaml"
        and file_path.parent.name == "cases"
        and file_path.parent.parent.name == "assess"
    ):
        return CaseFile.from_parent(parent, path=file_path)
    return None


class CaseFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        from indivisible.assess._load import _ActionLoader

        # YAML 1.2 booleans, as the action files: `on:` stays a key
        cases = yaml.load(self.path.read_text(encoding="utf-8"), Loader=_ActionLoader)
        for case in cases:
            yield CaseItem.from_parent(self, name=case["name"], case=case)


def _file(spec: Any, here: Path, tmp: Path, name: str) -> Path:
    if isinstance(spec, str):
        return (here / spec).resolve()
    path = tmp / name
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path


def _matches(obj: dict[str, Any], want: dict[str, Any]) -> bool:
    for k, v in want.items():
        if k == "absent":
            continue
        got = obj.get(k)
        if isinstance(got, list | tuple) and isinstance(v, list | tuple):
            if list(got) != list(v):
                return False
        elif isinstance(v, float) and isinstance(got, float):
            if abs(got - v) > 1e-9:
                return False
        elif got != v:
            return False
    return True


class CaseItem(pytest.Item):
    def __init__(self, *, case: dict[str, Any], **kw: Any) -> None:
        super().__init__(**kw)
        self.case = case

    def runtest(self) -> None:
        from indivisible.assess import assess, load_action
        from indivisible.record import Record
        from indivisible.world import load_scenario

        rec = Record.load()
        case = self.case
        with tempfile.TemporaryDirectory() as tmp:
            sc = load_scenario(_file(case["scenario"], self.path.parent, Path(tmp), "s.yaml"), rec)
            act = load_action(_file(case["action"], self.path.parent, Path(tmp), "a.yaml"), rec)
        on = str(case["on"]) if "on" in case else None
        threats = case.get("threats")
        if isinstance(threats, str) and threats not in ("sourced", "alliance"):
            threats = str(self.path.parent / threats)
        result = assess(
            rec,
            sc,
            act,
            on,
            draws=int(case.get("draws", 0)),
            seed=case.get("seed"),
            indicators=case.get("indicators"),
            threats=threats,
        )
        got = result.to_json()
        expect = case["expect"]
        problems: list[str] = []
        for name, wants in (expect.get("verdicts_by_threats") or {}).items():
            have = got["verdicts_by_threats"].get(name)
            if have is None:
                problems.append(f"verdicts_by_threats: no reading {name!r}")
                continue
            for want in wants:
                hits = [x for x in have if _matches(x, want)]
                if want.get("absent") and hits:
                    problems.append(f"verdicts_by_threats[{name}]: unexpected {hits}")
                elif not want.get("absent") and not hits:
                    near = [
                        {k: x.get(k) for k in want}
                        for x in have
                        if x["actor"] == want.get("actor") and x["other"] == want.get("other")
                    ]
                    problems.append(f"verdicts_by_threats[{name}]: no match for {want}; {near}")
        for key in ("verdicts", "engaged", "findings_added", "findings_removed"):
            if key not in expect:
                continue
            wants = expect[key]
            if wants == []:
                if got[key]:
                    problems.append(f"{key}: expected none, got {got[key]}")
                continue
            for want in wants:
                hits = [x for x in got[key] if _matches(x, want)]
                if want.get("absent") and hits:
                    problems.append(f"{key}: expected no match for {want}, got {hits}")
                elif not want.get("absent") and not hits:
                    near = [
                        {k: x.get(k) for k in want}
                        for x in got[key]
                        if all(
                            x.get(k) == want[k]
                            for k in ("actor", "other", "instrument")
                            if k in want
                        )
                    ][:5]
                    problems.append(f"{key}: no match for {want}; nearest: {near}")
        for state, inds in (expect.get("better") or {}).items():
            for ind, flag in inds.items():
                rows = [d for d in got["deltas"] if d["state"] == state and d["indicator"] == ind]
                # a reading present on one side only (a system the move brings in has
                # readings the baseline lacks) compares nothing: its ``better`` is null
                compared = (
                    [d for d in rows if d["better"] is not None] if flag is not None else rows
                )
                if not rows:
                    problems.append(f"better: no delta for {state}/{ind}")
                elif not compared or any(d["better"] != flag for d in compared):
                    problems.append(f"better: {state}/{ind} expected {flag}, got {rows}")
        if problems:
            raise CaseFailure(case["name"], problems)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, CaseFailure):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"assess case: {self.name}"


class CaseFailure(Exception):
    def __init__(self, name: str, problems: list[str]) -> None:
        super().__init__(f"case {name!r}:\n  " + "\n  ".join(problems))
