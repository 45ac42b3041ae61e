"""Figure of the vanishing/exploding-gradient experiment (refimpl.experiments.gradient_flow)."""

import numpy as np

from refimpl.figures import C, figure
from refimpl.i18n import _

COLOURS = {"sigmoid": "blue", "tanh": "vermillion", "relu": "green", "gelu": "purple",
           "selu": "orange"}
MARKERS = {"sigmoid": "o", "tanh": "s", "relu": "^", "gelu": "D", "selu": "v"}


def draw_depth(ax, result: dict) -> None:
    """First-layer gradient norm at each depth over that at depth 2 (median of seeds, the
    interquartile range as a bar), log scale; the usual initialisation solid, a mismatched one
    dashed."""
    depths = np.array(result["depths"])
    for c in result["configs"]:
        first = np.array(c["first_layer"])
        ratio = first / first[:, :1]
        med = np.median(ratio, axis=0)
        lo, hi = np.percentile(ratio, [25, 75], axis=0)
        colour = C[COLOURS[c["activation"]]]
        label = (_("{activation}, {init}") if c["matched"] else
                 _("{activation}, {init} (mismatched)")).format(activation=c["activation"],
                                                                init=c["init"])
        ax.errorbar(depths, med, yerr=[med - lo, hi - med], color=colour,
                    linestyle="-" if c["matched"] else "--", marker=MARKERS[c["activation"]],
                    markersize=4, linewidth=1.6, capsize=2, label=label)
    ax.set_yscale("log")
    ax.axhline(1, color=C["fg"], linewidth=0.8)
    ax.set_xlabel(_("depth (hidden layers of width 64)"))
    ax.set_ylabel(_("first-layer gradient norm\nrelative to depth 2"))
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8)
    ax.figure.set_size_inches(7.6, 4.2)


@figure("gradient-flow-depth",
        "Log-scale plot of the gradient norm reaching the first hidden layer at initialisation, "
        "relative to its value at depth 2, for depths 2 to 50 (median of 50 seeds, the "
        "interquartile range as bars). With their usual initialisation, ReLU (He) stays near 1 and SELU (LeCun) "
        "rises slowly, within one order of magnitude; tanh (Xavier) falls slowly; GELU (He) holds "
        "to depth 20 and then falls to about 1e-4 at depth 50, with a wide spread across seeds; sigmoid (Xavier) falls "
        "steadily by about 30 orders of magnitude. Mismatched schemes (dashed) move along "
        "straight lines on the log scale: ReLU and GELU with Xavier fall, tanh and SELU with He "
        "rise.",
        (), results=("gradient_flow",))
def _gradient_flow_depth(ax):
    from refimpl import data

    draw_depth(ax, data.get("gradient_flow"))
