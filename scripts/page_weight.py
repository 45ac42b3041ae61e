"""Page weight of the built site (part of `make bench`; a benchmark, not a test).

Per page: the gzipped bytes a first visit downloads beyond the shared assets — its HTML and the
figures it shows in the default (light) scheme. Shared assets (the theme's CSS and JS, MathJax and
its fonts, the site's own CSS and JS, the search index) are counted once, apart. Budgets: an
activation page <= 60 KB, no figure > 40 KB (gzipped).
"""

import gzip
import re
import sys
from pathlib import Path

PAGE_BUDGET = 60_000
FIGURE_BUDGET = 40_000


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def report(site: Path) -> list[str]:
    lines = []
    figures = {p: gz(p) for p in (site / "figures").glob("*.svg")}
    rows = []
    for page in sorted(site.rglob("index.html")):
        html = page.read_text()
        shown = {(page.parent / src).resolve() for src in
                 re.findall(r'<img[^>]+src="([^"#]+\.svg)#only-light"', html)}
        size = gz(page) + sum(figures.get(f, 0) for f in shown)
        name = page.parent.relative_to(site).as_posix()
        rows.append((size, "(home)" if name == "." else name, len(shown)))
    lines.append("per page, KB gzipped beyond shared assets (HTML + light-scheme figures):")
    for size, name, n in sorted(rows, reverse=True):
        budget = name.startswith("activations/") and size > PAGE_BUDGET
        lines.append(f"  {size / 1000:7.1f}  {name}  ({n} figures){'  OVER BUDGET' if budget else ''}")
    shared = sum(gz(p) for p in site.rglob("*") if p.is_file() and
                 (p.suffix in (".js", ".css", ".woff", ".woff2", ".json")) and "figures" not in p.parts)
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    lines.append(f"shared assets, all of them gzipped: {shared / 1e6:.2f} MB "
                 f"(a visit loads only what it uses)")
    lines.append(f"total site size on disk: {total / 1e6:.1f} MB, {len(figures)} figure files")
    lines.append("largest figures, KB gzipped:")
    for path, size in sorted(figures.items(), key=lambda kv: -kv[1])[:5]:
        lines.append(f"  {size / 1000:7.1f}  {path.name}{'  OVER BUDGET' if size > FIGURE_BUDGET else ''}")
    return lines


if __name__ == "__main__":
    print("\n".join(report(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))))
