"""Bounded YAML: aliases, nesting, node counts and tags are limited before anything is built.

The hostile documents of issue #11 (a long string repeated by aliases, billion laughs in a
menu and in a weights file, a weights file nested 20,000 deep) go through the one reader
every command uses, and through the CLI: exit 2, one located line, and a memory growth far
below the 200 MB the issue allows (measured with tracemalloc, not with a clock).
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from indivisible._errors import InputError
from indivisible._yaml import (
    MAX_ALIAS_CHARS,
    MAX_ALIAS_NODES,
    MAX_DEPTH,
    MAX_NODES,
    compose_input,
    load_yaml,
    read_yaml_nodes,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
MB = 1_000_000


def laughs(levels: int = 9, width: int = 9) -> str:
    """A flow list of anchors ``levels`` deep, each repeating the one below ``width`` times."""
    inner = '&a0 ["lol"]'
    for i in range(1, levels + 1):
        inner = f"&a{i} [" + inner + f",*a{i - 1}" * (width - 1) + "]"
    return inner


def long_string_repeated(total: int = 140_000, size: int = 100_000) -> str:
    """A scenario of ``total`` bytes: one ``size``-character string, then aliases to it."""
    head = f'scenario: t\ndate: 2020-01-01\nnote: &s "{"x" * size}"\nremove:\n'
    return head + "- *s\n" * ((total - len(head)) // 5)


def weights_laughs() -> str:
    return "weights:\n  exposure_launchers: " + laughs() + "\n"


def menu_laughs() -> str:
    return (
        "menu: m\nmeasures:\n  - id: m1\n    summary: s\n    proposed_by: [RUS]\n"
        "    source: neg-putin-2020-10-26\n    implemented_by: [RUS]\n    actions:\n"
        "      - actor: RUS\n        add:\n          deployments: " + laughs() + "\n"
    )


def deep(depth: int = 20_000, flow: str = "[]") -> str:
    return "weights:\n  exposure_launchers: " + flow[0] * depth + flow[1] * depth + "\n"


@pytest.fixture
def memory() -> Iterator[Callable[[], int]]:
    """The peak of Python allocations (bytes) since the test started."""
    tracemalloc.start()
    yield lambda: tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()


def refused(path: Path, *, reader: Callable[[Path], Any] = lambda p: read_yaml_nodes(p, p)) -> str:
    with pytest.raises(InputError) as info:
        reader(path)
    message = str(info.value)
    assert "\n" not in message
    return message


HOSTILE = {
    "alias-140k.yaml": (long_string_repeated, "characters of text"),
    "menu-laughs.yaml": (menu_laughs, "values"),
    "weights-laughs.yaml": (weights_laughs, "values"),
    "top-laughs.yaml": (lambda: "lol: " + laughs(10, 10) + "\n", "values"),
    "deep-list.yaml": (deep, "nested"),
    "deep-map.yaml": (lambda: "weights:\n  x: " + "{a: " * 20_000 + "1" + "}" * 20_000, "nested"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_documents_are_refused_with_a_line_before_they_grow(
    tmp_path: Path, name: str, memory: Callable[[], int]
) -> None:
    make, what = HOSTILE[name]
    path = tmp_path / name
    path.write_text(make(), encoding="utf-8")
    message = refused(path)
    assert message.startswith(f"{path}:")
    assert what in message
    line = int(message.split(":")[1])
    assert line >= 1
    assert memory() < 20 * MB  # the issue allows 200 MB; nothing was expanded


def test_the_issue_sizes(tmp_path: Path) -> None:
    """The documents are the issue's: 140 KB, under 640 and 470 bytes."""
    assert 139_000 < len(long_string_repeated()) <= 140_000
    assert len(menu_laughs()) <= 636
    assert len(weights_laughs()) <= 468


def test_the_record_reader_is_bounded_too(tmp_path: Path) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text("states: " + laughs() + "\n", encoding="utf-8")
    message = refused(path, reader=load_yaml)
    assert "aliases repeat more than" in message


def test_alias_bounds_are_exact(tmp_path: Path) -> None:
    """Aliases may repeat up to the limits, not one character or value more."""
    size = 1000
    n = MAX_ALIAS_CHARS // size
    head = f'a: &s "{"x" * size}"\nb:\n'
    ok = tmp_path / "ok.yaml"
    ok.write_text(head + "- *s\n" * n, encoding="utf-8")
    data, _ = read_yaml_nodes(ok, ok)
    assert len(data["b"]) == n and data["b"][0] == "x" * size
    over = tmp_path / "over.yaml"
    over.write_text(head + "- *s\n" * n + "- *s\n", encoding="utf-8")
    assert f"{over}:{3 + n}: aliases repeat more than" in refused(over)

    values = tmp_path / "values.yaml"
    values.write_text(
        "a: &v [1, 2, 3, 4]\nb:\n" + "- *v\n" * (MAX_ALIAS_NODES // 5), encoding="utf-8"
    )
    assert len(read_yaml_nodes(values, values)[0]["b"]) == MAX_ALIAS_NODES // 5
    values.write_text(
        "a: &v [1, 2, 3, 4]\nb:\n" + "- *v\n" * (MAX_ALIAS_NODES // 5 + 1), encoding="utf-8"
    )
    assert f"values (at most {MAX_ALIAS_NODES:,}" in refused(values)


def test_nesting_bound_is_exact_and_counts_through_aliases(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text("[" * MAX_DEPTH + "]" * MAX_DEPTH, encoding="utf-8")
    read_yaml_nodes(path, path)
    path.write_text("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), encoding="utf-8")
    assert f"{path}:1: nested more than {MAX_DEPTH} levels deep" == refused(path)
    half = MAX_DEPTH // 2 + 1
    path.write_text(
        "a: &d " + "[" * half + "]" * half + "\nb: " + "[" * half + "*d" + "]" * half + "\n",
        encoding="utf-8",
    )
    assert "(through the alias *d)" in refused(path)


def test_node_count_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    path.write_text("[" + "1," * MAX_NODES + "1]", encoding="utf-8")
    assert f"more than {MAX_NODES:,} values in one document" in refused(path)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("a: &x [1, *x]\n", "the alias *x refers to a list or mapping that contains it"),
        ("a: &x {b: *x}\n", "the alias *x refers to a list or mapping that contains it"),
        ("a: !!binary aGk=\n", "the YAML tag 'tag:yaml.org,2002:binary' is not accepted"),
        ("a: !!set {x}\n", "the YAML tag 'tag:yaml.org,2002:set' is not accepted"),
        ("a: !!omap [b: 1]\n", "the YAML tag 'tag:yaml.org,2002:omap' is not accepted"),
        ("a: !!python/object:os.system {}\n", "the YAML tag"),
        ("a: !local 1\n", "the YAML tag '!local' is not accepted"),
        ("b: 1\n!!merge <<: {c: 2}\n", "merge keys ('<<') are not accepted"),
    ],
)
def test_only_plain_values(tmp_path: Path, text: str, reason: str) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    message = refused(path)
    assert reason in message
    assert message.startswith(f"{path}:")


def test_plain_documents_and_small_aliases_still_load(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text(
        "site: &s {lat: 54.7, lon: 20.5}\nsites: [*s, *s]\nmerge: <<\nsign: =\n"
        "n: !!int 3\nt: !!str 2020-01-01\nd: 2020-02-30\n",
        encoding="utf-8",
    )
    data, node = read_yaml_nodes(path, path)
    assert data["sites"] == [{"lat": 54.7, "lon": 20.5}] * 2
    assert (data["merge"], data["sign"], data["n"], data["t"]) == ("<<", "=", 3, "2020-01-01")
    assert data["d"] == "2020-02-30"  # a malformed date stays text, reported by the model
    assert node is not None


def test_every_bundled_example_is_within_the_bounds() -> None:
    files = sorted(EXAMPLES.rglob("*.yaml"))
    assert len(files) > 10
    for f in files:
        read_yaml_nodes(f, f)


def test_compose_input_reads_structure_whatever_the_values(tmp_path: Path) -> None:
    node = compose_input("note: 2023-02-30\nn: !!int x\nextends: /etc/passwd\n", "u.yaml")
    assert node is not None
    assert [(k.value, v.value) for k, v in node.value][2] == ("extends", "/etc/passwd")
    with pytest.raises(InputError, match=r"^u\.yaml:1: aliases repeat"):
        compose_input("a: " + laughs() + "\n", "u.yaml")
    with pytest.raises(InputError, match=r"^u\.yaml:2: invalid YAML"):
        compose_input("a: [unclosed\n", "u.yaml")


# --------------------------------------------------------------------------- the CLI
@pytest.fixture
def hostile(tmp_path: Path) -> Callable[[str], Path]:
    def write(name: str) -> Path:
        path = tmp_path / name
        path.write_text(HOSTILE[name][0](), encoding="utf-8")
        return path

    return write


def test_cli_refuses_hostile_weights_menus_and_scenarios(
    cli: Any, hostile: Callable[[str], Path], memory: Callable[[], int]
) -> None:
    scenario = str(EXAMPLES / "europe-today.yaml")
    menu, laughing = str(hostile("menu-laughs.yaml")), str(hostile("weights-laughs.yaml"))
    runs = {
        "weights laughs": cli("profile", scenario, "--weights", laughing),
        "weights deep": cli("profile", scenario, "--weights", str(hostile("deep-list.yaml"))),
        "menu laughs": cli("negotiate", scenario, "--menu", menu, "--parties", "RUS,USA"),
        "alias string": cli("check", str(hostile("alias-140k.yaml"))),
    }
    for what, run in runs.items():
        assert run.code == 2, (what, run)
        assert run.err.startswith("Error: ") and run.err.count("\n") == 1, (what, run.err)
        assert "Traceback" not in run.err and "RecursionError" not in run.err
    assert "nested more than 64 levels deep" in runs["weights deep"].err
    assert memory() < 200 * MB
