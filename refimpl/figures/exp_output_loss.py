"""Figures of the output-layer-and-loss experiment (refimpl.experiments.output_loss)."""

import numpy as np

from refimpl.figures import C, figure


def draw_gradients(ax, result: dict) -> None:
    """|dL/dz| against the true class's logit, log scale: cross-entropy solid/dash-dot,
    squared error dashed/dotted; sigmoid blue/vermillion, softmax green/purple."""
    g = result["gradients"]
    z = np.array(g["z"])
    k = g["n_classes"]
    ax.semilogy(z, np.abs(g["binary_ce"]), color=C["blue"], label="sigmoid + cross-entropy")
    ax.semilogy(z, np.abs(g["binary_se"]), color=C["vermillion"], linestyle="--",
                label="sigmoid + squared error")
    ax.semilogy(z, np.abs(g["softmax_ce"]), color=C["green"], linestyle="-.",
                label=f"softmax ({k} classes) + cross-entropy")
    ax.semilogy(z, np.abs(g["softmax_se"]), color=C["purple"], linestyle=":",
                label=f"softmax ({k} classes) + squared error")
    ax.set_xlabel("logit of the true class, z (the other logits 0)")
    ax.set_ylabel("|∂L/∂z| on the true class's logit")
    ax.set_ylim(1e-6, 3)
    ax.legend(loc="lower right", fontsize=9)


def draw_training(ax, result: dict) -> None:
    """Training accuracy per step, mean over seeds with the min-max range shaded."""
    t = result["training"]
    for loss, colour, style, label in (("ce", "blue", "-", "cross-entropy"),
                                       ("se", "vermillion", "--", "squared error")):
        acc = np.array([r["accuracy"] for r in t["runs"][loss]])
        steps = np.arange(acc.shape[1])
        ax.fill_between(steps, acc.min(axis=0), acc.max(axis=0), color=C[colour], alpha=0.18,
                        linewidth=0)
        ax.plot(steps, acc.mean(axis=0), color=C[colour], linestyle=style,
                label=f"{label} (mean of {acc.shape[0]} seeds)")
    ax.axhline(0.9, color=C["fg"], linewidth=0.8, linestyle=":")
    ax.set_xlabel("gradient-descent step")
    ax.set_ylabel("training accuracy")
    ax.set_ylim(0, 1.02)
    ax.legend(loc="upper left", bbox_to_anchor=(0.12, 0.86), fontsize=9)


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


@figure("exp-output-loss-training",
        "Training accuracy of a logistic regression started confidently wrong, with every point "
        "misclassified, against the gradient-descent step; mean of 5 seeds, the range shaded. "
        "Trained with cross-entropy (solid) it passes 90% (dotted line) within 25 steps; trained "
        "with squared error at the same learning rate (dashed) it climbs slowly and reaches 90% "
        "only near step 300, or not at all.",
        ("sigmoid",), results=("output_loss",))
def _training(ax):
    from refimpl import data

    draw_training(ax, data.get("output_loss"))
