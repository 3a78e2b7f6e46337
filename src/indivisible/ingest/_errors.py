"""Errors of the ingest room."""

from __future__ import annotations

from indivisible._errors import IndivisibleError, InputError

__all__ = ["InputError", "StoreError"]


class StoreError(IndivisibleError):
    """The statement store cannot be opened or written (exit status 1)."""

    exit_code = 1
