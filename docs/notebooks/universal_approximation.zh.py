# ---
# translation_of: 4277eab457122a96
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
# # 万能近似（小规模）
#
# 本笔记本用 3 个随机种子（seed）重跑[万能近似页](../experiments/universal_approximation.md)的实验：在 $[-2, 2]$ 上用 $N$ 个
# sigmoid 或 ReLU 单元（unit）拟合 $\sin 3x + 0.3x$，隐藏层（hidden layer）的权重（weight）随机选取，输出层（output layer）用最小二乘（least squares）法拟合。
# 下文引用的每个数都由某个单元格打印出来。

# %%
import numpy as np
from IPython.display import HTML, Markdown

from refimpl.experiments import universal_approximation as ua

result = ua.run(size="small")
for a in result["activations"]:
    med = np.median(result["rms"][a], axis=1)
    print(f"{a:8} median test RMS error for N = {result['widths']}:", " ".join(f"{v:.1e}" for v in med))

# %% [markdown]
# 用本站的绘图代码画出误差随 $N$ 的变化（取各随机种子的中位数（median），阴影为范围）：

# %%
from refimpl.figures import Figure, render
from refimpl.figures.exp_universal_approximation import draw_error_vs_width

alt = "Test RMS error against the number of hidden units N, log axes: it falls as N grows for both activations."
svg = render(Figure("ua-small", alt, lambda ax: draw_error_vs_width(ax, result), ())).decode()
HTML(f'<div role="img" aria-label="{alt}" style="background: #fff">{svg[svg.index("<svg"):]}</div>')

# %% [markdown]
# ## 拟合结果本身 {#the-fits-themselves}
#
# 随机种子 0 下用 2、8 和 32 个单元得到的拟合，与目标函数对照：

# %%
from refimpl.figures import C


def draw_fits(ax):
    x = np.array(result["curve_x"])
    ax.plot(x, result["curve_target"], color=C["fg"], linewidth=3, label="target")
    for (n, colour, style) in (("2", "vermillion", ":"), ("8", "green", "--"), ("32", "blue", "-")):
        ax.plot(x, result["curves"]["sigmoid"][n], color=C[colour], linestyle=style,
                label=f"{n} sigmoid units")
    ax.set_xlabel("x")
    ax.legend(loc="upper left", fontsize=9)


alt = "The target sin(3x) + 0.3x and seed 0's fits with 2, 8 and 32 sigmoid units."
svg = render(Figure("ua-fits", alt, draw_fits, ())).decode()
HTML(f'<div role="img" aria-label="{alt}" style="background: #fff">{svg[svg.index("<svg"):]}</div>')

# %%
s, r = (np.median(result["rms"][a], axis=1) for a in ("sigmoid", "relu"))
Markdown(
    f"From N = 1 to N = 32 the median error falls from {s[0]:.2f} to {s[-1]:.1e} with sigmoid "
    f"units and from {r[0]:.2f} to {r[-1]:.1e} with ReLU units. For sigmoid units, Cybenko's theorem "
    f"guarantees that some N and some weights reach any accuracy; it says nothing about these "
    f"rates, which belong to this target and this way of choosing the weights."
)

# %% [markdown]
# 上面的英文句子由代码根据结果生成，意思是：从 N = 1 到 N = 32，用 sigmoid 单元时误差的中位数从句中第一个数降到第二个数，
# 用 ReLU 单元时从第三个数降到第四个数。对 sigmoid 单元，Cybenko 的定理保证存在某个 N 和某组权重能达到任意精度；但对这里的下降速度它什么也没说，
# 这些速度只属于这个目标函数和这种选取权重的方式。
