"""`make linkcheck-external`: every external link of the built site, checked over the network.

Needs network access (not part of `make test`). Writes build/linkcheck-external.txt: one line per
URL with its HTTP status (or the error) and the pages that link to it.
"""

import sys
import urllib.request
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href and href.startswith(("http://", "https://")):
            self.hrefs.append(href)


def status(url: str) -> str:
    request = urllib.request.Request(url, method="HEAD", headers={"User-Agent": "linkcheck"})
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return str(response.status)
    except Exception as err:  # report, never stop: one dead host must not hide the others
        return f"error: {err}"


def main(site: str = "site") -> int:
    found = defaultdict(set)
    for page in sorted((ROOT / site).rglob("*.html")):
        parser = Links()
        parser.feed(page.read_text())
        for href in parser.hrefs:
            found[href].add(page.relative_to(ROOT / site).as_posix())
    lines = [f"{status(url)}\t{url}\t{', '.join(sorted(pages))}" for url, pages in sorted(found.items())]
    out = ROOT / "build" / "linkcheck-external.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n")
    bad = [line for line in lines if not line.startswith(("2", "3"))]
    print(f"{len(lines)} external links, {len(bad)} not OK; report in {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
