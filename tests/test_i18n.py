"""The translation function: English passes through, another language reads its catalogue and
refuses to fall back silently."""

import pytest

from refimpl.i18n import _, add_catalogue, current, language


def test_a_catalogue_translates_inside_its_language_only():
    add_catalogue("xx", {"Range": "RANGE", "At {x}.": "AT {x}."})
    with language("xx"):
        assert current() == "xx"
        assert _("Range") == "RANGE"
        assert _("At {x}.").format(x=1) == "AT 1."
    assert _("Range") == "Range" and current() == "en"


def test_a_missing_translation_is_an_error_not_english():
    add_catalogue("xx", {})
    with language("xx"), pytest.raises(LookupError, match="'Range' has no xx translation"):
        _("Range")
    with language("yy"), pytest.raises(LookupError, match="no catalogue for language 'yy'"):
        _("Range")
