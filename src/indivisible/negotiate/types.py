"""Value types of the package search: measure menus, perspectives, bundles and results.

A :class:`Measure` is a named, reusable set of actions (the action format of
:mod:`indivisible.assess`): who proposed it, when (a bibliography id), which parties must
implement it, and what it does to a scenario. A :class:`Menu` is a list of measures with an
optional baseline scenario. A :class:`Perspective` is one party's weights over indicators,
each weight documented with the stated priority it encodes and its source.

A search returns a :class:`Negotiation`: every evaluated bundle's per-party gains, which
bundles are indivisible-compatible (and with what probability under uncertainty), the Pareto
set, and for each compatible bundle why it works (:class:`Explanation`).

Conventions:

* a *gain* is a change in the safer direction, in the indicator's unit:
  ``gain = after - before`` for ``higher_is_safer`` indicators and ``before - after`` for
  ``higher_is_less_safe`` ones; a change within the tolerance counts as no change;
* a bundle is a set of measure ids; the empty bundle is the baseline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr

from indivisible._dates import strict_iso_date
from indivisible._numbers import json_number as _num

__all__ = [
    "AGGREGATIONS",
    "Aggregation",
    "BundleResult",
    "Explanation",
    "Measure",
    "MeasureAction",
    "Menu",
    "Mode",
    "Negotiation",
    "ParetoPoint",
    "Perspective",
    "Priority",
    "Weight",
]

Mode = Literal["strict", "weighted"]
"""``strict``: no party worse on any indicator; ``weighted``: none worse on its weighted score."""

Aggregation = Literal["sum", "min", "max", "exact"]
"""How an indicator combines over scenario entries: a sum, a minimum, a maximum of per-entry
values, or ``exact`` (not decomposable: recomputed from the profile for every bundle)."""

AGGREGATIONS: tuple[Aggregation, ...] = ("sum", "min", "max", "exact")


def _codes(value: Any) -> Any:
    return (value,) if isinstance(value, str) else value


Codes = Annotated[tuple[str, ...], BeforeValidator(_codes), Field(min_length=1)]
Ident = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=80)]


IsoDate = Annotated[dt.date, BeforeValidator(strict_iso_date("2022-02-14"))]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class MeasureAction(_Model):
    """One action of a measure: the action format of ``assess`` with ``action`` optional.

    ``add``, ``remove`` and ``instruments`` are kept as given and validated as an
    :class:`indivisible.assess.types.Action` when the menu is loaded.
    """

    action: str | None = None
    actor: Codes
    on: IsoDate | None = None
    add: dict[str, Any] = Field(default_factory=dict)
    remove: dict[str, Any] = Field(default_factory=dict)
    instruments: tuple[dict[str, Any], ...] = ()
    source: str | tuple[str, ...] | None = None
    note: str | None = None


class Measure(_Model):
    """A named, reusable set of actions proposed in a negotiation.

    ``require`` lists measures a bundle must also contain for this one to be offered (a
    conditional offer); ``extend`` lists measures whose actions this one includes (a
    stronger version of another). Both are checked for unknown ids and cycles.

    Examples:
        >>> m = Measure.model_validate({"id": "m", "summary": "s", "proposed_by": "RUS",
        ...     "source": "x", "implemented_by": ["RUS", "USA"],
        ...     "actions": [{"actor": "RUS", "remove": {"deployments": ["a"]}}]})
        >>> m.implemented_by, m.actions[0].actor
        (('RUS', 'USA'), ('RUS',))
    """

    id: Ident
    summary: str = Field(min_length=1)
    proposed_by: Codes
    source: str | tuple[str, ...]
    implemented_by: Codes
    actions: tuple[MeasureAction, ...] = ()
    require: tuple[Ident, ...] = ()
    extend: tuple[Ident, ...] = ()
    answered: str | None = None
    note: str | None = None

    @property
    def sources(self) -> tuple[str, ...]:
        """The bibliography ids the measure cites."""
        return (self.source,) if isinstance(self.source, str) else self.source


class Menu(_Model):
    """A menu of measures, optionally with its baseline scenario (a path, relative to the file).

    The loaded form (:func:`indivisible.negotiate.load_menu`) also carries each measure's
    actions resolved through ``extend`` as :class:`indivisible.assess.types.Action` objects.
    """

    menu: str = Field(min_length=1)
    baseline: str | None = None
    on: IsoDate | None = None
    note: str | None = None
    measures: tuple[Measure, ...] = Field(min_length=1)

    _path: str | None = PrivateAttr(default=None)
    _actions: dict[str, tuple[Any, ...]] = PrivateAttr(default_factory=dict)

    @property
    def path(self) -> str | None:
        """The file the menu was loaded from (``None`` when built in Python)."""
        return self._path

    @property
    def ids(self) -> tuple[str, ...]:
        """The measure ids, in file order."""
        return tuple(m.id for m in self.measures)

    def measure(self, ident: str) -> Measure:
        """The measure ``ident`` (``KeyError`` if unknown)."""
        for m in self.measures:
            if m.id == ident:
                return m
        raise KeyError(f"no measure {ident!r} in menu {self.menu!r}")

    def actions(self, ident: str) -> tuple[Any, ...]:
        """The measure's actions, ``extend`` resolved (``Action`` objects, own first)."""
        return self._actions[ident]

    def subset(self, ids: tuple[str, ...] | list[str]) -> Menu:
        """A menu with only ``ids`` (and what they ``require``/``extend``, kept resolved)."""
        keep = set(ids)
        todo = list(ids)
        while todo:
            m = self.measure(todo.pop())
            for r in (*m.require, *m.extend):
                if r not in keep:
                    keep.add(r)
                    todo.append(r)
        out = Menu(
            menu=self.menu,
            baseline=self.baseline,
            on=self.on,
            note=self.note,
            measures=tuple(m for m in self.measures if m.id in keep),
        )
        out._path = self._path
        out._actions = {k: v for k, v in self._actions.items() if k in keep}
        return out


class Priority(_Model):
    """A stated priority a perspective encodes, with its source."""

    priority: str = Field(min_length=1)
    source: str = Field(min_length=1)


class Weight(_Model):
    """The weight of one indicator in a party's weighted score.

    ``weight`` is in score points per unit of the indicator's gain (``per`` names that
    unit, for the reader); ``because`` names the priority (by index in ``priorities``) it
    encodes.
    """

    weight: float = Field(ge=0, le=1e6, allow_inf_nan=False, strict=True)
    per: str | None = None
    because: tuple[Annotated[int, Field(strict=True)], ...] = ()


def _weights(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {
            k: ({"weight": v} if isinstance(v, int | float) and not isinstance(v, bool) else v)
            for k, v in value.items()
        }
    return value


class Perspective(_Model):
    """One party's weights over indicators, each traced to a stated priority and its source.

    The weighted score of a bundle for ``party`` is ``sum(weight_i * gain_i)`` over the
    weighted indicators (an indicator given under several readings enters as the mean of its
    readings' gains); indicators not listed weigh zero (the perspective says it does not
    trade on them).
    """

    party: str = Field(min_length=2, max_length=80)
    title: str = Field(min_length=1)
    priorities: tuple[Priority, ...] = Field(min_length=1)
    weights: Annotated[dict[str, Weight], BeforeValidator(_weights)] = Field(min_length=1)
    note: str | None = None

    _path: str | None = PrivateAttr(default=None)

    @property
    def path(self) -> str | None:
        """The file the perspective was loaded from."""
        return self._path


@dataclass(frozen=True)
class Explanation:
    """Why a compatible bundle works: what each measure gives to and takes from whom.

    Attributes:
        gives: measure → party → indicator → gain the measure adds (leave-one-out:
            gains of the bundle minus gains of the bundle without the measure).
        pays: party → measures that cost it something in this bundle.
        price_of: ``(party, costly measure)`` → the measures in the bundle whose gains to
            that party pay for it.
        trade_offs: party → indicators on which it is worse off while its weighted score
            is not (weighted mode only).
    """

    gives: Mapping[str, Mapping[str, Mapping[str, float]]]
    pays: Mapping[str, tuple[str, ...]]
    price_of: Mapping[tuple[str, str], tuple[str, ...]]
    trade_offs: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def sentences(self) -> list[str]:
        """The explanation in words, one line per costly measure and party."""
        out = []
        for (party, m), by in sorted(self.price_of.items()):
            lost = {i: v for i, v in self.gives.get(m, {}).get(party, {}).items() if v < 0}
            losses = ", ".join(f"{i} {v:+g}" for i, v in sorted(lost.items()))
            own = {i: v for i, v in self.gives.get(m, {}).get(party, {}).items() if v > 0}
            if by:
                out.append(f"{party} accepts {m} ({losses}) as the price of {', '.join(by)}")
            elif own:
                gained = ", ".join(f"{i} {v:+g}" for i, v in sorted(own.items()))
                out.append(f"{party} accepts {m} ({losses}) for what it gives {party} ({gained})")
            else:
                out.append(f"{party} accepts {m} ({losses}) with no compensating measure")
        for m, per in sorted(self.gives.items()):
            for party, inds in sorted(per.items()):
                good = ", ".join(f"{i} {v:+g}" for i, v in sorted(inds.items()) if v > 0)
                if good:
                    out.append(f"{m} gives {party}: {good}")
        for party, names in sorted(self.trade_offs.items()):
            if names:
                out.append(f"{party} trades off {', '.join(names)} (weighted score holds)")
        return out

    def to_json(self) -> dict[str, Any]:
        """The explanation as JSON (``price_of`` keyed ``"PARTY:measure"``)."""
        return {
            "gives": {
                m: {p: {k: _num(x) for k, x in v.items()} for p, v in per.items()}
                for m, per in self.gives.items()
            },
            "pays": {p: list(ms) for p, ms in self.pays.items()},
            "price_of": {f"{p}:{m}": list(by) for (p, m), by in self.price_of.items()},
            "trade_offs": {p: list(v) for p, v in self.trade_offs.items()},
            "sentences": self.sentences(),
        }


@dataclass(frozen=True)
class BundleResult:
    """One evaluated bundle.

    Attributes:
        measures: the measure ids, in menu order.
        compatible: indivisible-compatible under the point values (default readings).
        probability: share of Monte Carlo draws in which it is compatible (``None``
            without draws).
        gains: party → indicator → gain (safer direction positive), point values.
        scores: party → weighted score (weighted mode; else empty).
        better: parties better off (on some indicator, or on their score).
        worse: parties worse off.
        explanation: why it works (compatible bundles only).
    """

    measures: tuple[str, ...]
    compatible: bool
    probability: float | None
    gains: Mapping[str, Mapping[str, float]]
    scores: Mapping[str, float] = field(default_factory=dict)
    better: tuple[str, ...] = ()
    worse: tuple[str, ...] = ()
    explanation: Explanation | None = None

    def to_json(self) -> dict[str, Any]:
        """The bundle as the JSON contract's mapping."""
        out: dict[str, Any] = {
            "measures": list(self.measures),
            "compatible": self.compatible,
            "probability": self.probability,
            "gains": {p: {k: _num(x) for k, x in v.items()} for p, v in self.gains.items()},
            "better": list(self.better),
            "worse": list(self.worse),
        }
        if self.scores:
            out["scores"] = {p: _num(x) for p, x in self.scores.items()}
        if self.explanation is not None:
            out["why"] = self.explanation.to_json()
        return out


@dataclass(frozen=True)
class ParetoPoint:
    """A non-dominated outcome and the smallest bundle reaching it.

    Attributes:
        measures: the smallest bundle (fewest measures, then menu order) with this outcome.
        equivalent: how many evaluated bundles give exactly this outcome.
        compatible: whether the outcome is indivisible-compatible.
        gains: party → indicator → gain of the outcome.
    """

    measures: tuple[str, ...]
    equivalent: int
    compatible: bool
    gains: Mapping[str, Mapping[str, float]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The point as JSON."""
        return {
            "measures": list(self.measures),
            "equivalent": self.equivalent,
            "compatible": self.compatible,
            "gains": {p: {k: _num(x) for k, x in v.items()} for p, v in self.gains.items()},
        }


@dataclass(frozen=True)
class Negotiation:
    """The result of a package search (see :func:`indivisible.negotiate.negotiate`).

    Attributes:
        menu: the menu's title.
        scenario: the baseline scenario's title.
        on: the date of evaluation.
        parties: the parties P whose security is compared.
        mode: ``strict`` or ``weighted``.
        indicators: indicator keys compared (``name`` or ``name[reading]``), with
            ``unit``, ``direction`` and ``aggregation``.
        baseline: party → indicator → baseline value (point).
        bundles: the compatible bundles ranked, then (if asked) the others.
        pareto: the Pareto set of outcomes over all evaluated bundles.
        evaluated: number of bundles evaluated (feasible under ``require``).
        exhaustive: whether every feasible bundle was evaluated.
        bound: what a non-exhaustive search proved (``None`` when exhaustive): for the
            branch-and-bound, ``method``, ``complete`` (every bundle evaluated or pruned by
            an exact bound), ``bundles``, ``evaluated``, ``pruned_bundles``, ``unexplored``
            (neither evaluated nor pruned; 0 when complete), ``nodes``, ``leaf_bits``,
            ``max_evaluations``.
        draws: Monte Carlo draws (0: point values only).
        seed: the seed the draws come from.
        level: the robustness level (bundles with probability >= level are robust).
        robust: the compatible bundles robust at ``level``.
        profile_calls: profile evaluations the search made (its cost, stated).
        assumptions: what the results rest on.
        n_compatible: how many evaluated bundles are compatible, all of them (``bundles``
            lists at most the search's ``limit``); ``None``: not counted.
        measures: per measure ``{"id", "effect": "changes"|"none", "reason"}``: whether it
            moves any compared indicator of the parties (``none``: outside the model).
        compatible_total: how many evaluated bundles are compatible (``bundles`` may show
            fewer: ``limit``).
        sensitivity: per bundle shown and Pareto point ``{"bundle", "verdict", "label",
            "flips"}``: the single assumptions that flip its compatibility, ``robust`` or
            ``knife-edge`` (``negotiate._sensitivity``).
    """

    menu: str
    scenario: str
    on: dt.date
    parties: tuple[str, ...]
    mode: Mode
    indicators: tuple[Mapping[str, str], ...]
    baseline: Mapping[str, Mapping[str, float]]
    bundles: tuple[BundleResult, ...]
    pareto: tuple[ParetoPoint, ...]
    evaluated: int
    exhaustive: bool
    bound: Mapping[str, Any] | None
    draws: int
    seed: int | None
    level: float
    robust: tuple[tuple[str, ...], ...]
    profile_calls: int
    assumptions: tuple[str, ...] = ()
    n_compatible: int | None = None
    measures: tuple[Mapping[str, str], ...] = ()
    compatible_total: int | None = None
    sensitivity: tuple[Mapping[str, Any], ...] = ()

    @property
    def compatible(self) -> tuple[BundleResult, ...]:
        """The compatible bundles, ranked."""
        return tuple(b for b in self.bundles if b.compatible)

    def to_json(self) -> dict[str, Any]:
        """The JSON contract of ``indivisible negotiate --format json``."""
        return {
            "menu": self.menu,
            "scenario": self.scenario,
            "on": self.on.isoformat(),
            "parties": list(self.parties),
            "mode": self.mode,
            "indicators": [dict(i) for i in self.indicators],
            "baseline": {p: {k: _num(x) for k, x in v.items()} for p, v in self.baseline.items()},
            "measures": [dict(m) for m in self.measures],
            "compatible_total": (
                len(self.compatible) if self.compatible_total is None else self.compatible_total
            ),
            "bundles": [b.to_json() for b in self.bundles],
            "pareto": [p.to_json() for p in self.pareto],
            "evaluated": self.evaluated,
            "exhaustive": self.exhaustive,
            "bound": None if self.bound is None else dict(self.bound),
            "draws": self.draws,
            "seed": self.seed,
            "level": self.level,
            "robust": [list(b) for b in self.robust],
            "profile_calls": self.profile_calls,
            "assumptions": list(self.assumptions),
            "n_compatible": self.n_compatible,
            "sensitivity": [dict(x) for x in self.sensitivity],
        }
