"""Ballistic Missile Launch Notification Agreement (1988): no clause a scenario can test.

The scenario format records deployments of missiles, not launches or their notification.
"""

from __future__ import annotations

from indivisible.rules.types import Rule, not_formalised

INSTRUMENT = "ballistic-missile-launch-notification-1988"

RULES: tuple[Rule, ...] = ()
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "art-i-notification",
        "Art. I",
        "The scenario format records no missile launches or notifications.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-ii-channel",
        "Art. II",
        "The channel of notification is not a scenario fact.",
    ),
)
