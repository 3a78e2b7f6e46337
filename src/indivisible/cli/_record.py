"""Record commands: status, binding, changes, history, timeline, claims, export, data check."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from indivisible._dates import parse_date, parse_year
from indivisible._errors import InputError
from indivisible._paths import Outputs
from indivisible.cli._exchange import EXCHANGE_HELP, exchange_rows, show_exchange
from indivisible.cli._render import Format, emit_json, table, warn

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterator

    import pandas as pd

    from indivisible.record import Record

OnOpt = Annotated[str, typer.Option("--on", help="Date, YYYY-MM-DD.")]
FormatOpt = Annotated[Format, typer.Option("--format", help="Output format.")]


def _record() -> "Record":
    from indivisible.record import Record

    return Record.load()


# The commands are module-level functions (testable alone); register() adds them.
commands = typer.Typer()


data_app = typer.Typer(help="The bundled data: check it.", no_args_is_help=True)
export_app = typer.Typer(help="Export panels for pandas, R and GIS.", no_args_is_help=True)


@commands.command()
def status(
    on: OnOpt,
    state: Annotated[
        str | None, typer.Option("--state", help="ISO 3166-1 alpha-3 code, e.g. POL.")
    ] = None,
    fmt: FormatOpt = Format.table,
    exchange: Annotated[str | None, typer.Option("--exchange", help=EXCHANGE_HELP)] = None,
) -> None:
    """Memberships and instrument statuses of a state (or of every state) on a date."""
    d = parse_date(on, field="--on")
    rec = _record()
    ex = None if exchange is None else exchange_rows(exchange, state and rec.resolve(state), d)
    if state is None:
        df = rec.status_frame(d)
        warn(rec.coverage_warnings(d))
        if fmt is Format.json:
            out = {"date": d.isoformat(), "statuses": df.to_dict(orient="records")}
            emit_json(out if ex is None else {**out, "exchange": ex})
        elif fmt is Format.csv:
            typer.echo(df.to_csv(index=False), nl=False)
        else:
            table(list(df.itertuples(index=False)), list(df.columns), title=f"Statuses on {d}")
        if ex is not None and fmt is not Format.json:
            show_exchange(ex, err=fmt is Format.csv)
        return
    res = rec.status(state, d)
    warn(res["warnings"])
    if ex is not None:
        res["exchange"] = ex
        if fmt is Format.csv:
            show_exchange(ex, err=True)
    if fmt is Format.json:
        emit_json(res)
        return
    rows = [r for r in res["instruments"] if r["status"] != "not_party"]
    if fmt is Format.csv:
        import pandas as pd

        flat = [r | {"readings": _readings_cell(r["readings"])} for r in rows]
        typer.echo(pd.DataFrame(flat).to_csv(index=False), nl=False)
        return
    orgs = (
        ", ".join(
            f"{m['org']} ({m['status'] + ', ' if 'status' in m else ''}since {m['since']})"
            + (" [tertiary source only]" if m.get("tertiary_only") else "")
            for m in res["memberships"]
        )
        or "none"
    )
    typer.echo(f"{res['state']} on {res['date']}: member of {orgs}")
    if any("status" in m for m in res["memberships"]):
        typer.echo(
            "(associate: an associate member; participant: a participating state that is "
            "not a member under the organisation's charter)"
        )
    table(
        [
            (
                r["id"],
                r["status"] + (" (disputed)" if r.get("disputed") else ""),
                r["binding"],
                r["since"],
                r.get("via", ""),
                r["source"] + (" [tertiary only]" if r.get("tertiary_only") else ""),
                _readings_cell(r["readings"]),
            )
            for r in rows
        ],
        ["instrument", "status", "binding", "since", "via", "source", "readings"],
    )
    if ex is not None:
        show_exchange(ex)


@commands.command()
def binding(
    a: Annotated[str, typer.Argument(help="A state (ISO3) or organisation id.")],
    b: Annotated[str, typer.Argument(help="A state (ISO3) or organisation id.")],
    on: OnOpt,
    fmt: FormatOpt = Format.table,
) -> None:
    """Instruments that bind both A and B on a date (legally or politically)."""
    d = parse_date(on, field="--on")
    res = _record().binding(a, b, d)
    warn(res["warnings"])
    if fmt is Format.json:
        emit_json(res)
        return
    rows = [
        (
            r["id"] + (" (disputed)" if r["disputed"] else ""),
            r["binding"],
            ", ".join(f"{k}: {v}" for k, v in r["status"].items()),
            ", ".join(f"{k} via {v}" for k, v in r["via"].items()),
            "; ".join(r["sources"]),
            _readings_cell(r["readings"]),
        )
        for r in res["instruments"]
    ]
    if fmt is Format.csv:
        import pandas as pd

        df = pd.DataFrame(rows, columns=["id", "binding", "status", "via", "sources", "readings"])
        typer.echo(df.to_csv(index=False), nl=False)
        return
    pa, pb = res["parties"]
    n_disp = sum(1 for r in res["instruments"] if r["disputed"])
    agreed = len(rows) - n_disp
    table(
        rows,
        ["instrument", "binding", "status", "via", "sources", "readings"],
        title=f"Binding {pa} and {pb} on {res['date']}: {agreed} instruments under every "
        f"reading, {n_disp} disputed (binding under some readings only)",
    )
    for n in res.get("not_binding", []):
        st = ", ".join(f"{k}: {v}" for k, v in n["status"].items())
        typer.echo(f"Not binding: {n['id']} ({st}): {n['note']}")


@commands.command()
def changes(
    from_: Annotated[str, typer.Option("--from", help="Start date (exclusive).")],
    to: Annotated[str, typer.Option("--to", help="End date (inclusive).")],
    fmt: FormatOpt = Format.table,
) -> None:
    """What changed after --from and on or before --to (memberships, statuses)."""
    d1, d2 = parse_date(from_, field="--from"), parse_date(to, field="--to")
    rec = _record()
    warn(rec.coverage_warnings(d2))
    df = rec.changes(d1, d2)
    _frame_out(df, fmt, title=f"Changes after {d1} up to {d2}: {len(df)}")


@commands.command()
def history(
    instrument: Annotated[str, typer.Argument(help="Instrument id, e.g. inf-1987.")],
    fmt: FormatOpt = Format.table,
) -> None:
    """Every party's status history under one instrument."""
    df = _record().history(instrument)
    _frame_out(df, fmt, title=f"History of {instrument}")


@commands.command()
def timeline(
    a: Annotated[str, typer.Argument(help="A state (ISO3) or organisation id.")],
    b: Annotated[str, typer.Argument(help="A state (ISO3) or organisation id.")],
    from_: Annotated[str, typer.Option("--from", help="First year.")] = "1972",
    to: Annotated[str | None, typer.Option("--to", help="Last year (default: now).")] = None,
    plot: Annotated[Path | None, typer.Option("--plot", help="Write a figure (PNG).")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Also write the table (CSV).")] = None,
    legal_only: Annotated[
        bool, typer.Option("--legal-only", help="Only legally binding instruments.")
    ] = False,
    category: Annotated[
        str | None,
        typer.Option(
            "--category",
            help=(
                "Only instruments of a category, e.g. arms_control, non_proliferation, "
                "confidence_building, risk_reduction, security_assurance."
            ),
        ),
    ] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Which instruments bound a pair in force, year by year (31 December snapshots)."""
    from indivisible.record import timeline as _timeline

    outs = Outputs()  # checked before any work; written together at the end, or none
    plot_out = outs.add(plot, field="--plot", suffixes=(".png",))
    out_out = outs.add(out, field="--out", suffixes=(".csv", ".parquet"))
    rec = _record()
    y1 = parse_year(from_, field="--from")
    y2 = parse_year(to, field="--to") if to is not None else rec.coverage.reviewed.year
    if y2 < y1:
        raise InputError(f"--to {y2} is before --from {y1}", field="--to")
    kinds = ("legal",) if legal_only else ("legal", "political")
    if category is not None:
        from indivisible.record._regime import known_categories

        known = known_categories(rec)
        if category not in known:
            from indivisible._hints import did_you_mean

            raise InputError(
                f"unknown category {category!r}{did_you_mean(category, known)}; known: "
                f"{', '.join(known)}",
                field="--category",
            )
    df = _timeline(rec, a, b, y1, y2, binding=kinds, category=category)
    with outs.writing():
        if out_out is not None:
            _write_frame(df.reset_index(), out_out.path)
        if plot_out is not None:
            from indivisible.record._plot import plot_timeline

            pa, pb = rec.resolve(a), rec.resolve(b)
            plot_timeline(rec, df, pa, pb, plot_out.path)
    pa, pb = rec.resolve(a), rec.resolve(b)
    split = f"n_legal_{pa}" in df.columns

    def under(r: "pd.Series", who: str, kind: str) -> int:
        col = f"n_{kind}_{who}"
        return int(r[col]) if split else int(r[f"n_{kind}"])

    if fmt is Format.json:
        emit_json(
            {
                "parties": [pa, pb],
                "years": [
                    {
                        "year": int(str(y)),
                        "n_legal": int(r["n_legal"]),
                        "n_political": int(r["n_political"]),
                        "instruments": [i for i in str(r["instruments"]).split(";") if i],
                        "disputed": [i for i in str(r["disputed"]).split(";") if i],
                        "readings": {
                            who: {
                                "n_legal": under(r, who, "legal"),
                                "n_political": under(r, who, "political"),
                            }
                            for who in (pa, pb)
                        },
                    }
                    for y, r in df.iterrows()
                ],
            }
        )
    elif fmt is Format.csv:
        typer.echo(df.reset_index().to_csv(index=False), nl=False)
    elif split:
        table(
            [
                (
                    y,
                    r["n_legal"],
                    under(r, pa, "legal"),
                    under(r, pb, "legal"),
                    r["n_political"],
                    r["instruments"],
                    r["disputed"],
                )
                for y, r in df.iterrows()
            ],
            [
                "year",
                "legal (every reading)",
                f"legal ({pa} reading)",
                f"legal ({pb} reading)",
                "political",
                "instruments in force on 31 December (every reading)",
                "disputed",
            ],
        )
    else:
        table(
            [(y, r["n_legal"], r["n_political"], r["instruments"]) for y, r in df.iterrows()],
            ["year", "legal", "political", "instruments in force on 31 December"],
        )


@export_app.command("panel")
def export_panel(
    out: Annotated[Path, typer.Option("--out", help="Output file: .csv or .parquet.")],
    unit: Annotated[str, typer.Option("--unit", help="day or year.")] = "year",
    kind: Annotated[str, typer.Option("--kind", help="state or dyad.")] = "state",
    from_: Annotated[str, typer.Option("--from", help="Start date or year.")] = "1945",
    to: Annotated[str | None, typer.Option("--to", help="End date or year.")] = None,
) -> None:
    """State-year/-day or dyad-year/-day panel of memberships and instruments in force."""
    import datetime as dt

    from indivisible.record import iter_panel, panel_rows

    outs = Outputs()  # checked before any work; written at the end, or not at all
    out_file = outs.add(out, field="--out", suffixes=(".csv", ".parquet"))
    rec = _record()
    if unit not in ("day", "year"):
        raise InputError(f"expected 'day' or 'year', got {unit!r}", field="--unit")
    if kind not in ("state", "dyad"):
        raise InputError(f"expected 'state' or 'dyad', got {kind!r}", field="--kind")
    start = _date_or_year(from_, "--from", end=False)
    end = _date_or_year(to, "--to", end=True) if to else rec.coverage.reviewed
    if end > rec.coverage.reviewed:
        warn(rec.coverage_warnings(end))
    del dt
    total = panel_rows(rec, unit, kind, start, end)  # type: ignore[arg-type]
    chunks = iter_panel(rec, unit, kind, start, end)  # type: ignore[arg-type]
    assert out_file is not None
    with outs.writing():
        n_rows, n_cols = _write_stream(chunks, out_file.path, total)
    typer.echo(f"Wrote {n_rows} rows x {n_cols} columns to {out}")


@commands.command()
def claims(
    instrument: Annotated[
        str | None, typer.Option("--instrument", help="Only claims about ID, e.g. cfe-1990.")
    ] = None,
    by: Annotated[
        str | None, typer.Option("--by", help="Only claims by ISO3 (or an organisation id).")
    ] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """What each party says about a disputed fact: statements, never facts."""
    res = _record().claims(instrument, by)
    if fmt is Format.json:
        emit_json(res)
        return
    cols = ["instrument", "subject", "by", "says", "date", "source"]
    if fmt is Format.csv:
        import pandas as pd

        typer.echo(pd.DataFrame(res, columns=cols).to_csv(index=False), nl=False)
        return
    table(
        [tuple(r[c] or "" for c in cols) for r in res],
        cols,
        title=f"Claims: {len(res)} statements",
    )


@data_app.command("check")
def data_check(
    path: Annotated[
        Path | None, typer.Argument(help="A data folder (default: the bundled data).")
    ] = None,
    sources: Annotated[
        bool,
        typer.Option(
            "--sources",
            help="Report the kinds of source the dated facts rest on (text, official, "
            "secondary, tertiary) and list the facts with a tertiary source only.",
        ),
    ] = False,
    fmt: FormatOpt = Format.table,
) -> None:
    """Check the data: references resolve, facts have sources, dates are sane."""
    from indivisible.record import check

    if sources:
        from indivisible.record._check import source_report

        rep = source_report(path)
        if fmt is Format.json:
            emit_json({k: rep[k] for k in ("facts", "by_kind", "tertiary_only")})
            return
        by_kind = rep["by_kind"]
        assert isinstance(by_kind, dict)
        n = int(str(rep["facts"]))
        strong = sum(v for k, v in by_kind.items() if k != "tertiary")
        typer.echo(
            f"{n} dated membership and treaty-status facts; {strong} "
            f"({100 * strong / max(n, 1):.1f} %) on text, official or secondary sources"
        )
        table([(k, v) for k, v in by_kind.items()], ["source kind", "facts"])
        tert = rep["tertiary_only"]
        assert isinstance(tert, list)
        if tert:
            typer.echo(f"Facts resting on a tertiary source only ({len(tert)}):")
            for t in tert:
                typer.echo(f"  {t}")
        return

    problems = check(path)
    if problems:
        for p in problems:
            typer.echo(f"Error: {p}", err=True)
        typer.echo(f"data check failed: {len(problems)} problem(s)", err=True)
        raise typer.Exit(2)
    from indivisible.record._load import load_raw

    raw = load_raw(path)
    typer.echo(
        f"data check passed: {len(raw.states)} states, {len(raw.organisations)} "
        f"organisations, {len(raw.memberships)} memberships, {len(raw.instruments)} "
        f"instruments, {len(raw.sources)} sources"
    )


def register(app: typer.Typer) -> None:
    """Add the record commands to ``app``."""
    app.registered_commands.extend(commands.registered_commands)
    app.add_typer(data_app, name="data")
    app.add_typer(export_app, name="export")


def _readings_cell(readings: list[dict[str, str]]) -> str:
    return "; ".join(f"{r['by']}: {r['status']} ({r['binding']})" for r in readings)


def _date_or_year(text: str, field: str, *, end: bool) -> "dt.date":
    import datetime as dt

    if len(text.strip()) == 4:
        y = parse_year(text, field=field)
        return dt.date(y, 12, 31) if end else dt.date(y, 1, 1)
    return parse_date(text, field=field)


def _write_frame(df: "pd.DataFrame", out: Path) -> None:
    """Write ``df`` as CSV or Parquet by the extension (``out``: a staged temporary file)."""
    if out.suffix.lower() == ".parquet":
        df.to_parquet(out, index=False)
    else:
        df.to_csv(out, index=False)


def _write_stream(chunks: "Iterator[pd.DataFrame]", out: Path, total: int) -> tuple[int, int]:
    """Write frames one after another to ``out`` (CSV, or one Parquet row group each).

    The file appears only when complete (written to ``NAME.tmp``, then renamed); a progress
    bar on standard error counts the rows written (when standard error is a terminal: a
    log or a pipe gets no bar, and an error stays one line).
    """
    import sys

    from indivisible._progress import bar as progress_bar

    suffix = out.suffix.lower()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    n_rows = n_cols = 0
    writer = None
    try:
        with progress_bar(total, "Writing rows", enabled=sys.stderr.isatty()) as bar:
            for df in chunks:
                if suffix == ".csv":
                    df.to_csv(tmp, index=False, header=n_rows == 0, mode="a" if n_rows else "w")
                else:
                    import pyarrow as pa
                    import pyarrow.parquet as pq

                    t = pa.Table.from_pandas(df, preserve_index=False)
                    if writer is None:
                        writer = pq.ParquetWriter(tmp, t.schema)
                    writer.write_table(t, row_group_size=len(df))
                n_rows += len(df)
                n_cols = len(df.columns)
                bar.update(len(df))
        if writer is not None:
            writer.close()
            writer = None
        tmp.replace(out)
    finally:
        if writer is not None:
            writer.close()
        tmp.unlink(missing_ok=True)
    return n_rows, n_cols


def _frame_out(df: "pd.DataFrame", fmt: Format, title: str) -> None:
    if fmt is Format.json:  # a missing note is null, never NaN (which is not JSON)
        emit_json(df.astype(object).where(df.notna(), None).to_dict(orient="records"))
    elif fmt is Format.csv:
        typer.echo(df.to_csv(index=False), nl=False)
    else:
        table(list(df.itertuples(index=False)), list(df.columns), title=title)
