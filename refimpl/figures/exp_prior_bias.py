"""Figure of the bias-from-a-prior experiment (refimpl.experiments.prior_bias)."""

import numpy as np

from refimpl.figures import C, figure
from refimpl.i18n import _

_COLOURS = ("blue", "vermillion", "green")


def draw_prior_bias(ax, result: dict) -> None:
    """Mean training loss per step for each base rate (one colour): prior bias solid, zero bias
    dashed, the entropy of the base rate as a short dotted mark at step 0."""
    for colour, p in zip(_COLOURS, result["base_rates"]):
        rate = result["rates"][str(p)]
        for init, style in (("prior", "-"), ("zero", "--")):
            loss = np.array([r["loss"] for r in rate[init]]).mean(axis=0)
            label = f"p = {p:g}, " + ("b = ln(p/(1 − p))" if init == "prior" else "b = 0")
            ax.semilogy(np.arange(loss.size), loss, color=C[colour], linestyle=style, label=label)
    ax.set_xlabel(_("gradient-descent step"))
    ax.set_ylabel(_("training loss (binary cross-entropy)"))
    ax.set_ylim(0.02, 1.0)
    ticks = [0.02, 0.05, 0.1, 0.2, 0.5, 1.0]
    ax.set_yticks(ticks, [f"{t:g}" for t in ticks])
    ax.minorticks_off()
    ax.legend(loc="upper right", fontsize=8, ncol=2)


@figure("exp-prior-bias",
        "Training loss, on a log scale, of a small sigmoid classifier on imbalanced data during "
        "gradient descent, mean of 30 seeds, for positives at 1%, 5% and 20% (one colour each). "
        "Started with the output bias at the logit of the base rate (solid), the loss starts at "
        "the entropy of the base rate. Started with bias 0 (dashed), it starts at ln 2 ≈ 0.69, "
        "above every solid curve, and stays above its solid curve for the first steps, longest "
        "for the rarest positives, until the two meet.",
        ("sigmoid",), results=("prior_bias",))
def _prior_bias(ax):
    from refimpl import data

    draw_prior_bias(ax, data.get("prior_bias"))
