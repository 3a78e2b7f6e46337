"""Biological Weapons Convention (1972): no clause a scenario can test.

The scenario format records holdings of conventional categories, deployments and forces,
not biological agents, toxins or their means of delivery.
"""

from __future__ import annotations

from indivisible.rules.types import Rule, not_formalised

INSTRUMENT = "bwc-1972"

RULES: tuple[Rule, ...] = ()
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "art-i-prohibition",
        "Art. I",
        "The scenario format records no biological agents, toxins or weapons for them.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-ii-destruction",
        "Art. II",
        "Destruction is not a scenario fact.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-iii-no-transfer",
        "Art. III",
        "Transfers of agents or weapons are not scenario facts.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-xiv-eif",
        "Art. XIV",
        "Signature, ratification and entry into force are status events in the record.",
    ),
)
