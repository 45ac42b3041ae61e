"""How much gradient a sigmoid unit regains when its pre-activation is centred again.

Claim: a sigmoid unit whose pre-activation is Z + μ, Z ~ N(0, 1), passes on average E[σ'(Z + μ)]
of the gradient it receives. That average falls from about 0.21 at μ = 0 to about 0.026 at μ = 4
and 0.004 at μ = 6, so moving the mean from 4 (or 6) back to 0, as subtracting the batch mean
would, multiplies the unit's average gradient by about 8 (or 50).

Setup: E[σ'(Z + μ)] for μ from 0 to 8 and Z ~ N(0, s²) with s = 1 (and s = 0.5, 2 for contrast),
computed twice: by adaptive quadrature (``scipy.integrate.quad`` of σ'(z + μ) φ(z) over the real
line) and by Monte Carlo with several seeds (``numpy.random.default_rng``). σ' is
``refimpl.sigmoid.derivative``. The quadrature is the reference; the samples check it.

This is the arithmetic of one unit's derivative. It does not model batch normalisation itself:
Ioffe & Szegedy (2015), arXiv:1502.03167, also divide by the batch standard deviation, add a
learned scale and shift (which can move the mean back to μ), and backpropagate through the batch
statistics.

    >>> r = run(size="small")
    >>> r["exact"]["1"][0] > 5 * r["exact"]["1"][r["mu"].index(4.0)]
    True
"""

from __future__ import annotations

import math

import numpy as np

import refimpl

SIZES = {
    "full": {"mu": [i / 4 for i in range(33)], "seeds": [0, 1, 2, 3, 4], "samples": 100_000},
    "small": {"mu": [0.0, 2.0, 4.0, 6.0], "seeds": [0, 1, 2], "samples": 20_000},
}
SCALES = (0.5, 1.0, 2.0)


def expected_slope(mu: float, scale: float = 1.0) -> float:
    """E[σ'(Z + μ)] for Z ~ N(0, scale²), by adaptive quadrature over the real line."""
    from scipy import integrate

    def integrand(z):
        return float(refimpl.sigmoid.derivative(z + mu)) * math.exp(-0.5 * (z / scale) ** 2)

    value, _ = integrate.quad(integrand, -np.inf, np.inf, epsabs=1e-14, epsrel=1e-12)
    return value / (scale * math.sqrt(2 * math.pi))


def sampled_slope(mu: float, scale: float, samples: int, seed: int) -> float:
    """The same expectation estimated from ``samples`` draws of Z."""
    z = np.random.default_rng(seed).normal(0.0, scale, samples)
    return float(np.mean(refimpl.sigmoid.derivative(z + mu)))


def run(size: str = "full") -> dict:
    """E[σ'(Z + μ)] on a grid of μ, exact (per scale s) and sampled (s = 1, per seed).

    Returns a dict: ``mu`` (the grid), ``scales``, ``exact`` ({str(s): [value per μ]}),
    ``sampled`` ([[value per μ] per seed], s = 1), ``seeds``, ``samples`` and ``ratio``
    ({"4": E at μ=0 / E at μ=4, "6": likewise}, exact, s = 1).
    """
    spec = SIZES[size]
    mus = spec["mu"]
    exact = {f"{s:g}": [expected_slope(m, s) for m in mus] for s in SCALES}
    sampled = [[sampled_slope(m, 1.0, spec["samples"], seed) for m in mus] for seed in spec["seeds"]]
    at = {m: exact["1"][mus.index(m)] for m in (0.0, 4.0, 6.0)}
    return {"mu": mus, "scales": list(SCALES), "exact": exact, "sampled": sampled,
            "seeds": spec["seeds"], "samples": spec["samples"],
            "ratio": {"4": at[0.0] / at[4.0], "6": at[0.0] / at[6.0]}}
