"""Train the furniture model of ``indivisible.ingest._furniture`` on the tune part.

The examples are the one-line paragraphs of speakers' turns, as the ingest room's rules
leave them, in every document of the development corpus whose gold ``split`` is ``tune``
(held-out parts are never read); a paragraph is furniture when its gold file lists it among
``boilerplate`` lines. The model is an L2-regularised logistic regression on standardised
features, fitted by Newton's method (deterministic, so the same corpus gives the same
file). Its threshold is chosen by cross-validation over the corpus's rounds (each round of
documents, with its publishers, predicted by a model fitted on the others): the lowest
threshold at which at most ``--max-lost`` of the content paragraphs are lost.

Usage:
    python scripts/train_furniture_model.py [--check] [--report]

``--check`` exits 1 when the shipped model differs from what the corpus gives now;
``--report`` prints the cross-validated counts for each threshold.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from indivisible.ingest._furniture import FEATURES, WORD, LineContext, features, line_words
from indivisible.ingest._logistic import (
    fit_logistic,
    predict_logistic,
    round_of,
    training_parser,
    tune_golds,
    write_or_check,
)
from indivisible.ingest._parse import judged, turn_spans
from indivisible.ingest._read import read
from indivisible.ingest._structure import Structure, structure

ROOT = Path(__file__).resolve().parent.parent
CORPORA = (ROOT / "examples" / "corpus", ROOT / "tests" / "ingest" / "corpus")
OUT = ROOT / "src" / "indivisible" / "data" / "gazetteer" / "furniture_model.json"
L2 = 20.0
ROUNDS = 2
SHARE = 0.5


def _norm(line: str) -> str:
    return " ".join(line.split())


def examples() -> tuple[np.ndarray, np.ndarray, list[str], list[str]]:
    """Features, labels, rounds and texts of every one-line turn paragraph in the tune part."""
    rows: list[list[float]] = []
    labels: list[int] = []
    groups: list[str] = []
    texts: list[str] = []
    for corpus, gold in tune_golds(CORPORA):
        furniture = {_norm(str(x)) for x in gold.get("boilerplate") or []}
        raw = read(corpus / gold["file"])
        found = structure(raw)
        for line, ctx in candidates(raw.text, found):
            rows.append(features(line, ctx))
            labels.append(int(_norm(line) in furniture))
            groups.append(round_of(gold["file"]))
            texts.append(line)
    return np.array(rows), np.array(labels), groups, texts


def candidates(text: str, found: Structure) -> list[tuple[str, LineContext]]:
    """The paragraphs the model judges, as ``_parse._turn_statements`` meets them."""
    out = []
    for turn in found.turns:
        for k, (a, b, _) in enumerate(turn_spans(text, turn)):
            ctx = judged(text, found.kind, turn, k, a, b)
            if ctx is not None:
                out.append((text[a:b].strip(), ctx))
    return out


Fitted = tuple[float, list[str], np.ndarray, np.ndarray, np.ndarray]


def vocabulary(y: np.ndarray, groups: list[str], texts: list[str]) -> list[str]:
    """Words of furniture paragraphs in at least ``ROUNDS`` rounds, mostly in furniture.

    A site's own words (one round) are not; a word must be furniture in ``SHARE`` of the
    paragraphs that hold it at least, and be written in lower case somewhere (a name or an
    acronym of two captions, "Olaf", "AP", is not a word of furniture).
    """
    rounds: dict[str, set[str]] = {}
    total: dict[str, int] = {}
    hits: dict[str, int] = {}
    lowered: set[str] = set()
    for label, group, text in zip(y, groups, texts, strict=True):
        lowered.update(w for w in WORD.findall(text) if w.islower())
        for word in line_words(text):
            total[word] = total.get(word, 0) + 1
            if label:
                hits[word] = hits.get(word, 0) + 1
                rounds.setdefault(word, set()).add(group)
    return sorted(
        w
        for w, seen in rounds.items()
        if len(seen) >= ROUNDS and hits[w] / total[w] >= SHARE and w in lowered
    )


def design(x: np.ndarray, texts: list[str], vocab: list[str]) -> np.ndarray:
    found = [line_words(t) for t in texts]
    extra = np.array([[float(w in f) for w in vocab] for f in found]).reshape(
        len(texts), len(vocab)
    )
    return np.hstack([x, extra])


def fit(x: np.ndarray, y: np.ndarray, groups: list[str], texts: list[str]) -> Fitted:
    """Vocabulary, bias, weights, means and scales of an L2 logistic regression."""
    vocab = vocabulary(y, groups, texts)
    bias, weights, means, scales = fit_logistic(design(x, texts, vocab), y, L2)
    return bias, vocab, weights, means, scales


def predict(model: Fitted, x: np.ndarray, texts: list[str]) -> np.ndarray:
    bias, vocab, weights, means, scales = model
    return predict_logistic((bias, weights, means, scales), design(x, texts, vocab))


def cross_validated(
    x: np.ndarray, y: np.ndarray, groups: list[str], texts: list[str]
) -> np.ndarray:
    """Each round's paragraphs scored by a model fitted on the other rounds."""
    out = np.zeros(len(y))
    g = np.array(groups)
    t = np.array(texts, dtype=object)
    for name in sorted(set(groups)):
        held = g == name
        model = fit(x[~held], y[~held], list(g[~held]), list(t[~held]))
        out[held] = predict(model, x[held], list(t[held]))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = training_parser(
        __doc__.splitlines()[0],
        str(OUT.relative_to(ROOT)),
        "the counts per threshold and every caught, missed and lost line",
    )
    parser.add_argument(
        "--max-lost",
        type=float,
        default=0.003,
        help="largest share of content paragraphs the threshold may lose in cross-validation "
        "(0 to 0.5; default 0.003)",
    )
    args = parser.parse_args(argv)
    if not 0 <= args.max_lost <= 0.5:
        parser.error(f"--max-lost {args.max_lost}: expected a share from 0 to 0.5")
    x, y, groups, texts = examples()
    cv = cross_validated(x, y, groups, texts)
    negatives = max(int((y == 0).sum()), 1)
    threshold = 0.99
    for t in np.arange(0.99, 0.29, -0.01):
        lost = int(((cv >= t) & (y == 0)).sum())
        if lost / negatives > args.max_lost:
            break
        threshold = float(round(t, 2))
    bias, vocab, weights, means, scales = fit(x, y, groups, texts)
    data = {
        "about": "scripts/train_furniture_model.py on the tune part (ingest._furniture)",
        "features": list(FEATURES) + [f"word:{w}" for w in vocab],
        "bias": round(bias, 6),
        "vocabulary": vocab,
        "weights": [round(float(v), 6) for v in weights],
        "means": [round(float(v), 6) for v in means],
        "scales": [round(float(v), 6) for v in scales],
        "threshold": threshold,
        "training": {"paragraphs": len(y), "furniture": int(y.sum()), "l2": L2},
    }
    # The verdict or the file first, the report after: a report cut short (piped into
    # `head`) never leaves the model unwritten.
    same = write_or_check(OUT, data, args.check, "furniture model")
    if args.report:
        print(f"{len(y)} paragraphs, {int(y.sum())} furniture; threshold {threshold}")
        for t in (0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3):
            caught = int(((cv >= t) & (y == 1)).sum())
            lost = int(((cv >= t) & (y == 0)).sum())
            print(f"  p >= {t:.1f}: furniture caught {caught}, content lost {lost}")
        for i in np.argsort(-cv):
            if cv[i] >= threshold or y[i]:
                kept = (
                    "lost"
                    if cv[i] >= threshold and not y[i]
                    else ("caught" if cv[i] >= threshold else "missed")
                )
                print(f"  {cv[i]:.2f} {kept} {texts[i][:90]!r}")
    return 0 if same else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # the report piped into a reader that stopped early
        sys.stderr.close()
        sys.exit(0)
