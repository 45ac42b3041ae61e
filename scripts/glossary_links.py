"""Link the first use of each glossary term on a page to its definition in docs/glossary.md.

Runs on a page's Markdown before it is converted (from the MkDocs hook). Only running text is
touched: fenced code, display math, headings, snippet lines, and inline code, math, links, HTML
tags and attribute lists stay as they are. Each glossary entry is linked once per page, at the
first use of any of its spellings. The glossary itself and the conventions page (which defines
its terms in place) are left alone.
"""

from __future__ import annotations

import functools
import re

# spelling -> anchor in docs/glossary.md
TERMS = {
    "saturation": "saturation", "saturates": "saturation",
    "dead unit": "dead-unit", "dying ReLU": "dead-unit",
    "zero-centred": "zero-centred",
    "self-gating": "self-gating", "self-gated": "self-gating",
    "Lipschitz constant": "lipschitz-constant",
    "condition number": "condition-number",
    "ulp": "ulp", "unit in the last place": "ulp",
    "subnormal": "subnormal-number",
    "logit": "logit", "logits": "logit", "log-odds": "logit",
    "kink": "kink", "subgradient": "subgradient",
    "smoothness": "smoothness-class",
    "vanishing gradient": "vanishing-gradient", "vanishing gradients": "vanishing-gradient",
    "exploding gradient": "exploding-gradient", "exploding gradients": "exploding-gradient",
    "exploding": "exploding-gradient",
    "vector-Jacobian product": "vector-jacobian-product",
    "Jacobian": "jacobian",
    "temperature": "temperature",
    "fused loss": "fused-loss",
    "initialisation": "initialisation",
    "fan-in": "fan-in",
    "monotonic": "monotonic", "bounded": "bounded",
    "cancellation": "cancellation", "cancels": "cancellation",
    "overflow": "overflow", "overflows": "overflow",
    "underflow": "underflow",
    "NaN propagation": "nan-propagation", "propagates NaN": "nan-propagation",
    "feed-forward layers": "ffn", "feed-forward sublayer": "ffn",
    "gated linear unit": "glu",
    "hyperparameter": "hyperparameter",
    "learned parameter": "parameter", "trainable parameter": "parameter",
    "learnable parameter": "parameter", "trainable parameters": "parameter",
    "correctly rounded": "correctly-rounded",
    "machine epsilon": "machine-epsilon", "machine epsilons": "machine-epsilon",
    "one-hot": "one-hot",
    "multi-label": "multi-label",
    "calibrated": "calibration", "calibration": "calibration",
    "batch normalisation": "batch-normalisation", "batch normalization": "batch-normalisation",
    "layer normalisation": "layer-normalisation", "layer normalization": "layer-normalisation",
    "RMSNorm": "rmsnorm",
    "residual connection": "residual-connection", "residual connections": "residual-connection",
    "sparsity": "sparsity",
}
SKIP_PAGES = ("glossary.md", "conventions.md", "bibliography.md")  # the last: titles of works, not prose

# Spans that must not be touched inside a line of running text.
_PROTECTED = re.compile(r"`[^`]*`|\$[^$]*\$|\\\(.*?\\\)|!?\[[^\]]*\]\([^)]*\)|\[[^\]]*\]|<[^>]+>"
                        r"|https?://\S+|\{[^}]*\}")


def _bounded(term: str) -> str:
    """The term as a pattern that matches whole words: a Latin end may not touch another letter;
    a Chinese end has no word boundary to respect."""
    latin = re.compile(r"[A-Za-z0-9]")
    return ((r"(?<![\w-])" if latin.match(term[0]) else "") + re.escape(term)
            + (r"(?![\w-])" if latin.match(term[-1]) else ""))


def pattern(terms: dict[str, str]) -> re.Pattern:
    return re.compile("(" + "|".join(_bounded(t) for t in sorted(terms, key=len, reverse=True)) + ")",
                      re.IGNORECASE)


_PATTERN = pattern(TERMS)


def zh_terms(terms_file) -> dict[str, str]:
    """The Chinese edition's spellings -> glossary anchor, from the term list's ``glossary`` keys."""
    with open(terms_file, encoding="utf-8") as f:
        return dict(_zh_terms(f.read()))


@functools.lru_cache(maxsize=4)
def _zh_terms(text: str) -> tuple[tuple[str, str], ...]:
    # keyed by the file's text: parsed once per build (every page asks), again after an edit
    import yaml

    return tuple((t["zh"], t["glossary"]) for t in yaml.safe_load(text) if t.get("glossary"))


def link_first_uses(markdown: str, src_uri: str, terms: dict[str, str] | None = None) -> str:
    """`markdown` with the first use of each term of `terms` (spelling -> glossary anchor;
    default: the English TERMS) linked to the glossary."""
    if src_uri.endswith(SKIP_PAGES) or not src_uri.endswith(".md"):
        return markdown
    terms = TERMS if terms is None else terms
    find = _PATTERN if terms is TERMS else pattern(terms)
    lower = {t.lower(): a for t, a in terms.items()}
    done: set[str] = set()
    out, fence, in_math = [], None, False

    def link(match: re.Match) -> str:
        anchor = lower[match.group(1).lower()]
        if anchor in done:
            return match.group(0)
        done.add(anchor)
        return f"[{match.group(1)}](/glossary.md#{anchor})"

    for line in markdown.splitlines(keepends=True):
        stripped = line.strip()
        opening = re.match(r"(`{3,}|~{3,})", stripped)
        if fence:
            if stripped.startswith(fence):
                fence = None
            out.append(line)
            continue
        if opening:
            fence = opening.group(1)
            out.append(line)
            continue
        if stripped.startswith("$$") or (in_math and stripped.endswith("$$")):
            one_line = len(stripped) > 2 and stripped.startswith("$$") and stripped.endswith("$$")
            if not one_line:  # a $$ line opens or closes a display block
                in_math = not in_math
            out.append(line)
            continue
        if in_math or stripped.startswith(("#", "--8<--", "<", "!!!", "???", "===")):
            out.append(line)
            continue
        pieces, last = [], 0
        for span in _PROTECTED.finditer(line):
            pieces.append(find.sub(link, line[last:span.start()]))
            pieces.append(span.group(0))
            last = span.end()
        pieces.append(find.sub(link, line[last:]))
        out.append("".join(pieces))
    return "".join(out)
