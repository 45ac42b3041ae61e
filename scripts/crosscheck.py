"""`make crosscheck`: run each framework snippet of the registry against refimpl.

This script only sets up the frameworks (PyTorch, JAX, Keras 3, whichever are importable in this
Python) and prints; the comparison is refimpl.crosscheck's (read its docstring for what is
compared and what counts as a mismatch). Frameworks that are not installed are reported, not
failed: they are not in the locked environment. `--json DIR` also writes one report per
framework (versions, date, device, divergences) to DIR/<framework>.json.
Exit status 1 when a call fails or a snippet computes a different function.
"""

import argparse
import importlib
import os
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from refimpl.crosscheck import Backend, run  # noqa: E402

FRAMEWORKS = ("pytorch", "jax", "keras")
SHOWN = 12  # divergences printed per entry and input set


def backend(framework: str) -> Backend:
    """The framework's namespace, float64 tensor maker and converter; ImportError if absent."""
    if framework == "pytorch":
        torch = importlib.import_module("torch")
        return Backend(framework, {"torch": torch}, lambda a: torch.tensor(a, dtype=torch.float64),
                       lambda t: t.numpy(), torch.__version__, "cpu")
    if framework == "jax":
        jax = importlib.import_module("jax")
        jax.config.update("jax_enable_x64", True)
        importlib.import_module("jax.numpy")
        return Backend(framework, {"jax": jax}, jax.numpy.asarray, np.asarray, jax.__version__,
                       str(jax.devices()[0]))
    os.environ.setdefault("KERAS_BACKEND", "numpy")
    keras = importlib.import_module("keras")
    return Backend(framework, {"keras": keras}, lambda a: keras.ops.convert_to_tensor(a, dtype="float64"),
                   np.asarray, keras.__version__, f"cpu ({keras.backend.backend()} backend)")


def show(result) -> None:
    print(f"  {result.name:14} {result.call:55} {'ok' if result.ok else 'MISMATCH'}")
    for d in result.defaults:
        print(f"    default {d.param}: {result.framework} {d.theirs!r}, refimpl {d.ours!r}"
              + ("" if d.same else "  (differs)"))
    if result.error:
        print(f"    ERROR {result.error}")
    for label in ("ordinary", "hard"):
        for d in [d for d in result.divergences if d.inputs == label][:SHOWN]:
            x = f"row {list(d.x)}[{d.index}]" if d.index is not None else f"x={d.x:.6g}"
            print(f"    {label} {x}: {result.framework} {d.theirs!r}, refimpl {d.ours!r}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, metavar="DIR", help="also write DIR/<framework>.json")
    args = parser.parse_args(argv)
    failed = False
    for framework in FRAMEWORKS:
        try:
            chosen = backend(framework)
        except ImportError as err:
            print(f"{framework}: not installed ({err.name}): skipped")
            continue
        print(f"{framework} {chosen.version} on {chosen.device}")
        report = run(chosen)
        for result in report.results:
            show(result)
        failed |= not report.ok
        if args.json:
            args.json.mkdir(parents=True, exist_ok=True)
            (args.json / f"{framework}.json").write_text(report.to_json() + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
