"""Figure of the XOR experiment (refimpl/experiments/xor_threshold.py)."""

import numpy as np

from refimpl.figures import C, figure
from refimpl.i18n import _


@figure("exp-xor-threshold",
        "The four XOR inputs in the plane: (0, 1) and (1, 0), labelled 1, drawn filled; (0, 0) "
        "and (1, 1), labelled 0, drawn open. The two hidden step units of the explicit network "
        "draw the lines x₁ + x₂ = 0.5 (solid, an OR unit) and x₁ + x₂ = 1.5 (dashed, an AND "
        "unit); the network outputs 1 in the shaded band between them, which holds exactly the "
        "two points labelled 1. No single line has both filled points on one side and both open "
        "points on the other.",
        ("step",), results=("xor_threshold",))
def _xor(ax):
    from refimpl import data

    draw_xor(ax, data.get("xor_threshold"))


def draw_xor(ax, result):
    """Draw the figure from a result of refimpl.experiments.xor_threshold.run (any size)."""
    r = result["explicit"]
    w1, b1 = np.array(r["w1"]), np.array(r["b1"])
    x1 = np.linspace(-0.5, 1.5, 201)
    # unit j fires where w1[0, j] x1 + w1[1, j] x2 + b1[j] > 0; its line is x2 = -(w1[0,j] x1 + b1[j]) / w1[1,j]
    lines = [-(w1[0, j] * x1 + b1[j]) / w1[1, j] for j in range(2)]
    ax.fill_between(x1, lines[0], lines[1], color=C["orange"], alpha=0.25, linewidth=0,
                    label=_("output 1"))
    ax.plot(x1, lines[0], color=C["blue"], label=_("OR unit: {line}").format(line="x₁ + x₂ = 0.5"))
    ax.plot(x1, lines[1], color=C["vermillion"], linestyle="--",
            label=_("AND unit: {line}").format(line="x₁ + x₂ = 1.5"))
    pts = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    ys = np.array(r["outputs"])
    ax.plot(pts[ys == 1, 0], pts[ys == 1, 1], "o", color=C["fg"], markersize=10, label="XOR = 1")
    ax.plot(pts[ys == 0, 0], pts[ys == 0, 1], "o", color=C["fg"], markerfacecolor="none",
            markersize=10, markeredgewidth=2, label="XOR = 0")
    ax.set_xlim(-0.5, 1.5)
    ax.set_ylim(-0.5, 1.5)
    ax.set_aspect("equal")
    ax.set_xlabel("x₁")
    ax.set_ylabel("x₂")
    ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5), fontsize=9)
