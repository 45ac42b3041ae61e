"""The Chinese edition: mkdocs.zh.yml builds the site again at /zh/ from the *.zh.md pages.

- Every page and notebook of the English edition is read from its Chinese source beside it
  (``docs/x.md`` → ``docs/x.zh.md``, ``docs/notebooks/n.py`` → ``n.zh.py``; scripts/edition.py).
  The file keeps the English name (``src_uri``), so nav entries, links and URLs are the same in
  both editions; only the file it is read from changes. A page with no Chinese source fails the
  build, naming it: nothing falls back to English.
- A Chinese page whose English source changed since it was translated (its ``translation_of`` is
  not the English file's hash) shows a notice at its top, linking to the English page.
- The search plugin's jieba user dictionary is written from the term list, so that terms such as
  梯度消失 stay whole in the index.
- One 404 page serves both editions (static hosts serve one, at the root): the Chinese build
  writes none.

The English build (mkdocs.yml) passes through untouched, apart from the 404 page's second language.
"""

from __future__ import annotations

import html
import os
import re
import sys
from pathlib import Path

import yaml
from markdown.extensions.toc import slugify
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import edition  # noqa: E402

GENERATED = Path(os.environ.get("REFIMPL_GENERATED") or ROOT / "build" / "generated")
TERMS = ROOT / "refimpl" / "locale" / "terms.yml"
STALE_NOTICE = ('<div class="admonition warning stale-translation" lang="zh">'
                '<p class="admonition-title">英文原文已更新</p>'
                '<p>本页译自较早的英文版本，英文原文此后有改动。以<a href="{href}" hreflang="en">英文页面</a>为准。</p>'
                '</div>\n')


def of(config) -> str:
    """The edition a config builds: "en" (mkdocs.yml) or "zh" (mkdocs.zh.yml)."""
    return config.extra.get("edition", "en")


def jieba_user_dictionary(terms_file: Path = TERMS) -> str:
    """jieba's user dictionary (one "word frequency" per line) from the term list: every Chinese
    term and variant, so that segmentation keeps it whole."""
    words = []
    for term in yaml.safe_load(terms_file.read_text(encoding="utf-8")):
        for word in [term["zh"], *term.get("variants", [])]:
            word = word.replace(" ", "")
            if any("\u4e00" <= c <= "\u9fff" for c in word) and word not in words:
                words.append(word)
    # A frequency high enough that jieba prefers the whole word to its parts.
    return "".join(f"{w} 100000\n" for w in words)


@event_priority(100)  # before the search plugin loads the dictionary in its own on_config
def on_config(config, **kwargs):
    if of(config) != "zh":
        return config
    path = GENERATED / "zh" / "jieba-user.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = jieba_user_dictionary()
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    search = config.plugins.get("material/search") or config.plugins["search"]  # Material's, by its name
    search.config.jieba_dict_user = str(path)
    return config


@event_priority(100)  # before mkdocs-jupyter wraps the notebooks, so that it reads the Chinese source
def on_files(files: Files, config, **kwargs) -> Files:
    if of(config) != "zh":
        return files
    missing = []
    for file in files:
        if file.abs_src_path is None or file.generated_by is not None:
            continue
        if Path(file.src_uri).stem.endswith(edition.ZH_SUFFIX):  # a source, never a page of its own
            continue
        source = Path(file.abs_src_path)
        if not source.is_relative_to(Path(config.docs_dir)):
            continue
        is_notebook = source.suffix == ".py" and source.parent.name == "notebooks"
        if source.suffix != ".md" and not is_notebook:
            continue
        zh = edition.zh_path(source)
        if zh.is_file():
            file.abs_src_path = str(zh)
        else:
            missing.append(str(zh.relative_to(ROOT)))
    if missing:
        raise PluginError("The Chinese edition has no page for these English pages (translate them, "
                          "or the English would be shown as Chinese):\n  " + "\n  ".join(sorted(missing)))
    return files


H1 = re.compile(r"^# (?P<title>[^\n]*?)[ \t]*$", re.M)


def on_page_markdown(markdown: str, page, config, files, **kwargs) -> str:
    """Give a Chinese page's title the English title's id. Without it the id is slugified from
    the ASCII left in the Chinese title ("Heaviside 阶跃函数" → ``heaviside``), which can clash
    with an alias anchor and differs between editions."""
    if of(config) != "zh" or page.file.abs_src_path is None:
        return markdown
    title = H1.search(markdown.split("```")[0])  # never a comment line in a code block
    if title is None or "{#" in title["title"]:
        return markdown
    source = Path(config.docs_dir) / page.file.src_uri
    if source.suffix != ".md" or not source.is_file():
        return markdown
    english = H1.search(source.read_text(encoding="utf-8").split("```")[0])
    if english is None or "{#" in english["title"]:
        return markdown
    anchor = slugify(english["title"], "-")
    return markdown[:title.end()] + f" {{#{anchor}}}" + markdown[title.end():]


def english_url(page) -> str:
    """The page's address in the English edition, relative to the page itself in this one."""
    return "../" * (page.url.count("/") + 1) + page.url


def on_page_content(content: str, page, config, files, **kwargs) -> str:
    if of(config) != "zh" or page.file.abs_src_path is None:
        return content
    source = Path(page.file.abs_src_path)
    if source.suffix == ".ipynb":  # the executed copy of a notebook: its source is the .zh.py
        source = Path(config.docs_dir) / page.file.src_uri
        source = edition.zh_path(source)
    if not source.stem.endswith(edition.ZH_SUFFIX) or not edition.is_stale(source):
        return content
    notice = STALE_NOTICE.format(href=html.escape(english_url(page)))
    head, sep, rest = content.partition("</h1>")
    return head + sep + "\n" + notice + rest if sep else notice + content


def on_post_build(config, **kwargs) -> None:
    if of(config) == "zh":
        Path(config.site_dir, "404.html").unlink(missing_ok=True)
