"""NATO's written answer (26 January 2022): its checkable proposal, as what it would require.

Item 3 calls on Russia to withdraw its forces from Ukraine, Georgia and Moldova (the
record's parameter ``withdrawal_states``): a Russian force, deployment or exercise on those
states' territory is what the proposal would rule out.
"""

from __future__ import annotations

from collections.abc import Iterator

from indivisible.rules._common import fixed
from indivisible.rules._proposals import codes, presence_on
from indivisible.rules.types import Call, Finding, not_formalised, rule

INSTRUMENT = "nato-response-2022"


@rule(
    instrument=INSTRUMENT,
    clause="p3-european-security",
    ref="area 3",
    text="""Russia would withdraw its forces from Ukraine, Georgia and Moldova, where they are
    stationed without those states' consent.""",
    parties=fixed("RUS"),
    since="proposed",
)
def item_3(call: Call) -> Iterator[Finding]:
    """No Russian force, deployment or exercise on the listed states."""
    hosts, _line = codes(call, "withdrawal_states")
    yield from presence_on(call, hosts, what="Russian forces the answer asks to withdraw")


RULES = (item_3,)
NOT_FORMALISED = (
    not_formalised(INSTRUMENT, "p1-nato-russia-relations", "area 1", "Offices and channels."),
    not_formalised(INSTRUMENT, "p2-nrc-meetings", "area 2", "Meetings: a procedure."),
    not_formalised(INSTRUMENT, "p4-risk-reduction", "area 4", "An offer to negotiate."),
    not_formalised(INSTRUMENT, "p5-arms-control", "area 5", "An offer to negotiate."),
    not_formalised(
        INSTRUMENT, "p6-open-door", "area 6", "A position; see the Istanbul free-choice rule."
    ),
)
