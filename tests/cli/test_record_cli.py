"""The record commands: contracts, formats and errors (exit 2, one line, no traceback)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from tests.conftest import Run

MINI = Path(__file__).parents[1] / "record" / "fixtures" / "mini"

CLI = Callable[..., Run]


def test_status_json_contract(cli: CLI) -> None:
    r = cli("status", "--on", "1999-03-12", "--state", "POL", "--format", "json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert set(data) >= {"date", "state", "memberships", "instruments"}
    assert {"org": "nato", "since": "1999-03-12"}.items() <= data["memberships"][0].items() or any(
        m["org"] == "nato" and m["since"] == "1999-03-12" for m in data["memberships"]
    )
    assert all({"id", "status", "since", "source"} <= set(i) for i in data["instruments"])


def test_status_day_before_accession(cli: CLI) -> None:
    r = cli("status", "--on", "1999-03-11", "--state", "POL", "--format", "json")
    assert r.code == 0
    assert "nato" not in {m["org"] for m in json.loads(r.out)["memberships"]}


def test_binding_json_contract(cli: CLI) -> None:
    r = cli("binding", "RUS", "USA", "--on", "2001-12-12", "--format", "json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert data["parties"] == ["RUS", "USA"]
    assert all(i["binding"] in ("legal", "political") for i in data["instruments"])


def test_unknown_code_exit_2_with_suggestion(cli: CLI) -> None:
    r = cli("status", "--on", "1999-03-12", "--state", "POK")
    assert r.code == 2
    assert r.err.startswith("Error: field 'state': unknown state or organisation 'POK'; did you")
    assert "POL" in r.err
    assert "Traceback" not in r.err


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (("status", "POL", "--on", "2000-01-01"), "unexpected extra argument"),
        (("status", "--on", "2000-01-01", "--colour"), "No such option"),
        (("status",), "Missing option '--on'"),
        (("status", "--on", "2000-01-01", "--format", "xml"), "Invalid value for '--format'"),
        (("no-such-command",), "No such command"),
    ],
)
def test_usage_errors_exit_2_without_traceback(
    cli: CLI, args: tuple[str, ...], reason: str
) -> None:
    r = cli(*args)
    assert r.code == 2
    assert reason in r.err
    assert "Traceback" not in r.err
    assert r.out == ""


def test_malformed_date_exit_2(cli: CLI) -> None:
    r = cli("binding", "RUS", "USA", "--on", "12/12/2001")
    assert r.code == 2
    assert r.err.strip() == (
        "Error: field '--on': expected a date as YYYY-MM-DD (e.g. 1999-03-12), got '12/12/2001'"
    )


def test_date_past_coverage_answers_with_warning(cli: CLI) -> None:
    r = cli("binding", "RUS", "USA", "--on", "2031-01-01", "--format", "json")
    assert r.code == 0
    assert "Warning: 2031-01-01 is after the record's review date" in r.err
    assert json.loads(r.out)["date"] == "2031-01-01"


def test_changes_table(cli: CLI) -> None:
    r = cli("changes", "--from", "2019-08-01", "--to", "2019-08-02", "--format", "csv")
    assert r.code == 0, r.err
    assert "inf-1987" in r.out


def test_timeline_writes_plot_and_csv(cli: CLI, tmp_path: Path) -> None:
    png, csv = tmp_path / "t.png", tmp_path / "t.csv"
    r = cli("timeline", "RUS", "USA", "--from", "1972", "--plot", str(png), "--out", str(csv))
    assert r.code == 0, r.err
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    df = pd.read_csv(csv)
    assert df["year"].iloc[0] == 1972


def test_export_panel_csv_and_parquet(cli: CLI, tmp_path: Path) -> None:
    out = tmp_path / "p.parquet"
    r = cli(
        "export",
        "panel",
        "--unit",
        "year",
        "--kind",
        "dyad",
        "--from",
        "1990",
        "--to",
        "1991",
        "--out",
        str(out),
    )
    assert r.code == 0, r.err
    df = pd.read_parquet(out)
    assert {"state_a", "state_b", "period", "n_legal", "allied"} <= set(df.columns)
    out2 = tmp_path / "s.csv"
    r = cli(
        "export",
        "panel",
        "--unit",
        "day",
        "--kind",
        "state",
        "--from",
        "2020-01-01",
        "--to",
        "2020-01-03",
        "--out",
        str(out2),
    )
    assert r.code == 0, r.err
    assert set(pd.read_csv(out2)["period"]) == {"2020-01-01", "2020-01-02", "2020-01-03"}


def test_export_bad_extension(cli: CLI, tmp_path: Path) -> None:
    r = cli("export", "panel", "--out", str(tmp_path / "p.xlsx"))
    assert r.code == 2
    assert "expected a .csv or .parquet file name" in r.err


def test_data_check_passes_and_fails(cli: CLI, tmp_path: Path) -> None:
    r = cli("data", "check")
    assert r.code == 0, r.err
    assert r.out.startswith("data check passed:")
    root = tmp_path / "d"
    shutil.copytree(MINI, root)
    p = root / "memberships.yaml"
    p.write_text(p.read_text().replace("state: POL", "state: POK"))
    r = cli("data", "check", str(root))
    assert r.code == 2
    assert "unknown state 'POK'" in r.err


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_export_panel_streams_the_same_rows_by_chunk(cli: CLI, tmp_path: Path, suffix: str) -> None:
    """A daily dyad year is more than one chunk: the file is written block by block (one
    Parquet row group each) and holds exactly the rows of the in-memory panel, in order."""
    import datetime as dt

    import pyarrow.parquet as pq

    from indivisible.record import Record, panel

    out = tmp_path / f"d{suffix}"
    args = ("--unit", "day", "--kind", "dyad", "--from", "2021-01-01", "--to", "2021-12-31")
    r = cli("export", "panel", *args, "--out", str(out))
    assert r.code == 0, r.err
    assert r.err == ""  # the progress bar shows on a terminal only: a log gets no bar
    expected = panel(Record.load(), "day", "dyad", dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    assert len(expected) > 500_000  # more than one chunk
    if suffix == ".parquet":
        assert pq.ParquetFile(out).metadata.num_row_groups > 1
        got = pd.read_parquet(out)
        pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    else:
        got = pd.read_csv(out, dtype={"period": str})
        assert len(got) == len(expected)
        assert got["state_a"].tolist() == expected["state_a"].tolist()
        assert got["n_legal"].fillna(-1).astype(int).tolist() == (
            expected["n_legal"].fillna(-1).astype(int).tolist()
        )
    assert not list(tmp_path.glob("*.tmp"))
