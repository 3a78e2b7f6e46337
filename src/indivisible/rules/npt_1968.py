"""NPT (1968): Arts. I-II on nuclear weapons stationed abroad, and what a scenario cannot show.

Art. I: a nuclear-weapon state party transfers nuclear weapons, or control over them, to no
recipient whatsoever. Art. II: a non-nuclear-weapon state party receives no such transfer and
makes or acquires no nuclear weapons. The nuclear-weapon states are the record's parameter
``nuclear_weapon_states`` (Art. IX(3)).

A scenario deployment counts only when it says ``nuclear: true`` (warheads reported with it;
a nuclear-capable system alone is not a nuclear weapon). For each such deployment active on
the date:

* an owner that is not a nuclear-weapon state holds nuclear weapons: Art. II is breached
  under every reading, and so is Art. I for a nuclear-weapon co-owner (a shared weapon is a
  transfer whatever one calls stationing);
* a nuclear-weapon state's weapons on another state's territory (NATO nuclear sharing; the
  Russian weapons in Belarus since 2023) are judged under each reading of the record's
  parameter ``foreign_stationing``: whether stationing on a non-nuclear-weapon state's
  territory is a transfer is disputed, so the finding is one per reading and ``disputed``
  when they differ. Every reading is applied to every owner alike;
* weapons on the owner's own territory, or hosted by another nuclear-weapon state, engage
  neither article.
"""

from __future__ import annotations

from collections.abc import Iterator

from indivisible.rules._readings import Outcome, under_readings
from indivisible.rules.types import Call, Context, Finding, Result, not_formalised, rule
from indivisible.world import Deployment

INSTRUMENT = "npt-1968"
NWS = "nuclear_weapon_states"
STATIONING = "foreign_stationing"


def nuclear_deployments(ctx: Context) -> list[Deployment]:
    """Deployments active on the date that report nuclear weapons (``nuclear: true``)."""
    return [d for d in ctx.scenario.deployments_on(ctx.on) if d.nuclear is True]


def _nws(ctx: Context) -> set[str]:
    """The nuclear-weapon states on the date (empty before the parameter's first value)."""
    vals = ctx.record.parameter_values(INSTRUMENT, NWS, ctx.on)
    pv = vals.get(None)
    return {c.strip() for c in str(pv.value).split(",") if c.strip()} if pv else set()


def _subjects(ctx: Context) -> list[str]:
    """Owners and hosts of a nuclear deployment abroad, co-owned, or owned by a non-NWS."""
    deps = nuclear_deployments(ctx)
    if not deps:
        return []
    nws = _nws(ctx)
    out: set[str] = set()
    for d in deps:
        if set(d.owner) != {d.host} or set(d.owner) - nws:
            out |= set(d.owner) | {d.host}
    return sorted(out)


def _line(d: Deployment) -> str:
    return (
        f"scenario: deployment {d.id} of {'+'.join(d.owner)} on {d.host}, system {d.system}, "
        f"nuclear: true, since {d.since.isoformat()} (status {d.status})"
    )


def _stationing(call: Call, d: Deployment, who: str) -> dict[str, Outcome]:
    """The finding under each reading of whether foreign stationing is a transfer."""
    out: dict[str, Outcome] = {}
    for name, pv in call.readings(STATIONING).items():
        by = f" (stated by {pv.by})" if pv.by else ""
        res: Result
        if pv.value == "transfer":
            res = "breached"
            ev = (
                f"Under reading {name}{by}, stationing {'+'.join(d.owner)} nuclear weapons on "
                f"{d.host} is a transfer of control: {who}."
            )
        else:
            res = "holds"
            ev = (
                f"Under reading {name}{by}, {'+'.join(d.owner)} nuclear weapons stationed on "
                f"{d.host} stay in the owner's custody and control: no transfer ({who})."
            )
        out[name] = Outcome(res, ev, (call.cite(STATIONING, reading=name),))
    return out


@rule(
    instrument=INSTRUMENT,
    clause="art-i-ii",
    ref="Arts. I-II",
    text="""A nuclear-weapon state party transfers nuclear weapons or control over them to no
    recipient whatsoever, directly or indirectly; a non-nuclear-weapon state party receives
    no such transfer or control and makes or acquires no nuclear weapons.""",
    parties=_subjects,
    since="entered_into_force",
)
def art_i_ii(call: Call) -> Iterator[Finding]:
    """Each nuclear deployment the party owns abroad or hosts, under each reading."""
    nws_pv = call.param(NWS)
    nws = {c.strip() for c in str(nws_pv.value).split(",") if c.strip()}
    head = [call.cite(NWS)]
    me = call.party
    for d in nuclear_deployments(call.ctx):
        owners = set(d.owner)
        if me not in owners and me != d.host:
            continue
        srcs = [nws_pv.source, d.source or ""]
        lines = [*head, _line(d)]
        non_nws_owners = sorted(owners - nws)
        if me in owners and me not in nws:
            yield call.finding(
                "breached",
                f"{me} is not a nuclear-weapon state of the treaty and holds nuclear weapons "
                f"({d.id} on {d.host}): Art. II forbids making or acquiring them.",
                subject=d.id,
                sources=srcs,
                explain=lines,
            )
            continue
        if me in owners and non_nws_owners:
            yield call.finding(
                "breached",
                f"{me} shares ownership of nuclear weapons ({d.id}) with "
                f"{', '.join(non_nws_owners)}, not nuclear-weapon states: a transfer (Art. I).",
                subject=d.id,
                sources=srcs,
                explain=lines,
            )
            continue
        if d.host in nws or owners == {d.host}:
            continue  # on the owner's own territory, or hosted by a nuclear-weapon state
        if me in owners:
            who = f"Art. I for {me}"
        elif me in nws:
            continue
        else:
            who = f"Art. II for the host {me}"
        outcomes = _stationing(call, d, who)
        yield from under_readings(
            call,
            outcomes,
            subject=d.id,
            sources=[*srcs, *(pv.source for pv in call.readings(STATIONING).values())],
            explain=lines,
        )


RULES = (art_i_ii,)
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "art-iii-safeguards",
        "Art. III",
        "Safeguards agreements and inspections are not scenario facts.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-vi-disarmament",
        "Art. VI",
        "An obligation to negotiate in good faith: negotiations are not scenario facts.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-x-withdrawal",
        "Art. X",
        "Withdrawal is a status event in the record, not a rule.",
    ),
)
