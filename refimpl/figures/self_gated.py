"""Figures of the self-gated family beyond the standard f-and-f' figure of each entry."""

import numpy as np

import refimpl
from refimpl.figures import C, figure


@figure("swish-beta",
        "Swish x·σ(βx) for β = 0, 0.5, 1, 2 and 10, with ReLU for comparison (thin grey): β = 0 "
        "is the straight line x/2; each β > 0 is the SiLU (β = 1) rescaled, silu(βx)/β, with "
        "its minimum of about −0.278/β at x ≈ −1.278/β, so as β grows the curve bends ever "
        "more sharply at the origin and approaches ReLU.",
        ("swish", "relu"))
def _swish_beta(ax):
    x = np.linspace(-4, 4, 801)
    ax.plot(x, refimpl.relu(x), color=C["grid"], linewidth=1.2, label="ReLU")
    styles = [(0.0, "orange", ":"), (0.5, "green", "-."), (1.0, "blue", "-"),
              (2.0, "vermillion", "--"), (10.0, "purple", (0, (1, 1)))]
    for beta, colour, style in styles:
        label = f"β = {beta:g}" + (" (SiLU)" if beta == 1 else "")
        ax.plot(x, refimpl.swish(x, beta=beta), color=C[colour], linestyle=style, label=label)
    ax.axhline(0, color=C["fg"], linewidth=0.8)
    ax.axvline(0, color=C["fg"], linewidth=0.8)
    ax.set_xlabel("x")
    ax.set_ylim(-1.2, 4)
    ax.legend(loc="upper left")


@figure("gelu-tanh-error",
        "The difference between GELU's tanh approximation and the exact x·Φ(x), for x from −6 "
        "to 6, an even function: about −2.3e-4 at x ≈ ±1.36, about +4.7e-4 at x ≈ ±2.70, and "
        "0 at the origin and in both tails.",
        ("gelu",))
def _gelu_tanh_error(ax):
    x = np.linspace(-6, 6, 2401)
    diff = refimpl.gelu(x, approximate="tanh") - refimpl.gelu(x)
    ax.plot(x, diff, color=C["blue"], label="gelu(x, 'tanh') − gelu(x)")
    ax.axhline(0, color=C["fg"], linewidth=0.8)
    ax.set_xlabel("x")
    ax.ticklabel_format(axis="y", style="sci", scilimits=(0, 0))
    ax.legend(loc="upper left")


@figure("gelu-approximations",
        "The differences between GELU's two approximations and the exact x·Φ(x), for x from −6 "
        "to 6, both even functions: QuickGELU x·σ(1.702x) (solid) lies below the GELU by up "
        "to about 0.020 at x ≈ ±2.27 and above it by up to about 0.0064 at x ≈ ±0.76; the "
        "tanh form (dashed) stays within 4.7e-4 of it, almost on the zero line at this scale. "
        "All three agree at the origin and in both tails.",
        ("gelu", "quick_gelu"))
def _gelu_approximations(ax):
    x = np.linspace(-6, 6, 2401)
    exact = refimpl.gelu(x)
    ax.plot(x, refimpl.quick_gelu(x) - exact, color=C["blue"], label="quick_gelu(x) − gelu(x)")
    ax.plot(x, refimpl.gelu(x, approximate="tanh") - exact, color=C["vermillion"],
            linestyle="--", label="gelu(x, 'tanh') − gelu(x)")
    ax.axhline(0, color=C["fg"], linewidth=0.8)
    ax.set_xlabel("x")
    ax.set_ylim(-0.024, 0.016)  # room above the curves for the legend
    ax.legend(loc="upper left")
