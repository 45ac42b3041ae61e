"""Figures of the guides (docs/guides/): the timeline of the registry's origin years."""

import unicodedata

import refimpl
from refimpl import bibliography
from refimpl.figures import C, figure
from refimpl.i18n import _

# Turning points drawn behind the entries: (BibTeX key, label). Their years come from the
# bibliography, never typed here.
TURNING_POINTS = (("minsky1969perceptrons", "Perceptrons"),
                  ("rumelhart1986learning", "back-propagation"),
                  ("krizhevsky2012imagenet", "ReLU CNN on ImageNet"))
# Labels that are titles (of a book) stay as they are in every edition; the others are translated.
TITLES = {"Perceptrons"}


def dated_entries() -> list:
    """Every registry entry with an origin year, oldest first (ties by name): the timeline's rows."""
    entries = [refimpl.get(n) for n in refimpl.names() if refimpl.get(n).year is not None]
    return sorted(entries, key=lambda e: (e.year, e.name))


def turning_points() -> list[tuple[int, str]]:
    return [(int(bibliography.entries()[key].fields["year"]), label)
            for key, label in TURNING_POINTS]


def _timeline_alt() -> str:
    entries = dated_entries()
    first, last = entries[0], entries[-1]
    by_decade: dict[int, int] = {}
    for e in entries:
        by_decade[e.year // 10 * 10] = by_decade.get(e.year // 10 * 10, 0) + 1
    decades = "; ".join(f"{n} in the {d}s" for d, n in sorted(by_decade.items()))
    marks = ", ".join(f"{label} ({year})" for year, label in turning_points())
    return (f"Timeline of the origin years of the {len(entries)} activations in this reference "
            f"that have one, one row per function, oldest at the top: from the {first.title} "
            f"({first.year}) to {last.title} ({last.year}). By decade: {decades}. Dotted "
            f"vertical lines mark {marks}; the rows crowd together after 2010.")


YEARS_PER_CHAR = 0.85  # width of one label character on the year axis (8.5 pt, 7.2 in, 85 years)


def _width(text: str) -> int:
    """Width of `text` in Latin characters: a wide (CJK) character counts as two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _label(e) -> tuple[str, float, float]:
    """The label of an entry's row, in the current language, and the span of years it covers:
    before 1990 it sits to the right of the dot, later to the left (the rows crowd at the right
    edge)."""
    text = f"{_(e.title)} ({e.year})"
    width = YEARS_PER_CHAR * _width(text)
    if e.year < 1990:
        return text, e.year + 1.2, e.year + 1.2 + width
    return text, e.year - 1.2 - width, e.year - 1.2


@figure("guides-timeline", _timeline_alt(), tuple(e.name for e in dated_entries()))
def _timeline(ax):
    entries = dated_entries()
    n = len(entries)
    ax.figure.set_size_inches(7.2, 0.24 * n + 1.2)
    for year, label in turning_points():
        # a dotted line down to the first row whose label it would cross
        crossed = [row for row, e in enumerate(entries) if _label(e)[1] <= year <= _label(e)[2]]
        bottom = (crossed[0] - 0.5) if crossed else n - 0.4
        ax.plot([year, year], [-1.1, bottom], color=C["vermillion"], linestyle=":", linewidth=1.2)
        shown = label if label in TITLES else _(label)
        ax.text(year, -1.2, f"{shown} ({year})", color=C["vermillion"], fontsize=8,
                ha="center", va="bottom")
    for row, e in enumerate(entries):
        text, lo, hi = _label(e)
        ax.plot([e.year], [row], "o", color=C["blue"], markersize=5)
        right = lo > e.year
        ax.text(lo if right else hi, row, text, fontsize=8.5, va="center",
                ha="left" if right else "right", color=C["fg"])
    ax.set_xlim(1940, 2025)
    ax.set_ylim(n - 0.4, -1.8)
    ax.set_yticks([])
    ax.grid(axis="y", visible=False)
    ax.spines["left"].set_visible(False)
    ax.set_xlabel(_("year of the origin reference"))
