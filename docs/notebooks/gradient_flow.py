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
# # Vanishing and exploding gradients, at small size
#
# This notebook reruns the experiment of the [gradient-flow page](../experiments/gradient_flow.md)
# at small size: depths 2, 10 and 30, three seeds. Each network is an MLP with hidden layers of
# width 64 at initialisation; a batch of standard-normal inputs goes forward and a random gradient
# comes back. Every number quoted below is printed by a cell.

# %%
import numpy as np
from IPython.display import HTML, Markdown

from refimpl.experiments import gradient_flow as gf

result = gf.run(size="small")
print(result["depths"], result["seeds"])

# %% [markdown]
# ## The first-layer gradient against depth {#the-first-layer-gradient-against-depth}
#
# For each activation and initialisation: the gradient norm at the first hidden layer at depth 30
# divided by that at depth 2 (median of the seeds), and the factor per added layer it implies.

# %%
rows = []
for c in result["configs"]:
    r = float(np.median(gf.depth_ratio(c, result["depths"], 30)))
    rows.append((c["activation"], c["init"], c["matched"], r, r ** (1 / 28)))
    tag = "" if c["matched"] else "  (mismatched)"
    print(f"{c['activation']:8}{c['init']:7}{r:10.2e}  per layer {r ** (1 / 28):.3f}{tag}")

# %% [markdown]
# The same numbers as a figure, drawn with the site's figure code (`refimpl.figures`):

# %%
from refimpl.figures import Figure, render
from refimpl.figures.exp_gradient_flow import draw_depth

alt = ("First-layer gradient norm relative to depth 2, log scale, for depths 2, 10 and 30: "
       "matched ReLU and SELU stay near 1, sigmoid falls by many orders of magnitude, "
       "mismatched schemes fall or rise along straight lines.")
svg = render(Figure("gradient-flow-small", alt, lambda ax: draw_depth(ax, result), ())).decode()
HTML(f'<div role="img" aria-label="{alt}" style="background: #fff">{svg[svg.index("<svg"):]}</div>')

# %% [markdown]
# ## A per-layer factor {#a-per-layer-factor}
#
# For ReLU, a layer multiplies the squared gradient norm by about
# $n_\text{out}\,\operatorname{Var}(w)\,\mathbb{E}[f'(z)^2]$, that is $64 \cdot \tfrac{1}{64} \cdot
# \tfrac12 = \tfrac12$ under Xavier. The norm should shrink by $1/\sqrt 2$ per layer.

# %%
relu_xavier = next(r for r in rows if r[:2] == ("relu", "xavier"))
sigmoid = next(r for r in rows if r[:2] == ("sigmoid", "xavier"))
Markdown(
    f"Measured: ReLU with Xavier loses a factor {relu_xavier[4]:.3f} per layer, against "
    f"1/√2 = {1 / np.sqrt(2):.3f}. Sigmoid with Xavier loses {sigmoid[4]:.3f} per layer, so its "
    f"first-layer gradient at depth 30 is {sigmoid[3]:.1e} of that at depth 2."
)
