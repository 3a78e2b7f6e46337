"""Uncertain inputs of the indicators: readings, distributions and the generator that draws them.

An uncertain input is either a set of named readings (a disputed range: one value per party)
or a distribution. The ``uncertainty:`` spec (a YAML file, or the same mapping passed as
``uncertainty=``) says how Monte Carlo draws treat them::

    readings:                 # weights of reading names when sampling disputed ranges
      RUS: 1
      USA: 1
    ranges:                   # a distribution replaces the readings of one system
      9m729: {uniform: [480, 2350]}
    dual_capable: 0.5         # P(a dual-capable deployment is nuclear-armed), or per system
    coverage_km:              # interceptor coverage radius by system or deployment id
      sm-3-block-ib: {triangular: [500, 900, 1200]}

Sampling rules (``docs/indicators.md``): a disputed range is drawn once per draw and system
(every deployment of a system shares the draw) by picking one of the system's readings with
probability proportional to its weight (unlisted readings weigh 1); a ``ranges`` entry
replaces the readings of its system by the distribution. Distributions are ``{fixed: x}``,
``{uniform: [low, high]}``, ``{triangular: [low, mode, high]}``, ``{normal: [mean, sd]}``
(truncated at 0: the normal conditioned on >= 0, not clipped) or ``{beta: [a, b]}`` (for
probabilities).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Annotated, Any, NoReturn

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, Strict, model_validator

from indivisible._bounds import MAX_COUNT, MAX_RANGE_KM
from indivisible._errors import InputError
from indivisible._hints import hint as _hint
from indivisible.indicators._geo import FloatArray

Number = Annotated[float, Strict(), Field(allow_inf_nan=False)]
"""A finite number written as a number (text and booleans are rejected)."""

__all__ = ["Distribution", "UncertaintySpec", "generator", "load_uncertainty"]

_KINDS = {"fixed": 1, "uniform": 2, "triangular": 3, "normal": 2, "beta": 2}


class Distribution(BaseModel):
    """A distribution of one uncertain number, written ``{kind: parameters}``.

    Examples:
        >>> d = Distribution.model_validate({"uniform": [480, 2350]})
        >>> d.kind, d.params, d.central
        ('uniform', (480.0, 2350.0), 1415.0)
        >>> Distribution.model_validate(0.5).kind
        'fixed'
        >>> s = d.sample(np.random.default_rng(1), 3)
        >>> bool(((s >= 480) & (s <= 2350)).all())
        True
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    kind: str
    params: tuple[Number, ...]

    @model_validator(mode="before")
    @classmethod
    def _coerce(cls, value: Any) -> Any:
        if isinstance(value, bool):
            raise ValueError(f"expected a number or {{kind: parameters}}, got {value!r}")
        if isinstance(value, int | float):  # validated as a finite number below (no float())
            return {"kind": "fixed", "params": (value,)}
        if isinstance(value, Mapping) and set(value) == {"kind", "params"}:
            return value
        if not isinstance(value, Mapping) or len(value) != 1:
            raise ValueError(
                f"expected one of {sorted(_KINDS)} as {{kind: parameters}}, e.g. "
                f"{{uniform: [480, 2350]}}, got {value!r}"
            )
        kind, params = next(iter(value.items()))
        if kind not in _KINDS:
            raise ValueError(f"unknown distribution {kind!r}; expected one of {sorted(_KINDS)}")
        if isinstance(params, int | float) and not isinstance(params, bool):
            params = [params]
        if not isinstance(params, list | tuple):
            raise ValueError(f"{kind} takes a list of numbers, e.g. [480, 2350], got {params!r}")
        return {"kind": kind, "params": tuple(params)}

    @model_validator(mode="after")
    def _check(self) -> Distribution:
        n = _KINDS[self.kind]
        p = self.params
        if len(p) != n:
            raise ValueError(f"{self.kind} takes {n} parameter(s), got {list(p)}")
        if not all(np.isfinite(p)):
            raise ValueError(f"parameters must be finite, got {list(p)}")
        if self.kind == "uniform" and not p[0] <= p[1]:
            raise ValueError(f"uniform needs low <= high, got {list(p)}")
        if self.kind == "triangular" and not p[0] <= p[1] <= p[2]:
            raise ValueError(f"triangular needs low <= mode <= high, got {list(p)}")
        if self.kind in ("normal", "beta") and not (
            p[1] > 0 and (self.kind == "normal" or p[0] > 0)
        ):
            raise ValueError(f"{self.kind} parameters must be > 0, got {list(p)}")
        return self

    @property
    def central(self) -> float:
        """The value used without draws: the mean (the value itself for ``fixed``)."""
        p = self.params
        if self.kind == "fixed":
            return p[0]
        if self.kind == "uniform":
            return (p[0] + p[1]) / 2.0
        if self.kind == "triangular":
            return (p[0] + p[1] + p[2]) / 3.0
        if self.kind == "normal":
            return truncated_normal_mean(p[0], p[1])
        return p[0] / (p[0] + p[1])

    def sample(self, rng: np.random.Generator, n: int) -> FloatArray:
        """``n`` independent draws.

        A ``normal`` is truncated at 0: drawn from the normal conditioned on being >= 0, by
        inverting its distribution function, not clipped.
        """
        p = self.params
        if self.kind == "fixed":
            return np.full(n, p[0])
        if self.kind == "uniform":
            return rng.uniform(p[0], p[1], n)
        if self.kind == "triangular":
            if p[0] == p[2]:
                return np.full(n, p[0])
            return rng.triangular(p[0], p[1], p[2], n)
        if self.kind == "normal":
            return truncated_normal_sample(rng, p[0], p[1], n)
        return rng.beta(p[0], p[1], n)


def truncated_normal_mean(mean: float, sd: float) -> float:
    """Mean of the normal ``(mean, sd)`` truncated to ``[0, inf)``.

    ``mean + sd * phi(a) / (1 - Phi(a))`` with ``a = -mean / sd``.

    Examples:
        >>> round(truncated_normal_mean(0.0, 1.0), 4)   # sqrt(2 / pi)
        0.7979
        >>> truncated_normal_mean(100.0, 1.0)
        100.0
    """
    from statistics import NormalDist

    a = -mean / sd
    tail = 1.0 - NormalDist().cdf(a)
    if tail <= 0.0:
        return 0.0
    return float(mean + sd * NormalDist().pdf(a) / tail)


def truncated_normal_sample(rng: np.random.Generator, mean: float, sd: float, n: int) -> FloatArray:
    """``n`` draws of the normal ``(mean, sd)`` truncated to ``[0, inf)`` (inverse CDF).

    ``u ~ U(Phi(a), 1)``, ``x = mean + sd * Phi^-1(u)``: every draw is a draw of the
    conditional distribution, none is moved to 0.
    """
    from statistics import NormalDist

    std = NormalDist()
    lo = std.cdf(-mean / sd)
    u = rng.uniform(lo, 1.0, n)
    u = np.clip(u, np.nextafter(0.0, 1.0), np.nextafter(1.0, 0.0))
    z = np.fromiter((std.inv_cdf(float(x)) for x in u), dtype=np.float64, count=n)
    return np.maximum(mean + sd * z, 0.0)


class UncertaintySpec(BaseModel):
    """How draws treat uncertain inputs (see the module docstring for the YAML form).

    Attributes:
        readings: weight of each reading name when a disputed range is sampled (default 1).
        ranges: system id → distribution replacing that system's range readings, km.
        dual_capable: probability that a deployment of a ``dual`` system (and no stated
            ``nuclear``) is nuclear-armed: one distribution for all, or per system id.
        coverage_km: interceptor coverage radius by system or deployment id, km (a
            deployment id wins over its system id).

    Examples:
        >>> spec = UncertaintySpec.model_validate(
        ...     {"readings": {"USA": 2}, "dual_capable": {"iskander-m": 0.7}})
        >>> spec.weight("USA"), spec.weight("RUS"), spec.dual_share("iskander-m")
        (2.0, 1.0, 0.7)
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    readings: dict[str, Number] = Field(default_factory=dict)
    ranges: dict[str, Distribution] = Field(default_factory=dict)
    dual_capable: Distribution | dict[str, Distribution] = Field(
        default_factory=lambda: Distribution.model_validate(0.5)
    )
    coverage_km: dict[str, Distribution] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _weights(self) -> UncertaintySpec:
        for name, w in self.readings.items():
            if not (np.isfinite(w) and 0 <= w <= MAX_COUNT):
                raise ValueError(
                    f"reading weight of {name!r} must be a number >= 0 (at most {MAX_COUNT:,}), "
                    f"got {w}"
                )
        for d in self._dual_all():
            if d.kind != "beta" and not all(0.0 <= x <= 1.0 for x in d.params):
                raise ValueError(f"dual_capable is a probability in [0, 1], got {list(d.params)}")
        for what, dists in (("ranges", self.ranges), ("coverage_km", self.coverage_km)):
            for key, d in dists.items():
                if d.kind != "beta" and not all(x <= MAX_RANGE_KM for x in d.params):
                    raise ValueError(
                        f"{what}.{key}: distances are at most {MAX_RANGE_KM:g} km (the Earth's "
                        f"circumference), got {list(d.params)}"
                    )
        return self

    def _dual_all(self) -> list[Distribution]:
        if isinstance(self.dual_capable, Distribution):
            return [self.dual_capable]
        return list(self.dual_capable.values())

    def weight(self, reading: str) -> float:
        """Sampling weight of a reading name (1 when not listed)."""
        return float(self.readings.get(reading, 1.0))

    def dual_distribution(self, system: str) -> Distribution:
        """The nuclear-armed probability of a dual-capable system (default 0.5)."""
        if isinstance(self.dual_capable, Distribution):
            return self.dual_capable
        return self.dual_capable.get(system, Distribution.model_validate(0.5))

    def dual_share(self, system: str) -> float:
        """The central nuclear-armed probability of a dual-capable system."""
        return self.dual_distribution(system).central

    def coverage(self, deployment: str, system: str) -> Distribution | None:
        """Coverage radius distribution of an interceptor deployment, if one is given."""
        return self.coverage_km.get(deployment, self.coverage_km.get(system))


def as_spec(
    value: UncertaintySpec | Mapping[str, Any] | str | Path | None, scenario: Any = None
) -> UncertaintySpec:
    """Normalise an ``uncertainty`` argument: a spec, a mapping, a YAML path or ``None``.

    With ``scenario``, every system, deployment and reading the spec names must exist in
    it (:func:`check_spec`).
    """
    from indivisible._yaml import failing_at, validated

    if value is None:
        return UncertaintySpec()
    if isinstance(value, str | Path):
        return load_uncertainty(value, scenario)
    spec = (
        value
        if isinstance(value, UncertaintySpec)
        else validated(UncertaintySpec, dict(value), failing_at(None, None))
    )
    if scenario is not None:
        check_spec(spec, scenario, failing_at(None, None))
    return spec


def load_uncertainty(path: str | Path, scenario: Any = None) -> UncertaintySpec:
    """Read an ``uncertainty:`` spec from a YAML file (top-level ``uncertainty:`` optional).

    With ``scenario``, the ids the spec names are checked against it (:func:`check_spec`).

    Raises:
        InputError: the file is missing, not YAML, or a field is invalid (named).
    """
    from indivisible._paths import check_readable
    from indivisible._yaml import read_wrapped, validated

    data, fail = read_wrapped(check_readable(path), "uncertainty")
    if not isinstance(data, dict):
        fail((), "expected a mapping (readings, ranges, ...)")
    spec = validated(UncertaintySpec, data, fail)
    if scenario is not None:
        check_spec(spec, scenario, fail)
    return spec


def check_spec(
    spec: UncertaintySpec,
    scenario: Any,
    fail: Callable[[tuple[int | str, ...], str], NoReturn],
) -> None:
    """Every system, deployment and reading name ``spec`` gives must exist in ``scenario``.

    A key nobody uses would be ignored silently: the draws would not be what the file says.

    Raises:
        InputError: (through ``fail``) the first unknown id, with the close ids.
    """
    systems = list(scenario.catalogue.ids)
    deployments = [d.id for d in scenario.deployments]
    names: set[str] = set()
    for sysm in scenario.catalogue.systems.values():
        for q in (sysm.range_km, sysm.min_range_km, sysm.speed_kmh):
            if q is not None:
                names.update(q.names)
    for key in spec.ranges:
        if key not in systems:
            fail(("ranges", key), f"unknown system {key!r}{_hint(key, systems)}")
    if not isinstance(spec.dual_capable, Distribution):
        for key in spec.dual_capable:
            if key not in systems:
                fail(("dual_capable", key), f"unknown system {key!r}{_hint(key, systems)}")
    for key in spec.coverage_km:
        if key not in systems and key not in deployments:
            fail(
                ("coverage_km", key),
                f"unknown system or deployment {key!r} (neither in the catalogue nor in the "
                f"scenario){_hint(key, systems + deployments)}",
            )
    for key in spec.readings:
        if key not in names:
            fail(
                ("readings", key),
                f"unknown reading {key!r}: no system of the scenario has it (readings: "
                f"{', '.join(sorted(names))})",
            )


def generator(
    seed: int | None, rng: np.random.Generator | None
) -> tuple[np.random.Generator, int | None, dict[str, Any]]:
    """The generator of a run, the seed it came from, and its state before the first draw.

    ``seed`` and ``rng`` are exclusive. Without either, a fresh seed is taken from the
    operating system's entropy and reported, so every run can be reproduced.

    Raises:
        InputError: both given, or a seed that is not a non-negative integer.

    Examples:
        >>> g, s, state = generator(7, None)
        >>> s, state["bit_generator"]
        (7, 'PCG64')
        >>> a = g.random(2)
        >>> g2 = np.random.Generator(np.random.PCG64())
        >>> g2.bit_generator.state = state
        >>> bool((g2.random(2) == a).all())
        True
    """
    if seed is not None and rng is not None:
        raise InputError("give seed or rng, not both", field="seed")
    if rng is not None:
        if not isinstance(rng, np.random.Generator):
            raise InputError(f"rng must be a numpy.random.Generator, got {rng!r}", field="rng")
        return rng, None, dict(rng.bit_generator.state)
    if seed is None:
        seed = int(np.random.SeedSequence().entropy) % (2**63)  # type: ignore[arg-type]
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise InputError(f"seed must be an integer >= 0, got {seed!r}", field="seed")
    g = np.random.Generator(np.random.PCG64(int(seed)))
    return g, int(seed), dict(g.bit_generator.state)
