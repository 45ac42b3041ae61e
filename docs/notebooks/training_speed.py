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
# 400 epochs of full-batch gradient descent with momentum. Every number quoted below is printed by
# a cell. The ranking is for this task and these settings only.

# %%
import numpy as np
from IPython.display import HTML, Markdown

from refimpl.experiments import training_speed as ts

x, y = ts.two_spirals(100, np.random.default_rng(0))
print(x.shape, np.bincount(y))

# %%
result = ts.run(size="small")
final = {a: np.array([c[-1] for c in curves]) for a, curves in result["curves"].items()}
for a, losses in final.items():
    print(f"{a:8} final loss per seed {np.round(losses, 3)}  accuracy {result['accuracy'][a]}")

# %% [markdown]
# The loss curves, median of the seeds with the range shaded, drawn with the site's figure code:

# %%
from refimpl.figures import Figure, render
from refimpl.figures.exp_training_speed import draw_curves

alt = ("Training loss against epoch, log scale, for sigmoid, tanh and ReLU hidden layers on two "
       "spirals: sigmoid stays at the linear classifier's loss, ReLU falls furthest.")
svg = render(Figure("training-speed-small", alt, lambda ax: draw_curves(ax, result), ())).decode()
HTML(f'<div role="img" aria-label="{alt}" style="background: #fff">{svg[svg.index("<svg"):]}</div>')

# %%
Markdown(
    f"Median final loss: sigmoid {np.median(final['sigmoid']):.3f}, linear classifier "
    f"{np.median(final['linear']):.3f}, tanh {np.median(final['tanh']):.3f}, "
    f"ReLU {np.median(final['relu']):.3f}. With these settings the sigmoid network does no better "
    f"than a linear classifier."
)
