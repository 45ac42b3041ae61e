"""Figure of the saturation-and-centring experiment (refimpl.experiments.saturation_recovery)."""

import numpy as np

import refimpl
from refimpl.figures import C, figure
from refimpl.i18n import _


def draw_slope(ax, result: dict) -> None:
    """E[σ'(Z + μ)] against μ, log scale: exact for Z ~ N(0, s²), s = 0.5, 1, 2, with the
    sampled estimates (s = 1, median of seeds) as dots and σ'(μ) itself (s → 0) dotted."""
    mu = np.array(result["mu"])
    grid = np.linspace(mu[0], mu[-1], 401)
    ax.semilogy(grid, refimpl.sigmoid.derivative(grid), color=C["fg"], linestyle=":",
                linewidth=1.4, label=_("{f} (no spread)").format(f="σ′(μ)"))
    for s, colour, style in (("0.5", "green", "-."), ("1", "blue", "-"), ("2", "vermillion", "--")):
        ax.semilogy(mu, result["exact"][s], color=C[colour], linestyle=style,
                    label=_("E[σ′(Z + μ)], Z ~ N(0, {s}²), quadrature").format(s=s))
    sampled = np.median(np.array(result["sampled"]), axis=0)
    ax.semilogy(mu, sampled, "o", color=C["blue"], markersize=4, markerfacecolor="none",
                label=_("s = 1, sampled ({samples:,} draws, median of {seeds} seeds)").format(
                    samples=result["samples"], seeds=len(result["seeds"])))
    for m in (4.0, 6.0):
        ax.axvline(m, color=C["grid"], linewidth=1.2, zorder=0)
    ax.set_xlabel(_("mean μ of the pre-activation"))
    ax.set_ylabel(_("average slope of the sigmoid"))
    ax.legend(loc="lower left", fontsize=8)


@figure("saturation-recovery",
        "Log-scale plot of the sigmoid's average slope E[σ′(Z + μ)] against the mean μ of its "
        "pre-activation, from 0 to 8. For a standard-normal spread (solid, with sampled dots on "
        "it) the average slope is largest at μ = 0 and falls by about one order of magnitude by "
        "μ = 4 and nearly two by μ = 6 (vertical lines). A wider spread (s = 2, dashed) starts "
        "lower and falls more slowly; a narrower one (s = 0.5) and the slope at the mean itself "
        "(dotted) start higher and fall faster.",
        (), results=("saturation_recovery",))
def _saturation_recovery(ax):
    from refimpl import data

    draw_slope(ax, data.get("saturation_recovery"))
