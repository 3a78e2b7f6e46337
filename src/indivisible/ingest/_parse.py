"""From a file to a document and its statements (no storage)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from indivisible._errors import InputError
from indivisible.ingest._gazetteer import Person
from indivisible.ingest._link import (
    dates_mentioned,
    link,
    person_by_alias,
    persons_mentioned,
    stance,
)
from indivisible.ingest._read import RawText, read
from indivisible.ingest._structure import Speaker, Structure, structure
from indivisible.ingest.types import Document, ParsedDocument, Statement

_QUOTE = re.compile(r"“(?P<a>[^“”]+)”|\"(?P<b>[^\"\n]+)\"")
_VERBS = (
    r"said|says|told|stated|declared|wrote|added|replied|promised|assured|warned|insisted|"
    r"argued|noted|stressed|asked"
)
_NAME = r"[A-Z][\w.’'\-]*(?:\s+(?:[A-Z][\w.’'\-]*|de|van|von|der))*"
_BEFORE = re.compile(
    rf"(?P<who>{_NAME}|\b[Hh]e|\b[Ss]he|\b[Tt]hey)\s+(?:{_VERBS})\b(?P<tail>[^“”\"!?]{{0,120}})$"
)
_AFTER = re.compile(
    rf"^\s*,?\s*(?:(?P<who>{_NAME}|he|she)\s+(?:{_VERBS})\b|(?:{_VERBS})\s+(?P<who2>{_NAME}))"
)
_AUDIENCE = re.compile(r"^[\s,.”\"]*(?:\w+[\s,]+){0,2}question\b", re.IGNORECASE)
_REPORTED = re.compile(
    rf"^(?P<who>(?:{_NAME})|He|She)(?:,[^,]{{1,80}},)?\s+(?:{_VERBS})"
    r"(?:\s+(?:reporters|journalists|the \w+|on \w+|in \w+|at \w+)){0,3}"
    r"\s+(?:that\s+)?(?P<what>[\w“\"].+)$"
)
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,40}(?:,[^—–]{1,40})?\s*[—–-]+\s*")
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[”\"’)]*|$)")


def parse(path: Path) -> ParsedDocument:
    """Read one document and find its statements.

    Raises:
        InputError: the file cannot be read as a document (see :func:`_read.read`).
    """
    raw = read(path)
    return parse_text(raw, str(path))


def parse_text(raw: RawText, source_path: str) -> ParsedDocument:
    """Find the statements of an already decoded document."""
    found = structure(raw)
    if found.body_blocks == 0:
        raise InputError(
            "no document text left once page furniture (navigation, share bars, "
            "metadata) is removed",
            path=source_path,
        )
    document = Document(
        id=raw.sha256,
        title=found.title,
        date=found.date,
        place=found.place,
        kind=found.kind,
        source_path=source_path,
        text=raw.text,
        format=raw.format,
        author=found.author,
    )
    if found.kind == "news_article":
        statements = _news_statements(raw.text, found)
    else:
        statements = _turn_statements(raw.text, found)
    return ParsedDocument(document, tuple(_finish(raw.text, found.date, statements)))


_Draft = tuple[int, Speaker, int, int, int | None, dt.date | None, str | None]


def _finish(text: str, day: dt.date | None, drafts: list[_Draft]) -> list[Statement]:
    out: list[Statement] = []
    for seq, (turn, speaker, start, end, page, when, quoted_by) in enumerate(drafts):
        body = text[start:end]
        links = link(body, day)
        label, cue = stance(body)
        if speaker.role in ("journalist", "member of the audience") and "?" in body:
            label, cue = "question", "?"
        out.append(
            Statement(
                seq=seq,
                turn=turn,
                speaker=speaker.name,
                role=speaker.role,
                person_id=speaker.person.id if speaker.person else None,
                text=body,
                start=start,
                end=end,
                page=page,
                date=when,
                instruments=links.instruments,
                organisations=links.organisations,
                dates_mentioned=tuple(dict.fromkeys(d for _, _, d in dates_mentioned(body, day))),
                stance=label,
                stance_cue=cue,
                quoted_by=quoted_by,
            )
        )
    return out


def _turn_statements(text: str, found: Structure) -> list[_Draft]:
    drafts: list[_Draft] = []
    for number, turn in enumerate(found.turns):
        for start, end, page in turn.spans:
            drafts.append((number, turn.speaker, start, end, page, found.date, None))
            by = turn.speaker.name or turn.speaker.role
            drafts.extend(
                (number, who, a, b, page, when, by)
                for who, a, b, when in _quotations(text, start, end, found.date)
            )
    return drafts


def _speaker_of(who: str, context: str, day: dt.date | None) -> Speaker | None:
    """Resolve the subject of a speech verb: a name, or a pronoun to the last person."""
    if who.lower() in ("he", "she", "they"):
        refs = [r for r in persons_mentioned(context, day) if r.person is not None]
        if not refs:
            return None
        person = refs[-1].person
        assert person is not None
        return Speaker(person.name, _role(person, day), person)
    refs = [r for r in persons_mentioned(who, day) if r.person is not None]
    if refs:
        person = refs[-1].person
        assert person is not None
        return Speaker(person.name, _role(person, day), person)
    words = [w for w in who.split() if w[:1].isupper()]
    if len(words) >= 2 and words[0] not in ("As", "The", "And", "But", "When", "Then"):
        person = person_by_alias(" ".join(words))
        if person is not None:
            return Speaker(person.name, _role(person, day), person)
        return Speaker(" ".join(words[-3:]), None)
    return None


def _role(person: Person, day: dt.date | None) -> str | None:
    """The role held on ``day``, else the last role taken up before it."""
    held = person.role_on(day)
    if held or day is None:
        return held
    before = [r for r in person.roles if r.start is not None and r.start <= day]
    return before[-1].title if before else None


def _quotations(
    text: str, start: int, end: int, day: dt.date | None
) -> list[tuple[Speaker, int, int, dt.date | None]]:
    """Quotations inside a statement that are attributed to someone."""
    body = text[start:end]
    out: list[tuple[Speaker, int, int, dt.date | None]] = []
    for m in _QUOTE.finditer(body):
        group = "a" if m.group("a") is not None else "b"
        inner = m.group(group)
        if len(inner.split()) < 4:
            continue
        a, b = m.span(group)
        lead = len(inner) - len(inner.lstrip())
        trail = len(inner) - len(inner.rstrip())
        a, b = a + lead, b - trail
        while b > a and body[b - 1] in ",;:":
            b -= 1
        before = body[: m.start()]
        window_start = max(0, before.rfind(".", 0, max(0, len(before) - 1)) - 200)
        speaker: Speaker | None = None
        when: dt.date | None = None
        if _AUDIENCE.match(body[m.end() : m.end() + 40]):
            speaker = Speaker(None, "member of the audience")
        else:
            said = _BEFORE.search(before[-240:])
            if said:
                context = before[: len(before) - len(before[-240:]) + said.start("who")]
                window = before[window_start:]
                for _, _, iso in dates_mentioned(window, day):
                    if len(iso) == 10:
                        when = dt.date.fromisoformat(iso)
                speaker = _speaker_of(said.group("who").strip(), context, when or day)
            else:
                after = _AFTER.match(body[m.end() : m.end() + 80])
                if after:
                    who = after.group("who") or after.group("who2") or ""
                    speaker = _speaker_of(who, before, day)
        if speaker is not None:
            out.append((speaker, start + a, start + b, when))
    return out


def _news_statements(text: str, found: Structure) -> list[_Draft]:
    """Quoted and reported speech in a news article, attributed to the person quoted."""
    drafts: list[_Draft] = []
    spans = [s for turn in found.turns for s in turn.spans]
    context_start = spans[0][0] if spans else 0
    turns: dict[str, int] = {}
    for start, end, page in spans:
        para = text[start:end]
        for sm in _SENTENCE.finditer(para):
            sentence = sm.group(0)
            s_start = start + sm.start() + (len(sentence) - len(sentence.lstrip()))
            s_text = sentence.strip()
            if not s_text:
                continue
            quotes = _quotations(text, s_start, s_start + len(s_text), found.date)
            context = text[context_start:s_start]
            if quotes:
                for who, a, b, when in quotes:
                    turn = turns.setdefault(who.key, len(turns))
                    drafts.append((turn, who, a, b, page, when or found.date, None))
                continue
            dateline = _DATELINE.match(s_text)
            skip = dateline.end() if dateline else 0
            rep = _REPORTED.match(s_text[skip:])
            if rep:
                reporter = _speaker_of(rep.group("who"), context, found.date)
                if reporter is None:
                    continue
                a = s_start + skip + rep.start("what")
                b = s_start + len(s_text)
                turn = turns.setdefault(reporter.key, len(turns))
                drafts.append((turn, reporter, a, b, page, found.date, None))
    return drafts
