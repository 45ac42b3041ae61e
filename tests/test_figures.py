"""The figure and data stages: deterministic output, scheme twins, alt text, caches, failures."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import refimpl
from refimpl import data, figures

ROOT = Path(__file__).resolve().parent.parent


def test_rendering_is_byte_identical():
    spec = figures.FIGURES["sigmoid"]
    assert figures.render(spec) == figures.render(spec)


def test_dark_twin_swaps_every_palette_colour():
    svg = figures.render(figures.FIGURES["relu"])
    dark = figures.to_dark(svg).decode()
    colours = set(re.findall(r"#[0-9a-f]{6}", svg.decode()))
    light = {light for light, _ in figures.PALETTE.values()}
    assert colours <= light, f"colours outside the palette: {colours - light}"
    assert not colours & set(re.findall(r"#[0-9a-f]{6}", dark))


def test_every_figure_has_alt_text_that_says_what_it_shows():
    for name, spec in figures.FIGURES.items():
        alt = figures.alt_text(spec)
        assert len(alt) >= 60, f"{name}: alt text too short to describe the figure"
        assert "](" not in alt


def test_every_entry_has_its_figure():
    elementwise = [n for n in refimpl.names() if refimpl.get(n).kind == "elementwise"]
    assert set(elementwise) <= set(figures.FIGURES)


def test_cli_renders_without_mkdocs_and_caches(tmp_path):
    cmd = [sys.executable, "-m", "refimpl.figures", "--out", str(tmp_path)]
    first = subprocess.run(cmd, capture_output=True, text=True, check=True)
    assert f"{len(figures.FIGURES)} drawn" in first.stdout
    for name in figures.FIGURES:
        assert (tmp_path / f"{name}.svg").stat().st_size > 1000
        assert f"/figures/{name}-dark.svg#only-dark" in (tmp_path / f"{name}.md").read_text()
    second = subprocess.run(cmd, capture_output=True, text=True, check=True)
    assert "0 drawn" in second.stdout
    # a changed code hash redraws that figure only
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    manifest["tanh"]["key"] = "stale"
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    third = subprocess.run(cmd, capture_output=True, text=True, check=True)
    assert "1 drawn" in third.stdout


def test_a_failing_figure_fails_with_its_name(tmp_path, monkeypatch):
    def broken(ax):
        raise ZeroDivisionError("no")

    monkeypatch.setitem(figures.FIGURES, "broken-one",
                        figures.Figure("broken-one", "x" * 60, broken, ("relu",)))
    with pytest.raises(RuntimeError, match="figure 'broken-one' failed: ZeroDivisionError"):
        figures.build(tmp_path, only=["relu", "broken-one"], workers=1)
    assert (tmp_path / "relu.svg").exists()  # what was drawn before the failure is kept


def test_figure_cache_key_follows_the_code_it_draws():
    relu_key = figures.cache_key(figures.FIGURES["relu"])
    sigmoid_key = figures.cache_key(figures.FIGURES["sigmoid"])
    assert relu_key != sigmoid_key  # different modules: an edit to one leaves the other cached


def _figures_in_copy(tmp_path, *only):
    """Run `python -m refimpl.figures --only ...` on a copy of refimpl in tmp_path."""
    cmd = [sys.executable, "-m", "refimpl.figures", "--out", str(tmp_path / "out"), "--only", *only]
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    proc = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    return proc.stdout


def test_an_undeclared_entry_that_a_figure_draws_redraws_it(tmp_path):
    # glu-gates declares the four gated entries but draws sigmoid, silu, gelu and relu; gated.py
    # imports none of their modules. An edit to the sigmoid's module must redraw it.
    copy = tmp_path / "refimpl"
    shutil.copytree(ROOT / "refimpl", copy, ignore=shutil.ignore_patterns("__pycache__"))
    sigmoid_module = copy / (refimpl.sigmoid.fn.__module__.split(".")[-1] + ".py")
    assert sigmoid_module.name not in {"gated.py", "rectifiers.py"}
    assert "classic" not in " ".join(figures.FIGURES["glu-gates"].entries)
    check = subprocess.run([sys.executable, "-c", "import refimpl; print(refimpl.__file__)"],
                           cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(tmp_path)},
                           capture_output=True, text=True, check=True)
    assert Path(check.stdout.strip()).parent == copy, "the copy is not the refimpl imported"

    assert "2 drawn" in _figures_in_copy(tmp_path, "glu-gates", "relu")
    assert "0 drawn, 2 cached" in _figures_in_copy(tmp_path, "glu-gates", "relu")
    sigmoid_module.write_text(sigmoid_module.read_text() + "\n# an edit\n")
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert refimpl.sigmoid.fn.__module__ in manifest["glu-gates"]["modules"]
    assert "1 drawn, 1 cached" in _figures_in_copy(tmp_path, "glu-gates", "relu")
    assert json.loads((tmp_path / "out" / "manifest.json").read_text())["relu"] == manifest["relu"]


def test_recording_sees_entries_reached_without_get():
    from refimpl.registry import recording

    with recording() as uses:
        refimpl.tanh(0.5)  # a module attribute, not refimpl.get
        refimpl.relu.derivative(1.0)
        _ = refimpl.elu.defaults
    assert uses.modules == {refimpl.tanh.fn.__module__, refimpl.relu.fn.__module__,
                            refimpl.elu.fn.__module__}
    with recording() as later:
        pass
    assert not later.modules, "recording leaks from one block into the next"


def test_a_figure_records_the_results_it_reads():
    name = next(n for n, spec in figures.FIGURES.items() if spec.results)
    _, modules, results, _strings = figures.draw(name)
    assert results == sorted(figures.FIGURES[name].results)


def test_import_refimpl_is_light():
    code = "import sys, refimpl; print(sorted(m for m in ('matplotlib', 'scipy', 'mkdocs', 'mpmath', 'pybtex') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_data_cache_is_keyed_on_code(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(data, "compute", lambda name: calls.append(name) or {"n": len(calls)})
    data.run(tmp_path, only=["accuracy"])
    assert calls == ["accuracy"] and data.load("accuracy", tmp_path) == {"n": 1}
    data.run(tmp_path, only=["accuracy"])
    assert calls == ["accuracy"]  # served from the cache
    monkeypatch.setattr(data, "key", lambda name, *recorded: "hash-of-edited-code")
    assert data.load("accuracy", tmp_path) is None  # a stale result is never served
    data.run(tmp_path, only=["accuracy"])
    assert len(calls) == 2


def test_a_result_is_keyed_on_its_code_and_the_entries_it_used_only(tmp_path, monkeypatch):
    """Editing an entry's module reruns the results that evaluated it, and only those: adding one
    activation does not rerun every experiment."""
    import json

    import refimpl
    from refimpl import codehash

    monkeypatch.setattr(data, "compute", lambda name: float(refimpl.sigmoid(0.5)))
    data.run(tmp_path, only=["saturation_recovery"])
    record = json.loads((tmp_path / "saturation_recovery.json").read_text())
    sigmoid_module = refimpl.sigmoid.fn.__module__
    assert record["modules"] == [sigmoid_module]
    real = codehash._module_path

    def edited(module):
        copy = tmp_path / f"{module}.py"
        copy.write_text(real(module).read_text() + "\n# edited\n")
        monkeypatch.setattr(codehash, "_module_path", lambda m: copy if m == module else real(m))

    edited("refimpl.periodic")                      # an entry the result did not use
    assert data.load("saturation_recovery", tmp_path) == record["value"]
    edited("refimpl.experiments.saturation_recovery")  # the experiment's own code
    assert data.load("saturation_recovery", tmp_path) is None
    edited(sigmoid_module)                           # the entry it evaluated
    assert data.load("saturation_recovery", tmp_path) is None
    edited("refimpl")                                # the package: get, names, which families exist
    assert data.load("saturation_recovery", tmp_path) is None


def test_listing_the_entries_records_every_entry():
    import refimpl
    from refimpl.registry import recording

    with recording() as uses:
        refimpl.names()
    assert uses.modules >= {refimpl.get(n).fn.__module__ for n in refimpl.names()}
