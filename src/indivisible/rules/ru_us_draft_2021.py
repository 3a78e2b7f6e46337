"""Russia's draft treaty with the United States (17 December 2021): what it would require.

A proposal that never entered into force: every finding says what the article would
require of the situation, not that it binds anyone. Checkable articles: Art. 4 (no further
eastward NATO enlargement to former Soviet states; no US bases there), Art. 5(2) (heavy
bombers and surface warships outside national airspace/waters within striking distance of
the other party), Art. 6 (ground-launched intermediate- and shorter-range missiles abroad
or within reach of the other party; the band comes from the INF Treaty's parameters, as
the draft defines none), Art. 7 (no nuclear weapons outside national territory).
"""

from __future__ import annotations

from collections.abc import Iterator

from indivisible.rules._common import fixed, or_holds
from indivisible.rules._geo import reaches
from indivisible.rules._proposals import codes, ground_missiles_reaching
from indivisible.rules._readings import Outcome, under_readings
from indivisible.rules.types import Call, Finding, Result, not_formalised, rule
from indivisible.world import Deployment, Force

INSTRUMENT = "ru-us-draft-2021"
PARTIES = ("RUS", "USA")


def _other(call: Call) -> list[str]:
    return [p for p in PARTIES if p != call.party]


@rule(
    instrument=INSTRUMENT,
    clause="art-4",
    ref="Art. 4",
    text="""The United States prevents further eastward expansion of NATO, denies accession
    to states of the former USSR, and sets up no military bases in former Soviet states that
    are not NATO members.""",
    parties=fixed("USA"),
    since="proposed",
)
def art_4(call: Call) -> Iterator[Finding]:
    """No NATO accession of, and no US presence on, former Soviet non-NATO states."""
    ussr, line = codes(call, "former_ussr_non_nato_states")
    present: list[Force | Deployment] = [
        *call.scenario.forces_on(call.on),
        *call.scenario.deployments_on(call.on),
    ]
    barred = [
        (
            f"accession:{a.state}:nato",
            a.source,
            f"{a.state}, a former Soviet state, joins NATO on {a.on.isoformat()}.",
        )
        for a in call.scenario.accessions
        if a.org == "nato" and a.state in ussr and a.on <= call.on
    ] + [
        (f.id, f.source, f"US presence {f.id} on {f.host}, a former Soviet state outside NATO.")
        for f in present
        if "USA" in f.owner and f.host in ussr
    ]
    found = (
        call.finding("breached", why, subject=ident, sources=[src or ""], explain=[line])
        for ident, src, why in barred
    )
    yield from or_holds(
        call,
        found,
        "No accession to NATO of, and no US presence on, a former Soviet state outside NATO.",
        explain=[line],
    )


@rule(
    instrument=INSTRUMENT,
    clause="art-5",
    ref="Art. 5",
    text="""Neither party flies heavy bombers or deploys surface warships outside its national
    airspace or territorial waters in areas from which they can strike targets on the other
    party's territory.""",
    parties=fixed(*PARTIES),
    since="proposed",
)
def art_5(call: Call) -> Iterator[Finding]:
    """Bombers and surface ships abroad, within striking distance of the other party."""
    yield from or_holds(
        call, _strikers(call), f"No heavy bomber or warship of {call.party} deployed abroad."
    )


def _strikers(call: Call) -> Iterator[Finding]:
    for d in call.scenario.deployments_on(call.on):
        if call.party not in d.owner or d.host in d.owner:
            continue
        s = call.scenario.system(d.system)
        if not (s.class_ == "heavy_bomber" or (s.basing == "sea" and s.strike)):
            continue
        if s.range_km is None:
            yield call.finding(
                "undetermined",
                f"{s.name} ({d.id}) outside {call.party}'s territory; the scenario gives no "
                "range to judge whether it can strike the other party.",
                subject=d.id,
                sources=[d.source or "", *s.sources],
                explain=[f"scenario: {s.id} has no range_km"],
            )
            continue
        outcomes = {}
        for name, r in s.range_km.root.items():
            hit, why = reaches(call, d.site.lat, d.site.lon, r.value, _other(call))
            res: Result = "breached" if hit else "holds" if hit is False else "undetermined"
            outcomes[name] = Outcome(
                res, f"{s.name} ({d.id}) outside {call.party}'s territory: {why}.", (why,)
            )
        yield from under_readings(
            call,
            outcomes,
            subject=d.id,
            sources=[d.source or "", *s.sources],
            explain=[f"scenario: {d.id} at {d.site.name} ({d.site.lat:g}, {d.site.lon:g})"],
        )


@rule(
    instrument=INSTRUMENT,
    clause="art-6",
    ref="Art. 6",
    text="""Neither party deploys ground-launched intermediate- and shorter-range missiles
    outside its national territory, nor in areas of its territory from which they can strike
    targets on the other party's territory.""",
    parties=fixed(*PARTIES),
    since="proposed",
)
def art_6(call: Call) -> Iterator[Finding]:
    """No such missile abroad, nor at home within reach of the other party."""
    yield from ground_missiles_reaching(call, _other(call), abroad_banned=True)


@rule(
    instrument=INSTRUMENT,
    clause="art-7",
    ref="Art. 7",
    text="""Neither party deploys nuclear weapons outside its national territory; those
    abroad are returned and the infrastructure for them abroad is eliminated.""",
    parties=fixed(*PARTIES),
    since="proposed",
)
def art_7(call: Call) -> Iterator[Finding]:
    """No deployment with nuclear weapons outside the party's territory."""
    abroad = (
        call.finding(
            "breached",
            f"Nuclear weapons of {call.party} ({d.id}) on {d.host}.",
            subject=d.id,
            sources=[d.source or ""],
        )
        for d in call.scenario.deployments_on(call.on)
        if call.party in d.owner and d.host not in d.owner and d.nuclear is True
    )
    yield from or_holds(call, abroad, f"No nuclear weapons of {call.party} reported abroad.")


RULES = (art_4, art_5, art_6, art_7)
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "art-1",
        "Art. 1",
        '"Core security interests" is undefined and the record has no readings of it yet.',
        principle="not_at_expense",
    ),
    not_formalised(
        INSTRUMENT,
        "art-2",
        "Art. 2",
        "A duty of conduct within organisations; no scenario fact tests it.",
    ),
    not_formalised(INSTRUMENT, "art-8", "Art. 8", "Final clauses."),
    not_formalised(
        INSTRUMENT,
        "art-3",
        "Art. 3",
        "Use of third states' territory to prepare "
        "an attack is an intention the scenario does not record.",
    ),
)
