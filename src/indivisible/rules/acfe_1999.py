"""Adapted CFE (1999): national and territorial ceilings; never in force.

The Agreement on Adaptation replaces group ceilings with national ceilings (per state, all
five categories) and territorial ceilings (per territory, ground categories). Only four
signatories ratified it and it never entered into force, so the engine gives
``not_applicable`` with the record's reason (signed / ratified, not in force) for every
party. The ceilings are the record's parameters ``national_ceiling_<category>`` with one
reading per state (the Protocol on National Ceilings); where a state has no value the
finding is ``undetermined``.
"""

from __future__ import annotations

from collections.abc import Iterator

from indivisible.rules._common import record_parties
from indivisible.rules.types import Call, Finding, not_formalised, rule

INSTRUMENT = "acfe-1999"
CATEGORIES = ("battle_tank", "acv", "artillery", "combat_aircraft", "attack_helicopter")
DATA_NAME = {"battle_tank": "tanks", "attack_helicopter": "attack_helicopters"}


@rule(
    instrument=INSTRUMENT,
    clause="national-ceilings",
    ref="Art. 21 / Protocol on National Ceilings",
    text="""Each State Party limits its holdings in each of the five categories in the area
    of application to its national ceiling.""",
    parties=record_parties(INSTRUMENT),
    since="entered_into_force",
)
def national_ceilings(call: Call) -> Iterator[Finding]:
    """A state's holdings stay at or under its national ceiling in each category."""
    for cat in CATEGORIES:
        pid = f"national_ceiling_{DATA_NAME.get(cat, cat)}"
        pv = call.maybe(pid, call.party)
        if pv is None:
            yield call.finding(
                "undetermined",
                f"The record has no national ceiling of {call.party} for {cat}.",
                subject=f"{cat}@atu",
                explain=[f"record: no value of {INSTRUMENT}/{pid} under reading {call.party}"],
            )
            continue
        limit = call.num(pid, call.party)
        held = sum(
            h.count
            for h in call.scenario.holdings
            if h.state == call.party and h.category == cat and h.area == "atu"
        )
        ok = held <= limit
        yield call.finding(
            "holds" if ok else "breached",
            f"{call.party} holds {held} {cat}; its national ceiling is {limit:g}.",
            subject=f"{cat}@atu",
            sources=[pv.source],
            explain=[call.cite(pid, call.party), f"{held} {'<=' if ok else '>'} {limit:g}"],
        )


RULES = (national_ceilings,)
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "territorial-ceilings",
        "Art. 5 / Protocol on Territorial Ceilings",
        "Territorial ceilings are not in the fact base (only some national ceilings are).",
    ),
    not_formalised(
        INSTRUMENT,
        "russia-national-ceiling",
        "Protocol on National Ceilings (Russian Federation row)",
        "Russia's row is the reading RUS of the national-ceilings parameters, checked by the "
        "national-ceilings rule.",
    ),
    not_formalised(
        INSTRUMENT,
        "entry-into-force-condition",
        "Art. 31",
        "The condition (ratification by all signatories) is read from the record's status "
        "events; it was never met, which is why every finding is not_applicable.",
    ),
)
