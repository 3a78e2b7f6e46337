"""CFE Treaty (1990): group ceilings, per-state sufficiency limits, flank limits.

The treaty limits five categories of treaty-limited equipment (battle tanks, armoured
combat vehicles, artillery, combat aircraft, attack helicopters) in the area from the
Atlantic to the Urals, for each of the two groups of States Parties of Art. II (the states
of the Brussels/Washington Treaties, and those of the Budapest/Warsaw Treaty, whose group
the USSR's successors joined in 1992). Group membership is fixed by the treaty, not by
alliance membership: a state of the eastern group that joined NATO in 1999 stays in its
CFE group. It comes from the record's parameters ``group_a_members`` and
``group_b_members`` (clause ``groups-of-states-parties``), dated comma-separated lists of
ISO3 codes.

Ceilings are the record's parameters ``<category>_group_ceiling`` (Art. IV(1)),
``<category>_national_max`` (Art. VI) and ``flank_<category>`` (Art. V(1)(A)); they bind
from the end of the reduction period the data gives (before it, ``not_applicable``). Holdings
come from the scenario (area ``atu`` for the whole area of application, ``flank`` for the
flank zone). A member not bound on the date (RUS from its suspension on 2007-12-12) is
left out of its group's total, and the evidence says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from indivisible.record.types import BINDING_STATUSES
from indivisible.rules._common import record_parties
from indivisible.rules.types import Call, Context, Finding, MissingData, not_formalised, rule

INSTRUMENT = "cfe-1990"
GROUP_PARAMS = ("group_a_members", "group_b_members")
"""The record parameters listing each group's members."""
CATEGORIES = ("battle_tank", "acv", "artillery", "combat_aircraft", "attack_helicopter")
"""The five categories of treaty-limited equipment (scenario holding categories)."""
FLANK_CATEGORIES = ("battle_tank", "acv", "artillery")
"""The ground categories the flank limits cover."""
DATA_NAME = {"battle_tank": "tank", "acv": "acv", "artillery": "artillery"}
"""Scenario category -> the prefix the record's parameter ids use (others: unchanged)."""
FLANK_NAME = {"battle_tank": "tanks", "acv": "acv", "artillery": "artillery"}
_CODE = re.compile(r"\b[A-Z]{3}\b")


def group_name(param_id: str) -> str:
    """The party name of a group (``group_a_members`` -> ``cfe-group-a``)."""
    return "cfe-" + param_id.removesuffix("_members").replace("_", "-")


def _param_of(prefix: str, cat: str) -> str:
    if prefix == "flank":
        return f"flank_{FLANK_NAME[cat]}"
    return f"{DATA_NAME.get(cat, cat)}_{prefix}"


def group_param(party: str) -> str:
    """The record parameter listing the members of the group named ``party``."""
    for pid in GROUP_PARAMS:
        if group_name(pid) == party:
            return pid
    raise MissingData(f"no CFE group called {party!r}")


def members(call: Call) -> list[str]:
    """The ISO3 codes of the members of the call's group on the date."""
    pv = call.param(group_param(call.party))
    # each item is a code, possibly followed by a note in brackets: "RUS (USSR)"
    return sorted({m.group(0) for item in str(pv.value).split(",") if (m := _CODE.search(item))})


def _group_names(ctx: Context) -> list[str]:
    out = []
    for pid in GROUP_PARAMS:
        try:
            vals = ctx.record.parameter_values(INSTRUMENT, pid, ctx.on)
        except Exception as exc:
            raise MissingData(f"parameter {INSTRUMENT}/{pid} is not in the record") from exc
        if None in vals:
            out.append(group_name(pid))
    return out


def _held(call: Call, states: list[str], category: str, area: str) -> tuple[int, list[str]]:
    total, lines = 0, []
    for h in call.scenario.holdings:
        if h.state in states and h.category == category and h.area == area:
            total += h.count
            lines.append(
                f"scenario: {h.state} holds {h.count} {category} in {area} "
                f"(source {h.source or 'scenario'})"
            )
    return total, lines


def _bound_members(call: Call, members: list[str]) -> tuple[list[str], list[str]]:
    bound: list[str] = []
    out: list[str] = []
    for m in members:
        st = call.ctx.record.party_status(INSTRUMENT, m, call.on)
        (bound if st in BINDING_STATUSES else out).append(m)
    return bound, out


def _group_check(call: Call, prefix: str, cats: tuple[str, ...], area: str) -> Iterator[Finding]:
    gp = group_param(call.party)
    bound, out = _bound_members(call, members(call))
    for cat in cats:
        pid = _param_of(prefix, cat)
        if call.maybe(pid) is None:
            yield _not_yet(call, pid, cat, area)
            continue
        limit = call.num(pid)
        held, lines = _held(call, bound, cat, area)
        if not lines:
            yield _no_data(call, cat, area, limit)
            continue
        note = f" Not counted (not bound on the date): {', '.join(out)}." if out else ""
        ok = held <= limit
        yield call.finding(
            "holds" if ok else "breached",
            f"Group {call.party} holds {held} {cat} in {area}; the ceiling is {limit:g}.{note}",
            subject=f"{cat}@{area}",
            sources=[call.param(pid).source, call.param(gp).source],
            explain=[
                call.cite(gp),
                call.cite(pid),
                *lines,
                f"{held} {'<=' if ok else '>'} {limit:g}",
            ],
        )


def _no_data(call: Call, cat: str, area: str, limit: float) -> Finding:
    return call.finding(
        "undetermined",
        f"The scenario gives no {cat} holdings in {area} for {call.party}; the limit is "
        f"{limit:g}. Absence from a scenario is not a count of zero.",
        subject=f"{cat}@{area}",
        explain=[f"scenario: no holding of {cat} in {area} for {call.party}"],
    )


def _not_yet(call: Call, pid: str, cat: str, area: str) -> Finding:
    return call.finding(
        "not_applicable",
        f"The limit {pid} is not yet in effect on {call.on.isoformat()} (reduction period).",
        subject=f"{cat}@{area}",
        explain=[f"record: parameter {INSTRUMENT}/{pid} has no value on {call.on.isoformat()}"],
    )


@rule(
    instrument=INSTRUMENT,
    clause="art-iv-1-group-ceilings",
    ref="Art. IV(1)",
    text="""Within the area of application each group of States Parties limits its
    aggregate holdings in each of the five categories so that they do not exceed the
    group ceiling.""",
    parties=_group_names,
    since="entered_into_force",
    binding="rule",
)
def group_ceilings(call: Call) -> Iterator[Finding]:
    """Each group's total holdings in each category stay at or under its ceiling."""
    yield from _group_check(call, "group_ceiling", CATEGORIES, "atu")


@rule(
    instrument=INSTRUMENT,
    clause="art-v-flank",
    ref="Art. V(1)(A)",
    text="""Within the flank zone each group of States Parties limits its battle tanks,
    armoured combat vehicles and artillery in active units to the flank limits.""",
    parties=_group_names,
    since="entered_into_force",
    binding="rule",
)
def flank_limits(call: Call) -> Iterator[Finding]:
    """Each group's holdings in the flank zone stay at or under the flank limits."""
    yield from _group_check(call, "flank", FLANK_CATEGORIES, "flank")


@rule(
    instrument=INSTRUMENT,
    clause="art-vi-sufficiency",
    ref="Art. VI",
    text="""No single State Party holds more than about one third of the treaty-limited
    equipment of each category in the area of application (the sufficiency rule).""",
    parties=record_parties(INSTRUMENT),
    since="entered_into_force",
)
def sufficiency(call: Call) -> Iterator[Finding]:
    """A bound state's own holdings in each category stay at or under its sufficiency limit."""
    for cat in CATEGORIES:
        pid = _param_of("national_max", cat)
        if call.maybe(pid) is None:
            yield _not_yet(call, pid, cat, "atu")
            continue
        limit = call.num(pid)
        held, lines = _held(call, [call.party], cat, "atu")
        if not lines:
            yield _no_data(call, cat, "atu", limit)
            continue
        ok = held <= limit
        yield call.finding(
            "holds" if ok else "breached",
            f"{call.party} holds {held} {cat} in the area of application; the limit for one "
            f"state is {limit:g}.",
            subject=f"{cat}@atu",
            sources=[call.param(pid).source],
            explain=[call.cite(pid), *lines, f"{held} {'<=' if ok else '>'} {limit:g}"],
        )


RULES = (group_ceilings, flank_limits, sufficiency)
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "groups-of-states-parties",
        "Art. II(1)(A)",
        "A definition, not an obligation: the rules above read the groups from it.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-v-temporary-deployment",
        "Art. V(1)(B)-(C)",
        "Temporary deployments into the flank need holdings by deploying and recipient state "
        "over time; the scenario gives holdings by area only.",
    ),
    not_formalised(
        INSTRUMENT,
        "flank-document-1996",
        "Flank Document (1996)",
        "Russia's flank allocations apply to the original and the revised flank zones; the "
        "scenario format has one flank area, not the two zones.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-xix-withdrawal",
        "Art. XIX(2)",
        "Duration and withdrawal are status events in the record, not a rule.",
    ),
)
