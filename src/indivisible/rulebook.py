"""What the rest of the package may know of the rules: principles, commitments, findings.

The ``assess`` room needs two things from the rules: which clauses commit their parties to
a principle of indivisible security (to report the commitments an action engages), and the
findings of a scenario on a date (to report those an action adds or removes). It gets them
through the :class:`Rulebook` protocol defined here, never by importing ``indivisible.rules``
(an import-linter contract holds both rooms to it). The rules room is the provider: it tags
each rule with the principle it tests and offers its registry as a rulebook; :func:`bundled`
finds it by the module name :data:`PROVIDER`, as an application finds a plug-in.

Examples:
    >>> book = bundled()
    >>> ("istanbul-charter-1999", "para-8-not-at-expense") in {
    ...     (c.instrument, c.clause) for c in book.commitments("not_at_expense")}
    True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any, Literal, Protocol, cast, get_args

if TYPE_CHECKING:
    from indivisible.record import Record
    from indivisible.world import Scenario

Principle = Literal["not_at_expense", "free_choice"]
"""A principle of indivisible security a clause commits its parties to."""

PRINCIPLES: tuple[Principle, ...] = get_args(Principle)
"""Every principle, in the order engaged commitments are reported."""

PRINCIPLE_TEXT: dict[Principle, str] = {
    "not_at_expense": "not strengthening one's security at the expense of other states",
    "free_choice": "the freedom to choose security arrangements, alliances included",
}
"""One line per principle, for help texts and the contributor guide."""

PROVIDER = "indivisible.rules"
"""The module whose ``RULEBOOK`` attribute is the bundled rulebook."""


@dataclass(frozen=True)
class Commitment:
    """A clause that commits its parties to a principle (formalised or not).

    Attributes:
        instrument: the record's instrument id.
        clause: the record's clause id.
        principle: the principle the clause commits to.
    """

    instrument: str
    clause: str
    principle: Principle


class Finding(Protocol):
    """A rule finding, as assess reads it (see ``indivisible.rules.Finding``)."""

    @property
    def instrument(self) -> str:
        """The instrument id."""

    @property
    def clause(self) -> str:
        """The clause reference."""

    @property
    def party(self) -> str | None:
        """The party the finding is about."""

    @property
    def subject(self) -> str | None:
        """The scenario item concerned, or ``None`` for the party as a whole."""

    @property
    def result(self) -> str:
        """``holds``, ``breached``, ``disputed``, ``not_applicable`` or ``undetermined``."""

    @property
    def reading(self) -> str | None:
        """The named reading of an undefined term the finding is given under."""

    @property
    def evidence(self) -> str:
        """Why, with the numbers compared."""

    @property
    def source(self) -> str:
        """The source ids the finding rests on."""

    @property
    def explain(self) -> list[str]:
        """The chain from the facts to the result, one step per line."""

    def key(self) -> tuple[str, str, str, str, str]:
        """Identity across dates: instrument, clause, party, subject, reading."""

    def to_json(self, *, explain: bool = False) -> dict[str, Any]:
        """The finding as the JSON contract's mapping."""


class Rulebook(Protocol):
    """The rules as assess uses them."""

    def commitments(self, principle: Principle) -> tuple[Commitment, ...]:
        """The clauses committing their parties to ``principle``, each once, in rule order."""

    def findings(self, record: Record, scenario: Scenario, on: dt.date) -> Sequence[Finding]:
        """Every rule's findings on the scenario on the date."""


def check_principle(value: object) -> Principle:
    """``value`` as a principle.

    Raises:
        ValueError: ``value`` is not one of :data:`PRINCIPLES`.

    Examples:
        >>> check_principle("free_choice")
        'free_choice'
        >>> check_principle("free-choice")
        Traceback (most recent call last):
        ...
        ValueError: principle 'free-choice' is not one of not_at_expense, free_choice
    """
    for p in PRINCIPLES:
        if value == p:
            return p
    raise ValueError(f"principle {value!r} is not one of {', '.join(PRINCIPLES)}")


def bundled() -> Rulebook:
    """The bundled rulebook (the rules room's registry), imported on first use."""
    return cast("Rulebook", import_module(PROVIDER).RULEBOOK)


def overall_results(findings: Iterable[Finding]) -> dict[tuple[Any, ...], str]:
    """One result per check (instrument, clause, party, subject), over its readings.

    The common result where the readings agree. Where they differ, the engine's own verdict
    (the finding without a reading) if it is ``undetermined`` (readings that differ only
    between the ends of an interval: the answer depends on where in it the true value
    lies), else ``disputed``. The CLI's summaries, ``assess`` and the web pages count with
    this (the web's ``scenario.js`` mirrors it).

    Examples:
        >>> from types import SimpleNamespace as F
        >>> fs = [F(instrument="i", clause="c", party="RUS", subject="isk", result=r, reading=g)
        ...       for r, g in [("undetermined", None), ("breached", "RUS"),
        ...                    ("holds", "RUS (inner)")]]
        >>> overall_results(fs)
        {('i', 'c', 'RUS', 'isk'): 'undetermined'}
    """
    results: dict[tuple[Any, ...], set[str]] = {}
    engine: dict[tuple[Any, ...], str] = {}
    for f in findings:
        key = (f.instrument, f.clause, f.party, f.subject)
        results.setdefault(key, set()).add(f.result)
        if not f.reading:
            engine[key] = f.result
    return {
        key: next(iter(rs))
        if len(rs) == 1
        else ("undetermined" if engine.get(key) == "undetermined" else "disputed")
        for key, rs in results.items()
    }
