"""The "Start here" guide (docs/guides/start-here.md) and its figures (refimpl/figures/start_here.py).

The page's code is the learner's: plain NumPy, run by the page tests (conftest.py). The figures
the site shows are drawn at build time by the module, whose code above its figure declarations must
be the page's own, statement for statement (comments and layout aside): then the pictures are the
ones a learner's copy of the page draws.
"""

import ast
import doctest
import re
from pathlib import Path

from refimpl.figures import FIGURES
from refimpl.figures import start_here

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "guides" / "start-here.md"
MODULE = Path(start_here.__file__)
MARKER = "# -- the site's figures"
BLOCK = re.compile(r"^```(python|pycon)[^\n]*\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)


def page_statements(text: str) -> list[ast.stmt]:
    """The top-level statements of the page's code: its python blocks and its doctest examples."""
    out = []
    for kind, code in BLOCK.findall(text):
        sources = [code] if kind == "python" else [e.source for e in doctest.DocTestParser().get_examples(code)]
        for source in sources:
            out += ast.parse(source).body
    return out


def learner_part() -> list[ast.stmt]:
    """The module's statements above the figure declarations, without its docstring."""
    source = MODULE.read_text(encoding="utf-8")
    assert MARKER in source
    body = ast.parse(source.split(MARKER)[0]).body
    return [s for s in body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]


def name(stmt: ast.stmt) -> str:
    if isinstance(stmt, (ast.FunctionDef, ast.ClassDef)):
        return stmt.name
    return ast.unparse(stmt).split("\n")[0]


def test_the_figure_code_is_the_page_code():
    on_page = {ast.dump(s) for s in page_statements(PAGE.read_text(encoding="utf-8"))}
    shared = learner_part()
    assert len(shared) >= 10
    missing = [name(s) for s in shared if ast.dump(s) not in on_page]
    assert not missing, f"refimpl/figures/start_here.py differs from the page in: {missing}"


def test_the_learner_code_is_plain_numpy():
    imports = {alias.name for s in learner_part() for node in ast.walk(s)
               if isinstance(node, (ast.Import, ast.ImportFrom))
               for alias in (node.names if isinstance(node, ast.Import) else [ast.alias(node.module)])}
    assert imports == {"numpy"}


def test_refimpl_comes_only_at_the_end():
    text = PAGE.read_text(encoding="utf-8")
    before, last = text.split("\n## Where to go next {#where-to-go-next}\n")
    assert "refimpl" not in "".join(code for _, code in BLOCK.findall(before))
    assert "import refimpl" in last


def test_the_page_shows_its_figures():
    text = PAGE.read_text(encoding="utf-8")
    ours = [n for n in FIGURES if n.startswith("start-here-")]
    assert len(ours) >= 3
    for n in ours:
        assert f'--8<-- "figures/{n}.md"' in text
