"""Lisbon Protocol (1992): succession and undertakings modelled as status events.

The successors" assumption of the USSR"s START I obligations is recorded as START I party
events of Belarus, Kazakhstan and Ukraine; their NPT undertaking as their NPT accessions.
START I"s central limits are the rule start-1991/central-limits.
"""

from __future__ import annotations

from indivisible.rules.types import Rule, not_formalised

INSTRUMENT = "lisbon-protocol-1992"

RULES: tuple[Rule, ...] = ()
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "art-i-successors",
        "Art. I",
        "Succession is modelled as START I status events of the successors (see "
        "start-1991), not as a rule.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-ii-arrangements",
        "Art. II",
        "Arrangements among the successors are not scenario facts.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-iii-ussr-means",
        "Art. III",
        "A definition, not an obligation.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-v-npt",
        "Art. V",
        "The NPT accessions are status events of npt-1968.",
    ),
)
