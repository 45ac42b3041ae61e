"""The "Draw it yourself" blocks of the activation pages: a learner's plain NumPy and matplotlib
code, fenced ``` { .python .draw-it-yourself } ``` (so that the page-code collector leaves them to
this file). Each runs on its own, with matplotlib's Agg backend, must not use refimpl, must show
its figure, and for an elementwise entry must draw the function and then its derivative: the first
two curves it draws are checked against refimpl at the entry's defaults, so a wrong formula in a
learner's code fails here. The Chinese pages carry the same code (tests/test_zh.py).
"""

import re
from pathlib import Path

import numpy as np
import pytest

import refimpl
from refimpl import page_sections

DOCS = Path(__file__).resolve().parent.parent / "docs"
BLOCK = re.compile(r"^```\s*\{\s*\.python\s+\.draw-it-yourself\s*\}\s*\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)
SECTION = re.compile(r"^## [^\n]*\{#draw-it-yourself\}\s*$(.*?)(?=^## |\Z)", re.MULTILINE | re.DOTALL)


def blocks(page: Path) -> list[str]:
    """The draw-it-yourself code of a page: the blocks of its section of that id."""
    section = SECTION.search(page.read_text(encoding="utf-8"))
    return BLOCK.findall(section.group(1)) if section else []


PAGES = sorted({refimpl.get(n).page for n in refimpl.names()})
WITH_BLOCKS = [p for p in PAGES if blocks(DOCS / "activations" / f"{p}.md")]


def run(code: str) -> list[tuple[np.ndarray, np.ndarray]]:
    """Run one block as a learner would (a fresh namespace), with the Agg backend and `plt.show`
    recorded; return the (x, y) of every curve drawn, in drawing order."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    shown = []
    original = plt.show
    plt.show = lambda *a, **k: shown.append(True)
    plt.close("all")
    try:
        exec(compile(code, "<draw-it-yourself>", "exec"), {"__name__": "__draw__"})  # noqa: S102
        assert shown, "the block does not call plt.show()"
        figures = [plt.figure(n) for n in plt.get_fignums()]
        curves = [(np.asarray(line.get_xdata(), float), np.asarray(line.get_ydata(), float))
                  for fig in figures for ax in fig.axes for line in ax.get_lines()]
    finally:
        plt.show = original
        plt.close("all")
    return curves


@pytest.mark.parametrize("page", WITH_BLOCKS)
def test_the_block_draws_the_function_and_its_derivative(page):
    (code,) = blocks(DOCS / "activations" / f"{page}.md")
    assert "refimpl" not in code, "the block must stand alone: NumPy and matplotlib only"
    curves = run(code)
    entry = refimpl.get(page)
    assert curves, "the block draws no curve"
    if entry.kind != "elementwise":
        return  # a vector or gated entry has no one curve of f; its block says what it draws
    assert len(curves) >= 2, "the block must draw the function and its derivative"
    params = {**entry.example_params}
    for (x, y), truth, what in ((curves[0], entry, "function"), (curves[1], entry.derivative, "derivative")):
        assert len(x) >= 100, f"the {what} is drawn from {len(x)} points"
        expected = np.asarray(truth(x, **params), dtype=float)
        np.testing.assert_allclose(y, expected, rtol=1e-7, atol=1e-9,
                                   err_msg=f"{page}: the curve drawn as the {what} is not {entry.name}'s")


def test_the_blocks_sit_in_the_section_of_that_name():
    ids = page_sections.ids()
    assert "draw-it-yourself" in ids
    for page in PAGES:
        text = (DOCS / "activations" / f"{page}.md").read_text(encoding="utf-8")
        assert len(BLOCK.findall(text)) == len(blocks(DOCS / "activations" / f"{page}.md")), \
            f"{page}: a draw-it-yourself block outside its section"


@pytest.mark.parametrize("page", PAGES)
def test_every_activation_page_has_a_block(page):
    """A new entry's page fails here, by name, until it has its Draw it yourself section."""
    found = blocks(DOCS / "activations" / f"{page}.md")
    assert len(found) == 1, (f"docs/activations/{page}.md: {len(found)} draw-it-yourself blocks, expected one "
                             "in its ## Draw it yourself {#draw-it-yourself} section (see sigmoid.md)")
