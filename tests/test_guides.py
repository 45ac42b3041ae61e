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
