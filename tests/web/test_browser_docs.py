"""Browser test of ``/docs``: Swagger UI from bundled assets, nothing from outside."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_docs_renders_the_api_from_local_assets(page: Any) -> None:
    requests: list[str] = []
    failed: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(page.base + "/docs")
    page.wait_for_selector(".opblock")  # an operation of the schema, drawn by Swagger UI
    assert "indivisible" in page.inner_text(".info .title")
    assert page.locator(".opblock").count() >= 10
    assert any(u.endswith("/openapi.json") for u in requests)
    assert any("/docs/assets/swagger-ui-bundle.js" in u for u in requests)
    # Every request stayed on the loopback server (the fixture asserts it again at teardown).
    assert all(u.startswith(page.base) or u.startswith("data:") for u in requests), requests
    assert failed == []


def test_docs_assets_are_served_locally(client: Any) -> None:
    r = client.get("/docs")
    assert r.status_code == 200
    assert "/docs/assets/swagger-ui-bundle.js" in r.text
    assert "http" not in r.text.split("<body>")[0].replace("http-equiv", "")
    js = client.get("/docs/assets/swagger-ui-bundle.js")
    assert js.status_code == 200 and len(js.content) > 100_000
