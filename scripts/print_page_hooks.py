r"""MkDocs glue for mkdocs-print-site-plugin 2.9, which gathers every page into print_page/.

1. **Ids.** The plugin prefixes ids with the page's key, so they stay unique on the one page
   (``update_anchor_ids``), and rewrites in-page links to match. Its pattern
   ``<([^\s]+).*?id="..."`` starts at the first ``<`` of a line and takes whatever follows as the
   tag name, so ``</div><h2 id="x">`` is left alone; it covers h1-h6, sup and li only, not the
   ``<span id>`` anchors of aliases or mkdocstrings' ``<a id>``; and it is quadratic in a line's
   length (1.7 s of every build here). Links to those ids ended nowhere. The replacement reads
   each start tag on its own, in one pass. (Tab inputs and labels are the plugin's
   ``fix_tabbed_content``'s, and stay so.)
2. **Pages left out** (the notebooks): the plugin still turns links to them into in-page anchors,
   which do not exist; they go to the page itself instead.

tests/test_site.py crawls the print page like every other page: each in-page link reaches an id.
"""

from __future__ import annotations

import re

import mkdocs_print_site_plugin.urls as print_site_urls
from mkdocs.utils import get_relative_url
from mkdocs_print_site_plugin.renderer import Renderer

_ID_TAGS = re.compile(r'(<(?:h[1-6]|sup|li|span|a)\b[^>]*?\sid=")([^"]*)(")', re.IGNORECASE)


def update_anchor_ids(page_html: str, page_key: str) -> str:
    return _ID_TAGS.sub(lambda m: f"{m.group(1)}{page_key}-{m.group(2)}{m.group(3)}", page_html)


# fix_internal_links looks the name up in its module at each call.
print_site_urls.update_anchor_ids = update_anchor_ids

_IN_PAGE_LINK = re.compile(r'(<a\b[^>]*?\shref=")#([^"]+)(")', re.IGNORECASE)
_original_write_combined = getattr(Renderer.write_combined, "__wrapped__", Renderer.write_combined)


def _pages(items):
    for item in items:
        yield from _pages(getattr(item, "children", None) or [])
        if getattr(item, "file", None) is not None:
            yield item


def links_to_left_out_pages(html: str, page_urls: list[str], print_page_url: str) -> str:
    """``href="#<key>-<anchor>"`` for a page not on the print page becomes a link to that page."""
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    left_out = {print_site_urls.get_page_key(url): url for url in page_urls}
    left_out = {key: url for key, url in left_out.items() if key not in ids}

    def fix(m: re.Match) -> str:
        fragment = m.group(2)
        if fragment in ids:
            return m.group(0)
        for key in sorted(left_out, key=len, reverse=True):
            if fragment == key or fragment.startswith(key + "-"):
                anchor = fragment[len(key) + 1:]
                target = get_relative_url(left_out[key], print_page_url) + (f"#{anchor}" if anchor else "")
                return m.group(1) + target + m.group(3)
        return m.group(0)

    return _IN_PAGE_LINK.sub(fix, html)


def write_combined(self):
    html, toc = _original_write_combined(self)
    urls = [page.url for page in _pages(self.items)]
    return links_to_left_out_pages(html, urls, self.print_page.file.url), toc


write_combined.__wrapped__ = _original_write_combined
Renderer.write_combined = write_combined
