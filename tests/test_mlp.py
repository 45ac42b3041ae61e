"""The experiments' MLP: its gradients agree with finite differences, for several activations."""

import numpy as np
import pytest

from refimpl.experiments.mlp import MLP, init_weight, mse_loss, softmax_cross_entropy


def numeric_grad(net, x, y, loss, layer, h=1e-6):
    w = net.weights[layer]
    grad = np.zeros_like(w)
    for idx in np.ndindex(w.shape):
        old = w[idx]
        w[idx] = old + h
        up = loss(net.forward(x), y)[0]
        w[idx] = old - h
        down = loss(net.forward(x), y)[0]
        w[idx] = old
        grad[idx] = (up - down) / (2 * h)
    return grad


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
def test_backprop_matches_finite_differences(activation):
    rng = np.random.default_rng(1)
    net = MLP([3, 5, 4, 2], activation, init="xavier", rng=rng)
    x, y = rng.standard_normal((7, 3)), rng.standard_normal((7, 2))
    loss, g = mse_loss(net.forward(x), y)
    grads_w, _ = net.backward(g)
    for layer in range(3):
        np.testing.assert_allclose(grads_w[layer], numeric_grad(net, x, y, mse_loss, layer),
                                   rtol=1e-5, atol=1e-8)
    assert len(net.pre_activation_grad_norms) == 2


def test_cross_entropy_gradient():
    rng = np.random.default_rng(2)
    net = MLP([2, 6, 3], "tanh", rng=rng)
    x, labels = rng.standard_normal((5, 2)), rng.integers(0, 3, 5)
    loss, g = softmax_cross_entropy(net.forward(x), labels)
    grads_w, _ = net.backward(g)
    np.testing.assert_allclose(grads_w[0], numeric_grad(net, x, labels, softmax_cross_entropy, 0),
                               rtol=1e-5, atol=1e-8)


@pytest.mark.parametrize("scheme, variance", [("xavier", 2 / (400 + 600)), ("he", 2 / 400),
                                              ("lecun", 1 / 400), ("xavier_uniform", 2 / 1000)])
def test_initialisation_variances(scheme, variance):
    w = init_weight(400, 600, scheme, np.random.default_rng(0))
    assert w.var() == pytest.approx(variance, rel=0.02)


def test_unknown_init_is_a_value_error():
    with pytest.raises(ValueError, match="unknown scheme"):
        init_weight(2, 2, "kaiming-ish", np.random.default_rng(0))
