"""Coverage: every clause of every instrument with its formalisation status."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from indivisible.rules._registry import REGISTRY, Registry

if TYPE_CHECKING:
    from indivisible.record import Record

UNDECLARED = "no rule and no reason declared"
"""The detail of a record clause with neither a rule nor a declared reason."""


def coverage(
    record: Record, *, instruments: list[str] | None = None, registry: Registry = REGISTRY
) -> list[dict[str, Any]]:
    """One row per clause: instrument, clause, ref, status, detail.

    ``status`` is ``formalised`` (detail: the rule id), ``not formalised`` (detail: the
    declared reason) or ``not formalised`` with detail ``no rule and no reason declared``
    for a record clause nobody has looked at yet. Rules whose clause id is missing from the
    record are listed too (status ``formalised``, detail says the clause is not in the record).
    """
    rows: list[dict[str, Any]] = []
    rule_of = {(r.instrument, r.clause): r for r in registry.rules}
    why = {(u.instrument, u.clause): u for u in registry.unformalised}
    seen: set[tuple[str, str]] = set()
    insts = list(registry.instruments())
    insts += sorted(i for i in record.instruments if i not in insts)
    for i in insts:
        if instruments is not None and i not in instruments:
            continue
        inst = record.instruments.get(i)
        for c in inst.clauses if inst is not None else []:
            key = (i, c.id)
            seen.add(key)
            rows.append(_row(i, c.id, c.ref, rule_of.get(key), why.get(key), in_record=True))
        for key, r in rule_of.items():
            if key[0] == i and key not in seen:
                seen.add(key)
                rows.append(_row(i, r.clause, r.ref, r, None, in_record=False))
        for key, u in why.items():
            if key[0] == i and key not in seen:
                seen.add(key)
                rows.append(_row(i, u.clause, u.ref, None, u, in_record=False))
    return rows


def _row(i: str, clause: str, ref: str, r: Any, u: Any, *, in_record: bool) -> dict[str, Any]:
    note = "" if in_record else " (clause not in the record)"
    if r is not None:
        return {
            "instrument": i,
            "clause": clause,
            "ref": ref,
            "status": "formalised",
            "detail": f"rule {r.id}{note}",
        }
    if u is not None:
        return {
            "instrument": i,
            "clause": clause,
            "ref": ref,
            "status": "not formalised",
            "detail": u.reason + note,
        }
    return {
        "instrument": i,
        "clause": clause,
        "ref": ref,
        "status": "not formalised",
        "detail": UNDECLARED,
    }
