"""The data check: every reference resolves, every fact has a source, dates are sane.

Run it with ``indivisible data check [DIR]``. A problem names the file, line and record.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from indivisible._errors import InputError
from indivisible.record._load import Located, RawRecord, load_raw
from indivisible.record.types import SOURCE_KINDS, Claim, Instrument

EARLIEST = dt.date(1945, 1, 1)
OSCE_PARTICIPATING_STATES = 57

_ORDER = {  # per party: an event of the left kind may not come after one on the right
    "signed": ("ratified", "acceded", "entered_into_force", "withdrawn"),
    "ratified": ("withdrawn",),
    "notice_of_withdrawal": (),
}


@dataclass(frozen=True)
class Problem:
    """One failed check, located in its file."""

    where: str
    record: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.record}: {self.message}"


def check(root: Path | None = None) -> list[Problem]:
    """Check a data folder (the bundled one by default) and return every problem found.

    A file that cannot be parsed at all is reported as a single problem.
    """
    try:
        raw = load_raw(root)
    except InputError as exc:
        where = (exc.path or str(root or "bundled data")) + (f":{exc.line}" if exc.line else "")
        record = f"field '{exc.field}'" if exc.field else "file"
        return [Problem(where, record, exc.reason)]
    return check_raw(raw)


def check_raw(raw: RawRecord) -> list[Problem]:
    """Run every check on already loaded data."""
    out: list[Problem] = []
    actors = set(raw.states) | set(raw.organisations)
    latest = raw.coverage.reviewed

    def at(kind: str, key: str) -> str:
        loc = raw.where.get((kind, key))
        return str(loc) if loc else str(raw.root)

    def need_source(where: str, rec: str, src: str | None, what: str = "source") -> None:
        if src is None:
            out.append(Problem(where, rec, f"{what} is missing"))
        elif src not in raw.sources:
            out.append(Problem(where, rec, f"{what} {src!r} is not in the bibliography"))

    def plausible(where: str, rec: str, d: dt.date, what: str, future_ok: bool = False) -> None:
        if d < EARLIEST:
            out.append(Problem(where, rec, f"{what} {d} is before {EARLIEST}"))
        if d > latest and not future_ok:
            out.append(Problem(where, rec, f"{what} {d} is after the review date {latest}"))

    def claims(where: str, rec: str, items: list[Claim]) -> None:
        for c in items:
            need_source(where, rec, c.source, "claim source")
            if c.by not in actors and not c.by.startswith("person:"):
                out.append(Problem(where, rec, f"claim by {c.by!r}: unknown actor"))

    for sid, st in raw.states.items():
        w = at("state", sid)
        need_source(w, f"state {sid}", st.source)
        need_source(w, f"state {sid}", st.capital.source, "capital source")
        if st.exists_from and st.exists_to and st.exists_to <= st.exists_from:
            out.append(Problem(w, f"state {sid}", "exists_to is not after exists_from"))
    n_osce = sum(1 for s in raw.states.values() if s.osce)
    if n_osce != OSCE_PARTICIPATING_STATES:
        out.append(
            Problem(
                str(raw.root / "states.yaml"),
                "states",
                f"{n_osce} states are marked osce: true; the OSCE has "
                f"{OSCE_PARTICIPATING_STATES} participating States",
            )
        )
    for oid, org in raw.organisations.items():
        need_source(at("organisation", oid), f"organisation {oid}", org.source)

    periods: dict[tuple[str, str], list[tuple[dt.date, dt.date | None, str]]] = defaultdict(list)
    for i, m in enumerate(raw.memberships):
        w = at("membership", str(i))
        rec = f"membership {m.state} in {m.org} from {m.start}"
        need_source(w, rec, m.source)
        if m.end is not None:
            need_source(w, rec, m.end_source, "end_source")
        claims(w, rec, m.claims)
        if m.org not in raw.organisations:
            out.append(Problem(w, rec, f"unknown organisation {m.org!r}"))
        else:
            org = raw.organisations[m.org]
            if m.start < org.founded:
                out.append(Problem(w, rec, f"starts before {m.org} was founded ({org.founded})"))
        if m.state not in raw.states:
            out.append(Problem(w, rec, f"unknown state {m.state!r}"))
        else:
            st = raw.states[m.state]
            if st.exists_to and m.start >= st.exists_to:
                out.append(Problem(w, rec, f"starts after {m.state} ceased to exist"))
        if m.end is not None and m.end <= m.start:
            out.append(Problem(w, rec, f"ends ({m.end}) on or before it starts"))
        plausible(w, rec, m.start, "start")
        if m.end is not None:
            plausible(w, rec, m.end, "end")
        periods[(m.org, m.state)].append((m.start, m.end, w))
    for (org_id, state), ps in periods.items():
        ps.sort(key=lambda p: p[0])
        for (s1, e1, _w1), (s2, _e2, w2) in itertools.pairwise(ps):
            if e1 is None or s2 < e1:
                out.append(
                    Problem(
                        w2,
                        f"membership {state} in {org_id} from {s2}",
                        f"overlaps the period from {s1} ({'open' if e1 is None else e1})",
                    )
                )

    for iid, inst in raw.instruments.items():
        out.extend(_check_instrument(inst, raw.where.get(("instrument", iid)), raw, actors))

    for sid, src in raw.sources.items():
        if not (src.read or "").strip():
            out.append(
                Problem(at("source", sid), f"source {sid}", "'read' is missing: say what was read")
            )
    for what, sid in source_facts(raw):
        src_ = raw.sources.get(sid)
        if forum_or_aggregator((src_.url if src_ else None) or ""):
            out.append(
                Problem(
                    str(raw.root),
                    what,
                    f"cites {sid!r}, a forum, study guide or aggregator: cite what the page copies",
                )
            )

    used = _used_sources(raw)
    del used  # unused sources are allowed (a bibliography may list background reading)
    return out


def _check_instrument(
    inst: Instrument, loc: Located | None, raw: RawRecord, actors: set[str]
) -> list[Problem]:
    out: list[Problem] = []
    w = str(loc) if loc else inst.id
    latest = raw.coverage.reviewed

    def src(rec: str, s: str, what: str = "source") -> None:
        if s not in raw.sources:
            out.append(Problem(w, rec, f"{what} {s!r} is not in the bibliography"))

    src(f"instrument {inst.id}", inst.source)
    for c in inst.disputes:
        src(f"instrument {inst.id} dispute by {c.by}", c.source, "claim source")
        if c.by not in actors:
            out.append(Problem(w, f"instrument {inst.id}", f"dispute by unknown actor {c.by!r}"))
    for rule in inst.applies_to_members:
        src(f"instrument {inst.id} applies_to_members", rule.source)
        if rule.org not in raw.organisations:
            out.append(Problem(w, f"instrument {inst.id}", f"unknown organisation {rule.org!r}"))
    eif = [e.date for e in inst.events if e.party is None and e.event == "entered_into_force"]
    if inst.signed and eif and min(eif) < inst.signed:
        out.append(Problem(w, f"instrument {inst.id}", "enters into force before it is signed"))
    by_party: dict[str, list[tuple[str, dt.date]]] = defaultdict(list)
    for e in inst.events:
        rec = f"instrument {inst.id} event {e.event} {e.party or '(all)'} {e.date}"
        src(rec, e.source)
        for c in e.disputed:
            src(rec, c.source, "claim source")
            if c.by not in actors and not c.by.startswith("person:"):
                out.append(Problem(w, rec, f"claim by unknown actor {c.by!r}"))
        for r in e.readings:
            src(rec, r.source, "reading source")
            if r.by not in actors:
                out.append(Problem(w, rec, f"reading by unknown actor {r.by!r}"))
        if e.readings and e.party is None:
            out.append(Problem(w, rec, "readings need a party (whose status is read)"))
        if e.party is not None and e.party not in actors:
            out.append(Problem(w, rec, f"unknown party {e.party!r}"))
        if e.party is None and e.event not in ("entered_into_force", "expired", "terminated"):
            out.append(Problem(w, rec, f"event {e.event!r} needs a party"))
        if e.date < EARLIEST:
            out.append(Problem(w, rec, f"date {e.date} is before {EARLIEST}"))
        if e.date > latest and e.event not in ("expired", "terminated"):
            out.append(Problem(w, rec, f"date {e.date} is after the review date {latest}"))
        if e.party is not None:
            by_party[e.party].append((e.event, e.date))
    for party, evs in by_party.items():
        for kind, d in evs:
            for later_kind in _ORDER.get(kind, ()):
                for k2, d2 in evs:
                    if k2 == later_kind and d2 < d:
                        out.append(
                            Problem(
                                w,
                                f"instrument {inst.id} party {party}",
                                f"{later_kind} ({d2}) comes before {kind} ({d})",
                            )
                        )
        notices = [d for k, d in evs if k == "notice_of_withdrawal"]
        withdrawals = [d for k, d in evs if k == "withdrawn"]
        if notices and withdrawals and min(withdrawals) < min(notices):
            out.append(Problem(w, f"instrument {inst.id} party {party}", "withdrawn before notice"))
    seen: set[str] = set()
    for cl in inst.clauses:
        rec = f"instrument {inst.id} clause {cl.id}"
        if cl.id in seen:
            out.append(Problem(w, rec, "clause id is used twice"))
        seen.add(cl.id)
        src(rec, cl.source)
        for p in cl.parameters:
            keys: set[tuple[str | None, dt.date]] = set()
            for v in p.values:
                src(f"{rec} parameter {p.id}", v.source)
                if (v.reading, v.since) in keys:
                    out.append(Problem(w, f"{rec} parameter {p.id}", f"two values since {v.since}"))
                keys.add((v.reading, v.since))
    return out


def _used_sources(raw: RawRecord) -> set[str]:
    used: set[str] = set()
    for s in raw.states.values():
        used |= {s.source, s.capital.source}
    for m in raw.memberships:
        used.add(m.source)
    for inst in raw.instruments.values():
        used.add(inst.source)
        used |= {e.source for e in inst.events}
    return used


# --------------------------------------------------------------------------- source kinds
FORUM_OR_AGGREGATOR = (
    "forum",
    "blogspot.",
    "edristi.",
    "spravo4niki.",
    "tellerreport.",
    "worldreportnow.",
    "alayham.",
    "icloud.info",
    "urdupoint.",
    "particle.news",
    "news-pravda.",
    "sanskritiias.",
    "strategicstudyindia.",
    "handlebar-online.",
    "edocr.",
    "docslib.",
    "legalclarity.",
)
"""Host fragments of forums, study guides and aggregators: no dated fact may cite them."""

_FORUM_PATHS = frozenset({"forum", "forums", "viewtopic.php", "showthread.php"})
"""Path segments of a discussion board on a host that is not itself one."""


def forum_or_aggregator(url: str) -> bool:
    """Whether ``url`` is on a forum, study guide or aggregator.

    The fragments of :data:`FORUM_OR_AGGREGATOR` are matched against the host only, and a
    board under another host by its path segment (``/forums/``): a word in an article's
    address ("…-waldai-forum-putin", the OSCE's Forum for Security Co-operation) is not a
    forum.
    """
    parts = urlsplit(url.strip().lower())
    host = parts.netloc or parts.path.split("/", 1)[0]
    if any(h in host for h in FORUM_OR_AGGREGATOR):
        return True
    return any(seg in _FORUM_PATHS for seg in parts.path.split("/"))


def source_facts(raw: RawRecord) -> list[tuple[str, str]]:
    """Every dated membership and treaty-status fact as ``(description, source id)``."""
    out: list[tuple[str, str]] = []
    for m in raw.memberships:
        out.append((f"membership {m.state} in {m.org} from {m.start}", m.source))
        if m.end is not None and m.end_source is not None:
            out.append((f"membership {m.state} in {m.org} ends {m.end}", m.end_source))
    out.extend(
        (f"{inst.id} {e.event} {e.party or '(all)'} {e.date}", e.source)
        for inst in raw.instruments.values()
        for e in inst.events
    )
    return out


def source_report(root: Path | None = None) -> dict[str, object]:
    """The distribution of dated facts over source kinds (``data check --sources``).

    Returns ``{"facts": N, "by_kind": {"text": n, "official": n, "secondary": n,
    "tertiary": n}, "tertiary_only": [...], "weak_hosts": [...]}``: ``tertiary_only``
    lists the facts whose only source is tertiary; ``weak_hosts`` those citing a forum,
    study guide or aggregator (see :func:`forum_or_aggregator`).
    """
    raw = load_raw(root)
    by_kind = dict.fromkeys(SOURCE_KINDS, 0)
    tertiary: list[str] = []
    weak: list[str] = []
    facts = source_facts(raw)
    for what, sid in facts:
        src = raw.sources.get(sid)
        if src is None:
            continue
        by_kind[src.kind] += 1
        if src.kind == "tertiary":
            tertiary.append(f"{what} ({sid})")
        if forum_or_aggregator(src.url or ""):
            weak.append(f"{what} ({sid})")
    return {
        "facts": len(facts),
        "by_kind": by_kind,
        "tertiary_only": tertiary,
        "weak_hosts": weak,
    }
