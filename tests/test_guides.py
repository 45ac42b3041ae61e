"""The guides (docs/guides/): the timeline figure matches the registry, and every link, figure and
citation a guide uses exists. Their code examples run as doctests (conftest.py)."""

import re
from pathlib import Path

import pytest

import refimpl
from refimpl import bibliography
from refimpl.figures import FIGURES, render
from refimpl.figures import guides

ROOT = Path(__file__).resolve().parent.parent
GUIDES = sorted(p for p in (ROOT / "docs" / "guides").glob("*.md") if not p.stem.endswith(".zh"))
LINK = re.compile(r"\]\(([^)\s]+)\)")
INCLUDE = re.compile(r'^--8<-- "(figures|tables/cite)/([^"]+)\.md"$', re.MULTILINE)


def test_the_guides_exist():
    assert {p.name for p in GUIDES} >= {"choosing.md", "history.md", "concepts.md"}


def test_timeline_has_every_dated_entry_at_its_registry_year():
    dated = {n: refimpl.get(n).year for n in refimpl.names() if refimpl.get(n).year is not None}
    rows = guides.dated_entries()
    assert {e.name: e.year for e in rows} == dated
    assert [e.year for e in rows] == sorted(e.year for e in rows)
    assert FIGURES["guides-timeline"].entries == tuple(e.name for e in rows)


def test_timeline_draws_every_label_and_turning_point():
    svg = render(FIGURES["guides-timeline"]).decode()
    for e in guides.dated_entries():
        label = f"{e.title} ({e.year})".replace("&", "&amp;")
        assert label in svg, f"timeline misses {label!r}"
    for key, label in guides.TURNING_POINTS:
        assert f"{label} ({bibliography.entries()[key].fields['year']})" in svg


def test_timeline_alt_text_counts_the_entries():
    alt = FIGURES["guides-timeline"].alt
    assert f"the {len(guides.dated_entries())} activations" in alt
    first, last = guides.dated_entries()[0], guides.dated_entries()[-1]
    assert f"({first.year})" in alt and f"({last.year})" in alt


@pytest.mark.parametrize("page", GUIDES, ids=lambda p: p.name)
def test_relative_links_point_to_existing_pages(page):
    text = page.read_text()
    for target in LINK.findall(text):
        if target.startswith(("http://", "https://", "#", "/")):
            continue
        path = target.split("#")[0]
        assert (page.parent / path).resolve().exists(), f"{page.name}: broken link {target}"


@pytest.mark.parametrize("page", GUIDES, ids=lambda p: p.name)
def test_includes_name_existing_figures_and_bibliography_keys(page):
    text = page.read_text()
    for kind, name in INCLUDE.findall(text):
        if kind == "figures":
            assert name in FIGURES, f"{page.name}: no figure {name!r}"
        else:
            assert name in bibliography.entries(), f"{page.name}: no bibliography key {name!r}"


@pytest.mark.parametrize("page", GUIDES, ids=lambda p: p.name)
def test_shape_title_sections_references(page):
    text = page.read_text()
    assert text.startswith("# "), f"{page.name}: no title"
    assert re.search(r"\n## References \{#references\}\n", text)
    # no absolute rules: a guide says "depends" where it does (quotations excepted, none so far)
    assert not re.search(r"\b(always|never)\b", text, re.IGNORECASE), f"{page.name}: always/never"


# A property a guide states about a linked activation must be the registry's. Two that guides state
# in words: "piecewise linear" (hard swish was once called that; its middle piece is a parabola)
# and C^∞ in the choosing guide's table.
ACTIVATION_LINK = re.compile(r"\]\((?:\.\./)?activations/([a-z0-9_]+)\.md(?:#[^)]*)?\)")
PIECEWISE_LINEAR = re.compile(r"piecewise[- ]linear", re.IGNORECASE)
PROSE = GUIDES + [ROOT / "docs" / "misconceptions.md", ROOT / "docs" / "glossary.md"]


def _is_piecewise_linear(name):
    """True when f' takes only a few values on [-10, 10]: f is linear between its kinks."""
    import numpy as np

    entry = refimpl.get(name)
    if entry.kind != "elementwise":
        return False
    derivative = entry.derivative(np.linspace(-10, 10, 20001), **entry.example_params)
    return len(np.unique(np.round(derivative, 12))) <= 4


def _units(text):
    """Table rows, and sentences of the other paragraphs (lines joined): the scope of a claim."""
    for paragraph in re.split(r"\n\s*\n", text):
        lines = paragraph.splitlines()
        if lines and all(line.lstrip().startswith("|") for line in lines):
            yield from ((True, line) for line in lines)
        else:
            yield from ((False, s) for s in re.split(r"(?<=\.)\s+(?=[A-Z\[*])", " ".join(lines)))


@pytest.mark.parametrize("page", PROSE, ids=lambda p: p.name)
def test_activations_called_piecewise_linear_are(page):
    """In a table row every linked activation carries the claim; in a sentence the link nearest
    before the words does."""
    for is_row, unit in _units(page.read_text()):
        for match in PIECEWISE_LINEAR.finditer(unit):
            names = (ACTIVATION_LINK.findall(unit) if is_row
                     else ACTIVATION_LINK.findall(unit[:match.start()])[-1:])
            for name in names:
                assert _is_piecewise_linear(name), (
                    f"{page.name}: calls {name} piecewise linear, but its derivative is not "
                    f"piecewise constant: {unit.strip()[:160]}")


def test_choosing_table_smoothness_matches_the_registry():
    text = (ROOT / "docs" / "guides" / "choosing.md").read_text()
    rows = [line for line in text.splitlines() if line.startswith("|") and "C^\\infty" in line]
    assert rows, "the hidden-layer table no longer states a smoothness class"
    for row in rows:
        for name in ACTIVATION_LINK.findall(row.split("|")[2]):
            assert refimpl.get(name).properties["smoothness"] == "Cinf", (name, row[:120])
