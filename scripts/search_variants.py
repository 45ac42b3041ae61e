"""Spelling variants in the search index: a reader who types "initialization" finds the pages that
write "initialisation" (and the other way round), in both editions.

The site writes British spellings (STYLE.md); readers type either. The search engine stems words
(Porter, an American stemmer), which maps "initialization" and "initialisation" to different
stems, so the index must hold both. The variants come from the term list
(refimpl/locale/terms.yml): a term with ``en_variants`` makes one group, ``en`` and its variants.
After the search plugin has written its index, every entry (a page's section) that contains one
word of a group gets the others appended to its text; the pages themselves are not changed.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
TERMS = ROOT / "refimpl" / "locale" / "terms.yml"


@lru_cache(maxsize=1)
def groups(terms_file: Path = TERMS) -> tuple[tuple[str, ...], ...]:
    """Each term that has English variants, with them: ("zero-centred", "zero-centered")."""
    return tuple((term["en"], *term["en_variants"])
                 for term in yaml.safe_load(terms_file.read_text(encoding="utf-8"))
                 if term.get("en_variants"))


def _pattern(word: str) -> re.Pattern:
    # a hyphen or a space between the parts: "zero-centred" also matches "zero centred"
    parts = (re.escape(p) for p in re.split(r"[\s-]+", word))
    return re.compile(r"(?<![\w-])" + r"[\s-]+".join(parts) + r"(?![\w-])", re.IGNORECASE)


def missing(text: str, within: str, variant_groups=None) -> list[str]:
    """The words of every group that `text` mentions which `within` lacks.

    >>> missing("Keep inputs zero-centred.", "Keep inputs zero-centred.", [("zero-centred", "zero-centered")])
    ['zero-centered']
    >>> missing("No such word here.", "", [("zero-centred", "zero-centered")])
    []
    """
    out = []
    for group in groups() if variant_groups is None else variant_groups:
        if any(_pattern(w).search(text) for w in group):
            out += [w for w in group if not _pattern(w).search(within) and w not in out]
    return out


# The "Also known as" line of an activation page's opening, in either edition
ALIASES = re.compile(r"<p>(?:<em>)?\u200b?(?:Also known as:|又称\u200b?：)(?:</em>)?(.*?)</p>", re.DOTALL)


def with_variants(doc: dict, variant_groups=None) -> dict:
    """A search-index entry with the variants of the words it uses.

    The engine weighs a match in a title a thousand times one in the text, so a word's variant
    goes where the word is: into the title when the title has it (the results then show
    "Initialisation · initialization"), else into the text. For a page's first entry, the names
    of its "Also known as" line count as its title: ReLU, also known as rectifier, is listed as
    "ReLU · rectified linear unit · rectifier".

    >>> groups_ = [("initialisation", "initialization"), ("rectified linear unit", "rectifier")]
    >>> with_variants({"location": "g/#i", "title": "Initialisation", "text": "x"}, groups_)["title"]
    'Initialisation · initialization'
    >>> with_variants({"location": "g/#j", "title": "Other", "text": "at initialisation"}, groups_)["text"]
    'at initialisation initialization'
    >>> with_variants({"location": "a/relu/", "title": "ReLU",
    ...                "text": "<p>Also known as: rectifier</p>"}, groups_)["title"]
    'ReLU · rectified linear unit · rectifier'
    """
    title, text = doc["title"], doc["text"]
    names = title
    if "#" not in doc["location"] and (line := ALIASES.search(text)):
        names += "\n" + line.group(1)
    title_words = missing(names, title, variant_groups)
    text_words = [] if title_words else missing(text, text, variant_groups)
    return dict(doc, title=" · ".join([title, *title_words]),
                text=" ".join([text, *text_words]))


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config, **kwargs) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    index["docs"] = [with_variants(doc) for doc in index["docs"]]
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
