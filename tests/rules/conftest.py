"""A pytest plugin: YAML scenario cases for the rules, collected from ``cases/*.yaml``.

A case file holds a list of cases ``{name, date, scenario, expect: {findings: [...]}}``.
``scenario`` is an inline scenario mapping (written to a temporary file and loaded with the
world room's loader, so it is validated like any scenario) or a path relative to the case
file. Each expected finding is a partial match on ``instrument, clause, party, subject,
result, reading``; ``absent: true`` asserts no finding matches. The expectations of a subject
are its complete set: every finding with the identity an expectation names (its
``instrument, clause, party, subject`` keys) must match one of the case's expectations, so an
unexpected extra finding (a second reading ``breached``, a duplicate) fails the case. Cases
come in twins (a case that holds, one that is breached) and at boundaries (exactly at a
threshold; the day a party stops being bound).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

KEYS = ("instrument", "clause", "party", "subject", "result", "reading")
IDENTITY = ("instrument", "clause", "party", "subject")
"""The keys that say which findings an expectation is about (its scope)."""


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if (
        file_path.suffix == ".yaml"
        and file_path.parent.name == "cases"
        and (file_path.parent.parent.name == "rules")
    ):
        return CaseFile.from_parent(parent, path=file_path)
    return None


class CaseFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        cases = yaml.safe_load(self.path.read_text(encoding="utf-8"))
        for case in cases:
            yield CaseItem.from_parent(self, name=case["name"], case=case)


class CaseItem(pytest.Item):
    def __init__(self, *, case: dict[str, Any], **kw: Any) -> None:
        super().__init__(**kw)
        self.case = case

    def runtest(self) -> None:
        from indivisible.record import Record
        from indivisible.rules import evaluate
        from indivisible.world import load_scenario

        rec = Record.load()
        sc_spec = self.case["scenario"]
        with tempfile.TemporaryDirectory() as tmp:
            if isinstance(sc_spec, str):
                path = (self.path.parent / sc_spec).resolve()
            else:
                path = Path(tmp) / "scenario.yaml"
                path.write_text(yaml.safe_dump(sc_spec, sort_keys=False), encoding="utf-8")
            sc = load_scenario(path, rec)
        insts = self.case.get("instruments")
        found = evaluate(rec, sc, str(self.case["date"]), instruments=insts)
        for want in self.case["expect"]["findings"]:
            crit = {k: want[k] for k in KEYS if k in want}
            hits = [f for f in found if all(getattr(f, k) == v for k, v in crit.items())]
            if want.get("absent"):
                if hits:
                    raise CaseFailure(self.case["name"], crit, hits, found)
            elif not hits:
                raise CaseFailure(self.case["name"], crit, hits, found)
            if "evidence_contains" in want and not any(
                want["evidence_contains"] in f.evidence for f in hits
            ):
                crit = {**crit, "evidence_contains": want["evidence_contains"]}
                raise CaseFailure(self.case["name"], crit, [], found)
        _complete(self.case, found)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, CaseFailure):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"rules case: {self.name}"


def _matches(f: Any, want: dict[str, Any], keys: tuple[str, ...]) -> bool:
    return all(getattr(f, k) == want[k] for k in keys if k in want)


def _complete(case: dict[str, Any], found: list[Any]) -> None:
    """Fail on a finding in an expectation's scope that no expectation of the case matches."""
    wants = [w for w in case["expect"]["findings"] if not w.get("absent")]
    for want in wants:
        for f in found:
            if _matches(f, want, IDENTITY) and not any(_matches(f, w, KEYS) for w in wants):
                raise CaseFailure(
                    case["name"], {k: want[k] for k in IDENTITY if k in want}, [f], found, extra=f
                )


class CaseFailure(Exception):
    def __init__(
        self,
        name: str,
        crit: dict[str, Any],
        hits: list[Any],
        found: list[Any],
        extra: Any = None,
    ):
        rel = [
            f"  {f.instrument} {f.clause} {f.party} {f.subject} {f.result} {f.reading}: "
            f"{f.evidence}"
            for f in found
            if f.instrument == crit.get("instrument", f.instrument)
        ]
        if extra is not None:
            head = (
                f"case {name!r}: a finding in the scope of {crit} that no expectation names: "
                f"{extra.clause} {extra.party} {extra.subject} {extra.result} {extra.reading}"
            )
        else:
            head = f"case {name!r}: expected a finding matching {crit}" + (
                " to be absent" if hits else ""
            )
        super().__init__(head + "; findings of that instrument:\n" + "\n".join(rel[:40]))
