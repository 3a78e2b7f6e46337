"""World commands: ``indivisible scenario validate FILE``."""

from pathlib import Path
from typing import Annotated

import typer

scenario_app = typer.Typer(help="Scenarios: validate them.", no_args_is_help=True)


@scenario_app.command("validate")
def validate(
    file: Annotated[Path, typer.Argument(help="Scenario YAML file.")],
) -> None:
    """Load and check a scenario; print a one-line summary (exit 2 on bad input)."""
    from indivisible.world import load_scenario

    sc = load_scenario(file)
    typer.echo(summary(sc))


def register(app: typer.Typer) -> None:
    """Add the ``scenario`` commands to ``app``."""
    app.add_typer(scenario_app, name="scenario")


def summary(sc: object) -> str:
    """One line: file, date, counts of entries."""
    from indivisible.world import Scenario

    assert isinstance(sc, Scenario)
    parts = [
        f"{len(sc.holdings)} holdings",
        f"{len(sc.deployments)} deployments",
        f"{len(sc.forces)} forces",
        f"{len(sc.exercises)} exercises",
        f"{len(sc.systems)} systems",
        f"{len(sc.uses_of_force)} uses of force",
        f"{len(sc.accessions)} accessions",
        f"{len(sc.sites)} sites",
    ]
    layers = f" ({len(sc.files)} files)" if len(sc.files) > 1 else ""
    return f"OK {sc.files[-1]}{layers}: {sc.scenario!r} on {sc.date}: " + ", ".join(parts)
