"""The built site, read as files: pages, slugs, anchors, figures, assets, no third-party hosts."""

import functools
import json
import re
import sys
from pathlib import Path

import pytest
from html_tags import start_tags

import refimpl
from refimpl import page_sections

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))


def tags(path: Path) -> list[tuple[str, dict]]:
    return start_tags(path.read_text())


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_activation_has_its_stable_slug(built_site):
    for name in refimpl.names():
        assert (built_site / "activations" / name / "index.html").exists(), f"no page for {name}"


def test_every_alias_is_an_anchor_on_its_page(built_site):
    for alias, name in refimpl.aliases().items():
        page = refimpl.get(name).page
        ids = {a.get("id") for _, a in tags(built_site / "activations" / page / "index.html")}
        assert alias in ids, f"alias {alias!r} has no anchor on /activations/{page}/"


def test_nothing_loads_from_another_host(built_site):
    offenders = []
    for page in pages(built_site):
        for tag, attrs in tags(page):
            loads = tag == "link" and attrs.get("rel") not in ("canonical", "alternate")
            ref = attrs.get("src") if tag in ("script", "img", "iframe", "source") else \
                attrs.get("href") if loads else None
            if ref and re.match(r"^(https?:)?//", ref):
                offenders.append(f"{page.relative_to(built_site)}: <{tag}> {ref}")
    assert not offenders, "\n".join(offenders)


def test_no_google_fonts_or_github_api(built_site):
    for page in pages(built_site):
        text = page.read_text()
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
        assert "api.github.com" not in text


def test_every_image_has_alt_text_and_exists(built_site):
    for page in pages(built_site):
        for tag, attrs in tags(page):
            if tag != "img":
                continue
            assert len(attrs.get("alt") or "") >= 20, f"{page}: image without alt text"
            src = attrs["src"].split("#")[0]
            assert (page.parent / src).resolve().exists(), f"{page}: missing {src}"


def test_every_figure_has_a_light_and_a_dark_twin(built_site):
    page = built_site / "activations" / "sigmoid" / "index.html"
    srcs = [a["src"] for t, a in tags(page) if t == "img"]
    assert any(s.endswith("sigmoid.svg#only-light") for s in srcs)
    assert any(s.endswith("sigmoid-dark.svg#only-dark") for s in srcs)


def test_math_renderer_is_served_by_the_site(built_site):
    assert (built_site / "assets" / "mathjax" / "tex-chtml.js").stat().st_size > 100_000
    fonts = list((built_site / "assets" / "mathjax" / "output" / "chtml" / "fonts").rglob("*.woff"))
    assert fonts


def test_search_finds_pages_by_their_other_names(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    for alias, name in refimpl.aliases().items():
        hits = [d["location"] for d in index["docs"] if alias.replace("_", " ") in d["text"].lower()
                or alias in d["text"].lower()]
        page = refimpl.get(name).page
        assert any(h.startswith(f"activations/{page}/") for h in hits), f"search misses {alias}"


def test_generated_tables_are_in_the_pages(built_site):
    html = (built_site / "activations" / "relu" / "index.html").read_text()
    assert "E[f(Z)], Z ~ N(0, 1)" in html
    assert "torch.nn.ReLU" in html
    assert "Checked against" in html


def test_no_id_appears_twice_on_a_page(built_site):
    from collections import Counter

    twice = []
    for path in pages(built_site):
        counts = Counter(a["id"] for _, a in tags(path) if a.get("id"))
        twice += [f"{path.relative_to(built_site)}: #{i}" for i, n in counts.items() if n > 1]
    assert not twice, "\n".join(twice)


def test_every_anchor_of_an_english_page_exists_on_its_chinese_page(built_site):
    """A link to page#anchor works in both editions, and the language switcher can keep it. The
    Chinese citation box has one tab more (GB/T 7714), so its tab ids are the only extra ones."""
    import re

    differ = []
    for zh in pages(built_site / "zh"):
        english = built_site / zh.relative_to(built_site / "zh")
        ids = {path: {a["id"] for _, a in tags(path) if a.get("id")} for path in (english, zh)}
        extra = {i for i in ids[zh] - ids[english] if not re.search(r"__tabbed_\d+_\d+$", i)}
        if ids[english] - ids[zh] or extra:
            differ.append(f"{english.relative_to(built_site)}: only English "
                          f"{sorted(ids[english] - ids[zh])[:5]}, only Chinese {sorted(extra)[:5]}")
    assert not differ, "\n".join(differ)


def test_nothing_generated_is_committed():
    import subprocess

    root = Path(__file__).resolve().parent.parent
    tracked = subprocess.run(["git", "ls-files"], cwd=root, capture_output=True, text=True).stdout
    bad = [f for f in tracked.splitlines()
           if f.startswith(("site/", "build/")) or f.endswith((".svg", ".png", ".ipynb"))]
    assert not bad, bad


PAGES = sorted({refimpl.get(n).page for n in refimpl.names()})


@functools.cache
def assembled(page: str) -> str:
    """A page as the generator emits it (scripts/activation_pages.py), from the registry's manifest."""
    import activation_pages
    import yaml
    from refimpl import figures

    text = (ROOT / "docs" / "activations" / f"{page}.md").read_text()
    meta = {}
    if text.startswith("---\n"):
        front, text = text[4:].split("\n---\n", 1)
        meta = yaml.safe_load(front)
    return activation_pages.assemble(text, f"docs/activations/{page}.md", page, _manifest(),
                                     figures=set(figures.FIGURES), cites=meta.get("references", []))


@functools.cache
def _manifest() -> dict:
    from refimpl import tables

    return tables.manifest()


@pytest.mark.parametrize("name", PAGES)
def test_activation_pages_follow_the_section_order(name):
    """Every section the generator defines, in its order; the optional ones only where written."""
    text = (ROOT / "docs" / "activations" / f"{name}.md").read_text()
    written = set(re.findall(r"^## .*\{#([\w-]+)\}\s*$", text, re.MULTILINE))
    expected = [s.id for s in page_sections.SECTIONS[1:] if s.prose != "optional" or s.id in written]
    assert re.findall(r"^## .*\{#([\w-]+)\}$", assembled(name), re.MULTILINE) == expected


def test_every_activation_page_is_a_registry_entry():
    root = Path(__file__).resolve().parent.parent
    files = {p.stem for p in (root / "docs" / "activations").glob("*.md") if not p.stem.endswith(".zh")}
    assert files == set(PAGES), f"pages without entry: {files - set(PAGES)}, entries without page: {set(PAGES) - files}"


def test_entries_documented_elsewhere_redirect_to_their_anchor(built_site):
    for name in refimpl.names():
        entry = refimpl.get(name)
        if entry.page == name:
            continue
        html = (built_site / "activations" / name / "index.html").read_text()
        assert f'url=../{entry.page}/#{name}"' in html
        ids = {a.get("id") for _, a in tags(built_site / "activations" / entry.page / "index.html")}
        assert name in ids, f"/activations/{entry.page}/ has no anchor #{name}"


def _ids(path: Path, cache: dict) -> set:
    if path not in cache:
        cache[path] = {a["id"] for _, a in tags(path) if a.get("id")} | \
                      {a["name"] for t, a in tags(path) if t == "a" and a.get("name")}
    return cache[path]


def test_no_broken_internal_links_or_anchors(built_site):
    """A crawl of the built site, the whole-reference print page included: every internal link
    reaches a file, every #anchor an id."""
    from urllib.parse import unquote, urlsplit

    broken, ids = [], {}
    for page in pages(built_site):
        for tag, attrs in tags(page):
            href = attrs.get("href") if tag == "a" else None
            if not href or href.startswith(("mailto:", "javascript:")):
                continue
            url = urlsplit(href)
            if url.scheme or url.netloc:
                continue  # external: `make linkcheck-external`
            if not url.path:
                target = page
            elif url.path.startswith("/"):  # the 404 page links from the site root
                target = built_site / unquote(url.path).lstrip("/")
            else:
                target = (page.parent / unquote(url.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(built_site)}: {href}")
            elif (url.fragment and target.suffix == ".html"
                  and unquote(url.fragment) not in _ids(target, ids)):
                broken.append(f"{page.relative_to(built_site)}: {href} (no such anchor)")
    assert not broken, "\n".join(sorted(set(broken)))


@pytest.mark.parametrize("name", refimpl.names())
def test_every_entry_has_figure_properties_doctests_and_references_on_its_page(name):
    entry = refimpl.get(name)
    text = assembled(entry.page)
    includes = re.findall(r'^--8<-- "([^"]+)"', text, re.MULTILINE)
    assert any(i.startswith("figures/") for i in includes), f"{name}: no figure"
    assert f"tables/properties/{name}.md" in includes, f"{name}: no properties table"
    assert len(re.findall(r"^\s*>>> ", text, re.MULTILINE)) >= 2, f"{name}: fewer than two doctests"
    cited = {i.removeprefix("tables/cite/").removesuffix(".md") for i in includes
             if i.startswith("tables/cite/")}
    assert cited, f"{name}: its page cites no reference"
    assert set(entry.origin) <= cited, f"{name}: origin papers not cited on its page: {set(entry.origin) - cited}"


def _reference_links(html: str) -> set[str]:
    """The DOI/arXiv/URL links of a built page's References section (up to the next h2)."""
    part = html.split('<h2 id="references"', 1)
    if len(part) < 2:
        return set()
    section = re.split(r"<h2[ >]", part[1].split(">", 1)[1], maxsplit=1)[0]
    return set(re.findall(r'<a href="(https?://[^"]+)"', section)) - {""}


@pytest.mark.parametrize("edition", ["", "zh/"], ids=["en", "zh"])
def test_the_bibliography_lists_every_reference_and_links_back_to_each_citing_page(built_site, edition):
    """Read from the built pages, not from the generator's inputs: a page whose References section
    shows a work's link is among that work's back links, and no back link is to a page that does
    not cite it."""
    from refimpl import bibliography

    site = built_site / edition
    html = (site / "bibliography" / "index.html").read_text()
    items = re.findall(r'<li>\s*<p><span id="([^"]+)"></span>(.*?)</li>', html, re.DOTALL)
    assert sorted(k for k, _ in items) == sorted(bibliography.entries()), "not every reference, once each"
    back = {}
    for key, item in items:
        assert bibliography.link(key)[1].replace("&", "&amp;") in item, f"{key}: no DOI/arXiv/URL link"
        back[bibliography.link(key)[1]] = {re.sub(r"#references$", "", h)
                                            for h in re.findall(r'href="\.\./([^"]+)"', item)}
    citing = {}
    for page in sorted(site.rglob("index.html")):
        rel = page.parent.relative_to(site).as_posix() + "/"
        rel = "" if rel == "./" else rel
        if rel.startswith(("zh/", "bibliography/", "print_page/")):
            continue
        for url in _reference_links(page.read_text()):
            citing.setdefault(url.replace("&amp;", "&"), set()).add(rel)
    for key in bibliography.entries():
        url = bibliography.link(key)[1]
        assert back[url] == citing.get(url, set()), (key, sorted(back[url] ^ citing.get(url, set())))
