"""Figures of the rectifiers family beyond the standard f-and-f' figure of each entry."""

import numpy as np

import refimpl
from refimpl.figures import C, f_and_derivative_alt, figure, plot_f_and_derivative
from refimpl.i18n import _

SLOPES = (0.0, 0.01, 0.1, 0.3)  # ReLU, PyTorch's and JAX's default, a visible one, Keras' layer


@figure("relu6", f_and_derivative_alt(refimpl.relu6), ("relu6",))
def _relu6(ax):
    # the standard figure stops at x = 6, where relu6's upper corner is: widen to show it
    plot_f_and_derivative(ax, refimpl.relu6, x=np.linspace(-4, 10, 1401))


@figure("leaky-relu-slopes",
        "Leaky ReLU for negative slopes 0, 0.01, 0.1 and 0.3 on x from −6 to 6: all four lines "
        "coincide with y = x for positive x; for negative x they fan out below zero, reaching "
        "0, −0.06, −0.6 and −1.8 at x = −6. Slope 0 is ReLU.",
        ("leaky_relu",))
def _leaky_relu_slopes(ax):
    x = np.linspace(-6, 6, 1201)
    styles = ((C["fg"], ":"), (C["blue"], "-"), (C["green"], "--"), (C["vermillion"], "-."))
    for a, (colour, style) in zip(SLOPES, styles):
        label = f"negative_slope = {a:g}" + (" (ReLU)" if a == 0 else "")
        ax.plot(x, refimpl.leaky_relu(x, negative_slope=a), color=colour, linestyle=style,
                label=label)
    ax.axhline(0, color=C["fg"], linewidth=0.8)
    ax.axvline(0, color=C["fg"], linewidth=0.8)
    ax.set_xlabel("x")
    ax.legend(loc="upper left")


@figure("crelu-halves",
        "CReLU of one input x from −4 to 4: its two outputs are relu(x) (solid), rising along "
        "y = x for positive x, and relu(−x) (dashed), rising along y = −x for negative x; at "
        "every x at most one of them is nonzero, and their difference is x.",
        ("crelu",))
def _crelu_halves(ax):
    x = np.linspace(-4, 4, 801)
    pos, neg = np.split(refimpl.crelu(x[:, None]), 2, axis=-1)  # one input, two outputs
    ax.plot(x, pos[:, 0], color=C["blue"], label=_("first half: {f}").format(f="relu(x)"))
    ax.plot(x, neg[:, 0], color=C["vermillion"], linestyle="--", label=_("second half: {f}").format(f="relu(−x)"))
    ax.axhline(0, color=C["fg"], linewidth=0.8)
    ax.axvline(0, color=C["fg"], linewidth=0.8)
    ax.set_xlabel("x")
    ax.legend(loc="upper center")
