"""Rome Declaration (2002): a reaffirmation and an institution; nothing to check.

The Declaration reaffirms the Founding Act (whose checkable commitments have rules of their
own) and sets up the NATO-Russia Council. Both clauses are declared with their reason.
"""

from __future__ import annotations

from indivisible.rules.types import Rule, not_formalised

INSTRUMENT = "rome-declaration-2002"

RULES: tuple[Rule, ...] = ()
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "founding-act-reaffirmed",
        "Preamble",
        "A reaffirmation of texts: the Founding Act's rules check its commitments.",
        principle="not_at_expense",
    ),
    not_formalised(
        INSTRUMENT,
        "nato-russia-council",
        "Section on the NATO-Russia Council",
        "The NATO-Russia Council is an institution; its meetings are not scenario facts.",
    ),
)
