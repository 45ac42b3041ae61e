"""MkDocs glue for the jupytext notebooks in docs/notebooks/ (rendered by mkdocs-jupyter 0.26.3).

mkdocs-jupyter alone does not fit this site, so this hook:

1. renders notebook-markdown math as arithmatex does (``<span class="arithmatex">\\(..\\)</span>``),
   so the one MathJax 3 config serves every page and ``$`` never becomes a global delimiter;
2. folds a hash of refimpl's sources into mkdocs-jupyter's cache key, whose own key sees only the
   notebook's bytes: a refimpl edit must re-execute the notebooks;
3. adds ``notebooks/NAME.ipynb`` (made by jupytext) and a download button on the page, since
   ``include_source`` would only copy the .py;
4. cleans each notebook page: drops the MathJax 2 / mermaid / require.js tags nbconvert injects
   (they load from cdnjs; there is no option to turn them off), resolves and checks relative links
   (MkDocs does not look inside notebook HTML), gives MkDocs the page's anchor ids, and warns (an
   error under --strict) about anything left that would load from another host, and numbers the
   ids inside each inline figure so that no id appears twice on a page;
5. links mkdocs-jupyter's stylesheets (580 KB, the same on every notebook page) as shared files
   instead of inlining them into each page: browsers cache one copy, and each build no longer
   carries 5 MB of CSS through search indexing and page clean-up.
"""

from __future__ import annotations

import functools
import hashlib
import html
import itertools
import logging
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import jupytext
import mkdocs_jupyter.plugin as mkdocs_jupyter_plugin
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from nbconvert.filters.markdown_mistune import IPythonRenderer

log = logging.getLogger("mkdocs.hooks.notebooks")

ROOT = Path(__file__).resolve().parent.parent
REFIMPL = ROOT / "refimpl"
PLUGIN = "mkdocs-jupyter"
# Part of the cache key: bump it when the rendering below changes, so cached pages are redone.
RENDER_VERSION = "arithmatex-1"


# 1. Math: the markup pymdownx.arithmatex (generic: true) writes. Display math stays a span:
# nbconvert renders it inside a <p>, where a div is not allowed.
def _inline_math(self, body: str) -> str:
    return f'<span class="arithmatex">\\({self.escape_html(body)}\\)</span>'


def _block_math(self, body: str) -> str:
    return f'<span class="arithmatex">\\[{self.escape_html(body)}\\]</span>'


def _latex_environment(self, name: str, body: str) -> str:
    name, body = self.escape_html(name), self.escape_html(body)
    return f'<span class="arithmatex">\\[\\begin{{{name}}}{body}\\end{{{name}}}\\]</span>'


IPythonRenderer.inline_math = _inline_math
IPythonRenderer.block_math = _block_math
IPythonRenderer.latex_environment = _latex_environment


# 2. Cache key. _compute_cache_key is private: fail loudly if an upgrade renames it, rather than
# silently serving pages computed by an older refimpl.
if not callable(getattr(mkdocs_jupyter_plugin, "_compute_cache_key", None)):
    raise RuntimeError("mkdocs-jupyter no longer has _compute_cache_key: revisit scripts/notebook_hooks.py")
# __wrapped__: loading this file twice in one process (tests) must not wrap the wrapper.
_plugin_cache_key = getattr(mkdocs_jupyter_plugin._compute_cache_key, "__wrapped__",
                            mkdocs_jupyter_plugin._compute_cache_key)


def source_digest(root: Path) -> str:
    """sha256 over the path and bytes of every root/**/*.py, read afresh (serve rebuilds too)."""
    h = hashlib.sha256(RENDER_VERSION.encode())
    for path in sorted(root.rglob("*.py")):
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def cache_key(nb_path, config, exec_nb) -> str:
    own = _plugin_cache_key(nb_path, config, exec_nb)
    return hashlib.sha256(f"{own}|{source_digest(REFIMPL)}".encode()).hexdigest()


cache_key.__wrapped__ = _plugin_cache_key
# The plugin looks the name up in its module at each page, so replacing it there is enough.
mkdocs_jupyter_plugin._compute_cache_key = cache_key


def on_config(config, **kwargs):
    # The plugin resolves cache_dir against the working directory; make it the project's.
    options = config.plugins[PLUGIN].config
    options["cache_dir"] = str(Path(config.config_file_path).parent / options["cache_dir"])
    return config


# 3. The .ipynb download, one per notebook page (the plugin wraps those files in NotebookFile).
_ipynb: dict[str, File] = {}


def _is_notebook(file: File) -> bool:
    return isinstance(file, mkdocs_jupyter_plugin.NotebookFile)


# 5. The stylesheets nbconvert inlines with resources.include_css (mkdocs-jupyter's template).
STYLESHEETS = ("index.css", "theme-light.css")
_css: dict[str, File] = {}


@functools.cache
def _stylesheet_source(name: str) -> str:
    return (Path(mkdocs_jupyter_plugin.__file__).parent / "templates" / "mkdocs_html" / "assets" / name).read_text()


def on_files(files: Files, config, **kwargs) -> Files:
    _ipynb.clear()
    for name in STYLESHEETS:
        _css[name] = File.generated(config, f"assets/stylesheets/jupyter/{name}", content=_stylesheet_source(name))
        files.append(_css[name])
    for file in list(files):
        if _is_notebook(file):
            nb = jupytext.read(file.abs_src_path)
            for i, cell in enumerate(nb.cells):  # jupytext's ids are random: keep the file reproducible
                cell.id = f"cell-{i}"
            uri = posixpath.splitext(file.src_uri)[0] + ".ipynb"
            # INCLUDED: exclude_docs drops notebooks/*.ipynb, meant for stray local copies, not this.
            _ipynb[file.src_uri] = File.generated(config, uri, content=jupytext.writes(nb, fmt="ipynb"),
                                                  inclusion=InclusionLevel.INCLUDED)
            files.append(_ipynb[file.src_uri])
    return files


# 4. Page clean-up. The first three patterns match the blocks nbconvert's templates write.
_INJECTED = [
    re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S),
    re.compile(r'<script type="module">(?:(?!</script>).)*?mermaid.*?<!-- End of mermaid configuration -->', re.S),
    re.compile(r'<script src="[^"]*require[^"]*\.js"></script>'),
]
_OTHER_HOST = re.compile(
    r"""<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*?"""
    r"""\b(?:src|href|data|srcset|poster)\s*=\s*["']?\s*(?:https?:)?//"""
    r"""|\bimport\(\s*["'](?:https?:)?//|\burl\(\s*["']?(?:https?:)?//""", re.I)
_HREF = re.compile(r'(<a\b[^>]*?\bhref=")([^"]*)(")')
_ID = re.compile(r'\bid="([^"]+)"')
_SVG = re.compile(r"<svg\b.*?</svg>", re.S)
_SVG_ID = re.compile(r'(\bid="|url\(#|href="#)([^")]+)')


def _number_svg_ids(svg: str, n: int) -> str:
    """Prefix every id in one SVG, and every reference to it (url(#..), href="#.."), with fig{n}-."""
    ids = set(_ID.findall(svg))
    return _SVG_ID.sub(lambda m: m.group(1) + (f"fig{n}-" if m.group(2) in ids else "") + m.group(2), svg)


_DOWNLOAD_ICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
                  '<path d="M5 20h14v-2H5zM19 9h-4V3H9v6H5l7 7z"/></svg>')


def on_page_content(content: str, page, config, files: Files, **kwargs) -> str:
    if not _is_notebook(page.file):
        return content
    src = page.file.src_uri
    for pattern in _INJECTED:
        content = pattern.sub("", content)
    for name in STYLESHEETS:
        # nbconvert's include_css writes exactly this; in place, so the cascade order is kept.
        inlined = f'<style type="text/css">\n{_stylesheet_source(name)}</style>'
        if inlined not in content:
            raise PluginError(f"Notebook '{src}': mkdocs-jupyter no longer inlines {name} as expected: "
                              "revisit scripts/notebook_hooks.py")
        link = f'<link rel="stylesheet" href="{_css[name].url_relative_to(page.file)}">'
        content = content.replace(inlined, link)

    def resolve(m: re.Match) -> str:
        # A link to another docs file, as a Markdown page would write it: make it the target's URL.
        url = urlsplit(html.unescape(m.group(2)))
        if url.scheme or url.netloc or not url.path or url.path.startswith("/"):
            return m.group(0)
        target = files.get_file_from_path(posixpath.normpath(posixpath.join(posixpath.dirname(src), url.path)))
        if target is None:
            log.warning("Notebook '%s' links to '%s', which is not among the documentation files.",
                        src, m.group(2))
            return m.group(0)
        new = target.url_relative_to(page.file) + (f"#{url.fragment}" if url.fragment else "")
        return m.group(1) + html.escape(new) + m.group(3)

    content = _HREF.sub(resolve, content)

    ipynb = _ipynb[src]
    content = (f'<a href="{ipynb.url_relative_to(page.file)}" download class="md-content__button md-icon" '
               f'title="Download the notebook (.ipynb)">{_DOWNLOAD_ICON}</a>\n{content}')

    # jupytext gives cells random ids on every read: number them in order, so two builds of the
    # same notebook write the same page.
    order: dict[str, str] = {}
    content = re.sub(r"cell-id=([0-9a-f]+)",
                     lambda m: "cell-id=" + order.setdefault(m.group(1), f"cell-{len(order)}"), content)

    # Code cells scroll sideways when long: keyboard users must be able to reach them (axe's
    # scrollable-region-focusable), like Material's own code blocks.
    content = content.replace('<div class="highlight-ipynb', '<div tabindex="0" class="highlight-ipynb')

    # matplotlib names the parts of every figure alike (figure_1, axes_1, …): ids inside each
    # inline SVG get the figure's number, so that no id appears twice on the page.
    figures = itertools.count(1)
    content = _SVG.sub(lambda m: _number_svg_ids(m.group(), next(figures)), content)

    # MkDocs skips anchor validation for pages whose present_anchor_ids is None (notebook pages).
    page.present_anchor_ids = set(_ID.findall(content))

    for m in _OTHER_HOST.finditer(content):
        log.warning("Notebook '%s' loads from another host: %r", src, content[m.start():m.start() + 120])
    return content
