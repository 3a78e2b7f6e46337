"""Vienna Document 2011 (politically binding CSBMs): notification, observation, constraints.

Chapter V: a military activity at or above any notification threshold is notified in
advance by the notice period. Chapter VI: an activity at or above any observation threshold
is open to observers. Chapter VIII: a participating State carries out at most a set number
of large activities per span of calendar years. Thresholds, the notice period and the
constraint numbers are parameters of the record (clauses ``ch-v``, ``ch-vi``, ``ch-viii``);
none is written here.

A threshold the record does not hold (left out for want of an acceptable source read, issue
12) is not guessed: an activity below every threshold the record holds that gives a count in
a category whose threshold is missing, and was not notified in time (Chapter V) or did not
invite observers (Chapter VI), is ``undetermined``, naming the missing parameters. Chapter
VIII needs all its numbers; the bundled record holds none, so the clause is
``undetermined``.

A count that parties give differently (declared against observed) is evaluated under each
reading. Several activities running at once under separate commands in one area, each
below a threshold but together at or above it, are flagged: under the reading
``separate_activities`` each is judged alone, under ``single_activity`` they are one
activity; the finding is ``disputed`` where the two differ.
"""

from __future__ import annotations

from collections.abc import Iterator

from indivisible.rules._common import record_parties, with_subjects
from indivisible.rules._readings import Outcome, under_readings
from indivisible.rules.types import (
    Call,
    Context,
    Finding,
    MissingData,
    Result,
    not_formalised,
    rule,
)
from indivisible.world import Exercise

INSTRUMENT = "vienna-document-2011"
COUNTS = ("personnel", "battle_tanks", "acv", "artillery", "sorties")
DATA_NAME = {
    "personnel": "troops",
    "battle_tanks": "tanks",
    "acv": "acv",
    "artillery": "artillery",
    "sorties": "sorties",
}
"""Scenario count -> the suffix the record's parameter ids use."""
"""Exercise counts compared with thresholds (scenario field names)."""


NOTICE = "notification_days_in_advance"
LARGE_YEARS = "large_activity_window_years"
"""Span of calendar years of the large-activity constraint (record parameter, years)."""
LARGE_MAX = "max_large_activities_per_3_years"
LARGE_NEEDS = (
    "calendar_two_year_troops",
    "calendar_two_year_tanks",
    LARGE_YEARS,
    LARGE_MAX,
)
"""The parameters Chapter VIII's rule needs (the large-activity thresholds are Chapter VII's)."""


def _owners(ctx: Context) -> list[str]:
    return sorted({o for x in ctx.scenario.exercises_on(ctx.on) for o in x.owner})


def _thresholds(
    call: Call, prefix: str
) -> tuple[dict[str, float], list[str], list[str], dict[str, str]]:
    """The ``prefix_*`` thresholds the record holds on the date, with lines and sources.

    Also returns the missing ones (scenario count -> parameter id).
    """
    out, lines, src, missing = {}, [], [], {}
    for k in COUNTS:
        pid = f"{prefix}_{DATA_NAME[k]}"
        try:
            pv = call.maybe(pid)
        except MissingData:
            pv = None
        if pv is None:
            missing[k] = pid
            continue
        out[k] = call.num(pid)
        lines.append(call.cite(pid))
        src.append(pv.source)
    if missing:
        lines.append(
            f"not in the record on {call.on.isoformat()} (left out, no acceptable source read): "
            + ", ".join(f"{INSTRUMENT}/{p}" for p in missing.values())
        )
    return out, lines, src, missing


def _unknown(x: Exercise, reading: str, missing: dict[str, str]) -> list[str]:
    """The counts of ``x`` (under ``reading``) in categories whose threshold is missing."""
    return [
        f"{k} {count_value(x, k, reading):g} (no {INSTRUMENT}/{pid})"
        for k, pid in missing.items()
        if count_value(x, k, reading) > 0
    ]


def _need(call: Call, ids: tuple[str, ...]) -> None:
    """Raise :class:`MissingData` naming every parameter of ``ids`` without a value."""
    gone = []
    for pid in ids:
        try:
            call.param(pid)
        except MissingData:
            gone.append(f"{INSTRUMENT}/{pid}")
    if gone:
        raise MissingData(
            f"parameters {', '.join(gone)} have no value on {call.on.isoformat()} "
            "(left out: no acceptable source read)"
        )


def reading_names(x: Exercise) -> list[str]:
    """The readings an exercise's counts are given under (``reported`` when none)."""
    names: dict[str, None] = {}
    for k in COUNTS:
        r = getattr(x, k)
        for n in r.names if r is not None else ():
            names.setdefault(n, None)
    return list(names) or ["reported"]


def count_value(x: Exercise, k: str, reading: str) -> float:
    """The count under ``reading`` (a count the scenario does not give counts as 0)."""
    r = getattr(x, k)
    if r is None:
        return 0.0
    if reading in r.root:
        return float(r.root[reading].value)
    if len(r.root) == 1:
        return float(next(iter(r.root.values())).value)
    return float(r.high)


def _over(x: Exercise, reading: str, th: dict[str, float]) -> list[str]:
    return [
        f"{k} {count_value(x, k, reading):g} >= {v:g}"
        for k, v in th.items()
        if count_value(x, k, reading) >= v
    ]


@rule(
    instrument=INSTRUMENT,
    clause="ch-v-notification",
    ref="Chapter V",
    text="""A military activity at or above any of the notification thresholds is notified
    in writing to all participating States at least the notice period before it starts.""",
    parties=with_subjects(record_parties(INSTRUMENT), _owners),
    since="signed",
)
def prior_notification(call: Call) -> Iterator[Finding]:
    """Each notifiable activity of the party was notified in time."""
    th, lines, src, missing = _thresholds(call, "notification")
    notice = call.num(NOTICE)
    lines.append(call.cite(NOTICE))
    src.append(call.param(NOTICE).source)
    mine = [x for x in call.scenario.exercises_on(call.on) if call.party in x.owner]
    for x in mine:
        outcomes = {}
        for rd in reading_names(x):
            over = _over(x, rd, th)
            res, when = notified(x, notice)
            if over:
                outcomes[rd] = Outcome(
                    res,
                    f"{x.id} is notifiable ({'; '.join(over)}) and was {when}; the notice "
                    f"period is {notice:g} days.",
                )
                continue
            unknown = _unknown(x, rd, missing)
            if not unknown:
                outcomes[rd] = Outcome("holds", f"{x.id} is below every notification threshold.")
            elif res == "holds":
                outcomes[rd] = Outcome(
                    "holds",
                    f"{x.id} was {when} (the notice period is {notice:g} days), whether or not "
                    f"its {', '.join(unknown)} reach a threshold the record lacks.",
                )
            else:
                outcomes[rd] = Outcome(
                    "undetermined",
                    f"{x.id} is below every notification threshold the record holds and was "
                    f"{when}, but whether its {', '.join(unknown)} make it notifiable cannot be "
                    "told: the record lacks those thresholds.",
                )
        yield from exercise_findings(call, x, outcomes, src, lines)
    yield from _circumvention(call, th, missing, lines, src)


def notified(x: Exercise, notice: float) -> tuple[Result, str]:
    """Whether ``x`` was notified at least ``notice`` days before its start, and how."""
    due = (x.start - x.notified_on).days if x.notified_on else None
    ok = due is not None and due >= notice
    when = f"notified {due} days before the start" if due is not None else "not notified"
    return ("holds" if ok else "breached"), when


def exercise_findings(
    call: Call, x: Exercise, outcomes: dict[str, Outcome], sources: list[str], lines: list[str]
) -> Iterator[Finding]:
    """The findings on exercise ``x`` under each reading of its figures."""
    yield from under_readings(
        call,
        outcomes,
        subject=x.id,
        sources=[*sources, x.source or ""],
        explain=[*lines, f"scenario: exercise {x.id} {x.start}..{x.end} on {x.host}"],
    )


@rule(
    instrument=INSTRUMENT,
    clause="ch-vi-observation",
    ref="Chapter VI",
    text="""A military activity at or above any of the observation thresholds is open to
    observers from all other participating States.""",
    parties=with_subjects(record_parties(INSTRUMENT), _owners),
    since="signed",
)
def observation(call: Call) -> Iterator[Finding]:
    """Each activity of the party at or above an observation threshold invites observers."""
    th, lines, src, missing = _thresholds(call, "observation")
    for x in call.scenario.exercises_on(call.on):
        if call.party not in x.owner:
            continue
        outcomes = {}
        for rd in reading_names(x):
            over = _over(x, rd, th)
            unknown = [] if over else _unknown(x, rd, missing)
            if not over and not unknown:
                outcomes[rd] = Outcome("holds", f"{x.id} is below every observation threshold.")
            elif over:
                inv = "invited" if x.observers_invited else "did not invite"
                outcomes[rd] = Outcome(
                    "holds" if x.observers_invited else "breached",
                    f"{x.id} is subject to observation ({'; '.join(over)}) and {inv} observers.",
                )
            elif x.observers_invited:
                outcomes[rd] = Outcome(
                    "holds",
                    f"{x.id} invited observers, whether or not its {', '.join(unknown)} reach "
                    "a threshold the record lacks.",
                )
            else:
                outcomes[rd] = Outcome(
                    "undetermined",
                    f"{x.id} is below every observation threshold the record holds and did not "
                    f"invite observers, but whether its {', '.join(unknown)} make it subject "
                    "to observation cannot be told: the record lacks those thresholds.",
                )
        yield from exercise_findings(call, x, outcomes, src, lines)


@rule(
    instrument=INSTRUMENT,
    clause="ch-viii-constraints",
    ref="Chapter VIII",
    text="""A participating State carries out no more than the set number of very large
    military activities within a span of calendar years.""",
    parties=with_subjects(record_parties(INSTRUMENT), _owners),
    since="signed",
)
def constraints(call: Call) -> Iterator[Finding]:
    """The party's large activities in the calendar window stay within the constraint."""
    if not any(call.party in x.owner for x in call.scenario.exercises):
        return
    _need(call, LARGE_NEEDS)
    th, lines, src, _missing = _thresholds(call, "calendar_two_year")
    years = int(call.num(LARGE_YEARS))
    most = call.num(LARGE_MAX)
    lines += [call.cite(LARGE_YEARS), call.cite(LARGE_MAX)]
    first = call.on.year - years + 1
    window = [
        x
        for x in call.scenario.exercises
        if call.party in x.owner and first <= x.start.year <= call.on.year
    ]
    if not window:
        return
    outcomes = {}
    names = sorted({n for x in window for n in reading_names(x)})
    for rd in names:
        big = [x.id for x in window if _over(x, rd, th)]
        ok = len(big) <= most
        outcomes[rd] = Outcome(
            "holds" if ok else "breached",
            f"{call.party} carried out {len(big)} activities above the large-activity "
            f"threshold in {first}-{call.on.year} ({', '.join(big) or 'none'}); at most "
            f"{most:g} are allowed.",
        )
    yield from under_readings(
        call, outcomes, subject=f"calendar-{first}-{call.on.year}", sources=src, explain=lines
    )


def _overlap(a: Exercise, b: Exercise) -> bool:
    if a.end < b.start or b.end < a.start:
        return False
    from pyproj import Geod

    _, _, dist_m = Geod(ellps="WGS84").inv(a.area.lon, a.area.lat, b.area.lon, b.area.lat)
    return float(dist_m) / 1000.0 <= a.area.radius_km + b.area.radius_km


def _circumvention(
    call: Call, th: dict[str, float], missing: dict[str, str], lines: list[str], src: list[str]
) -> Iterator[Finding]:
    mine = [x for x in call.scenario.exercises_on(call.on) if call.party in x.owner]
    for x in mine:
        group = [y for y in mine if y.id != x.id and _overlap(x, y)]
        if not group or x.id > min(y.id for y in group):
            continue  # report each cluster once, under its first id
        cluster = [x, *group]
        outcomes = {}
        for rd in ("declared", "reported"):
            combined = {k: sum(count_value(y, k, rd) for y in cluster) for k in COUNTS}
            alone = [y.id for y in cluster if _over(y, rd, th)]
            over = [f"{k} {combined[k]:g} >= {v:g}" for k, v in th.items() if combined[k] >= v]
            notified = all(y.notified_on is not None for y in cluster)
            unknown = [
                f"{k} {combined[k]:g} (no {INSTRUMENT}/{pid})"
                for k, pid in missing.items()
                if combined[k] > 0
            ]
            if alone or (not over and (notified or not unknown)):
                continue
            if over:
                outcomes["separate_activities"] = Outcome(
                    "holds", "Each activity, judged alone, is below every notification threshold."
                )
                outcomes["single_activity"] = Outcome(
                    "holds" if notified else "breached",
                    f"Judged as one activity ({'; '.join(over)}), the cluster is notifiable and "
                    f"was {'notified' if notified else 'not notified'}.",
                )
                break
            each = [u for y in cluster for u in _unknown(y, rd, missing)]
            outcomes["separate_activities"] = (
                Outcome(
                    "undetermined",
                    "Judged alone, each activity is below every notification threshold the "
                    f"record holds, but not every one was notified and their counts "
                    f"({', '.join(each)}) cannot be compared: the record lacks those thresholds.",
                )
                if each
                else Outcome(
                    "holds", "Each activity, judged alone, is below every notification threshold."
                )
            )
            outcomes["single_activity"] = Outcome(
                "undetermined",
                "Judged as one activity, the cluster is below every notification threshold the "
                f"record holds and was not notified, but whether its {', '.join(unknown)} make "
                "it notifiable cannot be told: the record lacks those thresholds.",
            )
            break
        if outcomes:
            ids = "+".join(y.id for y in cluster)
            yield from under_readings(
                call,
                outcomes,
                subject=ids,
                sources=src,
                explain=[
                    *lines,
                    f"scenario: {ids} overlap in time and area under {len(cluster)} "
                    "separate commands: a possible way around the thresholds",
                ],
            )


RULES = (prior_notification, observation, constraints)
NOT_FORMALISED = (
    not_formalised(
        INSTRUMENT,
        "ch-vii-annual-calendar",
        "Chapter VII",
        "Annual calendars: the scenario format has no calendar announcements to check "
        "activities against.",
    ),
    not_formalised(
        INSTRUMENT,
        "ch-i-annual-exchange",
        "Chapter I",
        "The annual exchange of military information is a procedure the scenario does not "
        "describe.",
    ),
)
