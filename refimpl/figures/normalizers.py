"""Figures of the normalizers family: softmax and sparsemax are vector functions, so instead of
f and f' of one number they are shown as the output distribution against a varying input."""

import numpy as np

import refimpl
from refimpl.figures import C, figure
from refimpl.i18n import _

LOGITS = np.array([2.0, 1.0, -1.0])


@figure("softmax-temperature",
        "softmax(x/T) of the three logits x = (2, 1, −1) against the temperature T on a log "
        "axis from 0.1 to 100: at small T the largest logit takes almost all the probability "
        "(solid line near 1, the others near 0); as T grows all three approach 1/3.",
        ("softmax",))
def _softmax_temperature(ax, fn=refimpl.softmax):
    t = np.geomspace(0.1, 100, 601)
    p = fn(LOGITS[None, :] / t[:, None], axis=-1)
    for i, (style, colour) in enumerate((("-", C["blue"]), ("--", C["vermillion"]),
                                         (":", C["green"]))):
        ax.semilogx(t, p[:, i], linestyle=style, color=colour,
                    label=_("class {i}, logit {logit:g}").format(i=i + 1, logit=LOGITS[i]))
    ax.axhline(1 / 3, color=C["fg"], linewidth=0.8)
    ax.set_xlabel(_("temperature T"))
    ax.set_ylabel(_("probability"))
    ax.set_ylim(0, 1.02)
    ax.legend(loc="upper right")


@figure("sparsemax-vs-softmax",
        "The first output of softmax (dashed) and of sparsemax (solid) for two logits (t, 0), "
        "against t from −3 to 3: softmax is the sigmoid σ(t), never exactly 0 or 1; sparsemax "
        "is 0 for t ≤ −1, the line (1 + t)/2 between, and exactly 1 for t ≥ 1.",
        ("softmax", "sparsemax"))
def _sparsemax_vs_softmax(ax):
    t = np.linspace(-3, 3, 601)
    x = np.stack([t, np.zeros_like(t)], axis=-1)
    ax.plot(t, refimpl.sparsemax(x)[:, 0], color=C["blue"], label="sparsemax([t, 0])₁")
    ax.plot(t, refimpl.softmax(x)[:, 0], color=C["vermillion"], linestyle="--",
            label="softmax([t, 0])₁ = σ(t)")
    ax.axhline(0, color=C["fg"], linewidth=0.8)
    ax.axvline(0, color=C["fg"], linewidth=0.8)
    ax.set_xlabel(_("t (difference of the two logits)"))
    ax.legend(loc="upper left")


@figure("softmin-temperature",
        "softmin(x/T) of the three logits x = (2, 1, −1) against the temperature T on a log "
        "axis from 0.1 to 100: at small T the smallest logit, −1 (dotted line), takes almost all "
        "the probability; as T grows all three approach 1/3.",
        ("softmin",))
def _softmin_temperature(ax):
    _softmax_temperature(ax, refimpl.softmin)


@figure("log-softmax-two-logits",
        "log_softmax of two logits (t, 0) against t from −8 to 8: the first output (solid) is "
        "−log(1 + e^(−t)), near t for negative t and near 0 for positive t; the second (dashed) "
        "is its mirror image; both are ≤ 0 everywhere.",
        ("log_softmax",))
def _log_softmax_two_logits(ax):
    t = np.linspace(-8, 8, 801)
    y = refimpl.log_softmax(np.stack([t, np.zeros_like(t)], axis=-1))
    ax.plot(t, y[:, 0], color=C["blue"], label="log_softmax([t, 0])₁")
    ax.plot(t, y[:, 1], color=C["vermillion"], linestyle="--", label="log_softmax([t, 0])₂")
    ax.axhline(0, color=C["fg"], linewidth=0.8)
    ax.axvline(0, color=C["fg"], linewidth=0.8)
    ax.set_xlabel(_("t (difference of the two logits)"))
    ax.legend(loc="lower center")
