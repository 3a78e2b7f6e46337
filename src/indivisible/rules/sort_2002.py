"""SORT, the Moscow Treaty (2002): operationally deployed strategic warheads.

Art. I: each party reduces its operationally deployed strategic nuclear warheads so that
by the date the record's parameter ``warheads_max`` takes effect (31 December 2012) their
number does not exceed it. The treaty ended when New START entered into force (2011-02-05
in the record), before that date: so the limit never applied while the treaty was in force,
and the findings say which of the two is the reason (limit not yet in effect; treaty no
longer binding). The count would be the warheads on the party's strategic deployments;
warheads at heavy-bomber bases are not in the scenario format.
"""

from __future__ import annotations

from collections.abc import Iterator

from indivisible.rules._common import record_parties
from indivisible.rules._strategic import strategic_counts
from indivisible.rules.types import Call, Finding, Result, not_formalised, rule

INSTRUMENT = "sort-2002"
LIMIT = "warheads_max"


@rule(
    instrument=INSTRUMENT,
    clause="warhead-limit",
    ref="Art. I",
    text="""Each party reduces and limits its strategic nuclear warheads so that by the end of
    2012 their aggregate number does not exceed the limit.""",
    parties=record_parties(INSTRUMENT),
    since="entered_into_force",
)
def warhead_limit(call: Call) -> Iterator[Finding]:
    """Operationally deployed strategic warheads at or under the limit, once in effect."""
    pv = call.maybe(LIMIT)
    if pv is None:
        yield call.finding(
            "not_applicable",
            f"The warhead limit is not yet in effect on {call.on.isoformat()}.",
            subject=LIMIT,
            explain=[f"record: parameter {INSTRUMENT}/{LIMIT} has no value on {call.on}"],
        )
        return
    limit = call.num(LIMIT)
    sc = strategic_counts(call)
    lines = [call.cite(LIMIT), *sc.lines]
    if not sc.ids:
        yield call.finding(
            "undetermined",
            f"The scenario gives no strategic forces of {call.party}; the limit is {limit:g}.",
            subject=LIMIT,
            sources=[pv.source],
            explain=lines,
        )
        return
    held = sc.missile_warheads
    res: Result
    if held > limit:
        res = "breached"
    elif sc.bombers:
        res = "undetermined"
    else:
        res = "holds"
    yield call.finding(
        res,
        f"{call.party} counts {held} warheads on deployed missiles"
        + (
            f" and has {sc.bombers} heavy bombers whose weapons are not counted"
            if sc.bombers
            else ""
        )
        + f"; the limit is {limit:g}.",
        subject=LIMIT,
        sources=[pv.source],
        explain=lines,
    )


RULES = (warhead_limit,)
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "withdrawal",
        "Art. IV(3)",
        "Withdrawal is a status event in the record, not a rule.",
    ),
)
