"""A build from nothing is byte-identical to the test session's build, apart from an explicit
allowlist: the data stage run into an empty directory, then the site (both editions) built from
empty generated, notebook, citation and data directories, against the session's data stage and
site (`built_site`). From a clean clone the session's build is from nothing too; in a working tree
it reuses the caches, and then the comparison also checks that no cache serves stale output. The
two builds share no cache and run side by side (one per core).
"""

import difflib
import filecmp
import subprocess
import sys
from pathlib import Path

from builds import build_env
from refimpl.data import DEFAULT_DIR as DATA  # the session's build reads its results here

ROOT = Path(__file__).resolve().parent.parent
# Files allowed to differ between the two builds, and why. Empty: nothing may differ.
ALLOWLIST: dict[str, str] = {}


def clean_build(work: Path) -> subprocess.Popen:
    """The data stage into an empty directory, then a strict build with its own empty directories
    for generated files, executed and rendered notebooks, and citations."""
    # the session's build environment (its build date included), every directory replaced
    env = {**build_env("clean"), "REFIMPL_DATA": str(work / "data"),
           "REFIMPL_GENERATED": str(work / "generated"),
           "REFIMPL_JUPYTER_CACHE": str(work / "jupyter-cache"),
           "REFIMPL_CITATION_CACHE": str(work / "citations.json")}
    script = (f"{sys.executable} -m refimpl.data --out {work / 'data'} && "
              f"{sys.executable} -m mkdocs build --strict --clean --site-dir {work / 'site'} && "
              f"{sys.executable} -m mkdocs build --strict --clean -f mkdocs.zh.yml --site-dir {work / 'site' / 'zh'}")
    return subprocess.Popen(["sh", "-c", script], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def differing(a: Path, b: Path) -> list[str]:
    out = []
    for path in sorted(a.rglob("*")):
        rel = path.relative_to(a).as_posix()
        other = b / rel
        if path.is_file() and (not other.exists() or not filecmp.cmp(path, other, shallow=False)):
            out.append(rel)
    out += [p.relative_to(b).as_posix() for p in b.rglob("*") if not (a / p.relative_to(b)).exists()]
    return out


def first_difference(a: Path, b: Path, context: int = 300) -> str:
    """Where two text files first differ, with some context on each side (the whole story of a
    difference that happens only on a busy CI machine must be in the failure message)."""
    try:
        x, y = a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return "  (binary or missing)"
    i = next((k for k, (p, q) in enumerate(zip(x, y)) if p != q), min(len(x), len(y)))
    lines = difflib.unified_diff(x[max(0, i - context):i + context].splitlines(),
                                 y[max(0, i - context):i + context].splitlines(),
                                 "from nothing", "session", lineterm="", n=1)
    return f"  first difference at character {i}:\n" + "\n".join(lines)


def test_a_build_from_nothing_is_identical_to_the_sessions_build(request, tmp_path):
    clean = tmp_path / "clean"
    proc = clean_build(clean)                   # starts now, beside the session's build
    site = request.getfixturevalue("built_site")
    out = proc.communicate()[0]
    assert proc.returncode == 0, f"the build from nothing failed:\n{out[-4000:]}"
    results = sorted(p.name for p in (clean / "data").glob("*.json"))
    assert results, "the data stage wrote nothing"
    # build/data may also hold results of names the stage no longer has: compare the stage's own
    data = [name for name in results
            if not (DATA / name).is_file() or not filecmp.cmp(clean / "data" / name, DATA / name, shallow=False)]
    assert not data, "data-stage results that differ from the session's (build/data):\n" + "\n".join(data)
    assert (clean / "site" / "zh" / "index.html").is_file(), "the Chinese edition was not built"
    diff = [f for f in differing(clean / "site", site) if f not in ALLOWLIST]
    shown = "\n".join(f"{f}\n{first_difference(clean / 'site' / f, site / f)}" for f in diff[:3])
    assert not diff, ("files that differ between the build from nothing and the session's:\n"
                      + "\n".join(diff) + "\n" + shown)
