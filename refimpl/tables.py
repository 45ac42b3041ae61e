"""The generated tables of the site: parameters, properties, framework tabs and accuracy.

    python -m refimpl.tables --out DIR [--data DIR] [--bench FILE]

writes Markdown fragments that pages include with ``--8<-- "tables/<kind>/<name>.md"``:
``params/``, ``properties/``, ``frameworks/``, ``references/`` (the entry's origin papers) and
``accuracy/`` (from the data stage's cache in ``--data``; a note saying it was not computed when
the cache has no valid result); ``cite/<key>.md``, one formatted reference per BibTeX key; and
the catalogue and the atlas, whose cost column comes from ``make bench``'s ``--bench`` file.
Nothing here is typed by hand: every cell comes from the registry or a computed result, and
every word a reader sees goes through the translation function ``_``.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import textwrap
from pathlib import Path

import refimpl
from refimpl.frameworks import FRAMEWORKS
from refimpl.i18n import _
from refimpl.registry import REQUIRED

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BENCH = ROOT / "build" / "bench" / "throughput.json"  # written by `make bench`
SMOOTHNESS = {"C0": "C<sup>0</sup>", "C1": "C<sup>1</sup>", "C2": "C<sup>2</sup>",
              "Cinf": "C<sup>∞</sup>"}


def fmt(v: float) -> str:
    """A number as a reader wants it in a table: exact where exact, else 6 significant digits.

    >>> fmt(0.1 + 0.2), fmt(-2.0), fmt(-math.inf), fmt(True)
    ('0.3', '−2', '−∞', 'yes')
    """
    if isinstance(v, bool):
        return _("yes") if v else _("no")
    if math.isinf(v):
        return "∞" if v > 0 else "−∞"
    text = f"{v:.6g}"
    return text.replace("-", "−")


def _interval(lo: float, hi: float, attained: tuple[bool, bool]) -> str:
    """Open where the bound is not reached: the sigmoid's range is (0, 1), ReLU's [0, ∞)."""
    left = "[" if attained[0] else "("
    right = "]" if attained[1] else ")"
    return f"{left}{fmt(lo)}, {fmt(hi)}{right}"


def _smoothness(key: str) -> str:
    return SMOOTHNESS[key] if key in SMOOTHNESS else _(key)


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def _head(*cells: str) -> str:
    return _row(*cells) + "\n|" + "---|" * len(cells)


def params_table(entry) -> str:
    if not entry.params:
        return _("No parameters.") + "\n"
    rows = [_head(_("Parameter"), _("Default"), _("Domain"), _("Meaning"))]
    for p in entry.params:
        default = _("required") if p.default is REQUIRED else f"`{p.default!r}`"
        rows.append(_row(f"`{p.name}`", default, _(p.domain), _(p.doc)))
    return "\n".join(rows) + "\n"


def properties_table(entry) -> str:
    p = entry.properties
    kind = _(entry.kind)
    if "range" not in p:
        return _("Pointwise properties do not apply to a {kind} function.").format(kind=kind) + "\n"
    head = _head(_("Property"), _("Value"))
    if entry.kind != "elementwise":
        lo, hi = p["range"]
        note = _("Monotonicity, f(0) and the moments under N(0, 1) are properties of a function "
                 "of one number; they do not apply to a {kind} function.").format(kind=kind)
        return (f"{head}\n{_row(_('Range of each output'), _interval(lo, hi, p['attained']))}"
                f"\n\n{note}\n")
    lo, hi = p["range"]
    left, right = p["saturates"]
    df0 = fmt(p["df0"])
    if p["df0_is_convention"]:
        df0 = _("{value} (by convention: kink at 0)").format(value=df0)
    rows = [
        (_("Range"), _("{interval}; infimum {inf}, supremum {sup}").format(
            interval=_interval(lo, hi, p["attained"]), inf=fmt(lo), sup=fmt(hi))),
        (_("Bounded"), _("below: {below}, above: {above}").format(
            below=fmt(p["bounded_below"]), above=fmt(p["bounded_above"]))),
        (_("Monotonic"), _(p["monotonic"])),
        (_("Smoothness"), _smoothness(p["smoothness"])),
        ("f(0)", fmt(p["f0"])),
        ("f′(0)", df0),
        (_("Zero-centred"), fmt(p["zero_centred"])),
        (_("Saturates"), _("left: {left}, right: {right}").format(left=fmt(left),
                                                                  right=fmt(right))),
        (_("E[f(Z)], Z ~ N(0, 1)"), fmt(p["normal_mean"])),
        (_("Var[f(Z)], Z ~ N(0, 1)"), fmt(p["normal_variance"])),
    ]
    note = ""
    if entry.params:
        shown = ", ".join(f"{k} = {v!r}" for k, v in p["at_defaults"].items())
        note = "\n" + _("At the default parameters ({values}).").format(values=shown) + "\n"
    body = "\n".join(_row(k, v) for k, v in rows)
    return f"{head}\n{body}\n{note}"


def frameworks_tabs(entry) -> str:
    """One content tab per framework the entry records, in the order of FRAMEWORKS (a framework
    marked None has no such function), and the versions the facts were checked against."""
    parts, checked = [], {}
    for key, info in FRAMEWORKS.items():
        if key not in entry.frameworks:
            continue
        label = _(info.label)
        checked.setdefault(info.date, []).append(
            _("{framework} {version}").format(framework=label, version=info.checked))
        fw = entry.frameworks[key]
        parts.append(f'=== "{label}"\n')
        if fw is None:
            parts.append("    " + _("{framework} has no `{name}`.").format(framework=label,
                                                                         name=entry.name) + "\n")
            continue
        names = ", ".join(f"`{n}`" for n in fw.names)
        parts.append(f"    {names}\n")
        parts.append(f"\n    ```python\n    y = {fw.call.format(x='x')}\n    ```\n")
        if fw.differs:
            parts.append(f"\n    {_(fw.differs)}\n")
        parts.append("\n" + textwrap.indent(measured(key, label, entry.name, fw.call), "    "))
    if checked:
        versions = "; ".join(f"{', '.join(items)} ({date})" for date, items in checked.items())
        parts.append("\n" + _("Checked against {versions}.").format(versions=versions) + "\n")
    return "\n".join(parts)


SHOWN = 3  # divergences a framework tab lists


def _number(v: float | str) -> str:
    """A measured value exactly (shortest round-trip digits), with the minus sign; NaN and ±inf
    as the data file writes them ("nan", "inf", "-inf") too.

    >>> _number(-5.507248237212469e-88), _number("-inf"), _number("nan"), _number(-0.0)
    ('−5.507248237212469e−88', '−∞', 'NaN', '−0')
    """
    v = float(v)
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "∞" if v > 0 else "−∞"
    text = repr(v)
    return (text[:-2] if text.endswith(".0") else text).replace("-", "−")


def _divergence(d: dict) -> str:
    """``x = −20: −0 (refimpl −5.5…e−88)``; a row's inputs to 6 digits, enough to recognize it
    (the data file has them exactly), and the output's place in it: ``x = (1, 2, 3)[2]``."""
    x = (f"({', '.join(fmt(float(v)) if v != 'nan' else 'NaN' for v in d['x'])})[{d['index']}]"
         if d["index"] is not None else _number(d["x"]))
    return _("{where}: {theirs} (refimpl {ours})").format(where=f"x = {x}",
                                                          theirs=_number(d["theirs"]),
                                                          ours=_number(d["ours"]))


def _measured_templates() -> dict[str, str]:
    """Every sentence of a measurement, asked for at once so that the catalogue has each one,
    also those no measurement of this build needs (a failed install, a changed call)."""
    differ = ("{count} of {total} outputs differ from refimpl by more than {ulps} ulp or in "
              "NaN/inf ({ordinary} of {n_ordinary} ordinary, {hard} of {n_hard} hard).")
    return {
        "failed": _("Not measured: {framework} did not install or import here ({date})."),
        "missing": _("Not measured yet: run `make crosscheck`."),
        "backend": _("{name} backend"),
        "cpu": _("CPU"),
        "head": _("Measured with {framework} {version}, {device}, {date}"),
        "head_backend": _("Measured with {framework} {version} ({backend}), {device}, {date}"),
        "error": _("{measured}: the call failed with `{error}`."),
        "other": _("{measured}: a different function. " + differ),
        "same": _("{measured}: the same function. " + differ),
        "exact": _("{measured}: the same function. All {total} outputs are within {ulps} ulp of "
                   "refimpl, NaN and ±inf included."),
        "first": _("First: {points}."),
        "dtype": _("Returns {dtype} for `float64` input."),
        "default": _("Its default {param} is {theirs} (refimpl: {ours})."),
        "warns": _("Warns: {warnings}."),
        "separator": _("; "),  # between the points of a list in one sentence
    }


def measured(key: str, label: str, name: str, call: str) -> str:
    """What `make crosscheck` measured for entry `name`'s spelling `call` in framework `key`
    (refimpl/measurements/crosscheck/<key>.json): the version, backend, device and date, the
    verdict, the divergences beyond rounding (how many, and the first few), the dtype when it
    is not float64, the defaults that differ and the warnings."""
    from refimpl import crosscheck

    say = _measured_templates()
    data = crosscheck.load(key)
    if data is not None and data["status"] != "measured":
        return say["failed"].format(framework=label, date=data["date"]) + "\n"
    record = crosscheck.measurement(key, name, call)
    if record is None:
        return say["missing"] + "\n"
    backend = data["backend"]
    if backend.endswith(" backend"):
        backend = say["backend"].format(name=f"`{backend.removesuffix(' backend')}`")
    elif backend:
        backend = f"`{backend}`"
    device = say["cpu"] if "cpu" in data["device"].lower() else f"`{data['device']}`"
    head = say["head_backend" if backend else "head"].format(
        framework=label, version=f"`{data['version']}`", backend=backend, device=device,
        date=data["date"])
    counts, outputs = record["counts"], record["outputs"]
    count = sum(counts.values())
    numbers = dict(measured=head, count=count, total=sum(outputs.values()), ulps=data["ulps"],
                   ordinary=counts["ordinary"], hard=counts["hard"],
                   n_ordinary=outputs.get("ordinary", 0), n_hard=outputs.get("hard", 0))
    if record["error"]:
        verdict = say["error"].format(measured=head, error=record["error"].replace("`", "'"))
    else:
        verdict = say["other" if not record["ok"] else "same" if count else "exact"].format(
            **numbers)
    notes = []
    if count:
        notes.append(say["first"].format(
            points=say["separator"].join(_divergence(d) for d in record["divergences"][:SHOWN])))
    if record["dtype"] not in ("", "float64"):
        notes.append(say["dtype"].format(dtype=f"`{record['dtype']}`"))
    for d in record["defaults"]:
        if d["ours"] is None or not math.isclose(d["theirs"], d["ours"]):
            notes.append(say["default"].format(
                param=f"`{d['param']}`", theirs=_number(d["theirs"]),
                ours="—" if d["ours"] is None else _number(d["ours"])))
    if record["warnings"]:
        notes.append(say["warns"].format(
            warnings=say["separator"].join(f"`{w}`" for w in record["warnings"])))
    return verdict + "".join(f"\n\n- {note}" if i == 0 else f"\n- {note}"
                             for i, note in enumerate(notes)) + "\n"


def _error_cell(m: dict) -> str:
    cell = f"{m['max_ulp']:.2f}" if m["max_ulp"] < 1000 else f"{m['max_ulp']:.1e}"
    if m["worst_x"] is not None and m["max_ulp"] > 0:
        x = m["worst_x"]
        x = f"({', '.join(f'{v:.6g}' for v in x)})" if isinstance(x, list) else f"{x:.6g}"
        cell = _("{error} at x = {x}").format(error=cell, x=x)
    if m["nonfinite"]:
        cell += _("; wrong NaN/inf at {count} points, first x = {x}").format(
            count=m["nonfinite"], x=f"{m['nonfinite_x']:.6g}")
    return cell.replace("-", "−")


def accuracy_table(entry, results: dict | None) -> str:
    if not results or entry.name not in results:
        return _("*Accuracy not computed in this build: run `make data` (the data stage) and "
                 "rebuild.*") + "\n"
    r = results[entry.name]
    rows = [_head("refimpl", _("max error, ulp"))]
    for what in ("value", "derivative"):
        if what in r:
            rows.append(_row(_(what), _error_cell(r[what])))
    points = r["value"]["points"]
    over = (_("{n} points from ±1e-300 to ±1e300") if entry.kind == "elementwise"
            else _("{n} outputs of hard and random input rows")).format(n=points)
    note = _("Against a 50-digit mpmath reference, float64, over {over} "
             "(see [Numerical accuracy](/accuracy.md)).").format(over=over)
    return "\n".join(rows) + f"\n\n{note}\n"


def accuracy_comparison(results: dict | None) -> str:
    """refimpl vs the textbook formula vs scipy.special, for every elementwise entry; "—" where an
    entry has no textbook formula (textbook=None) or scipy.special has no such function."""
    if not results:
        return _("*Not computed in this build: run `make data` (the data stage) and "
                 "rebuild.*") + "\n"
    rows = [_head(_("Function"), "refimpl", _("textbook formula"), "scipy.special")]
    for name in sorted(results):
        r = results[name]
        if "derivative" not in r:  # vector and shaping entries: on their own pages only
            continue
        entry = refimpl.get(name)
        link = f"[{_(entry.title)}](/activations/{entry.page}.md)"
        cells = [_error_cell(r[k]) if k in r else "—" for k in ("value", "textbook", "scipy")]
        rows.append(_row(link, *cells))
    return "\n".join(rows) + "\n"


def references_list(entry) -> str:
    from refimpl import bibliography

    return "".join(f"- {bibliography.cite(key)}\n" for key in entry.origin)


def _link(e) -> str:
    anchor = "" if e.page == e.name else f"#{e.name}"
    return f"[{_(e.title)}](/activations/{e.page}.md{anchor})"


def _family(family: str) -> str:
    text = _(family)
    return text[:1].upper() + text[1:]


def _anchor(english: str) -> str:
    """The id Python-Markdown's toc gives an English heading ("Hard/mobile" → ``hardmobile``),
    written out so that a translated heading keeps it."""
    return re.sub(r"[-\s]+", "-", re.sub(r"[^\w\s-]", "", english).strip().lower())


def rosetta_cell(entry, key: str) -> str:
    """One cell of the Rosetta table: the framework's first public name for `entry` (or "—"),
    and, from the committed measurement (refimpl/measurements/crosscheck/<key>.json), a mark where
    it departs from refimpl: ✗ a failed call or another function at refimpl's defaults, ≠ with
    each default that differs, ~ how many outputs differ beyond rounding (on hard inputs, or on
    ordinary ones within the tolerance that would mean another function), ? no
    measurement of the current call. The cell links to the entry's framework tabs, where the
    measurement is given in full."""
    from refimpl import crosscheck

    fw = entry.frameworks.get(key)
    if fw is None:
        return "—"
    anchor = "in-frameworks"
    target = f"/activations/{entry.page}.md#{anchor}"
    name = fw.names[0]
    record = crosscheck.measurement(key, entry.name, fw.call)
    marks = []
    if record is None:
        marks.append(_("? not measured"))
    else:
        if record["error"]:
            marks.append(_("✗ the call failed"))
        elif not record["ok"]:
            marks.append(_("✗ another function"))
        for d in record["defaults"]:
            if d["ours"] is None or not math.isclose(d["theirs"], d["ours"]):
                marks.append(_("≠ {param} = {theirs}").format(param=d["param"], theirs=_number(d["theirs"])))
        count = sum(record["counts"].values())
        if count and record["ok"] and not record["error"]:
            marks.append(_("~ {count} outputs beyond {ulps} ulp").format(
                count=count, ulps=crosscheck.load(key)["ulps"]))
    text = f"[`{name}`]({target})"
    return text + ("<br>" + "<br>".join(marks) if marks else "")


def rosetta() -> str:
    """Every entry × every framework: each framework's name, the defaults that differ from
    refimpl's and what `make crosscheck` measured (see :func:`rosetta_cell`); sortable, and
    filterable by framework, in the browser (docs/javascripts/)."""
    keys = list(FRAMEWORKS)
    rows = [_head(_("Function"), *(_(FRAMEWORKS[k].label) for k in keys))]
    for name in refimpl.names():
        e = refimpl.get(name)
        rows.append(_row(_link(e), *(rosetta_cell(e, k) for k in keys)))
    versions = "; ".join(f"{_(FRAMEWORKS[k].label)} {_measured_version(k)}" for k in keys)
    wrapper = (f'<div class="sortable rosetta" markdown data-label="{_("Framework:")}" '
               f'data-all="{_("All frameworks")}">')
    return (wrapper + "\n\n" + "\n".join(rows) + "\n\n</div>\n\n"
            + _("Measured with: {versions}.").format(versions=versions) + "\n")


def _measured_version(key: str) -> str:
    """"`3.15.1`, CPU, 2026-12-06" from the committed measurement, or "not measured"."""
    from refimpl import crosscheck

    data = crosscheck.load(key)
    if data is None:
        return _("not measured")
    if data["status"] != "measured":
        return _("did not install ({date})").format(date=data["date"])
    device = _("CPU") if "cpu" in data["device"].lower() else data["device"]
    return f"`{data['version']}`, {device}, {data['date']}"


def catalogue() -> str:
    """Every entry by family, oldest first, linked to its page (or its anchor on another
    entry's page)."""
    from refimpl.registry import FAMILIES

    rows = [_head(_("Family"), _("Functions"))]
    for family in FAMILIES:
        entries = [refimpl.get(n) for n in refimpl.names() if refimpl.get(n).family == family]
        links = [_link(e) for e in sorted(entries, key=lambda e: (e.year or 9999, e.name))]
        if links:
            rows.append(_row(_family(family), ", ".join(links)))
    return "\n".join(rows) + "\n"


def terms_table() -> str:
    """The Chinese term list (refimpl/locale/terms.yml) as a glossary table: each English term,
    the Chinese term this reference uses, and the other words readers write for it, so that the
    glossary (and search) finds those too. Linked to the glossary entry where there is one."""
    import yaml

    from refimpl.i18n import LOCALE

    terms = yaml.safe_load((LOCALE / "terms.yml").read_text(encoding="utf-8"))
    rows = [_head(_("English"), _("Chinese (this reference)"), _("Also written"))]
    for t in sorted(terms, key=lambda t: t["en"].lower()):
        english = f"[{t['en']}](#{t['glossary']})" if t.get("glossary") else t["en"]
        rows.append(_row(english, t["zh"], "、".join(t.get("variants", [])) or "—"))
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
        parts.append(f"### {_family(family)} {{#{_anchor(family)}}}\n\n"
                     f'--8<-- "figures/atlas-{slug}.md"\n\n'
                     f'--8<-- "figures/atlas-{slug}-derivatives.md"\n')
    cost = bench is not None
    head = [_("Function"), _("Formula"), _("Range"), _("Monotonic"), _("Smoothness"),
            _("E[f(Z)]"), _("Var[f(Z)]"), "f′(0)", _("Saturates (left, right)"), _("Parameters"),
            _("Year"), _("Origin")]
    if cost:
        head.append(_("Cost, ns/element (float64)"))
    rows = [_head(*head)]
    for name in refimpl.names():
        e = refimpl.get(name)
        p = e.properties
        formula = "$" + e.latex.replace("|", r"\vert ") + "$"
        params = ", ".join(f"`{q.name}`" for q in e.params) or "—"
        origin = ", ".join(bibliography.short(k) for k in e.origin) or "—"
        if "monotonic" in p:
            lo, hi = p["range"]
            cells = [_interval(lo, hi, p["attained"]), _(p["monotonic"]),
                     _smoothness(p["smoothness"]), fmt(p["normal_mean"]),
                     fmt(p["normal_variance"]), fmt(p["df0"]),
                     ", ".join(fmt(v) for v in p["saturates"])]
        else:
            rng = _interval(*p["range"], p["attained"]) if "range" in p else "—"
            cells = [_("{range} (each output)").format(range=rng)]
            cells += [_("n/a ({kind})").format(kind=_(e.kind))] * 6
        row = [_link(e), formula, *cells, params, str(e.year or "—"), origin]
        if cost:
            t = bench["results"].get(name, {}).get("float64", {}).get("refimpl")
            row.append(f"{t:.1f}" if t is not None else "—")
        rows.append(_row(*row))
    table = "\n".join(rows)
    note = ("\n" + _("Cost: refimpl on 10^6 float64 elements, best of 5 runs of `make bench` on "
                     "{machine}; compare within the column only.").format(
                         machine=bench["machine"]) + "\n" if cost else "")
    return ("\n".join(parts) + f"\n## {_('Comparison table')} {{#comparison-table}}\n\n"
            f"{_('Click a column heading to sort.')}\n\n"
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

    registered = registry.registered()
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
               "redirect": _("{name} is documented on {page}."),
               # every page's footer parts, written by scripts/mkdocs_hooks.py
               "cite_box": _("Cite this page"),
               "report_error": _("Report an error on this page"),
               "report_title": _("Error on: {title}"),
               "cited_on": _("Cited on: {pages}"),
               "report_body": _("Page: {url}\n\nWhat is wrong:\n\nEvidence:\n")}
    return {"sections": page_sections.as_manifest(), "families": families, "entries": entries,
            "bibliography": sorted(bibliography.entries()), "strings": strings}


def _write(path: Path, text: str) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_text() == text:
        return 0
    path.write_text(text)
    return 1


def build(out: Path, data_dir: Path | None = None, bench_file: Path | None = None) -> int:
    """Write every table into `out`: accuracy from the data stage's cache in `data_dir`, the
    atlas's cost column from `bench_file` (`make bench`'s output); without them, the tables
    say the results were not computed, and the atlas has no cost column."""
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
    count += _write(out / "terms.md", terms_table())
    bench = None
    if bench_file is not None and Path(bench_file).is_file():
        bench = json.loads(Path(bench_file).read_text())
    count += _write(out / "atlas.md", atlas(bench))
    count += _write(out / "rosetta.md", rosetta())
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
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH,
                        help="`make bench`'s throughput.json, for the atlas's cost column "
                             "(default: build/bench/throughput.json in the repository; "
                             "no cost column when it does not exist)")
    parser.add_argument("--lang", default="en", help="the edition's language (default en)")
    args = parser.parse_args(argv)
    from refimpl import i18n

    with i18n.language(args.lang):
        changed = build(args.out, args.data, args.bench)
    # Every run renders every table, so this is the whole list of strings the catalogue lacks.
    _write(args.out / "untranslated.json", json.dumps(i18n.untranslated(args.lang), indent=1, ensure_ascii=False) + "\n")
    print(f"refimpl.tables: {changed} written in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
