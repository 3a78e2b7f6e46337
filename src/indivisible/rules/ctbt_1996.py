"""Comprehensive Nuclear-Test-Ban Treaty (1996): never in force; nothing a scenario can test.

The treaty binds no state (it is not in force: see the record). The signatories' test
moratoriums are statements, paraphrased in the clause moratorium; a scenario records no
nuclear explosions against which either could be tested.
"""

from __future__ import annotations

from indivisible.rules.types import Rule, not_formalised

INSTRUMENT = "ctbt-1996"

RULES: tuple[Rule, ...] = ()
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "art-i-basic-obligations",
        "Art. I",
        "The treaty is not in force (the record holds signatures and ratifications only), "
        "and the scenario format records no nuclear explosions.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-xiv-eif",
        "Art. XIV and Annex 2",
        "Entry into force is a status event; the record holds none because the 44 Annex 2 "
        "ratifications are incomplete.",
    ),
    not_formalised(
        INSTRUMENT,
        "moratorium",
        "signatories' statements",
        "Unilateral statements, not treaty obligations, and the scenario format records "
        "no nuclear explosions to test them against.",
    ),
)
