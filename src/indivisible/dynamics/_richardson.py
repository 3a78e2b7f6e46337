"""Richardson's arms-race model (1960), continuous and discrete, with its closed forms.

Two parties with arms levels x and y::

    dx/dt = k*y - a*x + g
    dy/dt = l*x - b*y + h

* ``k``, ``l`` (>= 0): defence coefficients - how strongly each party arms in reaction to the
  other's level (in the response menus: how much of the other's exposure a party answers);
* ``a``, ``b`` (>= 0): fatigue or cost coefficients - how much a party's own level restrains
  further arming (budget, the cost of each response);
* ``g``, ``h``: grievances - constant drives independent of the other (positive: standing
  hostility; negative: goodwill).

Equilibrium (where both derivatives vanish), when ``a*b != k*l``::

    x* = (b*g + k*h) / (a*b - k*l)
    y* = (a*h + l*g) / (a*b - k*l)

The continuous system is stable (every trajectory tends to the equilibrium) iff ``a*b > k*l``
with ``a + b > 0``: the eigenvalues of ``[[-a, k], [l, -b]]`` then have negative real parts.
With ``a*b < k*l`` one eigenvalue is positive: a runaway race (or, from below the separatrix,
disarmament). Discrete time with step ``dt`` (Euler): ``v[t+1] = v[t] + dt*(A v[t] + c)``,
i.e. ``v[t+1] = M v[t] + dt*c`` with ``M = I + dt*A``; stable iff the spectral radius of ``M``
is below 1, which for small ``dt`` is the continuous condition, and the closed form is
``v[t] = v* + M^t (v[0] - v*)``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from indivisible._errors import InputError


@dataclass(frozen=True)
class Richardson:
    """Richardson's two-party model (parameters as in the module docstring).

    Examples:
        >>> m = Richardson(k=0.5, l=0.5, a=1.0, b=1.0, g=1.0, h=1.0)
        >>> m.equilibrium(), m.stable
        ((2.0, 2.0), True)
    """

    k: float
    l: float  # noqa: E741 - Richardson's own letter
    a: float
    b: float
    g: float = 0.0
    h: float = 0.0

    def __post_init__(self) -> None:
        for name in ("k", "l", "a", "b"):
            v = getattr(self, name)
            if not np.isfinite(v) or v < 0:
                raise InputError(f"{name} must be a finite number >= 0, got {v!r}", field=name)
        for name in ("g", "h"):
            if not np.isfinite(getattr(self, name)):
                raise InputError(f"{name} must be finite", field=name)

    @property
    def matrix(self) -> npt.NDArray[np.float64]:
        """The system matrix ``A = [[-a, k], [l, -b]]``."""
        return np.array([[-self.a, self.k], [self.l, -self.b]], dtype=np.float64)

    @property
    def determinant(self) -> float:
        """``a*b - k*l``: positive iff the race is stable (with ``a + b > 0``)."""
        return self.a * self.b - self.k * self.l

    @property
    def stable(self) -> bool:
        """Continuous-time stability: ``a*b > k*l`` and ``a + b > 0``."""
        return self.determinant > 0 and self.a + self.b > 0

    def equilibrium(self) -> tuple[float, float]:
        """The equilibrium ``(x*, y*)`` (``InputError`` when ``a*b == k*l``: none is unique)."""
        det = self.determinant
        if det == 0:
            raise InputError("a*b == k*l: no unique equilibrium", field="a")
        return (
            (self.b * self.g + self.k * self.h) / det,
            (self.a * self.h + self.l * self.g) / det,
        )

    def step_matrix(self, dt: float) -> npt.NDArray[np.float64]:
        """``M = I + dt*A`` of the discrete (Euler) version."""
        return np.eye(2) + dt * self.matrix

    def discrete_stable(self, dt: float) -> bool:
        """Whether the discrete version with step ``dt`` converges (spectral radius < 1)."""
        return bool(np.max(np.abs(np.linalg.eigvals(self.step_matrix(dt)))) < 1.0)

    def simulate(
        self, x0: float, y0: float, *, dt: float = 0.1, steps: int = 100
    ) -> npt.NDArray[np.float64]:
        """``[steps + 1, 2]`` trajectory of the discrete version from ``(x0, y0)``."""
        if dt <= 0 or steps < 0:
            raise InputError("dt must be > 0 and steps >= 0", field="dt")
        m = self.step_matrix(dt)
        c = dt * np.array([self.g, self.h])
        out = np.empty((steps + 1, 2))
        out[0] = (x0, y0)
        for t in range(steps):
            out[t + 1] = m @ out[t] + c
        return out

    def closed_form(self, x0: float, y0: float, *, dt: float, t: int) -> tuple[float, float]:
        """``v[t] = v* + M^t (v[0] - v*)`` of the discrete version."""
        star = np.array(self.equilibrium())
        v = star + np.linalg.matrix_power(self.step_matrix(dt), t) @ (np.array([x0, y0]) - star)
        return float(v[0]), float(v[1])
