"""Value types of the indivisibility test: actions, indicator deltas, verdicts, assessments.

An :class:`Action` (a move by one or more states; a pydantic model, defined in
``indivisible.assess._action`` and loaded on first access) never changes the baseline:
:meth:`Action.apply` returns a new scenario and a new record.

An :class:`Assessment` is what :func:`indivisible.assess.assess` returns: per state and
indicator the change (:class:`Delta`), per ordered pair of states a :class:`Verdict` with its
probability under uncertainty, the commitments the verdicts engage (:class:`Engagement`),
and the rule findings the action creates or removes. Every verdict decomposes into the
deltas it was computed from, with the tolerance stated (:class:`Tolerance`).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import pandas as pd

    from indivisible.assess._action import Action, Additions, InstrumentEvent, Removals
    from indivisible.rules import Finding
    from indivisible.world import Scenario

_ACTION_MODELS = frozenset({"Action", "Additions", "InstrumentEvent", "Removals"})


def __getattr__(name: str) -> Any:
    """The action models, from ``indivisible.assess._action`` on first access.

    They are pydantic models (built when their module is imported); the rules' indivisibility
    test uses this module's dataclasses only, so it does not pay for them.
    """
    if name in _ACTION_MODELS:
        from indivisible.assess import _action

        return getattr(_action, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
        threats: the threat reading the verdict is under (``sourced``, ``alliance`` or a
            user file's name; ``None`` when not stated).
        interval: with draws, the 95 % Wilson score interval of ``probability`` (``None``
            over readings, which are not a random sample).
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
    threats: str | None = None
    interval: tuple[float, float] | None = None

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
            "threats": self.threats,
            "interval": list(self.interval) if self.interval is not None else None,
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
        verdicts_by_threats: threat reading name -> the verdicts under it (the first is
            the reading of ``verdicts``).
        ranges: per strike deployment id (before or after the action), per reading
            (``None``: undisputed), the range in km the verdicts' indicators used: the only
            ranges a map or ring of this assessment may draw.
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
    verdicts_by_threats: Mapping[str, tuple[Verdict, ...]] = field(default_factory=dict)
    ranges: Mapping[str, Mapping[str | None, float]] = field(default_factory=dict)
    sensitivity: tuple[Mapping[str, Any], ...] = ()

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
            "verdicts_by_threats": {
                name: [v.to_json() for v in vs] for name, vs in self.verdicts_by_threats.items()
            },
            "ranges": {
                dep: {("undisputed" if r is None else r): km for r, km in per.items()}
                for dep, per in self.ranges.items()
            },
            "sensitivity": [dict(x) for x in self.sensitivity],
            "engaged": [e.to_json() for e in self.engaged],
            "findings_added": [f.to_json() for f in self.findings_added],
            "findings_removed": [f.to_json() for f in self.findings_removed],
            "assumptions": list(self.assumptions),
            "sources": list(self.action.sources),
        }
