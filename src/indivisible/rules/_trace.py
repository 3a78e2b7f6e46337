"""Until when a rule's findings hold: the inputs one evaluation read, and when they change.

The range mode (``_engine.evaluate_range``) evaluates each rule for each party once, then
again only when an input that evaluation *read* may have changed. What an evaluation
reads is traced, not declared:

* **the date.** The rule sees its date as a :class:`TracedDate`. Comparing it with another
  date ``x`` notes ``x`` when ``x`` lies ahead (the comparison's answer can change only
  when the date reaches ``x``; at ``x`` the evaluation runs again and notes ``x + 1`` if it
  compares with ``<=``). Reading ``.year`` notes the next 1 January. Anything else that
  makes a value of the date (``.month``, ``.day``, arithmetic, ``toordinal``, ``replace``)
  notes the next day: correct, never faster than a day loop, and so visible in the
  benchmark. Hashing the date marks the evaluation *opaque*: it may be memoised by the
  date, so it runs again at every breakpoint of the record, as the range mode did before
  tracing. Its text (``str``, ``isoformat``, formatting) reads nothing: a memo keyed by
  the date's text must be reached through questions that are themselves traced (as the
  not-at-the-expense test's signature is).
* **the record.** The rule sees a :class:`TracedRecord`. Its status, membership and
  parameter questions (``party_segment``, ``party_status``, ``memberships_on``,
  ``is_member``, ``members``, ``allied``, ``parameter_values``, ``parameter``) note the
  next day on which *that* answer changes, from an index of the record's boundaries. Its
  plain data (``instruments``, ``states``, ``segments`` …) is returned as it is: a rule that
  compares dates in it compares with the traced date. Any other method, and any question
  about a date other than the evaluation's, marks the evaluation opaque.

An evaluation's findings therefore hold up to (not including) the earliest day noted,
unless it was opaque. ``evaluate_range`` checks that the result equals a day-by-day loop
in the tests.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from indivisible.record import Record

FAR = dt.date.max
"""The ``until`` of an evaluation that nothing ahead can change."""

_DAY = dt.timedelta(days=1)


class Trace:
    """What one evaluation read: the first day its answer may change, and opacity."""

    __slots__ = ("on", "opaque", "until")

    def __init__(self, on: dt.date) -> None:
        self.on = on
        self.until = FAR
        self.opaque = False

    def ahead(self, d: dt.date) -> None:
        """Note that an answer read may change on ``d`` (ignored when ``d`` is not ahead)."""
        if self.on < d < self.until:
            self.until = d

    def daily(self) -> None:
        """Note that an answer read may change on the next day."""
        if self.on < dt.date.max:
            self.ahead(self.on + _DAY)


class TracedDate(dt.date):
    """A date that tells its :class:`Trace` which comparisons and fields were read."""

    _trace: Trace

    def __new__(cls, d: dt.date, trace: Trace) -> TracedDate:
        """The day ``d`` (equal to ``trace.on``), reporting to ``trace``."""
        self = super().__new__(cls, trace.on.year, trace.on.month, trace.on.day)
        self._trace = trace
        return self

    def plain(self) -> dt.date:
        """The same day as a plain ``datetime.date`` (reads nothing)."""
        return self._trace.on

    # comparisons: the answer can change only when the date reaches the other side.
    # ``on < o`` and ``on >= o`` change on day ``o``; ``on <= o`` and ``on > o`` on the day
    # after ``o``; ``==`` and ``!=`` on ``o`` and on the day after.
    def _other(self, other: object) -> dt.date | None:
        if other.__class__ is dt.date:
            return other
        if isinstance(other, TracedDate):
            return other._trace.on
        if isinstance(other, dt.date) and not isinstance(other, dt.datetime):
            return dt.date.fromordinal(dt.date.toordinal(other))
        return None

    def _note(self, d: dt.date) -> None:
        trace = self._trace
        if trace.on < d < trace.until:
            trace.until = d

    def _note_after(self, o: dt.date) -> None:
        if self._trace.on <= o < dt.date.max:
            self._note(o + _DAY)

    def __lt__(self, other: object) -> bool:
        o = self._other(other)
        if o is None:
            return NotImplemented
        self._note(o)
        return self._trace.on < o

    def __ge__(self, other: object) -> bool:
        o = self._other(other)
        if o is None:
            return NotImplemented
        self._note(o)
        return self._trace.on >= o

    def __le__(self, other: object) -> bool:
        o = self._other(other)
        if o is None:
            return NotImplemented
        self._note_after(o)
        return self._trace.on <= o

    def __gt__(self, other: object) -> bool:
        o = self._other(other)
        if o is None:
            return NotImplemented
        self._note_after(o)
        return self._trace.on > o

    def __eq__(self, other: object) -> bool:
        o = self._other(other)
        if o is None:
            return NotImplemented
        self._note(o)
        self._note_after(o)
        return self._trace.on == o

    def __ne__(self, other: object) -> bool:
        o = self._other(other)
        if o is None:
            return NotImplemented
        self._note(o)
        self._note_after(o)
        return self._trace.on != o

    # fields and arithmetic
    @property
    def year(self) -> int:
        """The year; the answer changes on the next 1 January."""
        y = self._trace.on.year
        if y < dt.MAXYEAR:
            self._trace.ahead(dt.date(y + 1, 1, 1))
        return y

    @property
    def month(self) -> int:
        """The month (read daily)."""
        self._trace.daily()
        return self._trace.on.month

    @property
    def day(self) -> int:
        """The day of the month (read daily)."""
        self._trace.daily()
        return self._trace.on.day

    def toordinal(self) -> int:
        """The proleptic ordinal (read daily)."""
        self._trace.daily()
        return dt.date.toordinal(self)

    def replace(self, *args: Any, **kwargs: Any) -> dt.date:  # type: ignore[override]
        """A plain date with fields replaced (read daily)."""
        self._trace.daily()
        return self.plain().replace(*args, **kwargs)

    def __add__(self, other: dt.timedelta) -> dt.date:  # type: ignore[override]
        self._trace.daily()
        return self.plain() + other

    __radd__ = __add__  # type: ignore[assignment]

    def __sub__(self, other: Any) -> Any:
        self._trace.daily()
        if isinstance(other, TracedDate):
            other = other.plain()
        return self.plain() - other

    def __rsub__(self, other: Any) -> Any:
        self._trace.daily()
        return other - self.plain()

    def weekday(self) -> int:
        """Day of the week (read daily)."""
        self._trace.daily()
        return dt.date.weekday(self)

    def timetuple(self) -> Any:
        """Time tuple (read daily)."""
        self._trace.daily()
        return dt.date.timetuple(self)

    # a key: the date may be memoised by it, so the evaluation is opaque
    def __hash__(self) -> int:
        self._trace.opaque = True
        return dt.date.__hash__(self)

    # texts (evidence, explain lines) read nothing that can change a result
    def isoformat(self) -> str:
        """ISO text (evidence and explain lines)."""
        return dt.date.isoformat(self)

    def __str__(self) -> str:
        return dt.date.isoformat(self)

    def __format__(self, spec: str) -> str:
        return dt.date.__format__(self.plain(), spec)

    def __reduce__(self) -> Any:
        self._trace.opaque = True
        on = self._trace.on
        return (dt.date, (on.year, on.month, on.day))


class _Boundaries:
    """The days on which the record's answers change, per question (built once per range)."""

    def __init__(self, record: Record) -> None:
        segs: dict[tuple[str, str], set[dt.date]] = defaultdict(set)
        for s in record.segments:
            segs[(s.instrument, s.party)].update((s.start, s.end))
        self.segments = {k: sorted(v) for k, v in segs.items()}
        by_state: dict[str, set[dt.date]] = defaultdict(set)
        by_org: dict[str, set[dt.date]] = defaultdict(set)
        for m in record.memberships:
            days = {m.start} if m.end is None else {m.start, m.end}
            by_state[m.state].update(days)
            by_org[m.org].update(days)
        self.by_state = {k: sorted(v) for k, v in by_state.items()}
        self.by_org = {k: sorted(v) for k, v in by_org.items()}
        params: dict[tuple[str, str], set[dt.date]] = defaultdict(set)
        for inst in record.instruments.values():
            for c in inst.clauses:
                for p in c.parameters:
                    params[(inst.id, p.id)].update(v.since for v in p.values)
        self.params = {k: sorted(v) for k, v in params.items()}

    @staticmethod
    def next_after(days: list[dt.date] | None, on: dt.date) -> dt.date:
        """The first day in ``days`` after ``on`` (``FAR`` when none)."""
        if not days:
            return FAR
        i = bisect.bisect_right(days, on)
        return days[i] if i < len(days) else FAR


_STATIC = frozenset(
    {
        "raw",
        "coverage",
        "states",
        "organisations",
        "instruments",
        "sources",
        "memberships",
        "segments",
        "resolve",
        "resolve_instrument",
        "clause",
        "coverage_warnings",
    }
)


class TracedRecord:
    """A :class:`~indivisible.record.Record` that notes, per question, when its answer changes.

    One instance serves a whole range evaluation; :meth:`start` points it at the trace of
    the evaluation under way.
    """

    def __init__(self, record: Record) -> None:
        self._record = record
        self._bounds = _Boundaries(record)
        self._trace = Trace(dt.date.min)
        self._resolved: dict[str, str] = {}
        # question -> (when its answer changes, position of its date argument)
        self._handlers: dict[str, tuple[Callable[..., dt.date], int]] = {
            "party_segment": (self._segment, 2),
            "party_status": (self._segment, 2),
            "memberships_on": (self._state_members, 1),
            "is_member": (self._state_members, 2),
            "members": (self._org_members, 1),
            "allied": (self._allied, 2),
            "parameter_values": (self._parameter, 2),
            "parameter": (self._parameter, 2),
        }

    def start(self, trace: Trace) -> None:
        """Trace the next questions into ``trace``."""
        self._trace = trace

    # boundaries of each question (args as the Record methods take them)
    def _segment(self, instrument: str, party: str, *_: Any, **__: Any) -> dt.date:
        inst = self._record.resolve_instrument(instrument) if instrument else instrument
        return _Boundaries.next_after(self._bounds.segments.get((inst, party)), self._trace.on)

    def _state_members(self, state: str, *_: Any, **__: Any) -> dt.date:
        return _Boundaries.next_after(self._bounds.by_state.get(state), self._trace.on)

    def _org_members(self, org: str, *_: Any, **__: Any) -> dt.date:
        return _Boundaries.next_after(self._bounds.by_org.get(org), self._trace.on)

    def _allied(self, a: str, b: str, *_: Any, **__: Any) -> dt.date:
        return min(self._state_members(a), self._state_members(b))

    def _parameter(self, instrument: str, param_id: str, *_: Any, **__: Any) -> dt.date:
        inst = self._resolved.get(instrument)
        if inst is None:
            try:
                inst = self._resolved[instrument] = self._record.resolve_instrument(instrument)
            except Exception:
                return FAR  # the record raises the same error for the real call
        return _Boundaries.next_after(self._bounds.params.get((inst, param_id)), self._trace.on)

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._record, name)
        if name in _STATIC:
            self.__dict__[name] = value  # later look-ups skip __getattr__
            return value
        known = self._handlers.get(name)
        if known is None:
            if callable(value):

                def opaque_call(*args: Any, **kwargs: Any) -> Any:
                    self._trace.opaque = True
                    return value(*_unwrap(args), **_unwrap_kw(kwargs))

                self.__dict__[name] = opaque_call
                return opaque_call
            self._trace.opaque = True
            return value

        handler, at = known

        def traced_call(*args: Any, **kwargs: Any) -> Any:
            trace = self._trace
            if kwargs:
                on = kwargs.get("on", args[at] if len(args) > at else None)
                args, kwargs = _unwrap(args), _unwrap_kw(kwargs)
            else:
                on = args[at] if len(args) > at else None
                if on.__class__ is TracedDate:
                    args = (*args[:at], trace.on, *args[at + 1 :])
            if on.__class__ is TracedDate:
                on = on._trace.on
            if on != trace.on:
                trace.opaque = True  # a question about another date
            else:
                u = handler(*args, **kwargs)
                if u < trace.until:
                    trace.until = u
            return value(*args, **kwargs)

        self.__dict__[name] = traced_call
        return traced_call


def _unwrap(args: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(a.plain() if isinstance(a, TracedDate) else a for a in args)


def _unwrap_kw(kwargs: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.plain() if isinstance(v, TracedDate) else v) for k, v in kwargs.items()}
