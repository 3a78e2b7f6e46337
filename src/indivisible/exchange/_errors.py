"""Errors of the exchange room.

* :class:`InputError` (exit 2): an unreadable or malformed file, key, registry or bundle;
* :class:`Rejected` (exit 1): the log refuses an entry (bad signature, another party's
  entry, a revoked key, a replay), with the reason;
* :class:`VerificationFailed` (exit 1): a bundle, a proof, a checkpoint or a cosignature
  does not verify, or a witness refuses to cosign, with the reason;
* :class:`ExchangeError` (exit 1): the server cannot be reached or answers out of protocol.
"""

from __future__ import annotations

from indivisible._errors import IndivisibleError, InputError

__all__ = ["ExchangeError", "InputError", "Rejected", "VerificationFailed"]


class ExchangeError(IndivisibleError):
    """The log or its server cannot do what was asked (exit status 1)."""

    exit_code = 1


class Rejected(ExchangeError):
    """The log refuses an entry; ``reason`` says why (exit status 1).

    Attributes:
        status: the HTTP status the server answers with (403 for a signature problem, 409
            for a replay, 422 for an invalid notification).
        index: for a replay, the index the same signed entry already has.
    """

    def __init__(self, reason: str, *, status: int = 403, index: int | None = None) -> None:
        super().__init__(reason)
        self.status = status
        self.index = index


class VerificationFailed(ExchangeError):
    """A signature, a proof, a checkpoint or a cosignature does not verify (exit status 1)."""
