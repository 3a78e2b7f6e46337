"""Helsinki Final Act (1975): Principles I and II, and prior notification of manoeuvres.

Principle I names, among the rights inherent in sovereignty, the right to belong or not to
belong to international organisations and to be or not to be party to treaties of
alliance: an accession in the scenario is an exercise of it. Principle II restates the
refraining from the threat or use of force (see ``_force``: judged under each reading of
the basis invoked). The Document on confidence-building measures asks for prior
notification of major manoeuvres on land above a troop threshold, a set number of days in
advance (the record's parameters ``notification_threshold_troops`` and
``notification_days_in_advance``; "exceeding": a manoeuvre exactly at the threshold is not
notifiable). The bundled record carries neither figure (left out: no acceptable source
read), so the clause is undetermined for want of them. The text's allowance for manoeuvres
arranged at shorter notice (notify as soon as possible) is not a scenario field: a late
notification is reported as late.
"""

from __future__ import annotations

from collections.abc import Iterator

from indivisible.rules._force import actors, non_use_of_force
from indivisible.rules._principles import (
    free_choice_rule,
)
from indivisible.rules._readings import Outcome
from indivisible.rules.types import Call, Context, Finding, not_formalised, rule
from indivisible.rules.vienna_document_2011 import (
    count_value,
    exercise_findings,
    notified,
    reading_names,
)

INSTRUMENT = "helsinki-final-act-1975"
THRESHOLD = "notification_threshold_troops"
NOTICE = "notification_days_in_advance"


principle_i = free_choice_rule(
    instrument=INSTRUMENT,
    clause="principle-i-alliances",
    ref="Principle I",
    text="""Each participating State has the right to belong or not to belong to international
    organisations, to be or not to be a party to treaties, including treaties of alliance,
    and the right to neutrality.""",
)


@rule(
    instrument=INSTRUMENT,
    clause="principle-ii-non-use-of-force",
    ref="Principle II",
    text="""Participating States refrain from the threat or use of force against the
    territorial integrity or political independence of any State, or in any manner
    inconsistent with the purposes of the United Nations.""",
    parties=actors,
    since="signed",
)
def principle_ii(call: Call) -> Iterator[Finding]:
    """Each use of force by the party, under each reading of its basis."""
    yield from non_use_of_force(call)


def _owners(ctx: Context) -> list[str]:
    return sorted({o for x in ctx.scenario.exercises_on(ctx.on) for o in x.owner})


@rule(
    instrument=INSTRUMENT,
    clause="cbm-notification",
    ref="Document on confidence-building measures, I",
    text="""Major military manoeuvres on land exceeding the troop threshold are notified to all
    participating States the set number of days before they start.""",
    parties=_owners,
    since="signed",
)
def manoeuvre_notification(call: Call) -> Iterator[Finding]:
    """Each of the party's manoeuvres above the threshold was notified in time."""
    limit = call.num(THRESHOLD)
    notice = call.num(NOTICE)
    cites = [call.cite(THRESHOLD), call.cite(NOTICE)]
    src = [call.param(THRESHOLD).source, call.param(NOTICE).source]
    for x in call.scenario.exercises_on(call.on):
        if call.party not in x.owner:
            continue
        outcomes = {}
        for rd in reading_names(x):
            troops = count_value(x, "personnel", rd)
            if troops <= limit:
                outcomes[rd] = Outcome(
                    "holds", f"{x.id}: {troops:g} troops, not above the {limit:g} threshold."
                )
                continue
            res, when = notified(x, notice)
            outcomes[rd] = Outcome(
                res,
                f"{x.id}: {troops:g} troops, above the {limit:g} threshold, {when}; the notice "
                f"period is {notice:g} days.",
            )
        yield from exercise_findings(call, x, outcomes, src, cites)


RULES = (principle_i, principle_ii, manoeuvre_notification)
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "decalogue",
        "Basket I, 1(a), Principles I-X",
        "The list of the ten principles; Principles I and II have rules of their own, the "
        "others (frontiers, non-intervention, human rights...) describe no scenario fact.",
    ),
)
