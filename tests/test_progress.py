"""One progress library: bars that count, vanish when done and cost nothing when off."""

import subprocess
import sys

from indivisible._progress import bar, track


def test_track_yields_every_item_in_order_on_and_off() -> None:
    items = list(range(57))
    assert list(track(items, "x", enabled=False)) == items
    assert list(track(iter(items), "x", enabled=True, total=57)) == items
    assert list(track(items, "x", enabled=True)) == items


def test_bar_counts_to_its_total() -> None:
    with bar(10, "rows", enabled=True) as b:
        for _ in range(4):
            b.update(2)
        b.update()
        b.update()
        progress = b._progress  # type: ignore[attr-defined]
        task = progress.tasks[0]
        assert (task.completed, task.total) == (10, 10)


def test_an_off_bar_does_not_import_rich() -> None:
    code = (
        "import sys; from indivisible._progress import track, bar\n"
        "assert list(track([1, 2], 'x', enabled=False)) == [1, 2]\n"
        "with bar(3, 'x', enabled=False) as b: b.update(3)\n"
        "print('rich.progress' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
