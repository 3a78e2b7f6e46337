"""Value types of the rules room: findings, rule declarations, the evaluation context.

A *rule* formalises one clause of one instrument. It is declared with :func:`rule`, which
checks every attribute (an unknown attribute is an error naming it) and returns an
immutable :class:`Rule`. The rule's function receives a :class:`Call` (the record, the
scenario, the date, the party) and yields :class:`Finding` objects. Numbers and dates the
function needs come from the record's clause parameters through :meth:`Call.param`, never
from literals in code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from indivisible.rulebook import Principle, check_principle
from indivisible.rules._errors import RuleDeclarationError

if TYPE_CHECKING:
    from indivisible.record import ParameterValue, Record
    from indivisible.world import Accession, Scenario

Result = Literal["holds", "breached", "disputed", "not_applicable", "undetermined"]
"""The result of a clause for one party and one subject on one date."""

RESULTS: tuple[Result, ...] = ("holds", "breached", "disputed", "not_applicable", "undetermined")
"""Every result, in the order used for the integer codes of the range mode."""

JSON_KEYS = (
    "instrument",
    "clause",
    "party",
    "subject",
    "result",
    "reading",
    "evidence",
    "source",
)
"""The keys of one finding in the JSON contract of ``indivisible check``."""

ANCHORS = ("signed", "proposed", "entered_into_force")
"""Symbolic ``since``/``end`` values, resolved against the record's events for the instrument."""

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PARAM = re.compile(r"^param:[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Finding:
    """What one clause says about one party and one subject on one date.

    Attributes:
        instrument: the instrument id (``inf-1987``).
        clause: the clause reference (``Art. VI``).
        party: the party the finding is about (ISO3 code, organisation or group id).
        subject: id of the scenario item concerned (deployment, exercise, holding...),
            or ``None`` when the finding is about the party as a whole.
        result: ``holds``, ``breached``, ``disputed``, ``not_applicable`` or
            ``undetermined``.
        reading: the named reading of an undefined term the finding is given under.
        evidence: one or two sentences saying why, with the numbers compared.
        source: the source ids the finding rests on (record entries and parameters).
        explain: the chain from the facts to the result, one step per line.

    Examples:
        >>> f = Finding("inf-1987", "Art. VI", "USA", "d1", "holds", None, "none held", "s")
        >>> sorted(f.to_json()) == sorted(JSON_KEYS)
        True
    """

    instrument: str
    clause: str
    party: str | None
    subject: str | None
    result: Result
    reading: str | None
    evidence: str
    source: str
    explain: list[str] = field(default_factory=list, compare=False)

    def to_json(self, *, explain: bool = False) -> dict[str, Any]:
        """The finding as the JSON contract's mapping (with ``explain`` when asked)."""
        out: dict[str, Any] = {k: getattr(self, k) for k in JSON_KEYS}
        if explain:
            out["explain"] = list(self.explain)
        return out

    def key(self) -> tuple[str, str, str, str, str]:
        """Identity of the finding across dates: instrument, clause, party, subject, reading."""
        return (
            self.instrument,
            self.clause,
            self.party or "",
            self.subject or "",
            self.reading or "",
        )


class MissingData(Exception):
    """Raised inside a rule when the record lacks a clause or a parameter it needs.

    The engine turns it into an ``undetermined`` finding naming what is missing.
    """


@dataclass(frozen=True)
class Context:
    """What a rule is evaluated against: the record, the scenario and the date.

    Alliance membership honours the scenario's hypothetical accessions: a state the
    scenario makes join an organisation on or before the date is a member.
    """

    record: Record
    scenario: Scenario
    on: dt.date

    def is_member(self, state: str, org: str) -> bool:
        """Whether ``state`` belongs to ``org`` on the date (record or scenario accession)."""
        if self.record.is_member(state, org, self.on):
            return True
        return any(
            a.state == state and a.org == org and a.on <= self.on for a in self.scenario.accessions
        )

    def members(self, org: str) -> list[str]:
        """Members of ``org`` on the date, scenario accessions included, sorted."""
        out = set(self.record.members(org, self.on))
        out |= {a.state for a in self.scenario.accessions if a.org == org and a.on <= self.on}
        return sorted(out)

    def accession(self, state: str, org: str) -> Accession | None:
        """The scenario's hypothetical accession of ``state`` to ``org`` in effect, if any."""
        for a in self.scenario.accessions:
            if a.state == state and a.org == org and a.on <= self.on:
                return a
        return None

    def member_since(self, state: str, org: str) -> tuple[dt.date, str] | None:
        """Start date and source of the membership of ``state`` in ``org`` holding on the date."""
        for m in self.record.memberships_on(state, self.on):
            if m.org == org:
                return m.start, m.source
        a = self.accession(state, org)
        if a is not None:
            return a.on, a.source or f"scenario accession of {state} to {org}"
        return None


@dataclass(frozen=True)
class Call:
    """One evaluation of one rule for one party: the rule function's only argument."""

    ctx: Context
    rule: Rule
    party: str
    proposed: bool = False

    @property
    def on(self) -> dt.date:
        """The date of evaluation."""
        return self.ctx.on

    @property
    def scenario(self) -> Scenario:
        """The scenario evaluated."""
        return self.ctx.scenario

    def param(
        self, param_id: str, reading: str | None = None, instrument: str | None = None
    ) -> ParameterValue:
        """The value of a clause parameter on the date (under ``reading``).

        Raises:
            MissingData: the record has no such parameter or no value on the date.
        """
        inst = instrument or self.rule.instrument
        try:
            vals = self.ctx.record.parameter_values(inst, param_id, self.on)
        except Exception as exc:  # the record's InputError, or an unknown instrument
            raise MissingData(f"parameter {inst}/{param_id} is not in the record") from exc
        if reading not in vals:
            which = f" under reading {reading!r}" if reading else ""
            raise MissingData(f"parameter {inst}/{param_id} has no value{which} on {self.on}")
        return vals[reading]

    def maybe(
        self, param_id: str, reading: str | None = None, instrument: str | None = None
    ) -> ParameterValue | None:
        """Like :meth:`param`, but ``None`` when the parameter has no value yet on the date.

        Raises:
            MissingData: the record has no such parameter at all.
        """
        inst = instrument or self.rule.instrument
        try:
            vals = self.ctx.record.parameter_values(inst, param_id, self.on)
        except Exception as exc:
            raise MissingData(f"parameter {inst}/{param_id} is not in the record") from exc
        return vals.get(reading)

    def readings(self, param_id: str, instrument: str | None = None) -> dict[str, ParameterValue]:
        """Every named reading of an undefined term on the date (reading -> value).

        Raises:
            MissingData: the record has no such parameter or no named reading on the date.
        """
        inst = instrument or self.rule.instrument
        try:
            vals = self.ctx.record.parameter_values(inst, param_id, self.on)
        except Exception as exc:
            raise MissingData(f"parameter {inst}/{param_id} is not in the record") from exc
        named = {k: v for k, v in vals.items() if k is not None}
        if not named:
            raise MissingData(f"parameter {inst}/{param_id} has no named reading on {self.on}")
        return named

    def num(
        self, param_id: str, reading: str | None = None, instrument: str | None = None
    ) -> float:
        """A numeric parameter's value on the date (see :meth:`param`)."""
        pv = self.param(param_id, reading, instrument)
        if isinstance(pv.value, bool) or not isinstance(pv.value, int | float):
            inst = instrument or self.rule.instrument
            raise MissingData(f"parameter {inst}/{param_id} is not a number ({pv.value!r})")
        return float(pv.value)

    def cite(self, param_id: str, reading: str | None = None, instrument: str | None = None) -> str:
        """One explain line for a parameter: its id, value, reading, date and source."""
        pv = self.param(param_id, reading, instrument)
        inst = instrument or self.rule.instrument
        by = f" by {pv.by}" if pv.by else ""
        rd = f" [reading {pv.reading}{by}]" if pv.reading else ""
        return (
            f"parameter {inst}/{param_id}{rd} = {pv.value} since {pv.since.isoformat()} "
            f"(source {pv.source})"
        )

    def finding(
        self,
        result: Result,
        evidence: str,
        *,
        subject: str | None = None,
        party: str | None = None,
        reading: str | None = None,
        sources: Iterable[str] = (),
        explain: Iterable[str] = (),
    ) -> Finding:
        """Build a finding of this rule (instrument and clause reference filled in)."""
        src = sorted({s for s in sources if s})
        return Finding(
            instrument=self.rule.instrument,
            clause=self.rule.ref,
            party=party if party is not None else self.party,
            subject=subject,
            result=result,
            reading=reading,
            evidence=evidence,
            source="; ".join(src),
            explain=list(explain),
        )


RuleFn = Callable[[Call], Iterable[Finding]]
PartiesFn = Callable[[Context], Iterable[str]]


@dataclass(frozen=True)
class Version:
    """One dated version of a rule's formula: applies from ``since`` (anchor or ISO date)."""

    since: str
    fn: RuleFn


@dataclass(frozen=True)
class Rule:
    """A declared, formalised clause.

    Attributes:
        id: ``<instrument>/<clause>``, unique in the registry.
        instrument: the record's instrument id.
        clause: the record's clause id.
        ref: the clause reference printed in findings (``Art. VI``).
        text: a paraphrase of the clause the code implements (never the verbatim text).
        parties: which parties to evaluate on a date (a function of the context).
        versions: the formula's versions, sorted by ``since``; the latest one starting on
            or before the date applies.
        end: when the clause stops applying as law, if the text says so (anchor or date).
        label: the label other rules name when they declare themselves its exception.
        exception_to: the id of the rule this one is a declared exception to.
        binding_via: the instrument whose status decides whether the party is bound
            (defaults to ``instrument``).
        binding: ``record`` (the engine checks the party's status in the record) or
            ``rule`` (the party is a group; the rule checks each member's status).
        principle: the principle of indivisible security the clause commits its parties
            to (``not_at_expense``, ``free_choice``), if any; ``assess`` reports the
            commitments an action engages from these tags.
    """

    id: str
    instrument: str
    clause: str
    ref: str
    text: str
    parties: PartiesFn
    versions: tuple[Version, ...]
    end: str | None = None
    label: str | None = None
    exception_to: str | None = None
    binding_via: str | None = None
    binding: str = "record"
    principle: Principle | None = None

    @property
    def since(self) -> str:
        """The first version's start (anchor or ISO date)."""
        return self.versions[0].since

    def version(self, *, since: str, fn: RuleFn) -> Rule:
        """A copy of the rule with one more formula version from ``since``.

        Raises:
            RuleDeclarationError: bad ``since``, or a version starting where another does.
        """
        _check_anchor(self.id, "since", since)
        if any(v.since == since for v in self.versions):
            raise RuleDeclarationError(self.id, f"two versions start at {since!r}")
        return dataclasses.replace(self, versions=(*self.versions, Version(since, fn)))


@dataclass(frozen=True)
class Unformalised:
    """A clause deliberately left unformalised, with the reason (shown in coverage).

    ``principle`` tags a clause that commits its parties to a principle of indivisible
    security even though no rule evaluates it (a preamble, a reaffirmation).
    """

    instrument: str
    clause: str
    ref: str
    reason: str
    principle: Principle | None = None


_RULE_ATTRS = {
    "instrument",
    "clause",
    "ref",
    "text",
    "parties",
    "since",
    "end",
    "label",
    "exception_to",
    "binding_via",
    "binding",
    "principle",
}
_REQUIRED = {"instrument", "clause", "ref", "text", "parties", "since"}


def _check_anchor(rule_id: str, name: str, value: object) -> None:
    if not isinstance(value, str) or not (
        value in ANCHORS or _PARAM.match(value) or _ISO.match(value)
    ):
        raise RuleDeclarationError(
            rule_id,
            f"{name}={value!r} is neither a date YYYY-MM-DD nor one of "
            f"{', '.join(ANCHORS)} nor 'param:<parameter id>'",
        )
    if _ISO.match(value):
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise RuleDeclarationError(
                rule_id, f"{name}={value!r} is not a calendar date (e.g. 1992-07-17)"
            ) from None


def rule(**attrs: Any) -> Callable[[RuleFn], Rule]:
    """Declare a rule; use as a decorator on the function that evaluates the clause.

    Required attributes: ``instrument``, ``clause``, ``ref``, ``text``, ``parties``,
    ``since``. Optional: ``end``, ``label``, ``exception_to``, ``binding_via``, ``binding``,
    ``principle`` (one of :data:`indivisible.rulebook.PRINCIPLES`).

    Raises:
        RuleDeclarationError: an unknown or missing attribute, or a bad ``since``/``end``.

    Examples:
        >>> try:
        ...     rule(instrument="x-2000", clause="a", ref="Art. 1", text="t",
        ...          parties=lambda c: [], since="signed", sinse="2000-01-01")
        ... except RuleDeclarationError as exc:
        ...     print(exc)
        rule 'x-2000/a': unknown attribute 'sinse' (known: binding, binding_via, clause, end, \
exception_to, instrument, label, parties, principle, ref, since, text)
    """
    rid = f"{attrs.get('instrument', '?')}/{attrs.get('clause', '?')}"
    unknown = sorted(set(attrs) - _RULE_ATTRS)
    if unknown:
        raise RuleDeclarationError(
            rid,
            f"unknown attribute {', '.join(map(repr, unknown))} "
            f"(known: {', '.join(sorted(_RULE_ATTRS))})",
        )
    missing = sorted(_REQUIRED - set(attrs))
    if missing:
        raise RuleDeclarationError(rid, f"missing attribute {', '.join(map(repr, missing))}")
    _check_anchor(rid, "since", attrs["since"])
    if attrs.get("end") is not None:
        _check_anchor(rid, "end", attrs["end"])
    for name in ("instrument", "clause", "ref", "text"):
        if not isinstance(attrs[name], str) or not attrs[name].strip():
            raise RuleDeclarationError(rid, f"{name} must be a non-empty string")
    if attrs.get("binding", "record") not in ("record", "rule"):
        raise RuleDeclarationError(rid, f"binding={attrs['binding']!r}; use 'record' or 'rule'")
    if not callable(attrs["parties"]):
        raise RuleDeclarationError(rid, "parties must be a function of the context")
    principle = _principle(rid, attrs.get("principle"))

    def wrap(fn: RuleFn) -> Rule:
        return Rule(
            id=f"{attrs['instrument']}/{attrs.get('label') or attrs['clause']}",
            instrument=attrs["instrument"],
            clause=attrs["clause"],
            ref=attrs["ref"],
            text=" ".join(str(attrs["text"]).split()),
            parties=attrs["parties"],
            versions=(Version(attrs["since"], fn),),
            end=attrs.get("end"),
            label=attrs.get("label"),
            exception_to=attrs.get("exception_to"),
            binding_via=attrs.get("binding_via"),
            binding=attrs.get("binding", "record"),
            principle=principle,
        )

    return wrap


def _principle(rid: str, value: object) -> Principle | None:
    if value is None:
        return None
    try:
        return check_principle(value)
    except ValueError as exc:
        raise RuleDeclarationError(rid, str(exc)) from None


def not_formalised(
    instrument: str, clause: str, ref: str, reason: str, *, principle: str | None = None
) -> Unformalised:
    """Declare a clause left unformalised, with the reason (listed by ``rules --coverage``).

    ``principle`` tags a clause committing its parties to a principle of indivisible
    security (see :class:`Unformalised`).
    """
    rid = f"{instrument}/{clause}"
    if not reason.strip():
        raise RuleDeclarationError(rid, "a reason is required")
    return Unformalised(
        instrument, clause, ref, " ".join(reason.split()), _principle(rid, principle)
    )


def freeze(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    """A read-only view of a mapping (used for the registry's indexes)."""
    from types import MappingProxyType

    return MappingProxyType(dict(mapping))
