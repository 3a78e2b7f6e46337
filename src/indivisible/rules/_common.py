"""Helpers shared by the instrument modules: who the parties are, how status reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from indivisible.rules.types import Call, Context, Finding, PartiesFn

_STATUS_PHRASE = {
    "not_party": "is not a party to",
    "proposed": "proposed (never in force)",
    "rejected": "rejected",
    "signed": "signed but is not bound by",
    "ratified": "ratified but is not yet bound by",
    "suspended": "suspended its obligations under",
    "withdrawn": "withdrew from",
    "expired": "is no longer bound: expiry of",
    "terminated": "is no longer bound: termination of",
}


def not_bound_reason(ctx: Context, instrument: str, party: str) -> tuple[str, str, str]:
    """Why ``party`` is not bound by ``instrument`` on the date: (reason, source, explain line).

    Examples of reasons: ``RUS suspended its obligations under cfe-1990 on 2007-12-12
    (source …)``; ``POL is not a party to inf-1987``.
    """
    seg = ctx.record.party_segment(instrument, party, ctx.on)
    if seg is None:
        return (
            f"{party} is not a party to {instrument} on {ctx.on.isoformat()}",
            "",
            f"record: no status of {party} under {instrument} on {ctx.on.isoformat()}",
        )
    phrase = _STATUS_PHRASE.get(seg.status, f"has status {seg.status} under")
    inst = ctx.record.instruments.get(instrument)
    never = ""
    if inst is not None and seg.status in ("signed", "ratified"):
        eif = [e.date for e in inst.events if e.party is None and e.event == "entered_into_force"]
        if not eif or min(eif) > ctx.on:
            never = "; the instrument is not in force"
    reason = (
        f"{party} {phrase} {instrument} on {seg.start.isoformat()} (source {seg.source}){never}"
    )
    line = (
        f"record: {party} status {seg.status} under {instrument} since "
        f"{seg.start.isoformat()} (event {seg.event}, source {seg.source})"
    )
    return reason, seg.source, line


def bound_line(ctx: Context, instrument: str, party: str) -> str:
    """The explain line for a party bound by an instrument on the date."""
    seg = ctx.record.party_segment(instrument, party, ctx.on)
    if seg is None:
        return f"record: {party} under {instrument}: no status"
    return (
        f"record: {party} status {seg.status} under {instrument} since "
        f"{seg.start.isoformat()} (event {seg.event}, source {seg.source})"
    )


def record_parties(instrument: str) -> PartiesFn:
    """Parties: every state with a status under ``instrument`` in the record on the date."""

    def parties(ctx: Context) -> list[str]:
        out = set()
        states = ctx.record.states
        for s in _segments_of(ctx.record.segments, instrument):
            if s.start <= ctx.on and s.party in states:
                out.add(s.party)
        return sorted(out)

    return parties


_BY_INSTRUMENT: list[Any] = [None, {}]
"""The segments list last indexed and its segments per instrument (in the list's order)."""


def _segments_of(segments: Sequence[Any], instrument: str) -> list[Any]:
    """The segments of ``instrument``, in order (indexed once per record's segments list)."""
    if _BY_INSTRUMENT[0] is not segments:
        index: dict[str, list[Any]] = {}
        for s in segments:
            index.setdefault(s.instrument, []).append(s)
        _BY_INSTRUMENT[:] = [segments, index]
    found: list[Any] = _BY_INSTRUMENT[1].get(instrument, [])
    return found


def fixed(*ids: str) -> PartiesFn:
    """Parties: a fixed list (the two parties of a bilateral draft)."""

    def parties(ctx: Context) -> list[str]:
        return list(ids)

    return parties


def with_subjects(
    base: PartiesFn, owners: Callable[[Context], Iterable[str]]
) -> Callable[[Context], list[str]]:
    """Parties: ``base`` plus every owner of a relevant scenario item."""

    def parties(ctx: Context) -> list[str]:
        return sorted(set(base(ctx)) | set(owners(ctx)))

    return parties


def years_since(d: dt.date, on: dt.date) -> int:
    """Whole calendar years from ``d`` to ``on`` (used for calendar windows)."""
    return on.year - d.year


def or_holds(
    call: Call, findings: Iterable[Finding], evidence: str, *, explain: Iterable[str] = ()
) -> Iterator[Finding]:
    """Each of ``findings``, or one ``holds`` finding of the party when there is none.

    ``findings`` are the items the clause bars (each ``breached``, or judged under its
    readings); ``evidence`` and ``explain`` make the ``holds`` finding. The pattern of the
    clauses that bar something ("breached for each offending item, else holds"), written
    once.
    """
    none = True
    for f in findings:
        none = False
        yield f
    if none:
        yield call.finding("holds", evidence, explain=explain)
