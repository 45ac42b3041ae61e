"""Figures of the hard family beyond the standard f-and-f' figure of each entry."""

import numpy as np

import refimpl
from refimpl.figures import C, figure


def _silu(x):
    # SiLU drawn from its definition x·σ(x), with σ from refimpl (overflow-free); the figure
    # does not depend on the silu entry, which another module defines.
    return x * refimpl.sigmoid(x)


@figure("hard-sigmoid-vs-sigmoid",
        "Three sigmoid-shaped curves on x from −6 to 6: the logistic sigmoid (solid) approaches 0 "
        "and 1 without reaching them; the hard sigmoid relu6(x + 3)/6 of PyTorch, JAX and "
        "Keras 3 (dashed) is a straight line of slope 1/6 from 0 at x = −3 to 1 at x = 3; the "
        "Keras 2 form clip(0.2x + 0.5, 0, 1) (dotted) is steeper, slope 0.2, and flat beyond "
        "|x| = 2.5. All three pass through 0.5 at x = 0.",
        ("hard_sigmoid", "sigmoid"))
def _hard_sigmoid_vs_sigmoid(ax):
    x = np.linspace(-6, 6, 1201)
    ax.plot(x, refimpl.sigmoid(x), color=C["blue"], label="σ(x)")
    ax.plot(x, refimpl.hard_sigmoid(x), color=C["vermillion"], linestyle="--",
            label="relu6(x + 3)/6")
    ax.plot(x, np.clip(0.2 * x + 0.5, 0, 1), color=C["green"], linestyle=":",
            label="Keras 2: clip(0.2x + 0.5, 0, 1)")
    ax.axhline(0, color=C["fg"], linewidth=0.8)
    ax.axvline(0, color=C["fg"], linewidth=0.8)
    ax.set_xlabel("x")
    ax.legend(loc="upper left")


@figure("hard-swish-vs-silu",
        "Hard swish (dashed) and SiLU x·σ(x) (solid) on x from −6 to 6, with the difference "
        "hard swish − SiLU (dotted). Hard swish is exactly 0 up to x = −3 and exactly x from 3 "
        "on, with its minimum −0.375 at x = −1.5; SiLU is negative for every negative x, with "
        "its minimum about −0.28 near x = −1.28. The difference stays within ±0.15.",
        ("hard_swish", "sigmoid"))
def _hard_swish_vs_silu(ax):
    x = np.linspace(-6, 6, 1201)
    silu = _silu(x)
    hs = refimpl.hard_swish(x)
    ax.plot(x, silu, color=C["blue"], label="SiLU: x·σ(x)")
    ax.plot(x, hs, color=C["vermillion"], linestyle="--", label="hard swish")
    ax.plot(x, hs - silu, color=C["green"], linestyle=":", label="hard swish − SiLU")
    ax.axhline(0, color=C["fg"], linewidth=0.8)
    ax.axvline(0, color=C["fg"], linewidth=0.8)
    ax.set_xlabel("x")
    ax.legend(loc="upper left")
