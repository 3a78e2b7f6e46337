"""The indivisibility test: does an action raise one party's security at another's expense?

Front door of the ``assess`` room::

    from indivisible.assess import assess, load_action
    from indivisible.record import Record
    from indivisible.world import load_scenario

    rec = Record.load()
    base = load_scenario("examples/europe-2022-02.yaml", rec)
    act = load_action("examples/actions/iskander-kaliningrad-2018.yaml", rec)
    result = assess(rec, base, act, draws=200, seed=1)
    result.verdicts        # per ordered pair (actor, other): verdict and probability
    result.delta_table()   # per state and indicator: before, after, change, better

The baseline is never changed: the action produces a new scenario and a new record.
``at_expense`` gives the verdicts alone, for the rules of the Istanbul Charter and the
Astana Declaration. Every formula is in ``docs/assessment.md``.
"""

from indivisible.assess._assess import (
    FREE_CHOICE,
    NOT_AT_EXPENSE,
    assess,
    at_expense,
    deltas,
    engaged,
    outcome,
    verdict_of,
)
from indivisible.assess._load import apply_action, check_action, load_action, parse_action
from indivisible.assess.types import (
    ADD_GROUPS,
    OUTCOMES,
    REMOVE_GROUPS,
    VERDICT_TABLE,
    VERDICTS,
    Action,
    Additions,
    Assessment,
    Delta,
    Engagement,
    InstrumentEvent,
    Outcome,
    Removals,
    Tolerance,
    Verdict,
    VerdictKind,
)

__all__ = [
    "ADD_GROUPS",
    "FREE_CHOICE",
    "NOT_AT_EXPENSE",
    "OUTCOMES",
    "REMOVE_GROUPS",
    "VERDICTS",
    "VERDICT_TABLE",
    "Action",
    "Additions",
    "Assessment",
    "Delta",
    "Engagement",
    "InstrumentEvent",
    "Outcome",
    "Removals",
    "Tolerance",
    "Verdict",
    "VerdictKind",
    "apply_action",
    "assess",
    "at_expense",
    "check_action",
    "deltas",
    "engaged",
    "load_action",
    "outcome",
    "parse_action",
    "verdict_of",
]
