"""The translation catalogues (``<lang>.po``) and the Chinese term list (``terms.yml``).

    python -m refimpl.locale update [--lang zh]

collects every string the generators pass through `refimpl.i18n._` (by running them: the tables,
the page manifest, every figure's alt text and drawing) and merges them into ``<lang>.po`` with
Babel, as gettext's msgmerge would: a new string is added untranslated; a string whose English
changed a little keeps its old translation marked *fuzzy* (rendered in English until a translator
checks it); a string no generator uses any more becomes obsolete (kept at the end, commented out).
"""
