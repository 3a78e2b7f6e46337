"""Verified notifications as record and scenario facts, each with its log index.

``--exchange BUNDLE_DIR|URL`` on ``status``, ``check`` and ``profile``:

* a folder holds bundles (``*.json``, as ``exchange get`` writes them) and the verifier's
  ``registry.yaml`` (the parties' keys and the log's); every bundle is verified offline
  against it;
* a URL is a log server: every entry's bundle is fetched and verified against the registry
  named by ``$INDIVISIBLE_EXCHANGE_REGISTRY`` if set, else against the registry the server
  itself serves (then the check shows the log is self-consistent, not that its keys are the
  parties': the output says so).

A bundle that does not verify is never used; the reason is reported. What is used:

* a prior notification of a military activity becomes the scenario's exercise (added, or
  replacing the scenario's entry of the same id) with ``notified_on`` the notification's date,
  once that date is reached;
* the deployments of an annual exchange are added when the scenario has no entry of the same
  id and they have begun;
* every other notification (moratoriums, visit reports, status events, key events) is listed
  as what its party declared, with the log index; it does not change the record.

Each fact's ``source`` is a scenario source ``exchange-<origin>-<index>`` titled with the log,
the index, the kind and the party, so findings cite the entry.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from indivisible.exchange._errors import ExchangeError, InputError, VerificationFailed
from indivisible.exchange._files import load_bundle, load_registry
from indivisible.exchange._verify import verify_bundle
from indivisible.exchange.types import (
    AnnualExchange,
    Bundle,
    MilitaryActivity,
    Moratorium,
    Registry,
    StatusNotice,
    VisitReport,
    notification_adapter,
    notification_date,
)

__all__ = ["ExchangeFact", "ExchangeFacts", "apply_to_scenario", "load_exchange_facts"]


@dataclass(frozen=True)
class ExchangeFact:
    """One verified notification."""

    origin: str
    index: int
    party: str
    kind: str
    date: dt.date
    summary: str
    witnesses: tuple[str, ...]
    notification: Any

    @property
    def source(self) -> str:
        """The scenario source id a fact taken from this entry cites (``exchange-…-N``)."""
        slug = re.sub(r"[^a-z0-9_.-]+", "-", self.origin.lower()).strip("-.")[:50]
        return f"exchange-{slug}-{self.index}"

    def scenario_source(self) -> Any:
        """The scenario source entry naming the log, the index and what was notified."""
        from indivisible.world.types import ScenarioSource

        return ScenarioSource(
            id=self.source,
            title=f"Exchange log {self.origin}, entry {self.index}: {self.kind} by {self.party}",
            publisher=self.party,
            date=self.date,
            note="verified: signature, inclusion proof, checkpoint"
            + (f", cosigned by {', '.join(self.witnesses)}" if self.witnesses else ""),
        )

    def row(self) -> dict[str, Any]:
        """A plain row for tables and JSON."""
        return {
            "log_index": self.index,
            "log": self.origin,
            "party": self.party,
            "kind": self.kind,
            "date": self.date.isoformat(),
            "summary": self.summary,
            "cosigned_by": list(self.witnesses),
        }


@dataclass
class ExchangeFacts:
    """The verified facts and what was left out, with why."""

    facts: list[ExchangeFact] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    caveat: str | None = None

    def on(self, day: dt.date) -> list[ExchangeFact]:
        """The facts dated on or before ``day``."""
        return [f for f in self.facts if f.date <= day]


def summary(n: Any) -> str:
    """One line saying what a notification declares."""
    if isinstance(n, MilitaryActivity):
        a = n.activity
        return (
            f"{a.name or a.id}: {a.start}..{a.end} in {a.host}, notified {n.notified_on}, "
            f"personnel {a.personnel.high:,.0f}"
        )
    if isinstance(n, AnnualExchange):
        return (
            f"{n.year} information exchange as of {n.as_of}: {len(n.holdings)} holdings, "
            f"{len(n.deployments)} deployments"
        )
    if isinstance(n, Moratorium):
        until = f" until {n.until}" if n.until else ""
        return (
            f"moratorium: no {n.system} within {n.area.radius_km:g} km of "
            f"({n.area.lat:g}, {n.area.lon:g}) from {n.from_}{until}"
        )
    if isinstance(n, VisitReport):
        return f"visit to {n.site.name} ({n.host}) on {n.date}: {len(n.findings)} findings"
    if isinstance(n, StatusNotice):
        return f"{n.event} {n.instrument} on {n.date}"
    return f"{n.kind} on {notification_date(n)}"


def _registry_for_url(client: Any) -> tuple[Registry, str | None]:
    env = os.environ.get("INDIVISIBLE_EXCHANGE_REGISTRY")
    if env:
        return load_registry(env), None
    data = client.registry()
    caveat = (
        "verified against the registry the log server serves: this shows the log is "
        "consistent, not that its keys are the parties' (set INDIVISIBLE_EXCHANGE_REGISTRY "
        "to your own registry)"
    )
    return Registry.model_validate(data), caveat


def load_exchange_facts(source: str, *, limit: int = 100_000) -> ExchangeFacts:
    """Verify the bundles at ``source`` (a folder or a log server URL) and return the facts.

    Raises:
        InputError: the folder does not exist or has no ``registry.yaml``; a malformed URL.
        ExchangeError: the server cannot be reached.
    """
    out = ExchangeFacts()
    bundles: list[tuple[str, Bundle]] = []
    if source.startswith(("http://", "https://")):
        from indivisible.exchange._client import Client

        client = Client(source)
        registry, out.caveat = _registry_for_url(client)
        size = int(client.info()["size"])
        for i in range(min(size, limit)):
            try:
                bundles.append((f"entry {i}", Bundle.model_validate(client.bundle(i))))
            except ValueError as exc:
                out.problems.append(f"entry {i}: malformed bundle ({exc})")
    else:
        folder = Path(source)
        if not folder.is_dir():
            raise InputError(
                "expected a folder of bundles or a log server URL", field="--exchange", path=folder
            )
        reg_path = folder / "registry.yaml"
        if not reg_path.exists():
            raise InputError(
                "the bundle folder needs the verifier's registry.yaml "
                "(the parties' keys and 'log: {origin, key}')",
                path=reg_path,
            )
        registry = load_registry(reg_path)
        for p in sorted(folder.glob("*.json")):
            try:
                bundles.append((p.name, load_bundle(p)))
            except InputError as exc:
                out.problems.append(f"{p.name}: unreadable ({exc.reason}); not used")
    seen: set[tuple[str, int]] = set()
    for name, b in bundles:
        try:
            v = verify_bundle(b, registry)
        except VerificationFailed as exc:
            out.problems.append(f"{name}: does not verify ({exc}); not used")
            continue
        if (v.origin, v.index) in seen:
            continue
        seen.add((v.origin, v.index))
        try:
            n = notification_adapter.validate_python(v.entry)  # the logged bytes, not a copy
        except ValueError as exc:  # pydantic's ValidationError is a ValueError
            out.problems.append(f"{name}: verifies but is not a valid notification ({exc})")
            continue
        out.facts.append(
            ExchangeFact(
                v.origin,
                v.index,
                v.party,
                v.kind,
                notification_date(n),
                summary(n),
                tuple(w for w, _ in v.witnesses),
                n,
            )
        )
    out.facts.sort(key=lambda f: (f.origin, f.index))
    return out


def apply_to_scenario(
    scenario: Any, facts: ExchangeFacts, day: dt.date, record: Any = None
) -> tuple[Any, list[ExchangeFact]]:
    """The scenario with the notified exercises and exchanged deployments; the facts used."""
    existing = {x.id for x in (*scenario.deployments, *scenario.exercises)}
    add: list[Any] = []
    used: list[ExchangeFact] = []
    for f in facts.on(day):
        n = f.notification
        if isinstance(n, MilitaryActivity):
            ex = n.activity.model_copy(update={"notified_on": n.notified_on, "source": f.source})
            add.append(ex)
            used.append(f)
        elif isinstance(n, AnnualExchange):
            new = [
                d.model_copy(update={"source": f.source})
                for d in n.deployments
                if d.id not in existing and d.since <= day
            ]
            if new:
                add.extend(new)
                used.append(f)
    if not add:
        return scenario, used
    known = {s.id for s in scenario.sources}
    cited = tuple(f.scenario_source() for f in used if f.source not in known)
    base = scenario.model_copy(update={"sources": (*scenario.sources, *cited)})
    try:
        return base.with_changes(add=add, record=record), used
    except InputError as exc:
        raise ExchangeError(f"a verified notification does not fit the scenario: {exc}") from None
