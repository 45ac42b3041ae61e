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
# # Output layer and loss, rerun
#
# This notebook reruns the [output-and-loss experiment](../experiments/output_loss.md) at small
# size with `refimpl`: the gradient on the logit of a [sigmoid](../activations/sigmoid.md) output
# under cross-entropy and under squared error, the same for a
# [softmax](../activations/softmax.md) output, the fused losses, and a learning-rate sweep of training runs from
# starts near the origin and confidently wrong. Every number quoted below is printed by a cell.

# %%
import numpy as np
from IPython.display import HTML, Markdown

import refimpl
from refimpl.experiments import output_loss as ol

result = ol.run(size="small")

# %% [markdown]
# ## The gradients {#the-gradients}
#
# For $p = \sigma(z)$ and label $y$, cross-entropy gives $\partial L/\partial z = p - y$ and
# squared error $(p - y)^2$ gives $2(p - y)\,\sigma'(z)$. The cell checks both against central
# differences at one point, then prints them for a confidently wrong output ($y = 1$, $z \le 0$),
# and the same on the true class's logit of a 10-class softmax whose other logits are 0.

# %%
z0, h = -3.0, 1e-6
g = ol.binary_gradients(np.array([z0]))
fd_ce = (ol.bce_log_sigmoid(z0 + h, 1.0) - ol.bce_log_sigmoid(z0 - h, 1.0)) / (2 * h)
fd_se = ((refimpl.sigmoid(z0 + h) - 1) ** 2 - (refimpl.sigmoid(z0 - h) - 1) ** 2) / (2 * h)
assert np.isclose(g["ce"][0], fd_ce, rtol=1e-6) and np.isclose(g["se"][0], fd_se, rtol=1e-6)

grad = result["gradients"]
print(f"{'z':>6}  {'CE (sigmoid)':>13}  {'SE (sigmoid)':>13}  {'CE (softmax)':>13}  {'SE (softmax)':>13}")
for i in range(0, len(grad["z"]), 8):
    print(f"{grad['z'][i]:6.1f}  {grad['binary_ce'][i]:13.4f}  {grad['binary_se'][i]:13.2e}  "
          f"{grad['softmax_ce'][i]:13.4f}  {grad['softmax_se'][i]:13.2e}")

# %% [markdown]
# The same curves, drawn by the site's figure code (`refimpl.figures.exp_output_loss`):

# %%
from refimpl.figures import Figure, render
from refimpl.figures.exp_output_loss import draw_gradients, draw_sweep


def inline(name, alt, draw):
    svg = render(Figure(name, alt, draw, ("sigmoid", "softmax"))).decode()
    return HTML(f'<div role="img" aria-label="{alt}" style="background: #fff">{svg[svg.index("<svg"):]}</div>')


inline("output-loss-gradients",
       "The gradient on the true class's logit under cross-entropy stays near 1 while the output is wrong; "
       "under squared error it falls by orders of magnitude.",
       lambda ax: draw_gradients(ax, result))

# %%
ratio = abs(grad["binary_se"][0] / grad["binary_ce"][0])
Markdown(f"At z = {grad['z'][0]:g} the squared-error gradient is {ratio:.1e} times the "
         f"cross-entropy one for the sigmoid, and "
         f"{grad['softmax_se'][0] / grad['softmax_ce'][0]:.1e} times for the "
         f"{grad['n_classes']}-class softmax.")

# %% [markdown]
# ## Fused losses {#fused-losses}
#
# The loss from the logits, $\operatorname{softplus}(z) - yz$, against the textbook
# $-y\ln\sigma(z) - (1-y)\ln(1-\sigma(z))$ and a 50-digit reference:

# %%
print(f"{'z':>8} {'y':>2}  {'naive':>10}  {'softplus(z)-yz':>15}  {'log_sigmoid form':>17}  {'exact':>10}")
for row in result["stability"]["binary"]:
    naive = row["naive"] if isinstance(row["naive"], str) else f"{row['naive']:.6g}"  # 'inf', 'nan'
    print(f"{row['z']:8g} {row['y']:2d}  {naive:>10}  {row['softplus']:15.6g}  "
          f"{row['log_sigmoid']:17.6g}  {row['exact']:10.6g}")

# %% [markdown]
# ## Training from a wrong start, over a sweep of learning rates {#training-from-a-wrong-start-over-a-sweep-of-learning-rates}
#
# Logistic regression on generated 2-D points, started at $w = -c\,w^*$ (for $c > 0$ every point
# misclassified), trained by full-batch gradient descent with every learning rate of the same
# sweep for both losses; the measure is the number of steps to 90 % training accuracy, at most
# 300 (small size: 10 seeds instead of 100).

# %%
inline("output-loss-sweep",
       "Steps to 90% accuracy against the learning rate: from near the origin the two losses are "
       "close; from a confidently wrong start squared error needs many times more steps.",
       lambda ax: draw_sweep(ax, result))

# %%
t = result["training"]
print("median steps to 90% (None: more than half never arrived); rates", t["learning_rates"])
for c in t["starts"]:
    for loss in ("ce", "se"):
        median = np.percentile(ol.arrivals(result, loss, c), 50, axis=1, method="nearest")
        print(f"c = {c:g} {loss}", [None if np.isinf(m) else int(m) for m in median])

# %%
for key, spec in ol.CLAIMS.items():
    print(f"{key:14} at least {spec['at_least']:.0%}  held on {ol.claim(result, key)['rate']}")
fast = {loss: ol.arrivals(result, loss, 8.0).min(axis=0) for loss in ("ce", "se")}
Markdown(f"From $w = -8w^*$, each loss at its fastest rate of the sweep: cross-entropy "
         f"{ol.describe(fast['ce'], t['steps'])} steps, squared error "
         f"{ol.describe(fast['se'], t['steps'])} (median and interquartile range over "
         f"{len(t['seeds'])} seeds).")
