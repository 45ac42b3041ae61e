"""The jupytext notebooks (docs/notebooks/*.py), rendered by mkdocs-jupyter and scripts/notebook_hooks.py:
executed, math in arithmatex markup, nothing from another host, an .ipynb to download, a failing
cell fails the build, and a refimpl edit invalidates the cache."""

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from html_tags import start_tags
import yaml

ROOT = Path(__file__).resolve().parent.parent
HOOK = ROOT / "scripts" / "notebook_hooks.py"
PAGE = Path("notebooks") / "sigmoid-saturation" / "index.html"
IPYNB = Path("notebooks") / "sigmoid-saturation.ipynb"


def _tags(html: str) -> list[tuple[str, dict]]:
    return start_tags(html)


@pytest.fixture(scope="module")
def page(built_site) -> str:
    path = built_site / PAGE
    assert path.is_file(), f"no notebook page at {PAGE}"
    return path.read_text()


@pytest.fixture(scope="module")
def article(page) -> str:
    """The page's content, without the scripts and styles nbconvert inlines."""
    body = page[page.index("<article"):page.index("</article>")]
    return re.sub(r"<(script|style)\b.*?</\1>", "", body, flags=re.S)


def test_page_holds_executed_outputs(article):
    assert 'data-mime-type="text/plain"' in article  # printed output
    assert "after layer 10:" in article
    assert "With pre-activation 2 in each of 10 layers" in article  # the Markdown output
    assert '<div aria-label="' in article and "<svg" in article  # the figure, inline
    assert "Traceback" not in article


def test_math_is_arithmatex_and_no_raw_dollar_math(article):
    assert r'''<span class="arithmatex">\(\sigma'(x) = \sigma(x)\,\sigma(-x)\)</span>''' in article
    assert re.search(r'<span class="arithmatex">\\\[\\frac\{\\partial a_n\}', article)
    # MathJax here never takes $ as a delimiter: a $ left in the text would show raw. (SVG
    # comments that matplotlib writes may hold TeX source; they show nothing.)
    assert "$" not in re.sub(r"<!--.*?-->", "", article, flags=re.S)


def test_nothing_from_another_host_and_no_mathjax_2(page):
    for tag, attrs in _tags(page):
        ref = attrs.get("src") if tag in ("script", "img", "iframe", "source") else \
            attrs.get("href") if tag == "link" and attrs.get("rel") != "canonical" else None  # names, loads nothing
        assert not (ref and re.match(r"^\s*(https?:)?//", ref)), f"<{tag}> loads {ref}"
        assert not (tag == "script" and "src" in attrs and not attrs["src"]), "<script src=\"\">"
    for needle in ("text/x-mathjax-config", "MathJax.Hub", "cdnjs", "mermaid.esm", "require.js"):
        assert needle not in page, needle


def test_notebook_stylesheets_are_shared_files_not_inlined(built_site, page):
    sheets = [a["href"] for t, a in _tags(page) if t == "link" and "jupyter/" in a.get("href", "")]
    assert [Path(h).name for h in sheets] == ["index.css", "theme-light.css"]
    for href in sheets:
        css = (built_site / PAGE).parent.joinpath(href).resolve()
        assert css.is_file() and ".jupyter-wrapper" in css.read_text()
    assert len(page) < 200_000, "a stylesheet is inlined again"


def test_links_in_the_notebook_are_resolved(article):
    hrefs = {a.get("href") for t, a in _tags(article) if t == "a"}
    assert "../../activations/relu/" in hrefs and "../../activations/sigmoid/" in hrefs
    assert not any(h and h.endswith(".md") for h in hrefs)


def test_ipynb_download_is_valid_and_linked(built_site, article):
    path = built_site / IPYNB
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.cells[0].cell_type == "markdown" and "Sigmoid saturation, measured" in nb.cells[0].source
    links = [a["href"] for t, a in _tags(article) if t == "a" and "download" in a]
    assert links, "no download link on the notebook page"
    assert (built_site / PAGE).parent.joinpath(links[0]).resolve() == path.resolve()


def test_a_failing_notebook_fails_the_build_naming_it(tmp_path):
    # A throwaway site with the real mkdocs-jupyter options and the real hook, and one bad notebook.
    from mkdocs.utils.yaml import yaml_load  # reads !ENV, as mkdocs does

    real = yaml_load((ROOT / "mkdocs.yml").read_text())
    options = next(p["mkdocs-jupyter"] for p in real["plugins"] if isinstance(p, dict) and "mkdocs-jupyter" in p)
    options = {**options, "cache_dir": str(tmp_path / "cache")}
    (tmp_path / "docs" / "notebooks").mkdir(parents=True)
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    (tmp_path / "docs" / "notebooks" / "broken.py").write_text(
        "# %% [markdown]\n# # Broken\n\n# %%\nraise ValueError('refimpl disagrees')\n")
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump({
        "site_name": "t", "docs_dir": "docs", "hooks": [str(HOOK)],
        "plugins": [{"mkdocs-jupyter": options}],
        "nav": ["index.md", "notebooks/broken.py"],
    }))
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=tmp_path,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True)
    assert proc.returncode != 0, "a notebook that raises did not fail the build"
    assert "notebooks/broken.py" in proc.stderr and "refimpl disagrees" in proc.stderr, proc.stderr[-3000:]


def _load_hook():
    spec = importlib.util.spec_from_file_location("notebook_hooks_under_test", HOOK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_refimpl_edit_changes_the_cache_key(tmp_path, monkeypatch):
    import mkdocs_jupyter.plugin as plugin

    hooks = _load_hook()
    assert plugin._compute_cache_key is hooks.cache_key, "the plugin does not use the wrapped key"
    options = plugin.Plugin()
    options.load_config({})
    notebook = ROOT / "docs" / "notebooks" / "sigmoid-saturation.py"

    copy = tmp_path / "refimpl"
    shutil.copytree(ROOT / "refimpl", copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(hooks, "REFIMPL", copy)
    before = plugin._compute_cache_key(notebook, options.config, True)
    assert plugin._compute_cache_key(notebook, options.config, True) == before  # deterministic
    with (copy / "classic.py").open("a") as f:
        f.write("\n# an edit\n")
    assert plugin._compute_cache_key(notebook, options.config, True) != before
    (copy / "new_module.py").write_text("X = 1\n")
    assert hooks.source_digest(copy) != hooks.source_digest(ROOT / "refimpl")
    # Loading the hook again (as a second build in one process would) does not wrap the wrapper.
    again = _load_hook()
    assert again._plugin_cache_key is hooks._plugin_cache_key
