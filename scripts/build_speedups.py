"""MkDocs glue that makes rebuilds fast and changes nothing in what they write: two caches, each
used only while everything its entries were computed from is unchanged (tests/test_build_hooks.py):

1. **Search index.** Material's search plugin parses every page's HTML in pure Python (0.6 s a
   build). The entries it makes for a page are a function of the page's HTML, URL, title, table
   of contents and metadata; they are kept on disk under a hash of exactly those.
2. **Templates.** Jinja compiles Material's ~100 templates afresh in each build; its own bytecode
   cache keeps them, checked against each template's source.

Caches live in REFIMPL_GENERATED (build/generated), which parallel test workers keep apart.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from material.plugins.search.plugin import SearchIndex

ROOT = Path(__file__).resolve().parent.parent
GENERATED = Path(os.environ.get("REFIMPL_GENERATED") or ROOT / "build" / "generated")


# 1. Search index
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


_used: set[Path] = set()


def add_entry_from_context(self, page):
    path = SEARCH_CACHE / f"{search_key(page)}.json"
    _used.add(path)
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


def on_pre_build(config, **kwargs):
    _used.clear()


def on_post_build(config, **kwargs):
    """Drop the entries no page of this build used (pages edited during `mkdocs serve`)."""
    for path in SEARCH_CACHE.glob("*.json"):
        if path not in _used:
            path.unlink(missing_ok=True)


# 2. Templates
def on_env(env, config, files, **kwargs):
    from jinja2 import FileSystemBytecodeCache

    cache = GENERATED / "jinja-cache"
    cache.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(cache))
    return env
