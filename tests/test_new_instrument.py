"""Adding an instrument is its data file, its rule module and its cases: nothing else.

A throw-away instrument is added to a temporary copy of the package (the three files of
``CONTRIBUTING.md``, no other file touched), and every room that lists instruments must find
it: ``rules --coverage``, ``check``, the commitments ``assess`` reports as engaged, the
ingestion gazetteer, and the rules' YAML case runner.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "indivisible"
EXAMPLES = ROOT / "examples"

INSTRUMENT = "throwaway-accord-2001"
DATA = """\
id: throwaway-accord-2001
title: Throw-away Accord on the Choice of Alliances
short: Throw-away Accord
aliases:
  - Accord of the Throw-away Test
kind: political_commitment
binding: political
categories: [principles]
signed: 2001-01-01
place: Nowhere
source: regime-coc-text-hrw
summary: A test instrument that exists only in a temporary copy of the package.
applies_to_members:
  - org: osce
    since: 2001-01-01
    source: regime-coc-text-hrw
clauses:
  - id: choice
    ref: Art. 1
    title: Free choice
    paraphrase: Each participating State may choose its alliances.
    source: regime-coc-text-hrw
  - id: not-at-expense
    ref: Art. 2
    title: Not at the expense of others
    paraphrase: No participating State strengthens its security at the expense of another's.
    source: regime-coc-text-hrw
"""
MODULE = '''\
"""Throw-away Accord (2001): a test instrument (see tests/test_new_instrument.py)."""

from __future__ import annotations

from collections.abc import Iterator

from indivisible.rules._principles import accession_parties, free_choice
from indivisible.rules.types import Call, Finding, not_formalised, rule

INSTRUMENT = "throwaway-accord-2001"


@rule(
    instrument=INSTRUMENT,
    clause="choice",
    ref="Art. 1",
    text="Each participating State may choose its alliances.",
    parties=accession_parties,
    since="signed",
    principle="free_choice",
)
def choice(call: Call) -> Iterator[Finding]:
    """An accession is an exercise of the freedom to choose alliances."""
    yield from free_choice(call)


RULES = (choice,)
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT, "not-at-expense", "Art. 2", "A test clause.", principle="not_at_expense"
    ),
)
'''
CASES = """\
- name: throwaway-accord-accession-holds
  date: 2023-04-05
  instruments: [throwaway-accord-2001]
  scenario:
    scenario: accession
    date: 2023-04-05
    accessions:
      - {state: FIN, org: nato, "on": 2023-04-04, source: act-nato-pa-finland-sweden}
  expect:
    findings:
      - {instrument: throwaway-accord-2001, party: FIN, subject: "accession:FIN:nato",
         result: holds}
"""


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the package with the throw-away instrument's three files added."""
    top = tmp_path_factory.mktemp("pkg")
    pkg = top / "indivisible"
    shutil.copytree(PACKAGE, pkg, ignore=shutil.ignore_patterns("__pycache__"))
    before = {p.relative_to(pkg) for p in pkg.rglob("*")}
    (pkg / "data" / "instruments" / f"{INSTRUMENT}.yaml").write_text(DATA, encoding="utf-8")
    (pkg / "rules" / "throwaway_accord_2001.py").write_text(MODULE, encoding="utf-8")
    cases = top / "tests" / "rules" / "cases"
    cases.mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "rules" / "conftest.py", cases.parent / "conftest.py")
    (cases / f"{INSTRUMENT}.yaml").write_text(CASES, encoding="utf-8")
    added = {p.relative_to(pkg) for p in pkg.rglob("*")} - before
    assert added == {
        Path("data/instruments/throwaway-accord-2001.yaml"),
        Path("rules/throwaway_accord_2001.py"),
    }
    return top


def _env(top: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(top), "INDIVISIBLE_NO_CACHE": "1"}


def _cli(top: Path, *args: str) -> str:
    code = "import sys; from indivisible.cli import main; sys.argv[0] = 'indivisible'; main()"
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=_env(top),
        cwd=top,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _python(top: Path, code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=_env(top),
        cwd=top,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_copy_is_imported(copy: Path) -> None:
    out = _python(copy, "import indivisible; print(indivisible.__file__)")
    assert out.strip().startswith(str(copy))


def test_coverage_lists_its_clauses(copy: Path) -> None:
    out = _cli(copy, "rules", "--coverage", "--instrument", INSTRUMENT, "--format", "json")
    rows = {(r["clause"], r["status"]) for r in json.loads(out)["clauses"]}
    assert rows == {("choice", "formalised"), ("not-at-expense", "not formalised")}


def test_check_gives_its_findings(copy: Path, tmp_path: Path) -> None:
    scenario = tmp_path / "s.yaml"
    scenario.write_text(
        "scenario: accession\ndate: 2023-04-05\naccessions:\n"
        "  - {state: FIN, org: nato, on: 2023-04-04, source: act-nato-pa-finland-sweden}\n",
        encoding="utf-8",
    )
    out = _cli(copy, "check", str(scenario), "--instrument", INSTRUMENT, "--format", "json")
    found = json.loads(out)
    findings = found["findings"] if isinstance(found, dict) else found
    assert {(f["instrument"], f["party"], f["result"]) for f in findings} == {
        (INSTRUMENT, "FIN", "holds")
    }


@pytest.mark.slow
def test_assess_engages_its_commitments(copy: Path) -> None:
    out = _cli(
        copy,
        "assess",
        str(EXAMPLES / "europe-2022-02.yaml"),
        "--action",
        str(EXAMPLES / "actions" / "finland-accession-2023.yaml"),
        "--format",
        "json",
    )
    engaged = {(e["instrument"], e["clause"], e["principle"]) for e in json.loads(out)["engaged"]}
    assert (INSTRUMENT, "choice", "free_choice") in engaged


def test_rulebook_tags_both_clauses(copy: Path) -> None:
    out = _python(
        copy,
        """
        from indivisible.rulebook import bundled
        book = bundled()
        for p in ("not_at_expense", "free_choice"):
            for c in book.commitments(p):
                print(c.instrument, c.clause, c.principle)
        """,
    )
    assert f"{INSTRUMENT} not-at-expense not_at_expense" in out.splitlines()
    assert f"{INSTRUMENT} choice free_choice" in out.splitlines()


def test_the_gazetteer_knows_its_names(copy: Path) -> None:
    out = _python(
        copy,
        """
        from indivisible.ingest._gazetteer import lookup
        for name in ("Throw-away Accord", "Accord of the Throw-away Test"):
            print(sorted({i for e in lookup(name) for i in e.ids}))
        """,
    )
    assert out.splitlines() == [f"['{INSTRUMENT}']"] * 2


def test_its_cases_run(copy: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/rules"],
        capture_output=True,
        text=True,
        env=_env(copy),
        cwd=copy,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout
