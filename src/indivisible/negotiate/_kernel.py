"""The exact vectorised bundle evaluation: per-slot contributions, then bitmask algebra.

For every global group g (which measures with global changes a bundle holds) the profile is
evaluated once on the *core* scenario (the baseline with every touched entry taken out, plus
the group's global changes) and once on the core plus each slot s alone::

    v0[g]    = profile(core_g)
    v[g, s]  = profile(core_g + {s})

Then, for a bundle b with present slots S_b (see ``_effects``), per party, indicator, draw:

* ``sum``:  value(b) = v0 + sum_{s in S_b} (v[s] - v0)   (added in slot order)
* ``min``:  value(b) = min(v0, min_{s in S_b} v[s])     (masked running minimum of the known
  values; NaN, a reaching launcher of unknown flight time, only where none is known)
* ``max``:  value(b) = max(v0, max_{s in S_b} v[s])

These identities are exact when the indicator is a sum (a minimum, a maximum) of per-entry
terms given the global context, which ``_profile.AGGREGATION`` declares and the tests check
against full recomputation. Cost: (1 + S) profile evaluations per group and draw chunk,
then O(B·S·P·K·D) array operations.

Judging (``judge``): ``gain = sign × (after - before)`` counted where ``|gain|`` exceeds the
tolerance bound ``max(absolute, relative × |before|)``; NaN changes count as none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from indivisible.negotiate._effects import Effects, bits, scenario_of
from indivisible.negotiate._profile import Keys, Profiler, as_evaluation

F = npt.NDArray[np.float64]
B = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class Contributions:
    """Per-group base values and per-slot values of one layer (point or a draw chunk).

    Attributes:
        v0: ``[G, P, K, D]`` values of each group's core scenario.
        term: ``[G, S, P, K, D]``: for ``sum`` keys ``v[s] - v0``, else ``v[s]``.
        agg: ``[K]`` aggregation code per key (0 sum, 1 min, 2 max, 3 exact).
    """

    v0: F
    term: F
    agg: npt.NDArray[np.int8]


AGG_CODE = {"sum": 0, "min": 1, "max": 2, "exact": 3}


def profiles(
    effects: Effects,
    profiler: Profiler,
    record: Any,
    baseline: Any,
    on: dt.date,
    parties: Sequence[str],
    *,
    draws: int,
    seed: int | None,
) -> list[list[Any]]:
    """Profile every group's core scenario and core + each slot: ``[G][1 + S]`` profiles."""
    n_g = 1 << len(effects.global_measures)
    n_s = len(effects.slots)
    inputs: list[list[tuple[Any, Any]]] = []
    for g in range(n_g):
        grp = effects.group_measures(g)
        row_in = []
        for s in range(-1, n_s):
            present = np.zeros(n_s, dtype=bool)
            if s >= 0:
                present[s] = True
            sc, rec = scenario_of(effects, baseline, record, on, present=present, group=grp)
            row_in.append((rec, sc))
        inputs.append(row_in)

    from indivisible.negotiate._profile import takes_evaluate_under

    def run(rec: Any, sc: Any, **kw: Any) -> Any:
        return profiler(rec, sc, on, states=list(parties), draws=draws, seed=seed, **kw)

    out = [[run(rec, sc) for rec, sc in row] for row in inputs]
    # Which readings a profile has depends on the deployments present (a slot that removes
    # a system removes its readings, and the ends of its interval readings): each profile
    # whose named readings differ from the union is computed again under the union, so no
    # reading's keys drop out of the comparison.
    named = [set(getattr(p, "readings", ())) for row in out for p in row]
    union = list(dict.fromkeys(r for row in out for p in row for r in getattr(p, "readings", ())))
    if union and any(rs and rs != set(union) for rs in named) and takes_evaluate_under(profiler):
        out = [
            [
                run(rec, sc, evaluate_under=union)
                if (rs := set(getattr(p, "readings", ()))) and rs != set(union)
                else p
                for (rec, sc), p in zip(row_in, row, strict=True)
            ]
            for row_in, row in zip(inputs, out, strict=True)
        ]
    return out


def contributions(
    profs: list[list[Any]],
    parties: Sequence[str],
    keys: Keys,
    *,
    draws: int,
) -> Contributions:
    """The per-slot contributions of profiles from :func:`profiles` (``draws == 0``: point)."""
    n_g = len(profs)
    n_s = len(profs[0]) - 1
    d = max(draws, 1)
    shape = (len(parties), len(keys.names), d)
    v0 = np.empty((n_g, *shape))
    term = np.empty((n_g, n_s, *shape))

    def layer(prof: Any) -> F:
        ev = as_evaluation(prof, parties, keys, draws)
        if draws == 0:
            return np.asarray(ev.point, dtype=np.float64)
        if ev.draws is None:
            return np.full(shape, np.nan)
        return np.asarray(ev.draws, dtype=np.float64)

    for g in range(n_g):
        v0[g] = layer(profs[g][0])
        for s in range(n_s):
            term[g, s] = layer(profs[g][s + 1])
    agg = np.array([AGG_CODE[a] for a in keys.aggregation], dtype=np.int8)
    is_sum = agg == 0
    with np.errstate(invalid="ignore"):  # inf - inf: a sum term that is not finite
        term[:, :, :, is_sum, :] -= v0[:, None, :, is_sum, :]
    return Contributions(v0, term, agg)


def present_slots(effects: Effects, masks: npt.NDArray[np.int64]) -> B:
    """``[B, S]`` which slots are present in each bundle (two boolean matrix products)."""
    inb = bits(masks, effects.n).astype(np.int32)
    removed = (inb @ effects.removes.astype(np.int32)) > 0
    added = (inb @ effects.adds.astype(np.int32)) > 0
    out: B = (effects.in_baseline[None, :] & ~removed) | added
    return out


def values(effects: Effects, c: Contributions, masks: npt.NDArray[np.int64]) -> F:
    """``[B, P, K, D]`` indicator values of each bundle (``exact`` keys left NaN)."""
    pres = present_slots(effects, masks)
    grp = effects.group_of(masks)
    n_b = masks.shape[0]
    out = np.empty((n_b, *c.v0.shape[1:]))
    is_sum = c.agg == 0
    is_min = c.agg == 1
    is_max = c.agg == 2
    with np.errstate(invalid="ignore"):
        if (
            _aligned(masks)
            and not effects.global_measures
            and is_sum.any()
            and np.isfinite(c.term[0][:, :, is_sum, :]).all()  # subtraction must undo an add
        ):
            # sums incrementally over the bundle lattice; minima and maxima as below
            _sums_incremental(effects, c, masks, pres, out, is_sum)
            is_sum = np.zeros_like(is_sum)
        for g in np.unique(grp):
            _group(c, pres, grp, g, out, is_sum, is_min, is_max)
    return out


def _min_known(a: F, b: F, out: F, where: Any = True) -> F:
    """The minimum as the profile takes it (``exposure_min_warning_min``).

    NaN is "a launcher reaches whose flight time is not known": the profile's minimum is
    that of the known times and NaN only where no known one reaches (``inf`` otherwise). So
    NaN with a finite value gives the value, NaN with ``inf`` (or NaN) gives NaN.
    """
    r = np.fmin(a, b)
    r[np.isinf(r) & (np.isnan(a) | np.isnan(b))] = np.nan
    np.copyto(out, r, where=where)
    return out


def _aligned(masks: npt.NDArray[np.int64]) -> bool:
    """Whether ``masks`` is ``lo, lo+1, ..., lo+2^c-1`` with ``lo`` a multiple of ``2^c``."""
    n = masks.shape[0]
    if n < 2 or n & (n - 1):
        return False
    lo = int(masks[0])
    return lo % n == 0 and int(masks[-1]) == lo + n - 1 and bool((np.diff(masks) == 1).all())


def _sums_incremental(
    effects: Effects, c: Contributions, masks: npt.NDArray[np.int64], pres: B, out: F, is_sum: B
) -> None:
    """Sum keys of an aligned block by doubling: bundle ``m + 2^i`` from bundle ``m``.

    Adding measure i changes the presence of the slots it touches only, so each doubling
    step adds or subtracts those slots' terms (1-3 per measure, not all S). The order of
    operations is fixed by the block (its start and size), never by the worker running it.
    """
    n = masks.shape[0]
    bits_n = int(n).bit_length() - 1
    term = c.term[0][:, :, is_sum, :]
    idx = np.flatnonzero(is_sum)
    acc = np.empty((n, *term.shape[1:]))
    first = np.empty((1, *c.v0.shape[1:]))
    first[0] = c.v0[0]
    p0 = pres[0]
    for s in range(term.shape[0]):
        if p0[s]:
            np.add(first[0][:, is_sum, :], term[s], out=acc[0])
            first[0][:, is_sum, :] = acc[0]
    acc[0] = first[0][:, is_sum, :]
    for i in range(bits_n):
        h = 1 << i
        touched = np.flatnonzero(effects.removes[i] | effects.adds[i])
        acc[h : 2 * h] = acc[:h]
        for t_s in touched.tolist():
            d = pres[h : 2 * h, t_s].astype(np.int8) - pres[:h, t_s].astype(np.int8)
            if (d > 0).any():
                np.add(acc[h : 2 * h], term[t_s][None], out=acc[h : 2 * h],
                       where=(d > 0)[:, None, None, None])  # fmt: skip
            if (d < 0).any():
                np.subtract(acc[h : 2 * h], term[t_s][None], out=acc[h : 2 * h],
                            where=(d < 0)[:, None, None, None])  # fmt: skip
    for j, k in enumerate(idx):
        out[:, :, k, :] = acc[:, :, j, :]


def _group(
    c: Contributions,
    pres: B,
    grp: npt.NDArray[np.int64],
    g: int,
    out: F,
    is_sum: B,
    is_min: B,
    is_max: B,
) -> None:
    """Values of the bundles of global group ``g`` (into ``out``).

    In-place ufuncs with ``where=`` masks, slot by slot: the same arithmetic in the same
    order whatever the chunking (no BLAS, whose blocking could change the last bits).
    """
    rows = np.flatnonzero(grp == g)
    p = pres[rows]
    v0 = c.v0[g]
    term = c.term[g]
    n = rows.size
    for mask, fn in ((is_sum, np.add), (is_min, _min_known), (is_max, np.maximum)):
        if not mask.any():
            continue
        acc = np.empty((n, v0.shape[0], int(mask.sum()), v0.shape[2]))
        acc[...] = v0[None, :, mask, :]
        t = np.ascontiguousarray(term[:, :, mask, :])
        for s in range(t.shape[0]):
            on_s = p[:, s]
            if on_s.all():
                fn(acc, t[s][None], out=acc)
            elif on_s.any():
                fn(acc, t[s][None], out=acc, where=on_s[:, None, None, None])
        out[rows[:, None], :, np.flatnonzero(mask)[None, :], :] = np.moveaxis(acc, 2, 1)
    out[rows[:, None], :, np.flatnonzero(c.agg == 3)[None, :], :] = np.nan


def bounds(before: F, keys: Keys, tolerance: Any) -> F:
    """``[P, K, D]`` tolerance bounds ``max(absolute, relative × |before|)``."""
    rel = np.array(
        [
            tolerance.per_indicator.get(i, (tolerance.relative, tolerance.absolute))[0]
            for i in keys.indicator
        ]
    )
    ab = np.array(
        [
            tolerance.per_indicator.get(i, (tolerance.relative, tolerance.absolute))[1]
            for i in keys.indicator
        ]
    )
    base = np.where(np.isfinite(before), np.abs(before), 0.0)
    out: F = np.maximum(ab[None, :, None], rel[None, :, None] * base)
    return out


def gains(after: F, before: F, sign: F, bound: F) -> F:
    """Counted gains ``[B, P, K, D]``: safer direction positive, within tolerance zero."""
    with np.errstate(invalid="ignore"):
        g = sign[None, None, :, None] * (after - before[None])
        counted = ~np.isnan(g) & (np.abs(g) > bound[None])
    out: F = np.where(counted, g, 0.0)
    return out


def judge(g: F, weights: F | None) -> tuple[B, F | None]:
    """Compatibility ``[B, D]`` of counted gains ``[B, P, K, D]`` (and scores ``[B, P, D]``).

    Strict (``weights`` is ``None``): nobody worse on any indicator, somebody better on one.
    Weighted: nobody's weighted score below zero, somebody's above.
    """
    if weights is None:
        worse = (g < 0).any(axis=(1, 2))
        better = (g > 0).any(axis=(1, 2))
        strict: B = np.logical_and(better, np.logical_not(worse))
        return strict, None
    w = weights[None, :, :, None]
    with np.errstate(invalid="ignore"):
        terms = np.where(w > 0, w * g, 0.0)
    score = terms.sum(axis=2)
    ok = ~(score < 0).any(axis=1) & (score > 0).any(axis=1)
    return ok, score


CACHE_ELEMENTS = 1 << 21
"""Target size (float64 elements, 16 MB) of one block of bundles x parties x indicators x
draws: large enough for the incremental sums to pay, small enough to keep passes near the
cache (measured in ``benchmarks/negotiate.py``)."""


def compatible_counts(
    effects: Effects,
    c: Contributions,
    masks: npt.NDArray[np.int64],
    before: F,
    keys: Keys,
    tolerance: Any,
    weights: F | None,
    exact: F | None = None,
) -> npt.NDArray[np.int64]:
    """Per bundle, in how many draws of the layer it is compatible (integer counts).

    A contiguous run of bundles in strict mode (no global measures, no ``exact`` keys) goes
    through :class:`Sweep` (lattice blocks, exact thresholds); anything else through
    :func:`values` and the judgement, in cache-sized blocks. Every bundle's arithmetic is
    independent of the others, so the blocking does not change any result.
    """
    if (
        weights is None
        and exact is None
        and masks.size > 0
        and Sweep.applies(effects, c)
        and bool((np.diff(masks) == 1).all())
    ):
        sweep = Sweep.build(effects, c, before, keys, tolerance)
        return sweep.counts(int(masks[0]), int(masks[-1]) + 1)
    return plain_counts(effects, c, masks, before, keys, (tolerance, weights, exact))


def plain_counts(
    effects: Effects,
    c: Contributions,
    masks: npt.NDArray[np.int64],
    before: F,
    keys: Keys,
    judging: tuple[Any, F | None, F | None],
) -> npt.NDArray[np.int64]:
    """:func:`compatible_counts` through :func:`values` (any bundles, any mode).

    ``judging``: the tolerance, the weights (weighted mode) and ``exact`` values.
    """
    tolerance, weights, exact = judging
    bound = bounds(before, keys, tolerance)
    per = max(1, int(np.prod(before.shape)))
    step = 1 << max(0, (max(1, CACHE_ELEMENTS // per)).bit_length() - 1)  # a power of two
    out = np.empty(masks.shape[0], dtype=np.int64)
    for lo in range(0, masks.shape[0], step):
        m = masks[lo : lo + step]
        after = values(effects, c, m)
        if exact is not None:
            xk = c.agg == 3
            after[:, :, xk, :] = exact[m][:, :, xk, :]
        # in place: after -> signed change; NaN compares False (counts as no change)
        with np.errstate(invalid="ignore"):  # inf - inf: NaN, no change
            np.subtract(after, before[None], out=after)
        np.multiply(after, keys.sign[None, None, :, None], out=after)
        if weights is None:
            worse = (after < -bound[None]).any(axis=(1, 2))
            better = (after > bound[None]).any(axis=(1, 2))
            ok = better & ~worse
        else:
            counted = np.where(np.abs(after) > bound[None], after, 0.0)
            ok, _ = judge(counted, weights)
        out[lo : lo + step] = ok.sum(axis=1)
    return out


@dataclass(frozen=True)
class Layer:
    """Everything a task needs to count one layer (point or draw chunk) by bundle range.

    Built once per layer in the calling process and shipped once (Dask scatters the list
    of layers to every worker); a task names a layer and a range of bundles.
    """

    effects: Effects
    c: Contributions
    before: F
    keys: Keys
    tolerance: Any
    weights: F | None
    exact: F | None
    sweep: Sweep | None

    @classmethod
    def build(
        cls,
        effects: Effects,
        c: Contributions,
        before: F,
        keys: Keys,
        judging: tuple[Any, F | None, F | None],
    ) -> Layer:
        """``judging``: the tolerance, the weights (weighted mode) and ``exact`` values."""
        tolerance, weights, exact = judging
        sweep = None
        if weights is None and exact is None and Sweep.applies(effects, c):
            sweep = Sweep.build(effects, c, before, keys, tolerance)
        return cls(effects, c, before, keys, tolerance, weights, exact, sweep)

    def counts(self, lo: int, hi: int) -> npt.NDArray[np.int64]:
        """Compatible draws of each bundle ``lo .. hi - 1``."""
        if self.sweep is not None:
            return self.sweep.counts(lo, hi)
        masks = np.arange(lo, hi, dtype=np.int64)
        return compatible_counts(
            self.effects, self.c, masks, self.before, self.keys, self.tolerance, self.weights,
            self.exact,
        )  # fmt: skip


def _key(x: F) -> npt.NDArray[np.int64]:
    """Floats (no NaN) as integers in the same order (``-0.0`` and ``0.0`` both 0)."""
    i = np.ascontiguousarray(x, dtype=np.float64).view(np.int64)
    out: npt.NDArray[np.int64] = np.where(i < 0, -(i & np.int64(0x7FFFFFFFFFFFFFFF)), i)
    return out


def _float(k: npt.NDArray[np.int64]) -> F:
    """The inverse of :func:`_key`."""
    bits = np.where(k < 0, (-k) | np.int64(-0x8000000000000000), k)
    out: F = np.ascontiguousarray(bits, dtype=np.int64).view(np.float64)
    return out


def _first_false(pred: Any, true_at: F, false_at: F) -> F:
    """Per element, the smallest float in ``(true_at, false_at]`` where ``pred`` is false.

    ``pred`` is monotone along the float order (true, then false); bisection on that order.
    """
    lo, hi = _key(true_at), _key(false_at)
    while True:
        open_ = hi > lo + 1
        if not open_.any():
            return _float(hi)
        mid = (lo >> 1) + (hi >> 1) + (lo & hi & 1)
        t = pred(_float(mid)) & open_
        lo = np.where(t, mid, lo)
        hi = np.where(open_ & ~t, mid, hi)


def thresholds(before: F, bound: F) -> tuple[F, F]:
    """Exact ``lo, hi`` with ``(x - b) < -c  <=>  x < lo`` and ``(x - b) > c  <=>  x > hi``.

    For every float64 ``x`` (NaN included: both sides false), where ``b`` is ``before``, ``c``
    the tolerance bound and ``x - b`` the rounded difference. Rounding is monotone, so each
    side is a half-line of the float order; its end is found by bisection on that order
    (64 steps at most). Comparing values against these ends gives exactly the judgement of
    :func:`gains` without computing any difference.
    """
    b = np.asarray(before, dtype=np.float64)
    cb = np.broadcast_to(np.asarray(bound, dtype=np.float64), b.shape)
    fin = np.isfinite(b) & np.isfinite(cb)
    bf = np.where(fin, b, 0.0)
    cf = np.where(fin, cb, 0.0)
    inf = np.full(b.shape, np.inf)
    with np.errstate(over="ignore", invalid="ignore"):
        # below: (x - b) < -c is true at -inf, false at b; above: true at +inf, false at b
        lo = _first_false(lambda x: (x - bf) < -cf, -inf, bf)
        hi = -_first_false(lambda x: (-x - bf) > cf, -inf, -bf)  # x -> -x turns it round
    # non-finite before or bound: x - b is +-inf or NaN; the half-lines by hand
    pos = np.isposinf(b) & np.isfinite(cb)  # x - inf: -inf (below) unless x is inf (NaN)
    neg = np.isneginf(b) & np.isfinite(cb)  # x + inf: +inf (above) unless x is -inf (NaN)
    lo = np.where(fin, lo, np.where(pos, np.inf, -np.inf))
    hi = np.where(fin, hi, np.where(neg, -np.inf, np.inf))
    return lo, hi


_OPS = {0: np.add, 1: np.minimum, 2: np.maximum}


@dataclass(frozen=True)
class _KeyGroup:
    """The keys of one aggregation, safer-when-higher first, laid out ``[k, P, D]``."""

    op: np.ufunc
    n_plus: int
    v0: F  # [k, P, D]
    term: F  # [S, k, P, D]
    lo: F  # [k, P, D]
    hi: F  # [k, P, D]


@dataclass(frozen=True)
class Sweep:
    """Strict-mode counts over contiguous bundles, block by block on the bundle lattice.

    A block is ``2^c`` bundles ``lo .. lo + 2^c - 1`` with ``lo`` a multiple of ``2^c``: its
    bundles differ in the low ``c`` measures only. Each slot enters at the step of the
    highest low measure that touches it (slots no low measure touches are folded into the
    block's first row). Step ``j`` doubles the rows: the upper half (measure ``j`` in) is
    the lower half with the slots present only with ``j``, the lower half takes the slots
    present only without it; a slot whose presence also depends on lower measures is
    applied under its mask. Every row thus receives each of its present slots exactly once,
    in an order fixed by the block alone (sums: that order; minima and maxima: exact in any
    order), so no subtraction ever undoes an addition.

    The judgement compares values with :func:`thresholds` (no difference, no sign): a key
    whose higher value is safer is worse below ``lo`` and better above ``hi``; the others
    the other way round.
    """

    effects: Effects
    groups: tuple[_KeyGroup, ...]
    draws: int
    block: int  # bundles per block (a power of two)

    @staticmethod
    def applies(effects: Effects, c: Contributions) -> bool:
        """Whether the sweep can count this layer (no global measures, no ``exact`` key)."""
        return not effects.global_measures and not bool((c.agg == 3).any())

    @classmethod
    def build(
        cls, effects: Effects, c: Contributions, before: F, keys: Keys, tolerance: Any
    ) -> Sweep:
        """Lay out the layer's contributions and thresholds by aggregation."""
        lo, hi = thresholds(before, bounds(before, keys, tolerance))
        sign = keys.sign
        groups = []
        for code, op in _OPS.items():
            ks = [k for k in range(len(c.agg)) if c.agg[k] == code]
            if not ks:
                continue
            idx = np.array(sorted(ks, key=lambda k: (sign[k] < 0, k)), dtype=np.intp)
            groups.append(
                _KeyGroup(
                    op=op,
                    n_plus=int((sign[idx] > 0).sum()),
                    v0=np.ascontiguousarray(np.moveaxis(c.v0[0][:, idx, :], 1, 0)),
                    term=np.ascontiguousarray(np.moveaxis(c.term[0][:, :, idx, :], 2, 1)),
                    lo=np.ascontiguousarray(np.moveaxis(lo[:, idx, :], 1, 0)),
                    hi=np.ascontiguousarray(np.moveaxis(hi[:, idx, :], 1, 0)),
                )
            )
        per = max(1, int(np.prod(before.shape)))
        block = 1 << max(0, (max(1, SWEEP_ELEMENTS // per)).bit_length() - 1)
        return cls(effects, tuple(groups), int(before.shape[-1]), block)

    def counts(self, lo: int, hi: int) -> npt.NDArray[np.int64]:
        """Compatible draws of bundles ``lo .. hi - 1`` (maximal aligned blocks)."""
        out = np.empty(hi - lo, dtype=np.int64)
        a = lo
        while a < hi:
            size = self.block
            while size > 1 and (a % size or a + size > hi):
                size >>= 1
            out[a - lo : a - lo + size] = self._block(a, size.bit_length() - 1)
            a += size
        return out

    def _block(self, lo: int, c_bits: int) -> npt.NDArray[np.int64]:
        eff = self.effects
        n = 1 << c_bits
        pres = present_slots(eff, np.arange(lo, lo + n, dtype=np.int64))  # [n, S]
        low = (eff.removes | eff.adds)[:c_bits]  # [c, S]
        step = np.full(low.shape[1], -1)
        if c_bits:
            step = np.where(low.any(axis=0), c_bits - 1 - np.argmax(low[::-1], axis=0), -1)
        plan: list[tuple[list[int], ...]] = []
        for j in range(c_bits):
            h = 1 << j
            intro = np.flatnonzero(step == j)
            halves = []
            for part in (pres[h : 2 * h, intro], pres[:h, intro]):  # with measure j, without
                every, some = part.all(axis=0), part.any(axis=0)
                halves.append((intro[every].tolist(), intro[some & ~every].tolist()))
            plan.append((*halves[0], *halves[1]))
        fixed = np.flatnonzero((step < 0) & pres[0]).tolist()
        worse = np.zeros((n, self.draws), dtype=bool)
        better = np.zeros((n, self.draws), dtype=bool)
        for g in self.groups:
            with np.errstate(invalid="ignore"):  # inf + -inf: NaN, as in any order
                acc = self._values(g, n, pres, fixed, plan)
            self._judge(g, acc, worse, better)
        out: npt.NDArray[np.int64] = np.count_nonzero(better & ~worse, axis=1)
        return out

    @staticmethod
    def _values(
        g: _KeyGroup, n: int, pres: B, fixed: list[int], plan: list[tuple[list[int], ...]]
    ) -> F:
        """Values ``[n, k, P, D]`` of the block's bundles (see the class)."""
        op, term = g.op, g.term
        acc = np.empty((n, *g.v0.shape))
        acc[0] = g.v0
        for s in fixed:
            op(acc[0], term[s], out=acc[0])
        for j, (up_all, up_some, lo_all, lo_some) in enumerate(plan):
            h = 1 << j
            lower, upper = acc[:h], acc[h : 2 * h]
            if up_all:  # the copy fused with the first slot
                op(lower, term[up_all[0]], out=upper)
                for s in up_all[1:]:
                    op(upper, term[s], out=upper)
            else:
                upper[...] = lower
            for s in up_some:
                op(upper, term[s], out=upper, where=pres[h : 2 * h, s][:, None, None, None])
            for s in lo_all:
                op(lower, term[s], out=lower)
            for s in lo_some:
                op(lower, term[s], out=lower, where=pres[:h, s][:, None, None, None])
        return acc

    @staticmethod
    def _judge(g: _KeyGroup, acc: F, worse: B, better: B) -> None:
        n, k, p, d = acc.shape
        np_ = g.n_plus
        flag = np.empty(acc.shape, dtype=bool)
        for cmp, edge, plus_out, minus_out in (
            (np.less, g.lo, worse, better),
            (np.greater, g.hi, better, worse),
        ):
            cmp(acc, edge, out=flag)
            if np_:
                plus_out |= np.logical_or.reduce(flag[:, :np_].reshape(n, np_ * p, d), axis=1)
            if np_ < k:
                minus_out |= np.logical_or.reduce(
                    flag[:, np_:].reshape(n, (k - np_) * p, d), axis=1
                )


SWEEP_ELEMENTS = 1 << 20
"""Target size (float64 elements, 2 MB) of one sweep block of bundles x parties x keys x
draws: near the per-core cache, so two worker processes do not compete for the shared one
(measured in ``benchmarks/negotiate.py``)."""
