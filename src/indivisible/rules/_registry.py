"""The registry: every declared rule and every unformalised clause, validated and frozen.

Each instrument module exposes two tuples, ``RULES`` and ``NOT_FORMALISED``. The registry
is built once, when the rules package is imported, from the list of modules below; it is
immutable (tuples and read-only mappings), so nothing leaks from one evaluation to the next.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import import_module
from types import MappingProxyType

from indivisible.rules._errors import RuleDeclarationError
from indivisible.rules.types import Rule, Unformalised

MODULES = (
    "un_charter_1945",
    "north_atlantic_treaty_1949",
    "abm_1972",
    "helsinki_final_act_1975",
    "cfe_1990",
    "acfe_1999",
    "inf_1987",
    "charter_of_paris_1990",
    "start_1991",
    "open_skies_1992",
    "cst_1992",
    "new_start_2010",
    "vienna_document_2011",
    "founding_act_1997",
    "istanbul_charter_1999",
    "sort_2002",
    "rome_declaration_2002",
    "european_security_treaty_2008",
    "astana_declaration_2010",
    "ru_us_draft_2021",
    "ru_nato_draft_2021",
    "us_response_2022",
    "nato_response_2022",
    "ptbt_1963",
    "npt_1968",
    "bwc_1972",
    "incsea_1972",
    "ttbt_1974",
    "nuclear_risk_reduction_centers_1987",
    "ballistic_missile_launch_notification_1988",
    "dangerous_military_activities_1989",
    "lisbon_protocol_1992",
    "cwc_1993",
    "budapest_memorandum_1994",
    "code_of_conduct_1994",
    "ctbt_1996",
)
"""Instrument modules of the rules package, in the order their rules are listed."""


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

    def select(self, instruments: Iterable[str] | None) -> tuple[Rule, ...]:
        """The rules of the given instruments (all when ``None``)."""
        if instruments is None:
            return self.rules
        wanted = set(instruments)
        return tuple(r for r in self.rules if r.instrument in wanted)


def _collect() -> Registry:
    rules: list[Rule] = []
    unformalised: list[Unformalised] = []
    for name in MODULES:
        mod = import_module(f"indivisible.rules.{name}")
        rules.extend(mod.RULES)
        unformalised.extend(mod.NOT_FORMALISED)
    return Registry.build(rules, unformalised)


REGISTRY = _collect()
"""The bundled rule set (immutable)."""
