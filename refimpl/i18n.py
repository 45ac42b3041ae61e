"""Translation of generated text: every string a generator writes for a reader goes through `_`.

    from refimpl.i18n import _
    _("No parameters.")                              # a fixed string
    _("Checked against {versions}.").format(...)     # translate the template, then fill it in

English is the source language. A later edition adds a catalogue (msgid -> msgstr) for its
language and renders under ``with language("zh"):``; the generators do not change.
"""

from __future__ import annotations

import contextlib
import contextvars
from typing import Iterator

SOURCE_LANGUAGE = "en"
_language = contextvars.ContextVar("language", default=SOURCE_LANGUAGE)
_catalogues: dict[str, dict[str, str]] = {}


def _(text: str) -> str:
    """`text` in the current language: the catalogue's translation, or `text` itself in English.

    >>> _("Parameter")
    'Parameter'
    """
    lang = _language.get()
    if lang == SOURCE_LANGUAGE:
        return text
    catalogue = _catalogues.get(lang)
    if catalogue is None:
        raise LookupError(f"refimpl.i18n: no catalogue for language {lang!r}")
    if text not in catalogue:
        raise LookupError(f"refimpl.i18n: {text!r} has no {lang} translation")
    return catalogue[text]


def add_catalogue(lang: str, catalogue: dict[str, str]) -> None:
    """Register the translations of one language (msgid -> msgstr)."""
    _catalogues[lang] = dict(catalogue)


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
