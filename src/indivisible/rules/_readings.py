"""Findings under several readings: one per reading, and ``disputed`` where they differ.

Also the band test of a range reading given as a bound (:func:`band_test`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from indivisible.rules.types import Call, Finding, Result
from indivisible.world.types import Reading


@dataclass(frozen=True)
class Outcome:
    """The result of a clause under one reading, with its evidence."""

    result: Result
    evidence: str
    explain: tuple[str, ...] = ()


def under_readings(
    call: Call,
    outcomes: Mapping[str, Outcome],
    *,
    subject: str | None,
    party: str | None = None,
    sources: Iterable[str] = (),
    explain: Iterable[str] = (),
    always_split: bool = False,
) -> list[Finding]:
    """Findings for a clause whose facts or terms are read differently.

    When every reading gives the same result, one finding (``reading`` ``None``) says so
    and names the readings. When they differ, a ``disputed`` finding comes first, then one
    finding per reading. ``always_split`` gives the per-reading findings even when they
    agree (for an undefined term, where each party's reading is shown).
    """
    src = list(sources)
    base = list(explain)
    results = {o.result for o in outcomes.values()}
    if len(outcomes) == 1 and not always_split:
        ((name, o),) = outcomes.items()
        return [
            call.finding(
                o.result,
                o.evidence,
                subject=subject,
                party=party,
                sources=src,
                explain=[*base, *o.explain],
            )
        ]
    out: list[Finding] = []
    if len(results) == 1:
        (res,) = results
        if not always_split:
            ev = " ".join(f"Under reading {n}: {o.evidence}" for n, o in outcomes.items())
            lines = [ln for o in outcomes.values() for ln in o.explain]
            return [
                call.finding(
                    res, ev, subject=subject, party=party, sources=src, explain=[*base, *lines]
                )
            ]
        summary = f"Every reading ({', '.join(outcomes)}) gives {res}."
        out.append(
            call.finding(res, summary, subject=subject, party=party, sources=src, explain=base)
        )
    else:
        per = "; ".join(f"{n}: {o.result}" for n, o in outcomes.items())
        out.append(
            call.finding(
                "disputed",
                f"The finding depends on the reading ({per}).",
                subject=subject,
                party=party,
                sources=src,
                explain=base,
            )
        )
    for name, o in outcomes.items():
        out.append(
            call.finding(
                o.result,
                o.evidence,
                subject=subject,
                party=party,
                reading=name,
                sources=src,
                explain=[*base, *o.explain],
            )
        )
    return out


BandAnswer = Literal["inside", "outside", "undetermined"]


def band_test(reading: Reading, lo: float, hi: float) -> BandAnswer:
    """Whether a reading's value lies in the closed band ``[lo, hi]``, given its bounds.

    The reading asserts an interval (:attr:`Reading.interval`). ``inside`` only when the whole
    interval lies in the band and, for an approximate figure (``about``), not on its edge;
    ``outside`` when the interval misses the band; otherwise ``undetermined``: the answer
    depends on where in the interval the true value lies, so the tool does not pick one.

    Examples:
        >>> from indivisible.world.types import Reading as R
        >>> band_test(R(value=500, qualifier="up_to", band=(50, 500)), 500, 5500)
        'undetermined'
        >>> band_test(R(value=480, qualifier="up_to"), 500, 5500)
        'outside'
        >>> band_test(R(value=500, qualifier="at_least", band=(500, 5500)), 500, 5500)
        'inside'
        >>> band_test(R(value=500, qualifier="about"), 500, 5500)
        'undetermined'
        >>> band_test(R(value=2500), 500, 5500)
        'inside'
    """
    a, b = reading.interval
    if b < lo or a > hi:
        return "outside"
    if lo <= a and b <= hi:
        if reading.qualifier == "about" and (a == lo or b == hi):
            return "undetermined"
        return "inside"
    return "undetermined"
