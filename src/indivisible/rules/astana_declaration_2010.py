"""Astana Commemorative Declaration (2010): the Istanbul principles reaffirmed.

Para. 3 restates that the security of each participating State is inseparably linked to
that of all others, the freedom to choose security arrangements including alliances, and
the commitment not to strengthen security at the expense of others. The rules are those of
the Istanbul Charter (see ``istanbul_charter_1999``), applied from the Declaration's date.
"""

from __future__ import annotations

from indivisible.rules._principles import (
    free_choice_rule,
    not_at_expense_rule,
)
from indivisible.rules.types import not_formalised

INSTRUMENT = "astana-declaration-2010"


choice = free_choice_rule(
    instrument=INSTRUMENT,
    clause="para-3-indivisible-security",
    ref="para 3 (free choice)",
    label="para-3-free-choice",
    text="""Each participating State is free to choose or change its security arrangements,
    including treaties of alliance.""",
)


expense = not_at_expense_rule(
    instrument=INSTRUMENT,
    clause="para-3-indivisible-security",
    ref="para 3 (not at the expense of others)",
    label="para-3-not-at-expense",
    text="""No participating State will strengthen its security at the expense of the
    security of other States.""",
)


RULES = (choice, expense)
NOT_FORMALISED = (
    not_formalised(INSTRUMENT, "para-1-security-community", "para 1", "An aim, not a duty."),
    not_formalised(
        INSTRUMENT, "para-2-comprehensive-security", "para 2", "A reaffirmation of texts."
    ),
    not_formalised(INSTRUMENT, "para-7-helsinki-principles", "para 7", "A reaffirmation of texts."),
)
