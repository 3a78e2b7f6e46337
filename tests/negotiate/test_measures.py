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
