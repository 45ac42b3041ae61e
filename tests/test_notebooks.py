"""The jupytext notebooks (docs/notebooks/*.py), executed by scripts/notebook_stage.py and rendered by
mkdocs-jupyter and scripts/notebook_hooks.py: executed outputs, math in arithmatex markup, nothing
from another host, an .ipynb to download, a failing cell fails the build naming the notebook, and
the stage's cache key follows every input."""

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
    options = real["plugins"]["mkdocs-jupyter"]
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
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "REFIMPL_GENERATED": str(tmp_path / "generated")}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=tmp_path,
                          env=env, capture_output=True, text=True)
    assert proc.returncode != 0, "a notebook that raises did not fail the build"
    assert "notebooks/broken.py" in proc.stderr and "refimpl disagrees" in proc.stderr, proc.stderr[-3000:]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"{name}_under_test", ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_stage_key_follows_every_input(tmp_path, monkeypatch):
    stage = _load("notebook_stage")
    copy = tmp_path / "refimpl"
    shutil.copytree(ROOT / "refimpl", copy, ignore=shutil.ignore_patterns("__pycache__"))
    notebook = tmp_path / "nb.py"
    notebook.write_text((ROOT / "docs" / "notebooks" / "sigmoid-saturation.py").read_text()
                        + "\n# %%\nrefimpl.data.get('accuracy')\n")
    data = tmp_path / "data"
    data.mkdir()
    (data / "accuracy.json").write_text('{"key": "a", "value": 1}')
    keys = [stage.key(notebook, copy, data)]
    assert stage.key(notebook, copy, data) == keys[0]  # deterministic

    def edited(path: Path, text: str = "\n# an edit\n"):
        path.write_text(path.read_text() + text)
        keys.append(stage.key(notebook, copy, data))
        assert keys[-1] not in keys[:-1], f"an edit to {path.name} left the key unchanged"

    edited(copy / "classic.py")  # an entry module
    edited(copy / "figures" / "gated.py")  # drawing code
    edited(copy / "references.bib", "\n")  # a data file a module reads
    (copy / "new_module.py").write_text("X = 1\n")
    keys.append(stage.key(notebook, copy, data))
    assert keys[-1] not in keys[:-1], "a new refimpl module left the key unchanged"
    edited(data / "accuracy.json", " ")  # a data-stage result the notebook reads
    edited(notebook)
    monkeypatch.setattr(stage.sys, "version", stage.sys.version + " (another build)")
    keys.append(stage.key(notebook, copy, data))
    assert keys[-1] not in keys[:-1], "another interpreter left the key unchanged"
    import refimpl.arithmetic

    monkeypatch.setattr(refimpl.arithmetic, "fingerprint", lambda: "numpy 0 | another machine")
    keys.append(stage.key(notebook, copy, data))
    assert keys[-1] not in keys[:-1], "other arithmetic (NumPy's loops, the BLAS) left the key unchanged"


def test_a_notebook_that_writes_to_stderr_fails_the_stage(tmp_path):
    stage = _load("notebook_stage")
    notebook = tmp_path / "noisy.py"
    notebook.write_text("# %%\nimport sys\nprint('a library notice', file=sys.stderr)\n")
    with pytest.raises(stage.NotebookFailed, match=r"noisy\.py: cell 0 wrote to stderr:\na library notice"):
        stage.execute(notebook)


def test_the_stage_writes_math_as_arithmatex():
    stage = _load("notebook_stage")
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    text = ("The slope $\\sigma'(x) = \\sigma(x)\\,\\sigma(-x)$ of `$HOME` costs $5 and $a_n < b_{n}$.\n\n"
            "$$\\prod_{k=1}^{n} w_k * z_k$$\n\n```\n$not math$\n```\n")
    html_text = markdown2html_mistune(stage.arithmatex(text))
    assert r'''<span class="arithmatex">\(\sigma'(x) = \sigma(x)\,\sigma(-x)\)</span>''' in html_text
    assert r'<span class="arithmatex">\(a_n &lt; b_{n}\)</span>' in html_text
    assert r'<span class="arithmatex">\[\prod_{k=1}^{n} w_k * z_k\]</span>' in html_text
    assert "<code>$HOME</code>" in html_text and "$not math$" in html_text  # code is left alone
    assert "costs $5 and" in html_text  # a lone dollar is text


def test_present_anchor_ids_still_exists_in_mkdocs():
    # notebook_hooks.py sets page.present_anchor_ids (the one assignment to another package's
    # object, see its docstring); if MkDocs renames it, anchors in notebooks go unchecked silently.
    import inspect

    from mkdocs.structure import pages

    source = inspect.getsource(pages.Page)
    assert "self.present_anchor_ids" in source and "present_anchor_ids is None" in source, (
        "MkDocs no longer validates anchors through Page.present_anchor_ids: revisit "
        "scripts/notebook_hooks.py (on_page_content)")


def test_no_renderer_or_plugin_function_is_replaced():
    import mkdocs_jupyter.plugin as plugin
    from nbconvert.filters.markdown_mistune import IPythonRenderer

    before = (plugin._compute_cache_key, IPythonRenderer.inline_math, IPythonRenderer.block_math)
    _load("notebook_hooks")
    assert (plugin._compute_cache_key, IPythonRenderer.inline_math, IPythonRenderer.block_math) == before


def test_mkdocs_jupyter_still_reads_the_notebook_from_the_wrapper(tmp_path):
    # notebook_hooks.py points each NotebookFile at the executed copy through abs_src_path (see
    # its docstring); this fails, naming the hook, if mkdocs-jupyter stops honouring that.
    import inspect

    import mkdocs_jupyter.plugin as plugin
    from mkdocs.structure.files import File

    hint = "mkdocs-jupyter changed: revisit on_files in scripts/notebook_hooks.py"
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "a.py").write_text("# %%\n1\n")
    source = File("notebooks/a.py", str(tmp_path), str(tmp_path / "site"), True)
    wrapper = plugin.NotebookFile(source, use_directory_urls=True, site_dir=str(tmp_path / "site"))
    wrapper.abs_src_path = "/executed/a.ipynb"
    assert wrapper.abs_src_path == "/executed/a.ipynb" and wrapper.src_uri == "notebooks/a.py", hint
    assert wrapper.url == "notebooks/a/", hint
    reads = inspect.getsource(plugin.Plugin.on_pre_page)
    assert "convert.nb2html(\n                    page.file.abs_src_path" in reads, hint
