"""A command line that explains itself: examples in every ``--help``, metavars people read.

:func:`finish` walks the click command tree built from the typer app once and

* appends an ``Examples:`` block to every command's help (from :data:`EXAMPLES`; a test
  checks that every command has one and that each runs);
* names each value by what it is (``DATE``, ``ISO3``, ``FILE.yaml``, ``N``) where the command
  did not name it, instead of typer's ``<str>`` and ``<list[str]>``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args

EXAMPLES: dict[str, tuple[str, ...]] = {
    "status": (
        "indivisible status --on 1999-03-12 --state POL",
        "indivisible status --on 2022-02-24 --format csv > statuses.csv",
    ),
    "binding": (
        "indivisible binding RUS USA --on 2001-12-12",
        "indivisible binding nato RUS --on 2010-01-01 --format json",
    ),
    "changes": ("indivisible changes --from 2019-08-01 --to 2019-08-02",),
    "exchange keygen": ("indivisible exchange keygen --party POL --out pol.key",),
    "exchange serve": (
        "indivisible exchange serve --registry registry.yaml --db sqlite:///log.db --port 8080",
    ),
    "exchange post": (
        "indivisible exchange post examples/exchange/moratorium.yaml --key rus.key "
        "--server http://127.0.0.1:8080",
    ),
    "exchange get": (
        "indivisible exchange get 0 --server http://127.0.0.1:8080 --out bundle.json",
    ),
    "exchange verify": ("indivisible exchange verify bundle.json --registry registry.yaml",),
    "exchange witness": (
        "indivisible exchange witness --server http://127.0.0.1:8080 --key pol.key "
        "--state witness-state",
    ),
    "instruments": (
        "indivisible instruments --category non_proliferation",
        "indivisible instruments --party UKR --on 2014-02-01 --format json",
    ),
    "history": ("indivisible history new-start-2010", "indivisible history cfe-1990 --format csv"),
    "timeline": (
        "indivisible timeline RUS USA --from 1972 --category arms_control",
        "indivisible timeline RUS USA --from 1990 --plot rus-usa.png --out rus-usa.csv",
    ),
    "check": (
        "indivisible check examples/europe-2022-02.yaml --instrument inf-1987 --explain",
        "indivisible check examples/europe-2022-02.yaml --from 2019-01-01 --to 2019-12-31",
    ),
    "rules": ("indivisible rules --coverage", "indivisible rules --instrument cfe-1990"),
    "reach": (
        "indivisible reach --deployment iskander-kaliningrad "
        "--scenario examples/europe-2022-02.yaml",
        "indivisible reach --site 54.48,17.11 --system tomahawk --format geojson > ring.geojson",
    ),
    "profile": ("indivisible profile examples/europe-2022-02.yaml --on 2022-02-14 --state POL",),
    "assess": (
        "indivisible assess examples/actions/baselines/europe-2018-02-04.yaml "
        "--action examples/actions/iskander-kaliningrad-2018.yaml",
        "indivisible assess examples/actions/baselines/europe-2018-02-04.yaml "
        "--action examples/actions/iskander-kaliningrad-2018.yaml --all --report out.html",
    ),
    "ingest": ("indivisible ingest speech.txt transcript.html notes/",),
    "statements": ("indivisible statements --speaker Putin --instrument cfe-1990 --format csv",),
    "negotiate": (
        "indivisible negotiate examples/menus/europe-today-kaliningrad.yaml "
        "--menu examples/menus/2020-2022-proposals.yaml --parties RUS,BLR,POL,LTU,DEU "
        "--mode weighted --weights examples/perspectives",
    ),
    "simulate": (
        "indivisible simulate examples/europe-today.yaml "
        "--responses examples/responses/europe-today.yaml --rounds 5 --draws 50 --seed 3",
    ),
    "serve": ("indivisible serve", "indivisible serve --port 8080"),
    "claims": ("indivisible claims --instrument cfe-1990", "indivisible claims --by RUS"),
    "systems": ("indivisible systems", "indivisible systems --owner RUS --format csv"),
    "data check": ("indivisible data check", "indivisible data check my-data/"),
    "export panel": (
        "indivisible export panel --unit year --kind dyad --from 1990 --to 2026 "
        "--out dyads.parquet",
        "indivisible export panel --unit day --kind state --from 1999-01-01 --to 1999-12-31 "
        "--out states.csv",
    ),
    "scenario validate": ("indivisible scenario validate examples/europe-2022-02.yaml",),
}
"""Command path → example command lines (real files of the checkout; they run)."""

_DATE_NAMES = {"on", "from_", "to", "since", "until", "date", "start", "end"}
_STATE_NAMES = {"state", "a", "b", "owner", "party", "actor", "states", "by"}


def metavar(param: Any) -> str | None:
    """The metavar a person reads for ``param`` (``None``: keep typer's)."""
    desc = getattr(param, "type_descriptor", None)
    if desc is None or desc.is_choice:
        return None
    help_text = (getattr(param, "help", None) or "").lower()
    name = param.name or ""
    ann = desc.annotation
    if desc.is_list:
        args = get_args(ann)
        ann = args[0] if args else str
    tname = {int: "integer", float: "float", str: "text"}.get(ann, "")
    if desc.is_path or ann is Path:
        if "document" in help_text and "folder" in help_text:
            return "FILE|DIR"
        if "folder" in help_text or "director" in help_text:
            return "FILE|DIR" if "file" in help_text else "DIR"
        for ext in ("yaml", "csv", "png", "html", "parquet"):
            if ext in help_text:
                return {"csv": "FILE.csv|.parquet" if "parquet" in help_text else "FILE.csv"}.get(
                    ext, f"FILE.{ext}"
                )
        return "FILE"
    if name in _DATE_NAMES:
        if "year" in help_text and "date" in help_text:
            return "DATE|YEAR"
        if "year" in help_text:
            return "YEAR"
        return "DATE"
    if name in _STATE_NAMES:
        return "ISO3|ORG" if "organisation" in help_text else "ISO3"
    if name == "parties":
        return "ISO3,ISO3,..."
    if name in {"instrument", "deployment", "system", "package", "org"}:
        return "ID"
    if name in {"speaker", "stance"}:
        return "NAME" if name == "speaker" else "STANCE"
    if name == "site":
        return "LAT,LON"
    if name in {"db"}:
        return "URL"
    if name in {"host"}:
        return "ADDRESS"
    if tname == "integer":
        return "N"
    if tname == "float":
        return "X"
    if tname == "text":
        return name.upper().replace("_", "-")
    return None


def _no_type(ctx: Any = None) -> str:
    return ""


def finish(group: Any) -> Any:
    """Add examples and readable metavars to every command under ``group`` (in place)."""
    _walk(group, ())
    return group


def _walk(cmd: Any, path: tuple[str, ...]) -> None:
    for p in cmd.params:
        if p.metavar is None and p.name != "help" and not getattr(p, "is_flag", False):
            mv = metavar(p)
            if mv is not None:
                p.metavar = mv
        if p.metavar is not None and type(p).__name__ == "TyperArgument":
            p.display_type_rich = _no_type  # ``FILE.yaml``, not ``FILE.yaml <path>``
    examples = EXAMPLES.get(" ".join(path))
    if examples and "Examples:" not in (cmd.epilog or ""):
        lines = "\n".join(f"  $ {e}" for e in examples)
        cmd.epilog = f"\b\nExamples:\n{lines}"
    if isinstance(getattr(cmd, "commands", None), dict):
        for name, sub in cmd.commands.items():
            _walk(sub, (*path, name))
