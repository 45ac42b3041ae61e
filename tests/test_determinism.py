"""Two clean builds of the site are byte-identical, apart from an explicit allowlist."""

import filecmp
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Files allowed to differ between two clean builds, and why. Empty: nothing may differ.
ALLOWLIST: dict[str, str] = {}


def clean_build(site: Path) -> None:
    """A build from nothing: its own empty directories for generated files and notebook cache."""
    scratch = site.parent / f"{site.name}-work"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000",
           "REFIMPL_GENERATED": str(scratch / "generated"),
           "REFIMPL_JUPYTER_CACHE": str(scratch / "jupyter-cache")}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir",
                    str(site)], cwd=ROOT, env=env, check=True, capture_output=True)


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
    clean_build(tmp_path / "one")
    clean_build(tmp_path / "two")
    diff = [f for f in differing(tmp_path / "one", tmp_path / "two") if f not in ALLOWLIST]
    assert not diff, "files that differ between two clean builds:\n" + "\n".join(diff)
