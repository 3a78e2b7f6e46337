"""Collective Security Treaty (1992): no force between the parties.

Art. 1: the parties refrain from the use or threat of force in their mutual relations. A
use of force by a party on the territory of another state bound by the treaty on the date is
judged under each reading of its basis (see ``_force``); force on the territory of a state
not bound is outside Art. 1 (``not_applicable``, with the record's reason). Art. 1's second
commitment, joining no alliance "directed against" another party, turns on an undefined
term the record has no readings of; it is not evaluated (the module docstring says so, the
coverage entry is the clause's rule).
"""

from __future__ import annotations

from collections.abc import Iterator

from indivisible.record.types import BINDING_STATUSES
from indivisible.rules._common import not_bound_reason
from indivisible.rules._force import actors, non_use_of_force
from indivisible.rules.types import Call, Finding, not_formalised, rule
from indivisible.world import UseOfForce

INSTRUMENT = "cst-1992"


@rule(
    instrument=INSTRUMENT,
    clause="art-1",
    ref="Art. 1",
    text="""The parties refrain from the use or threat of force in their mutual relations and
    join no military alliance or grouping of states directed against another party.""",
    parties=actors,
    since="entered_into_force",
)
def art_1(call: Call) -> Iterator[Finding]:
    """Force by the party on another party's territory, under each reading of its basis."""

    def covers(u: UseOfForce) -> str | None:
        status = call.ctx.record.party_status(INSTRUMENT, u.territory, call.on)
        if status in BINDING_STATUSES:
            return None
        reason, _src, _line = not_bound_reason(call.ctx, INSTRUMENT, u.territory)
        return f"Art. 1 covers force between parties; {reason}."

    yield from non_use_of_force(call, covers=covers)


RULES = (art_1,)
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "art-4",
        "Art. 4",
        "Not a prohibition: a commitment to assist a party attacked; no scenario fact breaches it.",
    ),
)
