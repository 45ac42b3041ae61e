"""Figures of the gated family: the gating surfaces a·g(b) of GLU, SwiGLU, GEGLU and ReGLU as
contour maps, their gates on one axis, and maxout's upper envelope of linear pieces."""

import numpy as np

import refimpl
from refimpl.figures import C, figure
from refimpl.i18n import _

LEVELS = (-4, -2, -1, -0.5, 0.5, 1, 2, 4)


def _surface(ax, name, gate_label):
    """Contour lines of f = a·g(b) over a, b in [-4, 4]: solid for f > 0, dashed for f < 0, and
    the zero set (a = 0, plus wherever g(b) = 0) drawn in the foreground colour."""
    a, b = np.meshgrid(np.linspace(-4, 4, 321), np.linspace(-4, 4, 321))
    f = refimpl.get(name)(np.stack([a, b], axis=-1))[..., 0]  # x = [a, b] along the last axis
    neg = ax.contour(a, b, f, levels=[v for v in LEVELS if v < 0], colors=C["vermillion"],
                     linestyles="--", linewidths=1.4)
    pos = ax.contour(a, b, f, levels=[v for v in LEVELS if v > 0], colors=C["blue"],
                     linestyles="-", linewidths=1.4)
    for cs in (neg, pos):
        ax.clabel(cs, fmt="%g", fontsize=8)
    ax.axvline(0, color=C["fg"], linewidth=0.8)
    ax.axhline(0, color=C["fg"], linewidth=0.8)
    ax.set_xlabel(_("a (first half: the value)"))
    ax.set_ylabel(_("b (second half: the gate input)"))
    ax.set_title(f"{name}: a·{gate_label}(b)", fontsize=11)
    ax.set_aspect("equal")


_ALT = ("Contour map of {name} for a single pair x = (a, b), a and b from −4 to 4: each line "
        "joins the points where a·{gate}(b) takes one of the values ±0.5, ±1, ±2, ±4 (solid "
        "blue where positive, dashed vermillion where negative, labelled). ")


@figure("glu", _ALT.format(name="GLU", gate="σ") +
        "For b well above 0 the gate is near 1 and the lines become vertical, f ≈ a; for b well "
        "below 0 the gate closes, σ(b) → 0, and the lines bend away towards large |a|: the "
        "output is near 0 whatever a is.", ("glu", "sigmoid"))
def _glu_surface(ax):
    _surface(ax, "glu", "σ")


@figure("swiglu", _ALT.format(name="SwiGLU", gate="silu") +
        "For b > 0 the gate silu(b) grows like b, so the lines are hyperbola-like, f ≈ a·b; "
        "for b < 0 the gate is small and negative (its minimum is about −0.28), so f has the "
        "opposite sign of a there and stays small.", ("swiglu", "silu"))
def _swiglu_surface(ax):
    _surface(ax, "swiglu", "silu")


@figure("geglu", _ALT.format(name="GEGLU", gate="gelu") +
        "As for SwiGLU, f ≈ a·b for b > 0; for b < 0 the gate gelu(b) is small and negative "
        "(its minimum is about −0.17) and vanishes faster than silu's as b decreases.",
        ("geglu", "gelu"))
def _geglu_surface(ax):
    _surface(ax, "geglu", "gelu")


@figure("reglu", _ALT.format(name="ReGLU", gate="relu") +
        "For b ≤ 0 the gate is exactly 0 and no line enters the lower half-plane: f = 0 there; "
        "for b > 0 the lines are the hyperbolas a·b = constant.", ("reglu", "relu"))
def _reglu_surface(ax):
    _surface(ax, "reglu", "relu")


@figure("glu-gates",
        "The four gates g(b) that multiply a in GLU (σ, solid blue), SwiGLU (silu, dashed "
        "vermillion), GEGLU (gelu, dash-dotted green) and ReGLU (relu, dotted purple), for b "
        "from −4 to 4. The sigmoid is bounded by 1 and positive; the other three are near 0 for "
        "negative b and grow like b for positive b, silu and gelu dipping slightly below 0.",
        ("glu", "swiglu", "geglu", "reglu"))
def _gates(ax):
    b = np.linspace(-4, 4, 801)
    for name, label, colour, style in (("sigmoid", "σ(b): GLU", "blue", "-"),
                                       ("silu", "silu(b): SwiGLU", "vermillion", "--"),
                                       ("gelu", "gelu(b): GEGLU", "green", "-."),
                                       ("relu", "relu(b): ReGLU", "purple", ":")):
        ax.plot(b, refimpl.get(name)(b), color=C[colour], linestyle=style, label=label)
    ax.axhline(0, color=C["fg"], linewidth=0.8)
    ax.axvline(0, color=C["fg"], linewidth=0.8)
    ax.set_xlabel("b")
    ax.set_ylabel(_("gate g(b)"))
    ax.legend(loc="upper left")


# three affine pieces z_j = w_j v + c_j of one input v, and the unit's output max_j z_j
PIECES = ((-1.0, -1.0), (0.25, 0.0), (1.5, -2.0))


@figure("maxout",
        "A maxout unit with k = 3 pieces of one input v: the lines z₁ = −v − 1 (dashed blue), "
        "z₂ = 0.25v (dash-dotted green) and z₃ = 1.5v − 2 (dotted purple), and their maximum "
        "(solid vermillion), a convex piecewise-linear function that follows z₁ for v below "
        "−0.8, z₂ between −0.8 and 1.6, and z₃ above 1.6.", ("maxout",))
def _maxout_pieces(ax):
    v = np.linspace(-4, 4, 801)
    z = np.stack([w * v + c for w, c in PIECES], axis=-1)  # the k = 3 pieces, last axis
    for j, (colour, style) in enumerate((("blue", "--"), ("green", "-."), ("purple", ":"))):
        w, c = PIECES[j]
        offset = "" if c == 0 else f" {'−' if c < 0 else '+'} {abs(c):g}"
        ax.plot(v, z[:, j], color=C[colour], linestyle=style, linewidth=1.4,
                label=f"z{j + 1} = {w:g}v{offset}".replace("-1v", "−v").replace("-", "−"))
    ax.plot(v, refimpl.maxout(z, pieces=3)[:, 0], color=C["vermillion"], linewidth=2.6,
            label="maxout(z), k = 3")
    ax.axhline(0, color=C["fg"], linewidth=0.8)
    ax.axvline(0, color=C["fg"], linewidth=0.8)
    ax.set_xlabel(_("v (the layer input)"))
    ax.legend(loc="upper center")
