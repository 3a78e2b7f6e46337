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

from collections.abc import Iterator

from indivisible.rules._principles import (
    accession_parties,
    at_expense,
    entry_parties,
    free_choice,
)
from indivisible.rules.types import Call, Finding, not_formalised, rule

INSTRUMENT = "istanbul-charter-1999"


@rule(
    instrument=INSTRUMENT,
    clause="para-8-free-choice",
    ref="para 8 (first principle)",
    text="""Each participating State has the inherent right to be free to choose or change its
    security arrangements, including treaties of alliance, as they evolve.""",
    parties=accession_parties,
    since="signed",
    principle="free_choice",
)
def choice(call: Call) -> Iterator[Finding]:
    """An accession is an exercise of the freedom to choose alliances."""
    yield from free_choice(call)


@rule(
    instrument=INSTRUMENT,
    clause="para-8-not-at-expense",
    ref="para 8 (second principle)",
    text="""Participating States will not strengthen their security at the expense of the
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
