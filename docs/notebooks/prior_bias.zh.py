# ---
# translation_of: ede83a299c0f3344
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
# # 由先验设定偏置：重跑实验
#
# 本笔记本以小规模重跑[由先验（prior）设定偏置的实验](../experiments/prior_bias.md)。一个 [sigmoid](../activations/sigmoid.md)
# 分类器，若其输出偏置（bias）取 $b = \ln\frac{p}{1-p}$，则在训练之前就预测出基础比率（base rate）$p$，其初始的二元
# 交叉熵（cross-entropy）正是基础比率的熵 $H(p)$。下文引用的每个数都由某个单元格打印出来。

# %%
import math

import numpy as np
from IPython.display import HTML, Markdown

import refimpl
from refimpl.experiments import prior_bias as pb

for p in pb.BASE_RATES:
    b = pb.prior_bias(p)
    print(f"p = {p:<5}  b = {b:7.3f}  sigmoid(b) = {float(refimpl.sigmoid(b)):.6f}  "
          f"H(p) = {pb.entropy(p):.4f}  ln 2 = {math.log(2):.4f}")

# %% [markdown]
# ## 从两种偏置出发训练 {#training-from-the-two-biases}
#
# 在生成的类别不平衡数据上训练一个只有一个隐藏层（hidden layer）的 tanh 网络，输出偏置取 0 或取先验偏置，
# 用全批量（full batch）梯度下降（gradient descent）训练（小规模：600 个点、3 个随机种子（seed）、100 步）。

# %%
result = pb.run(size="small")
print(f"{'p':>5}  {'start, prior':>12}  {'start, b = 0':>12}  {'after 10 steps':>22}")
for p in result["base_rates"]:
    rate = result["rates"][str(p)]
    prior = np.array([r["loss"] for r in rate["prior"]]).mean(axis=0)
    zero = np.array([r["loss"] for r in rate["zero"]]).mean(axis=0)
    print(f"{p:5g}  {prior[0]:12.4f}  {zero[0]:12.4f}  {prior[10]:10.4f} vs {zero[10]:.4f}")

# %%
from refimpl.figures import Figure, render
from refimpl.figures.exp_prior_bias import draw_prior_bias

alt = ("Training loss from the prior bias (solid) and from bias 0 (dashed) for three base rates: "
       "the prior start is lower at first, the two curves then meet.")
svg = render(Figure("prior-bias", alt, lambda ax: draw_prior_bias(ax, result), ("sigmoid",))).decode()
HTML(f'<div role="img" aria-label="{alt}" style="background: #fff">{svg[svg.index("<svg"):]}</div>')

# %%
rate = result["rates"]["0.01"]
start = np.mean([r["loss"][0] for r in rate["prior"]])
Markdown(f"At p = 0.01 the prior bias starts at a loss of {start:.3f}, the entropy "
         f"{rate['entropy']:.3f} of the base rate, against {math.log(2):.3f} from bias 0.")

# %% [markdown]
# 上面的英文句子由代码根据结果生成，意思是：在 p = 0.01 时，从先验偏置出发，初始损失为句中第一个数，也就是该基础比率的熵
# （句中第二个数）；相比之下，从偏置 0 出发时初始损失为 ln 2 的值（句末输出的数）。
