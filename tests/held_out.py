"""Each experiment's result on its held-out seeds, computed once for all the tests that read it.

The claim test (tests/test_exp_claims.py) and an experiment's own tests run in different files,
often on different xdist workers; both read the same held-out result. It is computed by the first
to ask, under a file lock, and kept in build/test-data keyed like the data stage: by the hash of
the code the experiment imports, the entries it used and the numpy and mpmath versions
(``refimpl.data.key``), so a changed experiment is rerun, never read stale.
"""

import fcntl
import functools
import importlib
import json
import os
from pathlib import Path

from refimpl import data
from refimpl.registry import recording

CACHE = Path(__file__).resolve().parent.parent / "build" / "test-data"


@functools.cache
def result(name: str):
    """``refimpl.experiments.<name>.run(size="held_out")``, from the cache when its key matches."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{name}-held_out.json"
    with open(CACHE / f"{name}-held_out.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one worker computes, the other waits and reads
        if path.exists():
            record = json.loads(path.read_text())
            if record["key"] == data.key(name, record.get("modules", ()), record.get("results", ())) + "|held_out":
                return record["value"]
        with recording() as uses:
            value = importlib.import_module(f"refimpl.experiments.{name}").run(size="held_out")
        value = json.loads(json.dumps(value))  # the same types whether computed or read
        modules, results = sorted(uses.modules), sorted(uses.results)
        record = {"key": data.key(name, modules, results) + "|held_out", "modules": modules,
                  "results": results, "value": value}
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(record))
        os.replace(tmp, path)
        return value
