"""`scripts/bench.py --record`: the committed measurement names its machine and holds every kernel.
No test here asserts a speed: timings depend on the machine and its load."""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import bench  # noqa: E402


def test_a_record_names_the_machine_and_times_every_kernel_in_both_precisions():
    data = bench.record(repeats=1)
    assert data["machine"] == bench.machine() and data["cpu"] and data["numpy"]
    assert data["command"] == "python scripts/bench.py --record"
    for dtype in ("float64", "float32"):
        assert set(data["results"][dtype]) == set(bench.kernels())
        assert all(ns > 0 for ns in data["results"][dtype].values())


def test_the_committed_measurement_has_the_fields_a_record_writes():
    committed = json.loads(bench.RECORD.read_text())
    fresh = bench.record(repeats=1)
    assert set(committed) == set(fresh)
    assert committed["kernels"] == fresh["kernels"], "kernels changed: run `python scripts/bench.py --record`"
    assert bench.RECORD == ROOT / "refimpl" / "measurements" / "bench.json"
