"""Progress bars on standard error: one library (rich) for every long loop.

A bar is drawn only when asked for (the CLI asks when standard error is a terminal), is
transient (it disappears when the loop ends, so a finished command's output is only its
answer), and costs nothing when off: rich is not even imported then.
"""

from collections.abc import Iterable, Iterator, Sized
from contextlib import contextmanager
from typing import Any, Protocol, TypeVar

T = TypeVar("T")


class Bar(Protocol):
    """What a loop tells its bar: ``update(n)`` after ``n`` more units are done."""

    def update(self, n: int = 1) -> None:
        """Count ``n`` more units as done."""


class _Off:
    def update(self, n: int = 1) -> None:
        pass


class _On:
    def __init__(self, progress: Any, task: Any) -> None:
        self._progress = progress
        self._task = task

    def update(self, n: int = 1) -> None:
        self._progress.advance(self._task, n)


@contextmanager
def bar(total: int | None, desc: str, *, enabled: bool) -> Iterator[Bar]:
    """A bar counting to ``total`` units (``None``: unknown), labelled ``desc``."""
    if not enabled:
        yield _Off()
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        yield _On(progress, progress.add_task(desc, total=total))


def track(items: Iterable[T], desc: str, *, enabled: bool, total: int | None = None) -> Iterator[T]:
    """Iterate over ``items`` with a bar (``total`` defaults to ``len(items)`` when known)."""
    if not enabled:
        yield from items
        return
    if total is None and isinstance(items, Sized):
        total = len(items)
    with bar(total, desc, enabled=True) as b:
        for item in items:
            yield item
            b.update(1)
