"""The vector output functions: softmax, log-softmax, softmin and sparsemax.

Each maps a vector of scores (logits) along `axis` to a vector of the same shape: a probability
distribution (softmax, softmin, sparsemax) or its logarithm (log_softmax). None of them warns,
for any input, and each treats the rows it cannot compute the usual way by one rule:

- a row with a NaN gives NaN in the whole row (every output depends on every input);
- a row whose entries are all -inf gives NaN in the whole row: 0/0, and no limit exists (the
  limit of softmax(x) as x -> (-inf, ..., -inf) depends on the path). PyTorch 2.14, JAX 0.10,
  Keras 3.15 and scipy.special 1.17 all return NaN there too;
- a row with exactly one +inf entry gives the limit as that entry grows: the one-hot vector
  (log_softmax: 0 there, -inf elsewhere). The frameworks return NaN there;
- a row with two or more +inf entries gives NaN: the limit depends on how they grow.

Along the axis -inf entries are ordinary: they get probability exactly 0 (log_softmax: -inf).
A row of no entries gives an empty row. The registry entries check that x has the axis.
"""

import math

import numpy as np

from .registry import Entry, Framework, Properties, axis_param, register


def _rows(x, axis):
    """x with `axis` moved last (as a view), so that each row along the last axis is one vector."""
    return np.moveaxis(x, axis, -1)


def _back(y, axis):
    return np.moveaxis(y, -1, axis)


def _special_rows(x):
    """(m, finite, fix): the row maxima with non-finite ones replaced by 0 (safe to subtract),
    where the maxima were finite, and a function that overwrites the rows of the special cases
    in the module docstring."""
    m = np.max(x, axis=-1, keepdims=True)
    finite = np.isfinite(m)
    n_posinf = np.sum(x == np.inf, axis=-1, keepdims=True)

    def fix(y, one_hot_in, one_hot_out):
        # one_hot_in/out: the values at the +inf entry and elsewhere in a one-+inf row
        if finite.all():
            return y
        one = ~finite & (n_posinf == 1) & ~np.isnan(m)
        y = np.where(one, np.where(x == np.inf, one_hot_in, one_hot_out), y)
        return np.where(~finite & ~one, np.nan, y)

    return np.where(finite, m, 0.0), finite, fix


def _minus_max(z, m):
    """(d, e) with z - m = d + e exactly: d = fl(z - m) and e its rounding error (Knuth's
    TwoSum), 0 at infinite entries. e matters where z - m is inexact (|m| < 2, mixed signs):
    -0.1 - 0.2 rounds to -0.30000000000000004, an error of 2.8e-17."""
    d = z - m
    zz = np.where(np.isfinite(z), z, 0.0)
    dd = zz - m
    back = dd - zz
    e = (zz - (dd - back)) + (-m - back)
    return d, e


def _two_sum(a, b):
    """(s, e) with s = fl(a + b) and a + b = s + e exactly (Knuth)."""
    s = a + b
    back = s - a
    return s, (a - (s - back)) + (b - back)


def _two_prod_int(k, a):
    """(p, e) with p = fl(k a) and k a = p + e exactly, for integers 0 < k < 2**26 and
    |a| < 2**900 (Dekker's product: a split into halves of 26 bits)."""
    c = 134217729.0 * a  # 2**27 + 1
    hi = c - (c - a)
    p = k * a
    return p, (k * hi - p) + k * (a - hi)


def _sum_double_double(a):
    """(hi, lo): the sum along the last axis as an unevaluated sum of two doubles, accurate as
    if computed in twice the precision. Loops in Python over the shorter of rows and axis."""
    rows = a.reshape(-1, a.shape[-1])
    if rows.shape[0] <= rows.shape[1]:  # few long rows: math.fsum is correctly rounded
        hi = np.array([math.fsum(r) for r in rows])
        lo = np.array([math.fsum([*r, -h]) for r, h in zip(rows, hi)])
    else:  # many short rows: cascaded TwoSum along the axis, vectorised over the rows
        hi, lo = np.zeros(rows.shape[0]), np.zeros(rows.shape[0])
        for j in range(rows.shape[1]):
            hi, e = _two_sum(hi, rows[:, j])
            lo += e
        hi, lo = _two_sum(hi, lo)
    shape = a.shape[:-1] + (1,)
    return hi.reshape(shape), lo.reshape(shape)



def _sum_without_max(e, d):
    """T = the sum of e along the last axis without the term of the (first) maximum of d,
    which is e^0 = 1 and is added by the caller (1 + T, or log1p(T))."""
    k = np.argmax(d, axis=-1)[..., None]
    tail = e.copy()
    np.put_along_axis(tail, k, 0.0, axis=-1)
    return np.sum(tail, axis=-1, keepdims=True)

# --8<-- [start:softmax]
def softmax(x, axis=-1):
    r"""Softmax: the normalised exponential of Bridle (1990).

    .. math:: \operatorname{softmax}(x)_i = \frac{e^{x_i}}{\sum_j e^{x_j}}
              = \frac{e^{x_i - m}}{\sum_j e^{x_j - m}}, \qquad m = \max_j x_j

    The second form is the same number (softmax is invariant to adding a constant to every
    entry) and is what is computed: every exponent is <= 0, so nothing overflows, and the
    largest term of the sum is exactly 1, so the sum is 1 + T with T the sum of the other terms,
    added to 1 last. An entry -inf gets exactly 0.
    See the module docstring for rows with NaN, +inf or only -inf.

    Args:
        x: input array.
        axis: the axis along which the outputs sum to 1.

    Returns:
        An array of the shape and dtype of ``x``, each value in [0, 1].

    Example:
        >>> import refimpl
        >>> print(refimpl.softmax([1000.0, 1000.0, -float("inf")]))
        [0.5 0.5 0. ]

    Reference: Bridle (1990), doi:10.1007/978-3-642-76153-9_28.
    """
    z = _rows(x, axis)
    if z.size == 0:  # no rows, or rows of no entries: nothing to normalise
        return np.zeros(np.shape(x))
    m, finite, fix = _special_rows(z)
    d, err = _minus_max(np.where(finite, z, 0.0), m)
    e = np.exp(d) * (1 + err)  # d <= 0: no overflow; e^(d + err) to first order in err
    # The sum is 1 (the maximum's own term) + T, T the sum of the others: summing T first and
    # adding 1 once rounds the sum only once near 1, not at every partial sum
    y = fix(e / (1 + _sum_without_max(e, d)), 1.0, 0.0)
    return _back(y, axis)


def softmax_vjp(x, g, axis):
    r"""The vector-Jacobian product :math:`g^\top J = s \odot (g - \langle g, s\rangle)`,
    :math:`s = \operatorname{softmax}(x)`, from :math:`J = \operatorname{diag}(s) - s s^\top`."""
    s = softmax(x, axis)
    return s * (g - np.sum(g * s, axis=axis, keepdims=True))
# --8<-- [end:softmax]


# --8<-- [start:log_softmax]
def log_softmax(x, axis=-1):
    r"""Log-softmax: the logarithm of softmax, computed without forming softmax.

    .. math:: \operatorname{log\_softmax}(x)_i = x_i - \log\sum_j e^{x_j}
              = (x_i - m) - \operatorname{log1p}(T), \qquad
              T = \sum_{j \ne k} e^{x_j - m}

    where :math:`m = x_k` is the largest entry (the first, if several are largest). The sum of
    exponentials is :math:`1 + T`; taking ``log1p(T)`` instead of ``log(1 + T)`` keeps the
    digits of T when it is tiny, so the dominant class gets :math:`-\operatorname{log1p}(T)
    \approx -T` rather than 0 (``log_softmax([0, -40])[0]`` is -4.25e-18, not 0). Both terms
    are <= 0, so their sum does not cancel. An entry -inf gets -inf.

    Args:
        x: input array.
        axis: the axis along which exp of the outputs sums to 1.

    Returns:
        An array of the shape and dtype of ``x``, each value in [-inf, 0].

    Example:
        >>> import refimpl
        >>> print(refimpl.log_softmax([0.0, -40.0]))
        [-4.24835426e-18 -4.00000000e+01]

    Reference: derived from softmax (Bridle 1990).
    """
    z = _rows(x, axis)
    if z.size == 0:  # no rows, or rows of no entries: nothing to normalise
        return np.zeros(np.shape(x))
    m, finite, fix = _special_rows(z)
    d, err = _minus_max(np.where(finite, z, 0.0), m)  # d <= 0, and 0 at the maximum
    e = np.exp(d) * (1 + err)
    y = fix((d - np.log1p(_sum_without_max(e, d))) + err, 0.0, -np.inf)
    return _back(y, axis)


def log_softmax_vjp(x, g, axis):
    r""":math:`g^\top J = g - \operatorname{softmax}(x) \sum_j g_j`, from
    :math:`\partial \ell_i / \partial x_j = \delta_{ij} - \operatorname{softmax}(x)_j`."""
    return g - softmax(x, axis) * np.sum(g, axis=axis, keepdims=True)
# --8<-- [end:log_softmax]


# --8<-- [start:softmin]
def softmin(x, axis=-1):
    r"""Softmin: softmax of the negated input, so the smallest entry gets the largest weight.

    .. math:: \operatorname{softmin}(x)_i = \operatorname{softmax}(-x)_i
              = \frac{e^{-x_i}}{\sum_j e^{-x_j}}

    Negation is exact, so this is as accurate as softmax. An entry +inf gets exactly 0.

    Args:
        x: input array.
        axis: the axis along which the outputs sum to 1.

    Returns:
        An array of the shape and dtype of ``x``, each value in [0, 1].

    Example:
        >>> import refimpl
        >>> print(refimpl.softmin([0.0, 0.0, float("inf")]))
        [0.5 0.5 0. ]

    Reference: PyTorch's ``torch.nn.Softmin`` ("Softmin(x) = Softmax(-x)").
    """
    return softmax(-x, axis)


def softmin_vjp(x, g, axis):
    r"""By the chain rule through the negation: :math:`-\,\mathrm{vjp}_{\mathrm{softmax}}(-x, g)`."""
    return -softmax_vjp(-x, g, axis)
# --8<-- [end:softmin]


# --8<-- [start:sparsemax]
def sparsemax(x, axis=-1):
    r"""Sparsemax: the Euclidean projection of x onto the probability simplex.

    .. math:: \operatorname{sparsemax}(x) = \operatorname*{arg\,min}_{p \ge 0,\ \sum p = 1}
              \lVert p - x \rVert^2, \qquad
              \operatorname{sparsemax}(x)_i = \max(x_i - \tau, 0)

    with τ the threshold at which the result sums to 1 (Martins & Astudillo 2016, Algorithm 1):
    sort :math:`z_{(1)} \ge z_{(2)} \ge \dots`, take the support size
    :math:`k = \max\{r : 1 + r z_{(r)} > \sum_{j \le r} z_{(j)}\}` and
    :math:`\tau = (\sum_{j \le k} z_{(j)} - 1)/k`.

    Computed as :math:`p_i = (1 + (k d_i - \sum_{S} d_j))/k`, the same number as
    :math:`d_i - \tau` but with one rounding against 1 at the end, on :math:`d = x - \max x`
    when :math:`|\max x| \ge 2` (exact on the support, by shift invariance) and on x itself
    otherwise. Exact zeros outside the support; -inf entries get 0.

    Args:
        x: input array.
        axis: the axis along which the outputs sum to 1.

    Returns:
        An array of the shape and dtype of ``x``, each value in [0, 1].

    Example:
        >>> import refimpl
        >>> print(refimpl.sparsemax([0.5, 0.1, -2.0]))
        [0.7 0.3 0. ]

    Reference: Martins & Astudillo (2016), arXiv:1602.02068.
    """
    z = _rows(x, axis)
    if z.size == 0:  # no rows, or rows of no entries: nothing to normalise
        return np.zeros(np.shape(x))
    m, finite, fix = _special_rows(z)
    # Shift by the maximum only where that is exact on the support (|m| >= 2: every support
    # entry lies in (m - 1, m], and Sterbenz's lemma makes z - m exact there); for |m| < 2 the
    # shift would round (-0.1 - 0.2) while z itself is already small.
    d = np.where(finite, z, 0.0) - np.where(np.abs(m) >= 2, m, 0.0)
    srt = -np.sort(-d, axis=-1)  # descending; -inf entries last
    r = np.arange(1, d.shape[-1] + 1)
    support = 1 + r * srt > np.cumsum(srt, axis=-1)  # False at -inf entries (-inf > -inf)
    k = np.sum(support, axis=-1, keepdims=True)  # >= 1: the maximum is always in it
    # The support in input order. Tied entries are all in or all out (exactly; rounding in the
    # test above can split a tie), so take all entries equal to the k-th largest, and recount.
    in_s = d >= np.take_along_axis(srt, k - 1, axis=-1)
    k = np.sum(in_s, axis=-1, keepdims=True)
    # k p_i = 1 + (k d_i - sum_S d_j): the bracket in double-double (k d_i and the sum exact to
    # ~2^-106), so the rounding of 1 + (...) and of the division are the only ones that count.
    ds = np.where(in_s, d, 0.0)  # support entries: |ds| < 3, so nothing overflows
    tot_hi, tot_lo = _sum_double_double(ds)
    kd_hi, kd_lo = _two_prod_int(k, ds)
    b_hi, b_lo = _two_sum(kd_hi, -tot_hi)
    p = np.where(in_s, np.maximum((1 + (b_hi + (b_lo + (kd_lo - tot_lo)))) / k, 0.0), 0.0)
    return _back(fix(p, 1.0, 0.0), axis)


def sparsemax_vjp(x, g, axis):
    r"""On the support S = {i : p_i > 0} the Jacobian is :math:`\operatorname{diag}(s) -
    s s^\top/|S|` (s the indicator of S); so :math:`(g^\top J)_i = g_i - \operatorname{mean}_S g`
    for i in S and 0 outside it. Where :math:`p_i = 0` exactly (the boundary, where the
    Jacobian jumps) i is taken as outside S."""
    p = sparsemax(x, axis)
    s = (p > 0).astype(p.dtype)
    size = np.maximum(np.sum(s, axis=axis, keepdims=True), 1)  # 0 only in an all-NaN row
    mean = np.sum(g * s, axis=axis, keepdims=True) / size
    return np.where(np.isnan(p), np.nan, s * (g - mean))
# --8<-- [end:sparsemax]


# Declared properties of vector entries: `range` is that of each output over finite input with
# at least two entries along the axis (a one-entry axis gives exactly 1, or 0 for log_softmax);
# `saturates` says whether the Jacobian tends to 0 as one input tends to -inf / +inf.
_AXIS = axis_param("the axis along which the function acts (the class axis)")

register(Entry(
    name="softmax",
    fn=softmax,
    vjp_fn=softmax_vjp,
    kind="vector",
    title="Softmax",
    summary="The normalised exponential: it turns a vector of scores into a probability "
            "distribution that keeps their order. The output layer of multi-class classifiers "
            "and the weighting of attention.",
    family="output layer",
    aliases=("normalized_exponential",),
    params=(_AXIS,),
    latex=r"\operatorname{softmax}(x)_i = \frac{e^{x_i}}{\sum_j e^{x_j}}",
    derivative_latex=r"\frac{\partial \operatorname{softmax}(x)_i}{\partial x_j} = "
                     r"s_i(\delta_{ij} - s_j), \quad s = \operatorname{softmax}(x)",
    declared=Properties(range=(0.0, 1.0), monotonic="no", smoothness="Cinf",
                        saturates=(True, True), attained=(False, False)),
    origin=("bridle1990probabilistic",),
    frameworks={
        "pytorch": Framework(("torch.nn.Softmax", "torch.softmax", "torch.nn.functional.softmax"),
                             "torch.softmax({x}, dim={axis})",
                             "`dim` has no usable default: `torch.softmax` requires it, and "
                             "`F.softmax`/`nn.Softmax` with `dim=None` warn that the implicit "
                             "choice is deprecated and pick dim 0 for 0-, 1- and 3-D input, dim 1 "
                             "otherwise. A row with one +inf gives NaN (refimpl: one-hot)."),
        "jax": Framework(("jax.nn.softmax",), "jax.nn.softmax({x}, axis={axis})",
                         "Also takes `where`, a mask of the entries to include. A row with one "
                         "+inf gives NaN (refimpl: one-hot)."),
        "keras": Framework(("keras.activations.softmax", "keras.ops.softmax"),
                           "keras.activations.softmax({x}, axis={axis})",
                           "A row with one +inf gives NaN (refimpl: one-hot)."),
    },
    shape=("maps each vector to positive weights that sum to 1, in the order of the inputs",
           "has Jacobian diag(s) − s sᵀ"),
))

register(Entry(
    name="log_softmax",
    fn=log_softmax,
    vjp_fn=log_softmax_vjp,
    kind="vector",
    title="Log-softmax",
    summary="The logarithm of softmax, x − logsumexp(x), computed without forming softmax. The "
            "log-probabilities that the negative log-likelihood (cross-entropy) loss consumes.",
    family="output layer",
    aliases=("logsoftmax",),
    params=(_AXIS,),
    latex=r"\operatorname{log\_softmax}(x)_i = x_i - \log\sum_j e^{x_j}",
    derivative_latex=r"\frac{\partial \operatorname{log\_softmax}(x)_i}{\partial x_j} = "
                     r"\delta_{ij} - \operatorname{softmax}(x)_j",
    declared=Properties(range=(-np.inf, 0.0), monotonic="no", smoothness="Cinf",
                        saturates=(False, True), attained=(False, False)),
    origin=("bridle1990probabilistic",),
    frameworks={
        "pytorch": Framework(("torch.nn.LogSoftmax", "torch.log_softmax",
                              "torch.nn.functional.log_softmax"),
                             "torch.log_softmax({x}, dim={axis})",
                             "`dim` as for softmax. The dominant class of a confident row rounds "
                             "to exactly 0 (log_softmax([0, −40]) gives 0, not −4.2e-18)."),
        "jax": Framework(("jax.nn.log_softmax",), "jax.nn.log_softmax({x}, axis={axis})",
                         "The dominant class of a confident row rounds to exactly 0, as in "
                         "PyTorch."),
        "keras": Framework(("keras.activations.log_softmax", "keras.ops.log_softmax"),
                           "keras.activations.log_softmax({x}, axis={axis})",
                           "The dominant class of a confident row rounds to exactly 0, as in "
                           "PyTorch."),
    },
    shape=("maps each vector to log-probabilities, all ≤ 0, whose exponentials sum to 1",
           "has Jacobian I − 1 sᵀ, s = softmax(x)"),
))

register(Entry(
    name="softmin",
    fn=softmin,
    vjp_fn=softmin_vjp,
    kind="vector",
    title="Softmin",
    summary="Softmax of the negated input: a probability distribution that favours the smallest "
            "entries. PyTorch's Softmin; used where scores are costs or distances.",
    family="output layer",
    params=(_AXIS,),
    latex=r"\operatorname{softmin}(x)_i = \operatorname{softmax}(-x)_i = "
          r"\frac{e^{-x_i}}{\sum_j e^{-x_j}}",
    derivative_latex=r"\frac{\partial \operatorname{softmin}(x)_i}{\partial x_j} = "
                     r"-s_i(\delta_{ij} - s_j), \quad s = \operatorname{softmin}(x)",
    declared=Properties(range=(0.0, 1.0), monotonic="no", smoothness="Cinf",
                        saturates=(True, True), attained=(False, False)),
    origin=(),  # softmax of −x; PyTorch names it, no paper introduced it as such
    frameworks={
        "pytorch": Framework(("torch.nn.Softmin", "torch.nn.functional.softmin"),
                             "torch.nn.functional.softmin({x}, dim={axis})",
                             "`dim` as for softmax; there is no `torch.softmin`."),
        "jax": None,
        "keras": None,
    },
    shape=("maps each vector to positive weights that sum to 1, largest at the smallest input",
           "has Jacobian −(diag(s) − s sᵀ)"),
))

register(Entry(
    name="sparsemax",
    fn=sparsemax,
    vjp_fn=sparsemax_vjp,
    kind="vector",
    title="Sparsemax",
    summary="The Euclidean projection of a score vector onto the probability simplex: like "
            "softmax it returns a distribution, but entries far enough below the top get exactly 0. "
            "Used for sparse attention and multi-label outputs.",
    family="output layer",
    params=(_AXIS,),
    latex=r"\operatorname{sparsemax}(x) = \operatorname*{arg\,min}_{p \in \Delta} "
          r"\lVert p - x \rVert^2 = \max(x - \tau(x), 0)",
    derivative_latex=r"\frac{\partial \operatorname{sparsemax}(x)}{\partial x} = "
                     r"\operatorname{diag}(s) - \frac{s s^\top}{|S(x)|}, \quad "
                     r"s_i = [i \in S(x)]",
    declared=Properties(range=(0.0, 1.0), monotonic="no", smoothness="C0",
                        saturates=(True, True), attained=(True, True)),
    origin=("martins2016softmax",),
    frameworks={
        "pytorch": None,
        "jax": None,
        "keras": Framework(("keras.activations.sparsemax", "keras.ops.sparsemax"),
                           "keras.activations.sparsemax({x}, axis={axis})",
                           "Its threshold sums all k partial sums of the sorted row instead of "
                           "taking the k-th, so it is in general wrong once the support has two "
                           "or more entries (see the text below). A row with a +inf entry gives "
                           "inf in every entry (refimpl: one-hot for one +inf), a row with NaN "
                           "keeps NaN in that entry only (refimpl: NaN in every entry), and the "
                           "NumPy backend warns on −inf entries."),
    },
    shape=("maps each vector to non-negative weights that sum to 1, exactly 0 below a "
           "threshold τ", "is piecewise constant: diag(s) − s sᵀ/|S| on the support S"),
))
