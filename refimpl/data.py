"""The data stage: slow results computed once and cached.

    python -m refimpl.data [--out DIR] [--only NAME ...]

DIR defaults to $REFIMPL_DATA, else build/data.

Each result is a function named in RESULTS. Its cache file ``DIR/NAME.json`` holds the value, the
entries' modules it used (recorded while it ran) and the hash of the code it ran: the function's
refimpl imports, transitively, and the recorded modules with theirs, plus the versions of the
libraries it measures with and the arithmetic (refimpl.arithmetic). The pages stage reads a result
only while that hash still matches, so a cached number can never outlive the code that produced it.
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


# `import refimpl` loads every family, so hashing the package's imports would tie each result to
# every entry: adding one activation would rerun every experiment. The package's own source is
# hashed (get, names, which families exist); the entries a result evaluates are recorded while it
# runs (refimpl.registry.recording, as for figures) and hashed with their imports.
PACKAGE = "refimpl"


def key(name: str, modules=(), results=()) -> str:
    """The hash a record of `name` is valid under, given the entries' modules and the other
    results it used when it ran (`modules`, `results`: recorded then, stored in the record). Code
    that decides to use another entry is itself in the key, so while the key holds, the recorded
    lists are complete."""
    import hashlib

    import mpmath
    import numpy

    from refimpl.codehash import _module_path

    module = RESULTS[name].partition(":")[0]
    package = hashlib.sha256(_module_path(PACKAGE).read_bytes()).hexdigest()
    extra = "|".join([name, f"numpy {numpy.__version__}", f"mpmath {mpmath.__version__}", package,
                      *(f"{r}={current_key(r)}" for r in sorted(results))])
    return code_hash(module, *sorted(modules), extra=extra, stop=frozenset({PACKAGE}))


def _valid(record: dict | None, name: str) -> bool:
    return record is not None and record.get("key") == key(name, record.get("modules", ()),
                                                           record.get("results", ()))


def _record(name: str, data_dir: Path = DEFAULT_DIR) -> dict | None:
    path = Path(data_dir) / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def current_key(name: str, data_dir: Path = DEFAULT_DIR) -> str:
    """What a cache of work that read result `name` keys on: the key of its valid cached record,
    or "stale" (then that work is redone, and reading the result recomputes it first)."""
    record = _record(name, data_dir)
    return record["key"] if _valid(record, name) else "stale"


def load(name: str, data_dir: Path = DEFAULT_DIR):
    """The cached value of a result, or None when it is missing or stale."""
    record = _record(name, data_dir)
    return record["value"] if _valid(record, name) else None


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
    from refimpl.registry import recording

    start = time.perf_counter()
    with recording() as uses:
        value = compute(name)
    modules, results = sorted(uses.modules), sorted(uses.results)
    record = {"key": key(name, modules, results), "modules": modules, "results": results, "value": value}
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
