"""API tests of the statements endpoints against a store seeded from ``fixtures/``."""

from __future__ import annotations

import httpx

LAVROV_DEMAND = (
    "We demand that the Adapted CFE Treaty be ratified by all NATO members without delay."
)


def test_all_statements_in_date_order(client: httpx.Client) -> None:
    r = client.get("/api/statements")
    assert r.status_code == 200
    body = r.json()
    assert (body["count"], body["returned"]) == (6, 6)
    assert [s["date"] for s in body["statements"]] == ["2009-12-09"] * 4 + ["2019-08-02"] * 2


def test_filters_combine(client: httpx.Client) -> None:
    r = client.get("/api/statements", params={"speaker": "lavrov", "stance": "demand"})
    rows = r.json()["statements"]
    assert [(s["speaker"], s["text"]) for s in rows] == [("Sergei Lavrov", LAVROV_DEMAND)]
    assert rows[0]["instruments"] == ["acfe-1999"]
    assert rows[0]["organisations"] == ["nato"]


def test_filter_by_instrument_and_dates(client: httpx.Client) -> None:
    r = client.get("/api/statements", params={"instrument": "cfe-1990"})
    assert [s["stance"] for s in r.json()["statements"]] == ["position", "question"]
    r = client.get("/api/statements", params={"from": "2010-01-01", "to": "2019-12-31"})
    assert [s["speaker"] for s in r.json()["statements"]] == ["Jens Stoltenberg"] * 2
    r = client.get("/api/statements", params={"org": "nato"})
    # "The Alliance assures Russia …" (the Secretary General) and Lavrov's "NATO members".
    assert r.json()["count"] == 2


def test_limit(client: httpx.Client) -> None:
    body = client.get("/api/statements", params={"limit": 2}).json()
    assert (body["count"], body["returned"]) == (6, 2)


def test_statement_links_to_its_place_in_the_document(client: httpx.Client) -> None:
    row = client.get("/api/statements", params={"stance": "demand"}).json()["statements"][0]
    assert row["link"] == (
        f"/statements?doc={row['document_id']}&start={row['start']}&end={row['end']}#statement"
    )
    doc = client.get(f"/api/documents/{row['document_id']}")
    assert doc.status_code == 200
    assert doc.json()["text"][row["start"] : row["end"]] == LAVROV_DEMAND


def test_bad_stance_is_the_cli_message(client: httpx.Client) -> None:
    r = client.get("/api/statements", params={"stance": "angry"})
    assert r.status_code == 422
    assert r.json()["error"]["message"] == (
        "field '--stance': unknown stance 'angry'; expected one of question, rejection, "
        "warning, accusation, demand, assurance, commitment, proposal, support, concern, "
        "announcement, position"
    )


def test_bad_date(client: httpx.Client) -> None:
    r = client.get("/api/statements", params={"from": "2009-02-30"})
    assert r.status_code == 422
    assert r.json()["error"]["message"] == (
        "field '--from': expected a date as YYYY-MM-DD (e.g. 1999-03-12), got '2009-02-30'"
    )


def test_document_id_is_validated_and_never_a_path(client: httpx.Client) -> None:
    r = client.get("/api/documents/..%2F..%2Fetc%2Fpasswd")
    assert r.status_code in (404, 422)
    r = client.get("/api/documents/" + "0" * 63 + "g")
    assert r.status_code == 422
    assert r.json()["error"]["field"] == "document_id"
    r = client.get("/api/documents/" + "0" * 64)
    assert r.status_code == 404
    assert r.json()["error"]["message"] == f"no document {'0' * 64!r} in the store"
