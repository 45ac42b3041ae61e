"""The activation-page generator: assembly in the defined section order (scripts/activation_pages.py,
sections from refimpl/page_sections.py), and an activation added to a copy of the tree that
appears, complete, in the built site's nav."""

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from refimpl import page_sections
from refimpl.i18n import add_catalogue, language

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("activation_pages", ROOT / "scripts" / "activation_pages.py")
pages = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pages)


def entry(name, *, page=None, aliases=(), origin=()):
    return {"name": name, "title": name.capitalize(), "family": "classic", "aliases": list(aliases),
            "page": page or name, "origin": list(origin)}


@pytest.fixture
def manifest():
    return {"sections": page_sections.as_manifest(),
            "entries": {"cube": entry("cube", aliases=("x3",), origin=("a2001",)),
                        "cube_b": entry("cube_b", page="cube", origin=("a2001", "b2002")),
                        "other": entry("other")},
            "families": [{"family": "classic", "title": "Classic", "pages": ["cube", "other"]}],
            "bibliography": ["a2001", "b2002", "c2003"],
            "strings": {"params": "Parameters of {title}:", "properties": "Properties of {title}:",
                        "frameworks": "{title} in frameworks:", "accuracy": "Accuracy of {title}:",
                        "redirect_title": "Redirecting to {title}", "redirect": "{name} is on {page}."}}


PROSE = {"definition": "The formula.", "derivative": "Its derivative.",
         "when-to-use-it-and-pitfalls": "When.", "history": "Who.", "implementation": "Code."}


def source(order=tuple(PROSE), title="# Cube\n\nSummary.\n", extra=None):
    text = {**PROSE, **(extra or {})}
    return title + "".join(f"\n## Whatever {{#{sid}}}\n\n{text[sid]}\n" for sid in order)


def headings(markdown):
    return re.findall(r"^## .*\{#([\w-]+)\}$", markdown, re.MULTILINE)


def test_the_page_comes_out_in_the_defined_order_with_every_generated_part(manifest):
    out = pages.assemble(source(), "docs/activations/cube.md", "cube", manifest, figures={"cube"},
                         cites=["c2003"])
    every = [s.id for s in page_sections.SECTIONS[1:]]
    assert headings(out) == [i for i in every if i != "draw-it-yourself"]
    assert out.startswith("# Cube\n\nSummary.")
    section = dict(zip(headings(out), re.split(r"^## .*$", out, flags=re.MULTILINE)[1:]))
    for sid, include in [("definition", "tables/params/cube.md"), ("figure", "figures/cube.md"),
                         ("properties", "tables/properties/cube.md"),
                         ("in-frameworks", "tables/frameworks/cube.md"),
                         ("implementation", "tables/accuracy/cube.md")]:
        assert f'--8<-- "{include}"' in section[sid], sid
    # the second entry documented here: its tables labelled, its name an anchor
    assert "Parameters of Cube_b:" in section["definition"]
    assert '--8<-- "tables/frameworks/cube_b.md"' in section["in-frameworks"]
    assert '<span id="cube_b"></span><span id="x3"></span>' in out.split("## ")[0]
    # origin keys once each, then the page's own
    cited = re.findall(r'tables/cite/(\w+)\.md', section["references"])
    assert cited == ["a2001", "b2002", "c2003"]


def test_prose_sits_before_or_after_the_generated_part_as_defined(manifest):
    out = pages.assemble(source(extra={"implementation": "Code."}), "x.md", "cube", manifest)
    impl = out.split("{#implementation}")[1]
    assert impl.index("Code.") < impl.index("tables/accuracy/cube.md")
    out = pages.assemble(source(order=(*PROSE, "references"), extra={"references": "No origin."}),
                         "x.md", "cube", manifest)
    refs = out.split("{#references}")[1]
    assert refs.index("No origin.") < refs.index("tables/cite/a2001.md")


def test_draw_it_yourself_appears_only_with_prose(manifest):
    order = ("definition", "derivative", "draw-it-yourself", "when-to-use-it-and-pitfalls", "history",
             "implementation")
    out = pages.assemble(source(order=order, extra={"draw-it-yourself": "import numpy"}), "x.md",
                         "cube", manifest, figures={"cube"})
    ids = headings(out)
    assert ids.index("figure") < ids.index("draw-it-yourself") < ids.index("properties")


def test_a_figure_is_included_only_where_one_exists(manifest):
    out = pages.assemble(source(), "x.md", "cube", manifest, figures={"other"})
    assert "figures/" not in out


def test_a_heading_is_matched_by_its_id_or_its_title(manifest):
    text = source().replace("## Whatever {#history}", "## History").replace(
        "## Whatever {#implementation}", "## Implementation and numerics")
    assert headings(pages.assemble(text, "x.md", "cube", manifest)) == headings(
        pages.assemble(source(), "x.md", "cube", manifest))


@pytest.mark.parametrize("text, message", [
    (source().replace("{#history}", "{#story}"), "docs/activations/cube.md:.*'## Whatever' is not a section"),
    (source(order=("definition", "derivative", "when-to-use-it-and-pitfalls", "implementation",
                   "history")), "docs/activations/cube.md:.*'history' comes after 'implementation'"),
    (source(order=("definition", "derivative", "derivative", "when-to-use-it-and-pitfalls", "history",
                   "implementation")), "docs/activations/cube.md:.*'derivative' appears twice"),
    (source(order=("definition", "when-to-use-it-and-pitfalls", "history", "implementation")),
     "docs/activations/cube.md: the page has no prose for 'derivative'"),
])
def test_a_page_that_does_not_fit_fails_naming_the_file(manifest, text, message):
    with pytest.raises(pages.PageError, match=message):
        pages.assemble(text, "docs/activations/cube.md", "cube", manifest)


def test_an_unknown_citation_or_page_fails_naming_the_file(manifest):
    with pytest.raises(pages.PageError, match="docs/activations/cube.md: front matter cites z9"):
        pages.assemble(source(), "docs/activations/cube.md", "cube", manifest, cites=["z9"])
    with pytest.raises(pages.PageError, match="docs/activations/cube_b.md: no registry entry"):
        pages.assemble(source(), "docs/activations/cube_b.md", "cube_b", manifest)


def test_a_heading_inside_a_code_block_is_code(manifest):
    code = "```python\n## not a heading\nx = 1\n```"
    out = pages.assemble(source(extra={"implementation": code}), "x.md", "cube", manifest)
    assert "## not a heading\nx = 1" in out


def test_section_titles_are_translated_and_ids_stay(manifest):
    titles = [s.title for s in page_sections.SECTIONS if s.title]
    add_catalogue("xx", {t: f"«{t}»" for t in titles})
    with language("xx"):
        manifest["sections"] = page_sections.as_manifest()
    out = pages.assemble(source(), "x.md", "cube", manifest)
    assert "## «Derivative» {#derivative}" in out
    assert "## «Implementation and numerics» {#implementation}" in out


# -- an activation added to a copy of the tree ---------------------------------------------------
TOY_FUNCTION = '''

# --8<-- [start:bent_identity]
def bent_identity(x):
    r"""Bent identity: the identity plus half a hyperbola, smooth and unbounded both ways.

    .. math:: f(x) = x + \\frac{\\sqrt{x^2 + 1} - 1}{2}

    Args:
        x: input array.

    Returns:
        An array of x's shape and dtype.

    >>> print(bent_identity(0.0))
    0.0
    """
    return x + (np.hypot(x, 1.0) - 1) / 2
# --8<-- [end:bent_identity]


def bent_identity_derivative(x):
    return 1 + x / (2 * np.hypot(x, 1.0))


register(Entry(
    name="bent_identity",
    fn=bent_identity,
    derivative_fn=bent_identity_derivative,
    title="Bent identity",
    summary="The identity plus half a hyperbola.",
    family="softplus-like",
    latex=r"f(x) = x + \\frac{\\sqrt{x^2 + 1} - 1}{2}",
    aliases=("bent_id",),
    declared=Properties(range=(-np.inf, np.inf), monotonic="increasing", smoothness="Cinf",
                        saturates=(False, False), attained=(False, False)),
    origin=("toy2026bent",),
    textbook=lambda x: x + (np.sqrt(x * x + 1) - 1) / 2,
    frameworks={"pytorch": None, "jax": None, "keras": None},
    shape=("rises through the origin with slope one half far left and three halves far right",
           "rises from one half to three halves"),
))
'''
TOY_ORACLE = '''
ORACLES["bent_identity"] = (lambda x: x + (mp.sqrt(x * x + 1) - 1) / 2,
                            lambda x: 1 + x / (2 * mp.sqrt(x * x + 1)))
LIMITS["bent_identity"] = ((-math.inf, math.inf), (0.5, 1.5))
'''
TOY_BIB = '''
@misc{toy2026bent,
  author = {Toy, A.},
  title  = {A bent identity},
  year   = {2026},
  url    = {https://example.org/bent}
}
'''
TOY_PAGE = '''# Bent identity

The bent identity adds half a hyperbola to the identity. It appears in toy examples.

*Also known as:* bent_id

## Definition {#definition}

$$f(x) = x + \\frac{\\sqrt{x^2 + 1} - 1}{2}$$

## Derivative {#derivative}

$f'(x) = 1 + x / (2\\sqrt{x^2 + 1})$, between 1/2 and 3/2.

## When to use it, and pitfalls {#when-to-use-it-and-pitfalls}

Its slope never falls below one half:

```pycon
>>> import refimpl
>>> print(refimpl.bent_identity.derivative(-1e6) > 0.5)
True
```

## History {#history}

A toy.

## Implementation and numerics {#implementation}

```python
--8<-- "refimpl/softplus_like.py:bent_identity"
```

```pycon
>>> print(refimpl.bent_identity(0.0))
0.0
```
'''


def _add_toy(tree: Path) -> None:
    for rel, text in [("refimpl/softplus_like.py", TOY_FUNCTION), ("refimpl/oracles/softplus_like.py", TOY_ORACLE),
                      ("refimpl/references.bib", TOY_BIB)]:
        with open(tree / rel, "a") as f:
            f.write(text)
    (tree / "docs" / "activations" / "bent_identity.md").write_text(TOY_PAGE)


def _fast(tree: Path) -> Path:
    """The copy's config without the whole-reference print page (and its hook), which the toy page
    does not need (its notebooks are rendered unexecuted: REFIMPL_EXECUTE_NOTEBOOKS=0 below)."""
    config = (tree / "mkdocs.yml").read_text()
    assert "  print-site:\n" in config
    start = config.index("  # Last: the whole reference on one page")
    end = config.index("\nvalidation:")
    config = config[:start] + config[end:]
    config = "".join(line for line in config.splitlines(keepends=True)
                     if not line.startswith("  - scripts/print_page_hooks.py"))
    (tree / "mkdocs.yml").write_text(config)
    return tree / "mkdocs.yml"


@pytest.mark.site  # it builds a copy of the site
def test_an_added_activation_gets_its_complete_page_in_the_nav(tmp_path):
    tree = tmp_path / "tree"
    shutil.copytree(ROOT, tree, ignore=shutil.ignore_patterns(
        ".venv", "build", "site", ".git", "__pycache__", ".pytest_cache", ".hypothesis"))
    # The data stage's results, so that the stage does not recompute them from scratch; the copy's
    # code hashes decide what is still valid, as in any build.
    if (ROOT / "build" / "data").is_dir():
        shutil.copytree(ROOT / "build" / "data", tree / "build" / "data")
    _add_toy(tree)
    site = tmp_path / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(tree),
           "REFIMPL_GENERATED": str(tree / "build" / "generated"),
           "REFIMPL_JUPYTER_CACHE": str(tree / "build" / "jupyter-cache"),
           "REFIMPL_EXECUTE_NOTEBOOKS": "0"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(_fast(tree)),
                           "--site-dir", str(site)], cwd=tree, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-4000:]
    html = (site / "activations" / "bent_identity" / "index.html").read_text()
    nav_link = re.search(r'<a href="\./" class="md-nav__link md-nav__link--active">\s*'
                         r'<span class="md-ellipsis">\s*Bent identity', html)
    assert nav_link, "the toy page is not the active page of the nav"
    family = html[:nav_link.start()].rsplit("md-nav__item--section", 1)[1]
    assert "Softplus-like" in family
    ids = re.findall(r'<h2 id="([\w-]+)"', html)
    assert ids == [s.id for s in page_sections.SECTIONS[1:] if s.prose != "optional"]
    assert 'id="bent_id"' in html                                     # alias anchor
    assert "No parameters." in html                                     # params
    assert "bent_identity.svg" in html                                  # figure
    assert "E[f(Z)], Z ~ N(0, 1)" in html                              # properties
    assert "PyTorch has no <code>bent_identity</code>" in html         # frameworks
    assert "A bent identity" in html                                    # references
    assert "Accuracy not computed" in html or "max error, ulp" in html  # accuracy
    assert "Cite this page" in html


def test_the_manifest_lists_every_page_once_families_in_registry_order():
    import json

    import refimpl
    from refimpl import tables
    from refimpl.registry import FAMILIES

    m = json.loads(json.dumps(tables.manifest()))  # what the hook reads: plain JSON
    listed = [p for f in m["families"] for p in f["pages"]]
    assert sorted(listed) == sorted({refimpl.get(n).page for n in refimpl.names()})
    assert len(listed) == len(set(listed))
    assert [f["family"] for f in m["families"]] == [
        f for f in FAMILIES if any(refimpl.get(n).family == f for n in refimpl.names())]
    for f in m["families"]:
        assert all(refimpl.get(p).family == f["family"] for p in f["pages"]), f["family"]
    assert [s["id"] for s in m["sections"]] == page_sections.ids()
