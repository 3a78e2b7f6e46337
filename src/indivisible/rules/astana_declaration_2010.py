"""Astana Commemorative Declaration (2010): the Istanbul principles reaffirmed.

Para. 3 restates that the security of each participating State is inseparably linked to
that of all others, the freedom to choose security arrangements including alliances, and
the commitment not to strengthen security at the expense of others. The rules are those of
the Istanbul Charter (see ``istanbul_charter_1999``), applied from the Declaration's date.
"""

from __future__ import annotations

from collections.abc import Iterator

from indivisible.rules._principles import (
    accession_parties,
    at_expense,
    entry_parties,
    free_choice,
)
from indivisible.rules.types import Call, Finding, not_formalised, rule

INSTRUMENT = "astana-declaration-2010"


@rule(
    instrument=INSTRUMENT,
    clause="para-3-indivisible-security",
    ref="para 3 (free choice)",
    label="para-3-free-choice",
    text="""Each participating State is free to choose or change its security arrangements,
    including treaties of alliance.""",
    parties=accession_parties,
    since="signed",
    principle="free_choice",
)
def choice(call: Call) -> Iterator[Finding]:
    """An accession is an exercise of the freedom to choose alliances."""
    yield from free_choice(call)


@rule(
    instrument=INSTRUMENT,
    clause="para-3-indivisible-security",
    ref="para 3 (not at the expense of others)",
    label="para-3-not-at-expense",
    text="""No participating State will strengthen its security at the expense of the
    security of other States.""",
    parties=entry_parties,
    since="signed",
    principle="not_at_expense",
)
def expense(call: Call) -> Iterator[Finding]:
    """Each entry of the party, tested against the scenario without it."""
    yield from at_expense(call)


RULES = (choice, expense)
NOT_FORMALISED = (
    not_formalised(INSTRUMENT, "para-1-security-community", "para 1", "An aim, not a duty."),
    not_formalised(
        INSTRUMENT, "para-2-comprehensive-security", "para 2", "A reaffirmation of texts."
    ),
    not_formalised(INSTRUMENT, "para-7-helsinki-principles", "para 7", "A reaffirmation of texts."),
)
