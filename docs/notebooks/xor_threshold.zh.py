# ---
# translation_of: 4a3f3a76a99542b2
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
# # XOR 与阈值单元（小规模）
#
# 本笔记本用 3 个随机种子（seed）重跑 [XOR 页](../experiments/xor_threshold.md)的实验：单个[阶跃函数（step function）](../activations/step.md)
# 单元（unit）无法计算 XOR，感知机（perceptron）学习规则在 XOR 上陷入循环，而一个隐藏层（hidden layer）就能计算它。
# 下文引用的每个数都由某个单元格打印出来。

# %%
import numpy as np
from IPython.display import HTML, Markdown

from refimpl.experiments import xor_threshold as xt

result = xt.run(size="small")
print("grid search:", result["grid"])
print("least-squares linear unit outputs:", np.round(result["linear"]["outputs"], 6))

# %% [markdown]
# ## 感知机学习规则 {#the-perceptron-rule}
#
# 在 XOR 上从零权重（weight）出发、按固定顺序训练，以及在一个含 100 个点的线性可分（linearly separable）数据集上训练：

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
# ## 一个隐藏层 {#one-hidden-layer}
#
# 两个阶跃单元（分别实现 OR 和 AND）加一个阶跃输出，用本站的绘图代码画出：

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

# %% [markdown]
# 上面的英文句子由代码根据结果生成，意思是：用梯度下降（gradient descent）在平方误差（squared error）上训练；句中按隐藏 tanh 单元的个数
# 逐项列出，用这么多个隐藏 tanh 单元时，所有随机种子中有几个达到了 100%（各项的单元数、达到 100% 的随机种子个数和随机种子总数都见句中）。
