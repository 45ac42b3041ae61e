"""`make crosscheck`: run each framework snippet of the registry against refimpl.

For every entry and every framework (PyTorch, JAX, Keras 3) importable here:
- defaults: each `Framework.defaults` expression is evaluated and compared with refimpl's default;
- values: `Framework.call` on a grid of float64 input (ordinary points plus the hard ones: ±0,
  subnormals, ±inf, NaN, overflow thresholds; for vector and shaping entries, random rows and
  the hard rows of refimpl.accuracy.VECTORS) is compared with refimpl in the dtype the framework
  returns; every point where they differ by more than 8 ulp, or in NaN/inf, is listed. refimpl
  itself is within a few ulp of the exact value (its tests check that against mpmath), so a
  listed point is where the framework departs from the exact function.
Frameworks that are not installed are reported, not failed: they are not in the locked
environment. Exit status 1 when a call fails or a snippet computes a different function (a
relative difference above 1e-6 on ordinary points; 1e-4 for float32 results).
"""

import importlib
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import refimpl  # noqa: E402
from refimpl.accuracy import VECTORS  # noqa: E402

ORDINARY = np.linspace(-8, 8, 161)
HARD = np.array([-np.inf, -1e300, -1000.0, -750.0, -710.0, -100.0, -40.0, -20.0, -1e-8, -1e-300,
                 -5e-324, -0.0, 0.0, 5e-324, 1e-300, 1e-8, 20.0, 40.0, 100.0, 710.0, 750.0,
                 1000.0, 1e300, np.inf, np.nan])


def namespace(framework):
    """The framework's modules for evaluating a call template, a tensor maker and a converter."""
    if framework == "pytorch":
        torch = importlib.import_module("torch")
        return {"torch": torch}, lambda a: torch.tensor(a, dtype=torch.float64), lambda t: t.numpy()
    if framework == "jax":
        jax = importlib.import_module("jax")
        jax.config.update("jax_enable_x64", True)
        importlib.import_module("jax.numpy")
        return {"jax": jax}, jax.numpy.asarray, np.asarray
    os.environ.setdefault("KERAS_BACKEND", "numpy")
    keras = importlib.import_module("keras")
    return ({"keras": keras}, lambda a: keras.ops.convert_to_tensor(a, dtype="float64"),
            np.asarray)


# Vector and shaping entries act along the last axis: rows of the shared hard vectors, and
# random rows.
ROWS_ORDINARY = np.random.default_rng(0).standard_normal((5, 8)) * 3
ROWS_HARD = np.array([r for r in VECTORS if len(r) == 4])


def differing_points(got, want, x):
    """Inputs where got and want differ by more than 8 ulp (of got's dtype) or in NaN/inf
    (for rows: the row, once per differing output)."""
    if got.ndim > 1:
        x = np.repeat(np.arange(got.shape[0]), got.shape[1])  # report the row index
        got, want = got.ravel(), want.ravel()
    with np.errstate(all="ignore"):
        ulp = np.spacing(np.abs(want).astype(got.dtype)).astype(np.float64)
        both_finite = np.isfinite(got) & np.isfinite(want)
        far = both_finite & (np.abs(got.astype(np.float64) - want) > 8 * ulp)
    special = ~both_finite & ~((got == want) | (np.isnan(got) & np.isnan(want)))
    return [(float(xi), float(g), float(w)) for xi, g, w, bad in zip(x, got, want, far | special) if bad]


def check(name, framework, ns, tensor, to_numpy):
    entry = refimpl.get(name)
    fw = entry.frameworks.get(framework)
    lines, ok = [], True
    for param, expr in fw.defaults.items():
        theirs = eval(expr, ns)  # noqa: S307
        ours = entry.defaults.get(param)
        same = np.isclose(float(theirs), float(ours)) if ours is not None else False
        lines.append(f"    default {param}: {framework} {theirs!r}, refimpl {ours!r}"
                     + ("" if same else "  (differs)"))
    inputs = (("ordinary", ORDINARY), ("hard", HARD)) if entry.kind == "elementwise" else \
        (("ordinary", ROWS_ORDINARY), ("hard", ROWS_HARD))
    for label, x in inputs:
        try:
            got = to_numpy(eval(fw.call.format(x="x"), ns, {"x": tensor(x)}))  # noqa: S307
        except Exception as err:  # a wrong name or signature is a finding, not a crash
            return False, [f"    ERROR {type(err).__name__}: {err}"]
        want = np.asarray(entry(x.astype(got.dtype), **entry.defaults), dtype=np.float64)
        points = differing_points(got, want, x)
        # Beyond rounding (a framework's own inaccuracy) is listed; a difference above 1e-6,
        # relative or absolute, on ordinary points means a different function: a wrong
        # formula, name or default (a tail that cancels to 0 stays below the absolute floor).
        # float32 results (Keras) carry float32 rounding, magnified where a formula cancels
        rtol = 1e-6 if got.dtype == np.float64 else 1e-4
        if label == "ordinary" and any(not np.isclose(g, w, rtol=rtol, atol=rtol) for _, g, w in points):
            ok = False
        for xi, g, w in points[:12]:
            lines.append(f"    {label} x={xi:.6g}: {framework} {g!r}, refimpl {w!r}")
    return ok, lines


def main() -> int:
    failures = 0
    for framework in ("pytorch", "jax", "keras"):
        try:
            ns, tensor, to_numpy = namespace(framework)
        except ImportError as err:
            print(f"{framework}: not installed ({err.name}): skipped")
            continue
        version = next(iter(ns.values())).__version__
        print(f"{framework} {version}")
        for name in refimpl.names():
            fw = refimpl.get(name).frameworks.get(framework)
            if fw is None:
                continue
            ok, lines = check(name, framework, ns, tensor, to_numpy)
            failures += not ok
            print(f"  {name:14} {fw.call:55} {'ok' if ok else 'MISMATCH'}")
            print("\n".join(lines)) if lines else None
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
