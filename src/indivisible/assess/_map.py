"""A static map of an assessment: deployments before and after, reach rings, capitals by verdict.

Equirectangular lon/lat axes over Europe (aspect 1/cos 52°N), country outlines from the
indicators room's bundled Natural Earth polygons, WGS84 geodesic range rings
(``indivisible.indicators.range_ring``) for the strike systems the action adds (red) or
removes (blue, dashed); deployments present in both scenarios are grey triangles. Capitals
are coloured by the states' outcome: less safe on some indicator (red), safer (green), both
(orange).
"""

from __future__ import annotations

import io
import math
from pathlib import Path
from typing import Any

import numpy as np

from indivisible.assess.types import Assessment

VIEW_LON = (-12.0, 50.0)
VIEW_LAT = (34.0, 71.0)


def _rings(geom: Any) -> list[Any]:
    polys = list(geom.geoms) if geom.geom_type == "MultiPolygon" else [geom]
    return [np.asarray(p.exterior.coords) for p in polys]


def ring_ranges(result: Assessment, deployment_id: str) -> list[float]:
    """The distinct ranges (km) the assessment's indicators used for a deployment, ascending.

    The one reach model: these are ``result.ranges`` (what the verdicts compared), so a ring
    drawn is always a range the verdict beside it used.
    """
    per = result.ranges.get(deployment_id, {})
    return sorted({float(v) for v in per.values() if v > 0})


def render_png(result: Assessment) -> bytes:
    """The map of ``result`` as PNG bytes (matplotlib, Agg backend)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from indivisible.indicators import load_countries, range_ring

    fig, ax = plt.subplots(figsize=(10, 8), dpi=100)
    try:
        for c in load_countries().values():
            for ring in _rings(c.geometry):
                ax.fill(ring[:, 0], ring[:, 1], facecolor="#f0f0f0", edgecolor="#999999", lw=0.4)
        base, after = result.baseline, result.changed
        on = result.on
        ids_before = {d.id for d in base.deployments_on(on)} if base is not None else set()
        ids_after = {d.id for d in after.deployments_on(on)} if after is not None else set()
        layers = []
        if after is not None:
            layers += [(d, after, "added" if d.id not in ids_before else "kept")
                       for d in after.deployments_on(on)]  # fmt: skip
        if base is not None:
            layers += [(d, base, "removed") for d in base.deployments_on(on)
                       if d.id not in ids_after]  # fmt: skip
        style = {"added": ("#c0392b", "-"), "removed": ("#2471a3", "--"), "kept": ("#777777", ":")}
        for d, _sc, kind in layers:
            colour, ls = style[kind]
            radii = ring_ranges(result, d.id) if kind != "kept" else []
            for rng in radii:
                lons, lats = range_ring(d.site.lat, d.site.lon, rng)
                ax.plot(np.append(lons, lons[0]), np.append(lats, lats[0]), color=colour,
                        ls=ls, lw=1.3)  # fmt: skip
            ax.plot([d.site.lon], [d.site.lat], marker="^", color=colour, ms=8, zorder=5)
            km = "/".join(f"{r:,.0f}" for r in radii)
            label = f"{d.id} ({d.system}" + (f", {km} km)" if radii else ")")
            ax.annotate(label, (d.site.lon, d.site.lat), xytext=(5, -10),
                        textcoords="offset points", fontsize=7, color=colour)  # fmt: skip
        worse = {x.state for x in result.deltas if x.better is False}
        better = {x.state for x in result.deltas if x.better is True}
        from indivisible.record import Record

        rec = Record.load()
        for s in sorted(worse | better):
            st = rec.states.get(s)
            if st is None:
                continue
            colour = (
                "#e67e22" if s in worse and s in better else "#c0392b" if s in worse else "#1e8449"
            )
            ax.plot([st.capital.lon], [st.capital.lat], "o", color=colour, ms=5, zorder=6)
            ax.annotate(s, (st.capital.lon, st.capital.lat), xytext=(3, 3),
                        textcoords="offset points", fontsize=7, color=colour)  # fmt: skip
        ax.set_xlim(*VIEW_LON)
        ax.set_ylim(*VIEW_LAT)
        ax.set_aspect(1.0 / math.cos(math.radians(52.0)))
        ax.set_xlabel("longitude (°E)")
        ax.set_ylabel("latitude (°N)")
        ax.set_title(f"{result.action.action} — {result.on.isoformat()}", fontsize=10)
        ax.text(0.01, 0.01, "red: added (rings: the ranges the verdicts used); "
                "blue dashed: removed; grey: unchanged. "
                "Capitals: red less safe, green safer, orange both",
                transform=ax.transAxes, fontsize=7, color="#444444")  # fmt: skip
        ax.text(0.99, 0.99, "Borders: Natural Earth (public domain)", transform=ax.transAxes,
                ha="right", va="top", fontsize=7, color="#555555")  # fmt: skip
        buf = io.BytesIO()
        fig.savefig(buf, format="png", bbox_inches="tight")
        return buf.getvalue()
    finally:
        plt.close(fig)


def assessment_map(result: Assessment, path: str | Path) -> Path:
    """Write the map of ``result`` as a PNG file and return its path."""
    out = Path(path)
    out.write_bytes(render_png(result))
    return out
