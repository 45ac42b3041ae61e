"""The generated tables of the site: parameters, properties, framework tabs and accuracy.

    python -m refimpl.tables --out DIR [--data DIR]

writes Markdown fragments that pages include with ``--8<-- "tables/<kind>/<name>.md"``:
``params/``, ``properties/``, ``frameworks/``, ``references/`` (the entry's origin papers) and
``accuracy/`` (from the data stage's cache in ``--data``; a note saying it was not computed when
the cache has no valid result); and ``cite/<key>.md``, one formatted reference per BibTeX key.
Nothing here is typed by hand: every cell comes from the registry or a computed result.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import refimpl
from refimpl.registry import REQUIRED

FRAMEWORKS = {"pytorch": "PyTorch", "jax": "JAX", "keras": "Keras 3"}
# The versions whose source and docs the framework facts were checked against, and when.
CHECKED_AGAINST = {"pytorch": "2.14.1", "jax": "0.10.2", "keras": "3.15.1", "date": "2026-11"}
SMOOTHNESS = {"discontinuous": "discontinuous", "C0": "C<sup>0</sup>", "C1": "C<sup>1</sup>",
              "C2": "C<sup>2</sup>", "Cinf": "C<sup>∞</sup>"}


def fmt(v: float) -> str:
    """A number as a reader wants it in a table: exact where exact, else 6 significant digits."""
    if isinstance(v, bool):
        return "yes" if v else "no"
    if math.isinf(v):
        return "∞" if v > 0 else "−∞"
    text = f"{v:.6g}"
    return text.replace("-", "−")


def _interval(lo: float, hi: float, attained: tuple[bool, bool]) -> str:
    """Open where the bound is not reached: the sigmoid's range is (0, 1), ReLU's [0, ∞)."""
    left = "[" if attained[0] else "("
    right = "]" if attained[1] else ")"
    return f"{left}{fmt(lo)}, {fmt(hi)}{right}"


def params_table(entry) -> str:
    if not entry.params:
        return "No parameters.\n"
    rows = ["| Parameter | Default | Domain | Meaning |", "|---|---|---|---|"]
    for p in entry.params:
        default = "required" if p.default is REQUIRED else f"`{p.default!r}`"
        rows.append(f"| `{p.name}` | {default} | {p.domain} | {p.doc} |")
    return "\n".join(rows) + "\n"


def properties_table(entry) -> str:
    p = entry.properties
    if "range" not in p:
        return f"Pointwise properties do not apply to a {entry.kind} function.\n"
    if entry.kind != "elementwise":
        lo, hi = p["range"]
        return (f"| Property | Value |\n|---|---|\n| Range of each output | "
                f"{_interval(lo, hi, p['attained'])} |\n\nMonotonicity, f(0) and the moments "
                f"under N(0, 1) are properties of a function of one number; they do not apply to "
                f"a {entry.kind} function.\n")
    lo, hi = p["range"]
    left, right = p["saturates"]
    df0 = fmt(p["df0"]) + (" (by convention: kink at 0)" if p["df0_is_convention"] else "")
    rows = [
        ("Range", f"{_interval(lo, hi, p['attained'])}; infimum {fmt(lo)}, supremum {fmt(hi)}"),
        ("Bounded", f"below: {fmt(p['bounded_below'])}, above: {fmt(p['bounded_above'])}"),
        ("Monotonic", p["monotonic"]),
        ("Smoothness", SMOOTHNESS[p["smoothness"]]),
        ("f(0)", fmt(p["f0"])),
        ("f′(0)", df0),
        ("Zero-centred", fmt(p["zero_centred"])),
        ("Saturates", f"left: {fmt(left)}, right: {fmt(right)}"),
        ("E[f(Z)], Z ~ N(0, 1)", fmt(p["normal_mean"])),
        ("Var[f(Z)], Z ~ N(0, 1)", fmt(p["normal_variance"])),
    ]
    note = ""
    if entry.params:
        shown = ", ".join(f"{k} = {v!r}" for k, v in p["at_defaults"].items())
        note = f"\nAt the default parameters ({shown}).\n"
    body = "\n".join(f"| {k} | {v} |" for k, v in rows)
    return f"| Property | Value |\n|---|---|\n{body}\n{note}"


def frameworks_tabs(entry) -> str:
    parts = []
    for key, label in FRAMEWORKS.items():
        fw = entry.frameworks.get(key)
        parts.append(f'=== "{label}"\n')
        if fw is None:
            parts.append(f"    {label} has no `{entry.name}`.\n")
            continue
        names = ", ".join(f"`{n}`" for n in fw.names)
        parts.append(f"    {names}\n")
        parts.append(f"\n    ```python\n    y = {fw.call.format(x='x')}\n    ```\n")
        if fw.differs:
            parts.append(f"\n    {fw.differs}\n")
    checked = ", ".join(f"{FRAMEWORKS[k]} {v}" for k, v in CHECKED_AGAINST.items() if k in FRAMEWORKS)
    parts.append(f"\nChecked against {checked} ({CHECKED_AGAINST['date']}).\n")
    return "\n".join(parts)


def _error_cell(m: dict) -> str:
    cell = f"{m['max_ulp']:.2f}" if m["max_ulp"] < 1000 else f"{m['max_ulp']:.1e}"
    if m["worst_x"] is not None and m["max_ulp"] > 0:
        x = m["worst_x"]
        x = f"({', '.join(f'{v:.6g}' for v in x)})" if isinstance(x, list) else f"{x:.6g}"
        cell += f" at x = {x}"
    if m["nonfinite"]:
        cell += f"; wrong NaN/inf at {m['nonfinite']} points, first x = {m['nonfinite_x']:.6g}"
    return cell.replace("-", "−")


def accuracy_table(entry, results: dict | None) -> str:
    if not results or entry.name not in results:
        return ("*Accuracy not computed in this build: run `make data` (the data stage) "
                "and rebuild.*\n")
    r = results[entry.name]
    rows = ["| refimpl | max error, ulp |", "|---|---|"]
    for what in ("value", "derivative"):
        if what in r:
            rows.append(f"| {what} | {_error_cell(r[what])} |")
    over = (f"{r['value']['points']} points from ±1e-300 to ±1e300" if entry.kind == "elementwise"
            else f"{r['value']['points']} outputs of hard and random input rows")
    return ("\n".join(rows) + f"\n\nAgainst a 50-digit mpmath reference, float64, over {over} "
            f"(see [Numerical accuracy](/accuracy.md)).\n")


def accuracy_comparison(results: dict | None) -> str:
    """refimpl vs the textbook formula vs scipy.special, for every elementwise entry."""
    if not results:
        return "*Not computed in this build: run `make data` (the data stage) and rebuild.*\n"
    rows = ["| Function | refimpl | textbook formula | scipy.special |", "|---|---|---|---|"]
    for name in sorted(results):
        r = results[name]
        if "derivative" not in r:  # vector and shaping entries: on their own pages only
            continue
        page = refimpl.get(name).page
        link = f"[{refimpl.get(name).title}](/activations/{page}.md)"
        cells = [_error_cell(r[k]) if k in r else "—" for k in ("value", "textbook", "scipy")]
        rows.append(f"| {link} | " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n"


def references_list(entry) -> str:
    from refimpl import bibliography

    return "".join(f"- {bibliography.cite(key)}\n" for key in entry.origin)


def catalogue() -> str:
    """Every entry by family, linked to its page (or its anchor on another entry's page)."""
    from refimpl.registry import FAMILIES

    rows = ["| Family | Functions |", "|---|---|"]
    for family in FAMILIES:
        entries = [refimpl.get(n) for n in refimpl.names() if refimpl.get(n).family == family]
        links = []
        for e in sorted(entries, key=lambda e: (e.year or 9999, e.name)):
            anchor = "" if e.page == e.name else f"#{e.name}"
            links.append(f"[{e.title}](/activations/{e.page}.md{anchor})")
        if links:
            rows.append(f"| {family.capitalize()} | {', '.join(links)} |")
    return "\n".join(rows) + "\n"


def atlas(bench: dict | None = None) -> str:
    """The atlas: per family, its two figures; then one comparison table of every entry, sortable
    in the browser. The cost column appears only when `make bench` results exist."""
    from refimpl import bibliography
    from refimpl.registry import FAMILIES

    parts = []
    for family in FAMILIES:
        members = [refimpl.get(n) for n in refimpl.names() if refimpl.get(n).family == family]
        if not any(e.kind == "elementwise" for e in members):
            continue
        slug = "".join(c if c.isalnum() else "-" for c in family.lower()).strip("-")
        parts.append(f"### {family.capitalize()}\n\n"
                     f'--8<-- "figures/atlas-{slug}.md"\n\n'
                     f'--8<-- "figures/atlas-{slug}-derivatives.md"\n')
    cost = bench is not None
    head = ["Function", "Formula", "Range", "Monotonic", "Smoothness", "E[f(Z)]", "Var[f(Z)]",
            "f′(0)", "Saturates (left, right)", "Parameters", "Year", "Origin"]
    if cost:
        head.append("Cost, ns/element (float64)")
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name in refimpl.names():
        e = refimpl.get(name)
        p = e.properties
        anchor = "" if e.page == e.name else f"#{e.name}"
        formula = "$" + e.latex.replace("|", r"\vert ") + "$"
        params = ", ".join(f"`{q.name}`" for q in e.params) or "—"
        origin = ", ".join(bibliography.short(k) for k in e.origin) or "—"
        if "monotonic" in p:
            lo, hi = p["range"]
            cells = [_interval(lo, hi, p["attained"]), p["monotonic"], SMOOTHNESS[p["smoothness"]],
                     fmt(p["normal_mean"]), fmt(p["normal_variance"]), fmt(p["df0"]),
                     ", ".join(fmt(v) for v in p["saturates"])]
        else:
            rng = _interval(*p["range"], p["attained"]) if "range" in p else "—"
            cells = [rng + " (each output)"] + [f"n/a ({e.kind})"] * 6
        row = [f"[{e.title}](/activations/{e.page}.md{anchor})", formula, *cells, params,
               str(e.year or "—"), origin]
        if cost:
            t = bench["results"].get(name, {}).get("float64", {}).get("refimpl")
            row.append(f"{t:.1f}" if t is not None else "—")
        rows.append("| " + " | ".join(row) + " |")
    table = "\n".join(rows)
    note = (f"\nCost: refimpl on 10^6 float64 elements, best of 5 runs of `make bench` on "
            f"{bench['machine']}; compare within the column only.\n" if cost else "")
    return ("\n".join(parts) + '\n## Comparison table\n\nClick a column heading to sort.\n\n'
            '<div class="sortable" markdown>\n\n' + table + "\n\n</div>\n" + note)


def manifest() -> dict:
    """What the page generator in the MkDocs process needs, as JSON data: that process must not
    import refimpl (``mkdocs serve`` would keep a stale registry), so it reads this instead.

    The sections of a page with their titles, the families with their titles and pages (the nav,
    in registry order: families as ``FAMILIES`` lists them, entries as their family module
    registers them), every entry's names, page and origin keys, the bibliography's keys (a page
    may cite more than its entries' origins) and the sentences the generator writes, all through
    `_()`.
    """
    from refimpl import bibliography, page_sections, registry
    from refimpl.i18n import _

    registered = list(registry._ENTRIES)  # insertion order: the order of register() calls
    entries = {}
    for name in registered:
        e = refimpl.get(name)
        entries[name] = {"name": name, "title": _(e.title), "family": e.family,
                         "aliases": list(e.aliases), "page": e.page, "origin": list(e.origin)}
    families = []
    for family in registry.FAMILIES:
        pages = []
        for name in registered:
            if entries[name]["family"] == family and entries[name]["page"] not in pages:
                pages.append(entries[name]["page"])
        if pages:
            title = family.replace("/", " / ")
            families.append({"family": family, "title": _(title[0].upper() + title[1:]),
                             "pages": pages})
    strings = {"params": _("Parameters of {title}:"), "properties": _("Properties of {title}:"),
               "frameworks": _("{title} in frameworks:"), "accuracy": _("Accuracy of {title}:"),
               "redirect_title": _("Redirecting to {title}"),
               "redirect": _("{name} is documented on {page}.")}
    return {"sections": page_sections.as_manifest(), "families": families, "entries": entries,
            "bibliography": sorted(bibliography.entries()), "strings": strings}


def _write(path: Path, text: str) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_text() == text:
        return 0
    path.write_text(text)
    return 1


def build(out: Path, data_dir: Path | None = None) -> int:
    results = None
    if data_dir is not None:
        from refimpl import data

        results = data.load("accuracy", data_dir)
    count = 0
    for name in refimpl.names():
        entry = refimpl.get(name)
        for kind, text in (("params", params_table(entry)),
                           ("properties", properties_table(entry)),
                           ("frameworks", frameworks_tabs(entry)),
                           ("accuracy", accuracy_table(entry, results)),
                           ("references", references_list(entry))):
            count += _write(out / kind / f"{name}.md", text)
    count += _write(out / "catalogue.md", catalogue())
    bench_file = Path("build/bench/throughput.json")
    bench = json.loads(bench_file.read_text()) if bench_file.exists() else None
    count += _write(out / "atlas.md", atlas(bench))
    count += _write(out / "accuracy-comparison.md", accuracy_comparison(results))
    count += _write(out / "manifest.json", json.dumps(manifest(), indent=1, ensure_ascii=False) + "\n")
    from refimpl import bibliography

    for key in bibliography.entries():
        count += _write(out / "cite" / f"{key}.md", f"- {bibliography.cite(key)}\n")
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m refimpl.tables", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--data", type=Path, help="the data stage's cache directory")
    args = parser.parse_args(argv)
    changed = build(args.out, args.data)
    print(f"refimpl.tables: {changed} written in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
