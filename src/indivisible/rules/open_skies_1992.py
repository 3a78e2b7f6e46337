"""Treaty on Open Skies (1992): observation flights; nothing to check against a force scenario.

The treaty governs observation flights (the right to fly, the duty to receive flights up to
a passive quota). A scenario describes forces, deployments, exercises and uses of force,
not flights, so no clause is checkable against it; each is declared with its reason.
"""

from __future__ import annotations

from indivisible.rules.types import Rule, not_formalised

INSTRUMENT = "open-skies-1992"
_NO_FLIGHTS = "the scenario format records no observation flights"

RULES: tuple[Rule, ...] = ()
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "art-i-regime",
        "Art. I",
        f"A regime of observation flights; {_NO_FLIGHTS}.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-iii-quotas",
        "Art. III and Annex A",
        f"Quotas of flights to accept and to conduct; {_NO_FLIGHTS}.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-xvii-eif",
        "Art. XVII",
        "Entry into force is a status event in the record, not a rule.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-xv-withdrawal",
        "Art. XV",
        "Duration and withdrawal are status events in the record, not a rule.",
    ),
)
