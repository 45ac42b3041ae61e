# ---
# translation_of: 65b3b4221619bb51
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
# # 死亡单元与学习率（小规模）
#
# 本笔记本用 3 个随机种子（seed）重跑[死亡单元（dead unit）页](../experiments/dead_units.md)的实验。如果隐藏层（hidden layer）中的一个单元在
# 每个训练输入上，其预激活值（pre-activation）$z$ 处都有 $|f'(z)| \le 10^{-8}$，就称它为*死亡单元*：
# 它此后得不到任何梯度（gradient），输入权重（weight）再也不会更新。下文引用的每个数都由某个单元格打印出来；
# 这些数只属于这个小任务和这组设置。

# %%
import numpy as np
from IPython.display import HTML, Markdown

from refimpl.experiments import dead_units as du

result = du.run(size="small")
dead = {a: np.array(result["dead"][a]) for a in result["activations"]}  # (学习率, 随机种子)
print("learning rates:", result["learning_rates"])
for a, d in dead.items():
    print(f"{a:10} mean dead fraction per rate: {np.round(d.mean(axis=1), 3)}")

# %% [markdown]
# 用本站的绘图代码画出同一组数（取各随机种子的均值，阴影为范围）：

# %%
from refimpl.figures import Figure, render
from refimpl.figures.exp_dead_units import draw_dead_fraction

alt = ("Fraction of dead hidden units against the learning rate for ReLU, leaky ReLU and ELU, "
       "three seeds: ReLU's rises with the learning rate, leaky ReLU's stays at zero.")
svg = render(Figure("dead-units-small", alt, lambda ax: draw_dead_fraction(ax, result), ())).decode()
HTML(f'<div role="img" aria-label="{alt}" style="background: #fff">{svg[svg.index("<svg"):]}</div>')

# %% [markdown]
# ## 死亡单元不会复活 {#a-dead-unit-stays-dead}
#
# 以学习率（learning rate）3 训练一个 ReLU 网络，找出其中的死亡单元，再计算一次全批量（full batch）梯度：
# 这些单元的输入权重得到的梯度恰好为零。

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

# %% [markdown]
# 上面的英文句子由代码根据结果生成，意思是：在扫描的最大学习率（句首输出的值）下，ReLU 网络死亡单元比例的均值，
# 以及带泄露 ReLU（leaky ReLU）网络的这一均值，分别是句中接着输出的两个数；然而，带泄露 ReLU 网络的单元中，
# 在每个输入上都为负的单元所占的比例是句中的第三个数，这些带泄露 ReLU 网络的平均训练准确率是第四个数：
# 在这个步长（即这个学习率）下，非零梯度并没有挽救训练。
