"""`make bench`: build stages and throughput, measured in one run. A benchmark, not a test.

Build stages, against their budgets:
    clean data stage   python -m refimpl.data into an empty cache        budget 60 s
    clean build        `mkdocs build --strict` after the data stage, with empty generated,
                       notebook and citation caches: what a newcomer waits for (figures,
                       tables, notebooks, MkDocs); the English edition   budget 30 s
                       and both editions (`make build`)                  budget 50 s
    warm build         the same builds again, every cache warm           budget  5 s
                       (best of 3: single runs here vary by +-0.5 s)     both:  8 s
    serve rebuild      what `mkdocs serve` reports for the rebuild after a page is saved
                       (the same work as a warm build, without starting Python), for each
                       edition (`make serve`, `make serve EDITION=zh`)   budget  3 s
Every build here writes only into a temporary directory (REFIMPL_GENERATED, REFIMPL_DATA,
REFIMPL_JUPYTER_CACHE, REFIMPL_CITATION_CACHE). The machine's load average is printed beside each
number: on a shared machine it says how far to trust it.

Page weight: see scripts/page_weight.py (budgets: an activation page <= 60 KB gzipped beyond
shared assets, no figure > 40 KB gzipped).

Throughput: every elementwise entry on 10^6 float64 and float32 elements, against
scipy.special (where it has the function) and the textbook NumPy formula; the best of 5 runs,
reported as ns per element and as ratios within this run (machines here are noisy: compare
ratios, not numbers across runs). The results go to build/bench/throughput.json, which the atlas
shows as a cost column, labelled with the machine.

`python scripts/bench.py --record`: only the cost of a few NumPy kernels (an add, a multiply-add,
ReLU's maximum, exp, tanh, the textbook sigmoid), each writing into a preallocated array, and the
textbook sigmoid once more as an allocating expression, on 10^6 float64 and float32 elements, the
best of `REPEATS` interleaved runs, with the machine (architecture, cores, CPU model from /proc/cpuinfo,
NumPy version and the SIMD extensions it found), the date and the load average, written to
refimpl/measurements/bench.json. That file is committed: the choosing guide's cost section reads it
and prints ratios within that one run. Re-record on an idle machine and update the page's doctest
output; no test asserts a speed.
"""

import json
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


def timed(*cmd: str, env: dict | None = None) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env or ENV, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{proc.stderr[-3000:]}")
    return time.perf_counter() - start


def load() -> str:
    """The 1-minute load average, to print beside a timing."""
    return f"load {os.getloadavg()[0]:.1f}"


def serve_rebuild(env: dict, config: str = "mkdocs.yml", page: str = "index.md", timeout: float = 300) -> float:
    """Start `mkdocs serve -f config`, save docs/<page> unchanged, return MkDocs's "built in" seconds."""
    import re
    import socket
    import threading

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([PY, "-m", "mkdocs", "serve", "-f", config, "--dev-addr", f"127.0.0.1:{port}"], cwd=ROOT,
                            env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stderr), daemon=True)
    reader.start()
    built = re.compile(r"Documentation built in ([0-9.]+) seconds")
    try:
        deadline = time.monotonic() + timeout
        while not any("Serving on" in line for line in lines):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("mkdocs serve did not start:\n" + "".join(lines[-20:]))
            time.sleep(0.2)
        saved = ROOT / "docs" / page
        saved.write_bytes(saved.read_bytes())  # a save with no change: the watcher rebuilds
        while len([m for m in map(built.search, lines) if m]) < 2:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("mkdocs serve did not rebuild:\n" + "".join(lines[-20:]))
            time.sleep(0.2)
        return float([m for m in map(built.search, lines) if m][-1].group(1))
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def best_ns_per_element(fn, x, repeats=5) -> float:
    import numpy as np

    times = []
    with np.errstate(all="ignore"):  # the textbook formulas warn
        for _ in range(repeats):
            start = time.perf_counter()
            fn(x)
            times.append(time.perf_counter() - start)
    return min(times) / x.size * 1e9


def throughput() -> dict:
    import numpy as np

    sys.path.insert(0, str(ROOT))
    import refimpl
    from refimpl.accuracy import scipy_functions

    scipy = scipy_functions()

    rng = np.random.default_rng(0)
    base = rng.standard_normal(10**6) * 5
    results = {}
    for name in refimpl.names():
        entry = refimpl.get(name)
        if entry.kind != "elementwise":
            continue
        p = entry.defaults
        row = {}
        for dtype in ("float64", "float32"):
            x = base.astype(dtype)
            row[dtype] = {"refimpl": best_ns_per_element(lambda v: entry(v, **p), x)}
            others = (("scipy", scipy.get(name)),
                      ("textbook", entry.textbook and (lambda v: entry.textbook(v, **p))))
            for label, fn in others:
                if fn is not None:
                    row[dtype][label] = best_ns_per_element(fn, x)
        results[name] = row
    return results


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


RECORD = ROOT / "refimpl" / "measurements" / "bench.json"
REPEATS = 51


def kernels() -> dict:
    """name -> (what it computes, f(x, out)): the elementwise costs the cost section compares. All
    but the last write into a preallocated array `out`, so that they time the arithmetic and the
    memory traffic, not the allocation of a result; the last is the textbook sigmoid as an
    expression, allocating its temporaries as NumPy code does."""
    import numpy as np

    def multiply_add(x, out):
        np.multiply(x, 0.5, out=out)
        return np.add(out, 1, out=out)

    def sigmoid_textbook(x, out):
        np.negative(x, out=out)
        np.exp(out, out=out)
        np.add(out, 1, out=out)
        return np.divide(1, out, out=out)

    return {
        "add": ("np.add(x, 1, out=out)", lambda x, out: np.add(x, 1, out=out)),
        "multiply_add": ("np.multiply(x, 0.5, out=out), then np.add(out, 1, out=out)", multiply_add),
        "relu": ("np.maximum(x, 0, out=out)", lambda x, out: np.maximum(x, 0, out=out)),
        "exp": ("np.exp(x, out=out)", lambda x, out: np.exp(x, out=out)),
        "tanh": ("np.tanh(x, out=out)", lambda x, out: np.tanh(x, out=out)),
        "sigmoid_textbook": ("1 / (1 + exp(-x)) in four passes into out", sigmoid_textbook),
        "sigmoid_textbook_expression": ("1 / (1 + np.exp(-x)), allocating its temporaries",
                                        lambda x, out: 1 / (1 + np.exp(-x))),
    }


def cpu_model() -> str:
    """The first "model name" of /proc/cpuinfo (Linux), else platform.processor()."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def record(repeats: int = REPEATS) -> dict:
    """The kernels' best ns per element over `repeats` runs, the in-place kernels interleaved so that
    a change of the machine's load falls on all of them alike."""
    import datetime

    import numpy as np

    rng = np.random.default_rng(0)
    base = rng.standard_normal(10**6) * 5
    table = kernels()
    load_before = os.getloadavg()[0]
    results = {}
    for dtype in ("float64", "float32"):
        x = base.astype(dtype)
        out = np.empty_like(x)
        best = {name: float("inf") for name in table}
        # The allocating expression last and apart: the memory it frees and maps again would
        # slow whichever kernel ran next.
        in_place = [name for name in table if name != "sigmoid_textbook_expression"]
        with np.errstate(all="ignore"):
            for group in (in_place, ["sigmoid_textbook_expression"]):
                for _run in range(repeats):
                    for name in group:
                        fn = table[name][1]
                        fn(x, out)  # untimed: the timed call finds x and out as warm as the others did
                        best[name] = min(best[name], best_ns_per_element(lambda v: fn(v, out), x, repeats=1))
        results[dtype] = {name: round(ns, 4) for name, ns in best.items()}
    simd = np.show_config(mode="dicts").get("SIMD Extensions", {})
    return {
        "command": "python scripts/bench.py --record",
        "date": datetime.date.today().isoformat(),
        "machine": machine(),
        "cpu": cpu_model(),
        "numpy": np.__version__,
        "simd_found": list(simd.get("found", [])),
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "elements": int(base.size),
        "input": "np.random.default_rng(0).standard_normal(10**6) * 5",
        "repeats": repeats,
        "unit": "ns per element, the best of the repeats",
        "kernels": {name: what for name, (what, _fn) in table.items()},
        "results": results,
    }


def main(argv: list[str]) -> int:
    """`--builds`: the build rows only, reading the data stage's results from build/data.
    `--record`: the kernels' costs only, written to refimpl/measurements/bench.json."""
    if "--record" in argv:
        data = record()
        RECORD.parent.mkdir(parents=True, exist_ok=True)
        RECORD.write_text(json.dumps(data, indent=1) + "\n")
        print(f"{data['machine']}; {data['cpu']}; NumPy {data['numpy']}; load {data['load_average']}")
        for dtype, row in data["results"].items():
            print(dtype, "  ".join(f"{k} {v:.2f}" for k, v in row.items()))
        print(f"written to {RECORD.relative_to(ROOT)}")
        return 0
    builds_only = "--builds" in argv
    tmp = Path(tempfile.mkdtemp(prefix="refimpl-bench-"))
    env = {**ENV, "REFIMPL_GENERATED": str(tmp / "generated"),
           "REFIMPL_JUPYTER_CACHE": str(tmp / "jupyter-cache"),
           "REFIMPL_CITATION_CACHE": str(tmp / "citations.json")}
    site = str(tmp / "site")
    build = (PY, "-m", "mkdocs", "build", "--strict", "--site-dir", site)
    build_zh = (PY, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.zh.yml", "--site-dir", site + "/zh")
    try:
        rows = []
        if not builds_only:
            env["REFIMPL_DATA"] = str(tmp / "data")
            rows.append(("clean data stage",
                         timed(PY, "-m", "refimpl.data", "--out", env["REFIMPL_DATA"]), 60, load()))
        en = timed(*build, env=env)
        rows.append(("clean build, en", en, 30, load()))
        rows.append(("clean build, both", en + timed(*build_zh, env=env), 50, load()))
        warm = [(timed(*build, env=env), timed(*build_zh, env=env), load()) for _ in range(3)]
        best, _, busy = min(warm)
        rows.append(("warm build, en", best, 5, busy))
        both, busy = min((a + b, busy) for a, b, busy in warm)
        rows.append(("warm build, both", both, 8, busy))
        rows.append(("serve rebuild, en", serve_rebuild(env), 3, load()))
        rows.append(("serve rebuild, zh", serve_rebuild(env, "mkdocs.zh.yml", "index.zh.md"), 3, load()))
        sys.path.insert(0, str(ROOT / "scripts"))
        import page_weight

        weight = page_weight.report(Path(site))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"machine: {machine()}")
    for what, seconds, budget, busy in rows:
        verdict = "within budget" if seconds <= budget else "OVER BUDGET"
        print(f"{what:<18} {seconds:6.2f} s   (budget {budget:>2} s, {verdict}; {busy})")
    print(f"{'':<18} warm builds (en + zh): {', '.join(f'{a:.2f} + {b:.2f} s ({busy})' for a, b, busy in warm)}")
    if builds_only:
        return 0

    print("\n" + "\n".join(weight))
    results = throughput()
    print("\nthroughput, ns per element (best of 5, 10^6 elements); ratio = refimpl / other")
    print(f"{'function':<16}{'dtype':<9}{'refimpl':>9}{'scipy':>9}{'ratio':>7}{'textbook':>10}{'ratio':>7}")
    for name, row in results.items():
        for dtype, t in row.items():
            cells = [f"{t['refimpl']:9.2f}"]
            for label in ("scipy", "textbook"):
                if label in t:
                    cells.append(f"{t[label]:{9 if label == 'scipy' else 10}.2f}{t['refimpl'] / t[label]:7.2f}")
                else:
                    cells.append(" " * (16 if label == "scipy" else 17))
            print(f"{name:<16}{dtype:<9}" + "".join(cells))
    out = ROOT / "build" / "bench" / "throughput.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"machine": machine(), "results": results}, indent=1))
    print(f"\nwritten to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
