"""`make bench`: the build stages timed in one run, against their budgets.

    clean data stage   python -m refimpl.data into an empty cache        budget 60 s
    clean pages stage  figures and tables into an empty directory        budget 30 s
    warm build         mkdocs build with every cache warm                budget  5 s

Timings are wall-clock seconds on this machine, one run each (the machines are noisy: compare
ratios within a run, not numbers across runs). A benchmark, not a test: it never fails a build.
"""

import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}


def timed(*cmd: str) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="refimpl-bench-"))
    try:
        rows = [
            ("clean data stage", timed(PY, "-m", "refimpl.data", "--out", str(tmp / "data")), 60),
            ("clean pages stage",
             timed(PY, "-m", "refimpl.figures", "--out", str(tmp / "gen" / "figures"))
             + timed(PY, "-m", "refimpl.tables", "--out", str(tmp / "gen" / "tables"),
                     "--data", str(tmp / "data")), 30),
        ]
        site = str(tmp / "site")
        timed(PY, "-m", "mkdocs", "build", "--site-dir", site)  # warms every cache
        rows.append(("warm build", timed(PY, "-m", "mkdocs", "build", "--site-dir", site), 5))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    for what, seconds, budget in rows:
        verdict = "within budget" if seconds <= budget else "OVER BUDGET"
        print(f"{what:<18} {seconds:6.2f} s   (budget {budget:>2} s, {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
