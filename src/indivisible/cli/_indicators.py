"""Indicator commands: ``reach``."""

import importlib
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from indivisible._bounds import evaluation_date
from indivisible._dates import parse_date
from indivisible._errors import InputError
from indivisible._paths import Outputs
from indivisible.cli._render import emit_json, table


class ReachFormat(StrEnum):
    """Output formats of ``reach``."""

    table = "table"
    json = "json"
    geojson = "geojson"


def _world() -> Any:
    """The world room's front door (imported lazily: it loads YAML and pydantic models)."""
    return importlib.import_module("indivisible.world")


def _parse_site(text: str) -> tuple[float, float]:
    parts = text.split(",")
    try:
        if len(parts) != 2:
            raise ValueError(text)
        lat, lon = float(parts[0]), float(parts[1])
    except ValueError:
        raise InputError(
            f"expected LAT,LON in decimal degrees (e.g. 54.63,21.82), got {text!r}",
            field="--site",
        ) from None
    if not -90.0 <= lat <= 90.0 or not -180.0 <= lon <= 180.0:
        raise InputError(
            f"latitude must lie in [-90, 90] and longitude in [-180, 180], got {text!r}",
            field="--site",
        )
    return lat, lon


def _catalogue(scenario: Any) -> Any:
    if scenario is not None:
        return scenario.catalogue
    world = _world()
    loader = getattr(world, "load_catalogue", None)
    if loader is None:
        loader = importlib.import_module("indivisible.world._catalogue").load_catalogue
    return loader()


def _system(catalogue: Any, ident: str) -> Any:
    try:
        return catalogue.get(ident)
    except KeyError as exc:
        raise InputError(str(exc.args[0]), field="--system") from None


# The commands are module-level functions (testable alone); register() adds them.
commands = typer.Typer()


@commands.command()
def reach(
    site: Annotated[
        str | None, typer.Option("--site", help="Launch site LAT,LON (decimal degrees).")
    ] = None,
    deployment: Annotated[
        str | None, typer.Option("--deployment", help="Deployment id in --scenario.")
    ] = None,
    scenario: Annotated[Path | None, typer.Option("--scenario", help="Scenario YAML file.")] = None,
    system: Annotated[
        str | None,
        typer.Option("--system", help="Catalogue system id (default: the deployment's)."),
    ] = None,
    on: Annotated[
        str | None,
        typer.Option("--on", help="Date YYYY-MM-DD (capitals as recorded; deployment check)."),
    ] = None,
    fmt: Annotated[
        ReachFormat, typer.Option("--format", help="Output format.")
    ] = ReachFormat.table,
    map_path: Annotated[
        Path | None, typer.Option("--map", help="Also draw a PNG map to this file.")
    ] = None,
) -> None:
    """Which OSCE capitals a system at a site can reach, at what distance and flight time."""
    from indivisible.indicators import Flight, osce_capitals, reach_of_deployment
    from indivisible.indicators import reach as compute_reach
    from indivisible.indicators._reach import system_parameters
    from indivisible.record import Record

    day = parse_date(on, field="--on") if on is not None else None
    outs = Outputs()  # checked before any work; written at the end, or not at all
    map_out = outs.add(map_path, field="--map", suffixes=(".png",))
    if day is not None:
        evaluation_date(Record.load(), day, field="--on")
    if (site is None) == (deployment is None):
        raise InputError("give either --site LAT,LON or --deployment ID", field="--site")
    if deployment is not None:
        if scenario is None:
            raise InputError("--deployment needs --scenario FILE", field="--scenario")
        sc = _world().load_scenario(scenario)
        result = reach_of_deployment(
            Record.load(), sc, deployment, day, system, scenario_name=str(scenario)
        )
        lat, lon, name = result.site["lat"], result.site["lon"], result.site["name"]
    else:
        assert site is not None
        lat, lon = _parse_site(site)
        sc = _world().load_scenario(scenario) if scenario is not None else None
        if system is None:
            raise InputError(
                "--system is required with --site (e.g. --system iskander-m)", field="--system"
            )
        sys_ = _system(_catalogue(sc), system)
        ranges, model, speed = system_parameters(sys_)
        name = None
        result = compute_reach(
            lat,
            lon,
            ranges,
            osce_capitals(Record.load()),
            system=sys_.id,
            flight=Flight(model, speed) if model is not None else None,
        )
    if map_out is not None:
        from indivisible.indicators._map import reach_map

        with outs.writing():
            reach_map(result, map_out.path)
    if fmt is ReachFormat.json:
        emit_json(result.to_json())
        return
    if fmt is ReachFormat.geojson:
        emit_json(result.to_geojson())
        return
    readings = list(result.range_readings)
    headers = ["state", "capital", "distance_km", "flight_time_min"]
    headers += [f"reach ({r}: {result.range_readings[r]:,.0f} km)" for r in readings]
    rows = [
        [
            t.target.state,
            t.target.name,
            f"{t.distance_km:,.0f}",
            "" if t.flight_time_min is None else f"{t.flight_time_min:.1f}",
            *("yes" if t.reachable[r] else "" for r in readings),
        ]
        for t in sorted(result.targets, key=lambda t: t.distance_km)
    ]
    where = name or f"{lat:.2f}, {lon:.2f}"
    model_text = result.flight_model or "none"
    table(rows, headers, title=f"{result.system} at {where} (flight model: {model_text})")


def register(app: typer.Typer) -> None:
    """Add the indicator commands to ``app``."""
    app.registered_commands.extend(commands.registered_commands)
