"""The sections of an activation page, in the order STYLE.md gives them, defined once.

A learner reads from the top, so the basics come first and the implementation detail last. Each
section has a stable ASCII id (the heading's anchor in every language) and an English title that
the pages stage writes through `_()` into its manifest. `before` and `after` name what the
generator adds around the page's own prose in that section:

- ``aliases``: an anchor for each other name of the entries on the page;
- ``params``, ``properties``, ``frameworks``, ``accuracy``, ``references``: the tables of
  ``refimpl.tables``, for every entry documented on the page;
- ``figure``: the entry's standard figure of f and f′ (``refimpl.figures``), where it has one.

``prose`` says whether the page must write the section (``required``), may (``optional``: the slot
is left out when the page has nothing for it) or needs not (``generated``: the generated parts
make it, with the page's prose added when there is any). The first section is the title and
summary, the text above the first ``##`` heading. The "Cite this page" box follows the last one.

The assembly that reads a page and emits it in this order is scripts/activation_pages.py; it runs
in the MkDocs process, which reads this definition from the manifest, not from here.
"""

from __future__ import annotations

from dataclasses import dataclass

PROSE = ("required", "optional", "generated")


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    prose: str = "required"
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()


SUMMARY = "summary"  # the text above the first `##`: the page's title and its summary

# "in-frameworks" and "when-to-use-it-and-pitfalls" are the anchors these sections always had:
# other pages and readers' bookmarks link to them.
SECTIONS = (
    Section(SUMMARY, "", after=("aliases",)),  # no heading: the page's `#` title heads it
    Section("definition", "Definition", after=("params",)),
    Section("derivative", "Derivative"),
    Section("figure", "Figure", prose="generated", before=("figure",)),
    Section("draw-it-yourself", "Draw it yourself", prose="optional"),
    Section("properties", "Properties", prose="generated", before=("properties",)),
    Section("when-to-use-it-and-pitfalls", "When to use it, and pitfalls"),
    Section("in-frameworks", "In frameworks", prose="generated", before=("frameworks",)),
    Section("history", "History"),
    Section("implementation", "Implementation and numerics", after=("accuracy",)),
    Section("references", "References", prose="generated", after=("references",)),
)


def ids() -> list[str]:
    """The section ids in page order.

    >>> ids()[:3]
    ['summary', 'definition', 'derivative']
    """
    return [s.id for s in SECTIONS]


def as_manifest() -> list[dict]:
    """The sections as the pages stage hands them to the MkDocs process, titles translated."""
    from .i18n import _

    return [{"id": s.id, "title": _(s.title) if s.title else "", "prose": s.prose, "before": list(s.before),
             "after": list(s.after)} for s in SECTIONS]
