"""pytest collects the code on every page (docs/**/*.md) as tests: see scripts/page_code.py."""

from sybil import Sybil

from scripts.page_code import PageCodeParser

pytest_collect_file = Sybil(parsers=[PageCodeParser()], patterns=["*.md"],
                            excludes=["notebooks/*"]).pytest()
