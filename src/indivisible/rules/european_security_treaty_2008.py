"""Draft European Security Treaty (2008/2009): indivisible security as a legal obligation.

A proposal never negotiated. Its one recorded clause would bar any state or organisation of
the Euro-Atlantic area from strengthening its security at the cost of others': that is the
indivisibility test of the ``assess`` room. It is declared here with that reason until a
verdict function exists to wire it to.
"""

from __future__ import annotations

from indivisible.rules.types import Rule, not_formalised

INSTRUMENT = "european-security-treaty-2008"

RULES: tuple[Rule, ...] = ()
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "indivisible-security-obligation",
        "cover note",
        '"At the cost of" other states is the indivisibility test of the assess room, '
        "which has no verdict function yet.",
    ),
)
