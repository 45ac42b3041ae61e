"""An activation page, assembled: its prose and the generated parts, in the sections' order.

A page under docs/activations/ holds only what a person writes: the title and summary, then
prose sections headed ``## Title {#id}`` (the id alone decides; a heading without one is matched
by its title or its slug). `assemble` checks the headings against the sections the manifest
lists (refimpl/page_sections.py defines them; the pages stage writes them with their titles
through `_()`), and emits the whole page in that order with the generated parts in place: alias
anchors, parameter, properties, framework and accuracy tables, the standard figure and the
references. The page may cite sources beyond its entries' origins in its front matter::

    ---
    references: [jarrett2009what, krizhevsky2012imagenet]
    ---

Plain Python and the manifest's data: no MkDocs and no refimpl, so it runs in the MkDocs process
(which must not import refimpl) and is tested on its own (tests/test_activation_pages.py).
"""

from __future__ import annotations

import re

SUMMARY = "summary"
HEADING = re.compile(r"^##[ \t]+(?P<title>.*?)(?:[ \t]+\{[ \t]*#(?P<id>[^\s}]+)[ \t]*\})?[ \t]*$")
FENCE = re.compile(r"^[ \t]*(?P<mark>`{3,}|~{3,})")


class PageError(ValueError):
    """A page that does not fit the sections; the message names the file."""


def slug(title: str) -> str:
    """The anchor MkDocs' toc extension would give a heading: 'In frameworks' -> 'in-frameworks'."""
    return re.sub(r"[\s-]+", "-", re.sub(r"[^\w\s-]", "", title).strip().lower())


def split(markdown: str, path: str, sections: list[dict]) -> dict[str, str]:
    """The page's prose by section id; the text above the first ``##`` is the summary.

    Raises PageError, naming `path`, for a heading that is no section, one that comes twice or
    out of order. A ``##`` inside a fenced code block is code, not a heading.
    """
    order = [s["id"] for s in sections]
    by_title = {s["title"]: s["id"] for s in sections if s["title"]}
    prose: dict[str, list[str]] = {SUMMARY: []}
    current, fence = SUMMARY, None
    for number, line in enumerate(markdown.splitlines(keepends=True), 1):
        opened = FENCE.match(line)
        if fence is None and opened:
            fence = opened["mark"]
        elif fence is not None and line.strip().startswith(fence[0] * len(fence)) \
                and not line.strip().strip(fence[0]):
            fence = None
        heading = HEADING.match(line) if fence is None and not opened else None
        if heading is None:
            prose[current].append(line)
            continue
        title = heading["title"].strip()
        sid = heading["id"] or by_title.get(title) or slug(title)
        if sid not in order or sid == SUMMARY:
            raise PageError(f"{path}:{number}: '## {title}' is not a section of an activation page "
                            f"(its id {sid!r} is none of {', '.join(order[1:])})")
        if sid in prose:
            raise PageError(f"{path}:{number}: section {sid!r} appears twice")
        if order.index(sid) < order.index(current):
            raise PageError(f"{path}:{number}: section {sid!r} comes after {current!r}; the order "
                            f"is {', '.join(order[1:])}")
        current = sid
        prose[sid] = []
    return {sid: "".join(lines).strip("\n") for sid, lines in prose.items()}


def _on_page(page: str, manifest: dict, path: str) -> list[dict]:
    """The entries a page documents: its own first, then those whose `page` is it (swish on silu's)."""
    entries = manifest["entries"]
    if page not in entries or entries[page]["page"] != page:
        raise PageError(f"{path}: no registry entry has its page at activations/{page}.md")
    return [entries[page]] + [e for e in entries.values() if e["page"] == page and e["name"] != page]


def _include(path: str) -> str:
    return f'--8<-- "{path}"'


def _tables(kind: str, entries: list[dict], strings: dict) -> str:
    """One table per entry; the page's own entry first and unlabelled, the others labelled."""
    parts = []
    for i, e in enumerate(entries):
        if i:
            parts.append(strings[kind].format(title=e["title"]))
        parts.append(_include(f"tables/{kind}/{e['name']}.md"))
    return "\n\n".join(parts)


def _references(entries: list[dict], cites: list[str], known: set[str], path: str) -> str:
    unknown = [k for k in cites if k not in known]
    if unknown:
        raise PageError(f"{path}: front matter cites {', '.join(unknown)}, not in refimpl/references.bib")
    keys = list(dict.fromkeys([k for e in entries for k in e["origin"]] + list(cites)))
    return "\n".join(_include(f"tables/cite/{k}.md") for k in keys)


def generated(part: str, entries: list[dict], manifest: dict, *, figures: set[str],
              cites: list[str], path: str) -> str:
    """The Markdown of one generated part (see refimpl/page_sections.py) for a page's entries."""
    if part == "aliases":
        ids = [e["name"] for e in entries[1:]] + [a for e in entries for a in e["aliases"]]
        # an alias spelled like the page's title ("starrelu" for StarReLU) has its anchor already:
        # the title's own id
        return "".join(f'<span id="{i}"></span>' for i in ids if i != slug(entries[0]["title"]))
    if part == "figure":
        page = entries[0]["name"]
        return _include(f"figures/{page}.md") if page in figures else ""
    if part == "references":
        return _references(entries, cites, set(manifest["bibliography"]), path)
    if part in ("params", "properties", "frameworks", "accuracy"):
        return _tables(part, entries, manifest["strings"])
    raise PageError(f"{path}: the sections ask for an unknown generated part {part!r}")


def assemble(markdown: str, path: str, page: str, manifest: dict, *, figures: set[str] = frozenset(),
             cites: list[str] = ()) -> str:
    """The full page: each section's heading, generated parts and prose, in the manifest's order.

    `path` names the file in errors; `page` is its slug (``relu``); `figures` the standard figures
    that exist (by entry name); `cites` the extra BibTeX keys from the page's front matter.
    """
    entries = _on_page(page, manifest, path)
    prose = split(markdown, path, manifest["sections"])
    out = []
    for section in manifest["sections"]:
        sid, text = section["id"], prose.get(section["id"], "")
        if section["prose"] == "required" and not text.strip():
            hint = f"'## {section['title']} {{#{sid}}}'" if sid != SUMMARY else "a '# Title' and summary"
            raise PageError(f"{path}: the page has no prose for {sid!r}; write {hint}")
        parts = [generated(p, entries, manifest, figures=figures, cites=cites, path=path)
                 for p in section["before"]]
        parts += [text] + [generated(p, entries, manifest, figures=figures, cites=cites, path=path)
                           for p in section["after"]]
        body = "\n\n".join(p for p in parts if p.strip())
        if sid == SUMMARY:
            if not text.lstrip().startswith("# "):
                body = f"# {entries[0]['title']}\n\n{body}"
            out.append(body)
        elif body:
            out.append(f"## {section['title']} {{#{sid}}}\n\n{body}")
    return "\n\n".join(out) + "\n"
