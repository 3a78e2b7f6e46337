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
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import pandas as pd

    from indivisible.assess._action import Action as Action
    from indivisible.assess._action import Additions as Additions
    from indivisible.assess._action import InstrumentEvent as InstrumentEvent
    from indivisible.assess._action import Removals as Removals
    from indivisible.rulebook import Finding
    from indivisible.world import Scenario

from indivisible.compare import (  # re-exported: the comparison lives below assess and rules
    OUTCOMES as OUTCOMES,
)
from indivisible.compare import VERDICT_TABLE as VERDICT_TABLE
from indivisible.compare import VERDICTS as VERDICTS
from indivisible.compare import Delta as Delta
from indivisible.compare import Outcome as Outcome
from indivisible.compare import Tolerance as Tolerance
from indivisible.compare import VerdictKind as VerdictKind

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


ADD_GROUPS = (
    "deployments",
    "forces",
    "exercises",
    "accessions",
    "holdings",
    "systems",
    "sites",
    "uses_of_force",
    "verifications",
    "strategic_forces",
    "prospects",
)
"""Sections of ``add:``, as in a scenario file."""

REMOVE_GROUPS = (
    "deployments",
    "forces",
    "exercises",
    "uses_of_force",
    "sites",
    "verifications",
    "strategic_forces",
    "prospects",
)
"""Sections of ``remove:``: ids of entries of the baseline."""


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
