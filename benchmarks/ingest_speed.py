"""Ingest documents of about 10 KB into fresh SQLite stores and report docs/s.

The documents are transcripts, press points, Markdown highlight exports and news reports
generated from a fixed seed: labelled and unlabelled turns, boilerplate lines, quoted and
reported speech, instrument and organisation names and dates, so that every stage of the
reader, sentence splitter, linker and store runs.

The same corpus is ingested in one process (no Dask), then with ``--workers`` 1 and 2
(a local Dask cluster parses, this process stores): documents per second for each, and
the ratio of each run to the one-process run of the same invocation. The stores are
compared: every run must store the same statements.

Usage:
    python benchmarks/ingest_speed.py [--count 400] [--size 10240] [--seed 7] [--workers 0,1,2]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from indivisible.ingest import ingest, query_statements

SENTENCES = [
    "We discussed the Adapted Treaty on Conventional Armed Forces in Europe in detail.",
    "The CFE Treaty and the Vienna Document remain important to us.",
    "NATO and the OSCE have a role to play, and the European Union is groping for its place.",
    "We cannot accept that the Founding Act is ignored.",
    "Yesterday our partners sent a response; we will study it carefully.",
    "On Tuesday the ministers met in Geneva and agreed to continue.",
    "We insist on legally binding guarantees, as stated in the Charter for European Security.",
    "The New START Treaty expires in February 2026, and the INF Treaty is gone.",
    "Security for one is security for all, as the 1999 OSCE summit decisions say.",
    "We are ready to work on confidence-building measures with the United Nations.",
    "Is this simply an attempt to drag us into an endless negotiating process?",
    "The Collective Security Treaty Organization met in Moscow on 14 February 2022.",
]
SPEAKERS = [
    ("President of Russia Vladimir Putin", "Vladimir Putin"),
    ("Foreign Minister Sergei Lavrov", "Sergei Lavrov"),
    ("NATO Secretary General Jens Stoltenberg", "Jens Stoltenberg"),
]


def _paragraph(rng: random.Random) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 5)))


def _transcript(rng: random.Random, size: int, n: int) -> str:
    lines = ["Select font Arial Times New Roman", "Transcripts /", f"Meeting number {n}."]
    first = True
    while sum(len(x) + 1 for x in lines) < size:
        label, short = rng.choice(SPEAKERS)
        lines.append(f"{label if first else short}: {_paragraph(rng)}")
        lines.extend(_paragraph(rng) for _ in range(rng.randint(0, 3)))
        first = False
    day = rng.randint(1, 28)
    lines.append(f"February {day}, 2022, The Kremlin, Moscow")
    return "\n".join(lines) + "\n"


def _highlights(rng: random.Random, size: int, n: int) -> str:
    lines = [
        "#readwise",
        f"# Speech number {n}",
        "",
        "## Metadata",
        "- Author: [[Vladimir Putin]]",
        "## Highlights",
        "- Munich Conference on Security Policy **February 10, 2007** (Page 1)",
    ]
    page = 1
    while sum(len(x) + 1 for x in lines) < size:
        page += rng.randint(1, 3)
        lines.append(f"- {_paragraph(rng)} (Page {page})")
    return "\n".join(lines) + "\n"


def _press_point(rng: random.Random, size: int, n: int) -> str:
    lines = [
        "Updated: 04-Oct-2001 NATO Speeches",
        "",
        "Palais d'Egmont, Brussels",
        f"{rng.randint(1, 28)} October 2001",
        "",
        "by NATO Secretary General, Lord Robertson,",
        "and the Russian President Putin",
        "",
        "Ladies and Gentlemen,",
        "",
    ]
    while sum(len(x) + 1 for x in lines) < size:
        lines += [
            _paragraph(rng),
            "",
            "President Putin",
            _paragraph(rng),
            "",
            "One question please.",
            "",
            "I have a question for President Putin.",
            "",
            "What is your reaction?",
            "",
            _paragraph(rng),
            "",
            "Secretary General",
            "",
            _paragraph(rng),
            "",
            f"Document {n}.",
            "",
        ]
    lines.append("Go to Homepage Go to Index")
    return "\n".join(lines) + "\n"


def _news(rng: random.Random, size: int, n: int) -> str:
    lines = [f"Ministers trade positions on security, report {n}", "By Staff Reporter", ""]
    people = ["Sergei Lavrov", "Jens Stoltenberg", "Ned Price"]
    while sum(len(x) + 1 for x in lines) < size:
        who = rng.choice(people)
        lines += [
            f"MOSCOW — {who} said on Tuesday that {_paragraph(rng).lower()}",
            "",
            f"“{_paragraph(rng)}” {who.split()[-1]} told reporters. {_paragraph(rng)}",
            "",
            f"According to {who}, {_paragraph(rng).lower()}",
            "",
            _paragraph(rng),
            "",
        ]
    return "\n".join(lines) + "\n"


def make_corpus(folder: Path, count: int, size: int, seed: int) -> list[Path]:
    rng = random.Random(seed)
    makers = [(_transcript, ".txt"), (_highlights, ".md"), (_press_point, ".txt"), (_news, ".txt")]
    paths = []
    for n in range(count):
        make, suffix = makers[n % len(makers)]
        path = folder / f"doc-{n:05d}{suffix}"
        path.write_text(make(rng, size, n), encoding="utf-8")
        paths.append(path)
    return paths


def _run(
    paths: list[Path], url: str, workers: int | None
) -> tuple[float, float, list[dict[str, object]]]:
    start, cpu = time.perf_counter(), time.process_time()
    outcomes = ingest(paths, url, workers=workers)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    failed = [o for o in outcomes if o.status != "ingested"]
    if failed:
        raise SystemExit(f"not ingested: {failed[0].path}: {failed[0].error}")
    rows = [{k: v for k, v in r.items() if k != "ingested_at"} for r in query_statements(url)]
    return elapsed, cpu, rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--size", type=int, default=10 * 1024)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--workers", default="0,1,2", help="comma-separated worker counts; 0 = one process"
    )
    args = parser.parse_args(argv)
    counts = [int(w) for w in args.workers.split(",")]
    with tempfile.TemporaryDirectory(prefix="indivisible-speed-") as tmp:
        folder = Path(tmp)
        paths = make_corpus(folder, args.count, args.size, args.seed)
        total = sum(p.stat().st_size for p in paths)
        print(f"documents: {len(paths)} ({total / len(paths) / 1024:.1f} KB average)")
        baseline: float | None = None
        reference: list[dict[str, object]] | None = None
        for workers in counts:
            url = f"sqlite:///{folder / f'store-{workers}.db'}"
            elapsed, cpu, rows = _run(paths, url, workers or None)
            rate = len(paths) / elapsed
            baseline = baseline or rate
            same = "" if reference is None else (" (same statements)" if rows == reference else "")
            if reference is not None and rows != reference:
                print(f"workers {workers}: statements differ from the first run")
                return 1
            reference = reference or rows
            label = "one process" if workers == 0 else f"{workers} Dask worker(s)"
            # CPU time of this process: for one process it is the whole cost, and it is
            # what a busy shared machine disturbs least.
            per_cpu = f", {len(paths) / cpu:.1f} docs per CPU second" if workers == 0 else ""
            print(
                f"{label}: {len(rows)} statements, {elapsed:.1f} s, {rate:.1f} docs/s, "
                f"ratio {rate / baseline:.2f}{same}{per_cpu}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
