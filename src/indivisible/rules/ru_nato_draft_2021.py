"""Russia's draft agreement with NATO member states (17 December 2021): what it would require.

A proposal that never entered into force; findings say what it would require. Checkable
articles: Art. 1 (no party strengthens its security at the expense of the other parties:
each entry of a party active on the date is compared with the scenario without it, and the
draft would be breached by it when the verdict is ``at_expense`` against another party —
Russia or a NATO member; ``_principles.at_expense``), Art. 4 (Russia and the states that
were NATO members on the baseline date deploy no forces on other European states' territory
beyond those there on that date; the date is the record's parameter ``baseline_date``),
Art. 5 (no ground-launched intermediate- or shorter-range missiles where they can reach the
other parties), Art. 6 (no further NATO
enlargement; the scenario's accessions count), Art. 7(1) (no NATO military activity on the
territory of Ukraine and the other listed states, the record's parameter
``excluded_states``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

from indivisible.rules._common import or_holds
from indivisible.rules._principles import at_expense, entry_parties
from indivisible.rules._proposals import codes, ground_missiles_reaching, presence_on
from indivisible.rules.types import Call, Context, Finding, not_formalised, rule
from indivisible.world import Deployment, Force

INSTRUMENT = "ru-nato-draft-2021"
ALLIANCE = "nato"


def _parties(ctx: Context) -> list[str]:
    return sorted({"RUS", *ctx.members(ALLIANCE)})


def _baseline(call: Call) -> tuple[dt.date, str]:
    pv = call.param("baseline_date")
    return dt.date.fromisoformat(str(pv.value)), call.cite("baseline_date")


@rule(
    instrument=INSTRUMENT,
    clause="art-1",
    ref="Art. 1",
    text="""The parties do not strengthen their security individually, within international
    organisations, military alliances or coalitions, at the expense of the security of the
    other parties.""",
    parties=lambda ctx: sorted(set(_parties(ctx)) & set(entry_parties(ctx))),
    since="proposed",
    principle="not_at_expense",
)
def art_1(call: Call) -> Iterator[Finding]:
    """Each entry of the party, tested against the scenario without it (others: the parties)."""
    parties = set(_parties(call.ctx))
    yield from at_expense(call, others=lambda c, s: s in parties)


@rule(
    instrument=INSTRUMENT,
    clause="art-4",
    ref="Art. 4",
    text="""Russia and the states that were NATO members on the baseline date deploy no
    military forces and weaponry on the territory of other European states beyond those
    stationed there on that date, save with the consent of all parties.""",
    parties=_parties,
    since="proposed",
)
def art_4(call: Call) -> Iterator[Finding]:
    """No forces or weapons abroad beyond the baseline (for Russia and baseline members)."""
    base, line = _baseline(call)
    if call.party != "RUS" and not call.ctx.record.is_member(call.party, ALLIANCE, base):
        yield call.finding(
            "not_applicable",
            f"{call.party} was not a NATO member on the baseline date {base.isoformat()}.",
            explain=[line],
        )
        return
    present: list[Force | Deployment] = [
        *call.scenario.forces_on(call.on),
        *call.scenario.deployments_on(call.on),
    ]
    abroad = (
        call.finding(
            "breached" if f.since > base else "holds",
            f"{f.id} of {call.party} on {f.host} since {f.since.isoformat()}: "
            + ("beyond" if f.since > base else "within")
            + f" the baseline of {base.isoformat()}.",
            subject=f.id,
            sources=[f.source or ""],
            explain=[line],
        )
        for f in present
        if call.party in f.owner and f.host not in f.owner
    )
    yield from or_holds(
        call, abroad, f"No forces of {call.party} on other states' territory.", explain=[line]
    )


@rule(
    instrument=INSTRUMENT,
    clause="art-5",
    ref="Art. 5",
    text="""The parties deploy no land-based intermediate- and shorter-range missiles in
    areas from which they can reach the territory of the other parties.""",
    parties=_parties,
    since="proposed",
)
def art_5(call: Call) -> Iterator[Finding]:
    """Ground-launched missiles in the band within reach of the other side."""
    others = call.ctx.members(ALLIANCE) if call.party == "RUS" else ["RUS"]
    yield from ground_missiles_reaching(call, others, abroad_banned=False)


@rule(
    instrument=INSTRUMENT,
    clause="art-6",
    ref="Art. 6",
    text="""All NATO member states refrain from any further enlargement of NATO, including
    the accession of Ukraine and of other states.""",
    parties=lambda ctx: [ALLIANCE],
    since="proposed",
)
def art_6(call: Call) -> Iterator[Finding]:
    """No accession to NATO after the proposal (record or scenario)."""
    inst = call.ctx.record.instruments[INSTRUMENT]
    proposed = min((e.date for e in inst.events if e.event == "proposed"), default=inst.signed)
    if proposed is None:
        proposed = call.on
    joined = []
    for s in call.ctx.members(ALLIANCE):
        since = call.ctx.member_since(s, ALLIANCE)
        if since is not None and since[0] > proposed:
            joined.append((s, since))
    accessions = (
        call.finding(
            "breached",
            f"{s} joins NATO on {d.isoformat()}, after the proposal of {proposed.isoformat()}.",
            subject=f"accession:{s}:nato",
            sources=[src],
        )
        for s, (d, src) in joined
    )
    yield from or_holds(call, accessions, f"No accession to NATO after {proposed.isoformat()}.")


@rule(
    instrument=INSTRUMENT,
    clause="art-7",
    ref="Art. 7",
    text="""NATO member states conduct no military activity on the territory of Ukraine and
    of other states in Eastern Europe, the South Caucasus and Central Asia.""",
    parties=lambda ctx: ctx.members(ALLIANCE),
    since="proposed",
)
def art_7(call: Call) -> Iterator[Finding]:
    """No force, deployment or exercise of a NATO member on the listed states."""
    hosts, line = codes(call, "excluded_states")
    for f in presence_on(call, hosts, what="military activity in a listed region"):
        yield dataclasses.replace(f, explain=[line, *f.explain])


RULES = (art_1, art_4, art_5, art_6, art_7)
NOT_FORMALISED = (
    not_formalised(INSTRUMENT, "art-2", "Art. 2", "Consultations and hotlines are procedures."),
    not_formalised(INSTRUMENT, "art-3", "Art. 3", "A statement of attitude; no scenario fact."),
    not_formalised(INSTRUMENT, "art-8", "Art. 8", "A saving clause; nothing to check."),
    not_formalised(INSTRUMENT, "art-9", "Art. 9", "Final clauses."),
)
