"""Menu and perspective files: YAML with line numbers, validation, references, cycles.

Every problem is one ``InputError`` (``file:line: field 'x': reason``, exit status 2):
unknown keys, an unknown measure in ``require``/``extend`` (with the close ids), a cycle
among ``require``/``extend`` (naming it, ``a -> b -> a``), a party or actor that is not a
state of the record, an unknown source, and an action that is not a valid ``assess`` action.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from indivisible._bundled import record_or_bundled
from indivisible._errors import InputError
from indivisible._hints import hint as _hint
from indivisible._paths import list_folder
from indivisible._yaml import failing_at, read_mapping, validated
from indivisible.negotiate.types import Measure, Menu, Perspective

if TYPE_CHECKING:
    from indivisible.record import Record

Loc = tuple[int | str, ...]


def indicator_problem(name: str) -> str | None:
    """Why ``name`` is not an indicator of the bundled profile (``None``: it is one).

    Perspectives are checked when the search runs (a custom profile has its own
    indicators); response menus run by the CLI are checked when loaded.
    """
    import re

    from indivisible.indicators._profile import UNITS

    if name in UNITS or re.fullmatch(r"proximity_(personnel|tle)_\d+(\.\d+)?km", name):
        return None
    known = [*UNITS, "proximity_personnel_<N>km", "proximity_tle_<N>km"]
    return f"unknown indicator {name!r}{_hint(name, list(UNITS))} (indicators: {', '.join(known)})"


def _cycle(graph: dict[str, tuple[str, ...]]) -> list[str] | None:
    """The first cycle in ``graph`` (node → successors), as a closed path, or ``None``."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> list[str] | None:
        state[n] = 1
        stack.append(n)
        for m in graph.get(n, ()):
            if state.get(m) == 1:
                return [*stack[stack.index(m) :], m]
            if state.get(m) is None:
                found = visit(m)
                if found:
                    return found
        stack.pop()
        state[n] = 2
        return None

    for n in graph:
        if n not in state:
            found = visit(n)
            if found:
                return found
    return None


def load_menu(path: str | Path, record: Record | None = None) -> Menu:
    """Load and check a menu file.

    Args:
        path: the menu YAML file.
        record: the record to check parties, actors, instruments and sources against
            (default: the bundled record).

    Returns:
        The validated menu, each measure's actions resolved through ``extend``.

    Raises:
        InputError: the first problem, located (``file:line: field 'x': reason``).
    """
    record = record_or_bundled(record)
    shown = str(path)
    menu, fail = read_mapping(path, Menu, "a mapping with 'menu' and 'measures'")
    menu._path = shown
    check_menu(menu, record, fail)
    return menu


def check_menu(menu: Menu, record: Record, fail: Any = None) -> None:
    """Check a menu's references and resolve its actions (sets ``menu``'s resolved actions).

    ``fail(loc, reason)`` raises the located error (default: an unlocated ``InputError``).
    """
    from indivisible.assess.types import Action

    if fail is None:
        fail = failing_at(menu.path, None)

    ids = [m.id for m in menu.measures]
    seen: set[str] = set()
    for i, m in enumerate(menu.measures):
        if m.id in seen:
            fail(("measures", i, "id"), f"duplicate measure id {m.id!r}")
        seen.add(m.id)
    states = record.states
    parties = [*states, *record.organisations]
    sources = set(record.sources)
    for i, m in enumerate(menu.measures):
        at: Loc = ("measures", i)
        for key in ("require", "extend"):
            for j, ref in enumerate(getattr(m, key)):
                if ref not in seen:
                    fail((*at, key, j), f"unknown measure {ref!r} in {key}{_hint(ref, ids)}")
                if ref == m.id:
                    fail((*at, key, j), f"cycle: measure {m.id!r} lists itself in {key}")
        for key, allowed in (("proposed_by", parties), ("implemented_by", list(states))):
            for j, code in enumerate(getattr(m, key)):
                if code not in allowed:
                    what = "a state or organisation" if key == "proposed_by" else "a state"
                    fail(
                        (*at, key, j),
                        f"party {code!r} is not {what} of the record{_hint(code, allowed)}",
                    )
        for j, s in enumerate(m.sources):
            if s not in sources:
                loc: Loc = (*at, "source") if isinstance(m.source, str) else (*at, "source", j)
                fail(
                    loc,
                    f"unknown source {s!r} (not in the bibliography){_hint(s, sorted(sources))}",
                )
    graph = {m.id: (*m.require, *m.extend) for m in menu.measures}
    cyc = _cycle(graph)
    if cyc is not None:
        i = ids.index(cyc[0])
        key = "require" if cyc[1] in menu.measures[i].require else "extend"
        fail(("measures", i, key), f"cycle among measures: {' -> '.join(cyc)}")
    own: dict[str, tuple[Any, ...]] = {}
    for i, m in enumerate(menu.measures):
        acts = []
        for j, a in enumerate(m.actions):
            at = ("measures", i, "actions", j)
            raw = a.model_dump(exclude_none=True)
            raw.setdefault("action", f"{m.id} ({j + 1})")
            if "source" not in raw:
                raw["source"] = m.source
            act = validated(Action, raw, fail, at)
            for k, code in enumerate(act.actor):
                if code not in states:
                    loc = (*at, "actor", k) if len(act.actor) > 1 else (*at, "actor")
                    fail(
                        loc,
                        f"actor {code!r} is not a state of the record{_hint(code, list(states))}",
                    )
                if code not in m.implemented_by:
                    loc = (*at, "actor", k) if len(act.actor) > 1 else (*at, "actor")
                    fail(
                        loc, f"actor {code!r} is not among implemented_by {list(m.implemented_by)}"
                    )
            for k, ev in enumerate(act.instruments):
                if ev.id not in record.instruments:
                    fail(
                        (*at, "instruments", k, "id"),
                        f"unknown instrument {ev.id!r}{_hint(ev.id, sorted(record.instruments))}",
                    )
                if ev.party not in parties:
                    fail((*at, "instruments", k, "party"), f"unknown party {ev.party!r}")
            acts.append(act)
        own[m.id] = tuple(acts)
    resolved: dict[str, tuple[Any, ...]] = {}

    def resolve(mid: str) -> tuple[Any, ...]:
        if mid not in resolved:
            m = menu.measure(mid)
            out = list(own[mid])
            for e in m.extend:
                out += [x for x in resolve(e) if x not in out]
            resolved[mid] = tuple(out)
        return resolved[mid]

    for m in menu.measures:
        resolve(m.id)
    menu._actions = resolved


def load_perspectives(
    paths: Sequence[str | Path], record: Record | None = None
) -> dict[str, Perspective]:
    """Load perspective (weights) files; a directory means every ``*.yaml`` in it.

    Returns:
        party → perspective.

    Raises:
        InputError: a malformed file, an unknown party or source, a ``because`` index out
            of range, or two files for the same party.
    """
    record = record_or_bundled(record)
    files: list[Path] = []
    for p in paths:
        q = Path(p)
        try:
            is_dir = q.is_dir()
        except (OSError, ValueError):  # a NUL byte or an over-long name: reported when read
            is_dir = False
        if is_dir:
            files += list_folder(q, "*.yaml", field="--weights")
        else:
            files.append(q)
    if not files:
        raise InputError("no perspective files found", field="--weights")
    out: dict[str, Perspective] = {}
    sources = set(record.sources)
    parties = [*record.states, *record.organisations]
    for f in files:
        persp, fail = read_mapping(
            f, Perspective, "a mapping with 'party', 'title', 'priorities' and 'weights'"
        )
        if persp.party not in parties:
            fail(("party",), f"unknown party {persp.party!r}{_hint(persp.party, parties)}")
        for i, pr in enumerate(persp.priorities):
            if pr.source not in sources:
                fail(
                    ("priorities", i, "source"),
                    f"unknown source {pr.source!r}{_hint(pr.source, sorted(sources))}",
                )
        for name, w in persp.weights.items():
            for j, b in enumerate(w.because):
                if not 0 <= b < len(persp.priorities):
                    fail(
                        ("weights", name, "because", j),
                        f"no priority {b} (there are {len(persp.priorities)})",
                    )
        if persp.party in out:
            fail(
                ("party",),
                f"a second perspective for {persp.party!r} (first: {out[persp.party].path})",
            )
        persp._path = str(f)
        out[persp.party] = persp
    return out


__all__ = ["Measure", "check_menu", "load_menu", "load_perspectives"]
