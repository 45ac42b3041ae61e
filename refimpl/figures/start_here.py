"""Figures of the tutorial "Start here" (docs/guides/start-here.md), drawn by the page's own code.

Everything above the line "the site's figures" is the learner's code exactly as the page shows it,
statement for statement (comments aside): tests/test_start_here.py compares the two syntax trees,
so the figures the site builds are the pictures a learner's copy of the page draws. It is plain
NumPy, with no refimpl, on purpose. Below the line, the figures are declared with their alt text
and their words in the site's language.
"""

import numpy as np

COLOURS = ("#0072b2", "#d55e00", "#009e73")  # blue, vermillion, green: readable by colour-blind readers


def make_xor():
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    y = np.array([0, 1, 1, 0], dtype=float)
    return X, y


def perceptron_fit(X, y, epochs):
    w, b = np.zeros(X.shape[1]), 0.0
    updates, history = 0, []
    for epoch in range(epochs):
        for x_i, y_i in zip(X, y):
            error = y_i - np.heaviside(x_i @ w + b, 0.0)  # 0 if right, +1 or -1 if wrong
            if error != 0:
                w, b = w + error * x_i, b + error
                updates += 1
        history.append(float(np.mean(np.heaviside(X @ w + b, 0.0) == y)))  # accuracy
    return w, b, history, updates


def plot_boundary(ax, score, X, y, title="", size=80):
    # the plane around the data, as a 200 x 200 grid of points
    lo, hi = X.min(axis=0) - 0.5, X.max(axis=0) + 0.5
    g1, g2 = np.meshgrid(np.linspace(lo[0], hi[0], 200), np.linspace(lo[1], hi[1], 200))
    s = score(np.column_stack([g1.ravel(), g2.ravel()])).reshape(g1.shape)
    # shade where the model says 1 (score > 0), draw the boundary (score = 0)
    ax.contourf(g1, g2, s, levels=[0, np.abs(s).max() + 1], colors=[COLOURS[0]], alpha=0.15)
    ax.contour(g1, g2, s, levels=[0], colors=[COLOURS[0]], linewidths=1.5)
    # label 1 filled, label 0 open
    ax.scatter(X[y == 1, 0], X[y == 1, 1], s=size, color=COLOURS[0])
    ax.scatter(X[y == 0, 0], X[y == 0, 1], s=size, facecolors="none", edgecolors=COLOURS[1],
               linewidths=1.5)
    ax.set_xlabel("x₁")
    ax.set_ylabel("x₂")
    ax.set_title(title, fontsize=11)


def draw_perceptron_xor(ax, title="perceptron on XOR, after 20 epochs"):
    X, y = make_xor()
    w, b, history, updates = perceptron_fit(X, y, epochs=20)
    plot_boundary(ax, lambda P: P @ w + b, X, y, title)
    ax.set_aspect("equal")


def sigmoid(z):
    # 1 / (1 + e^-z), computed as exp(-log(1 + e^-z)): np.logaddexp(0, -z) = log(e^0 + e^-z)
    # does not overflow, however negative z is
    return np.exp(-np.logaddexp(0.0, -z))


def cross_entropy(z, y):
    # the mean of -[y log p + (1 - y) log(1 - p)] with p = sigmoid(z), written with the logit z
    return np.mean(np.logaddexp(0.0, z) - y * z)


def make_moons(n, noise, seed):
    rng = np.random.default_rng(seed)
    t = rng.uniform(0, np.pi, n)         # position along the half circle
    label = rng.integers(0, 2, n)        # which moon: 0 (upper) or 1 (lower)
    upper = np.column_stack([np.cos(t), np.sin(t)])
    lower = np.column_stack([1 - np.cos(t), 0.5 - np.sin(t)])
    X = np.where(label[:, None] == 0, upper, lower)
    X = X - [0.5, 0.25] + noise * rng.normal(size=(n, 2))   # centred, blurred
    return X, label.astype(float)


# each hidden activation f, and its derivative written with the unit's output h = f(z)
ACTIVATIONS = {
    "sigmoid": (sigmoid, lambda h: h * (1 - h)),
    "tanh": (np.tanh, lambda h: 1 - h**2),
    "relu": (lambda z: np.maximum(z, 0.0), lambda h: (h > 0).astype(float)),
}


def init_params(n_in, n_hidden, seed):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0.0, 1 / np.sqrt(n_in), size=(n_in, n_hidden)),
        "b1": np.zeros(n_hidden),
        "W2": rng.normal(0.0, 1 / np.sqrt(n_hidden), size=n_hidden),
        "b2": np.zeros(1),
    }


def forward(params, X, activation):
    f, df = ACTIVATIONS[activation]
    Z = X @ params["W1"] + params["b1"]   # hidden pre-activations, one row per example
    H = f(Z)                              # hidden outputs
    z = H @ params["W2"] + params["b2"]   # output logits
    return H, z


def loss_and_gradients(params, X, y, activation):
    f, df = ACTIVATIONS[activation]
    H, z = forward(params, X, activation)
    loss = cross_entropy(z, y)
    dz = (sigmoid(z) - y) / len(y)              # dL/dz = (p - y) / n
    dZ = np.outer(dz, params["W2"]) * df(H)     # chain rule: back through W2, then through f
    grads = {"W1": X.T @ dZ, "b1": dZ.sum(axis=0), "W2": H.T @ dz, "b2": dz.sum(keepdims=True)}
    return loss, grads


def train(X, y, activation, lr, steps=200, n_hidden=8, seed=0):
    params = init_params(X.shape[1], n_hidden, seed)
    losses = []
    for step in range(steps):
        loss, grads = loss_and_gradients(params, X, y, activation)
        params = {k: params[k] - lr * grads[k] for k in params}   # one step of gradient descent
        losses.append(loss)
    return params, losses


def accuracy(params, X, y, activation):
    H, z = forward(params, X, activation)
    return np.mean((z > 0) == y)   # p > 1/2 exactly where the logit z > 0


def draw_networks(left, right, titles=("XOR, 4 tanh units", "two moons, 8 tanh units")):
    X, y = make_xor()
    params, losses = train(X, y, "tanh", lr=1.0, steps=300, n_hidden=4)
    plot_boundary(left, lambda P: forward(params, P, "tanh")[1], X, y, titles[0])
    left.set_aspect("equal")
    X, y = make_moons(100, 0.1, seed=0)
    params, losses = train(X, y, "tanh", lr=2.0)
    plot_boundary(right, lambda P: forward(params, P, "tanh")[1], X, y, titles[1], size=12)
    right.set_aspect("equal")


def tune(activation, grid=(1, 2, 4, 8, 16, 32, 64), seeds=(100, 101, 102)):
    # for each rate of the grid, the final training loss: its mean over the tuning seeds
    scores = {}
    for lr in grid:
        final = []
        for seed in seeds:
            X, y = make_moons(100, 0.1, seed)
            params, losses = train(X, y, activation, lr, seed=seed)
            final.append(losses[-1])
        scores[lr] = np.mean(final)
    return scores


def compare(seeds=range(10)):
    results = {}
    for activation in ACTIVATIONS:
        scores = tune(activation)
        lr = min(scores, key=scores.get)   # the rate with the lowest score
        runs = []
        for seed in seeds:
            X, y = make_moons(100, 0.1, seed)                   # training data
            X_test, y_test = make_moons(500, 0.1, 1000 + seed)  # fresh points from the same moons
            params, losses = train(X, y, activation, lr, seed=seed)
            runs.append({"losses": losses, "test": accuracy(params, X_test, y_test, activation)})
        results[activation] = {"lr": lr, "scores": scores, "runs": runs}
    return results


def plot_losses(ax, results, xlabel="step", ylabel="training loss"):
    for (activation, r), colour, style in zip(results.items(), COLOURS, ("-", "--", "-.")):
        curves = np.array([run["losses"] for run in r["runs"]])   # one row per seed
        steps = np.arange(1, curves.shape[1] + 1)
        # the median over the seeds as a line; the middle half of the seeds shaded
        low, high = np.percentile(curves, [25, 75], axis=0)
        ax.fill_between(steps, low, high, color=colour, alpha=0.15, linewidth=0)
        ax.plot(steps, np.median(curves, axis=0), color=colour, linestyle=style,
                label=f"{activation}, η = {r['lr']}")
    ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend()


# -- the site's figures (not on the page) ---------------------------------------------------------
from refimpl.figures import figure  # noqa: E402
from refimpl.i18n import _  # noqa: E402


@figure("start-here-perceptron-xor",
        "The four XOR inputs in the plane, (0, 1) and (1, 0) labelled 1 and drawn filled, (0, 0) "
        "and (1, 1) labelled 0 and drawn open, with the line the perceptron rule ended on after 20 "
        "epochs: the vertical line x₁ = 1, through (1, 0) and (1, 1), which the unit assigns 0, and "
        "the region x₁ < 1, where it outputs 1, shaded. Two of the four points are classified "
        "wrongly: (0, 0), inside the shaded region, and (1, 0), on the line.", ())
def _perceptron_xor(ax):
    draw_perceptron_xor(ax, _("perceptron on XOR, after 20 epochs"))


def _two_panels(ax):
    fig = ax.figure
    fig.set_size_inches(7.2, 3.6)
    ax.remove()
    return fig.subplots(1, 2)


@figure("start-here-networks",
        "Two panels, each shading the region where a trained two-layer network with tanh hidden "
        "units outputs 1. Left, XOR with 4 hidden units: two shaded regions, top left and bottom "
        "right, hold the filled points (0, 1) and (1, 0), and the unshaded diagonal band between "
        "their curved edges holds the open points (0, 0) and (1, 1). Right, two interleaved "
        "half-moons of 100 points with 8 hidden units: a curved boundary winds between the filled "
        "lower moon and the open upper moon.", ())
def _networks(ax):
    left, right = _two_panels(ax)
    draw_networks(left, right, (_("XOR, 4 tanh units"), _("two moons, 8 tanh units")))


@figure("start-here-losses",
        "Training loss (cross-entropy, log scale) against the step, 1 to 200, of the two-layer "
        "network on two moons with sigmoid (solid), tanh (dashed) and ReLU (dash-dotted) hidden "
        "units, each at the learning rate η chosen for it: the median over 10 seeds as a line, "
        "the band between the 25th and 75th percentiles shaded. All three fall; the legend gives "
        "each rate.", ())
def _losses(ax):
    plot_losses(ax, compare(), _("step"), _("training loss"))
