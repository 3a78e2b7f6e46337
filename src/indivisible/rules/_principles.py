"""The two principles of indivisible security, shared by the Istanbul and Astana texts."""

from __future__ import annotations

from collections.abc import Iterator

from indivisible.rules.types import Call, Context, Finding

ASSESS_MISSING = (
    "Whether this strengthens one State's security at the expense of another's is the "
    "indivisibility test of the assess room, which is not built yet; no answer is given."
)


def accession_parties(ctx: Context) -> list[str]:
    """States with a scenario accession in effect on the date."""
    return sorted({a.state for a in ctx.scenario.accessions if a.on <= ctx.on})


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


def at_expense(call: Call) -> Iterator[Finding]:
    """The 'not at the expense of others' finding for each accession: undetermined."""
    for a in call.scenario.accessions:
        if a.state != call.party or a.on > call.on:
            continue
        yield call.finding(
            "undetermined",
            ASSESS_MISSING,
            subject=f"accession:{a.state}:{a.org}",
            sources=[a.source or ""],
            explain=[
                f"scenario: accession of {a.state} to {a.org} on {a.on.isoformat()}",
                "assess: indivisibility test not available",
            ],
        )
