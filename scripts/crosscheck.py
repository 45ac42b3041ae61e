"""`make crosscheck`: run each framework snippet of the registry against refimpl.

For every entry and every framework (PyTorch, JAX, Keras 3) that is importable here, evaluate the
entry's `Framework.call` on a grid of float64 input and compare with refimpl in the dtype the
framework returns, within 8 machine epsilons relative (this catches wrong formulas, names and
defaults, not last bits). Frameworks that are not installed are reported, not failed: they are not part of the
locked environment. Exit status 1 on any mismatch.
"""

import importlib
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import refimpl  # noqa: E402

X = np.concatenate([np.linspace(-8, 8, 161), [-0.0, 0.0, -50.0, 50.0]])


def namespace(framework):
    """The framework's modules for evaluating a call template, and a float64 tensor of X."""
    if framework == "pytorch":
        torch = importlib.import_module("torch")
        return {"torch": torch}, torch.tensor(X, dtype=torch.float64), lambda t: t.numpy()
    if framework == "jax":
        jax = importlib.import_module("jax")
        jax.config.update("jax_enable_x64", True)
        importlib.import_module("jax.numpy")
        return {"jax": jax}, jax.numpy.asarray(X), np.asarray
    os.environ.setdefault("KERAS_BACKEND", "numpy")
    keras = importlib.import_module("keras")
    keras.config.set_floatx("float64")  # activations cast to floatx (float32 by default)
    return {"keras": keras}, keras.ops.convert_to_tensor(X, dtype="float64"), np.asarray


def main() -> int:
    failures = 0
    for framework in ("pytorch", "jax", "keras"):
        try:
            ns, tensor, to_numpy = namespace(framework)
        except ImportError as err:
            print(f"{framework:8} not installed ({err.name}): skipped")
            continue
        version = next(iter(ns.values())).__version__
        for name in refimpl.names():
            fw = refimpl.get(name).frameworks.get(framework)
            if fw is None:
                continue
            try:
                got = to_numpy(eval(fw.call.format(x="x"), ns, {"x": tensor}))  # noqa: S307
                # judged in the dtype the framework returns (Keras may compute in float32)
                want = refimpl.get(name)(X.astype(got.dtype))
                eps = np.finfo(got.dtype).eps
                ok = np.allclose(got, want, rtol=8 * eps, atol=0, equal_nan=True)
                verdict = f"ok ({got.dtype})" if ok else f"MISMATCH ({got.dtype})"
            except Exception as err:  # a wrong name or signature is a finding, not a crash
                ok, verdict = False, f"ERROR {type(err).__name__}: {err}"
            failures += not ok
            print(f"{framework:8} {version:10} {name:12} {fw.call:45} {verdict}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
