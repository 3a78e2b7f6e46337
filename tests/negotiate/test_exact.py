"""Exactness: the vectorised bundle values equal full recomputation with ``with_changes``.

The reference path folds each bundle's actions by hand (removed ids, added entries,
accessions) into ONE ``Scenario.with_changes`` call and runs ``indicators.profile`` on the
result; the kernel never sees it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml

from indivisible.indicators import profile
from indivisible.negotiate import compile_effects, load_menu
from indivisible.negotiate._kernel import contributions, profiles, values
from indivisible.negotiate._profile import AGGREGATION, keys_of, point_array
from indivisible.world import load_scenario

ROOT = Path(__file__).parents[2]
PARTIES = ["RUS", "BLR", "USA", "POL", "UKR"]
EXTRA = [
    {"id": "x-typhon-pol", "owner": "USA", "host": "POL", "system": "typhon", "count": 2,
     "since": "2020-01-01", "site": {"name": "Orzysz", "lat": 53.81, "lon": 21.95}},
    {"id": "x-iskander-blr", "owner": "RUS", "host": "BLR", "system": "iskander-m", "count": 3,
     "since": "2020-01-01", "site": {"name": "Brest", "lat": 52.1, "lon": 23.7}},
]  # fmt: skip


@pytest.fixture(scope="module")
def today(record: Any) -> Any:
    return load_scenario(ROOT / "examples/europe-today.yaml", record)


def _random_menu(rng: np.random.Generator, ids: list[str]) -> dict[str, Any]:
    measures = []
    for i in range(int(rng.integers(2, 4))):
        acts: list[dict[str, Any]] = []
        rm = sorted(str(x) for x in rng.choice(ids, size=int(rng.integers(0, 3)), replace=False))
        if rm:
            acts.append({"actor": "RUS", "remove": {"deployments": rm}})
        if rng.random() < 0.4:
            acts.append({"actor": "USA", "add": {"deployments": [EXTRA[int(rng.integers(0, 2))]]}})
        if rng.random() < 0.3:
            acts.append({"actor": "UKR", "add": {"accessions": [
                {"state": "UKR", "org": "nato", "on": "2025-01-01"}]}})  # fmt: skip
        measures.append(
            {"id": f"m{i}", "summary": "random", "proposed_by": "RUS",
             "source": "neg-putin-2020-10-26", "implemented_by": ["RUS", "USA", "UKR"],
             "actions": acts}
        )  # fmt: skip
    return {"menu": "random", "measures": measures}


def _reference(
    record: Any, base: Any, menu: Any, mask: int, readings: list[str] | None = None
) -> Any:
    remove: list[str] = []
    add: dict[tuple[str, Any], Any] = {}
    for i, mid in enumerate(menu.ids):
        if not (mask >> i) & 1:
            continue
        for a in menu.actions(mid):
            remove += [x for x in a.remove.ids() if x not in remove]
            for x in a.add.entries():
                add[(type(x).__name__, getattr(x, "id", None) or x.key)] = x
    sc = base.with_changes(add=list(add.values()), remove=remove, record=record)
    # under the readings compared (ranges as bounds: a bundle without a system still has
    # values under its readings and the ends of its intervals), as the search evaluates
    return profile(record, sc, base.date, states=PARTIES, evaluate_under=readings or None)


def _readings(keys: Any) -> list[str]:
    return list(
        dict.fromkeys(
            k[len(i) + 1 : -1] for k, i in zip(keys.names, keys.indicator, strict=True) if k != i
        )
    )


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2])
def test_vectorised_equals_recomputation_on_random_menus(
    record: Any, today: Any, tmp_path: Path, seed: int
) -> None:
    rng = np.random.default_rng(seed)
    ids = [d.id for d in today.deployments_on()]
    # removals here never collide with additions (EXTRA ids are new), as the rule demands
    p = tmp_path / "menu.yaml"
    p.write_text(yaml.safe_dump(_random_menu(rng, ids)))
    menu = load_menu(p, record)
    eff = compile_effects(menu, today)
    base_prof = profile(record, today, today.date, states=PARTIES)
    profs = profiles(eff, profile, record, today, today.date, PARTIES, draws=0, seed=None)
    assert len(profs) == 1 << len(eff.global_measures)
    assert {len(r) for r in profs} == {1 + len(eff.slots)}
    keys = keys_of(base_prof.table, PARTIES, AGGREGATION, *(p.table for r in profs for p in r))
    c = contributions(profs, PARTIES, keys, draws=0)
    dec = np.array([a != "exact" for a in keys.aggregation])
    assert dec.sum() >= 15  # every indicator but the distinct-system count is decomposed
    masks = np.arange(1 << eff.n, dtype=np.int64)
    got = values(eff, c, masks)
    for m in masks.tolist():
        ref = point_array(_reference(record, today, menu, m, _readings(keys)).table, PARTIES, keys)
        np.testing.assert_allclose(got[m][:, dec], ref[:, dec], rtol=0, atol=1e-9)
        assert np.isnan(got[m][:, ~dec]).all()  # exact keys are left to recomputation
    # the empty bundle is the baseline itself
    base = point_array(base_prof.table, PARTIES, keys)
    np.testing.assert_array_equal(got[0][:, dec], base[:, dec])


def test_toy_min_and_draws_decompose_exactly(record: Any, toy_scenario: Any) -> None:
    from tests.negotiate._toy import TOY_AGGREGATION, toy_profile

    menu = load_menu(Path(__file__).parent / "fixtures/toy-menu.yaml", record)
    eff = compile_effects(menu, toy_scenario)
    pro = toy_profile(record, toy_scenario, toy_scenario.date)
    keys = keys_of(pro.table, ["RUS", "USA"], TOY_AGGREGATION)
    from indivisible.negotiate._profile import evaluate

    profs = profiles(eff, toy_profile, record, toy_scenario, toy_scenario.date, ["RUS", "USA"],
                     draws=7, seed=11)  # fmt: skip
    c = contributions(profs, ["RUS", "USA"], keys, draws=7)
    got = values(eff, c, np.arange(8, dtype=np.int64))
    from indivisible.negotiate import apply_bundle

    for m in range(8):
        sc, rec = apply_bundle(eff, toy_scenario, record, toy_scenario.date, m)
        ev = evaluate(
            toy_profile, rec, sc, toy_scenario.date, ["RUS", "USA"], keys, draws=7, seed=11
        )
        assert ev.draws is not None
        np.testing.assert_allclose(got[m], ev.draws, rtol=1e-12, atol=1e-12)
