"""The "Cite this page" box (scripts/citation.py): BibTeX and APA from a CITATION.cff record.

The record here is made up (two authors, another version, date and licence), so each expected
string below is what BibTeX and APA 7 say for it, not a copy of the project's own file.
"""

import html as htmllib
import re

import markdown
import pytest
from pybtex.database import parse_string

from scripts import citation

RECORD = {"title": "A Site: of Tests", "version": "2.0.1", "date-released": "2031-03-04",
          "license": "MIT", "authors": [{"name": "Ada Org"}, {"name": "Bo Team"}]}
URL = "https://example.org/base/activations/relu6/"


@pytest.fixture(autouse=True)
def record(monkeypatch):
    monkeypatch.setattr(citation, "cff", lambda: RECORD)
    return RECORD


def test_bibtex_is_one_misc_entry_that_bibtex_reads_back():
    data = parse_string(citation.bibtex("ReLU6 and ReLU", URL), "bibtex")
    (key,) = data.entries
    entry = data.entries[key]
    assert key == "afref2031_relu6"  # year of release, then the page's last path segment
    assert entry.type == "misc"
    assert entry.fields["title"] == "{ReLU6 and ReLU}"  # braced: BibTeX styles keep its capitals
    assert entry.fields["year"] == "2031"
    assert entry.fields["url"] == URL
    assert entry.fields["howpublished"] == "In: A Site: of Tests, version 2.0.1"
    assert entry.fields["note"] == "Licence MIT"
    # each group author braced whole, or BibTeX would read "Org, Ada" and "Team, Bo"
    assert [str(p) for p in entry.persons["author"]] == ["{Ada Org}", "{Bo Team}"]


@pytest.mark.parametrize("url, key", [
    ("https://example.org/base/guides/choosing-an-activation/", "afref2031_choosing_an_activation"),
    ("https://example.org/base/activations/leaky_relu/", "afref2031_leaky_relu"),
    ("https://example.org/base/notebooks/saturation.ipynb", "afref2031_saturation_ipynb"),
])
def test_bibtex_key_is_the_slug_with_only_letters_digits_and_underscores(url, key):
    assert key in citation.bibtex("T", url).splitlines()[0]


def test_the_home_page_key_is_home():
    site = "https://example.org/base/"
    assert citation.bibtex("Home", site, site).startswith("@misc{afref2031_home,")
    assert citation.bibtex("ReLU", site + "activations/relu/", site).startswith("@misc{afref2031_relu,")


def test_gbt7714_reference_cites_the_page_with_its_access_date(record):
    # GB/T 7714-2015 §4.2 / 8.8: Author. Title[EB/OL]. Container, (issued)[accessed]. URL.
    text = citation.gbt7714("ReLU6 and ReLU", URL, accessed=(2031, 5, 6))
    assert "ReLU6 and ReLU[EB/OL]" in text
    assert "(2031-03-04)[2031-05-06]" in text and URL in text and "ADA ORG" in text.upper()


def test_apa_reference_for_two_group_authors():
    # APA 7, web page: Author, & Author. (Year, Month Day). Title. Site name. URL
    assert citation.apa("ReLU6 and ReLU", URL) == (
        "Ada Org, & Bo Team. (2031, March 4). ReLU6 and ReLU. "
        "A Site: Of Tests (version 2.0.1). https://example.org/base/activations/relu6/")


def test_apa_lists_three_authors_with_a_final_ampersand(record, monkeypatch):
    three = {**record, "authors": record["authors"] + [{"name": "Cy Group"}]}
    monkeypatch.setattr(citation, "cff", lambda: three)
    assert citation.apa("P", URL).startswith("Ada Org, Bo Team, & Cy Group. (2031, March 4). P. ")


def test_a_new_release_changes_both_citations(record, monkeypatch):
    before = citation.bibtex("P", URL), citation.apa("P", URL)
    monkeypatch.setattr(citation, "cff", lambda: {**record, "version": "2.1.0",
                                                  "date-released": "2032-01-15"})
    bib, apa = citation.bibtex("P", URL), citation.apa("P", URL)
    assert "version 2.1.0" in bib and 'year = "2032"' in bib and bib != before[0]
    assert "(2032, January 15)" in apa and "(version 2.1.0)" in apa and apa != before[1]


def test_box_is_a_collapsed_admonition_with_bibtex_and_apa_tabs(monkeypatch):
    monkeypatch.setattr(citation, "_cached", lambda title, url, site_url="": (
        "@misc{k,\n    title = \"{T}\"\n}", "Ada Org. (2031). T. https://example.org/",
        "ADA ORG. T[EB/OL]. (2031-01-01)[2031-02-02]. https://example.org/."))
    md = citation.box("T", URL)
    assert not any(line != line.rstrip() for line in md.splitlines()), "trailing whitespace"
    html = markdown.markdown(md, extensions=["admonition", "pymdownx.details", "pymdownx.superfences",
                                             "pymdownx.tabbed"])
    assert html.startswith('<details class="quote">\n<summary>Cite this page</summary>')
    assert "<label" in html and ">BibTeX</label>" in html and ">APA</label>" in html
    # the BibTeX is a code block, whole (its text, once the highlighting's spans are gone); the
    # APA is a paragraph
    (code,) = re.findall(r"<pre>(.*?)</pre>", html, re.DOTALL)
    assert htmllib.unescape(re.sub(r"<[^>]+>", "", code)) == '@misc{k,\n    title = "{T}"\n}\n'
    assert "<p>Ada Org. (2031). T. https://example.org/</p>" in html
    assert "GB/T" not in html, "GB/T 7714 is for the Chinese edition"
    zh = markdown.markdown(citation.box("T", URL, "引用本页", lang="zh"),
                           extensions=["admonition", "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed"])
    assert "<summary>引用本页</summary>" in zh and ">GB/T 7714-2015</label>" in zh and "[EB/OL]" in zh
