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
# # Training speed on two spirals, at small size
#
# This notebook reruns the experiment of the [training-speed page](../experiments/training_speed.md)
# at small size: sigmoid, tanh and ReLU hidden layers (and the linear baseline), three seeds,
# 200 epochs of full-batch gradient descent with momentum at each rate of the sweep. Every number
# quoted below is printed by a cell. The ranking is for this task and these settings only.

# %%
import numpy as np
from IPython.display import HTML, Markdown

from refimpl.experiments import training_speed as ts

x, y = ts.two_spirals(ts.N_PER_CLASS, np.random.default_rng(0))
print(x.shape, np.bincount(y))

# %%
result = ts.run(size="small")
best = {a: ts.best_rate(result, a) for a in result["curves"]}
final = {a: ts.final_loss(result, a, best[a]) for a in result["curves"]}
for a in result["curves"]:
    print(f"{a:8} median final loss per rate",
          [f"{np.median(ts.final_loss(result, a, lr)):.3g}" for lr in result["learning_rates"]],
          f" best rate {best[a]:g}")

# %% [markdown]
# The loss curves at each activation's best rate, median of the seeds with the interquartile
# range shaded, drawn with the site's figure code:

# %%
from refimpl.figures import Figure, render
from refimpl.figures.exp_training_speed import draw_curves

alt = ("Training loss against epoch, log scale, for sigmoid, tanh and ReLU hidden layers on two "
       "spirals, each at its best rate of the sweep: sigmoid ends highest.")
svg = render(Figure("training-speed-small", alt, lambda ax: draw_curves(ax, result), ())).decode()
HTML(f'<div role="img" aria-label="{alt}" style="background: #fff">{svg[svg.index("<svg"):]}</div>')

# %%
Markdown(
    f"Median final loss at each one's best rate: sigmoid {np.median(final['sigmoid']):.3f}, "
    f"linear classifier {np.median(final['linear']):.3f}, tanh {np.median(final['tanh']):.3f}, "
    f"ReLU {np.median(final['relu']):.3f}. Three seeds are too few for a rate; the "
    f"[page](../experiments/training_speed.md) runs thirty."
)
