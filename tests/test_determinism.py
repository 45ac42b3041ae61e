"""Two builds from nothing are byte-identical, apart from an explicit allowlist: the data stage run
twice into empty directories, and the site (both editions) built twice from empty generated, notebook, citation
and data directories. The two runs share no cache, and run side by side (one per core)."""

import filecmp
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Files allowed to differ between two clean builds, and why. Empty: nothing may differ.
ALLOWLIST: dict[str, str] = {}


def clean_build(work: Path) -> subprocess.Popen:
    """The data stage into an empty directory, then a strict build with its own empty directories
    for generated files, executed and rendered notebooks, and citations."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000",
           "REFIMPL_DATA": str(work / "data"),
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


def test_two_clean_builds_are_identical(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    procs = [clean_build(one), clean_build(two)]
    outputs = [proc.communicate()[0] for proc in procs]
    for proc, out in zip(procs, outputs):
        assert proc.returncode == 0, f"a clean build failed:\n{out[-4000:]}"
    data = differing(one / "data", two / "data")
    assert sorted(p.name for p in (one / "data").glob("*.json")), "the data stage wrote nothing"
    assert not data, "data-stage results that differ between two runs:\n" + "\n".join(data)
    assert (one / "site" / "zh" / "index.html").is_file(), "the Chinese edition was not built"
    diff = [f for f in differing(one / "site", two / "site") if f not in ALLOWLIST]
    assert not diff, "files that differ between two clean builds:\n" + "\n".join(diff)
