"""The rectifiers: ReLU and its piecewise-linear relatives."""

import numpy as np

from .registry import Entry, Framework, Kink, Properties, register


# --8<-- [start:relu]
def relu(x):
    r"""Rectified linear unit.

    .. math:: \operatorname{relu}(x) = \max(0, x)

    ``numpy.maximum`` propagates NaN (``numpy.where(x > 0, x, 0)`` would turn NaN into 0).

    Args:
        x: input array.

    Returns:
        An array of the shape and dtype of ``x``, in [0, inf].

    Example:
        >>> import refimpl
        >>> print(refimpl.relu([-2.0, 0.0, 3.0]))
        [0. 0. 3.]

    Reference: Nair & Hinton (2010); Glorot, Bordes & Bengio (2011).
    """
    return np.maximum(x, 0)


def relu_derivative(x):
    r""":math:`\operatorname{relu}'(x) = 1` for x > 0, 0 for x < 0, and 0 at the kink x = 0."""
    return np.heaviside(x, 0)
# --8<-- [end:relu]


register(Entry(
    name="relu",
    fn=relu,
    derivative_fn=relu_derivative,
    title="ReLU",
    summary="The rectified linear unit max(0, x): the identity for positive input, zero otherwise. "
            "The default hidden-layer activation of CNNs and MLPs since about 2011.",
    family="rectifiers",
    aliases=("rectifier",),
    latex=r"\operatorname{relu}(x) = \max(0, x)",
    derivative_latex=r"\operatorname{relu}'(x) = \begin{cases} 0 & x < 0 \\ 1 & x > 0 \end{cases}",
    declared=Properties(range=(0.0, np.inf), monotonic="non-decreasing", smoothness="C0",
                        saturates=(True, False), attained=(True, False)),
    kinks=(Kink(0.0, 0.0, "The left and right derivatives are 0 and 1. PyTorch and JAX return "
                          "0 at exactly 0; see Bertoin et al. (2021) on why the choice matters."),),
    # Earlier rectifying units (Fukushima 1969, Hahnloser et al. 2000) are discussed on the page;
    # what their units compute is not verified, so they are not listed as origins.
    origin=("nair2010rectified", "glorot2011deep"),
    year=2010,
    frameworks={
        "pytorch": Framework(("torch.nn.ReLU", "torch.relu", "torch.nn.functional.relu"),
                             "torch.relu({x})"),
        "jax": Framework(("jax.nn.relu",), "jax.nn.relu({x})"),
        "keras": Framework(("keras.activations.relu",), "keras.activations.relu({x})",
                           "Generalised: `negative_slope`, `max_value` and `threshold` "
                           "(defaults 0.0, None, 0.0) give the plain ReLU."),
    },
    shape=("is 0 for negative x and the line y = x for positive x, with a corner at the "
           "origin", "steps from 0 to 1 at x = 0, where it is taken as 0 (dot)"),
))
