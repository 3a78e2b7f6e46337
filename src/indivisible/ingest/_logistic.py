"""The logistic models the ingest room ships, and what their training scripts share.

Two models use it: the furniture test of a turn's one-line paragraphs (``_furniture``) and
the date guess of a page no rule dates (``_datemodel``). Each is an L2-regularised logistic
regression on standardised features, stored as JSON under ``data/gazetteer/`` and
reproduced from the development corpus's tune part by its script in ``scripts/``.

Formula: p = 1 / (1 + exp(-(b + Σ w_k · (x_k - μ_k) / σ_k))), with μ and σ the features'
means and deviations on the training examples.
"""

from __future__ import annotations

import argparse
import json
import math
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import numpy as np


class Model(NamedTuple):
    """A logistic model: bias, weights and the standardisation of each feature."""

    bias: float
    vocabulary: tuple[str, ...]
    weights: tuple[float, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    threshold: float


def load_model(name: str, features: tuple[str, ...]) -> Model:
    """The shipped model ``data/gazetteer/<name>``, checked against the code's features.

    Its features must be ``features`` and then one ``word:<w>`` per word of its
    vocabulary (if it has one), in that order.

    Raises:
        ValueError: the file's features differ from the code's.
    """
    path = resources.files("indivisible") / "data" / "gazetteer" / name
    data = json.loads(path.read_text(encoding="utf-8"))
    vocabulary = tuple(data.get("vocabulary") or ())
    expected = (*features, *(f"word:{w}" for w in vocabulary))
    if tuple(data["features"]) != expected:
        raise ValueError(f"{path}: features {data['features']} differ from {expected}")
    return Model(
        float(data["bias"]),
        vocabulary,
        tuple(float(w) for w in data["weights"]),
        tuple(float(m) for m in data["means"]),
        tuple(float(s) for s in data["scales"]),
        float(data["threshold"]),
    )


def logistic(m: Model, x: list[float]) -> float:
    """A logistic model's probability for the feature values ``x`` (in the model's order)."""
    z = m.bias + sum(
        w * (v - mu) / s for w, v, mu, s in zip(m.weights, x, m.means, m.scales, strict=True)
    )
    return 1.0 / (1.0 + math.exp(-max(min(z, 60.0), -60.0)))


Fitted = tuple[float, "np.ndarray", "np.ndarray", "np.ndarray"]


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float) -> Fitted:
    """Bias, weights, means and scales of an L2-regularised logistic regression.

    The features are standardised (mean 0, deviation 1; a constant one keeps scale 1) and
    the weights fitted by Newton's method, which is deterministic: the same examples give
    the same model. The bias is not penalised.
    """
    import numpy as np

    means = x.mean(axis=0)
    scales = x.std(axis=0)
    scales[scales == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - means) / scales])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w, -60, 60)))
        grad = z.T @ (p - y) + penalty * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return float(w[0]), w[1:], means, scales


def predict_logistic(fitted: Fitted, x: np.ndarray) -> np.ndarray:
    """The probabilities a fit (:func:`fit_logistic`) gives the rows of ``x``."""
    import numpy as np

    bias, weights, means, scales = fitted
    return np.asarray(
        1.0 / (1.0 + np.exp(-np.clip(bias + ((x - means) / scales) @ weights, -60, 60)))
    )


def same_model(shipped: dict[str, Any], fresh: dict[str, Any]) -> bool:
    """Whether a shipped model file holds what a fresh fit gives.

    Same features, vocabulary, threshold and counts; numbers equal to 1e-4 (another
    machine's linear algebra may round the sixth decimal otherwise).
    """
    import numpy as np

    for key, value in fresh.items():
        if key in ("bias", "weights", "means", "scales"):
            a, b = np.atleast_1d(shipped.get(key, [])), np.atleast_1d(value)
            if a.shape != b.shape or not np.allclose(a, b, rtol=0, atol=1e-4):
                return False
        elif shipped.get(key) != value:
            return False
    return True


def round_of(file_name: str) -> str:
    """A corpus document's round ("r16b-…" → "r16"), the unit cross-validation holds apart."""
    found = re.match(r"r(\d+)", file_name)
    return f"r{found[1]}" if found else "early"


def tune_golds(corpora: tuple[Path, ...]) -> Iterator[tuple[Path, dict[str, Any]]]:
    """Each gold annotation of the corpora's **tune** part, with its document's folder.

    The one place the training scripts read the development corpus: held-out parts (any
    other ``split``) are never read for training.
    """
    import yaml

    for corpus in corpora:
        for gold_path in sorted((corpus / "gold").glob("*.yaml")):
            gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
            if gold.get("split") == "tune":
                yield corpus, gold


def training_parser(description: str, out: str, report: str) -> argparse.ArgumentParser:
    """A training script's command line: ``--check`` and ``--report`` (what it prints)."""
    parser = argparse.ArgumentParser(
        description=description,
        epilog=(
            f"Without --check the model is written to {out}. "
            "Examples: '--check' (exit 1 if the shipped model is stale), "
            f"'--report' ({report})."
        ),
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="compare the shipped model with what the corpus gives; write nothing",
    )
    parser.add_argument("--report", action="store_true", help=f"print {report} too")
    return parser


def write_or_check(path: Path, data: dict[str, Any], check: bool, label: str) -> bool:
    """Write a fitted model's file, or (``check``) say whether the shipped one is the same.

    The file is ``path`` (under ``src/`` of a checkout); it is named from ``src/`` on.
    """
    if check:
        same = path.exists() and same_model(json.loads(path.read_text(encoding="utf-8")), data)
        print(f"{label} up to date" if same else f"{path} differs from the corpus's model")
        return same
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    shown = Path(*path.parts[path.parts.index("src") :]) if "src" in path.parts else path
    print(f"wrote {shown} (threshold {data['threshold']})")
    return True
