"""Every malformed scenario kind: its bad fixture fails with the pinned location and reason,
its good twin loads. Plus a fuzz test: only InputError ever escapes the loader."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indivisible._errors import InputError
from indivisible.world import load_scenario

FIX = Path(__file__).parent / "fixtures"
BAD = FIX / "bad"
GOOD = FIX / "good"

# kind -> (line, field, reason)
CASES: dict[str, tuple[int | None, str | None, str]] = {
    "unknown_key": (13, "deployments[0].colour", "unknown key 'colour'"),
    "unknown_state": (
        6,
        "deployments[0].host",
        "unknown state 'ROM' (not in the record); did you mean ROU or ARM?",
    ),
    "unknown_state_case": (
        14,
        "forces[0].host",
        "unknown state 'LAV' (not in the record); did you mean LVA?",
    ),
    "unknown_system": (
        8,
        "deployments[0].system",
        "unknown system 'sm-3-block-ic' (not in the catalogue nor in this scenario's systems); "
        "did you mean sm-3-block-ib or sm-3-block-iia?",
    ),
    "negative_count": (
        9,
        "deployments[0].count",
        "Input should be greater than or equal to 0 (got -24)",
    ),
    "latitude": (
        7,
        "deployments[0].site.lat",
        "Input should be less than or equal to 90 (got 95)",
    ),
    "longitude": (
        7,
        "deployments[0].site.lon",
        "Input should be less than or equal to 180 (got 190.5)",
    ),
    "end_before_start": (18, "exercises[0].end", "end 2021-09-09 is before start 2021-09-10"),
    "until_before_since": (
        11,
        "deployments[0].until",
        "until 2016-01-01 is before since 2016-05-12",
    ),
    "duplicate_id": (17, "exercises[0].id", "duplicate id 'deveselu' (first used at line 4)"),
    "malformed_date": (
        10,
        "deployments[0].since",
        "expected a date as YYYY-MM-DD (e.g. 2022-02-14), got '2016-02-30'",
    ),
    "unknown_org": (
        27,
        "accessions[0].org",
        "unknown organisation 'natto' (not in the record); did you mean nato?",
    ),
    "bad_posture": (
        15,
        "forces[0].posture",
        "Input should be 'permanent', 'rotational', 'temporary' or 'episodic' (got 'forever')",
    ),
    "bad_role": (
        14,
        "forces[0].role",
        "Input should be 'combat', 'support', 'training', 'air_policing' or 'peacekeeping' "
        "(got 'attack')",
    ),
    "bad_category": (
        21,
        "holdings[0].category",
        "Input should be 'battle_tank', 'acv', 'artillery', 'combat_aircraft', "
        "'attack_helicopter' or 'personnel' (got 'tank')",
    ),
    "bad_area": (21, "holdings[0].area", "expected atu, flank or an ISO3 code, got 'baltic'"),
    "bad_basis": (
        25,
        "uses_of_force[0].basis.UKR",
        "Input should be 'unsc_authorization', 'self_defence', 'consent' or 'none' "
        "(got 'aggression')",
    ),
    "unknown_source": (
        13,
        "deployments[0].source",
        "unknown source 'qqqq-zz' (not in the bibliography nor in this scenario's sources)",
    ),
    "new_system_incomplete": (
        23,
        "systems[0]",
        "new system 'new-missile' (not in the catalogue) needs 'class'",
    ),
    "negative_range": (
        23,
        "systems[0].range_km.RUS",
        "Input should be greater than or equal to 0 (got -480)",
    ),
    "duplicate_key": (10, None, "invalid YAML: duplicate key 'count'"),
    "missing_date": (
        1,
        "date",
        "required field is missing (a scenario without 'extends' needs an evaluation date)",
    ),
}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_bad_fixture_fails_with_located_reason(kind: str) -> None:
    path = BAD / f"{kind}.yaml"
    line, field, reason = CASES[kind]
    with pytest.raises(InputError) as err:
        load_scenario(path)
    exc = err.value
    assert (exc.path, exc.line, exc.field, exc.reason) == (str(path), line, field, reason)
    assert exc.exit_code == 2
    assert "\n" not in str(exc)
    where = f"{path}:{line}: " + (f"field '{field}': " if field else "")
    assert str(exc) == where + reason


@pytest.mark.parametrize("kind", sorted(CASES))
def test_good_twin_loads(kind: str) -> None:
    sc = load_scenario(GOOD / f"{kind}.yaml")
    assert sc.scenario == "Minimal"
    assert [d.id for d in sc.deployments] == ["deveselu"]


def test_not_a_mapping() -> None:
    path = BAD / "not_a_mapping.yaml"
    with pytest.raises(InputError) as err:
        load_scenario(path)
    assert str(err.value) == (
        f"{path}:1: expected a mapping of scenario keys (scenario, date, deployments, ...), "
        "got list"
    )


def test_cycle_in_extends_names_the_cycle() -> None:
    a, b = BAD / "cycle_a.yaml", BAD / "cycle_b.yaml"
    with pytest.raises(InputError) as err:
        load_scenario(a)
    exc = err.value
    assert (exc.path, exc.line, exc.field) == (str(b), 2, "extends")
    assert exc.reason == f"cycle in extends: {a} -> {b} -> {a}"


def test_missing_extends_file() -> None:
    path = BAD / "missing_extends.yaml"
    with pytest.raises(InputError) as err:
        load_scenario(path)
    exc = err.value
    assert (exc.path, exc.line, exc.field) == (str(path), 3, "extends")
    assert exc.reason == (
        f"no such file 'no-such-base.yaml' (looked for {BAD / 'no-such-base.yaml'}; "
        "paths are relative to the extending file)"
    )


def test_remove_of_unknown_id() -> None:
    path = BAD / "remove_unknown.yaml"
    with pytest.raises(InputError) as err:
        load_scenario(path)
    exc = err.value
    assert (exc.line, exc.field, exc.reason) == (
        3,
        "remove[0]",
        "no entry 'ex2' in the base scenario to remove; did you mean ex1?",
    )


def test_missing_file() -> None:
    with pytest.raises(InputError) as err:
        load_scenario(BAD / "nope.yaml")
    assert err.value.reason.startswith("cannot read file:")


# --------------------------------------------------------------------------- fuzz
KEYS = [
    "scenario",
    "date",
    "extends",
    "remove",
    "holdings",
    "deployments",
    "forces",
    "exercises",
    "systems",
    "uses_of_force",
    "accessions",
    "sites",
    "sources",
    "id",
    "owner",
    "host",
    "site",
    "lat",
    "lon",
    "system",
    "count",
    "since",
    "until",
    "posture",
    "state",
    "category",
    "area",
    "range_km",
    "class",
    "basis",
    "org",
    "on",
    "personnel",
    "start",
    "end",
    "radius_km",
    "x",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(
        [
            "2022-02-14",
            "2022-02-30",
            "RUS",
            "POL",
            "9m729",
            "nato",
            "flank",
            "permanent",
            "combat",
            "self_defence",
            "../x.yaml",
            "base.yaml",
        ]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(KEYS), inner, max_size=5),
    ),
    max_leaves=25,
)
documents = st.one_of(values, st.dictionaries(st.sampled_from(KEYS), values, max_size=8))


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(doc=documents)
def test_fuzz_only_input_error_escapes(tmp_path: Path, doc: object) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    try:
        load_scenario(path)
    except InputError as exc:
        assert "\n" not in exc.reason or "invalid YAML" in exc.reason
