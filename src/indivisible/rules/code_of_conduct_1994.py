"""OSCE Code of Conduct (1994): the free choice of security arrangements, on a scenario.

The Code restates both principles of indivisible security. The right of each participating
State to choose its own security arrangements, alliances included, is an accession in the
scenario (``_principles.free_choice``), as under the Helsinki Final Act and the Istanbul
Charter. Para. 3 (security is indivisible; no State strengthens its security at the expense
of others) is the indivisibility test, which the rules run once per scenario entry under
``istanbul-charter-1999/para-8-not-at-expense`` for the same participating States: running
it again here would repeat identical findings at the cost of a second full test, so it is
declared, with that reason, rather than duplicated.
"""

from __future__ import annotations

from indivisible.rules._principles import (
    free_choice_rule,
)
from indivisible.rules.types import not_formalised

INSTRUMENT = "code-of-conduct-1994"


choice = free_choice_rule(
    instrument=INSTRUMENT,
    clause="free-choice",
    ref="Section II (paragraph number not read)",
    text="""Each participating State has the right freely to determine its security interests
    and to choose its own security arrangements, including treaties and alliances.""",
)


RULES = (choice,)
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "para-3-indivisible",
        "para. 3",
        "The same test as istanbul-charter-1999/para-8-not-at-expense (the indivisibility "
        "test of each scenario entry against the same participating States); run there once "
        "instead of twice.",
        principle="not_at_expense",
    ),
    not_formalised(
        INSTRUMENT,
        "capacities",
        "Section III",
        "'Commensurate with legitimate security needs' is undefined and has no reading in "
        "the record yet.",
    ),
    not_formalised(
        INSTRUMENT,
        "democratic-control",
        "Sections VII-VIII",
        "Democratic control of forces is not a scenario fact.",
    ),
    not_formalised(
        INSTRUMENT,
        "information-exchange",
        "FSC decisions",
        "The annual exchange of information is not a scenario fact.",
    ),
)
