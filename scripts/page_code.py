"""How the code on a page (docs/**/*.md) becomes tests: a Sybil parser.

A fenced block whose info string starts with python, py or pycon is run, wherever it sits
(admonitions, content tabs, `title="..."` attributes): `>>>` examples are checked as doctests,
other blocks executed. Blocks on one page share a namespace, top to bottom. Code for another
runtime (PyTorch, JAX, Keras) is fenced as ``` { .python .torch } ``` and is not run here.

A block that only includes refimpl source (`--8<-- "refimpl/x.py:section"`) is shown, not run:
running it would only re-execute `def` statements, and the functions it shows are tested by
their doctests and the tests of refimpl.
"""

import doctest
import re

from sybil.evaluators.doctest import DocTestEvaluator
from sybil.evaluators.python import PythonEvaluator
from sybil.parsers.abstract.doctest import DocTestStringParser
from sybil.parsers.markdown.lexers import RawFencedCodeBlockLexer

INFO = re.compile(r"(?:py|python|pycon)(?:[ \t]+[^\n]*)?$\n", re.MULTILINE)
FLAGS = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS
# A block whose whole content is snippet lines (pymdownx.snippets): included source
SNIPPET = re.compile(r'^(?:[ \t]*--8<--[ \t]+"[^"]+"[ \t]*\n?)+$')


class PageCodeParser:
    def __init__(self):
        self.lexer = RawFencedCodeBlockLexer(info_pattern=INFO)
        self.doctests = DocTestStringParser(DocTestEvaluator(FLAGS))
        self.python = PythonEvaluator()

    def __call__(self, document):
        for region in self.lexer(document):
            source = region.lexemes["source"]
            if SNIPPET.match(source.strip() + "\n"):
                continue  # shown, not run: see the module docstring
            if source.lstrip().startswith(">>>"):
                for example in self.doctests(source, document.path):
                    example.adjust(region, source)
                    yield example
            else:
                region.parsed = source
                region.evaluator = self.python
                yield region
