"""INF Treaty (1987): no ground-launched missiles with a range in the banned band.

Art. II defines the band (shorter-range and intermediate-range ground-launched ballistic and
cruise missiles); Arts. IV-V require their elimination; Art. VI bars producing or
flight-testing them. The rule below checks the outcome those articles require on a date:
a party bound by the treaty holds no such missile. The band's limits are the record's
parameters ``min_range_km`` / ``max_range_km`` (clause ``art-ii-ranges``); a range that the
parties report differently is evaluated under each reading. A reading given as a bound ("up
to 500 km", "at least 500 km") is an interval (``band_test``): a reading whose interval lies
partly inside the band gives ``undetermined``, never ``breached``.

From entry into force until the end of the treaty (US withdrawal effective 2019-08-02) a
bound party holding such a missile is in breach; before and after, or for a non-party,
the finding is ``not_applicable`` with the record's reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from indivisible.rules._common import record_parties, with_subjects
from indivisible.rules._readings import Outcome, band_test, under_readings
from indivisible.rules.types import (
    Call,
    Context,
    Finding,
    MissingData,
    Result,
    not_formalised,
    rule,
)
from indivisible.world import Deployment, System

INSTRUMENT = "inf-1987"
BAND_CLAUSE = "art-ii-ranges"
"""The clause whose parameters hold the band (``min_range_km``, ``max_range_km``)."""

GROUND_CLASSES = frozenset(
    {
        "ground_launched_ballistic_missile",
        "ground_launched_cruise_missile",
        "hypersonic_glide_vehicle",
    }
)
"""System classes that are ground-launched missiles in the treaty's sense."""


def ground_missiles(call: Call, dep: Deployment) -> list[System]:
    """The ground-launched missiles a deployment holds (a ground launcher: what it carries)."""
    sys_ = call.scenario.system(dep.system)
    if sys_.class_ in GROUND_CLASSES:
        return [sys_]
    if sys_.class_ == "launcher" and sys_.basing == "ground":
        out = []
        for m in sys_.carries:
            carried = call.scenario.system(m)
            if carried.strike:
                out.append(carried)
        return out
    return []


def elimination_deadline(call: Call) -> dt.date:
    """Entry into force (record) plus the elimination period (record parameter, years)."""
    inst = call.ctx.record.instruments[INSTRUMENT]
    eif = [e.date for e in inst.events if e.party is None and e.event == "entered_into_force"]
    if not eif:
        raise MissingData(f"{INSTRUMENT} has no entry into force in the record")
    years = int(call.num("elimination_deadline_years"))
    start = min(eif)
    return start.replace(year=start.year + years)


def _owners(ctx: Context) -> list[str]:
    return sorted({o for d in ctx.scenario.deployments_on(ctx.on) for o in d.owner})


@rule(
    instrument=INSTRUMENT,
    clause="art-vi-ban",
    ref="Art. VI",
    text="""After the elimination period of Arts. IV-V no party possesses intermediate- or
    shorter-range missiles: no ground-launched ballistic or cruise missile whose range lies
    in the band defined in Art. II.""",
    parties=with_subjects(record_parties(INSTRUMENT), _owners),
    since="entered_into_force",
)
def banned_band(call: Call) -> Iterator[Finding]:
    """A bound party holds no ground-launched missile with a range inside the banned band."""
    lo = call.num("min_range_km")
    hi = call.num("max_range_km")
    band_lines = [call.cite("min_range_km"), call.cite("max_range_km")]
    band_src = [call.param("min_range_km").source, call.param("max_range_km").source]
    deadline = elimination_deadline(call)
    band_lines.append(call.cite("elimination_deadline_years"))
    grace = call.on < deadline
    seen = False
    ashore = aegis_ashore_systems(call)
    for dep in call.scenario.deployments_on(call.on):
        if call.party not in dep.owner:
            continue
        if dep.system in ashore:
            seen = True
            yield from _aegis_ashore(call, dep, lo, hi, grace, band_src, band_lines)
            continue
        for m in ground_missiles(call, dep):
            seen = True
            if m.range_km is None:
                yield call.finding(
                    "undetermined",
                    f"The scenario gives no range for {m.id}.",
                    subject=dep.id,
                    explain=[f"scenario: {m.id} has no range_km"],
                )
                continue
            outcomes = {}
            for name, rd in m.range_km.root.items():
                answer = band_test(rd, lo, hi)
                inside = answer == "inside"
                q = "" if rd.qualifier == "reported" else f" ({rd.qualifier})"
                a, b = rd.interval
                span = f"{a:g}-{b:g} km" if a != b else f"{a:g} km"
                if answer == "undetermined":
                    ev = (
                        f"{dep.count} {m.name} ({m.id}) at {dep.site.name}, {dep.host}: range "
                        f"{rd.value:g} km{q}, i.e. {span}, overlaps the banned band "
                        f"{lo:g}-{hi:g} km only in part: whether it lies in the band depends "
                        "on where in that interval the true range lies."
                    )
                else:
                    ev = (
                        f"{dep.count} {m.name} ({m.id}) at {dep.site.name}, {dep.host}: range "
                        f"{rd.value:g} km{q} ({span}) is {answer} the banned "
                        f"band {lo:g}-{hi:g} km."
                    )
                if inside and grace:
                    ev += f" Allowed until the elimination deadline {deadline.isoformat()}."
                result: Result = (
                    "undetermined"
                    if answer == "undetermined"
                    else ("breached" if inside and not grace else "holds")
                )
                outcomes[name] = Outcome(
                    result,
                    ev,
                    (
                        f"scenario: range of {m.id} under reading {name} = {rd.value:g} km "
                        f"(source {rd.source or 'scenario'})",
                    ),
                )
            yield from under_readings(
                call,
                outcomes,
                subject=dep.id,
                sources=[*band_src, dep.source or "", *m.sources],
                explain=[
                    *band_lines,
                    f"scenario: deployment {dep.id} of {'+'.join(dep.owner)} on {dep.host} "
                    f"since {dep.since.isoformat()}, system {dep.system}",
                ],
            )
    if not seen:
        yield call.finding(
            "holds",
            f"{call.party} holds no ground-launched missile in the scenario on "
            f"{call.on.isoformat()}; none in the band {lo:g}-{hi:g} km.",
            sources=band_src,
            explain=[*band_lines, "scenario: no ground-launched missile of this party"],
        )


_READINGS = ("rus-mk41", "usa-aegis-ashore")
"""The readings of ``aegis_ashore_launches_glcm`` in the record (checked for presence only)."""


def aegis_ashore_systems(call: Call) -> frozenset[str]:
    """System ids whose land deployments are Aegis Ashore sites (record parameter).

    Empty before any party gave a reading of the launchers (the dispute did not exist yet).
    """
    pv = call.maybe("aegis_ashore_systems")
    if pv is None or not any(
        v is not None for v in (call.maybe("aegis_ashore_launches_glcm", r) for r in _READINGS)
    ):
        return frozenset()
    return frozenset(x.strip() for x in str(pv.value).split(",") if x.strip())


def _aegis_ashore(
    call: Call,
    dep: Deployment,
    lo: float,
    hi: float,
    grace: bool,
    band_src: list[str],
    band_lines: list[str],
) -> Iterator[Finding]:
    """An Aegis Ashore site under each party's reading of its Mk 41-based launchers.

    Under a reading that the launchers can fire ground-launched cruise missiles of the band
    (Russia's), the site holds launchers of banned missiles: ``breached`` after the elimination
    deadline. Under a reading that they cannot (the United States'), the site holds only
    interceptors, which the treaty does not cover: ``holds``. Different readings give a
    ``disputed`` finding followed by one finding per reading.
    """
    readings = call.readings("aegis_ashore_launches_glcm")
    outcomes = {}
    where = f"{dep.count} {dep.system} at {dep.site.name}, {dep.host}"
    for name, pv in readings.items():
        by = f" ({pv.by})" if pv.by else ""
        if pv.value is True:
            ev = (
                f"Under reading {name}{by}, the Mk 41-based launchers of the Aegis Ashore site "
                f"({where}) can launch ground-launched cruise missiles of the band "
                f"{lo:g}-{hi:g} km: launchers of banned missiles."
            )
            result: Result = "holds" if grace else "breached"
        else:
            ev = (
                f"Under reading {name}{by}, the Aegis Ashore site ({where}) launches only "
                "interceptors, which the treaty does not cover."
            )
            result = "holds"
        outcomes[name] = Outcome(result, ev, (call.cite("aegis_ashore_launches_glcm", name),))
    yield from under_readings(
        call,
        outcomes,
        subject=dep.id,
        sources=[*band_src, *(pv.source for pv in readings.values()), dep.source or ""],
        explain=[
            *band_lines,
            call.cite("aegis_ashore_systems"),
            f"scenario: deployment {dep.id} of {'+'.join(dep.owner)} on {dep.host} since "
            f"{dep.since.isoformat()}, system {dep.system}",
        ],
    )


RULES = (banned_band,)
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "aegis-ashore-mk41",
        "Art. II(4), Art. VI",
        "Readings, not an obligation: the rule for Art. VI applies each party's reading of "
        "the Aegis Ashore launchers to the sites in the scenario.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-ii-ranges",
        "Art. II(5)-(6)",
        "Definitions, not an obligation: Art. VI reads the banned band from them.",
    ),
    not_formalised(
        INSTRUMENT,
        "elimination",
        "Art. IV-V",
        "Elimination schedules are not scenario facts; the rule for Art. VI treats holdings "
        "before the elimination deadline as allowed.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-xv",
        "Art. XV",
        "Withdrawal is modelled in the record as status events, not as a rule.",
    ),
)
