# ---
# translation_of: 1980c7a67242beb9
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
# # 输出层与损失：重跑实验
#
# 本笔记本用 `refimpl` 以小规模重跑[输出层（output layer）与损失实验](../experiments/output_loss.md)：分别在交叉熵（cross-entropy）
# 和平方误差（squared error）下，计算 [sigmoid](../activations/sigmoid.md) 输出在其对数几率（logit）上得到的
# 梯度（gradient）；对 [softmax](../activations/softmax.md) 输出做同样的计算；再比较融合损失（fused loss），并从原点附近和“自信地错”的
# 起点出发，在一组学习率（learning rate）扫描下做训练。下文引用的每个数都由某个单元格打印出来。

# %%
import numpy as np
from IPython.display import HTML, Markdown

import refimpl
from refimpl.experiments import output_loss as ol

result = ol.run(size="small")

# %% [markdown]
# ## 梯度 {#the-gradients}
#
# 设 $p = \sigma(z)$，标签为 $y$。交叉熵给出 $\partial L/\partial z = p - y$，
# 平方误差 $(p - y)^2$ 给出 $2(p - y)\,\sigma'(z)$。下面的单元格先在一个点上用中心差分核对这两个式子，
# 再对一个自信地错的输出（$y = 1$，$z \le 0$）打印它们；对一个 10 类 softmax 也做同样的计算，
# 取真实类别的对数几率，其余对数几率均为 0。

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
# 用本站的绘图代码（`refimpl.figures.exp_output_loss`）画出同样的曲线：

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
# 上面的英文句子由代码根据结果生成，意思是：在 z 等于句首输出的值处，对 sigmoid 而言，平方误差给出的梯度是交叉熵给出的梯度的
# 若干倍，倍数为句中第一个数；对类别数如句末所示的 softmax 而言，倍数为句中第二个数。

# %% [markdown]
# ## 融合损失 {#fused-losses}
#
# 直接由对数几率计算的损失 $\operatorname{softplus}(z) - yz$，与教科书写法
# $-y\ln\sigma(z) - (1-y)\ln(1-\sigma(z))$ 以及 50 位精度的参考值对比：

# %%
print(f"{'z':>8} {'y':>2}  {'naive':>10}  {'softplus(z)-yz':>15}  {'log_sigmoid form':>17}  {'exact':>10}")
for row in result["stability"]["binary"]:
    naive = row["naive"] if isinstance(row["naive"], str) else f"{row['naive']:.6g}"  # 'inf', 'nan'
    print(f"{row['z']:8g} {row['y']:2d}  {naive:>10}  {row['softplus']:15.6g}  "
          f"{row['log_sigmoid']:17.6g}  {row['exact']:10.6g}")

# %% [markdown]
# ## 从错误起点训练：学习率扫描 {#training-from-a-wrong-start-over-a-sweep-of-learning-rates}
#
# 在生成的 2 维点上做逻辑回归（logistic regression），起点为 $w = -c\,w^*$（$c > 0$ 时每个点都被分错）；
# 两种损失都用同一组扫描中的每个学习率做全批量（full batch）梯度下降（gradient descent）训练。衡量指标是达到 90 % 训练准确率
# 所需的步数，最多 300 步（小规模：10 个随机种子（seed），而不是 100 个）。

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

# %% [markdown]
# 上面的英文句子由代码根据结果生成，意思是：从 w = −8w* 出发，每种损失各取它在扫描中最快的学习率时，交叉熵所需的步数、
# 平方误差所需的步数分别如句中所示；每项先写中位数，括号里的 IQR 是四分位距（interquartile range），
# 这两个量都是在句末所示个数的随机种子上统计的。（若有运行在步数上限内始终没有到达，就按超过上限计，相应的分位数写成
# “> 上限”，并在四分位距之后注明从未到达的次数（写作 never）。）
