"""pytest collects the code on every page (docs/**/*.md) as tests: see scripts/page_code.py.

`make test` runs two workers with ``--dist loadfile``: a page's examples share one namespace top
to bottom and a test module builds its fixtures once, so each file runs whole on one worker. The
browser tests are the exception: each loads its own page in a fresh context, and together they
are the longest file by far, so they are spread over both workers one by one (below).
"""

from sybil import Sybil

from scripts.page_code import PageCodeParser

pytest_collect_file = Sybil(parsers=[PageCodeParser()], patterns=["*.md"],
                            excludes=["notebooks/*"]).pytest()

SPREAD = "tests/test_browser.py::"


def pytest_xdist_make_scheduler(config, log):
    # (--dist loadgroup would say this with marks, but xdist 3.8 cannot set the group on
    # pytest 9's node ids.)
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class FilesExceptBrowserTests(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return nodeid if nodeid.startswith(SPREAD) else super()._split_scope(nodeid)

    return FilesExceptBrowserTests(config, log)
