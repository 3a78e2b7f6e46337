"""Browser tests of the scenario page, in Debian's headless Chromium."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_check_an_example_with_explain_detail(page: Any) -> None:
    page.goto(page.base + "/scenario")
    page.wait_for_selector("#check-form[data-ready=true]")
    page.select_option("[data-testid=scenario-example]", "europe-2022-02")
    page.click("[data-testid=check-go]")
    page.wait_for_selector("[data-testid=check-summary][data-ready=true]")
    total = page.get_attribute("[data-testid=check-counts]", "data-total")
    assert total == str(page.locator("[data-testid=finding-row]").count())
    page.select_option("[data-testid=result-filter]", "breached")
    rows = page.locator("[data-testid=finding-row]")
    assert rows.count() > 0
    assert {rows.nth(i).get_attribute("data-result") for i in range(rows.count())} == {"breached"}
    first = rows.first
    first.locator("summary").click()
    assert first.locator("[data-testid=finding-explain]").inner_text().startswith("- ")


def test_upload_a_bad_file_shows_the_cli_error(page: Any, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("scenario: x\ndate: 2022-13-01\n", encoding="utf-8")
    page.goto(page.base + "/scenario")
    page.wait_for_selector("#check-form[data-ready=true]")
    page.set_input_files("[data-testid=scenario-file]", str(bad))
    page.click("[data-testid=check-go]")
    page.wait_for_selector("[data-testid=error]:not([hidden])")
    assert page.inner_text("[data-testid=error]") == (
        "Error: bad.yaml:2: field 'date': expected a date as YYYY-MM-DD (e.g. 2022-02-14), "
        "got '2022-13-01'"
    )


def test_range_job_with_progress(page: Any) -> None:
    page.goto(page.base + "/scenario?scenario=europe-2022-02")
    page.wait_for_selector("[data-testid=check-summary][data-ready=true]")
    page.fill("[data-testid=range-from]", "2019-01-01")
    page.fill("[data-testid=range-to]", "2020-12-31")
    page.click("[data-testid=range-go]")
    page.wait_for_selector("[data-testid=range-state][data-state=done]")
    # 41: 3 more since the Aegis Ashore readings and 3 since the INF successor parties (issue 13)
    assert page.locator("[data-testid=change-row]").count() == 41
