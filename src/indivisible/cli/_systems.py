"""``indivisible systems``: the bundled catalogue of missile systems, with every reading."""

from collections.abc import Callable
from enum import StrEnum
from typing import Annotated

import typer

from indivisible.cli._render import emit_json, para, table


class SystemsFormat(StrEnum):
    """Output formats of ``systems``."""

    table = "table"
    json = "json"
    csv = "csv"


# The commands are module-level functions (testable alone); register() adds them.
commands = typer.Typer()


@commands.command()
def systems(
    owner: Annotated[
        str | None,
        typer.Option("--owner", metavar="ISO3", help="Only systems of this state, e.g. RUS."),
    ] = None,
    fmt: Annotated[
        SystemsFormat, typer.Option("--format", help="Output format.")
    ] = SystemsFormat.table,
) -> None:
    """List the missile systems scenarios can name: class, range under every reading, owner.

    A range a party or a source gives differently is shown once per reading, named by who
    holds it; nothing is averaged.
    """
    from indivisible._glossary import plural, reading_label, state_names
    from indivisible._hints import did_you_mean
    from indivisible.record import Record
    from indivisible.world._catalogue import load_catalogue

    cat = load_catalogue()
    rows = [cat.get(i) for i in cat.ids]
    names = state_names(Record.load())
    if owner is not None:
        code = owner.upper()
        owners = {s.owner for s in rows if s.owner}
        if code not in owners:
            from indivisible._errors import InputError

            raise InputError(
                f"no system of {owner!r} in the catalogue{did_you_mean(code, owners)}; "
                f"owners: {', '.join(sorted(owners))}",
                field="--owner",
            )
        rows = [s for s in rows if s.owner == code]

    def ranges(s: object) -> dict[str, float]:
        r = getattr(s, "range_km", None)
        return {} if r is None else {k: v.value for k, v in r.root.items()}

    if fmt is SystemsFormat.json:
        emit_json(
            [
                {
                    "id": s.id,
                    "name": s.name,
                    "class": s.class_,
                    "owner": s.owner,
                    "range_km": ranges(s),
                    "nuclear_capable": s.nuclear_capable,
                    "designations": list(s.designations),
                }
                for s in rows
            ]
        )
        return
    if fmt is SystemsFormat.csv:
        import csv
        import sys

        w = csv.writer(sys.stdout)
        w.writerow(["id", "name", "class", "owner", "reading", "range_km", "nuclear_capable"])
        for s in rows:
            for k, v in ranges(s).items() or {"": ""}.items():
                w.writerow([s.id, s.name, s.class_, s.owner or "", k, v, s.nuclear_capable])
        return
    disputed = sum(1 for s in rows if len(ranges(s)) > 1)
    para(
        f"{plural(len(rows), 'system')} in the catalogue; {disputed} with a range that "
        "parties or sources give differently (one figure per reading)."
    )
    table(
        [
            (
                s.id,
                s.name,
                str(s.class_).replace("_", " "),
                names.get(s.owner, s.owner) if s.owner else "-",
                _ranges(ranges(s), lambda k: reading_label(k, names)) or "not known",
            )
            for s in rows
        ],
        ["id", "name", "class", "owner", "range"],
    )


def register(app: typer.Typer) -> None:
    """Add the ``systems`` command to ``app``."""
    app.registered_commands.extend(commands.registered_commands)


def _ranges(values: dict[str, float], name: "Callable[[str], str]") -> str:
    """``480 km (Russia's figure); 500 km (the United States' figure)``; agreeing readings once."""
    by: dict[float, list[str]] = {}
    for k, v in values.items():
        by.setdefault(v, []).append(k)
    if len(values) <= 1:
        return "; ".join(f"{v:,.0f} km" for v in by)
    return "; ".join(f"{v:,.0f} km ({', '.join(name(k) for k in ks)})" for v, ks in by.items())
