"""The built site in a real Chromium: pages load cleanly and offline, math renders (also after
Material's instant navigation), the dark-mode figures swap, and a phone-width page does not scroll
sideways. Chromium is the system one (Playwright cannot download browsers here); see `make chromium`.
"""

import os
import re
import shutil
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import expect, sync_playwright

MAC_CHROME = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
SIGMOID = "activations/sigmoid/"
# Every wait is on a condition; these bound how long a busy machine (two cores, a parallel build,
# other test workers) may take to meet it. The whole-reference print page alone took 67 s.
TIMEOUT_MS = 60_000
PRINT_PAGE_TIMEOUT_MS = 180_000
expect.set_options(timeout=TIMEOUT_MS)

DOCS = Path(__file__).resolve().parent.parent / "docs"


def site_paths() -> list[str]:
    """The URL path of every page of the site: each Markdown page and each notebook, in both
    editions (the Chinese under zh/, from the same sources' paths)."""
    paths = []
    for md in sorted(DOCS.rglob("*.md")):
        if md.stem.endswith(".zh"):
            continue
        rel = md.relative_to(DOCS).with_suffix("").as_posix()
        paths.append("" if rel == "index" else rel.removesuffix("/index") + "/")
    paths += [f"notebooks/{nb.stem}/" for nb in sorted((DOCS / "notebooks").glob("*.py"))
              if not nb.stem.endswith(".zh")]
    return paths + [f"zh/{p}" for p in paths]


PAGES = site_paths()


def _chromium() -> str:
    # the headless shell first: the same Blink, about a third less CPU a page (scripts/ensure_chromium.sh)
    candidates = [os.environ.get("CHROMIUM")] + [shutil.which(n) for n in (
        "chromium-headless-shell", "chromium", "chromium-browser", "google-chrome")]
    found = next((c for c in candidates if c and shutil.which(c)), None)
    if found is None and Path(MAC_CHROME).is_file():
        found = MAC_CHROME
    # Never skip: a missing browser would silently turn this whole file green.
    assert found, "no Chromium found for the browser tests: run `make chromium` (or set CHROMIUM)"
    return found


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=_chromium(), args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """A page in a fresh context (no localStorage, i.e. palette, or cache leaks between tests),
    with the busy-machine timeouts."""
    contexts = []

    def make(**options):
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        # A route handler still fetching when the test ends (sitemap.xml, fetched in the
        # background) must not raise into the next test.
        for open_page in context.pages:
            open_page.unroute_all(behavior="ignoreErrors")
        context.close()


@pytest.fixture
def page(new_page):
    # Light scheme so the "automatic" palette starts from a known state.
    return new_page(color_scheme="light")


class Recorder:
    """Everything that went wrong while the page loaded, and every URL it requested."""

    def __init__(self, page):
        self.problems: list[str] = []
        self.urls: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.problems.append(f"pageerror: {e}"))
        page.on("request", self._started)
        page.on("requestfinished", self._ended)
        page.on("requestfailed", lambda r: self._ended(r) or self.problems.append(f"failed: {r.url} ({r.failure})"))
        page.on("response", lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status}: {r.url}"))
        self.in_flight: set = set()

    def _started(self, request) -> None:
        self.urls.append(request.url)
        self.in_flight.add(request)

    def _ended(self, request) -> None:
        self.in_flight.discard(request)

    def settle(self, page, quiet_ms: int = 150) -> None:
        """Wait until no request is in flight and none has started for `quiet_ms`: what
        Playwright's "networkidle" waits for, without its fixed 500 ms of silence (a third of the
        time of a page's test). Events reach the recorder while the page waits."""
        deadline = time.monotonic() + TIMEOUT_MS / 1000
        while True:
            seen = len(self.urls)
            page.wait_for_timeout(quiet_ms)
            if not self.in_flight and len(self.urls) == seen:
                return
            assert time.monotonic() < deadline, f"requests still in flight: {[r.url for r in self.in_flight]}"


def wait_for_math(page, timeout=TIMEOUT_MS) -> None:
    """Wait until MathJax has loaded and finished its typesetting (startup or a re-typeset)."""
    page.wait_for_function("window.MathJax && MathJax.startup && MathJax.startup.promise",
                           timeout=timeout)
    # the promise, awaited by a flag the wait can poll (evaluate() itself would wait unbounded)
    page.evaluate("""() => { window.__typeset = false;
        MathJax.startup.promise.then(() => { window.__typeset = true; }); }""")
    page.wait_for_function("window.__typeset === true", timeout=timeout)


def assert_math_rendered(page) -> None:
    """Every arithmatex element of the content was typeset by MathJax, visibly; no raw TeX."""
    wait_for_math(page)
    sources = page.locator(".md-content .arithmatex").count()
    # Typeset math whose glyph CSS is missing still exists but has zero width: check both.
    widths = page.evaluate("""() => [...document.querySelectorAll('.md-content mjx-container')]
        .filter(m => m.checkVisibility()).map(m => m.getBoundingClientRect().width)""")
    if sources:
        assert page.locator(".md-content mjx-container").count() >= sources, \
            f"math not typeset by MathJax on {page.url}"
    assert all(w > 0 for w in widths), f"typeset math with zero width (no glyph CSS) on {page.url}"
    text = page.locator(".md-content").evaluate(
        "el => { const c = el.cloneNode(true); c.querySelectorAll('pre, code').forEach(n => n.remove());"
        " return c.innerText; }")
    raw = [d for d in ("\\(", "\\[", "$$") if d in text]
    assert not raw, f"raw TeX delimiters {raw} in the visible text of {page.url}"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.strip("/") or "home")
def test_page_loads_cleanly_and_is_accessible(page, site_url, path):
    rec = Recorder(page)
    # "load", not "networkidle": the idle wait below covers every request, this one only cost time
    response = page.goto(urljoin(site_url, path), wait_until="load")
    assert response.ok, f"{response.url}: HTTP {response.status}"
    assert_math_rendered(page)

    # Lazy images load only near the viewport: bring each visible one in, then let it decode.
    images = page.evaluate("""async () => {
        const out = [];
        for (const img of document.querySelectorAll('.md-content img')) {
            if (!img.checkVisibility()) continue;
            img.scrollIntoView();
            await img.decode().catch(() => {});
            out.push({src: img.getAttribute('src'), width: img.naturalWidth, alt: img.alt.trim()});
        }
        return out;
    }""")
    broken = [i["src"] for i in images if i["width"] == 0]
    no_alt = [i["src"] for i in images if not i["alt"]]
    assert not broken, f"images that did not load: {broken}"
    assert not no_alt, f"images without alt text: {no_alt}"

    rec.settle(page)  # requests the scrolling may have started
    assert not rec.problems, "\n".join(rec.problems)
    # accessibility of the content, light scheme (loading each page once serves both checks)
    if runs_axe(path):
        found = axe_violations(page, contrast=checks_contrast(path))
        assert not found, "\n".join(found)
    # The site must work offline and leak nothing: every request stays on the local server.
    here = urlsplit(site_url).netloc
    foreign = sorted({u for u in rec.urls
                      if not u.startswith(("data:", "blob:")) and urlsplit(u).netloc != here})
    assert not foreign, "requests to other hosts:\n" + "\n".join(foreign)


def test_math_after_instant_navigation(page, site_url):
    # Material navigates instantly only to URLs in sitemap.xml, matched after copying the page's
    # protocol and hostname but not its port; `mkdocs serve` rewrites site_url to its own address,
    # and so does this route, or every click here would silently be a full page load.
    def local_sitemap(route):
        body = route.fetch().text()
        route.fulfill(body=re.sub(r"<loc>[a-z]+://[^/<]+/", f"<loc>{site_url}", body),
                      content_type="application/xml")

    page.route(urljoin(site_url, "sitemap.xml"), local_sitemap)
    rec = Recorder(page)
    page.goto(site_url, wait_until="networkidle")
    wait_for_math(page)
    # A click on a nav link is handled by navigation.instant: no reload, MathJax must re-typeset.
    page.evaluate("window.__same_document = true")
    page.locator(f'.md-nav a[href$="{SIGMOID}"]').first.click()
    page.wait_for_url(urljoin(site_url, SIGMOID))
    assert page.evaluate("window.__same_document === true"), "the page reloaded: no instant navigation"
    page.locator(".md-content mjx-container").first.wait_for(state="attached")
    assert_math_rendered(page)
    assert page.locator(".md-content mjx-container").count() > 0
    assert not rec.problems, "\n".join(rec.problems)


def test_dark_mode_swaps_figures(page, site_url):
    page.goto(urljoin(site_url, SIGMOID), wait_until="networkidle")
    # Material's toggle cycles automatic -> light -> dark: click the visible label until dark.
    body = page.locator("body")
    for _ in range(3):
        if body.get_attribute("data-md-color-scheme") == "slate":
            break
        label = page.locator("form[data-md-component=palette] label:visible")
        title = label.get_attribute("title")
        label.click()
        expect(label).not_to_have_attribute("title", title)  # the toggle has moved on
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    dark = page.locator('.md-content img[src$="#only-dark"]')
    light = page.locator('.md-content img[src$="#only-light"]')
    assert dark.count() > 0, "no #only-dark figure on the page"
    for i in range(dark.count()):
        # A lazy image loads (and gets a box) only near the viewport; expect() retries meanwhile.
        dark.nth(i).evaluate("img => img.scrollIntoView()")
        expect(dark.nth(i)).to_be_visible()
        expect(light.nth(i)).to_be_hidden()


@pytest.mark.parametrize("path", [SIGMOID, "atlas/", "guides/choosing/", "accuracy/",
                                  "zh/" + SIGMOID, "zh/atlas/", "zh/guides/choosing/"],
                         ids=["sigmoid", "atlas", "choosing", "accuracy", "zh-sigmoid", "zh-atlas", "zh-choosing"])
def test_no_horizontal_scroll_on_phone(page, site_url, path):
    # wide tables (the atlas, the decision tables) must scroll inside their own box
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(urljoin(site_url, path), wait_until="networkidle")
    wait_for_math(page)  # typeset math can be wider than its source text
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"page scrolls sideways at 375 px: scrollWidth {widths[0]} > {widths[1]}"
    # and the content is what the reader sees: its title on screen, not behind the drawer
    title = page.locator(".md-content h1").first
    expect(title).to_be_in_viewport()
    box = title.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375, f"title outside the 375 px screen: {box}"


# -- search ----------------------------------------------------------------------------------------
def search(page, site_url, query):
    page.goto(site_url, wait_until="networkidle")
    box = page.locator("input.md-search__input")
    box.focus()
    box.press_sequentially(query, delay=20)
    # Material searches on keyup. Playwright types a Chinese character as inserted text, with no
    # key event; an input method commits with a key press, as this one does.
    box.press("End")
    meta = page.locator(".md-search-result__meta")
    # Material's words for "not ready yet", in both editions (partials/languages/{en,zh}.html)
    for waiting in ("Initializing search", "Type to start searching", "正在初始化搜索引擎", "键入以开始搜索"):
        expect(meta).not_to_have_text(waiting)
    return page.locator(".md-search-result__item > .md-search-result__link")


def test_search_finds_leaky_relu_first(page, site_url):
    results = search(page, site_url, "leaky")
    expect(results.first).to_have_attribute("href", re.compile(r"activations/leaky_relu/"))


def test_search_finds_sigmoid_by_its_other_name(page, site_url):
    results = search(page, site_url, "logistic")
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any("activations/sigmoid/" in h for h in hrefs), hrefs


# The Chinese edition's own search index (jieba-segmented, with the term list as its user
# dictionary): a query typed without spaces finds the page among the first three results.
# A query and the page (path, and the section when one answers it) a reader wants among the first
# three. Material segments a Chinese query greedily by the index's own tokens, and never tries the
# query's last character, so 梯度弥散 is searched as 梯度 (notes/zh-edition.md); its reader wants
# the section on vanishing gradients, which is what 梯度消失 finds too.
ZH_QUERIES = [
    ("梯度消失", "guides/concepts/#vanishing-and-exploding-gradients"),
    ("梯度弥散", "guides/concepts/#vanishing-and-exploding-gradients"),
    ("饱和", "guides/concepts/#saturation"), ("死亡单元", "experiments/dead_units/"),
    ("批标准化", "glossary/"), ("激活函數", ""), ("带泄露", "activations/leaky_relu/"),
    ("GELU", "activations/gelu/"), ("leaky", "activations/leaky_relu/"),
]


@pytest.mark.parametrize("query,expected", ZH_QUERIES, ids=[q for q, _ in ZH_QUERIES])
def test_chinese_search_finds_the_page_among_the_first_three(page, site_url, query, expected):
    from urllib.parse import urlsplit

    results = search(page, urljoin(site_url, "zh/"), query)
    expect(results.first).to_be_visible()
    found = []
    for i in range(min(3, results.count())):
        url = urlsplit(urljoin(page.url, results.nth(i).get_attribute("href")))
        found.append(url.path + (f"#{url.fragment}" if "#" in expected and url.fragment else ""))
    want = urlsplit(urljoin(site_url, "zh/" + expected))
    assert want.path + (f"#{want.fragment}" if want.fragment else "") in found, (query, found)


# A reader who spells a word the other way (the site writes British spellings) or types another name
# finds the page that says it among the first three results, in both editions
# (scripts/search_variants.py; the variants come from refimpl/locale/terms.yml).
VARIANT_QUERIES = [("zero-centered", ("glossary/", "guides/concepts/", "misconceptions/")), ("initialization", "glossary/"),
                   ("logistic function", "activations/sigmoid/"), ("rectifier", "activations/relu/"),
                   ("normalization", "glossary/")]


@pytest.mark.parametrize("edition", ["", "zh/"], ids=["en", "zh"])
@pytest.mark.parametrize("query,expected", VARIANT_QUERIES, ids=[q for q, _ in VARIANT_QUERIES])
def test_a_spelling_variant_finds_the_page_among_the_first_three(page, site_url, edition, query, expected):
    results = search(page, urljoin(site_url, edition), query)
    expect(results.first).to_be_visible()
    found = [urlsplit(urljoin(page.url, results.nth(i).get_attribute("href"))).path
             for i in range(min(3, results.count()))]
    wanted = (expected,) if isinstance(expected, str) else expected  # pages whose headings use it
    assert any(urlsplit(urljoin(site_url, edition + e)).path in found for e in wanted), (query, found)


def test_the_language_switcher_goes_to_the_same_page(page, site_url):
    page.goto(urljoin(site_url, SIGMOID), wait_until="load")
    link = page.locator('.md-select__link[hreflang="zh"]')
    assert urljoin(page.url, link.get_attribute("href")) == urljoin(site_url, "zh/" + SIGMOID)
    page.goto(urljoin(site_url, "zh/" + SIGMOID), wait_until="load")
    assert page.locator("html").get_attribute("lang") == "zh"
    # a CJK system font stack, no web font
    font = page.evaluate("getComputedStyle(document.querySelector('.md-typeset')).fontFamily")
    assert "PingFang SC" in font and "Noto Sans CJK SC" in font, font
    back = page.locator('.md-select__link[hreflang="en"]')
    assert urljoin(page.url, back.get_attribute("href")) == urljoin(site_url, SIGMOID)


def test_search_with_no_hits_shows_the_empty_state(page, site_url):
    search(page, site_url, "qqxyzzyqq")
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile("No matching"))


# -- accessibility ---------------------------------------------------------------------------------
SERIOUS = ("serious", "critical")
DARK_SAMPLE = ["", SIGMOID, "atlas/", "conventions/", "zh/", "zh/" + SIGMOID]


# axe is most of a page test's time (colour contrast alone about 60 % of it), and its findings
# depend on the stylesheet and the kinds of element a page holds, not on its words. The activation
# pages are one generated layout (the same sections, tables and tabs: tests/test_site.py), and the
# Chinese edition has the English one's stylesheet and elements (each page passes the same skeleton
# check). So every page is loaded and checked for errors, math, images and requests, but axe runs:
# - on every English page that is not an activation page, with colour contrast;
# - on this sample of activation pages, one per kind of page the layout takes (elementwise with and
#   without parameters, a page with two entries, a vector and a gated entry, the most framework tabs);
# - on every Chinese page that is not an activation page, and on the sample, without colour
#   contrast except on ZH_CONTRAST_SAMPLE (one page of each layout).
AXE_ACTIVATIONS = {"activations/" + p for p in (
    "sigmoid/", "relu/", "leaky_relu/", "gelu/", "silu/", "softmax/", "swiglu/", "snake/", "xielu/")}
ZH_CONTRAST_SAMPLE = {"zh/", "zh/" + SIGMOID, "zh/guides/choosing/", "zh/experiments/dead_units/",
                      "zh/notebooks/dead_units/", "zh/atlas/", "zh/glossary/", "zh/rosetta/"}


def test_the_samples_name_pages_of_the_site():
    assert AXE_ACTIVATIONS <= set(PAGES), sorted(AXE_ACTIVATIONS - set(PAGES))
    assert ZH_CONTRAST_SAMPLE <= set(PAGES), sorted(ZH_CONTRAST_SAMPLE - set(PAGES))


def runs_axe(path: str) -> bool:
    english = path.removeprefix("zh/")
    return not english.startswith("activations/") or english in AXE_ACTIVATIONS


def checks_contrast(path: str) -> bool:
    return not path.startswith("zh/") or path in ZH_CONTRAST_SAMPLE


def axe_violations(page, contrast: bool = True) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    options = {"resultTypes": ["violations"]}
    if not contrast:
        options["rules"] = {"color-contrast": {"enabled": False}}
    results = Axe().run(page, context=".md-content", options=options)
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"] if v["impact"] in SERIOUS]


@pytest.mark.parametrize("path", DARK_SAMPLE, ids=lambda p: p.strip("/") or "home")
def test_accessibility_dark(new_page, site_url, path):
    page = new_page(color_scheme="dark")
    # the automatic palette follows the system scheme: dark here
    page.goto(urljoin(site_url, path), wait_until="networkidle")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    wait_for_math(page)
    found = axe_violations(page)
    assert not found, "\n".join(found)


# -- screenshots for review (not committed) --------------------------------------------------------
SCREENSHOTS = ["", SIGMOID, "atlas/", "guides/choosing/"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots(new_page, site_url, scheme):
    from PIL import Image

    out = Path(__file__).resolve().parent.parent / "build" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    page = new_page(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    for path in SCREENSHOTS:
        page.goto(urljoin(site_url, path), wait_until="networkidle")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme",
                                                       "slate" if scheme == "dark" else "default")
        wait_for_math(page)
        page.evaluate("""async () => { for (const i of document.querySelectorAll('img')) {
            i.loading = 'eager'; await i.decode().catch(() => {}); } }""")
        target = out / f"{(path.strip('/') or 'home').replace('/', '-')}-{scheme}.png"
        page.screenshot(path=str(target), full_page=True)
        content = page.evaluate("""() => { const r = document.querySelector('.md-content')
            .getBoundingClientRect(); return [r.left, r.top + scrollY, r.right, r.bottom + scrollY]; }""")
        # What a reviewer would see in the content column: the scheme asked for (its background,
        # the median grey, is light or dark) and not a blank page (text and figures are "ink":
        # pixels far from the background; real pages have 3-8 %, a blank one 0).
        with Image.open(target) as image:
            histogram = image.convert("L").crop(tuple(round(v) for v in content)).histogram()
        background = _median(histogram)
        ink = sum(n for grey, n in enumerate(histogram) if abs(grey - background) > 48) / sum(histogram)
        assert (background < 100) if scheme == "dark" else (background > 200), \
            f"{target.name}: background grey {background} for the {scheme} scheme"
        assert ink > 0.01, f"{target.name}: the content is blank ({ink:.2%} ink)"


def _median(histogram: list[int]) -> int:
    half, seen = sum(histogram) / 2, 0
    for value, count in enumerate(histogram):
        seen += count
        if seen >= half:
            return value
    return len(histogram) - 1


# -- print -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("edition", ["", "zh/"], ids=["en", "zh"])
def test_print_to_pdf_has_the_figure_and_rendered_math(page, site_url, tmp_path, edition):
    from pypdf import PdfReader

    page.goto(urljoin(site_url, edition + SIGMOID), wait_until="networkidle")
    wait_for_math(page)
    page.evaluate("""async () => { for (const i of document.querySelectorAll('img')) {
        i.loading = 'eager'; await i.decode().catch(() => {}); } }""")
    page.emulate_media(media="print")
    figure = page.locator('.md-content img[src*="figures/sigmoid.svg"]').first
    expect(figure).to_be_visible()
    pdf = tmp_path / "sigmoid.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=False)
    text = "\n".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "sigmoid(x)" in text, "the figure's legend (SVG text) is not in the PDF"
    assert "\\(" not in text and "$$" not in text, "raw TeX in the printed page"


@pytest.mark.parametrize("edition", ["", "zh/"], ids=["en", "zh"])
def test_whole_reference_print_page(page, site_url, edition):
    """The whole reference on one page (mkdocs-print-site-plugin), in each edition, to print as one
    PDF: it loads cleanly, its math is typeset (axe runs on the pages it gathers, above) and the
    Chinese one says it is Chinese. Printing it to PDF is checked on one page of each edition
    (test_print_to_pdf_has_the_figure_and_rendered_math): the whole Chinese reference took 76 s."""
    rec = Recorder(page)
    response = page.goto(urljoin(site_url, edition + "print_page/"), wait_until="load",
                         timeout=PRINT_PAGE_TIMEOUT_MS)
    assert response.ok
    wait_for_math(page, timeout=PRINT_PAGE_TIMEOUT_MS)
    assert page.locator(".md-content mjx-container").count() > 500
    assert page.locator('.md-content img[src$="#only-light"]').count() > 50
    assert not rec.problems, "\n".join(rec.problems)
    if edition == "zh/":
        assert page.locator("html").get_attribute("lang") == "zh"
