"""START I (1991): the two central limits of Art. II.

Each party keeps its deployed ICBMs, SLBMs and heavy bombers, and the warheads attributed to
them, within the record's parameters ``delivery_vehicles_limit`` and ``warheads_limit``
(clause ``central-limits``), while the treaty binds it (entry into force 1994-12-05, expiry
2009-12-05 in the record).

Counting from the scenario, as for New START: ICBMs and SLBMs counted as ``missiles`` and
heavy bombers as ``aircraft`` are delivery vehicles; ``warheads`` deployments are warheads.
START I attributes warheads to heavy bombers by rules (by bomber type and armament) that
are not in the data: when the party has heavy bombers, its warhead count is a lower bound,
so the warhead limit is ``breached`` only if the missile warheads alone exceed it, and
otherwise ``undetermined``, saying so. No strategic forces of the party in the scenario
gives ``undetermined``: absence is not a count of zero.
"""

from __future__ import annotations

from collections.abc import Iterator

from indivisible.rules._common import record_parties
from indivisible.rules._strategic import strategic_counts
from indivisible.rules.types import Call, Finding, Result, Unformalised, rule

INSTRUMENT = "start-1991"
DELIVERY = "delivery_vehicles_limit"
WARHEADS = "warheads_limit"


@rule(
    instrument=INSTRUMENT,
    clause="central-limits",
    ref="Art. II",
    text="""Each party reduces and then keeps its deployed ICBMs, SLBMs and heavy bombers, and
    the warheads attributed to them, within the two central limits.""",
    parties=record_parties(INSTRUMENT),
    since="entered_into_force",
)
def central_limits(call: Call) -> Iterator[Finding]:
    """Delivery vehicles and warheads at or under the two limits."""
    sc = strategic_counts(call)
    for pid, held, what in (
        (DELIVERY, sc.delivery_vehicles, "deployed ICBMs, SLBMs and heavy bombers"),
        (WARHEADS, sc.missile_warheads, "warheads on deployed ICBMs and SLBMs"),
    ):
        limit = call.num(pid)
        pv = call.param(pid)
        lines = [call.cite(pid), *sc.lines]
        if not sc.ids:
            yield call.finding(
                "undetermined",
                f"The scenario gives no strategic forces of {call.party}; the limit is {limit:g}.",
                subject=pid,
                sources=[pv.source],
                explain=[*lines, "scenario: no ICBM, SLBM or heavy bomber deployment"],
            )
            continue
        res: Result
        if held > limit:
            res, tail = "breached", ""
        elif pid == WARHEADS and sc.bombers:
            res = "undetermined"
            tail = (
                f"; {sc.bombers} heavy bombers carry warheads attributed by rules not in the "
                "data, so the total is not known"
            )
        else:
            res, tail = "holds", ""
        yield call.finding(
            res,
            f"{call.party} counts {held} {what}{tail}; the limit is {limit:g}.",
            subject=pid,
            sources=[pv.source],
            explain=[*lines, f"{held} {'>' if held > limit else '<='} {limit:g}"],
        )


RULES = (central_limits,)
NOT_FORMALISED: tuple[Unformalised, ...] = ()
