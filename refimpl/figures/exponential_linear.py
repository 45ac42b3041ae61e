"""Figures of the exponential family beyond the standard f-and-f' figure of each entry."""

import numpy as np

import refimpl
from refimpl.figures import C, figure

_ALPHAS = ((0.5, C["blue"], "-"), (1.0, C["vermillion"], "--"), (2.0, C["green"], "-."),
           (3.0, C["purple"], ":"))


@figure("elu-alpha",
        "ELU for α = 0.5, 1, 2 and 3 (solid, dashed, dash-dot, dotted) on x from −6 to 3: all "
        "four follow the line y = x for positive x; for negative x each bends down towards its "
        "own floor −α, and the bend at 0 is smooth only for α = 1 (slope α on the left, 1 on "
        "the right).",
        ("elu",))
def _elu_alpha(ax):
    x = np.linspace(-6, 3, 901)
    for alpha, colour, style in _ALPHAS:
        ax.plot(x, refimpl.elu(x, alpha=alpha), color=colour, linestyle=style,
                label=f"α = {alpha:g}")
        ax.axhline(-alpha, color=colour, linewidth=0.6, linestyle=style)
    ax.axhline(0, color=C["fg"], linewidth=0.8)
    ax.axvline(0, color=C["fg"], linewidth=0.8)
    ax.set_xlabel("x")
    ax.set_ylabel("elu(x)")
    ax.legend(loc="upper left")


@figure("elu-celu-derivative",
        "Derivatives of ELU (solid) and CELU (dashed) at α = 2 on x from −4 to 3. ELU's is "
        "2·e^x on the left, reaching 2 at x = 0 (dot: the value taken there), then jumps to 1; "
        "CELU's is e^(x/2), which reaches 1 at x = 0 and continues at 1 without a jump.",
        ("elu", "celu"))
def _elu_celu_derivative(ax):
    left = np.linspace(-4, 0, 401)
    right = np.linspace(0, 3, 301)[1:]
    for name, colour, style in (("elu", C["blue"], "-"), ("celu", C["vermillion"], "--")):
        d = refimpl.get(name).derivative
        ax.plot(left, d(left, alpha=2.0), color=colour, linestyle=style,
                label=f"{name}′(x), α = 2")
        ax.plot(right, d(right, alpha=2.0), color=colour, linestyle=style)
    ax.plot([0], [refimpl.elu.derivative(0.0, alpha=2.0)], "o", color=C["blue"])
    ax.plot([0], [1.0], "o", color=C["blue"], markerfacecolor="none")
    ax.axhline(0, color=C["fg"], linewidth=0.8)
    ax.axvline(0, color=C["fg"], linewidth=0.8)
    ax.set_xlabel("x")
    ax.legend(loc="upper left")
