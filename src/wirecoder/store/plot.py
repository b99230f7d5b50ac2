"""The dyad chart: cooperation and conflict counts per period, with mean Goldstein."""

from __future__ import annotations

from pathlib import Path

import pandas as pd


def plot_dyad(frame: pd.DataFrame, actor_a: str, actor_b: str, by: str, path: Path) -> Path:
    """Write a PNG (or any format matplotlib knows from the suffix) of ``queries.dyad``."""
    import matplotlib

    matplotlib.use("Agg")  # files only: no display on a server or in CI
    import matplotlib.pyplot as plt

    fig, (counts, tone) = plt.subplots(2, 1, figsize=(10, 6), sharex=True,
                                       gridspec_kw={"height_ratios": [2, 1]})
    title = f"{actor_a.upper()} – {actor_b.upper()}: events by {by}"
    if frame.empty:
        counts.text(0.5, 0.5, "no events between these actors", ha="center", va="center",
                    transform=counts.transAxes)
    else:
        periods = pd.to_datetime(frame["period"])
        cooperation = frame["verbal_cooperation"] + frame["material_cooperation"]
        conflict = frame["verbal_conflict"] + frame["material_conflict"]
        counts.plot(periods, cooperation, marker="o", color="tab:blue",
                    label="cooperation (QuadClass 1-2)")
        counts.plot(periods, conflict, marker="o", color="tab:red",
                    label="conflict (QuadClass 3-4)")
        counts.legend(loc="upper left")
        tone.bar(periods, frame["mean_goldstein"],
                 color=["tab:blue" if g >= 0 else "tab:red" for g in frame["mean_goldstein"]],
                 width=_bar_width(by))
        tone.axhline(0, color="grey", linewidth=0.8)
    counts.set_title(title)
    counts.set_ylabel("events")
    counts.grid(alpha=0.3)
    tone.set_ylabel("mean Goldstein")
    tone.set_ylim(-10, 10)
    tone.set_xlabel(by)
    tone.grid(alpha=0.3)
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def _bar_width(by: str) -> float:
    return {"day": 0.8, "week": 5, "month": 20, "year": 250}.get(by, 20)
