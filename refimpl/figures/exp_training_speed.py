"""Figure of the training-speed experiment (refimpl.experiments.training_speed)."""

import numpy as np

from refimpl.figures import C, CURVE_COLOURS, LINE_STYLES, figure


def draw_curves(ax, result: dict) -> None:
    """Training loss per epoch, log scale: the median over seeds as a line, the min-max range
    shaded; one colour and line style per activation."""
    epochs = np.array(result["epochs"])
    for i, a in enumerate(result["activations"]):
        loss = np.array(result["curves"][a])
        colour = C[CURVE_COLOURS[i % 6]]
        ax.fill_between(epochs, loss.min(axis=0), loss.max(axis=0), color=colour, alpha=0.15,
                        linewidth=0)
        ax.plot(epochs, np.median(loss, axis=0), color=colour, linestyle=LINE_STYLES[i % 6],
                linewidth=1.8, label=f"{a} ({result['init'][a]})")
    if "linear" in result["curves"]:
        base = float(np.median([c[-1] for c in result["curves"]["linear"]]))
        ax.axhline(base, color=C["fg"], linewidth=1.0, linestyle=(0, (1, 3)),
                   label="linear classifier, final")
    ax.set_yscale("log")
    ax.set_xlabel("epoch (full batch, momentum 0.9, learning rate 0.1)")
    ax.set_ylabel("training cross-entropy")
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=9)
    ax.figure.set_size_inches(7.6, 4.0)


@figure("training-speed-spirals",
        "Training loss on log scale against epoch for the same two-hidden-layer network on two "
        "spirals with six hidden activations, median of five seeds as a line and the range across "
        "seeds shaded. Sigmoid stays almost flat at the final loss of a linear classifier (dotted "
        "horizontal line); tanh "
        "descends later and unevenly, with a wide spread; ReLU, Leaky ReLU, GELU and SELU fall "
        "by about two orders of magnitude and end close together.",
        (), results=("training_speed",))
def _training_speed_spirals(ax):
    from refimpl import data

    draw_curves(ax, data.get("training_speed"))
