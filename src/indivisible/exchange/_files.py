"""Reading the exchange's input files: notifications, registries and bundles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from indivisible._paths import read_yaml_input
from indivisible._yaml import failing_at, read_text, validated
from indivisible.exchange._errors import InputError
from indivisible.exchange.types import Bundle, Registry, notification_adapter

__all__ = ["load_bundle", "load_notification", "load_registry", "notification_json"]


def notification_json(model: Any) -> dict[str, Any]:
    """The JSON form of a notification model: what is signed, canonicalised, and logged."""
    data: dict[str, Any] = notification_adapter.dump_python(
        model, mode="json", by_alias=True, exclude_none=True
    )
    return data


def load_notification(path: str | Path) -> dict[str, Any]:
    """Read and validate a notification file; return its JSON form.

    Raises:
        InputError: unreadable file, bad YAML, or a field that fails validation (with its
            line and the reason).
    """
    p = Path(path)
    data, node = read_yaml_input(p, p)
    fail = failing_at(p, node)
    if not isinstance(data, dict):
        raise InputError("expected a mapping with 'kind' and 'party'", path=p)
    if "kind" not in data:
        fail(("kind",), "required field is missing (the notification's kind)")
    from indivisible.exchange.types import KINDS

    if data["kind"] not in KINDS:
        fail(("kind",), f"unknown kind {data['kind']!r}; expected one of {', '.join(KINDS)}")
    model = validated(_Wrapper, {"n": data}, lambda loc, r: fail(_drop(loc), r))
    return notification_json(model.n)


def _drop(loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    from indivisible.exchange.types import KINDS

    out = loc[1:] if loc and loc[0] == "n" else loc
    return tuple(x for x in out if x not in KINDS)


def load_registry(path: str | Path) -> Registry:
    """Read a registry file (``parties: [{party, key}, ...]``, optional ``log``)."""
    p = Path(path)
    data, node = read_yaml_input(p, p)
    if not isinstance(data, dict):
        raise InputError("expected a mapping with 'parties: [{party, key}, ...]'", path=p)
    return validated(Registry, data, failing_at(p, node))


def load_bundle(path: str | Path) -> Bundle:
    """Read a bundle JSON file.

    Raises:
        InputError: unreadable file, not JSON, or keys missing or of the wrong type.
    """
    p = Path(path)
    text = read_text(p)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg}", path=p, line=exc.lineno) from None
    if not isinstance(data, dict):
        raise InputError("expected a JSON object", path=p)
    return validated(Bundle, data, failing_at(p, None))


def _wrapper() -> Any:
    from pydantic import BaseModel, ConfigDict

    from indivisible.exchange.types import Notification

    class Wrapper(BaseModel):
        model_config = ConfigDict(extra="forbid")
        n: Notification

    return Wrapper


_Wrapper = _wrapper()
