"""The environment of the test session's builds (tests/conftest.py) and of the build from
nothing that tests/test_determinism.py compares with them."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The build date of every test build (the citation's access date, the sitemap): `make test` sets
# it from the last commit; a bare pytest gets a fixed one, so two of its builds can be compared.
BUILD_EPOCH = os.environ.get("SOURCE_DATE_EPOCH") or "1700000000"


def build_env(tag: str) -> dict:
    """Environment for a build with its own generated files and notebook cache, so parallel test
    workers (pytest -n) never write the same files."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH,
            "REFIMPL_GENERATED": str(ROOT / "build" / f"generated-{tag}"),
            "REFIMPL_JUPYTER_CACHE": str(ROOT / "build" / f"jupyter-cache-{tag}")}
