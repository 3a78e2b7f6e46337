"""North Atlantic Treaty (1949): commitments to consult and to assist, not prohibitions.

Art. 5 commits each party to assist a party attacked by the action it deems necessary;
it forbids nothing a scenario could show, and the choice of action is each party's own.
Art. 6 defines where Art. 5 applies. Membership (Art. 10) and denunciation (Art. 13) are
the record's memberships and status events. Each clause is declared with its reason.
"""

from __future__ import annotations

from indivisible.rules.types import Rule, not_formalised

INSTRUMENT = "north-atlantic-treaty-1949"

RULES: tuple[Rule, ...] = ()
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "art-4",
        "Art. 4",
        "Consultation is a procedure; the scenario records no consultations.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-5",
        "Art. 5",
        "Not a prohibition: each party assists by the action it deems necessary, so no "
        "scenario fact breaches it; the assess room reads it as an engagement.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-6",
        "Art. 6",
        "A definition of the area where Art. 5 applies, not an obligation.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-10",
        "Art. 10",
        "Accession by unanimous invitation: memberships are in the record, and a scenario's "
        "accessions are checked by the free-choice rules.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-13",
        "Art. 13",
        "Denunciation is a status event in the record, not a rule.",
    ),
)
