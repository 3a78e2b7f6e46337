"""Rules commands: ``check`` a scenario against the rules, list the ``rules`` and coverage."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from indivisible._bounds import evaluation_date
from indivisible._dates import parse_date
from indivisible._errors import InputError
from indivisible.cli._exchange import EXCHANGE_HELP, exchange_scenario, show_exchange
from indivisible.cli._render import Format, emit_json, table, warn

if TYPE_CHECKING:
    from indivisible.record import Record
    from indivisible.rules import Finding


def _record() -> "Record":
    from indivisible.record import Record

    return Record.load()


def _instruments(rec: "Record", ids: list[str] | None) -> list[str] | None:
    if not ids:
        return None
    from indivisible.rules import REGISTRY

    known = set(REGISTRY.instruments())
    out = []
    for i in ids:
        try:
            rid = rec.resolve_instrument(i, field="--instrument")
        except InputError:
            rid = i.strip().lower()
        if rid not in known:
            from indivisible._hints import did_you_mean

            raise InputError(
                f"no rules for instrument {i!r}{did_you_mean(i, known)} (known: "
                f"{', '.join(sorted(known))})",
                field="--instrument",
            )
        out.append(rid)
    return out


def _party(rec: "Record", party: str | None) -> str | None:
    if party is None:
        return None
    return rec.resolve(party, field="--party")


# The commands are module-level functions (testable alone); register() adds them.
commands = typer.Typer()


@commands.command()
def check(
    scenario: Annotated[Path, typer.Argument(help="Scenario YAML file.", metavar="SCENARIO.yaml")],
    on: Annotated[
        str | None,
        typer.Option("--on", metavar="DATE", help="Date, YYYY-MM-DD (default: scenario date)."),
    ] = None,
    instrument: Annotated[
        list[str] | None,
        typer.Option(
            "--instrument",
            metavar="ID",
            help="Instrument id (repeatable), e.g. inf-1987.",
        ),
    ] = None,
    party: Annotated[
        str | None,
        typer.Option("--party", metavar="ISO3", help="Only findings about this party (ISO3)."),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.table,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show the chain from facts to each result.")
    ] = False,
    start: Annotated[
        str | None,
        typer.Option("--from", metavar="DATE", help="Range mode: first date, YYYY-MM-DD."),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option("--to", metavar="DATE", help="Range mode: last date, YYYY-MM-DD."),
    ] = None,
    exchange: Annotated[str | None, typer.Option("--exchange", help=EXCHANGE_HELP)] = None,
    show_all: Annotated[
        bool,
        typer.Option(
            "--all",
            help="List every finding (holds, not determined, does not apply), not only "
            "the summary and what is breached or disputed.",
        ),
    ] = False,
) -> None:
    """Check a scenario against the rules on a date, or report changes over a range."""
    from indivisible.rules import evaluate, evaluate_range
    from indivisible.world import load_scenario

    if (start is None) != (end is None):
        raise InputError("give both --from and --to for the range mode", field="--from")
    if start is not None and on is not None:
        raise InputError("--on and --from/--to exclude each other", field="--on")
    rec = _record()
    days = [
        evaluation_date(rec, parse_date(text, field=name), field=name)
        for text, name in ((on, "--on"), (start, "--from"), (end, "--to"))
        if text is not None
    ]
    insts = _instruments(rec, instrument)
    who = _party(rec, party)
    sc = load_scenario(scenario, rec)
    ex = None
    if exchange is not None:
        last = parse_date(end or on or sc.date.isoformat(), field="--on")
        sc, ex = exchange_scenario(exchange, sc, last, rec)
        show_exchange(ex, err=fmt is not Format.table)
    if start is not None and end is not None:
        res = evaluate_range(rec, sc, days[0], days[1], instruments=insts, party=who)
        warn(rec.coverage_warnings(res.start, res.end))
        _render_range(sc.scenario, res, fmt)
        return
    d = parse_date(on, field="--on") if on is not None else sc.date
    findings = evaluate(rec, sc, d, instruments=insts, party=who)
    warn(rec.coverage_warnings(d))
    _render(sc.scenario, d.isoformat(), findings, fmt, explain=explain, show_all=show_all)


@commands.command("rules")
def rules_cmd(
    show_coverage: Annotated[
        bool, typer.Option("--coverage", help="Only the counts and the unformalised clauses.")
    ] = False,
    instrument: Annotated[
        list[str] | None,
        typer.Option("--instrument", metavar="ID", help="Instrument id (repeatable)."),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.table,
) -> None:
    """List every clause of every instrument with its formalisation status."""
    from indivisible.rules import UNDECLARED, coverage

    rec = _record()
    insts = _instruments(rec, instrument)
    rows = coverage(rec, instruments=insts)
    done = sum(r["status"] == "formalised" for r in rows)
    undeclared = sum(r["detail"] == UNDECLARED for r in rows)
    summary = {
        "formalised": done,
        "not_formalised": len(rows) - done,
        "undeclared": undeclared,
        "clauses": len(rows),
    }
    if fmt is Format.json:
        emit_json({"coverage": summary, "clauses": rows})
        return
    if fmt is Format.csv:
        import pandas as pd

        typer.echo(pd.DataFrame(rows).to_csv(index=False), nl=False)
        return
    shown = [r for r in rows if not show_coverage or r["status"] != "formalised"]
    table(
        [(r["instrument"], r["ref"], r["status"], r["detail"]) for r in shown],
        ["instrument", "clause", "status", "detail"],
        title="Clauses and their formalisation",
    )
    typer.echo(
        f"{done} of {len(rows)} clauses formalised; {len(rows) - done - undeclared} not "
        f"formalised with a reason; {undeclared} undeclared."
    )


def register(app: typer.Typer) -> None:
    """Add the ``check`` and ``rules`` commands to ``app``."""
    app.registered_commands.extend(commands.registered_commands)


def _render(
    name: str,
    date: str,
    findings: "list[Finding]",
    fmt: Format,
    *,
    explain: bool,
    show_all: bool = False,
) -> None:
    if fmt is Format.json:
        emit_json(
            {
                "date": date,
                "scenario": name,
                "findings": [f.to_json(explain=explain) for f in findings],
            }
        )
        return
    if fmt is Format.csv:
        import pandas as pd

        rows = [f.to_json(explain=explain) for f in findings]
        for r in rows:
            if "explain" in r:
                r["explain"] = " | ".join(r["explain"])
        typer.echo(pd.DataFrame(rows).to_csv(index=False), nl=False)
        return
    _findings_text(name, date, findings, explain=explain, show_all=show_all)


_SEVERITY = ("breached", "disputed", "undetermined", "holds", "not_applicable")


def _findings_text(
    name: str, date: str, findings: "list[Finding]", *, explain: bool, show_all: bool
) -> None:
    """Summary first, then what is breached or disputed (everything with ``--all``).

    Findings about one clause, party and subject under several readings are one entry: the
    same result under every reading is said once; results that differ by reading make the
    entry ``disputed``, with who holds which reading.
    """
    from indivisible._glossary import label, plural, reading_label, state_names
    from indivisible.cli._render import para
    from indivisible.rulebook import overall_results

    names = state_names(_record())
    groups: dict[tuple[object, ...], list[Finding]] = {}
    for f in findings:
        groups.setdefault((f.instrument, f.clause, f.party, f.subject), []).append(f)
    results = overall_results(findings)
    entries = [(k, fs, results[k]) for k, fs in groups.items()]
    counts = {k: sum(1 for e in entries if e[2] == k) for k in _SEVERITY}
    n_readings = {f.reading for f in findings if f.reading}
    flagged = counts["breached"] + counts["disputed"]
    head = (
        f"{plural(counts['breached'], 'clause')} breached under every reading and "
        f"{counts['disputed']} disputed"
        if flagged
        else "no clause is breached or disputed"
    )
    para(
        f"{name}, on {date}: {head}, of {plural(len(entries), 'check')} of a clause for a "
        f"party and subject; {counts['undetermined']} not determined (data or a definition "
        f"missing), {counts['holds']} hold, {counts['not_applicable']} do not apply"
        + (
            f" ({plural(len(findings), 'finding')} under {plural(len(n_readings), 'reading')} "
            "of undefined terms, each result said once)."
            if n_readings
            else "."
        )
    )
    entries.sort(key=lambda e: _SEVERITY.index(e[2]))
    shown = [
        e
        for e in entries
        if show_all
        or e[2] in ("breached", "disputed")
        # undetermined between the ends of an interval, breached at one of them
        or (e[2] == "undetermined" and any(f.result == "breached" for f in e[1]))
    ]
    for (inst, clause, party, subject), fs, result in shown:
        who = names.get(str(party), str(party)) if party else ""
        by: dict[str, list[str]] = {}
        overall = [f for f in fs if not f.reading]  # the engine's verdict over the readings
        for f in fs:
            if f.reading or len(fs) == 1:
                by.setdefault(f.result, []).append(
                    reading_label(f.reading, names) if f.reading else ""
                )
            elif f.result != "disputed" and not (
                f.result == "undetermined" and any(g.reading for g in fs)
            ):
                by.setdefault(f.result, []).append("the text itself")
        if len(by) == 1:
            rs = [r for r in next(iter(by.values())) if r]
            under = " under every reading" if len(rs) > 1 else (f" under {rs[0]}" if rs else "")
        else:
            under = ": " + "; ".join(
                f"{label('result', k)} under {', '.join(v)}"
                for k, v in sorted(by.items(), key=lambda kv: _SEVERITY.index(kv[0]))
            )
        typer.echo("")
        para(
            f"{label('result', result).upper()}{under} — {inst} {clause}"
            + (f" — {who}" if who else "")
            + (f", {subject}" if subject else "")
        )
        first = overall[0] if overall else min(fs, key=lambda f: _SEVERITY.index(f.result))
        para(first.evidence, indent="    ")
        if explain:
            for line in first.explain:
                para(f"- {line}", indent="      ")
    hidden = len(entries) - len(shown)
    if hidden:
        typer.echo("")
        para(
            f"Not shown: {plural(hidden, 'check')} that hold, are not determined or do not "
            "apply (--all lists them; --format csv or json gives every finding and field)."
        )


def _render_range(name: str, res: object, fmt: Format) -> None:
    from indivisible.rules import RangeResult

    assert isinstance(res, RangeResult)
    payload = {
        "from": res.start.isoformat(),
        "to": res.end.isoformat(),
        "scenario": name,
        "dates": [d.isoformat() for d in res.dates],
        "changes": [c.to_json() for c in res.changes],
    }
    if fmt is Format.json:
        emit_json(payload)
        return
    if fmt is Format.csv:
        import pandas as pd

        typer.echo(pd.DataFrame(payload["changes"]).to_csv(index=False), nl=False)
        return
    table(
        [
            (c.date, c.instrument, c.clause, c.party, c.subject, c.reading, c.before, c.after)
            for c in res.changes
        ],
        ["date", "instrument", "clause", "party", "subject", "reading", "before", "after"],
        title=f"{name}: changes from {res.start} to {res.end}",
    )
