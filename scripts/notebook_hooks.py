"""MkDocs glue for the jupytext notebooks in docs/notebooks/ (rendered by mkdocs-jupyter 0.26.3).

The notebooks are executed by our own stage (scripts/notebook_stage.py: two at a time, cached
under a key of everything they read), and mkdocs-jupyter renders the executed copies with
``execute: false``. This hook:

1. runs the notebook stage and points each notebook page at the executed copy (its src_uri,
   hence nav, links and URL, stay the .py's); the stage also writes the math as arithmatex
   does, so no renderer of nbconvert is replaced;
2. keeps mkdocs-jupyter's rendering cache in a directory named for requirements.lock: its own
   key covers the executed notebook's bytes and its options, not the nbconvert that renders it;
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

Two assignments to other packages' objects remain, each because no public way exists (mkdocs
is pinned ==1.6.1 and mkdocs-jupyter <0.27 in pyproject.toml; tests/test_notebooks.py fails fast
with a message naming this file if either name changes):
- ``file.abs_src_path`` of mkdocs-jupyter's NotebookFile (1): the wrapper computes its own from
  the docs directory and offers no option to render another file under a page's src_uri, and
  the .py's src_uri must stay (pages link to notebooks/NAME.py);
- ``page.present_anchor_ids`` (4): MkDocs fills it while rendering Markdown, and mkdocs-jupyter
  replaces ``render`` for notebook pages, so without it MkDocs skips checking links to their
  anchors.
"""

from __future__ import annotations

import functools
import hashlib
import html
import itertools
import logging
import os
import posixpath
import re
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import jupytext
import mkdocs_jupyter.plugin as mkdocs_jupyter_plugin
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

log = logging.getLogger("mkdocs.hooks.notebooks")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import notebook_stage  # noqa: E402

PLUGIN = "mkdocs-jupyter"
# REFIMPL_GENERATED moves the pages stage's output (parallel test workers each build their own)
GENERATED = Path(os.environ.get("REFIMPL_GENERATED") or ROOT / "build" / "generated")
EXECUTED = GENERATED / "notebooks"


def on_config(config, **kwargs):
    options = config.plugins[PLUGIN].config
    if options["execute"]:
        raise PluginError(f"{PLUGIN}: set execute: false; scripts/notebook_stage.py executes the notebooks")
    # The plugin resolves cache_dir against the working directory; make it the project's, and
    # one directory per requirements.lock (2. above).
    lock = hashlib.sha256((ROOT / "requirements.lock").read_bytes()).hexdigest()[:16]
    options["cache_dir"] = str(Path(config.config_file_path).parent / options["cache_dir"] / lock)
    return config


# 1. The notebook stage, in a subprocess: its workers fork, which a process with threads
# (mkdocs serve) must not do. Started before the figure and table stages (mkdocs_hooks.py), so that
# it runs beside them: they do not read each other's output. Only when a notebook is stale: the
# keys are cheap to check.
_stage: tuple[subprocess.Popen, list[Path], object] | None = None


def _sources(config) -> list[Path]:
    """The notebooks mkdocs-jupyter will include: its `include` patterns, as it matches them."""
    patterns = [p for p in config.plugins[PLUGIN].config["include"] if p.endswith(".py")]
    return sorted(p for p in Path(config.docs_dir).rglob("*.py")
                  if any(p.match(pat) for pat in patterns) and not p.stem.endswith(".zh"))


def _english(source: Path) -> Path:
    """The English notebook a source translates (NAME.zh.py -> NAME.py), or the source itself."""
    return source.with_name(source.stem[:-3] + source.suffix) if source.stem.endswith(".zh") else source


def _start(sources: list[Path]) -> None:
    global _stage
    if sources and notebook_stage.stale(sources, EXECUTED):
        log_file = tempfile.TemporaryFile("w+")
        proc = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "notebook_stage.py"),
                                 "--out", str(EXECUTED), *map(str, sources)],
                                stdout=log_file, stderr=subprocess.STDOUT, text=True,
                                start_new_session=True)
        _stage = (proc, sources, log_file)


def _finish() -> list[Path]:
    """Wait for the stage started by _start; fail naming the notebook; return what it executed."""
    global _stage
    if _stage is None:
        return []
    (proc, sources, log_file), _stage = _stage, None
    with log_file:
        if proc.wait() != 0:
            log_file.seek(0)
            raise PluginError(log_file.read().strip())
    return sources


@event_priority(100)
def on_pre_build(config, **kwargs) -> None:
    _start(_sources(config))


def on_build_error(error, **kwargs) -> None:
    """Another step failed: stop the stage, its workers and their kernels (one session)."""
    global _stage
    if _stage is not None:
        (proc, _, log_file), _stage = _stage, None
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait()
        log_file.close()


# 3. The .ipynb download, one per notebook page (the plugin wraps those files in NotebookFile).
_ipynb: dict[str, File] = {}

# 5. The stylesheets nbconvert inlines with resources.include_css (mkdocs-jupyter's template).
STYLESHEETS = ("index.css", "theme-light.css")
_css: dict[str, File] = {}


def _is_notebook(file: File) -> bool:
    return isinstance(file, mkdocs_jupyter_plugin.NotebookFile)


@functools.cache
def _stylesheet_source(name: str) -> str:
    return (Path(mkdocs_jupyter_plugin.__file__).parent / "templates" / "mkdocs_html" / "assets" / name).read_text()


@event_priority(-50)  # after mkdocs-jupyter's on_files, which wraps each source in a NotebookFile
def on_files(files: Files, config, **kwargs) -> Files:
    # The plugin wraps the Chinese sources (NAME.zh.py) too: they are never pages of their own
    # (exclude_docs, which MkDocs applies only after on_files), but the source of NAME.py's page
    # in the Chinese edition.
    notebooks = [f for f in files if _is_notebook(f) and not Path(f.src_uri).stem.endswith(".zh")]
    sources = [Path(f.abs_src_path) for f in notebooks]
    # The Chinese edition reads NAME.zh.py (scripts/edition_hooks.py): the English NAME.py is the
    # one executed, and its outputs go into the Chinese notebook (the same code).
    english = [_english(s) for s in sources]
    started = _finish()
    _start([s for s in english if s not in started])  # none, unless a plugin added notebooks
    _finish()
    _ipynb.clear()
    for file, source, original in zip(notebooks, sources, english):
        # The page renders the executed copy; its src_uri (nav, links, URL) stays the .py's.
        # The wrapper's abs_src_path is what mkdocs-jupyter reads the notebook from.
        executed = EXECUTED / f"{original.stem}.ipynb"
        if source != original:
            try:
                executed = notebook_stage.translated(source, executed, EXECUTED / f"{source.stem}.ipynb")
            except notebook_stage.NotebookFailed as err:
                raise PluginError(str(err)) from None
        file.abs_src_path = str(executed)
        _ipynb[file.src_uri] = _download(file.src_uri, source, config)
        files.append(_ipynb[file.src_uri])
    for name in STYLESHEETS:
        _css[name] = File.generated(config, f"assets/stylesheets/jupyter/{name}", content=_stylesheet_source(name))
        files.append(_css[name])
    return files


def _download(src_uri: str, source: Path, config) -> File:
    """notebooks/NAME.ipynb: the source as a notebook, for readers to run themselves."""
    nb = jupytext.read(source)
    for i, cell in enumerate(nb.cells):  # jupytext's ids are random: keep the file reproducible
        cell.id = f"cell-{i}"
    uri = posixpath.splitext(src_uri)[0] + ".ipynb"
    # INCLUDED: exclude_docs drops notebooks/*.ipynb, meant for stray local copies, not this.
    return File.generated(config, uri, content=jupytext.writes(nb, fmt="ipynb"),
                          inclusion=InclusionLevel.INCLUDED)


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


DOWNLOAD_TITLE = {"en": "Download the notebook (.ipynb)", "zh": "下载笔记本（.ipynb）"}
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
               f'title="{DOWNLOAD_TITLE.get(config.extra.get("edition", "en"), DOWNLOAD_TITLE["en"])}">'
               f'{_DOWNLOAD_ICON}</a>\n{content}')

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
