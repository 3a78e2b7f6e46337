"""Value types of action-reaction dynamics: response menus, policies, simulation results.

A response menu gives, per party, the indicators it watches (weights, as a perspective), the
policy parameters, and the responses it can make: named action sets (the ``assess`` action
format) with a cost. An optional ``opening`` move starts the run; an optional ``menu`` names
a negotiation menu whose measures ``--package`` applies first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

__all__ = ["OUTCOME_LABELS", "Outcome", "PartyPolicy", "Response", "ResponseMenu", "Simulation"]

Outcome = Literal["stable", "spiral", "exhausted"]

OUTCOME_LABELS: dict[str, str] = {
    "stable": "in the last round no party responded although it could: every party's "
    "deficit against its reference was within its threshold, or its roll said no",
    "spiral": "some party still responded in the last round: the action-reaction had not "
    "stopped when the run ended",
    "exhausted": "in the last round a party had a deficit beyond its threshold but no "
    "unused response that raises its score (none left, or only ones the package forbids)",
}
"""What each run outcome means (also in the JSON output and ``docs/negotiation.md``)."""
"""How a run ends: no party responds any more (``stable``); parties still respond in the
last rounds and the total weighted exposure rose (``spiral``); some party remains in deficit
but has no response left (``exhausted``)."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Response(_Model):
    """One response a party can make: its actions and what it costs (abstract units > 0)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=80)
    summary: str = Field(min_length=1)
    cost: float = Field(gt=0, le=1e6, allow_inf_nan=False, strict=True)
    source: str | None = None
    actions: tuple[dict[str, Any], ...] = Field(min_length=1)
    note: str | None = None


class PartyPolicy(_Model):
    """A party's policy: what it watches, when it responds, what it can respond with.

    Each round the party computes its score ``S = sum_i weight_i * sign_i * value_i`` (sign
    +1 where higher is safer, -1 where less safe; readings averaged) and its deficit
    ``S_reference - S_now``. If the deficit exceeds ``threshold``, it responds with
    probability ``respond_probability``: with the unused response of largest score gain per
    unit cost (ties: file order), among those that raise its score.
    """

    weights: dict[
        str, Annotated[float, Field(ge=-1e6, le=1e6, allow_inf_nan=False, strict=True)]
    ] = Field(min_length=1)
    threshold: float = Field(default=0.0, ge=0, le=1e9, allow_inf_nan=False, strict=True)
    respond_probability: float = Field(default=1.0, ge=0, le=1, allow_inf_nan=False, strict=True)
    responses: tuple[Response, ...] = ()


class ResponseMenu(_Model):
    """A response menu file."""

    responses: str = Field(min_length=1)
    note: str | None = None
    menu: str | None = None
    opening: dict[str, Any] | None = None
    parties: dict[str, PartyPolicy] = Field(min_length=1)

    _path: str | None = PrivateAttr(default=None)
    _actions: dict[str, tuple[Any, ...]] = PrivateAttr(default_factory=dict)

    @property
    def path(self) -> str | None:
        """The file it was loaded from."""
        return self._path

    def actions(self, response_id: str) -> tuple[Any, ...]:
        """A response's (or ``opening``'s) validated ``assess.Action`` objects."""
        return self._actions[response_id]


@dataclass(frozen=True)
class Simulation:
    """The result of :func:`indivisible.dynamics.simulate`.

    Attributes:
        scenario: the baseline's title.
        on: the date profiled.
        rounds: rounds per run.
        runs: Monte Carlo runs.
        seed: the seed the runs' generators are spawned from.
        package: measures applied before the run (empty: none).
        trajectories: tidy ``run, round, party, indicator, value, score`` table (round 0 is
            the start, after the opening move and the package).
        events: ``run, round, party, response, gain, cost`` rows of the responses made.
        outcomes: per run, its :data:`Outcome`.
        rng_states: per run, the generator state before its first draw.
        profile_calls: distinct profile evaluations (cached by the set of moves made).
        excluded: response id -> why it was never chosen (it would break the package).
        sensitivity: ``[{"verdict", "label", "flips"}]``: the ensemble's most frequent outcome,
            ``robust`` or ``knife-edge``, and the single assumptions (a party's threshold
            x10/x0.1, one weight set to 0) that change it (same seeds).
    """

    scenario: str
    on: dt.date
    rounds: int
    runs: int
    seed: int | None
    package: tuple[str, ...]
    trajectories: pd.DataFrame
    events: pd.DataFrame
    outcomes: tuple[Outcome, ...]
    rng_states: tuple[dict[str, Any], ...] = field(repr=False, default=())
    profile_calls: int = 0
    excluded: dict[str, str] = field(default_factory=dict)
    sensitivity: tuple[Mapping[str, Any], ...] = ()

    def share(self, outcome: Outcome) -> float:
        """Share of runs that ended with ``outcome``."""
        return sum(o == outcome for o in self.outcomes) / max(len(self.outcomes), 1)

    def to_json(self) -> dict[str, Any]:
        """The result as JSON (trajectories as records)."""
        return {
            "scenario": self.scenario,
            "on": self.on.isoformat(),
            "rounds": self.rounds,
            "runs": self.runs,
            "seed": self.seed,
            "package": list(self.package),
            "outcomes": {o: self.share(o) for o in ("stable", "spiral", "exhausted")},
            "outcome_labels": dict(OUTCOME_LABELS),
            "excluded": dict(self.excluded),
            "sensitivity": [dict(x) for x in self.sensitivity],
            "events": self.events.to_dict("records"),
            "scores": self.trajectories.drop_duplicates(["run", "round", "party"])[
                ["run", "round", "party", "score"]
            ].to_dict("records"),
            "profile_calls": self.profile_calls,
        }
