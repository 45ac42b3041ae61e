# ---
# translation_of: 3fe72e89d84056b4
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
# # 实测 sigmoid 的饱和
#
# [sigmoid](../activations/sigmoid.md) 的导数（derivative）是 $\sigma'(x) = \sigma(x)\,\sigma(-x)$。
# 两个因子都在 $(0, 1)$ 内，且二者之和为 1，所以乘积在 $x = 0$ 处最大，并随 $|x|$ 增大而趋于零：
# 这就是 sigmoid 的*饱和*（saturation）。本笔记本用 `refimpl` 测量它饱和得有多快。下文引用的每个数都由某个单元格打印出来。

# %%
import numpy as np
from IPython.display import Markdown

import refimpl

sigmoid = refimpl.sigmoid

# %% [markdown]
# ## 几个点上的导数 {#the-derivative-at-a-few-points}
#
# `refimpl.sigmoid.derivative` 计算 $\sigma'$。下面的单元格先用上面的乘积形式核对它，
# 再打印 $\sigma'(x)$ 和比值 $\sigma'(x)/\sigma'(0)$：即梯度（gradient）穿过一个输入为 $x$ 的 sigmoid 后保留下来的比例。

# %%
xs = np.array([0.0, 2.0, 5.0, 10.0, 20.0])
d = sigmoid.derivative(xs)
assert np.allclose(d, sigmoid(xs) * sigmoid(-xs), rtol=1e-12, atol=0)

print(f"{'x':>4}  {'σ′(x)':>10}  {'σ′(x)/σ′(0)':>12}")
for x, dx in zip(xs, d):
    print(f"{x:4g}  {dx:10.3e}  {dx / d[0]:12.3e}")

# %% [markdown]
# 用本站的绘图风格（`refimpl.figures`）把这些点画在曲线上：

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
# ## 多层串联 {#a-chain-of-layers}
#
# 反向传播（backpropagation）穿过 $n$ 个 sigmoid 层（layer）$a_k = \sigma(z_k)$，$z_k = w_k\,a_{k-1} + b_k$ 时，
# 每一层乘上一个因子：
#
# $$\frac{\partial a_n}{\partial a_0} = \prod_{k=1}^{n} w_k\,\sigma'(z_k).$$
#
# 取权重（weight）均为 1，且每一层的预激活值（pre-activation）$z_k$ 都相同；下面的单元格逐层打印累乘的结果。

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
# 上面的英文句子由代码根据结果生成，意思是：句首给出预激活值和层数。每一层的预激活值都取这个值时，单独一个因子等于句中接着输出的数，
# 而传到第一层的梯度是最后一层处梯度的若干倍，倍数为句中的下一个数。即使在 σ′ 最大的 x = 0 处（其值见括号里的数），
# 同样多的层累乘的结果也是句末的那个数。

# %% [markdown]
# ## 由此可知 {#what-follows}
#
# 梯度随深度按几何级数缩小，而饱和的单元（unit）会让缩小更严重。这就是梯度消失（vanishing gradient）问题，
# 整流函数（rectifier）回应的正是这个问题：[ReLU](../activations/relu.md) 在输入为正的地方导数处处为 1。
