r"""MkDocs glue for mkdocs-print-site-plugin 2.x, which gathers every page into print_page/.

1. **Ids: the one patch** (a replaced function of the plugin's; tests/test_patches.py fails
   when its name, signature or call site changes). The plugin prefixes ids with the page's key,
   so they stay unique on the one page (``urls.update_anchor_ids``), and rewrites in-page links
   to match. Its pattern ``<([^\s]+).*?id="..."`` starts at the first ``<`` of a line and takes
   whatever follows as the tag name, so ``</div><h2 id="x">`` is left alone; it covers h1-h6,
   sup and li only, not the ``<span id>`` anchors of aliases or mkdocstrings' ``<a id>``; and it
   rewrites the whole page once per id (``page_html.replace`` per match). Why a patch: no option
   or event lets another function do this. Fixing the skipped ids afterwards, in the written
   page, would keep the plugin's own pass, and that pass costs more than the rest of a warm
   build's print page: 6.1 s against 0.05 s for the pass below, over this site's pages on a
   busy 2-core machine. The replacement reads each start tag on its own, in one pass. (Tab
   inputs and labels are the plugin's ``fix_tabbed_content``'s, and stay so.)
2. **Pages left out** (the notebooks): the plugin still turns links to them into in-page anchors,
   which do not exist. After the plugin has written the print page (``on_post_build``, a public
   event, at a lower priority than the plugin's), those links are pointed at the pages instead.

tests/test_site.py crawls the print page like every other page: each in-page link reaches an id.
"""

from __future__ import annotations

import re
from pathlib import Path

import mkdocs_print_site_plugin.urls as print_site_urls
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

# Where the plugin puts the page (its documented address, with use_directory_urls).
PRINT_PAGE_URL = "print_page/"

_ID_TAGS = re.compile(r'(<(?:h[1-6]|sup|li|span|a)\b[^>]*?\sid=")([^"]*)(")', re.IGNORECASE)


def update_anchor_ids(page_html: str, page_key: str) -> str:
    return _ID_TAGS.sub(lambda m: f"{m.group(1)}{page_key}-{m.group(2)}{m.group(3)}", page_html)


# The patch: fix_internal_links looks the name up in its module at each call.
print_site_urls.update_anchor_ids = update_anchor_ids

_IN_PAGE_LINK = re.compile(r'(<a\b[^>]*?\shref=")#([^"]+)(")', re.IGNORECASE)


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


_page_urls: list[str] = []


def on_nav(nav, config, files, **kwargs):
    _page_urls[:] = [page.url for page in nav.pages if page.url != PRINT_PAGE_URL]
    return nav


@event_priority(-100)  # after every plugin's on_post_build: print-site writes the page in its own
def on_post_build(config, **kwargs):
    path = Path(config.site_dir) / PRINT_PAGE_URL / "index.html"
    if not path.is_file():
        raise PluginError(f"print_page_hooks.on_post_build: no print page at {path}; "
                          "has mkdocs-print-site-plugin moved it?")
    html = path.read_text(encoding="utf-8")
    path.write_text(links_to_left_out_pages(html, _page_urls, PRINT_PAGE_URL), encoding="utf-8")
