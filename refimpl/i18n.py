"""Translation of generated text: every string a generator writes for a reader goes through `_`.

    from refimpl.i18n import _
    _("No parameters.")                              # a fixed string
    _("Checked against {versions}.").format(...)     # translate the template, then fill it in

English is the source language. Another language's catalogue is a gettext PO file,
``refimpl/locale/<lang>.po`` (msgid: the English text; msgstr: its translation), read with Babel
the first time that language is used; the generators render in it under ``with language("zh"):``.

A string the catalogue lacks, or holds only as *fuzzy* (its English changed since it was
translated: ``python -m refimpl.locale update`` marks it so), is rendered in English and recorded
in `untranslated()`: the pages stage writes that list beside its output and ``make test`` prints
it. It never passes silently, and it never stops a build.
"""

from __future__ import annotations

import contextlib
import contextvars
from pathlib import Path
from typing import Iterator

SOURCE_LANGUAGE = "en"
LOCALE = Path(__file__).with_name("locale")
_language = contextvars.ContextVar("language", default=SOURCE_LANGUAGE)
_catalogues: dict[str, dict[str, str]] = {}
_untranslated: dict[str, set[str]] = {}
_requested: set[str] | None = None  # msgids asked for, while `requesting()` is active


def _(text: str) -> str:
    """`text` in the current language: the catalogue's translation, or `text` itself in English.

    >>> _("Parameter")
    'Parameter'
    """
    if _requested is not None:
        _requested.add(text)
    lang = _language.get()
    if lang == SOURCE_LANGUAGE:
        return text
    translated = catalogue(lang).get(text)
    if not translated:
        _untranslated.setdefault(lang, set()).add(text)
        return text
    return translated


def catalogue(lang: str) -> dict[str, str]:
    """The translations of `lang` (msgid -> msgstr), without fuzzy or empty ones."""
    if lang not in _catalogues:
        path = LOCALE / f"{lang}.po"
        if not path.is_file():
            raise LookupError(f"refimpl.i18n: no catalogue for language {lang!r} (no {path})")
        _catalogues[lang] = read_po(path)
    return _catalogues[lang]


def read_po(path: Path) -> dict[str, str]:
    from babel.messages.pofile import read_po as babel_read_po

    with open(path, "rb") as f:
        po = babel_read_po(f)
    return {m.id: m.string for m in po if m.id and m.string and not m.fuzzy}


def add_catalogue(lang: str, catalogue: dict[str, str]) -> None:
    """Register the translations of one language (msgid -> msgstr), replacing its PO file."""
    _catalogues[lang] = dict(catalogue)


def untranslated(lang: str) -> list[str]:
    """The English strings rendered in `lang` without a translation since the process started."""
    return sorted(_untranslated.get(lang, ()))


@contextlib.contextmanager
def requesting() -> Iterator[set[str]]:
    """Collect every msgid `_` is asked for inside the block (to build the catalogue's template)."""
    global _requested
    outer, _requested = _requested, set()
    try:
        yield _requested
    finally:
        if outer is not None:
            outer |= _requested
        _requested = outer


@contextlib.contextmanager
def language(lang: str) -> Iterator[None]:
    """Render generated text in `lang` inside the block."""
    token = _language.set(lang)
    try:
        yield
    finally:
        _language.reset(token)


def current() -> str:
    """The language generated text is rendered in now."""
    return _language.get()
