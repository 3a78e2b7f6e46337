"""Metamorphic robustness of the ingest room: what a page's layout must not change.

The development corpus says how ingestion does on the layouts it holds; a document it has
never seen differs from them mostly in layout: how the date is printed, and which page
furniture surrounds the text. This evaluation changes only those, on the ``tune``
documents (never the held-out parts), and checks that the answer stays the same:

* **dates**: the header line that carries a document's date is printed in other common
  ways ("December 17, 2021", "17.12.2021", "Published: …", "Fri, 17 Dec 2021 10:30 GMT",
  French, German and Russian month names); the date found must still be the gold date;
* **furniture**: a line of common page furniture (share bars, credits, newsletter and
  app prompts, delivery notes, copyright, "Read more", tag lines, photo captions, …) is
  put at the top, under the header, between two paragraphs and at the end; it must never
  appear inside a statement, and the speakers, instruments, organisations and date found
  must not change.

The furniture lines and date formats are generic (written from how news and government
sites print them), not taken from any held-out document. Usage::

    python benchmarks/ingest_robustness.py examples/corpus tests/ingest/corpus
    python benchmarks/ingest_robustness.py … --json > robustness.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from indivisible._errors import InputError
from indivisible.ingest._parse import parse_text
from indivisible.ingest._read import RawText, read
from indivisible.ingest._structure import _date_line
from indivisible.ingest.types import ParsedDocument

MONTHS_FR = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
MONTHS_DE = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"
MONTHS_RU = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"


def date_renderings(day: dt.date) -> dict[str, str]:
    """The same day as pages print it in a header line, keyed by a short name."""
    month = day.strftime("%B")
    mon = day.strftime("%b")
    wd = day.strftime("%A")
    return {
        "d-month-y": f"{day.day} {month} {day.year}",
        "month-d-y": f"{month} {day.day}, {day.year}",
        "MONTH-D-Y": f"{month.upper()} {day.day}, {day.year}",
        "d-month-y-time": f"{day.day} {month} {day.year} 13:30",
        "mon.-d-y-time-tz": f"{mon}. {day.day}, {day.year} 4:05 PM ET",
        "iso": day.isoformat(),
        "ymd-slash": f"{day.year}/{day.month:02d}/{day.day:02d}",
        "dmy-dash": f"{day.day:02d}-{day.month:02d}-{day.year}",
        "dotted": f"{day.day:02d}.{day.month:02d}.{day.year}",
        "dotted-time": f"{day.day:02d}.{day.month:02d}.{day.year} 17:19",
        "published": f"Published: {day.day} {month} {day.year}",
        "published-on-at": f"Published on {month} {day.day}, {day.year} at 10:30",
        "rfc-stamp": f"{wd[:3]}, {day.day:02d} {mon} {day.year} 10:30:00 GMT",
        "weekday-month-d-y": f"{wd}, {month} {day.day}, {day.year}",
        "place-d-month-y": f"Vienna, {day.day} {month} {day.year}",
        "date-label": f"Date: {day.isoformat()}",
        "fr": f"{day.day} {MONTHS_FR.split()[day.month - 1]} {day.year}",
        "de": f"{day.day}. {MONTHS_DE.split()[day.month - 1]} {day.year}",
        "ru": f"{day.day} {MONTHS_RU.split()[day.month - 1]} {day.year} г.",
    }


#: Common page furniture, one line each; none of it is anyone's statement.
FURNITURE = (
    "Share",
    "Share this article",
    "Facebook Twitter LinkedIn Email",
    "Print",
    "Print this page",
    "Read more: Russia and NATO hold talks in Brussels",
    "Photo: Sergei Ivanov / AFP",
    "Photo: AP Photo/Olivier Matthys",
    "© 2022 Reuters. All rights reserved.",
    "Copyright 2022 The Associated Press. All rights reserved.",
    "Subscribe to our newsletter",
    "Related articles",
    "Advertisement",
    "Follow us on Telegram",
    "(As delivered)",
    "Check against delivery",
    "Unofficial translation",
    "Source: Ministry of Foreign Affairs",
    "Tags: NATO, Russia, OSCE, security",
    "Listen to this article",
    "Reading time: 3 min",
    "Back to top",
    "Download PDF",
    "Sign up for our daily briefing",
    "Skip to main content",
    "Last updated: 12 March 2022",
)

#: Furniture written after the rules were adjusted on :data:`FURNITURE`, and never used
#: to adjust them: its leak rate is the held-out figure (``--held-out``).
FURNITURE_HELDOUT = (
    "Share on Facebook",
    "Twitter | Facebook | Telegram | WhatsApp",
    "Print article",
    "Image: Reuters",
    "Photograph: Evgenia Novozhenina/Reuters",
    "© 2021 TASS",
    "(c) Copyright 2022 Agence France-Presse",
    "Subscribe now",
    "Join our Telegram channel",
    "Follow us on Google News",
    "Sponsored content",
    "4 min read",
    "Source: TASS",
    "Topics: Arms control, Europe",
    "Watch video",
    "Download the app",
    "Cookie settings",
    "Report an error",
    "Comments (0)",
    "Updated 14:52 GMT",
    "Check against delivery.",
    "Translated from Russian",
    "Editor's note",
    "Keywords: OSCE, Vienna Document",
)


#: A second held-out list, written in session 10 after the first had been seen (its leaking
#: lines guided a structural rule, so it no longer counts as unseen); measured once, at the
#: session's end (1,242 of 31,728 insertions leaked). Session 11 then wrote rules for the
#: classes of its leaking lines (a length, pagination, advertisement markers), so it is seen
#: too (``--held-out 2``).
FURNITURE_HELDOUT_2 = (
    "Sign in to comment",
    "Most read",
    "Advertisement · Scroll to continue",
    "Share via email",
    "Save article",
    "Listen (5 min)",
    "Open in app",
    "Accept all cookies",
    "Manage preferences",
    "Follow on X",
    "Text size",
    "Show more",
    "Latest updates",
    "Read in Russian",
    "Photo: Reuters/Yves Herman",
    "Getty Images",
    "Video: 2:31",
    "© Associated Press",
    "All rights reserved.",
    "Related topics",
    "Page 2 of 3",
    "Loading…",
    "Continue reading",
    "Newsletter sign-up",
)


#: A third held-out list, written in session 11 by a helper before it was ever run, after
#: both earlier held-out lists had been seen; never used to adjust the rules
#: (``--held-out 3``).
FURNITURE_HELDOUT_3 = (
    "▶ Listen to this article · 6 min",
    "▶ VIDEO | 2:47 | Press conference highlights",
    "You've read 3 of 5 free articles this month. Subscribe for unlimited access →",
    "Already a subscriber? Log in",
    "Print | Email | A- A A+",
    "« Previous page   1 2 3 … 9   Next page »",
    "💬 47 comments",
    "Get the app: Download on the App Store or get it on Google Play",
    "Reading time: 4 minutes",
    "Photo 3 of 12 — Click to enlarge",
    "Also on our site: The budget explained in five charts",
    "Event: Webinar on regional security, 14 March 2024, 10:00–11:30 CET [Register]",
    "Skip to main content | Accessibility statement | Text only",
    "English | Français | Español | Русский | العربية | 中文",
    "© 2024 Parliamentary copyright. All rights reserved. Terms of use · Privacy notice",
    "Share: 1.2K | Tweet: 384 | 👍 2,905",
    "LIVE ● Updated 14:32 GMT",
    "About the author: Senior fellow, Europe and Eurasia programme · View all publications →",
    "Correction (12 May 2023): An earlier version of this article misstated the date of the vote.",
    "Lire la suite ➜ | Partager sur Facebook · Twitter · LinkedIn",
    "Artikel anhören · 3:45 Min. | Drucken | Versenden",
    "Версия для печати · Подписаться на рассылку",
    "Este artículo es exclusivo para suscriptores. ¿Ya eres suscriptor? Inicia sesión",
    "Знайшли помилку? Виділіть її та натисніть Ctrl+Enter",
)


#: A teaser heading ends the page's text (what follows it is dropped as teasers), so it
#: is only tried at the end.
END_ONLY = {"Related articles", "Read more: Russia and NATO hold talks in Brussels"}


class CorpusError(Exception):
    """A corpus folder or gold file that cannot be read; the message names it."""


def _gold_files(corpora: list[Path]) -> list[tuple[Path, dict[str, Any]]]:
    out = []
    for corpus in corpora:
        if not (corpus / "gold").is_dir():
            raise CorpusError(f"{corpus}: not a corpus folder (no gold/ folder in it)")
        for gold_path in sorted((corpus / "gold").glob("*.yaml")):
            try:
                gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
                where = getattr(exc, "problem_mark", None)
                line = f", line {where.line + 1}" if where is not None else ""
                why = getattr(exc, "problem", None) or str(exc).splitlines()[0]
                raise CorpusError(f"{gold_path}{line}: not a readable gold file ({why})") from None
            if not isinstance(gold, dict) or "file" not in gold:
                raise CorpusError(f"{gold_path}: a gold file needs a 'file' field")
            if gold.get("split") == "tune":
                out.append((corpus / str(gold["file"]), gold))
    if not out:
        raise CorpusError("no tune document in " + ", ".join(str(c) for c in corpora))
    return out


def _answer(parsed: ParsedDocument) -> tuple[Any, ...]:
    return (
        parsed.document.date,
        frozenset((s.speaker or s.role or "") for s in parsed.statements),
        frozenset(i for s in parsed.statements for i in s.instruments),
        frozenset(o for s in parsed.statements for o in s.organisations),
    )


def _parse(raw: RawText, text: str) -> ParsedDocument | None:
    try:
        return parse_text(RawText(raw.sha256, raw.format, text), "perturbed")
    except Exception:  # a perturbed page that no longer parses counts as a failure
        return None


def _date_line_index(lines: list[str], day: dt.date) -> int | None:
    """The first header line (within the first 15) that is the gold date (and a place)."""
    for i, line in enumerate(lines[:15]):
        dated = _date_line(line.strip()) if line.strip() else None
        if dated is not None and dated[0] == day:
            return i
    return None


def _paragraph_gaps(lines: list[str]) -> list[int]:
    """Indexes of blank lines between two non-blank lines (where a line can be put)."""
    return [
        i
        for i in range(1, len(lines) - 1)
        if not lines[i].strip() and lines[i - 1].strip() and lines[i + 1].strip()
    ]


def run(corpora: list[Path], furniture: tuple[str, ...] = FURNITURE) -> dict[str, Any]:
    """Every perturbation on every tune document; counts of what changed."""
    date_total: Counter[str] = Counter()
    date_ok: Counter[str] = Counter()
    date_fail: list[dict[str, str]] = []
    furn_total: Counter[str] = Counter()
    furn_leaked: Counter[str] = Counter()
    furn_changed: Counter[str] = Counter()
    furn_fail: list[dict[str, str]] = []
    for path, gold in _gold_files(corpora):
        try:
            raw = read(path)
        except InputError as exc:
            raise CorpusError(str(exc)) from None
        if raw.format != "text":
            continue
        base = _parse(raw, raw.text)
        if base is None:
            continue
        lines = raw.text.split("\n")
        gold_day = dt.date.fromisoformat(str(gold["date"])) if gold.get("date") else None
        if gold_day is not None and base.document.date == gold_day:
            at = _date_line_index(lines, gold_day)
            if at is not None:
                for name, shown in date_renderings(gold_day).items():
                    new = [*lines[:at], shown, *lines[at + 1 :]]
                    got = _parse(raw, "\n".join(new))
                    date_total[name] += 1
                    if got is not None and got.document.date == gold_day:
                        date_ok[name] += 1
                    else:
                        found = got.document.date if got is not None else "error"
                        date_fail.append(
                            {"file": path.name, "format": name, "line": shown, "got": str(found)}
                        )
        first_blank = next((i for i, x in enumerate(lines) if not x.strip()), None)
        gaps = _paragraph_gaps(lines)
        places = {
            # A store's stamp (" date 2022-01-11 …") is glued to the text's first line by
            # the page store itself; nothing is printed above it.
            "top": None if raw.text.lstrip().startswith("date ") else 0,
            "under header": first_blank,
            "middle": gaps[len(gaps) // 2] if gaps else None,
            "end": len(lines),
        }
        want = _answer(base)
        for line in furniture:
            for where, at in places.items():
                if at is None or (line in END_ONLY and where != "end"):
                    continue
                new = [*lines[:at], "", line, "", *lines[at:]]
                got = _parse(raw, "\n".join(new))
                furn_total[where] += 1
                leaked = got is None or any(line in s.text for s in got.statements)
                changed = got is None or _answer(got) != want
                if leaked:
                    furn_leaked[where] += 1
                if changed:
                    furn_changed[where] += 1
                if leaked or changed:
                    furn_fail.append(
                        {
                            "file": path.name,
                            "line": line,
                            "where": where,
                            "leaked": str(leaked),
                            "changed": _what_changed(want, got),
                        }
                    )
    return {
        "dates": {name: {"tried": date_total[name], "found": date_ok[name]} for name in date_total},
        "date_failures": date_fail,
        "furniture": {
            where: {
                "tried": furn_total[where],
                "leaked": furn_leaked[where],
                "changed": furn_changed[where],
            }
            for where in furn_total
        },
        "furniture_failures": furn_fail,
    }


def _what_changed(want: tuple[Any, ...], got: ParsedDocument | None) -> str:
    if got is None:
        return "no longer parses"
    have = _answer(got)
    names = ("date", "speakers", "instruments", "organisations")
    parts = []
    for name, a, b in zip(names, want, have, strict=True):
        if a != b:
            if isinstance(a, frozenset) and isinstance(b, frozenset):
                parts.append(f"{name} -{sorted(a - b)} +{sorted(b - a)}")
            else:
                parts.append(f"{name} {a} -> {b}")
    return "; ".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="+", type=Path, help="corpus folders with gold/")
    parser.add_argument("--json", action="store_true", help="print the full report as JSON")
    parser.add_argument("--failures", action="store_true", help="list every failure")
    parser.add_argument(
        "--held-out",
        nargs="?",
        const="1",
        choices=["1", "2", "3"],
        help="put in a held-out list of furniture lines instead: 1 (written in session 9, "
        "seen in session 10), 2 (written in session 10, seen since) or 3 (written in "
        "session 11, never used to adjust the rules)",
    )
    args = parser.parse_args(argv)
    lines = {
        None: FURNITURE,
        "1": FURNITURE_HELDOUT,
        "2": FURNITURE_HELDOUT_2,
        "3": FURNITURE_HELDOUT_3,
    }[args.held_out]
    try:
        report = run(args.corpus, lines)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        json.dump(report, sys.stdout, indent=2, default=str)
        print()
        return 0
    d_tried = sum(v["tried"] for v in report["dates"].values())
    d_found = sum(v["found"] for v in report["dates"].values())
    f = report["furniture"]
    f_tried = sum(v["tried"] for v in f.values())
    f_leaked = sum(v["leaked"] for v in f.values())
    f_changed = sum(v["changed"] for v in f.values())
    print(
        f"Dates reprinted: {d_found} of {d_tried} still found; furniture lines put in: "
        f"{f_leaked} of {f_tried} leaked into a statement, {f_changed} changed the answer."
    )
    print()
    print(f"{'date format':<20} {'found':>6} {'tried':>6}")
    for name, v in report["dates"].items():
        print(f"{name:<20} {v['found']:>6} {v['tried']:>6}")
    print()
    print(f"{'furniture at':<14} {'leaked':>7} {'changed':>8} {'tried':>6}")
    for where, v in f.items():
        print(f"{where:<14} {v['leaked']:>7} {v['changed']:>8} {v['tried']:>6}")
    if args.failures:
        print()
        for x in report["date_failures"]:
            print(f"date  {x['file']}: {x['format']} {x['line']!r} -> {x['got']}")
        for x in report["furniture_failures"]:
            print(
                f"furn  {x['file']}: {x['line']!r} at {x['where']}: "
                f"{'leaked ' if x['leaked'] == 'True' else ''}{x['changed']}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
