"""Figures of the output-layer-and-loss experiment (refimpl.experiments.output_loss)."""

import numpy as np

from refimpl.figures import C, figure
from refimpl.i18n import _


def draw_gradients(ax, result: dict) -> None:
    """|dL/dz| against the true class's logit, log scale: cross-entropy solid/dash-dot,
    squared error dashed/dotted; sigmoid blue/vermillion, softmax green/purple."""
    g = result["gradients"]
    z = np.array(g["z"])
    k = g["n_classes"]
    ax.semilogy(z, np.abs(g["binary_ce"]), color=C["blue"], label=_("sigmoid + cross-entropy"))
    ax.semilogy(z, np.abs(g["binary_se"]), color=C["vermillion"], linestyle="--",
                label=_("sigmoid + squared error"))
    ax.semilogy(z, np.abs(g["softmax_ce"]), color=C["green"], linestyle="-.",
                label=_("softmax ({k} classes) + cross-entropy").format(k=k))
    ax.semilogy(z, np.abs(g["softmax_se"]), color=C["purple"], linestyle=":",
                label=_("softmax ({k} classes) + squared error").format(k=k))
    ax.set_xlabel(_("logit of the true class, z (the other logits 0)"))
    ax.set_ylabel(_("|∂L/∂z| on the true class's logit"))
    ax.set_ylim(1e-6, 3)
    ax.legend(loc="lower right", fontsize=9)


def draw_sweep(ax, result: dict, starts=(1.0, 8.0)) -> None:
    """Steps to 90 % training accuracy against the learning rate, log-log, from the starts
    w = −c·w*: the median over seeds with the interquartile range as bars, cross-entropy solid,
    squared error dashed, one colour per start. A run that never arrived counts as beyond the
    budget; where more than half never arrived there is no point."""
    from refimpl.experiments.output_loss import arrivals

    t = result["training"]
    rates = np.array(t["learning_rates"])
    colours = ("blue", "vermillion", "green", "purple")
    for i, c in enumerate(starts):
        for loss, style, name in (("ce", "-", _("cross-entropy")), ("se", "--", _("squared error"))):
            a = arrivals(result, loss, c)  # (rate, seed), inf: never arrived
            lo, med, hi = np.percentile(np.where(np.isfinite(a), a, t["steps"] + 1), [25, 50, 75],
                                        axis=1, method="nearest")
            shown = med <= t["steps"]
            hi = np.minimum(hi, t["steps"])
            ax.errorbar(rates[shown] * (1.04 if loss == "se" else 1.0), med[shown],
                        yerr=[med[shown] - lo[shown], hi[shown] - med[shown]], color=C[colours[i % 4]],
                        linestyle=style, marker="o" if loss == "ce" else "s", markersize=4, capsize=2,
                        linewidth=1.5, label=_("{loss}, start w = −{c:g}·w*").format(loss=name, c=c))
    ax.axhline(t["steps"], color=C["fg"], linewidth=0.8, linestyle=":")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xticks(rates, [f"{v:g}" for v in rates])
    ax.minorticks_off()
    ax.set_xlabel(_("learning rate (full-batch gradient descent)"))
    ax.set_ylabel(_("steps to {p:.0%} training accuracy").format(p=t["level"]))
    ax.legend(loc="lower left", fontsize=9)


@figure("exp-output-loss-gradients",
        "Size of the gradient of the loss with respect to the true class's logit z, on a log "
        "scale, for an output that is confidently wrong: z runs from −10 to 0, the other logits "
        "are 0. With cross-entropy it stays between 0.5 and 1, for a sigmoid output (solid) and "
        "for a 10-class softmax (dash-dot). With squared error it shrinks by orders of magnitude "
        "as z falls, roughly like e to the z, for the sigmoid (dashed) and the softmax (dotted).",
        ("sigmoid", "softmax"), results=("output_loss",))
def _gradients(ax):
    from refimpl import data

    draw_gradients(ax, data.get("output_loss"))


@figure("exp-output-loss-sweep",
        "Steps until logistic regression classifies 90% of its training points, on a log scale, "
        "against the learning rate from 0.03 to 30, median of 100 seeds with the interquartile "
        "range as bars. From a start near the origin (w = −w*) squared error takes about "
        "twice as many steps as cross-entropy at each rate, and both take one step from rate 10 "
        "on. From a confidently wrong start (w = −8w*) "
        "cross-entropy (solid) falls from over 100 steps to 1, while squared error (dashed) "
        "arrives within the 300-step budget (dotted line) only from rate 3 on, and needs 15 "
        "steps even at rate 30.",
        ("sigmoid",), results=("output_loss",))
def _sweep(ax):
    from refimpl import data

    draw_sweep(ax, data.get("output_loss"))
