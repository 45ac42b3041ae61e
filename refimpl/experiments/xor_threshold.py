"""XOR and the threshold unit: one unit cannot separate XOR, one hidden layer can.

Claims.

1. No single threshold unit H(w₁x₁ + w₂x₂ + b) computes XOR on {0, 1}² (H = ``refimpl.step``,
   H(0) = 0). Proof: XOR needs b ≤ 0, w₁ + b > 0, w₂ + b > 0 and w₁ + w₂ + b ≤ 0; adding the
   middle two gives w₁ + w₂ + 2b > 0, so w₁ + w₂ + b > −b ≥ 0, a contradiction. The same holds
   for any threshold and either value of H(0), since it is the statement that no line separates
   {(0, 1), (1, 0)} from {(0, 0), (1, 1)}. Numerically: on a grid of 121³ weight triples no
   triple gets more than 3 of the 4 points right, and the least-squares *linear* unit predicts
   0.5 on every point.
2. The perceptron learning rule, w ← w + (y − H(w·x + b))x, b ← b + (y − H(w·x + b)), never
   converges on XOR: from zero weights with a fixed order its state returns to an earlier one
   (an exact cycle); from random starts and random orders every epoch still has a mistake.
3. On a linearly separable set it converges: we count the updates for several seeds, and check
   them against the mistake bound (R/γ)² of the perceptron convergence theorem (R the largest
   norm of an input with its bias coordinate 1, γ the margin of a unit-norm separator).
4. One hidden layer suffices: two step units (OR and AND) and a step output compute XOR with
   explicit weights; a 2-4-1 tanh net trained by gradient descent (mse) reaches 100% on XOR
   for every seed. With 2 hidden tanh units (enough in principle) some seeds stall at 50%.

Sources: Rosenblatt (1958) introduced the perceptron; Minsky & Papert (1969) studied what
perceptrons can compute. The learning rule above is the textbook error-correction rule.

    >>> r = run(size="small")
    >>> r["grid"]["best_correct"], r["explicit"]["correct"]
    (3, 4)
"""

from __future__ import annotations

import numpy as np

import refimpl

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y = np.array([0.0, 1.0, 1.0, 0.0])
SEEDS = tuple(range(10))
SMALL_SEEDS = (0, 1, 2)
MLP_WIDTHS = (2, 4)
GRID = np.linspace(-3.0, 3.0, 121)  # step 0.05; includes 0


def step(z):
    return refimpl.step(z)  # H(0) = 0, refimpl's default


def grid_search(grid: np.ndarray = GRID) -> dict:
    """The most XOR points any (w₁, w₂, b) on the grid classifies correctly with one step unit."""
    w1, w2, b = np.meshgrid(grid, grid, grid, indexing="ij")
    correct = np.zeros(w1.shape, dtype=int)
    for (x1, x2), y in zip(X, Y):
        correct += step(w1 * x1 + w2 * x2 + b) == y
    return {"triples": int(correct.size), "best_correct": int(correct.max()),
            "with_3_correct": int((correct == 3).sum()), "with_4_correct": int((correct == 4).sum())}


def least_squares_linear_unit() -> dict:
    """The best linear unit w·x + b in squared error, and its outputs on the four points."""
    a = np.column_stack([X, np.ones(4)])
    coef, *_ = np.linalg.lstsq(a, Y, rcond=None)
    out = a @ coef
    return {"w": [float(c) for c in coef[:2]], "b": float(coef[2]), "outputs": [float(v) for v in out],
            "correct_at_threshold_half": int(np.sum((out > 0.5) == (Y > 0.5)))}


def perceptron(x, y, w, b, order_rng=None, max_epochs: int = 1000) -> dict:
    """Run the perceptron rule by epochs until an epoch makes no mistake or max_epochs pass.

    Without order_rng the order is fixed and the state (w, b) after each epoch is recorded, so an
    exact repeat (a cycle) is detected. Returns epochs, updates, converged, mistakes per epoch,
    cycle (epochs between repeats, or None) and the largest |weight| seen."""
    w, b = np.array(w, dtype=float), float(b)
    seen, updates, mistakes, biggest = {}, 0, [], 0.0
    for epoch in range(1, max_epochs + 1):
        order = np.arange(len(x)) if order_rng is None else order_rng.permutation(len(x))
        m = 0
        for i in order:
            err = y[i] - step(x[i] @ w + b)
            if err != 0:
                w, b, m = w + err * x[i], b + err, m + 1
        updates += m
        mistakes.append(m)
        biggest = max(biggest, float(np.max(np.abs(np.append(w, b)))))
        if m == 0:
            return {"epochs": epoch, "updates": updates, "converged": True, "mistakes": mistakes,
                    "cycle": None, "max_abs_weight": biggest, "w": w.tolist(), "b": b}
        if order_rng is None:
            state = (*w.tolist(), b)
            if state in seen:
                return {"epochs": epoch, "updates": updates, "converged": False,
                        "mistakes": mistakes, "cycle": epoch - seen[state],
                        "max_abs_weight": biggest, "w": w.tolist(), "b": b}
            seen[state] = epoch
    return {"epochs": max_epochs, "updates": updates, "converged": False, "mistakes": mistakes,
            "cycle": None, "max_abs_weight": biggest, "w": w.tolist(), "b": b}


def separable_set(rng: np.random.Generator, n: int = 100, margin: float = 0.1):
    """n points in (−1, 1)² labelled by a random line, keeping those at distance ≥ margin from it."""
    angle = rng.uniform(0, 2 * np.pi)
    u = np.array([np.cos(angle), np.sin(angle)])
    c = rng.uniform(-0.3, 0.3)
    pts = []
    while len(pts) < n:
        p = rng.uniform(-1, 1, 2)
        if abs(p @ u + c) >= margin:
            pts.append(p)
    x = np.array(pts)
    y = (x @ u + c > 0).astype(float)
    # the mistake bound (R/γ)² in the augmented space (x, 1), for the separator (u, c) normalised
    aug = np.column_stack([x, np.ones(n)])
    sep = np.append(u, c) / np.linalg.norm(np.append(u, c))
    gamma = float(np.min(np.abs(aug @ sep)))
    radius = float(np.max(np.linalg.norm(aug, axis=1)))
    return x, y, (radius / gamma) ** 2


def explicit_network() -> dict:
    """XOR = AND(OR, NOT AND) with step units: h₁ = H(x₁ + x₂ − 0.5), h₂ = H(x₁ + x₂ − 1.5),
    y = H(h₁ − h₂ − 0.5)."""
    w1 = np.array([[1.0, 1.0], [1.0, 1.0]])
    b1 = np.array([-0.5, -1.5])
    w2, b2 = np.array([1.0, -1.0]), -0.5
    h = step(X @ w1 + b1)
    out = step(h @ w2 + b2)
    return {"w1": w1.tolist(), "b1": b1.tolist(), "w2": w2.tolist(), "b2": b2,
            "hidden": h.tolist(), "outputs": out.tolist(), "correct": int(np.sum(out == Y))}


def train_mlp(seed: int, hidden: int = 4, activation: str = "tanh", lr: float = 0.1,
              steps: int = 2000) -> dict:
    """A 2-hidden-1 net (tanh hidden, linear output, mse, full-batch gradient descent, Xavier
    init, zero biases); accuracy thresholds the output at 0.5. Returns the accuracy, the final
    loss and every 20th loss."""
    from refimpl.experiments.mlp import MLP, mse_loss

    net = MLP([2, hidden, 1], activation, init="xavier", rng=np.random.default_rng(seed))
    y = Y[:, None]
    losses = []
    for _ in range(steps):
        loss, g = mse_loss(net.forward(X), y)
        losses.append(loss)
        grads_w, grads_b = net.backward(g)
        net.step(grads_w, grads_b, lr)
    out = net.forward(X)[:, 0]
    return {"accuracy": float(np.mean((out > 0.5) == (Y > 0.5))), "final_loss": losses[-1],
            "outputs": out.tolist(), "losses": losses[::20]}


def run(size: str = "full") -> dict:
    """Every part of the experiment; ``size="small"`` uses 3 seeds."""
    seeds = SEEDS if size == "full" else SMALL_SEEDS
    fixed = perceptron(X, Y, np.zeros(2), 0.0)
    random_xor = []
    for seed in seeds:
        rng = np.random.default_rng(seed)
        res = perceptron(X, Y, rng.normal(0, 1, 2), rng.normal(0, 1), order_rng=rng, max_epochs=500)
        random_xor.append({"converged": res["converged"], "epochs": res["epochs"],
                           "min_mistakes": min(res["mistakes"]),
                           "max_abs_weight": res["max_abs_weight"]})
    separable = []
    for seed in seeds:
        rng = np.random.default_rng(seed)
        x, y, bound = separable_set(rng)
        res = perceptron(x, y, np.zeros(2), 0.0, order_rng=rng)
        separable.append({"converged": res["converged"], "updates": res["updates"],
                          "epochs": res["epochs"], "bound": bound})
    return {
        "grid": grid_search(),
        "linear": least_squares_linear_unit(),
        "perceptron_xor_fixed": {k: fixed[k] for k in ("epochs", "updates", "converged",
                                                       "mistakes", "cycle", "max_abs_weight")},
        "perceptron_xor_random": random_xor,
        "perceptron_separable": separable,
        "explicit": explicit_network(),
        "mlp": {str(h): [train_mlp(seed, hidden=h) for seed in seeds] for h in MLP_WIDTHS},
        "seeds": list(seeds),
    }
