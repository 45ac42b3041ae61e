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


@figure("squared_relu", f_and_derivative_alt(refimpl.squared_relu), ("squared_relu",))
def _squared_relu(ax):
    # on [-6, 6] the parabola reaches 36 and flattens the derivative's line: show [-3, 3]
    plot_f_and_derivative(ax, refimpl.squared_relu, x=np.linspace(-3, 3, 601))


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


@figure("star-relu-init",
        "StarReLU s·relu(x)² + b for x from −3 to 3 at s = 1, b = 0 (solid; the squared ReLU, "
        "where the released code starts) and at s ≈ 0.894, b ≈ −0.447 (dashed; the values that "
        "give a standard normal input mean 0 and variance 1), with ReLU (thin grey): both are "
        "flat for negative x, at 0 and at −0.447, and rise as parabolas for positive x, to 9 "
        "and about 7.6 at x = 3.",
        ("star_relu", "relu"))
def _star_relu_init(ax):
    x = np.linspace(-3, 3, 1201)
    s = 1 / np.sqrt(5 / 4)  # 1/√Var relu(Z)², Z ~ N(0, 1)
    ax.plot(x, refimpl.relu(x), color=C["grid"], linewidth=1.2, label="relu(x)")
    ax.plot(x, refimpl.star_relu(x), color=C["blue"], label="s = 1, b = 0")
    ax.plot(x, refimpl.star_relu(x, scale=s, bias=-s / 2), color=C["vermillion"], linestyle="--",
            label=f"s = {s:.4f}, b = {-s / 2:.4f}")
    ax.axhline(0, color=C["fg"], linewidth=0.8)
    ax.axvline(0, color=C["fg"], linewidth=0.8)
    ax.set_xlabel("x")
    ax.legend(loc="upper left")
