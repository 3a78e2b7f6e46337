"""The two principles of indivisible security, shared by the Paris, Istanbul and Astana texts.

Free choice: each accession in effect is an exercise of the right to choose security
arrangements, alliances included (``holds``).

Not at the expense of others: each entry of the party active on the date (deployment,
stationed force, exercise, accession) is tested as an action against the scenario without
it (``_expense.test_entry``). The clause is ``breached`` by the entry when, under the
reading, the verdict for (party, other) is ``at_expense`` — the party safer on some
compared indicator and on none less safe, the other less safe and on none safer — for some
other state bound by the same commitment on the date; it ``holds`` when there is none. Where
range readings are disputed and the readings disagree, the finding is ``disputed`` and one
finding per reading follows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Literal

from indivisible.rules._expense import (
    WHAT,
    Entry,
    Test,
    bound,
    delta_line,
    entries_of,
    head_lines,
    names,
    owners,
    test_entry,
    tolerance_text,
)
from indivisible.rules.types import Call, Context, Finding, Result, Rule, rule

Mode = Literal["at_expense", "affects"]
Others = Callable[[Call, str], bool]


def accession_parties(ctx: Context) -> list[str]:
    """States with a scenario accession in effect on the date."""
    return sorted({a.state for a in ctx.scenario.accessions if a.on <= ctx.on})


def entry_parties(ctx: Context) -> list[str]:
    """Owners of an entry active on the date (deployment, force, exercise, accession)."""
    return owners(ctx)


def free_choice(call: Call) -> Iterator[Finding]:
    """Each accession of the party is an exercise of the right to choose alliances."""
    for a in call.scenario.accessions:
        if a.state != call.party or a.on > call.on:
            continue
        yield call.finding(
            "holds",
            f"{a.state} joining {a.org} on {a.on.isoformat()} is an exercise of the right to "
            "choose its security arrangements, treaties of alliance included.",
            subject=f"accession:{a.state}:{a.org}",
            sources=[a.source or ""],
            explain=[f"scenario: accession of {a.state} to {a.org} on {a.on.isoformat()}"],
        )


def free_choice_rule(
    *, instrument: str, clause: str, ref: str, text: str, label: str | None = None
) -> Rule:
    """The rule of a clause stating the free choice of security arrangements.

    Its parties are the states with an accession in effect, from the instrument's
    signature; each accession ``holds`` (:func:`free_choice`). Tagged ``free_choice``.
    """
    return rule(
        instrument=instrument,
        clause=clause,
        ref=ref,
        label=label,
        text=text,
        parties=accession_parties,
        since="signed",
        principle="free_choice",
    )(free_choice)


def not_at_expense_rule(
    *, instrument: str, clause: str, ref: str, text: str, label: str | None = None
) -> Rule:
    """The rule of a clause barring a state from gaining security at another's expense.

    The others are the states bound by the instrument. Its parties own an entry active on
    the date, from the instrument's signature; each entry is tested against the scenario
    without it (:func:`at_expense`). Tagged ``not_at_expense``.
    """
    return rule(
        instrument=instrument,
        clause=clause,
        ref=ref,
        label=label,
        text=text,
        parties=entry_parties,
        since="signed",
        principle="not_at_expense",
    )(at_expense)


def bound_by(instrument: str) -> Others:
    """Others: the states bound by ``instrument`` on the date (from the record)."""

    def others(call: Call, state: str) -> bool:
        return bound(call.ctx, instrument, state)

    return others


def at_expense(
    call: Call, others: Others | None = None, mode: Mode = "at_expense"
) -> Iterator[Finding]:
    """One finding per entry of the party: is it at the expense of another bound state?

    Args:
        call: the evaluation (its rule's instrument decides who the others are by default).
        others: which other states count (default: those bound by the rule's instrument).
        mode: ``at_expense`` (the verdict must be ``at_expense``) or ``affects`` (the other
            state less safe on some compared indicator, whatever the party's own outcome).
    """
    test_others = others or bound_by(call.rule.instrument)
    for e in entries_of(call.ctx, call.party):
        t = test_entry(call.ctx, e)
        yield from _findings(call, e, t, test_others, mode)


def _findings(call: Call, e: Entry, t: Test, others: Others, mode: Mode) -> Iterator[Finding]:
    head = head_lines(t, call)
    per: dict[str | None, tuple[Result, str, list[str], list[str]]] = {}
    for r in t.readings:
        per[r] = _one(call, e, t, r, others, mode)
    n = len(t.readings)
    results = {v[0] for v in per.values()}
    src = [e.source or ""]
    suffix = f" Compared: {WHAT[e.kind]}; {tolerance_text(t.tolerance)}."
    if len(results) == 1:
        (res,) = results
        first = next(iter(per.values()))
        rd = (
            ""
            if n == 1
            else f" The same in every reading ({', '.join(str(r) for r in t.readings)})."
        )
        ev = first[1] + (f" p = 1.00 over {n} readings." if n > 1 and res == "breached" else "")
        lines = [ln for v in per.values() for ln in v[2]]
        yield call.finding(
            res,
            ev + rd + suffix,
            subject=e.id,
            sources=src,
            explain=[*head, *dict.fromkeys(lines)],
        )
        return
    breached = [r for r, v in per.items() if v[0] == "breached"]
    summary = "; ".join(f"{r}: {v[0]}" for r, v in per.items())
    result, ev = _split({r: v[0] for r, v in per.items()}, t.ranges)
    yield call.finding(
        result,
        f"The finding for {e.kind} {e.id} depends on the range reading ({summary}); "
        f"breached in {len(breached)} of {n} readings (p = {len(breached) / n:.2f}). "
        + ev
        + suffix,
        subject=e.id,
        sources=src,
        explain=head,
    )
    for r, (res, ev, lines, _) in per.items():
        yield call.finding(
            res,
            f"Under reading {r}: {ev}{suffix}",
            subject=e.id,
            reading=r,
            sources=src,
            explain=[*head, *lines],
        )


def _km(ranges: dict[str | None, float], r: str | None) -> str:
    return f", {ranges[r]:g} km" if r in ranges else ""


def _split(
    results: dict[str | None, Result], ranges: dict[str | None, float]
) -> tuple[Result, str]:
    """The result of a finding whose readings differ, and which end or reading decides.

    Ranges are bounds: a reading given as an interval is evaluated at both ends
    (``"<name> (inner)"``, ``"<name> (outer)"``). When every stated figure gives one result
    and only an end of an interval gives another, the answer depends on where in the
    interval the true range lies: ``undetermined``. When stated figures differ, the parties'
    (or sources') readings differ: ``disputed``. Never ``breached``.
    """
    from indivisible.world.types import reading_end

    stated = {r: v for r, v in results.items() if reading_end(r)[1] is None}
    deciding = []
    for r, v in results.items():
        who, end = reading_end(r)
        if end is not None and who in results and results[who] != v:
            deciding.append(
                f"{r} ({v} at the {end} end of {who}'s interval{_km(ranges, r)}; "
                f"{results[who]} at {who}'s figure{_km(ranges, who)})"
            )
    ends = "; ".join(deciding)
    if len(set(stated.values())) <= 1:
        return (
            "undetermined",
            "Every stated figure gives the same result, but an end of an interval reading "
            "gives another: the answer depends on where in the interval the true range lies. "
            f"The end that decides: {ends}.",
        )
    by = "; ".join(f"{r}{_km(ranges, r)}: {v}" for r, v in stated.items())
    return (
        "disputed",
        f"The stated figures differ ({by})"
        + (f"; and within an interval, the end decides: {ends}." if ends else "."),
    )


def _one(
    call: Call, e: Entry, t: Test, r: str | None, others: Others, mode: Mode
) -> tuple[Result, str, list[str], list[str]]:
    """Result, evidence, explain lines and the states it is at the expense of, under ``r``."""
    from indivisible.compare import verdict_of

    p = call.party
    what = f"{e.kind} {e.id}"
    if r in t.undetermined:
        return "undetermined", f"The comparison is not made: {t.undetermined[r]}.", [], []
    ao = t.outcome(p, r)
    moved = sorted(s for s in t.outcomes.get(r, {}) if s != p)
    bound_moved = [s for s in moved if others(call, s)]
    if mode == "at_expense":
        hit = [o for o in bound_moved if verdict_of(ao, t.outcome(o, r)) == "at_expense"]  # type: ignore[arg-type]
    else:
        hit = [o for o in bound_moved if t.outcome(o, r) in ("loss", "mixed")]
    losers = [o for o in bound_moved if t.outcome(o, r) in ("loss", "mixed")]
    mine_up = t.moved(p, r, True)
    mine_down = t.moved(p, r, False)
    lines = [f"outcome: {p} {ao}" + (f" under reading {r}" if r else "")]
    lines += [delta_line(d) for d in (*mine_up, *mine_down)]
    for o in losers:
        lines.append(f"outcome: {o} {t.outcome(o, r)}; verdict ({p}, {o}) "
                     f"{verdict_of(ao, t.outcome(o, r))}")  # type: ignore[arg-type]  # fmt: skip
        lines += [delta_line(d) for d in t.moved(o, r, False)]
    own = (
        f"{p} is safer on {names(mine_up)}"
        if ao == "gain"
        else f"{p}'s own outcome is {ao}"
        + (
            f" (safer on {names(mine_up)}, less safe on {names(mine_down)})"
            if ao == "mixed"
            else ""
        )
    )
    if hit:
        worse = "; ".join(f"{o} less safe on {names(t.moved(o, r, False))}" for o in hit[:3])
        more = f"; {len(hit) - 3} more states ({', '.join(hit[3:])})" if len(hit) > 3 else ""
        rule = "verdict at_expense" if mode == "at_expense" else "it affects their security"
        ev = f"With {what}, {own}; {worse}{more}: {rule} for {len(hit)} bound state(s)."
        return "breached", ev, lines, hit
    if losers:
        ev = (
            f"With {what}, {own}; {', '.join(losers)} less safe, but no verdict is at_expense "
            f"(the verdict needs {p} safer and the other less safe)."
        )
    else:
        ev = f"With {what}, {own}; no other state bound by the commitment is less safe."
    return "holds", ev, lines, []
