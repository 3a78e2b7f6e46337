"""The bundled record as the default of every loader that checks against a record."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from indivisible.record import Record


def record_or_bundled(record: Record | None) -> Record:
    """``record``, or the bundled record when ``None`` (the record room imported then)."""
    if record is not None:
        return record
    from indivisible.record import Record

    return Record.load()
