"""Charter for European Security (Istanbul, 1999): the two principles side by side.

Para. 8 reaffirms (a) each participating State's inherent right to be free to choose or
change its security arrangements, treaties of alliance included, and (b) that no State
will strengthen its security at the expense of the security of other States. An accession
in the scenario is an exercise of (a). Whether it strengthens one State's security at the
expense of another's is the indivisibility test: each entry of the party active on the date
(deployment, stationed force, exercise, accession) is compared with the scenario without it
(``_principles.at_expense``); (b) is breached by the entry when the verdict is
``at_expense`` against another participating State bound by the Charter on the date.
"""

from __future__ import annotations

from indivisible.rules._principles import (
    free_choice_rule,
    not_at_expense_rule,
)
from indivisible.rules.types import not_formalised

INSTRUMENT = "istanbul-charter-1999"


choice = free_choice_rule(
    instrument=INSTRUMENT,
    clause="para-8-free-choice",
    ref="para 8 (first principle)",
    text="""Each participating State has the inherent right to be free to choose or change its
    security arrangements, including treaties of alliance, as they evolve.""",
)


expense = not_at_expense_rule(
    instrument=INSTRUMENT,
    clause="para-8-not-at-expense",
    ref="para 8 (second principle)",
    text="""Participating States will not strengthen their security at the expense of the
    security of other States.""",
)


RULES = (choice, expense)
NOT_FORMALISED = (
    not_formalised(INSTRUMENT, "para-1-indivisible-space", "para 1", "An aim, not a duty."),
    not_formalised(
        INSTRUMENT,
        "para-9-inseparably-linked",
        "para 9",
        "A statement of principle; its measure is the indivisibility test (assess room).",
    ),
    not_formalised(
        INSTRUMENT,
        "summit-declaration-para-19-moldova",
        "Summit Declaration para 19",
        "Withdrawal from Moldova by the deadline: checkable from forces; not written yet.",
    ),
    not_formalised(
        INSTRUMENT,
        "georgia-bases",
        "Joint Statement of Georgia and Russia",
        "Base closures: checkable from forces; not written yet.",
    ),
)
