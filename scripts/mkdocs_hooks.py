"""MkDocs hooks: run refimpl's pages stage, and build the pages and the nav from what it made.

- Before each build: ``python -m refimpl.figures`` and ``python -m refimpl.tables`` in
  subprocesses (a hook module is not re-imported during ``mkdocs serve``; a subprocess sees every
  refimpl edit). They write into build/generated/, never into docs/ (which would loop serve).
  They are skipped when nothing they read has changed since they last succeeded (a digest of
  refimpl/, the data stage's results, the benchmark results and the locked dependencies).
- The figures and MathJax (from its pinned package) join the site as generated files.
- The activation families and their pages join the nav where mkdocs.yml says ``activations/*.md``,
  and every activation page is assembled from its prose and the generated parts
  (scripts/activation_pages.py), both from the stage's manifest (tables/manifest.json): this
  process never imports refimpl, so it cannot hold a stale registry.
- Every page gets the glossary links, the "Cite this page" box and a "report an error" link.
- Entries documented on another entry's page get a redirect at their own slug.
- ``mkdocs serve`` also watches refimpl/, so an edit there rebuilds the site.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
# REFIMPL_GENERATED moves the pages stage's output (parallel test workers each build their own)
GENERATED = Path(os.environ.get("REFIMPL_GENERATED") or ROOT / "build" / "generated")
# REFIMPL_DATA moves the data stage's results (as in refimpl.data)
DATA = Path(os.environ.get("REFIMPL_DATA") or ROOT / "build" / "data")
MATHJAX_PARTS = ("tex-chtml.js", "input", "output/chtml", "a11y", "ui", "sre")
ACTIVATIONS_NAV = "activations/*.md"  # the nav item that stands for the families and their pages
_manifest: dict = {}  # the pages stage's manifest, read once per build in on_files


def _stages(*commands: tuple[str, ...]) -> None:
    """Run `python -m ...` commands side by side (each imports refimpl afresh); fail naming one."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    procs = [(args, subprocess.Popen([sys.executable, "-m", *args], cwd=ROOT, env=env, text=True,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE))
             for args in commands]
    for args, proc in procs:
        out, err = proc.communicate()
        if proc.returncode != 0:
            raise PluginError(f"{args[0]} failed:\n{err.strip() or out.strip()}")


def out(config) -> Path:
    """Where the pages stage writes this edition's figures and tables: the English edition in
    GENERATED, another in GENERATED/<lang> (mkdocs.zh.yml: build/generated/zh)."""
    edition = config.extra.get("edition", "en")
    return GENERATED if edition == "en" else GENERATED / edition


def on_config(config, **kwargs):
    """Version and authors for the footer, from CITATION.cff (the one place they live); the
    snippets of another edition come from its own generated directory first."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import citation

    config.extra["version"] = citation.cff()["version"]
    config.extra["authors"] = ", ".join(a["name"] for a in citation.cff()["authors"])
    if out(config) != GENERATED:
        snippets = config.mdx_configs.setdefault("pymdownx.snippets", {})
        snippets["base_path"] = [str(ROOT), str(out(config))]
    return config


def stage_inputs(root: Path = ROOT, data: Path = DATA) -> str:
    """sha256 over every file the pages stage reads, and the interpreter and lock file it runs with.
    Coarser than the stages' own per-figure caches, and far cheaper than starting them: a warm
    build skips two processes that would import numpy, scipy and matplotlib to change nothing."""
    h = hashlib.sha256(f"{sys.prefix}|{sys.version}".encode())
    files = [root / "requirements.lock", *(root / "refimpl").rglob("*"), *data.rglob("*"),
             *(root / "build" / "bench").rglob("*")]
    for path in sorted(p for p in files if p.is_file() and "__pycache__" not in p.parts):
        base = data if path.is_relative_to(data) else root  # REFIMPL_DATA may lie outside root
        h.update(str(path.relative_to(base)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def on_pre_build(config, **kwargs) -> None:
    generated, lang = out(config), config.extra.get("edition", "en")
    stamp, digest = generated / "inputs.sha256", stage_inputs()
    outputs = (generated / "figures", generated / "tables")
    if stamp.is_file() and stamp.read_text() == digest and all(p.is_dir() for p in outputs):
        return
    stamp.unlink(missing_ok=True)
    generated.mkdir(parents=True, exist_ok=True)
    _stages(("refimpl.figures", "--out", str(outputs[0]), "--lang", lang),
            ("refimpl.tables", "--out", str(outputs[1]), "--data", str(DATA), "--lang", lang))
    stamp.write_text(digest)


def on_page_markdown(markdown: str, page, config, files, **kwargs) -> str:
    """An activation page is assembled from its prose and the generated parts; then the first
    use of each glossary term links to it (scripts/glossary_links.py), and every page ends with
    its "Cite this page" box (scripts/citation.py, from CITATION.cff)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import citation
    import glossary_links

    if page.file.src_uri.startswith("activations/"):
        markdown = _activation_page(markdown, page, config)
    elif page.file.src_uri == "bibliography.md":
        markdown = _bibliography(markdown, config)
    terms = None
    if config.extra.get("edition", "en") == "zh":
        terms = glossary_links.zh_terms(ROOT / "refimpl" / "locale" / "terms.yml")
    markdown = glossary_links.link_first_uses(markdown, page.file.src_uri, terms)
    url = config.site_url.rstrip("/") + "/" + page.url
    title = page.title or config.site_name
    strings = _manifest["strings"]
    return (markdown + citation.box(title, url, strings["cite_box"], config.site_url,
                                     config.extra.get("edition", "en"))
            + _report_link(title, url, config, strings))


def _activation_page(markdown: str, page, config) -> str:
    import activation_pages

    figures = {p.stem for p in (out(config) / "figures").glob("*.md")}
    cites = page.meta.get("references") or []
    if not isinstance(cites, list):
        raise PluginError(f"docs/{page.file.src_uri}: front matter 'references' must be a list of "
                          f"BibTeX keys, got {cites!r}")
    try:
        return activation_pages.assemble(markdown, f"docs/{page.file.src_uri}",
                                         Path(page.file.src_uri).stem, _manifest, figures=figures,
                                         cites=cites)
    except activation_pages.PageError as err:
        raise PluginError(str(err)) from err


def _bibliography(markdown: str, config) -> str:
    import bibliography_page as bib

    if bib.MARKER not in markdown:
        raise PluginError(f"docs/bibliography.md: the page has no line {bib.MARKER!r}, where the list goes")
    listing = bib.render(_manifest, bib.citing(ROOT / "docs", _manifest), bib.titles(config.nav, _manifest),
                         out(config) / "tables" / "cite", _manifest["strings"]["cited_on"])
    return markdown.replace(bib.MARKER, listing)


def _activation_nav(config) -> None:
    """Replace the ``activations/*.md`` item of the nav by one section per family, its pages in
    registry order, titles from the manifest (through `_()` there)."""
    _manifest.clear()
    _manifest.update(json.loads((out(config) / "tables" / "manifest.json").read_text(encoding="utf-8")))
    entries = _manifest["entries"]
    families = [{f["title"]: [{entries[p]["title"]: f"activations/{p}.md"} for p in f["pages"]]}
                for f in _manifest["families"]]
    if config.nav is None or ACTIVATIONS_NAV not in config.nav:
        raise PluginError(f"mkdocs.yml: the nav has no top-level item {ACTIVATIONS_NAV!r}, "
                          "where the activation families go")
    i = config.nav.index(ACTIVATIONS_NAV)
    config.nav[i:i + 1] = families


def _report_link(title: str, url: str, config, strings: dict) -> str:
    """A per-page "report an error" link: a new issue in the repository when one is configured,
    else the errata page."""
    from urllib.parse import urlencode

    repo = config.extra.get("repo_url") or ""
    if repo:
        query = urlencode({"title": strings["report_title"].format(title=title),
                           "body": strings["report_body"].format(url=url)})
        target = f"{repo.rstrip('/')}/issues/new?{query}"
    else:
        target = "/errata.md"
    return f"\n\n[{strings['report_error']}]({target}){{ .report-error }}\n"


def _mathjax_root() -> Path:
    import mathjax  # the django-static-mathjax package: MathJax 3's es5 build

    return Path(mathjax.__file__).parent / "static" / "mathjax" / "es5"


def on_files(files: Files, config, **kwargs) -> Files:
    _activation_nav(config)
    for svg in sorted((out(config) / "figures").glob("*.svg")):
        files.append(File.generated(config, f"figures/{svg.name}", abs_src_path=str(svg)))
    root = _mathjax_root()
    for part in MATHJAX_PARTS:
        path = root / part
        for src in sorted([path] if path.is_file() else path.rglob("*")):
            if src.is_file():
                rel = src.relative_to(root).as_posix()
                files.append(File.generated(config, f"assets/mathjax/{rel}", abs_src_path=str(src)))
    return files


REDIRECT = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{head}</title>
<link rel="canonical" href="{target}"><meta http-equiv="refresh" content="0; url={target}">
</head><body><p>{body}</p></body></html>
"""


def on_post_build(config, **kwargs) -> None:
    """Every entry keeps its slug: one documented on another entry's page redirects there."""
    entries = _manifest["entries"]
    for name, entry in entries.items():
        if entry["page"] != name:
            out = Path(config.site_dir) / "activations" / name / "index.html"
            out.parent.mkdir(parents=True, exist_ok=True)
            target, title = f"../{entry['page']}/#{name}", entries[entry["page"]]["title"]
            strings = _manifest["strings"]
            out.write_text(REDIRECT.format(
                lang=config.theme["language"], target=target,
                head=strings["redirect_title"].format(title=title),
                body=strings["redirect"].format(name=entry["title"], page=f'<a href="{target}">{title}</a>')))


def on_serve(server, config, builder, **kwargs):
    server.watch(str(ROOT / "refimpl"))
    return server
