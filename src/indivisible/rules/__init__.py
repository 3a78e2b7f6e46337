"""Rules as code: the clauses of the instruments, evaluated against a scenario on a date.

Front door of the ``rules`` room::

    from indivisible.record import Record
    from indivisible.rules import evaluate
    from indivisible.world import load_scenario

    rec = Record.load()
    findings = evaluate(rec, load_scenario("examples/europe-2022-02.yaml", rec), "2022-02-14")

Each instrument has one module (``inf_1987``, ``cfe_1990``...). Each formalised clause is a
:class:`Rule`; each clause left out is an :class:`Unformalised` entry with the reason. The
registry of both is built once at import, from the modules the package holds, and is
immutable. ``RULEBOOK`` is the same registry seen through :mod:`indivisible.rulebook`'s
protocol, which is all the ``assess`` room knows of the rules.
"""

from indivisible.rulebook import Rulebook
from indivisible.rules._coverage import UNDECLARED, coverage
from indivisible.rules._engine import (
    Change,
    RangeResult,
    breakpoints,
    evaluate,
    evaluate_days_naive,
    evaluate_range,
)
from indivisible.rules._errors import RuleConflictError, RuleDeclarationError
from indivisible.rules._registry import REGISTRY, Registry
from indivisible.rules.types import (
    JSON_KEYS,
    RESULTS,
    Call,
    Context,
    Finding,
    Result,
    Rule,
    Unformalised,
    not_formalised,
    rule,
)

RULEBOOK: Rulebook = REGISTRY
"""The bundled rules as a :class:`~indivisible.rulebook.Rulebook` (found by ``assess``)."""

__all__ = [
    "JSON_KEYS",
    "REGISTRY",
    "RESULTS",
    "RULEBOOK",
    "UNDECLARED",
    "Call",
    "Change",
    "Context",
    "Finding",
    "RangeResult",
    "Registry",
    "Result",
    "Rule",
    "RuleConflictError",
    "RuleDeclarationError",
    "Unformalised",
    "breakpoints",
    "coverage",
    "evaluate",
    "evaluate_days_naive",
    "evaluate_range",
    "not_formalised",
    "rule",
]
