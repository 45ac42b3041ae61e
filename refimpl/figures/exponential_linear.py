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


@figure("xielu-negative",
        "xIELU (solid) and its derivative (dashed) at the default parameters on x from −5 to 1: "
        "the function falls from 0.71 at x = −5 to its minimum −0.21 at x = −0.98 (dot), where "
        "the derivative crosses 0, after crossing 0 itself at x = −2.43; the derivative rises "
        "from near −0.3 on the left to 0.5 just left of 0 (its value −0.3 between −1e−06 and 0 "
        "is too short to draw).",
        ("xielu",))
def _xielu_negative(ax):
    from refimpl.exponential_linear import xielu_minimum

    x = np.linspace(-5, 1, 601)
    dy = refimpl.xielu.derivative(x)
    for k in refimpl.xielu.kinks:  # the piece on [ε, 0] is far narrower than a grid step
        dy = np.where(np.isclose(x, k.at, rtol=0, atol=1e-9), np.nan, dy)
    ax.plot(x, refimpl.xielu(x), color=C["blue"], label="xielu(x)")
    ax.plot(x, dy, color=C["vermillion"], linestyle="--", label="xielu′(x)")
    x_min, f_min = xielu_minimum()
    ax.plot([x_min], [f_min], "o", color=C["blue"])
    ax.axhline(0, color=C["fg"], linewidth=0.8)
    ax.axvline(0, color=C["fg"], linewidth=0.8)
    ax.set_xlabel("x")
    ax.legend(loc="upper left")
