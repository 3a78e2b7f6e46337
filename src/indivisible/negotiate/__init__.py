"""Package search: which bundles of negotiated measures leave no party worse off?

Front door of the ``negotiate`` room::

    from indivisible.negotiate import SearchOptions, load_menu, negotiate
    from indivisible.record import Record
    from indivisible.world import load_scenario

    rec = Record.load()
    base = load_scenario("examples/europe-today.yaml", rec)
    menu = load_menu("examples/menus/2020-2022-proposals.yaml", rec)
    result = negotiate(rec, base, menu, ["RUS", "USA", "POL"], SearchOptions(draws=200, seed=1))
    result.compatible          # indivisible-compatible bundles, ranked, each explained
    result.pareto              # the Pareto set of outcomes

A measure is a named set of actions (the ``assess`` action format); a bundle is a set of
measures. Every bundle is evaluated exactly and vectorised (per-entry contributions from the
indicators' profile, then bitmask algebra), up to 2^24 bundles; beyond, an exact
branch-and-bound prunes subtrees that provably hold no compatible or Pareto bundle and states
its bound (``Negotiation.bound``); Monte Carlo draws and Dask
workers give bit-for-bit the single-process result for the same seed. Formulas and the
shipped menu's results: ``docs/negotiation.md``.
"""

from indivisible.negotiate._bnb import SearchIncompleteWarning
from indivisible.negotiate._effects import Effects, apply_bundle, compile_effects, feasible
from indivisible.negotiate._menu import check_menu, load_menu, load_perspectives
from indivisible.negotiate._options import MAX_MEASURES, SearchOptions
from indivisible.negotiate._profile import AGGREGATION
from indivisible.negotiate._search import draw_seeds, negotiate
from indivisible.negotiate.types import (
    AGGREGATIONS,
    Aggregation,
    BundleResult,
    Explanation,
    Measure,
    MeasureAction,
    Menu,
    Mode,
    Negotiation,
    ParetoPoint,
    Perspective,
    Priority,
    Weight,
)

__all__ = [
    "AGGREGATION",
    "AGGREGATIONS",
    "MAX_MEASURES",
    "Aggregation",
    "BundleResult",
    "Effects",
    "Explanation",
    "Measure",
    "MeasureAction",
    "Menu",
    "Mode",
    "Negotiation",
    "ParetoPoint",
    "Perspective",
    "Priority",
    "SearchIncompleteWarning",
    "SearchOptions",
    "Weight",
    "apply_bundle",
    "check_menu",
    "compile_effects",
    "draw_seeds",
    "feasible",
    "load_menu",
    "load_perspectives",
    "negotiate",
]
