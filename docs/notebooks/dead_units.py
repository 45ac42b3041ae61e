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
# # Dead units and the learning rate, at small size
#
# This notebook reruns the experiment of the [dead-units page](../experiments/dead_units.md) with
# three seeds. A hidden unit is *dead* when $|f'(z)| \le 10^{-8}$ at its pre-activation $z$ for every
# training input: it then gets no gradient, so its incoming weights never move again. Every number
# quoted below is printed by a cell; they belong to this small task and these settings only.

# %%
import numpy as np
from IPython.display import HTML, Markdown

from refimpl.experiments import dead_units as du

result = du.run(size="small")
dead = {a: np.array(result["dead"][a]) for a in result["activations"]}  # (learning rate, seed)
print("learning rates:", result["learning_rates"])
for a, d in dead.items():
    print(f"{a:10} mean dead fraction per rate: {np.round(d.mean(axis=1), 3)}")

# %% [markdown]
# The same numbers drawn with the site's figure code (mean over seeds, range shaded):

# %%
from refimpl.figures import Figure, render
from refimpl.figures.exp_dead_units import draw_dead_fraction

alt = ("Fraction of dead hidden units against the learning rate for ReLU, leaky ReLU and ELU, "
       "three seeds: ReLU's rises with the learning rate, leaky ReLU's stays at zero.")
svg = render(Figure("dead-units-small", alt, lambda ax: draw_dead_fraction(ax, result), ())).decode()
HTML(f'<div role="img" aria-label="{alt}" style="background: #fff">{svg[svg.index("<svg"):]}</div>')

# %% [markdown]
# ## A dead unit stays dead {#a-dead-unit-stays-dead}
#
# Train one ReLU net at learning rate 3, find its dead units, and compute the full-batch gradient
# once more: their incoming weights get exactly zero.

# %%
import refimpl

params, x, labels, acc = du.train("relu", 3.0, seed=4)
z = x @ params["w1"] + params["b1"]
is_dead = np.all(z <= 0, axis=0)
_, grads = du.loss_and_grads(params, x, labels, refimpl.get("relu"))
print(f"dead units: {is_dead.sum()} of {is_dead.size}; training accuracy {acc:.3f}")
print("largest |gradient| on a dead unit's weights:", np.abs(grads["w1"][:, is_dead]).max())
print("largest |gradient| on a live unit's weights:", f"{np.abs(grads['w1'][:, ~is_dead]).max():.2e}")

# %%
inactive = np.array(result["inactive"]["leaky_relu"])
Markdown(
    f"At learning rate {result['learning_rates'][-1]:g}, ReLU's mean dead fraction is "
    f"{dead['relu'][-1].mean():.2f} and leaky ReLU's is {dead['leaky_relu'][-1].mean():.2f}; yet "
    f"{inactive[-1].mean():.2f} of the leaky units are negative on every input, and the leaky nets' "
    f"mean training accuracy is {np.mean(result['accuracy']['leaky_relu'][-1]):.2f}: a nonzero "
    f"gradient did not rescue training at this step size."
)
