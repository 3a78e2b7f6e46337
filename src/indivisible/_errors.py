"""Error classes shared by every room.

Every error carries the exit status the CLI uses. Input errors (exit 2) name the file, line
or field and the reason, and say what a valid value looks like.
"""

from __future__ import annotations

from pathlib import Path


class IndivisibleError(Exception):
    """Base class of every error the toolkit raises on purpose.

    Attributes:
        exit_code: process exit status the CLI uses for this error.
    """

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(IndivisibleError):
    """Bad input: a malformed file, field, code or date (exit status 2).

    Args:
        reason: what is wrong, quoting the bad value and, where useful, a valid one.
        path: the file the input came from, if any.
        line: 1-based line number in that file, if known.
        field: dotted path of the offending field, if known.

    Examples:
        >>> str(InputError("expected YYYY-MM-DD, got '1999-13-01'", field="on"))
        "field 'on': expected YYYY-MM-DD, got '1999-13-01'"
        >>> str(InputError("unknown key 'foo'", path="s.yaml", line=3, field="deployments[0]"))
        "s.yaml:3: field 'deployments[0]': unknown key 'foo'"
    """

    exit_code = 2

    def __init__(
        self,
        reason: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.reason = reason
        self.path = str(path) if path is not None else None
        self.line = line
        self.field = field
        super().__init__(self._compose())

    def _compose(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path + (f":{self.line}" if self.line is not None else "") + ": "
        elif self.line is not None:
            where = f"line {self.line}: "
        if self.field:
            where += f"field '{self.field}': "
        return where + self.reason


class DataError(IndivisibleError):
    """The bundled or user-supplied record data is inconsistent (exit status 2)."""

    exit_code = 2
