"""From a file to a document and its statements (no storage)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from indivisible._errors import InputError
from indivisible.ingest._furniture import LineContext, furniture
from indivisible.ingest._gazetteer import (
    Person,
    load,
    office_descriptions,
    one_word_state_names,
    world_place_words,
)
from indivisible.ingest._link import (
    HONORIFIC,
    dates_mentioned,
    latin,
    link,
    patterned_in,
    person_by_alias,
    persons_mentioned,
    stance,
    written_after,
)
from indivisible.ingest._names import (
    NAME_RUN,
    SENTENCE_OPENERS,
    TITLE_ABBREVIATIONS,
    UPPER,
    german_office,
    implausible_speaker,
    is_role_word,
    person_name,
    possessive,
    same_person,
    titled_surname,
)
from indivisible.ingest._read import RawText, read
from indivisible.ingest._sentences import sentences
from indivisible.ingest._structure import (
    FOREIGN_SAID_WORDS,
    Speaker,
    Structure,
    Turn,
    foreign_said,
    lone_surname,
    structure,
)
from indivisible.ingest.types import Document, ParsedDocument, Statement

#: A quotation: curly, straight or guillemet marks («…», as French and machine-translated
#: Russian copy print them).
_QUOTE = re.compile(
    r"“(?P<a>[^“”]+)”|\"(?P<b>[^\"\n]+)\"|«(?P<c>[^«»]+)»"
    # German and Polish copy open low and close high: „…“ (or „…”).
    r"|„(?P<d>[^„“”]+)[“”]"
    # British and Irish copy quotes in single marks: ‘We have suggested …’ (an apostrophe
    # inside a word, "didn’t", does not close it; the opening mark follows a space or a
    # colon, never a letter)
    r"|(?<![\w’])‘(?P<e>(?:[^‘’\n]|’(?=\w))+)’(?!\w)"
    # or in straight ones, typed: 'Russia's aggression is a challenge,' Healey said. The
    # mark opens before a capital and closes after the quotation's own punctuation; an
    # apostrophe before a letter ("Russia's") does not close it.
    r"|(?<![\w'’])'(?=[A-Z])(?P<f>(?:[^'\n]|'(?=\w))+?[.,!?…])'(?!\w)"
)
#: A quotation opened after a colon or comma and never closed in the sentence.
_UNCLOSED = re.compile(r"(?<=[,:] )“(?P<a>[^“”]{20,})$|(?<=[,:] )«(?P<c>[^«»]{20,})$")
_VERBS = (
    # "Ryabkov was quoted as telling state news agency Tass that …"
    r"(?:was|were) quoted as (?:saying|telling)|"
    r"said|says|told|stated|declared|wrote|added|replied|promised|assured|warned|insisted|"
    # (a live blog's present tense: "Foreign Minister Ann Linde tells news agency TT that …")
    r"tells|adds|warns|insists|argues|stresses|explains|writes|"
    r"argued|noted|stressed|asked|emphasized|emphasised|underlined|pointed out|affirmed|"
    r"reaffirmed|underscored|reiterated|acknowledged|admitted|confirmed|explained|commented|"
    r"cautioned|urged|accused|blamed|denied|dismissed|described|labell?ed|claimed|charged|"
    r"responded|remarked|recalled|concluded|observed|suggested|maintained|contended|"
    r"complained|vowed|pledged|tweeted|posted|blogged|announced|called|termed|branded|"
    r"specified|indicated|clarified|mentioned|highlighted|proposed|critici[sz]ed|regretted|"
    r"welcomed|commended|praised|reminded|drew attention to(?: the fact)?|made (?:it )?clear|"
    r"predicted|quipped|"
    r"spoke (?:of|about)|"
    r"reassured|informed|notified|answered|outlined|assessed|estimated|"
    # "had a simple yet direct message for Mr Lavrov: “…”", "had this to say: “…”"
    r"had (?:a|this|the following|one)(?: [\w-]+){0,4}? (?:message|words?|warning|advice)|"
    r"had this to say|put it (?:this way|bluntly|simply|plainly)|"
    r"condemned|denounced|deplored|lamented|ruled out|blasted|slammed|referred to|"
    # "expressed “grave concern” and “surprise” at …": the words quoted, too short to stand alone
    r"expressed [“\"][^“”\"]{1,40}[”\"](?: and [“\"][^“”\"]{1,40}[”\"])?|"
    r"expressed (?:his|her|their|the) (?:desire|wish|view|belief|conviction|hope)|"
    r"(?:was|were) quoted (?:by [A-Z][\w ]{1,30}? )?as saying|"
    r"expressed (?:his|her|their) (?:readiness|hope|concern|confidence|regret|support)|"
    # "voiced his expectation that", "expressed his appreciation for", "voiced special gratitude"
    r"(?:expressed|voiced) (?:(?:his|her|their|the|special|deep|particular|strong)\s+){0,2}"
    r"(?:appreciation|gratitude|expectation|hope|concern|support|conviction|satisfaction|"
    # "has expressed disappointment at the failure of …"
    r"disappointment|regret|dismay|alarm|frustration|surprise|confidence|readiness)"
)
# A name, or a title with its name ("Secretary of State Antony Blinken"): "of" and "of
# the" join capitalised words.
_NAME = (
    # A capital with any diacritic opens a name ("Đukanović", "Šefčovič", "Łukasz").
    rf"[{UPPER}][\w.’'\-]*(?:\s+(?:[{UPPER}][\w.’'\-]*|(?:de|van|von|der)\b|(?:of|to)(?:\s+the)?(?=\s+[A-Z])"
    # "State Department spokesman Ned Price", "Russian presidential aide Yuri Ushakov": a
    # lower-case office noun (and up to two lower-case words before it) before the name.
    r"|(?:(?!(?:and|or|the|a|an|with|by|to|in|on|at|from|for|said|says|told)\b)[a-z][\w-]*\s+){0,2}"
    r"(?:spokes(?:man|woman|person)|envoy|official|diplomat|aide|adviser|advisor|minister|"
    r"secretary(?:-[Gg]eneral)?|ambassador|representative|negotiator|lawmaker|senator|legislator|deputy|"
    r"commander|chief|leader|president|chairman|chairwoman|head|director|general|analyst|"
    r"expert|researcher|professor|governor|mayor|premier|chancellor|"
    # "said Eurasian specialist David Teurtrie"
    r"specialist|scholar|historian|economist|commentator|observer)(?=\s+[A-Z])"
    # "Russia deputy Interior Minister Grigori Karasin": a lower-case rank inside the title.
    r"|(?:deputy|vice|acting|first)(?=\s+[A-Z])))*"
)
#: When something was said, between the verb and what was said ("said Sunday …").
_WHEN = (
    r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|"
    r"tonight|earlier|later|"
    # "Vladimir Putin last year called on Washington to …", "earlier this month"
    r"(?:earlier\s+)?(?:last|this)\s+(?:year|month|week|night))"
)
#: "has said", "had commented", "also said", "has repeatedly warned": an auxiliary or an
#: adverb of time or repetition between the speaker and the verb.
_AUX = (
    r"(?:(?:has|had|have)\s+)?"
    r"(?:(?:also|again|later|earlier|previously|repeatedly|once again|then|further)\s+)?"
    # "formally notified", "publicly warned": an adverb of manner before the verb.
    r"(?:(?!(?:re|app|fam|ital|on|fl|ug|bel|jul|ral|sil|hol|supp)ly\b)[a-z]{3,}ly\s+)?"
)
_BEFORE = re.compile(
    r"(?P<who>\b[Tt]he\s+(?:[\w.’'-]+\s+){0,3}?[\w.’'-]+|"
    r"\b[Aa]n?\s+(?:[\w.’'-]+\s+){0,3}?(?:official|spokes(?:man|woman|person)|diplomat|source)|"
    # "… by White House spokeswoman Jen Psaki, who said …": a relative clause's verb
    rf"{_NAME}|\b[Hh]e|\b[Ss]he|\b[Tt]hey)(?:,\s+who)?"
    # "Ivanov hesitated, then said, “…”", "Putin smiled and said: “…”": one verb of what
    # the speaker did before speaking
    r"(?:\s+[a-z]{3,}ed,?\s+(?:and\s+then|and|then))?"
    rf",?\s+{_AUX}(?:{_VERBS})\b"
    r"(?P<tail>[^“”«»\"!?]{0,120})$"
)
#: A participle of speech after the subject's clause, then the quotation: "Senate Majority
#: Leader Harry Reid, D-Nev., sounded not quite as upbeat, telling reporters: “…”".
_PARTICIPLE_BEFORE = re.compile(
    rf"(?P<who>{_NAME})(?:,[^,“”\"]{{2,40}},)?\s+(?:[a-z][\w’'-]*[\s,]+){{1,12}}?"
    r"(?:telling|saying|adding|noting|warning|insisting|arguing|declaring|stressing)\b"
    r"[^“”«»\"!?.]{0,60}$"
)
_AFTER = re.compile(
    # "«…», — said Erler": a dash may stand between the quotation and its attribution.
    # '“…,” spokesman of the ministry Anton Mazur said': a lower-case office before the name.
    # (not "the Russian Foreign Minister", a description read below)
    # '"…," the conference's Argentinian President Gustavo Zlauvinen told': a body's
    # possessive before the office and the name.
    rf"^\s*,?\s*(?:[—–]\s*)?(?:(?:the\s+[a-z][\w-]*[’']s\s+|(?!(?:the|a|an)\s)[a-z][\w’'-]*\s+(?:[a-z][\w’'-]*\s+){{0,4}}?)?"
    rf"(?P<who>{_NAME}|he|she)(?:,[^,“”\"]{{2,80}},)?"
    # "Sen. Lindsey Graham (R-S.C.) told reporters": a party and state in brackets
    r"(?:\s+\([A-Z]-[A-Za-z.]{2,8}\))?"
    rf"\s+{_AUX}(?:{_VERBS})\b"
    rf"|(?:{_VERBS})\s+(?P<who2>{_NAME})"
    # '“…,” BelTA quotes CSTO spokesman Vladimir Zainetdinov.': an outlet relays the words.
    rf"|(?:[A-Z][\w-]*\s+){{1,3}}(?:quotes|quoted|cites|cited)\s+"
    rf"(?:[a-z][\w’'-]*\s+){{0,3}}(?P<who3>{_NAME}))"
)
_AUDIENCE = re.compile(r"^[\s,.”\"]*(?:\w+[\s,]+){0,2}question\b", re.IGNORECASE)
_INTRO = (
    # "But Albanese said …", "However, he noted that …": a conjunction opening the sentence
    r"(?:(?:But|And|Yet|Still|Meanwhile|However|Also|Later|Earlier|Instead)\s*,?\s+)?"
    r"(?:(?:[A-Z][^,“\"”]{2,120}|[Ii]n [^,]{2,60}),\s+"
    # "On the issue German Foreign Minister Heiko Maas said …": a short phrase of place or
    # topic in lower case after its preposition, no comma before the subject
    r"|(?:On|In|At|During|After|Before|Under|For)\s+(?:the\s+|this\s+|that\s+|its\s+)?"
    r"[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}\s+(?=[A-Z]))?"
)
#: "The representative of the Russian Federation said that …" (UN meetings coverage): an
#: unnamed delegate, known by the country they speak for.
_DELEGATE = r"[Tt]he\s+representative\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,4}"
#: "The top official stressed that …": a description standing for the person last named.
_DESCRIBED = (
    # "The top official …", and someone the page does not name: "A White House official …"
    r"(?:The|An?)\s+(?:[\w.’'-]+\s+){0,3}?(?:official|minister|diplomat|envoy|"
    r"spokes(?:man|woman|person)|ambassador|secretary-general|chancellor|chief|head of state|"
    r"source)"
    # "The Russian ambassador to Austria": where the person is posted
    r"(?:\s+(?:to|in|at)\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})?"
)
#: A lower-case description before a capitalised title and its name ("Kazakhstan’s newly
#: appointed President Kassym-Jomart Tokayev", "the outgoing Secretary General …"): not
#: part of the name.
_PRENAME = (
    r"(?:(?:[Tt]he\s+)?(?:[A-Z][\w’'-]+[’']s\s+)?(?:[Nn]ewly[\s-](?:appointed|elected|named)|"
    r"[Rr]ecently\s+(?:appointed|elected)|[Oo]utgoing|[Ii]ncoming|[Ff]ormer|[Aa]cting|"
    # "The Honourable Mélanie Joly, Minister of Foreign Affairs, today announced …"
    r"(?:Right\s+)?Honou?rable|Hon\.)\s+"
    r"(?=[A-Z]))?"
)
_REPORTED = re.compile(
    # "President Vladimir Putin, who earlier this month suggested that …, said he was not
    # ready …": a relative clause about the subject may run longer than an apposition.
    rf"^{_INTRO}{_PRENAME}(?P<who>(?:{_NAME})|He|She|{_DELEGATE}|{_DESCRIBED})(?P<appos>(?:,\s+who\s[^,“\"”]{{1,200}}|(?:,[^,“\"”]{{1,120}}){{1,2}}),)?"
    # "Guterres on Tuesday called on …": when, between the subject and the verb; "…, at the
    # summit in Armenia expressed …": where, after an apposition.
    rf"(?:\s+{_WHEN})?(?:(?<=,)\s+(?:at|in|during)\s+(?:the\s+)?[^,“\"”]{{3,50}}?)?\s+{_AUX}(?:{_VERBS})"
    # "told Reuters on Saturday that": an outlet, a day or a place between verb and clause.
    # "told the Council that" — but "said the administration would …" names no addressee
    r"(?:\s+(?:reporters|journalists|the \w+(?=\s+(?:that|on|in|at|during|about)\b)|"
    rf"on \w+|in (?:an? )?\w+|at \w+|{_WHEN}|"
    r"(?:Reuters|TASS|AFP|AP|CNN|BBC|Interfax|RIA Novosti|Sputnik|[A-Z][a-z]+ TV)|"
    # "notified NATO governments Saturday that": whom the words were addressed to.
    r"[A-Z][\w-]+\s+(?:governments|leaders|officials|members|allies|counterparts|"
    r"ministers|partners|colleagues)))"
    r"{0,3}"
    r":?\s+(?:that\s+)?(?P<what>[\w“\"].+)$"
)
#: Whom the words were for, closed by a colon before the quotation: "for Mr Lavrov: “…”".
_TO_WHOM_COLON = re.compile(r"[^“”\"«»:.]{1,80}:\s+(?=[“\"«])")
_DATELINE = re.compile(
    # "MOSCOW : The speaker …": a colon set off by a space, as Singapore's TODAY prints it.
    r"^[A-Z][A-Z .'’/-]{2,40}(?:,[^—–]{1,40})?(?:\s*[—–-]+|\s+:)\s*"
    # "Feb. 21 (UPI) -- …", "ANKARA, Turkey (AP) …": a place or a day, then the agency in
    # brackets, with or without a dash after it.
    r"|^(?:[A-Z][\w.'’/-]*(?:,?\s+[A-Z0-9][\w.'’/-]*){0,3},?\s+)?"
    r"\((?:[A-Z][A-Za-z]{1,11}|[A-Z]{2,6}(?:[/-][A-Za-z]{2,10})?)\)\s*(?:[—–-]+|:)?\s*"
)
_ROLE_NOUN = re.compile(
    r"\b(?:official|minister|ambassador|president|secretary|spokes(?:person|man|woman)|"
    r"diplomat|chief|head|envoy|representative|leader|chancellor|premier|delegate|"
    r"general|commander|director|chair(?:man|woman|person)?|prime)\b",
    re.IGNORECASE,
)
_OPEN_QUOTE = re.compile(r"^[“\"«](?P<q>[^“”\"«»]+?)[,.!?]?[”\"»]\s*$")
_WHOLE_QUOTE = re.compile(r"^[“\"«](?P<q>[^“”\"«»]+?)[,.!?]?[”\"»]\s*$")
#: "according to statements by X", "according to a statement from X": the words are X's.
_BY = (
    r"(?:(?:an?\s+|the\s+)?(?:statements?|remarks|comments|words|interview|post)"
    r"\s+(?:by|of|from)\s+)?"
)
_ACCORDING = re.compile(
    rf"^(?:[^,“\"]{{0,60}},\s*)?(?:according to|in the words of) {_BY}"
    r"(?P<who>(?:his|her|their)\s+words|"
    rf"{_NAME}|him|her|them)"
    r"\s*,\s*(?P<what>.+)$",
    re.IGNORECASE,
)
_ACCORDING_BEFORE = re.compile(
    rf"(?:according to|in the words of) {_BY}(?P<who>{_NAME}|him|her)\s*,?\s*$", re.IGNORECASE
)
#: "…, according to statements by spokeswoman Maria Zakharova on …": the attribution
#: closes the sentence.
_ACCORDING_AFTER = re.compile(
    # A short quoted fragment may sit in the clause ("Norway “is the only NATO member
    # bordering Russia,” so it is monitoring …, according to Frank Bakke-Jensen, …").
    rf"^(?P<what>(?:[^“\"”]|“[^“”]{{1,60}}”|\"[^\"]{{1,60}}\"){{20,}}?),\s+according to {_BY}"
    rf"(?P<who>(?:[\w’'.-]+\s+){{0,6}}?{_NAME})"
    r"(?:\s+(?:on|in|at|to|during|after|before)\b[^“\"”]{0,100})?"
    # "…, according to Anatoly Antonov, Russia’s ambassador to the United States."
    r"(?:,[^,“\"”]{2,100})?[.!]?$"
)
_REPORTED_AFTER = re.compile(
    # Not an opening participle ("Urging dialogue, the UN chief called …"): that is how
    # the speaker acted, not what was said.
    # A short quoted fragment may sit in the reported clause ("… the INF accord as an
    # “objective fact”, Lavrov said."); a whole quotation is read as a quotation.
    r"^(?![A-Z][a-z]+ing\b)(?P<what>(?:[^“\"”]|“[^“”]{1,40}”|\"[^\"]{1,40}\"){20,}?)[,”\"]+\s+"
    r"(?P<attr>(?:[^,.“\"”]|\.(?=[A-Z ]))"
    r"{2,120}?(?:,[^,“\"”]{1,100}?){0,2}),?\s+"
    # What follows the verb may quote more ("…, the Head told the Council, warning that
    # “we will be judged …”"): the clause before the attribution is reported all the same.
    rf"(?:{_VERBS}|continued|explained)\b.{{0,300}}$"
)
#: A short phrase of when or where opening a sentence before its subject ("In another
#: interview", "On the night of January 6").
_INTRODUCTORY = re.compile(
    r"(?:In|At|On|During|After|Before|Earlier|Later|Meanwhile|Separately|Elsewhere|Last|"
    r"Next)\b[^,;:“”\"]{0,40}"
)
#: The speech verb after an attribution, and the "that" after it.
_VERB_AFTER_ATTRIBUTION = re.compile(rf"\s(?:{_VERBS}|continued|explained)\b(?:\s+that\b)?\s*")
#: "…,” the deputy minister, Sergei Ryabkov, said": the name in apposition is who.
_AFTER_APPOSED = re.compile(
    rf"^\s*,?[”\"]?\s*(?:the|a)\s+[\w.’'\s-]{{2,60}}?,\s+(?P<who>{_NAME}),\s+{_AUX}"
    rf"(?:{_VERBS})\b"
)
_AFTER_DESCRIBED = re.compile(
    r"^\s*,?[”\"“]?\s*(?P<who>(?:the|a)\s+[\w.’'\s-]{2,60}?)\s+"
    rf"(?:{_VERBS}|continued|explained)\b"
    # '“…,” added the Minister', '“…,“ concluded the Slovak minister': the verb first.
    rf"|^\s*,?[”\"“]?\s*(?:{_VERBS}|continued|concluded)\s+(?P<who_inv>the\s+(?:[\w’'-]+\s+){{0,2}}?"
    r"(?:[Mm]inister|[Ss]ecretary|[Pp]resident|[Aa]mbassador|[Cc]hancellor|[Ss]pokes(?:man|woman|person)|"
    r"[Dd]iplomat|[Ee]nvoy|[Oo]fficial|[Cc]hair(?:man|woman|person)?|[Hh]ead))\b"
)


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
        nobody = not any(t.speaker.name or t.speaker.role for t in found.turns)
        if found.kind in ("speech", "statement") and nobody:
            # "Speech" is the kind left when no structure spoke for another; with nobody
            # found to deliver it, a page whose sentences attribute words to named people
            # ("Erdogan mentioned on Friday it was …") is a report of what they said.
            reported = _news_statements(raw.text, found)
            states = one_word_state_names()
            if any(d[1].name and d[1].name.lower() not in states for d in reported):
                statements = reported
                document = dataclasses.replace(document, kind="news_article")
        elif found.kind == "statement" and _spokesperson_only(found):
            statements = _with_principals(raw.text, found, statements)
    called = {n for n, t in enumerate(found.turns) if t.interjection}
    statements = _without_fragments(raw.text, statements, called)
    if document.kind == "news_article":
        statements = _with_narrative(raw.text, found, statements)
    statements = _with_record_persons(statements, found.date)
    statements = _without_word_speakers(raw.text, found, statements)
    # An undated page is read as written after the latest instrument it names ("START
    # Treaty" beside "New START" is New START).
    after = written_after(raw.text) if found.date is None else None
    finished = _finish(raw.text, found.date, statements, after)
    if found.kind == "treaty_text" and found.title:
        # A treaty's text names itself ("such an Open Skies regime", "this Treaty"): the
        # instrument its title names is the document, not a mention.
        own = set(link(found.title, found.date).instruments)
        finished = [
            dataclasses.replace(s, instruments=tuple(i for i in s.instruments if i not in own))
            for s in finished
        ]
    return ParsedDocument(document, tuple(finished))


_Draft = tuple[int, Speaker, int, int, int | None, dt.date | None, str | None]

#: A spokesperson's office, whose statement reports a principal's words.
_SPOKESPERSON = re.compile(
    r"\bspokes(?:person|man|woman)\b|\bpress secretary\b|\bsprecher(?:in)?\b|"
    r"\bporte-parole\b|\bportavoz\b|\bportavoce\b|\brzeczni(?:k|czka)\b|"
    r"\bофициальн\w+ представител|\bпресс-секретар",
    re.IGNORECASE,
)


def _spokesperson_only(found: Structure) -> bool:
    """Whether every turn of the page is one spokesperson's (a readout in their name)."""
    keys = {t.speaker.key for t in found.turns}
    role = found.turns[0].speaker.role if found.turns else None
    return len(keys) == 1 and bool(role) and _SPOKESPERSON.search(role or "") is not None


def _with_principals(text: str, found: Structure, drafts: list[_Draft]) -> list[_Draft]:
    """A spokesperson's readout with the principal's reported words as the principal's.

    "The following is attributable to Spokesperson Ned Price: Secretary Blinken spoke …
    The Secretary emphasized the importance of …": the statement is the spokesperson's, and
    what it reports a named person said ("emphasized", "said he would …") is that person's
    own, as a report's reported speech is; the rest stays the spokesperson's.
    """
    if not drafts:
        return drafts
    own = drafts[0][1].key
    reported = [
        d for d in _news_statements(text, found) if d[1].name and d[6] is None and d[1].key != own
    ]
    if not reported:
        return drafts
    cuts = sorted((d[2], d[3]) for d in reported)
    out: list[_Draft] = list(reported)
    for d in drafts:
        inside = [(a, b) for a, b in cuts if a < d[3] and b > d[2]]
        if not inside:
            out.append(d)
            continue
        # The spokesperson keeps the whole sentences between the reported clauses, not the
        # attribution around them ("The Secretary said", ", he added.").
        edges = [d[2], *(x for cut in inside for x in cut), d[3]]
        for k in range(0, len(edges), 2):
            x, y = edges[k], edges[k + 1]
            closed = text[:x].rstrip().endswith((".", "!", "?", "”", '"'))
            if k > 0 and not (closed and re.match(r"\s*[\"“A-Z]", text[x:y])):
                # (the rest of the reported sentence: ", he added.")
                first = _SENTENCE_BREAK.search(text, x, y)
                x = first.end() if first else y
            if k + 2 < len(edges):
                ends = [m.end() for m in _SENTENCE_BREAK.finditer(text, x, y)]
                y = ends[-1] if ends else x
            if len(text[x:y].split()) >= 3:
                out.append((d[0], d[1], x, y, d[4], d[5], d[6]))
    return sorted(out, key=lambda d: d[2])


#: The end of a sentence and the space after it.
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?\s+")


def _without_word_speakers(text: str, found: Structure, drafts: list[_Draft]) -> list[_Draft]:
    """Statements credited to words of the page rather than a person are nobody's.

    A speaker the record does not know and the page's structure did not give (a label or a
    statement's author) is no one when its one word is printed in lower case elsewhere in
    the page ("Crisis", "Secure": words of the language, not surnames) or names a state, a
    place or a body ("Russie", "Nato"'s genitive "Natos"), as a surname never does; when
    every word of its two or three is printed in lower case elsewhere ("International
    Security"); when an article opens it ("La Russie"); when it is a body's or an
    instrument's name ("Arms Control Association", "New START"); or when it is a courtesy
    title alone ("Mr.").
    """
    # The page's structure named these: a label, or a statement's author (a delegation or
    # the signatories: "European Union", "Collective Security Treaty Organization").
    labelled = {
        t.speaker.name
        for t in found.turns
        if t.speaker.name and (t.labelled or t.speaker.role in ("delegation", "signatories"))
    }
    unknown = {
        (d[1].name, d[1].role): d[1]
        for d in drafts
        if d[1].name and d[1].person is None and d[1].name not in labelled
    }
    if not unknown:
        return drafts  # every speaker the record or the page's structure named
    lower = {w for w in re.findall(r"(?<![\w-])[^\W\d_][\w’'-]*", text) if w.islower()}
    places = _place_words()
    words_only = {k for k, who in unknown.items() if _words_not_a_name(who, lower, places)}
    nobody = Speaker(None, None)
    return [
        (d[0], nobody, *d[2:])
        if d[1].person is None and (d[1].name, d[1].role) in words_only
        else d
        for d in drafts
    ]


@cache
def _place_words() -> frozenset[str]:
    """One-word names of the world's states and capitals and of the record's states."""
    return world_place_words() | one_word_state_names()


def _words_not_a_name(who: Speaker, lower: set[str], places: frozenset[str]) -> bool:
    """:func:`_without_word_speakers`'s test of one speaker the record does not know."""
    name = (who.name or "").strip(".")
    words = name.split()
    if not words:
        return False
    word = words[0]
    one_word = (
        len(words) == 1
        and who.role is None
        and (
            word.lower() in lower
            or re.sub(r"[’']s$", "", word).lower() in lower
            or word.lower() in places
            or _names_a_thing(word)
            or _names_a_thing(word[:-1])  # a genitive's ending: "Natos", "Rosje"
        )
    )
    # "Global Times", "International Security", "Comment Show": every word of the name
    # printed in lower case elsewhere; "La Russie": an article opens no one's name.
    common = 2 <= len(words) <= 3 and (
        all(w.lower() in lower for w in words) or word.lower() in _ARTICLES | {"the"}
    )
    # "Arms Control Association", "New START", "OSCE Chairmanship": a body's or an
    # instrument's name; "Mr.": a courtesy title alone.
    thing = len(words) >= 2 and _names_a_thing(name)
    courtesy = len(words) == 1 and re.fullmatch(HONORIFIC, who.name or "") is not None
    return one_word or common or thing or courtesy


def _finish(
    text: str, day: dt.date | None, drafts: list[_Draft], after: dt.date | None = None
) -> list[Statement]:
    out: list[Statement] = []
    drafts = _said_this(text, drafts)
    patterned = patterned_in([text[d[2] : d[3]] for d in drafts])
    for seq, (turn, speaker, start, end, page, when, quoted_by) in enumerate(drafts):
        body = text[start:end]
        if (
            speaker.name
            and speaker.person is None
            and speaker.role not in ("delegation", "signatories")  # a body's name
            and implausible_speaker(speaker.name)
        ):
            # "In September", "Donald Trump’s", "Article Five": a phrase the readers took
            # for a name; the words are nobody's rather than a phrase's.
            speaker = Speaker(None, None)
        links = link(body, day, after, patterned)
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


#: A sentence that says who said what came before it: "Об этом заявил … Сергей Лавров",
#: "Про це зазначила … Наталія Галібаренко", "Това обяви … Румен Радев", "Dat heeft
#: minister … gezegd", "Uviedol to …", "C'est ce qu'a déclaré …", "Así lo afirmó …".
_SAID_THIS = re.compile(
    r"^(?:об этом|это|так|такое (?:заявление|мнение))\s+(?:[^\s.,]+\s+){0,4}?"
    r"(?:заявил|сказал|сообщил|отметил|рассказал|написал|подчеркнул|высказал)а?\b"
    r"|^(?:про це|це|так)\s+(?:[^\s.,]+\s+){0,4}?"
    r"(?:заявив|сказав|повідомив|зазначив|розповів|написав|наголосив|"
    r"заявила|сказала|повідомила|зазначила|розповіла|написала|наголосила)\b"
    r"|^(?:това|така)\s+(?:[^\s.,]+\s+){0,4}?"
    r"(?:заяви|каза|обяви|посочи|съобщи|подчерта|отбеляза|коментира)\b"
    r"|^(?:poinformował[a]? o tym|powiedział[a]? to|tak (?:powiedział|stwierdził)[a]?)\b"
    r"|^(?:das|dies) (?:sagte|erklärte|betonte|teilte)\b"
    r"|^dat (?:heeft|zei|zegt|verklaarde|schrijft)\b"
    r"|^(?:uvedl[a]?|uviedol|uviedla|řekl[a]?|povedal[a]?) to\b"
    r"|^to (?:uvedl[a]?|řekl[a]?|uviedol|uviedla|povedal[a]?)\b"
    r"|^c['’]est ce qu['’](?:a|ont) (?:déclaré|affirmé|indiqué|annoncé|expliqué)\b"
    r"|^así lo (?:ha )?(?:afirmado|dicho|señalado|indicado|explicado|afirmó|dijo|señaló|"
    r"indicó|explicó)\b"
    r"|^lo ha (?:detto|dichiarato|affermato|spiegato)\b",
    re.IGNORECASE,
)


def _said_this(text: str, drafts: list[_Draft]) -> list[_Draft]:
    """What a "this was said by X" sentence points back to is X's too.

    "Генеральный секретарь НАТО … потерял связь с реальностью." over "Об этом заявил …
    министр иностранных дел РФ Сергей Лавров": the sentence before, nobody's so far, in the
    statement right before it, is the person's the second names (not one quoted by
    someone).
    """
    out = list(drafts)
    for k in range(1, len(out)):
        _, speaker, start, end, _, _, quoted_by = out[k]
        before = out[k - 1]
        if (
            speaker.name
            and quoted_by is None
            and before[1].name is None
            and before[1].role is None
            and before[6] is None
            and _SAID_THIS.match(text[start:end])
        ):
            out[k - 1] = (before[0], speaker, *before[2:])
    return out


#: A bracketed stage note of a transcript ("(Laughter.)", "(Off-mike.)", "[inaudible]"):
#: the transcriber's, not the speaker's words.
_STAGE_NOTE = re.compile(
    r"[(\[]\s*(?:laughter|laughs|applause|off[- ]mike|off[- ]microphone|inaudible|crosstalk|"
    r"cross-talk|no response|pause|interruption|audio (?:gap|interrupted)|technical difficulties)"
    r"[^)\]]{0,30}[)\]]",
    re.IGNORECASE,
)


def _without_stage_notes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of a span left once its stage notes are cut out (pieces with words only).

    Only the edges next to a cut are trimmed; a span without a stage note is kept whole.
    """
    notes = list(_STAGE_NOTE.finditer(text, start, end))
    if not notes:
        return [(start, end)]
    bounds = [start, *(x for m in notes for x in (m.start(), m.end())), end]
    out = []
    for k in range(0, len(bounds), 2):
        a, b = bounds[k], bounds[k + 1]
        if k > 0:
            while a < b and text[a] in " \t\n–—-,;:":
                a += 1
        if k + 2 < len(bounds):
            while b > a and text[b - 1] in " \t\n–—-,;:":
                b -= 1
        if any(c.isalpha() for c in text[a:b]):
            out.append((a, b))
    return out


def _turn_statements(text: str, found: Structure) -> list[_Draft]:
    drafts: list[_Draft] = []
    for number, turn in enumerate(found.turns):
        for k, (start, end, page) in enumerate(turn_spans(text, turn)):
            if (
                (k > 0 or not turn.labelled)
                and found.kind != "treaty_text"  # an instrument's words are all kept
                and (
                    _loose_line(text[start:end])
                    or (
                        (ctx := judged(text, found.kind, turn, k, start, end))
                        and furniture(text[start:end], ctx)
                    )
                )
            ):
                continue
            drafts.append((number, turn.speaker, start, end, page, found.date, None))
            if found.joint and turn.speaker == found.joint[0]:
                # A joint statement's words are each of its authors'.
                drafts.extend(
                    (number, author, start, end, page, found.date, None)
                    for author in found.joint[1:]
                )
            by = turn.speaker.name or turn.speaker.role
            drafts.extend(
                (number, who, a, b, page, when, by)
                for who, a, b, when in _quotations(text, start, end, found.date)
            )
    return drafts


def turn_spans(text: str, turn: Turn) -> list[tuple[int, int, int | None]]:
    """A turn's paragraphs as statements are drawn from them: stage notes cut out."""
    return [
        (a, b, page)
        for start, end, page in turn.spans
        for a, b in _without_stage_notes(text, start, end)
    ]


def judged(text: str, kind: str, turn: Turn, k: int, start: int, end: int) -> LineContext | None:
    """Where the ``k``-th paragraph of a turn stands, when the furniture model judges it.

    The model (``_furniture``) judges a paragraph of one line that the rules kept: never
    a labelled turn's first paragraph (the label's words), nor a treaty's text or a
    reader's highlights, whose every line is the text's.
    ``scripts/train_furniture_model.py`` trains it on the same paragraphs.
    """
    line = text[start:end].strip()
    if kind in ("treaty_text", "highlights") or (k == 0 and turn.labelled):
        return None
    if not line or "\n" in line or _loose_line(line):
        return None
    return LineContext(
        position=start / max(len(text), 1),
        first_in_turn=k == 0,
        labelled_turn=bool(turn.labelled),
        repeated=text.count(line) > 1,
    )


#: What a report's own lines say to its reader or about itself, never its account: a
#: photo caption ("Finnish Prime Minister Sanna Marin (3rd L) speaks …", "A picture taken
#: on …"), a credit ("Some information for this report came from …", "Reporting by …"),
#: the author's line ("Nick Ciolino covers the White House."), and the reader addressed
#: ("You can watch …", "Sehen Sie …", "Support UP …", "Follow us …").
_PAGES_OWN = re.compile(
    r"\((?:\d+(?:st|nd|rd|th)\s+)?(?:L|R|C|L-R|left|right|centre|center|front|back|"
    r"2nd L|2nd R)\)|^(?:A|The) (?:picture|photo|photograph|file photo|handout) (?:taken|shows)\b|"
    r"\b(?:information|reporting) for this (?:report|story|article)\b|^(?:Reporting|Writing|"
    r"Editing|Additional reporting) by\b|\bcontributed (?:reporting )?to this (?:report|story)\b|"
    r"^(?:[A-Z][\w.’'-]+\s+){1,3}(?:covers|reports on|writes about|is an? (?:\w+\s+){0,2}"
    r"(?:reporter|correspondent|editor|writer|journalist|columnist))\b|"
    r"\b(?:you|your)\b|^(?:Sehen|Lesen|Folgen|Hören|Abonnieren|Unterstützen)\s+Sie\b|"
    r"^(?:Listen|Follow|Subscribe|Support|Watch|Read|Sign up|Download|Click|Join|Share)\b|"
    r"^(?:Читайте|Подпишитесь|Смотрите|Слушайте|Последвайте|Підписуйтесь|Читайте також)\b",
    re.IGNORECASE,
)


def _with_narrative(text: str, found: Structure, drafts: list[_Draft]) -> list[_Draft]:
    """A report's drafts with its own narrative added, credited to nobody.

    The sentences of a report that attribute nothing ("NATO allies condemned a decision by
    Russia on Tuesday to withdraw from the CFE Treaty.") are the outlet's account: kept as
    statements with no speaker and no role, as the unattributed paragraphs of a speech are,
    so the instruments and organisations the report names are found; never anyone's words.
    Consecutive such sentences of a paragraph make one statement. A run that is no
    sentence (six words at least, closed by a sentence's mark) is left out, and so is a
    paragraph of one line the furniture rules or model take for the page's (a caption, a
    "Read more" line).
    """
    covered = [(d[2], d[3]) for d in drafts]
    turn = 1 + max((d[0] for d in drafts), default=-1)
    nobody = Speaker(None, None)
    narrative: list[_Draft] = []
    for spoken in found.turns:
        for k, (start, end, page) in enumerate(turn_spans(text, spoken)):
            for a, b, whole in _unattributed_runs(text, start, end, covered):
                body = text[a:b]
                if (
                    len(body.split()) < 6
                    or not _SENTENCE_END.search(body)
                    or _PAGES_OWN.search(body)
                ):
                    continue
                if whole and (
                    body.rstrip().endswith(("…", "..."))  # a teaser of another article
                    or _loose_line(body)
                    or ((ctx := judged(text, found.kind, spoken, k, a, b)) and furniture(body, ctx))
                ):
                    continue
                narrative.append((turn, nobody, a, b, page, found.date, None))
    if not narrative:
        return drafts
    # In the order of the page, the drafts' own order kept.
    merged: list[_Draft] = []
    pending = sorted(narrative, key=lambda d: d[2])
    for draft in drafts:
        while pending and pending[0][2] < draft[2]:
            merged.append(pending.pop(0))
        merged.append(draft)
    return merged + pending


def _unattributed_runs(
    text: str, start: int, end: int, covered: list[tuple[int, int]]
) -> list[tuple[int, int, bool]]:
    """Runs of consecutive sentences of ``text[start:end]`` that no draft covers.

    A run never crosses a line's end (a date or a heading above a sentence is not part of
    it). Each run is ``(start, end, whole)``, ``whole`` when it is all its line holds.
    """
    out: list[tuple[int, int, bool]] = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        la = start + line.start()
        run: list[tuple[int, int]] = []
        for sa, sb in sentences(line.group(0)):
            a, b = la + sa, la + sb
            if any(x < b and a < y for x, y in covered):
                if run:
                    out.append((run[0][0], run[-1][1], False))
                run = []
            else:
                run.append((a, b))
        if run:
            out.append((run[0][0], run[-1][1], not text[la : run[0][0]].strip()))
    return out


#: Initials and a surname, as transcripts label speakers ("С. Лавров", "S.V. Lavrov").
_INITIALLED = re.compile(
    r"(?P<initials>(?:[A-ZА-ЯЁІЇЄҐ]\.\s*){1,2})(?P<surname>[^\W\d_][\w’'-]{2,})"
)


def _initialled_person(name: str) -> Person | None:
    """The record's person a label of initials and a surname names, if the initial agrees.

    "С. Лавров" is Sergei Lavrov: the surname (in Latin letters) is his, and so is the
    first name's initial. A surname the record gives two people, or another initial
    ("А. Лавров"), is nobody the record knows.
    """
    found = _INITIALLED.fullmatch(name.strip())
    if found is None:
        return None
    person = person_by_alias(latin(found["surname"]))
    first = latin(found["initials"].strip()[0])[:1]
    if person is None or not person.name.startswith(first):
        return None
    return person


def _with_record_persons(drafts: list[_Draft], day: dt.date | None) -> list[_Draft]:
    """Speakers named in full whom the record knows under another spelling, as the record.

    "Сергей Лавров", "Sergej Lawrow": the rules that found them kept the page's spelling;
    the record's person (its name, and its role on the day when the page gave none) is
    what ties the statement to the same person in every other document and language.
    """
    resolved: dict[Speaker, Speaker] = {}
    out = []
    for draft in drafts:
        speaker = draft[1]
        if speaker.person is None and speaker.name and len(speaker.name.split()) >= 2:
            if speaker not in resolved:
                person = person_by_alias(speaker.name) or _initialled_person(speaker.name)
                resolved[speaker] = (
                    Speaker(person.name, speaker.role or _role(person, day), person)
                    if person is not None
                    else speaker
                )
            draft = (draft[0], resolved[speaker], *draft[2:])
        out.append(draft)
    return out


def _without_fragments(
    text: str, drafts: list[_Draft], called: set[int] | frozenset[int] = frozenset()
) -> list[_Draft]:
    """The drafts without the short fragments nobody speaks.

    When some turn gives words to a speaker (a name or a role), a draft left to nobody that
    is no prose (a header line above the first label, a stage direction, a procedural
    note) is the page's; prose left to nobody (an interview's lead-in) stays. On a page
    where nobody is named, only loose header lines above its first sentence go
    (docs/ingestion.md, "Fragments nobody speaks"). The turns numbered in ``called`` are
    interjections, which name their members but not the speech they interrupt: its
    sentences stay, short or not.
    """
    if any((d[1].name or d[1].role) and d[6] is None and d[0] not in called for d in drafts):
        return [d for d in drafts if d[1].name or d[1].role or _prose(text[d[2] : d[3]])]
    # A page where nobody is named: only the header's loose lines above its first sentence
    # go ("Стадия рассмотрения:", "Third reading of the bill"), never a line that closes
    # as a sentence or a clause does (an address, a treaty's clause) nor anything below.
    first = next(
        (i for i, d in enumerate(drafts) if _sentence_or_clause(text[d[2] : d[3]])), len(drafts)
    )
    kept = [
        d
        for i, d in enumerate(drafts)
        if i >= first
        or d[6] is not None
        or "\n" in text[d[2] : d[3]].strip()
        or _CLAUSE_END.search(text[d[2] : d[3]].strip())
    ]
    return kept if any(d[6] is None for d in kept) else drafts


#: A line's end as a sentence's or a clause's (closing quotes or brackets after it).
_CLAUSE_END = re.compile(r"[.!?…;,][\"”»’')\]]*$")


def _sentence_or_clause(text: str) -> bool:
    """Eight words at least, closed as a sentence or a clause is."""
    return len(text.split()) >= 8 and bool(_CLAUSE_END.search(text.strip()))


#: A sentence's closing mark at a text's end (closing quotes or brackets after it).
_SENTENCE_END = re.compile(r"[.!?…][\"”»’')]*\s*$")


def _prose(text: str) -> bool:
    """Running text: twenty words at least, closed as a sentence is."""
    return len(text.split()) >= 20 and _SENTENCE_END.search(text) is not None


def _loose_line(block: str) -> bool:
    """A short line standing alone inside a turn that reads as no sentence.

    Four words at most on one line, with no sentence's closing mark, no comma, no
    quotation mark and no figure ("Cookie settings", "Editor's note", "Arms control"; a
    counter such as "(0)" aside): a page's label or a heading between the speaker's
    paragraphs, not their words. A labelled turn's first block is always kept (a label's
    one-line answer is its words), and so are an instrument's headings ("Article V") and
    every line of a treaty's text (one printed with a break after each clause's first
    word, "Recognizing", would lose its words).
    """
    line = re.sub(r"\s*\(\d+\)$", "", block.strip())  # "Comments (0)": a counter
    return (
        "\n" not in line
        and 0 < len(line.split()) <= 4
        and not re.search(r"[.?!…,;:\"“”«»\d]", line)
        # An instrument's own headings stay with its text ("Article V", "Annex").
        and not re.match(r"(?:article|section|chapter|part|protocol|annex)\b", line, re.I)
    )


#: A full stop after one of these closes a title's abbreviation, not a sentence ("Sen.
#: Lindsey Graham", "Gen. Mark Milley", "Amb. Michael Carpenter").
_NOT_AN_ABBREVIATION = "".join(rf"(?<!\b{a})" for a in (*TITLE_ABBREVIATIONS, "Mrs"))


def _speaker_of(
    who: str, context: str, day: dt.date | None, seen: list[Speaker] | None = None
) -> Speaker | None:
    """Resolve the subject of a speech verb to a speaker, never to a place ("New York").

    Nor to a news agency: "Пескова ТАСС" (from "цитирует Пескова ТАСС") is Peskov, "РИА
    Новости" nobody.
    """
    if _AGENCY_TAIL.search(who.rstrip(" .,")):
        who = _AGENCY_TAIL.sub("", who.rstrip(" .,"))
        if not who:
            return None
    found = _speaker_of_any(who, context, day, seen)
    if found is not None and found.person is None and found.name and _place_name(found.name):
        return None
    return found


def _lone_surname(who: str, context: str = "") -> Speaker | None:
    """A surname alone closing a quotation ('…,” Voinovich said'), as a speaker.

    For a page that never gives the person's full name (see :func:`lone_surname`). A word
    the page has given with an office before ("Minister Koenders (Buitenlandse Zaken) blikt
    …") is a surname whatever it ends with (a final -s reads as a plural otherwise).
    """
    word = who.strip(" .,")
    if lone_surname(word):
        return Speaker(word, None)
    if not re.fullmatch(r"[A-Z][a-z’'-]{3,}", word) or f" {word}" not in context:
        return None  # (a title before it leaves a space before it: no scan of the runs)
    for run in NAME_RUN.findall(context):
        titled = titled_surname(run) if run.split()[-1] == word else None
        if titled is not None:
            return Speaker(titled[0], titled[1])
    return None


#: The plain speech verbs a surname alone may be the subject of ("Kerry said …").
_PLAIN_SAID = re.compile(
    rf"\s+{_AUX}(?:said|says|told|added|stated|wrote|warned|argued|noted|insisted|stressed)\b"
)


def _surname_speaker(
    word: str, context: str, day: dt.date | None, seen: list[Speaker]
) -> Speaker | None:
    """The person a surname alone names: someone named before, or the surname itself.

    "Hua said" after "spokeswoman Hua Chunying": the full name written earlier (its first
    or last word); otherwise the surname alone, if it may be one (:func:`lone_surname`).
    A place is no surname ("Moscow repeatedly noted" after "Ambassador to Moscow John
    Sullivan").
    """
    if _place_name(word):
        return None
    for p in reversed(seen):
        if p.name and (same_person(word, p.name) or word in p.name.split()):
            return p
    for run in reversed(NAME_RUN.findall(context)):
        if word in run.split()[:1] + run.split()[-1:] and run != word:
            named = _speaker_of(run, context, day, seen)
            if named is not None and named.name and word in named.name.split():
                return named
    return _lone_surname(word, context)


def _place_name(name: str) -> bool:
    """Whether a name is, or ends with, a place of the rules ("New York", "Moscow")."""
    low = name.lower()
    return any(low == p.lower() or low.endswith(" " + p.lower()) for p in load().rules.places)


def _speaker_of_any(
    who: str, context: str, day: dt.date | None, seen: list[Speaker] | None = None
) -> Speaker | None:
    """Resolve the subject of a speech verb to a speaker.

    A name (a gazetteer person, or an unknown name of two or more words, its title set
    apart), a surname already seen in the document ("Lavrov" after "Sergey Lavrov"), a
    pronoun or a description ("he", "the minister", "the US official") resolve to the last
    person named before it.
    """
    seen = seen if seen is not None else []
    # The full stop closing the sentence is not part of the name ("…,” said … Cederfelt."),
    # an initial's or an abbreviation's is ("U.S.", "Jr.").
    plain = re.sub(r"(?<=[a-z’'-]{2})\.$", "", who.strip())
    # A name never runs on past a sentence's end ("Alexander Grushko. As informs RIA").
    plain = re.split(rf"{_NOT_AN_ABBREVIATION}(?<=[a-z’'-]{{2}})\.\s+(?=[A-Z])", plain)[0]
    monsieur = re.fullmatch(r"M\.\s+([A-Z][\w’'-]+)", plain)
    if monsieur is not None:
        # "a déclaré M. Riabkov" after "… Sergueï Riabkov": French "Monsieur" (or an initial),
        # and the surname the page named in full before.
        in_full = _speaker_of_any(monsieur[1], context, day, seen)
        if in_full is not None and in_full.name and len(in_full.name.split()) >= 2:
            return in_full
    if plain.lower() in ("he", "she", "they", "him", "her") or re.match(
        r"^(?:the|a|an|this|that)\s", plain, re.IGNORECASE
    ):
        if re.match(r"^(?:the|a|an|this|that)\s", plain, re.IGNORECASE) and not _ROLE_NOUN.search(
            plain
        ):
            return None  # "The U.S. says": a country or a body, not a person
        if re.match(r"^an?\s", plain, re.IGNORECASE) and len(plain.split()) <= 6:
            # "A White House official, speaking on condition of anonymity, said …": someone
            # the page does not name, known by the description as written.
            return Speaker(None, plain[0].lower() + plain[1:])
        if re.match(r"^(?:the|a|an)\s", plain, re.IGNORECASE):
            described = [r for r in persons_mentioned(plain, day) if r.person is not None]
            if described:
                person = described[-1].person
                assert person is not None
                return _unify(Speaker(person.name, _role(person, day), person), seen)
        qualified = _described_person(plain, context)
        if qualified is not None:
            return _unify(qualified, seen)
        if plain.lower() == "they":
            # "NATO officials said … They emphasised …": a group, never one person named
            # before; only a group that spoke last ("officials") goes on.
            previous = seen[-1] if seen else None
            if previous is None or previous.name or not (previous.role or "").endswith("s"):
                return None
            return previous
        if plain.lower() in ("he", "she"):
            subject = _last_subject(context, day, seen)
            if subject is not None:
                return subject
        if seen and plain.lower() not in ("he", "she", "they", "him", "her"):
            # "The Swedish prime minister said …" after Finland's president spoke: the
            # office the description names is the last speaker's, or a speaker's before
            # who holds it, or nobody's on the page.
            holder = next((p for p in reversed(seen) if _same_office(plain, p.role or "")), None)
            if holder is None:
                return None
            if holder is not seen[-1] and not (_offices(plain) & _offices(holder.role or "")):
                return None  # an earlier speaker fits only by holding no office at all
            return holder
        if seen:
            return seen[-1]
        refs = [r for r in persons_mentioned(context, day) if r.person is not None]
        if refs:
            person = refs[-1].person
            assert person is not None
            return Speaker(person.name, _role(person, day), person)
        named = _last_person_named(context[-1500:])
        return Speaker(named[0], named[1]) if named else None
    refs = [r for r in persons_mentioned(plain, day) if r.person is not None]
    if refs:
        person = refs[-1].person
        assert person is not None
        return _unify(Speaker(person.name, _role(person, day), person), seen)
    for earlier in reversed(seen):
        if earlier.name and same_person(plain, earlier.name):
            return earlier
    if re.fullmatch(r"[A-Z][\w’'-]+", plain) and context:
        # A surname alone: the full name it stands for, written earlier in the document.
        full = re.findall(rf"((?:[A-Z][\w’'.-]*\s+){{1,3}}{re.escape(plain)})\b", context)
        # "The Trump administration" names no first name.
        full = [f for f in full if f.split()[0].lower() not in SENTENCE_OPENERS]
        if full:
            named = person_name(full[-1])
            if named is not None:
                return _unify(Speaker(named[0], named[1]), seen)
    words = [w for w in plain.split() if w[:1].isupper()]
    if len(words) >= 2 and context and words == plain.split() and is_role_word(words[-2]):
        # "Swiss Foreign Minister Cassis" after "… Swiss Foreign Minister Ignazio Cassis":
        # a title and a surname stand for the full name written earlier.
        last = re.escape(words[-1])
        full = re.findall(rf"\b([A-Z][\w’'-]+\s+{last})\b", context)
        full = [
            f
            for f in full
            if not is_role_word(f.split()[0]) and f.split()[0].lower() not in SENTENCE_OPENERS
        ]
        if full:
            named = person_name(full[-1])
            if named is not None:
                return _unify(Speaker(named[0], " ".join(words[:-1])), seen)
    if len(words) >= 2 and words[0] not in ("As", "The", "And", "But", "When", "Then"):
        person = person_by_alias(" ".join(words))
        if person is not None:
            return Speaker(person.name, _role(person, day), person)
        named = person_name(plain)
        if named is not None:
            return _unify(Speaker(named[0], named[1]), seen)
        titled = titled_surname(plain)
        if titled is not None:
            return _unify(Speaker(titled[0], titled[1]), seen)
        courtesy = re.fullmatch(rf"{HONORIFIC}\s+(?P<surname>[A-Z][\w’'-]+)", plain)
        if courtesy is not None:
            # "Mr Khandogiy emphasized that …": the full name written earlier, else the
            # surname as the page gives it.
            last = courtesy["surname"]
            for earlier in reversed(seen):
                if earlier.name and earlier.name.split()[-1] == last:
                    return earlier
            full = re.findall(rf"\b((?:[A-Z][\w’'.-]*\s+){{1,3}}{re.escape(last)})\b", context)
            named = person_name(full[-1]) if full else None
            if named is not None:
                return _unify(Speaker(named[0], named[1]), seen)
            return _lone_surname(last)
        return None
    return None


def _first_person_named(ahead: str) -> tuple[str, str | None] | None:
    """The first person named in the next lines (a lead's description named after it)."""
    for run in NAME_RUN.findall(ahead[:600]):
        named = person_name(run)
        if named is not None and not _place_name(named[0]):
            return named
    return None


#: A name as the subject of a verb in the past or present tense ("…, Saakashvili welcomed
#: the plan."): a run of capitalised words at a clause's start, then a lower-case verb.
_SUBJECT = re.compile(
    r"(?:^|[,;:]\s+|(?<=[a-z’'”\")])\.\s+)(?P<who>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]+)\s+"
    r"(?:(?:has|had|also|then|later)\s+)?(?:[a-z]{3,}ed|[a-z]{3,}[^s]s|"
    # irregular pasts: "Lavrov found the guilt in NATO member states."
    r"found|said|told|made|took|gave|saw|met|held|spoke|wrote|thought|felt|kept|left|sent|"
    r"brought|led|won|lost|began|became|knew|struck|drew|chose|rose|sought|stood|meant)\b"
)


_NOT_SUBJECTS = set(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "his",
        "her",
        "as",
        "so",
        "but",
        "and",
        "if",
        "when",
        "while",
        "in",
        "on",
        "at",
        "after",
        "before",
        "since",
        "then",
        "there",
        "here",
        "what",
        "which",
        "who",
        "yet",
        "also",
    ]
)


def _last_subject(context: str, day: dt.date | None, seen: list[Speaker]) -> Speaker | None:
    """The person who is the subject of the sentence just before a "he" or "she".

    "Speaking at a joint news conference with Sarkozy …, Saakashvili welcomed the plan.
    “It is a political document,” he said": he is Saakashvili, the subject of the last
    sentence, not Sarkozy who spoke before. Only the last full sentence of the same
    paragraph is read; a subject that resolves to no person (a state, a body) gives None.
    """
    paragraph = context[context.rfind("\n") + 1 :]
    ends = [m.end() for m in re.finditer(r"(?<=[a-z’'”\")])[.!?]\s+", paragraph)]
    if not ends:
        return None
    start = ends[-2] if len(ends) >= 2 else 0
    sentence = paragraph[start : ends[-1]]
    found = None
    for m in _SUBJECT.finditer(sentence):
        found = m
    if found is None or found["who"].split()[0].lower() in _NOT_SUBJECTS:
        return None
    who = _speaker_of_any(found["who"], context, day, seen)
    if who is None or who.name is None or _place_name(who.name):
        return None
    if (
        who.person is None
        and person_name(who.name) is None
        and not any(s.name and same_person(who.name, s.name) for s in seen)
    ):
        return None  # neither a known person nor a full name, nor someone quoted before
    return who


def _last_person_named(
    context: str, accept: Callable[[tuple[str, str | None]], bool] | None = None
) -> tuple[str, str | None] | None:
    """The last person named in ``context``, for a "he" or "she" no earlier speaker explains.

    "Zbigniew Rau, Minister …, made the remarks during the Council's meeting with the
    United Nations system. “…,” he said": runs of capitalised words are read from the last
    back; a body or a place ("United Nations", "New York") is passed over, as is the name
    of a thing, and a name ``accept`` (when given) refuses.
    """
    for run in reversed(NAME_RUN.findall(context)):
        # A run never spans a sentence's end ("… Council.\nForeign Minister X" is X with
        # the office "Foreign Minister").
        run = re.split(r"(?<=[a-z’'-]{2})\.\s+", run)[-1]
        named = person_name(run)
        if named is not None and not _place_name(named[0]) and (accept is None or accept(named)):
            return named
    return None


def _described_person(description: str, context: str) -> Speaker | None:
    """The person a description ("the Russian envoy") stands for.

    The person named earlier whose title or apposition shares the most qualifying words
    with it, the latest among equals ("Russian diplomat Vasily Nebenzya", "NATO
    Secretary-General Jens Stoltenberg", "Dmitry Lyubinsky, Russian Ambassador to
    Vienna,"); nobody named inside quoted words. The role noun alone ("envoy",
    "minister") does not decide, since most people in news copy carry one; a shared
    qualifier ("Russian", "Kremlin", "UN") does, before the role noun only ("the Russian
    ambassador to Austria" is Russian, posted to Austria). An office in lower case ("the
    foreign minister") is the last person whose title holds all its words
    (:func:`_office_holder`).
    """
    head = description.split()[1:]
    noun = next((k for k, w in enumerate(head) if _ROLE_NOUN.fullmatch(w.strip(".,’'"))), None)
    words = {
        w.lower().strip(".,’'")
        for w in (head[:noun] if noun else head)
        if w[:1].isupper() and not _ROLE_NOUN.fullmatch(w)
    }
    if not words:
        return _office_holder(description, context)
    best: Speaker | None = None
    shared = 0
    wanted = {_stem(w) for w in words}
    # A person named inside someone's quoted words is not who a description stands for.
    bare = _QUOTE.sub(lambda q: " " * len(q.group(0)), context)
    runs = [
        (m.start() + part.start(), m.start() + part.end(), part.group(0).rstrip("."))
        for m in NAME_RUN.finditer(bare)
        # A run never spans a sentence's or a line's end ("… Schallenberg. Dmitry …").
        for part in _RUN_PART.finditer(m.group(0))
    ]
    for start, end, run in runs:
        # The run's own title ("NATO Secretary-General Jens Stoltenberg"), the four words
        # before it ("… Russian diplomat Vasily Nebenzya") and an apposition after it
        # ("Dmitry Lyubinsky, Russian Ambassador to Vienna,") may hold the qualifier.
        named = person_name(run)
        if named is None:
            continue
        before = bare[max(0, start - 60) : start].split()[-4:]
        appos = re.match(r",\s*([^,.;“”\"]{3,60}),", bare[end : end + 70])
        title = [p for w in (named[1] or "").split() for p in w.split("-")]
        title += appos.group(1).split() if appos is not None else []
        # The most qualifiers shared wins; the latest named among equals.
        common = len(wanted & {_stem(w) for w in [*before, *title]})
        if common and common >= shared:
            best, shared = Speaker(named[0], named[1]), common
    # "the Russian Foreign Minister added" after "Russian Foreign Minister Sergei Lavrov":
    # a person whose title holds the whole office comes before one sharing a qualifier
    # ("Russian President Vladimir Putin").
    return _office_holder(description, context) or best


#: A piece of a name run between sentence or line ends.
_RUN_PART = re.compile(r"(?:(?<=^)|(?<=\.\s)|(?<=\n))[^\n]+?(?=(?<=[a-z’'-]{2})\.\s|\n|$)")


def _stem(word: str) -> str:
    """A qualifier compared by its first five letters: "Russia's" and "Russian" agree."""
    low = re.sub(r"[’']s$", "", word.lower().strip(".,’'"))
    return low[:5] if len(low) >= 5 else low


def _office_holder(description: str, context: str) -> Speaker | None:
    """The last person named whose title holds every word of a lower-case office.

    "the foreign minister" after "… with Turkish Foreign Minister Mevlut Cavusoglu": the
    title inside the run of capitals before the name, or the four words before it.
    """
    office = {w.lower().strip(".,’'") for w in description.split()[1:]}
    if len(office) < 2 or not _ROLE_NOUN.fullmatch(description.split()[-1].strip(".,’'")):
        return None
    best: Speaker | None = None
    for m in NAME_RUN.finditer(context):
        # Never past a sentence's or a line's end, its full stop or a possessive
        # ("Zelenskyy’s New Year’s").
        run = re.split(r"(?<=[a-z’'-]{2})\.\s|[’']s\b|\n", m.group(0))[0].rstrip(".")
        named = person_name(run)
        if named is None or not re.fullmatch(r"[\w’'.\- ]+", named[0]):
            continue
        before = context[max(0, m.start() - 60) : m.start()].split()[-4:]
        titled = run[: run.find(named[0].split()[0])].split()
        if office <= {w.lower().strip(".,’'") for w in [*before, *titled]}:
            best = Speaker(named[0], named[1])
    return best


def _unify(speaker: Speaker, seen: list[Speaker]) -> Speaker:
    """The speaker already seen under another spelling of the same name, else this one."""
    for earlier in seen:
        if earlier.name and speaker.name and same_person(earlier.name, speaker.name):
            return earlier
    return speaker


def _role(person: Person, day: dt.date | None) -> str | None:
    """The role held on ``day``, else the last role taken up before it."""
    held = person.role_on(day)
    if held or day is None:
        return held
    before = [r for r in person.roles if r.start is not None and r.start <= day]
    return before[-1].title if before else None


#: "…,” the statement said": a text quoted for the person whose statement it is.
_DOCUMENT_NOUN = re.compile(
    r"(?:the|a|his|her|their)\s+(?:\w+\s+)?(?:statement|press release|communiqu[eé]|"
    r"declaration|message|letter|post|readout|tweet|text)$",
    re.IGNORECASE,
)


def _quotations(
    text: str,
    start: int,
    end: int,
    day: dt.date | None,
    seen: list[Speaker] | None = None,
    context: str = "",
) -> list[tuple[Speaker, int, int, dt.date | None]]:
    """Quotations inside a statement that are attributed to someone.

    Attribution before the quotation ("Lavrov said: “…”", "According to Carpenter, “…”"),
    after it ("“…,” Baer said", "“…,” said Secretary-General António Guterres", "“…,”
    the US official said"), or to an audience member ("“…?” Fine question").
    """
    body = text[start:end]
    out: list[tuple[Speaker, int, int, dt.date | None]] = []
    matches: list[re.Match[str]] = list(_QUOTE.finditer(body))
    unclosed = _UNCLOSED.search(body)
    if unclosed is not None and not any(q.start() <= unclosed.start() < q.end() for q in matches):
        # 'Putin further pointed out, “The United States has stood on our doorstep …' and
        # the paragraph ends: a quotation left open runs to the end of what is read.
        matches.append(unclosed)
    for m in matches:
        # (an unclosed quotation's pattern has the groups "a" and "c" only)
        group = next(g for g in "abcdef" if m.groupdict().get(g) is not None)
        inner = m.group(group)
        if len(inner.split()) < 4 and not (
            # "“NATO must stop,” Ryabkov said.": short, but said by someone; a scare
            # quote ("a “red line”") has no attribution after it.
            inner.rstrip()[-1:] in ",.!?" and _AFTER.match(body[m.end() : m.end() + 120])
        ):
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
        after_text = body[m.end() : m.end() + 120]
        if _AUDIENCE.match(after_text[:40]):
            speaker = Speaker(None, "member of the audience")
        else:
            said = _BEFORE.search(before[-240:]) or _PARTICIPLE_BEFORE.search(before[-240:])
            according = _ACCORDING_BEFORE.search(before[-120:])
            if according:
                speaker = _speaker_of(according.group("who"), context + before, day, seen)
            elif said:
                prefix = before[: len(before) - len(before[-240:]) + said.start("who")]
                window = before[window_start:]
                for _, _, iso in dates_mentioned(window, day):
                    if len(iso) == 10:
                        when = dt.date.fromisoformat(iso)
                who_said = said.group("who").strip()
                speaker = _speaker_of(who_said, context + prefix, when or day, seen)
                tail = before[-240:]
                while speaker is None and said is not None and said.group("who")[:1].isupper():
                    # "The extension was announced by … Jen Psaki, who said …": a subject
                    # that names nobody; a later attribution of the same words may.
                    said = _BEFORE.search(tail, said.end("who"))
                    if said is not None:
                        prefix = before[: len(before) - len(tail) + said.start("who")]
                        speaker = _speaker_of(
                            said.group("who").strip(), context + prefix, day, seen
                        )
            else:
                after = _AFTER.match(after_text[:120]) or _AFTER_APPOSED.match(after_text)
                described = _AFTER_DESCRIBED.match(after_text)
                if after:
                    who = after.group("who") or after.group("who2") or after.group("who3") or ""
                    speaker = _speaker_of(who, context + before, day, seen) or _lone_surname(
                        who, context + before
                    )
                elif described:
                    who_d = described.group("who") or described.group("who_inv")
                    speaker = _speaker_of(who_d, context + before, day, seen)
                    if speaker is None and seen and _DOCUMENT_NOUN.match(who_d):
                        speaker = seen[-1]  # "…,” the statement said": its author's words
        if speaker is not None:
            if seen is not None and speaker.name and speaker not in seen:
                seen.append(speaker)
            out.append((speaker, start + a, start + b, when))
    return out


def _news_statements(text: str, found: Structure) -> list[_Draft]:
    """Quoted and reported speech in a news article, attributed to the person quoted.

    Sentences come from pysbd. A sentence with an attributed quotation gives the
    quotation; otherwise reported speech gives the reported clause: "Lavrov said on
    Thursday that …", "Speaking about …, Lavrov noted that …", "According to him, …", and
    an attribution at the end ("…, Foreign Minister Sergey Lavrov said at a meeting …").
    Narrative sentences are not attributed here; :func:`_with_narrative` keeps them
    afterwards as nobody's.
    """
    drafts: list[_Draft] = []
    spans = [s for turn in found.turns for s in turn.spans]
    # "Secretary of State Antony Blinken: “…”": a label before a quotation in a report
    # says whose words they are.
    labelled = {
        s[0]: turn.speaker
        for turn in found.turns
        if turn.labelled and turn.speaker.name
        for s in turn.spans
    }
    context_start = spans[0][0] if spans else 0
    headline = f"{found.title}.\n" if found.title else ""
    turns: dict[str, int] = {}
    seen: list[Speaker] = []

    def add(who: Speaker, a: int, b: int, page: int | None, when: dt.date | None) -> None:
        if who.name and who not in seen:
            seen.append(who)
        turn = turns.setdefault(who.key, len(turns))
        drafts.append((turn, who, a, b, page, when or found.date, None))

    pending: list[tuple[int, int, int | None]] = []
    # Sentences nobody is credited with yet (start, end, page, paragraph), the latest last:
    # what a later "This was stated by X." points back at.
    free: list[tuple[int, int, int | None, int]] = []
    last: tuple[int, int, int | None, int, int] | None = None  # the sentence before, drafts then
    handover: Speaker | None = None
    for index, (start, end, page) in enumerate(spans):
        para = text[start:end]
        if handover is not None:
            # "Nato secretary general Rutte then says:" / "For too long, one ally …": a live
            # blog hands the next paragraph to the person named before the colon (and the
            # paragraphs after it while a quotation it opens stays open).
            a = start + len(para) - len(para.lstrip('“"« '))
            b = start + len(para.rstrip('”"» '))
            if b > a:
                add(handover, a, b, page, None)
            handover = handover if _opens_quote(para) and not _closes(para) else None
            free, last = [], None
            continue
        said_colon = _SAYS_COLON.search(para)
        if said_colon is not None and index + 1 < len(spans):
            before_colon = headline + text[context_start : start + said_colon.start()]
            handover = _speaker_of(
                said_colon["who"], before_colon, found.date, seen
            ) or _lone_surname(said_colon["who"])
            if handover is not None and not (handover.name or handover.role):
                handover = None
            if handover is not None and handover.name and handover not in seen:
                seen.append(handover)
        inside = _DASH_ATTRIBUTION.search(para) if para.lstrip()[:1] in '«“"' else None
        if inside is not None and not pending:
            # «…, - сказал президент РФ. - …»: the attribution inside the quotation marks,
            # as Russian copy prints it; the paragraph is the person's words.
            before_para = headline + text[context_start:start]
            who_in = _dash_speaker(inside["who"], before_para, found.date, seen)
            if who_in is not None:
                add(who_in, start, start + len(para.rstrip()), page, None)
                free, last = [], None
                continue
        dialogue = _dialogue_attribution(para) if not pending else None
        if dialogue is not None:
            # "– Alle muligheter er åpne for Moskva, sa Kuleba, og oppfordret …": a dialogue
            # dash opens the words, a comma and a verb close them, as a quotation would.
            a_at, b_at = dialogue
            quoted = '"' + para[a_at:b_at] + '"' + para[b_at:]
            who_dash = _foreign_speaker(
                quoted, headline + text[context_start:start], found.date, seen
            )
            if who_dash is not None:
                add(who_dash, start + a_at, start + b_at, page, None)
                free, last = [], None
                continue
        until = _quoted_until(para) if not pending else 0
        if until and len(sentences(para[until:])) == 1:
            # '"Dobrze, że pan minister Sikorski mówi … Były takie czasy …" - zauważył
            # Przydacz na briefingu.': a paragraph quoting several sentences, then its
            # attribution; the sentences are read whole, not each on its own.
            who_all = _foreign_speaker(para, headline + text[context_start:start], found.date, seen)
            if who_all is not None:
                a = start + len(para) - len(para.lstrip('“"«„» '))
                add(who_all, a, start + until, page, None)
                free, last = [], None
                continue
        if _opens_quote(para) or pending:
            closing = _closing_attribution(para) if pending or not _closes(para) else None
            if closing is None and (pending or _opens_quote(para)) and not _closes(para):
                pending.append((start, end, page))
                continue
            if closing is not None:
                cut, who_text = closing
                who = _speaker_of(who_text, text[context_start:start], found.date, seen)
                if who is not None:
                    for a, b, pg in [*pending, (start, start + cut, page)]:
                        a += len(text[a:b]) - len(text[a:b].lstrip('“"« '))
                        b -= len(text[a:b]) - len(text[a:b].rstrip('”"», '))
                        if b > a:
                            add(who, a, b, pg, None)
                    pending = []
                    free, last = [], None
                    continue
            pending = []
        quoting: Speaker | None = None
        for sa, sb in sentences(para):
            s_start, s_text = start + sa, para[sa:sb]
            if last is not None:
                free = [*free, last[:4]][-4:] if len(drafts) == last[4] else []
            last = (s_start, s_start + len(s_text.rstrip()), page, index, len(drafts))
            # The headline comes first: "…, says Josep Borrell" names whom the lead's "the
            # bloc's foreign policy chief said" describes.
            context = headline + text[context_start:s_start]
            inside = _DASH_ATTRIBUTION.search(s_text) if s_text.lstrip()[:1] in '«“"' else None
            who_in = _dash_speaker(inside["who"], context, found.date, seen) if inside else None
            if who_in is None and seen and s_text.lstrip()[:1] in '«“"„':
                # '"Il ritiro da un trattato - ha aggiunto - non è la soluzione …"': the verb
                # alone between dashes inside the quotation, its subject the one last speaking.
                who_in = seen[-1] if _DASH_VERB_ALONE.search(s_text) else None
            if who_in is not None:
                add(who_in, s_start, s_start + len(s_text.rstrip()), page, None)
                continue
            asked = _JOURNALIST_ASKED.match(s_text)
            if asked is not None:
                # "The journalist asked if the hot line … continues to function?", "When asked
                # by a journalist, from what moment …, he answered: “…”": the question, up to
                # the answer's quotation, is the journalist's (the answer is read below).
                answer = _ANSWER_OPENS.search(s_text, asked.end())
                q_end = answer.start() if answer is not None else len(s_text.rstrip())
                add(Speaker(None, "journalist"), s_start, s_start + q_end, page, None)
            quotes = _quotations(text, s_start, s_start + len(s_text), found.date, seen, context)
            if quotes:
                clause_at = _DATELINE.match(s_text)
                skip = clause_at.end() if clause_at else 0
                whole_clause = _reported(s_text[skip:], context, found.date, list(seen))
                if whole_clause is not None and len(quotes) == 1:
                    who, a, b = whole_clause
                    a, b = s_start + skip + a, s_start + skip + b
                    q_who, qa, qb, q_when = quotes[0]
                    aside = text.find("(", qb, b)
                    b = aside if aside >= 0 else b  # "… (Reporting by …)": not the clause
                    if who == q_who and a <= qa and qb <= b:
                        # "He underlined that Allies are ready to meet “as soon as possible”
                        # to …": a fragment quoted inside a reported clause of the same
                        # speaker; the clause is the statement.
                        add(who, a, b, page, q_when)
                        quoting = who
                        continue
                for who, a, b, when in quotes:
                    add(who, a, b, page, when)
                quoting = quotes[-1][0]
                continue
            whole = _WHOLE_QUOTE.match(s_text)
            if start in labelled and sa == 0:
                opened = _OPEN_QUOTE.match(para)
                if opened is not None:
                    q = (start + opened.start("q"), start + opened.end("q"))
                    add(labelled[start], q[0], q[1], page, None)
                    break
            if whole and quoting is not None and len(whole.group("q").split()) >= 4:
                # '“…,” the Ambassador continued. “…”': the next quotation of the paragraph,
                # with no attribution of its own, is the same speaker's.
                add(quoting, s_start + whole.start("q"), s_start + whole.end("q"), page, None)
                continue
            dateline = _DATELINE.match(s_text)
            skip = dateline.end() if dateline else 0
            clause = s_text[skip:]
            back = _points_back(clause, context, found.date, seen)
            if back is not None:
                # "This was stated by X.": the sentences just before, in this paragraph or
                # (when it opens one) in the paragraph above, are X's words.
                targets = [f for f in free if f[3] == index] if sa else []
                targets = targets or ([f for f in free if f[3] == index - 1] if not sa else [])
                # A fragment ("OREANDA-NEWS.", an agency's tag split off) is no sentence.
                targets = [f for f in targets if len(text[f[0] : f[1]].split()) >= 4]
                for a, b, pg, _ in targets[-3:]:
                    lead = _DATELINE.match(text[a:b])
                    add(back, a + (lead.end() if lead else 0), b, pg, None)
                if targets:
                    free = []
                    continue
            ahead = text[s_start + len(s_text) : s_start + len(s_text) + 600]
            reported = _reported(clause, context, found.date, seen, ahead)
            together = _subject_list(clause, context, found.date, seen)
            if together is not None:
                # "A, B and C condemned …": the words are each of theirs.
                people, a, b = together
                for who in people:
                    add(who, s_start + skip + a, s_start + skip + b, page, None)
            elif reported is not None:
                who, a, b = reported
                add(who, s_start + skip + a, s_start + skip + b, page, None)
            relative = _RELATIVE.search(clause)
            if relative is not None:
                # "… with Russian President Vladimir Putin, who told him Finland's decision
                # is a mistake.": the relative clause reports what the person named said.
                who_rel = _speaker_of(
                    relative["who"], context + clause[: relative.start()], found.date, seen
                )
                if (
                    who_rel is not None
                    and who_rel.name
                    and (reported is None or reported[0] != who_rel)
                ):
                    a = s_start + skip + relative.start("what")
                    add(who_rel, a, s_start + skip + len(clause.rstrip()), page, None)
    return drafts


#: A question reported as a journalist's: "The journalist asked if …", "When asked by a
#: reporter, …".
_JOURNALIST_ASKED = re.compile(
    r"^\s*(?:When\s+)?(?:asked\s+by\s+(?:a|the)\s+(?:journalist|reporter|correspondent)\b|"
    r"(?:The|A)\s+(?:journalist|reporter|correspondent)\s+asked\b)"
)
#: Where the answer begins in a sentence that reports a question: its attribution before a
#: quotation ("…, he answered: “…”").
_ANSWER_OPENS = re.compile(r",?\s+(?:he|she|they|[A-Z][\w’'-]+)\s+(?:answered|replied|said)\b")


#: Several people as the subject of one speech verb: "On December 20 Latvia’s Defence
#: Minister Artis Pabriks, Lithuania’s … Arvydas Anušauskas and Estonia’s … Kalle Laanet
#: condemned the efforts of …".
_SUBJECT_LIST = re.compile(
    rf"^(?:On\s+[^,“\"”]{{3,40}}?\s+|[A-Z][^,“\"”]{{2,60}},\s+)?"
    rf"(?P<list>{_NAME}(?:,\s+{_NAME}){{0,5}},?\s+and\s+{_NAME})"
    rf"\s+{_AUX}(?:{_VERBS})\b\s*(?:that\s+)?(?P<what>[\w“\"].{{20,}})$"
)


def _subject_list(
    clause: str, context: str, day: dt.date | None, seen: list[Speaker]
) -> tuple[list[Speaker], int, int] | None:
    """The people of a list that is the subject of a speech verb, and what they said.

    Every part of the list (split at commas and "and") must be a person: a state or a body
    among them ("Russia, China and Iran condemned …", "Lavrov and the ministry said …")
    makes it no list of speakers.
    """
    m = _SUBJECT_LIST.match(clause)
    if m is None:
        return None
    people: list[Speaker] = []
    for part in re.split(r",\s+(?:and\s+)?|\s+and\s+", m["list"]):
        who = _speaker_of(part, context, day, seen)
        if who is None or who.name is None or (who.person is None and person_name(part) is None):
            return None
        if not any(p.name and same_person(p.name, who.name) for p in people):
            people.append(who)
    if len(people) < 2:
        return None
    return people, m.start("what"), len(clause.rstrip())


#: A sentence pointing back at words already printed: "This was stated by Deputy Foreign
#: Minister Sergey Ryabkov.", "He said this at a press conference on Friday.", "X, Russia's
#: ambassador, announced this on Monday." (Russian agency copy in translation writes so).
_POINTS_BACK = re.compile(
    r"^(?:(?:This|That|It|These words|This statement)\s+(?:was|were|has been|had been)\s+"
    r"(?:(?:also|earlier|first)\s+)?(?:stated|announced|said|declared|noted|stressed|"
    r"emphasi[sz]ed|confirmed|written|pointed out|mentioned|voiced|expressed)\b"
    r"[^“”\"«»]{0,80}?\bby\s+(?P<by>[^“”\"«»]{3,200}?)"
    rf"|(?P<who>{_NAME}|He|She)(?:,[^,“”\"]{{1,120}}){{0,2}},?\s+{_AUX}"
    r"(?:said|stated|announced|declared|noted|stressed|wrote|reported|conveyed|"
    r"told\s+[\w ]{2,30}?)\s+"
    # "conveyed this information during a press conference"
    r"(?:this|so)(?:\s+(?:information|message|position|view|news|assessment))?"
    r"\b(?!\s+(?:week|year|month|morning|afternoon|evening|time|is|was|will|would|"
    r"has|had|could|should|must|can)\b)[^“”\"«»]{0,160}?)[.!]?$"
)
#: Where a "by …" phrase's person ends: a comma, or a circumstance ("during a press
#: conference", "at an online briefing", "on Monday").
_BY_END = re.compile(
    r",|\s+(?:during|at|while|when|after|before|following|speaking|on|in|via|from|within|to)"
    r"\s+(?=[a-z\d]|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
)


def _points_back(
    clause: str, context: str, day: dt.date | None, seen: list[Speaker]
) -> Speaker | None:
    """Who a sentence pointing back at the words before it credits them to, if it does."""
    m = _POINTS_BACK.match(clause.strip())
    if m is None:
        return None
    if m.group("by") is not None:
        who_text = _BY_END.split(m.group("by"), maxsplit=1)[0].strip()
        if re.match(r"^(?:him|her|them)$", who_text):
            return None
    else:
        who_text = m.group("who")
    who = _speaker_of(who_text, context, day, seen)
    if who is None and m.group("by") is not None:
        named = person_name(who_text)
        who = _speaker_of(named[0], context, day, seen) if named is not None else None
    return who if who is not None and (who.name or who.role) else None


#: "X, who told him (that) …", "X, who said on Friday that …": a relative clause of speech.
_RELATIVE = re.compile(
    rf"(?P<who>{_NAME}),\s+who\s+(?:had\s+|has\s+)?(?:also\s+)?(?:{_VERBS})"
    rf"(?:\s+(?:him|her|them|us|reporters|journalists|{_WHEN}|on \w+))*"
    r"(?:\s+that)?\s+(?P<what>[^“”\"«»]{15,}?)[.!]?$"
)


#: Words opening an adverbial introduction ("In view of …, Stoltenberg confirmed that …");
#: a participle ("Speaking …", "Following …") is caught by its "-ing".
_PREPOSITIONS = {
    "in",
    "on",
    "at",
    "after",
    "before",
    "despite",
    "amid",
    "with",
    "without",
    "for",
    "from",
    "as",
    "since",
    "when",
    "while",
    "asked",
    "according",
    "under",
    "ahead",
    "against",
    "by",
    "to",
}


_INVERTED_AFTER = re.compile(
    r"^(?![A-Z][a-z]+ing\b)(?P<what>[^“”\"«»]{20,}?),\s+(?:said|added|stressed|noted|explained|"
    r"concluded|continued|emphasi[sz]ed|underlined|stated|declared|insisted|warned)\s+"
    rf"(?P<who>the\s+(?:[\w’'-]+\s+){{0,3}}?(?:minister|president|secretary|ambassador|"
    rf"spokes(?:man|woman|person)|diplomat|envoy|official|chancellor|chair(?:man|woman|person)?|"
    rf"head|chief|premier|general|representative)|{_NAME})"
    r"(?:\s+(?:on|in|at|during|after)\s+[^,.“”\"]{2,40})?"
    # "…, said Rose Gottemoeller, a former undersecretary of state for arms control."
    r"(?:,\s+(?:a|an|the)\s+[^“”\"]{2,160}?)?\s*[.!]?$"
)
_PARTICIPLE = re.compile(
    rf"^{_INTRO}(?P<who>{_NAME})(?:,[^,“”\"]{{2,100}},)?\s+[^,“”\"]{{3,160}}?,\s+"
    r"(?:stating|saying|declaring|adding|noting|warning|stressing|arguing|insisting|"
    r"claiming|explaining|emphasi[sz]ing|underlining|asserting|reiterating|recalling)\s+"
    r"(?:that\s+)?(?P<what>[\w“\"].{15,})$"
)
#: "As X noted, …": a fronted attribution of the main clause.
_AS_NOTED = re.compile(
    rf"^As\s+(?P<who>(?:[\w’'-]+\s+){{0,6}}?{_NAME}|he|she)\s+{_AUX}"
    r"(?:noted|said|stated|stressed|emphasi[sz]ed|pointed out|explained|put it|recalled|"
    r"underlined|warned|argued|observed|wrote|told [\w ]{2,30}?)"
    r"(?:\s+[^,“”\"«»]{1,80})?,\s+(?P<what>[^“”\"«»\s].{15,})$"
)
#: "X did something and told reporters that …": a speech verb joined to the subject's first.
_COORDINATED = re.compile(
    rf"^{_INTRO}(?P<who>{_NAME})(?:,[^,“”\"]{{2,100}},)?\s+(?:has\s+|had\s+)?(?P<verb>[a-z]+ed)\b"
    # ("… and told reporters that", "Morin declined to state …, but said it's …")
    r"[^“”\"«».;:]{2,120}?(?P<conj>\s+and|,?\s+but)\s+(?:also\s+)?"
    r"(?:told (?:reporters|journalists|him|her|them|the \w+)|warned (?:him|her|them|that)|"
    r"said|stressed|added|noted|insisted|argued|emphasi[sz]ed|underlined|stated|declared|"
    r"called on|called for|urged)"
    r"(?:\s+that)?,?\s+(?P<what>[\w“\"].{10,})$"
)
#: The verbs of refusing to say, before "but said": what follows "but" is all that was said.
_REFUSED = re.compile(r"declined|refused|avoided|dodged|sidestepped|ducked")
#: "with X (on Thursday) saying (that) …": a participle clause naming who spoke.
_WITH_SAYING = re.compile(
    rf"\bwith\s+(?P<who>(?:[a-z][\w’'-]*\s+){{0,4}}?{_NAME})(?:,[^,“”\"]{{2,80}},)?"
    rf"(?:\s+{_WHEN}|\s+on\s+[A-Z]\w+)?\s+(?:saying|stating|warning|arguing|insisting|"
    r"claiming|adding|declaring)\s+(?:that\s+)?(?P<what>[\w“\"].{15,})$"
)
_RELAYED_AFTER = re.compile(
    r"^(?P<what>[^“”\"«»]{20,}?),\s+(?:[\w’'.-]+\s+){0,4}?(?:(?:also|was)\s+)?"
    rf"(?:quoted\s+(?P<who>{_NAME})(?:,[^,“”\"]{{2,80}},)?\s+as\s+saying"
    rf"|(?:learnt|learned|was told|heard)\s+from\s+(?:[a-z][\w’'-]*\s+){{0,3}}(?P<who2>{_NAME})"
    # "…, RBC reports, citing Konstantin Gavrilov, Russia's envoy to …"
    rf"|(?:reports?|reported|writes|wrote),?\s+(?:citing|quoting)\s+(?:[a-z][\w’'-]*\s+){{0,3}}"
    rf"(?P<who3>{_NAME})(?:,[^“”\"]{{2,120}})?)"
    r"(?:\s+(?:on|in|at)\s+[^,.“”\"]{2,40})?\s*[.!]?$"
)
_RELAYED = re.compile(
    # "Belarus's Belta news agency later quoted …": the outlet in up to seven words.
    rf"^[A-Z][\w’'.-]*(?:\s+[\w’'.-]+){{0,6}}?\s+quoted\s+(?P<who>{_NAME})"
    r"(?:,[^,“”\"]{2,80},)?\s+as\s+saying(?:\s+that)?,?\s+(?P<what>[^“”\"«»]{15,}?)[.!]?$"
)
#: A phrase of time or place opening what follows a speech verb: not what was said.
_CIRCUMSTANCE = re.compile(
    r"(?:following|after|during|at|in|on|before|while|when|ahead of|upon|as)\s", re.IGNORECASE
)


#: A lower-case description before the name it describes and a speech verb: "The speaker
#: of Russia's lower house of parliament, Vyacheslav Volodin, said …".
_DESCRIPTION_THEN_NAME = re.compile(
    # … or a possessive's: "Russia's envoy to NATO, Dmitry Rogozin, said …"
    rf"^(?:[Tt]he|[Aa]n?|[A-Z][\w.-]*[’']s)\s+[a-z][^,“\"”]{{2,80}},\s+(?P<name>{_NAME})(?P<comma>,)\s+{_AUX}"
    rf"(?:{_VERBS})\b"
)


def _reported(
    clause: str, context: str, day: dt.date | None, seen: list[Speaker], ahead: str = ""
) -> tuple[Speaker, int, int] | None:
    """The speaker and span of the reported clause of one sentence, if it reports speech.

    The forms of :func:`_reported_here` are read on the whole sentence, then on each of its
    later clauses in turn ("Russia sees the missiles as a threat … and President Vladimir
    Putin has accused the US of provoking a new arms race"): there only a record person
    speaks (a state or a body there is too weak a subject).
    """
    # "– Sherman said the talks were …": a list item's dash is not part of the sentence.
    dash = re.match(r"^[–—-]\s+(?=[A-Z])", clause)
    if dash:
        found = _reported(clause[dash.end() :], context, day, seen, ahead)
        if found is not None:
            return found[0], found[1] + dash.end(), found[2] + dash.end()
        return None
    described = _DESCRIPTION_THEN_NAME.match(clause)
    if described:
        # "The speaker of Russia's lower house of parliament, Vyacheslav Volodin, said that
        # …": read as "Vyacheslav Volodin said that …" (the description is the person's).
        name_end, rest = described.end("name"), described.end("comma")
        bare = clause[described.start("name") : name_end] + clause[rest:]
        found = _reported(bare, context, day, seen, ahead)
        if found is not None and found[1] >= name_end - described.start("name"):
            shift = rest - name_end + described.start("name")
            return found[0], found[1] + shift, found[2] + shift
    found = _reported_here(clause, context, day, seen, ahead)
    if found is not None:
        return found
    for joint in _NEXT_CLAUSE.finditer(clause):
        # Each later clause once: the forms are not read again on the clauses after it.
        found = _reported_here(clause[joint.end() :], context, day, seen, ahead)
        if found is not None and found[0].name and found[0].person is not None:
            return found[0], found[1] + joint.end(), found[2] + joint.end()
    return None


def _reported_here(
    clause: str, context: str, day: dt.date | None, seen: list[Speaker], ahead: str = ""
) -> tuple[Speaker, int, int] | None:
    """:func:`_reported`'s forms read on one clause as it stands, from its start.

    A description nothing before explains ("…, the Head of that regional group told the
    Council") is the person the next lines name first ("Zbigniew Rau, Minister …, made
    the remarks …"), as a news lead names the title before the person.
    """
    joined = _COORDINATED.match(clause)
    if joined and "but" in joined["conj"] and not _REFUSED.fullmatch(joined["verb"]):
        # "He emphasised his openness … but said that …": both halves are what he said;
        # only a refusal ("declined to state …, but said …") leaves the first unsaid.
        joined = None
    if joined:
        # "Lavrov echoed Rubio's remarks and told reporters that …", "Biden voiced concern
        # about … and warned him that …": a speech verb joined to the subject's first verb;
        # what follows it is what was said.
        who = _speaker_of(joined.group("who"), context, day, seen)
        if who is not None and who.name:
            return who, joined.start("what"), len(clause.rstrip())
    rep = _REPORTED.match(clause)
    intro = clause[: rep.start("who")].split() if rep else []
    adverbial = bool(intro) and (
        intro[0].lower() in _PREPOSITIONS
        or intro[0].lower().endswith("ing")
        # No auxiliary, no clause: "Prior to the adoption of the agenda, …".
        or not re.search(
            r"\b(?:has|have|had|is|are|was|were|will|would|can|could|must|should|does|do|did)\b",
            " ".join(intro),
        )
    )
    if rep and len(intro) >= 6 and not adverbial and _REPORTED_AFTER.match(clause):
        # "The US has withdrawn from the Treaty …, Pompeo said on Sunday, making good on …":
        # a whole clause before the attribution is what was said, not an introduction.
        rep = None
    what_at = rep.start("what") if rep else 0
    if (
        rep
        and _CIRCUMSTANCE.match(rep.group("what"))
        and not clause[:what_at].rstrip().endswith("that")  # "said that in 1997 …"
    ):
        # "confirmed on Wednesday (26 January 2022) that NATO …": what was said follows
        # "that"; "…, Grushko said following a meeting of the Council.": with no "that",
        # what follows the verb is when and where, and the clause before it was said.
        that = re.search(r"\bthat\s+", rep.group("what")[:100])
        if that is not None:
            what_at += that.end()
        elif _REPORTED_AFTER.match(clause):
            rep = None
    colon = _TO_WHOM_COLON.match(rep.group("what")) if rep else None
    if rep and colon is not None and what_at == rep.start("what"):
        what_at += colon.end()  # "had a message for Mr Lavrov: “…”": the words are quoted
    if rep and len(rep.group("what").split()) < 4:
        # "…, Secretary-General Jens Stoltenberg said on Tuesday.": the words come first;
        # what follows the verb is only when.
        rep = None
    if rep:
        if re.match(_DELEGATE, rep.group("who")):
            delegate = Speaker(None, rep.group("who").split(None, 1)[1])
            return delegate, what_at, len(clause.rstrip())
        who = _speaker_of(rep.group("who"), context, day, seen)
        if who is None and rep.group("appos"):
            # "First Deputy Minister of Foreign Affairs of Belarus, Aleksandr Mikhnevich, in
            # his address …, said that": the title is the subject, the name its apposition.
            for part in rep.group("appos").strip(",").split(","):
                named = person_name(part.strip())
                if named is not None:
                    who = _speaker_of(named[0], context, day, seen)
                    break
        if (
            who is None
            and not rep.group("appos")
            and re.fullmatch(rf"[{UPPER}][\w’'-]+", rep.group("who"))
            and _PLAIN_SAID.match(clause, rep.end("who"))
        ):
            # "Kerry said there were no substantive disagreements …" on a page that never
            # gives the full name: the surname alone, as a quotation's closing takes it —
            # but only before a plain speech verb, a single word being a weak subject.
            who = _surname_speaker(rep.group("who"), context, day, seen)
        if who is not None:
            return who, what_at, len(clause.rstrip())
        # "The Kremlin said in a statement that Putin told Biden … that he supports …": a
        # body's report of a person's words; the words are the person's.
        inner = _REPORTED.match(clause[what_at:])
        nested = (
            _reported_here(clause[what_at:], context, day, seen, ahead)
            if inner is not None and not possessive(inner.group("who"))
            else None
        )
        if (
            nested is not None
            and nested[0].name
            and (nested[0].person is not None or len(nested[0].name.split()) >= 2)
        ):
            return nested[0], nested[1] + what_at, nested[2] + what_at
    fronted = _AS_NOTED.match(clause)
    if fronted:
        # "As Russian Presidential Press Secretary Dmitry Peskov noted, an initiative …":
        # the main clause is what the person said.
        named = person_name(fronted.group("who"))
        who = _speaker_of(named[0] if named else fronted.group("who"), context, day, seen)
        if who is not None and (who.name or who.role):
            return who, fronted.start("what"), len(clause.rstrip())
    according = _ACCORDING.match(clause)
    if according:
        # "According to his words, …": the pronoun's person.
        who_text = re.sub(r"^(?:his|her|their)\s+words$", "he", according.group("who"), flags=re.I)
        who = _speaker_of(who_text, context, day, seen)
        if who is not None:
            return who, according.start("what"), len(clause.rstrip())
    after = _REPORTED_AFTER.match(clause)
    if after:
        attr = after.group("attr").strip()
        named = person_name(attr)
        who = None
        if named is not None:
            who = _speaker_of(named[0], context, day, seen)
            if who is not None and who.role is None and named[1]:
                who = Speaker(who.name, named[1], who.person)
        elif (
            re.fullmatch(r"[^\W\d_][\w’'-]+", attr) and attr[0].isupper() and not is_role_word(attr)
        ):
            # "…, Cavusoglu added.": a surname alone, for the full name written earlier, or
            # as the page prints it if it never gives one ("…, Belousov said.").
            who = _speaker_of(attr, context, day, seen)
            if who is not None and (who.name is None or not same_person(attr, who.name)):
                who = None
            if who is None and _PLAIN_SAID.match(clause, after.end("attr")):
                who = _lone_surname(attr, context)
        elif re.match(rf"^{HONORIFIC}\s+[A-Z][\w’'-]+$", attr):
            who = _speaker_of(attr, context, day, seen)  # "…, Mr Stoltenberg said."
        elif re.match(r"^(?:he|she|the |a )", attr, re.IGNORECASE):
            described = re.match(r"^(?:the|a) ", attr, re.I) and _ROLE_NOUN.search(attr)
            known = [r for r in persons_mentioned(context, day) if r.person is not None]
            named = _first_person_named(ahead) if described and not seen and not known else None
            if named is not None:
                # Nobody named yet: the lead's description is the person named next.
                who = _unify(Speaker(named[0], named[1]), seen)
            else:
                who = _speaker_of(attr, context, day, seen)
        if who is not None and _INTRODUCTORY.fullmatch(after.group("what")):
            # "On the night of January 6, Armenia's Prime Minister … Nikol Pashinyan announced
            # that …": a phrase of when or where opens the sentence; what was said follows
            # the verb.
            verb = _VERB_AFTER_ATTRIBUTION.search(clause, after.end("attr"))
            if verb is not None and len(clause) - verb.end() >= 20:
                return who, verb.end(), len(clause.rstrip())
        if who is not None:
            return who, 0, after.end("what")
    inverted = _INVERTED_AFTER.match(clause)
    if inverted:
        # "…, Croatia can confirm the importance of such projects, said the minister.":
        # the verb before its subject, after the clause.
        who = _speaker_of(inverted.group("who"), context, day, seen)
        if who is not None and (who.name or who.role):
            return who, 0, inverted.end("what")
    participle = _PARTICIPLE.match(clause)
    if participle:
        # "X released a statement on Wednesday, stating that Russia must …", "X delivered a
        # sharp address, declaring that …": the clause after the participle is X's.
        who = _speaker_of(participle.group("who"), context, day, seen)
        if who is not None and who.name:
            return who, participle.start("what"), len(clause.rstrip())
    with_saying = _WITH_SAYING.search(clause)
    if with_saying:
        # "…, with high-ranking lawmaker Viktor Ozerov on Thursday saying there will be …":
        # the clause after the participle is the person's.
        named = person_name(with_saying.group("who"))
        who = _speaker_of(named[0], context, day, seen) if named is not None else None
        if who is not None and who.name:
            return who, with_saying.start("what"), len(clause.rstrip())
    relayed = _RELAYED_AFTER.match(clause) or _RELAYED.match(clause)
    if relayed:
        # "…, the news agency also quoted Kremlin spokesman Dmitri Peskov as saying.", "…,
        # BelTA learnt from CSTO spokesman X.", "Interfax quoted Peskov as saying that …":
        # an outlet relays the words; they are the person's.
        groups = relayed.groupdict()
        who_text = groups.get("who") or groups.get("who2") or groups.get("who3") or ""
        named = person_name(who_text)
        who = _speaker_of(named[0] if named else who_text, context, day, seen)
        if who is not None and who.name:
            return who, relayed.start("what"), relayed.end("what")
    trailing = _ACCORDING_AFTER.match(clause)
    if trailing:
        named = person_name(trailing.group("who"))
        who = _speaker_of(named[0], context, day, seen) if named is not None else None
        if who is not None:
            return who, 0, trailing.end("what")
    foreign = _foreign_speaker(clause, context, day, seen)
    if foreign is not None:
        return foreign, 0, len(clause.rstrip())
    return None


#: Where a sentence's second clause begins: after "and", "but", "while" or a semicolon, with
#: a capitalised word (a name or a title) after it.
_NEXT_CLAUSE = re.compile(r"(?:,?\s+(?:and|but|while|whereas)|;)\s+(?=[A-Z])")


#: An attribution between dashes inside a quotation: «…, - подчеркнул Медведев. - …».
_SAYS_COLON = re.compile(
    # A paragraph closing on "X says:" with nothing after the colon: the next one is X's.
    rf"(?:^|(?<=[.!?”\"]\s)){_INTRO}(?P<who>{_NAME}|[Hh]e|[Ss]he)(?:\s+(?:then|also|later|again|now))?"
    r"\s+(?:says|said|continues|continued|adds|added|writes|wrote|posted|posts|tweeted|"
    r"replies|replied|responds|responded|tells [\w ]{2,30}?|told [\w ]{2,30}?)\s*:\s*$"
)
_DASH_ATTRIBUTION = re.compile(
    # inside the marks: «…, - сказал X. - …», not «…», — said X. (read as a quotation)
    rf"(?<![»”\"])[,.!?…]\s+[-–—]\s+(?:{FOREIGN_SAID_WORDS}|said|added|stressed)\s+"
    r"(?P<who>[^.«»“”\"]{2,80}?)(?:\.\s+[-–—]\s+|[.»”\"]*\s*$)",
    re.IGNORECASE,
)


#: A speech verb alone between dashes inside a quotation: "… - ha aggiunto - …",
#: "… – dodał – …", "… — добавил он —" is read by the pronoun rules instead.
_DASH_VERB_ALONE = re.compile(rf"\s[-–—]\s+{FOREIGN_SAID_WORDS}\s+[-–—]\s", re.IGNORECASE)


def _dash_speaker(
    who: str, context: str, day: dt.date | None, seen: list[Speaker]
) -> Speaker | None:
    """The speaker a dash attribution names.

    A name, a surname alone, or a description of the person last named ("глава
    российского государства").
    """
    found = _speaker_of(who, context, day, seen) if re.search(r"[A-Za-z]", who) else None
    if found is not None and (found.name or found.role):
        return found
    lone = _lone_surname(who, context) if len(who.split()) == 1 else None
    if lone is not None:
        return next((p for p in seen if p.name and same_person(lone.name or "", p.name)), lone)
    return seen[-1] if seen and who[:1].islower() else None


#: A run of capitalised words in any script, particles allowed ("Jaap de Hoop Scheffer").
_ANY_NAME_RUN = re.compile(
    # Latin capitals with diacritics of Central and South-East Europe too ("Đukanović",
    # "Šefčovič", "Łukasz"), and Ukrainian ones ("Іван").
    rf"(?<![\w-])[{UPPER}][\w.’'-]*"
    rf"(?:\s+(?:(?:de|van|von|der|da|di|del|la|le)\s+)*[{UPPER}][\w.’'-]*)*"
)


def _foreign_speaker(
    clause: str, context: str, day: dt.date | None, seen: list[Speaker]
) -> Speaker | None:
    """Who a sentence of Spanish, German, French, Italian or Russian copy attributes.

    The sentence holds one of :data:`FOREIGN_SAID` ("…, declaró el ministro de Exteriores
    ruso, Serguéi Lavrov.", "… laut NATO-Generalsekretär Jaap de Hoop Scheffer …",
    "- подчеркнул Медведев.") and the whole sentence is reported as the words of: the one
    person of the gazetteer it names; else the name standing closest after the verb
    (past a description: "declaró el ministro …, Serguéi Lavrov") or just before it ("Le
    président Sarkozy a déclaré"); else a surname alone right after the verb. Each speech
    verb of the sentence is tried in turn ("… ha annunciato che … rispetterà il Trattato
    sui Cieli Aperti, ha dichiarato il viceministro … Alexander Grushko").
    """
    said_until = _quoted_until(clause)
    # '"Dobrze, że pan minister Sikorski mówi … nazywany "drogim Siergiejem" …" - zauważył
    # Przydacz': a quotation opening the sentence, with quotations inside it, runs to the
    # mark its attribution follows; a verb inside it is what was said.
    verbs = [v for v in foreign_said(clause) if v.start() >= said_until]
    verbs = verbs or _verb_after_quotation(clause)
    if not verbs:
        return None
    # Names inside the quoted words are what was said, not who said it.
    bare = _QUOTE.sub(lambda q: " " * len(q.group(0)), clause)
    bare = " " * said_until + bare[said_until:]
    runs = _name_runs(bare)
    # "министр иностранных дел России Сергей Лавров": a title's capitalised words run into
    # the name, so a run's last two or three words are tried as well.
    placed = [
        (a, b, p)
        for a, b, r in runs
        for tail in dict.fromkeys((r, *(" ".join(r.split()[-n:]) for n in (3, 2))))
        if len(tail.split()) >= 2 or tail == r
        if (p := person_by_alias(tail)) is not None
        # "la propuesta de Putin", "с Путиным": a person after a preposition is an object,
        # not after the "de" of the office that opens the sentence's subject ("El
        # viceministro de Asuntos Exteriores de Rusia Serguéi Riabkov advirtió …")
        if (
            not _ARTICLE_OR_PREPOSITION_BEFORE.search(bare, 0, a)
            or (tail != r and _SUBJECT_OFFICE_OF.search(bare, 0, a) is not None)
        )
        # "… leszögezte, hogy … a Stoltenberg által javasolt …": a person named past the
        # verb's "that" is in what was said
        and not any(v.end() <= a and _THAT.search(bare, v.end(), a) for v in verbs)
        # "Vladimiras Putinas planuoja …, pareiškė Lietuvos užsienio reikalų ministras": the
        # verb after a comma, its subject after it; a person before the comma was spoken of
        and not any(b <= v.start() and _inverted(bare, v) for v in verbs)
        # "aseguró al entonces presidente …, Mijaíl Gorbachov, que …": told to him
        and not any(_told_to(bare, v, a, b) for v in verbs)
    ]
    known = {p.name: p for _, _, p in placed}
    if len(known) > 1:
        # "Ayer, Trump respondió … que le parecía buena idea la propuesta de Putin": of the
        # persons a sentence names, the one standing right against a speech verb speaks.
        against = {
            p.name: p
            for a, b, p in placed
            for v in verbs
            if 0 <= v.start() - b <= 3 or 0 <= a - v.end() <= 3
        }
        known = against if len(against) == 1 else known
    if len(known) == 1:
        person = next(iter(known.values()))
        subject = _subject_against(bare, runs, verbs[0], placed)
        if subject is not None:
            # "El diputado nacional Julio Cobos (UCR-Mendoza) manifestó su preocupación por el
            # anuncio del Presidente …, Vladimir Putin": the one the page names against the
            # verb speaks; the known person after it is what was spoken of.
            return _unify(Speaker(subject, None), seen)
        return _unify(Speaker(person.name, _role(person, day), person), seen)
    if known:
        return None
    for verb in verbs:
        found = _foreign_speaker_at(clause, bare, runs, verb, context, day, seen)
        if found is not None:
            return found
    return None


def _subject_against(
    bare: str,
    runs: list[tuple[int, int, str]],
    verb: re.Match[str],
    placed: list[tuple[int, int, Person]],
) -> str | None:
    """A full name standing against a speech verb, when the known persons follow the verb.

    The whole name run (a given name and a surname, nothing else) right before the verb,
    a party in brackets allowed between; None when a known person stands before the verb.
    """
    if any(a < verb.start() for a, _, _ in placed):
        return None
    for a, b, run in reversed(runs):
        if b > verb.start() or bare[a - 1 : a] == "(":
            continue  # (after the verb, or a party in brackets: "(UCR-Mendoza)")
        if not _NEXT_TO_VERB.fullmatch(bare, b, verb.start()):
            return None
        named = person_name(run)
        words = run.split()
        if named is None or len(words) < 2 or " ".join(words[-len(named[0].split()) :]) != named[0]:
            return None
        if _ARTICLE_OR_PREPOSITION_BEFORE.search(bare, 0, bare.find(named[0], a)):
            return None
        return named[0]
    return None


#: Lower-case words closed by an office's noun: "užsienio reikalų ministras", "foreign
#: minister", "министр иностранных дел".
_OFFICE_AFTER = re.compile(
    r"(?:\s+[^\W\d_A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ][\w’'-]*){0,3}?\s+"
    r"(?i:minist\w*|министр\w*|міністр\w*|prezident\w*|president\w*|президент\w*|"
    r"ambasad\w*|ambassad\w*|посол\w*|premier\w*|premjer\w*|kancler\w*)\b"
)


def _inverted(bare: str, verb: re.Match[str]) -> bool:
    """Whether a speech verb follows a comma and its subject follows it ("…, said X")."""
    if not re.search(r",\s*(?:[-–—]\s*)?$", bare[: verb.start()]):
        return False
    rest = bare[verb.end() :].strip(" .")
    return bool(rest) and not rest.startswith(",") and not _THAT.match(rest)


#: A quotation closed, then a comma (and a dash) and a word in lower case: in every
#: language read, the verb of the attribution that follows ("«…», fügte Blinken hinzu",
#: "\"…\", a lancé le secrétaire général Jens Stoltenberg", "\"…\", – пояснив Рютте").
_QUOTE_THEN_WORD = re.compile(
    # the quotation's own closing punctuation, or a comma or a dash after it: a scare
    # quote ("the “Golden Dome” parallels …") has neither
    # (French sets its guillemets off with a space, German closes with «)
    r"[^\W\d_][\w’'-]*(?:[,.!?…]\s?[”\"»“«]\s*,?|\s?[”\"»“«]\s*,|\s?[”\"»“«](?=\s*[-–—]))"
    r"(?P<close>\s*(?:[-–—]\s*)?)(?P<verb>[^\W\d_A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w’'-]*)"
)
#: Words that join a clause, not attribute a quotation ("…", while Lavrov disagreed).
# fmt: off
_CLAUSE_JOINERS = frozenset({
    "and", "but", "while", "whereas", "which", "who", "when", "as", "or", "so", "because",
    "although", "though", "if", "than", "then", "that", "et", "mais", "ou", "donc", "car",
    "qui", "que", "quand", "und", "aber", "oder", "denn", "weil", "wenn", "als", "wie", "was",
    "y", "pero", "o", "e", "ma", "mentre", "perché", "quando", "cui", "и", "а", "но", "или",
    "і", "та", "й", "але", "чи", "ale", "i", "oraz", "lub", "albo", "gdy", "który",
    "która", "które", "jak", "że", "что", "который", "которая", "которые", "як", "який",
    "яка", "які", "що", "of", "to", "for", "with", "by", "from", "about", "into",
    # Nordic, Finnish, Dutch, Hungarian, Turkish, Romanian, Czech and Baltic ones
    "og", "men", "eller", "som", "at", "och", "att", "ja", "mutta", "että", "en", "maar",
    "dat", "die", "és", "hogy", "ve", "ama", "și", "dar", "iar", "care", "že", "ir", "bet",
    "un", "aga",
    # English puts a name or a description after its own verbs ("…,” said Lavrov), read
    # by the English rules; an article opens a body or a description ("…", the Saudi
    # Foreign Ministry said).
    "the", "an", "its", "his", "her", "their",
})
# fmt: on


#: A paragraph opened by a dialogue dash, as Nordic, Finnish, Polish and Russian copy
#: print a speaker's words without quotation marks.
_DIALOGUE_DASH = re.compile(r"^\s*[–—-]\s+(?=\S)")
#: A comma, a word in lower case and a capitalised one: where an attribution may begin.
#: Up to four words in lower case may describe the person between the verb and the name
#: ("…, sa det russiske utenriksdepartementets talskvinne Maria Zakharova torsdag").
_COMMA_VERB_NAME = re.compile(
    r",\s+[^\W\d_A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w’'-]*(?:\s+[^\W\d_A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w’'-]*){0,4}"
    r"\s+(?=[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ])"
)


#: A comma, then capitalised words and the speech verb that closes the paragraph: the
#: attribution of languages that name the speaker before the verb ("…, Kaikkonen toteaa.",
#: "…, Naton pääsihteeri sanoi.", "…, Lipavský uvedl.").
_COMMA_NAME_VERB = re.compile(
    r",\s+(?=[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w’'.-]*(?:\s+[\w’'.()-]+){0,4}?\s+"
    rf"{FOREIGN_SAID_WORDS}(?!\w)[^,.!?;:]*[.!?]?\s*$)",
    re.IGNORECASE,
)


_COMMA_VERB_PRONOUN = re.compile(
    rf",\s+{FOREIGN_SAID_WORDS}\s+(?:han|hun|hon|hij|zij|er|sie|он|она|він|вона)\s*[.!]?\s*$",
    re.IGNORECASE,
)


def _dialogue_attribution(para: str) -> tuple[int, int] | None:
    """The words of a paragraph opened by a dialogue dash, up to its attribution's comma.

    The last comma followed by a lower-case word and a capitalised one whose rest of the
    paragraph is one sentence ("…, sa Kuleba, og oppfordret …") closes the words, or the
    last one followed by a name and the verb that closes the paragraph ("…, Kaikkonen
    toteaa."); the attribution itself is read as after a quotation
    (:func:`_foreign_speaker`).
    """
    dash = _DIALOGUE_DASH.match(para)
    commas = list(_COMMA_VERB_NAME.finditer(para, dash.end())) if dash is not None else []
    # The last comma whose next word may attribute ("…, sa Kuleba, og oppfordret …": not
    # the joiner "og").
    commas = [c for c in commas if _may_attribute(para[c.start() + 1 :].split()[0])]
    if dash is not None:
        # "…, siger han.", "…, sa hun.": the verb and a pronoun close the paragraph.
        pronoun = _COMMA_VERB_PRONOUN.search(para, dash.end())
        if pronoun is not None:
            return dash.end(), pronoun.start()
        ends = list(_COMMA_NAME_VERB.finditer(para, dash.end()))
        last = ends[-1] if ends else None
        if (
            last is not None
            and last.start() >= max((c.start() for c in commas), default=-1)
            and para[last.end() : last.end() + 1].isupper()
        ):
            return dash.end(), last.start()
    if dash is None or not commas:
        return None
    rest = para[commas[-1].start() + 1 :]
    if len(sentences(rest)) != 1:
        return None
    return dash.end(), commas[-1].start()


def _quoted_until(clause: str) -> int:
    """Where a quotation that opens ``clause`` closes before its attribution, else 0."""
    if clause.lstrip()[:1] not in '"“«„»':
        return 0
    for m in _QUOTE_THEN_WORD.finditer(clause):
        if _may_attribute(m.group("verb")):
            return m.start("close")
    return 0


def _may_attribute(word: str) -> bool:
    """Whether a word after a quotation may open its attribution (may be a verb).

    Not a word that joins a clause ("while", "und", "які" …), nor an article or a
    preposition, which open a noun phrase.
    """
    low = word.lower()
    return not (low in _CLAUSE_JOINERS or low in _ARTICLES or low in _FOREIGN_PREPOSITIONS)


_CLOSING_MARKS = '”"»“«'


def _verb_after_quotation(clause: str) -> list[re.Match[str]]:
    """The word after a closed quotation that opens its attribution, if it may be a verb.

    A language whose speech verbs :data:`FOREIGN_SAID` does not list still attributes a
    quotation in the same shape: the quotation, a comma, the verb, the person. The word is
    taken as that verb when it may be one (:func:`_may_attribute`).
    """
    out: list[re.Match[str]] = []
    if not any(mark in clause for mark in _CLOSING_MARKS):
        return out  # no quotation closes in the clause (most clauses): nothing to scan
    for m in _QUOTE_THEN_WORD.finditer(clause):
        if not _may_attribute(m.group("verb")):
            continue
        tail = clause[m.start("close") : m.start("close") + 120]
        if _AFTER.match(tail) or _AFTER_APPOSED.match(tail) or _AFTER_DESCRIBED.match(tail):
            continue  # "…,” added the Minister: the English rules read their own forms
        verb = re.compile(r"\S+").match(clause, m.start("verb"))
        if verb is not None:
            out.append(verb)
    return out


#: An article after a name closes it ("sagte Dmitri Peskow der Agentur Interfax"); a
#: particle after "von", "van" or "de" is the name's ("Ursula von der Leyen").
_ARTICLE_CLOSES_NAME = re.compile(
    r"(?<!\b[Vv]on)(?<!\b[Vv]an)(?<!\b[Dd]e)\s+(?:der|des|dem|den|di|da|del|la|le)\s+(?=[A-ZÀ-ÖØ-ÞА-ЯЁ])"
)


def _name_runs(bare: str) -> list[tuple[int, int, str]]:
    """Runs of capitalised words in any script, each closed by an article after it."""
    out = []
    for m in _ANY_NAME_RUN.finditer(bare):
        if m.group(0).endswith("-"):
            continue
        run = _ARTICLE_CLOSES_NAME.split(m.group(0), maxsplit=1)[0]
        # "Stoltenberg van de NAVO", "Scheffer of NATO": a body's abbreviation after a
        # particle closes no name; the name ends before the particle.
        run = _PARTICLE_BODY.sub("", run)
        # "цитирует Пескова ТАСС", "в беседе с РИА Новости": an agency relays, never speaks
        run = _AGENCY_TAIL.sub("", run)
        if run:
            out.append((m.start(), m.start() + len(run), run.rstrip(".")))
    return out


#: News agencies, which relay words and never speak them ("цитирует Пескова ТАСС").
_AGENCY_NAMES = (
    r"(?:РИА|RIA)\s+(?:Новости|N[oó]vosti|Novosztyi)|(?:ИТАР-)?ТАСС|TASS|Интерфакс|Interfax|"
    r"Reuters|AFP|PAP|Укрінформ|Ukrinform|УНН|Спутник|Sputnik|Известия|Izvestia|"
    r"Коммерсант|Kommersant|Xinhua|Синьхуа|БелТА|BelTA|Anadolu|ANSA|EFE|Agerpres"
)
#: A news agency's name closing a run of capitalised words (or making it up).
_AGENCY_TAIL = re.compile(rf"(?:^|\s+)(?:{_AGENCY_NAMES})$")
_PARTICLE_BODY = re.compile(r"(?:\s+(?:van|de|der|den|von|of|di|du|del|da))+\s+[A-ZА-ЯЁ]{2,6}$")


def _office_and_name(run: str) -> bool:
    """Whether a run is an office in one word and a person's name of two or more words.

    German capitalises the office, so an article before it ("sagte der Außenminister Heiko
    Maas") opens a title, not a noun phrase that names no one ("sagte der Bundestag").
    """
    words = run.split()
    if len(words) < 3 or not german_office(words[0]):
        return False
    named = person_name(" ".join(words[1:]))
    return named is not None and len(named[0].split()) >= 2


#: Between a description set off by commas and its speech verb: nothing, or up to three
#: words in lower case (when: "v pondělí", "am Montag").
_DESCRIPTION_TO_VERB = re.compile(
    r",\s+[^,;:“”\"«»„]{2,140}?,(?:\s+[^\W\d_A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-Ω][\w’'-]*){0,3}\s*"
)


def _name_then_description(
    bare: str,
    runs: list[tuple[int, int, str]],
    verb: re.Match[str],
    context: str,
    day: dt.date | None,
    seen: list[Speaker],
) -> Speaker | None:
    """The name opening a sentence, a description between commas, then the speech verb.

    "Jan Lipka, der polnische Außenminister, sagte …", "Ян Липка, министр иностранных дел
    Польши, заявил …", "Jan Lipka, polský ministr zahraničí, v pondělí uvedl …": the name
    speaks, whatever the description's own capitalised words ("de Poolse minister van
    Buitenlandse Zaken").
    """
    first = runs[0] if runs else None
    if first is None or bare[: first[0]].strip(" –—-") or len(first[2].split()) < 2:
        return None
    if not _DESCRIPTION_TO_VERB.fullmatch(bare, first[1], verb.start()):
        return None
    named = person_name(first[2])
    return _speaker_of(named[0], context, day, seen) if named is not None else None


#: What may follow a speech verb that closes its sentence: the full stop, a closing mark.
_SENTENCE_CLOSE = re.compile(r"[\s.!?…\"”»“'’)]*")


def _subject_before_comma(
    clause: str,
    bare: str,
    runs: list[tuple[int, int, str]],
    verb: re.Match[str],
    context: str,
    day: dt.date | None,
    seen: list[Speaker],
) -> Speaker | None:
    """The subject set off by a comma when the speech verb closes the sentence.

    Turkish and Azerbaijani copy name the speaker first and say so last ("Cumhurbaşkanı
    Recep Tayyip Erdoğan, zirveye ilişkin, "…" dedi.", "Konuyu değerlendireceklerini
    bildiren Erdoğan, "…" diye konuştu.", "… sorulan Erdoğan, … bulunmadığını söyledi."):
    the first name a comma closes, outside the quotations, before the verb. A name of two
    words or more is read as a person's (:func:`person_name`); a surname alone only as
    someone the page named in full before.
    """
    if not _SENTENCE_CLOSE.fullmatch(clause, verb.end()):
        return None
    first = next((r for r in runs if r[1] < verb.start() and bare[r[1] : r[1] + 1] == ","), None)
    if first is None:
        return None
    words = first[2].split()
    if len(words) >= 2:
        if _names_a_thing(first[2]):
            return None
        named = person_name(first[2])
        return _speaker_of(named[0], context, day, seen) if named is not None else None
    found = _surname_speaker(words[0], context, day, seen)
    # A surname alone that nothing before names in full may be an adverb ("Ancak, …").
    return found if found is not None and (found.name != words[0] or found.role) else None


#: Between a name and the run that closes its apposition: a comma, then words opened in
#: lower case (", de vice-minister van ", ", el viceministro de ").
_LOWER_APPOSITION = re.compile(r",\s+[^\W\d_A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][^,;.“”\"«»]{0,80}")


_VERB_WITH_PREPOSITION = re.compile(r"\s(?:auf|an|zu|über)$", re.IGNORECASE)


def _foreign_speaker_at(
    clause: str,
    bare: str,
    runs: list[tuple[int, int, str]],
    verb: re.Match[str],
    context: str,
    day: dt.date | None,
    seen: list[Speaker],
) -> Speaker | None:
    """:func:`_foreign_speaker` for one speech verb of the sentence.

    ``bare`` is the sentence with its quotations blanked, ``runs`` its name runs.
    """
    # "Según José Manuel Albares, …", "Secondo Luigi Di Maio, …": a sentence opened by the
    # verb runs its capital into the name; the name is what follows the verb.
    runs = [
        (verb.end() + 1, b, bare[verb.end() + 1 : b])
        if a <= verb.start() and b > verb.end() + 1 and bare[verb.end() : verb.end() + 1] == " "
        else (a, b, r)
        for a, b, r in runs
    ]
    after = [
        r
        for r in runs
        if 0 <= r[0] - verb.end() <= 80
        and len(r[2].split()) >= 2
        # "ha indicado durante un Diálogo Abierto", "sobre 'La Unión Europea'": a run after
        # or opened by an article is a noun phrase
        and r[2].split()[0].lower() not in _ARTICLES
        and (
            not _ARTICLE_OR_PREPOSITION_BEFORE.search(bare, 0, r[0])
            # "sagte der Außenminister Heiko Maas": an article before an office and a name
            or _office_and_name(r[2])
            # "голова Місії України при НАТО Наталія Галібаренко": a body's abbreviation
            # closes the office, the name follows
            or (len(r[2].split()) >= 3 and re.fullmatch(r"[А-ЯЁІЇЄҐ]{2,6}", r[2].split()[0]))
        )
        and not _names_a_thing(r[2])  # "ha annunciato il ritiro dal Trattato Cieli Aperti"
        # "podkreślił na antenie TVP Info", "sagte er im Interview mit der ZEIT": the
        # channel or paper it was said on, not who said it
        and not _MEDIUM_BEFORE.search(bare, 0, r[0])
        # "potwierdził w piątek, że Stany Zjednoczone …": a name past "that" is the subject
        # of what was said, not who said it.
        and not _THAT.search(bare, verb.end(), r[0])
        # "Er verwies auf den anhaltenden Austausch von Botschaften …": a verb closed by its
        # preposition takes its object next, never its subject
        and not _VERB_WITH_PREPOSITION.search(verb.group(0))
        # "aseguró a Jan Halvar que …": the person it was said to
        and not _told_to(bare, verb, r[0], r[1])
    ]
    before = [
        r
        for r in runs
        # "le député Dirk Van der Maelen (sp.a) a réclamé": a party in brackets may stand
        # between the name and the verb.
        if r[1] <= verb.start()
        and _NEXT_TO_VERB.fullmatch(bare, r[1], verb.start())
        and len(r[2].split()) >= 2
        # "Die Regierung betonte", "La Commissione ha detto": an article opens no name
        and r[2].split()[0].lower() not in _ARTICLES
        and not _names_a_thing(r[2])  # "В НАТО выразили сожаление"
        # "het ministerie van Buitenlandse Zaken dinsdag duidelijk gemaakt": a ministry
        and r[2].split()[-1].lower() not in _MINISTRY_WORDS
    ]
    described = _name_then_description(bare, runs, verb, context, day, seen)
    if described is not None:
        return described
    if before and runs.index(before[-1]) > 0:
        # "Thordis Kolbrun Reykfjord Gylfadottir (Tourdis Kolbrun Reikfiord Gilfadoutir)
        # teigė": a foreign name, then how the language writes it, in brackets; the name
        # as its bearer writes it.
        k = runs.index(before[-1])
        if re.fullmatch(r"\s*\(", bare[runs[k - 1][1] : before[-1][0]]) and bare[
            before[-1][1] : verb.start()
        ].lstrip().startswith(")"):
            before = [runs[k - 1]]
    if before:
        # "Aleksandr Groesjko, de vice-minister van Buitenlandse Zaken, zei dat …": the run
        # against the verb closes an apposition opened in lower case after a name and a
        # comma; the name is the one speaking.
        k = runs.index(before[-1])
        if (
            k > 0
            and _LOWER_APPOSITION.fullmatch(bare, runs[k - 1][1], before[-1][0])
            and person_name(runs[k - 1][2]) is not None
        ):
            before = [runs[k - 1]]
    for at, _, run in after[:1] + before[-1:]:
        words = run.split()
        if len(words) >= 3 and _OFFICE_OF_BEFORE.search(bare, 0, at):
            # "vice ministro degli Esteri Alexander Grushko", "ministre des Affaires …": the
            # run's first word closes the office the preposition opened.
            run = " ".join(words[1:])
        elif len(words) >= 3 and all(re.fullmatch(r"[А-ЯЁІЇЄҐ][\w’'-]*", w) for w in words):
            # "міністр закордонних справ України Андрій Сибіга": a state's name closes the
            # office in Cyrillic copy too; the name is the given name and the surname (and
            # a patronymic between them: "Сергей Викторович Лавров").
            keep = 3 if re.search(r"(?:вич|вна|ична|івна)$", words[-2]) else 2
            run = " ".join(words[-keep:])
        named = person_name(run)
        if len(words) == 2 and _titled_word(words[0]):
            # "Secretaris-generaal Stoltenberg van de NAVO zegt": a title and a surname
            known_surname = person_by_alias(words[1])
            named = (known_surname.name if known_surname else words[1], words[0])
        who = _speaker_of(named[0], context, day, seen) if named is not None else None
        if who is not None and who.name:
            # "sagte de Hoop Scheffer" after "Jaap de Hoop Scheffer": the person named before
            earlier = next((p for p in seen if p.name and p.name.endswith(" " + who.name)), None)
            return earlier or who
    opening = _subject_before_comma(clause, bare, runs, verb, context, day, seen)
    if opening is not None:
        return opening
    office = _office_holder_named(bare, verb, day, seen)
    if office is not None:
        return office
    introduced_as = _office_introduced(bare, verb, context, day, seen)
    if introduced_as is not None:
        return introduced_as
    if (
        re.search(
            # "Он также отметил", "Він також наголосив", "El a adăugat", "Hon tillade": a
            # pronoun before the verb, one or two small words between them.
            r"(?<!\w)(?i:он|она|він|вона|er|sie|il|elle|él|ella|lui|lei|hij|zij|ze|hon|han|"
            r"hun|el|ea|ele|ela|on|ona)(?:\s+[^\W\d_A-ZА-ЯЁІЇЄҐ][\w’'-]*){0,2}\s*$",
            clause[: verb.start()],
        )
        # "…, отметила она.", "…, sagte er.", "…, ajoute-t-il": the pronoun after the verb
        # (French puts "il" after the verb with a hyphen only: " il presidente" is Italian.)
        or re.match(
            # "По его словам", "За його словами": according to him
            r"\s+(?:он|она|вона|він|er|sie|han|hun|hon|hij|zij|его|её|ее|його|її)\b"
            r"|-t-(?:il|elle)\b",
            clause[verb.end() :],
            re.I,
        )
        or re.search(r"-(?:il|elle)\b|\b(?:er|sie|его|её|ее|його|її)\b", verb.group(0))
        # '"…," uvedl.', '"…", dodał.': a quotation, then the verb alone closing the sentence
        # (the languages that drop the subject)
        or (
            not bare[: verb.start()].strip(" ,–—-")
            and clause[: verb.start()].strip()[:1] in '"“„«'
            and re.fullmatch(r"\s*[.!?]?\s*", clause[verb.end() :]) is not None
            and verb.group(0).lower() not in _ACCORDING_TO
        )
        # "…, añadió el político noruego.", "– dodał szef polskiej dyplomacji.", "…, sagte der
        # SPD-Politiker.": a description after the verb, naming nobody, closing the sentence
        or (
            # ... after the words it attributes: a comma, a closing quotation mark or a dash
            # before the verb ("…”, añadió el político noruego"), not "anunció el retiro".
            _described_after(clause[verb.end() :])
            and re.search(r"[,”\"»“–—-]\s*$", clause[: verb.start()]) is not None
        )
    ):
        # "он подчеркнул, что …", "il a déclaré": the person last speaking, else the
        # person last named ("Außenminister Heiko Maas sprach … „…“, sagte er.").
        if seen:
            # "« … », a affirmé le ministre" after NATO's Secretary General spoke: an office
            # the description names that the person last speaking does not hold is
            # someone else's, not theirs.
            fits = _same_office(clause[verb.end() :], seen[-1].role or "")
            if _AGENCY_AFTER.match(clause, verb.end()):
                return None  # "Uviedla to tlačová agentúra DPA.": the agency reported it
            return seen[-1] if fits else None
        said_after = context + " " + bare[: verb.start()]  # not a name inside the quotation

        def introduced(named: tuple[str, str | None]) -> bool:
            # An office introduced the name ("Außenminister Heiko Maas", "le ministre
            # Jean-Yves Le Drian") or the record knows it: German capitalises every noun
            # ("Bei der Sicherheitskonferenz hat der Bundespräsident …", "am Montag Kiew").
            before = max(said_after.rfind(named[0]), 0)
            return bool(
                named[1]
                or person_by_alias(named[0])
                or _LOWER_OFFICE_BEFORE.search(said_after, 0, before)
            )

        named = _last_person_named(said_after, introduced)
        if named is None:
            return None
        who = _speaker_of(named[0], context, day, seen)
        if who is not None and who.role is None and named[1]:
            who = Speaker(who.name, named[1], who.person)  # "Außenministerin"
        return who
    opened = _QUOTE_OPENS_BEFORE.search(bare, 0, verb.start())
    if opened is not None and re.search(r"[^\W_][”\"»“]\s*$", clause[: verb.start()]):
        # "Öte yandan Dışişleri Bakanı Çavuşoğlu dün …, “…” ifadelerini kullanmıştı.": a
        # language that puts the verb last, right after the quotation with no comma, puts
        # its subject first; the first name before the quotation whose full name the page
        # printed (or the record knows) speaks.
        for at, _, run in runs:
            if at >= opened.start():
                break
            last_word = run.split()[-1]
            earlier = _named_earlier(last_word, context + " " + bare[:at], day, seen)
            if earlier is None and len(run.split()) >= 2:
                named_run = person_name(" ".join(run.split()[-2:]))
                earlier = _speaker_of(named_run[0], context, day, seen) if named_run else None
            if earlier is not None and earlier.name:
                return earlier
    according = verb.group(0).lower() in _ACCORDING_TO
    if (
        seen
        and not according
        and _PRO_DROP.fullmatch(clause[: verb.start()].strip(" \t\n–—-,"))
        and not _AGENCY_AFTER.match(clause, verb.end())
    ):
        # "Así lo ha indicado …", "Также подчеркнул, что …", "Inoltre ha ribadito …": the
        # languages that drop the subject leave the person last named speaking.
        return seen[-1]
    # (Greek names a person with the article: "σημείωσε η Μπέρμποκ")
    # (a surname of three letters, "Rau", only where the page printed the full name before)
    lone_at = re.match(
        r"\s+(?:(?:ο|η|τον|την|του|της)\s+)?(?P<who>[A-ZА-ЯЁΑ-ΩΆΈΉΊΌΎΏ][\w’'-]{2,})\b",
        clause[verb.end() :],
    )
    # "sagte Maas", "Riabkov agregó", "Czaputowicz odpowiedział": a surname alone next to
    # the verb is the person whose full name the page printed before it ("Heiko Maas").
    # (not a place after its preposition: "Il ministero degli Esteri di Mosca ha annunciato")
    lone_before = re.search(
        r"(?<![\w-])(?<!\bdi )(?<!\bde )(?<!\bof )(?<!\bvon )(?<!\bdu )(?<!\bdel )(?<!\bz )"
        r"(?<!\bиз )(?<!\bвід )(?P<who>[A-ZА-ЯЁΑ-ΩΆΈΉΊΌΎΏ][\w’'-]{3,})\s+$",
        clause[: verb.start()],
    )
    before_verb = context + " " + clause[: verb.start()]
    # "В НАТО выразили сожаление": an organisation's or a treaty's name is nobody.
    lone_at = lone_at if lone_at is None or not _names_a_thing(lone_at["who"]) else None
    if lone_at is not None and _OFFICE_AFTER.match(clause, verb.end() + lone_at.end()):
        # "…, pareiškė Lietuvos užsienio reikalų ministras": a state's genitive opening an
        # office in lower case, not a surname
        lone_at = None
    lone_before = (
        lone_before if lone_before is None or not _names_a_thing(lone_before["who"]) else None
    )
    for near in (lone_at, lone_before):
        earlier_named = _named_earlier(near["who"], before_verb, day, seen) if near else None
        if earlier_named is not None:
            return earlier_named
    lone = _lone_surname(lone_at["who"]) if lone_at is not None else None
    if lone is not None and lone_at is not None and len(lone_at["who"]) >= 4:
        earlier = next((p for p in seen if p.name and same_person(lone.name or "", p.name)), None)
        return earlier or lone
    return None


#: Where the blanked quotation before a verb begins: the first run of blanks left by it.
_QUOTE_OPENS_BEFORE = re.compile(r" {6,}")
#: What may stand between a name and the verb it is the subject of: three characters at
#: most (a space, a comma), a party's or a country's short name in brackets, or up to three
#: words in lower case that are no clause's opening: when, an office in lower case, an
#: auxiliary ("Jan Lipavský v pondělí uvedl", "Tanja Fajon je v ponedeljek dejala",
#: "Szijjártó Péter külügyminiszter hétfőn azt mondta", "Edgars Rinkēvičs pirmdien sacīja").
_NEXT_TO_VERB = re.compile(
    r"(?s:.{0,3})|\s*\([^()]{1,20}\)\s*|"
    r"(?:\s+(?!(?:that|que|qu|che|dass|że|что|що|že|că|att|dat|ki|kad|ka|and|und|et|y|e|i|"
    r"a|oraz|or|but|aber|mais|pero|ma|ale|who|which|qui|der|die|das)\s)"
    # an agency's initials may stand among them ("Zbigniew Rau w rozmowie z PAP stwierdził"),
    # and a place after its preposition ("Mike Pompeo v úterý v Bruselu oznámil")
    r"(?:(?:v|ve|w|we|in|im|na|vo|в|во|на|у|і)\s+[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ][\w’'-]*|"
    # "Анатолий Антонов в беседе с РИА Новости рассказал": an agency of two words
    rf"(?:{_AGENCY_NAMES})\w*|"
    # a day of the month ("Реджеп Таїп Ердоган 6 березня закликав")
    r"[^\W\d_A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-Ω][\w’'-]*|[A-ZА-ЯЁ]{2,6}|[0-3]?\d\.?)){1,4}\s+"
)
#: The word opening a reported clause ("that") in the languages read.
_THAT = re.compile(
    r"(?<!\w)(?:that|que|qu['’]|che|dass|że|что|що|že|că|att|dat|ki|hogy|että|at|kad|"
    r"ότι|πως|че)(?!\w)",
    re.IGNORECASE,
)


#: An office in lower case just before a name, as French, Spanish, Italian and Russian copy
#: print it ("le ministre Jean-Yves Le Drian", "el portavoz …", "министр Сергей …").
_LOWER_OFFICE_BEFORE = re.compile(
    r"\b(?:ministre|président|présidente|porte-parole|secrétaire|ambassadeur|chancelier|"
    r"ministro|ministra|presidente|portavoz|portavoce|secretario|segretario|embajador|"
    r"ambasciatore|canciller|cancelliere|министр|президент|представитель|глава|посол|"
    r"міністр|речник|minister|prezydent|rzecznik)\s+$",
    re.IGNORECASE,
)


def _office_holder_named(
    bare: str, verb: re.Match[str], day: dt.date | None, seen: list[Speaker]
) -> Speaker | None:
    """The person an office describes next to a speech verb ("…, заявил глава МИД РФ").

    The description nearest the verb (``offices`` in ``persons.yaml``) gives a role; its
    holder on the document's date speaks. An undated page, or a day the record gives the
    office two holders or none, names nobody: the office is not a name to guess from.
    """
    if day is None:
        return None
    pattern, roles = office_descriptions()
    hits = list(pattern.finditer(bare))
    if not hits:
        return None
    near = min(hits, key=lambda m: max(m.start() - verb.end(), verb.start() - m.end(), 0))
    role = roles[" ".join(near.group(0).split()).casefold()]
    holders = {
        p.id: p for p in load().persons if any(r.title == role and r.held_on(day) for r in p.roles)
    }
    if len(holders) != 1:
        return None
    person = next(iter(holders.values()))
    return _unify(Speaker(person.name, _role(person, day), person), seen)


#: Words that name where something was said, before the outlet's name.
_MEDIUM_BEFORE = re.compile(
    r"(?:na antenie|w programie|w audycji|w rozmowie z|w wywiadzie dla|в эфире|в интервью|"
    r"в программе|в ефірі|в інтерв['’]ю|im Gespräch mit|im Interview mit|gegenüber|"
    r"dans une interview (?:à|au)|au micro de|à l['’]antenne de|en una entrevista con|"
    r"a la cadena|ai microfoni di|in un['’]intervista (?:a|al)|v rozhovoru pro|v pořadu|"
    r"v relácii|v rozhovore pre|"
    # "mówił Rau cytowany w serwisie Polskiego Radia", "zitiert von der …": where the
    # words were quoted, not who spoke them
    r"cytowan\w+ (?:w|przez)(?: serwisie| portalu)?|zitiert (?:von|in|im)|cité\w* (?:par|dans)|"
    r"citad[oa] (?:por|en)|citat[oa] (?:da|su)|quoted (?:by|in|on)) (?:\S+ )?$",
    re.IGNORECASE,
)
#: A news agency named after a speech verb ("Uviedla to tlačová agentúra DPA.", "…,
#: meldet die Nachrichtenagentur dpa", "…, a rapporté l'agence Reuters").
_AGENCY_AFTER = re.compile(
    r"(?:\s+\S+){0,3}?\s+\S*(?:agentúr|agentur|agencj|агентств|agence|agencia|agenzia|ajans|"
    r"news agency|hírügynökség|uutistoimisto|nyhetsbyrå|nyhedsbureau|persbureau|agenţi|agenți)",
    re.IGNORECASE,
)
#: Up to three words in a verb's attribution, set off by a comma (or a quotation's close)
#: before it, or closing the sentence after it: "…, Naton pääsihteeri sanoi.", "…, sagte
#: der Generalsekretär.", "…, заявил глава ведомства."
_ATTRIBUTION_BEFORE = re.compile(r"[,”\"»“–—]\s+(?P<words>(?:[^\W\d_][\w’'-]*\s+){1,3})$")
_ATTRIBUTION_AFTER = re.compile(
    r"\s+(?P<words>[^\W\d_][\w’'-]*(?:\s+[^\W\d_][\w’'-]*){0,2})\s*[.!?]?\s*$"
)


def _office_introduced(
    bare: str, verb: re.Match[str], context: str, day: dt.date | None, seen: list[Speaker]
) -> Speaker | None:
    """The person the page introduced by the office an attribution names instead.

    "Naton pääsihteeri Jens Stoltenberg …" early on, then "…, Naton pääsihteeri sanoi.":
    an office word in lower case of the attribution, written just before a name earlier
    on the page, names that person, in any language and whatever the record knows. The
    last such name before the attribution is taken.
    """
    near = _ATTRIBUTION_BEFORE.search(bare, 0, verb.start())
    words = near["words"].split() if near is not None else []
    after = _ATTRIBUTION_AFTER.match(bare, verb.end())
    words += after["words"].split() if after is not None else []
    offices = [w for w in words if len(w) >= 5 and w[:1].islower() and not foreign_said(w)]
    for word in offices:
        hits = list(
            re.finditer(
                rf"(?<![\w-]){re.escape(word)}\s+(?P<name>[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ][\w’'-]+"
                rf"(?:\s+[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ][\w’'-]+){{1,2}})",
                context,
            )
        )
        named = person_name(hits[-1]["name"]) if hits else None
        if named is not None:
            who = _speaker_of(named[0], context, day, seen)
            if who is not None and who.name:
                return who
    return None


#: A description after a speech verb that closes its sentence: a definite article (or
#: none, in Slavic languages) and a few words ("el político noruego", "szef polskiej
#: dyplomacji", "der SPD-Politiker").
_DESCRIBED_AFTER = re.compile(
    r"\s+(?P<article>(?:el|la|le|il|lo|der|die|the)\s+)?(?P<words>[^\W\d_][\w’'-]*(?:\s+[^\W\d_][\w’'-]*){0,4})"
    r"\s*[.;]?[\"”»“]?\s*$"
)


#: Offices by the stems their names share across the languages read (after `latin`):
#: minister, president, secretary, chancellor, ambassador, spokesperson.
_OFFICE_STEMS = {
    "minister": ("minist",),
    "president": ("presid", "präsid", "prezid", "prezyd"),
    "secretary": ("secret", "sekret", "segret"),
    "chancellor": ("chanc", "kanzl", "cancill"),
    "ambassador": ("ambas", "embaj", "botsch", "posol"),
    "spokesperson": ("spokes", "portav", "porte-parole", "rzeczn", "sprech"),
}


def _offices(text: str) -> set[str]:
    """The offices :data:`_OFFICE_STEMS` finds in ``text`` (any language, any case)."""
    low = latin(text).lower()
    return {office for office, stems in _OFFICE_STEMS.items() if any(s in low for s in stems)}


def _same_office(description: str, role: str) -> bool:
    """Whether a description may be of the person holding ``role``.

    Only an office both name can tell them apart: a description naming none ("el político
    noruego") or a person with no known office fits.
    """
    named, held = _offices(description), _offices(role)
    return not named or not held or bool(named & held)


def _described_after(tail: str) -> bool:
    """Whether ``tail`` (after a speech verb) is only a description of who spoke.

    Lower-case words (a capitalised noun is allowed after an article, as German writes
    it), no name of two capitalised words, and no pronoun or preposition opening it.
    """
    m = _DESCRIBED_AFTER.match(tail)
    if m is None or office_descriptions()[0].search(tail):
        return False  # "…, dijo el presidente ruso": an office, another person (see offices)
    words = m["words"].split()
    if NAME_RUN.search(m["words"]) or words[0].lower() in _NOT_DESCRIPTION_WORDS:
        return False
    if implausible_speaker(m["words"]) is not None:
        return False  # "…, sagte die Zeitung": an outlet, a thing, no one who spoke
    # Without an article (Polish, Russian), the description opens with an office: "dodał
    # szef polskiej dyplomacji", never "ha annunciato che rispetterà il trattato".
    return bool(m["article"]) or (words[0][:1].islower() and is_role_word(words[0]))


#: Words that open no description of a person after a speech verb: pronouns, prepositions
#: and adverbs of time ("sagte er am Montag", "dijo hoy", "powiedział w poniedziałek").
_NOT_DESCRIPTION_WORD_LIST = """
    er sie es il elle él ella lui lei он она они він вона на в во w we z ze na do
    am im in an auf bei mit nach vor en a al de del dans pour sur hoy ayer este esta
    heute gestern aujourd'hui hier oggi ieri dzisiaj wczoraj сегодня вчера"""
_NOT_DESCRIPTION_WORDS = frozenset(_NOT_DESCRIPTION_WORD_LIST.split())


def _names_a_thing(run: str) -> bool:
    """Whether a capitalised run names an instrument or an organisation, not a person.

    The name the run would give ("Trattato Cieli Aperti", "В НАТО") is looked up, not the
    office before it ("НАТО Оана Лунгеску" is Оана Лунгеску of NATO).
    """
    if run.split() and run.split()[-1].strip(".,").casefold() in _BODY_NOUNS:
        return True  # "Trumps Regierung", "la Commission", "правительство": a body
    if run.split() and run.split()[0].casefold().startswith(_BODY_STEMS):
        return True  # "Місії України", "Министерства обороны": a body in any case
    named = person_name(run)
    found = link(named[0] if named is not None else run, None)
    return bool(found.instruments or found.organisations)


#: The stems of bodies' names that inflect, opening a run in the case the sentence gives
#: it ("Місії України при НАТО", "Посольства России", "Министерства обороны").
_BODY_STEMS = (
    "місі", "мисси", "посольств", "представництв", "представительств", "міністерств",
    "министерств", "уряд", "правительств", "комісі", "комисси", "адміністраці",
    "администраци", "генштаб", "штаб",
)  # fmt: skip
#: Nouns naming a government or a body, which no person's name ends with (German
#: capitalises them: "Trumps Regierung habe verkündet …").
_BODY_NOUN_LIST = """
    regierung bundesregierung koalition fraktion partei opposition kommission ministerium
    verwaltung administration behörde gouvernement commission gobierno comisión governo
    commissione rząd komisja правительство администрация уряд
    министерство министерството міністерство ministerstvo ministerstwo ministère ministerio
    ministero ministerie ministeriet ministeerium ministerija ministrija ministerul
    bakanlığı külügyminisztérium ulkoministeriö utenriksdepartementet
    government ministry alliance council committee institute institution pact agency
    office department parliament embassy mission delegation organization organisation
    union association foundation center centre chairmanship presidency movement republic
    federation kingdom cooperation co-operation times post news radio tribune herald
    journal gazette daily weekly press television"""
_BODY_NOUNS = frozenset(_BODY_NOUN_LIST.split())


#: A preposition of an office's name just before a capitalised run ("ministro degli
#: Esteri …", "ministre des Affaires …", "Minister of Foreign …").
_OFFICE_OF_BEFORE = re.compile(r"\b(?:degli|della|del|dei|de|des|du|of)\s+$")


#: The speech words that mean "according to": the source follows them, never is dropped.
_ACCORDING_TO = frozenset(
    {
        "según",
        "laut",
        "selon",
        "secondo",
        "według",
        "по словам",
        "за словами",
        "enligt",
        "volgens",
        "potrivit",
        "ifølge",
        "pasak",
        "mukaan",
        "szerint",
        "podle",
        "podľa",
    }
)
#: What may stand before a speech verb when the sentence drops its subject: nothing, or a
#: connective and an object pronoun ("Así lo", "Además", "Inoltre", "Также", "Ponadto").
_PRO_DROP = re.compile(
    r"(?:(?:así|además|asimismo|también|igualmente|inoltre|anche|poi|infatti|также|кроме того|"
    r"при этом|однако|ponadto|również|także|zudem|außerdem|ebenfalls|ainsi|"
    r"par ailleurs|de plus)\b[ ,]*)?(?:(?:lo|la|le|li|lo ha|это|так|to|tak)\b\s*)?",
    re.IGNORECASE,
)


#: Articles of German, French, Spanish and Italian copy: a capitalised run they open ("Die
#: Regierung", "El Gobierno") is a noun phrase, not a person's name.
# fmt: off
_ARTICLES = frozenset({
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "le", "la", "les", "l", "un",
    "une", "el", "los", "las", "il", "lo", "gli", "i", "uno",
})
# fmt: on


#: Prepositions of those languages (and Polish and Russian): a capitalised run after one is
#: a place, an event or a body ("celebrado en Alcalá de Henares", "w Brukseli").
# fmt: off
_FOREIGN_PREPOSITIONS = frozenset({
    "en", "de", "del", "al", "con", "sobre", "durante", "in", "im", "am", "zu", "zum", "zur",
    "à", "au", "aux", "dans", "sur", "pour", "per", "su", "nel", "nella", "w", "we", "na",
    "z", "ze", "во", "в", "на", "с", "о", "об", "при",
    # Italian prepositions joined to an article ("il Trattato sui Cieli Aperti"), and a few
    # more of Spanish, German and Polish.
    "sui", "sul", "sulla", "sugli", "dal", "dalla", "dai", "nei", "negli", "alla", "agli",
    "ai", "por", "para", "über", "vom", "beim", "od", "po",
    # Portuguese, Czech, Dutch and Romanian ("ministro dos Negócios Estrangeiros", "v
    # Bruselu", "in Den Haag", "la București").
    "dos", "das", "do", "da", "no", "nos", "nas", "v", "ve", "ke", "van", "het", "op",
    "din", "pe", "cu",
})
# fmt: on
#: An article or a preposition just before a position: the capitalised run that follows is
#: a noun phrase, not a person.
#: A subject's office and its "of" before capitalised words: "El viceministro de", "Le
#: ministre des", "Il sottosegretario agli" (the sentence's start, a comma or the article).
_SUBJECT_OFFICE_OF = re.compile(
    r"(?:^|[,;:]\s*|(?<!\w)(?:el|la|le|il|lo|l[’'])\s*)"
    r"(?:vice-?|sotto|sub)?(?:ministr[oae]|minist[eè]re?|secretari[oa]|secr[ée]taire|"
    r"segretari[oa]|portavoz|porte-parole|portavoce|president[ea]|présidente?|canciller|"
    r"embajador[a]?|ambassadeur|ambasciatore|jef[ea])"
    r"\s+(?:de(?:\s+la)?|del|des|du|di|della|dei|degli|agli)\s+$",
    re.IGNORECASE,
)
#: A speech verb's indirect object in the Romance languages: "aseguró a …", "aseguró al
#: entonces presidente …", "a dit à …", "ha detto al …", "disse ao …": said to someone.
_TOLD_TO = re.compile(r"\s+(?:a|al|ao|à|au|aux|alla|allo|agli|ai)\s", re.IGNORECASE)


def _told_to(bare: str, verb: re.Match[str], a: int, b: int) -> bool:
    """Whether the name at ``bare[a:b]`` is who the words were said to, not who said them.

    "aseguró a Jan Halvar que …", "aseguró al entonces presidente …, Mijaíl Gorbachov,
    que …": the verb's indirect object, the that-clause right after the name. Not "dijo a
    la prensa el ministro Jan Halvar": the subject after the words' recipient.
    """
    return (
        verb.end() <= a
        and _TOLD_TO.match(bare, verb.end()) is not None
        and _THAT_CLAUSE_NEXT.match(bare, b) is not None
    )


_THAT_CLAUSE_NEXT = re.compile(r",?\s+(?:que|che|qu['’])\b")


_ARTICLE_OR_PREPOSITION_BEFORE = re.compile(
    rf"(?<!\w)(?:{'|'.join(sorted(_ARTICLES | _FOREIGN_PREPOSITIONS))})\s+$", re.IGNORECASE
)


#: The endings of Russian, Ukrainian and Belarusian surnames ("Лавров", "Шойгу" aside): a
#: capitalised pair ending otherwise ("Президент России") is an office and a place.
_RUSSIAN_SURNAME = re.compile(
    r"(?:ов|ев|ёв|ин|ын|ский|цкий|ской|ко|ук|юк|ич|ова|ева|ёва|ина|ына|ская|цкая|ых|их)$"
)


#: Case endings a surname takes after "according to" and its kin: the Finnish genitive
#: ("Stoltenbergin mukaan", "Haaviston mukaan"), the Czech, Slovak and Polish genitive and
#: dative ("podle Stoltenberga", "według Putina", "Putinovi"), the Russian genitive.
_CASE_ENDINGS = (":n", "in", "n", "a", "ovi", "owi", "а", "у")


def _uninflected(word: str) -> tuple[str, ...]:
    """``word``, then the surname it may be in a case ending (a stem of four letters or more)."""
    stems = (
        word[: -len(end)]
        for end in _CASE_ENDINGS
        if word.endswith(end) and len(word) - len(end) >= 4
    )
    return (word, *stems)


def _titled_word(word: str) -> bool:
    """An office in one word, in any of the languages read ("Secretaris-generaal")."""
    low = word.lower()
    return (
        is_role_word(word)
        or german_office(word)
        or any(low.startswith(stem) for stems in _OFFICE_STEMS.values() for stem in stems)
    )


#: The words that close a ministry's name before its minister's ("minister van Buitenlandse
#: Zaken Pompeo", "Foreign Affairs", "Asuntos Exteriores", "Esteri").
_MINISTRY_WORDS = frozenset(
    {"zaken", "affairs", "affaires", "exteriores", "esteri", "étrangères", "defensie",
     "defence", "defense", "défense", "defensa", "difesa", "verteidigung", "interior"}
)  # fmt: skip


def _last_two(run: str) -> str:
    return " ".join(run.rstrip(".").split()[-2:])


def _named_earlier(
    word: str, context: str, day: dt.date | None, seen: list[Speaker]
) -> Speaker | None:
    """The person whose full name, printed earlier on the page, ends with ``word``.

    "Maas" after "Bundesaußenminister Heiko Maas (SPD)"; "Лавров" after "Сергей Лавров";
    "Stoltenbergin mukaan" after "Jens Stoltenberg" (the surname in a case ending:
    :func:`_uninflected`). A capitalised noun of German copy ("Regierung") has no full
    name before it: None.
    """
    forms = _uninflected(word)
    for p in reversed(seen):
        if p.name and len(p.name.split()) >= 2 and p.name.split()[-1] in forms:
            return p
    runs = [
        sub for m in _ANY_NAME_RUN.finditer(context) for sub in re.split(r"(?<=\.)\s+", m.group(0))
    ]
    # Only the runs that end with the surname are looked up, the latest first; of those,
    # the record's people first: "Eilen Stoltenberg" ("Yesterday Stoltenberg") is a
    # sentence's opening word glued to the surname of the "Jens Stoltenberg" named before.
    ending = [r for r in reversed(runs) if len(w := r.rstrip(".").split()) >= 2 and w[-1] in forms]
    known = [bool(person_by_alias(_last_two(r))) for r in ending]
    ordered = [r for r, k in zip(ending, known, strict=True) if k]
    ordered += [r for r, k in zip(ending, known, strict=True) if not k]
    for run in ordered:
        parts = run.rstrip(".").split()
        # The given name and the surname, with any particle between ("Jaap de Hoop
        # Scheffer"), not the office glued before them ("Bundesaußenminister Heiko Maas").
        capitals = [i for i, part in enumerate(parts) if part[:1].isupper()]
        full = " ".join(parts[capitals[-2] :]) if len(capitals) >= 2 else ""
        if full and full.split()[0].lower() in _MINISTRY_WORDS:
            # "minister van Buitenlandse Zaken Pompeo": the ministry's last word is no given
            # name; the surname alone, if the record knows it.
            alone = person_by_alias(parts[-1])
            if alone is not None:
                return _speaker_of(alone.name, context, day, seen)
            return Speaker(parts[-1], None)  # the surname the page introduced so
        if full.split(" ")[0].lower() in _ARTICLES:
            continue
        named = person_name(full) if full else None
        if named is not None:
            who = _speaker_of(named[0], context, day, seen)
            if who is not None and who.name:
                return who
        elif re.fullmatch(r"[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+", full) and _RUSSIAN_SURNAME.search(full):
            return Speaker(full, None)  # "Сергей Лавров": the Cyrillic the page prints
    return None


def _opens_quote(para: str) -> bool:
    """A paragraph that opens a quotation it does not close (continued below)."""
    stripped = para.lstrip()
    return stripped[:1] in '“"«' and not _closes(para)


def _closes(para: str) -> bool:
    """Whether every quotation opened in the paragraph is closed in it."""
    straight = para.count('"') % 2 == 0
    return straight and para.count("“") <= para.count("”") and para.count("«") <= para.count("»")


def _closing_attribution(para: str) -> tuple[int, str] | None:
    """Where a quotation continued from earlier paragraphs closes, and who said it.

    '… foreign policy," the US official said.' gives the offset of the closing mark and
    "the US official".
    """
    m = re.search(r"[,.!?]?[”\"»](?P<rest>[^“”\"«»]{0,120})$", para)
    if not m:
        return None
    rest = m.group("rest")
    after = _AFTER.match(rest) or _AFTER_APPOSED.match(rest) or _AFTER_DESCRIBED.match(rest)
    if not after:
        return None
    groups = after.groupdict()
    who = groups.get("who") or groups.get("who2") or groups.get("who_inv") or ""
    return (m.start(), who) if who else None
