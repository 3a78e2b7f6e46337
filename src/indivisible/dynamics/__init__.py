"""Action-reaction dynamics: how one-sided moves and answers spiral, or settle.

Front door of the ``dynamics`` room::

    from indivisible.dynamics import Richardson, SimulateOptions, load_responses, simulate
    menu = load_responses("examples/responses/europe-today.yaml", rec)
    sim = simulate(rec, base, menu, SimulateOptions(rounds=6, runs=50, seed=1))
    sim.share("spiral"), sim.trajectories          # tidy per run, round, party, indicator
    Richardson(k=0.9, l=0.8, a=0.5, b=0.6).stable  # the classic model, closed forms

Each party compares its profile (``indicators.profile``) to its reference and answers with
its own response menu by a documented policy; a negotiated package can be applied first for
comparison. Formulas: ``docs/negotiation.md``.
"""

from indivisible.dynamics._load import load_responses
from indivisible.dynamics._options import SimulateOptions
from indivisible.dynamics._richardson import Richardson
from indivisible.dynamics._simulate import simulate
from indivisible.dynamics.types import Outcome, PartyPolicy, Response, ResponseMenu, Simulation

__all__ = [
    "Outcome",
    "PartyPolicy",
    "Response",
    "ResponseMenu",
    "Richardson",
    "SimulateOptions",
    "Simulation",
    "load_responses",
    "simulate",
]
