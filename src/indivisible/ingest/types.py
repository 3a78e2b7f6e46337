"""The statement model of the ingest room: documents, statements and ingest outcomes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

#: The kinds of document the reader recognises.
KINDS = (
    "transcript",
    "press_conference",
    "speech",
    "news_article",
    "highlights",
    "treaty_text",
    "interview",
    "statement",
)

#: The stance vocabulary, in the order the rules are tried (``position`` is the default).
STANCES = (
    "question",
    "rejection",
    "warning",
    "accusation",
    "demand",
    "assurance",
    "commitment",
    "proposal",
    "support",
    "concern",
    "announcement",
    "position",
)


@dataclass(frozen=True)
class Document:
    """One ingested document and its own metadata.

    Attributes:
        id: SHA-256 of the file's bytes (hex); the same file always has the same id.
        title: the document's title, from its metadata, first heading or byline.
        date: the date the document was written or the event took place.
        place: where it took place, if stated.
        kind: one of :data:`KINDS`.
        source_path: the path the document was read from.
        text: the text every statement's offsets point into: the decoded file for plain
            text and Markdown, the extracted main text for HTML.
        format: ``text``, ``markdown`` or ``html``.
        author: the author or first byline person, if stated.
    """

    id: str
    title: str | None
    date: dt.date | None
    place: str | None
    kind: str
    source_path: str
    text: str
    format: str
    author: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The document part of the ``ingest`` JSON contract."""
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "place": self.place,
            "kind": self.kind,
        }


@dataclass(frozen=True)
class Statement:
    """One attributed statement: a paragraph of a turn, a highlight, or a quotation.

    Attributes:
        seq: 0-based order of the statement in its document.
        turn: 0-based speaker turn the statement belongs to (quotations share their
            quoting statement's turn).
        speaker: the speaker's name, or None when only the role is known.
        role: the speaker's role (``journalist``, ``moderator`` when unnamed).
        person_id: the id in the persons gazetteer, or None for an unknown person.
        text: exactly ``document.text[start:end]``.
        start: character offset of the statement in the document text.
        end: character offset just past the statement.
        page: page number from a "(Page N)" marker, if any.
        date: when the statement was made (the document date, or the date given for a
            quotation).
        instruments: ids of instruments mentioned.
        organisations: ids of organisations mentioned.
        dates_mentioned: dates mentioned, ISO at the precision given (``2021-12``).
        stance: one of :data:`STANCES`.
        stance_cue: the words that triggered the stance, or None for the default.
        quoted_by: the name (or role) of the speaker who quoted this statement.
    """

    seq: int
    turn: int
    speaker: str | None
    role: str | None
    person_id: str | None
    text: str
    start: int
    end: int
    page: int | None
    date: dt.date | None
    instruments: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    dates_mentioned: tuple[str, ...] = ()
    stance: str = "position"
    stance_cue: str | None = None
    quoted_by: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The statement part of the ``ingest`` JSON contract (plus turn and cue)."""
        return {
            "speaker": self.speaker,
            "role": self.role,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "page": self.page,
            "date": self.date.isoformat() if self.date else None,
            "instruments": list(self.instruments),
            "organisations": list(self.organisations),
            "dates_mentioned": list(self.dates_mentioned),
            "stance": self.stance,
            "quoted_by": self.quoted_by,
            "turn": self.turn,
            "person_id": self.person_id,
            "stance_cue": self.stance_cue,
        }


@dataclass(frozen=True)
class ParsedDocument:
    """A document and its statements, before or after storage."""

    document: Document
    statements: tuple[Statement, ...]

    def to_json(self) -> dict[str, Any]:
        """One object of the ``ingest`` JSON contract."""
        return {
            "document": self.document.to_json(),
            "statements": [s.to_json() for s in self.statements],
        }


@dataclass(frozen=True)
class IngestOutcome:
    """What happened to one path given to ``ingest``.

    Attributes:
        path: the path as given.
        status: ``ingested``, ``unchanged`` (already stored: re-ingesting is a no-op) or
            ``failed``.
        parsed: the document and statements, unless the file failed.
        error: the per-file error message when the file failed.
    """

    path: str
    status: Literal["ingested", "unchanged", "failed"]
    parsed: ParsedDocument | None = None
    error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
