"""A small, hand-checkable profile for the negotiation tests (a test double, not shipped).

Per party X of ``{RUS, USA}`` and the other party Y:

* ``threat`` (count, higher is less safe, a sum): launchers Y owns, ``sum(count)``;
* ``deterrence`` (count, higher is safer, a sum): launchers X owns;
* ``warning`` (minutes, higher is safer, a minimum): the smallest ``site.lat`` over Y's
  deployments (a stand-in number; ``inf`` when Y has none).

Draws multiply each deployment's count by ``U(0.5, 1.5)`` drawn from a generator keyed on
``(seed, crc32(id))``: common random numbers, so the indicators stay decomposable per draw.
"""

from __future__ import annotations

import zlib
from typing import Any

import numpy as np
import pandas as pd

from indivisible.indicators import Profile
from indivisible.negotiate import Aggregation

PARTIES = ("RUS", "USA")


def toy_profile(
    record: Any, scenario: Any, on: Any, *, states: Any = None, draws: int = 0, seed: Any = None
) -> Profile:
    deps = scenario.deployments_on(on)
    rows = []
    draw_rows: list[dict[str, Any]] = []
    for x in PARTIES:
        y = "USA" if x == "RUS" else "RUS"
        theirs = [d for d in deps if y in d.owner]
        mine = [d for d in deps if x in d.owner]
        warn = min((d.site.lat for d in theirs), default=float("inf"))
        for name, val, direction in (
            ("threat", float(sum(d.count for d in theirs)), "higher_is_less_safe"),
            ("deterrence", float(sum(d.count for d in mine)), "higher_is_safer"),
            ("warning", warn, "higher_is_safer"),
        ):
            rows.append(
                {"state": x, "indicator": name, "value": val, "unit": "count",
                 "direction": direction, "reading": None, "detail": ""}
            )  # fmt: skip
        if draws:

            def mult(d: Any) -> Any:
                g = np.random.default_rng([int(seed), zlib.crc32(d.id.encode())])
                return g.uniform(0.5, 1.5, size=draws)

            t = sum((d.count * mult(d) for d in theirs), np.zeros(draws))
            m = sum((d.count * mult(d) for d in mine), np.zeros(draws))
            w = np.full(draws, warn)
            for name, arr in (("threat", t), ("deterrence", m), ("warning", w)):
                draw_rows.extend(
                    {"state": x, "indicator": name, "draw": k, "value": arr[k]}
                    for k in range(draws)
                )
    table = pd.DataFrame(rows)
    dr = pd.DataFrame(draw_rows) if draws else None
    return Profile(str(on), scenario.scenario, table, dr, [], seed, None)


TOY_AGGREGATION: dict[str, Aggregation] = {"threat": "sum", "deterrence": "sum", "warning": "min"}
