# ---
# translation_of: ff51d4cac0e5dcdd
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
# # 双螺旋数据上的训练速度（小规模）
#
# 本笔记本以小规模重跑[训练速度页](../experiments/training_speed.md)的实验：隐藏层（hidden layer）分别用 sigmoid、
# tanh 和 ReLU（外加线性基线），3 个随机种子（seed），在扫描的每个学习率（learning rate）下，用带动量（momentum）的
# 全批量（full batch）梯度下降（gradient descent）训练 200 轮（epoch）。下文引用的每个数都由某个单元格打印出来。
# 得到的排名只对这个任务和这组设置成立。

# %%
import numpy as np
from IPython.display import HTML, Markdown

from refimpl.experiments import training_speed as ts

x, y = ts.two_spirals(ts.N_PER_CLASS, np.random.default_rng(0))
print(x.shape, np.bincount(y))

# %%
result = ts.run(size="small")
best = {a: ts.best_rate(result, a) for a in result["curves"]}
final = {a: ts.final_loss(result, a, best[a]) for a in result["curves"]}
for a in result["curves"]:
    print(f"{a:8} median final loss per rate",
          [f"{np.median(ts.final_loss(result, a, lr)):.3g}" for lr in result["learning_rates"]],
          f" best rate {best[a]:g}")

# %% [markdown]
# 用本站的绘图代码画出每种激活函数（activation function）在其最佳学习率下的损失曲线：曲线为各随机种子的中位数（median），
# 阴影为四分位距（interquartile range）：

# %%
from refimpl.figures import Figure, render
from refimpl.figures.exp_training_speed import draw_curves

alt = ("Training loss against epoch, log scale, for sigmoid, tanh and ReLU hidden layers on two "
       "spirals, each at its best rate of the sweep: sigmoid ends highest.")
svg = render(Figure("training-speed-small", alt, lambda ax: draw_curves(ax, result), ())).decode()
HTML(f'<div role="img" aria-label="{alt}" style="background: #fff">{svg[svg.index("<svg"):]}</div>')

# %%
Markdown(
    f"Median final loss at each one's best rate: sigmoid {np.median(final['sigmoid']):.3f}, "
    f"linear classifier {np.median(final['linear']):.3f}, tanh {np.median(final['tanh']):.3f}, "
    f"ReLU {np.median(final['relu']):.3f}. Three seeds are too few for a rate; the "
    f"[page](../experiments/training_speed.md) runs thirty."
)

# %% [markdown]
# 上面的英文句子由代码根据结果生成，意思是：句中依次列出 sigmoid、线性分类器、tanh 和 ReLU 各自在其最佳学习率下最终损失的
# 中位数。3 个随机种子太少，不足以得出一个比率；句中链接的实验页用的是 30 个。
