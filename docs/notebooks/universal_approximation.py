# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Universal approximation, at small size
#
# This notebook reruns the experiment of the [universal-approximation page](../experiments/universal_approximation.md)
# with three seeds: fit $\sin 3x + 0.3x$ on $[-2, 2]$ with $N$ sigmoid or ReLU units whose hidden
# weights are random and whose output layer is fitted by least squares. Every number quoted below
# is printed by a cell.

# %%
import numpy as np
from IPython.display import HTML, Markdown

from refimpl.experiments import universal_approximation as ua

result = ua.run(size="small")
for a in result["activations"]:
    med = np.median(result["rms"][a], axis=1)
    print(f"{a:8} median test RMS error for N = {result['widths']}:", " ".join(f"{v:.1e}" for v in med))

# %% [markdown]
# The error against $N$, drawn with the site's figure code (median of the seeds, range shaded):

# %%
from refimpl.figures import Figure, render
from refimpl.figures.exp_universal_approximation import draw_error_vs_width

alt = "Test RMS error against the number of hidden units N, log axes: it falls as N grows for both activations."
svg = render(Figure("ua-small", alt, lambda ax: draw_error_vs_width(ax, result), ())).decode()
HTML(f'<div role="img" aria-label="{alt}" style="background: #fff">{svg[svg.index("<svg"):]}</div>')

# %% [markdown]
# ## The fits themselves {#the-fits-themselves}
#
# Seed 0's fits with 2, 8 and 32 units, against the target:

# %%
from refimpl.figures import C


def draw_fits(ax):
    x = np.array(result["curve_x"])
    ax.plot(x, result["curve_target"], color=C["fg"], linewidth=3, label="target")
    for (n, colour, style) in (("2", "vermillion", ":"), ("8", "green", "--"), ("32", "blue", "-")):
        ax.plot(x, result["curves"]["sigmoid"][n], color=C[colour], linestyle=style,
                label=f"{n} sigmoid units")
    ax.set_xlabel("x")
    ax.legend(loc="upper left", fontsize=9)


alt = "The target sin(3x) + 0.3x and seed 0's fits with 2, 8 and 32 sigmoid units."
svg = render(Figure("ua-fits", alt, draw_fits, ())).decode()
HTML(f'<div role="img" aria-label="{alt}" style="background: #fff">{svg[svg.index("<svg"):]}</div>')

# %%
s, r = (np.median(result["rms"][a], axis=1) for a in ("sigmoid", "relu"))
Markdown(
    f"From N = 1 to N = 32 the median error falls from {s[0]:.2f} to {s[-1]:.1e} with sigmoid "
    f"units and from {r[0]:.2f} to {r[-1]:.1e} with ReLU units. For sigmoid units, Cybenko's theorem "
    f"guarantees that some N and some weights reach any accuracy; it says nothing about these "
    f"rates, which belong to this target and this way of choosing the weights."
)
