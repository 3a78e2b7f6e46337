"""ABM Treaty (1972): the deployment areas of Art. III, as reduced by the 1974 Protocol.

Art. III lets each party deploy ABM systems only in the permitted deployment areas (two in
the original text, at least the set distance apart; one from the 1974 Protocol's entry into
force) with no more than the set number of ABM launchers in each. The numbers are the
record's parameters ``deployment_areas`` (dated: the Protocol's value takes over on its
date), ``launchers_per_area`` and ``min_distance_between_areas_km``; none is written here.

Counting from the scenario: the party's deployments of interceptors (class ``interceptor``,
or a ground launcher carrying them), wherever hosted, while the treaty binds the party. A
site is a point, so each distinct site (``site.id`` or its name) is taken as one deployment
area; the areas' radius is not in the data. A deployment counted in batteries, battalions
or sites gives no launcher number: that area is ``undetermined``. A scenario with no
interceptor deployment of the party gives ``undetermined``: absence from a scenario is not
a count of zero.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from indivisible.rules._common import record_parties, with_subjects
from indivisible.rules.types import Call, Context, Finding, not_formalised, rule
from indivisible.world import Deployment

INSTRUMENT = "abm-1972"
COUNTED = ("launchers", "missiles")
"""``count_of`` values that give a launcher number (one interceptor per launcher)."""


def _is_interceptor(call_or_ctx: Call | Context, d: Deployment) -> bool:
    sc = call_or_ctx.scenario
    s = sc.system(d.system)
    if s.class_ == "interceptor":
        return True
    return (
        s.class_ == "launcher"
        and s.basing == "ground"
        and any(sc.system(m).class_ == "interceptor" for m in s.carries)
    )


def _owners(ctx: Context) -> list[str]:
    return sorted(
        {o for d in ctx.scenario.deployments_on(ctx.on) if _is_interceptor(ctx, d) for o in d.owner}
    )


def _area_key(d: Deployment) -> str:
    return d.site.id or d.site.name


@rule(
    instrument=INSTRUMENT,
    clause="art-iii",
    ref="Art. III (with the 1974 Protocol)",
    text="""Each party deploys ABM systems only within the permitted deployment areas (two,
    far enough apart; one under the 1974 Protocol), with no more than the set number of ABM
    launchers in each.""",
    parties=with_subjects(record_parties(INSTRUMENT), _owners),
    since="entered_into_force",
)
def deployment_areas(call: Call) -> Iterator[Finding]:
    """The party's interceptor sites: how many areas, and launchers per area."""
    mine = [
        d
        for d in call.scenario.deployments_on(call.on)
        if call.party in d.owner and _is_interceptor(call, d)
    ]
    n_areas = call.num("deployment_areas")
    per_area = call.num("launchers_per_area")
    cites = [call.cite("deployment_areas"), call.cite("launchers_per_area")]
    src = [call.param("deployment_areas").source, call.param("launchers_per_area").source]
    if not mine:
        yield call.finding(
            "undetermined",
            f"The scenario gives no ABM interceptor deployment of {call.party}; the limits "
            f"are {n_areas:g} area(s) of at most {per_area:g} launchers.",
            subject="deployment-areas",
            sources=src,
            explain=[*cites, "scenario: no interceptor deployment"],
        )
        return
    areas: dict[str, list[Deployment]] = {}
    for d in mine:
        areas.setdefault(_area_key(d), []).append(d)
    ok = len(areas) <= n_areas
    extra = []
    if len(areas) > 1:
        from indivisible.indicators import distance_km

        gap = call.num("min_distance_between_areas_km")
        cites.append(call.cite("min_distance_between_areas_km"))
        for (a, da), (b, db) in combinations(areas.items(), 2):
            km = float(distance_km(da[0].site.lat, da[0].site.lon, db[0].site.lat, db[0].site.lon))
            if km < gap:
                ok = False
                extra.append(f"{a} and {b} are {km:.0f} km apart (at least {gap:g} km required)")
    yield call.finding(
        "holds" if ok else "breached",
        f"{call.party} has interceptors in {len(areas)} deployment area(s) "
        f"({', '.join(areas)}); at most {n_areas:g} allowed"
        + (f"; {'; '.join(extra)}" if extra else "")
        + ".",
        subject="deployment-areas",
        sources=[*src, *(d.source or "" for d in mine)],
        explain=[*cites, *(f"scenario: {d.id} at {_area_key(d)} ({d.host})" for d in mine)],
    )
    for name, ds in areas.items():
        lines = [f"scenario: {d.id}: {d.count} {d.count_of} of {d.system}" for d in ds]
        unknown = [d.id for d in ds if d.count_of not in COUNTED]
        if unknown:
            yield call.finding(
                "undetermined",
                f"Area {name}: {', '.join(unknown)} counted in units that give no launcher "
                f"number; the limit is {per_area:g} launchers.",
                subject=f"area:{name}",
                sources=[*src, *(d.source or "" for d in ds)],
                explain=[cites[1], *lines],
            )
            continue
        held = sum(d.count for d in ds)
        ok = held <= per_area
        yield call.finding(
            "holds" if ok else "breached",
            f"Area {name}: {held} ABM launchers; at most {per_area:g} allowed.",
            subject=f"area:{name}",
            sources=[*src, *(d.source or "" for d in ds)],
            explain=[cites[1], *lines, f"{held} {'<=' if ok else '>'} {per_area:g}"],
        )


RULES = (deployment_areas,)
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "art-i",
        "Art. I",
        "Whether a system defends the national territory as a whole is a question of its "
        "capability the scenario does not describe; the checkable test is Art. III's areas.",
    ),
    not_formalised(
        INSTRUMENT,
        "protocol-1974",
        "Protocol of 3 July 1974",
        "Its one-area limit is the dated value of deployment_areas (from 1976-05-24), applied "
        "by the Art. III rule; the one-time switch of area with notice is a procedure.",
    ),
    not_formalised(
        INSTRUMENT,
        "art-xv",
        "Art. XV",
        "Duration and withdrawal are status events in the record, not a rule.",
    ),
)
