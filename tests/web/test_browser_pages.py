"""Browser tests of the timeline and statements pages, in Debian's headless Chromium."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_timeline_marks_the_abm_withdrawal_with_its_source(page: Any) -> None:
    page.goto(page.base + "/timeline?a=RUS&b=USA&from=1995&to=2005")
    page.wait_for_selector("[data-testid=timeline-chart][data-ready=true]")
    assert page.get_attribute("[data-testid=timeline-chart]", "data-pair") == "RUS-USA"
    marker = page.locator("[data-testid=event-abm-1972-USA-2002-06-13]")
    assert marker.get_attribute("class") == "event ev-withdrawn"
    row = page.locator("#ev-abm-1972-USA-2002-06-13")
    cells = row.locator("td").all_inner_texts()
    assert cells[:5] == ["2002-06-13", "ABM Treaty", "USA", "withdrawn", "withdrawn"]
    assert (
        row.locator("td:nth-child(6) a").count() + row.locator("td:nth-child(6) span").count() == 1
    )


def test_timeline_bad_pair_shows_the_cli_error(page: Any) -> None:
    page.goto(page.base + "/timeline?a=XXX&b=USA")
    page.wait_for_selector("[data-testid=error]:not([hidden])")
    assert page.inner_text("[data-testid=error]").startswith(
        "Error: field 'A': unknown state or organisation 'XXX'"
    )


def test_statements_filter_and_open_in_document(page: Any) -> None:
    page.goto(page.base + "/statements")
    page.wait_for_selector("#results[data-ready=true]")
    assert page.get_attribute("[data-testid=statements-count]", "data-count") == "6"
    page.fill("[data-testid=f-speaker]", "Lavrov")
    page.select_option("[data-testid=f-stance]", "demand")
    page.click("[data-testid=f-go]")
    page.wait_for_selector("[data-testid=statements-count][data-count='1']")
    rows = page.locator("[data-testid=statement-row]")
    assert rows.count() == 1
    assert rows.first.get_attribute("data-stance") == "demand"
    page.click("[data-testid=statement-link]")
    mark = page.wait_for_selector("[data-testid=statement-in-document]")
    assert mark.inner_text() == (
        "We demand that the Adapted CFE Treaty be ratified by all NATO members without delay."
    )
    assert "speaker=Lavrov" in page.url and "doc=" in page.url
    page.select_option("[data-testid=f-stance]", "")
    page.fill("[data-testid=f-speaker]", "")
    page.fill("[data-testid=f-from]", "2019-01-01")
    page.click("[data-testid=f-go]")
    page.wait_for_selector("[data-testid=statements-count][data-count='2']")
