"""Figures of the softplus-like family beyond the standard f-and-f' figure of each entry."""

import numpy as np

import refimpl
from refimpl.figures import C, figure

_STYLES = ("-", "--", "-.", ":")


@figure("softplus-beta",
        "Softplus for β = 0.5, 1, 2 and 5 (four line styles) and ReLU (thin black line), for x "
        "from −4 to 4: every curve lies above ReLU, by ln(2)/β at x = 0 (1.39, 0.69, 0.35 and "
        "0.14), and the larger β, the closer the curve hugs ReLU.",
        ("softplus", "relu"))
def _softplus_beta(ax):
    x = np.linspace(-4, 4, 801)
    ax.plot(x, refimpl.relu(x), color=C["fg"], linewidth=1.0, label="relu(x)")
    for beta, style, colour in zip((0.5, 1.0, 2.0, 5.0), _STYLES,
                                   (C["blue"], C["vermillion"], C["green"], C["purple"])):
        ax.plot(x, refimpl.softplus(x, beta=beta), color=colour, linestyle=style,
                label=f"β = {beta:g}")
    ax.axhline(0, color=C["fg"], linewidth=0.8)
    ax.axvline(0, color=C["fg"], linewidth=0.8)
    ax.set_xlabel("x")
    ax.set_ylabel("softplus_β(x)")
    ax.legend(loc="upper left")


@figure("squareplus-b",
        "Squareplus for b = 0.25, 1, 4 and 16 (four line styles), softplus (thin orange line) "
        "and ReLU (thin black line), for x from −4 to 4: squareplus passes through √b/2 at x = 0 "
        "(0.25, 0.5, 1 and 2), so a smaller b hugs ReLU more closely; all approach ReLU in "
        "both tails.",
        ("squareplus", "softplus", "relu"))
def _squareplus_b(ax):
    x = np.linspace(-4, 4, 801)
    ax.plot(x, refimpl.relu(x), color=C["fg"], linewidth=1.0, label="relu(x)")
    ax.plot(x, refimpl.softplus(x), color=C["orange"], linewidth=1.0, label="softplus(x)")
    for b, style, colour in zip((0.25, 1.0, 4.0, 16.0), _STYLES,
                                (C["blue"], C["vermillion"], C["green"], C["purple"])):
        ax.plot(x, refimpl.squareplus(x, b=b), color=colour, linestyle=style, label=f"b = {b:g}")
    ax.axhline(0, color=C["fg"], linewidth=0.8)
    ax.axvline(0, color=C["fg"], linewidth=0.8)
    ax.set_xlabel("x")
    ax.set_ylabel("squareplus_b(x)")
    ax.legend(loc="upper left")
