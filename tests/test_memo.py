"""``_memo.WeakMemo``: values of live objects, never keeping them alive (#18 item 4)."""

from __future__ import annotations

import gc
import weakref

from indivisible._memo import WeakMemo


class Thing:
    pass


def test_value_only_for_the_same_live_objects() -> None:
    memo: WeakMemo[str] = WeakMemo(size=8)
    a, b = Thing(), Thing()
    memo.put((a, b), "k", "ab")
    assert memo.get((a, b), "k") == "ab"
    assert memo.get((b, a), "k") is None
    assert memo.get((a, b), "other") is None


def test_entries_do_not_keep_their_objects_alive() -> None:
    memo: WeakMemo[list[int]] = WeakMemo(size=8)
    a, b = Thing(), Thing()
    memo.put((a, b), "k", [1])
    memo.put((b,), "j", [2])
    ref = weakref.ref(a)
    del a
    gc.collect()
    assert ref() is None
    assert len(memo) == 1  # the entry of (a, b) went with a; b's own stays
    assert memo.get((b,), "j") == [2]


def test_a_new_object_never_reads_a_collected_ones_value() -> None:
    memo: WeakMemo[int] = WeakMemo(size=1000)
    for i in range(200):  # ids are reused by CPython once objects are freed
        t = Thing()
        assert memo.get((t,), "k") is None
        memo.put((t,), "k", i)
        del t


def test_bounded() -> None:
    memo: WeakMemo[int] = WeakMemo(size=3)
    keep = [Thing() for _ in range(10)]
    for i, t in enumerate(keep):
        memo.put((t,), "k", i)
        assert len(memo) <= 3


def test_the_expense_and_constraint_memos_hold_their_record_weakly() -> None:
    from indivisible.indicators import _constraints
    from indivisible.rules import _expense

    assert isinstance(_expense._CACHE, WeakMemo)
    assert isinstance(_constraints._MEMO, WeakMemo)
