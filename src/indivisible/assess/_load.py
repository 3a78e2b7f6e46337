"""Action files: YAML with line numbers, validation, reference checks, and application.

An action file is parsed with YAML 1.2 booleans (``on:`` is a key, not ``True``) and dates
kept as text, so that a malformed date is reported like any other field. The data is
validated as :class:`~indivisible.assess.types.Action`; then the references that do not
depend on a baseline are checked against the record (actors, ``others``, instrument ids,
parties, sources). References that do depend on it (ids to remove, systems of added
deployments, id clashes) are checked by :func:`apply_action`, which reports the problem at
its line in the action file when the action was loaded from one.

Every problem is one ``InputError``: ``file:line: field 'x': reason`` (exit status 2).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import yaml
from pydantic import ValidationError

from indivisible._bounds import coverage_problem
from indivisible._bundled import record_or_bundled
from indivisible._errors import InputError
from indivisible._hints import hint as _hint
from indivisible._paths import read_yaml_input
from indivisible._yaml import (
    LazyNode,
    Yaml12Loader,
    failing_at,
    format_loc,
    line_of,
    validation_problem,
)
from indivisible.assess.types import ADD_GROUPS, REMOVE_GROUPS, Action

if TYPE_CHECKING:
    from indivisible.record import Record
    from indivisible.world import Scenario

Loc = tuple[int | str, ...]

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


_ActionLoader = Yaml12Loader  # YAML 1.2 booleans, dates as text (the tests load with it)


def parse_action(
    data: Any, *, path: str | None = None, node: yaml.Node | LazyNode | None = None
) -> Action:
    """Validate plain data (a parsed action file) as an :class:`Action`; one located error."""
    fail = failing_at(path, node)

    if data is None:
        fail((), "empty file: expected a mapping with at least 'action' and 'actor'")
    if not isinstance(data, dict):
        fail((), f"expected a mapping of action keys (action, actor, on, add...), got "
             f"{type(data).__name__}")  # fmt: skip
    try:
        action = Action.model_validate(data)
    except ValidationError as exc:
        loc, msg = validation_problem(exc, data)
        if exc.errors()[0]["type"] == "extra_forbidden" and len(loc) == 1:
            msg += " (known: action, actor, on, add, remove, instruments, others, source, note)"
        fail(loc, msg)
    if node is not None:
        action._path = path
        action._locate = lambda loc: line_of(node, loc)
    return action


def load_action(path: str | Path, record: Record | None = None) -> Action:
    """Load and check an action file.

    Args:
        path: the action YAML file.
        record: the record to check states, instruments and sources against (default: the
            bundled record).

    Returns:
        The validated action; it remembers its file so that later errors (an id to remove
        that the baseline lacks) are reported at their line.

    Raises:
        InputError: the first problem, as ``file:line: field 'x': reason``.
    """
    record = record_or_bundled(record)
    shown = str(path)
    data, node = read_yaml_input(Path(path), shown)
    action = parse_action(data, path=shown, node=node)
    check_action(action, record)
    return action


def _fail(action: Action, loc: Loc, reason: str) -> NoReturn:
    raise InputError(reason, path=action.path, line=action.line(loc), field=format_loc(loc) or None)


def check_action(action: Action, record: Record) -> None:
    """Check the action's references that do not depend on a baseline (located errors).

    Raises:
        InputError: an unknown state (actor, others, instrument party), instrument or
            source.
    """
    states = record.states

    def state(code: str, loc: Loc) -> None:
        if code not in states:
            hint = _hint(code, list(states))
            _fail(action, loc, f"unknown state {code!r} (not in the record){hint}")

    if action.on is not None:
        problem = coverage_problem(record, action.on)
        if problem is not None:
            _fail(action, ("on",), problem)
    for i, a in enumerate(action.actor):
        state(a, ("actor", i) if len(action.actor) > 1 else ("actor",))
    for i, o in enumerate(action.others or ()):
        state(o, ("others", i))
    sources = set(record.sources)
    for i, s in enumerate(action.sources):
        if s not in sources:
            loc: Loc = ("source", i) if not isinstance(action.source, str) else ("source",)
            _fail(
                action,
                loc,
                f"unknown source {s!r} (not in the bibliography){_hint(s, sorted(sources))}",
            )
    for i, ev in enumerate(action.instruments):
        if ev.id not in record.instruments:
            _fail(
                action,
                ("instruments", i, "id"),
                f"unknown instrument {ev.id!r} (not in the record)"
                f"{_hint(ev.id, sorted(record.instruments))}",
            )
        if ev.party not in states and ev.party not in record.organisations:
            known = [*states, *record.organisations]
            _fail(
                action,
                ("instruments", i, "party"),
                f"unknown party {ev.party!r} (neither a state nor an organisation of the record)"
                f"{_hint(ev.party, known)}",
            )
        if ev.source is not None and ev.source not in sources:
            _fail(
                action,
                ("instruments", i, "source"),
                f"unknown source {ev.source!r} (not in the bibliography)"
                f"{_hint(ev.source, sorted(sources))}",
            )


def _loc_of_field(text: str) -> Loc:
    """Parse a dotted field path (``deployments[0].site.lat``) back into a location."""
    parts = re.findall(r"[^.\[\]]+|\[\d+\]", text)
    return tuple(int(p[1:-1]) if p.startswith("[") else p for p in parts)


def apply_action(
    action: Action, baseline: Scenario, record: Record, on: dt.date
) -> tuple[Scenario, Record]:
    """The scenario and the record after the action; neither input is changed.

    Removals are checked per section against the baseline; additions go through
    ``Scenario.with_changes`` (validated like a scenario file); instrument events are
    appended to a copy of the record's instruments, dated ``on`` unless they give a date.

    Raises:
        InputError: an id to remove that the baseline lacks (or that names an entry of
            another section), an added entry that fails the scenario checks; located in
            the action file when the action came from one.
    """
    for group in REMOVE_GROUPS:
        have = {x.id for x in getattr(baseline, group) if x.id is not None}
        elsewhere = {
            x.id: g
            for g in REMOVE_GROUPS
            if g != group
            for x in getattr(baseline, g)
            if x.id is not None
        }
        for i, ident in enumerate(getattr(action.remove, group)):
            if ident in have:
                continue
            if ident in elsewhere:
                reason = (
                    f"{ident!r} is a {_NOUN[elsewhere[ident]]} of the baseline, not a "
                    f"{_NOUN[group]}: list it under remove.{elsewhere[ident]}"
                )
            else:
                reason = (
                    f"no {_NOUN[group]} {ident!r} in the baseline scenario "
                    f"{baseline.scenario!r}{_hint(ident, sorted(have))}"
                )
            _fail(action, ("remove", group, i), reason)
    removed = set(action.remove.ids())
    kept = {
        x.id: g
        for g in REMOVE_GROUPS
        for x in getattr(baseline, g)
        if x.id is not None and x.id not in removed
    }
    for group in REMOVE_GROUPS:
        for i, x in enumerate(getattr(action.add, group)):
            if x.id is not None and kept.get(x.id, group) != group:
                _fail(
                    action,
                    ("add", group, i, "id"),
                    f"id {x.id!r} is already used by a {_NOUN[kept[x.id]]} of the baseline; "
                    "an added entry replaces one of its own section only",
                )
    try:
        changed = baseline.with_changes(
            add=action.add.entries(), remove=action.remove.ids(), record=record
        )
    except InputError as exc:
        loc = _loc_of_field(exc.field or "")
        if loc and loc[0] in ADD_GROUPS:
            _fail(action, ("add", *loc), exc.reason)
        raise InputError(
            exc.reason, path=action.path, line=action.line(("add",)), field="add"
        ) from None
    if not action.instruments:
        return changed, record
    from indivisible.record import Record as _Record
    from indivisible.record import StatusEvent

    instruments = dict(record.instruments)
    for ev in action.instruments:
        inst = instruments[ev.id]
        event = StatusEvent(
            event=ev.event,
            date=ev.date or on,
            party=None if ev.event in ("expired", "terminated") else ev.party,
            source=ev.source or next(iter(action.sources), f"action: {action.action}"),
            note=ev.note or f"added by the action {action.action!r}",
        )
        instruments[ev.id] = inst.model_copy(update={"events": [*inst.events, event]})
    raw = dataclasses.replace(record.raw, instruments=instruments)
    return changed, _Record(raw)
