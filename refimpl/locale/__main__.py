"""python -m refimpl.locale update [--lang zh]: merge the generators' strings into <lang>.po;
python -m refimpl.locale check [--lang zh]: every translation keeps its placeholders, code, math, numbers."""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

from refimpl import i18n

HEADER = "Chinese edition of Activation Functions: an executable reference"


def requested_strings() -> set[str]:
    """Every msgid the generators ask for: tables, manifest, figure alt texts and drawings."""
    from refimpl import data, figures, tables

    data.get("accuracy")  # the accuracy tables' strings differ with results and without
    with i18n.requesting() as strings, tempfile.TemporaryDirectory() as tmp:
        tables.build(Path(tmp))
        tables.build(Path(tmp), data.DEFAULT_DIR)
        for spec in figures.FIGURES.values():
            figures.markdown(spec)
            figures.render(spec)
    return set(strings)


def update(lang: str, strings: set[str]) -> tuple[int, int]:
    """Merge `strings` into refimpl/locale/<lang>.po; return (untranslated or fuzzy, total)."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    path = i18n.LOCALE / f"{lang}.po"
    template = Catalog(project=HEADER, fuzzy=False)
    for s in sorted(strings):
        template.add(s)
    if path.is_file():
        with open(path, "rb") as f:
            catalog = read_po(f, locale=lang)
        catalog.update(template, no_fuzzy_matching=False)
    else:
        catalog = Catalog(locale=lang, project=HEADER, fuzzy=False)
        for s in sorted(strings):
            catalog.add(s)
    with open(path, "wb") as f:
        write_po(f, catalog, width=0, sort_output=True, omit_header=True, include_previous=True)
    todo = sum(1 for m in catalog if m.id and (not m.string or m.fuzzy))
    return todo, sum(1 for m in catalog if m.id)


_KEPT = re.compile(r"\{[a-z_]*(?::[^}]*)?\}|`[^`]*`|\$[^$]*\$|(?<![\w.])[-−]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def kept(text: str) -> list[str]:
    """What a translation must keep of its msgid: placeholders, code spans, math and numbers."""
    return sorted(m.replace("−", "-") for m in _KEPT.findall(text))


def problems(lang: str) -> list[str]:
    """Translated strings that lost or changed a placeholder, code span, formula or number."""
    from babel.messages.pofile import read_po

    with open(i18n.LOCALE / f"{lang}.po", "rb") as f:
        po = read_po(f, locale=lang)
    out = []
    for m in po:
        if m.id and m.string and kept(m.id) != kept(m.string):
            out.append(f"{m.id!r}\n  -> {m.string!r}\n  expected to keep {kept(m.id)}, found {kept(m.string)}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m refimpl.locale", description=__doc__)
    parser.add_argument("command", choices=["update", "check"])
    parser.add_argument("--lang", default="zh")
    args = parser.parse_args(argv)
    if args.command == "check":
        found = problems(args.lang)
        print("\n".join(found) or f"refimpl/locale/{args.lang}.po: every translation keeps its placeholders, code, math and numbers")
        return 1 if found else 0
    todo, total = update(args.lang, requested_strings())
    print(f"refimpl/locale/{args.lang}.po: {total} strings, {todo} to translate (new or fuzzy)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
