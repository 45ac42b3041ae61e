"""The data stage: slow results computed once and cached.

    python -m refimpl.data [--out DIR] [--only NAME ...]

DIR defaults to $REFIMPL_DATA, else build/data.

Each result is a function named in RESULTS. Its cache file ``DIR/NAME.json`` holds the value and
the hash of the code the function imports (refimpl modules, transitively) plus the versions of the
libraries it measures with; the pages stage reads a result only while that hash still matches, so
a cached number can never outlive the code that produced it.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time
from pathlib import Path

from refimpl.codehash import code_hash

# REFIMPL_DATA moves it (the determinism test runs the stage twice into empty directories)
DEFAULT_DIR = Path(os.environ.get("REFIMPL_DATA") or Path(__file__).resolve().parent.parent / "build" / "data")


def _results() -> dict[str, str]:
    """name -> "module:function": the accuracy grid, and every experiment module's `run`
    (refimpl/experiments/<name>.py defining run() gives the result <name>)."""
    import pkgutil

    from refimpl import experiments

    found = {"accuracy": "refimpl.accuracy:grid"}
    for module in pkgutil.iter_modules(experiments.__path__):
        mod = importlib.import_module(f"refimpl.experiments.{module.name}")
        if callable(getattr(mod, "run", None)):
            found[module.name] = f"refimpl.experiments.{module.name}:run"
    return found


RESULTS = _results()


def key(name: str) -> str:
    import mpmath
    import numpy

    module = RESULTS[name].partition(":")[0]
    return code_hash(module, extra=f"{name}|numpy {numpy.__version__}|mpmath {mpmath.__version__}")


def load(name: str, data_dir: Path = DEFAULT_DIR):
    """The cached value of a result, or None when it is missing or stale."""
    path = Path(data_dir) / f"{name}.json"
    if not path.exists():
        return None
    record = json.loads(path.read_text())
    return record["value"] if record.get("key") == key(name) else None


def get(name: str, data_dir: Path = DEFAULT_DIR):
    """The result, from the cache when it is valid, else computed now and cached: what figures
    and pages use, so they never show a result older than the code."""
    from refimpl.registry import note_result

    note_result(name)
    value = load(name, data_dir)
    if value is None:
        run(data_dir, only=[name])
        value = load(name, data_dir)
    return value


def compute(name: str):
    module, _, func = RESULTS[name].partition(":")
    return getattr(importlib.import_module(module), func)()


def _compute_into(name: str, data_dir: Path) -> str:
    start = time.perf_counter()
    record = {"key": key(name), "value": compute(name)}
    (data_dir / f"{name}.json").write_text(json.dumps(record, indent=1, sort_keys=True))
    return f"computed in {time.perf_counter() - start:.1f} s"


def run(data_dir: Path = DEFAULT_DIR, only: list[str] | None = None) -> dict[str, str]:
    """Compute every result whose cache is missing or stale, one process per core (each result is
    single-threaded and independent of the others, so the files do not depend on the split)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    names = [name for name in RESULTS if not only or name in only]
    status = {name: "cached" for name in names if load(name, data_dir) is not None}
    todo = [name for name in names if name not in status]
    workers = min(len(todo), os.cpu_count() or 1)
    if workers > 1:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            status.update(zip(todo, pool.map(_compute_into, todo, [data_dir] * len(todo))))
    else:
        status.update((name, _compute_into(name, data_dir)) for name in todo)
    return {name: status[name] for name in names}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m refimpl.data", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--only", nargs="*", choices=sorted(RESULTS))
    args = parser.parse_args(argv)
    for name, status in run(args.out, args.only).items():
        print(f"refimpl.data: {name}: {status}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
