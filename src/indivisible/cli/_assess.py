"""The ``assess`` command: the indivisibility test of an action against a baseline scenario."""

import math
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from indivisible._bounds import evaluation_date
from indivisible._dates import parse_date
from indivisible._errors import InputError
from indivisible._paths import Outputs
from indivisible.cli._render import emit_json, para, table, warn

if TYPE_CHECKING:
    from indivisible.assess import Assessment
    from indivisible.record import Record


class AssessFormat(StrEnum):
    """Output formats of ``assess``."""

    table = "table"
    json = "json"


# The commands are module-level functions (testable alone); register() adds them.
commands = typer.Typer()


@commands.command()
def assess(
    scenario: Annotated[Path, typer.Argument(help="Baseline scenario YAML file.")],
    action: Annotated[Path, typer.Option("--action", help="Action YAML file.")],
    on: Annotated[
        str | None,
        typer.Option("--on", help="Date, YYYY-MM-DD (default: the action's, else the scenario's)."),
    ] = None,
    draws: Annotated[
        int, typer.Option("--draws", help="Monte Carlo draws (0: probability over readings).")
    ] = 0,
    seed: Annotated[
        int | None, typer.Option("--seed", help="Seed of the draws (reproducible runs).")
    ] = None,
    fmt: Annotated[
        AssessFormat, typer.Option("--format", help="Output format.")
    ] = AssessFormat.table,
    report: Annotated[
        Path | None, typer.Option("--report", help="Write a self-contained HTML report.")
    ] = None,
    indicator: Annotated[
        list[str] | None,
        typer.Option("--indicator", help="Compare only this indicator (repeatable)."),
    ] = None,
    map_png: Annotated[
        Path | None, typer.Option("--map", help="Write a PNG map of the deployments.")
    ] = None,
    show_all: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Show every pair, indicator change and finding, not only the "
            "summary and what is breached, disputed or at another's expense.",
        ),
    ] = False,
    threats: Annotated[
        list[str] | None,
        typer.Option(
            "--threats",
            metavar="FILE|sourced|alliance",
            help="Threat reading: whom each state regards as a potential threat "
            "(repeatable; the first decides the verdicts shown, each gets its own in "
            "JSON 'verdicts_by_threats'). Default: sourced, then alliance.",
        ),
    ] = None,
) -> None:
    """Test an action: deltas, verdicts, engaged commitments, findings added/removed."""
    from indivisible.assess import assess as run
    from indivisible.assess import load_action
    from indivisible.record import Record
    from indivisible.world import load_scenario

    if draws < 0:
        raise InputError(f"expected a non-negative number of draws, got {draws}", field="--draws")
    if seed is not None and seed < 0:
        raise InputError(f"expected a non-negative seed, got {seed}", field="--seed")
    d = parse_date(on, field="--on") if on is not None else None
    outs = Outputs()  # checked before any work; written together at the end, or none
    map_out = outs.add(map_png, field="--map", suffixes=(".png",))
    report_out = outs.add(report, field="--report", suffixes=(".html", ".htm"))
    rec = Record.load()
    if d is not None:
        evaluation_date(rec, d, field="--on")
    base = load_scenario(scenario, rec)
    act = load_action(action, rec)
    result = run(
        rec,
        base,
        act,
        d,
        draws=draws,
        seed=seed,
        indicators=indicator or None,
        threats=threats or None,
    )
    warn(rec.coverage_warnings(result.on))
    with outs.writing():
        if map_out is not None:
            from indivisible.assess._map import assessment_map

            assessment_map(result, map_out.path)
        if report_out is not None:
            from indivisible.assess._report import write_report

            write_report(result, report_out.path)
    if fmt is AssessFormat.json:
        emit_json(result.to_json())
        return
    _render(result, rec, show_all=show_all)
    for p, what in ((map_png, "map"), (report, "report")):
        if p is not None:
            typer.echo(f"Wrote {what} {p}")


def register(app: typer.Typer) -> None:
    """Add the ``assess`` command to ``app``."""
    app.registered_commands.extend(commands.registered_commands)


def _names(rec: "Record") -> dict[str, str]:
    from indivisible._glossary import state_names

    return state_names(rec)


def _render(result: "Assessment", rec: "Record", *, show_all: bool = False) -> None:
    from indivisible._glossary import change, label, plural, reading_label, value
    from indivisible.assess._report import LOSSES as _LOSSES
    from indivisible.assess._report import indicators_text as _indicators
    from indivisible.assess._report import state_list as _states
    from indivisible.assess._report import summary

    names = _names(rec)
    a = result.action
    actor = _states(a.actor, names)
    para(summary(result, rec))
    typer.echo("")
    para(f"Move: {a.action}, by {actor}, on {result.on.isoformat()}. Baseline: {result.scenario}.")
    typer.echo("")
    hidden: list[str] = []

    # 1. Pairs at the other's expense (and other losses): what the second principle tests.
    losses = [v for v in result.verdicts if v.verdict in _LOSSES]
    shown_v = list(result.verdicts) if show_all else losses
    basis = f"share of {result.draws} draws" if result.draws else "share of readings"
    if shown_v:
        pairs: dict[tuple[str, ...], list[str]] = {}
        for v in shown_v:
            key = (
                names.get(v.actor, v.actor),
                label("verdict", v.verdict),
                f"{v.probability:.0%}",
                _indicators(v.other_worse, names) or "-",
            )
            pairs.setdefault(key, []).append(names.get(v.other, v.other))
        table(
            [(k[0], _states(others, {}, most=6), *k[1:]) for k, others in pairs.items()],
            ["actor", "other states", "verdict", basis, "where the other is less safe"],
            title="Pairs of states" if show_all else "Pairs where another state is less safe",
        )
        typer.echo("")
    else:
        typer.echo("No other state is made less safe.\n")
    if not show_all and len(result.verdicts) > len(losses):
        rest: dict[str, int] = {}
        for v in result.verdicts:
            if v.verdict not in _LOSSES:
                rest[label("verdict", v.verdict)] = rest.get(label("verdict", v.verdict), 0) + 1
        hidden.append(
            plural(len(result.verdicts) - len(losses), "other pair")
            + " ("
            + ", ".join(f"{k}: {n}" for k, n in sorted(rest.items()))
            + ")"
        )

    # 2. Findings the move adds that are breached or disputed; the rest collapsed.
    flagged = [f for f in result.findings_added if f.result in ("breached", "disputed")]
    shown_f = list(result.findings_added) if show_all else flagged
    if shown_f:
        table(
            [
                (
                    f.instrument,
                    f.clause,
                    names.get(f.party or "", f.party or ""),
                    label("result", f.result),
                    reading_label(f.reading, names) if f.reading else "-",
                )
                for f in shown_f
            ],
            ["instrument", "clause", "party", "result", "reading"],
            title="Findings the move adds" + ("" if show_all else ": breached or disputed"),
        )
        typer.echo("")
    if not show_all and len(result.findings_added) > len(flagged):
        n_other = len(result.findings_added) - len(flagged)
        hidden.append(plural(n_other, "other finding") + " added")
    if show_all and result.findings_removed:
        table(
            [
                (
                    f.instrument,
                    f.clause,
                    names.get(f.party or "", f.party or ""),
                    label("result", f.result),
                    reading_label(f.reading, names),
                )
                for f in result.findings_removed
            ],
            ["instrument", "clause", "party", "result before", "reading"],
            title="Findings the move removes",
        )
        typer.echo("")
    elif result.findings_removed:
        hidden.append(plural(len(result.findings_removed), "finding") + " removed")

    # 3. Commitments engaged: one line per clause, the pairs listed once.
    if result.engaged:
        by_clause: dict[tuple[str, str, str], list[str]] = {}
        for e in result.engaged:
            pair = "–".join(names.get(p, p) for p in e.parties)
            by_clause.setdefault((e.instrument, e.ref, e.principle), []).append(pair)
        table(
            [
                (inst, ref, principle.replace("_", " "), "; ".join(pairs))
                for (inst, ref, principle), pairs in by_clause.items()
            ],
            ["instrument", "clause", "principle", "pairs of states"],
            title=f"Commitments engaged ({plural(len(by_clause), 'clause')})",
        )
        typer.echo("")

    # 4. Indicator changes: readings that agree printed once; states that moved alike, once.
    changed = [x for x in result.deltas if x.better is not None]
    groups: dict[tuple[str, str], list[Any]] = {}
    for x in changed:
        groups.setdefault((x.state, x.indicator), []).append(x)
    alike: dict[tuple[Any, ...], list[str]] = {}
    for (state, ind), xs in groups.items():
        if not show_all and all(x.better for x in xs):
            continue
        agree = len({(x.before, x.after) for x in xs}) == 1
        for x in xs[:1] if agree else xs:
            unit = " min" if x.unit == "minutes" else ""
            rkey: tuple[str, ...] = (
                label("indicator", ind),
                "every reading"
                if agree and len(xs) > 1
                else (reading_label(x.reading, names) if x.reading else "-"),
                f"{value(x.before)} → {value(x.after)}" + (unit if math.isfinite(x.after) else ""),
                change(x.before, x.after),
                "safer" if x.better else "less safe",
            )
            alike.setdefault(rkey, []).append(names.get(state, state))
    rows = [(_states(states, {}, most=6), *key) for key, states in alike.items()]
    if rows:
        table(
            rows,
            ["states", "indicator", "reading", "before → after", "change", "effect"],
            title="Indicator changes" + ("" if show_all else " that make a state less safe"),
        )
        typer.echo("")
    n_safer = sum(1 for xs in groups.values() if all(x.better for x in xs))
    if not show_all and n_safer:
        hidden.append(plural(n_safer, "indicator change") + " that make a state safer")
    tol = result.tolerance
    para(
        f"A change counts when |after − before| > max({tol.absolute:g}, {tol.relative:g} × "
        f"|before|); shares are over "
        + (f"{result.draws} draws (seed {result.seed})" if result.draws else "the readings")
        + "."
    )
    if hidden:
        para("Not shown (--all shows them): " + "; ".join(hidden) + ".")
