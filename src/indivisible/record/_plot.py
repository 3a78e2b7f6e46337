"""Figures for the record: the architecture binding a pair, year by year."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from indivisible.record._record import Record


def plot_timeline(rec: Record, df: pd.DataFrame, a: str, b: str, path: Path) -> Path:
    """Draw the architecture binding a pair over time and save it as PNG.

    One lane per instrument, filled in the years it bound both parties on 31 December under
    every reading and hatched where it bound them under some readings only (a disputed
    status), above the count of legally binding instruments per party's reading.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    insts = [c for c in df.columns if c in rec.instruments]
    years = df.index.to_numpy()
    fig, (ax, ax2) = plt.subplots(
        2,
        1,
        figsize=(11, 0.42 * len(insts) + 3.2),
        sharex=True,
        gridspec_kw={"height_ratios": [max(len(insts), 1), 4]},
    )
    colours = {"legal": "#1f5f8b", "political": "#9bbcd6"}
    for i, inst_id in enumerate(insts):
        inst = rec.instruments[inst_id]
        on = df[inst_id].to_numpy(dtype=bool)
        disputed = [inst_id in str(d).split(";") for d in df.get("disputed", [""] * len(on))]
        for y, flag, disp in zip(years, on, disputed, strict=True):
            if flag:
                ax.barh(i, 1, left=y - 0.5, height=0.7, color=colours[inst.binding], lw=0)
            elif disp:
                ax.barh(
                    i,
                    1,
                    left=y - 0.5,
                    height=0.7,
                    color="white",
                    edgecolor=colours[inst.binding],
                    hatch="///",
                    lw=0,
                )
    ax.set_yticks(range(len(insts)), [rec.instruments[i].short for i in insts], fontsize=8)
    ax.invert_yaxis()
    ax.set_title(
        f"Instruments in force binding {a} and {b}, 31 December of each year "
        "\n(dark: legally binding; light: political; hatched: disputed, binding under some "
        "readings only)",
        fontsize=10,
    )
    ax.grid(axis="x", alpha=0.3)
    ax2.step(
        years,
        df["n_legal"],
        where="mid",
        color=colours["legal"],
        label="legally binding (every reading)",
    )
    for who, style in ((a, "--"), (b, ":")):
        col = f"n_legal_{who}"
        if col in df.columns:
            ax2.step(
                years,
                df[col],
                where="mid",
                color=colours["legal"],
                linestyle=style,
                label=f"legally binding ({who}'s reading)",
            )
    if df["n_political"].any():
        ax2.step(
            years, df["n_political"], where="mid", color=colours["political"], label="political"
        )
    ax2.set_ylabel("count")
    ax2.set_xlabel("year")
    ax2.legend(loc="upper left", fontsize=8, frameon=False)
    ax2.grid(alpha=0.3)
    fig.text(
        0.01,
        0.005,
        "Source: indivisible bundled record (every status event sourced; see "
        "`indivisible history ID`).",
        fontsize=7,
        color="#555",
    )
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=130)
    plt.close(fig)
    return path
