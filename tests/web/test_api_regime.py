"""The web API serves the regime of issue 13: categories, timeline filter, binding notes."""

from __future__ import annotations

import httpx

from indivisible.record.types import REGIME_CATEGORIES


def test_meta_lists_the_regime_categories(client: httpx.Client) -> None:
    cats = set(client.get("/api/meta").json()["categories"])
    assert set(REGIME_CATEGORIES) <= cats


def test_timeline_filters_by_a_regime_category(client: httpx.Client) -> None:
    r = client.get(
        "/api/timeline",
        params={"a": "RUS", "b": "USA", "from": "1987", "to": "1989", "category": "risk_reduction"},
    )
    assert r.status_code == 200, r.text
    by_year = {y["year"]: y["instruments"] for y in r.json()["years"]}
    assert "incsea-1972" in by_year[1987]
    assert "ballistic-missile-launch-notification-1988" in by_year[1988]
    assert all("npt-1968" not in v for v in by_year.values())


def test_binding_reports_the_ctbt_as_signed_not_in_force(client: httpx.Client) -> None:
    r = client.get("/api/binding", params={"a": "RUS", "b": "USA", "on": "2020-01-01"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert {"npt-1968", "bwc-1972", "cwc-1993"} <= {i["id"] for i in body["instruments"]}
    notes = {n["id"]: n["note"] for n in body["not_binding"]}
    assert notes["ctbt-1996"] == "signed, not in force"
