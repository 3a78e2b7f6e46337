"""Incidents at Sea Agreement (1972): no clause a scenario can test.

The scenario format records no ships" or aircraft"s manoeuvres, distances, signals or
incidents at sea; the agreement has no numeric minimum distance either. Only the clauses the
record holds are declared here (Arts. III, IV and IX are not in the record: see its note).
"""

from __future__ import annotations

from indivisible.rules.types import Rule, not_formalised

INSTRUMENT = "incsea-1972"

RULES: tuple[Rule, ...] = ()
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "art-vi-notice",
        "Art. VI",
        "Notices to mariners and airmen are not scenario facts.",
    ),
)
