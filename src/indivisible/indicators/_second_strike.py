r"""Second-strike survivability: the share of a retaliator's warheads that survive and penetrate.

Indicator ``second_strike_fraction`` (0–1, higher_is_safer for the retaliator). For a pair
(first striker F, retaliator R), with R's warheads in basing modes m:

* ``w_m``: R's warheads in mode m; ``W = Σ_m w_m``;
* ``d_m``: share of them dispersed out of reach of a counterforce strike when it lands
  (SSBNs at sea, bombers airborne, mobile launchers in the field);
* ``T_m``: aim points holding the rest (silos, submarine and bomber bases, garrisons);
* ``A_m``: F's warheads allocated to those aim points; ``k_m = A_m / T_m`` per aim point;
* ``p``: single-warhead kill probability of F's warheads against such aim points.

Counterforce (aim points struck independently, warheads spread evenly; a non-integer
``k_m`` is used as a continuous exponent)::

    S = Σ_m w_m · ( d_m + (1 − d_m) · (1 − p)^{k_m} )

Missile defence of F: ``n`` interceptors, single-shot kill probability ``q``, geometric
coverage ``c`` (share of arriving warheads inside the defended footprint), salvo doctrine of
``s`` interceptors per engaged warhead (no shoot-look-shoot)::

    E = min(c · S, n / s)                 # warheads engaged
    P = S − E · (1 − (1 − q)^s)           # warheads that penetrate
    second_strike_fraction = P / W

Hand check (``tests/indicators/test_second_strike.py``): ``w = (400, 1000)``,
``d = (0, 0.6)``, ``T = (400, 5)``, ``A = (800, 10)``, ``p = 0.9`` → silos keep
400·0.1² = 4, submarines 1000·(0.6 + 0.4·0.01) = 604, S = 608; ``n = 44, q = 0.5, c = 1,
s = 2`` → E = 22, P = 608 − 22·0.75 = 591.5, fraction 591.5 / 1400 = 0.4225.

Not modelled: launch on warning, attacks on command and control, warhead reliability,
decoys and countermeasures. Every number is an input, with its source or marked as an
assumption, in the inputs file (``examples/second-strike-2022.yaml``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import numpy as np
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from indivisible._bounds import MAX_COUNT, check_date_bounds
from indivisible._bundled import record_or_bundled
from indivisible._dates import strict_iso_date
from indivisible._hints import hint as _hint
from indivisible.indicators._geo import FloatArray
from indivisible.indicators._uncertainty import Distribution

__all__ = [
    "Defence",
    "Mode",
    "Pair",
    "SecondStrikeInputs",
    "StateForces",
    "as_inputs",
    "load_second_strike",
    "second_strike",
    "second_strike_fraction",
    "surviving_warheads",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Amount = Annotated[float, Field(strict=True, ge=0, le=MAX_COUNT, allow_inf_nan=False)]
"""A finite number of warheads, aim points or interceptors, written as a number (at most
one million; an expected value may be fractional)."""

IsoDate = Annotated[
    dt.date, BeforeValidator(strict_iso_date("2022-02-14")), AfterValidator(check_date_bounds)
]


class Mode(_Model):
    """Warheads of one basing mode (``dispersed`` in [0, 1]; may be a distribution)."""

    warheads: Amount
    aim_points: Annotated[Amount, Field(gt=0)]
    dispersed: Distribution
    source: str | None = None
    note: str | None = None


class Defence(_Model):
    """A state's missile defence against the other side's retaliation."""

    interceptors: Amount = 0
    sspk: Distribution = Field(default_factory=lambda: Distribution.model_validate(0.0))
    coverage: Distribution = Field(default_factory=lambda: Distribution.model_validate(1.0))
    shots_per_warhead: int = Field(default=2, ge=1, le=100, strict=True)
    source: str | None = None
    note: str | None = None


class StateForces(_Model):
    """One nuclear-armed state: warheads by mode, kill probability, missile defence."""

    modes: dict[str, Mode] = Field(min_length=1)
    kill_probability: Distribution
    defence: Defence = Field(default_factory=Defence)
    source: str | None = None
    note: str | None = None


class Pair(_Model):
    """A first strike by ``first`` on ``second``'s forces: warheads allocated by mode."""

    first: str
    second: str
    allocation: dict[str, Amount]
    note: str | None = None

    @model_validator(mode="after")
    def _not_itself(self) -> Pair:
        if self.first == self.second:
            raise ValueError(
                f"first and second are both {self.first!r}: a state cannot strike itself"
            )
        return self


class SecondStrikeInputs(_Model):
    """The ``second_strike:`` inputs (file or mapping); see ``examples/second-strike-2022.yaml``."""

    date: IsoDate | None = None
    states: dict[str, StateForces]
    pairs: list[Pair] = Field(min_length=1)
    assumptions: list[str] = []
    sources: dict[str, str] = {}

    @model_validator(mode="after")
    def _refs(self) -> SecondStrikeInputs:
        for i, p in enumerate(self.pairs):
            for who in (p.first, p.second):
                if who not in self.states:
                    raise ValueError(f"pairs[{i}]: no forces given for {who!r} under states")
            unknown = set(p.allocation) - set(self.states[p.second].modes)
            if unknown:
                raise ValueError(
                    f"pairs[{i}]: allocation names modes {sorted(unknown)} that "
                    f"{p.second} does not have ({sorted(self.states[p.second].modes)})"
                )
            if any(v < 0 for v in p.allocation.values()):
                raise ValueError(f"pairs[{i}]: allocations must be >= 0")
        for code, st in self.states.items():
            probs = [st.kill_probability, st.defence.sspk, st.defence.coverage]
            probs += [m.dispersed for m in st.modes.values()]
            for d in probs:
                if d.kind != "beta" and not all(0.0 <= x <= 1.0 for x in d.params):
                    raise ValueError(f"states.{code}: probabilities must lie in [0, 1]")
        return self


def surviving_warheads(
    warheads: Any, dispersed: Any, aim_points: Any, allocated: Any, kill_probability: Any
) -> FloatArray:
    """Warheads surviving the counterforce strike: ``S = Σ_m w_m (d_m + (1−d_m)(1−p)^(A_m/T_m))``.

    Examples:
        >>> float(surviving_warheads([400, 1000], [0, 0.6], [400, 5], [800, 10], 0.9))
        608.0
    """
    w = np.asarray(warheads, dtype=np.float64)
    d = np.asarray(dispersed, dtype=np.float64)
    k = np.asarray(allocated, dtype=np.float64) / np.asarray(aim_points, dtype=np.float64)
    pk = np.asarray(kill_probability, dtype=np.float64)[..., None]
    out: FloatArray = np.asarray((w * (d + (1.0 - d) * (1.0 - pk) ** k)).sum(axis=-1))
    return out


@dataclass(frozen=True)
class DefenceValues:
    """The first striker's missile defence as numbers (scalars or ``[...]`` draws).

    Attributes:
        interceptors: interceptors of the first striker.
        sspk: single-shot kill probability of an interceptor.
        coverage: share of retaliating warheads inside the defended footprint.
        shots_per_warhead: salvo size per engaged warhead.
    """

    interceptors: Any = 0.0
    sspk: Any = 0.0
    coverage: Any = 1.0
    shots_per_warhead: int = 2


NO_DEFENCE = DefenceValues()


def second_strike_fraction(
    warheads: Any,
    dispersed: Any,
    aim_points: Any,
    allocated: Any,
    kill_probability: Any,
    defence: DefenceValues = NO_DEFENCE,
) -> FloatArray:
    """Share of warheads that survive a counterforce strike and penetrate missile defence.

    Vectorised over draws: the per-mode inputs are arrays ``[..., M]`` and the scalars
    (kill probability, interceptors, SSPK, coverage) broadcast as ``[...]``.

    Args:
        warheads: warheads per mode, ``[M]``.
        dispersed: share dispersed out of reach per mode, ``[..., M]``.
        aim_points: aim points per mode, ``[M]``.
        allocated: first-strike warheads per mode, ``[M]``.
        kill_probability: single-warhead kill probability, ``[...]``.
        defence: the first striker's missile defence (default: none).

    Returns:
        The fraction, shape ``[...]`` (a 0-d array for scalar inputs).

    Examples:
        >>> float(second_strike_fraction([400, 1000], [0, 0.6], [400, 5], [800, 10], 0.9,
        ...                              DefenceValues(44, 0.5, 1.0, 2)))
        0.4225
    """
    w = np.asarray(warheads, dtype=np.float64)
    d = np.asarray(dispersed, dtype=np.float64)
    t = np.asarray(aim_points, dtype=np.float64)
    a = np.asarray(allocated, dtype=np.float64)
    pk = np.asarray(kill_probability, dtype=np.float64)[..., None]
    total = w.sum()
    if total <= 0:
        return np.asarray(np.nan * pk[..., 0])
    surviving = surviving_warheads(w, d, t, a, pk[..., 0])
    shots = defence.shots_per_warhead
    engaged = np.minimum(
        np.asarray(defence.coverage) * surviving, np.asarray(defence.interceptors) / shots
    )
    killed = engaged * (1.0 - (1.0 - np.asarray(defence.sspk, dtype=np.float64)) ** shots)
    out: FloatArray = np.asarray((surviving - killed) / total)
    return out


def _pair_arrays(
    inputs: SecondStrikeInputs, pair: Pair, rng: np.random.Generator | None, n: int
) -> dict[str, Any]:
    r = inputs.states[pair.second]
    f = inputs.states[pair.first]
    names = list(r.modes)

    def val(dist: Distribution) -> Any:
        return dist.central if rng is None else dist.sample(rng, n)

    disp = [val(r.modes[m].dispersed) for m in names]
    return {
        "warheads": np.array([r.modes[m].warheads for m in names]),
        "dispersed": np.stack(np.broadcast_arrays(*disp), axis=-1) if rng else np.array(disp),
        "aim_points": np.array([r.modes[m].aim_points for m in names]),
        "allocated": np.array([pair.allocation.get(m, 0.0) for m in names]),
        "kill_probability": val(f.kill_probability),
        "defence": DefenceValues(
            f.defence.interceptors,
            val(f.defence.sspk),
            val(f.defence.coverage),
            f.defence.shots_per_warhead,
        ),
    }


def second_strike(
    inputs: SecondStrikeInputs, rng: np.random.Generator | None = None, draws: int = 0
) -> list[dict[str, Any]]:
    """Evaluate every pair: ``{first, second, fraction, surviving, penetrating, draws}``.

    ``fraction`` uses the central value of every distribution; with ``rng`` and ``draws``,
    ``draws`` holds one fraction per draw (inputs drawn independently per pair).
    """
    out = []
    for pair in inputs.pairs:
        c = _pair_arrays(inputs, pair, None, 0)
        frac = float(second_strike_fraction(**c))
        w = c["warheads"]
        surv = float(
            surviving_warheads(
                w, c["dispersed"], c["aim_points"], c["allocated"], c["kill_probability"]
            )
        )
        row: dict[str, Any] = {
            "first": pair.first,
            "second": pair.second,
            "fraction": frac,
            "warheads": float(w.sum()),
            "surviving": surv,
            "penetrating": frac * float(w.sum()),
            "draws": None,
        }
        if rng is not None and draws > 0:
            row["draws"] = np.asarray(
                second_strike_fraction(**_pair_arrays(inputs, pair, rng, draws))
            )
        out.append(row)
    return out


def as_inputs(value: SecondStrikeInputs | Mapping[str, Any] | str | Path) -> SecondStrikeInputs:
    """Normalise a ``second_strike`` argument: inputs, a mapping or a YAML path."""
    if isinstance(value, SecondStrikeInputs):
        return value
    if isinstance(value, str | Path):
        return load_second_strike(value)
    from indivisible._yaml import failing_at, validated

    return validated(SecondStrikeInputs, dict(value), failing_at(None, None))


def load_second_strike(path: str | Path, record: Any = None) -> SecondStrikeInputs:
    """Read second-strike inputs from YAML (top-level ``second_strike:`` optional).

    Every state (``states`` keys, ``first`` and ``second`` of each pair) must be a state of
    ``record`` (default: the bundled record).

    Raises:
        InputError: unreadable file, not YAML, or an invalid field (named).
    """
    from indivisible._paths import check_readable
    from indivisible._yaml import read_wrapped, validated

    data, fail = read_wrapped(check_readable(path), "second_strike", beside=True)
    if not isinstance(data, dict):
        fail((), "expected a mapping with states and pairs")
    inputs = validated(SecondStrikeInputs, data, fail)
    record = record_or_bundled(record)
    states = list(record.states)
    for code in inputs.states:
        if code not in states:
            hint = _hint(code, states)
            fail(("states", code), f"unknown state {code!r} (not in the record){hint}")
    known = set(inputs.sources) | set(record.sources)
    for code, st in inputs.states.items():
        refs: list[tuple[tuple[int | str, ...], str | None]] = [(("states", code), st.source)]
        refs.append((("states", code, "defence"), st.defence.source))
        refs += [(("states", code, "modes", m), mode.source) for m, mode in st.modes.items()]
        for loc, ref in refs:
            if ref is not None and ref not in known:
                fail(
                    (*loc, "source"),
                    f"unknown source {ref!r} (neither under this file's sources nor in the "
                    f"bibliography){_hint(ref, sorted(known))}",
                )
    return inputs
