"""The build glue's caches: scripts/mkdocs_hooks.py skips the pages stage only when nothing it
reads has changed; scripts/build_speedups.py reuses search entries only for an unchanged page."""

import importlib.util
from types import SimpleNamespace
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


EN_CONFIG = SimpleNamespace(extra={"edition": "en"})  # what the hooks read of mkdocs.yml


def _load(script: str, tmp_path, monkeypatch):
    """A fresh copy of scripts/<script>, its caches in tmp_path."""
    monkeypatch.setenv("REFIMPL_GENERATED", str(tmp_path / "generated"))
    spec = importlib.util.spec_from_file_location(f"{script}_under_test", ROOT / "scripts" / f"{script}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def hooks(tmp_path, monkeypatch):
    return _load("mkdocs_hooks", tmp_path, monkeypatch)


def _project(root: Path) -> None:
    for rel, text in {"requirements.lock": "numpy==2.0\n", "refimpl/a.py": "x = 1\n",
                      "refimpl/refs.bib": "@misc{a}\n", "build/data/acc.json": "{}",
                      "build/bench/throughput.json": "{}"}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)


@pytest.mark.parametrize("rel", ["requirements.lock", "refimpl/a.py", "refimpl/refs.bib",
                                 "build/data/acc.json", "build/bench/throughput.json", "refimpl/new.py"])
def test_any_input_changes_the_digest(hooks, tmp_path, rel):
    root = tmp_path / "project"
    _project(root)
    before = hooks.stage_inputs(root, root / "build" / "data")
    assert hooks.stage_inputs(root, root / "build" / "data") == before
    (root / rel).write_text("changed\n")
    assert hooks.stage_inputs(root, root / "build" / "data") != before


def test_bytecode_caches_do_not_change_the_digest(hooks, tmp_path):
    root = tmp_path / "project"
    _project(root)
    before = hooks.stage_inputs(root, root / "build" / "data")
    (root / "refimpl" / "__pycache__").mkdir()
    (root / "refimpl" / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\0")
    assert hooks.stage_inputs(root, root / "build" / "data") == before


def test_stages_run_unless_their_stamp_matches_and_their_outputs_exist(hooks, monkeypatch):
    runs = []
    digest = ["digest-1"]
    monkeypatch.setattr(hooks, "_stages", lambda *commands: runs.append(commands))
    monkeypatch.setattr(hooks, "stage_inputs", lambda: digest[0])
    hooks.on_pre_build(EN_CONFIG)
    assert len(runs) == 1  # no stamp yet
    hooks.on_pre_build(EN_CONFIG)
    assert len(runs) == 2  # stamp matches, but the outputs are missing
    for out in ("figures", "tables"):
        (hooks.GENERATED / out).mkdir(parents=True)
    hooks.on_pre_build(EN_CONFIG)
    assert len(runs) == 2  # nothing changed: skipped
    digest[0] = "digest-2"
    hooks.on_pre_build(EN_CONFIG)
    assert len(runs) == 3  # an input changed


def test_a_failing_stage_leaves_no_stamp(hooks, monkeypatch):
    def fail(*commands):
        raise hooks.PluginError("refimpl.figures failed")

    monkeypatch.setattr(hooks, "stage_inputs", lambda: "digest")
    for out in ("figures", "tables"):
        (hooks.GENERATED / out).mkdir(parents=True)
    (hooks.GENERATED / "inputs.sha256").write_text("old")
    monkeypatch.setattr(hooks, "_stages", fail)
    with pytest.raises(hooks.PluginError):
        hooks.on_pre_build(EN_CONFIG)
    assert not (hooks.GENERATED / "inputs.sha256").exists()


@pytest.fixture
def speedups(tmp_path, monkeypatch):
    module = _load("build_speedups", tmp_path, monkeypatch)
    yield module
    # loading the module patched Material's SearchIndex: put the original back for other tests
    from material.plugins.search.plugin import SearchIndex

    SearchIndex.add_entry_from_context = module.original_add_entry


def _page(content: str, title: str = "ReLU", meta: dict | None = None):
    from types import SimpleNamespace

    from mkdocs.structure.toc import get_toc

    toc = get_toc([{"level": 2, "id": "definition", "name": "Definition", "html": "Definition", "children": []}])
    return SimpleNamespace(url="activations/relu/", title=title, content=content, toc=toc, meta=meta or {})


HTML = ('<h1 id="relu">ReLU</h1><p>The rectifier.</p><h2 id="definition">Definition</h2>'
        '<p>f(x) = max(0, x) <span class="arithmatex">\\(x\\)</span></p>')


def test_cached_search_entries_equal_the_plugins_own(speedups):
    from material.plugins.search.plugin import SearchIndex

    page = _page(HTML, meta={"tags": ["rectifier"], "search": {"boost": 2}})
    fresh, miss, hit = SearchIndex(), SearchIndex(), SearchIndex()
    speedups.original_add_entry(fresh, page)
    SearchIndex.add_entry_from_context(miss, page)   # computes and stores
    assert list(speedups._cache_dir.glob("*.json"))
    SearchIndex.add_entry_from_context(hit, page)    # read back from disk
    assert fresh.entries == miss.entries == hit.entries
    assert [e["location"] for e in fresh.entries] == ["activations/relu/", "activations/relu/#definition"]


OPTIONS = {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": ["stemmer"], "jieba_dict": None,
           "jieba_dict_user": None}


@pytest.mark.parametrize("change", [{"content": HTML.replace("rectifier", "ramp")}, {"title": "Rectifier"},
                                    {"meta": {"search": {"boost": 3}}}])
def test_search_key_follows_what_the_index_reads(speedups, change):
    base = dict(content=HTML, title="ReLU", meta={})
    assert speedups.search_key(_page(**{**base, **change}), OPTIONS) != speedups.search_key(_page(**base), OPTIONS)


def test_search_key_follows_the_search_options_and_jieba(speedups, tmp_path, monkeypatch):
    monkeypatch.setattr(speedups.material_search, "jieba", None)  # absent, then present below
    page = _page(HTML)
    keys = {speedups.search_key(page, OPTIONS)}
    keys.add(speedups.search_key(page, {**OPTIONS, "lang": ["zh"]}))
    words = tmp_path / "dict.txt"
    words.write_text("激活函数 10 n\n")
    with_dict = {**OPTIONS, "jieba_dict_user": str(words)}
    keys.add(speedups.search_key(page, with_dict))
    words.write_text("激活 10 n\n")  # the same option, another dictionary
    speedups.on_pre_build(EN_CONFIG)  # keys are kept for one build
    keys.add(speedups.search_key(page, with_dict))
    # jieba present (the Chinese edition installs it) or absent, and its version
    monkeypatch.setattr(speedups.material_search, "jieba", object())
    speedups.on_pre_build(EN_CONFIG)
    keys.add(speedups.search_key(page, OPTIONS))
    monkeypatch.setattr(speedups, "_version", lambda name: "9.9" if name == "jieba" else "1.0")
    speedups.on_pre_build(EN_CONFIG)
    keys.add(speedups.search_key(page, OPTIONS))
    assert len(keys) == 6


def test_search_entries_no_page_used_are_dropped_after_the_build(speedups):
    from material.plugins.search.plugin import SearchIndex

    speedups.on_pre_build(EN_CONFIG)
    SearchIndex.add_entry_from_context(SearchIndex(), _page(HTML))
    SearchIndex.add_entry_from_context(SearchIndex(), _page(HTML, title="Old title"))
    assert len(list(speedups._cache_dir.glob("*.json"))) == 2
    speedups.on_pre_build(EN_CONFIG)  # the next build: only the page as it is now
    SearchIndex.add_entry_from_context(SearchIndex(), _page(HTML))
    speedups.on_post_build(EN_CONFIG)
    assert [p.name for p in speedups._cache_dir.glob("*.json")] == [f"{speedups.search_key(_page(HTML), {})}.json"]
