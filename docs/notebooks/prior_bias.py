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
# # Bias from a prior, rerun
#
# This notebook reruns the [bias-from-a-prior experiment](../experiments/prior_bias.md) at small
# size. A [sigmoid](../activations/sigmoid.md) classifier whose output bias is
# $b = \ln\frac{p}{1-p}$ predicts the base rate $p$ before training, and its initial binary
# cross-entropy is the entropy $H(p)$ of the base rate. Every number quoted below is printed by a
# cell.

# %%
import math

import numpy as np
from IPython.display import HTML, Markdown

import refimpl
from refimpl.experiments import prior_bias as pb

for p in pb.BASE_RATES:
    b = pb.prior_bias(p)
    print(f"p = {p:<5}  b = {b:7.3f}  sigmoid(b) = {float(refimpl.sigmoid(b)):.6f}  "
          f"H(p) = {pb.entropy(p):.4f}  ln 2 = {math.log(2):.4f}")

# %% [markdown]
# ## Training from the two biases {#training-from-the-two-biases}
#
# A one-hidden-layer tanh network on imbalanced generated data, output bias 0 or the prior bias,
# full-batch gradient descent (small size: 600 points, 3 seeds, 100 steps).

# %%
result = pb.run(size="small")
print(f"{'p':>5}  {'start, prior':>12}  {'start, b = 0':>12}  {'after 10 steps':>22}")
for p in result["base_rates"]:
    rate = result["rates"][str(p)]
    prior = np.array([r["loss"] for r in rate["prior"]]).mean(axis=0)
    zero = np.array([r["loss"] for r in rate["zero"]]).mean(axis=0)
    print(f"{p:5g}  {prior[0]:12.4f}  {zero[0]:12.4f}  {prior[10]:10.4f} vs {zero[10]:.4f}")

# %%
from refimpl.figures import Figure, render
from refimpl.figures.exp_prior_bias import draw_prior_bias

alt = ("Training loss from the prior bias (solid) and from bias 0 (dashed) for three base rates: "
       "the prior start is lower at first, the two curves then meet.")
svg = render(Figure("prior-bias", alt, lambda ax: draw_prior_bias(ax, result), ("sigmoid",))).decode()
HTML(f'<div role="img" aria-label="{alt}" style="background: #fff">{svg[svg.index("<svg"):]}</div>')

# %%
rate = result["rates"]["0.01"]
start = np.mean([r["loss"][0] for r in rate["prior"]])
Markdown(f"At p = 0.01 the prior bias starts at a loss of {start:.3f}, the entropy "
         f"{rate['entropy']:.3f} of the base rate, against {math.log(2):.3f} from bias 0.")
