"""Value types of the indivisibility test: actions, indicator deltas, verdicts, assessments.

An :class:`Action` is a move by one or more states: scenario entries added (deployments,
forces, exercises, accessions...), entries removed by id, and status events under
instruments (``{id: inf-1987, party: USA, event: withdrawn}``). It never changes the
baseline: :meth:`Action.apply` returns a new scenario and a new record.

An :class:`Assessment` is what :func:`indivisible.assess.assess` returns: per state and
indicator the change (:class:`Delta`), per ordered pair of states a :class:`Verdict` with its
probability under uncertainty, the commitments the verdicts engage (:class:`Engagement`),
and the rule findings the action creates or removes. Every verdict decomposes into the
deltas it was computed from, with the tolerance stated (:class:`Tolerance`).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr

from indivisible._dates import strict_iso_date
from indivisible.record.types import EventKind
from indivisible.world import (
    Accession,
    Deployment,
    Exercise,
    Force,
    Holding,
    Site,
    SystemPatch,
    UseOfForce,
)

if TYPE_CHECKING:
    import pandas as pd

    from indivisible.rules import Finding
    from indivisible.world import Scenario

__all__ = [
    "ADD_GROUPS",
    "OUTCOMES",
    "REMOVE_GROUPS",
    "VERDICTS",
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
]

Outcome = Literal["gain", "loss", "neutral", "mixed"]
"""What an action does to one state over its indicators (see :func:`outcome`)."""

OUTCOMES: tuple[Outcome, ...] = ("gain", "loss", "neutral", "mixed")

VerdictKind = Literal[
    "mutual_gain",
    "at_expense",
    "mutual_loss",
    "neutral",
    "actor_gains",
    "other_gains",
    "actor_loses",
    "other_loses",
    "at_own_expense",
    "mixed",
]
"""The verdict for an ordered pair (actor, other); see :data:`VERDICT_TABLE`."""

VERDICTS: tuple[VerdictKind, ...] = (
    "mutual_gain",
    "at_expense",
    "mutual_loss",
    "neutral",
    "actor_gains",
    "other_gains",
    "actor_loses",
    "other_loses",
    "at_own_expense",
    "mixed",
)

VERDICT_TABLE: dict[tuple[Outcome, Outcome], VerdictKind] = {
    ("gain", "gain"): "mutual_gain",
    ("gain", "loss"): "at_expense",
    ("loss", "loss"): "mutual_loss",
    ("neutral", "neutral"): "neutral",
    ("gain", "neutral"): "actor_gains",
    ("neutral", "gain"): "other_gains",
    ("loss", "neutral"): "actor_loses",
    ("neutral", "loss"): "other_loses",
    ("loss", "gain"): "at_own_expense",
}
"""(actor outcome, other outcome) → verdict; any pair with a ``mixed`` side is ``mixed``."""

ADD_GROUPS = (
    "deployments",
    "forces",
    "exercises",
    "accessions",
    "holdings",
    "systems",
    "sites",
    "uses_of_force",
)
"""Sections of ``add:``, as in a scenario file."""

REMOVE_GROUPS = ("deployments", "forces", "exercises", "uses_of_force", "sites")
"""Sections of ``remove:``: ids of entries of the baseline."""


IsoDate = Annotated[dt.date, BeforeValidator(strict_iso_date("2025-01-01"))]


def _codes(value: Any) -> Any:
    return (value,) if isinstance(value, str) else value


Codes = Annotated[tuple[str, ...], BeforeValidator(_codes), Field(min_length=1)]
"""One ISO3 code or a non-empty list of them, stored as a tuple."""

Ident = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=80)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class InstrumentEvent(_Model):
    """A status event the action adds to the record: ``{id, party, event, date?, source?}``.

    ``event`` is a record event kind (``withdrawn``, ``suspended``, ``notice_of_withdrawal``,
    ``signed``, ``adopted``...); ``date`` defaults to the action's date. Adopting a draft
    (``{id: ru-nato-draft-2021, party: nato, event: adopted}`` and the same for ``RUS``) makes
    its articles commitments in force for the assessment.
    """

    id: str = Field(min_length=1)
    party: str = Field(min_length=1)
    event: EventKind
    date: IsoDate | None = None
    source: str | None = None
    note: str | None = None


class Additions(_Model):
    """Scenario entries an action adds (an entry with the id of a baseline entry replaces it)."""

    deployments: tuple[Deployment, ...] = ()
    forces: tuple[Force, ...] = ()
    exercises: tuple[Exercise, ...] = ()
    accessions: tuple[Accession, ...] = ()
    holdings: tuple[Holding, ...] = ()
    systems: tuple[SystemPatch, ...] = ()
    sites: tuple[Site, ...] = ()
    uses_of_force: tuple[UseOfForce, ...] = ()

    def entries(self) -> list[Any]:
        """Every entry, group by group in :data:`ADD_GROUPS` order."""
        return [x for g in ADD_GROUPS for x in getattr(self, g)]


class Removals(_Model):
    """Ids of baseline entries an action removes, by section."""

    deployments: tuple[Ident, ...] = ()
    forces: tuple[Ident, ...] = ()
    exercises: tuple[Ident, ...] = ()
    uses_of_force: tuple[Ident, ...] = ()
    sites: tuple[Ident, ...] = ()

    def ids(self) -> list[str]:
        """Every id, group by group in :data:`REMOVE_GROUPS` order."""
        return [x for g in REMOVE_GROUPS for x in getattr(self, g)]


Locate = Callable[[Sequence[int | str]], int | None]


class Action(_Model):
    """A move to test: what it adds, removes and changes in the record, by whom, when.

    ``actor`` is one ISO3 code or a list (a joint or reciprocal move). ``on`` is the date the
    action is assessed on unless the caller gives one (then the scenario date). ``others``
    restricts the verdicts to these states (default: every state whose indicators the
    profile covers). ``source`` cites the bibliography.

    Examples:
        >>> a = Action.model_validate(
        ...     {"action": "INF withdrawal", "actor": "USA", "on": "2019-08-02",
        ...      "instruments": [{"id": "inf-1987", "party": "USA", "event": "withdrawn"}]})
        >>> a.actor, a.on, a.instruments[0].event
        (('USA',), datetime.date(2019, 8, 2), 'withdrawn')
    """

    action: str = Field(min_length=1)
    actor: Codes
    on: IsoDate | None = None
    add: Additions = Additions()
    remove: Removals = Removals()
    instruments: tuple[InstrumentEvent, ...] = ()
    others: tuple[str, ...] | None = None
    source: str | tuple[str, ...] | None = None
    note: str | None = None

    _path: str | None = PrivateAttr(default=None)
    _locate: Locate | None = PrivateAttr(default=None)

    @classmethod
    def of(
        cls,
        action: str,
        actor: str | Sequence[str],
        *,
        add: Iterable[Any] = (),
        remove: Mapping[str, Sequence[str]] | None = None,
        instruments: Iterable[Mapping[str, Any] | InstrumentEvent] = (),
        on: dt.date | str | None = None,
        source: str | None = None,
    ) -> Action:
        """Build an action in Python from entry models (sorted into their sections).

        Examples:
            >>> from indivisible.world import Accession
            >>> a = Action.of("FIN joins", "FIN", add=[Accession(state="FIN", org="nato",
            ...     on="2023-04-04")])
            >>> a.add.accessions[0].org
            'nato'
        """
        kinds: dict[type, str] = {
            Deployment: "deployments",
            Force: "forces",
            Exercise: "exercises",
            Accession: "accessions",
            Holding: "holdings",
            SystemPatch: "systems",
            Site: "sites",
            UseOfForce: "uses_of_force",
        }
        groups: dict[str, list[Any]] = {g: [] for g in ADD_GROUPS}
        for x in add:
            group = kinds.get(type(x))
            if group is None:
                names = ", ".join(k.__name__ for k in kinds)
                raise TypeError(f"cannot add a {type(x).__name__}; expected one of {names}")
            groups[group].append(x)
        return cls.model_validate(
            {
                "action": action,
                "actor": actor,
                "on": on,
                "add": Additions(**{g: tuple(v) for g, v in groups.items()}),
                "remove": Removals.model_validate(dict(remove or {})),
                "instruments": tuple(instruments),
                "source": source,
            }
        )

    @property
    def path(self) -> str | None:
        """The file the action was loaded from (``None`` when built in Python)."""
        return self._path

    def line(self, loc: Sequence[int | str]) -> int | None:
        """The 1-based line of the field at ``loc`` in the action file, if known."""
        return self._locate(loc) if self._locate is not None else None

    @property
    def sources(self) -> tuple[str, ...]:
        """The bibliography ids the action cites."""
        if self.source is None:
            return ()
        return (self.source,) if isinstance(self.source, str) else self.source


@dataclass(frozen=True)
class Tolerance:
    """When a change counts: ``|change| > max(absolute, relative × |before|)``.

    A change within the tolerance is no change (``better`` is ``None``). ``per_indicator``
    overrides ``(relative, absolute)`` for named indicators.

    Examples:
        >>> t = Tolerance(relative=0.01, absolute=0.0)
        >>> t.within("x", 100.0, 1.0), t.within("x", 100.0, 1.5)
        (True, False)
    """

    relative: float = 0.01
    absolute: float = 1e-9
    per_indicator: Mapping[str, tuple[float, float]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name, (rel, ab) in [("default", (self.relative, self.absolute)), *self._items()]:
            if not (rel >= 0 and ab >= 0 and math.isfinite(rel) and math.isfinite(ab)):
                raise ValueError(
                    f"tolerance {name!r}: relative and absolute must be finite and >= 0, "
                    f"got {rel!r}, {ab!r}"
                )

    def _items(self) -> list[tuple[str, tuple[float, float]]]:
        return list(self.per_indicator.items())

    def bound(self, indicator: str, before: float) -> float:
        """The largest change (in the indicator's unit) still counted as no change."""
        rel, ab = self.per_indicator.get(indicator, (self.relative, self.absolute))
        base = abs(before) if math.isfinite(before) else 0.0
        return max(ab, rel * base)

    def within(self, indicator: str, before: float, change: float) -> bool:
        """Whether ``change`` is within the tolerance of ``indicator`` at ``before``."""
        return abs(change) <= self.bound(indicator, before)

    def to_json(self) -> dict[str, Any]:
        """The tolerance as JSON."""
        return {
            "relative": self.relative,
            "absolute": self.absolute,
            "per_indicator": {
                k: {"relative": r, "absolute": a} for k, (r, a) in self.per_indicator.items()
            },
        }


@dataclass(frozen=True)
class Delta:
    """The change of one indicator of one state (under one reading) from baseline to action.

    Attributes:
        state: ISO3 code.
        indicator: indicator name (from the profile).
        unit: the indicator's unit.
        direction: ``higher_is_safer`` or ``higher_is_less_safe``.
        reading: the reading the values are under (``None``: undisputed).
        before: value in the baseline.
        after: value after the action.
        change: ``after - before`` (``NaN`` when a side is missing).
        better: ``True`` if the state is safer on this indicator beyond the tolerance,
            ``False`` if less safe, ``None`` if the change is within the tolerance or
            cannot be signed.
        tolerance: the bound used (same unit as the indicator).
    """

    state: str
    indicator: str
    unit: str
    direction: str
    reading: str | None
    before: float
    after: float
    change: float
    better: bool | None
    tolerance: float

    def to_json(self) -> dict[str, Any]:
        """The delta as the JSON contract's mapping (``"inf"`` for infinity, NaN as ``null``)."""
        return {
            "state": self.state,
            "indicator": self.indicator,
            "before": _num(self.before),
            "after": _num(self.after),
            "change": _num(self.change),
            "better": self.better,
            "unit": self.unit,
            "direction": self.direction,
            "reading": self.reading,
            "tolerance": self.tolerance,
        }


def _num(x: float) -> float | str | None:
    """A JSON number: ``"inf"``/``"-inf"`` for infinities (no threat), ``None`` for NaN."""
    if math.isnan(x):
        return None
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return float(x)


@dataclass(frozen=True)
class Engagement:
    """A commitment in force for the parties that a verdict engages.

    Attributes:
        instrument: instrument id.
        clause: clause id in the record.
        ref: the clause reference (``para 8 (second principle)``).
        principle: ``not_at_expense`` or ``free_choice``.
        parties: the states concerned (actor first).
        because: why it is engaged (the verdict, or the accession).
        status: each party's status under the instrument (and through which organisation).
        source: the clause's source id.
    """

    instrument: str
    clause: str
    ref: str
    principle: Literal["not_at_expense", "free_choice"]
    parties: tuple[str, ...]
    because: str
    status: Mapping[str, str]
    source: str

    def to_json(self) -> dict[str, Any]:
        """The engagement as the JSON contract's mapping."""
        return {
            "instrument": self.instrument,
            "clause": self.clause,
            "parties": list(self.parties),
            "ref": self.ref,
            "principle": self.principle,
            "because": self.because,
            "status": dict(self.status),
            "source": self.source,
        }


@dataclass(frozen=True)
class Verdict:
    """The verdict for one ordered pair (actor, other), decomposed into its indicators.

    Attributes:
        actor: the acting state.
        other: the other state.
        verdict: the point verdict (values under the profile's default readings).
        probability: share of Monte Carlo draws (or, without draws, of readings) whose
            verdict equals ``verdict``.
        distribution: verdict → share over the draws (or readings).
        actor_outcome: the actor's outcome (gain, loss, neutral, mixed).
        other_outcome: the other's outcome.
        actor_better: indicators on which the actor is safer beyond the tolerance.
        actor_worse: indicators on which the actor is less safe.
        other_better: same for the other.
        other_worse: same for the other.
        basis: ``draws`` or ``readings``: what ``probability`` is a share of.
        n: the number of draws or readings.
    """

    actor: str
    other: str
    verdict: VerdictKind
    probability: float
    distribution: Mapping[str, float]
    actor_outcome: Outcome
    other_outcome: Outcome
    actor_better: tuple[str, ...] = ()
    actor_worse: tuple[str, ...] = ()
    other_better: tuple[str, ...] = ()
    other_worse: tuple[str, ...] = ()
    basis: Literal["draws", "readings"] = "readings"
    n: int = 1

    def to_json(self) -> dict[str, Any]:
        """The verdict as the JSON contract's mapping."""
        return {
            "actor": self.actor,
            "other": self.other,
            "verdict": self.verdict,
            "probability": self.probability,
            "distribution": dict(self.distribution),
            "basis": self.basis,
            "n": self.n,
            "actor_outcome": self.actor_outcome,
            "other_outcome": self.other_outcome,
            "actor_better": list(self.actor_better),
            "actor_worse": list(self.actor_worse),
            "other_better": list(self.other_better),
            "other_worse": list(self.other_worse),
        }


@dataclass(frozen=True)
class Assessment:
    """The indivisibility test of one action against one baseline on one date.

    Attributes:
        action: the action assessed.
        scenario: the baseline scenario's title.
        on: the date of assessment.
        deltas: per state, indicator and reading, the change.
        verdicts: per ordered pair (actor, other), the verdict.
        engaged: commitments in force that the verdicts (and accessions) engage.
        findings_added: rule findings present after the action and not before.
        findings_removed: rule findings present before the action and not after.
        tolerance: the tolerance the verdicts use.
        assumptions: what the numbers rest on (the profile's assumptions and the test's).
        draws: Monte Carlo draws used (0: readings only).
        seed: the seed both profiles were drawn with (reproduces the run), if any.
        before: the baseline profile.
        after: the profile after the action.
        baseline: the baseline scenario (unchanged).
        changed: the new scenario the action produced.
    """

    action: Action
    scenario: str
    on: dt.date
    deltas: tuple[Delta, ...]
    verdicts: tuple[Verdict, ...]
    engaged: tuple[Engagement, ...]
    findings_added: tuple[Finding, ...]
    findings_removed: tuple[Finding, ...]
    tolerance: Tolerance
    assumptions: tuple[str, ...]
    draws: int
    seed: int | None
    before: Any = field(repr=False, compare=False)
    after: Any = field(repr=False, compare=False)
    baseline: Scenario | None = field(default=None, repr=False, compare=False)
    changed: Scenario | None = field(default=None, repr=False, compare=False)

    def delta_table(self) -> pd.DataFrame:
        """The deltas as a tidy pandas ``DataFrame`` (one row per state, indicator, reading)."""
        import pandas as pd

        cols = [
            "state",
            "indicator",
            "reading",
            "unit",
            "direction",
            "before",
            "after",
            "change",
            "better",
            "tolerance",
        ]
        return pd.DataFrame([{c: getattr(d, c) for c in cols} for d in self.deltas], columns=cols)

    def to_json(self) -> dict[str, Any]:
        """The JSON contract of ``indivisible assess --format json``."""
        return {
            "action": self.action.action,
            "actor": list(self.action.actor),
            "scenario": self.scenario,
            "on": self.on.isoformat(),
            "tolerance": self.tolerance.to_json(),
            "draws": self.draws,
            "seed": self.seed,
            "deltas": [d.to_json() for d in self.deltas],
            "verdicts": [v.to_json() for v in self.verdicts],
            "engaged": [e.to_json() for e in self.engaged],
            "findings_added": [f.to_json() for f in self.findings_added],
            "findings_removed": [f.to_json() for f in self.findings_removed],
            "assumptions": list(self.assumptions),
            "sources": list(self.action.sources),
        }
