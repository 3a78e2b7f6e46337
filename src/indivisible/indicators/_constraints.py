"""Constraint coverage: which instruments bind each pair of non-allied states, and what they cover.

For a pair (s, t) of states that are not allied on the date, an instrument binds the pair
when both are bound by it (in force, notice given or provisionally applied; directly or
through an organisation that is a party: ``Record.bound_matrix``). Proposed drafts never
bind. Each bound instrument is ``legal`` or ``political`` (the record's ``binding``).

Force categories and the instrument tags (record ``categories``) that cover them
(``FORCE_CATEGORIES``)::

    strategic      arms_control + strategic      (START I, SORT, New START, ABM)
    intermediate   arms_control + missiles       (INF)
    conventional   arms_control + conventional   (CFE, adapted CFE)
    exercises      cbm                           (Helsinki Final Act, Vienna Document, Open Skies)
    observation    transparency                  (Vienna Document, Open Skies)

Per pair: ``legal`` and ``political`` counts and ``covered`` = share of the five categories
covered by at least one instrument binding the pair. Per state s (the profile rows): the
mean of each over all of s's non-allied counterparts t, with the instruments and the number
of counterparts each binds in ``detail``. Higher is safer: more binding constraints between
states that are not allies.
"""

from __future__ import annotations

from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from indivisible._memo import WeakMemo

__all__ = ["FORCE_CATEGORIES", "constraint_pairs"]

FORCE_CATEGORIES: Final[dict[str, frozenset[str]]] = {
    "strategic": frozenset({"arms_control", "strategic"}),
    "intermediate": frozenset({"arms_control", "missiles"}),
    "conventional": frozenset({"arms_control", "conventional"}),
    "exercises": frozenset({"cbm"}),
    "observation": frozenset({"transparency"}),
}
"""Force category → instrument tags that must all be present for the instrument to cover it."""


_MEMO_SIZE: Final = 32
_MEMO: WeakMemo[pd.DataFrame] = WeakMemo(_MEMO_SIZE)
"""Pairs per record (held weakly) and inputs."""


def constraint_pairs(
    record: Any, on: Any, states: tuple[str, ...], allied: np.ndarray
) -> pd.DataFrame:
    """One row per ordered non-allied pair, with what binds it and what that covers.

    Memoised per (record, date, states, alliance matrix): the table depends on nothing
    else, and a what-if never edits a record in place (it builds a new one), so the rules'
    indivisibility test, which profiles many variants of one scenario, computes it once.
    Each call returns its own copy.

    Columns: ``state, counterpart, legal, political, covered, instruments, categories``.

    Vectorised over pairs: one ``[instrument, state]`` bound matrix, then boolean products.

    Args:
        record: the ``Record``.
        on: the date.
        states: the states (ISO3).
        allied: ``[S, S]`` alliance matrix (see ``_profile.alliances``).
    """
    a = np.ascontiguousarray(allied, dtype=bool)
    key = (str(on), tuple(states), a.shape, a.tobytes())
    hit = _MEMO.get((record,), key)
    if hit is not None:
        return hit.copy()
    table = _MEMO.put((record,), key, _constraint_pairs(record, on, states, allied))
    return table.copy()


def _constraint_pairs(
    record: Any, on: Any, states: tuple[str, ...], allied: np.ndarray
) -> pd.DataFrame:
    """The uncached computation of ``constraint_pairs``."""
    day = np.array([np.datetime64(on, "D")])
    bound = record.bound_matrix(list(states), day)
    insts = [i for i in record.instruments.values() if i.binding != "proposed"]
    b: npt.NDArray[np.bool_] = (
        np.stack([bound[i.id][:, 0] for i in insts]).astype(bool)
        if insts
        else np.zeros((0, len(states)), dtype=bool)
    )
    legal = np.array([i.binding == "legal" for i in insts], dtype=bool)
    cover = np.array(
        [[tags <= set(i.categories) for tags in FORCE_CATEGORIES.values()] for i in insts],
        dtype=bool,
    ).reshape(len(insts), len(FORCE_CATEGORIES))
    both = b[:, :, None] & b[:, None, :]  # [I, S, S]
    n_s = len(states)
    pair = ~allied & ~np.eye(n_s, dtype=bool)
    legal_n = np.einsum("ist,i->st", both, legal.astype(np.int64))
    pol_n = np.einsum("ist,i->st", both, (~legal).astype(np.int64))
    covered = np.einsum("ist,ic->stc", both.astype(np.int64), cover.astype(np.int64)) > 0
    si, ti = np.nonzero(pair)
    names = list(FORCE_CATEGORIES)
    # The instruments binding each pair, in instrument order: one nonzero over [pairs, I]
    # (row-major, so each pair's instruments come out in order), split per pair.
    ids = [i.id for i in insts]
    pk, ik = np.nonzero(both[:, si, ti].T)
    starts = np.searchsorted(pk, np.arange(si.size + 1))
    inst_lists = [
        tuple(ids[k] for k in ik[starts[p] : starts[p + 1]].tolist()) for p in range(si.size)
    ]
    cov_pairs = covered[si, ti]
    cat_lists = [
        tuple(n for n, c in zip(names, row, strict=True) if c) for row in cov_pairs.tolist()
    ]
    rows = {
        "state": [states[i] for i in si],
        "counterpart": [states[j] for j in ti],
        "legal": legal_n[si, ti].astype(np.float64),
        "political": pol_n[si, ti].astype(np.float64),
        "covered": cov_pairs.mean(axis=1) if si.size else np.zeros(0),
        "instruments": inst_lists,
        "categories": cat_lists,
    }
    return pd.DataFrame(rows)
