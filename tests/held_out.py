"""Each experiment's result on its held-out seeds, computed once for all the tests that read it.

The claim test (tests/test_exp_claims.py) and an experiment's own tests run in different files,
often on different xdist workers; both read the same held-out result. It is computed by the first
to ask, under a file lock, and kept in build/test-data keyed like the data stage: by the hash of
the code the experiment imports and the numpy and mpmath versions (``refimpl.data.key``), so a
changed experiment is rerun, never read stale.
"""

import fcntl
import functools
import importlib
import json
import os
from pathlib import Path

from refimpl import data

CACHE = Path(__file__).resolve().parent.parent / "build" / "test-data"


@functools.cache
def result(name: str):
    """``refimpl.experiments.<name>.run(size="held_out")``, from the cache when its key matches."""
    key = data.key(name) + "|held_out"
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{name}-held_out.json"
    with open(CACHE / f"{name}-held_out.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one worker computes, the other waits and reads
        if path.exists():
            record = json.loads(path.read_text())
            if record["key"] == key:
                return record["value"]
        value = importlib.import_module(f"refimpl.experiments.{name}").run(size="held_out")
        value = json.loads(json.dumps(value))  # the same types whether computed or read
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"key": key, "value": value}))
        os.replace(tmp, path)
        return value
