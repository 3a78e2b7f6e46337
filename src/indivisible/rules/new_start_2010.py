"""New START (2010): the three central limits of Art. II.1.

Each party limits (a) its deployed ICBMs, deployed SLBMs and deployed heavy bombers,
(b) the warheads on deployed ICBMs and SLBMs plus one counted for each deployed heavy
bomber, and (c) its deployed and non-deployed ICBM and SLBM launchers and heavy bombers.
The three numbers are the record's parameters ``deployed_delivery_vehicles``,
``deployed_warheads`` and ``deployed_and_nondeployed_launchers`` (clause
``art-ii-central-limits``); the limits take effect on the
date the data gives (seven years after entry into force) and apply while the treaty binds
the party (Russia's suspension of 2023-02-28 makes them ``not_applicable`` for Russia, with
that reason, whatever Russia said about keeping to them).

Counting from the scenario's deployments of the party: ICBMs and SLBMs counted as
``missiles``, heavy bombers as ``aircraft``, warheads as ``warheads``, non-deployed
launchers as ``launchers``. A scenario with no strategic forces of the party gives
``undetermined``: absence from a scenario is not a count of zero.
"""

from __future__ import annotations

from collections.abc import Iterator

from indivisible.rules._common import record_parties
from indivisible.rules.types import Call, Finding, not_formalised, rule

INSTRUMENT = "new-start-2010"
LAUNCHERS = "deployed_and_nondeployed_launchers"
STRATEGIC = frozenset({"icbm", "slbm", "heavy_bomber"})


def counts(call: Call) -> tuple[dict[str, int], list[str], list[str]]:
    """Delivery vehicles, warheads and launchers of the party, with explain lines and ids."""
    c = {"deployed_delivery_vehicles": 0, "deployed_warheads": 0, LAUNCHERS: 0}
    lines, ids = [], []
    for d in call.scenario.deployments_on(call.on):
        if call.party not in d.owner:
            continue
        s = call.scenario.system(d.system)
        if s.class_ not in STRATEGIC:
            continue
        ids.append(d.id)
        lines.append(f"scenario: {d.id}: {d.count} {d.count_of} of {s.id} ({s.class_})")
        if d.count_of == "warheads":
            c["deployed_warheads"] += d.count
        elif d.count_of == "launchers":
            c[LAUNCHERS] += d.count
        elif (s.class_ == "heavy_bomber" and d.count_of == "aircraft") or (
            s.class_ != "heavy_bomber" and d.count_of == "missiles"
        ):
            c["deployed_delivery_vehicles"] += d.count
            c[LAUNCHERS] += d.count
            if s.class_ == "heavy_bomber":
                c["deployed_warheads"] += d.count
    return c, lines, ids


@rule(
    instrument=INSTRUMENT,
    clause="art-ii-central-limits",
    ref="Art. II(1)",
    text="""Each party reduces and limits its strategic offensive arms so that, from seven
    years after entry into force, its deployed ICBMs, SLBMs and heavy bombers, the
    warheads counted for them, and its deployed and non-deployed launchers and heavy
    bombers do not exceed the three central limits.""",
    parties=record_parties(INSTRUMENT),
    since="entered_into_force",
)
def central_limits(call: Call) -> Iterator[Finding]:
    """A bound party's counts stay at or under each of the three central limits."""
    c, lines, ids = counts(call)
    for pid, held in c.items():
        pv = call.maybe(pid)
        if pv is None:
            yield call.finding(
                "not_applicable",
                f"The {pid.replace('_', ' ')} limit is not yet in effect on {call.on}.",
                subject=pid,
                explain=[f"record: parameter {INSTRUMENT}/{pid} has no value on {call.on}"],
            )
            continue
        limit = call.num(pid)
        if not ids:
            yield call.finding(
                "undetermined",
                f"The scenario gives no strategic forces of {call.party}; the limit is {limit:g}.",
                subject=pid,
                sources=[pv.source],
                explain=[call.cite(pid), "scenario: no ICBM, SLBM or heavy bomber deployment"],
            )
            continue
        ok = held <= limit
        yield call.finding(
            "holds" if ok else "breached",
            f"{call.party} counts {held} {pid.replace('_', ' ')}; the limit is {limit:g}.",
            subject=pid,
            sources=[pv.source],
            explain=[call.cite(pid), *lines, f"{held} {'<=' if ok else '>'} {limit:g}"],
        )


RULES = (central_limits,)
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "inspections",
        "Art. XI",
        "Inspections are a procedure; the scenario describes forces, not inspection visits.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-xiv-duration",
        "Art. XIV",
        "Duration, extension and withdrawal are status events in the record.",
    ),
)
