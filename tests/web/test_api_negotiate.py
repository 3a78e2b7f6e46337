"""API tests of the bundled menus and the package search (a job with progress and cancel)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx
import pytest

EXAMPLES = Path(__file__).parents[2] / "examples"
MENU = "2020-2022-proposals"
MEASURES = [
    "us-no-glm-germany",
    "ru-no-9m729-west",
    "no-glm-abroad",
    "no-glm-in-reach",
    "aegis-transparency",
    "exercise-pullback",
    "ukraine-posture-restraint",
    "new-start-follow-on",
    "vienna-document-modernised",
    "no-further-enlargement",
]
# Russia and Belarus over three measures: the US battery's removal (which the 9M729 offer
# requires) makes both safer and costs neither anything on the profile; Ukraine posture
# restraint is the menu's one measure outside the model (no actions).
SMALL = {
    "menu": MENU,
    "parties": ["RUS", "BLR"],
    "measures": ["us-no-glm-germany", "ru-no-9m729-west", "ukraine-posture-restraint"],
}


def wait_job(client: httpx.Client, job_id: str) -> dict[str, Any]:
    for _ in range(1200):
        job: dict[str, Any] = client.get(f"/api/jobs/{job_id}").json()
        if job["state"] not in ("queued", "running"):
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} did not finish")


def searched(client: httpx.Client, body: dict[str, Any]) -> dict[str, Any]:
    r = client.post("/api/negotiate", json=body)
    assert r.status_code == 202, r.text
    assert r.json()["kind"] == "negotiate"
    return wait_job(client, r.json()["id"])


def test_menus_lists_the_shipped_menu(client: httpx.Client) -> None:
    body = client.get("/api/menus").json()
    menu = next(m for m in body["menus"] if m["name"] == MENU)
    assert menu["title"] == "2020-2022 proposals and answers"
    assert [m["id"] for m in menu["measures"]] == MEASURES
    first = menu["measures"][0]
    assert (first["proposed_by"], first["implemented_by"], first["actions"]) == (
        ["RUS"],
        ["USA"],
        1,
    )
    assert menu["measures"][1]["require"] == ["us-no-glm-germany"]
    assert menu["measures"][3]["extend"] == ["no-glm-abroad"]
    assert menu["baseline"] is not None
    assert body["perspectives"] == ["BLR", "DEU", "LTU", "POL", "RUS", "USA"]
    assert {m["name"] for m in body["menus"]} | {s["name"] for s in body["skipped"]} == {
        p.stem for p in (EXAMPLES / "menus").glob("*.yaml")
    }


def test_a_package_search_with_progress(client: httpx.Client) -> None:
    job = searched(client, SMALL)
    assert job["state"] == "done", job["error"]
    # 3 measures and what they require: 8 bundles, 6 feasible; 16 profile evaluations
    assert job["progress"] == {
        "done": 16,
        "total": 16,
        "fraction": 1.0,
        "message": "6 of 8 bundles evaluated",
    }
    r = job["result"]
    assert (r["menu_name"], r["parties"], r["mode"]) == (MENU, ["RUS", "BLR"], "strict")
    assert (r["evaluated"], r["exhaustive"], r["bound"], r["profile_calls"]) == (6, True, None, 16)
    compatible = [b for b in r["bundles"] if b["compatible"]]
    # ranges as bounds (#12 item 2): at the outer end of the US interval for the 9M729
    # ("at least 500 km", up to 5,500 km) its removal costs Russia counter-reach, so the
    # bundles with ru-no-9m729-west are no longer compatible in strict mode
    assert [b["measures"] for b in compatible] == [
        ["us-no-glm-germany"],
        ["us-no-glm-germany", "ukraine-posture-restraint"],
    ]
    first = compatible[0]
    assert (first["better"], first["worse"], first["probability"]) == (["RUS", "BLR"], [], None)
    assert first["gains"]["RUS"]["exposure_launchers[USA]"] == 1.0
    # one gain per reading, the ends of the interval readings included (ranges as bounds):
    # the Typhon's removal lowers Russia's and Belarus's exposure under every one of them
    gives = first["why"]["gives"]
    assert list(gives) == ["us-no-glm-germany"]
    for party in ("RUS", "BLR"):
        got = gives["us-no-glm-germany"][party]
        assert {k.split("[")[0] for k in got} == {"exposure_launchers", "exposure_systems"}
        assert {k: got[k] for k in ("exposure_launchers[RUS]", "exposure_launchers[USA]")} == {
            "exposure_launchers[RUS]": 1.0,
            "exposure_launchers[USA]": 1.0,
        }
        assert "exposure_launchers[RUS (inner)]" in got
    assert first["why"]["pays"] == {"RUS": [], "BLR": []}
    assert [(p["measures"], p["equivalent"], p["compatible"]) for p in r["pareto"]] == [
        (["us-no-glm-germany"], 2, True)  # 4 before ru-no-9m729-west registered at its outer end
    ]


def test_the_search_is_the_librarys_json(client: httpx.Client) -> None:
    from indivisible.negotiate import SearchOptions, load_menu, negotiate
    from indivisible.record import Record
    from indivisible.web._api import plain
    from indivisible.world import load_scenario

    rec = Record.load()
    menu = load_menu(EXAMPLES / "menus" / f"{MENU}.yaml", rec)
    base = load_scenario(EXAMPLES / "menus" / str(menu.baseline), rec)
    sub = menu.subset(list(SMALL["measures"]))
    want = plain(negotiate(rec, base, sub, ["RUS", "BLR"], SearchOptions(limit=200)).to_json())
    got = searched(client, SMALL)["result"]
    for extra in ("menu_name", "baseline_name", "warnings"):
        got.pop(extra)
    assert got == want


def test_a_search_can_be_cancelled(client: httpx.Client) -> None:
    r = client.post("/api/negotiate", json={"menu": MENU, "parties": ["RUS", "USA"]})
    assert r.status_code == 202
    job_id = r.json()["id"]
    for _ in range(400):
        job = client.get(f"/api/jobs/{job_id}").json()
        if job["state"] == "running" and job["progress"]["done"] > 0:
            break
        time.sleep(0.05)
    assert job["progress"]["total"] > job["progress"]["done"] > 0
    client.post(f"/api/jobs/{job_id}/cancel")
    job = wait_job(client, job_id)
    assert (job["state"], job["result"]) == ("cancelled", None)
    assert client.get("/api/menus").status_code == 200


def test_an_indicator_error_found_by_the_search_fails_the_job(client: httpx.Client) -> None:
    job = searched(client, {**SMALL, "indicator": ["nope"]})
    assert job["state"] == "failed"
    assert job["error"]["message"].startswith(
        "field '--indicators': unknown indicator 'nope' (profile indicators: "
    )


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"draws": -1}, "field '--draws': draws must be >= 0, got -1"),
        (
            {"draws": 10},
            "field 'seed': draws need a seed (or rng) so that the run can be reproduced",
        ),
        ({"level": 1.5}, "field '--level': level must lie in [0, 1], got 1.5"),
    ],
)
def test_the_searchs_own_checks_fail_the_job_with_its_message(
    client: httpx.Client, extra: dict[str, Any], message: str
) -> None:
    job = searched(client, {**SMALL, **extra})
    assert (job["state"], job["error"]["message"]) == ("failed", message)


def test_a_search_with_seeded_draws(client: httpx.Client) -> None:
    job = searched(client, {**SMALL, "draws": 20, "seed": 7, "level": 0.5})
    assert job["state"] == "done", job["error"]
    r = job["result"]
    assert (r["draws"], r["seed"], r["level"]) == (20, 7, 0.5)
    compatible = [b for b in r["bundles"] if b["compatible"]]
    # (the two bundles with ru-no-9m729-west, 0.65 before, are not compatible at the
    # outer end of the 9M729's US interval)
    assert [b["probability"] for b in compatible] == [1.0, 1.0]
    assert r["robust"] == [b["measures"] for b in compatible]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            {"menu": "nope", "parties": ["RUS"]},
            "field '--menu': unknown example menu 'nope'; known: ",
        ),
        (
            {"menu": "../menus/2020-2022-proposals", "parties": ["RUS"]},
            "field '--menu': unknown example menu '../menus/2020-2022-proposals'; did you mean "
            "'2020-2022-proposals'?; known: ",
        ),
        (
            {"menu": MENU, "parties": ["RUS"], "measures": ["zzz"]},
            "field 'measures': no measure 'zzz' in menu '2020-2022 proposals and answers'; "
            "measures: " + ", ".join(MEASURES),
        ),
        (
            {"menu": MENU, "parties": ["XXX"]},
            "field '--parties': unknown state or organisation 'XXX' (states are ISO 3166-1 "
            "alpha-3 codes such as POL; organisations: cis, csto, eu, nato, osce, un)",
        ),
        (
            {"menu": MENU, "parties": []},
            "field '--parties': expected distinct parties, at least one",
        ),
        (
            {"menu": MENU, "parties": ["RUS"], "mode": "lenient"},
            "field '--mode': mode must be strict or weighted, got 'lenient'",
        ),
        (
            {"menu": MENU, "parties": ["RUS"], "draws": 1001},
            "field '--draws': at most 1000 draws over the web (the CLI has no limit), got 1001",
        ),
        (
            {"menu": MENU, "parties": ["RUS"], "seed": -1},
            "field '--seed': expected a non-negative seed, got -1",
        ),
        (
            {"menu": MENU, "parties": ["RUS"], "on": "2026-02-30"},
            "field '--on': expected a date as YYYY-MM-DD (e.g. 1999-03-12), got '2026-02-30'",
        ),
        (
            {"menu": MENU, "parties": ["RUS"], "scenario": "nope"},
            "field 'scenario': unknown example scenario 'nope'; known: ",
        ),
        (
            {"menu": MENU, "parties": ["RUS"], "scenario": "europe-2022-02"},
            "menus/2020-2022-proposals.yaml: field 'measures.us-no-glm-germany': measure "
            "'us-no-glm-germany' removes deployment 'us-lrf-germany', which the baseline "
            "'Europe, February 2022 (public reporting)' lacks",
        ),
        ({"parties": ["RUS"]}, "field 'menu': required parameter is missing"),
        ({"menu": MENU, "parties": ["RUS"], "colour": "red"}, None),
    ],
)
def test_negotiate_errors(client: httpx.Client, body: dict[str, Any], message: str | None) -> None:
    r = client.post("/api/negotiate", json=body)
    assert r.status_code == 422, r.text
    err = r.json()["error"]["message"]
    if message is not None:
        assert err.startswith(message), err
        if not message.endswith("known: "):
            assert err == message
    assert "/work" not in err and "/tmp" not in err
