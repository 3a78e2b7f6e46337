"""The assess front door: JSON contract, no mutation, randomness ownership, at_expense, report."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np
import pytest

from indivisible._errors import InputError
from indivisible.assess import Action, assess, at_expense, load_action, outcome, verdict_of
from indivisible.record import Record
from indivisible.world import Deployment, Site, load_scenario

ROOT = Path(__file__).resolve().parents[2]
BASE = ROOT / "examples/actions/baselines/europe-2018-02-04.yaml"
ACTION = ROOT / "examples/actions/iskander-kaliningrad-2018.yaml"
# Pinned on two indicators so that the numbers do not move while the profile grows.
PINNED = ["exposure_launchers", "alliance_cover"]


@pytest.fixture(scope="module")
def rec() -> Record:
    return Record.load()


def test_json_contract_and_pinned_headline(rec: Record) -> None:
    # pinned under the alliance reading (every state outside one's alliance a threat)
    base = load_scenario(BASE, rec)
    result = assess(rec, base, load_action(ACTION, rec), indicators=PINNED, threats="alliance")
    out = result.to_json()
    assert {"deltas", "verdicts", "engaged", "findings_added", "findings_removed"} <= set(out)
    assert set(out["deltas"][0]) >= {"state", "indicator", "before", "after", "change", "better"}
    assert set(out["verdicts"][0]) >= {"actor", "other", "verdict", "probability"}
    assert set(out["engaged"][0]) >= {"instrument", "clause", "parties"}
    pol = [
        d for d in out["deltas"] if d["state"] == "POL" and d["indicator"] == "exposure_launchers"
    ]
    # ranges as bounds: one delta per reading of the Iskander-M's range (Russia's "up to
    # 500 km", its inner end 50 km, CSIS's "about 500 km"); at 50 km Poland is out of reach
    one = {
        "state": "POL",
        "indicator": "exposure_launchers",
        "before": 0.0,
        "after": 1.0,
        "change": 1.0,
        "better": False,
        "unit": "count",
        "direction": "higher_is_less_safe",
        "tolerance": 1e-09,
    }
    inner = {**one, "after": 0.0, "change": 0.0, "better": None}
    assert pol == [
        {**one, "reading": "RUS"},
        {**inner, "reading": "RUS (inner)"},
        {**one, "reading": "csis"},
    ]
    changed = sorted((v["actor"], v["other"], v["verdict"]) for v in out["verdicts"]
                     if v["verdict"] != "neutral")  # fmt: skip
    assert changed == [
        ("RUS", "LTU", "other_loses"),
        ("RUS", "LVA", "other_loses"),
        ("RUS", "POL", "other_loses"),
    ]
    # the not-at-the-expense commitments binding Russia and each Baltic state or Poland, as
    # the rules tag them: 3 pairs x 5 clauses (Paris's principle clause left the record, #12)
    assert sorted({e["instrument"] for e in out["engaged"]}) == [
        "astana-declaration-2010",
        "code-of-conduct-1994",
        "founding-act-1997",
        "istanbul-charter-1999",
        "rome-declaration-2002",
    ]
    assert len(out["engaged"]) == 15
    json.dumps(out)  # serialisable


def test_baseline_is_never_mutated(rec: Record) -> None:
    base = load_scenario(BASE, rec)
    snapshot = base.model_dump()
    result = assess(rec, base, load_action(ACTION, rec))
    assert base.model_dump() == snapshot
    assert result.changed is not None
    assert [d.id for d in result.changed.deployments_on(result.on)] == [
        "deveselu",
        "iskander-kaliningrad",
    ]


def test_seed_and_rng_exclude_each_other(rec: Record) -> None:
    base = load_scenario(BASE, rec)
    act = load_action(ACTION, rec)
    with pytest.raises(InputError, match="give seed or rng, not both"):
        assess(rec, base, act, seed=1, rng=np.random.default_rng(1))


def test_at_expense_gives_the_verdicts_for_the_rules(rec: Record) -> None:
    base = load_scenario(BASE, rec)
    act = Action.of(
        "Iskander-M at Chernyakhovsk",
        "RUS",
        add=[
            Deployment(
                id="isk",
                owner=("RUS",),
                host="RUS",
                site=Site(name="Chernyakhovsk", lat=54.63, lon=21.82),
                system="iskander-m",
                count=12,
                since="2018-01-01",
            )
        ],
    )
    vs = at_expense(rec, base, act, "2018-02-05", indicators=PINNED)
    pol = [v for v in vs if v.other == "POL"]
    assert [(v.actor, v.verdict, v.probability, v.other_worse) for v in pol] == [
        # ranges as bounds: at the inner end of the Iskander-M interval (50 km) Poland is
        # out of reach, so the verdict holds in 2 of 3 readings, per reading
        ("RUS", "other_loses", 2 / 3, ("exposure_launchers [RUS]", "exposure_launchers [csis]"))
    ]


def test_outcome_and_verdict_tables() -> None:
    assert outcome([]) == "neutral"
    assert verdict_of("gain", "gain") == "mutual_gain"
    assert verdict_of("gain", "loss") == "at_expense"
    assert verdict_of("loss", "loss") == "mutual_loss"
    assert verdict_of("loss", "gain") == "at_own_expense"


def test_report_is_one_self_contained_file(rec: Record, tmp_path: Path) -> None:
    from indivisible.assess._report import write_report

    base = load_scenario(BASE, rec)
    result = assess(rec, base, load_action(ACTION, rec), indicators=PINNED)
    path = write_report(result, tmp_path / "r.html")
    html = path.read_text(encoding="utf-8")
    assert "http://" not in html and "https://" not in html
    assert "<script" not in html and "<link" not in html
    head = 'src="data:image/png;base64,'
    start = html.index(head) + len(head)
    png = base64.b64decode(html[start : html.index('"', start)])
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert "para 8 (second principle)" in html
    assert "other_loses" in html


def test_cli_json_and_map(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    png = tmp_path / "m.png"
    r = cli("assess", str(BASE), "--action", str(ACTION), "--format", "json", "--map", str(png))
    assert r.code == 0, r.err
    out = json.loads(r.out)
    assert out["on"] == "2018-02-05"
    assert out["findings_added"][0]["subject"] == "iskander-kaliningrad"
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_draw_evaluations_share_of_draws() -> None:
    import pandas as pd

    from indivisible.assess._assess import _draw_evaluations, _verdicts
    from indivisible.assess.types import Tolerance

    rows_b, rows_a = [], []
    for k in range(4):
        for s in ("RUS", "POL"):
            rows_b.append({"state": s, "indicator": "x", "draw": k, "value": 10.0})
            # POL worse (higher x) in draws 0-2, unchanged in draw 3; RUS never moves
            worse = s == "POL" and k < 3
            rows_a.append(
                {"state": s, "indicator": "x", "draw": k, "value": 12.0 if worse else 10.0}
            )
    n, codes = _draw_evaluations(
        pd.DataFrame(rows_b), pd.DataFrame(rows_a), Tolerance(), {"x": "higher_is_less_safe"}
    )
    (v,) = _verdicts(["RUS"], ["POL"], codes, n, "draws", ())
    assert (n, v.verdict, v.probability, dict(v.distribution)) == (
        4,
        "other_loses",
        0.75,
        {"neutral": 0.25, "other_loses": 0.75},
    )


def test_draws_through_the_real_profile_are_seeded(rec: Record) -> None:
    base = load_scenario(BASE, rec)
    act = load_action(ACTION, rec)
    a = assess(rec, base, act, draws=20, seed=7, indicators=PINNED, threats="alliance")
    b = assess(rec, base, act, draws=20, seed=7, indicators=PINNED, threats="alliance")
    pol_a = [v for v in a.verdicts if v.other == "POL"]
    assert pol_a == [v for v in b.verdicts if v.other == "POL"]
    assert [(v.verdict, v.probability, v.basis, v.n) for v in pol_a] == [
        ("other_loses", 1.0, "draws", 20)
    ]
    assert a.seed == 7
