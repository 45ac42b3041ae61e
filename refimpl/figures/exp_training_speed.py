"""Figures of the training-speed experiment (refimpl.experiments.training_speed)."""

import numpy as np

from refimpl.figures import C, CURVE_COLOURS, LINE_STYLES, figure
from refimpl.i18n import _


def _curves(result: dict, activation: str, lr: float) -> np.ndarray:
    """(seed, record) losses; a diverged run's missing losses as NaN."""
    return np.array([[np.nan if v is None else v for v in c]
                     for c in result["curves"][activation][str(lr)]], dtype=float)


def draw_curves(ax, result: dict) -> None:
    """Training loss per epoch, log scale, each activation at its own best rate of the sweep: the
    median over seeds as a line, the interquartile range shaded."""
    from refimpl.experiments.training_speed import best_rate

    epochs = np.array(result["epochs"])
    for i, a in enumerate(result["activations"]):
        lr = best_rate(result, a)
        loss = _curves(result, a, lr)
        colour = C[CURVE_COLOURS[i % 6]]
        lo, hi = np.nanpercentile(loss, [25, 75], axis=0)
        ax.fill_between(epochs, lo, hi, color=colour, alpha=0.15, linewidth=0)
        ax.plot(epochs, np.nanmedian(loss, axis=0), color=colour, linestyle=LINE_STYLES[i % 6],
                linewidth=1.8, label=_("{a} ({init}), rate {lr:g}").format(a=a, init=result["init"][a], lr=lr))
    if "linear" in result["curves"]:
        base = float(np.median(_curves(result, "linear", best_rate(result, "linear"))[:, -1]))
        ax.axhline(base, color=C["fg"], linewidth=1.0, linestyle=(0, (1, 3)),
                   label=_("linear classifier, final"))
    ax.set_yscale("log")
    ax.set_xlabel(_("epoch (full batch, momentum 0.9, each activation at its best rate)"))
    ax.set_ylabel(_("training cross-entropy"))
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=9)
    ax.figure.set_size_inches(7.6, 4.0)


def draw_sweep(ax, result: dict) -> None:
    """Final training loss against the learning rate, log-log: the median over seeds with the
    interquartile range as bars; a diverged run counts as an infinite loss."""
    from refimpl.experiments.training_speed import final_loss

    rates = np.array(result["learning_rates"])
    for i, a in enumerate([*result["activations"], "linear"]):
        loss = np.array([final_loss(result, a, lr) for lr in rates])  # (rate, seed)
        with np.errstate(invalid="ignore"):  # a quartile between two diverged runs: inf - inf
            lo, med, hi = np.percentile(loss, [25, 50, 75], axis=1)
        shown = np.isfinite(med)  # more than half diverged: no point
        colour = C[CURVE_COLOURS[i % 6]] if a != "linear" else C["fg"]
        ax.errorbar(rates[shown] * (1 + 0.04 * (i - 3)), med[shown],
                    yerr=[med[shown] - lo[shown], np.where(np.isfinite(hi), hi, med)[shown] - med[shown]],
                    color=colour, linestyle=LINE_STYLES[i % 6] if a != "linear" else ":",
                    marker="o", markersize=4, capsize=2, linewidth=1.5, label=a)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xticks(rates, [f"{v:g}" for v in rates])
    ax.minorticks_off()
    ax.set_xlabel(_("learning rate (momentum 0.9, {e} epochs)").format(e=result["epochs"][-1]))
    ax.set_ylabel(_("final training cross-entropy"))
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=9)
    ax.figure.set_size_inches(7.6, 4.0)


@figure("training-speed-spirals",
        "Training loss on log scale against epoch for the same two-hidden-layer network on two "
        "spirals with six hidden activations, each at its own best learning rate of the sweep, "
        "median of 30 seeds as a line and the interquartile range shaded. Sigmoid ends above "
        "the others but below the final loss of a linear classifier (dotted horizontal line); "
        "tanh, ReLU, Leaky ReLU, GELU and SELU fall by two to three orders of magnitude, with "
        "wide and overlapping spreads.",
        (), results=("training_speed",))
def _training_speed_spirals(ax):
    from refimpl import data

    draw_curves(ax, data.get("training_speed"))


@figure("training-speed-sweep",
        "Final training loss against the learning rate (0.03, 0.1, 0.3, 1) on log axes for six "
        "hidden activations and a linear classifier, median of 30 seeds with the interquartile "
        "range as bars. The linear classifier is flat; sigmoid stays near it up to 0.3 and falls "
        "below it at 1; tanh falls steeply as the rate grows and is lowest at 1; ReLU, Leaky ReLU "
        "and SELU are lowest at 0.3 and worse or diverging at 1; GELU's median is lowest at 1 "
        "with a wide spread.",
        (), results=("training_speed",))
def _training_speed_sweep(ax):
    from refimpl import data

    draw_sweep(ax, data.get("training_speed"))
