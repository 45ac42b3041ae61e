"""The Chinese edition is the English one in Chinese: the same pages, the same skeleton, the
chosen terms. Structural drift fails; a stale translation (its English source changed since) is
listed at the end of the run (tests/conftest.py), never failed: the build shows it with a notice.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import edition  # noqa: E402

ENGLISH = edition.english_sources()
TERMS = edition.terms()


def _id(path: Path) -> str:
    return str(path.relative_to(ROOT / "docs"))


def test_every_english_page_and_notebook_has_a_chinese_one_and_no_other():
    missing = [_id(p) for p in ENGLISH if not edition.zh_path(p).is_file()]
    assert not missing, f"no Chinese page for: {missing}"
    orphans = [_id(p) for p in (ROOT / "docs").rglob("*.zh.*") if edition.english_path(p) not in ENGLISH]
    assert not orphans, f"Chinese pages without an English source: {orphans}"


@pytest.mark.parametrize("english", ENGLISH, ids=_id)
def test_the_chinese_page_keeps_the_skeleton_of_the_english_one(english):
    # headings and their ids, code without comments, expected outputs, math, snippets, links,
    # references, and every number of the English prose (scripts/edition.py)
    zh = edition.zh_path(english)
    assert edition.differences(zh) == [], f"{_id(zh)} departs from {_id(english)}:\n" + "\n".join(edition.differences(zh))


@pytest.mark.parametrize("english", ENGLISH, ids=_id)
def test_the_chinese_page_records_which_english_text_it_translates(english):
    zh = edition.zh_path(english)
    recorded = edition.recorded_hash(zh)
    assert recorded and len(recorded) == 16, f"{_id(zh)}: no translation_of (run scripts/edition.py stamp)"


def test_a_changed_english_page_makes_its_translation_stale_not_different(tmp_path):
    docs = tmp_path / "docs"
    (docs / "notebooks").mkdir(parents=True)
    en, zh = docs / "a.md", docs / "a.zh.md"
    en.write_text("# A\n\n## Part {#part}\n\nIt is 0.25.\n")
    zh.write_text("# 甲\n\n## 部分 {#part}\n\n它是 0.25。\n")
    edition.stamp(zh)
    assert edition.stale(docs) == [] and edition.differences(zh) == []
    en.write_text("# A\n\n## Part {#part}\n\nIt is 0.25, exactly.\n")
    assert edition.stale(docs) == [zh] and edition.differences(zh) == []
    en.write_text("# A\n\n## Part {#part}\n\nIt is 0.5.\n")
    assert any("0.5" in d for d in edition.differences(zh))


def test_the_skeleton_check_sees_a_changed_formula_code_line_heading_id_and_link():
    page = ("# T\n\n## Definition {#definition}\n\nSee [step](step.md) and $x^2$.\n\n$$\nf(x) = x\n$$\n\n"
            "```pycon\n>>> 1 + 1  # two\n2\n```\n")
    same = page.replace("See [step]", "见[阶跃](step.md) 与").replace("(step.md) and", "").replace("# two", "# 二")
    assert edition.skeleton(page) == edition.skeleton(same)
    for a, b in [("f(x) = x", "f(x) = 2x"), (">>> 1 + 1", ">>> 1 + 2"), ("{#definition}", "{#defn}"),
                 ("(step.md)", "(relu.md)"), ("$x^2$", "$x^3$"), ("\n2\n```", "\n3\n```")]:
        assert edition.skeleton(page) != edition.skeleton(page.replace(a, b)), (a, b)


@pytest.mark.parametrize("english", ENGLISH, ids=_id)
def test_the_chinese_page_uses_the_chosen_terms(english):
    zh = edition.zh_path(english)
    if english.name == "glossary.md":  # the glossary lists the variants, so that search finds them
        return
    uses = edition.variant_uses(zh.read_text(encoding="utf-8"), TERMS, notebook=zh.suffix == ".py")
    assert not uses, f"{_id(zh)} uses a variant the term list (refimpl/locale/terms.yml) did not choose: {uses}"


@pytest.mark.parametrize("english", ENGLISH, ids=_id)
def test_a_terms_first_use_on_a_chinese_page_gives_its_english(english):
    zh = edition.zh_path(english)
    missing = edition.first_uses_without_english(zh.read_text(encoding="utf-8"), TERMS, notebook=zh.suffix == ".py")
    assert not missing, (f"{_id(zh)}: write these first uses 中文（English） "
                         f"(scripts/edition.py's annotate_first_uses can): {missing}")


LIST = [{"en": "gradient descent", "zh": "梯度下降"}, {"en": "gradient", "zh": "梯度"},
        {"en": "kink", "zh": "折点", "homonyms": ["转折点"]}, {"en": "unit in the last place", "zh": "末位单位"}]


def test_a_first_use_is_written_chinese_then_english_once():
    page = "梯度下降很常见。\n\n这里再说梯度下降（gradient descent）和梯度。\n"
    assert edition.first_uses_without_english(page, LIST) == ["梯度下降（gradient descent）", "梯度（gradient）"]
    fixed = edition.annotate_first_uses(page, LIST)
    assert fixed == "梯度下降（gradient descent）很常见。\n\n这里再说梯度下降和梯度（gradient）。\n"
    assert edition.first_uses_without_english(fixed, LIST) == []


def test_a_first_use_may_be_a_link_or_explained_and_never_counts_inside_our_translation_or_a_homonym():
    page = ("“descent”（本站译：下降（见梯度下降））。每个转折点都重要。[梯度](g.md)（gradient）的"
            "ulp（末位单位，unit in the last place）。\n")
    assert edition.quoted_translations(page) == [(page.index("（本站译"), page.index("。每个"))]
    assert edition.first_uses_without_english(page, LIST) == []  # no use of 梯度下降 or 折点 outside
    assert edition.annotate_first_uses(page, LIST) == page


def test_the_term_list_decides_each_term_once():
    english = [t["en"] for t in TERMS]
    assert len(english) == len(set(english)), "a term is listed twice"
    chosen = {t["zh"] for t in TERMS}
    for t in TERMS:
        assert not set(t.get("variants", [])) & chosen, f"{t['en']}: a variant is another term's choice"
    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    for t in TERMS:
        if t.get("glossary"):
            assert f"{{#{t['glossary']}}}" in glossary, f"{t['en']}: no glossary entry #{t['glossary']}"


def test_the_chinese_nav_is_the_english_nav():
    def targets(nav):
        out = []
        for item in nav:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            out += targets(value) if isinstance(value, list) else [value]
        return out

    def nav(config):
        from mkdocs.utils.yaml import yaml_load

        return yaml_load((ROOT / config).read_text(encoding="utf-8"))["nav"]

    assert targets(nav("mkdocs.zh.yml")) == targets(nav("mkdocs.yml"))


def test_the_search_dictionary_keeps_terms_whole():
    import edition_hooks
    import jieba

    words = edition_hooks.jieba_user_dictionary().splitlines()
    assert "梯度消失 100000" in words and "批标准化 100000" in words
    import io

    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(io.BytesIO(("\n".join(words) + "\n").encode("utf-8")))
    assert "梯度消失" in tokenizer.lcut("深层网络的梯度消失问题")
    assert "批标准化" in tokenizer.lcut("批标准化放在激活函数之前")


def test_every_generated_string_has_a_translation_or_is_listed():
    # The pages stage renders the catalogue's strings; what it lacks is listed (printed at the end
    # of the run by tests/conftest.py), and the catalogue stays a valid PO file that keeps every
    # placeholder, code span, formula and number of its English.
    from refimpl.locale.__main__ import problems

    assert problems("zh") == []
    with open(ROOT / "refimpl" / "locale" / "terms.yml", encoding="utf-8") as f:
        assert yaml.safe_load(f)
