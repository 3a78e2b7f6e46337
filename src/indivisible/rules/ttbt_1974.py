"""Threshold Test Ban Treaty (1974): no clause a scenario can test.

The 150-kiloton threshold (record parameter yield_threshold_kt) applies to underground test
explosions, which the scenario format does not record.
"""

from __future__ import annotations

from indivisible.rules.types import Rule, not_formalised

INSTRUMENT = "ttbt-1974"

RULES: tuple[Rule, ...] = ()
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "art-i-threshold",
        "Art. I",
        "The scenario format records no nuclear test explosions or their yields.",
    ),
    not_formalised(
        INSTRUMENT,
        "protocol-verification",
        "Protocol (1990)",
        "Data exchanges and inspections are not scenario facts.",
    ),
)
