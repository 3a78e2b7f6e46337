"""Exact search beyond the exhaustive limit: branch-and-bound over measures, vectorised leaves.

The high bits of a bundle (measures ``L .. N-1``, ``L = leaf_bits``) are decided one by
one, depth first (exclude before include); a node fixes some measures in or out, and
``require`` is propagated (a measure in brings what it requires, a measure out takes out
what requires it; a contradiction makes the whole subtree infeasible). For a node each
slot is *certainly present*, *certainly absent* or *undecided*, and for each global group
consistent with the node, party and key the value of every completion lies in ``[lo, hi]``:

* sum:  ``v0 + Σ_present term + Σ_undecided min(term, 0)`` … ``v0 + Σ_present term +
  Σ_undecided max(term, 0)``;
* min:  ``min(v0, min_{present ∪ undecided} v)`` … ``min(v0, min_present v)``;
* max:  ``max(v0, max_present v)`` … ``max(v0, max_{present ∪ undecided} v)``;

except that a baseline entry and its replacement (exactly one of them is present, by the
conflict rule) enter as one term: the smaller or larger of the two.

A key is *wild* (no bound used) when a NaN or opposite infinities could enter, or when the
baseline value is not finite. The counted gain ``c(g) = g if |g| > bound else 0`` is
non-decreasing in ``g``, so ``[c(gL), c(gU)]`` bounds it, and a weighted score by
``Σ_k w_k c(gU_k)``. A subtree is pruned only when both hold:

1. no completion is compatible: strict, some party is certainly worse on some key (``gU <
   -bound``) or nobody can be better on any key; weighted, some party's optimistic score is
   negative or nobody's can be positive;
2. no completion can be on the Pareto front: an evaluated bundle's outcome is ``>=`` the
   subtree's optimistic outcome vector everywhere and ``>`` somewhere (then it strictly
   dominates every completion, which therefore never shares a Pareto outcome either).

Bounds carry a slack of ``1e-9 × (1 + magnitude)`` against rounding, which can only prune
less (the ``>=`` of the Pareto test is taken without it: exact in real arithmetic, and in
floating point for count-valued sums). Surviving prefixes are evaluated exhaustively,
``2^L`` bundles each, with the kernel (aligned blocks, the same arithmetic as the
exhaustive search). So when the search completes,
the compatible set and the Pareto set (with its counts of equivalent bundles) are exactly
those of the exhaustive search.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from indivisible.negotiate._effects import Effects, feasible
from indivisible.negotiate._kernel import CACHE_ELEMENTS, Contributions, gains, judge, values

F = npt.NDArray[np.float64]
B = npt.NDArray[np.bool_]
I64 = npt.NDArray[np.int64]

SLACK = 1e-9


class SearchIncompleteWarning(UserWarning):
    """The branch-and-bound stopped at its evaluation budget: results are partial."""


@dataclass
class Outcome:
    """What the branch-and-bound found (point values).

    Attributes:
        compatible: masks of the compatible feasible bundles found, ascending.
        pareto: per non-dominated outcome, ``(best mask, number of bundles)``.
        bound: the stated bound (``Negotiation.bound``).
        evaluated: feasible bundles evaluated one by one.
    """

    compatible: I64
    pareto: list[tuple[int, int]]
    bound: dict[str, Any]
    evaluated: int


def reversed_bits(masks: I64, n: int) -> I64:
    """Bit-reversed masks: larger means lexicographically smaller sorted member indices."""
    out = np.zeros_like(masks)
    for i in range(n):
        out |= ((masks >> i) & 1) << (n - 1 - i)
    return out


def popcount(masks: I64) -> I64:
    """Number of measures of each mask."""
    m = masks.copy()
    out = np.zeros_like(masks)
    while m.any():
        out += m & 1
        m >>= 1
    return out


def nondominated(obj: F) -> B:
    """Rows of ``obj`` no other row dominates (maximise every column); duplicates kept.

    Examples:
        >>> nondominated(np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0], [1.0, 0.0]])).tolist()
        [True, True, False, True]
    """
    uniq, inverse = np.unique(obj, axis=0, return_inverse=True)
    keep = np.ones(len(uniq), dtype=bool)
    for i in range(len(uniq)):
        row = uniq[i]
        dom = (uniq >= row).all(axis=1) & (uniq > row).any(axis=1)
        keep[i] = not dom.any()
    out: B = keep[inverse.reshape(-1)]
    return out


class _Front:
    """Non-dominated outcomes so far, each with its count and smallest bundle."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.obj: F | None = None
        self.count = np.zeros(0, dtype=np.int64)
        self.best = np.zeros(0, dtype=np.int64)

    def add(self, obj: F, masks: I64) -> None:
        if obj.shape[0] == 0:
            return
        keep = nondominated(obj)  # rows dominated inside the block never count
        obj, masks = obj[keep], masks[keep]
        count = np.ones(masks.shape[0], dtype=np.int64)
        if self.obj is not None:
            obj = np.concatenate([self.obj, obj])
            masks = np.concatenate([self.best, masks])
            count = np.concatenate([self.count, count])
        uniq, inv = np.unique(obj, axis=0, return_inverse=True)
        inv = inv.reshape(-1)
        total = np.zeros(len(uniq), dtype=np.int64)
        np.add.at(total, inv, count)
        order = np.lexsort((-reversed_bits(masks, self.n), popcount(masks), inv))
        first = np.ones(order.size, dtype=bool)
        first[1:] = inv[order][1:] != inv[order][:-1]
        best = np.empty(len(uniq), dtype=np.int64)
        best[inv[order][first]] = masks[order][first]
        nd = nondominated(uniq)
        self.obj, self.count, self.best = uniq[nd], total[nd], best[nd]

    def dominates(self, ub0: F, ub: F) -> bool:
        """Whether a known outcome is ``>= ub0`` everywhere and ``> ub`` somewhere."""
        if self.obj is None:
            return False
        return bool(((self.obj >= ub0).all(axis=1) & (self.obj > ub).any(axis=1)).any())


def _counted(g: F, b: F) -> F:
    out: F = np.where(np.abs(g) > b, g, 0.0)
    return out


class _Bounds:
    """Per-node value bounds of every key for one point layer."""

    def __init__(
        self,
        effects: Effects,
        c: Contributions,
        before: F,
        sign: F,
        tol: F,
        weights: F | None,
    ) -> None:
        self.e = effects
        self.v0 = c.v0[..., 0]  # [G, P, K]
        self.term = c.term[..., 0]  # [G, S, P, K]
        self.agg = c.agg
        self.before = before[..., 0]  # [P, K]
        self.sign = sign
        self.tol = tol[..., 0]
        self.weights = weights
        n = effects.n
        self.req = effects.requires
        self.req_by = effects.requires.T  # [j, i]: i requires j
        self.gm = effects.global_measures
        self.n = n
        # replacement pairs: a baseline slot and the new version of the same entry; by the
        # conflict rule its removers are exactly the new version's adders, so exactly one
        # of the two is present in every bundle
        where = {(sl.group, sl.id): k for k, sl in enumerate(effects.slots) if sl.kind == "base"}
        pairs = [
            (where[(sl.group, sl.id)], k)
            for k, sl in enumerate(effects.slots)
            if sl.kind == "new" and (sl.group, sl.id) in where
        ]
        self.pb = np.array([a for a, _ in pairs], dtype=np.int64)
        self.pn = np.array([b for _, b in pairs], dtype=np.int64)

    def node(self, inc: int, exc: int) -> tuple[bool, bool, F | None, F | None]:
        """``(infeasible, no_compatible, optimistic outcome, the same with slack)``."""
        n = self.n
        ib = np.array([(inc >> i) & 1 for i in range(n)], dtype=bool)
        xb = np.array([(exc >> i) & 1 for i in range(n)], dtype=bool)
        fin = ib | self.req[ib].any(axis=0)
        fout = xb | self.req[:, xb].any(axis=1)
        if (fin & fout).any():
            return True, True, None, None
        e = self.e
        removed = e.removes[fin].any(axis=0)
        added = e.adds[fin].any(axis=0)
        rem_possible = e.removes[~fout].any(axis=0)
        add_possible = e.adds[~fout].any(axis=0)
        base = e.in_baseline
        pres = np.where(base, ~rem_possible, added)
        absent = np.where(base, removed, ~add_possible)
        # a base slot both removed by some measure and re-added cannot occur (conflict rule)
        unk = ~pres & ~absent
        lo = hi = wild = eps = None
        for g in range(self.v0.shape[0]):
            gms = [self.gm[k] for k in range(len(self.gm)) if (g >> k) & 1]
            ok = all(not fout[i] for i in gms) and all((i in gms) or not fin[i] for i in self.gm)
            if not ok:
                continue
            lg, hg, wg, eg = self._group(g, pres, unk)
            if lo is None:
                lo, hi, wild, eps = lg, hg, wg, eg
            else:
                assert hi is not None and wild is not None and eps is not None
                lo, hi = np.minimum(lo, lg), np.maximum(hi, hg)
                wild, eps = wild | wg, np.maximum(eps, eg)
        assert lo is not None and hi is not None and wild is not None and eps is not None
        return False, *self._judge(lo, hi, wild, eps)

    def _group(self, g: int, pres: B, unk: B) -> tuple[F, F, B, F]:
        v0 = self.v0[g]
        t = self.term[g]
        cand = pres | unk
        both = unk[self.pb] & unk[self.pn]
        pb, pn = self.pb[both], self.pn[both]
        single = unk.copy()
        single[pb] = False
        single[pn] = False
        lo = np.empty_like(v0)
        hi = np.empty_like(v0)
        tc = t[cand]
        with np.errstate(invalid="ignore"):
            wild = np.isnan(v0) | np.isnan(tc).any(axis=0) | ~np.isfinite(self.before)
            s = self.agg == 0
            if s.any():
                pos_inf = (tc == np.inf).any(axis=0) | (v0 == np.inf)
                neg_inf = (tc == -np.inf).any(axis=0) | (v0 == -np.inf)
                wild = wild | (s[None, :] & pos_inf & neg_inf)
                fixed = v0 + t[pres].sum(axis=0)
                tu = t[single]
                lo_s = fixed + np.minimum(tu, 0.0).sum(axis=0)
                hi_s = fixed + np.maximum(tu, 0.0).sum(axis=0)
                if pb.size:  # one of each pair: its smaller or larger term
                    lo_s = lo_s + np.minimum(t[pb], t[pn]).sum(axis=0)
                    hi_s = hi_s + np.maximum(t[pb], t[pn]).sum(axis=0)
                lo[:, s], hi[:, s] = lo_s[:, s], hi_s[:, s]
            for code, few, many in ((1, "hi", "lo"), (2, "lo", "hi")):
                k = self.agg == code
                if not k.any():
                    continue
                fn = np.minimum if code == 1 else np.maximum
                a = v0.copy()
                for row in t[pres]:
                    a = fn(a, row)
                other = np.minimum if code == 2 else np.maximum
                for row in other(t[pb], t[pn]):  # one of each pair is present
                    a = fn(a, row)
                b = a.copy()
                for row in t[unk]:
                    b = fn(b, row)
                (hi if few == "hi" else lo)[:, k] = a[:, k]
                (lo if many == "lo" else hi)[:, k] = b[:, k]
            x = self.agg == 3
            wild = wild | x[None, :]
            mag = np.abs(np.where(np.isfinite(v0), v0, 0.0)) + np.where(
                np.isfinite(tc), np.abs(tc), 0.0
            ).sum(axis=0)
            eps = SLACK * (1.0 + mag)
        return lo, hi, wild, eps

    def _judge(self, lo: F, hi: F, wild: B, eps: F) -> tuple[bool, F, F]:
        """No completion compatible?, and the optimistic outcome without and with slack."""
        sgn = self.sign[None, :]
        with np.errstate(invalid="ignore"):
            g0 = np.where(sgn > 0, hi - self.before, self.before - lo)
            g0 = np.where(wild | np.isnan(g0), np.inf, g0)
            cu0 = _counted(g0, self.tol)
            cu = _counted(g0 + eps, self.tol)
        if self.weights is None:
            worse = (cu < 0).any()  # c(gU) < 0 iff gU < -bound: every completion worse
            better = (cu > 0).any()
            return bool(worse or not better), cu0.reshape(-1), cu.reshape(-1)
        w = self.weights
        with np.errstate(invalid="ignore"):
            terms = np.where(w > 0, w * cu, 0.0)
            score = terms.sum(axis=1)
            mag = np.where(np.isfinite(terms), np.abs(terms), 0.0).sum(axis=1)
            slack = SLACK * (1.0 + mag)
            neg = score < -slack
            pos = ((w > 0) & (cu > 0)).any(axis=1)
            ub = np.where(np.isnan(score), np.inf, score + slack)
            s0 = np.where(w > 0, w * cu0, 0.0).sum(axis=1)
            ub0 = np.where(np.isnan(s0), np.inf, s0)
        return bool(neg.any() or not pos.any()), ub0, ub


def search(
    effects: Effects,
    c: Contributions,
    before: F,
    sign: F,
    tol: F,
    weights: F | None,
    *,
    leaf_bits: int = 16,
    max_evaluations: int = 50_000_000,
) -> Outcome:
    """Branch-and-bound over the high measures, exhaustive vectorised blocks below.

    Args:
        effects: the compiled menu.
        c: point contributions (one draw).
        before: ``[P, K, 1]`` baseline values.
        sign: ``[K]`` +1 higher is safer, −1 less safe.
        tol: ``[P, K, 1]`` tolerance bounds.
        weights: ``[P, K]`` (weighted mode) or ``None`` (strict).
        leaf_bits: measures ``0 .. leaf_bits-1`` are enumerated exhaustively per prefix.
        max_evaluations: budget of bundles evaluated one by one; the search stops (with a
            :class:`SearchIncompleteWarning`) before a block would exceed it.

    Returns:
        The :class:`Outcome`.
    """
    n = effects.n
    if n > 62:
        raise ValueError("at most 62 measures (bundles are int64 bitmasks)")
    lb = min(leaf_bits, n)
    bnd = _Bounds(effects, c, before, sign, tol, weights)
    front = _Front(n)
    per = max(1, int(np.prod(before.shape)))
    step = min(1 << lb, 1 << max(0, (max(1, CACHE_ELEMENTS // per)).bit_length() - 1))
    compat: list[I64] = []
    examined = pruned = evaluated = nodes = 0
    stopped = False
    total = 1 << n
    stack: list[tuple[int, int, int]] = [(0, 0, n - 1)]  # (inc, exc, next bit to decide)
    while stack:
        inc, exc, bit = stack.pop()
        nodes += 1
        size = 1 << (bit + 1)
        infeasible, no_compat, ub0, ub = bnd.node(inc, exc)
        if infeasible or (
            no_compat and ub0 is not None and ub is not None and front.dominates(ub0, ub)
        ):
            pruned += size
            continue
        if bit >= lb:
            # exclude first (popped last-in first-out): push include, then exclude
            stack.append((inc | (1 << bit), exc, bit - 1))
            stack.append((inc, exc | (1 << bit), bit - 1))
            continue
        if examined + size > max_evaluations:
            stopped = True
            stack.append((inc, exc, bit))
            break
        for lo in range(inc, inc + size, step):
            ms = np.arange(lo, lo + step, dtype=np.int64)
            vals = values(effects, c, ms)
            g = gains(vals, before, sign, tol)
            ok, score = judge(g, weights)
            feas = feasible(ms, effects.requires)
            evaluated += int(feas.sum())
            compat.append(ms[ok[:, 0] & feas])
            obj = score[..., 0] if score is not None else g[..., 0].reshape(len(ms), -1)
            front.add(obj[feas], ms[feas])
        examined += size
    unexplored = sum(1 << (b + 1) for _, _, b in stack) if stopped else 0
    bound: dict[str, Any] = {
        "method": "branch_and_bound",
        "complete": not stopped,
        "bundles": total,
        "examined": examined,
        "evaluated": evaluated,
        "pruned_bundles": pruned,
        "unexplored": unexplored,
        "nodes": nodes,
        "leaf_bits": lb,
        "max_evaluations": max_evaluations,
    }
    if stopped:
        warnings.warn(
            f"branch-and-bound stopped at max_evaluations={max_evaluations}: {unexplored} of "
            f"{total} bundles neither evaluated nor pruned; the compatible and Pareto sets "
            "are those of the explored part only",
            SearchIncompleteWarning,
            stacklevel=3,
        )
    cm = np.sort(np.concatenate(compat)) if compat else np.zeros(0, dtype=np.int64)
    pareto = list(zip(front.best.tolist(), front.count.tolist(), strict=True))
    return Outcome(cm, pareto, bound, evaluated)
