"""What the record holds: instruments by category of the regime, party and date.

``indivisible instruments`` lists them so that no one has to guess ids. An instrument's
``category`` is the first of its categories that is a category of the regime
(:data:`~indivisible.record.types.REGIME_CATEGORIES`), else its first category
(``principles``, ``alliance``, ``proposal``): the listing's filter ``category`` matches any
of an instrument's categories, as the timeline's does.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from indivisible._errors import InputError
from indivisible.record.types import REGIME_CATEGORIES, Instrument

if TYPE_CHECKING:
    from indivisible.record._record import Record


def primary_category(inst: Instrument) -> str:
    """The instrument's category in the regime, else its first category (``""`` if none).

    Examples:
        >>> from indivisible.record import Record
        >>> primary_category(Record.load().instruments["npt-1968"])
        'non_proliferation'
    """
    for c in inst.categories:
        if c in REGIME_CATEGORIES:
            return c
    return inst.categories[0] if inst.categories else ""


def known_categories(rec: Record) -> list[str]:
    """Every category an instrument of the record has, plus the regime's five."""
    return sorted(
        set(REGIME_CATEGORIES) | {c for i in rec.instruments.values() for c in i.categories}
    )


def list_instruments(
    rec: Record,
    *,
    category: str | None = None,
    party: str | None = None,
    on: dt.date | None = None,
) -> list[dict[str, Any]]:
    """The instruments of the record, filtered: ``[{"id", "short", "category", "binding"}]``.

    Args:
        rec: the record.
        category: keep instruments having this category (any of theirs).
        party: keep instruments the state (ISO3) or organisation has a status under: on
            ``on`` when given (``signed``, ``in_force``, ``withdrawn``, ...; not ``not_party``),
            else at any time.
        on: without ``party``, keep instruments signed (or first recorded) on or before it.

    Raises:
        InputError: an unknown category, state or organisation.
    """
    if category is not None and category not in known_categories(rec):
        raise InputError(
            f"unknown category {category!r}; known: {', '.join(known_categories(rec))}",
            field="--category",
        )
    pid = rec.resolve(party, field="--party") if party is not None else None
    status_on: dict[str, str] = {}
    if pid is not None and on is not None and pid in rec.states:
        status_on = {r["id"]: r["status"] for r in rec.status(pid, on)["instruments"]}
    ever: set[str] = set()
    if pid is not None and on is None:
        ever = {s.instrument for s in rec.segments if s.party == pid}
        orgs = {m.org for m in rec.memberships if m.state == pid}
        ever |= {s.instrument for s in rec.segments if s.party in orgs}
    out = []
    for inst in sorted(rec.instruments.values(), key=lambda i: i.id):
        if category is not None and category not in inst.categories:
            continue
        if pid is not None:
            if on is None:
                if inst.id not in ever:
                    continue
            elif pid in rec.states:
                if status_on.get(inst.id, "not_party") == "not_party":
                    continue
            elif rec.party_status(inst.id, pid, on) == "not_party":
                continue
        elif on is not None and _first_date(inst) > on:
            continue
        out.append(
            {
                "id": inst.id,
                "short": inst.short,
                "category": primary_category(inst),
                "binding": inst.binding,
            }
        )
    return out


def _first_date(inst: Instrument) -> dt.date:
    dates = [e.date for e in inst.events]
    if inst.signed is not None:
        dates.append(inst.signed)
    return min(dates) if dates else dt.date.max
