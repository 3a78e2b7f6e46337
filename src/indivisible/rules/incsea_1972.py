"""Incidents at Sea Agreement (1972): no clause a scenario can test.

The scenario format records no ships" or aircraft"s manoeuvres, distances, signals or
incidents at sea; the agreement has no numeric minimum distance either.
"""

from __future__ import annotations

from indivisible.rules.types import Rule, not_formalised

INSTRUMENT = "incsea-1972"

RULES: tuple[Rule, ...] = ()
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "art-iii-ships",
        "Art. III",
        "The scenario format records no manoeuvres of ships at sea.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-iv-aircraft",
        "Art. IV",
        "The scenario format records no flights near the other side's ships or aircraft.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-vi-notice",
        "Art. VI",
        "Notices to mariners and airmen are not scenario facts.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-ix-review",
        "Art. IX",
        "Review meetings are not scenario facts.",
    ),
)
