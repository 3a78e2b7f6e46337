"""The record: who is bound by what, on any date.

``Record`` answers the temporal questions every other room asks. Tabular answers are pandas
objects; the CLI and the web API render them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from indivisible._dates import parse_date
from indivisible._errors import InputError
from indivisible.record._engine import FAR_FUTURE, Segment, member_events, segments_for
from indivisible.record._load import RawRecord, load_raw
from indivisible.record.types import (
    BINDING_STATUSES,
    Clause,
    Instrument,
    Membership,
    Organisation,
    ParameterValue,
    Source,
    State,
    StatusReading,
)

if TYPE_CHECKING:
    import pandas as pd

DateLike = str | dt.date

EVERY_READING = "*every"
"""``bound_matrix(reading=EVERY_READING)``: bound under the recorded status and every reading."""
SOME_READING = "*some"
"""``bound_matrix(reading=SOME_READING)``: bound under the recorded status or some reading."""


class Record:
    """The dated, sourced record of the Euro-Atlantic security architecture.

    Build one with :meth:`Record.load` (the bundled data, cached) or
    ``Record.load(path)`` for a data folder of the same layout.

    Examples:
        >>> rec = Record.load()
        >>> rec.is_member("POL", "nato", "1999-03-11"), rec.is_member("POL", "nato", "1999-03-12")
        (False, True)
    """

    def __init__(self, raw: RawRecord) -> None:
        self.raw = raw
        self.coverage = raw.coverage
        self.states: dict[str, State] = raw.states
        self.organisations: dict[str, Organisation] = raw.organisations
        self.instruments: dict[str, Instrument] = raw.instruments
        self.sources: dict[str, Source] = raw.sources
        self.memberships: list[Membership] = sorted(
            raw.memberships, key=lambda m: (m.org, m.state, m.start)
        )
        segs: list[Segment] = []
        for inst in self.instruments.values():
            segs.extend(segments_for(inst, member_events(inst, self.memberships)))
        self.segments: list[Segment] = sorted(segs, key=lambda s: (s.instrument, s.party, s.start))
        self._segs_by_key: dict[tuple[str, str], list[Segment]] = defaultdict(list)
        for s in self.segments:
            self._segs_by_key[(s.instrument, s.party)].append(s)
        self._members_by_state: dict[str, list[Membership]] = defaultdict(list)
        self._members_by_org: dict[str, list[Membership]] = defaultdict(list)
        self._param_index: dict[tuple[str, str], list[ParameterValue]] | None = None
        self._param_memo: dict[tuple[str, str, DateLike], dict[str | None, ParameterValue]] = {}
        """``parameter_values`` answers by their arguments (the rules ask thousands of times)."""
        for m in self.memberships:
            self._members_by_state[m.state].append(m)
            self._members_by_org[m.org].append(m)

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, root: Path | str | None = None) -> Record:
        """Load the bundled record (cached), or the data folder at ``root``."""
        if root is None:
            return _bundled()
        return cls(load_raw(Path(root)))

    # ------------------------------------------------------------------ names
    def resolve(self, code: str, *, field: str = "code") -> str:
        """Resolve a state code, state name or organisation id to its canonical id.

        Raises:
            InputError: unknown code, with the closest known codes as suggestions.

        Examples:
            >>> rec = Record.load()
            >>> rec.resolve("pol"), rec.resolve("Poland"), rec.resolve("NATO")
            ('POL', 'POL', 'nato')
        """
        text = code.strip()
        if text.upper() in self.states:
            return text.upper()
        if text.lower() in self.organisations:
            return text.lower()
        names: dict[str, str] = {}
        for s in self.states.values():
            for n in [s.name, *s.aliases]:
                names[n.casefold()] = s.id
        for o in self.organisations.values():
            for n in [o.name, *o.aliases]:
                names[n.casefold()] = o.id
        if text.casefold() in names:
            return names[text.casefold()]
        candidates = [*self.states, *self.organisations]
        close = difflib.get_close_matches(text.upper(), [c.upper() for c in candidates], n=3)
        close_names = difflib.get_close_matches(text.casefold(), list(names), n=2, cutoff=0.75)
        hints = [c if c in self.states else c.lower() for c in close]
        hints += [names[n] for n in close_names if names[n] not in hints]
        hint = f"; did you mean {' or '.join(hints)}?" if hints else ""
        raise InputError(
            f"unknown state or organisation {code!r}{hint} (states are ISO 3166-1 alpha-3 "
            "codes such as POL; organisations: " + ", ".join(sorted(self.organisations)) + ")",
            field=field,
        )

    def resolve_instrument(self, ident: str, *, field: str = "instrument") -> str:
        """Resolve an instrument id or alias (``INF Treaty``) to its id."""
        text = ident.strip()
        if text.lower() in self.instruments:
            return text.lower()
        for inst in self.instruments.values():
            if text.casefold() in {a.casefold() for a in [inst.short, inst.title, *inst.aliases]}:
                return inst.id
        close = difflib.get_close_matches(text.lower(), list(self.instruments), n=3)
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        raise InputError(f"unknown instrument {ident!r}{hint}", field=field)

    def coverage_warnings(self, *dates: dt.date) -> list[str]:
        """Warnings for dates outside the period the record was built and reviewed for."""
        out = []
        for d in dates:
            if d > self.coverage.reviewed:
                out.append(
                    f"{d.isoformat()} is after the record's review date "
                    f"{self.coverage.reviewed.isoformat()}: the record may be incomplete there"
                )
            elif d < self.coverage.start:
                out.append(
                    f"{d.isoformat()} is before the record's coverage "
                    f"(from {self.coverage.start.isoformat()}): the record may be incomplete"
                )
        return out

    # ------------------------------------------------------------------ memberships
    def memberships_on(self, state: str, on: DateLike) -> list[Membership]:
        """Membership periods of ``state`` that hold on ``on``."""
        d = parse_date(on, field="on")
        return [
            m
            for m in self._members_by_state.get(state, [])
            if m.start <= d and (m.end is None or d < m.end)
        ]

    def is_member(self, state: str, org: str, on: DateLike) -> bool:
        """Whether ``state`` is a member of ``org`` on ``on``."""
        return any(m.org == org for m in self.memberships_on(state, on))

    def members(self, org: str, on: DateLike) -> list[str]:
        """Sorted ids of the members of ``org`` on ``on``."""
        d = parse_date(on, field="on")
        return sorted(
            {
                m.state
                for m in self._members_by_org.get(org, [])
                if m.start <= d and (m.end is None or d < m.end)
            }
        )

    def allied(self, a: str, b: str, on: DateLike) -> list[str]:
        """Collective-defence organisations both ``a`` and ``b`` belong to on ``on``."""
        d = parse_date(on, field="on")
        orgs_a = {m.org for m in self.memberships_on(a, d)}
        orgs_b = {m.org for m in self.memberships_on(b, d)}
        return sorted(
            o
            for o in orgs_a & orgs_b
            if self.organisations[o].collective_defence is not None and o != "eu"
        )

    # ------------------------------------------------------------------ instruments
    def party_segment(self, instrument: str, party: str, on: DateLike) -> Segment | None:
        """The status segment of ``party`` under ``instrument`` holding on ``on``."""
        d = parse_date(on, field="on")
        for s in self._segs_by_key.get((instrument, party), []):
            if s.start <= d < s.end:
                return s
        return None

    def party_status(self, instrument: str, party: str, on: DateLike) -> str:
        """Status of ``party`` under ``instrument`` on ``on`` (``not_party`` if none)."""
        seg = self.party_segment(instrument, party, on)
        return seg.status if seg is not None else "not_party"

    def _state_status(
        self, instrument: str, state: str, d: dt.date
    ) -> tuple[str, Segment | None, str | None]:
        """A state's status, directly or through an organisation that is itself a party."""
        seg = self.party_segment(instrument, state, d)
        if seg is not None and seg.status != "not_party":
            return seg.status, seg, None
        for m in self.memberships_on(state, d):
            oseg = self.party_segment(instrument, m.org, d)
            if oseg is not None and oseg.status != "not_party":
                # through the organisation only since the state joined it
                if m.start > oseg.start:
                    oseg = dataclasses.replace(oseg, start=m.start, source=m.source)
                return oseg.status, oseg, m.org
        return "not_party", seg, None

    def status(self, state: str, on: DateLike) -> dict[str, Any]:
        """The status of a state on a date: its memberships and instruments.

        Returns the JSON contract of ``indivisible status``: ``{"date", "state",
        "memberships": [{"org", "since", "source"}], "instruments": [{"id", "status",
        "since", "source", ...}], "warnings": [...]}``.
        """
        d = parse_date(on, field="on")
        state = self.resolve(state, field="state")
        if state not in self.states:
            raise InputError(f"{state!r} is an organisation; status takes a state", field="state")
        mems = [
            {"org": m.org, "since": m.start.isoformat(), "source": m.source}
            | ({"status": m.status} if m.status != "member" else {})
            | ({"tertiary_only": True} if self.tertiary_only(m.source) else {})
            for m in sorted(self.memberships_on(state, d), key=lambda m: m.org)
        ]
        insts = []
        for inst in self.instruments.values():
            st, seg, via = self._state_status(inst.id, state, d)
            row: dict[str, Any] = {
                "id": inst.id,
                "status": st,
                "since": seg.start.isoformat() if seg is not None else None,
                "source": seg.source if seg is not None else None,
                "binding": inst.binding,
            }
            if via is not None:
                row["via"] = via
            row["disputed"] = bool(seg is not None and seg.disputed and st != "not_party")
            row["readings"] = (
                [self._reading_json(inst, r) for r in seg.readings]
                if seg is not None and row["disputed"]
                else []
            )
            if seg is not None and st != "not_party" and self.tertiary_only(seg.source):
                row["tertiary_only"] = True
            insts.append(row)
        insts.sort(key=lambda r: (r["status"] == "not_party", r["id"]))
        return {
            "date": d.isoformat(),
            "state": state,
            "memberships": mems,
            "instruments": insts,
            "warnings": self.coverage_warnings(d),
        }

    def status_frame(self, on: DateLike, states: list[str] | None = None) -> pd.DataFrame:
        """Long table (state, instrument, status, since, source) of every party status."""
        d = parse_date(on, field="on")
        ids = [self.resolve(s, field="state") for s in states] if states else sorted(self.states)
        rows = [
            {"state": s, **r}
            for s in ids
            for r in self.status(s, d)["instruments"]
            if r["status"] != "not_party"
        ]
        import pandas as pd

        for r in rows:
            r["readings"] = _readings_text(r["readings"])
        return pd.DataFrame(
            rows,
            columns=[
                "state",
                "id",
                "status",
                "since",
                "source",
                "binding",
                "via",
                "disputed",
                "readings",
            ],
        )

    def binding(self, a: str, b: str, on: DateLike) -> dict[str, Any]:
        """Instruments binding both parties on a date.

        A party that is an organisation is bound by an instrument it is a party to itself,
        or that binds every one of its members on that date. The result follows the JSON
        contract of ``indivisible binding``.
        """
        d = parse_date(on, field="on")
        pa, pb = self.resolve(a, field="A"), self.resolve(b, field="B")
        rows = []
        unbound = []
        for inst in self.instruments.values():
            if inst.binding == "proposed":
                continue
            sa, via_a, ba = self._party_seg(inst.id, pa, d)
            sb, via_b, bb = self._party_seg(inst.id, pb, d)
            if sa is None or sb is None:
                note = self._signed_not_binding(inst.id, pa, pb, d)
                if note is not None:
                    unbound.append(note)
                continue
            readings: list[dict[str, Any]] = []
            for seg, other_bound in ((sa, bb), (sb, ba)):
                if seg.readings:
                    readings += [
                        self._reading_json(inst, r, pair_bound=other_bound) for r in seg.readings
                    ]
            if not (ba and bb) and not any(r["binding"] != "none" for r in readings):
                note = self._signed_not_binding(inst.id, pa, pb, d)
                if note is not None:
                    unbound.append(note)
                continue
            rows.append(
                {
                    "id": inst.id,
                    "short": inst.short,
                    "binding": inst.binding,
                    "status": {pa: sa.status, pb: sb.status},
                    "via": {k: v for k, v in ((pa, via_a), (pb, via_b)) if v},
                    "sources": sorted({sa.source, sb.source}),
                    "disputed": bool(readings),
                    "readings": readings,
                }
            )
        rows.sort(key=lambda r: (r["binding"] != "legal", r["id"]))
        return {
            "date": d.isoformat(),
            "parties": [pa, pb],
            "instruments": rows,
            "not_binding": sorted(unbound, key=lambda r: r["id"]),
            "warnings": self.coverage_warnings(d),
        }

    def _signed_not_binding(
        self, inst_id: str, a: str, b: str, d: dt.date
    ) -> dict[str, Any] | None:
        """A note for an instrument both parties signed (or ratified) that binds neither pair.

        The CTBT, signed by both Russia and the United States, never entered into force: it
        is listed under ``not_binding`` with the reason, not among the binding instruments:
        "signed, not in force" where either state has only signed, "ratified (never in
        force)" where both have ratified an instrument that never entered into force.
        """
        if a not in self.states or b not in self.states:
            return None
        st = {p: self.party_status(inst_id, p, d) for p in (a, b)}
        if not all(s in ("signed", "ratified") or s in BINDING_STATUSES for s in st.values()):
            return None
        inst = self.instruments[inst_id]
        eif = [e.date for e in inst.events if e.party is None and e.event == "entered_into_force"]
        if not eif or min(eif) > d:
            # both ratified: the treaty, not their consent, is missing (the CTBT never entered
            # into force, so "signed" would understate what the two states did)
            both_ratified = all(s == "ratified" for s in st.values())
            if both_ratified:
                why = "ratified (never in force)" if not eif else "ratified, not yet in force"
            else:
                why = "signed, not in force"
        else:
            short = [p for p, s in st.items() if s not in BINDING_STATUSES]
            why = f"in force, but not for {', '.join(short)} ({', '.join(st[p] for p in short)})"
        return {
            "id": inst_id,
            "short": inst.short,
            "binding": inst.binding,
            "status": st,
            "note": why,
        }

    def _bound(self, instrument: str, party: str, d: dt.date) -> tuple[Segment | None, str | None]:
        seg, via, bound = self._party_seg(instrument, party, d)
        return (seg, via) if bound else (None, None)

    def _party_seg(
        self, instrument: str, party: str, d: dt.date
    ) -> tuple[Segment | None, str | None, bool]:
        """A party's segment (binding or not), how it is bound, and whether it is bound."""
        if party in self.states:
            st, seg, via = self._state_status(instrument, party, d)
            return seg, via, st in BINDING_STATUSES
        seg = self.party_segment(instrument, party, d)
        if seg is not None and seg.status in BINDING_STATUSES:
            return seg, None, True
        members = self.members(party, d)
        if not members:
            return seg, None, False
        segs = []
        for m in members:
            s = self.party_segment(instrument, m, d)
            if s is None or s.status not in BINDING_STATUSES:
                return seg, None, False
            segs.append(s)
        latest = max(segs, key=lambda s: s.start)
        return latest, "all members", True

    # ------------------------------------------------------------------ readings
    def _reading_json(
        self, inst: Instrument, r: StatusReading, *, pair_bound: bool = True
    ) -> dict[str, Any]:
        """A reading as in the JSON contract: ``{by, status, binding, source}``.

        ``binding`` is the instrument's kind of binding (``legal``/``political``) where the
        reading's status binds (and, for a pair, the other party is bound), else ``none``.
        """
        binds = r.status in BINDING_STATUSES and pair_bound
        return {
            "by": r.by,
            "status": r.status,
            "binding": inst.binding if binds else "none",
            "source": r.source,
        }

    def reading_of(self, seg: Segment, who: str) -> StatusReading | None:
        """The reading of ``seg`` held by ``who``.

        Its own reading, else that of an organisation it belongs to when the segment opens
        (the Allies' reading through ``nato``).
        """
        if not seg.readings:
            return None
        by = {r.by: r for r in seg.readings}
        if who in by:
            return by[who]
        if who in self.states:
            for m in self.memberships_on(who, seg.start):
                if m.org in by:
                    return by[m.org]
        return None

    def status_under(self, seg: Segment, who: str | None) -> str:
        """A segment's status under the reading held by ``who`` (recorded status if none)."""
        if who is None:
            return seg.status
        r = self.reading_of(seg, who)
        return r.status if r is not None else seg.status

    def disputed_segments(self) -> list[Segment]:
        """Every segment whose status the parties read differently."""
        return [s for s in self.segments if s.readings]

    def claims(self, instrument: str | None = None, by: str | None = None) -> list[dict[str, Any]]:
        """Every stored statement about a disputed fact, oldest first (undated last).

        Each is ``{instrument, subject, by, says, date, source}``. Claims come from status
        events (``disputed``), instruments (``disputes``) and memberships (``claims``;
        ``instrument`` is then ``None`` and ``subject`` the membership). ``instrument`` and
        ``by`` filter; ``by`` matches the author exactly (a state's filter does not include
        its organisations' statements).
        """
        iid = self.resolve_instrument(instrument) if instrument is not None else None
        who = None
        if by is not None:
            who = by.strip() if by.strip().startswith("person:") else self.resolve(by, field="by")
        out: list[dict[str, Any]] = []

        def add(inst: str | None, subject: str, c: Any) -> None:
            if iid is not None and inst != iid:
                return
            if who is not None and c.by != who:
                return
            out.append(
                {
                    "instrument": inst,
                    "subject": c.subject or subject,
                    "by": c.by,
                    "says": c.says,
                    "date": c.date.isoformat() if c.date else None,
                    "source": c.source,
                }
            )

        for inst in self.instruments.values():
            for e in inst.events:
                for c in e.disputed:
                    add(inst.id, f"{e.event} {e.party or '(all)'} {e.date.isoformat()}", c)
            for c in inst.disputes:
                add(inst.id, inst.short, c)
        for m in self.memberships:
            for c in m.claims:
                add(None, f"membership {m.state} in {m.org} from {m.start.isoformat()}", c)
        out.sort(key=lambda r: (r["date"] is None, r["date"] or "", r["instrument"] or ""))
        return out

    # ------------------------------------------------------------------ source kinds
    def source_kind(self, source: str | None) -> str | None:
        """The kind of a bibliography entry (``text``/``official``/``secondary``/``tertiary``)."""
        src = self.sources.get(source or "")
        return src.kind if src is not None else None

    def tertiary_only(self, source: str | None) -> bool:
        """Whether a fact citing ``source`` rests on a tertiary source only."""
        return self.source_kind(source) == "tertiary"

    def changes(self, start: DateLike, end: DateLike) -> pd.DataFrame:
        """Every change that takes effect after ``start`` and on or before ``end``.

        Columns: date, kind (membership|instrument), subject (org or instrument id), party,
        change, before, after, source, note, readings (each party's reading of a disputed
        change, ``by: status (binding)`` joined by ``; ``; empty when undisputed).
        """
        d1, d2 = parse_date(start, field="from"), parse_date(end, field="to")
        if d2 < d1:
            raise InputError(f"--to {d2.isoformat()} is before --from {d1.isoformat()}", field="to")
        rows: list[dict[str, Any]] = []
        for m in self.memberships:
            mine = self._members_by_state[m.state]
            # a period that ends the day the next begins is one change of status
            prior = next((p for p in mine if p.org == m.org and p.end == m.start), None)
            follows = any(p.org == m.org and p.start == m.end for p in mine)
            if d1 < m.start <= d2:
                rows.append(
                    {
                        "date": m.start,
                        "kind": "membership",
                        "subject": m.org,
                        "party": m.state,
                        "change": (prior.end_reason or "status changed") if prior else "joined",
                        "before": prior.status if prior else "not_member",
                        "after": m.status,
                        "source": m.source,
                        "note": m.note,
                        "readings": "",
                    }
                )
            if m.end is not None and d1 < m.end <= d2 and not follows:
                rows.append(
                    {
                        "date": m.end,
                        "kind": "membership",
                        "subject": m.org,
                        "party": m.state,
                        "change": m.end_reason or "left",
                        "before": m.status,
                        "after": "not_member",
                        "source": m.end_source,
                        "note": m.note,
                        "readings": "",
                    }
                )
        for key, segs in self._segs_by_key.items():
            prev = "not_party"
            for s in segs:
                if d1 < s.start <= d2:
                    rows.append(
                        dict(
                            date=s.start,
                            kind="instrument",
                            subject=key[0],
                            party=key[1],
                            change=s.event,
                            before=prev,
                            after=s.status,
                            source=s.source,
                            note=s.note,
                            readings=self._readings_str(key[0], s),
                        )
                    )
                prev = s.status
        cols = [
            "date",
            "kind",
            "subject",
            "party",
            "change",
            "before",
            "after",
            "source",
            "note",
            "readings",
        ]
        import pandas as pd

        df = pd.DataFrame(rows, columns=cols)
        return df.sort_values(["date", "kind", "subject", "party"], ignore_index=True)

    def history(self, instrument: str) -> pd.DataFrame:
        """Every status segment of every party under one instrument.

        ``source_kind`` is the kind of the cited source (``tertiary``: the fact rests on a
        tertiary source only); ``readings`` gives each party's reading of a disputed segment.
        """
        inst = self.resolve_instrument(instrument)
        rows = [
            {
                "party": s.party,
                "start": s.start,
                "end": None if s.end == FAR_FUTURE else s.end,
                "status": s.status,
                "event": s.event,
                "source": s.source,
                "source_kind": self.source_kind(s.source),
                "note": s.note,
                "readings": self._readings_str(inst, s),
            }
            for s in self.segments
            if s.instrument == inst
        ]
        import pandas as pd

        return pd.DataFrame(
            rows,
            columns=[
                "party",
                "start",
                "end",
                "status",
                "event",
                "source",
                "source_kind",
                "note",
                "readings",
            ],
        )

    def _readings_str(self, instrument: str, seg: Segment) -> str:
        inst = self.instruments[instrument]
        return _readings_text([self._reading_json(inst, r) for r in seg.readings])

    # ------------------------------------------------------------------ parameters
    def clause(self, instrument: str, clause_id: str) -> Clause:
        """A clause of an instrument by id (``cfe-1990``, ``art-iv-1``)."""
        inst = self.instruments[self.resolve_instrument(instrument)]
        for c in inst.clauses:
            if c.id == clause_id:
                return c
        known = ", ".join(c.id for c in inst.clauses)
        raise InputError(f"{inst.id} has no clause {clause_id!r} (clauses: {known})")

    def parameter_values(
        self, instrument: str, param_id: str, on: DateLike
    ) -> dict[str | None, ParameterValue]:
        """The value in force on ``on`` of a clause parameter, per reading.

        The key ``None`` holds the value without a named reading; a term the parties read
        differently has one key per reading. A reading with no value on or before the
        date is absent.
        """
        memo_key = (instrument, param_id, on)
        hit = self._param_memo.get(memo_key)
        if hit is not None:
            return dict(hit)
        d = parse_date(on, field="on")
        inst = self.resolve_instrument(instrument)
        values = self._parameter_index().get((inst, param_id))
        if values is None:
            raise InputError(f"{inst} has no parameter {param_id!r}")
        out: dict[str | None, ParameterValue] = {}
        for v in values:
            if v.since > d:
                break
            out[v.reading] = v
        if len(self._param_memo) >= 65_536:
            self._param_memo.clear()
        self._param_memo[memo_key] = out
        return dict(out)

    def _parameter_index(self) -> dict[tuple[str, str], list[ParameterValue]]:
        """(instrument, parameter id) -> its values sorted by ``since`` (built once)."""
        index = self._param_index
        if index is None:
            index = {}
            for inst in self.instruments.values():
                for c in inst.clauses:
                    for p in c.parameters:
                        index.setdefault((inst.id, p.id), sorted(p.values, key=lambda v: v.since))
            self._param_index = index
        return index

    def parameter(
        self, instrument: str, param_id: str, on: DateLike, reading: str | None = None
    ) -> ParameterValue:
        """The value of one parameter (under one reading) in force on a date.

        Raises:
            InputError: no such parameter, or no value on that date.
        """
        vals = self.parameter_values(instrument, param_id, on)
        if reading not in vals:
            raise InputError(
                f"{instrument} parameter {param_id!r} has no value"
                + (f" under reading {reading!r}" if reading else "")
                + f" on {parse_date(on)}"
            )
        return vals[reading]

    # ------------------------------------------------------------------ vectorised
    def bound_matrix(
        self, parties: list[str], days: np.ndarray, reading: str | None = None
    ) -> dict[str, np.ndarray]:
        """For each instrument, a boolean array [party, day]: bound (directly or via org).

        ``days`` is an array of ``datetime64[D]``. Membership-derived and direct segments
        are looked up with ``searchsorted``; no per-day Python loop. ``reading`` names whose
        reading of disputed segments to apply (a state, or an organisation; a state takes
        the reading of an organisation it belongs to where it has none of its own); without
        it, each segment counts with its recorded status; :data:`EVERY_READING` and
        :data:`SOME_READING` give the days bound under every / under some reading.
        """
        out: dict[str, np.ndarray] = {}
        day_i = days.astype("datetime64[D]").astype(np.int64)
        for inst in self.instruments:
            mat = np.zeros((len(parties), len(day_i)), dtype=bool)
            for pi, p in enumerate(parties):
                mat[pi] = self._bound_days(inst, p, day_i, reading)
            out[inst] = mat
        return out

    def disputed_matrix(self, parties: list[str], days: np.ndarray) -> dict[str, np.ndarray]:
        """For each instrument with a disputed segment, a boolean [party, day].

        True where the parties read the party's status that day differently.
        """
        day_i = days.astype("datetime64[D]").astype(np.int64)
        out: dict[str, np.ndarray] = {}
        for seg in self.disputed_segments():
            if seg.party not in parties:
                continue
            mat = out.setdefault(seg.instrument, np.zeros((len(parties), len(day_i)), dtype=bool))
            mat[parties.index(seg.party)] |= (day_i >= _to_i(seg.start)) & (day_i < _to_i(seg.end))
        return out

    def _bound_days(
        self, inst: str, party: str, day_i: np.ndarray, reading: str | None = None
    ) -> np.ndarray:
        res = _segment_mask(self._segs_by_key.get((inst, party), []), day_i, self, reading)
        for org in {m.org for m in self._members_by_state.get(party, [])}:
            oseg = self._segs_by_key.get((inst, org), [])
            if not oseg:
                continue
            mem = _period_mask(
                [(m.start, m.end) for m in self._members_by_state[party] if m.org == org], day_i
            )
            res |= _segment_mask(oseg, day_i, self, reading) & mem
        return res

    def member_matrix(self, parties: list[str], days: np.ndarray) -> dict[str, np.ndarray]:
        """For each organisation, a boolean array [party, day]: member."""
        day_i = days.astype("datetime64[D]").astype(np.int64)
        out: dict[str, np.ndarray] = {}
        for org in self.organisations:
            mat = np.zeros((len(parties), len(day_i)), dtype=bool)
            for pi, p in enumerate(parties):
                periods = [
                    (m.start, m.end) for m in self._members_by_state.get(p, []) if m.org == org
                ]
                mat[pi] = _period_mask(periods, day_i)
            out[org] = mat
        return out

    def existence_mask(self, parties: list[str], days: np.ndarray) -> np.ndarray:
        """Boolean [party, day]: the state exists on that day (organisations: founded)."""
        day_i = days.astype("datetime64[D]").astype(np.int64)
        mat = np.zeros((len(parties), len(day_i)), dtype=bool)
        for pi, p in enumerate(parties):
            if p in self.states:
                s = self.states[p]
                mat[pi] = _period_mask([(s.exists_from or dt.date(1, 1, 1), s.exists_to)], day_i)
            else:
                o = self.organisations[p]
                mat[pi] = _period_mask([(o.founded, None)], day_i)
        return mat


def _to_i(d: dt.date) -> int:
    return int(np.datetime64(d, "D").astype(np.int64))


def _period_mask(periods: list[tuple[dt.date, dt.date | None]], day_i: np.ndarray) -> np.ndarray:
    mask = np.zeros(day_i.shape, dtype=bool)
    for start, end in periods:
        lo = _to_i(start)
        hi = _to_i(end) if end is not None else np.iinfo(np.int64).max
        mask |= (day_i >= lo) & (day_i < hi)
    return mask


def _readings_text(readings: list[dict[str, Any]]) -> str:
    """Readings as one cell: ``RUS: suspended (none); nato: in_force (legal)``."""
    return "; ".join(f"{r['by']}: {r['status']} ({r['binding']})" for r in readings)


def _segment_mask(
    segs: list[Segment],
    day_i: np.ndarray,
    rec: Record | None = None,
    reading: str | None = None,
) -> np.ndarray:
    if not segs:
        return np.zeros(day_i.shape, dtype=bool)
    starts = np.array([_to_i(s.start) for s in segs], dtype=np.int64)
    ends = np.array([_to_i(s.end) for s in segs], dtype=np.int64)
    if reading in (EVERY_READING, SOME_READING):
        pick = all if reading == EVERY_READING else any
        ok = np.array(
            [
                pick(st in BINDING_STATUSES for st in [s.status, *(r.status for r in s.readings)])
                for s in segs
            ],
            dtype=bool,
        )
    else:
        if rec is not None and reading is not None:
            statuses = [rec.status_under(s, reading) for s in segs]
        else:
            statuses = [s.status for s in segs]
        ok = np.array([st in BINDING_STATUSES for st in statuses], dtype=bool)
    idx = np.searchsorted(starts, day_i, side="right") - 1
    valid = idx >= 0
    safe = np.where(valid, idx, 0)
    result: np.ndarray = valid & (day_i < ends[safe]) & ok[safe]
    return result


@cache
def _bundled() -> Record:
    return _load_bundled()


def _load_bundled() -> Record:
    """The bundled record through the on-disk cache (``indivisible._cache``; not memoised)."""
    from indivisible import _cache
    from indivisible.record._load import _load_raw, bundled_data_dir, cache_key

    root = bundled_data_dir()
    return _cache.cached(
        "record",
        cache_key(root),
        lambda: Record(_load_raw(root)),
        lambda hit: isinstance(hit, Record) and hit.raw.root == root,
    )


Unit = Literal["day", "year"]
