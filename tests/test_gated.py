"""Claims specific to the gated family: GLU, SwiGLU, clamped SwiGLU, GEGLU, ReGLU and maxout."""

import warnings

import mpmath as mp
import numpy as np
import pytest

import refimpl
from refimpl.accuracy import ulp_error
from refimpl.oracles import exact_vector

GLUS = ["glu", "swiglu", "geglu", "reglu"]
GATES = {"glu": "sigmoid", "swiglu": "silu", "geglu": "gelu", "reglu": "relu"}
# every entry that halves its axis: the GLUs and gpt-oss's clamped SwiGLU (pairs, not halves)
HALVING = GLUS + ["clamped_swiglu"]


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
@pytest.mark.parametrize("name", HALVING)
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


@pytest.mark.parametrize("name", HALVING + ["maxout"])
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


@pytest.mark.parametrize("name", HALVING + ["maxout"])
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


@pytest.mark.parametrize("name", HALVING + ["maxout"])
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
    # none of PyTorch, JAX and Keras 3 has the other gated units or maxout (PaddlePaddle and ONNX
    # have a SwiGLU and maxout: refimpl/spellings/)
    for name in ("swiglu", "clamped_swiglu", "geglu", "reglu", "maxout"):
        assert all(refimpl.get(name).frameworks.get(k) is None for k in ("pytorch", "jax", "keras")), name


# -- the clamped SwiGLU of gpt-oss ------------------------------------------------------------------
def _gpt_oss(x, alpha=1.702, limit=7.0):
    """gpt_oss/torch/model.py's swiglu (openai/gpt-oss, 243a1b0), line by line in NumPy."""
    x_glu, x_linear = x[..., ::2], x[..., 1::2]
    x_glu = np.minimum(x_glu, limit)  # .clamp(min=None, max=limit)
    x_linear = np.clip(x_linear, -limit, limit)
    out_glu = x_glu * (1 / (1 + np.exp(-alpha * x_glu)))
    return out_glu * (x_linear + 1)


def test_clamped_swiglu_is_gpt_oss_code():
    # the transcription rounds alpha·x_glu and then each product: a few ulp times |alpha x|
    x = np.random.default_rng(9).standard_normal((3, 40)) * 6  # many values beyond +-7
    np.testing.assert_allclose(refimpl.clamped_swiglu(x), _gpt_oss(x), rtol=1e-13, atol=1e-300)
    np.testing.assert_allclose(refimpl.clamped_swiglu(x, alpha=1.0, limit=3.0),
                               _gpt_oss(x, 1.0, 3.0), rtol=1e-13, atol=1e-300)
    assert refimpl.get("gpt_oss_swiglu") is refimpl.clamped_swiglu


def test_clamped_swiglu_pairs_are_interleaved_and_gate_first():
    # one pair: (gate, linear) = (x[0], x[1]); swapping them changes the value
    g, lin = 1.5, -0.25
    f = refimpl.clamped_swiglu(np.array([g, lin]))[0]
    assert f == pytest.approx((lin + 1) * refimpl.swish(g, beta=1.702), rel=1e-15)
    assert f != pytest.approx(refimpl.clamped_swiglu(np.array([lin, g]))[0])


def test_clamped_swiglu_without_clamp_is_swiglu_of_a_permutation():
    # limit=inf and alpha=1: (l + 1)·silu(g), which is swiglu([l + 1, g]) in refimpl's halves
    x = np.random.default_rng(10).standard_normal(20) * 4
    g, lin = x[0::2], x[1::2]
    np.testing.assert_allclose(refimpl.clamped_swiglu(x, alpha=1.0, limit=np.inf),
                               refimpl.swiglu(np.concatenate([lin + 1, g])), rtol=4e-16)


def test_clamped_swiglu_is_constant_beyond_its_clamps():
    f = refimpl.clamped_swiglu
    for lin in (-3.0, 0.5, 6.0):
        assert f(np.array([7.0, lin]))[0] == f(np.array([7.5, lin]))[0] == f(np.array([1e300, lin]))[0]
    for g in (-2.0, 0.3, 7.0):
        assert f(np.array([g, 7.0]))[0] == f(np.array([g, 1e300]))[0] == f(np.array([g, np.inf]))[0]
        assert f(np.array([g, -7.0]))[0] == f(np.array([g, -8.0]))[0]
    # inside the clamps the clamp is the identity: the bits of the unclamped function
    x = np.random.default_rng(11).uniform(-6.9, 6.9, 30)
    np.testing.assert_array_equal(f(x), f(x, limit=np.inf))


def test_clamped_swiglu_odd_size_is_a_value_error_that_says_why():
    with pytest.raises(ValueError, match=r"must be even to split x into pairs \(gate, linear\)"):
        refimpl.clamped_swiglu(np.zeros(5))
    for bad in (0.0, -1.0, np.nan, "7"):
        with pytest.raises(ValueError, match="invalid limit"):
            refimpl.clamped_swiglu(np.zeros(2), limit=bad)
    for bad in (np.inf, np.nan, True):
        with pytest.raises(ValueError, match="invalid alpha"):
            refimpl.clamped_swiglu(np.zeros(2), alpha=bad)


def test_clamped_swiglu_range_is_attained_at_the_clamps():
    e = refimpl.clamped_swiglu
    lo, hi = e.declared.range
    assert e.properties["range"] == (lo, hi) and e.declared.attained == (True, True)
    # the exact extremes (l + 1)·7σ(1.702·7) for l + 1 = -6 and 8, from the oracle
    top = exact_vector("clamped_swiglu", [7.0, 7.0])[0]
    bottom = exact_vector("clamped_swiglu", [7.0, -7.0])[0]
    assert ulp_error(hi, top) <= 1 and ulp_error(lo, bottom) <= 1
    assert ulp_error(e(np.array([50.0, 50.0]))[0], top) <= 1
    assert ulp_error(e(np.array([50.0, -50.0]))[0], bottom) <= 1
    x = np.random.default_rng(12).standard_normal(2000) * 20
    y = e(x)
    assert y.max() <= hi * (1 + 4e-16) and y.min() >= lo * (1 + 4e-16)


@pytest.mark.parametrize("g", [-420.0, -450.0, -600.0, -710.0, -1000.0, -1e300])
@pytest.mark.parametrize("lin", [7.0, -0.5, 3.0])
def test_clamped_swiglu_far_tail(g, lin):
    # alpha g < -700: sigma(alpha g) is subnormal or 0; (l + 1)·g·e^(alpha g) is formed whole.
    # With alpha = 1 the gate argument is exact, so the product alone is judged: within 4 ulp
    _check("clamped_swiglu", [g, lin], alpha=1.0)
    _check("clamped_swiglu", [g, 1e300], alpha=1.0, limit=np.inf)
    # with alpha = 1.702, alpha·g is taken exactly (a double and its rounding error): the
    # rounding of alpha·g, worth up to |alpha g| ulp of e^(alpha g), costs nothing either
    _check("clamped_swiglu", [g, lin])


@pytest.mark.parametrize("g", [5e-324, -1e-310, 1e-305])
def test_clamped_swiglu_tiny_gate_times_large_linear(g):
    _check("clamped_swiglu", [g, 6.5])
    _check("clamped_swiglu", [g, 1e10], limit=np.inf)


def test_clamped_swiglu_infinities_and_nan():
    f = refimpl.clamped_swiglu
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert f(np.array([-np.inf, 3.0]))[0] == 0  # g·sigma(1.702 g) -> 0
        assert f(np.array([np.inf, np.inf]))[0] == f(np.array([7.0, 7.0]))[0]  # both clamped
        assert f(np.array([-np.inf, 3.0]), alpha=-1.0)[0] == -np.inf  # sigma -> 1: g·4
        assert f(np.array([np.inf, -1.0]), limit=np.inf)[0] == 0  # l + 1 = 0 for every g
        assert f(np.array([0.0, np.inf]), limit=np.inf)[0] == 0  # g = 0 for every l
        assert np.isnan(f(np.array([-np.inf, np.inf]), limit=np.inf)[0])  # 0·inf in the limit
        assert np.isnan(f(np.array([np.nan, 1.0]))[0]) and np.isnan(f(np.array([1.0, np.nan]))[0])
        # a NaN gate or linear part makes both partials of its pair NaN (each depends on both)
        g = f.vjp(np.array([np.nan, 1.0, 1.0, np.nan, 1.0, 1.0]), np.ones(3))
        assert np.isnan(g).tolist() == [True, True, True, True, False, False]


def test_clamped_swiglu_gradient_is_zero_at_and_beyond_the_clamps():
    # PyTorch 2.14.1: clamp's backward is where(x < max, grad, 0) (and x > min): 0 at the bound
    vjp = refimpl.clamped_swiglu.vjp
    below = np.nextafter(7.0, 0)
    assert vjp(np.array([7.0, 2.0]), np.ones(1))[0] == 0
    assert vjp(np.array([below, 2.0]), np.ones(1))[0] > 0
    assert vjp(np.array([9.0, 2.0]), np.ones(1))[0] == 0
    for lin in (7.0, -7.0, 8.0, -8.0):
        assert vjp(np.array([1.0, lin]), np.ones(1))[1] == 0
    for lin in (below, -below):
        assert vjp(np.array([1.0, lin]), np.ones(1))[1] == refimpl.swish(1.0, beta=1.702)
    kinks = refimpl.clamped_swiglu.kinks
    assert sorted(k.at for k in kinks) == [-7.0, 7.0] and {k.derivative for k in kinks} == {0.0}


def test_clamped_swiglu_partials():
    g, lin, up = -0.8, 2.5, 3.0
    d = refimpl.clamped_swiglu.vjp(np.array([g, lin]), np.array([up]))
    assert d[0] == pytest.approx(up * (lin + 1) * refimpl.swish.derivative(g, beta=1.702), rel=1e-15)
    assert d[1] == pytest.approx(up * refimpl.swish(g, beta=1.702), rel=1e-15)
