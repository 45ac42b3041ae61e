"""Every figure of the site, drawn from refimpl at build time.

    python -m refimpl.figures --out DIR [--only NAME ...]

Every elementwise entry gets the standard figure of f and f' (named like the entry); further
figures are declared with @figure in the family submodules (refimpl/figures/<family>.py).

writes, for each figure NAME:
  NAME.svg, NAME-dark.svg   the figure for the light and the dark colour scheme;
  NAME.md                   the Markdown that shows it (both images, with alt text), which pages
                            include with ``--8<-- "figures/NAME.md"``.

How figures follow the colour scheme: each figure is drawn once, for the light scheme, with
colours from PALETTE; its dark twin is the same SVG with every palette colour swapped for its
dark counterpart (text and axes light, lines in lighter tints of the same hues). Pages show them
with Material's ``#only-light`` / ``#only-dark`` so the toggle switches them. Line styles differ
as well as colours, so a figure reads in greyscale and for colour-blind readers (Okabe–Ito hues).

SVG bytes are deterministic: fixed hash salt, no date, text kept as text. A figure is redrawn
only when the hash of what it read changes: the drawing code, the modules of the entries it looked
up or evaluated and the data-stage results it read, both recorded while it was drawn and kept in
DIR/manifest.json (the cache is the output directory). Stale figures are drawn on two processes.
A figure that fails stops the run with its name.
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import io
import json
import re
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

import refimpl
from refimpl.i18n import _

# light colour -> dark-scheme colour; lowercase hex as matplotlib writes it
PALETTE = {
    "fg": ("#1f1f1f", "#e3e3e3"),
    "grid": ("#d9d9d9", "#3d4150"),
    "blue": ("#0072b2", "#56b4e9"),
    "vermillion": ("#d55e00", "#f0a05a"),
    "green": ("#009e73", "#3fd4a6"),
    "purple": ("#cc79a7", "#e4a8cb"),
    "orange": ("#e69f00", "#f5c04a"),
}
C = {k: light for k, (light, _) in PALETTE.items()}
STYLE = {
    "svg.hashsalt": "refimpl",
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.size": 11,
    "text.color": C["fg"],
    "axes.labelcolor": C["fg"],
    "axes.edgecolor": C["fg"],
    "xtick.color": C["fg"],
    "ytick.color": C["fg"],
    "axes.grid": True,
    "grid.color": C["grid"],
    "grid.linewidth": 0.8,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.frameon": False,
    "lines.linewidth": 2.2,
    "figure.figsize": (6.4, 3.6),
    "path.simplify": True,
}


@dataclass(frozen=True)
class Figure:
    name: str
    alt: str
    draw: Callable  # draw(ax) -> None
    entries: tuple[str, ...]
    results: tuple[str, ...] = ()  # data-stage results it draws (refimpl.data.get)


FIGURES: dict[str, Figure] = {}


def figure(name: str, alt: str, entries: tuple[str, ...], results: tuple[str, ...] = ()):
    """Declare a figure: its name, alt text, the entries it draws and the data-stage results it
    reads (an experiment's figure draws `refimpl.data.get(result)`)."""
    def deco(draw):
        FIGURES[name] = Figure(name, alt, draw, entries, results)
        return draw
    return deco


# -- drawing helpers ---------------------------------------------------------------------------
def plot_f_and_derivative(ax, entry, x=np.linspace(-6, 6, 1201), **params):
    """f solid, f' dashed, at the entry's defaults unless params are given. Both curves are broken
    at each kink and jump (no vertical line is drawn where the function has none); a filled dot
    marks the value taken there, an open circle a value approached but not taken."""
    params = params or entry.defaults
    y = entry(x, **params)
    dy = entry.derivative(x, **params)
    jumps = entry.declared is not None and entry.declared.smoothness == "discontinuous"
    for k in entry.kinks:
        at_kink = np.isclose(x, k.at, rtol=0, atol=1e-9)
        dy = np.where(at_kink, np.nan, dy)
        if jumps:
            y = np.where(at_kink, np.nan, y)
    ax.plot(x, y, color=C["blue"], label=f"{entry.name}(x)")
    ax.plot(x, dy, color=C["vermillion"], linestyle="--", label=f"{entry.name}′(x)")
    for k in entry.kinks:
        if jumps:
            left, right = entry(k.at - 1e-9, **params), entry(k.at + 1e-9, **params)
            ax.plot([k.at, k.at], [left, right], "o", color=C["blue"], markerfacecolor="none")
            ax.plot([k.at], [entry(k.at, **params)], "o", color=C["blue"])
        ax.plot([k.at], [k.derivative], "o", color=C["vermillion"], markersize=5)
    ax.axhline(0, color=C["fg"], linewidth=0.8)
    ax.axvline(0, color=C["fg"], linewidth=0.8)
    ax.set_xlabel("x")
    ax.legend(loc="upper left")


LINE_STYLES = ("-", "--", "-.", ":", (0, (5, 1, 1, 1, 1, 1)), (0, (8, 2)))
CURVE_COLOURS = ("blue", "vermillion", "green", "purple", "orange", "fg")


def slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


def plot_family(ax, entries, derivative: bool, x=np.linspace(-5, 5, 1001)):
    """The curves (or derivatives) of several elementwise entries, each with its own colour and
    line style so they stay apart in greyscale; broken at jumps."""
    for i, e in enumerate(entries):
        fn = e.derivative if derivative else e
        y = fn(x, **e.defaults)
        for k in e.kinks:
            if derivative or (e.declared and e.declared.smoothness == "discontinuous"):
                y = np.where(np.isclose(x, k.at, rtol=0, atol=1e-9), np.nan, y)
        ax.plot(x, y, color=C[CURVE_COLOURS[i % 6]], linestyle=LINE_STYLES[i % 6],
                label=e.name + ("′" if derivative else ""))
    ax.axhline(0, color=C["fg"], linewidth=0.8)
    ax.axvline(0, color=C["fg"], linewidth=0.8)
    ax.set_xlabel("x")
    ax.set_ylim(*((-1.5, 2.5) if derivative else (-3, 5)))
    ax.legend(loc="upper left", fontsize=9)


def family_figure_names(family: str) -> tuple[str, str]:
    return f"atlas-{slug(family)}", f"atlas-{slug(family)}-derivatives"


def register_family_figures() -> None:
    """Two atlas figures per family (curves, derivatives) of its elementwise entries."""
    from refimpl.registry import FAMILIES

    for family in FAMILIES:
        entries = [refimpl.get(n) for n in refimpl.names()
                   if refimpl.get(n).family == family and refimpl.get(n).kind == "elementwise"]
        if not entries:
            continue
        names = ", ".join(e.title for e in entries)
        f_name, df_name = family_figure_names(family)
        # the per-entry descriptions mention dots that only the entry's own figure draws
        undotted = [re.sub(r"\s*\([^)]*\bdot\)", "", e.shape[0]) for e in entries]
        f_alt = (f"The {family} activations drawn together for x from −5 to 5, each in its own "
                 f"colour and line style: "
                 + "; ".join(f"{e.title} {shape}" for e, shape in zip(entries, undotted)) + ".")
        df_alt = (f"The derivatives of the {family} activations ({names}) for x from −5 to 5, "
                  f"each in its own colour and line style: "
                  + "; ".join(f"that of {e.title} " + re.sub(r"\s*\([^)]*\bdot\)", "", e.shape[1])
                              for e in entries) + ".")
        names_tuple = tuple(e.name for e in entries)
        FIGURES[f_name] = Figure(f_name, f_alt, lambda ax, es=entries: plot_family(ax, es, False),
                                 names_tuple)
        FIGURES[df_name] = Figure(df_name, df_alt, lambda ax, es=entries: plot_family(ax, es, True),
                                  names_tuple)


def f_and_derivative_alt(entry) -> str:
    """Alt text of the standard figure, from the entry's own description of its curves."""
    f_shape, df_shape = entry.shape
    return _("{title} (solid line) {f_shape}; its derivative (dashed line) {df_shape}.").format(
        title=_(entry.title), f_shape=_(f_shape), df_shape=_(df_shape))


def register_f_and_derivative_figures() -> None:
    """One figure per elementwise entry: f and f' on [-6, 6]. Other figures live in the family
    submodules (refimpl/figures/<family>.py) with their own alt text."""
    for name in refimpl.names():
        entry = refimpl.get(name)
        if entry.kind == "elementwise" and name not in FIGURES:
            FIGURES[name] = Figure(name, lambda e=entry: f_and_derivative_alt(e),
                                   lambda ax, e=entry: plot_f_and_derivative(ax, e), (name,))


# -- rendering -----------------------------------------------------------------------------------
def render(fig_spec: Figure) -> bytes:
    """The light-scheme SVG of one figure, byte-identical from run to run."""
    import matplotlib

    matplotlib.use("svg")
    import matplotlib.pyplot as plt

    with matplotlib.rc_context(STYLE):
        fig, ax = plt.subplots()
        try:
            fig_spec.draw(ax)
            fig.tight_layout()
            buf = io.BytesIO()
            fig.savefig(buf, format="svg", transparent=True, metadata={"Date": None})
        finally:
            plt.close(fig)
    return buf.getvalue()


def to_dark(svg: bytes) -> bytes:
    """The dark-scheme twin: every palette colour replaced by its dark counterpart."""
    text = svg.decode()
    for light, dark in PALETTE.values():
        text = text.replace(light, dark)
    return text.encode()


def alt_text(fig_spec: Figure) -> str:
    """The figure's alt text in the current language (an `alt` may be a function, called then)."""
    return fig_spec.alt() if callable(fig_spec.alt) else _(fig_spec.alt)


def markdown(fig_spec: Figure) -> str:
    alt = alt_text(fig_spec).replace("[", "(").replace("]", ")")
    return (f"![{alt}](/figures/{fig_spec.name}.svg#only-light){{ loading=lazy }}\n"
            f"![{alt}](/figures/{fig_spec.name}-dark.svg#only-dark){{ loading=lazy }}\n")


# Modules a drawing imports whose use is recorded instead of hashed whole: importing the package
# `refimpl` loads every family, and refimpl.data reaches every experiment. The entries and results a
# figure really uses are recorded while it is drawn (refimpl.registry.recording).
_RECORDED = {"refimpl", "refimpl.data"}
# Files that modules read at run time, beside their source.
_FILES_READ = {"refimpl.bibliography": ("references.bib",)}


def _drawing_modules(fig_spec: Figure) -> tuple[list[Path], set[str]]:
    """The drawing code: this module and the one defining the figure (their sources), and the
    refimpl modules they import, except those in _RECORDED and the figure modules themselves."""
    from refimpl.codehash import _direct_imports

    own = {__name__, fig_spec.draw.__module__}
    sources = sorted({Path(__file__), Path(inspect.getsourcefile(fig_spec.draw))})
    imported = set().union(*(_direct_imports(m) for m in own))
    return sources, {m for m in imported if m not in _RECORDED and not m.startswith(__name__)}


def cache_key(fig_spec: Figure, modules=(), results=(), strings=()) -> str:
    """Hash of everything drawing the figure reads: the drawing code, the refimpl modules of the
    entries it looked up or evaluated (`modules`, recorded when it was last drawn), the data-stage
    results it read (`results`), the words it wrote in the current language (`strings`: the
    msgids it passed through `_()`, hashed with their translations), its Markdown (alt text), and
    matplotlib's and numpy's versions.
    Code that decides to use another entry is itself in the key, so while the key holds, the
    recorded lists are complete."""
    import matplotlib

    from refimpl import codehash, data, i18n

    sources, imported = _drawing_modules(fig_spec)
    modules = imported | set(modules) | {refimpl.get(n).fn.__module__ for n in fig_spec.entries}
    h = hashlib.sha256(markdown(fig_spec).encode())
    for path in sources:
        h.update(path.read_bytes())
    for module in codehash.closure(*modules):
        for name in _FILES_READ.get(module, ()):
            h.update(codehash._module_path(module).with_name(name).read_bytes())
    extra = "|".join([h.hexdigest(), matplotlib.__version__, np.__version__,
                      *(f"{r}={data.current_key(r)}" for r in sorted(results)),
                      i18n.current(), *(f"{s}={_(s)}" for s in sorted(strings))])
    return codehash.code_hash(*sorted(modules), extra=extra)


def draw(name: str, lang: str = "en") -> tuple[bytes, list[str], list[str], list[str]]:
    """Render one figure in `lang`, recording what it uses: (light SVG, entry modules, data
    results, strings). Named, not passed as a Figure, so that a worker process looks it up in
    its own FIGURES (and is told the language: a context variable does not cross processes)."""
    from refimpl import i18n
    from refimpl.registry import recording

    try:
        with (i18n.language(lang), recording() as uses, i18n.requesting() as strings,
              warnings.catch_warnings()):
            # No CJK font at build time: the SVG keeps text as text; the reader's fonts draw it.
            warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font\(s\)",
                                    category=UserWarning)
            svg = render(FIGURES[name])
    except Exception as err:
        raise RuntimeError(f"figure {name!r} failed: {type(err).__name__}: {err}") from err
    return svg, sorted(uses.modules), sorted(uses.results), sorted(strings)


def _draw_all(names: list[str], workers: int):
    """(name, draw(name)) for each name, on `workers` processes when there is more than one figure.
    Each figure is drawn alone in a fresh rc_context, so the SVG bytes do not depend on which
    process drew it or what it drew before."""
    from functools import partial

    from refimpl import i18n

    drawing = partial(draw, lang=i18n.current())
    if workers < 2 or len(names) < 2:
        yield from ((n, drawing(n)) for n in names)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork: workers inherit FIGURES as the parent has it (a test may add one) without importing
    # matplotlib and every figure module again.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        yield from zip(names, pool.map(drawing, names))


def build(out: Path, only: list[str] | None = None, workers: int = 2) -> dict[str, str]:
    """Render the figures into `out` (only those whose inputs changed), on `workers` processes;
    return name -> status ("drawn" or "cached")."""
    out.mkdir(parents=True, exist_ok=True)
    manifest_path = out / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    status, stale = {}, []
    for name, spec in FIGURES.items():
        if only and name not in only:
            continue
        record = manifest.get(name)
        if (isinstance(record, dict) and all((out / f).exists() for f in _files(name))
                and record.get("key") == cache_key(spec, record["modules"], record["results"],
                                                   record.get("strings", ()))):
            status[name] = "cached"
        else:
            stale.append(name)
    try:
        for name, (svg, modules, results, strings) in _draw_all(stale, workers):
            (out / f"{name}.svg").write_bytes(svg)
            (out / f"{name}-dark.svg").write_bytes(to_dark(svg))
            (out / f"{name}.md").write_text(markdown(FIGURES[name]))
            manifest[name] = {"key": cache_key(FIGURES[name], modules, results, strings),
                              "modules": modules, "results": results, "strings": strings}
            status[name] = "drawn"
    finally:  # what was drawn stays cached when another figure fails
        manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return {name: status[name] for name in FIGURES if name in status}


def _files(name: str) -> tuple[str, str, str]:
    return f"{name}.svg", f"{name}-dark.svg", f"{name}.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m refimpl.figures", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True, help="output directory")
    parser.add_argument("--only", nargs="*", help="figure names to render")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--lang", default="en", help="the edition's language (default en)")
    args = parser.parse_args(argv)
    unknown = set(args.only or ()) - set(FIGURES)
    if unknown:
        parser.error(f"unknown figure(s): {sorted(unknown)}")
    from refimpl import i18n

    try:
        with i18n.language(args.lang):
            status = build(args.out, args.only, args.jobs)
    except RuntimeError as err:
        print(f"refimpl.figures: {err}", file=sys.stderr)
        return 1
    drawn = sum(s == "drawn" for s in status.values())
    print(f"refimpl.figures: {drawn} drawn, {len(status) - drawn} cached, in {args.out}")
    return 0


# Every submodule (one per family, one per experiment) declares its figures on import; then every
# elementwise entry that has no figure of its own name gets the standard one.
import importlib  # noqa: E402
import pkgutil  # noqa: E402

for _module in pkgutil.iter_modules(__path__):
    if not _module.name.startswith("_"):
        importlib.import_module(f"refimpl.figures.{_module.name}")

register_f_and_derivative_figures()
register_family_figures()
