"""The glossary linker (scripts/glossary_links.py): the first use of a term in running text links
to its entry; protected spans are left as they are.

Each protected case puts the term inside the span first and in running text after it: the link
must land on the second use, so a span the linker failed to protect would take the link instead.
"""

import pytest

from scripts.glossary_links import link_first_uses

LINK = "[saturation](/glossary.md#saturation)"


def link(markdown: str, uri: str = "activations/relu.md") -> str:
    return link_first_uses(markdown, uri)


def test_first_use_links_and_later_uses_do_not():
    assert link("saturation here, saturation there.\n") == f"{LINK} here, saturation there.\n"


def test_one_link_per_entry_whatever_the_spelling():
    # "saturates" and "saturation" are one glossary entry
    assert link("It saturates; saturation is slow.\n") == \
        "It [saturates](/glossary.md#saturation); saturation is slow.\n"


def test_case_is_kept_and_matching_ignores_it():
    assert link("Saturation first.\n") == "[Saturation](/glossary.md#saturation) first.\n"


def test_the_longest_spelling_wins():
    assert link("a vector-Jacobian product\n") == \
        "a [vector-Jacobian product](/glossary.md#vector-jacobian-product)\n"


@pytest.mark.parametrize("text", ["ulps", "non-saturation", "saturation-free", "desaturation"])
def test_only_whole_words(text):
    assert link(f"{text} and saturation\n") == f"{text} and {LINK}\n"


@pytest.mark.parametrize("uri", ["glossary.md", "conventions.md", "notebooks/saturation.py"])
def test_pages_left_alone(uri):
    assert link("saturation\n", uri) == "saturation\n"


# -- protected spans inside a line ------------------------------------------------------------------
@pytest.mark.parametrize("span", [
    "`saturation`",                                  # inline code
    "``a `saturation` b``",                          # inline code with a backtick inside
    "$f'(x) \\to 0 \\text{ saturation}$",           # inline math, dollars
    "\\(\\text{saturation}\\)",                      # inline math, \( \)
    "[the saturation page](saturation.md)",          # a link's text and target
    "![saturation curve](figures/saturation.svg)",  # an image
    "[saturation]",                                  # a reference-style link or footnote label
    '<abbr title="saturation">sat.</abbr>',          # an HTML attribute
    "https://example.org/saturation",               # a bare URL
    '{ title="saturation" }',                        # an attribute list
])
def test_spans_inside_a_line_are_not_touched(span):
    # (not at the start of the line: a line that starts with a tag is an HTML block, below)
    assert link(f"A {span} then saturation.\n") == f"A {span} then {LINK}.\n"


# -- protected lines and blocks ----------------------------------------------------------------------
@pytest.mark.parametrize("block", [
    "```python\nsaturation = 1\n```\n",                          # fenced code
    "~~~\nsaturation\n~~~\n",                                  # fenced code, tildes
    "````markdown\n```\nsaturation\n```\nsaturation\n````\n",  # a fence inside a longer one
    "$$\n\\text{saturation}\n$$\n",                             # display math
    "$$ \\text{saturation} $$\n",                              # display math on one line
    "## Saturation\n",                                           # a heading
    '--8<-- "tables/saturation.md"\n',                         # a snippet line
    '<div class="saturation">\n',                              # an HTML block line
    '!!! note "Saturation"\n',                                   # an admonition's title
    '??? quote "Saturation"\n',                                  # a collapsible one
    '=== "Saturation"\n',                                        # a content tab's label
])
def test_protected_blocks_are_not_touched(block):
    assert link(block + "\nthen saturation.\n") == block + f"\nthen {LINK}.\n"


def test_text_after_a_fence_or_display_math_is_running_text_again():
    md = "```\ncode\n```\n$$\nx\n$$\nsaturation\n"
    assert link(md) == f"```\ncode\n```\n$$\nx\n$$\n{LINK}\n"


def test_indented_text_inside_an_admonition_is_running_text():
    assert link('!!! note\n\n    saturation\n') == f'!!! note\n\n    {LINK}\n'
