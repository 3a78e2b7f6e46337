"""Per-measure effects: a measure changes the compared indicators or is outside the model."""

from __future__ import annotations

import numpy as np

from indivisible.negotiate._search import measure_effects


class _Menu:
    def __init__(self, notes: dict[str, str | None]) -> None:
        self.notes = notes

    def measure(self, mid: str) -> object:
        class M:
            note = self.notes[mid]

        return M()


class _Keys:
    names = ("exposure_launchers", "alliance_cover")


def test_changes_alone_in_combination_and_none() -> None:
    # 3 measures, 8 bundles, 1 party, 2 keys: a moves exposure alone; b only with a
    # (its effect depends on a); c never moves anything
    g = np.zeros((8, 1, 2))
    for m in range(8):
        a, b = m & 1, (m >> 1) & 1
        g[m, 0, 0] = -1.0 * a - 1.0 * (a and b)
    out = measure_effects(
        _Menu({"a": None, "b": None, "c": "no actions"}),  # type: ignore[arg-type]
        ("a", "b", "c"),
        ("RUS",),
        _Keys(),  # type: ignore[arg-type]
        g,
        np.arange(8, dtype=np.int64),
        True,
    )
    by = {x["id"]: x for x in out}
    assert by["a"]["effect"] == "changes" and "RUS exposure_launchers -1" in by["a"]["reason"]
    assert by["b"]["effect"] == "changes" and "in combination" in by["b"]["reason"]
    assert by["c"]["effect"] == "none" and "(no actions)" in by["c"]["reason"]


def test_bundle_sensitivity_names_the_flip_and_labels() -> None:
    from indivisible.compare import Tolerance
    from indivisible.negotiate._sensitivity import bundle_sensitivity

    keys = ("exposure_launchers[RUS]", "exposure_launchers[USA]", "counter_reach_launchers")
    inds = ("exposure_launchers", "exposure_launchers", "counter_reach_launchers")
    base = {p: dict.fromkeys(keys, 10.0) for p in ("RUS", "POL")}
    # RUS: +1 exposure (both readings), -1 counter-reach: score exactly 0 under these weights
    gains = {
        "RUS": {keys[0]: 1.0, keys[1]: 1.0, keys[2]: -1.0},
        "POL": {keys[0]: 1.0, keys[1]: 0.0, keys[2]: 0.0},
    }
    w = np.array([[0.5, 0.5, 1.0], [0.5, 0.5, 1.0]])
    (out,) = bundle_sensitivity([(("m",), gains)], ("RUS", "POL"), keys, inds, base, w, Tolerance())
    assert out["verdict"] == "compatible" and out["label"] == "knife-edge"
    flips = {(f["assumption"], f["value"]): f["verdict"] for f in out["flips"]}
    # RUS's exposure weight at 0 leaves its counter-reach loss: not compatible
    assert flips[("weight", "RUS:exposure_launchers[RUS]")] == "not compatible"
    assert flips[("indicator", "exposure_launchers")] == "not compatible"
    # under the USA reading alone POL gains nothing and RUS holds at 0: nobody better off
    assert flips[("reading", "USA")] == "not compatible"
    # leaving out counter-reach only removes RUS's loss: still compatible, no flip
    assert ("indicator", "counter_reach_launchers") not in flips
    # a tolerance x10 (bound 1.0 on a baseline of 10) zeroes every gain of 1: flips
    assert flips[("tolerance", "x10")] == "not compatible"
    (strict,) = bundle_sensitivity(
        [(("m",), {"RUS": {k: 1.0 for k in keys}, "POL": {k: 50.0 for k in keys}})],
        ("RUS", "POL"), keys, inds, base, None, Tolerance(),
    )  # fmt: skip
    assert strict["verdict"] == "compatible" and strict["label"] == "robust"
