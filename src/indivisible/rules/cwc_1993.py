"""Chemical Weapons Convention (1993): no clause a scenario can test.

The scenario format records no chemical weapons, stockpiles, production facilities or their
use; entry into force is modelled as status events (30 days after a later deposit).
"""

from __future__ import annotations

from indivisible.rules.types import Rule, not_formalised

INSTRUMENT = "cwc-1993"

RULES: tuple[Rule, ...] = ()
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "art-i-obligations",
        "Art. I",
        "The scenario format records no chemical weapons, their use or their destruction.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-xxi-eif",
        "Art. XXI",
        "Entry into force is a status event in the record (parameter days_after_deposit "
        "documents the rule).",
    ),
)
