"""Creating a store's tables when several processes open a new store at the same time.

``MetaData.create_all`` checks which tables exist, then creates the others. Two processes
opening a new store at once both find a table missing and both create it: the second
fails ("table ... already exists" on SQLite, a duplicate ``pg_type`` row on PostgreSQL),
or finds the SQLite file locked by the first. On PostgreSQL the check and the creation run
under a transaction-level advisory lock, so the second waits and then finds the tables;
on any database a failed attempt is retried (the check then sees what the other process
created), a few times with a growing pause, before the error is raised.
"""

from __future__ import annotations

import time
import zlib

from sqlalchemy import MetaData, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

#: Attempts before the error of the last one is raised.
ATTEMPTS = 6


def create_all(metadata: MetaData, engine: Engine, attempts: int = ATTEMPTS) -> None:
    """Create the tables of ``metadata`` that do not exist, safe against concurrent creators.

    Raises:
        SQLAlchemyError: the last attempt's error, when every attempt failed.
    """
    key = zlib.crc32(",".join(sorted(metadata.tables)).encode()) & 0x7FFFFFFF
    for attempt in range(attempts):
        try:
            with engine.begin() as conn:
                if conn.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
                metadata.create_all(conn)
            return
        except SQLAlchemyError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.05 * 2**attempt)
