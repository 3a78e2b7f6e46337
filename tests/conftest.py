"""Shared test helpers."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest


@dataclass
class Run:
    """The outcome of one CLI invocation."""

    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Run]:
    """Run ``indivisible ARGS`` in-process through the real entry point."""
    from indivisible.cli import main

    def run(*args: str) -> Run:
        monkeypatch.setattr(sys, "argv", ["indivisible", *args])
        code = 0
        try:
            main()
        except SystemExit as exc:
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium: the only browser the tests drive (never a downloaded build)."""
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# One browser for the whole session, shared by every package's browser tests: a second
# ``sync_playwright`` started while the first is alive fails ("inside the asyncio loop").
@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (make system-deps)")
    from playwright.sync_api import sync_playwright

    # Playwright gives each launch a fresh temporary profile of its own.
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()
