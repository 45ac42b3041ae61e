"""The translation function: English passes through, another language reads its catalogue and
records every string it has no translation for."""

import pytest

from refimpl.i18n import _, add_catalogue, current, language, untranslated


def test_a_catalogue_translates_inside_its_language_only():
    add_catalogue("xx", {"Range": "RANGE", "At {x}.": "AT {x}."})
    with language("xx"):
        assert current() == "xx"
        assert _("Range") == "RANGE"
        assert _("At {x}.").format(x=1) == "AT 1."
    assert _("Range") == "Range" and current() == "en"


def test_a_missing_translation_is_rendered_in_english_and_recorded_never_silently():
    add_catalogue("xx", {"Range": ""})
    with language("xx"):
        assert _("Range") == "Range" and _("Domain") == "Domain"
    assert {"Range", "Domain"} <= set(untranslated("xx"))
    with language("yy"), pytest.raises(LookupError, match="no catalogue for language 'yy'"):
        _("Range")
