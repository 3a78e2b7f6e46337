"""Figures: what each bundle does to each party (negotiate), score trajectories (simulate)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def plot_negotiation(result: Any, path: str | Path, *, top: int = 20) -> None:
    """Per bundle (compatible first, else the Pareto set), per party: indicators better/worse.

    Bars to the right count the indicators on which a party is safer, bars to the left
    those on which it is less safe; a star marks compatible bundles.
    """
    from matplotlib.figure import Figure

    items = [(b.measures, b.gains, b.compatible) for b in result.bundles[:top]]
    if not items:
        items = [(p.measures, p.gains, p.compatible) for p in result.pareto[:top]]
    parties = list(result.parties)
    fig = Figure(figsize=(9, 0.45 * max(len(items), 2) + 1.5))
    ax = fig.add_subplot(1, 1, 1)
    h = 0.8 / max(len(parties), 1)
    for pi, p in enumerate(parties):
        ys = [i + pi * h for i in range(len(items))]
        up = [sum(1 for v in g.get(p, {}).values() if v > 0) for _, g, _ in items]
        down = [-sum(1 for v in g.get(p, {}).values() if v < 0) for _, g, _ in items]
        bar = ax.barh(ys, up, height=h, label=p)
        ax.barh(
            ys,
            down,
            height=h,
            color=bar.patches[0].get_facecolor() if bar.patches else None,
            alpha=0.5,
        )
    labels = [("* " if c else "") + (" + ".join(m) or "(baseline)") for m, _, c in items]
    ax.set_yticks([i + 0.4 - h / 2 for i in range(len(items))], labels, fontsize=7)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("indicators safer (right) / less safe (left), per party")
    ax.set_title(f"{result.menu}: {result.mode} mode, {result.evaluated} bundles")
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(str(path), dpi=110)


def plot_simulation(sim: Any, path: str | Path) -> None:
    """Each party's score over rounds: every run thin, the mean thick."""
    from matplotlib.figure import Figure

    t = sim.trajectories.drop_duplicates(["run", "round", "party"])
    fig = Figure(figsize=(8, 4.5))
    ax = fig.add_subplot(1, 1, 1)
    for i, (party, grp) in enumerate(t.groupby("party", sort=True)):
        color = f"C{i}"
        for _, run in grp.groupby("run"):
            ax.plot(run["round"], run["score"], color=color, alpha=0.15, linewidth=0.8)
        mean = grp.groupby("round")["score"].mean()
        ax.plot(mean.index, mean.to_numpy(), color=color, linewidth=2.5, label=f"{party} (mean)")
    ax.set_xlabel("round")
    ax.set_ylabel("weighted score (higher is safer)")
    pk = f", package {' + '.join(sim.package)}" if sim.package else ""
    ax.set_title(f"Action-reaction, {sim.runs} runs{pk}")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(str(path), dpi=110)
