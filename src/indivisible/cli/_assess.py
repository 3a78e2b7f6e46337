"""The ``assess`` command: the indivisibility test of an action against a baseline scenario."""

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from indivisible._dates import parse_date
from indivisible._errors import InputError
from indivisible.cli._render import emit_json, table, warn

if TYPE_CHECKING:
    from indivisible.assess import Assessment


class AssessFormat(StrEnum):
    """Output formats of ``assess``."""

    table = "table"
    json = "json"


def _fmt(x: Any) -> str:
    if isinstance(x, float):
        return f"{x:,.4g}" if x == x else "n/a"
    return "" if x is None else str(x)


def register(app: typer.Typer) -> None:
    """Add the ``assess`` command to ``app``."""

    @app.command()
    def assess(
        scenario: Annotated[Path, typer.Argument(help="Baseline scenario YAML file.")],
        action: Annotated[Path, typer.Option("--action", help="Action YAML file.")],
        on: Annotated[
            str | None,
            typer.Option(
                "--on", help="Date, YYYY-MM-DD (default: the action's, else the scenario's)."
            ),
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
            raise InputError(
                f"expected a non-negative number of draws, got {draws}", field="--draws"
            )
        if seed is not None and seed < 0:
            raise InputError(f"expected a non-negative seed, got {seed}", field="--seed")
        d = parse_date(on, field="--on") if on is not None else None
        rec = Record.load()
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
        if map_png is not None:
            from indivisible.assess._map import assessment_map

            assessment_map(result, map_png)
        if report is not None:
            from indivisible.assess._report import write_report

            write_report(result, report)
        if fmt is AssessFormat.json:
            emit_json(result.to_json())
            return
        _render(result)
        for p, what in ((map_png, "map"), (report, "report")):
            if p is not None:
                typer.echo(f"Wrote {what} {p}")


def _render(result: "Assessment") -> None:
    a = result.action
    typer.echo(
        f"{a.action} — actor {', '.join(a.actor)} — on {result.on.isoformat()} — baseline "
        f"{result.scenario!r}"
    )
    tol = result.tolerance
    typer.echo(
        f"A change counts when |after − before| > max({tol.absolute:g}, {tol.relative:g} × "
        f"|before|); probability over "
        + (f"{result.draws} draws (seed {result.seed})" if result.draws else "readings")
        + "."
    )
    names = list(result.verdicts_by_threats)
    if names:
        others = ", ".join(names[1:]) or "none"
        typer.echo(
            f"Threat reading {names[0]!r} (whom each state regards as a potential threat); "
            f"other readings: {others} (JSON verdicts_by_threats)."
        )
        first = {(v.actor, v.other): v.verdict for v in result.verdicts}
        for name in names[1:]:
            diff = [
                f"{v.actor}->{v.other}: {first.get((v.actor, v.other))} / {v.verdict}"
                for v in result.verdicts_by_threats[name]
                if first.get((v.actor, v.other)) != v.verdict
            ]
            if diff:
                typer.echo(
                    f"  under {name!r} {len(diff)} verdict(s) differ: "
                    + "; ".join(diff[:8])
                    + (" ..." if len(diff) > 8 else "")
                )
    # Pairs whose other state did not move repeat the actor's own outcome: count them instead.
    shown = [v for v in result.verdicts if v.other_better or v.other_worse]
    rest: dict[str, int] = {}
    for v in result.verdicts:
        if not (v.other_better or v.other_worse):
            rest[v.verdict] = rest.get(v.verdict, 0) + 1
    hidden = sum(rest.values())
    table(
        [
            (
                v.actor,
                v.other,
                v.verdict,
                f"{v.probability:.2f}",
                ", ".join(v.actor_better + tuple(f"-{w}" for w in v.actor_worse)) or "-",
                ", ".join(v.other_better + tuple(f"-{w}" for w in v.other_worse)) or "-",
            )
            for v in shown
        ],
        ["actor", "other", "verdict", "p", "actor +safer/-less safe", "other +safer/-less safe"],
        title="Verdicts (pairs whose other state changed)",
    )
    if hidden:
        typer.echo(
            f"{hidden} pairs where the other state did not change: "
            + ", ".join(f"{k} {n}" for k, n in sorted(rest.items()))
        )
    changed = [x for x in result.deltas if x.better is not None]
    table(
        [
            (
                x.state,
                x.indicator,
                x.reading or "",
                _fmt(x.before),
                _fmt(x.after),
                _fmt(x.change),
                x.unit,
                "safer" if x.better else "less safe",
            )
            for x in changed
        ],
        ["state", "indicator", "reading", "before", "after", "change", "unit", "better"],
        title=f"Indicator changes beyond tolerance ({len(changed)} of {len(result.deltas)} rows)",
    )
    if result.engaged:
        table(
            [
                (e.instrument, e.ref, e.principle, " ".join(e.parties), e.because)
                for e in result.engaged
            ],
            ["instrument", "clause", "principle", "parties", "because"],
            title="Commitments engaged",
        )
    else:
        typer.echo("Commitments engaged: none")
    for title, fs in (
        ("Findings added", result.findings_added),
        ("Findings removed", result.findings_removed),
    ):
        if fs:
            table(
                [(f.instrument, f.clause, f.party, f.subject, f.result, f.reading) for f in fs],
                ["instrument", "clause", "party", "subject", "result", "reading"],
                title=title,
            )
        else:
            typer.echo(f"{title}: none")
