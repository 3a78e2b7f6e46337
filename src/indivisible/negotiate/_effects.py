"""What the measures of a menu do to a baseline, as sets: slots, masks and global changes.

Every deployment, force and exercise a measure touches becomes a *slot*: a baseline entry
(present unless some measure of the bundle removes or replaces it) or a new entry (present
when some measure of the bundle adds it). For a bundle (a bitmask over measures)::

    removed[b, s] = any measure of b removes slot s
    added[b, s]   = any measure of b adds slot s
    present[b, s] = (in_baseline[s] and not removed[b, s]) or added[b, s]

which is two boolean matrix products over the bundle × measure matrix. Everything else a
measure changes (instrument status events, accessions, holdings, system patches, sites,
uses of force) is a *global* change: bundles are grouped by which global measures they
contain, and each group gets its own exact decomposition (set semantics, no approximation).

Declared rule for conflicts: two measures that touch the same entry in opposite ways (one
removes or replaces what the other adds, or both add different versions of it) cannot be
combined; such a menu is an error naming both measures and the entry. Two measures that
remove the same entry, or add the same entry identically, combine (set union).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from indivisible._errors import InputError

if TYPE_CHECKING:
    from indivisible.negotiate.types import Menu
    from indivisible.record import Record
    from indivisible.world import Scenario

SLOT_GROUPS = ("deployments", "forces", "exercises")
"""Entry groups decomposed slot by slot."""

GLOBAL_ADD_GROUPS = (
    "accessions",
    "holdings",
    "systems",
    "sites",
    "uses_of_force",
    "verifications",
    "strategic_forces",
    "prospects",
)
GLOBAL_REMOVE_GROUPS = ("uses_of_force", "sites", "verifications", "strategic_forces", "prospects")


@dataclass(frozen=True)
class Slot:
    """One entry some measure touches: ``kind`` is ``base`` or ``new``."""

    kind: str
    group: str
    id: str
    entry: Any


@dataclass(frozen=True)
class Effects:
    """The compiled effects of a menu on a baseline.

    Attributes:
        measures: measure ids, in menu order (bit i of a bundle is measure i).
        slots: the touched entries.
        in_baseline: ``[S]`` whether each slot is present in the baseline.
        removes: ``[N, S]`` measure removes (or replaces) slot.
        adds: ``[N, S]`` measure adds slot.
        requires: ``[N, N]`` measure i requires measure j.
        global_measures: indices of measures with global changes.
        global_changes: per measure, ``(adds, removes, instrument events)`` outside slots.
    """

    measures: tuple[str, ...]
    slots: tuple[Slot, ...]
    in_baseline: npt.NDArray[np.bool_]
    removes: npt.NDArray[np.bool_]
    adds: npt.NDArray[np.bool_]
    requires: npt.NDArray[np.bool_]
    global_measures: tuple[int, ...]
    global_changes: tuple[tuple[tuple[Any, ...], tuple[str, ...], tuple[Any, ...]], ...]

    @property
    def n(self) -> int:
        """Number of measures."""
        return len(self.measures)

    def group_of(self, masks: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """The global group index of each bundle (its global measures, packed as bits)."""
        out = np.zeros(masks.shape, dtype=np.int64)
        for k, i in enumerate(self.global_measures):
            out |= ((masks >> i) & 1) << k
        return out

    def group_measures(self, g: int) -> tuple[int, ...]:
        """The global measures of group ``g``."""
        return tuple(i for k, i in enumerate(self.global_measures) if (g >> k) & 1)


def bits(masks: npt.NDArray[np.int64], n: int) -> npt.NDArray[np.bool_]:
    """``[B, n]`` boolean membership matrix of bundle bitmasks."""
    return ((masks[:, None] >> np.arange(n, dtype=np.int64)[None, :]) & 1).astype(bool)


def feasible(
    masks: npt.NDArray[np.int64], requires: npt.NDArray[np.bool_]
) -> npt.NDArray[np.bool_]:
    """Whether each bundle contains everything its measures ``require``."""
    n = requires.shape[0]
    if not requires.any():
        return np.ones(masks.shape, dtype=bool)
    inb = bits(masks, n)
    need = (inb.astype(np.int64) @ requires.astype(np.int64)) > 0
    out: npt.NDArray[np.bool_] = np.logical_not((need & ~inb).any(axis=1))
    return out


def _entry_key(x: Any) -> Any:
    return x.model_dump(mode="json")


def compile_effects(menu: Menu, baseline: Scenario) -> Effects:
    """Compile the menu's measures against ``baseline`` into slots and masks.

    Raises:
        InputError: an id to remove that the baseline lacks, or two measures that conflict
            on one entry (the declared rule above), naming the measures and the entry.
    """
    ids = menu.ids
    n = len(ids)
    where = menu.path
    base_ids: dict[str, dict[str, Any]] = {
        g: {x.id: x for x in getattr(baseline, g)} for g in (*SLOT_GROUPS, *GLOBAL_REMOVE_GROUPS)
    }
    slots: list[Slot] = []
    index: dict[tuple[str, str, str], int] = {}
    rem: list[set[int]] = [set() for _ in range(n)]
    add: list[set[int]] = [set() for _ in range(n)]
    globals_: list[tuple[tuple[Any, ...], tuple[str, ...], tuple[Any, ...]]] = []
    new_versions: dict[tuple[str, str], tuple[Any, str]] = {}

    def slot(kind: str, group: str, ident: str, entry: Any) -> int:
        key = (kind, group, ident)
        if key not in index:
            index[key] = len(slots)
            slots.append(Slot(kind, group, ident, entry))
        return index[key]

    for i, mid in enumerate(ids):
        gadd: list[Any] = []
        grem: list[str] = []
        gins: list[Any] = []
        for act in menu.actions(mid):
            for g in SLOT_GROUPS:
                for ident in getattr(act.remove, g):
                    if ident not in base_ids[g]:
                        raise InputError(
                            f"measure {mid!r} removes {g[:-1]} {ident!r}, which the baseline "
                            f"{baseline.scenario!r} lacks",
                            path=where,
                            field=f"measures.{mid}",
                        )
                    rem[i].add(slot("base", g, ident, base_ids[g][ident]))
                for x in getattr(act.add, g):
                    prev = new_versions.get((g, x.id))
                    if prev is not None and _entry_key(prev[0]) != _entry_key(x):
                        raise InputError(
                            f"measures {prev[1]!r} and {mid!r} conflict: both add {g[:-1]} "
                            f"{x.id!r} with different contents",
                            path=where,
                            field=f"measures.{mid}",
                        )
                    new_versions[(g, x.id)] = (x, mid)
                    add[i].add(slot("new", g, x.id, x))
                    if x.id in base_ids[g]:  # a replacement removes the baseline version
                        rem[i].add(slot("base", g, x.id, base_ids[g][x.id]))
            for g in GLOBAL_ADD_GROUPS:
                gadd += list(getattr(act.add, g))
            for g in GLOBAL_REMOVE_GROUPS:
                grem += list(getattr(act.remove, g))
            gins += list(act.instruments)
        globals_.append((tuple(gadd), tuple(grem), tuple(gins)))
    s = len(slots)
    removes = np.zeros((n, s), dtype=bool)
    adds = np.zeros((n, s), dtype=bool)
    for i in range(n):
        removes[i, sorted(rem[i])] = True
        adds[i, sorted(add[i])] = True
    # Conflicts: a measure adds a new version (or re-adds) what another removes.
    for si, sl in enumerate(slots):
        if sl.kind != "new":
            continue
        bi = index.get(("base", sl.group, sl.id))
        adders = [ids[i] for i in range(n) if adds[i, si]]
        if bi is None:
            continue
        removers = [ids[i] for i in range(n) if removes[i, bi] and not adds[i, si]]
        if adders and removers:
            raise InputError(
                f"measures {removers[0]!r} and {adders[0]!r} conflict on {sl.group[:-1]} "
                f"{sl.id!r}: {removers[0]!r} removes it, {adders[0]!r} adds (or replaces) it",
                path=where,
                field=f"measures.{adders[0]}",
            )
    req = np.zeros((n, n), dtype=bool)
    for i, m in enumerate(menu.measures):
        for r in m.require:
            req[i, ids.index(r)] = True
    # require is transitive: close it so feasibility is one check.
    for k in range(n):
        req |= req[:, [k]] & req[[k], :]
    gm = tuple(i for i, (a, r, ins) in enumerate(globals_) if a or r or ins)
    return Effects(
        measures=ids,
        slots=tuple(slots),
        in_baseline=np.array([sl.kind == "base" for sl in slots], dtype=bool),
        removes=removes,
        adds=adds,
        requires=req,
        global_measures=gm,
        global_changes=tuple(globals_),
    )


def scenario_of(
    effects: Effects,
    baseline: Scenario,
    record: Record,
    on: dt.date,
    *,
    present: npt.NDArray[np.bool_],
    group: tuple[int, ...],
) -> tuple[Scenario, Record]:
    """The scenario with exactly the ``present`` slots and the global changes of ``group``.

    Slots not present are removed (baseline slots) or left out (new slots).
    """
    remove = [sl.id for sl in effects.slots if sl.kind == "base"]
    add: list[Any] = [sl.entry for k, sl in enumerate(effects.slots) if present[k]]
    gadd: list[Any] = []
    grem: list[str] = []
    ins: list[Any] = []
    for i in group:
        a, r, e = effects.global_changes[i]
        gadd += [x for x in a if x not in gadd]
        grem += [x for x in r if x not in grem]
        ins += [x for x in e if x not in ins]
    # A baseline slot kept present is re-added as it was (same id, same contents).
    sc = baseline.with_changes(
        add=[*add, *gadd], remove=sorted(set(remove) | set(grem)), record=record
    )
    if not ins:
        return sc, record
    return sc, _with_events(record, ins, on)


def _with_events(record: Record, events: list[Any], on: dt.date) -> Record:
    import dataclasses

    from indivisible.record import Record as _Record
    from indivisible.record import StatusEvent

    instruments = dict(record.instruments)
    for ev in events:
        inst = instruments[ev.id]
        event = StatusEvent(
            event=ev.event,
            date=ev.date or on,
            party=None if ev.event in ("expired", "terminated") else ev.party,
            source=ev.source or "negotiate: measure",
            note=ev.note or "added by a negotiated measure",
        )
        instruments[ev.id] = inst.model_copy(update={"events": [*inst.events, event]})
    return _Record(dataclasses.replace(record.raw, instruments=instruments))


def apply_bundle(
    effects: Effects, baseline: Scenario, record: Record, on: dt.date, mask: int
) -> tuple[Scenario, Record]:
    """The scenario and record after the bundle ``mask`` (the reference, slow path)."""
    inb = bits(np.array([mask], dtype=np.int64), effects.n)[0]
    removed = inb @ effects.removes
    added = inb @ effects.adds
    present = (effects.in_baseline & ~removed) | added
    group = tuple(i for i in effects.global_measures if inb[i])
    return scenario_of(effects, baseline, record, on, present=present, group=group)
