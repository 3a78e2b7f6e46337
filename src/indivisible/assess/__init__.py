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
``at_expense`` gives the verdicts alone (no rule findings). Every formula is in
``docs/assessment.md``.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from indivisible.assess._action import Action, Additions, InstrumentEvent, Removals
    from indivisible.assess._assess import (
        AssessOptions,
        assess,
        at_expense,
        engaged,
    )
    from indivisible.assess._load import apply_action, check_action, load_action, parse_action
    from indivisible.assess.types import (
        ADD_GROUPS,
        OUTCOMES,
        REMOVE_GROUPS,
        VERDICT_TABLE,
        VERDICTS,
        Assessment,
        Delta,
        Engagement,
        Outcome,
        Tolerance,
        Verdict,
        VerdictKind,
    )
    from indivisible.compare import deltas, outcome, verdict_of

_HOMES = {
    **dict.fromkeys(
        (
            "AssessOptions",
            "assess",
            "at_expense",
            "engaged",
        ),
        "indivisible.assess._assess",
    ),
    **dict.fromkeys(("deltas", "outcome", "verdict_of"), "indivisible.compare"),
    **dict.fromkeys(
        ("apply_action", "check_action", "load_action", "parse_action"),
        "indivisible.assess._load",
    ),
    **dict.fromkeys(
        ("Action", "Additions", "InstrumentEvent", "Removals"), "indivisible.assess._action"
    ),
}
"""Where each public name lives; everything else is in ``indivisible.assess.types``."""


def __getattr__(name: str) -> Any:
    """Import a public name's module on first access.

    The action models and the loaders are pydantic and YAML work that the rules'
    indivisibility test, which needs only the deltas and the verdict table, does not pay for.
    """
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_HOMES.get(name, "indivisible.assess.types")), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "ADD_GROUPS",
    "OUTCOMES",
    "REMOVE_GROUPS",
    "VERDICTS",
    "VERDICT_TABLE",
    "Action",
    "Additions",
    "AssessOptions",
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
