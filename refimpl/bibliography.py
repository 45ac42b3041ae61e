"""The bibliography: one BibTeX file (references.bib), parsed with pybtex.

Every entry must have a DOI, an arXiv id or a stable URL; `check()` validates their formats, and
`origin` keys of the registry must exist here (the tests call both).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

BIB = Path(__file__).with_name("references.bib")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
ARXIV = re.compile(r"^\d{4}\.\d{4,5}$")
URL = re.compile(r"^https://[\w.-]+\.[a-z]{2,}/\S*$")


@lru_cache(maxsize=1)
def entries():
    """key -> pybtex Entry."""
    from pybtex.database import parse_file

    return dict(parse_file(str(BIB), bib_format="bibtex").entries)


def link(key: str) -> tuple[str, str]:
    """(label, URL) of an entry's stable identifier: DOI first, then arXiv, then URL."""
    f = entries()[key].fields
    if "doi" in f:
        return f"doi:{f['doi']}", f"https://doi.org/{f['doi']}"
    if f.get("archiveprefix", "").lower() == "arxiv" and "eprint" in f:
        return f"arXiv:{f['eprint']}", f"https://arxiv.org/abs/{f['eprint']}"
    if "url" in f:
        return f["url"], f["url"]
    raise ValueError(f"bibliography entry {key!r} has no doi, arXiv eprint or url")


def check() -> list[str]:
    """Problems found in the bibliography (an empty list when it is sound)."""
    problems = []
    for key, entry in entries().items():
        f = entry.fields
        for field in ("title", "year"):
            if field not in f:
                problems.append(f"{key}: no {field}")
        if not entry.persons.get("author") and not entry.persons.get("editor"):
            problems.append(f"{key}: no author")
        if "doi" in f and not DOI.match(f["doi"]):
            problems.append(f"{key}: malformed doi {f['doi']!r}")
        if "eprint" in f and not ARXIV.match(f["eprint"]):
            problems.append(f"{key}: malformed arXiv id {f['eprint']!r}")
        if "url" in f and not URL.match(f["url"]):
            problems.append(f"{key}: malformed url {f['url']!r}")
        try:
            link(key)
        except ValueError as err:
            problems.append(str(err))
    return problems


def _plain(text: str) -> str:
    import codecs

    import latexcodec  # noqa: F401  (registers the "ulatex" codec; a pybtex dependency)

    return re.sub(r"[{}]", "", codecs.decode(text.replace("--", "–"), "ulatex"))


def _person(p) -> str:
    first = " ".join("-".join(part[0] + "." for part in n.split("-"))
                     for n in p.first_names + p.middle_names if n)
    last = " ".join(p.prelast_names + p.last_names)
    return _plain(f"{last}, {first}".strip(", "))


def cite(key: str) -> str:
    """One reference, formatted in Markdown: authors (year). Title. Venue. Link."""
    entry = entries()[key]
    f = entry.fields
    people = [_person(p) for p in entry.persons.get("author", [])]
    authors = people[0] if len(people) == 1 else ", ".join(people[:-1]) + " & " + people[-1]
    venue = f.get("journal") or f.get("booktitle") or f.get("publisher") or f.get("institution", "")
    details = ""
    if "volume" in f:
        details += f" {f['volume']}"
        if "number" in f:
            details += f"({f['number']})"
    if "pages" in f:
        details += f", {_plain(f['pages'])}" if details else f", pp. {_plain(f['pages'])}"
    label, url = link(key)
    venue_part = f" *{_plain(venue)}*{details}." if venue else ""
    title = _plain(f["title"])
    title += "" if title[-1] in ".?!" else "."
    return f"{authors} ({f['year']}). {title}{venue_part} [{label}]({url})"


def short(key: str) -> str:
    """Author-year label: "Clevert et al. (2015)", "Nair & Hinton (2010)"."""
    entry = entries()[key]
    last = [_plain(" ".join(p.prelast_names + p.last_names)) for p in entry.persons.get("author", [])]
    who = last[0] if len(last) == 1 else " & ".join(last) if len(last) == 2 else f"{last[0]} et al."
    return f"{who} ({entry.fields['year']})"
