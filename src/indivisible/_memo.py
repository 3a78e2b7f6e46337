"""In-process memos of values computed from live objects, without keeping the objects alive.

A memo keyed by ``id(obj)`` has two faults: it keeps ``obj`` (or the value computed from it)
alive for as long as the memo holds the entry, and once ``obj`` is gone its id may be reused
by a new object, which would then read a value computed from another. :class:`WeakMemo`
keys each entry by the objects it was computed from through weak references: an entry is
returned only while every one of its objects is alive and is the same object, and it is
dropped as soon as one of them is collected. The memo is bounded (it is emptied when it
reaches its size), so it never grows without limit either.
"""

from __future__ import annotations

import weakref
from collections.abc import Hashable
from typing import Generic, TypeVar

V = TypeVar("V")

__all__ = ["WeakMemo"]


class WeakMemo(Generic[V]):
    """Values keyed by live objects (held weakly) and a hashable key.

    Examples:
        >>> class Thing: ...
        >>> memo: WeakMemo[int] = WeakMemo(size=4)
        >>> a = Thing()
        >>> memo.put((a,), "k", 1)
        1
        >>> memo.get((a,), "k")
        1
        >>> del a
        >>> len(memo)
        0
    """

    def __init__(self, size: int) -> None:
        self._size = size
        self._entries: dict[tuple[Hashable, ...], tuple[tuple[weakref.ref[object], ...], V]] = {}
        self._by_id: dict[int, set[tuple[Hashable, ...]]] = {}
        self._refs: dict[int, weakref.ref[object]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        """Forget every entry."""
        self._entries.clear()
        self._by_id.clear()
        self._refs.clear()

    def _ref(self, obj: object) -> weakref.ref[object]:
        k = id(obj)
        ref = self._refs.get(k)
        if ref is not None and ref() is obj:
            return ref
        memo = weakref.ref(self)

        def gone(dead: weakref.ref[object], k: int = k) -> None:
            me = memo()  # this memo, held weakly: its own private members
            if me is not None and me._refs.get(k) is dead:  # noqa: SLF001
                me._forget(k)  # noqa: SLF001

        ref = weakref.ref(obj, gone)
        self._forget(k)  # an earlier object with this id is gone
        self._refs[k] = ref
        return ref

    def _forget(self, k: int) -> None:
        self._refs.pop(k, None)
        for key in self._by_id.pop(k, ()):
            self._entries.pop(key, None)

    def get(self, objects: tuple[object, ...], key: Hashable) -> V | None:
        """The value stored for ``objects`` and ``key`` (``None``: none, or stale)."""
        hit = self._entries.get((*(id(o) for o in objects), key))
        if hit is None:
            return None
        refs, value = hit
        if all(r() is o for r, o in zip(refs, objects, strict=True)):
            return value
        return None

    def put(self, objects: tuple[object, ...], key: Hashable, value: V) -> V:
        """Store ``value`` for ``objects`` and ``key``; returns ``value``."""
        if len(self._entries) >= self._size:
            self.clear()
        refs = tuple(self._ref(o) for o in objects)
        full = (*(id(o) for o in objects), key)
        self._entries[full] = (refs, value)
        for o in objects:
            self._by_id.setdefault(id(o), set()).add(full)
        return value
