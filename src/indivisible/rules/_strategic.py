"""Counting strategic offensive arms from a scenario (START I, SORT)."""

from __future__ import annotations

from dataclasses import dataclass, field

from indivisible.rules.types import Call

STRATEGIC = frozenset({"icbm", "slbm", "heavy_bomber"})


@dataclass
class StrategicCounts:
    """The party's strategic forces on the date, as the scenario gives them."""

    delivery_vehicles: int = 0
    missile_warheads: int = 0
    bombers: int = 0
    launchers: int = 0
    lines: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)


def strategic_counts(call: Call) -> StrategicCounts:
    """ICBMs/SLBMs (``missiles``), heavy bombers (``aircraft``), warheads and launchers."""
    c = StrategicCounts()
    for d in call.scenario.deployments_on(call.on):
        if call.party not in d.owner:
            continue
        s = call.scenario.system(d.system)
        if s.class_ not in STRATEGIC:
            continue
        c.ids.append(d.id)
        c.lines.append(f"scenario: {d.id}: {d.count} {d.count_of} of {s.id} ({s.class_})")
        if d.count_of == "warheads":
            c.missile_warheads += d.count
        elif d.count_of == "launchers":
            c.launchers += d.count
        elif s.class_ == "heavy_bomber" and d.count_of == "aircraft":
            c.delivery_vehicles += d.count
            c.bombers += d.count
        elif s.class_ != "heavy_bomber" and d.count_of == "missiles":
            c.delivery_vehicles += d.count
    return c
