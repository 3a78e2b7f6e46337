"""Scenario loading: YAML with line numbers, structure and reference checks, layering.

A scenario file is parsed once into plain data and once into a node tree (dates are kept as
text so that a malformed date is reported like any other field). The data is validated
against :class:`_File`; then every reference is checked (states against the record, systems
against the catalogue merged with the scenario's own ``systems:``, organisations, sources,
ids, date order) and the first problem is raised as one located ``InputError``. ``extends``
loads the base first and layers the file on top of it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from pydantic import ValidationError

from indivisible._bounds import coverage_problem
from indivisible._bundled import record_or_bundled
from indivisible._errors import InputError
from indivisible._hints import hint as _hint
from indivisible._paths import check_readable, os_reason, read_yaml_input
from indivisible._paths import shown as show_path
from indivisible._yaml import (
    clean_loc,
    failing_at,
    format_loc,
    line_of,
    validated,
)
from indivisible.world._catalogue import load_catalogue
from indivisible.world.types import (
    AREAS,
    Accession,
    Deployment,
    Entry,
    EvaluationDate,
    Exercise,
    Force,
    Holding,
    Prospect,
    Readings,
    Scenario,
    ScenarioEntries,
    ScenarioSource,
    Site,
    StrategicForce,
    SystemCatalogue,
    SystemPatch,
    UseOfForce,
    Verification,
)

if TYPE_CHECKING:
    from indivisible.record import Record

Loc = tuple[int | str, ...]
Fail = Callable[[Loc, str], NoReturn]

ID_GROUPS = (
    "deployments",
    "forces",
    "exercises",
    "uses_of_force",
    "sites",
    "verifications",
    "strategic_forces",
    "prospects",
)
"""Sections whose entries carry an ``id``; ids are unique across all of them."""

GROUPS = ("holdings", *ID_GROUPS, "accessions")
"""Every list section that layers (systems layer separately, by id)."""

_NOUN = {
    "deployments": "deployment",
    "forces": "force",
    "exercises": "exercise",
    "uses_of_force": "use of force",
    "sites": "site",
    "verifications": "verification",
    "strategic_forces": "strategic force",
    "prospects": "prospect",
}


class _File(ScenarioEntries):
    """One scenario file, before layering."""

    scenario: str | None = None
    date: EvaluationDate | None = None
    extends: str | None = None
    remove: tuple[str, ...] = ()
    note: str | None = None
    sources: tuple[ScenarioSource, ...] = ()


# --------------------------------------------------------------------------- YAML
_clean_loc = clean_loc  # the catalogue's loader locates its errors with it too


# --------------------------------------------------------------------------- checks


def _entries(group: str, items: Sequence[Any]) -> list[tuple[Loc, Any]]:
    return [((group, i), x) for i, x in enumerate(items)]


def check_entries(
    parts: Mapping[str, Sequence[Any]],
    *,
    record: Record,
    catalogue: SystemCatalogue,
    sources: set[str],
    fail: Fail,
) -> None:
    """Check references and date order of scenario entries; call ``fail`` on the first problem.

    ``parts`` maps section names to entry models (the sections of one file, or of a whole
    scenario).
    """
    states = record.states

    def state(code: str, loc: Loc) -> None:
        if code not in states:
            fail(loc, f"unknown state {code!r} (not in the record){_hint(code, list(states))}")

    def source(ref: str | tuple[str, ...] | None, loc: Loc) -> None:
        refs = (ref,) if isinstance(ref, str) else (ref or ())
        for r in refs:
            if r not in sources:
                known = sorted(sources)
                fail(
                    loc,
                    f"unknown source {r!r} (not in the bibliography nor in this "
                    f"scenario's sources){_hint(r, known)}",
                )

    def readings(q: Readings | None, loc: Loc) -> None:
        if q is not None:
            for name, r in q.root.items():
                source(r.source, (*loc, name, "source"))

    for loc, h in _entries("holdings", parts.get("holdings", ())):
        state(h.state, (*loc, "state"))
        if h.area not in AREAS:
            if len(h.area) != 3 or not h.area.isupper():
                fail((*loc, "area"), f"expected atu, flank or an ISO3 code, got {h.area!r}")
            state(h.area, (*loc, "area"))
        source(h.source, (*loc, "source"))
    for loc, d in _entries("deployments", parts.get("deployments", ())):
        for i, o in enumerate(d.owner):
            state(o, (*loc, "owner", i) if len(d.owner) > 1 else (*loc, "owner"))
        state(d.host, (*loc, "host"))
        if d.system not in catalogue:
            fail(
                (*loc, "system"),
                f"unknown system {d.system!r} (not in the catalogue nor in this scenario's "
                f"systems){_hint(d.system, list(catalogue.ids))}",
            )
        _order(d.since, d.until, (*loc, "until"), "until", "since", fail, strict=True)
        source(d.source, (*loc, "source"))
        source(d.site.source, (*loc, "site", "source"))
    for loc, f in _entries("forces", parts.get("forces", ())):
        for i, o in enumerate(f.owner):
            state(o, (*loc, "owner", i) if len(f.owner) > 1 else (*loc, "owner"))
        state(f.host, (*loc, "host"))
        if f.lead is not None:
            state(f.lead, (*loc, "lead"))
        _order(f.since, f.until, (*loc, "until"), "until", "since", fail, strict=True)
        source(f.source, (*loc, "source"))
        if f.site is not None:
            source(f.site.source, (*loc, "site", "source"))
    for loc, e in _entries("exercises", parts.get("exercises", ())):
        for i, o in enumerate(e.owner):
            state(o, (*loc, "owner", i) if len(e.owner) > 1 else (*loc, "owner"))
        state(e.host, (*loc, "host"))
        _order(e.start, e.end, (*loc, "end"), "end", "start", fail, strict=False)
        for name in ("personnel", "battle_tanks", "acv", "artillery", "sorties"):
            readings(getattr(e, name), (*loc, name))
        source(e.source, (*loc, "source"))
    for loc, u in _entries("uses_of_force", parts.get("uses_of_force", ())):
        for i, o in enumerate(u.actor):
            state(o, (*loc, "actor", i) if len(u.actor) > 1 else (*loc, "actor"))
        state(u.territory, (*loc, "territory"))
        _order(u.date, u.end, (*loc, "end"), "end", "date", fail, strict=False)
        source(u.source, (*loc, "source"))
    for loc, a in _entries("accessions", parts.get("accessions", ())):
        state(a.state, (*loc, "state"))
        if a.org not in record.organisations:
            orgs = sorted(record.organisations)
            fail(
                (*loc, "org"),
                f"unknown organisation {a.org!r} (not in the record){_hint(a.org, orgs)}",
            )
        source(a.source, (*loc, "source"))
    for loc, s in _entries("sites", parts.get("sites", ())):
        if s.id is None:
            fail((*loc, "id"), "a scenario site needs an id")
        if s.host is not None:
            state(s.host, (*loc, "host"))
        source(s.source, (*loc, "source"))
    for loc, v in _entries("verifications", parts.get("verifications", ())):
        for key in ("by", "of"):
            codes = getattr(v, key)
            for i, o in enumerate(codes):
                state(o, (*loc, key, i) if len(codes) > 1 else (*loc, key))
        _order(v.since, v.until, (*loc, "until"), "until", "since", fail, strict=True)
        source(v.source, (*loc, "source"))
    for loc, sf in _entries("strategic_forces", parts.get("strategic_forces", ())):
        state(sf.state, (*loc, "state"))
        _order(sf.since, sf.until, (*loc, "until"), "until", "since", fail, strict=True)
        readings(sf.deployed_warheads, (*loc, "deployed_warheads"))
        source(sf.source, (*loc, "source"))
    for loc, pr in _entries("prospects", parts.get("prospects", ())):
        state(pr.state, (*loc, "state"))
        if pr.org not in record.organisations:
            orgs = sorted(record.organisations)
            fail(
                (*loc, "org"),
                f"unknown organisation {pr.org!r} (not in the record){_hint(pr.org, orgs)}",
            )
        _order(pr.since, pr.until, (*loc, "until"), "until", "since", fail, strict=True)
        source(pr.source, (*loc, "source"))
    for loc, p in _entries("systems", parts.get("systems", ())):
        for i, c in enumerate(p.carries or ()):
            if c not in catalogue:
                fail((*loc, "carries", i), f"unknown system {c!r}{_hint(c, list(catalogue.ids))}")
        source(p.source, (*loc, "source"))
        for name in ("range_km", "min_range_km", "speed_kmh"):
            readings(getattr(p, name), (*loc, name))


def _order(
    first: dt.date,
    last: dt.date | None,
    loc: Loc,
    last_name: str,
    first_name: str,
    fail: Fail,
    *,
    strict: bool,
) -> None:
    if last is None:
        return
    if last < first:
        fail(loc, f"{last_name} {last} is before {first_name} {first}")
    if strict and last == first:
        fail(
            loc,
            f"{last_name} {last} equals {first_name}: {last_name} is the first day the "
            "entry is gone, so the entry would never be present",
        )


def _key(group: str, x: Any) -> Any:
    if group == "holdings":
        return x.key
    if group == "accessions":
        return x.key
    return x.id


def _duplicates(
    parts: Mapping[str, Sequence[Any]], fail: Fail, lines: Callable[[Loc], int | None]
) -> None:
    seen: dict[Any, Loc] = {}
    for group in ID_GROUPS:
        for loc, x in _entries(group, parts.get(group, ())):
            if x.id is None:
                continue
            if x.id in seen:
                where = lines(seen[x.id])
                at = f" at line {where}" if where is not None else ""
                fail((*loc, "id"), f"duplicate id {x.id!r} (first used{at})")
            seen[x.id] = loc
    for group in ("holdings", "accessions", "systems"):
        keys: dict[Any, Loc] = {}
        for loc, x in _entries(group, parts.get(group, ())):
            k = x.id if group == "systems" else x.key
            if k in keys:
                where = lines(keys[k])
                at = f" at line {where}" if where is not None else ""
                shown = "/".join(k) if isinstance(k, tuple) else k
                fail(loc, f"duplicate {group[:-1]} {shown!r} (first given{at})")
            keys[k] = loc


# --------------------------------------------------------------------------- layering
def _layer(base: Sequence[Any], child: Sequence[Any], group: str) -> tuple[Any, ...]:
    out = list(base)
    index = {_key(group, x): i for i, x in enumerate(out)}
    for x in child:
        k = _key(group, x)
        if k in index:
            out[index[k]] = x
        else:
            index[k] = len(out)
            out.append(x)
    return tuple(out)


def _layer_systems(
    base: Sequence[SystemPatch], child: Sequence[SystemPatch]
) -> tuple[SystemPatch, ...]:
    out = {p.id: p for p in base}
    for p in child:
        out[p.id] = p
    return tuple(out.values())


def _bibliography(record: Record, own: Sequence[ScenarioSource]) -> set[str]:
    return set(record.sources) | {s.id for s in own}


def _shown(path: Path) -> str:
    return show_path(os.path.normpath(str(path)))


def load_scenario(
    path: str | Path,
    record: Record | None = None,
    *,
    catalogue: SystemCatalogue | None = None,
) -> Scenario:
    """Load, validate and layer a scenario file.

    Args:
        path: the scenario YAML file.
        record: the record to check states, organisations and sources against (default:
            the bundled record).
        catalogue: the systems catalogue (default: the bundled one).

    Returns:
        The immutable scenario, with every ``extends`` base layered underneath.

    Raises:
        InputError: the first problem found, as ``file:line: field 'x': reason``.
    """
    record = record_or_bundled(record)
    if catalogue is None:
        catalogue = load_catalogue()
    return _load(Path(path), str(path), record, catalogue, ())


def _load(
    path: Path,
    shown: str,
    record: Record,
    catalogue: SystemCatalogue,
    stack: tuple[tuple[Path, str], ...],
) -> Scenario:
    data, node = read_yaml_input(path, shown)

    fail = failing_at(shown, node)

    if data is None:
        fail((), "empty file: expected a mapping with at least 'scenario' and 'date'")
    if not isinstance(data, dict):
        fail(
            (),
            f"expected a mapping of scenario keys (scenario, date, deployments, ...), "
            f"got {type(data).__name__}",
        )
    f = validated(_File, data, fail)
    if f.date is not None:
        problem = coverage_problem(record, f.date)
        if problem is not None:
            fail(("date",), problem)

    base: Scenario | None = None
    if f.extends is not None:
        if "\x00" in f.extends:
            fail(("extends",), "cannot read file: the path contains a NUL byte")
        target = path.parent / f.extends
        try:
            here = (path.resolve(), shown)
            resolved = target.resolve()
        except (OSError, RuntimeError, ValueError) as exc:
            reason = (
                "too many levels of symbolic links (a symlink loop?)"
                if isinstance(exc, RuntimeError)
                else os_reason(exc)
            )
            fail(("extends",), f"cannot resolve file {_shown(target)!r}: {reason}")
        chain = (*stack, here)
        for seen, _ in chain:
            if seen == resolved:
                names = [s for _, s in chain[[q for q, _ in chain].index(seen) :]]
                fail(("extends",), "cycle in extends: " + " -> ".join([*names, _shown(target)]))
        try:
            check_readable(target)
        except InputError as exc:
            name = show_path(f.extends)
            if exc.reason.endswith("no such file or folder"):
                what = f"no such file {name!r} ("
            else:
                what = f"{exc.reason.replace('cannot read file', 'cannot read')} ({name!r}; "
            fail(
                ("extends",),
                f"{what}looked for {_shown(target)}; paths are relative to the extending file)",
            )
        base = _load(target, _shown(target), record, catalogue, chain)
    elif f.remove:
        fail(("remove",), "'remove' drops entries of a base scenario; it needs 'extends'")

    # Systems first: entries may refer to systems this file or its bases define.
    patches = base.systems if base is not None else ()
    cat = base.catalogue if base is not None else catalogue
    for i, p in enumerate(f.systems):
        known = p.id in cat
        if not known:
            for name, alias in (
                ("class_", "class"),
                ("basing", "basing"),
                ("range_km", "range_km"),
            ):
                if getattr(p, name) is None:
                    fail(
                        ("systems", i),
                        f"new system {p.id!r} (not in the catalogue) needs '{alias}'",
                    )
        try:
            cat = cat.merged([p])
        except ValidationError as exc:
            err = exc.errors()[0]
            fail(
                ("systems", i),
                f"{err['msg']} (field {format_loc(err['loc'])!r} after merging with the catalogue)",
            )
    patches = _layer_systems(patches, f.systems)

    own_sources = _layer(base.sources if base else (), f.sources, "sources_")
    sources = _bibliography(record, own_sources)
    parts: dict[str, Sequence[Any]] = {g: getattr(f, g) for g in (*GROUPS, "systems")}
    _duplicates(parts, fail, lambda loc: line_of(node, loc))
    check_entries(parts, record=record, catalogue=cat, sources=sources, fail=fail)

    if base is None:
        if f.scenario is None:
            fail(
                ("scenario",),
                "required field is missing (a scenario without 'extends' needs a title)",
            )
        if f.date is None:
            fail(
                ("date",),
                "required field is missing (a scenario without 'extends' needs an evaluation date)",
            )
        merged: dict[str, Any] = {g: getattr(f, g) for g in GROUPS}
        return Scenario(
            scenario=f.scenario,
            date=f.date,
            files=(shown,),
            note=f.note,
            systems=patches,
            sources=own_sources,
            catalogue=cat,
            **merged,
        )

    removed = set(f.remove)
    known_ids = {x.id for g in ID_GROUPS for x in getattr(base, g) if x.id is not None}
    for i, r in enumerate(f.remove):
        if r not in known_ids:
            fail(
                ("remove", i),
                f"no entry {r!r} in the base scenario to remove{_hint(r, sorted(known_ids))}",
            )
    out: dict[str, Any] = {}
    for g in GROUPS:
        kept = [x for x in getattr(base, g) if g not in ID_GROUPS or x.id not in removed]
        out[g] = _layer(kept, getattr(f, g), g)
    _cross_group_ids(out, {g: getattr(f, g) for g in ID_GROUPS}, fail, of=" of the base scenario")
    return Scenario(
        scenario=f.scenario if f.scenario is not None else base.scenario,
        date=f.date if f.date is not None else base.date,
        files=(*base.files, shown),
        note=f.note if f.note is not None else base.note,
        systems=patches,
        sources=own_sources,
        catalogue=cat,
        **out,
    )


def _cross_group_ids(
    out: dict[str, Any], added: Mapping[str, Sequence[Any]], fail: Fail, *, of: str = ""
) -> None:
    """An id added in one section must not name an entry of another section (``of``: whose)."""
    owner: dict[str, str] = {}
    for g in ID_GROUPS:
        for x in out[g]:
            if x.id is not None:
                owner.setdefault(x.id, g)
    for g in ID_GROUPS:
        for i, x in enumerate(added[g]):
            if x.id is not None and owner.get(x.id, g) != g:
                fail((g, i, "id"), f"id {x.id!r} is already used by a {_NOUN[owner[x.id]]}{of}")


# --------------------------------------------------------------------------- changes
def apply_changes(
    sc: Scenario,
    *,
    add: tuple[Entry, ...],
    remove: tuple[str, ...],
    date: dt.date | None,
    name: str | None,
    record: Record | None,
) -> Scenario:
    """Implementation of :meth:`Scenario.with_changes` (see there)."""
    record = record_or_bundled(record)

    fail = failing_at(None, None)

    known_ids = {x.id for g in ID_GROUPS for x in getattr(sc, g) if x.id is not None}
    for i, r in enumerate(remove):
        if r not in known_ids:
            fail(
                ("remove", i),
                f"no entry {r!r} in the scenario to remove{_hint(r, sorted(known_ids))}",
            )
    by_group: dict[str, list[Any]] = {g: [] for g in (*GROUPS, "systems")}
    kinds: dict[type, str] = {
        Holding: "holdings",
        Deployment: "deployments",
        Force: "forces",
        Exercise: "exercises",
        UseOfForce: "uses_of_force",
        Accession: "accessions",
        Site: "sites",
        SystemPatch: "systems",
        Verification: "verifications",
        StrategicForce: "strategic_forces",
        Prospect: "prospects",
    }
    for x in add:
        group = kinds.get(type(x))
        if group is None:
            raise InputError(
                f"cannot add a {type(x).__name__}; expected one of "
                + ", ".join(k.__name__ for k in kinds),
                field="add",
            )
        by_group[group].append(x)
    cat = sc.catalogue
    for i, p in enumerate(by_group["systems"]):
        try:
            cat = cat.merged([p])
        except ValidationError as exc:
            fail(("systems", i), str(exc.errors()[0]["msg"]))
    removed = set(remove)
    out: dict[str, Any] = {}
    for g in GROUPS:
        kept = [x for x in getattr(sc, g) if g not in ID_GROUPS or x.id not in removed]
        out[g] = _layer(kept, by_group[g], g)
    _duplicates(by_group, fail, lambda loc: None)
    sources = _bibliography(record, sc.sources)
    check_entries(by_group, record=record, catalogue=cat, sources=sources, fail=fail)
    _cross_group_ids(out, by_group, fail)
    return Scenario(
        scenario=name if name is not None else sc.scenario,
        date=date if date is not None else sc.date,
        files=sc.files,
        note=sc.note,
        systems=_layer_systems(sc.systems, by_group["systems"]),
        sources=sc.sources,
        catalogue=cat,
        **out,
    )
