"""A static map of a reach result: country outlines, range ring, site, reachable capitals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from indivisible.indicators._polygons import load_countries
from indivisible.indicators._reach import ReachResult, range_ring


def _rings(geom: Any) -> list[Any]:
    polys = list(geom.geoms) if geom.geom_type == "MultiPolygon" else [geom]
    return [np.asarray(p.exterior.coords) for p in polys]


def reach_map(result: ReachResult, path: str | Path) -> Path:
    """Draw ``result`` on a map of Europe and save it as PNG (matplotlib, Agg backend).

    Equirectangular lon/lat axes with the aspect set to 1/cos(site latitude); the view covers
    the ring (capped at the OSCE area's European part plus margins).

    Args:
        result: a reach result.
        path: the PNG file to write.

    Returns:
        The path written.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    lat0, lon0 = float(result.site["lat"]), float(result.site["lon"])
    fig, ax = plt.subplots(figsize=(11, 9), dpi=110)
    for c in load_countries().values():
        for ring in _rings(c.geometry):
            ax.fill(
                ring[:, 0],
                ring[:, 1],
                facecolor="#eeeeee" if c.osce else "#f8f8f8",
                edgecolor="#888888",
                linewidth=0.4,
            )
    colours = ["#c0392b", "#2471a3", "#7d3c98", "#1e8449"]
    for i, (reading, rng) in enumerate(result.range_readings.items()):
        if rng <= 0:
            continue
        lons, lats = range_ring(lat0, lon0, rng)
        ax.plot(
            np.append(lons, lons[0]),
            np.append(lats, lats[0]),
            color=colours[i % 4],
            linewidth=1.4,
            label=f"{reading}: {rng:,.0f} km",
        )
    ax.plot([lon0], [lat0], marker="^", color="black", markersize=9, zorder=5)
    ax.annotate(
        result.site.get("name") or f"{lat0:.2f}, {lon0:.2f}",
        (lon0, lat0),
        xytext=(6, -12),
        textcoords="offset points",
        fontsize=9,
        weight="bold",
    )
    for t in result.targets:
        if not t.reachable[result.default_reading]:
            ax.plot([t.target.lon], [t.target.lat], "o", color="#aaaaaa", markersize=3)
            continue
        ax.plot([t.target.lon], [t.target.lat], "o", color="#c0392b", markersize=4, zorder=4)
        label = f"{t.target.name} {t.distance_km:,.0f} km"
        if t.flight_time_min is not None:
            label += f", {t.flight_time_min:.1f} min"
        ax.annotate(
            label,
            (t.target.lon, t.target.lat),
            xytext=(4, 3),
            textcoords="offset points",
            fontsize=7,
        )
    rmax = max(result.range_readings.values())
    dlat = min(max(rmax / 111.0 * 1.15, 6.0), 40.0)
    dlon = min(dlat / max(np.cos(np.radians(lat0)), 0.2), 80.0)
    ax.set_xlim(max(lon0 - dlon, -30.0), min(lon0 + dlon, 90.0))
    ax.set_ylim(max(lat0 - dlat, 25.0), min(lat0 + dlat, 75.0))
    ax.set_aspect(1.0 / np.cos(np.radians(lat0)))
    ax.set_xlabel("longitude (°E)")
    ax.set_ylabel("latitude (°N)")
    model = result.flight_model or "no flight-time model"
    ax.set_title(f"Reach of {result.system} ({model}); range rings are WGS84 geodesic circles")
    ax.legend(loc="lower left", fontsize=8)
    ax.text(
        0.99,
        0.01,
        "Borders: Natural Earth (public domain)",
        transform=ax.transAxes,
        ha="right",
        va="bottom",
        fontsize=7,
        color="#555555",
    )
    out = Path(path)
    fig.savefig(out, bbox_inches="tight")
    plt.close(fig)
    return out
