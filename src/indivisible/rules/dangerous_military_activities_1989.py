"""Dangerous Military Activities Agreement (1989): no clause a scenario can test.

Lasers, Special Caution Areas, interference with command and control and unintended entries
are not scenario facts.
"""

from __future__ import annotations

from indivisible.rules.types import Rule, not_formalised

INSTRUMENT = "dangerous-military-activities-1989"

RULES: tuple[Rule, ...] = ()
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "art-ii-dangerous-activities",
        "Art. II",
        "The scenario format records no lasers, Special Caution Areas, interference with "
        "networks or unintended entries into territory.",
    ),
)
