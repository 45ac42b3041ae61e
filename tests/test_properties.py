"""Every declared property is checked numerically; computed ones against closed forms."""

import math

import numpy as np
import pytest

import refimpl
from refimpl.oracles import SPECIAL_POINTS

ELEMENTWISE = [refimpl.get(n) for n in refimpl.names() if refimpl.get(n).kind == "elementwise"]
GRID = np.linspace(-60, 60, 240_001)
FAR = 1e6


def slack(bound):
    """A few ulp of a finite bound: the rounding of a value computed at an extremum."""
    return 4 * np.spacing(abs(bound)) if np.isfinite(bound) else 0.0


@pytest.mark.parametrize("entry", ELEMENTWISE, ids=lambda e: e.name)
def test_range(entry):
    lo, hi = entry.declared.range
    # a bound may be approached only next to a kink (threshold's value): include its neighbours
    near = [v for k in entry.kinks for v in (k.at, np.nextafter(k.at, -np.inf), np.nextafter(k.at, np.inf))]
    # an interior extremum (GELU's minimum) lies at a root of f': the oracle's special points
    special = list(SPECIAL_POINTS.get(entry.name, ()))
    y = entry(np.concatenate([GRID, [-FAR, FAR, -1e300, 1e300], near, special]), **entry.defaults)
    assert y.min() >= lo - slack(lo) and y.max() <= hi + slack(hi)
    # the bounds are tight: approached (or reached) within 1e-12, or exceeded by some input if infinite
    assert (y.min() - lo <= 1e-12) if np.isfinite(lo) else y.min() < -1e6
    assert (hi - y.max() <= 1e-12) if np.isfinite(hi) else y.max() > 1e6


@pytest.mark.parametrize("entry", ELEMENTWISE, ids=lambda e: e.name)
def test_attained_bounds(entry):
    lo, hi = entry.declared.range
    reach_lo, reach_hi = entry.declared.attained
    # float64 resolves tanh and sigmoid from their bounds here; extrema lie at special points
    inside = [p for p in SPECIAL_POINTS.get(entry.name, ()) if abs(p) <= 15]
    x = np.concatenate([np.linspace(-15, 15, 30_001), inside])
    y = entry(x, **entry.defaults)

    def reached(v, bound):  # to within the rounding of the value at the extremum
        return v == bound if bound == 0 else abs(v - bound) <= 4 * np.spacing(abs(bound))

    if entry.declared.monotonic in ("increasing", "decreasing"):
        # strictly monotonic on the reals: no finite x is an extremum. A steep one (laplace)
        # rounds to its bounds inside [-15, 15], so the values below cannot tell
        assert entry.declared.attained == (False, False)
        return
    if np.isfinite(lo):
        assert reached(y.min(), lo) == reach_lo
    if np.isfinite(hi):
        assert reached(y.max(), hi) == reach_hi


@pytest.mark.parametrize("entry", ELEMENTWISE, ids=lambda e: e.name)
def test_monotonic(entry):
    diff = np.diff(entry(GRID, **entry.defaults))
    kind = entry.declared.monotonic
    if kind == "increasing":
        # strictly increasing: never decreasing, f' >= 0, and f' = 0 only at isolated points
        # (tanhshrink'(0) = 0): no two neighbouring grid points where it is flat
        d = entry.derivative(GRID, **entry.defaults)
        # flat where f' is 0 inside the range; where f has rounded to a bound (a steep sigmoid's
        # tails, laplace's), f' may underflow to 0 too
        y = entry(GRID, **entry.defaults)
        flat = (d == 0) & ~np.isin(y, entry.declared.range)
        assert (diff >= 0).all() and (d >= 0).all() and not (flat[:-1] & flat[1:]).any()
    elif kind == "non-decreasing":
        assert (diff >= 0).all()
    elif kind == "decreasing":
        assert (diff <= 0).all() and (entry.derivative(GRID, **entry.defaults) < 0).all()
    else:
        assert (diff > 0).any() and (diff < 0).any()


@pytest.mark.parametrize("entry", ELEMENTWISE, ids=lambda e: e.name)
def test_saturation(entry):
    left, right = entry.declared.saturates
    d = np.abs(entry.derivative(np.array([-1e300, -FAR, FAR, 1e300]), **entry.defaults))
    # saturation is f' -> 0: at |x| = 1e6 an algebraic tail (squareplus, softsign) is ~1e-12;
    # a slower one (sqrt-softplus, 1/(2√x): 5e-4 at 1e6) is still falling and 5e-151 at 1e300
    def saturates(far, farthest):
        return far < 1e-9 or farthest < min(far, 1e-9)
    assert saturates(d[1], d[0]) == left and saturates(d[2], d[3]) == right


@pytest.mark.parametrize("entry", ELEMENTWISE, ids=lambda e: e.name)
def test_continuity_matches_smoothness(entry):
    # a jump bigger than the slope allows, across one grid step, means a discontinuity
    x = np.linspace(-5, 5, 100_001)
    y = entry(x, **entry.defaults)
    dy = np.abs(entry.derivative(x, **entry.defaults))
    jumps = np.abs(np.diff(y))
    # a continuous f moves at most about |f'| * dx between grid points
    continuous = bool(np.all(jumps <= 1e-3 + 2 * (x[1] - x[0]) * np.maximum(dy[:-1], dy[1:])))
    # a jump below the grid's tolerance (xielu's 8e-7 at 0) shows at the kinks themselves: one
    # ulp either side of a point where f is continuous, f moves by rounding only
    for k in entry.kinks:
        y = entry(np.array([np.nextafter(k.at, -np.inf), k.at, np.nextafter(k.at, np.inf)]),
                  **entry.defaults)
        continuous &= bool(np.all(np.abs(np.diff(y)) <= 1e-12 * (1 + abs(y[1]))))
    assert continuous == (entry.declared.smoothness != "discontinuous")


KNOWN_MOMENTS = {
    "relu": (1 / math.sqrt(2 * math.pi), 0.5 - 1 / (2 * math.pi)),
    "step": (0.5, 0.25),
    "sigmoid": (0.5, None),  # E = 1/2 by the symmetry sigma(-x) = 1 - sigma(x)
    "tanh": (0.0, None),  # odd function
}


@pytest.mark.parametrize("name", sorted(KNOWN_MOMENTS))
def test_normal_moments_against_closed_forms(name):
    props = refimpl.get(name).properties
    mean, var = KNOWN_MOMENTS[name]
    assert props["normal_mean"] == pytest.approx(mean, abs=1e-12)
    if var is not None:
        assert props["normal_variance"] == pytest.approx(var, rel=1e-10)


@pytest.mark.parametrize("entry", ELEMENTWISE, ids=lambda e: e.name)
def test_normal_moments_against_monte_carlo(entry):
    z = np.random.default_rng(0).standard_normal(2_000_000)
    y = entry(z, **entry.defaults)
    props = entry.properties
    # 6 standard errors: a quadrature bug shows, sampling noise does not
    se = math.sqrt(y.var() / z.size)
    assert abs(props["normal_mean"] - y.mean()) < 6 * se + 1e-12
    assert props["normal_variance"] == pytest.approx(y.var(), rel=0.01, abs=1e-12)


@pytest.mark.parametrize("entry", ELEMENTWISE, ids=lambda e: e.name)
def test_values_at_zero(entry):
    props = entry.properties
    assert props["f0"] == entry(0.0, **entry.defaults)
    assert props["df0"] == entry.derivative(0.0, **entry.defaults)
    assert props["df0_is_convention"] == any(k.at == 0 for k in entry.kinks)


def test_sigmoid_and_tanh_facts():
    assert refimpl.sigmoid.properties["df0"] == 0.25
    assert refimpl.tanh.properties["df0"] == 1.0
    assert refimpl.tanh.properties["zero_centred"] and not refimpl.sigmoid.properties["zero_centred"]
