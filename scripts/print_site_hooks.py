r"""MkDocs glue for mkdocs-print-site-plugin 2.9: the same page-gathering, in a tenth of the time.

The plugin prefixes the ids of h1-h6, sup and li tags with the page's key, so that ids stay unique
when every page is put on one print page (``update_anchor_ids``). Its pattern,
``<([^\s]+).*?id="..."``, is tried at every ``<`` and scans to the end of the line each time it
fails: quadratic in the length of a line, 1.7 s of every build here. Neither ``[^\s]`` nor ``.``
crosses a newline, so a match starts only on a line that holds ``id="``: only those lines are
searched. (An id whose value spans lines, which HTML does not allow, would be left alone.)
tests/test_site.py checks that both give the same string on every built page.
"""

from __future__ import annotations

import mkdocs_print_site_plugin.urls as urls

original_update_anchor_ids = getattr(urls.update_anchor_ids, "__wrapped__", urls.update_anchor_ids)
# The plugin's own pattern and tag list, unchanged.
_TAG_WITH_ID = urls.re.compile(r"<([^\s]+).*?id=\"([^\"]*?)\".*?>", flags=urls.re.IGNORECASE)
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
urls.update_anchor_ids = update_anchor_ids
