"""MkDocs glue that makes rebuilds fast and changes nothing in what they write: two caches, each
used only while everything its entries were computed from is unchanged (tests/test_build_hooks.py):

1. **Search index: a patch** (a replaced method of Material's; tests/test_patches.py fails when
   its name or signature changes; pyproject.toml bounds Material below 10). Material's search
   plugin parses every page's HTML in pure Python: 0.66 s of CPU in a 3.8 s warm build here
   (measured in-process; whole builds, best of 5 interleaved: 3.96 s CPU with the cache, 4.73 s
   without). No option or event lets a plugin hand it ready entries, so
   ``SearchIndex.add_entry_from_context`` is wrapped: a page's entries are kept on disk under
   a hash of what they are computed from (:func:`search_key`).
2. **Templates.** Jinja compiles Material's ~100 templates afresh in each build; its own bytecode
   cache (public Jinja API, set from MkDocs's ``on_env``) keeps them, checked against each
   template's source. About 0.2 s of CPU a warm build.

Caches live in REFIMPL_GENERATED (build/generated), which parallel test workers keep apart.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import inspect
import json
import os
import sys
from pathlib import Path

import material.plugins.search.plugin as material_search
from material.plugins.search.plugin import SearchIndex

ROOT = Path(__file__).resolve().parent.parent
GENERATED = Path(os.environ.get("REFIMPL_GENERATED") or ROOT / "build" / "generated")


# 1. Search index
original_add_entry = getattr(SearchIndex.add_entry_from_context, "__wrapped__",
                             SearchIndex.add_entry_from_context)
SEARCH_CACHE = GENERATED / "search-cache"
# One directory per edition (mkdocs.yml, mkdocs.zh.yml): each build drops the entries it did not
# use, which must not be the other edition's.
_cache_dir = SEARCH_CACHE / "en"


def _toc(items) -> list:
    return [[item.id, item.url, item.title, _toc(item.children)] for item in items]


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


def _file_digest(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest() if path and Path(path).is_file() else ""


# Per build: the options and the dictionaries they name may change between serve rebuilds.
_index_keys: dict[str, str] = {}


def index_key(options: dict) -> str:
    """sha256 over what a page's entries depend on besides the page: Material's search module
    (its source, so an edited install counts too), every search option, the bytes of the jieba
    dictionaries they name, whether jieba (which segments Chinese) is importable and its
    version, backrefs (its regexes find the Han script) and Python (html.parser splits the page)."""
    given = json.dumps(options, sort_keys=True, default=str)
    if given in _index_keys:
        return _index_keys[given]
    parts = [inspect.getsource(material_search), given,
             _file_digest(options.get("jieba_dict")), _file_digest(options.get("jieba_dict_user")),
             f"jieba={'present' if material_search.jieba else 'absent'} {_version('jieba')}",
             f"backrefs={_version('backrefs')}", sys.version]
    key = _index_keys[given] = hashlib.sha256("\0".join(parts).encode()).hexdigest()
    return key


def search_key(page, options: dict) -> str:
    """sha256 over everything SearchIndex.add_entry_from_context reads: the page's URL, title,
    HTML, table of contents and metadata, and :func:`index_key`."""
    parts = [index_key(options), page.url, str(page.title), page.content or "",
             json.dumps(_toc(page.toc), sort_keys=True, default=str),
             json.dumps(page.meta, sort_keys=True, default=str)]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


_used: set[Path] = set()


def add_entry_from_context(self, page):
    path = _cache_dir / f"{search_key(page, self.config)}.json"
    _used.add(path)
    if path.is_file():
        self.entries.extend(json.loads(path.read_text()))
        return
    start = len(self.entries)
    original_add_entry(self, page)
    _cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(self.entries[start:]))
    tmp.replace(path)  # atomic: a reader never sees half a file


add_entry_from_context.__wrapped__ = original_add_entry
SearchIndex.add_entry_from_context = add_entry_from_context


def on_pre_build(config, **kwargs):
    global _cache_dir
    _cache_dir = SEARCH_CACHE / config.extra.get("edition", "en")
    _used.clear()
    _index_keys.clear()


def on_post_build(config, **kwargs):
    """Drop the entries no page of this build used (pages edited during `mkdocs serve`)."""
    for path in _cache_dir.glob("*.json"):
        if path not in _used:
            path.unlink(missing_ok=True)


# 2. Templates
def on_env(env, config, files, **kwargs):
    from jinja2 import FileSystemBytecodeCache

    cache = GENERATED / "jinja-cache"
    cache.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(cache))
    return env
