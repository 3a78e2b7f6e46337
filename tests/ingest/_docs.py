"""A document written to a temporary file and parsed: the ingest tests' common step."""

from __future__ import annotations

from pathlib import Path

from indivisible.ingest import parse_file
from indivisible.ingest.types import ParsedDocument, Statement


def parse_written(tmp_path: Path, text: str, name: str = "doc.txt") -> ParsedDocument:
    """Write ``text`` as ``tmp_path / name`` and parse it as ingestion would."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_file(path)


def spoken(doc: ParsedDocument) -> list[Statement]:
    """The statements someone (a name or a role) speaks: a report's narrative left out."""
    return [s for s in doc.statements if s.speaker or s.role]
