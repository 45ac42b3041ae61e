"""pytest collects the code on every English page (docs/**/*.md) as tests: see scripts/page_code.py.

`make test` runs two workers with ``--dist loadfile``: a page's examples share one namespace top
to bottom and a test module builds its fixtures once, so each file runs whole on one worker. The
browser tests are the exception: each loads its own page in a fresh context, and together they
are the longest file by far, so they are spread over both workers one by one (below).
"""

import sys

from sybil import Sybil
from xdist.scheduler import LoadFileScheduling

from scripts.page_code import PageCodeParser


def _headless(namespace):
    """A page's code may draw and call plt.show(), as a learner's script does (the "Start here"
    guide): under the tests matplotlib draws with Agg, which shows nothing and needs no display
    (the warning Agg gives where a display exists is ignored in pyproject.toml)."""
    import matplotlib

    matplotlib.use("Agg")


def _close_figures(namespace):
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


# The Chinese pages (*.zh.md) are not run a second time: tests/test_zh.py checks that their code
# is the English page's, comments aside.
pytest_collect_file = Sybil(parsers=[PageCodeParser()], patterns=["*.md"],
                            excludes=["notebooks/*", "*.zh.md", "**/*.zh.md"],
                            setup=_headless, teardown=_close_figures).pytest()

def pytest_report_header(config):
    from refimpl.arithmetic import fingerprint

    return f"arithmetic: {fingerprint()} (the pages' numbers are make test's: see Makefile)"


SPREAD = "tests/test_browser.py::"


# A patch: it overrides xdist's private LoadFileScheduling._split_scope (tests/test_patches.py
# fails if that name or its signature changes; pyproject.toml bounds pytest-xdist below 4).
# Why: no public way gives "files whole, these tests one by one" with the locked versions.
# - `--dist loadgroup` with xdist_group marks would say it, but xdist 3.8 (the newest) records
#   the group by assigning item._nodeid, which pytest 9.2 no longer reads (nodeid comes from
#   item._id): the marks are silently ignored (checked: two tests of one group ran on two workers).
# - `--dist loadscope` splits by class: the browser tests would have to become one class each.
# - Splitting tests/test_browser.py into files would spread it by file, not by test.
# Move to loadgroup marks when an xdist release sets the group through a public pytest API.
class FilesExceptBrowserTests(LoadFileScheduling):
    def _split_scope(self, nodeid: str) -> str:
        return nodeid if nodeid.startswith(SPREAD) else super()._split_scope(nodeid)


def pytest_xdist_make_scheduler(config, log):  # a documented xdist hook
    if config.getvalue("dist") != "loadfile":
        return None
    return FilesExceptBrowserTests(config, log)
