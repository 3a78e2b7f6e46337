"""Every malformed action kind: its fixture fails with the pinned file, line, field and
reason (one line, exit 2 through the CLI); the good twin loads and applies."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indivisible._errors import InputError
from indivisible.assess import Action, apply_action, load_action, parse_action
from indivisible.record import Record
from indivisible.world import load_scenario

FIX = Path(__file__).parent / "fixtures"
BAD = FIX / "bad"
GOOD = FIX / "good"

# kind -> (line, field, reason)
CASES: dict[str, tuple[int | None, str | None, str]] = {
    "unknown_key": (11, "add.deployments[0].colour", "unknown key 'colour'"),
    "unknown_top_key": (
        3,
        "date",
        "unknown key 'date' (known: action, actor, on, add, remove, instruments, others, "
        "source, note)",
    ),
    "remove_unknown": (
        5,
        "remove.deployments[1]",
        "no deployment 'iskander-b' in the baseline scenario 'Assess fixture baseline'; "
        "did you mean iskander-a?",
    ),
    "remove_wrong_group": (
        5,
        "remove.deployments[0]",
        "'bg-a' is a force of the baseline, not a deployment: list it under remove.forces",
    ),
    "unknown_instrument": (
        5,
        "instruments[0].id",
        "unknown instrument 'inf-1988' (not in the record); did you mean inf-1987 or npt-1968?",
    ),
    "unknown_event": (
        7,
        "instruments[0].event",
        "Input should be 'signed', 'ratified', 'acceded', 'succeeded', 'provisionally_applied', "
        "'entered_into_force', 'adopted', 'proposed', 'rejected', 'suspended', 'resumed', "
        "'notice_of_withdrawal', 'withdrawn', 'dissolved', 'ratification_withdrawn', 'expired' "
        "or 'terminated' (got 'quit')",
    ),
    "unknown_party": (
        5,
        "instruments[0].party",
        "unknown party 'US' (neither a state nor an organisation of the record); "
        "did you mean USA or RUS?",
    ),
    "unknown_state": (
        2,
        "actor[1]",
        "unknown state 'ROM' (not in the record); did you mean ROU or ARM?",
    ),
    "malformed_date": (
        3,
        "on",
        "expected a date as YYYY-MM-DD (e.g. 2025-01-01), got '2020-02-30'",
    ),
    "add_invalid": (
        10,
        "add.deployments[0].system",
        "unknown system 'tomahawk-gclm' (not in the catalogue nor in this scenario's systems); "
        "did you mean tomahawk-glcm or tomahawk?",
    ),
    "add_bad_host": (
        7,
        "add.forces[1].host",
        "unknown state 'LAV' (not in the record); did you mean LVA?",
    ),
    "add_negative": (
        11,
        "add.deployments[0].count",
        "Input should be greater than or equal to 0 (got -8)",
    ),
    "add_id_clash": (
        6,
        "add.deployments[0].id",
        "id 'bg-a' is already used by a force of the baseline; an added entry replaces one of "
        "its own section only",
    ),
    "missing_actor": (1, "actor", "required field is missing"),
    "unknown_source": (4, "source[1]", "unknown source 'qqqq-zz' (not in the bibliography)"),
    "duplicate_key": (3, None, "invalid YAML: duplicate key 'actor'"),
    "not_a_mapping": (
        1,
        None,
        "expected a mapping of action keys (action, actor, on, add...), got list",
    ),
}


@pytest.fixture(scope="module")
def rec() -> Record:
    return Record.load()


@pytest.fixture(scope="module")
def base(rec: Record):  # type: ignore[no-untyped-def]
    return load_scenario(GOOD / "base.yaml", rec)


def _load_and_apply(path: Path, rec: Record, base) -> None:  # type: ignore[no-untyped-def]
    a = load_action(path, rec)
    assert a.on is not None
    apply_action(a, base, rec, a.on)


def test_every_bad_fixture_has_a_case() -> None:
    assert sorted(p.stem for p in BAD.glob("*.yaml")) == sorted(CASES)


@pytest.mark.parametrize("kind", sorted(CASES))
def test_bad_action_is_located(kind: str, rec: Record, base) -> None:  # type: ignore[no-untyped-def]
    line, field, reason = CASES[kind]
    path = BAD / f"{kind}.yaml"
    with pytest.raises(InputError) as info:
        _load_and_apply(path, rec, base)
    err = info.value
    assert (err.path, err.line, err.field, err.reason) == (str(path), line, field, reason)
    assert err.exit_code == 2
    assert "\n" not in str(err)


def test_good_twin_loads_and_applies(rec: Record, base) -> None:  # type: ignore[no-untyped-def]
    a = load_action(GOOD / "action.yaml", rec)
    assert a.on is not None
    changed, rec2 = apply_action(a, base, rec, a.on)
    assert [d.id for d in changed.deployments] == ["iskander-a", "glcm-a"]
    assert [f.id for f in changed.forces] == []
    # the baseline and the record are unchanged: the action returns new ones
    assert [d.id for d in base.deployments] == ["iskander-a"]
    assert [f.id for f in base.forces] == ["bg-a"]
    assert rec.party_status("inf-1987", "USA", "2020-01-01") == "withdrawn"
    assert rec2 is not rec
    assert rec2.party_status("inf-1987", "USA", "2019-03-01") == "suspended"


def test_instrument_event_changes_status_in_the_new_record_only(rec: Record, base) -> None:  # type: ignore[no-untyped-def]
    a = Action.model_validate(
        {
            "action": "INF withdrawal, earlier",
            "actor": "USA",
            "on": "2019-03-01",
            "instruments": [{"id": "inf-1987", "party": "USA", "event": "withdrawn"}],
        }
    )
    assert a.on is not None
    _, rec2 = apply_action(a, base, rec, a.on)
    assert rec.party_status("inf-1987", "USA", "2019-03-01") == "suspended"
    assert rec2.party_status("inf-1987", "USA", "2019-03-01") == "withdrawn"


def test_error_through_the_cli_is_one_line_exit_2(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("assess", str(GOOD / "base.yaml"), "--action", str(BAD / "remove_unknown.yaml"))
    assert r.code == 2
    assert r.err.strip().splitlines() == [
        f"Error: {BAD / 'remove_unknown.yaml'}:5: field 'remove.deployments[1]': no deployment "
        "'iskander-b' in the baseline scenario 'Assess fixture baseline'; did you mean "
        "iskander-a?"
    ]
    assert "Traceback" not in r.err


def test_bad_on_option_through_the_cli(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli(
        "assess",
        str(GOOD / "base.yaml"),
        "--action",
        str(GOOD / "action.yaml"),
        "--on",
        "2020-13-01",
    )
    assert r.code == 2
    assert r.err.strip() == (
        "Error: field '--on': expected a date as YYYY-MM-DD (e.g. 1999-03-12), got '2020-13-01'"
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=8),
        lambda kids: (
            st.lists(kids, max_size=3)
            | st.dictionaries(
                st.sampled_from(["action", "actor", "on", "add", "remove", "instruments", "x"]),
                kids,
                max_size=4,
            )
        ),
        max_leaves=10,
    )
)
def test_only_input_errors_escape_the_parser(data: object) -> None:
    text = yaml.safe_dump(data)
    try:
        parse_action(yaml.safe_load(text), path="fuzz.yaml")
    except InputError as exc:
        assert exc.exit_code == 2


EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
EXAMPLE_ACTIONS = sorted((EXAMPLES / "actions").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLE_ACTIONS, ids=lambda p: p.stem)
def test_every_shipped_example_action_loads(path: Path, rec: Record) -> None:
    """A source dropped from the bibliography must not leave a shipped example citing it
    (an unknown source id is an :class:`InputError`, so this fails with its file and line)."""
    assert load_action(path, rec).action
