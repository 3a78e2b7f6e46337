"""Year-by-year timelines and state/dyad panels, vectorised over parties and dates.

Yearly observations are end-of-year snapshots: a membership or instrument counts for a year
if it holds on 31 December of that year (for the current year, on the record's review
date). Cells outside the data's coverage, or for a state that does not exist on that day,
are missing (``<NA>``), never zero.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import combinations
from typing import TYPE_CHECKING, Literal, NamedTuple

import numpy as np

from indivisible._errors import InputError
from indivisible.record._record import EVERY_READING, SOME_READING, Record
from indivisible.record.types import REGIME_CATEGORIES

if TYPE_CHECKING:
    import pandas as pd


def observation_days(
    rec: Record, unit: Literal["day", "year"], start: dt.date, end: dt.date
) -> tuple[np.ndarray, list[str]]:
    """The observation days and their labels for a panel or timeline."""
    if end < start:
        raise InputError(f"the end {end.isoformat()} is before the start {start.isoformat()}")
    if unit == "day":
        days = np.arange(np.datetime64(start, "D"), np.datetime64(end, "D") + 1)
        return days, [str(d) for d in days]
    if unit != "year":
        raise InputError(f"unit must be 'day' or 'year', got {unit!r}", field="unit")
    years = list(range(start.year, end.year + 1))
    obs = [min(dt.date(y, 12, 31), rec.coverage.reviewed) for y in years]
    return np.array(obs, dtype="datetime64[D]"), [str(y) for y in years]


def timeline(
    rec: Record,
    a: str,
    b: str,
    start_year: int,
    end_year: int,
    *,
    binding: tuple[str, ...] = ("legal", "political"),
    category: str | None = None,
) -> pd.DataFrame:
    """Which instruments bound a pair, year by year (31 December snapshots).

    Returns a frame indexed by year with one boolean column per instrument that bound the
    pair under some reading in at least one year of the range (true: bound under every
    reading), plus ``n_legal``, ``n_political`` (instruments binding the pair under every
    reading), ``instruments`` (those ids, ``;``-separated) and ``disputed`` (instruments
    binding under some readings only). Where a status is disputed in the range, the counts
    are also given under each party's reading: ``n_legal_<A>``, ``n_political_<A>``,
    ``n_legal_<B>``, ``n_political_<B>`` (a party's reading: its own, else that of an
    organisation it belongs to; see ``Record.reading_of``). ``category`` keeps only
    instruments of that category (``arms_control``, ``principles``, ...).

    Examples:
        >>> rec = Record.load()
        >>> t = timeline(rec, "RUS", "USA", 1990, 2025)
        >>> bool(t.loc[2001, "abm-1972"]), bool(t.loc[2002, "abm-1972"])
        (True, False)
    """
    pa, pb = rec.resolve(a, field="A"), rec.resolve(b, field="B")
    s = dt.date(start_year, 1, 1)
    e = min(dt.date(end_year, 12, 31), max(rec.coverage.reviewed, dt.date(start_year, 12, 31)))
    import pandas as pd

    days, _labels = observation_days(rec, "year", s, e)
    years = list(range(start_year, end_year + 1))
    lenses = {pa: rec.bound_matrix([pa, pb], days, reading=pa)}
    lenses[pb] = rec.bound_matrix([pa, pb], days, reading=pb)
    recorded = rec.bound_matrix([pa, pb], days)
    data: dict[str, np.ndarray] = {}
    any_reading: dict[str, np.ndarray] = {}
    per_lens: dict[str, dict[str, np.ndarray]] = {pa: {}, pb: {}}
    for inst_id, m in recorded.items():
        inst = rec.instruments[inst_id]
        if inst.binding not in binding:
            continue
        if category is not None and category not in inst.categories:
            continue
        both = m[0] & m[1]
        under = {who: lenses[who][inst_id][0] & lenses[who][inst_id][1] for who in lenses}
        agreed = both & under[pa] & under[pb]
        some = both | under[pa] | under[pb]
        if some.any():
            data[inst_id] = agreed
            any_reading[inst_id] = some
            for who in lenses:
                per_lens[who][inst_id] = under[who]
    order = sorted(data, key=lambda i: (rec.instruments[i].binding != "legal", i))
    df = pd.DataFrame({k: data[k] for k in order}, index=pd.Index(years, name="year"))
    legal = [k for k in order if rec.instruments[k].binding == "legal"]
    political = [k for k in order if rec.instruments[k].binding == "political"]
    df["n_legal"] = df[legal].sum(axis=1).astype(int) if legal else 0
    df["n_political"] = df[political].sum(axis=1).astype(int) if political else 0
    disputed = {k: any_reading[k] & ~data[k] for k in order}
    if any(v.any() for v in disputed.values()):
        for who in (pa, pb):
            for kind, ids in (("legal", legal), ("political", political)):
                col = np.zeros(len(years), dtype=int)
                for k in ids:
                    col += per_lens[who][k].astype(int)
                df[f"n_{kind}_{who}"] = col
    df["instruments"] = [";".join(k for k in order if df.loc[y, k]) for y in years]
    df["disputed"] = [";".join(k for k in order if disputed[k][i]) for i in range(len(years))]
    return df


def panel(
    rec: Record,
    unit: Literal["day", "year"],
    kind: Literal["state", "dyad"],
    start: dt.date,
    end: dt.date,
) -> pd.DataFrame:
    """A state-year/-day or dyad-year/-day panel of memberships and instruments in force.

    State panel columns: ``state``, ``period``, ``member_<org>`` and ``bound_<instrument>``
    (nullable 0/1), then ``n_legal`` and ``n_political`` (instruments binding the state)
    and, per category of the regime (``arms_control``, ``non_proliferation``,
    ``confidence_building``, ``risk_reduction``, ``security_assurance``),
    ``n_legal_<category>`` and ``n_political_<category>``: the sums of the ``bound_``
    columns of the instruments of that category and kind (an instrument with several
    categories counts in each). Dyad panel (undirected, ``state_a < state_b``):
    ``shared_<org>`` (both members), ``bound_<instrument>`` (both bound), ``n_legal``,
    ``n_political`` and ``allied`` (share a collective-defence organisation). Cells outside
    the record's coverage, or where a state does not exist, are ``<NA>``.

    Readings: ``bound_<instrument>`` and the counts are "bound under every reading". For an
    instrument whose status some party disputes, ``bound_<instrument>_some`` says bound
    under at least one reading; the dyad panel adds ``n_legal_some`` and
    ``n_political_some`` (instruments binding under at least one reading). A cell where
    the two differ is disputed.

    The whole panel in memory: for long daily dyad panels use :func:`iter_panel`, which
    yields the same rows in the same order, a block of states or dyads at a time.
    """
    import pandas as pd

    plan = _plan(rec, unit, kind, start, end)
    if kind == "dyad" and plan.n_units * plan.n_t > 60_000_000:
        raise InputError(
            f"a dyad-{unit} panel of {plan.n_units} dyads x {plan.n_t} periods is too large "
            "to hold in memory; narrow --from/--to, use --unit year, or stream it with "
            "iter_panel (the export command does)"
        )
    blocks = list(_blocks(plan, plan.n_units))
    return blocks[0] if len(blocks) == 1 else pd.concat(blocks, ignore_index=True)


def panel_rows(
    rec: Record,
    unit: Literal["day", "year"],
    kind: Literal["state", "dyad"],
    start: dt.date,
    end: dt.date,
) -> int:
    """How many rows :func:`panel` (or :func:`iter_panel`) gives, without building them."""
    plan = _plan(rec, unit, kind, start, end)
    return plan.n_units * plan.n_t


def iter_panel(
    rec: Record,
    unit: Literal["day", "year"],
    kind: Literal["state", "dyad"],
    start: dt.date,
    end: dt.date,
    *,
    chunk_rows: int = 500_000,
) -> Iterator[pd.DataFrame]:
    """The rows of :func:`panel`, in the same order, as frames of about ``chunk_rows`` rows.

    A block holds whole states (state panel) or whole dyads (dyad panel), every period of
    each, so concatenating the blocks gives exactly :func:`panel`. Peak memory is the
    record's day-by-state matrices (small: states x days) plus one block, whatever the
    length of the panel.

    Examples:
        >>> rec = Record.load()
        >>> d0, d1 = dt.date(2001, 1, 1), dt.date(2002, 12, 31)
        >>> parts = list(iter_panel(rec, "year", "dyad", d0, d1, chunk_rows=1000))
        >>> import pandas as pd
        >>> pd.concat(parts, ignore_index=True).equals(panel(rec, "year", "dyad", d0, d1))
        True
    """
    plan = _plan(rec, unit, kind, start, end)
    per = max(1, chunk_rows // max(plan.n_t, 1))
    yield from _blocks(plan, per)


class _Plan(NamedTuple):
    kind: str
    labels: list[str]
    states: list[str]
    valid: np.ndarray
    members: dict[str, np.ndarray]
    bound: dict[str, np.ndarray]
    bound_some: dict[str, np.ndarray]
    disputed_ids: frozenset[str]
    inst_ids: list[str]
    legal: frozenset[str]
    allied_orgs: tuple[str, ...]
    pairs: np.ndarray | None
    n_units: int
    n_t: int
    rec: Record


def _plan(rec: Record, unit: str, kind: str, start: dt.date, end: dt.date) -> _Plan:
    if kind not in ("state", "dyad"):
        raise InputError(f"kind must be 'state' or 'dyad', got {kind!r}", field="kind")
    days, labels = observation_days(rec, unit, start, end)  # type: ignore[arg-type]
    states = sorted(rec.states)
    exists = rec.existence_mask(states, days)
    day_i = days.astype(np.int64)
    covered = (day_i >= _i(rec.coverage.start)) & (day_i <= _i(rec.coverage.reviewed))
    valid = exists & covered[None, :]
    members = rec.member_matrix(states, days)
    bound = rec.bound_matrix(states, days, reading=EVERY_READING)
    disputed_ids = frozenset(s.instrument for s in rec.disputed_segments())
    bound_some = rec.bound_matrix(states, days, reading=SOME_READING) if disputed_ids else bound
    inst_ids = [i for i in sorted(rec.instruments) if rec.instruments[i].binding != "proposed"]
    legal = frozenset(i for i in inst_ids if rec.instruments[i].binding == "legal")
    allied_orgs = tuple(
        org for org in sorted(members) if rec.organisations[org].collective_defence and org != "eu"
    )
    pairs = None
    n_units = len(states)
    if kind == "dyad":
        pairs = np.array(list(combinations(range(len(states)), 2)), dtype=np.int64)
        pairs = pairs.reshape(-1, 2)
        n_units = len(pairs)
    return _Plan(
        kind,
        labels,
        states,
        valid,
        members,
        bound,
        bound_some,
        disputed_ids,
        inst_ids,
        legal,
        allied_orgs,
        pairs,
        n_units,
        len(days),
        rec,
    )


def _blocks(plan: _Plan, per: int) -> Iterator[pd.DataFrame]:
    for lo in range(0, max(plan.n_units, 1), per):
        hi = min(lo + per, plan.n_units)
        if plan.kind == "state":
            yield _state_block(plan, np.arange(lo, hi))
        else:
            assert plan.pairs is not None
            yield _dyad_block(plan, plan.pairs[lo:hi, 0], plan.pairs[lo:hi, 1])


def _state_block(plan: _Plan, sel: np.ndarray) -> pd.DataFrame:
    import pandas as pd

    n_t = plan.n_t
    cols: dict[str, object] = {
        "state": np.repeat(np.array(plan.states, dtype=object)[sel], n_t),
        "period": np.tile(np.array(plan.labels, dtype=object), len(sel)),
    }
    mask = plan.valid[sel].reshape(-1)
    for org in sorted(plan.members):
        cols[f"member_{org}"] = _nullable(plan.members[org][sel].reshape(-1), mask)
    for inst in plan.inst_ids:
        cols[f"bound_{inst}"] = _nullable(plan.bound[inst][sel].reshape(-1), mask)
        if inst in plan.disputed_ids:
            some = plan.bound_some[inst][sel].reshape(-1)
            cols[f"bound_{inst}_some"] = _nullable(some, mask)
    bound = {i: plan.bound[i][sel] for i in plan.inst_ids}
    cols.update(_category_counts(plan.rec, plan.inst_ids, bound, (len(sel), n_t), mask))
    return pd.DataFrame(cols)


def _dyad_block(plan: _Plan, ia: np.ndarray, ib: np.ndarray) -> pd.DataFrame:
    import pandas as pd

    n_t, n_p = plan.n_t, len(ia)
    names = np.array(plan.states, dtype=object)
    mask = (plan.valid[ia] & plan.valid[ib]).reshape(-1)
    cols: dict[str, object] = {
        "state_a": np.repeat(names[ia], n_t),
        "state_b": np.repeat(names[ib], n_t),
        "period": np.tile(np.array(plan.labels, dtype=object), n_p),
    }
    allied = np.zeros((n_p, n_t), dtype=bool)
    for org in sorted(plan.members):
        both = plan.members[org][ia] & plan.members[org][ib]
        cols[f"shared_{org}"] = _nullable(both.reshape(-1), mask)
        if org in plan.allied_orgs:
            allied |= both
    n_legal = np.zeros((n_p, n_t), dtype=np.int64)
    n_pol = np.zeros((n_p, n_t), dtype=np.int64)
    n_legal_some = np.zeros((n_p, n_t), dtype=np.int64)
    n_pol_some = np.zeros((n_p, n_t), dtype=np.int64)
    for inst in plan.inst_ids:
        both = plan.bound[inst][ia] & plan.bound[inst][ib]
        cols[f"bound_{inst}"] = _nullable(both.reshape(-1), mask)
        some = both
        if inst in plan.disputed_ids:
            some = plan.bound_some[inst][ia] & plan.bound_some[inst][ib]
            cols[f"bound_{inst}_some"] = _nullable(some.reshape(-1), mask)
        if inst in plan.legal:
            n_legal += both
            n_legal_some += some
        else:
            n_pol += both
            n_pol_some += some
    for c, v in (
        ("n_legal", n_legal),
        ("n_political", n_pol),
        ("n_legal_some", n_legal_some),
        ("n_political_some", n_pol_some),
    ):
        arr = pd.array(np.where(mask, v.reshape(-1), 0), dtype="Int64")
        arr[~mask] = pd.NA
        cols[c] = arr
    cols["allied"] = _nullable(allied.reshape(-1), mask)
    return pd.DataFrame(cols)


def _category_counts(
    rec: Record,
    inst_ids: list[str],
    bound: dict[str, np.ndarray],
    shape: tuple[int, int],
    mask: np.ndarray,
) -> dict[str, pd.arrays.IntegerArray]:
    """Counts of bound legal and political instruments, overall and per regime category.

    A cell outside the coverage or for a state that does not exist is ``<NA>``, not zero.
    """
    out: dict[str, pd.arrays.IntegerArray] = {}
    groups: list[tuple[str, str | None]] = [("", None)] + [(f"_{c}", c) for c in REGIME_CATEGORIES]
    for suffix, cat in groups:
        for kind, name in (("legal", "n_legal"), ("political", "n_political")):
            total = np.zeros(shape, dtype=np.int64)
            for inst in inst_ids:
                i = rec.instruments[inst]
                if i.binding == kind and (cat is None or cat in i.categories):
                    total += bound[inst]
            out[name + suffix] = _nullable_count(total.reshape(-1), mask)
    return out


def _nullable_count(values: np.ndarray, mask: np.ndarray) -> pd.arrays.IntegerArray:
    import pandas as pd

    arr = pd.array(np.where(mask, values, 0), dtype="Int64")
    arr[~mask] = pd.NA
    return arr


def _i(d: dt.date) -> int:
    return int(np.datetime64(d, "D").astype(np.int64))


def _nullable(values: np.ndarray, mask: np.ndarray) -> pd.arrays.IntegerArray:
    import pandas as pd

    arr = pd.array(values.astype(np.int8), dtype="Int8")
    arr[~mask] = pd.NA
    return arr
