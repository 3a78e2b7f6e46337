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


def test_findings_summary_first_breached_first_paged_with_csv(page: Any, tmp_path: Path) -> None:
    page.goto(page.base + "/scenario?scenario=europe-2022-02")
    page.wait_for_selector("[data-testid=check-summary][data-ready=true]")
    sentence = page.inner_text("[data-testid=check-sentence]")
    assert sentence.startswith("On 2022-02-14: ")
    # 9 disputed since the Charter of Paris principle clause left the record (#12)
    assert "clauses breached under every reading and 9 disputed" in sentence
    total = int(page.get_attribute("[data-testid=check-counts]", "data-total"))
    assert total > 100
    rows = page.locator("[data-testid=finding-row]")
    results = [rows.nth(i).get_attribute("data-result") for i in range(rows.count())]
    order = ["breached", "disputed", "undetermined", "holds", "not_applicable"]
    assert results[0] in ("breached", "disputed")  # breached and disputed first
    assert results[-1] in ("holds", "not_applicable")
    assert set(results[:31]) <= {"breached", "disputed", "holds", "undetermined"}
    assert order.index(results[40]) >= 2
    visible = page.locator("[data-testid=finding-row]:visible")
    assert visible.count() == 25
    assert page.inner_text("[data-testid=table-shown]") == f"Showing 25 of {total} rows. "
    page.click("[data-testid=show-more]")
    assert visible.count() == 50
    page.click("[data-testid=show-all]")
    assert visible.count() == total
    assert page.locator("[data-testid=show-more]").is_hidden()
    with page.expect_download() as d:
        page.click("[data-testid=findings] [data-testid=download-csv]")
    out = tmp_path / "findings.csv"
    d.value.save_as(out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "Instrument,Clause,Party,Subject,Result,Reading,Evidence"
    assert ",breached," in lines[1]
    assert len(lines) > total  # every finding (evidence may span lines inside quotes)
    # Tooltips: a result carries its plain definition.
    page.wait_for_selector("[data-term='result:breached'][title]")
    title = page.get_attribute("[data-term='result:breached']", "title")
    assert title.startswith("breached: ")


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
    # Every change is a row (25 shown, the rest behind "show more"); the exact count is pinned
    # by tests/web/test_api_check_reach.py::test_range_check_job.
    assert page.locator("[data-testid=change-row]").count() > 25
