"""Browser tests of the map page, in Debian's headless Chromium, at phone and desktop sizes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

SIZES = [(390, 844), (1440, 900)]
NATO_BLUE = "rgb(47, 109, 181)"
NEITHER = "rgb(217, 207, 168)"


@pytest.fixture(params=SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def sized(request: Any, browser: Any, server: str) -> Iterator[Any]:
    """A page at a phone or desktop viewport; fails on any request leaving loopback."""
    w, h = request.param
    context = browser.new_context(viewport={"width": w, "height": h}, accept_downloads=True)
    pg = context.new_page()
    outside: list[str] = []
    pg.on(
        "request",
        lambda r: (
            outside.append(r.url) if not r.url.startswith((server, "data:", "blob:")) else None
        ),
    )
    pg.set_default_timeout(15_000)
    pg.base = server
    pg.size = (w, h)
    yield pg
    context.close()
    assert outside == [], f"the page requested resources outside the server: {outside}"


def alliance(page: Any, iso3: str) -> str:
    value: str = page.get_attribute(f"[data-testid=country-{iso3}]", "data-alliance")
    return value


def fill(page: Any, iso3: str) -> str:
    value: str = page.eval_on_selector(
        f"[data-testid=country-{iso3}]", "e => getComputedStyle(e).fill"
    )
    return value


def open_map(page: Any, query: str = "") -> None:
    page.goto(page.base + "/map" + query)
    page.wait_for_selector("[data-testid=map-svg][data-ready=true]")


def set_date(page: Any, day: str) -> None:
    page.fill("[data-testid=date-picker]", day)
    page.wait_for_selector(f"[data-testid=map-svg][data-date='{day}']")


def test_map_fills_the_width_and_shows_legend_and_labels(sized: Any) -> None:
    page = sized
    w, _h = page.size
    open_map(page)
    box = page.locator("[data-testid=map-svg]").bounding_box()
    if w < 900:  # a phone: the map takes the whole content width, the panel goes below
        assert box["width"] >= w - 2 * 12, box
    else:  # a desktop: the map fills its column beside the state panel
        assert box["width"] >= 0.7 * w, box
    assert box["height"] >= 0.7 * box["width"]
    legend = page.locator("[data-testid=map-legend]")
    assert legend.is_visible()
    text = legend.inner_text()
    for word in ("NATO", "CSTO", "neither", "deployment", "reach", "capital in reach"):
        assert word in text
    # Labels: the large states are named at any size; Poland once zoomed in on a phone.
    assert page.locator("[data-testid=label-UKR]").is_visible()
    assert page.locator("[data-testid=label-TUR]").is_visible()
    shown = page.eval_on_selector_all(
        "[data-testid=map-labels] text", "ts => ts.filter(t => t.style.display !== 'none').length"
    )
    assert shown >= (3 if w < 900 else 12)
    if not page.locator("[data-testid=label-POL]").is_visible():
        page.click("[data-testid=zoom-in]")
        page.click("[data-testid=zoom-in]")
    assert page.locator("[data-testid=label-POL]").is_visible()


def test_date_picker_takes_a_day_and_colours_and_panel_follow(sized: Any) -> None:
    page = sized
    open_map(page, "?date=1999-03-11")
    assert page.input_value("[data-testid=date-picker]") == "1999-03-11"
    assert (alliance(page, "POL"), alliance(page, "HUN"), alliance(page, "RUS")) == (
        "none",
        "none",
        "csto",
    )
    assert fill(page, "POL") == NEITHER
    page.click("[data-testid=country-POL]", force=True)
    assert page.inner_text("[data-testid=country-date]") == "1999-03-11"
    assert page.inner_text("[data-testid=country-alliance]") == "neither NATO nor CSTO"
    # The day Poland, Hungary and the Czech Republic joined NATO.
    set_date(page, "1999-03-12")
    assert (alliance(page, "POL"), alliance(page, "HUN"), alliance(page, "CZE")) == (
        "nato",
        "nato",
        "nato",
    )
    assert fill(page, "POL") == NATO_BLUE
    # The panel follows the date without a new click.
    page.wait_for_function(
        "document.querySelector('[data-testid=country-date]').textContent === '1999-03-12'"
    )
    assert page.inner_text("[data-testid=country-alliance]") == "NATO"
    assert "EU" not in page.inner_text("[data-testid=country-info]")  # Poland joined in 2004
    assert "On 1999-03-12: 19 NATO members" in page.inner_text("[data-testid=map-summary]")
    assert "date=1999-03-12" in page.url
    # The day slider moves by days and agrees with the picker.
    index = int(page.input_value("[data-testid=day-slider]"))
    page.fill("[data-testid=day-slider]", str(index - 1))
    page.wait_for_selector("[data-testid=map-svg][data-date='1999-03-11']")
    assert page.input_value("[data-testid=date-picker]") == "1999-03-11"
    assert alliance(page, "POL") == "none"


def test_year_links_still_work(page: Any) -> None:
    page.goto(page.base + "/map?year=1998")
    page.wait_for_selector("[data-testid=map-svg][data-date='1998-12-31']")
    assert (alliance(page, "POL"), alliance(page, "FIN")) == ("none", "none")
    set_date(page, "2024-12-31")
    assert (alliance(page, "POL"), alliance(page, "FIN"), alliance(page, "RUS")) == (
        "nato",
        "nato",
        "csto",
    )


def test_zoom_and_pan_move_the_view(page: Any) -> None:
    open_map(page)
    vb0 = page.get_attribute("[data-testid=map-svg]", "viewBox")
    page.click("[data-testid=zoom-in]")
    assert float(page.get_attribute("[data-testid=map-svg]", "data-zoom")) == pytest.approx(1.5)
    vb1 = page.get_attribute("[data-testid=map-svg]", "viewBox")
    box = page.locator("[data-testid=map-svg]").bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(cx, cy)
    page.mouse.down()
    page.mouse.move(cx + 120, cy + 60, steps=5)
    page.mouse.up()
    vb2 = page.get_attribute("[data-testid=map-svg]", "viewBox")
    assert len({vb0, vb1, vb2}) == 3
    assert vb1.split()[2:] == vb2.split()[2:]  # a pan keeps the scale
    page.mouse.wheel(0, -300)
    page.wait_for_function("Number(document.getElementById('map').dataset.zoom) > 1.6")
    page.click("[data-testid=zoom-reset]")
    assert page.get_attribute("[data-testid=map-svg]", "viewBox") == vb0


def test_click_a_country_shows_secondary_memberships(page: Any) -> None:
    open_map(page, "?year=2024")
    page.click("[data-testid=country-POL]", force=True)
    info = page.inner_text("[data-testid=country-info]")
    assert "Poland" in info
    assert "EU" in info
    assert page.inner_text("[data-testid=country-alliance]") == "NATO"


def test_deployment_reach_ring_and_capitals(page: Any) -> None:
    open_map(page, "?date=2022-02-14&scenario=europe-2022-02")
    page.wait_for_selector("[data-testid=deployment-iskander-kaliningrad]")
    page.click("[data-testid=deployment-iskander-kaliningrad]")
    ring = page.wait_for_selector("[data-testid=reach-ring]")
    assert ring.get_attribute("data-reading") == "RUS"
    assert len(ring.get_attribute("d")) > 1000
    row = page.locator("[data-testid=reach-row-POL] td").all_inner_texts()
    assert row == ["Warsaw", "POL", "272", "4.0"]
    assert page.locator("[data-testid=reach-row-FRA]").count() == 0


def test_a_ring_for_every_reading(page: Any) -> None:
    open_map(page, "?date=2022-02-14&scenario=europe-2022-02")
    page.click("[data-testid=deployment-9m729-kapustin-yar]")
    page.wait_for_selector("[data-testid=reach-ring][data-reading=faz-2019]")
    readings = page.eval_on_selector_all(
        "[data-testid=reach-ring]", "rs => rs.map(r => r.dataset.reading)"
    )
    # An interval reading draws an inner and an outer ring ("USA (outer)").
    assert {r.split(" (")[0] for r in readings} == {"RUS", "USA", "faz-2019"}
    assert "one ring each" in page.inner_text("[data-testid=reach-info]")


def test_downloads_of_the_view_and_its_data(page: Any, tmp_path: Path) -> None:
    open_map(page, "?date=1999-03-12&scenario=europe-2022-02")
    with page.expect_download() as d:
        page.click("[data-testid=download-csv]")
    csv = tmp_path / "map.csv"
    d.value.save_as(csv)
    assert d.value.suggested_filename == "indivisible-map-1999-03-12-europe-2022-02.csv"
    lines = csv.read_text().splitlines()
    assert lines[0].startswith("date,state,name,exists,alliance,memberships")
    assert any(x.startswith("1999-03-12,POL,Poland,true,nato,") for x in lines)
    with page.expect_download() as d:
        page.click("[data-testid=download-geojson]")
    gj = tmp_path / "map.geojson"
    d.value.save_as(gj)
    data = json.loads(gj.read_text())
    pol = next(f for f in data["features"] if f["properties"].get("iso3") == "POL")
    assert pol["properties"]["alliance"] == "nato" and pol["properties"]["date"] == "1999-03-12"
    assert pol["geometry"]["type"] in ("Polygon", "MultiPolygon")
    with page.expect_download() as d:
        page.click("[data-testid=download-png]")
    png = tmp_path / "map.png"
    d.value.save_as(png)
    head = png.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(head[16:20], "big")
    assert width >= 1400  # twice the on-screen width of the map
    assert png.stat().st_size > 30_000
