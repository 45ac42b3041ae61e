"""Claims specific to the gated family: GLU, SwiGLU, GEGLU, ReGLU and maxout."""

import warnings

import mpmath as mp
import numpy as np
import pytest

import refimpl
from refimpl.accuracy import ulp_error
from refimpl.oracles import exact_vector

GLUS = ["glu", "swiglu", "geglu", "reglu"]
GATES = {"glu": "sigmoid", "swiglu": "silu", "geglu": "gelu", "reglu": "relu"}


# -- the definitions -------------------------------------------------------------------------------
@pytest.mark.parametrize("name", GLUS)
def test_first_half_times_gate_of_second_half(name):
    # PyTorch's convention: a is the first half, the gate acts on the second half b
    x = np.linspace(-4, 4, 20)
    a, b = x[:10], x[10:]
    np.testing.assert_allclose(refimpl.get(name)(x), a * refimpl.get(GATES[name])(b),
                               rtol=4e-16, atol=0)


def test_glu_is_not_the_other_way_round():
    x = np.array([2.0, -3.0])  # a = 2, b = -3
    assert refimpl.glu(x)[0] == pytest.approx(2 * refimpl.sigmoid(-3.0), rel=1e-15)
    assert refimpl.glu(x)[0] != pytest.approx(-3 * refimpl.sigmoid(2.0))


def test_swiglu_is_glu_with_swish_beta_one():
    x = np.random.default_rng(3).standard_normal(40) * 5
    a, b = x[:20], x[20:]
    np.testing.assert_allclose(refimpl.swiglu(x), a * refimpl.swish(b, beta=1.0), rtol=4e-16)


def test_geglu_passes_approximate_to_gelu():
    x = np.random.default_rng(4).standard_normal(40) * 3
    a, b = x[:20], x[20:]
    for approx in ("none", "tanh"):
        np.testing.assert_allclose(refimpl.geglu(x, approximate=approx),
                                   a * refimpl.gelu(b, approximate=approx), rtol=4e-16)
    assert not np.array_equal(refimpl.geglu(x), refimpl.geglu(x, approximate="tanh"))


def test_maxout_groups_are_contiguous():
    x = np.array([1.0, 5.0, 2.0, 0.0, -1.0, 7.0])
    np.testing.assert_array_equal(refimpl.maxout(x, pieces=2), [5.0, 2.0, 7.0])
    np.testing.assert_array_equal(refimpl.maxout(x, pieces=3), [5.0, 7.0])
    np.testing.assert_array_equal(refimpl.maxout(x, pieces=1), x)
    np.testing.assert_array_equal(refimpl.maxout(x, pieces=6), [7.0])


def test_maxout_of_z_and_zero_is_relu_and_of_z_and_alpha_z_is_leaky_relu():
    z = np.linspace(-5, 5, 101)
    np.testing.assert_array_equal(refimpl.maxout(np.stack([z, 0 * z], -1), pieces=2)[:, 0],
                                  refimpl.relu(z))
    np.testing.assert_array_equal(refimpl.maxout(np.stack([z, 0.01 * z], -1), pieces=2)[:, 0],
                                  np.where(z > 0, z, 0.01 * z))


# -- shapes, axes and errors ---------------------------------------------------------------------
@pytest.mark.parametrize("name", GLUS)
@pytest.mark.parametrize("axis", [0, 1, -1, -3])
def test_axis_halves_that_axis_only(name, axis):
    x = np.random.default_rng(5).standard_normal((4, 6, 2))
    f = refimpl.get(name)
    y = f(x, axis=axis)
    expected = list(x.shape)
    expected[axis] //= 2
    assert y.shape == tuple(expected)
    moved = np.moveaxis(x, axis, -1)
    np.testing.assert_array_equal(np.moveaxis(y, axis, -1), f(moved))


@pytest.mark.parametrize("axis", [0, 1, 2, -1])
def test_maxout_axis(axis):
    x = np.random.default_rng(6).standard_normal((6, 4, 6))
    y = refimpl.maxout(x, pieces=2, axis=axis)
    np.testing.assert_array_equal(np.moveaxis(y, axis, -1),
                                  refimpl.maxout(np.moveaxis(x, axis, -1), pieces=2))


@pytest.mark.parametrize("name", GLUS)
def test_odd_size_is_a_value_error_that_says_why(name):
    with pytest.raises(ValueError, match=r"must be even to split x into halves a and b, got 5"):
        refimpl.get(name)(np.zeros(5))
    with pytest.raises(ValueError, match="at least one axis"):
        refimpl.get(name)(1.0)
    with pytest.raises(ValueError, match="out of range"):
        refimpl.get(name)(np.zeros(4), axis=1)


def test_maxout_needs_pieces_that_divide_the_size():
    with pytest.raises(TypeError, match="missing required parameter 'pieces'"):
        refimpl.maxout(np.zeros(4))
    with pytest.raises(ValueError, match=r"size of axis 0 \(6\) is not divisible by pieces=4"):
        refimpl.maxout(np.zeros(6), pieces=4)
    for bad in (0, -2, 2.0, True, "2"):
        with pytest.raises(ValueError, match=r"invalid pieces=.*integer >= 1"):
            refimpl.maxout(np.zeros(4), pieces=bad)


def test_geglu_approximate_is_checked():
    with pytest.raises(ValueError, match=r"invalid approximate='erf'.*'none', 'tanh'"):
        refimpl.geglu(np.zeros(2), approximate="erf")
    with pytest.raises(ValueError, match="invalid axis"):
        refimpl.glu(np.zeros(2), axis=1.0)


@pytest.mark.parametrize("name", GLUS + ["maxout"])
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_dtype_kept_input_untouched(name, dtype):
    e = refimpl.get(name)
    x = np.linspace(-3, 3, 8).astype(dtype)
    before = x.copy()
    y = e(x, **e.defaults)
    assert y.dtype == dtype and y.shape == (4,)
    assert e.vjp(x, np.ones(4, dtype), **e.defaults).dtype == dtype
    np.testing.assert_array_equal(x, before)


# -- accuracy where the textbook product fails ------------------------------------------------------
def _check(name, x, **params):
    got = refimpl.get(name)(np.array(x), **params)
    want = exact_vector(name, x, **params)
    for g, w in zip(got, want):
        if w == 0:
            assert g == 0
        else:
            assert ulp_error(g, w) <= 4, (name, x, g, mp.nstr(w, 17))


@pytest.mark.parametrize("a", [1.0, 1e10, 1e300, -1.7e308])
@pytest.mark.parametrize("b", [-700.5, -720.0, -745.0, -800.0, -1000.0])
def test_subnormal_gate_times_large_a_keeps_its_digits(a, b):
    # sigma(b) and silu(b) are subnormal or 0 here; a times them is not
    _check("glu", [a, b], axis=-1)
    _check("swiglu", [a, b], axis=-1)


@pytest.mark.parametrize("a", [1.0, 1e20, 1e300])
@pytest.mark.parametrize("b", [-37.5, -38.5, -40.0, -45.0, -50.0])
def test_geglu_far_tail(a, b):
    # gelu(b) is subnormal or 0 here (kappa ~ b^2, but the scaled form does far better)
    _check("geglu", [a, b], axis=-1, approximate="none")


@pytest.mark.parametrize("b", [5e-324, -1e-310, 1e-305])
def test_tiny_b_times_large_a(b):
    # silu(b) = gelu(b) = b/2 is subnormal here; 1e10 * b/2 is not
    for name in ("swiglu", "geglu"):
        _check(name, [1e10, b], axis=-1)


def test_textbook_product_loses_what_refimpl_keeps():
    a, b = 1e300, -740.0
    naive = a * refimpl.sigmoid(b)
    good = refimpl.glu(np.array([a, b]))[0]
    exact = exact_vector("glu", [a, b])[0]
    assert ulp_error(good, exact) <= 1
    assert ulp_error(naive, exact) > 1e10


# -- limits, NaN, warnings -------------------------------------------------------------------------
def test_infinities_and_nan():
    inf, nan = np.inf, np.nan
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert refimpl.glu(np.array([inf, 0.0]))[0] == inf
        assert refimpl.glu(np.array([3.0, -inf]))[0] == 0
        assert np.isnan(refimpl.glu(np.array([inf, -inf]))[0])  # inf * 0: undefined
        assert refimpl.glu(np.array([inf, -800.0]))[0] == inf  # sigma(-800) > 0
        assert refimpl.reglu(np.array([inf, -1.0]))[0] == 0  # f = 0 for every finite a
        assert refimpl.swiglu(np.array([-inf, 0.0]))[0] == 0
        assert refimpl.swiglu(np.array([1e308, 1e308]))[0] == inf  # overflows, as it should
        assert refimpl.swiglu(np.array([inf, -800.0]))[0] == -inf
        for name in GLUS:
            f = refimpl.get(name)
            assert np.isnan(f(np.array([nan, 1.0]))[0]) and np.isnan(f(np.array([1.0, nan]))[0])
        assert np.isnan(refimpl.maxout(np.array([1.0, nan, 2.0, 3.0]), pieces=2)).tolist() == [True, False]


@pytest.mark.parametrize("name", GLUS + ["maxout"])
def test_nothing_warns(name):
    e = refimpl.get(name)
    big = np.finfo(float).max
    specials = [np.nan, -np.inf, np.inf, big, -big, 5e-324, -5e-324, 0.0, -0.0, 1.0, -800.0, -40.0]
    a, b = np.meshgrid(specials, specials)
    x = np.concatenate([a.ravel(), b.ravel()])
    with warnings.catch_warnings(), np.errstate(divide="warn", over="warn", invalid="warn"):
        warnings.simplefilter("error")
        y = e(x, **e.defaults)
        e.vjp(x, np.ones_like(y), **e.defaults)


# -- derivatives -----------------------------------------------------------------------------------
def test_glu_partials():
    a, b = 1.5, -0.75
    g = refimpl.glu.vjp(np.array([a, b]), np.array([1.0]))
    assert g[0] == refimpl.sigmoid(b)
    assert g[1] == pytest.approx(a * refimpl.sigmoid(b) * refimpl.sigmoid(-b), rel=1e-15)


def test_reglu_kink_takes_relus_convention():
    g = refimpl.reglu.vjp(np.array([2.0, 0.0]), np.array([1.0]))
    assert g.tolist() == [0.0, 0.0]  # d/db at b = 0 is a * relu'(0) = 0
    assert refimpl.reglu.kinks[0].derivative == refimpl.relu.derivative(0.0)


def test_maxout_gradient_goes_to_the_first_maximum_like_torch_max():
    x = np.array([2.0, 2.0, 1.0, 3.0, 3.0, 3.0])
    up = np.array([10.0, 20.0])
    np.testing.assert_array_equal(refimpl.maxout.vjp(x, up, pieces=3),
                                  [10.0, 0.0, 0.0, 20.0, 0.0, 0.0])
    np.testing.assert_array_equal(refimpl.maxout.vjp(x, up, pieces=3).reshape(2, 3).sum(1), up)


@pytest.mark.parametrize("name", GLUS + ["maxout"])
def test_vjp_along_another_axis(name):
    e = refimpl.get(name)
    x = np.random.default_rng(7).standard_normal((4, 3))
    up = np.random.default_rng(8).standard_normal((2, 3))
    got = e.vjp(x, up, **{**e.defaults, "axis": 0})
    want = e.vjp(x.T, up.T, **e.defaults).T
    np.testing.assert_allclose(got, want, rtol=1e-15)


# -- declared facts --------------------------------------------------------------------------------
def test_declared_range_is_all_reals():
    for name in GLUS + ["maxout"]:
        e = refimpl.get(name)
        assert e.kind == "shaping" and e.properties["range"] == (-np.inf, np.inf)
        x = np.array([-1e300, -1e300, 1e300, 0.0] if name == "maxout" else
                     [1e300, -1e300, 1e300, 1e300])
        y = e(x, **e.defaults)
        assert y.max() > 1e6 and y.min() < -1e6


def test_frameworks_glu_only():
    assert refimpl.glu.frameworks["pytorch"].names[0] == "torch.nn.GLU"
    for name in ("swiglu", "geglu", "reglu", "maxout"):
        assert set(refimpl.get(name).frameworks.values()) == {None}
