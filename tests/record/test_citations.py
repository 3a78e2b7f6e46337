"""Every citation of the bundled record, walked: none may rest on a forum, study guide,
exam-preparation site, aggregator or encyclopaedia mirror (issue 12, "no fact cites a forum,
study guide or aggregator").

`data check --sources` looks at dated membership and treaty-status facts only; this walks every
``source``/``end_source``/``sources`` reference in every record file (clauses, parameter values,
readings, claims, disputes, systems, states, organisations), since each cites one source and
that source is then the fact's only support. A list of sources (a system's ``source: [...]``) is
walked item by item: a weak source does not become acceptable by standing beside a better one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from indivisible._yaml import load_yaml
from indivisible.record._check import FORUM_OR_AGGREGATOR
from indivisible.record._load import bundled_data_dir

ENCYCLOPAEDIA_MIRRORS = (
    "en-academic.com",
    "wikimili.com",
    "blogen.wiki",
    "amansaja.com",
    "chita.us/wikipedia",
    "wikipedia.ddns.net",
    "worddisk.com",
    "owiki.org",
    "piglix.com",
    "triplydb.com",
    "wikisum.wiki",
    "kiwix",
    "clateway.com",
    "explained.today",
    "wiki-gateway",
    "wikipedia-on-ipfs",
    "fandom.com",
    "ruwikiorg",
    "sagapedia.",
    "dbpedia.",
    "wikiwand.",
    "ensie.nl",
    "worldhistoryproject.",
)
"""Copies of encyclopaedias under another address."""

STUDY_AND_FORUM = (
    "/forums/",
    "reddit.com",
    "quora.com",
    "brainly.",
    "studylib",
    "coursehero.",
    "jagranjosh.",
    "byjus.",
    "testbook.",
    "drishtiias.",
    "insightsonindia.",
    "gktoday.",
)
"""Forums, question-and-answer sites, study guides and exam-preparation sites."""

AGGREGATORS = (
    "fdocuments.",
    "dokumen.",
    "docplayer.",
    "pdfcoffee.",
    "wn.com/",
    "vdocuments.",
    "pdfslide.",
    "scribd.com",
    "news.yahoo.com",
    "expatica.com",
    "russialist.org",
    "joinfo.com",
    "wirenews.co.uk",
    "parallelparliament.co.uk",
    "spacedaily.com",
    "spacewar.com",
    "faqs.org/",
    "morningoverview.com",
    "24heureinfo.com",
    "ru-main.ru",
)
"""Document and news aggregators and content farms (in addition to those
:data:`FORUM_OR_AGGREGATOR` lists)."""

WEAK = FORUM_OR_AGGREGATOR + ENCYCLOPAEDIA_MIRRORS + STUDY_AND_FORUM + AGGREGATORS

OPEN: dict[str, str] = {}
"""Citations still resting on such a host, each with why it stays for now. The list may only
shrink: a test fails when an entry here is no longer cited, so that it is removed."""


def _walk(obj: Any) -> Iterator[str]:
    if isinstance(obj, dict):
        for key, val in obj.items():
            if key in ("source", "end_source") and isinstance(val, str):
                yield val
            elif key in ("source", "end_source", "sources") and isinstance(val, list):
                yield from (s for s in val if isinstance(s, str))
            else:
                yield from _walk(val)
    elif isinstance(obj, list):
        for item in obj:
            yield from _walk(item)


def _bibliography(root: Path) -> dict[str, dict[str, Any]]:
    bib: dict[str, dict[str, Any]] = {}
    for path in sorted((root / "sources").glob("*.yaml")):
        for entry in load_yaml(path)[0] or []:
            bib[str(entry["id"])] = entry
    return bib


def citations(root: Path) -> dict[str, list[str]]:
    """Every cited source id with the files citing it (bibliography and geodata excluded)."""
    out: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*.yaml")):
        rel = path.relative_to(root)
        if rel.parts[0] in ("sources", "geo"):
            continue
        for sid in _walk(load_yaml(path)[0]):
            out.setdefault(sid, []).append(str(rel))
    return out


def is_weak(entry: dict[str, Any]) -> bool:
    url = str(entry.get("url") or "").lower()
    return any(h in url for h in WEAK)


@pytest.mark.parametrize(
    ("url", "weak"),
    [
        ("https://en-academic.com/dic.nsf/enwiki/13419", True),
        ("https://www.reddit.com/r/geopolitics/comments/x", True),
        ("https://brainly.in/question/58048", True),
        ("https://www.urdupoint.com/en/world/x.html", True),
        ("https://fdocuments.us/document/x.html", True),
        ("https://example.blogspot.com/2021/12/x.html", True),
        ("https://www.nato.int/cps/en/natohq/topics_52044.htm", False),
        ("https://tass.com/politics/1377261", False),
        ("https://www.cvce.eu/education/unit-content/x", False),
    ],
)
def test_weak_hosts_are_recognised(url: str, weak: bool) -> None:
    assert is_weak({"url": url}) is weak


def test_no_citation_rests_on_a_forum_guide_aggregator_or_mirror() -> None:
    root = bundled_data_dir()
    bib = _bibliography(root)
    cites = citations(root)
    weak = {
        sid: f"{bib[sid].get('url')} cited in {sorted(set(files))}"
        for sid, files in cites.items()
        if sid in bib and is_weak(bib[sid])
    }
    new = {sid: where for sid, where in weak.items() if sid not in OPEN}
    assert not new, f"citations resting on a forum, study guide, aggregator or mirror: {new}"
    gone = sorted(set(OPEN) - set(weak))
    assert not gone, f"no longer cited (or no longer weak): remove from OPEN: {gone}"


def test_every_citation_resolves() -> None:
    root = bundled_data_dir()
    bib = _bibliography(root)
    missing = sorted(sid for sid in citations(root) if sid not in bib)
    assert not missing, missing
