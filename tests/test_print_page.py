"""scripts/print_page_hooks.py: the glue that keeps the whole-reference print page's links working.
(The built print page itself is crawled by tests/test_site.py; tests/test_patches.py guards the
plugin function it replaces.)"""

import importlib.util
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def hooks():
    spec = importlib.util.spec_from_file_location("print_page_hooks_under_test",
                                                  ROOT / "scripts" / "print_page_hooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("html, expected", [
    ('<h2 id="definition">', '<h2 id="key-definition">'),
    ('</div><h2 id="build-stages">Build', '</div><h2 id="key-build-stages">Build'),  # the plugin skipped it
    ('<span id="swish"></span>swish', '<span id="key-swish"></span>swish'),  # alias anchors
    ('<a id="refimpl.registry"></a>', '<a id="key-refimpl.registry"></a>'),  # mkdocstrings
    ('<li id="fn:1"><sup id="fnref:1">', '<li id="key-fn:1"><sup id="key-fnref:1">'),
    ('<input id="__tabbed_1_1" name="__tabbed_1">', '<input id="__tabbed_1_1" name="__tabbed_1">'),  # fix_tabbed_content's
    ('<div id="x"><p class="id">', '<div id="x"><p class="id">'),
])
def test_ids_are_prefixed_tag_by_tag(hooks, html, expected):
    assert hooks.update_anchor_ids(html, "key") == expected


def test_links_to_pages_left_out_go_to_those_pages(hooks):
    html = ('<section class="print-page" id="activations-relu"><h2 id="activations-relu-definition">'
            '<a href="#activations-relu-definition">here</a>'
            '<a href="#notebooks-sigmoid-saturation">notebook</a>'
            '<a href="#notebooks-sigmoid-saturation-setup">its setup</a>'
            '<a href="#activations-relu-missing">a broken anchor stays broken</a></section>')
    fixed = hooks.links_to_left_out_pages(
        html, ["activations/relu/", "notebooks/sigmoid-saturation/"], "print_page/")
    assert 'href="#activations-relu-definition"' in fixed
    assert 'href="../notebooks/sigmoid-saturation/"' in fixed
    assert 'href="../notebooks/sigmoid-saturation/#setup"' in fixed
    assert 'href="#activations-relu-missing"' in fixed  # the crawl reports it


def _nav(*urls):
    return SimpleNamespace(pages=[SimpleNamespace(url=url) for url in urls])


def test_the_written_print_page_is_rewritten_after_the_plugin_writes_it(hooks, tmp_path):
    from mkdocs.plugins import BasePlugin, PluginCollection

    page = tmp_path / "print_page" / "index.html"

    class PrintSite(BasePlugin):  # stands in for mkdocs-print-site-plugin: writes the page
        def on_post_build(self, config, **kwargs):
            page.parent.mkdir(exist_ok=True)
            page.write_text('<section class="print-page" id="activations-relu">'
                            '<a href="#notebooks-dead-units-setup">the notebook</a></section>')

    plugins = PluginCollection()
    plugins["print_page_hooks"] = hooks  # registered first, as if listed first: the priority decides
    plugins["print-site"] = PrintSite()
    plugins.on_nav(_nav("activations/relu/", "notebooks/dead-units/", "print_page/"), config=None, files=None)
    plugins.on_post_build(config=SimpleNamespace(site_dir=str(tmp_path)))
    assert 'href="../notebooks/dead-units/#setup"' in page.read_text(encoding="utf-8")


def test_a_missing_print_page_is_an_error_naming_the_hook(hooks, tmp_path):
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match="print_page_hooks.on_post_build: no print page"):
        hooks.on_post_build(SimpleNamespace(site_dir=str(tmp_path)))
