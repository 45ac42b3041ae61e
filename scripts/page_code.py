"""How the code on a page (docs/**/*.md) becomes tests: a Sybil parser.

A fenced block whose info string starts with python, py or pycon is run, wherever it sits
(admonitions, content tabs, `title="..."` attributes): `>>>` examples are checked as doctests,
other blocks executed. Blocks on one page share a namespace, top to bottom. Code for another
runtime (PyTorch, JAX, Keras) is fenced as ``` { .python .torch } ``` and is not run here.
"""

import doctest
import importlib
import re
from pathlib import Path

from sybil.evaluators.doctest import DocTestEvaluator
from sybil.evaluators.python import PythonEvaluator
from sybil.parsers.abstract.doctest import DocTestStringParser
from sybil.parsers.markdown.lexers import RawFencedCodeBlockLexer

INFO = re.compile(r"(?:py|python|pycon)(?:[ \t]+[^\n]*)?$\n", re.MULTILINE)
FLAGS = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS
SNIPPET = re.compile(r'^\s*--8<--\s+"(?P<path>[^":]+\.py):(?P<section>[\w-]+)"\s*$')
ROOT = Path(__file__).resolve().parent.parent


def included_source(path, section):
    """The lines of a pymdownx.snippets section, as the page shows them."""
    lines = (ROOT / path).read_text().splitlines()
    start = lines.index(f"# --8<-- [start:{section}]")
    end = lines.index(f"# --8<-- [end:{section}]")
    return "\n".join(lines[start + 1:end]) + "\n"


def run_included(example):
    """A block that includes refimpl source runs in a copy of its module's namespace."""
    path, section = example.parsed
    module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
    exec(compile(included_source(path, section), f"{path}:{section}", "exec"), dict(vars(module)))


class PageCodeParser:
    def __init__(self):
        self.lexer = RawFencedCodeBlockLexer(info_pattern=INFO)
        self.doctests = DocTestStringParser(DocTestEvaluator(FLAGS))
        self.python = PythonEvaluator()

    def __call__(self, document):
        for region in self.lexer(document):
            source = region.lexemes["source"]
            include = SNIPPET.match(source.strip())
            if include:
                region.parsed = (include["path"], include["section"])
                region.evaluator = run_included
                yield region
            elif source.lstrip().startswith(">>>"):
                for example in self.doctests(source, document.path):
                    example.adjust(region, source)
                    yield example
            else:
                region.parsed = source
                region.evaluator = self.python
                yield region
