"""CLI commands are module-level functions: each can be imported and run alone (#18)."""

import json

import typer
from typer.testing import CliRunner

from indivisible.cli import command
from indivisible.cli._instruments import instruments


def _callbacks(group: object) -> list[object]:
    out: list[object] = []
    for sub in getattr(group, "commands", {}).values():
        if getattr(sub, "commands", None):
            out.extend(_callbacks(sub))
        else:
            out.append(sub.callback)
    return out


def test_no_command_is_defined_inside_a_function() -> None:
    callbacks = _callbacks(command())
    assert len(callbacks) > 20
    nested = [c.__qualname__ for c in callbacks if "<locals>" in c.__qualname__]  # type: ignore[attr-defined]
    assert nested == []


def test_a_command_runs_alone_on_its_own_app() -> None:
    app = typer.Typer()
    app.command()(instruments)
    app.command("noop")(lambda: None)  # two commands, so typer keeps the subcommand name
    result = CliRunner().invoke(
        app, ["instruments", "--category", "non_proliferation", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert {"id", "short", "category", "binding"} <= set(rows[0])
    ids = {r["id"] for r in rows}
    assert "npt-1968" in ids
    assert "inf-1987" not in ids  # the filter applied: an arms-control-only treaty is left out
