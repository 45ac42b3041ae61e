"""`make crosscheck`: every framework spelling of the registry run in that framework, against refimpl.

    python scripts/crosscheck/run.py [--only KEY ...] [--out DIR] [--venvs DIR] [--reinstall]

For each framework of scripts/crosscheck/frameworks.toml (or the --only ones):

1. its virtual environment, build/crosscheck/venv-KEY, is made with the pinned requirements
   from the package index, unless one with exactly these pins exists already;
2. scripts/crosscheck/worker.py runs in it: it evaluates the call templates and default-reading
   expressions on the inputs (refimpl.crosscheck.requests) and returns the outputs, with the
   framework's version, backend and device;
3. here, in the project's venv, refimpl.crosscheck compares them with refimpl (read its
   docstring for what is compared and what counts as a mismatch) and the report is written to
   refimpl/measurements/crosscheck/KEY.json, the data the pages' framework tabs show.

A framework that does not install or import is reported, here and in its data file, and the
others go on. Exit status 1 when a call fails or computes a different function (the data files
are written either way), 0 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from refimpl import crosscheck  # noqa: E402
from refimpl.frameworks import ORDER  # noqa: E402

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "frameworks.toml"
WORKER = HERE / "worker.py"
SHOWN = 12  # divergences printed per entry and input set
TAIL = 2000  # characters kept of a failed install's or worker's output
TIMEOUT = 1800  # seconds, for one install and for one worker run


def config() -> tuple[str, dict[str, dict]]:
    """The venvs' Python and each framework's requirements and environment, in ORDER."""
    data = tomllib.loads(CONFIG.read_text())
    python = data.pop("python")
    unknown = sorted(set(data) - set(ORDER))
    if unknown:
        raise SystemExit(f"{CONFIG}: unknown framework(s) {unknown}; expected keys of {ORDER}")
    return python, {key: data[key] for key in ORDER if key in data}


def _megabytes(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) / 1e6


def venv(key: str, python: str, requirements: list[str], venvs: Path, reinstall: bool) -> Path:
    """The framework's venv with exactly `requirements`; RuntimeError with pip's output if they
    do not install."""
    where = venvs / f"venv-{key}"
    stamp = where / "crosscheck-requirements.txt"
    wanted = "\n".join([f"# {python}", *requirements]) + "\n"
    if not reinstall and stamp.is_file() and stamp.read_text() == wanted:
        return where
    shutil.rmtree(where, ignore_errors=True)
    started = time.monotonic()
    log = venvs / f"install-{key}.log"
    with open(log, "w") as out:
        done = subprocess.run([python, "-m", "venv", str(where)], stdout=out, stderr=out)
        if done.returncode == 0:
            done = subprocess.run([str(where / "bin" / "python"), "-m", "pip", "install",
                                   "--disable-pip-version-check", *requirements],
                                  stdout=out, stderr=out, timeout=TIMEOUT)
    if done.returncode != 0:
        shutil.rmtree(where, ignore_errors=True)
        raise RuntimeError(log.read_text()[-TAIL:])
    stamp.write_text(wanted)
    print(f"  installed in {time.monotonic() - started:.0f} s, {_megabytes(where):.0f} MB "
          f"(log: {log.relative_to(ROOT) if log.is_relative_to(ROOT) else log})")
    return where


def measure(key: str, settings: dict, python: str, venvs: Path, reinstall: bool,
            date: str) -> crosscheck.Report:
    """One framework: its venv, its worker's run, the comparison."""
    requirements = settings["requirements"]

    def failed(status: str, error: str) -> crosscheck.Report:
        return crosscheck.Report(key, "", "", date, [], status=status, error=error.strip(),
                                 requirements=requirements)

    try:
        where = venv(key, python, requirements, venvs, reinstall)
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as err:
        return failed("install failed", str(err))
    folder = venvs / key
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    requests, arrays = crosscheck.requests(key)
    (folder / "request.json").write_text(json.dumps({"requests": requests}, indent=1) + "\n")
    import numpy as np

    np.savez(folder / "inputs.npz", **arrays)
    # The worker sees neither this checkout nor the project's venv: only its framework's venv.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update({"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
                "TF_CPP_MIN_LOG_LEVEL": "2", "PYTHONHASHSEED": "0", **settings.get("env", {})})
    try:
        done = subprocess.run([str(where / "bin" / "python"), str(WORKER), key, str(folder)],
                              capture_output=True, text=True, env=env, cwd=folder,
                              timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return failed("worker failed", f"no answer in {TIMEOUT} s")
    response_file = folder / "response.json"
    if not response_file.is_file():
        return failed("worker failed", (done.stderr or done.stdout)[-TAIL:])
    response = json.loads(response_file.read_text())
    if response["status"] != "measured":
        report = failed(response["status"], response["error"])
        report.python, report.platform = response["python"], response["platform"]
        report.versions = response["versions"]
        return report
    with np.load(folder / "outputs.npz") as outputs:
        report = crosscheck.from_worker(key, response, dict(outputs), date)
    report.requirements = requirements
    return report


def show(result) -> None:
    print(f"  {result.name:14} {result.call:55} {'ok' if result.ok else 'MISMATCH'}"
          + (f" ({result.dtype})" if result.dtype not in ("", "float64") else ""))
    for d in result.defaults:
        print(f"    default {d.param}: {result.framework} {d.theirs!r}, refimpl {d.ours!r}"
              + ("" if d.same else "  (differs)"))
    if result.error:
        print(f"    ERROR {result.error}")
    for warning in result.warnings:
        print(f"    warns: {warning}")
    for label, count in result.counts.items():
        for d in [d for d in result.divergences if d.inputs == label][:SHOWN]:
            x = f"row {list(d.x)}[{d.index}]" if d.index is not None else f"x={d.x:.6g}"
            print(f"    {label} {x}: {result.framework} {d.theirs!r}, refimpl {d.ours!r}")
        if count > SHOWN:
            print(f"    ... {count - SHOWN} more {label} divergences")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", metavar="KEY", help="these frameworks only")
    parser.add_argument("--out", type=Path, default=crosscheck.MEASUREMENTS,
                        help="where KEY.json is written (default: refimpl/measurements/crosscheck)")
    parser.add_argument("--venvs", type=Path, default=ROOT / "build" / "crosscheck",
                        help="where the venvs live (default: build/crosscheck)")
    parser.add_argument("--reinstall", action="store_true", help="make every venv anew")
    args = parser.parse_args(argv)
    python, frameworks = config()
    if args.only:
        unknown = sorted(set(args.only) - set(frameworks))
        if unknown:
            parser.error(f"unknown framework(s) {unknown}; frameworks.toml has {list(frameworks)}")
        frameworks = {k: v for k, v in frameworks.items() if k in args.only}
    args.venvs.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    date = crosscheck._today()
    failed = False
    for key, settings in frameworks.items():
        print(f"{key}: {' '.join(settings['requirements'])}", flush=True)
        report = measure(key, settings, python, args.venvs, args.reinstall, date)
        if report.status != "measured":
            print(f"  {report.status.upper()}: {report.error[-400:]}")
        else:
            print(f"  {key} {report.version}"
                  + (f" ({report.backend})" if report.backend else "")
                  + f" on {report.device}, Python {report.python}: "
                  f"{len(report.results)} spellings")
            for result in report.results:
                show(result)
            failed |= not report.ok
        (args.out / f"{key}.json").write_text(report.to_json() + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
