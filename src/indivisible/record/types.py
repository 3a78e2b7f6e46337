"""Validated models of the record: actors, memberships, instruments, clauses, sources.

Every model rejects unknown keys (a typo in a data file is an error, not a silent default)
and every fact that can be wrong carries a ``source`` naming an entry of the bibliography.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

ISO3 = str
"""An ISO 3166-1 alpha-3 code in upper case (``RUS``, ``USA``, ``POL``)."""

EventKind = Literal[
    "signed",
    "ratified",
    "acceded",
    "succeeded",
    "provisionally_applied",
    "entered_into_force",
    "adopted",
    "proposed",
    "rejected",
    "suspended",
    "resumed",
    "notice_of_withdrawal",
    "withdrawn",
    "expired",
    "terminated",
]
"""Status events. Instrument-wide events (no ``party``): ``entered_into_force``, ``expired``,
``terminated``. Per-party events: all the others, and ``entered_into_force`` where a party's
own entry into force differs from the instrument's."""

Status = Literal[
    "not_party",
    "proposed",
    "rejected",
    "signed",
    "ratified",
    "provisionally_applied",
    "in_force",
    "notice_given",
    "suspended",
    "withdrawn",
    "expired",
    "terminated",
]
"""A party's status under an instrument on a date (see ``docs/record.md``)."""

BINDING_STATUSES: frozenset[str] = frozenset({"in_force", "notice_given", "provisionally_applied"})
"""Statuses under which an instrument binds a party."""

InstrumentKind = Literal["treaty", "political_commitment", "draft_proposal", "response"]
Binding = Literal["legal", "political", "proposed"]


class _Model(BaseModel):
    # defer_build: a run that finds the record in the on-disk cache validates nothing, so
    # the validators are built on first validation only (a cache miss, ``data check``).
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )


class Source(_Model):
    """An entry of the bibliography."""

    id: str
    title: str
    url: str | None = None
    publisher: str | None = None
    date: dt.date | None = None
    note: str | None = None
    kind: Literal["text", "official", "secondary", "tertiary"] | None = None
    """What was read: the document's own ``text``, an ``official`` page about it, a
    ``secondary`` report (news agency, research institute) or a ``tertiary`` digest."""
    read: str | None = None
    """What was read for the values cited (the part, the quotation's context)."""


class Claim(_Model):
    """A statement by one party about a fact: stored as said, never as a fact."""

    by: str
    says: str
    date: dt.date | None = None
    source: str


class Capital(_Model):
    """A capital city with WGS84 coordinates (decimal degrees)."""

    name: str
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    source: str


class State(_Model):
    """A state, identified by its ISO 3166-1 alpha-3 code.

    ``continues`` names a predecessor whose international legal personality the state
    continues (Russia the USSR, Germany the Federal Republic): the predecessor's treaty
    events are recorded under the continuing state, with a note.
    """

    id: ISO3 = Field(pattern=r"^[A-Z]{3}$")
    name: str
    aliases: list[str] = []
    capital: Capital
    osce: bool = True
    exists_from: dt.date | None = None
    exists_to: dt.date | None = None
    continues: str | None = None
    source: str
    note: str | None = None


class Organisation(_Model):
    """An international organisation or alliance."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    name: str
    aliases: list[str] = []
    kind: Literal["alliance", "security", "political_economic", "universal", "regional"]
    collective_defence: str | None = None
    """Reference of the collective-defence clause (``North Atlantic Treaty Art. 5``), if any."""
    founded: dt.date
    source: str
    note: str | None = None


class Membership(_Model):
    """One continuous period of a state's membership of an organisation.

    ``start`` is the first day of membership; ``end`` the first day it no longer holds
    (``None`` while it continues). ``claims`` hold the parties' statements where the
    membership's state is disputed or qualified (e.g. participation "frozen").
    """

    org: str
    state: ISO3
    start: dt.date
    end: dt.date | None = None
    status: Literal["member", "associate"] = "member"
    """``associate``: an associate member (e.g. Turkmenistan in the CIS since 2005). A change
    of status is recorded as one period ending the day the next begins."""
    end_reason: str | None = None
    source: str
    end_source: str | None = None
    note: str | None = None
    claims: list[Claim] = []

    @model_validator(mode="after")
    def _end_has_source(self) -> Membership:
        if self.end is not None and self.end_source is None:
            raise ValueError("a membership with an 'end' needs an 'end_source'")
        return self


class ParameterValue(_Model):
    """One dated value of a parameter, optionally under a named reading."""

    since: dt.date
    value: float | int | str | bool
    source: str
    reading: str | None = None
    by: str | None = None
    note: str | None = None


class Parameter(_Model):
    """A dated, sourced number (a ceiling, a threshold) or an undefined term's readings."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    description: str
    unit: str
    values: list[ParameterValue] = Field(min_length=1)
    note: str | None = None


class Clause(_Model):
    """A clause of an instrument: its reference, a paraphrase and its numbers."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")
    ref: str
    title: str | None = None
    paraphrase: str
    source: str
    confidence: Literal["confirmed", "secondary", "derived", "unconfirmed"] = "confirmed"
    parameters: list[Parameter] = []
    note: str | None = None


class StatusEvent(_Model):
    """A dated change of status: instrument-wide when ``party`` is ``None``."""

    event: EventKind
    date: dt.date
    party: str | None = None
    source: str
    note: str | None = None
    disputed: list[Claim] = []


class MemberRule(_Model):
    """Every member of an organisation is a party while a member, from ``since`` on.

    Used where the instrument binds all members (the UN Charter binds every UN member from
    admission; OSCE commitments bind every participating State from its admission). The
    rule generates, per membership period, an ``entered_into_force`` (legally binding
    instruments) or ``adopted`` (political commitments) event at the later of ``since`` and
    the membership's start, and a ``withdrawn`` event at the membership's end.
    """

    org: str
    since: dt.date
    source: str
    note: str | None = None


class Instrument(_Model):
    """A treaty, political commitment, draft proposal or written response."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*-\d{4}$")
    title: str
    short: str
    aliases: list[str] = []
    kind: InstrumentKind
    binding: Binding
    categories: list[str] = []
    signed: dt.date | None = None
    place: str | None = None
    source: str
    summary: str | None = None
    events: list[StatusEvent] = []
    applies_to_members: list[MemberRule] = []
    clauses: list[Clause] = []
    disputes: list[Claim] = []
    note: str | None = None


class Coverage(_Model):
    """What period the bundled record covers and when it was last reviewed."""

    start: dt.date
    reviewed: dt.date
    note: str | None = None
