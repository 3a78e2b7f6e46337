"""Re-run the commands shown in README.md and compare (or rewrite) their pasted outputs.

The README's tour pastes each command's output as it came. This script finds every
``$ indivisible ...`` line in a ``console`` or ``text`` block that is followed by output
and runs it from the repository root with the virtual environment's ``indivisible``, as a
new user would after ``make run``: ``out/`` exists, the statement store is a new empty one,
output goes to a pipe (tables wrap at 100 columns), stdout and stderr together. A shown
output cut with ``[... N more lines ...]`` is compared on the lines it shows, and N is
recomputed. Commands shown without output (they write files) are not run.

    python scripts/readme_outputs.py           # report the commands whose output changed
    python scripts/readme_outputs.py --write   # paste the current outputs into README.md

Exit status: 0 when every output matches (or was rewritten), 1 when one differs.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
MORE = re.compile(r"^\[\.\.\. (\d+) more lines \.\.\.\]$")


@dataclass
class Shown:
    """One command of the README and the output pasted under it (line indices, 0-based)."""

    command: str
    start: int  # first output line
    end: int  # one past the last output line


def commands(lines: list[str]) -> list[Shown]:
    """Every ``$ indivisible`` command in a console/text block that has output under it."""
    found: list[Shown] = []
    block = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            block = not block and line.strip() in ("```console", "```text")
            i += 1
            continue
        if block and line.startswith("$ indivisible"):
            parts = [line[2:]]
            while parts[-1].rstrip().endswith("\\"):
                i += 1
                parts.append(lines[i])
            command = " ".join(p.rstrip().removesuffix("\\").strip() for p in parts)
            j = i + 1
            while j < len(lines) and not lines[j].startswith(("$ ", "```")):
                j += 1
            if j > i + 1:
                found.append(Shown(command, i + 1, j))
            i = j
            continue
        i += 1
    return found


def run(command: str, env: dict[str, str]) -> list[str]:
    """The command's output lines (stdout and stderr), run from the repository root."""
    words = shlex.split(command, comments=True)
    exe = ROOT / ".venv" / "bin" / words[0]
    done = subprocess.run(
        [str(exe), *words[1:]],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
        env=env,
    )
    return done.stdout.rstrip("\n").split("\n")


def fitted(shown: list[str], actual: list[str]) -> list[str]:
    """``actual`` cut as ``shown`` is (its first lines and a recomputed ``[... N ...]``)."""
    for k, line in enumerate(shown):
        if MORE.match(line) and len(actual) > k:
            return [*actual[:k], f"[... {len(actual) - k} more lines ...]"]
    return actual


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="rewrite README.md's outputs")
    args = parser.parse_args()
    lines = README.read_text(encoding="utf-8").split("\n")
    (ROOT / "out").mkdir(exist_ok=True)  # the tour follows `make run`, which creates out/
    # a statement store of its own, empty at the start, as a new user's is
    store = Path(tempfile.mkdtemp(prefix="indivisible-readme-")) / "store.db"
    env = {**os.environ, "INDIVISIBLE_DB": str(store)}
    changed = 0
    shown_all = commands(lines)
    outputs = [run(s.command, env) for s in shown_all]  # in the README's order
    for shown, output in reversed(list(zip(shown_all, outputs, strict=True))):
        old = lines[shown.start : shown.end]  # from the end, so indices stay valid
        new = fitted(old, output)
        if new != old:
            changed += 1
            print(f"README.md:{shown.start}: output of `{shown.command}` changed", file=sys.stderr)
            lines[shown.start : shown.end] = new
    if args.write and changed:
        README.write_text("\n".join(lines), encoding="utf-8")
        print(f"rewrote {changed} output(s) in README.md", file=sys.stderr)
        return 0
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
