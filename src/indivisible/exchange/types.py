"""Typed notifications, the key registry and the bundle: the exchange's data formats.

A notification is a YAML (or JSON) mapping with a top-level ``kind:`` and ``party:``. Its
fields reuse the scenario models (:mod:`indivisible.world.types`) and the record's
identifiers, so what is logged can be used as a scenario or record fact:

============================  ============================================================
``kind``                      what it says
============================  ============================================================
``military_activity``         prior notification of a military activity: ``notified_on``
                              and ``activity`` (a scenario exercise)
``annual_exchange``           the annual exchange of military information: ``year``,
                              ``as_of``, ``holdings`` and ``deployments``
``moratorium``                a moratorium declaration: ``system``, ``area``, ``from``
                              (and ``until``)
``visit_report``              a transparency-visit report: ``host``, ``site``, ``date``,
                              ``findings``
``status_event``              signature, ratification, suspension, withdrawal... of an
                              instrument: ``instrument``, ``event``, ``date``
``key_rotation``              the party's next key (``new_key``), signed by its old key
``key_revocation``            the party revokes ``key`` (signed by that key itself)
============================  ============================================================

Identifiers (states, organisations, instruments, systems) are checked against the record and
the systems catalogue when the log accepts an entry (:func:`check_references`).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator, model_validator

from indivisible.record.types import EventKind
from indivisible.world.types import Area, Deployment, Exercise, Holding, IsoDate, Site

__all__ = [
    "KINDS",
    "AnnualExchange",
    "Bundle",
    "KeyRevocation",
    "KeyRotation",
    "MilitaryActivity",
    "Moratorium",
    "Notification",
    "PartyKey",
    "Registry",
    "StatusNotice",
    "VisitReport",
    "notification_adapter",
]

PartyId = Annotated[str, Field(pattern=r"^(?:[A-Z]{3}|[a-z][a-z0-9-]*)$", max_length=40)]
"""A party: a state's ISO 3166-1 alpha-3 code or an organisation's id."""

Key = Annotated[str, Field(pattern=r"^[A-Za-z0-9+/]{43}=$")]
"""An Ed25519 public key: standard base64 of its 32 raw bytes."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class _Notice(_Model):
    party: PartyId


class MilitaryActivity(_Notice):
    """Prior notification of a military activity (the scenario's exercise fields)."""

    kind: Literal["military_activity"]
    notified_on: IsoDate
    activity: Exercise

    @model_validator(mode="after")
    def _own(self) -> MilitaryActivity:
        if self.party not in self.activity.owner and self.party != self.activity.host:
            raise ValueError(
                f"party {self.party!r} notifies an activity it neither conducts "
                f"(owner {list(self.activity.owner)}) nor hosts ({self.activity.host!r})"
            )
        if self.notified_on > self.activity.end:
            raise ValueError("notified_on is after the activity ended: not a prior notification")
        return self


class AnnualExchange(_Notice):
    """The annual exchange of military information: holdings and deployments on a date."""

    kind: Literal["annual_exchange"]
    year: int = Field(ge=1990, le=2200)
    as_of: IsoDate
    holdings: tuple[Holding, ...] = ()
    deployments: tuple[Deployment, ...] = ()

    @model_validator(mode="after")
    def _own(self) -> AnnualExchange:
        if not self.holdings and not self.deployments:
            raise ValueError("an annual exchange lists holdings or deployments (both empty)")
        for i, h in enumerate(self.holdings):
            if h.state != self.party:
                raise ValueError(f"holdings[{i}]: state {h.state!r} is not the party")
        for i, d in enumerate(self.deployments):
            if self.party not in d.owner:
                raise ValueError(f"deployments[{i}]: the party is not among the owners")
        return self


class Moratorium(_Notice):
    """A moratorium declaration: no deployment of ``system`` in ``area`` from a date."""

    model_config = ConfigDict(populate_by_name=True)

    kind: Literal["moratorium"]
    system: str = Field(min_length=1, max_length=80)
    area: Area
    from_: IsoDate = Field(alias="from")
    until: IsoDate | None = None
    conditions: str | None = None

    @model_validator(mode="after")
    def _dates(self) -> Moratorium:
        if self.until is not None and self.until <= self.from_:
            raise ValueError("until must be after from")
        return self


class VisitReport(_Notice):
    """A transparency-visit report by the visiting ``party`` on a site of ``host``."""

    kind: Literal["visit_report"]
    host: PartyId
    site: Site
    date: IsoDate
    findings: tuple[Annotated[str, Field(min_length=1)], ...] = Field(min_length=1)


class StatusNotice(_Notice):
    """A party's status event for an instrument (signature, ratification, withdrawal...)."""

    kind: Literal["status_event"]
    instrument: str = Field(pattern=r"^[a-z][a-z0-9-]*-\d{4}$")
    event: EventKind
    date: IsoDate
    note: str | None = None


class KeyRotation(_Notice):
    """The party's next key; signed by its current key, which stops being valid."""

    kind: Literal["key_rotation"]
    new_key: Key
    date: IsoDate


class KeyRevocation(_Notice):
    """The party revokes ``key``; signed by that key. Entries it signs later are refused."""

    kind: Literal["key_revocation"]
    key: Key
    date: IsoDate
    reason: str | None = None


Notification = Annotated[
    MilitaryActivity
    | AnnualExchange
    | Moratorium
    | VisitReport
    | StatusNotice
    | KeyRotation
    | KeyRevocation,
    Field(discriminator="kind"),
]
"""Any notification, told apart by ``kind``."""

KINDS: tuple[str, ...] = (
    "military_activity",
    "annual_exchange",
    "moratorium",
    "visit_report",
    "status_event",
    "key_rotation",
    "key_revocation",
)

notification_adapter: TypeAdapter[Any] = TypeAdapter(Notification)
"""Validates a mapping as a :data:`Notification`."""


def notification_date(n: Any) -> dt.date:
    """The date a notification is about (notified on, as of, from, date)."""
    if isinstance(n, MilitaryActivity):
        return n.notified_on
    if isinstance(n, AnnualExchange):
        return n.as_of
    if isinstance(n, Moratorium):
        return n.from_
    return n.date  # type: ignore[no-any-return]


class PartyKey(_Model):
    """One registry entry: a party and one of its Ed25519 public keys."""

    party: PartyId
    key: Key


class LogKey(_Model):
    """The log's own checkpoint-signing key, as its server announces it."""

    origin: str = Field(min_length=1, pattern=r"^[^\s]+$")
    key: Key


class Registry(_Model):
    """The registry file: ``parties: [{party, key}, ...]`` and optionally the log's key.

    A party may be listed more than once (an old and a new key). ``log`` names the log's
    origin and checkpoint key; offline verification needs it.
    """

    parties: tuple[PartyKey, ...] = Field(min_length=1)
    log: LogKey | None = None

    @field_validator("parties")
    @classmethod
    def _unique(cls, value: tuple[PartyKey, ...]) -> tuple[PartyKey, ...]:
        seen: dict[str, str] = {}
        for p in value:
            if p.key in seen:
                raise ValueError(f"key {p.key} is listed for {seen[p.key]} and {p.party}")
            seen[p.key] = p.party
        return value

    def keys_of(self, party: str) -> tuple[str, ...]:
        """The keys listed for ``party``."""
        return tuple(p.key for p in self.parties if p.party == party)

    def party_of(self, key: str) -> str | None:
        """The party ``key`` is registered to, if any."""
        for p in self.parties:
            if p.key == key:
                return p.party
        return None


class Bundle(_Model):
    """Everything needed to check one entry offline (the pinned bundle JSON)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)

    leaf: str
    index: int = Field(ge=0)
    tree_size: int = Field(ge=1)
    inclusion_proof: tuple[Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")], ...]
    checkpoint: str
    cosignatures: tuple[str, ...] = ()
    entry: dict[str, Any]
    party: str
    signature: str
