"""UN Charter (1945): Art. 2(4) and its two exceptions, Art. 51 and Chapter VII.

Art. 2(4): Members refrain from the threat or use of force against the territorial
integrity or political independence of any state. Exceptions (declared as such, so the
engine applies them with explicit precedence): Art. 51, the inherent right of individual or
collective self-defence if an armed attack occurs; Chapter VII (Arts. 39 and 42), measures
by air, sea or land forces the Security Council decides on.

A use of force in the scenario is prima facie within Art. 2(4). The basis invoked for it is
a statement of whoever invokes it, so each basis is a reading (``{RUS: self_defence, UKR:
none}``): the findings are given under each, and the summary is ``disputed`` when they
differ. Force used with the territorial state's consent is not force against it.
"""

from __future__ import annotations

from collections.abc import Iterator

from indivisible.rules._common import record_parties, with_subjects
from indivisible.rules.types import Call, Context, Finding, not_formalised, rule
from indivisible.world import UseOfForce

INSTRUMENT = "un-charter-1945"


def active(ctx: Context) -> list[UseOfForce]:
    """Uses of force under way on the date (``end`` included; open when ``None``)."""
    return [
        u
        for u in ctx.scenario.uses_of_force
        if u.date <= ctx.on and (u.end is None or ctx.on <= u.end)
    ]


def _actors(ctx: Context) -> list[str]:
    return sorted({a for u in active(ctx) for a in u.actor})


def _actor_parties(ctx: Context) -> list[str]:
    return sorted(set(record_parties(INSTRUMENT)(ctx)) & set(_actors(ctx)))


def _line(u: UseOfForce) -> str:
    return (
        f"scenario: use of force {u.id} by {'+'.join(u.actor)} on {u.territory} from "
        f"{u.date.isoformat()}; basis per reading: "
        + ", ".join(f"{k}={v}" for k, v in u.basis.items())
    )


@rule(
    instrument=INSTRUMENT,
    clause="art-2-4",
    ref="Art. 2(4)",
    text="""All Members refrain in their international relations from the threat or use of
    force against the territorial integrity or political independence of any state, or in
    any other manner inconsistent with the Purposes of the United Nations.""",
    parties=with_subjects(_actor_parties, _actors),
    since="entered_into_force",
    label="art-2-4",
)
def art_2_4(call: Call) -> Iterator[Finding]:
    """A use of force by the party is prima facie a breach, unless by consent."""
    for u in active(call.ctx):
        if call.party not in u.actor:
            continue
        for reading, basis in u.basis.items():
            if basis == "consent":
                yield call.finding(
                    "holds",
                    f"Under reading {reading}, force on {u.territory} is used with its consent, "
                    "not against it.",
                    subject=u.id,
                    reading=reading,
                    sources=[u.source or ""],
                    explain=[_line(u)],
                )
            else:
                yield call.finding(
                    "breached",
                    f"Under reading {reading}, {call.party} uses force on the territory of "
                    f"{u.territory} (basis invoked: {basis}).",
                    subject=u.id,
                    reading=reading,
                    sources=[u.source or ""],
                    explain=[_line(u)],
                )


def _exception(call: Call, basis_wanted: str, what: str) -> Iterator[Finding]:
    for u in active(call.ctx):
        if call.party not in u.actor:
            continue
        for reading, basis in u.basis.items():
            yield call.finding(
                "holds" if basis == basis_wanted else "not_applicable",
                f"Under reading {reading}, {what} "
                + ("is invoked." if basis == basis_wanted else f"is not invoked ({basis})."),
                subject=u.id,
                reading=reading,
                sources=[u.source or ""],
                explain=[_line(u)],
            )


@rule(
    instrument=INSTRUMENT,
    clause="art-51",
    ref="Art. 51",
    text="""Nothing in the Charter impairs the inherent right of individual or collective
    self-defence if an armed attack occurs against a Member, until the Security Council has
    taken the measures necessary.""",
    parties=with_subjects(_actor_parties, _actors),
    since="entered_into_force",
    label="art-51",
    exception_to="art-2-4",
)
def art_51(call: Call) -> Iterator[Finding]:
    """Self-defence after an armed attack, as invoked under each reading."""
    yield from _exception(call, "self_defence", "self-defence after an armed attack")


@rule(
    instrument=INSTRUMENT,
    clause="art-42",
    ref="Art. 42 (Ch. VII)",
    text="""The Security Council determines a threat to the peace, breach of the peace or act
    of aggression and may take action by air, sea or land forces to maintain or restore
    international peace and security.""",
    parties=with_subjects(_actor_parties, _actors),
    since="entered_into_force",
    label="ch-vii",
    exception_to="art-2-4",
)
def ch_vii(call: Call) -> Iterator[Finding]:
    """Security Council authorisation, as invoked under each reading."""
    yield from _exception(call, "unsc_authorization", "Security Council authorisation")


RULES = (art_2_4, art_51, ch_vii)
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "art-39",
        "Art. 39",
        "The Security Council's determination is the premise of the Art. 42 exception; the "
        "scenario records it as the basis unsc_authorization.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-41",
        "Art. 41",
        "Measures not involving armed force are not uses of force; nothing to check.",
    ),
)
