"""Figures of the classic family beyond the standard f-and-f' figure of each entry."""

import numpy as np

import refimpl
from refimpl.figures import C, figure
from refimpl.i18n import _


@figure("sigmoid-vs-tanh",
        "Sigmoid and tanh on one axis: tanh (dashed) is the sigmoid (solid) stretched to (−1, 1) "
        "and compressed by 2 along x, tanh(x) = 2σ(2x) − 1; both flatten beyond |x| = 4.",
        ("sigmoid", "tanh"))
def _sigmoid_vs_tanh(ax):
    x = np.linspace(-6, 6, 1201)
    ax.plot(x, refimpl.sigmoid(x), color=C["blue"], label="σ(x)")
    ax.plot(x, refimpl.tanh(x), color=C["green"], linestyle="--", label="tanh(x)")
    ax.axhline(0, color=C["fg"], linewidth=0.8)
    ax.set_xlabel("x")
    ax.legend(loc="upper left")


@figure("sigmoid-derivative-error",
        "Relative error, on a log scale, of two float64 formulas for the sigmoid's derivative "
        "against a 50-digit reference, for x from 0 to 45: the textbook σ(x)(1 − σ(x)) (dashed) "
        "grows with x and reaches 1, every digit lost, from x ≈ 36.7 on; refimpl's e/(1 + e)² "
        "(solid) stays below 1e-15 throughout.",
        ("sigmoid",))
def _sigmoid_derivative_error(ax):
    import mpmath

    x = np.linspace(0, 45, 901)
    with mpmath.workdps(50):
        exact = np.array([float(mpmath.exp(-v) / (1 + mpmath.exp(-v)) ** 2) for v in x])
    s = refimpl.sigmoid(x)
    floor = np.finfo(np.float64).eps / 8  # exact results drawn at the bottom of the log axis
    for y, style, colour, label in (
            (refimpl.sigmoid.derivative(x), "-", C["blue"], "refimpl: e/(1 + e)²"),
            (s * (1 - s), "--", C["vermillion"], _("textbook: {formula}").format(formula="σ(x)(1 − σ(x))"))):
        ax.semilogy(x, np.maximum(np.abs(y - exact) / exact, floor), linestyle=style,
                    color=colour, label=label)
    ax.set_xlabel("x")
    ax.set_ylabel(_("relative error"))
    ax.legend(loc="upper left")


@figure("tanh-lecun-softsign",
        "Three odd sigmoids on one axis for x from −6 to 6: tanh (solid) saturates at ±1 "
        "fastest; LeCun's 1.7159·tanh(2x/3) (dashed) is stretched to ±1.7159 and passes close "
        "to (±1, ±1); softsign x/(1 + |x|) (dotted) is still only ±6/7 ≈ ±0.857 at x = ±6.",
        ("tanh", "lecun_tanh", "softsign"))
def _tanh_lecun_softsign(ax):
    x = np.linspace(-6, 6, 1201)
    ax.plot(x, refimpl.tanh(x), color=C["blue"], label="tanh(x)")
    ax.plot(x, refimpl.lecun_tanh(x), color=C["vermillion"], linestyle="--",
            label="1.7159·tanh(2x/3)")
    ax.plot(x, refimpl.softsign(x), color=C["green"], linestyle=":", label="x/(1 + |x|)")
    ax.plot([-1, 1], [-1, 1], "o", color=C["vermillion"], markersize=4)
    ax.axhline(0, color=C["fg"], linewidth=0.8)
    ax.axvline(0, color=C["fg"], linewidth=0.8)
    ax.set_xlabel("x")
    ax.legend(loc="upper left")
