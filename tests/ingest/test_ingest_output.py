"""What ``ingest`` and ``statements`` print: summaries, hints, errors, terminal safety."""

from __future__ import annotations

import datetime as dt
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from indivisible.cli import _ingest
from indivisible.ingest import Document, ParsedDocument, Statement, Store

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()
    _ingest.register(app)
    return app


def test_control_characters_are_a_one_line_located_error(
    app: typer.Typer, tmp_path: Path, sqlite_url: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("Title\n\nText with \x1b[31mcolour\x1b[0m.\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Title\n\nText with a tab\tand no colour.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(bad), str(good), "--db", sqlite_url])
    assert result.exit_code == 2
    errors = result.stderr.strip().splitlines()
    assert errors == [
        f"Error: {bad}:3: control character U+001B at column 11; documents must be plain "
        "text (remove terminal escape sequences and other control characters)"
    ]
    assert "1 ingested" in result.stdout


def test_statements_output_strips_control_sequences(app: typer.Typer, sqlite_url: str) -> None:
    text = "Alarm \x1b[2J\x1b]0;owned\x07 raised\x9b by the \x1b[31mCFE Treaty\x1b[0m."
    doc = Document("a" * 64, "t", dt.date(2022, 1, 1), None, "speech", "x.txt", text, "text")
    statement = Statement(
        0,
        0,
        "Evil\x1b[5m Speaker",
        None,
        None,
        text,
        0,
        len(text),
        None,
        dt.date(2022, 1, 1),
        instruments=("cfe-1990",),
    )
    store = Store(sqlite_url)
    store.add(ParsedDocument(doc, (statement,)))
    store.close()
    result = CliRunner().invoke(app, ["statements", "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", result.stdout.replace("\n", ""))
    assert "Evil Speaker" in result.stdout
    assert "[cfe-1990] Alarm  raised by the CFE Treaty." in result.stdout


def test_no_match_prints_zero_and_the_nearest_ids(app: typer.Typer, sqlite_url: str) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(CORPUS), "--db", sqlite_url]).exit_code == 0
    result = runner.invoke(
        app, ["statements", "--instrument", "vienna-document", "--db", sqlite_url]
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "0 statements"
    assert lines[1].startswith(
        "no statement matches --instrument vienna-document; nearest: vienna-document-2011"
    )
    wrong_speaker = runner.invoke(app, ["statements", "--speaker", "Carpentr", "--db", sqlite_url])
    assert "nearest: Michael Carpenter" in wrong_speaker.stdout
    # Names are stored but none is close: the hint must not say that none is stored.
    far = runner.invoke(app, ["statements", "--speaker", "Zzyzx", "--db", sqlite_url])
    assert "nearest: none close (" in far.stdout and "names stored)" in far.stdout
    found = runner.invoke(
        app,
        [
            "statements",
            "--speaker",
            "Carpenter",
            "--instrument",
            "vienna-document-2011",
            "--db",
            sqlite_url,
        ],
    )
    assert found.stdout.splitlines()[0] == "2 statements"
    assert all(len(line) <= 80 for line in found.stdout.splitlines())


def _section_8() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### 8. Who said what, when", 1)[1].split("### 9.", 1)[0]
    block = section.split("```console", 1)[1].split("```", 1)[0]
    lines = [line[2:] for line in block.splitlines() if line.startswith("$ ")]
    return [line.split("  #")[0].strip() for line in lines]


@pytest.mark.slow
def test_readme_section_8_runs_as_written(tmp_path: Path) -> None:
    commands = _section_8()
    assert commands[0] == "indivisible ingest examples/corpus"
    env = {**os.environ, "INDIVISIBLE_DB": str(tmp_path / "readme.db")}
    cli = Path(sys.executable).parent / "indivisible"
    outputs = []
    for command in commands:
        args = shlex.split(command.split(">")[0])
        assert args[0] == "indivisible"
        done = subprocess.run(
            [str(cli), *args[1:]], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, (command, done.stderr)
        outputs.append(done.stdout)
    assert outputs[0].startswith("11 files: 11 ingested, 0 unchanged, 0 failed")
    assert outputs[1].startswith("2 statements")
    assert "Michael Carpenter" in outputs[1]
    assert outputs[2].startswith("date,speaker,role,stance")


def test_a_known_id_no_statement_names_is_said_so(app: typer.Typer, sqlite_url: str) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(CORPUS), "--db", sqlite_url]).exit_code == 0
    result = runner.invoke(
        app, ["statements", "--instrument", "european-security-treaty-2008", "--db", sqlite_url]
    )
    lines = result.stdout.splitlines()
    assert lines[0] == "0 statements"
    assert lines[1] == (
        "no stored statement names european-security-treaty-2008 yet (a known instrument)"
    )
    assert "nearest: european-security-treaty-2008" not in result.stdout
