"""Charter of Paris (1990): a reaffirmation and institutions; nothing to check.

The record's clauses are the reaffirmation of the Helsinki principles (whose rules check them)
and the new CSCE institutions. The Charter's statements on freedom of choice of security
arrangements and on indivisible security are not in the record (no source read gives their
text; see the instrument's note), so no principle is formalised here.
"""

from __future__ import annotations

from indivisible.rules.types import Rule, not_formalised

INSTRUMENT = "charter-of-paris-1990"

RULES: tuple[Rule, ...] = ()
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
