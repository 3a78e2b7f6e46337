"""Negotiation commands: ``negotiate`` (package search) and ``simulate`` (action-reaction)."""

import csv
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from indivisible._errors import InputError
from indivisible._paths import Outputs
from indivisible.cli._render import emit_json, para, table


class NegotiateFormat(StrEnum):
    """Output formats of ``negotiate``."""

    table = "table"
    json = "json"
    csv = "csv"


class NegotiateMode(StrEnum):
    """Compatibility modes."""

    strict = "strict"
    weighted = "weighted"


def _codes(text: str, field: str) -> list[str]:
    out = [c.strip() for c in text.split(",") if c.strip()]
    if not out:
        raise InputError(f"expected a comma-separated list, got {text!r}", field=field)
    return out


def _scenario(path: Path, record: Any) -> Any:
    from indivisible.world import load_scenario

    return load_scenario(path, record)


def _fmt(x: float) -> str:
    return f"{x:+g}" if x == x else "nan"


def _plain_keys(text: str) -> str:
    """``exposure_launchers[RUS] +1`` → ``hostile launchers in reach (Russia's figure) +1``."""
    import re

    from indivisible._glossary import INDICATORS, indicator, state_names
    from indivisible.record import Record

    names = state_names(Record.load())
    keys = "|".join(sorted(INDICATORS, key=len, reverse=True))
    pattern = rf"\b(?:{keys})(?:_\d+km)?(?:\[[^\]]+\])?"
    return re.sub(pattern, lambda m: indicator(m.group(0), names), text)


# The commands are module-level functions (testable alone); register() adds them.
commands = typer.Typer()


@commands.command()
def negotiate(
    scenario: Annotated[Path, typer.Argument(help="Baseline scenario YAML.")],
    menu: Annotated[Path, typer.Option("--menu", help="Menu of measures (YAML).")],
    parties: Annotated[str, typer.Option("--parties", help="Parties, e.g. RUS,USA,POL.")],
    mode: Annotated[NegotiateMode, typer.Option("--mode", help="strict or weighted.")] = (
        NegotiateMode.strict
    ),
    weights: Annotated[
        list[Path] | None,
        typer.Option("--weights", help="Perspective files or a directory (weighted mode)."),
    ] = None,
    indicators: Annotated[
        str | None, typer.Option("--indicators", help="Compare only these indicators.")
    ] = None,
    draws: Annotated[int, typer.Option("--draws", help="Monte Carlo draws (0: none).")] = 0,
    seed: Annotated[int | None, typer.Option("--seed", help="Seed of the draws.")] = None,
    level: Annotated[float, typer.Option("--level", help="Robustness level.")] = 0.9,
    workers: Annotated[
        int | None, typer.Option("--workers", help="Local Dask worker processes.")
    ] = None,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Address of a Dask scheduler.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="Compatible bundles shown.")] = 20,
    max_evaluations: Annotated[
        int,
        typer.Option(
            "--max-evaluations",
            help="Above 24 measures: budget of bundles the exact branch-and-bound evaluates "
            "one by one (an early stop is stated in the output and warned about).",
        ),
    ] = 50_000_000,
    fmt: Annotated[
        NegotiateFormat, typer.Option("--format", help="Output format.")
    ] = NegotiateFormat.table,
    plot: Annotated[Path | None, typer.Option("--plot", help="Write a PNG figure.")] = None,
) -> None:
    """Bundles of measures that leave no party worse off: ranked, explained, Pareto set."""
    from indivisible.negotiate import SearchOptions, load_menu, load_perspectives
    from indivisible.negotiate import negotiate as run
    from indivisible.record import Record

    outs = Outputs()  # checked before any work; written at the end, or not at all
    plot_out = outs.add(plot, field="--plot", suffixes=(".png",))
    if workers is not None and scheduler is not None:
        raise InputError("give --workers or --scheduler, not both", field="--workers")
    if workers is not None and workers < 1:
        raise InputError(f"--workers must be >= 1, got {workers}", field="--workers")
    if workers is not None or scheduler is not None:
        from indivisible._extras import require

        require("dask")
    rec = Record.load()
    base = _scenario(scenario, rec)
    m = load_menu(menu, rec)
    persp = load_perspectives(weights, rec) if weights else None
    result = run(
        rec,
        base,
        m,
        _codes(parties, "--parties"),
        SearchOptions(
            mode=mode.value,
            perspectives=persp,
            indicators=_codes(indicators, "--indicators") if indicators else None,
            draws=draws,
            seed=seed,
            level=level,
            workers=workers,
            scheduler=scheduler,
            limit=limit,
            progress=sys.stderr.isatty(),
            max_evaluations=max_evaluations,
        ),
    )
    if plot_out is not None:
        from indivisible.negotiate._plot import plot_negotiation

        with outs.writing():
            plot_negotiation(result, plot_out.path)
    if fmt is NegotiateFormat.json:
        emit_json(result.to_json())
        return
    if fmt is NegotiateFormat.csv:
        w = csv.writer(sys.stdout)
        w.writerow(["rank", "measures", "compatible", "probability", "party", "indicator", "gain"])
        for i, b in enumerate(result.bundles, 1):
            for p, gains in b.gains.items():
                for k, v in gains.items():
                    w.writerow([i, "+".join(b.measures), b.compatible, b.probability, p, k, v])
        return
    from indivisible._glossary import plural

    total = result.n_compatible if result.n_compatible is not None else len(result.compatible)
    para(
        f"{plural(total, 'bundle')} of {result.evaluated:,} "
        f"{'is' if total == 1 else 'are'} compatible ({result.mode}: no party worse off, "
        f"at least one better off)"
        + (
            f"; the best {len(result.compatible)} are listed (--limit)."
            if total > len(result.compatible)
            else "."
        )
    )
    # bundles with the same effect (identical gains, scores and probability) are one row
    groups: dict[str, list[Any]] = {}
    for b in result.bundles:
        key = json.dumps([b.gains, b.scores, b.probability], sort_keys=True, default=str)
        groups.setdefault(key, []).append(b)
    rows = []
    for i, grp in enumerate(groups.values(), 1):
        b = grp[0]
        prob = "" if b.probability is None else f"{b.probability:.3f}"
        same = f" (+{len(grp) - 1} equivalent)" if len(grp) > 1 else ""
        rows.append([i, " + ".join(b.measures) + same, prob, ",".join(b.better), ",".join(b.worse)])
    if result.compatible_total is not None:
        total = result.compatible_total
    shown = len(result.compatible)
    table(
        rows,
        ["#", "bundle (smallest of its effect)", "probability", "better off", "worse off"],
        title=f"{result.menu} vs {result.scenario}: {total} compatible of "
        f"{result.evaluated} bundles ({result.mode})"
        + (f"; {shown} shown" if shown < total else ""),
    )
    outside = [x for x in result.measures if x["effect"] == "none"]
    if outside:
        typer.echo(f"{len(outside)} of {len(result.measures)} measures outside the model:")
        for x in outside:
            typer.echo(f"  {x['id']}: {x['reason']}")
    sens = {tuple(x["bundle"]): x for x in result.sensitivity}
    rated = [sens[tuple(b.measures)] for b in result.bundles[:3] if tuple(b.measures) in sens]
    if rated:
        typer.echo("sensitivity (one assumption at a time; robust or knife-edge):")
        for sx in rated:
            flips = "; ".join(
                f"{f['assumption']} {f['value']} -> {f['verdict']}" for f in sx["flips"][:3]
            )
            more = f" (+{len(sx['flips']) - 3} more)" if len(sx["flips"]) > 3 else ""
            para(
                f"{' + '.join(sx['bundle'])}: {sx['label']}"
                + (f": {flips}{more}" if flips else ""),
                indent="  ",
            )
    if result.bound is not None:
        bd = result.bound
        typer.echo(
            f"branch-and-bound ({'complete' if bd['complete'] else 'INCOMPLETE'}): "
            f"{bd['evaluated']} bundles evaluated, {bd['pruned_bundles']} pruned by exact "
            f"bounds, {bd['unexplored']} of {bd['bundles']} neither"
        )
    for b in result.bundles[:3]:
        if b.explanation is not None:
            typer.echo(f"why {' + '.join(b.measures)}:")
            for line in b.explanation.sentences():
                para(_plain_keys(line), indent="  ")
    prow = []
    for pt in result.pareto:
        worse = sorted(
            f"{party}:{k}" for party, g in pt.gains.items() for k, v in g.items() if v < 0
        )
        name = " + ".join(pt.measures) or "(baseline)"
        prow.append([name, pt.equivalent, pt.compatible, ", ".join(worse)])
    table(prow, ["Pareto outcome (smallest bundle)", "bundles", "compatible", "worse off on"])


@commands.command()
def simulate(
    scenario: Annotated[Path, typer.Argument(help="Baseline scenario YAML.")],
    responses: Annotated[Path, typer.Option("--responses", help="Response menu (YAML).")],
    rounds: Annotated[int, typer.Option("--rounds", help="Rounds per run.")] = 5,
    draws: Annotated[int, typer.Option("--draws", help="Monte Carlo runs.")] = 1,
    seed: Annotated[int | None, typer.Option("--seed", help="Seed of the runs.")] = None,
    package: Annotated[
        str | None, typer.Option("--package", help="Measure ids applied first.")
    ] = None,
    plot: Annotated[Path | None, typer.Option("--plot", help="Write a PNG figure.")] = None,
    fmt: Annotated[
        NegotiateFormat, typer.Option("--format", help="Output format.")
    ] = NegotiateFormat.table,
) -> None:
    """Action-reaction runs: each party answers from its response menu, round by round."""
    from indivisible.dynamics import SimulateOptions, load_responses
    from indivisible.dynamics import simulate as run
    from indivisible.record import Record

    outs = Outputs()  # checked before any work; written at the end, or not at all
    plot_out = outs.add(plot, field="--plot", suffixes=(".png",))
    rec = Record.load()
    base = _scenario(scenario, rec)
    rm = load_responses(responses, rec, scenario=base)
    menu = None
    if package and rm.menu is not None:
        from indivisible.negotiate import load_menu

        menu = load_menu((responses.parent / rm.menu), rec)
    result = run(
        rec,
        base,
        rm,
        SimulateOptions(
            rounds=rounds,
            runs=draws,
            seed=seed,
            package=_codes(package, "--package") if package else (),
            menu=menu,
            progress=sys.stderr.isatty(),
        ),
    )
    if plot_out is not None:
        from indivisible.negotiate._plot import plot_simulation

        with outs.writing():
            plot_simulation(result, plot_out.path)
    if fmt is NegotiateFormat.json:
        emit_json(result.to_json())
        return
    if fmt is NegotiateFormat.csv:
        result.trajectories.to_csv(sys.stdout, index=False)
        return
    t = result.trajectories.drop_duplicates(["run", "round", "party"])
    mean = t.groupby(["round", "party"])["score"].mean().unstack("party")
    rows = [[r, *(_fmt(v) for v in mean.loc[r])] for r in mean.index]
    table(rows, ["round", *mean.columns], title="mean score per round (higher is safer)")
    counts = result.events.groupby(["party", "response"]).size().reset_index(name="runs")
    table(counts.values.tolist(), ["party", "response", "times chosen"])
    shares = ", ".join(f"{o} {result.share(o):.0%}" for o in ("stable", "spiral", "exhausted"))
    typer.echo(f"{result.runs} runs of {result.rounds} rounds: {shares}")
    from indivisible.dynamics.types import OUTCOME_LABELS

    for o, what in OUTCOME_LABELS.items():
        typer.echo(f"  {o}: {what}")
    for rid, why in result.excluded.items():
        typer.echo(f"Never chosen, it would break the package: {rid}: {why}")
    for sx in result.sensitivity:
        flips = "; ".join(f"{f['assumption']} {f['value']} -> {f['verdict']}" for f in sx["flips"])
        typer.echo(
            f"sensitivity: most frequent outcome {sx['verdict']}, {sx['label']}"
            + (f": {flips}" if flips else " (no single threshold or weight changes it)")
        )


def register(app: typer.Typer) -> None:
    """Add ``negotiate`` and ``simulate`` to ``app``."""
    app.registered_commands.extend(commands.registered_commands)
