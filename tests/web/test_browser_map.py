"""Browser tests of the map page, in Debian's headless Chromium."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def alliance(page: Any, iso3: str) -> str:
    value: str = page.get_attribute(f"[data-testid=country-{iso3}]", "data-alliance")
    return value


def test_slider_recolours_poland_and_finland(page: Any) -> None:
    page.goto(page.base + "/map")
    page.wait_for_selector("[data-testid=map-svg][data-ready=true]")
    page.fill("[data-testid=year-slider]", "1998")
    page.wait_for_selector("[data-testid=map-svg][data-date='1998-12-31']")
    assert (alliance(page, "POL"), alliance(page, "FIN"), alliance(page, "RUS")) == (
        "none",
        "none",
        "csto",
    )
    page.fill("[data-testid=year-slider]", "2024")
    page.wait_for_selector("[data-testid=map-svg][data-date='2024-12-31']")
    assert (alliance(page, "POL"), alliance(page, "FIN"), alliance(page, "RUS")) == (
        "nato",
        "nato",
        "csto",
    )
    assert page.input_value("[data-testid=year-slider]") == "2024"
    # The colour itself follows the attribute.
    fill = page.eval_on_selector("[data-testid=country-FIN]", "e => getComputedStyle(e).fill")
    assert fill == "rgb(47, 109, 181)"


def test_click_a_country_shows_secondary_memberships(page: Any) -> None:
    page.goto(page.base + "/map?year=2024")
    page.wait_for_selector("[data-testid=map-svg][data-ready=true]")
    page.click("[data-testid=country-POL]", force=True)
    info = page.inner_text("[data-testid=country-info]")
    assert "Poland" in info
    assert "EU" in info
    assert page.inner_text("[data-testid=country-alliance]") == "NATO"


def test_deployment_reach_ring_and_capitals(page: Any) -> None:
    page.goto(page.base + "/map?year=2022&scenario=europe-2022-02")
    page.wait_for_selector("[data-testid=map-svg][data-ready=true]")
    page.wait_for_selector("[data-testid=deployment-iskander-kaliningrad]")
    page.click("[data-testid=deployment-iskander-kaliningrad]")
    ring = page.wait_for_selector("[data-testid=reach-ring]")
    assert ring.get_attribute("data-reading") == "RUS"
    assert len(ring.get_attribute("d")) > 1000
    row = page.locator("[data-testid=reach-row-POL] td").all_inner_texts()
    assert row == ["Warsaw", "POL", "272", "4.0"]
    assert page.locator("[data-testid=reach-row-FRA]").count() == 0
