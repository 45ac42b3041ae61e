# ---
# translation_of: 4708869a6f81ff16
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
# # 梯度消失与梯度爆炸（小规模）
#
# 本笔记本以小规模重跑[梯度流页](../experiments/gradient_flow.md)的实验：深度取 2、10 和 30，用 3 个随机种子（seed）。
# 每个网络都是一个 MLP，隐藏层（hidden layer）宽度为 64，处于初始化（initialisation）时的状态；一批服从标准正态分布
# （standard normal distribution）的输入做前向传播（forward pass），再把一个随机梯度（gradient）反向传回。
# 下文引用的每个数都由某个单元格打印出来。

# %%
import numpy as np
from IPython.display import HTML, Markdown

from refimpl.experiments import gradient_flow as gf

result = gf.run(size="small")
print(result["depths"], result["seeds"])

# %% [markdown]
# ## 第一层梯度随深度的变化 {#the-first-layer-gradient-against-depth}
#
# 对每种激活函数（activation function）与初始化方式，计算：深度为 30 时第一个隐藏层的梯度范数（norm）除以深度为 2 时的
# 梯度范数（取各随机种子的中位数（median）），以及由此推出的每增加一层所乘的因子。

# %%
rows = []
for c in result["configs"]:
    r = float(np.median(gf.depth_ratio(c, result["depths"], 30)))
    rows.append((c["activation"], c["init"], c["matched"], r, r ** (1 / 28)))
    tag = "" if c["matched"] else "  (mismatched)"
    print(f"{c['activation']:8}{c['init']:7}{r:10.2e}  per layer {r ** (1 / 28):.3f}{tag}")

# %% [markdown]
# 用本站的绘图代码（`refimpl.figures`）把同一组数画成图：

# %%
from refimpl.figures import Figure, render
from refimpl.figures.exp_gradient_flow import draw_depth

alt = ("First-layer gradient norm relative to depth 2, log scale, for depths 2, 10 and 30: "
       "matched ReLU and SELU stay near 1, sigmoid falls by many orders of magnitude, "
       "mismatched schemes fall or rise along straight lines.")
svg = render(Figure("gradient-flow-small", alt, lambda ax: draw_depth(ax, result), ())).decode()
HTML(f'<div role="img" aria-label="{alt}" style="background: #fff">{svg[svg.index("<svg"):]}</div>')

# %% [markdown]
# ## 每层的因子 {#a-per-layer-factor}
#
# 对 ReLU 而言，每一层（layer）把梯度范数的平方乘以约
# $n_\text{out}\,\operatorname{Var}(w)\,\mathbb{E}[f'(z)^2]$，在 Xavier 初始化下即 $64 \cdot \tfrac{1}{64} \cdot
# \tfrac12 = \tfrac12$。因此范数每经过一层应缩小为原来的 $1/\sqrt 2$。

# %%
relu_xavier = next(r for r in rows if r[:2] == ("relu", "xavier"))
sigmoid = next(r for r in rows if r[:2] == ("sigmoid", "xavier"))
Markdown(
    f"Measured: ReLU with Xavier loses a factor {relu_xavier[4]:.3f} per layer, against "
    f"1/√2 = {1 / np.sqrt(2):.3f}. Sigmoid with Xavier loses {sigmoid[4]:.3f} per layer, so its "
    f"first-layer gradient at depth 30 is {sigmoid[3]:.1e} of that at depth 2."
)

# %% [markdown]
# 上面的英文句子由代码根据结果生成，意思是：实测结果为，Xavier 初始化下的 ReLU 网络每经过一层，梯度范数要乘以一个因子而缩小，
# 这个因子是句中的第一个数，可与 1/√2 的值（句中紧接着输出的数）对照；Xavier 初始化下的 sigmoid 网络每层乘以的因子是句中的
# 第三个数，因此深度为 30 时，它第一层的梯度是深度为 2 时的若干倍，倍数为句末的数。
