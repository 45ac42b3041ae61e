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
# # XOR and the threshold unit, at small size
#
# This notebook reruns the experiment of the [XOR page](../experiments/xor_threshold.md) with three
# seeds: one [step](../activations/step.md) unit cannot compute XOR, the perceptron rule cycles on
# it, and one hidden layer computes it. Every number quoted below is printed by a cell.

# %%
import numpy as np
from IPython.display import HTML, Markdown

from refimpl.experiments import xor_threshold as xt

result = xt.run(size="small")
print("grid search:", result["grid"])
print("least-squares linear unit outputs:", np.round(result["linear"]["outputs"], 6))

# %% [markdown]
# ## The perceptron rule {#the-perceptron-rule}
#
# On XOR from zero weights in a fixed order, and on a linearly separable set of 100 points:

# %%
fixed = result["perceptron_xor_fixed"]
print("XOR, fixed order: converged", fixed["converged"], "| mistakes per epoch", fixed["mistakes"],
      "| weights repeat after", fixed["cycle"], "epoch(s)")
for seed, r in zip(result["seeds"], result["perceptron_xor_random"]):
    print(f"XOR, seed {seed}, random order: converged {r['converged']} after {r['epochs']} epochs, "
          f"fewest mistakes in an epoch {r['min_mistakes']}")
for seed, r in zip(result["seeds"], result["perceptron_separable"]):
    print(f"separable set, seed {seed}: converged {r['converged']} after {r['updates']} updates "
          f"(bound (R/γ)² = {r['bound']:.0f})")

# %% [markdown]
# ## One hidden layer {#one-hidden-layer}
#
# Two step units (OR and AND) and a step output, drawn with the site's figure code:

# %%
from refimpl.figures import Figure, render
from refimpl.figures.exp_xor_threshold import draw_xor

print("hidden layer:", result["explicit"]["hidden"], "output:", result["explicit"]["outputs"])
alt = ("The four XOR points with the two hidden units' lines; the network outputs 1 in the band "
       "between the lines, which holds exactly the two points labelled 1.")
svg = render(Figure("xor-small", alt, lambda ax: draw_xor(ax, result), ())).decode()
HTML(f'<div role="img" aria-label="{alt}" style="background: #fff">{svg[svg.index("<svg"):]}</div>')

# %%
lines = []
for n, runs in result["mlp"].items():
    ok = sum(r["accuracy"] == 1.0 for r in runs)
    lines.append(f"with {n} hidden tanh units, {ok} of {len(runs)} seeds reached 100%")
Markdown("Trained by gradient descent on squared error: " + "; ".join(lines) + ".")
