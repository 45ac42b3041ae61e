"""The glossary: one `## Term` per entry, unique anchors, alphabetical order, a link in each entry,
and (once pages link terms on first use) every entry referenced from another page."""

import re
from pathlib import Path

import pytest
from markdown.extensions.toc import slugify

DOCS = Path(__file__).resolve().parent.parent / "docs"
GLOSSARY = DOCS / "glossary.md"
NOT_TERMS = {"References", "Chinese terms"}
HEADING = re.compile(r"^## (?P<term>.+?)(?:\s*\{#(?P<id>[^\s}]+)\})?\s*$", re.MULTILINE)


def sections() -> dict[str, str]:
    """term -> the text of its entry (up to the next `## ` heading)."""
    text = GLOSSARY.read_text()
    matches = list(HEADING.finditer(text))
    out = {}
    for m, nxt in zip(matches, matches[1:] + [None]):
        if m["term"] not in NOT_TERMS:
            out[m["term"]] = text[m.end():nxt.start() if nxt else len(text)]
            _ids[m["term"]] = m["id"]
    return out


_ids: dict[str, str | None] = {}  # term -> its explicit heading id


def terms() -> list[str]:
    return list(sections())


def anchor(term: str) -> str:
    """The heading's explicit id, which is the one Python-Markdown's toc extension (our mkdocs.yml:
    default slugify) would give it: the Chinese glossary keeps the same ids."""
    sections()
    assert _ids[term] in (None, slugify(term, "-")), f"{term}: its id {_ids[term]} is not its slug"
    return _ids[term] or slugify(term, "-")


def test_terms_are_listed_and_sorted():
    names = terms()
    assert len(names) >= 20
    assert names == sorted(names, key=str.casefold)


def test_every_term_has_a_unique_anchor():
    anchors = [anchor(t) for t in terms()]
    assert all(anchors), anchors
    assert len(set(anchors)) == len(anchors), sorted(a for a in anchors if anchors.count(a) > 1)


@pytest.mark.parametrize("term", terms())
def test_every_entry_links_to_where_the_term_is_used(term):
    assert re.search(r"\]\((?!#)[^)]+\)", sections()[term]), f"{term}: no link to another page"


def test_required_terms_are_present():
    required = {"saturation", "dead-unit", "zero-centred", "self-gating", "lipschitz-constant",
                "condition-number", "ulp", "subnormal-number", "logit", "kink", "subgradient",
                "smoothness-class", "vanishing-gradient", "exploding-gradient",
                "vector-jacobian-product", "jacobian", "temperature", "fused-loss",
                "initialisation", "monotonic", "bounded", "cancellation", "overflow", "underflow",
                "nan-propagation", "ffn", "glu", "parameter", "hyperparameter"}
    assert required <= {anchor(t) for t in terms()}


def test_links_into_the_glossary_resolve():
    anchors = {anchor(t) for t in terms()}
    for page in DOCS.rglob("*.md"):
        for target in re.findall(r"glossary\.md#([\w-]+)", page.read_text()):
            assert target in anchors, f"{page.relative_to(DOCS)} links to a missing term #{target}"


def referenced_anchors() -> set[str]:
    """Anchors other pages link to: by hand, or on first use by scripts/glossary_links.py."""
    from scripts.glossary_links import link_first_uses

    found = set()
    for page in DOCS.rglob("*.md"):
        if page != GLOSSARY:
            text = link_first_uses(page.read_text(), page.relative_to(DOCS).as_posix())
            found |= set(re.findall(r"glossary\.md#([\w-]+)", text))
    return found


def test_every_term_is_referenced_by_another_page():
    missing = sorted({anchor(t) for t in terms()} - referenced_anchors())
    assert not missing, f"glossary terms no other page links to: {missing}"
