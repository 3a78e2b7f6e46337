"""The US written answer (26 January 2022): its checkable proposals, as what they would require.

Item 1: reciprocal transparency to confirm that no Tomahawk-class ground-launched cruise
missiles are at the Aegis Ashore sites (hosts: the record's parameter
``aegis_ashore_hosts``). Item 4: reciprocal US and Russian commitments not to deploy
offensive ground-launched missile systems or permanent forces with a combat mission on
Ukraine's territory (the record's parameter ``no_deployment_states``).
"""

from __future__ import annotations

from collections.abc import Iterator

from indivisible.rules._common import fixed, or_holds
from indivisible.rules._proposals import codes
from indivisible.rules.inf_1987 import ground_missiles
from indivisible.rules.types import Call, Finding, not_formalised, rule

INSTRUMENT = "us-response-2022"


@rule(
    instrument=INSTRUMENT,
    clause="p1-aegis-ashore-transparency",
    ref="item 1",
    text="""A transparency mechanism would confirm that no ground-launched cruise missiles
    are present at the Aegis Ashore sites, with reciprocal measures at Russian bases.""",
    parties=fixed("USA"),
    since="proposed",
)
def item_1(call: Call) -> Iterator[Finding]:
    """No ground-launched strike missile of the US on the Aegis Ashore host states."""
    hosts, line = codes(call, "aegis_ashore_hosts")
    missiles = (
        call.finding(
            "breached",
            f"Ground-launched strike missiles ({d.id}) on {d.host}.",
            subject=d.id,
            sources=[d.source or ""],
            explain=[line],
        )
        for d in call.scenario.deployments_on(call.on)
        if "USA" in d.owner and d.host in hosts and ground_missiles(call, d)
    )
    yield from or_holds(
        call,
        missiles,
        f"No US ground-launched strike missile on {', '.join(hosts)}.",
        explain=[line],
    )


@rule(
    instrument=INSTRUMENT,
    clause="p4-ukraine-restraint",
    ref="item 4",
    text="""The US and Russia would each refrain from deploying offensive ground-launched
    missile systems and permanent forces with a combat mission on Ukraine's territory.""",
    parties=fixed("RUS", "USA"),
    since="proposed",
)
def item_4(call: Call) -> Iterator[Finding]:
    """No offensive ground-launched missiles or permanent combat forces on the listed states."""
    hosts, line = codes(call, "no_deployment_states")
    barred = [
        (d.id, d.host, d.source, f"Ground-launched missiles {d.id}")
        for d in call.scenario.deployments_on(call.on)
        if call.party in d.owner and d.host in hosts and ground_missiles(call, d)
    ] + [
        (f.id, f.host, f.source, f"Permanent combat force {f.id}")
        for f in call.scenario.forces_on(call.on)
        if call.party in f.owner
        and f.host in hosts
        and f.role == "combat"
        and f.posture == "permanent"
    ]
    found = (
        call.finding(
            "breached", f"{what} on {host}.", subject=ident, sources=[src or ""], explain=[line]
        )
        for ident, host, src, what in barred
    )
    yield from or_holds(
        call,
        found,
        f"Nothing of {call.party} of these kinds on {', '.join(hosts)}.",
        explain=[line],
    )


RULES = (item_1, item_4)
NOT_FORMALISED = (
    not_formalised(INSTRUMENT, "p2-inf-range-talks", "item 2", "An offer to negotiate."),
    not_formalised(INSTRUMENT, "p3-strategic-arms", "item 3", "An offer to negotiate."),
    not_formalised(
        INSTRUMENT, "p5-risk-reduction", "item 5", "Specific measures not in the fact base."
    ),
    not_formalised(
        INSTRUMENT, "p6-principles", "item 6", "Principles restated; see the Istanbul rules."
    ),
    not_formalised(INSTRUMENT, "p7-conditionality", "item 7", "A condition, not a measure."),
)
