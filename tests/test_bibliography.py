"""The bibliography parses, every entry has a well-formed stable identifier, and origins exist."""

import pytest

import refimpl
from refimpl import bibliography


def test_bibliography_is_sound():
    assert bibliography.check() == []


def test_every_origin_key_exists():
    keys = set(bibliography.entries())
    for name in refimpl.names():
        missing = set(refimpl.get(name).origin) - keys
        assert not missing, f"{name}: origin keys not in references.bib: {missing}"


@pytest.mark.parametrize("bad, field", [("10.1000", "doi"), ("1502.1852x", "eprint"),
                                        ("http://example.org/x", "url")])
def test_malformed_identifiers_are_caught(bad, field, monkeypatch):
    from pybtex.database import Entry, Person

    fake = Entry("article", fields={"title": "T", "year": "2000", field: bad,
                                    "archiveprefix": "arXiv"})
    fake.persons["author"] = [Person("Doe, Jane")]
    monkeypatch.setattr(bibliography, "entries", lambda: {"doe2000t": fake})
    assert any(field.replace("eprint", "arXiv id") in p for p in bibliography.check())


def test_citation_format():
    text = bibliography.cite("lecun1998efficient")
    assert text.startswith("LeCun, Y., Bottou, L., Orr, G. B. & Müller, K.-R. (1998). Efficient BackProp.")
    assert "[doi:10.1007/3-540-49430-8_2](https://doi.org/10.1007/3-540-49430-8_2)" in text


def test_year_is_the_earliest_origin_and_none_without_one():
    # relu cites Nair & Hinton (2010) and Glorot et al. (2011); silu three papers of 2016-2017
    assert refimpl.relu.year == 2010
    assert refimpl.silu.year == 2016
    undated = sorted(n for n in refimpl.names() if refimpl.get(n).year is None)
    assert undated == sorted(n for n in refimpl.names() if not refimpl.get(n).origin)
    assert "identity" in undated
