"""The registry: every declared rule and every unformalised clause, validated and frozen.

Each instrument module exposes two tuples, ``RULES`` and ``NOT_FORMALISED``. The registry
is built once, when the rules package is imported, from the modules found in the package
(:func:`instrument_modules`; there is no list to keep); it is immutable (tuples and read-only
mappings), so nothing leaks from one evaluation to the next. It is also the package's
:class:`~indivisible.rulebook.Rulebook`: the principle each clause is tagged with, and the
findings of a scenario, for the ``assess`` room.
"""

from __future__ import annotations

import datetime as dt
import pkgutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import import_module
from types import MappingProxyType
from typing import TYPE_CHECKING

from indivisible.rulebook import Commitment, Principle
from indivisible.rules._errors import RuleDeclarationError
from indivisible.rules.types import Finding, Rule, Unformalised

if TYPE_CHECKING:
    from indivisible.record import Record
    from indivisible.world import Scenario

NOT_INSTRUMENTS = frozenset({"types"})
"""Public modules of the rules package that are not instrument modules."""


def instrument_modules(package: str = __package__ or "indivisible.rules") -> tuple[str, ...]:
    """The instrument modules of the rules package, discovered, oldest instrument first.

    Every public module (no leading underscore) of the package except :data:`NOT_INSTRUMENTS`
    is an instrument module: adding ``<instrument>_<year>.py`` is enough to register its
    rules. They are ordered by the year their name ends with, then by name, so the order of
    findings does not depend on the file system.
    """
    pkg = import_module(package)
    names = [
        m.name
        for m in pkgutil.iter_modules(pkg.__path__)
        if not m.name.startswith("_") and not m.ispkg and m.name not in NOT_INSTRUMENTS
    ]
    return tuple(sorted(names, key=_order))


def _order(name: str) -> tuple[int, str]:
    tail = name.rsplit("_", 1)[-1]
    return (int(tail) if tail.isdigit() else 10_000, name)


@dataclass(frozen=True)
class Registry:
    """An immutable, validated set of rules and unformalised clauses."""

    rules: tuple[Rule, ...]
    unformalised: tuple[Unformalised, ...]
    by_id: Mapping[str, Rule]

    @classmethod
    def build(cls, rules: Iterable[Rule], unformalised: Iterable[Unformalised]) -> Registry:
        """Validate and freeze a rule set.

        Raises:
            RuleDeclarationError: a duplicate id, an exception to an unknown rule or to a
                rule of another instrument, versions out of order or starting after ``end``,
                a clause both formalised and declared unformalised.
        """
        rs = tuple(rules)
        un = tuple(unformalised)
        by_id: dict[str, Rule] = {}
        for r in rs:
            if r.id in by_id:
                raise RuleDeclarationError(r.id, "declared twice")
            sinces = [v.since for v in r.versions]
            iso = [s for s in sinces if s[:1].isdigit()]
            if iso != sorted(iso):
                raise RuleDeclarationError(r.id, f"versions are not sorted by since: {sinces}")
            if r.end is not None and r.end[:1].isdigit():
                late = [s for s in iso if s > r.end]
                if late:
                    raise RuleDeclarationError(
                        r.id, f"a version starts on {late[0]}, after the rule's end {r.end}"
                    )
            by_id[r.id] = r
        labels = {(r.instrument, r.label): r for r in rs if r.label}
        for r in rs:
            if r.exception_to is None:
                continue
            base = by_id.get(r.exception_to) or labels.get((r.instrument, r.exception_to))
            if base is None:
                raise RuleDeclarationError(
                    r.id, f"exception_to={r.exception_to!r} names no rule or label"
                )
            if base.instrument != r.instrument:
                raise RuleDeclarationError(
                    r.id, "an exception must belong to its rule's instrument"
                )
        seen = {(u.instrument, u.clause) for u in un}
        both = sorted(seen & {(r.instrument, r.clause) for r in rs})
        if both:
            i, c = both[0]
            raise RuleDeclarationError(f"{i}/{c}", "declared both formalised and not formalised")
        return cls(rules=rs, unformalised=un, by_id=MappingProxyType(by_id))

    def base_of(self, r: Rule) -> Rule | None:
        """The rule ``r`` is a declared exception to, if any."""
        if r.exception_to is None:
            return None
        if r.exception_to in self.by_id:
            return self.by_id[r.exception_to]
        return next(
            x for x in self.rules if x.instrument == r.instrument and x.label == r.exception_to
        )

    def exceptions_of(self, r: Rule) -> tuple[Rule, ...]:
        """The rules declared as exceptions to ``r``."""
        return tuple(x for x in self.rules if x.exception_to is not None and self.base_of(x) == r)

    def instruments(self) -> tuple[str, ...]:
        """Instrument ids with at least one rule or unformalised clause, in module order."""
        seen: dict[str, None] = {}
        for r in self.rules:
            seen.setdefault(r.instrument, None)
        for u in self.unformalised:
            seen.setdefault(u.instrument, None)
        return tuple(seen)

    def commitments(self, principle: Principle) -> tuple[Commitment, ...]:
        """The clauses tagged with ``principle``, each once, oldest instrument first."""
        seen: dict[tuple[str, str], None] = {}
        tagged: list[Rule | Unformalised] = [*self.rules, *self.unformalised]
        for x in tagged:
            if x.principle == principle:
                seen.setdefault((x.instrument, x.clause), None)
        ordered = sorted(seen, key=lambda k: _order(k[0].replace("-", "_"))[0])
        return tuple(Commitment(i, c, principle) for i, c in ordered)

    def findings(self, record: Record, scenario: Scenario, on: dt.date) -> Sequence[Finding]:
        """Every rule's findings on the scenario on the date (see ``rules.evaluate``)."""
        from indivisible.rules._engine import evaluate

        return evaluate(record, scenario, on, registry=self)

    def select(self, instruments: Iterable[str] | None) -> tuple[Rule, ...]:
        """The rules of the given instruments (all when ``None``)."""
        if instruments is None:
            return self.rules
        wanted = set(instruments)
        return tuple(r for r in self.rules if r.instrument in wanted)


def collect(package: str = __package__ or "indivisible.rules") -> Registry:
    """The registry of every instrument module of ``package``.

    Raises:
        RuleDeclarationError: a module without ``RULES`` or ``NOT_FORMALISED``, or a rule
            set :meth:`Registry.build` refuses.
    """
    rules: list[Rule] = []
    unformalised: list[Unformalised] = []
    for name in instrument_modules(package):
        mod = import_module(f"{package}.{name}")
        for attr in ("RULES", "NOT_FORMALISED"):
            if not isinstance(getattr(mod, attr, None), tuple):
                raise RuleDeclarationError(
                    f"{package}.{name}",
                    f"an instrument module must define {attr} (a tuple, empty if none)",
                )
        rules.extend(mod.RULES)
        unformalised.extend(mod.NOT_FORMALISED)
    return Registry.build(rules, unformalised)


REGISTRY = collect()
"""The bundled rule set (immutable)."""
