"""Figures of the periodic family beyond the standard f-and-f' figure of each entry."""

import numpy as np

import refimpl
from refimpl.figures import C, figure


@figure("snake-alpha",
        "Snake x + sin²(αx)/α for α = 0.5, 1, 2 and 5, with the line y = x (thin grey), for x "
        "from −4 to 4: every curve lies on or above the line, touching it where αx is a "
        "multiple of π; the wiggles have period π/α and height 1/α, so as α grows they come "
        "faster and smaller and the curve approaches the line.",
        ("snake",))
def _snake_alpha(ax):
    x = np.linspace(-4, 4, 1601)
    ax.plot(x, x, color=C["grid"], linewidth=1.2, label="y = x")
    styles = [(0.5, "orange", ":"), (1.0, "blue", "-"), (2.0, "vermillion", "--"),
              (5.0, "green", "-.")]
    for alpha, colour, style in styles:
        ax.plot(x, refimpl.snake(x, alpha=alpha), color=C[colour], linestyle=style,
                label=f"α = {alpha:g}")
    ax.axhline(0, color=C["fg"], linewidth=0.8)
    ax.axvline(0, color=C["fg"], linewidth=0.8)
    ax.set_xlabel("x")
    ax.legend(loc="upper left")


@figure("snake-beta",
        "The derivative 1 + (α/β) sin 2αx of SnakeBeta at α = 1 for β = 0.5, 1 and 2, for x "
        "from −4 to 4: all three oscillate about 1 with period π; for β = 2 between 0.5 and "
        "1.5, for β = 1 (Snake) between 0 and 2, and for β = 0.5 between −1 and 3, so that "
        "with β < α the function decreases on part of every period.",
        ("snake_beta",))
def _snake_beta(ax):
    x = np.linspace(-4, 4, 1601)
    styles = [(2.0, "green", "-."), (1.0, "blue", "-"), (0.5, "vermillion", "--")]
    for beta, colour, style in styles:
        label = f"β = {beta:g}" + (" (Snake)" if beta == 1 else "")
        ax.plot(x, refimpl.snake_beta.derivative(x, alpha=1.0, beta=beta), color=C[colour],
                linestyle=style, label=label)
    ax.axhline(0, color=C["fg"], linewidth=0.8)
    ax.axvline(0, color=C["fg"], linewidth=0.8)
    ax.set_xlabel("x")
    ax.set_ylabel("f′(x)")
    ax.legend(loc="upper left", ncols=3)
    ax.set_ylim(-1.5, 4)
