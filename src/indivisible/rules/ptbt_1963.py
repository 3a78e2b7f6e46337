"""Partial Test Ban Treaty (1963): no clause a scenario can test.

The scenario format records forces, deployments, exercises and uses of force, not nuclear
explosions; the ban and the withdrawal clause are declared with their reasons.
"""

from __future__ import annotations

from indivisible.rules.types import Rule, not_formalised

INSTRUMENT = "ptbt-1963"

RULES: tuple[Rule, ...] = ()
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "art-i-ban",
        "Art. I",
        "The scenario format records no nuclear explosions.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-iv-withdrawal",
        "Art. IV",
        "Duration and withdrawal are status events in the record, not a rule.",
    ),
)
