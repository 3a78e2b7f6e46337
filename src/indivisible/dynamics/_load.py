"""Response menu files: validation with located errors (``file:line: field: reason``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from indivisible._bundled import record_or_bundled
from indivisible._hints import hint as _hint
from indivisible._yaml import read_mapping, validated
from indivisible.dynamics.types import ResponseMenu
from indivisible.negotiate._menu import indicator_problem

if TYPE_CHECKING:
    from indivisible.record import Record

Loc = tuple[int | str, ...]


def load_responses(
    path: str | Path, record: Record | None = None, scenario: Any = None
) -> ResponseMenu:
    """Load and check a response menu (parties, actors, sources, unique response ids).

    With ``scenario`` (the baseline, evaluated by the bundled profile), every weighted
    indicator must be one of the profile's, and every system an added deployment names must
    be in the scenario's catalogue or among the systems the same action adds: a weight or a
    response that could never count is an error when the file is loaded, not silently
    ignored (or found only if the response is chosen).

    Raises:
        InputError: the first problem, located.
    """
    from indivisible.assess import Action

    record = record_or_bundled(record)
    shown = str(path)
    menu, fail = read_mapping(path, ResponseMenu, "a mapping with 'responses' and 'parties'")
    states = list(record.states)
    sources = set(record.sources)
    seen: set[str] = set()
    acts: dict[str, tuple[Any, ...]] = {}

    def actions(
        raw: list[dict[str, Any]], at: Loc, name: str, source: str | None
    ) -> tuple[Any, ...]:
        out = []
        for j, a in enumerate(raw):
            d = {"action": f"{name} ({j + 1})", **a}
            if source is not None:
                d.setdefault("source", source)
            act = validated(Action, d, fail, (*at, j))
            for code in act.actor:
                if code not in states:
                    fail((*at, j, "actor"), f"actor {code!r} is not a state{_hint(code, states)}")
            if scenario is not None:
                known = [*scenario.catalogue.ids, *(p.id for p in act.add.systems)]
                for k, dep in enumerate(act.add.deployments):
                    if dep.system not in known:
                        fail(
                            (*at, j, "add", "deployments", k, "system"),
                            f"unknown system {dep.system!r} (not in the catalogue nor in the "
                            f"scenario's or this action's systems){_hint(dep.system, known)}",
                        )
            out.append(act)
        return tuple(out)

    for party, pol in menu.parties.items():
        if party not in states:
            fail(
                ("parties", party),
                f"party {party!r} is not a state of the record{_hint(party, states)}",
            )
        for name in pol.weights if scenario is not None else ():
            problem = indicator_problem(name)
            if problem is not None:
                fail(("parties", party, "weights", name), problem)
        for i, r in enumerate(pol.responses):
            at: Loc = ("parties", party, "responses", i)
            if r.id in seen:
                fail((*at, "id"), f"duplicate response id {r.id!r}")
            seen.add(r.id)
            if r.source is not None and r.source not in sources:
                fail(
                    (*at, "source"),
                    f"unknown source {r.source!r}{_hint(r.source, sorted(sources))}",
                )
            acts[r.id] = actions(list(r.actions), (*at, "actions"), r.id, r.source)
    if menu.opening is not None:
        acts["opening"] = actions([menu.opening], ("opening",), "opening", None)
    menu._path = shown
    menu._actions = acts
    return menu
