"""Nuclear Risk Reduction Centers Agreement (1987): no clause a scenario can test.

The centres and their communications are not scenario facts.
"""

from __future__ import annotations

from indivisible.rules.types import Rule, not_formalised

INSTRUMENT = "nuclear-risk-reduction-centers-1987"

RULES: tuple[Rule, ...] = ()
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "art-1-centers",
        "Art. 1 and Protocol I",
        "The centres and their link are not scenario facts.",
    ),
    not_formalised(
        INSTRUMENT,
        "notifications",
        "Protocol I",
        "Notifications through the centres are not scenario facts.",
    ),
)
