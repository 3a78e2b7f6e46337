"""API tests of the record endpoints: success paths pin sourced facts, error paths pin
the CLI's exact messages."""

from __future__ import annotations

import httpx

BAD_DATE = "expected a date as YYYY-MM-DD (e.g. 1999-03-12), got '1999-13-01'"


def error(r: httpx.Response) -> dict[str, object]:
    body = r.json()
    assert set(body) == {"error"}
    e: dict[str, object] = body["error"]
    return e


def test_status_of_poland_on_nato_accession_day(client: httpx.Client) -> None:
    r = client.get("/api/status", params={"on": "1999-03-12", "state": "POL"})
    assert r.status_code == 200
    body = r.json()
    assert body["date"] == "1999-03-12"
    assert body["state"] == "POL"
    assert [m["org"] for m in body["memberships"]] == ["nato", "osce", "un"]
    assert body["memberships"][0]["since"] == "1999-03-12"
    assert body["warnings"] == []


def test_status_of_every_state(client: httpx.Client) -> None:
    r = client.get("/api/status", params={"on": "2019-08-01"})
    assert r.status_code == 200
    rows = r.json()["statuses"]
    inf = {(x["state"], x["status"]) for x in rows if x["id"] == "inf-1987"}
    assert ("USA", "in_force") not in inf
    assert {x["state"] for x in rows} >= {"RUS", "USA", "POL"}


def test_status_bad_date_is_the_cli_message(client: httpx.Client) -> None:
    r = client.get("/api/status", params={"on": "1999-13-01", "state": "POL"})
    assert r.status_code == 422
    e = error(r)
    assert e["message"] == f"field '--on': {BAD_DATE}"
    assert e["field"] == "--on"
    assert e["reason"] == BAD_DATE


def test_status_missing_date(client: httpx.Client) -> None:
    r = client.get("/api/status")
    assert r.status_code == 422
    assert error(r)["message"] == "field 'on': required parameter is missing"


def test_status_unknown_state_suggests(client: httpx.Client) -> None:
    r = client.get("/api/status", params={"on": "1999-03-12", "state": "Polnd"})
    assert r.status_code == 422
    message = str(error(r)["message"])
    assert message.startswith("field 'state': unknown state or organisation 'Polnd'; did you mean")
    assert "POL" in message


def test_status_of_an_organisation_is_refused(client: httpx.Client) -> None:
    r = client.get("/api/status", params={"on": "1999-03-12", "state": "nato"})
    assert r.status_code == 422
    assert error(r)["message"] == "field 'state': 'nato' is an organisation; status takes a state"


def test_binding_abm_in_force_until_withdrawal(client: httpx.Client) -> None:
    before = client.get("/api/binding", params={"a": "RUS", "b": "USA", "on": "2002-06-12"})
    after = client.get("/api/binding", params={"a": "RUS", "b": "USA", "on": "2002-06-13"})
    assert before.status_code == after.status_code == 200
    ids_before = {i["id"] for i in before.json()["instruments"]}
    ids_after = {i["id"] for i in after.json()["instruments"]}
    assert "abm-1972" in ids_before
    assert "abm-1972" not in ids_after
    assert before.json()["parties"] == ["RUS", "USA"]


def test_binding_unknown_party(client: httpx.Client) -> None:
    r = client.get("/api/binding", params={"a": "XXX", "b": "USA", "on": "2002-06-12"})
    assert r.status_code == 422
    assert error(r)["field"] == "A"


def test_changes_finland_joins_nato(client: httpx.Client) -> None:
    r = client.get("/api/changes", params={"from": "2023-04-03", "to": "2023-04-04"})
    assert r.status_code == 200
    rows = r.json()["changes"]
    joined = [x for x in rows if x["kind"] == "membership" and x["subject"] == "nato"]
    assert [(x["date"], x["party"], x["change"]) for x in joined] == [
        ("2023-04-04", "FIN", "joined")
    ]


def test_changes_reversed_range(client: httpx.Client) -> None:
    r = client.get("/api/changes", params={"from": "2023-04-04", "to": "2023-04-03"})
    assert r.status_code == 422
    assert error(r)["message"] == "field 'to': --to 2023-04-03 is before --from 2023-04-04"


def test_history_of_inf(client: httpx.Client) -> None:
    r = client.get("/api/history", params={"instrument": "INF Treaty"})
    assert r.status_code == 200
    body = r.json()
    assert body["instrument"] == "inf-1987"
    usa = [s for s in body["segments"] if s["party"] == "USA"]
    assert usa[-1]["status"] == "withdrawn"
    assert usa[-1]["start"] == "2019-08-02"


def test_history_unknown_instrument(client: httpx.Client) -> None:
    r = client.get("/api/history", params={"instrument": "inf-1988"})
    assert r.status_code == 422
    assert (
        error(r)["message"]
        == "field 'instrument': unknown instrument 'inf-1988'; did you mean inf-1987 or npt-1968?"
    )


def test_timeline_abm_ends_in_2002(client: httpx.Client) -> None:
    r = client.get("/api/timeline", params={"a": "RUS", "b": "USA", "from": "2000", "to": "2003"})
    assert r.status_code == 200
    body = r.json()
    assert body["parties"] == ["RUS", "USA"]
    by_year = {y["year"]: y["instruments"] for y in body["years"]}
    assert "abm-1972" in by_year[2001]
    assert "abm-1972" not in by_year[2002]
    abm = next(i for i in body["instruments"] if i["id"] == "abm-1972")
    assert abm["bound_years"] == [2000, 2001]
    assert [s["event"] for s in abm["segments"] if s["party"] == "USA"][-1] == "withdrawn"
    assert all(s["source"] in body["sources"] for s in abm["segments"])


def test_timeline_readings_of_a_disputed_status(client: httpx.Client) -> None:
    r = client.get("/api/timeline", params={"a": "RUS", "b": "USA", "from": "2006", "to": "2009"})
    assert r.status_code == 200
    body = r.json()
    y2008 = next(y for y in body["years"] if y["year"] == 2008)
    assert y2008["disputed"] == ["cfe-1990"]
    assert y2008["readings"]["USA"]["n_legal"] == y2008["readings"]["RUS"]["n_legal"] + 1
    cfe = next(i for i in body["instruments"] if i["id"] == "cfe-1990")
    assert cfe["bound_years"] == [2006] and cfe["disputed_years"] == [2007, 2008, 2009]
    seg = next(s for s in cfe["segments"] if s["party"] == "RUS" and s["status"] == "suspended")
    assert "nato: in_force (legal)" in seg["readings"]


def test_timeline_errors(client: httpx.Client) -> None:
    r = client.get("/api/timeline", params={"a": "RUS", "b": "USA", "from": "2003", "to": "2000"})
    assert r.status_code == 422
    assert error(r)["message"] == "field '--to': --to 2000 is before --from 2003"
    r = client.get("/api/timeline", params={"a": "RUS", "b": "USA", "from": "72"})
    assert (
        error(r)["message"] == "field '--from': expected a four-digit year such as 1972, got '72'"
    )
    r = client.get("/api/timeline", params={"a": "RUS", "b": "USA", "category": "nope"})
    assert str(error(r)["message"]).startswith(
        "field '--category': unknown category 'nope'; known:"
    )


def test_alliances_poland_and_finland(client: httpx.Client) -> None:
    def alliance(on: str) -> dict[str, str]:
        r = client.get("/api/alliances", params={"on": on})
        assert r.status_code == 200
        return {s["state"]: s["alliance"] for s in r.json()["states"]}

    a1998, a2024 = alliance("1998-12-31"), alliance("2024-12-31")
    assert (a1998["POL"], a1998["FIN"], a1998["RUS"]) == ("none", "none", "csto")
    assert (a2024["POL"], a2024["FIN"], a2024["RUS"]) == ("nato", "nato", "csto")


def test_alliances_state_not_yet_in_existence(client: httpx.Client) -> None:
    r = client.get("/api/alliances", params={"on": "1992-06-01"})
    svk = next(s for s in r.json()["states"] if s["state"] == "SVK")
    assert (svk["exists"], svk["alliance"]) == (False, "none")


def test_instrument_publishes_clauses_and_sources(client: httpx.Client) -> None:
    r = client.get("/api/instruments/inf-1987")
    assert r.status_code == 200
    body = r.json()
    assert body["short"] == "INF Treaty"
    assert body["clauses"]
    assert all(c["paraphrase"] and c["ref"] for c in body["clauses"])
    assert body["source"] in body["sources"]


def test_instrument_unknown(client: httpx.Client) -> None:
    r = client.get("/api/instruments/..%2F..%2Fetc%2Fpasswd")
    assert r.status_code in (404, 422)
    assert "error" in r.json()


def test_geo_countries_is_the_shipped_file(client: httpx.Client) -> None:
    r = client.get("/api/geo/countries")
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/geo+json"
    feats = r.json()["features"]
    assert len(feats) == 83
    assert {f["properties"]["iso3"] for f in feats} >= {"POL", "FIN", "RUS", "UKR"}


def test_meta(client: httpx.Client) -> None:
    body = client.get("/api/meta").json()
    assert body["coverage"] == {"start": "1945-06-26", "reviewed": "2026-11-23"}
    assert {o["id"] for o in body["organisations"]} == {"nato", "csto", "eu", "osce", "un", "cis"}


def test_openapi_schema_is_served(client: httpx.Client) -> None:
    r = client.get("/openapi.json")
    assert r.status_code == 200
    paths = r.json()["paths"]
    for p in ("/api/status", "/api/binding", "/api/changes", "/api/timeline", "/api/alliances"):
        assert p in paths


def test_unknown_route_is_json(client: httpx.Client) -> None:
    r = client.get("/api/nope")
    assert r.status_code == 404
    assert error(r)["message"] == "no such page or endpoint; the API is described at /openapi.json"


def test_pages_are_served_with_a_strict_csp(client: httpx.Client) -> None:
    for path in ("/map", "/timeline", "/scenario", "/statements"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert "default-src 'self'" in r.headers["content-security-policy"]
        assert "http://" not in r.text.replace("http://www.w3.org", "")
        assert "https://" not in r.text
