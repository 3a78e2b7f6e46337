"""Charter of Paris (1990): free choice of security arrangements, and indivisible security.

The participating States recognise each State's freedom to choose its own security
arrangements and state that the security of each is linked to that of all others. The two
principles are evaluated side by side, as for the Istanbul Charter: an accession in the
scenario is an exercise of the first. The second is read, as in the Istanbul Charter, as
not strengthening one's security at the expense of others: each entry of the party active on
the date is compared with the scenario without it (``_principles.at_expense``) and breaches it
when the verdict is ``at_expense`` against another State bound by the Charter on the date.
"""

from __future__ import annotations

from indivisible.rules._principles import (
    free_choice_rule,
    not_at_expense_rule,
)
from indivisible.rules.types import not_formalised

INSTRUMENT = "charter-of-paris-1990"
CLAUSE = "freedom-to-choose-security-arrangements"


choice = free_choice_rule(
    instrument=INSTRUMENT,
    clause=CLAUSE,
    ref="Friendly relations among participating States (unnumbered): free choice",
    label="free-choice",
    text="""Each participating State is free to choose its own security arrangements.""",
)


indivisible = not_at_expense_rule(
    instrument=INSTRUMENT,
    clause=CLAUSE,
    ref="Friendly relations among participating States (unnumbered): indivisible security",
    label="indivisible",
    text="""Security is indivisible: the security of each participating State is linked to
    that of all the others.""",
)


RULES = (choice, indivisible)
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "helsinki-principles-reaffirmed",
        "Friendly relations among participating States",
        "A reaffirmation of texts: the Helsinki Final Act's rules check the principles.",
    ),
    not_formalised(
        INSTRUMENT,
        "institutions",
        "Supplementary document",
        "Institutions; their work is not a scenario fact.",
    ),
)
