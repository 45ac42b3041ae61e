"""The names our glue replaces or overrides in other packages, checked against the installed
packages: an upgrade that renames one or changes its signature fails here, by name, before a
build quietly stops using the replacement. Every patch has its reason where it is made, and its
package an upper bound in pyproject.toml.

Each check reads a fresh copy of the package's module (`pristine`), because loading a hook in
this process replaces the very names checked here.
"""

import importlib.util
import inspect
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def pristine(module: str):
    """`module` executed afresh from its file, outside sys.modules: what the package defines."""
    origin = importlib.util.find_spec(module).origin
    package, _, leaf = module.rpartition(".")
    spec = importlib.util.spec_from_file_location(f"{package}._pristine_{leaf}", origin)
    fresh = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fresh)
    return fresh


def assert_signature(function, expected: str, patched_by: str) -> None:
    """`function` has the parameters `expected`, e.g. "(self, body)" (annotations ignored)."""
    where = f"{function.__module__.replace('._pristine_', '.')}.{function.__qualname__}"
    params = inspect.signature(function).parameters.values()
    got = "(" + ", ".join(p.replace(annotation=inspect.Parameter.empty).__str__() for p in params) + ")"
    assert got == expected, (f"{where} is now {got}, not {expected}: {patched_by} replaces it, "
                             "so revisit that patch before raising the upper bound in pyproject.toml")


def assert_called_by_name(caller, name: str, patched_by: str) -> None:
    """`caller` looks `name` up at each call (in its globals), so replacing it there takes effect."""
    where = f"{caller.__module__.replace('._pristine_', '.')}.{caller.__qualname__}"
    assert name in caller.__code__.co_names, (
        f"{where} no longer calls {name} by name: {patched_by}'s replacement would be ignored; "
        "revisit that patch")


# --- scripts/print_page_hooks.py --------------------------------------------------------------
def test_print_site_update_anchor_ids():
    urls = pristine("mkdocs_print_site_plugin.urls")
    assert_signature(urls.update_anchor_ids, "(page_html, page_key)", "scripts/print_page_hooks.py")
    assert_called_by_name(urls.fix_internal_links, "update_anchor_ids", "scripts/print_page_hooks.py")
    assert_signature(urls.get_page_key, "(page_url)", "scripts/print_page_hooks.py (it reads page keys)")


# --- scripts/build_speedups.py ---------------------------------------------------------------
def test_material_search_index_add_entry_from_context():
    search = pristine("material.plugins.search.plugin")
    assert_signature(search.SearchIndex.add_entry_from_context, "(self, page)", "scripts/build_speedups.py")
    assert_called_by_name(search.SearchPlugin.on_page_context, "add_entry_from_context",
                          "scripts/build_speedups.py")


# --- conftest.py (root) -----------------------------------------------------------------------
def test_xdist_loadfile_split_scope():
    from xdist.scheduler import LoadFileScheduling, LoadScopeScheduling

    assert_signature(LoadFileScheduling._split_scope, "(self, nodeid)", "conftest.py's scheduler")
    assert_called_by_name(LoadScopeScheduling.schedule, "_split_scope", "conftest.py's scheduler")
    assert_signature(LoadFileScheduling.__init__, "(self, config, log=None)", "conftest.py's scheduler")


def test_the_scheduler_keeps_files_whole_except_the_browser_tests():
    spec = importlib.util.spec_from_file_location("root_conftest_under_test", ROOT / "conftest.py")
    conftest = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conftest)
    scheduler = object.__new__(conftest.FilesExceptBrowserTests)  # _split_scope reads no state
    scope = scheduler._split_scope
    assert scope("docs/activations/relu.md::line:12,column:1") == "docs/activations/relu.md"
    assert scope("tests/test_site.py::test_x[relu]") == "tests/test_site.py"
    assert scope("refimpl/classic.py::refimpl.classic.sigmoid") == "refimpl/classic.py"
    assert scope("tests/test_browser.py::test_a[home]") == "tests/test_browser.py::test_a[home]"
    assert scope("tests/test_browser.py::test_b") != scope("tests/test_browser.py::test_a[home]")


# --- scripts/notebook_hooks.py (notebooks/abs_src_path: tests/test_notebooks.py) ------------
def test_mkdocs_page_present_anchor_ids():
    from mkdocs.structure.pages import Page

    assert "present_anchor_ids" in Page.__annotations__, (
        "mkdocs.structure.pages.Page has no present_anchor_ids: scripts/notebook_hooks.py sets it "
        "for anchor validation of notebook pages; revisit it")
    assert_called_by_name(Page.validate_anchor_links, "present_anchor_ids",
                          "scripts/notebook_hooks.py (it sets page.present_anchor_ids)")


@pytest.mark.parametrize("name, bound", [("mkdocs-print-site-plugin", "<3"), ("pytest-xdist", "<4"),
                                         ("mkdocs-material", "<10"),
                                         ("mkdocs-jupyter", "<0.27"),
                                         ("mkdocs", "==1.6.1")])
def test_every_patched_package_has_an_upper_bound(name, bound):
    import tomllib

    from packaging.requirements import Requirement

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    declared = [Requirement(r) for group in extras.values() for r in group if Requirement(r).name == name]
    assert declared and bound in str(declared[0].specifier), \
        f"pyproject.toml: {name} must be bounded ({bound}), got {[str(r) for r in declared]}"


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q"]))
