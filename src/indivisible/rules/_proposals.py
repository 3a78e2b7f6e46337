"""Checks shared by the December 2021 drafts and the January 2022 answers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from indivisible.rules._common import or_holds
from indivisible.rules._geo import reaches
from indivisible.rules._readings import Outcome, under_readings
from indivisible.rules.inf_1987 import ground_missiles
from indivisible.rules.types import Call, Finding, Result

_CODE = re.compile(r"\b[A-Z]{3}\b")


def codes(call: Call, param_id: str) -> tuple[list[str], str]:
    """A list-of-states parameter (comma-separated ISO3 codes) and its explain line."""
    pv = call.param(param_id)
    out = sorted({m.group(0) for item in str(pv.value).split(",") if (m := _CODE.search(item))})
    return out, call.cite(param_id)


def band(call: Call) -> tuple[float, float, list[str]]:
    """The intermediate- and shorter-range band, read from the INF Treaty's parameters."""
    lo = call.num("min_range_km", instrument="inf-1987")
    hi = call.num("max_range_km", instrument="inf-1987")
    lines = [
        call.cite("min_range_km", instrument="inf-1987"),
        call.cite("max_range_km", instrument="inf-1987"),
    ]
    return lo, hi, lines


def ground_missiles_reaching(
    call: Call, targets: list[str], *, abroad_banned: bool
) -> Iterator[Finding]:
    """Ground-launched missiles of the party in the band: abroad, or able to reach ``targets``.

    Each range reading of a missile is judged on its own (in the band? reaching the nearest
    target's territory?), so a range the parties report differently gives ``disputed``.
    """
    lo, hi, lines = band(call)
    yield from or_holds(
        call,
        _in_band(call, targets, lo, hi, lines, abroad_banned=abroad_banned),
        f"No ground-launched missile of {call.party} in the {lo:g}-{hi:g} km band in the scenario.",
        explain=lines,
    )


def _in_band(
    call: Call, targets: list[str], lo: float, hi: float, lines: list[str], *, abroad_banned: bool
) -> Iterator[Finding]:
    for d in call.scenario.deployments_on(call.on):
        if call.party not in d.owner:
            continue
        missiles = ground_missiles(call, d)
        for m in missiles:
            if m.range_km is None:
                continue
            ranges = {n: r.value for n, r in m.range_km.root.items()}
            if not any(lo <= v <= hi for v in ranges.values()):
                continue
            subject = d.id if len(missiles) == 1 else f"{d.id}:{m.id}"
            src = [d.source or "", *m.sources]
            line = (
                f"scenario: {d.id}: {m.id} (range per reading: "
                + ", ".join(f"{n}={v:g} km" for n, v in ranges.items())
                + f") at {d.site.name} ({d.site.lat:g}, {d.site.lon:g}), {d.host}"
            )
            abroad = abroad_banned and d.host not in d.owner
            outcomes = {}
            for name, rng in ranges.items():
                if not lo <= rng <= hi:
                    outcomes[name] = Outcome(
                        "holds", f"{m.name}: range {rng:g} km, outside the {lo:g}-{hi:g} km band."
                    )
                elif abroad:
                    outcomes[name] = Outcome(
                        "breached",
                        f"{m.name} (range {rng:g} km) deployed outside {call.party}'s territory, "
                        f"on {d.host}.",
                    )
                else:
                    hit, why = reaches(call, d.site.lat, d.site.lon, rng, targets)
                    res: Result = "breached" if hit else "holds" if hit is False else "undetermined"
                    outcomes[name] = Outcome(res, f"{m.name} at {d.site.name}: {why}.", (why,))
            yield from under_readings(
                call, outcomes, subject=subject, sources=src, explain=[*lines, line]
            )


def presence_on(
    call: Call, hosts: list[str], *, what: str, combat_only: bool = False
) -> Iterator[Finding]:
    """Forces, deployments or exercises of the party on the territory of ``hosts``."""
    items = [
        *(
            ("force", f.id, f.host, f.owner, f.source)
            for f in call.scenario.forces_on(call.on)
            if not combat_only or f.role == "combat"
        ),
        *(
            ("deployment", d.id, d.host, d.owner, d.source)
            for d in call.scenario.deployments_on(call.on)
        ),
        *(
            ("exercise", x.id, x.host, x.owner, x.source)
            for x in call.scenario.exercises_on(call.on)
        ),
    ]
    present = (
        call.finding(
            "breached",
            f"{kind} {ident} of {call.party} on {host}: {what}.",
            subject=ident,
            sources=[src or ""],
            explain=[f"scenario: {kind} {ident} of {'+'.join(owner)} on {host}"],
        )
        for kind, ident, host, owner, src in items
        if call.party in owner and host in hosts and host != call.party
    )
    yield from or_holds(
        call, present, f"No force, deployment or exercise of {call.party} on {', '.join(hosts)}."
    )
