"""Non-use of force, shared by the texts that restate it (Helsinki Principle II, CST Art. 1).

The UN Charter's Art. 2(4) has its own module with its exceptions declared as rules. The
later texts restate the prohibition; each use of force in the scenario is judged under each
reading of the basis invoked for it (``{RUS: self_defence, UKR: none}``): force with the
territorial state's consent is not force against it; force on a basis the UN Charter
recognises (Art. 51 self-defence, Security Council authorisation under Chapter VII) is not
inconsistent with the Charter the texts refer to; force on no such basis is a breach.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from indivisible.rules._readings import Outcome, under_readings
from indivisible.rules.types import Call, Context, Finding
from indivisible.world import UseOfForce

CHARTER_BASES = {
    "self_defence": "self-defence after an armed attack (UN Charter Art. 51)",
    "unsc_authorization": "Security Council authorisation (UN Charter Ch. VII)",
}
"""Bases the UN Charter recognises, as the restating texts refer to it."""


def active(ctx: Context) -> list[UseOfForce]:
    """Uses of force under way on the date (``end`` included; open when ``None``)."""
    return [
        u
        for u in ctx.scenario.uses_of_force
        if u.date <= ctx.on and (u.end is None or ctx.on <= u.end)
    ]


def actors(ctx: Context) -> list[str]:
    """Every actor of a use of force under way on the date."""
    return sorted({a for u in active(ctx) for a in u.actor})


def line(u: UseOfForce) -> str:
    """The explain line for a use of force."""
    return (
        f"scenario: use of force {u.id} by {'+'.join(u.actor)} on {u.territory} from "
        f"{u.date.isoformat()}; basis per reading: "
        + ", ".join(f"{k}={v}" for k, v in u.basis.items())
    )


def non_use_of_force(
    call: Call, *, covers: Callable[[UseOfForce], str | None] | None = None
) -> Iterator[Finding]:
    """Findings for each use of force by the party, under each reading of its basis.

    Args:
        call: the evaluation.
        covers: returns ``None`` when the clause covers the use of force, or the reason it
            does not (the finding is then ``not_applicable`` with that reason).
    """
    for u in active(call.ctx):
        if call.party not in u.actor:
            continue
        why_not = covers(u) if covers is not None else None
        if why_not is not None:
            yield call.finding(
                "not_applicable",
                why_not,
                subject=u.id,
                sources=[u.source or ""],
                explain=[line(u)],
            )
            continue
        outcomes = {}
        for reading, basis in u.basis.items():
            if basis == "consent":
                outcomes[reading] = Outcome(
                    "holds",
                    f"Under reading {reading}, force on {u.territory} is used with its consent, "
                    "not against it.",
                )
            elif basis in CHARTER_BASES:
                outcomes[reading] = Outcome(
                    "holds",
                    f"Under reading {reading}, force on {u.territory} rests on "
                    f"{CHARTER_BASES[basis]}, a basis consistent with the UN Charter.",
                )
            else:
                outcomes[reading] = Outcome(
                    "breached",
                    f"Under reading {reading}, {call.party} uses force on the territory of "
                    f"{u.territory} with no basis the UN Charter recognises ({basis}).",
                )
        yield from under_readings(
            call, outcomes, subject=u.id, sources=[u.source or ""], explain=[line(u)]
        )
