"""softmax, log_softmax, softmin, sparsemax: identities, axes, infinities, gradients, accuracy."""

import warnings

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import refimpl
from refimpl.accuracy import ulp_error
from refimpl.oracles import exact_vector

NAMES = ["softmax", "log_softmax", "softmin", "sparsemax"]
PROBABILITIES = ["softmax", "softmin", "sparsemax"]
DEFAULT_ERRSTATE = dict(divide="warn", over="warn", under="ignore", invalid="warn")
INF = np.inf


def quiet(fn, *args, **kw):
    """fn(*args) with every floating-point warning an error, as in the contract."""
    with warnings.catch_warnings(), np.errstate(**DEFAULT_ERRSTATE):
        warnings.simplefilter("error")
        return fn(*args, **kw)


rows = hnp.arrays(np.float64, st.integers(1, 8),
                  elements=st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False))


# -- identities ------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", PROBABILITIES)
@settings(max_examples=200, deadline=None)
@given(x=rows)
def test_outputs_are_a_probability_distribution(name, x):
    p = quiet(refimpl.get(name), x)
    assert ((p >= 0) & (p <= 1)).all()
    assert abs(p.sum() - 1) <= x.size * np.finfo(float).eps


@settings(max_examples=200, deadline=None)
@given(x=rows)
def test_log_softmax_is_the_log_of_softmax_and_at_most_0(x):
    y = quiet(refimpl.log_softmax, x)
    assert (y <= 0).all()
    with np.errstate(divide="ignore"):
        np.testing.assert_allclose(np.exp(y), refimpl.softmax(x), rtol=1e-12, atol=1e-300)


@pytest.mark.parametrize("name", ["softmax", "log_softmax", "sparsemax"])
@settings(max_examples=150, deadline=None)
@given(k=hnp.arrays(np.int64, st.integers(1, 6), elements=st.integers(-2000, 2000)),
       c=st.integers(-2 ** 40, 2 ** 40))
def test_shift_invariance_is_exact_when_the_shift_is(name, k, c):
    # x = k/8 and x + c are exact doubles, so x - max(x) is the same number: identical outputs
    x = k / 8.0
    f = refimpl.get(name)
    np.testing.assert_array_equal(f(x + c), f(x))


@settings(max_examples=100, deadline=None)
@given(x=rows)
def test_softmin_is_softmax_of_minus_x(x):
    np.testing.assert_array_equal(refimpl.softmin(x), refimpl.softmax(-x))


def test_softmax_of_two_logits_is_the_sigmoid_of_their_difference():
    t = np.linspace(-30, 30, 601)
    s = refimpl.softmax(np.stack([t, np.zeros_like(t)], axis=-1))
    np.testing.assert_allclose(s[:, 0], refimpl.sigmoid(t), rtol=4e-16)


def test_sparsemax_of_two_logits_is_a_hard_sigmoid():
    # sparsemax([t, 0])[0] = clip((1 + t)/2, 0, 1) (Martins & Astudillo 2016, section 2.3)
    t = np.linspace(-3, 3, 601)
    p = refimpl.sparsemax(np.stack([t, np.zeros_like(t)], axis=-1))
    np.testing.assert_allclose(p[:, 0], np.clip((1 + t) / 2, 0, 1), rtol=0, atol=1e-16)


@settings(max_examples=200, deadline=None)
@given(x=rows)
def test_sparsemax_is_the_projection_onto_the_simplex(x):
    # KKT conditions: p = max(x - tau, 0) for one tau, and x_i <= tau wherever p_i = 0
    p = quiet(refimpl.sparsemax, x)
    s = p > 0
    tau = np.mean(x[s] - p[s])
    np.testing.assert_allclose(x[s] - p[s], tau, rtol=0, atol=1e-12 * (1 + np.abs(x).max()))
    assert (x[~s] <= tau + 1e-12 * (1 + np.abs(x).max())).all()


def test_sparsemax_gives_exact_zeros_and_softmax_does_not():
    x = np.array([1.0, 0.8, -1.0])
    assert refimpl.sparsemax(x)[2] == 0.0
    assert refimpl.softmax(x)[2] > 0


# -- axes --------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("shape, axis", [((3, 5), 0), ((3, 5), 1), ((3, 5), -1), ((2, 3, 4), 0),
                                          ((2, 3, 4), 1), ((2, 3, 4), -1), ((2, 3, 4), -3)])
def test_axis_acts_on_each_slice(name, shape, axis):
    f = refimpl.get(name)
    x = np.random.default_rng(1).standard_normal(shape) * 3
    before = x.copy()
    got = f(x, axis=axis)
    want = np.apply_along_axis(lambda v: f(v), axis, x)
    np.testing.assert_array_equal(got, want)
    np.testing.assert_array_equal(x, before)  # input untouched
    g = np.random.default_rng(2).standard_normal(shape)
    got_vjp = f.vjp(x, g, axis=axis)
    xm, gm = np.moveaxis(x, axis, -1), np.moveaxis(g, axis, -1)
    per_row = np.array([f.vjp(a, b) for a, b in zip(xm.reshape(-1, xm.shape[-1]),
                                                    gm.reshape(-1, gm.shape[-1]))])
    np.testing.assert_allclose(np.moveaxis(got_vjp, axis, -1).reshape(per_row.shape), per_row,
                               rtol=1e-15, atol=1e-16)


def test_softmax2d_is_softmax_over_axis_minus_3():
    x = np.random.default_rng(3).standard_normal((2, 4, 3, 3))
    s = refimpl.softmax(x, axis=-3)
    np.testing.assert_allclose(s.sum(axis=1), 1, rtol=0, atol=4e-16)


@pytest.mark.parametrize("name", NAMES)
def test_axis_must_be_an_integer(name):
    with pytest.raises(ValueError, match="axis"):
        refimpl.get(name)([1.0, 2.0], axis=1.5)
    with pytest.raises(np.exceptions.AxisError):
        refimpl.get(name)([1.0, 2.0], axis=1)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("dtype", [np.float16, np.float32])
def test_low_precision_dtype_kept_and_within_2_ulp(name, dtype):
    x = np.array([-3.5, 0.25, 2.0, 2.125, -40.0], dtype=dtype)
    y = refimpl.get(name)(x)
    assert y.dtype == dtype
    for yi, wi in zip(y, exact_vector(name, x.astype(float))):
        assert ulp_error(yi, wi, dtype) <= 2, (name, dtype, yi, wi)


def test_a_one_entry_row_is_certain_and_a_scalar_has_no_axis():
    assert refimpl.softmax([3.0]) == [1.0] and refimpl.log_softmax([3.0]) == [0.0]
    assert refimpl.sparsemax([-2.0]) == [1.0] and refimpl.softmin([5.0]) == [1.0]
    with pytest.raises(ValueError, match="softmax: x must have at least one axis"):
        refimpl.softmax(3.0)


# -- infinities and NaN ----------------------------------------------------------------------------
@pytest.mark.parametrize("name", PROBABILITIES)
def test_minus_inf_entries_get_exactly_0_and_the_rest_is_unchanged(name):
    big = INF if name == "softmin" else -INF  # softmin's "excluded" entries are +inf
    x = np.array([1.5, big, -0.5, big, 0.25])
    y = quiet(refimpl.get(name), x)
    assert y[1] == 0 and y[3] == 0
    np.testing.assert_array_equal(y[[0, 2, 4]], refimpl.get(name)(x[[0, 2, 4]]))


def test_log_softmax_of_minus_inf_is_minus_inf():
    y = quiet(refimpl.log_softmax, np.array([0.0, -INF, 1.0]))
    assert y[1] == -INF
    np.testing.assert_array_equal(y[[0, 2]], refimpl.log_softmax([0.0, 1.0]))


@pytest.mark.parametrize("name", NAMES)
def test_rows_without_a_limit_are_nan_without_warnings(name):
    # all -inf: 0/0; two +inf: the limit depends on how they grow; NaN: propagates.
    # softmin negates, so its all -inf row is all +inf.
    sign = -1 if name == "softmin" else 1
    x = np.array([[-INF, -INF, -INF], [INF, INF, 0.0], [np.nan, 0.0, 1.0], [0.0, 1.0, 2.0]]) * sign
    y = quiet(refimpl.get(name), x)
    assert np.isnan(y[:3]).all() and not np.isnan(y[3]).any()
    g = quiet(refimpl.get(name).vjp, x, np.ones_like(x))
    assert np.isnan(g[:3]).all() and not np.isnan(g[3]).any()


@pytest.mark.parametrize("name", NAMES)
def test_one_plus_inf_entry_gives_the_limit(name):
    x = np.array([0.0, INF, -3.0]) * (-1 if name == "softmin" else 1)
    y = quiet(refimpl.get(name), x)
    want = [-INF, 0.0, -INF] if name == "log_softmax" else [0.0, 1.0, 0.0]
    np.testing.assert_array_equal(y, want)


# -- precision -------------------------------------------------------------------------------------
def test_log_softmax_keeps_the_dominant_class():
    for gap in (40.0, 100.0, 700.0):
        y = refimpl.log_softmax([0.0, -gap])
        want = -mp.log1p(mp.exp(-gap))
        assert ulp_error(y[0], want) <= 1, gap
        with np.errstate(divide="ignore"):
            assert np.log(refimpl.softmax([0.0, -gap]))[0] == 0.0  # the naive way loses it all


# -- gradients -------------------------------------------------------------------------------------
def test_softmax_jacobian_is_diag_s_minus_s_st():
    x = np.array([0.3, -1.2, 2.0, 0.0])
    s = refimpl.softmax(x)
    np.testing.assert_allclose(refimpl.softmax.jacobian(x), np.diag(s) - np.outer(s, s),
                               rtol=1e-15, atol=1e-17)


def test_log_softmax_jacobian_is_identity_minus_ones_st():
    x = np.array([0.3, -1.2, 2.0, 0.0])
    s = refimpl.softmax(x)
    np.testing.assert_allclose(refimpl.log_softmax.jacobian(x), np.eye(4) - np.outer(np.ones(4), s),
                               rtol=1e-15, atol=1e-17)


def test_sparsemax_jacobian_on_the_support():
    x = np.array([1.0, 0.8, -1.0, 0.7])
    p = refimpl.sparsemax(x)
    s = (p > 0).astype(float)
    np.testing.assert_array_equal(refimpl.sparsemax.jacobian(x), np.diag(s) - np.outer(s, s) / s.sum())
