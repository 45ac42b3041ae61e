# ---
# translation_of: 7e5f2509dea4c7d2
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
# # 饱和，以及中心化能挽回多少
#
# 设一个 sigmoid 单元（unit）的预激活值（pre-activation）为 $Z + \mu$，其中 $Z \sim N(0, 1)$。传到它的梯度（gradient）
# 会被乘以 $\sigma'(Z + \mu)$，平均而言乘以 $\mathbb{E}[\sigma'(Z + \mu)]$。与[实验页](../experiments/saturation_recovery.md)
# 一样，本笔记本分别用数值积分（quadrature）和随机抽样计算这个平均值。下文引用的每个数都由某个单元格打印出来。

# %%
import numpy as np
from IPython.display import HTML, Markdown

from refimpl.experiments import saturation_recovery as sr

for mu in (0.0, 2.0, 4.0, 6.0):
    print(f"mu = {mu:g}: quadrature {sr.expected_slope(mu):.5f}, "
          f"sampled {sr.sampled_slope(mu, 1.0, 100_000, seed=0):.5f}")

# %% [markdown]
# 在一组均值网格上计算，并另取一个较窄和一个较宽的分布宽度作对比：

# %%
result = sr.run(size="small")
print(result["mu"])
for s, values in result["exact"].items():
    print(f"s = {s}: {np.round(values, 4)}")

# %%
from refimpl.figures import Figure, render
from refimpl.figures.exp_saturation_recovery import draw_slope

alt = ("Average slope of the sigmoid against the mean of its pre-activation, log scale: largest "
       "at mean 0, about one order of magnitude lower at mean 4 and nearly two at mean 6.")
svg = render(Figure("saturation-small", alt, lambda ax: draw_slope(ax, result), ())).decode()
HTML(f'<div role="img" aria-label="{alt}" style="background: #fff">{svg[svg.index("<svg"):]}</div>')

# %%
Markdown(
    f"Centring a unit whose mean was 4 multiplies its average slope by {result['ratio']['4']:.1f}; "
    f"one whose mean was 6, by {result['ratio']['6']:.0f}. Batch normalisation subtracts the "
    f"batch mean, but then adds a learned shift, so this is what centring can give, not what a "
    f"trained network keeps."
)

# %% [markdown]
# 上面的英文句子由代码根据结果生成，意思是：把一个预激活值均值原为 4 的单元中心化，它的平均斜率会乘以句中第一个数；
# 均值原为 6 的单元，则乘以句中第二个数。批量规范化（batch normalisation）会减去这一批数据的均值，但随后又加上一个学习得到的平移量，
# 所以这里算出的是中心化所能带来的，而不是训练好的网络会保留下来的。
