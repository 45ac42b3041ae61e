"""Figure of the dead-units experiment (refimpl/experiments/dead_units.py)."""

import numpy as np

from refimpl.figures import C, figure
from refimpl.i18n import _

STYLES = {"relu": ("blue", "-", "o"), "leaky_relu": ("vermillion", "--", "s"),
          "elu": ("green", "-.", "^")}


@figure("exp-dead-units",
        "Fraction of dead hidden units after training (gradient at most 1e-8 on every training "
        "input) against the learning rate, on a log axis from 0.1 to 10, mean over 100 seeds with "
        "the range shaded: ReLU's (solid) is zero at the smallest rates and rises with the "
        "learning rate until nearly every unit is dead at the largest; leaky ReLU's (dashed) is "
        "zero at every rate, by definition; ELU's (dash-dot) is zero up to rate 3 and rises "
        "from rate 5, where some of its units are saturated so far below zero that their "
        "gradient is below 1e-8.",
        ("relu", "leaky_relu", "elu"), results=("dead_units",))
def _dead_units(ax):
    from refimpl import data

    draw_dead_fraction(ax, data.get("dead_units"))


def draw_dead_fraction(ax, result):
    """Draw the figure from a result of refimpl.experiments.dead_units.run (any size)."""
    r = result
    lrs = np.array(r["learning_rates"])
    for name in r["activations"]:
        colour, style, marker = STYLES[name]
        d = np.array(r["dead"][name])
        ax.fill_between(lrs, d.min(axis=1), d.max(axis=1), color=C[colour], alpha=0.15,
                        linewidth=0)
        ax.plot(lrs, d.mean(axis=1), color=C[colour], linestyle=style, marker=marker,
                label=name)
    ax.set_xscale("log")
    ax.set_xticks(lrs, [f"{v:g}" for v in lrs])
    ax.minorticks_off()
    ax.set_xlabel(_("learning rate (SGD, batch 16)"))
    ax.set_ylabel(_("fraction of dead units"))
    ax.set_ylim(-0.03, 1.03)
    ax.legend(loc="upper left")
