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
    "dissolved",
    "ratification_withdrawn",
    "expired",
    "terminated",
]
"""Status events. Instrument-wide events (no ``party``): ``entered_into_force``, ``expired``,
``terminated``. Per-party events: all the others, and ``entered_into_force`` where a party's
own entry into force differs from the instrument's. ``dissolved``: the party ceased to exist
(Czechoslovakia on 1993-01-01), which is not a withdrawal; its successors' own events
follow.
``ratification_withdrawn`` revokes a ratification of an instrument not in force: the party
is a signatory again (Russia and the CTBT, 2023)."""

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
    "dissolved",
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


SourceKind = Literal["text", "official", "secondary", "tertiary"]
"""What a bibliography entry is (see ``docs/record.md``): ``text`` the instrument itself or a
depositary record; ``official`` a government, organisation or court document or statement;
``secondary`` research institutes, parliamentary research services, established news agencies
and newspapers; ``tertiary`` encyclopaedias and their mirrors, aggregators, blogs, forums and
study guides."""

SOURCE_KINDS: tuple[str, ...] = ("text", "official", "secondary", "tertiary")

REGIME_CATEGORIES: tuple[str, ...] = (
    "arms_control",
    "non_proliferation",
    "confidence_building",
    "risk_reduction",
    "security_assurance",
)
"""The categories of the treaty regime, in the order the panels and listings use."""


class Source(_Model):
    """An entry of the bibliography.

    ``kind`` says what the entry is (:data:`SourceKind`); ``read`` says what of it was
    read for the facts that cite it (the full text, an excerpt, a table).
    """

    id: str
    title: str
    kind: SourceKind
    read: str | None = None
    url: str | None = None
    publisher: str | None = None
    date: dt.date | None = None
    note: str | None = None


class Claim(_Model):
    """A statement by one party about a fact: stored as said, never as a fact.

    ``subject`` names what the statement is about where the place it is stored does not
    (an instrument's ``disputes``: "Mk 41 launchers at Deveselu", "1990 assurances").
    """

    by: str
    says: str
    date: dt.date | None = None
    source: str
    subject: str | None = None


class StatusReading(_Model):
    """One party's reading of a disputed status event: what status it says holds.

    A unilateral "suspension" the other parties call "not provided for under the terms of
    the Treaty" is recorded as the event (the act, with its date) plus one reading per side:
    the acting party's (``suspended``) and the others' (``in_force``: still bound). The
    binding of a reading follows from its status (``in_force`` binds, ``suspended`` does
    not).
    """

    by: str
    status: Literal[
        "signed",
        "ratified",
        "provisionally_applied",
        "in_force",
        "notice_given",
        "suspended",
        "withdrawn",
        "terminated",
    ]
    source: str
    note: str | None = None


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
    status: Literal["member", "associate", "participant"] = "member"
    """``associate``: an associate member (e.g. Turkmenistan in the CIS since 2005);
    ``participant``: a founding or participating state that never became a member under the
    organisation's charter (Ukraine in the CIS: it ratified the 1991 Creation Agreement but
    never the 1993 CIS Charter). A change of status is recorded as one period ending the day
    the next begins."""
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
    """The parties' words about this event (the ``claims`` of the dispute)."""
    readings: list[StatusReading] = []
    """Each party's reading of the status this event opens (empty: undisputed)."""

    @model_validator(mode="after")
    def _readings_differ(self) -> StatusEvent:
        if self.readings:
            if len({r.status for r in self.readings}) < 2:
                raise ValueError("the readings of a disputed event must differ in status")
            if len({r.by for r in self.readings}) != len(self.readings):
                raise ValueError("one reading per party ('by' given twice)")
        return self


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
