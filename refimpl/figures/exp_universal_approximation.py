"""Figure of the universal-approximation experiment (refimpl/experiments/universal_approximation.py)."""

import numpy as np

from refimpl.figures import C, figure
from refimpl.i18n import _


@figure("exp-universal-approximation",
        "Test RMS error of fitting sin(3x) + 0.3x on (−2, 2) with N hidden units and a "
        "least-squares output layer, against N = 1 to 32 on log axes, median over seeds with "
        "the range shaded, judged between the smallest and largest training point: for sigmoid units (slope 4) (solid) and ReLU units (dashed) the error falls as "
        "N grows, from about the size of the target itself at N = 1; at N = 32 the sigmoid "
        "units' error is the lower of the two.",
        ("sigmoid", "relu"), results=("universal_approximation",))
def _universal(ax):
    from refimpl import data

    draw_error_vs_width(ax, data.get("universal_approximation"))


def draw_error_vs_width(ax, result):
    """Draw the figure from a result of refimpl.experiments.universal_approximation.run (any size)."""
    r = result
    n = np.array(r["widths"])
    for name, colour, style, marker in (("sigmoid", "blue", "-", "o"),
                                        ("relu", "vermillion", "--", "s")):
        e = np.array(r["rms"][name])
        ax.fill_between(n, e.min(axis=1), e.max(axis=1), color=C[colour], alpha=0.15,
                        linewidth=0)
        ax.plot(n, np.median(e, axis=1), color=C[colour], linestyle=style, marker=marker,
                label=_("{name} units").format(name=name))
    ax.axhline(r["target_rms"], color=C["fg"], linewidth=0.8, linestyle=":",
               label=_("RMS of the target"))
    ax.set_xscale("log", base=2)
    ax.set_yscale("log")
    ax.set_xticks(n, [str(v) for v in n])
    ax.minorticks_off()
    ticks = [10.0 ** k for k in range(-5, 1)]
    ax.set_yticks(ticks, ["1" if k == 0 else f"1e{k}" for k in range(-5, 1)])
    ax.set_xlabel(_("hidden units N"))
    ax.set_ylabel(_("test RMS error"))
    ax.legend(loc="lower left")
