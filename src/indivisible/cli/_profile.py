"""The ``profile`` command: the decomposed security profile of states on a date."""

import math
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from indivisible._bounds import evaluation_date
from indivisible._dates import parse_date
from indivisible.cli._exchange import EXCHANGE_HELP, exchange_scenario, show_exchange
from indivisible.cli._render import emit_json, table


class ProfileFormat(StrEnum):
    """Output formats of ``profile``."""

    table = "table"
    json = "json"
    csv = "csv"


def _fmt(value: float) -> str:
    if math.isinf(value):
        return "inf (no threat)" if value > 0 else "-inf"
    if math.isnan(value):
        return "undetermined"
    return f"{value:.4g}"


# The commands are module-level functions (testable alone); register() adds them.
commands = typer.Typer()


@commands.command()
def profile(
    scenario: Annotated[Path, typer.Argument(help="Scenario YAML file.")],
    on: Annotated[str | None, typer.Option("--on", help="Date YYYY-MM-DD.")] = None,
    state: Annotated[
        list[str] | None, typer.Option("--state", help="ISO3 code (repeatable).")
    ] = None,
    draws: Annotated[int, typer.Option("--draws", help="Monte Carlo draws.")] = 0,
    seed: Annotated[int | None, typer.Option("--seed", help="Seed of the draws.")] = None,
    reading: Annotated[
        list[str] | None, typer.Option("--reading", help="Reading name (repeatable).")
    ] = None,
    uncertainty: Annotated[
        Path | None, typer.Option("--uncertainty", help="Uncertainty spec YAML.")
    ] = None,
    second_strike: Annotated[
        Path | None, typer.Option("--second-strike", help="Second-strike inputs YAML.")
    ] = None,
    weights: Annotated[
        Path | None, typer.Option("--weights", help="Weights YAML for a single score.")
    ] = None,
    fmt: Annotated[
        ProfileFormat, typer.Option("--format", help="Output format.")
    ] = ProfileFormat.table,
    exchange: Annotated[str | None, typer.Option("--exchange", help=EXCHANGE_HELP)] = None,
) -> None:
    """Every indicator for every state on a date, decomposed (no single score by default)."""
    from indivisible.indicators import profile as compute
    from indivisible.indicators._score import load_weights, score
    from indivisible.record import Record
    from indivisible.world import load_scenario

    rec = Record.load()
    if on is not None:
        evaluation_date(rec, parse_date(on, field="--on"), field="--on")
    sc = load_scenario(scenario, rec)
    day = parse_date(on, field="--on") if on is not None else sc.date
    if exchange is not None:
        sc, ex = exchange_scenario(exchange, sc, day)
        show_exchange(ex, err=fmt is not ProfileFormat.table)
    w = load_weights(weights) if weights is not None else None
    p = compute(
        rec,
        sc,
        day,
        states=state or None,
        readings=reading or None,
        draws=draws,
        seed=seed,
        uncertainty=uncertainty,
        second_strike=second_strike,
    )
    scores = score(p, w) if w is not None else None
    if fmt is ProfileFormat.json:
        out: dict[str, Any] = p.to_json()
        if scores is not None:
            out["score"] = {
                "weights": w,
                "values": [
                    {"state": r["state"], "reading": r["reading"], "score": r["score"]}
                    for r in scores.to_dict("records")
                ],
            }
        emit_json(out)
        return
    if fmt is ProfileFormat.csv:
        typer.echo(p.table.to_csv(index=False), nl=False)
        return
    iv = p.intervals() if p.draws is not None else None
    lookup = {}
    if iv is not None:
        for r in iv.to_dict("records"):
            lookup[(r["state"], r["indicator"])] = f"{_fmt(r['low'])}–{_fmt(r['high'])}"
    headers = ["state", "indicator", "value", "unit", "reading", "detail"]
    if iv is not None:
        headers.insert(3, "5–95 %")
    rows = []
    for r in p.table.to_dict("records"):
        row = [
            r["state"],
            r["indicator"],
            _fmt(float(r["value"])),
            r["unit"],
            r["reading"],
            r["detail"],
        ]
        if iv is not None:
            row.insert(3, lookup.get((r["state"], r["indicator"]), ""))
        rows.append(row)
    table(rows, headers, title=f"{p.scenario}, {p.date}")
    if scores is not None:
        table(
            [[r["state"], r["reading"], f"{r['score']:.3f}"] for r in scores.to_dict("records")],
            ["state", "reading", "score"],
            title="Weighted score (0-1, higher = safer; formula in docs/indicators.md)",
        )
    for a in p.assumptions:
        typer.echo(f"Assumption: {a}")
    if p.seed is not None:
        typer.echo(f"Seed: {p.seed}")


def register(app: typer.Typer) -> None:
    """Add the ``profile`` command to ``app``."""
    app.registered_commands.extend(commands.registered_commands)
