"""The search index's spelling variants (scripts/search_variants.py): the groups come from the term
list, and a variant goes where the word is. The browser tests (test_browser.py) check that a reader
who types one finds the page."""

import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import search_variants  # noqa: E402

GROUPS = [("initialisation", "initialization"), ("zero-centred", "zero-centered"),
          ("rectified linear unit", "rectifier")]


def doc(location, title, text):
    return {"location": location, "title": title, "text": text}


def test_groups_are_the_term_lists_english_variants():
    terms = yaml.safe_load((ROOT / "refimpl" / "locale" / "terms.yml").read_text(encoding="utf-8"))
    by_en = {t["en"]: t for t in terms}
    groups = search_variants.groups()
    assert ("initialisation", "initialization") in groups
    for group in groups:
        assert list(group[1:]) == by_en[group[0]]["en_variants"]


def test_a_word_in_the_title_puts_its_variant_in_the_title_only():
    out = search_variants.with_variants(doc("glossary/#initialisation", "Initialisation",
                                            "<p>The random choice of starting weights.</p>"), GROUPS)
    assert out["title"] == "Initialisation · initialization"
    assert out["text"] == "<p>The random choice of starting weights.</p>"


def test_a_word_in_the_text_only_puts_its_variant_in_the_text():
    out = search_variants.with_variants(doc("guides/x/#y", "Gradients", "<p>At initialisation.</p>"), GROUPS)
    assert out["title"] == "Gradients"
    assert out["text"] == "<p>At initialisation.</p> initialization"


def test_either_spelling_and_hyphen_or_space_match_and_nothing_is_added_twice():
    out = search_variants.with_variants(doc("a/#b", "T", "zero centered and zero-centred"), GROUPS)
    assert out["text"] == "zero centered and zero-centred"
    out = search_variants.with_variants(doc("a/#b", "T", "Initialization"), GROUPS)
    assert out["text"] == "Initialization initialisation"


def test_a_word_inside_another_is_not_a_match():
    out = search_variants.with_variants(doc("a/#b", "T", "reinitialisation, initialisations"), GROUPS)
    assert out["text"] == "reinitialisation, initialisations"


def test_a_pages_other_names_count_as_its_title_in_both_editions():
    en = doc("activations/relu/", "ReLU", "<p>The rectified linear unit.</p> <p>Also known as: rectifier</p>")
    assert search_variants.with_variants(en, GROUPS)["title"] == "ReLU · rectified linear unit · rectifier"
    zh = doc("activations/relu/", "ReLU", "<p>\u200b又称\u200b： \u200b整流函数\u200b（rectifier）</p>")
    assert search_variants.with_variants(zh, GROUPS)["title"] == "ReLU · rectified linear unit · rectifier"
    # a section's text is not its title, even when it names the page
    section = doc("activations/relu/#history", "History", "<p>Also known as: rectifier</p>")
    assert search_variants.with_variants(section, GROUPS)["title"] == "History"


def test_the_built_index_holds_the_variants(built_site):
    for edition in ("", "zh/"):
        index = json.loads((built_site / edition / "search" / "search_index.json").read_text(encoding="utf-8"))
        titles = {d["location"]: d["title"] for d in index["docs"]}
        assert titles["glossary/#initialisation"].endswith("· initialization"), edition
