"""The ``ingest`` and ``statements`` commands on a Typer app of their own."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from indivisible._errors import InputError
from indivisible.cli import _ingest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()
    _ingest.register(app)
    return app


def test_ingest_json_contract(app: typer.Typer, sqlite_url: str) -> None:
    result = CliRunner().invoke(
        app, ["ingest", str(FIXTURES / "transcript.txt"), "--db", sqlite_url, "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    (doc,) = json.loads(result.stdout)
    assert set(doc) == {"document", "statements"}
    assert doc["document"] == {
        "id": "82b42782c7efaf17eb94aacd332cce60e9f8719a4739963eaa45693342d03a4b",
        "title": "Meeting with Foreign Minister Sergei Lavrov on the arms control dialogue.",
        "date": "2021-03-03",
        "place": "The Kremlin, Moscow",
        "kind": "transcript",
    }
    first = doc["statements"][0]
    contract = {
        "speaker",
        "role",
        "text",
        "start",
        "end",
        "page",
        "date",
        "instruments",
        "organisations",
        "dates_mentioned",
        "stance",
        "quoted_by",
    }
    assert contract <= set(first)
    assert first["speaker"] == "Vladimir Putin"
    assert first["instruments"] == ["vienna-document-2011", "open-skies-1992"]
    assert first["start"] == 209
    assert first["text"].startswith("Mr Lavrov, you were asked")
    assert first["page"] is None and first["quoted_by"] is None


def test_ingest_reports_each_bad_file_and_goes_on(
    app: typer.Typer, sqlite_url: str, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    result = CliRunner().invoke(
        app,
        ["ingest", str(empty), str(FIXTURES / "news.txt"), "--db", sqlite_url, "--format", "json"],
    )
    assert result.exit_code == 2
    assert result.stderr == f"Error: {empty}: file is empty\n"
    assert [d["document"]["kind"] for d in json.loads(result.stdout)] == ["news_article"]
    assert "Traceback" not in result.output


def test_ingest_table_then_no_op(app: typer.Typer, sqlite_url: str) -> None:
    args = ["ingest", str(FIXTURES / "news.txt"), "--db", sqlite_url]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0
    assert "ingested" in first.stdout
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0
    assert "unchanged" in again.stdout


def test_a_reports_narrative_reads_as_unattributed_in_the_table(
    app: typer.Typer, sqlite_url: str
) -> None:
    CliRunner().invoke(app, ["ingest", str(FIXTURES / "news.txt"), "--db", sqlite_url])
    table = CliRunner().invoke(app, ["statements", "--db", sqlite_url])
    assert table.exit_code == 0
    narrative = [line for line in table.stdout.splitlines() if "The exchange follows" in line]
    assert len(narrative) == 1 and "(unattributed)" in narrative[0]
    # JSON keeps the stored value: no speaker, no role.
    data = json.loads(
        CliRunner().invoke(app, ["statements", "--db", sqlite_url, "--format", "json"]).stdout
    )
    (row,) = [r for r in data if r["text"].startswith("The exchange follows")]
    assert row["speaker"] is None and row["role"] is None


def test_statements_csv_and_json(app: typer.Typer, sqlite_url: str) -> None:
    CliRunner().invoke(app, ["ingest", str(FIXTURES), "--db", sqlite_url])
    result = CliRunner().invoke(
        app, ["statements", "--speaker", "Wörner", "--db", sqlite_url, "--format", "csv"]
    )
    assert result.exit_code == 0
    (row,) = list(csv.DictReader(io.StringIO(result.stdout)))
    assert row["speaker"] == "Manfred Wörner"
    assert row["quoted_by"] == "Jens Stoltenberg"
    assert row["date"] == "1990-05-17"
    assert row["stance"] == "assurance"
    result = CliRunner().invoke(
        app,
        ["statements", "--org", "nato-russia-council", "--db", sqlite_url, "--format", "json"],
    )
    assert [r["speaker"] for r in json.loads(result.stdout)] == [
        "George Robertson",
        "Jaap de Hoop Scheffer",
    ]


def test_statements_bad_date_is_an_input_error(app: typer.Typer, sqlite_url: str) -> None:
    result = CliRunner().invoke(app, ["statements", "--from", "14/02/2022", "--db", sqlite_url])
    assert isinstance(result.exception, InputError)
    assert result.exception.exit_code == 2
    assert str(result.exception) == (
        "field '--from': expected a date as YYYY-MM-DD (e.g. 1999-03-12), got '14/02/2022'"
    )


def test_statements_unknown_stance(app: typer.Typer, sqlite_url: str) -> None:
    result = CliRunner().invoke(app, ["statements", "--stance", "threat", "--db", sqlite_url])
    assert isinstance(result.exception, InputError)
    assert str(result.exception).startswith("field '--stance': unknown stance 'threat'")
