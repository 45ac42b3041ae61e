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
# # Sigmoid saturation, measured
#
# The [sigmoid](../activations/sigmoid.md) has the derivative $\sigma'(x) = \sigma(x)\,\sigma(-x)$.
# Both factors lie in $(0, 1)$ and their sum is one, so the product is largest at $x = 0$ and falls
# towards zero as $|x|$ grows: the sigmoid *saturates*. This notebook measures how fast, with
# `refimpl`. Every number quoted below is printed by a cell.

# %%
import numpy as np
from IPython.display import Markdown

import refimpl

sigmoid = refimpl.sigmoid

# %% [markdown]
# ## The derivative at a few points {#the-derivative-at-a-few-points}
#
# `refimpl.sigmoid.derivative` computes $\sigma'$. The cell checks it against the product form above,
# then prints $\sigma'(x)$ and the ratio $\sigma'(x)/\sigma'(0)$: the share of a gradient that survives
# one sigmoid whose input is $x$.

# %%
xs = np.array([0.0, 2.0, 5.0, 10.0, 20.0])
d = sigmoid.derivative(xs)
assert np.allclose(d, sigmoid(xs) * sigmoid(-xs), rtol=1e-12, atol=0)

print(f"{'x':>4}  {'σ′(x)':>10}  {'σ′(x)/σ′(0)':>12}")
for x, dx in zip(xs, d):
    print(f"{x:4g}  {dx:10.3e}  {dx / d[0]:12.3e}")

# %% [markdown]
# The same points on the curves, drawn with the site's figure style (`refimpl.figures`):

# %%
from IPython.display import HTML

from refimpl.figures import C, Figure, render


def draw(ax):
    grid = np.linspace(-12.0, 12.0, 481)
    ax.plot(grid, sigmoid(grid), color=C["blue"], label="σ(x)")
    ax.plot(grid, sigmoid.derivative(grid), color=C["vermillion"], linestyle="--", label="σ′(x)")
    shown = np.abs(xs) <= grid[-1]
    ax.plot(xs[shown], d[shown], "o", color=C["vermillion"], label="the table's points")
    ax.set_xlabel("x")
    ax.legend(loc="upper left")


alt = "The sigmoid and its derivative; the derivative peaks at the origin and flattens out on both sides."
svg = render(Figure("sigmoid-saturation", alt, draw, ("sigmoid",))).decode()
HTML(f'<div role="img" aria-label="{alt}" style="background: #fff">{svg[svg.index("<svg"):]}</div>')

# %% [markdown]
# ## A chain of layers {#a-chain-of-layers}
#
# Backpropagation through $n$ sigmoid layers $a_k = \sigma(z_k)$, $z_k = w_k\,a_{k-1} + b_k$,
# multiplies one factor per layer:
#
# $$\frac{\partial a_n}{\partial a_0} = \prod_{k=1}^{n} w_k\,\sigma'(z_k).$$
#
# Take unit weights and the same pre-activation $z_k$ in every layer; the cell prints the running
# product, layer by layer.

# %%
n_layers, z = 10, 2.0
factor = sigmoid.derivative(z)
chain = np.cumprod(np.full(n_layers, factor))
for k, g in enumerate(chain, start=1):
    print(f"after layer {k:2d}: {g:.3e}")

# %%
Markdown(
    f"With pre-activation {z:g} in each of {n_layers} layers, one factor is {factor:.4f} and the "
    f"gradient reaching the first layer is {chain[-1]:.2e} times the one at the last. Even at "
    f"x = 0, where σ′ is largest ({d[0]:g}), {n_layers} layers give {d[0] ** n_layers:.2e}."
)

# %% [markdown]
# ## What follows {#what-follows}
#
# The shrinkage is geometric in depth, and a saturated unit makes it worse. This is the vanishing
# gradient problem that rectifiers answer: the [ReLU](../activations/relu.md) has derivative one
# wherever its input is positive.
