"""The /exchange page in Debian's Chromium: the log listed with its verified state."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.exchange.conftest import serving

from indivisible.exchange import Log, PrivateKey, sign_entry
from indivisible.exchange._note import cosign, parse_note
from indivisible.exchange._server import create_exchange_app
from indivisible.exchange.types import Registry


@pytest.mark.browser
def test_page_lists_the_log_verified(
    browser: Any,
    tmp_path: Path,
    registry: Registry,
    keys: dict[str, PrivateKey],
) -> None:
    log = Log(f"sqlite:///{tmp_path / 'log.db'}", registry)
    for day, party in ((1, "POL"), (2, "RUS"), (3, "USA")):
        e = {
            "kind": "status_event",
            "party": party,
            "instrument": "open-skies-1992",
            "event": "signed",
            "date": f"2027-01-0{day}",
        }
        log.submit(e, sign_entry(e, keys[party]))
    text = parse_note(log.checkpoint()).text
    log.add_cosignature(3, cosign(text, "FIN", keys["FIN"], 1_800_000_000).line())
    with serving(create_exchange_app(log)) as url:
        context = browser.new_context()
        page = context.new_page()
        outside: list[str] = []
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(url) else None)
        page.goto(url + "/")  # redirects to /exchange
        assert page.url.endswith("/exchange")
        summary = page.get_by_test_id("exchange-summary").inner_text()
        assert "3 entries" in summary and "checkpoint signature verified" in summary
        witnesses = page.get_by_test_id("exchange-witnesses").inner_text()
        assert "cosigned by FIN (verified)" in witnesses and "consistent" in witnesses
        rows = page.locator("[data-testid=exchange-entries] tbody tr")
        assert rows.count() == 3
        assert rows.nth(1).inner_text().split("\t")[:3] == ["1", "RUS", "status_event"]
        assert page.locator("td", has_text="FAILS").count() == 0
        assert page.request.get(url + "/static/css/site.css").status == 200
        context.close()
        assert outside == []
