r"""MkDocs glue that makes rebuilds fast and changes nothing in what they write. Three parts, each
checked against the code it replaces (tests/test_site.py, tests/test_build_hooks.py):

1. **Print page.** mkdocs-print-site-plugin 2.9 prefixes the ids of h1-h6, sup and li tags with the
   page's key so ids stay unique on the one print page (``update_anchor_ids``). Its pattern
   ``<([^\s]+).*?id="..."`` is tried at every ``<`` and scans to the end of the line each time it
   fails: quadratic in a line's length, 1.7 s of every build here. Neither ``[^\s]`` nor ``.``
   crosses a newline, so a match starts only on a line that holds ``id="``: only those lines are
   searched. (An id spanning lines, which HTML does not allow, would be left alone.)
2. **Search index.** Material's search plugin parses every page's HTML in pure Python (0.6 s a
   build). The entries it makes for a page are a function of the page's HTML, URL, title, table
   of contents and metadata; they are kept on disk under a hash of exactly those.
3. **Templates.** Jinja compiles Material's ~100 templates afresh in each build; its own bytecode
   cache keeps them, checked against each template's source.

Caches live in REFIMPL_GENERATED (build/generated), which parallel test workers keep apart.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import mkdocs_print_site_plugin.urls as print_site_urls
from material.plugins.search.plugin import SearchIndex

ROOT = Path(__file__).resolve().parent.parent
GENERATED = Path(os.environ.get("REFIMPL_GENERATED") or ROOT / "build" / "generated")


# 1. Print page
original_update_anchor_ids = getattr(print_site_urls.update_anchor_ids, "__wrapped__",
                                     print_site_urls.update_anchor_ids)
# The plugin's own pattern and tag list, unchanged.
_TAG_WITH_ID = print_site_urls.re.compile(r"<([^\s]+).*?id=\"([^\"]*?)\".*?>",
                                          flags=print_site_urls.re.IGNORECASE)
_CHANGE_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "sup", "li"}


def update_anchor_ids(page_html: str, page_key: str) -> str:
    lines = page_html.split("\n")
    for i, line in enumerate(lines):
        if 'id="' not in line.lower():
            continue
        for m in _TAG_WITH_ID.finditer(line):
            if m.group(1) in _CHANGE_TAGS:
                line = line.replace(m.group(), m.group().replace(m.group(2), f"{page_key}-{m.group(2)}"))
        lines[i] = line
    return "\n".join(lines)


update_anchor_ids.__wrapped__ = original_update_anchor_ids
# fix_internal_links looks the name up in its module at each call.
print_site_urls.update_anchor_ids = update_anchor_ids


# 2. Search index
original_add_entry = getattr(SearchIndex.add_entry_from_context, "__wrapped__",
                             SearchIndex.add_entry_from_context)
SEARCH_CACHE = GENERATED / "search-cache"


def _toc(items) -> list:
    return [[item.id, item.url, item.title, _toc(item.children)] for item in items]


def search_key(page) -> str:
    """sha256 over everything SearchIndex.add_entry_from_context reads from a page."""
    import material

    parts = [material.__version__, page.url, str(page.title), page.content or "",
             json.dumps(_toc(page.toc), sort_keys=True, default=str),
             json.dumps(page.meta, sort_keys=True, default=str)]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def add_entry_from_context(self, page):
    path = SEARCH_CACHE / f"{search_key(page)}.json"
    if path.is_file():
        self.entries.extend(json.loads(path.read_text()))
        return
    start = len(self.entries)
    original_add_entry(self, page)
    SEARCH_CACHE.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(self.entries[start:]))
    tmp.replace(path)  # atomic: a reader never sees half a file


add_entry_from_context.__wrapped__ = original_add_entry
SearchIndex.add_entry_from_context = add_entry_from_context


# 3. Templates
def on_env(env, config, files, **kwargs):
    from jinja2 import FileSystemBytecodeCache

    cache = GENERATED / "jinja-cache"
    cache.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(cache))
    return env
