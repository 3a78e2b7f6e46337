"""Draft European Security Treaty (2008/2009): indivisible security as a legal obligation.

A proposal never negotiated, evaluated as what it would require. Its one recorded clause
would bar any state of the Euro-Atlantic area from strengthening its security at the cost of
another's: the indivisibility test, as for the Istanbul Charter's para 8 (second principle).
Each entry of a party active on the date is compared with the scenario without it
(``_principles.at_expense``); the others are the states the draft was addressed to, taken as
the OSCE participating States on the date (the draft was sent to the heads of state of the
Euro-Atlantic area and to NATO, the EU, the CSTO, the CIS and the OSCE).
"""

from __future__ import annotations

from collections.abc import Iterator

from indivisible.rules._principles import at_expense, entry_parties
from indivisible.rules.types import Call, Context, Finding, rule

INSTRUMENT = "european-security-treaty-2008"
AREA = "osce"
"""The organisation whose participating States stand for the Euro-Atlantic area."""


def _area(ctx: Context) -> list[str]:
    return list(ctx.record.members(AREA, ctx.on))


@rule(
    instrument=INSTRUMENT,
    clause="indivisible-security-obligation",
    ref="cover note",
    text="""No state or international organisation of the Euro-Atlantic area may strengthen
    its own security at the cost of the security of other states or organisations.""",
    parties=lambda ctx: sorted(set(_area(ctx)) & set(entry_parties(ctx))),
    since="proposed",
    principle="not_at_expense",
)
def obligation(call: Call) -> Iterator[Finding]:
    """Each entry of the party, tested against the scenario without it (others: the area)."""
    area = set(_area(call.ctx))
    yield from at_expense(call, others=lambda c, s: s in area)


RULES = (obligation,)
NOT_FORMALISED = ()
