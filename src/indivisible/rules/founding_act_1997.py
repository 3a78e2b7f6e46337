"""NATO-Russia Founding Act (1997): substantial combat forces and the nuclear commitments.

Section IV: NATO states that, in the current and foreseeable security environment, it will
carry out collective defence through interoperability, integration and reinforcement rather
than by additional permanent stationing of "substantial combat forces" (a term the Act
never defines), and that its members have no intention, no plan and no reason to deploy
nuclear weapons on the territory of new members.

"New members" are the states that joined NATO after the Act was signed (the record's
``signed`` date of the instrument; a scenario's hypothetical accessions count). "Substantial
combat forces" is the record's parameter ``substantial_combat_forces`` (clause ``sec-iv``)
with one value per reading and who gave it; every finding is given under every reading.
Whether rotational presence counts as stationing is the parameter ``counts_rotational``
under the same readings (when absent, only ``permanent`` forces count, and the explain
line says so).

Per reading, on each new member: no counted allied combat force -> ``holds``. A reading that
gave numbers (``substantial_combat_forces_tanks`` / ``_armoured_vehicles`` / ``_aircraft``,
"more than") needs equipment counts the scenario's forces do not carry -> ``undetermined``,
naming what is missing. A reading with no number that counts rotational presence holds that
such presence is itself substantial (that is what those statements say of the contingents
they describe) -> ``breached``. A reading with no number that does not -> ``undetermined``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from indivisible.rules._common import or_holds
from indivisible.rules._readings import Outcome, under_readings
from indivisible.rules.types import Call, Context, Finding, MissingData, not_formalised, rule

if TYPE_CHECKING:
    from indivisible.record import ParameterValue
    from indivisible.world import Force

INSTRUMENT = "founding-act-1997"
ALLIANCE = "nato"
EQUIPMENT = ("tanks", "armoured_vehicles", "aircraft")
"""Suffixes of the numeric readings ``substantial_combat_forces_<kind>``."""


def _parties(ctx: Context) -> list[str]:
    return [ALLIANCE]


def new_members(call: Call) -> list[tuple[str, str]]:
    """(state, explain line) for every NATO member that joined after the Act was signed."""
    inst = call.ctx.record.instruments.get(INSTRUMENT)
    if inst is None or inst.signed is None:
        raise MissingData(f"the record has no signature date of {INSTRUMENT}")
    out = []
    for s in call.ctx.members(ALLIANCE):
        since = call.ctx.member_since(s, ALLIANCE)
        if since is not None and since[0] > inst.signed:
            out.append(
                (
                    s,
                    f"{s} member of {ALLIANCE} since {since[0].isoformat()} (source {since[1]}),"
                    f" after the Act was signed on {inst.signed.isoformat()}",
                )
            )
    return out


@rule(
    instrument=INSTRUMENT,
    clause="substantial-combat-forces",
    ref="Section IV",
    text="""NATO will provide for collective defence by interoperability, integration and
    reinforcement rather than by additional permanent stationing of substantial combat
    forces (on the territory of new members).""",
    parties=_parties,
    since="signed",
)
def substantial_combat_forces(call: Call) -> Iterator[Finding]:
    """Per new member host: allied combat forces stationed there, under each reading."""
    readings = call.readings("substantial_combat_forces")
    for host, mline in new_members(call):
        forces = [
            f
            for f in call.scenario.forces_on(call.on)
            if f.host == host and f.role == "combat" and any(o != host for o in f.owner)
        ]
        outcomes = {
            name: _sfc_outcome(call, name, pv, host, forces) for name, pv in readings.items()
        }
        lines = [mline] + [
            f"scenario: force {f.id} of {'+'.join(f.owner)}: {f.personnel} {f.posture} "
            f"{f.role} since {f.since.isoformat()}"
            for f in forces
        ]
        yield from under_readings(
            call,
            outcomes,
            subject=host,
            sources=[pv.source for pv in readings.values()] + [f.source or "" for f in forces],
            explain=lines,
            always_split=True,
        )


def _sfc_outcome(
    call: Call, name: str, pv: ParameterValue, host: str, forces: list[Force]
) -> Outcome:
    """The substantial-combat-forces result on ``host`` under one reading."""
    by = f" ({pv.by})" if pv.by else ""
    rot = call.maybe("counts_rotational", name)
    postures = {"permanent"} | ({"rotational"} if rot is not None and rot.value is True else set())
    counted = [f for f in forces if f.posture in postures]
    total = sum(f.personnel for f in counted)
    cites = [call.cite("substantial_combat_forces", name)]
    cites.append(
        call.cite("counts_rotational", name)
        if rot is not None
        else f"no counts_rotational for reading {name}: only permanent forces count"
    )
    thresholds = {}
    for k in EQUIPMENT:
        v = call.maybe(f"substantial_combat_forces_{k}", name)
        if v is not None:
            thresholds[k] = call.num(f"substantial_combat_forces_{k}", name)
            cites.append(call.cite(f"substantial_combat_forces_{k}", name))
    kinds = "/".join(sorted(postures))
    if not counted:
        return Outcome(
            "holds",
            f"Under reading {name}{by}, no allied combat forces ({kinds}) are stationed on {host}.",
            tuple(cites),
        )
    if thresholds:
        limits = ", ".join(f"more than {v:g} {k.replace('_', ' ')}" for k, v in thresholds.items())
        return Outcome(
            "undetermined",
            f"Reading {name}{by} sets substantial at {limits}; the scenario's force entries on "
            f"{host} ({', '.join(f.id for f in counted)}: {total} {kinds} personnel) give no "
            "battle tank, armoured vehicle or combat aircraft counts to compare.",
            (*cites, "missing: equipment counts (tanks, armoured vehicles, aircraft) on forces"),
        )
    if rot is not None and rot.value is True:
        return Outcome(
            "breached",
            f"Reading {name}{by} holds that rotational presence of this kind is itself "
            f"substantial: {total} allied combat personnel ({kinds}) stationed on {host}.",
            tuple(cites),
        )
    return Outcome(
        "undetermined",
        f"Reading {name}{by} gives no size for the term; {total} allied combat personnel "
        f"({kinds}) are stationed on {host}.",
        tuple(cites),
    )


@rule(
    instrument=INSTRUMENT,
    clause="nuclear-three-nos",
    ref="Section IV",
    text="""NATO members have no intention, no plan and no reason to deploy nuclear weapons
    on the territory of new members.""",
    parties=_parties,
    since="signed",
)
def nuclear(call: Call) -> Iterator[Finding]:
    """No deployment with nuclear weapons on a new member's territory."""
    hosts = dict(new_members(call))
    nuclear = (
        call.finding(
            "breached",
            f"Deployment {d.id} of {'+'.join(d.owner)} on {d.host}, a new member, is reported "
            "with nuclear weapons.",
            subject=d.id,
            sources=[d.source or ""],
            explain=[hosts[d.host], f"scenario: {d.id} nuclear=true, system {d.system}"],
        )
        for d in call.scenario.deployments_on(call.on)
        if d.host in hosts and d.nuclear is True
    )
    yield from or_holds(
        call,
        nuclear,
        "No deployment reported with nuclear weapons on a new member's territory "
        f"({', '.join(hosts) or 'no new members'}).",
        explain=list(hosts.values()),
    )


RULES = (substantial_combat_forces, nuclear)
NOT_FORMALISED = (
    # The preamble proceeds from the principle that the security of all states in the
    # Euro-Atlantic community is indivisible: it stands for the Act's not-at-the-expense
    # commitment (the record has no clause of its own for it).
    not_formalised(
        INSTRUMENT,
        "not-adversaries",
        "Preamble",
        "A statement of attitude.",
        principle="not_at_expense",
    ),
    not_formalised(
        INSTRUMENT,
        "cfe-adaptation-parameters",
        "Section IV",
        "Parameters for a negotiation, not a duty of result.",
    ),
    not_formalised(
        INSTRUMENT,
        "permanent-joint-council",
        "Section II",
        "The Permanent Joint Council is an institution; its meetings are not scenario facts.",
    ),
    not_formalised(
        INSTRUMENT,
        "russian-reciprocal-restraint",
        "Section IV",
        "Similar restraint in conventional deployments: the Act gives no force level or area "
        "to measure it by.",
    ),
)
