"""Plain names: a human label and a one-line definition for every term the outputs show.

One table feeds the CLI (labels in summaries and tables), the web pages (tooltips, from
``/api/glossary``) and ``docs/glossary.md`` (written by ``scripts/glossary.py``; a test keeps
it in step). Readings are named by who holds them (``RUS`` → "Russia's figure",
``faz-2019`` → "FAZ report, 2019"); infinities and missing values read "none in reach" and
"not known"; counts get their plural right.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

Entry = tuple[str, str]
"""(label, one-line definition)."""

INDICATORS: dict[str, Entry] = {
    "exposure_launchers": (
        "hostile launchers in reach",
        "Launchers of states not allied to this one whose missiles reach its territory "
        "(fewer is safer).",
    ),
    "exposure_nuclear_launchers": (
        "nuclear-capable launchers in reach",
        "Expected number of those launchers carrying nuclear arms; a dual-capable system "
        "counts by the probability set in the uncertainty spec (fewer is safer).",
    ),
    "exposure_systems": (
        "hostile missile systems in reach",
        "Distinct missile systems among the hostile launchers in reach (fewer is safer).",
    ),
    "exposure_min_warning_min": (
        "shortest warning time",
        "Minutes of flight of the fastest hostile missile in reach; 'none in reach' when "
        "nothing reaches (longer is safer).",
    ),
    "counter_reach_launchers": (
        "own and allied launchers reaching a rival capital",
        "Own and allied strike launchers that reach the capital of at least one state not "
        "allied to this one: what it counts as its deterrent (more is safer).",
    ),
    "defence_sites_covering": (
        "missile-defence sites covering the capital",
        "Own and allied interceptor sites whose coverage radius reaches the capital (more is "
        "safer).",
    ),
    "proximity_personnel": (
        "foreign troops near the border",
        "Personnel of non-allied forces and exercises within the distance band of the "
        "territory (fewer is safer).",
    ),
    "proximity_tle": (
        "foreign heavy equipment near the border",
        "Battle tanks, armoured combat vehicles and artillery of non-allied exercises within "
        "the distance band (fewer is safer).",
    ),
    "constraint_legal_count": (
        "treaties binding it with non-allies",
        "Mean number of legally binding instruments that bind this state and each non-allied "
        "state (more is safer).",
    ),
    "constraint_political_count": (
        "political commitments shared with non-allies",
        "Mean number of politically binding instruments shared with each non-allied state "
        "(more is safer).",
    ),
    "constraint_categories_covered": (
        "share of force categories under shared limits",
        "Mean share of five force categories (strategic, intermediate, conventional, "
        "exercises, observation) covered by an instrument binding both (more is safer).",
    ),
    "alliance_cover": (
        "collective-defence commitments",
        "Number of collective-defence organisations the state belongs to (more is safer).",
    ),
    "second_strike_fraction": (
        "share of the deterrent surviving a first strike",
        "Lowest share of the state's strategic force that survives a disarming strike and "
        "missile defence, over the pairs it retaliates in (more is safer).",
    ),
}

VERDICTS: dict[str, Entry] = {
    "mutual_gain": ("both safer", "The move makes both the actor and the other state safer."),
    "at_expense": (
        "at the other's expense",
        "The actor is safer and the other state less safe: the test of the second principle.",
    ),
    "mutual_loss": ("both less safe", "The move makes both states less safe."),
    "neutral": ("no change", "Neither state's security changes beyond the tolerance."),
    "actor_gains": ("actor safer, other unchanged", "Only the actor's security rises."),
    "other_gains": ("other safer, actor unchanged", "Only the other state's security rises."),
    "actor_loses": ("actor less safe, other unchanged", "Only the actor's security falls."),
    "other_loses": ("other less safe, actor unchanged", "Only the other state's security falls."),
    "at_own_expense": (
        "at the actor's own expense",
        "The actor is less safe and the other state safer.",
    ),
    "mixed": (
        "mixed",
        "Some indicators of one state rise and others fall: no single direction.",
    ),
}

RESULTS: dict[str, Entry] = {
    "holds": ("holds", "The clause is respected on the date, with the evidence given."),
    "breached": (
        "breached",
        "The clause is not respected under every reading of its terms; said only then.",
    ),
    "disputed": (
        "disputed",
        "The result depends on a reading the parties disagree on: who says what is shown.",
    ),
    "not_applicable": (
        "does not apply",
        "The clause does not bind this party or does not concern this subject on the date.",
    ),
    "undetermined": (
        "not determined",
        "The data needed to decide (a figure, a term never defined) is missing.",
    ),
}

STATUSES: dict[str, Entry] = {
    "not_party": ("not a party", "The state never signed, acceded to or adopted it."),
    "proposed": ("proposed", "Put forward as a draft; a draft binds no one."),
    "rejected": ("rejected", "The state turned the proposal down."),
    "signed": ("signed", "Signed but not ratified: not yet bound (only not to defeat it)."),
    "ratified": ("ratified", "Ratified, but the instrument is not yet in force for it."),
    "provisionally_applied": (
        "applied provisionally",
        "Applied before entry into force, as the instrument allows: binding.",
    ),
    "in_force": ("in force", "The instrument binds the state on the date."),
    "notice_given": (
        "notice of withdrawal given",
        "Still bound until the withdrawal takes effect.",
    ),
    "suspended": ("suspended", "The state has suspended its implementation."),
    "withdrawn": ("withdrawn", "The state's withdrawal has taken effect: no longer bound."),
    "expired": ("expired", "The instrument ran out at the end of its term."),
    "terminated": ("terminated", "The instrument ended for every party."),
}

OTHER: dict[str, Entry] = {
    "reading": (
        "reading",
        "One party's or source's figure for a disputed value (a range, a threshold); results "
        "are given under each reading, never silently under one.",
    ),
    "tolerance": (
        "tolerance",
        "A change counts only when it exceeds max(absolute, relative × |before|).",
    ),
    "none in reach": (
        "none in reach",
        "Nothing hostile reaches the state (an infinite warning time), the safest value.",
    ),
    "not known": (
        "not known",
        "The value cannot be computed from the data (a missing speed, range or figure).",
    ),
}

KINDS: dict[str, dict[str, Entry]] = {
    "indicator": INDICATORS,
    "verdict": VERDICTS,
    "result": RESULTS,
    "status": STATUSES,
    "term": OTHER,
}
"""Every glossary section by kind."""

_BAND = re.compile(r"^(proximity_(?:personnel|tle))_(\d+)km$")


def indicator(name: str, names: Mapping[str, str] | None = None) -> str:
    """The human label of an indicator (``exposure_launchers`` → hostile launchers in reach).

    Examples:
        >>> indicator("proximity_personnel_300km")
        'foreign troops within 300 km'
        >>> indicator("exposure_launchers[RUS]")
        "hostile launchers in reach (RUS's figure)"
    """
    base, reading = name, None
    if name.endswith("]") and "[" in name:
        base, reading = name[:-1].split("[", 1)
    m = _BAND.match(base)
    if m:
        label = INDICATORS[m.group(1)][0].replace("near the border", f"within {m.group(2)} km")
    else:
        label = INDICATORS.get(base, (base.replace("_", " "), ""))[0]
    return f"{label} ({reading_label(reading, names)})" if reading else label


def definition(kind: str, name: str) -> str:
    """The one-line definition of a term ('' when the glossary has none)."""
    m = _BAND.match(name)
    key = m.group(1) if m and kind == "indicator" else name
    return KINDS.get(kind, {}).get(key, ("", ""))[1]


def label(kind: str, name: str) -> str:
    """The human label of a verdict, result or status (the id itself when unknown)."""
    if kind == "indicator":
        return indicator(name)
    return KINDS.get(kind, {}).get(name, (name.replace("_", " "), ""))[0]


_SOURCE = re.compile(r"^([a-z][a-z0-9]*)-(\d{4})$")


def reading_label(reading: str | None, names: Mapping[str, str] | None = None) -> str:
    """Name a reading by who holds it.

    Examples:
        >>> reading_label("RUS", {"RUS": "Russia"})
        "Russia's figure"
        >>> reading_label("USA", {"USA": "United States"})
        "the United States' figure"
        >>> reading_label("faz-2019")
        'FAZ report, 2019'
        >>> reading_label("csis")
        'CSIS figure'
        >>> reading_label("rus-rotational-2010", {"RUS": "Russia"})
        "Russia's reading (rotational, 2010)"
        >>> reading_label("RUS (inner)", {"RUS": "Russia"})
        "Russia's figure (inner end of its interval)"
    """
    if not reading:
        return "every reading"
    from indivisible.world.types import reading_end

    who, end = reading_end(reading)
    if end is not None and who:
        return f"{reading_label(who, names)} ({end} end of its interval)"
    if names and reading in names:
        return f"{possessive(names[reading])} figure"
    if reading == "undefined-in-text":
        return "the text's silence (term never defined)"
    m = _SOURCE.match(reading)
    if m:
        return f"{m.group(1).upper()} report, {m.group(2)}"
    if reading.isupper() and len(reading) == 3:
        return f"{reading}'s figure"
    parts = reading.split("-")
    year = parts.pop() if parts and parts[-1].isdigit() and len(parts[-1]) == 4 else None
    holder = parts[0].upper() if parts else ""
    if len(parts) > 1 and len(holder) == 3:
        who = possessive(names[holder]) if names and holder in names else f"{holder}'s"
        what = " ".join(parts[1:])
        return f"{who} reading ({what}{', ' + year if year else ''})"
    short = reading.upper() if len(reading) <= 5 else reading.replace("-", " ")
    return f"{short} figure"


_THE = ("United States", "United Kingdom", "Netherlands", "Holy See", "Czech Republic")


def possessive(name: str) -> str:
    """``Russia`` → ``Russia's``; ``United States`` → ``the United States'``."""
    lead = "the " if name.startswith(_THE) else ""
    return f"{lead}{name}'" if name.endswith("s") else f"{lead}{name}'s"


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 brigade``, ``2 brigades``; ``many`` for irregular plurals.

    Examples:
        >>> plural(1, "brigade"), plural(3, "brigade"), plural(2, "country", "countries")
        ('1 brigade', '3 brigades', '2 countries')
    """
    if n == 1:
        return f"1 {word}"
    if many is None:
        many = (
            word[:-1] + "ies"
            if word.endswith("y") and word[-2:-1] not in "aeiou"
            else (word + "es" if word.endswith(("s", "sh", "ch", "x")) else word + "s")
        )
    return f"{n:,} {many}"


def value(x: float | None, digits: int = 4) -> str:
    """A number for people: ``none in reach`` for an infinity, ``not known`` for NaN.

    Examples:
        >>> value(float("inf")), value(float("nan")), value(3.59612), value(2.0)
        ('none in reach', 'not known', '3.596', '2')
    """
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "not known"
    if isinstance(x, float) and math.isinf(x):
        return "none in reach" if x > 0 else "-none in reach"
    return f"{x:,.{digits}g}"


def change(before: float, after: float, digits: int = 4) -> str:
    """The change between two values, in words when one end is infinite or unknown."""
    if any(isinstance(v, float) and math.isnan(v) for v in (before, after)):
        return "not known"
    if math.isinf(before) and not math.isinf(after):
        return "now in reach"
    if math.isinf(after) and not math.isinf(before):
        return "now out of reach"
    d = after - before
    return f"{d:+,.{digits}g}" if d == d else "not known"


SHORT_NAMES = {
    "RUS": "Russia",
    "USA": "United States",
    "DDR": "East Germany",
    "YUG": "Yugoslavia",
    "GBR": "United Kingdom",
}
"""The names people use where the record's formal name is long."""


def state_names(rec: object) -> dict[str, str]:
    """ISO3 → the state's everyday name (``RUS`` → Russia), for summaries and tables."""
    states = getattr(rec, "states", {})
    return {k: SHORT_NAMES.get(k, v.name) for k, v in states.items()}


def join(items: list[str], conj: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conj} {items[-1]}"


def as_json() -> dict[str, dict[str, dict[str, str]]]:
    """The glossary as JSON: kind → id → {label, definition} (``/api/glossary``)."""
    return {
        kind: {k: {"label": lab, "definition": d} for k, (lab, d) in entries.items()}
        for kind, entries in KINDS.items()
    }


def markdown() -> str:
    """The glossary page ``docs/glossary.md``."""
    titles = {
        "indicator": "Indicators",
        "verdict": "Verdicts of the indivisibility test",
        "result": "Results of a clause (rules)",
        "status": "Statuses of a party under an instrument",
        "term": "Other terms",
    }
    out = [
        "# Glossary",
        "",
        "Every indicator, verdict, result and status the outputs show, with the plain label",
        "the summaries, tables and web tooltips use and a one-line definition. Written from",
        "`src/indivisible/_glossary.py` by `scripts/glossary.py`; the formulas are in",
        "[indicators.md](indicators.md), the verdict table in [assessment.md](assessment.md).",
        "",
        "Readings are named by who holds them: a state's code becomes that state's figure",
        '(`RUS` → "Russia\'s figure"), a source label its publisher and year (`faz-2019` →',
        '"FAZ report, 2019"). An infinite value reads "none in reach", a missing one',
        '"not known".',
    ]
    for kind, entries in KINDS.items():
        out += ["", f"## {titles[kind]}", "", "| id | label | definition |", "|---|---|---|"]
        for k, (lab, d) in entries.items():
            key = f"{k}_<b>km" if k in ("proximity_personnel", "proximity_tle") else k
            out.append(f"| `{key}` | {lab} | {d} |")
    return "\n".join(out) + "\n"
