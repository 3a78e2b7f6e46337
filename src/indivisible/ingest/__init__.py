"""Ingest speeches, transcripts and articles into sourced statements.

The front door of the ``ingest`` room: read documents (plain text, Markdown, HTML), find
who said what and when, link it to the record's instruments and organisations, and keep
it in a store where every statement points back into its document.

Examples:
    >>> from indivisible.ingest import STANCES
    >>> STANCES[0], STANCES[-1]
    ('question', 'position')
"""

from __future__ import annotations

from indivisible.ingest._api import SUFFIXES, ingest, parse_file, query_statements
from indivisible.ingest._errors import StoreError
from indivisible.ingest._read import MAX_BYTES
from indivisible.ingest._store import Store, default_db_url
from indivisible.ingest.types import (
    KINDS,
    STANCES,
    Document,
    IngestOutcome,
    ParsedDocument,
    Statement,
)

__all__ = [
    "KINDS",
    "MAX_BYTES",
    "STANCES",
    "SUFFIXES",
    "Document",
    "IngestOutcome",
    "ParsedDocument",
    "Statement",
    "Store",
    "StoreError",
    "default_db_url",
    "ingest",
    "parse_file",
    "query_statements",
]
