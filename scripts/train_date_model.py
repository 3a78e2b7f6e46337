"""Train the date model of ``indivisible.ingest._datemodel`` on the tune part.

The examples are the full dates printed in the first lines of every document of the
development corpus whose gold ``split`` is ``tune`` (held-out parts are never read); a
date is right when it is the gold document date. The model is an L2-regularised logistic
regression on standardised features, fitted by Newton's method (deterministic).

The model speaks only where no rule dated the page, so its threshold is chosen there: on
the tune documents the rules leave undated (with or without a gold date), each round of
documents scored by a model fitted on the other rounds, the threshold that maximises
right guesses minus twice the wrong ones (a wrong date costs a reader more than a missing
one); ties go to the higher threshold.

Usage:
    python scripts/train_date_model.py [--check] [--report]

``--check`` exits 1 when the shipped model differs from what the corpus gives now;
``--report`` prints the cross-validated counts for each threshold and every guess.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from indivisible.ingest._datemodel import FEATURES, Candidate, candidates
from indivisible.ingest._logistic import (
    Fitted,
    fit_logistic,
    predict_logistic,
    round_of,
    training_parser,
    tune_golds,
    write_or_check,
)
from indivisible.ingest._read import read
from indivisible.ingest._structure import _parsed_span, structure

ROOT = Path(__file__).resolve().parent.parent
CORPORA = (ROOT / "examples" / "corpus", ROOT / "tests" / "ingest" / "corpus")
OUT = ROOT / "src" / "indivisible" / "data" / "gazetteer" / "date_model.json"
L2 = 5.0
#: A wrong guess costs this many right ones.
COST = 2.0


class Document:
    """One tune document: its candidates, its gold date and whether the rules dated it."""

    def __init__(self, name: str, found: list[Candidate], gold: str | None, undated: bool):
        self.name = name
        self.found = found
        self.gold = gold
        self.undated = undated
        self.group = round_of(name)


def documents() -> list[Document]:
    """The tune part's documents, read as the ingest room reads them."""
    out = []
    for corpus, gold in tune_golds(CORPORA):
        raw = read(corpus / gold["file"])
        found = structure(raw)
        day = str(gold["date"]) if gold.get("date") else None
        undated = found.date is None or found.date_guessed
        out.append(
            Document(gold["file"], candidates(raw.text, found.dropped, _parsed_span), day, undated)
        )
    return out


def matrix(docs: list[Document]) -> tuple[np.ndarray, np.ndarray]:
    rows = [list(c.features) for d in docs for c in d.found]
    labels = [float(c.day.isoformat() == d.gold) for d in docs for c in d.found]
    return np.array(rows).reshape(len(rows), len(FEATURES)), np.array(labels)


def _scores(model: Fitted, doc: Document) -> np.ndarray:
    x = np.array([list(c.features) for c in doc.found]).reshape(len(doc.found), len(FEATURES))
    return predict_logistic(model, x)


def guesses(docs: list[Document]) -> list[tuple[float, bool, Document, str]]:
    """Each rules-undated document's best candidate, by a model fitted on the other rounds."""
    out = []
    for group in sorted({d.group for d in docs}):
        train = [d for d in docs if d.group != group]
        model = fit_logistic(*matrix(train), L2)
        for doc in docs:
            if doc.group != group or not doc.undated or not doc.found:
                continue
            p = _scores(model, doc)
            k = int(np.argmax(p))  # the first of equals, as _datemodel.best
            day = doc.found[k].day.isoformat()
            out.append((float(p[k]), day == doc.gold, doc, day))
    return out


def threshold(scored: list[tuple[float, bool, Document, str]]) -> float:
    best, chosen = 0.0, 1.0
    for t in np.arange(0.99, 0.04, -0.01):
        right = sum(1 for p, ok, *_ in scored if p >= t and ok)
        wrong = sum(1 for p, ok, *_ in scored if p >= t and not ok)
        gain = right - COST * wrong
        if gain > best:
            best, chosen = gain, float(round(t, 2))
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = training_parser(
        __doc__.splitlines()[0],
        str(OUT.relative_to(ROOT)),
        "the counts per threshold and every guess",
    )
    args = parser.parse_args(argv)
    docs = documents()
    scored = guesses(docs)
    chosen = threshold(scored)
    x, y = matrix(docs)
    bias, weights, means, scales = fit_logistic(x, y, L2)
    data = {
        "about": "scripts/train_date_model.py on the tune part (ingest._datemodel)",
        "features": list(FEATURES),
        "bias": round(bias, 6),
        "weights": [round(float(v), 6) for v in weights],
        "means": [round(float(v), 6) for v in means],
        "scales": [round(float(v), 6) for v in scales],
        "threshold": chosen,
        "training": {
            "documents": len(docs),
            "dates": len(y),
            "right": int(y.sum()),
            "undated_by_rules": sum(d.undated for d in docs),
            "l2": L2,
            "cost_of_a_wrong_guess": COST,
        },
    }
    same = write_or_check(OUT, data, args.check, "date model")
    if args.report:
        print(f"{len(docs)} documents, {len(y)} dates ({int(y.sum())} right); threshold {chosen}")
        for t in (0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2):
            right = sum(1 for p, ok, *_ in scored if p >= t and ok)
            wrong = sum(1 for p, ok, *_ in scored if p >= t and not ok)
            print(f"  p >= {t:.1f}: right {right}, wrong {wrong}")
        for p, ok, doc, day in sorted(scored, key=lambda s: -s[0]):
            print(f"  {p:.2f} {'right' if ok else 'wrong'} {day} gold {doc.gold} {doc.name[:60]}")
    return 0 if same else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # the report piped into a reader that stopped early
        sys.stderr.close()
        sys.exit(0)
