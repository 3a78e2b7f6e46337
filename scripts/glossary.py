"""Write docs/glossary.md from the glossary table (``indivisible._glossary``).

Usage: ``python scripts/glossary.py`` (``--check`` exits 1 when the page is out of date).
"""

from __future__ import annotations

import sys
from pathlib import Path

from indivisible._glossary import markdown

PAGE = Path(__file__).parents[1] / "docs" / "glossary.md"


def main() -> int:
    text = markdown()
    if "--check" in sys.argv:
        return 0 if PAGE.read_text(encoding="utf-8") == text else 1
    PAGE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
