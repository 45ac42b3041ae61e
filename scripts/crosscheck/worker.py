"""`make crosscheck`'s worker: evaluates one framework's call templates in that framework's venv.

    build/crosscheck/venv-KEY/bin/python scripts/crosscheck/worker.py KEY DIR

It needs only the framework and NumPy (it never imports refimpl, so a framework venv holds
neither refimpl's dependencies nor its NumPy pin). It reads

- DIR/request.json: ``{"requests": [{"name", "call", "defaults": {param: expression},
  "inputs": [[label, array name], ...]}, ...]}`` (refimpl.crosscheck.requests);
- DIR/inputs.npz: the float64 input arrays by name;

and writes DIR/outputs.npz (each call's output on each input set, as NumPy arrays) and
DIR/response.json: the framework's version, backend and device, the Python and platform, the
installed packages, and for each request the defaults read, the output names, the error the call
raised (if any; the remaining input sets are then skipped) and the warnings it gave. When the
framework does not import, response.json says so (``"status": "import failed"``) and the exit
status is 3. The comparison with refimpl happens in the project's own venv (scripts/crosscheck/
run.py, refimpl.crosscheck.from_worker).
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import platform
import sys
import traceback
import warnings
from pathlib import Path
from typing import Any, Callable, NamedTuple

import numpy as np

# The names each framework's call templates may use: refimpl.frameworks.NAMESPACES (a test
# checks that the two agree).
NAMESPACES = {
    "pytorch": ("torch",),
    "jax": ("jax",),
    "keras": ("keras",),
    "keras2": ("keras",),
    "tensorflow": ("tf",),
    "mlx": ("mx", "nn"),
    "paddle": ("paddle",),
    "onnx": ("op",),
    "transformers": ("ACT2FN",),
    "timm": ("timm_layers",),
}
MESSAGE = 500  # characters kept of an error message


class Setup(NamedTuple):
    """A framework ready to evaluate call templates."""

    namespace: dict[str, Any]
    tensor: Callable[[np.ndarray], Any]  # float64 array -> the framework's tensor
    to_numpy: Callable[[Any], np.ndarray]
    version: str
    device: str
    backend: str = ""


def _torch():
    import torch

    torch.set_num_threads(1)  # a shared two-core machine; elementwise results do not depend on it
    return (torch, lambda a: torch.tensor(a, dtype=torch.float64),
            lambda t: t.detach().cpu().numpy())


def setup(key: str) -> Setup:
    """Import the framework `key` and bind the names of NAMESPACES[key]."""
    if key == "pytorch":
        torch, tensor, to_numpy = _torch()
        return Setup({"torch": torch}, tensor, to_numpy, torch.__version__,
                     str(tensor(np.zeros(1)).device))
    if key == "jax":
        import jax

        jax.config.update("jax_enable_x64", True)  # else float64 input is silently float32
        import jax.numpy as jnp

        return Setup({"jax": jax}, jnp.asarray, np.asarray, jax.__version__,
                     jax.devices()[0].platform)
    if key == "keras":
        import keras  # the backend is KERAS_BACKEND, set by run.py from frameworks.toml

        return Setup({"keras": keras}, lambda a: keras.ops.convert_to_tensor(a, dtype="float64"),
                     keras.ops.convert_to_numpy, keras.__version__, "cpu",
                     f"{keras.backend.backend()} backend")
    if key in ("tensorflow", "keras2"):
        import tensorflow as tf

        tensor = lambda a: tf.constant(a, dtype=tf.float64)  # noqa: E731
        device = tensor(np.zeros(1)).device
        if key == "tensorflow":
            return Setup({"tf": tf}, tensor, np.asarray, tf.__version__, device)
        # tf.keras of TensorFlow 2.15 is the `keras` 2.15 package, which has no __version__
        return Setup({"keras": tf.keras}, tensor, np.asarray, importlib.metadata.version("keras"),
                     device, f"tensorflow {tf.__version__}")
    if key == "mlx":
        import mlx.core as mx
        import mlx.nn as nn

        mx.set_default_device(mx.cpu)  # float64 exists on the CPU only
        return Setup({"mx": mx, "nn": nn}, lambda a: mx.array(a, dtype=mx.float64), np.array,
                     mx.__version__, str(mx.default_device()))
    if key == "paddle":
        import paddle

        paddle.set_device("cpu")
        return Setup({"paddle": paddle}, lambda a: paddle.to_tensor(a, dtype="float64"),
                     lambda t: t.numpy(), paddle.__version__, paddle.get_device())
    if key == "onnx":
        import onnx
        import onnxruntime

        return Setup({"op": onnx_op}, np.asarray, np.asarray, onnx.__version__,
                     "CPUExecutionProvider", f"onnxruntime {onnxruntime.__version__}")
    if key == "transformers":
        import transformers
        from transformers.activations import ACT2FN

        torch, tensor, to_numpy = _torch()
        return Setup({"ACT2FN": ACT2FN}, tensor, to_numpy, transformers.__version__,
                     str(tensor(np.zeros(1)).device), f"torch {torch.__version__}")
    if key == "timm":
        import timm
        import timm.layers as timm_layers

        torch, tensor, to_numpy = _torch()
        return Setup({"timm_layers": timm_layers}, tensor, to_numpy, timm.__version__,
                     str(tensor(np.zeros(1)).device), f"torch {torch.__version__}")
    raise ValueError(f"worker: unknown framework {key!r}; expected one of {sorted(NAMESPACES)}")


def onnx_op(op_type: str, *inputs: Any, opset: int, **attributes: Any) -> np.ndarray:
    """One ONNX operator of the default domain at `opset`, as a one-node model run by
    onnxruntime on the CPU. Every input is a graph input in the first one's dtype (x), so
    ``op("PRelu", {x}, 0.25, opset=16)`` passes the slope as a tensor. Where onnxruntime has no
    float64 kernel for the operator, it runs in float32 and says so in a warning (the result's
    dtype then tells the comparison which precision it checks)."""
    import onnxruntime
    from onnx import checker, helper

    arrays = [np.asarray(v) for v in inputs]
    names = [f"input{i}" for i in range(len(arrays))]

    def run(dtype):
        feed = [a.astype(dtype) for a in arrays]
        elem = helper.np_dtype_to_tensor_dtype(np.dtype(dtype))
        graph = helper.make_graph(
            [helper.make_node(op_type, names, ["y"], **attributes)], "crosscheck",
            [helper.make_tensor_value_info(n, elem, a.shape) for n, a in zip(names, feed)],
            # the output's rank is x's for an activation; its sizes are left to the operator
            [helper.make_tensor_value_info("y", elem, [None] * feed[0].ndim)])
        opsets = [helper.make_opsetid("", opset)]
        # the oldest IR version of that opset: onnx writes its newest, which onnxruntime may not read
        model = helper.make_model(graph, opset_imports=opsets,
                                  ir_version=helper.find_min_ir_version_for(opsets))
        checker.check_model(model)
        session = onnxruntime.InferenceSession(model.SerializeToString(),
                                               providers=["CPUExecutionProvider"])
        return session.run(None, dict(zip(names, feed)))[0]

    try:
        return run(arrays[0].dtype)
    except onnxruntime.capi.onnxruntime_pybind11_state.NotImplemented:
        if arrays[0].dtype == np.float32:
            raise
        warnings.warn(f"onnxruntime has no {arrays[0].dtype} kernel for {op_type} at opset "
                      f"{opset}: ran in float32", RuntimeWarning, stacklevel=2)
        return run(np.float32)


def _number(value: Any) -> int | float:
    """An axis stays an int; anything else (a framework scalar too) becomes a float."""
    return value if isinstance(value, int) and not isinstance(value, bool) else float(value)


def _message(err: BaseException) -> str:
    return f"{type(err).__name__}: {err}"[:MESSAGE]


def evaluate(setup: Setup, requests: list[dict], arrays) -> tuple[list[dict], dict]:
    """Each request's defaults and outputs; an exception stops that request, not the others."""
    results, outputs = [], {}
    for i, request in enumerate(requests):
        item = {"name": request["name"], "call": request["call"], "defaults": {}, "outputs": {},
                "error": "", "warnings": []}
        with warnings.catch_warnings(record=True) as caught:  # NumPy's default error state
            warnings.simplefilter("always")
            try:
                for param, expression in request["defaults"].items():
                    item["defaults"][param] = _number(eval(expression, dict(setup.namespace)))  # noqa: S307
                for label, name in request["inputs"]:
                    x = setup.tensor(np.asarray(arrays[name], dtype=np.float64))
                    y = np.asarray(setup.to_numpy(eval(request["call"].format(x="x"),  # noqa: S307
                                                       dict(setup.namespace), {"x": x})))
                    if y.dtype.kind not in "fiub":
                        raise TypeError(f"the call returned an array of dtype {y.dtype}")
                    outputs[f"{i}-{label}"] = y
                    item["outputs"][label] = f"{i}-{label}"
            except Exception as err:  # a wrong name or signature is a finding, not a crash
                item["error"] = _message(err)
        item["warnings"] = sorted({f"{w.category.__name__}: {w.message}"[:MESSAGE]
                                   for w in caught})[:10]
        results.append(item)
    return results, outputs


def main(argv: list[str]) -> int:
    key, folder = argv[0], Path(argv[1])
    response: dict[str, Any] = {"framework": key, "python": platform.python_version(),
                                "platform": platform.platform(),
                                "versions": sorted(f"{d.metadata['Name']}=={d.version}"
                                                   for d in importlib.metadata.distributions())}
    try:
        ready = setup(key)
    except Exception as err:  # noqa: BLE001  (any failure to import is reported, not raised)
        traceback.print_exc()
        response.update(status="import failed", error=_message(err))
        (folder / "response.json").write_text(json.dumps(response, indent=1) + "\n")
        return 3
    request = json.loads((folder / "request.json").read_text())
    with np.load(folder / "inputs.npz") as arrays:
        results, outputs = evaluate(ready, request["requests"], arrays)
    np.savez(folder / "outputs.npz", **outputs)
    response.update(status="measured", version=ready.version, device=ready.device,
                    backend=ready.backend, environment={k: os.environ[k] for k in
                                                        ("KERAS_BACKEND",) if k in os.environ},
                    results=results)
    (folder / "response.json").write_text(json.dumps(response, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
