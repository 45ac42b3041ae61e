"""Figures of the shrinkage family beyond the standard f-and-f' figure of each entry."""

import numpy as np

import refimpl
from refimpl.figures import C, figure

# (threshold, value): Keras's docstring example (the registry's example values), PyTorch's
# docstring example nn.Threshold(0, 0.5), and v = θ, where the jump closes into a corner
THRESHOLD_SETTINGS = ((1.0, 0.0), (0.0, 0.5), (-1.0, -1.0))


@figure("soft-vs-hard-shrink",
        "Softshrink (solid) and hardshrink (dashed) at λ = 0.5 on x from −3 to 3, with y = x "
        "dotted: both are 0 on [−0.5, 0.5]; outside it hardshrink follows y = x, jumping from 0 "
        "to ±0.5 at x = ±0.5, while softshrink is continuous and runs parallel to y = x, 0.5 "
        "closer to the axis.",
        ("softshrink", "hardshrink"))
def _soft_vs_hard(ax):
    x = np.linspace(-3, 3, 1201)
    ax.plot(x, x, color=C["fg"], linestyle=":", linewidth=1.2, label="y = x")
    ax.plot(x, refimpl.softshrink(x), color=C["blue"], label="softshrink(x)")
    hard = refimpl.hardshrink(x)
    for part in (x < -0.5, np.abs(x) <= 0.5, x > 0.5):  # no vertical line at the jumps
        ax.plot(x[part], hard[part], color=C["vermillion"], linestyle="--",
                label="hardshrink(x)" if part[0] else None)
    for s in (-0.5, 0.5):
        ax.plot([s], [s], "o", color=C["vermillion"], markerfacecolor="none")
        ax.plot([s], [0.0], "o", color=C["vermillion"])
    ax.axhline(0, color=C["fg"], linewidth=0.8)
    ax.axvline(0, color=C["fg"], linewidth=0.8)
    ax.set_xlabel("x")
    ax.legend(loc="upper left")


@figure("threshold-settings",
        "Threshold at three settings on x from −3 to 3. θ = 1, v = 0 (solid): 0 up to x = 1, "
        "then a jump to the line y = x. θ = 0, v = 0.5 (dashed): 0.5 up to x = 0, then a jump "
        "down to y = x, so it is not monotonic. θ = −1, v = −1 (dash-dotted): −1 up to x = −1, "
        "then y = x with a corner and no jump. Filled dots: the value v taken at x = θ.",
        ("threshold",))
def _threshold_settings(ax):
    x = np.linspace(-3, 3, 1201)
    styles = ((C["blue"], "-"), (C["vermillion"], "--"), (C["green"], "-."))
    for (t, v), (colour, style) in zip(THRESHOLD_SETTINGS, styles):
        y = refimpl.threshold(x, threshold=t, value=v)
        below = x <= t
        ax.plot(x[below], y[below], color=colour, linestyle=style,
                label=f"threshold = {t:g}, value = {v:g}")
        ax.plot(x[~below], y[~below], color=colour, linestyle=style)
        ax.plot([t], [v], "o", color=colour)
        if v != t:
            ax.plot([t], [t], "o", color=colour, markerfacecolor="none")
    ax.axhline(0, color=C["fg"], linewidth=0.8)
    ax.axvline(0, color=C["fg"], linewidth=0.8)
    ax.set_xlabel("x")
    ax.legend(loc="upper left")
