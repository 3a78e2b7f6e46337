"""A small HTTP client of the log's API (standard library only), and the posting step."""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from indivisible.exchange._errors import ExchangeError, InputError, Rejected
from indivisible.exchange._keys import PrivateKey, b64, canonical_bytes

__all__ = ["Client", "sign_entry"]


def sign_entry(entry: dict[str, Any], key: PrivateKey) -> str:
    """The base64 Ed25519 signature of ``entry``'s canonical bytes."""
    return b64(key.sign(canonical_bytes(entry)))


class Client:
    """The API of the log served at ``server`` (``http://127.0.0.1:8080``)."""

    def __init__(self, server: str, *, timeout: float = 30.0) -> None:
        parsed = urllib.parse.urlsplit(server)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise InputError(f"expected an http(s) URL, got {server!r}", field="--server")
        self.base = server.rstrip("/") + "/api/exchange"
        self.timeout = timeout

    def _call(self, method: str, path: str, body: Any = None) -> tuple[int, bytes]:
        data = None if body is None else json.dumps(body).encode("utf-8")
        req = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return int(resp.status), bytes(resp.read())
        except urllib.error.HTTPError as exc:
            return int(exc.code), bytes(exc.read())
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            # HTTPException: the connection broke mid-answer (the server died): the request
            # may or may not have been applied; posting the same signed entry again is safe
            # (a replay answers with the index it already has).
            reason = getattr(exc, "reason", None) or f"{exc.__class__.__name__}: {exc}"
            raise ExchangeError(f"cannot reach the log at {self.base}: {reason}") from None

    def _json(self, method: str, path: str, body: Any = None) -> Any:
        status, raw = self._call(method, path, body)
        try:
            data = json.loads(raw) if raw else None
        except json.JSONDecodeError:
            raise ExchangeError(f"{path}: the server answered {status} with no JSON") from None
        if status >= 400:
            detail = data.get("detail") if isinstance(data, dict) else data
            if isinstance(detail, dict):
                raise Rejected(
                    str(detail.get("error", detail)), status=status, index=detail.get("index")
                )
            raise Rejected(f"the server refused ({status}): {detail}", status=status)
        return data

    def info(self) -> dict[str, Any]:
        """The log's origin, key and size."""
        out: dict[str, Any] = self._json("GET", "/log")
        return out

    def registry(self) -> dict[str, Any]:
        """The registry the server serves: the parties' keys and the log's."""
        out: dict[str, Any] = self._json("GET", "/registry")
        return out

    def checkpoint(self, size: int | None = None) -> str:
        """The current (or an earlier) signed checkpoint."""
        status, raw = self._call("GET", "/checkpoint" + ("" if size is None else f"/{size}"))
        if status != 200:
            raise ExchangeError(f"no checkpoint (HTTP {status})")
        return raw.decode("utf-8")

    def post(self, entry: dict[str, Any], signature: str, key: str | None = None) -> int:
        """Append a signed entry; return its index."""
        body: dict[str, Any] = {"entry": entry, "signature": signature}
        if key is not None:
            body["key"] = key
        return int(self._json("POST", "/entries", body)["index"])

    def bundle(self, index: int) -> dict[str, Any]:
        """The bundle of entry ``index``."""
        out: dict[str, Any] = self._json("GET", f"/bundle/{index}")
        return out

    def entries(self, start: int = 0, limit: int = 1000) -> list[dict[str, Any]]:
        """Logged entries from ``start``."""
        out: list[dict[str, Any]] = self._json("GET", f"/entries?start={start}&limit={limit}")
        return out

    def consistency(self, old: int, new: int) -> list[bytes]:
        """The consistency proof between sizes ``old`` and ``new``."""
        data = self._json("GET", f"/proof/consistency?old={old}&new={new}")
        return [bytes.fromhex(h) for h in data["proof"]]

    def cosign(self, size: int, line: str) -> None:
        """Hand a cosignature of the checkpoint of ``size`` to the log."""
        self._json("POST", "/cosignatures", {"size": size, "cosignature": line})
