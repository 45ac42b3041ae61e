"""The two editions, one source: what a Chinese page must keep of its English original.

A Chinese page sits beside its English source: ``docs/x.md`` → ``docs/x.zh.md`` (a notebook,
``docs/notebooks/n.py`` → ``n.zh.py``). Translated: prose, headings' titles, comments in code,
link texts, alt texts. Kept, and compared here (`skeleton`): the headings' levels and explicit
ids, code blocks with their comments removed and their expected outputs, display math, inline
math (as a multiset), snippet includes, figure and link targets, the front matter's references,
and every number written in the English prose.

Each Chinese page records which English text it translates: ``translation_of`` in its front
matter is `source_hash` of the English file. When the English file changes, the Chinese page is
*stale* (the build shows a notice on it; `make test` lists it). Structural drift fails the tests.

    python scripts/edition.py check docs/activations/relu.zh.md   # what differs from relu.md
    python scripts/edition.py stamp docs/activations/relu.zh.md   # record the English hash
    python scripts/edition.py stale                               # every stale page
    python scripts/edition.py diff docs/activations/relu.zh.md    # what changed in the English since

Plain Python, no MkDocs and no refimpl: the MkDocs hooks and the tests both import it.
"""

from __future__ import annotations

import hashlib
import io
import re
import sys
import tokenize
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
ZH_SUFFIX = ".zh"
FRONT = re.compile(r"\A---\n(.*?\n)---\n", re.S)
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>`{3,}|~{3,})(?P<info>[^\n]*)$")
HEADING = re.compile(r"^(?P<level>#{1,6})[ \t]+(?P<title>.*?)(?:[ \t]+\{[ \t]*#(?P<id>[^\s}]+)[^}]*\})?[ \t]*$")
DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.S)
INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\$)((?:[^$\n]|\n(?![ \t]*\n))+?)(?<!\\)\$")  # may wrap a line
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
REF_DEF = re.compile(r"^\s*\[[^\]]+\]:\s*(?P<target>\S+)", re.M)
SNIPPET = re.compile(r"^[ \t]*-{1,}8<-{1,}[ \t]+\"?(?P<path>[^\"\n]+?)\"?[ \t]*$", re.M)
NUMBER = re.compile(r"(?<![\w.])[-−]?\d+(?:[.,]\d+)*(?:[eE][-+]?\d+)?")


def zh_path(english: Path) -> Path:
    """docs/a/b.md -> docs/a/b.zh.md; docs/notebooks/n.py -> docs/notebooks/n.zh.py."""
    return english.with_name(english.stem + ZH_SUFFIX + english.suffix)


def english_path(zh: Path) -> Path:
    if not zh.stem.endswith(ZH_SUFFIX):
        raise ValueError(f"{zh}: not a Chinese page (its name must end in {ZH_SUFFIX}{zh.suffix})")
    return zh.with_name(zh.stem[: -len(ZH_SUFFIX)] + zh.suffix)


def english_sources(docs: Path = DOCS) -> list[Path]:
    """Every English page and notebook source under docs/."""
    pages = [p for p in docs.rglob("*.md") if not p.stem.endswith(ZH_SUFFIX)]
    notebooks = [p for p in (docs / "notebooks").glob("*.py") if not p.stem.endswith(ZH_SUFFIX)]
    return sorted(pages + notebooks)


def source_hash(english: Path) -> str:
    """What a Chinese page records as ``translation_of``: the English file's sha256, 16 hex digits."""
    return hashlib.sha256(english.read_bytes()).hexdigest()[:16]


def front_matter(text: str) -> tuple[dict, str]:
    """(front matter, the rest). Only flat ``key: value`` and ``key: [a, b]`` lines are read."""
    m = FRONT.match(text)
    if not m:
        return {}, text
    meta = {}
    for line in m.group(1).splitlines():
        key, _, value = line.partition(":")
        value = value.strip()
        if value.startswith("[") and value.endswith("]"):
            value = [v.strip() for v in value[1:-1].split(",") if v.strip()]
        meta[key.strip()] = value
    return meta, text[m.end():]


def recorded_hash(zh: Path) -> str | None:
    text = zh.read_text(encoding="utf-8")
    if zh.suffix == ".py":
        m = re.search(r"^#\s*translation_of:\s*(\w+)", text, re.M)
        return m.group(1) if m else None
    return front_matter(text)[0].get("translation_of")


def is_stale(zh: Path) -> bool:
    return recorded_hash(zh) != source_hash(english_path(zh))


def stale(docs: Path = DOCS) -> list[Path]:
    """Chinese pages whose English source changed since they were translated."""
    return [zh_path(p) for p in english_sources(docs) if zh_path(p).is_file() and is_stale(zh_path(p))]


def stamp(zh: Path) -> None:
    """Record the English source's current hash in the Chinese page."""
    h = source_hash(english_path(zh))
    text = zh.read_text(encoding="utf-8")
    if zh.suffix == ".py":
        if re.search(r"^#\s*translation_of:.*$", text, re.M):
            text = re.sub(r"^#\s*translation_of:.*$", f"# translation_of: {h}", text, count=1, flags=re.M)
        else:  # inside the jupytext header, which jupytext keeps as notebook metadata
            text = text.replace("# ---\n", f"# ---\n# translation_of: {h}\n", 1)
    else:
        m = FRONT.match(text)
        if m and re.search(r"^translation_of:.*$", m.group(1), re.M):
            body = re.sub(r"^translation_of:.*$", f"translation_of: {h}", m.group(1), count=1, flags=re.M)
            text = f"---\n{body}---\n" + text[m.end():]
        elif m:
            text = f"---\ntranslation_of: {h}\n{m.group(1)}---\n" + text[m.end():]
        else:
            text = f"---\ntranslation_of: {h}\n---\n\n" + text
    zh.write_text(text, encoding="utf-8")


# -- the skeleton ------------------------------------------------------------------------------
def _strip_python_comments(code: str) -> str:
    """Python code without its comments and trailing blanks (the comments may be translated)."""
    try:
        tokens = [t for t in tokenize.generate_tokens(io.StringIO(code).readline) if t.type != tokenize.COMMENT]
        code = tokenize.untokenize(tokens)
    except (tokenize.TokenError, IndentationError, SyntaxError):
        code = re.sub(r"(?m)[ \t]*#[^\n'\"]*$", "", code)
    return "\n".join(line.rstrip() for line in code.splitlines() if line.strip())


def _normalise_code(info: str, code: str) -> str:
    # ```python, ```pycon title="x", ``` { .python .torch }: the first word or class names the language
    words = info.replace("{", " ").replace("}", " ").split()
    lang = words[0].lstrip(".") if words else ""
    if lang in ("python", "py"):
        return _strip_python_comments(code)
    if lang == "pycon":
        out = []
        for line in code.splitlines():
            if line.startswith((">>> ", "... ", ">>>", "...")) and not line.startswith("...."):
                prompt, src = line[:4], line[4:]
                src = _strip_python_comments(src) if src.strip() and not src.lstrip().startswith("#") else ""
                if src or prompt.strip() != ">>>":
                    out.append(prompt.rstrip() + (" " + src if src else ""))
            else:
                out.append(line.rstrip())
        return "\n".join(out).strip("\n")
    return "\n".join(line.rstrip() for line in code.splitlines()).strip("\n")


def _split_fences(body: str) -> tuple[list[tuple[str, str]], str]:
    """(the fenced code blocks as (info, code), the prose with each block replaced by a blank line)."""
    blocks, prose, lines, i = [], [], body.splitlines(), 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            prose.append(lines[i])
            i += 1
            continue
        mark, indent, code = m["mark"], m["indent"], []
        i += 1
        while i < len(lines) and not (lines[i].strip().startswith(mark) and not lines[i].strip().strip(mark[0])):
            code.append(lines[i][len(indent):] if lines[i].startswith(indent) else lines[i])
            i += 1
        i += 1
        blocks.append((m["info"], "\n".join(code)))
        prose.append("")
    return blocks, "\n".join(prose)


def notebook_markdown(source: str) -> tuple[list[tuple[str, str]], str]:
    """A jupytext percent notebook as (code cells as blocks, the markdown cells joined)."""
    blocks, prose = [], []
    cells = re.split(r"^# %%(.*)$", source, flags=re.M)
    for header, cell in zip(cells[1::2], cells[2::2]):
        if "[markdown]" in header:
            prose.append("\n".join(re.sub(r"^# ?", "", line) for line in cell.strip("\n").splitlines()))
        else:
            blocks.append(("python", cell.strip("\n")))
    return blocks, "\n\n".join(prose)


def skeleton(text: str, notebook: bool = False) -> dict:
    """What the two editions of a page must share."""
    if notebook:
        meta, (blocks, prose) = {}, notebook_markdown(text)
    else:
        meta, body = front_matter(text)
        blocks, prose = _split_fences(body)
    headings = []
    for line in prose.splitlines():
        m = HEADING.match(line)
        if m and len(m["level"]) > 1:
            headings.append(f"{m['level']} {{#{m['id']}}}" if m["id"] else f"{m['level']} (no explicit id) {m['title']}")
    display = [" ".join(m.split()) for m in DISPLAY_MATH.findall(prose)]
    no_display = DISPLAY_MATH.sub(" ", prose)
    inline = sorted(" ".join(m.split()) for m in INLINE_MATH.findall(re.sub(r"`[^`\n]*`", " ", no_display)))
    links = sorted(LINK_TARGETS(prose))
    return {
        "references": sorted(meta.get("references") or []),
        "headings": headings,
        "code": [_normalise_code(info, code) for info, code in blocks],
        "display math": display,
        "inline math": inline,
        "snippets": SNIPPET.findall(prose),
        "links": links,
    }


def LINK_TARGETS(prose: str) -> list[str]:
    return [m["target"] for m in LINK.finditer(prose)] + REF_DEF.findall(prose)


def numbers(text: str, notebook: bool = False) -> set[str]:
    """The numbers written in a page's prose (not in code, math or link targets)."""
    if notebook:
        _, prose = notebook_markdown(text)
    else:
        _, prose = _split_fences(front_matter(text)[1])
    prose = DISPLAY_MATH.sub(" ", prose)
    prose = INLINE_MATH.sub(" ", prose)
    prose = re.sub(r"`[^`\n]*`", " ", prose)
    prose = re.sub(r"\]\([^)]*\)", "]", prose)
    prose = re.sub(r"\{[^}]*#[^}]*\}", " ", prose)  # heading ids, attribute lists
    prose = re.sub(r"<[^>]+>", " ", prose)
    return {n.replace("−", "-").replace(",", "") for n in NUMBER.findall(prose)}


def differences(zh: Path) -> list[str]:
    """How a Chinese page departs from its English source's skeleton (empty when it does not)."""
    en = english_path(zh)
    notebook = zh.suffix == ".py"
    a, b = skeleton(en.read_text(encoding="utf-8"), notebook), skeleton(zh.read_text(encoding="utf-8"), notebook)
    out = []
    for key in a:
        if a[key] == b[key]:
            continue
        if isinstance(a[key], list) and key in ("headings", "code", "display math", "snippets"):
            for i, (x, y) in enumerate(zip(a[key], b[key])):
                if x != y:
                    out.append(f"{key} #{i + 1} differs:\n  en: {x[:300]!r}\n  zh: {y[:300]!r}")
                    break
            if len(a[key]) != len(b[key]):
                out.append(f"{key}: {len(a[key])} in English, {len(b[key])} in Chinese")
        else:
            missing = Counter(a[key]) - Counter(b[key])
            extra = Counter(b[key]) - Counter(a[key])
            out.append(f"{key}: missing in Chinese {sorted(missing)}; only in Chinese {sorted(extra)}")
    lost = numbers(en.read_text(encoding="utf-8"), notebook) - numbers(zh.read_text(encoding="utf-8"), notebook)
    if lost:
        out.append(f"numbers in the English prose missing from the Chinese: {sorted(lost)}")
    return out


def translated_version(zh: Path) -> str | None:
    """The git commit whose English source is the one `zh` records (found by its hash)."""
    import subprocess

    en = english_path(zh)
    want = recorded_hash(zh)
    commits = subprocess.run(["git", "log", "--format=%H", "--", str(en)], cwd=ROOT, text=True,
                             capture_output=True, check=True).stdout.split()
    for commit in commits:
        blob = subprocess.run(["git", "show", f"{commit}:{en.relative_to(ROOT).as_posix()}"], cwd=ROOT,
                              capture_output=True)
        if blob.returncode == 0 and hashlib.sha256(blob.stdout).hexdigest()[:16] == want:
            return commit
    return None


def main(argv: list[str]) -> int:
    if len(argv) >= 3 and argv[1] == "diff":
        import subprocess

        for name in argv[2:]:
            zh = Path(name).resolve()
            commit = translated_version(zh)
            if commit is None:
                print(f"{name}: the English version it records is not in git history")
                continue
            subprocess.run(["git", "diff", commit, "--", str(english_path(zh))], cwd=ROOT)
        return 0
    if len(argv) < 2 or argv[1] not in ("check", "stamp", "stale"):
        print(__doc__)
        return 2
    if argv[1] == "stale":
        for p in stale():
            print(p.relative_to(ROOT))
        return 0
    status = 0
    for name in argv[2:]:
        zh = Path(name).resolve()
        if argv[1] == "stamp":
            stamp(zh)
            continue
        diffs = differences(zh)
        print(f"{name}: {'same skeleton' if not diffs else 'DIFFERS'}")
        for d in diffs:
            print("  " + d.replace("\n", "\n  "))
        status |= bool(diffs)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))


# -- terms ---------------------------------------------------------------------------------------
TERMS_FILE = ROOT / "refimpl" / "locale" / "terms.yml"


def terms(path: Path = TERMS_FILE) -> list[dict]:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def prose_of(text: str, notebook: bool = False) -> str:
    """A page's running text: no front matter, code, math, link targets or HTML tags."""
    _, prose = notebook_markdown(text) if notebook else _split_fences(front_matter(text)[1])
    prose = DISPLAY_MATH.sub(" ", prose)
    prose = INLINE_MATH.sub(" ", prose)
    prose = re.sub(r"`[^`\n]*`", " ", prose)
    prose = re.sub(r"\]\([^)]*\)", "]", prose)
    prose = re.sub(r"<[^>]+>", " ", prose)
    return re.sub(r"^[ \t]*-{1,}8<-{1,}.*$", " ", prose, flags=re.M)


def _spans(text: str, word: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(word), text)]


def variant_uses(text: str, term_list: list[dict], notebook: bool = False) -> list[str]:
    """The non-chosen variants a Chinese page uses: "<variant> (for <term>)". An occurrence inside
    a chosen term (种子 inside 随机种子) is that term, not the variant."""
    prose = prose_of(text, notebook)
    chosen = [s for t in term_list for s in _spans(prose, t["zh"])]
    found = []
    for t in term_list:
        for variant in t.get("variants", []):
            for start, end in _spans(prose, variant):
                if not any(a <= start and end <= b for a, b in chosen):
                    found.append(f"{variant} (for {t['zh']}, {t['en']})")
                    break
    return found


OUR_TRANSLATION = "（本站译："


def quoted_translations(text: str) -> list[tuple[int, int]]:
    """The spans of our translations of quotations, （本站译：…）, nested brackets included. A term
    there stands beside the quotation's own English, so it is not a first use to annotate."""
    spans = []
    for m in re.finditer(re.escape(OUR_TRANSLATION), text):
        depth, i = 0, m.start()
        while i < len(text):
            depth += {"（": 1, "）": -1}.get(text[i], 0)
            i += 1
            if depth == 0:
                break
        spans.append((m.start(), i))
    return spans


def _longer(term: dict, term_list: list[dict]) -> list[str]:
    """Words that contain the term without being it: longer terms (门控 in 门控线性单元) and the
    term's listed homonyms (折点, kink, in 转折点, a turning point)."""
    return [t["zh"] for t in term_list if term["zh"] in t["zh"] and t["zh"] != term["zh"]] + term.get("homonyms", [])


def _first_use(prose: str, term: dict, term_list: list[dict]) -> int:
    """Where `term` is first used on its own in `prose`, outside our translations of quotations,
    or -1."""
    taken = [s for word in _longer(term, term_list) for s in _spans(prose, word)] + quoted_translations(prose)
    for start, end in _spans(prose, term["zh"]):
        if not any(a <= start and end <= b for a, b in taken):
            return start
    return -1


def _needs_english(term: dict) -> bool:
    return not term.get("basic") and bool(re.search(r"[\u4e00-\u9fff]", term["zh"]))


def _with_english(after: str, term: dict) -> bool:
    """Whether the text right after a term's use gives its English: 术语（English）, [术语](…)（English）,
    or an explanation that names it, 末位单位，unit in the last place."""
    after = re.sub(r"^(?:\]\([^)]*\)|\]|[*_])*", "", after)
    return after.startswith("（") or term["en"].lower() in after[:len(term["en"]) + 6].lower()


def first_uses_without_english(text: str, term_list: list[dict], notebook: bool = False) -> list[str]:
    """Chinese terms whose first use on the page (outside headings) is not written 中文（English）."""
    prose = "\n".join(line for line in prose_of(text, notebook).splitlines() if not line.lstrip().startswith("#"))
    missing = []
    for t in term_list:
        at = _first_use(prose, t, term_list)
        if not _needs_english(t) or at < 0:
            continue
        if not _with_english(prose[at + len(t["zh"]):], t):
            missing.append(f"{t['zh']}（{t['en']}）")
    return missing


_PROTECTED = re.compile(r"`[^`\n]*`|\$[^$\n]*\$|\]\([^)]*\)|<[^>]+>|\{[^}\n]*\}|https?://\S+")


def annotate_first_uses(text: str, term_list: list[dict]) -> str:
    """The page with each term's first use in running text written 中文（English）, as the style
    note asks; an annotation further down the page that is no longer the first is removed."""
    meta_end = FRONT.match(text).end() if FRONT.match(text) else 0
    lines = text[meta_end:].split("\n")
    editable = []  # (line number, protected spans) of running-text lines
    fence, in_math = None, False
    for i, line in enumerate(lines):
        m = FENCE.match(line)
        if fence is None and m:
            fence = m["mark"]
            continue
        if fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            continue
        if line.strip().startswith("$$"):
            in_math = not (in_math or (line.strip().endswith("$$") and len(line.strip()) > 2))
            continue
        if in_math or line.lstrip().startswith(("#", "--8<--", "<", "|---")):
            continue
        editable.append(i)
    def quotes() -> dict[int, list[tuple[int, int]]]:  # per line: spans inside （本站译：…）
        starts, at = [], 0
        for line in lines:
            starts.append(at)
            at += len(line) + 1
        out: dict[int, list[tuple[int, int]]] = {}
        for a, b in quoted_translations("\n".join(lines)):
            for i, s0 in enumerate(starts):
                if s0 <= b and a <= s0 + len(lines[i]):
                    out.setdefault(i, []).append((max(a - s0, 0), min(b - s0, len(lines[i]))))
        return out

    for t in term_list:
        if not _needs_english(t):
            continue
        english = f"（{t['en']}）"
        first = None
        quoted = quotes()
        for i in editable:
            line = lines[i]
            free = [True] * len(line)
            for p in _PROTECTED.finditer(line):
                free[p.start():p.end()] = [False] * (p.end() - p.start())
            for a, b in quoted.get(i, []):
                free[a:b] = [False] * (b - a)
            longer = [s for word in _longer(t, term_list) for s in _spans(line, word)]
            for start, end in _spans(line, t["zh"]):
                if all(free[start:end]) and not any(a <= start and end <= b for a, b in longer):
                    first = (i, end)
                    break
            if first:
                break
        if first is None:
            continue
        i, end = first
        if _with_english(lines[i][end:], t):
            continue
        lines[i] = lines[i][:end] + english + lines[i][end:]
        for j in editable:  # the later annotation, if a translator put one there
            if (j, lines[j].find(t["zh"] + english)) != (i, end - len(t["zh"])) and t["zh"] + english in lines[j]:
                at = lines[j].find(t["zh"] + english)
                if j > i or at > end:
                    lines[j] = lines[j][:at + len(t["zh"])] + lines[j][at + len(t["zh"]) + len(english):]
                    break
    return text[:meta_end] + "\n".join(lines)
