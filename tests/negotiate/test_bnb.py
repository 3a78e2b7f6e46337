"""Beyond the exhaustive limit: the branch-and-bound finds exactly what exhaustion finds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml
from tests.negotiate._toy import TOY_AGGREGATION, toy_profile

from indivisible.negotiate import (
    SearchIncompleteWarning,
    SearchOptions,
    load_menu,
    load_perspectives,
    negotiate,
)

FIX = Path(__file__).parent / "fixtures"


def _dep(ident: str, owner: str, count: int, lat: float) -> dict[str, Any]:
    host = "RUS" if owner == "RUS" else "DEU"
    system = "iskander-m" if owner == "RUS" else "typhon"
    return {"id": ident, "owner": owner, "host": host, "system": system, "count": count,
            "since": "1990-01-01", "site": {"name": ident, "lat": lat, "lon": 20.0}}  # fmt: skip


def _scenario(record: Any, toy_scenario: Any, deps: list[dict[str, Any]]) -> Any:
    from indivisible.world import Deployment

    return toy_scenario.with_changes(
        add=[Deployment.model_validate(d) for d in deps], record=record
    )


def _measure(i: int, acts: list[dict[str, Any]], require: list[str] | None = None) -> Any:
    m: dict[str, Any] = {"id": f"m{i}", "summary": "generated", "proposed_by": "RUS",
                         "source": "neg-putin-2020-10-26", "implemented_by": ["RUS", "USA"],
                         "actions": acts}  # fmt: skip
    if require:
        m["require"] = require
    return m


def _write(tmp_path: Path, record: Any, measures: list[dict[str, Any]]) -> Any:
    p = tmp_path / "menu.yaml"
    p.write_text(yaml.safe_dump({"menu": "generated", "measures": measures}, sort_keys=False))
    return load_menu(p, record)


def _random(rng: np.random.Generator, n: int) -> tuple[list[dict[str, Any]], list[Any]]:
    """A baseline of RUS and USA deployments and ``n`` random measures on it."""
    base = [_dep(f"b{k}", "RUS" if k % 2 else "USA", int(rng.integers(1, 4)),
                 float(rng.uniform(45, 60))) for k in range(12)]  # fmt: skip
    repl = [_dep(f"r{k}", "RUS" if k % 2 else "USA", 1, 55.0) for k in range(4)]
    measures = []
    free_repl = [d["id"] for d in repl]
    for i in range(n):
        u = rng.random()
        owner = "RUS" if rng.random() < 0.5 else "USA"
        if u < 0.5:
            k = int(rng.integers(1, 3))
            ids = sorted(str(x) for x in rng.choice([d["id"] for d in base], size=k, replace=False))
            acts = [{"actor": owner, "remove": {"deployments": ids}}]
        elif u < 0.8 or not free_repl:
            d = _dep(f"n{i}", owner, int(rng.integers(1, 3)), float(rng.uniform(40, 60)))
            acts = [{"actor": owner, "add": {"deployments": [d]}}]
        else:
            rid = free_repl.pop()
            d = next(x for x in repl if x["id"] == rid)
            new = {**d, "count": int(rng.integers(1, 3)), "site": {**d["site"], "lat": 42.0}}
            acts = [{"actor": new["owner"], "add": {"deployments": [new]}}]
        req = [f"m{int(rng.integers(0, i))}"] if i > 0 and rng.random() < 0.15 else None
        measures.append(_measure(i, acts, req))
    return base + repl, measures


def _summary(r: Any) -> tuple[Any, ...]:
    comp = [(b.measures, b.gains, b.scores) for b in r.compatible]
    par = {p.measures: (p.equivalent, p.compatible, p.gains) for p in r.pareto}
    return comp, par


CASES = [(1, 18, "strict"), (2, 18, "weighted"), (3, 19, "strict"), (4, 20, "strict")]


@pytest.mark.parametrize(("seed", "n", "mode"), CASES)
def test_bnb_equals_exhaustive_on_random_menus(
    record: Any, toy_scenario: Any, tmp_path: Path, seed: int, n: int, mode: str
) -> None:
    rng = np.random.default_rng(seed)
    deps, measures = _random(rng, n)
    base = _scenario(record, toy_scenario, deps)
    menu = _write(tmp_path, record, measures)
    kw: dict[str, Any] = {"profiler": toy_profile, "aggregation": TOY_AGGREGATION,
                          "limit": None, "explain": 3, "mode": mode}  # fmt: skip
    if mode == "weighted":
        kw["perspectives"] = load_perspectives([FIX / "rus.yaml", FIX / "usa.yaml"], record)
    full = negotiate(record, base, menu, ["RUS", "USA"], SearchOptions(**kw))
    bnb = negotiate(
        record, base, menu, ["RUS", "USA"], SearchOptions(exhaustive_limit=12, leaf_bits=10, **kw)
    )
    assert full.exhaustive and full.bound is None
    assert not bnb.exhaustive
    b = bnb.bound
    assert b is not None and b["complete"] and b["unexplored"] == 0
    assert b["examined"] + b["pruned_bundles"] == 2**n
    assert _summary(bnb) == _summary(full)
    assert [x.explanation for x in bnb.compatible[:3]] == [
        x.explanation for x in full.compatible[:3]
    ]
    assert bnb.evaluated <= full.evaluated


def _thirty(record: Any, toy_scenario: Any, tmp_path: Path) -> tuple[Any, Any]:
    """16 measures that each remove a US launcher, 14 that move another one south."""
    gone = [_dep(f"g{k}", "USA", 1 + k % 3, 50.0 + k / 4) for k in range(16)]
    moved = [_dep(f"s{k}", "USA", 1, 52.0 + k / 4) for k in range(14)]
    measures = [_measure(k, [{"actor": "USA", "remove": {"deployments": [f"g{k}"]}}])
                for k in range(16)]  # fmt: skip
    for k in range(14):
        d = {**moved[k], "site": {**moved[k]["site"], "lat": 30.0 + k}}
        measures.append(_measure(16 + k, [{"actor": "USA", "add": {"deployments": [d]}}]))
    return _scenario(record, toy_scenario, gone + moved), _write(tmp_path, record, measures)


def test_thirty_measures_complete_with_a_bound(
    record: Any, toy_scenario: Any, tmp_path: Path
) -> None:
    base, menu = _thirty(record, toy_scenario, tmp_path)
    r = negotiate(record, base, menu, ["RUS"], SearchOptions(profiler=toy_profile,
                  aggregation=TOY_AGGREGATION, limit=3, explain=1))  # fmt: skip
    b = r.bound
    assert b is not None and not r.exhaustive
    assert b["complete"] and b["unexplored"] == 0
    assert b["examined"] == 2**16 and b["pruned_bundles"] == 2**30 - 2**16
    assert r.evaluated == 2**16
    # every non-empty set of removals (and nothing moved south) is compatible for Russia;
    # ranked by pairs improved (one: threat), then fewer measures
    assert [b.measures for b in r.compatible] == [("m0",), ("m1",), ("m2",)]
    assert [(p.measures, p.equivalent) for p in r.pareto] == [
        (tuple(f"m{k}" for k in range(16)), 1)
    ]
    js = r.to_json()
    assert js["exhaustive"] is False and js["bound"]["method"] == "branch_and_bound"
    assert any("branch-and-bound" in a for a in r.assumptions)


def test_budget_stop_is_stated(record: Any, toy_scenario: Any, tmp_path: Path) -> None:
    base, menu = _thirty(record, toy_scenario, tmp_path)
    with pytest.warns(SearchIncompleteWarning, match="neither evaluated nor pruned"):
        r = negotiate(record, base, menu, ["RUS", "USA"], SearchOptions(profiler=toy_profile,
                      aggregation=TOY_AGGREGATION, limit=3, explain=0,
                      max_evaluations=3 * 2**16))  # fmt: skip
    b = r.bound
    assert b is not None and b["complete"] is False
    assert b["unexplored"] > 0
    assert b["examined"] + b["pruned_bundles"] + b["unexplored"] == 2**30
    assert b["examined"] <= 3 * 2**16
    assert any("explored part only" in a for a in r.assumptions)


def test_non_decomposable_indicator_above_the_limit_is_an_error(
    record: Any, toy_scenario: Any, tmp_path: Path
) -> None:
    from indivisible._errors import InputError

    base, menu = _thirty(record, toy_scenario, tmp_path)
    agg = {**TOY_AGGREGATION, "warning": "exact"}
    with pytest.raises(InputError, match="warning are not declared decomposable"):
        negotiate(record, base, menu, ["RUS"], SearchOptions(profiler=toy_profile, aggregation=agg))


def test_cli_max_evaluations_is_checked(cli: Any) -> None:
    root = Path(__file__).parents[2]
    r = cli("negotiate", str(root / "examples/menus/europe-today-kaliningrad.yaml"),
            "--menu", str(root / "examples/menus/2020-2022-proposals.yaml"),
            "--parties", "RUS,USA", "--max-evaluations", "0")  # fmt: skip
    assert r.code == 2
    assert "max_evaluations and leaf_bits must be >= 1" in r.err


def test_bnb_draws_equal_exhaustive(record: Any, toy_scenario: Any, tmp_path: Path) -> None:
    rng = np.random.default_rng(5)
    deps, measures = _random(rng, 14)
    base = _scenario(record, toy_scenario, deps)
    menu = _write(tmp_path, record, measures)
    persp = load_perspectives([FIX / "rus.yaml", FIX / "usa.yaml"], record)
    kw: dict[str, Any] = {"profiler": toy_profile, "aggregation": TOY_AGGREGATION,
                          "limit": None, "explain": 0, "mode": "weighted",
                          "perspectives": persp, "draws": 300, "seed": 3}  # fmt: skip
    full = negotiate(record, base, menu, ["RUS", "USA"], SearchOptions(**kw))
    bnb = negotiate(
        record, base, menu, ["RUS", "USA"], SearchOptions(exhaustive_limit=8, leaf_bits=6, **kw)
    )
    assert bnb.bound is not None and bnb.bound["complete"]
    assert [(b.measures, b.probability) for b in bnb.compatible] == [
        (b.measures, b.probability) for b in full.compatible
    ]
    assert bnb.robust == full.robust
    assert any("pruned bundles are not drawn" in a for a in bnb.assumptions)


def test_bnb_with_global_measures(record: Any, toy_scenario: Any, tmp_path: Path) -> None:
    """Accessions are global changes: the bound takes every consistent global group."""
    rng = np.random.default_rng(11)
    deps, measures = _random(rng, 14)
    acc = {"actor": "UKR", "add": {"accessions": [
        {"state": "UKR", "org": "nato", "on": "1997-01-01"}]}}  # fmt: skip
    for i in (3, 12):  # one decided by the branch-and-bound, one inside the leaf blocks
        measures[i]["actions"].append(acc)
        measures[i]["implemented_by"] = ["RUS", "USA", "UKR"]
    base = _scenario(record, toy_scenario, deps)
    menu = _write(tmp_path, record, measures)
    kw: dict[str, Any] = {"profiler": toy_profile, "aggregation": TOY_AGGREGATION,
                          "limit": None, "explain": 2}  # fmt: skip
    full = negotiate(record, base, menu, ["RUS", "USA"], SearchOptions(**kw))
    bnb = negotiate(
        record, base, menu, ["RUS", "USA"], SearchOptions(exhaustive_limit=8, leaf_bits=5, **kw)
    )
    assert bnb.bound is not None and bnb.bound["complete"] and bnb.bound["pruned_bundles"] > 0
    assert _summary(bnb) == _summary(full)
