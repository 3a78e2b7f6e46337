"""Generate the generated part of docs/rules.md: clauses, their status, and parameters.

Usage: ``python scripts/rules_table.py`` rewrites the block between the markers in
docs/rules.md; ``--check`` exits 1 if the file is not current (a test runs this).
"""

from __future__ import annotations

import sys
from pathlib import Path

from indivisible.record import Record
from indivisible.rules import REGISTRY, UNDECLARED, coverage

DOC = Path(__file__).parents[1] / "docs" / "rules.md"
BEGIN = "<!-- BEGIN GENERATED: scripts/rules_table.py -->"
END = "<!-- END GENERATED -->"


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def generate() -> str:
    rec = Record.load()
    rows = coverage(rec)
    done = sum(r["status"] == "formalised" for r in rows)
    undeclared = sum(r["detail"] == UNDECLARED for r in rows)
    out = [
        BEGIN,
        "",
        f"{done} of {len(rows)} clauses formalised; {len(rows) - done - undeclared} not "
        f"formalised with a reason; {undeclared} undeclared.",
        "",
        "| instrument | clause | ref | status | detail |",
        "| --- | --- | --- | --- | --- |",
    ]
    out += [
        f"| {r['instrument']} | {r['clause']} | {_cell(r['ref'])} | {r['status']} | "
        f"{_cell(r['detail'])} |"
        for r in rows
    ]
    out += ["", "### Parameters the rules read", ""]
    out += ["| instrument | parameter | unit | reading | by | value | since | source |"]
    out += ["| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for i in REGISTRY.instruments():
        inst = rec.instruments.get(i)
        for c in inst.clauses if inst is not None else []:
            for p in c.parameters:
                for v in sorted(p.values, key=lambda v: (v.reading or "", v.since)):
                    out.append(
                        f"| {i} | {p.id} | {_cell(p.unit)} | {v.reading or ''} | {v.by or ''} "
                        f"| {_cell(v.value)} | {v.since.isoformat()} | {v.source} |"
                    )
    out += ["", END]
    return "\n".join(out)


def main() -> int:
    text = DOC.read_text(encoding="utf-8")
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    new = head + generate() + tail
    if "--check" in sys.argv:
        if new != text:
            print("docs/rules.md is not current: run python scripts/rules_table.py")
            return 1
        return 0
    DOC.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
