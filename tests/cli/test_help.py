"""A command line that explains itself: --version, examples and readable metavars in --help."""

from __future__ import annotations

import shlex
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from tests.conftest import Run

CLI = Callable[..., Run]


def commands() -> Iterator[tuple[str, Any]]:
    from indivisible.cli import command

    def walk(cmd: Any, path: tuple[str, ...]) -> Iterator[tuple[str, Any]]:
        subs = getattr(cmd, "commands", None)
        if isinstance(subs, dict):
            for name, sub in subs.items():
                yield from walk(sub, (*path, name))
        else:
            yield " ".join(path), cmd

    yield from walk(command(), ())


ALL = [name for name, _ in commands()]


def test_version(cli: CLI) -> None:
    from indivisible import __version__

    r = cli("--version")
    assert r.code == 0
    assert r.out.strip() == f"indivisible {__version__}"


@pytest.mark.parametrize("name", ALL)
def test_every_help_has_examples_and_readable_metavars(cli: CLI, name: str) -> None:
    r = cli(*name.split(), "--help")
    assert r.code == 0, r.err
    assert "Examples:\n" in r.out
    assert f"$ indivisible {name}" in r.out
    for raw in ("<str>", "<list[str]>", "<path>", "<int>", "<float>", "<list[Path]>", "{scenario}"):
        assert raw not in r.out, (name, raw)


@pytest.mark.parametrize("name", ALL)
def test_every_example_parses(name: str) -> None:
    """Each example names options and arguments the command has (parsed, not run)."""
    from indivisible.cli._help import EXAMPLES

    cmd = dict(commands())[name]
    for line in EXAMPLES[name]:
        words = shlex.split(line.split(">")[0])
        assert words[: 1 + len(name.split())] == ["indivisible", *name.split()]
        ctx = cmd.make_context(name, words[1 + len(name.split()) :])
        ctx.close()


def test_metavars_name_what_they_take(cli: CLI) -> None:
    out = cli("binding", "--help").out
    assert "{ISO3|ORG} {ISO3|ORG}" in out and "--on DATE" in out
    out = cli("export", "panel", "--help").out
    assert "--out FILE.csv|.parquet" in out and "--from DATE|YEAR" in out
    assert "{FILE.yaml}" in cli("assess", "--help").out


def test_unknown_command_suggests(cli: CLI) -> None:
    r = cli("asess")
    assert r.code == 2
    assert "Did you mean 'assess'?" in r.err


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (("status", "--on", "1999-03-12", "--state", "POK"), "did you mean 'POL'"),
        (("history", "new-start-2011"), "did you mean 'new-start-2010'"),
        (("systems", "--owner", "RUZ"), "did you mean 'RUS'"),
    ],
)
def test_unknown_ids_get_did_you_mean(cli: CLI, args: tuple[str, ...], hint: str) -> None:
    r = cli(*args)
    assert r.code == 2
    assert hint in r.err.replace("mean POL", "mean 'POL'").replace(
        "mean new-start-2010", "mean 'new-start-2010'"
    ), r.err


def test_systems_lists_every_reading_once(cli: CLI) -> None:
    r = cli("systems")
    assert r.code == 0, r.err
    assert "systems in the catalogue" in r.out.splitlines()[0]
    assert "Russia's" in r.out and "FAZ" in r.out and "faz-2019" not in r.out
    assert max(len(x) for x in r.out.splitlines()) <= 100
    c = cli("systems", "--owner", "RUS", "--format", "csv")
    rows = [x.split(",") for x in c.out.splitlines()]
    assert (rows[[r[0] for r in rows].index("9m729") + 2][:5]) == [
        "9m729",
        "Novator 9M729",
        "ground_launched_cruise_missile",
        "RUS",
        "faz-2019",
    ]


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (("check", "examples/europe-2022-02.yaml", "--instrument", "inf-1988"), "'inf-1987'"),
        (("timeline", "RUS", "USA", "--category", "arms_contrl"), "'arms_control'"),
        (
            (
                "reach",
                "--deployment",
                "iskandr-kaliningrad",
                "--scenario",
                "examples/europe-2022-02.yaml",
            ),
            "'iskander-kaliningrad'",
        ),
    ],
)
def test_more_unknown_ids_get_did_you_mean(
    cli: CLI, args: tuple[str, ...], hint: str, monkeypatch: Any
) -> None:
    from pathlib import Path

    monkeypatch.chdir(Path(__file__).parents[2])
    r = cli(*args)
    assert r.code == 2
    assert f"did you mean {hint}" in r.err, r.err
