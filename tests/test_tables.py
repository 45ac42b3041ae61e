"""The generated tables: number formatting, each table's cells, the framework tabs for any set of
frameworks, and that every word a reader sees goes through the translation function."""

import ast
import inspect
import math
import re
from types import SimpleNamespace

import pytest

import refimpl
from refimpl import bibliography, crosscheck, tables
from refimpl.frameworks import FRAMEWORKS, NAMESPACES, FrameworkInfo
from refimpl.i18n import add_catalogue, language
from refimpl.registry import Framework


# -- numbers and intervals -------------------------------------------------------------------------
@pytest.mark.parametrize("value, text", [
    (0.5, "0.5"), (2.0, "2"), (1 / 3, "0.333333"), (123456789.0, "1.23457e+08"),
    (-2.0, "−2"), (-0.125, "−0.125"), (1e-300, "1e−300"), (0.0, "0"),
    (math.inf, "∞"), (-math.inf, "−∞"), (True, "yes"), (False, "no"),
])
def test_fmt(value, text):
    assert tables.fmt(value) == text


def test_fmt_writes_no_hyphen_for_a_minus_sign():
    assert "-" not in tables.fmt(-1.5e-7)


@pytest.mark.parametrize("lo, hi, attained, text", [
    (0.0, 1.0, (False, False), "(0, 1)"),        # sigmoid: neither bound reached
    (0.0, math.inf, (True, False), "[0, ∞)"),    # relu: 0 is reached
    (-1.0, 1.0, (True, True), "[−1, 1]"),        # hard tanh
    (-math.inf, 0.0, (False, True), "(−∞, 0]"),
])
def test_interval_brackets_say_whether_a_bound_is_attained(lo, hi, attained, text):
    assert tables._interval(lo, hi, attained) == text


# -- parameters and properties -------------------------------------------------------------------
def test_params_table_without_parameters():
    assert tables.params_table(refimpl.relu) == "No parameters.\n"


def test_params_table_shows_the_signature_default():
    default = inspect.signature(refimpl.rectifiers.leaky_relu).parameters["negative_slope"].default
    lines = tables.params_table(refimpl.leaky_relu).splitlines()
    assert lines[0] == "| Parameter | Default | Domain | Meaning |"
    assert lines[1] == "|---|---|---|---|"
    assert lines[2] == (f"| `negative_slope` | `{default!r}` | a finite real number >= 0 | "
                        f"the slope for x <= 0 |")


def test_params_table_marks_a_required_parameter():
    rows = tables.params_table(refimpl.threshold).splitlines()[2:]
    assert rows == ["| `threshold` | required | a finite real number | the level θ: inputs at or "
                    "below it are replaced |",
                    "| `value` | required | a finite real number | the value v returned for "
                    "inputs x ≤ θ |"]


def test_properties_table_of_relu():
    text = tables.properties_table(refimpl.relu)
    assert "| Range | [0, ∞); infimum 0, supremum ∞ |" in text
    assert "| Bounded | below: yes, above: no |" in text
    assert "| Smoothness | C<sup>0</sup> |" in text
    assert "| f′(0) | 0 (by convention: kink at 0) |" in text
    assert "At the default parameters" not in text  # relu has none


def test_properties_table_names_the_defaults_it_is_computed_at():
    text = tables.properties_table(refimpl.leaky_relu)
    assert text.endswith(f"At the default parameters (negative_slope = "
                         f"{refimpl.leaky_relu.defaults['negative_slope']!r}).\n")


def test_properties_table_of_a_vector_entry_has_the_range_only():
    text = tables.properties_table(refimpl.softmax)
    assert "| Range of each output | (0, 1) |" in text
    assert "do not apply to a vector function." in text


# -- framework tabs --------------------------------------------------------------------------------
STUB_FRAMEWORKS = {
    "alpha": FrameworkInfo("Alpha", "alpha", "1.0", "2026-11"),
    "beta": FrameworkInfo("Beta", "beta", "2.0", "2026-11"),
    "gamma": FrameworkInfo("Gamma", "gamma", "3.0", "2026-12"),
    "delta": FrameworkInfo("Delta", "delta", "4.0", "2026-12"),
}


def test_frameworks_tabs_follow_the_registry_of_frameworks(monkeypatch):
    monkeypatch.setattr(tables, "FRAMEWORKS", STUB_FRAMEWORKS)
    entry = SimpleNamespace(name="demo", frameworks={
        "gamma": Framework(("gamma.g", "gamma.nn.G"), "gamma.g({x}, k=2)"),
        "alpha": Framework(("alpha.f",), "alpha.f({x})", "It clips at 6."),
        "beta": None,  # recorded as absent
    })  # delta: not recorded, so no tab
    text = tables.frameworks_tabs(entry)
    tabs = re.findall(r'^=== "(\w+)"$', text, re.M)
    assert tabs == ["Alpha", "Beta", "Gamma"]
    assert "    `alpha.f`\n" in text and "    `gamma.g`, `gamma.nn.G`\n" in text
    assert "    y = alpha.f(x)\n" in text and "    y = gamma.g(x, k=2)\n" in text
    assert "    It clips at 6.\n" in text
    assert "    Beta has no `demo`.\n" in text
    assert text.endswith("Checked against Alpha 1.0, Beta 2.0 (2026-11); Gamma 3.0 (2026-12).\n")


def test_frameworks_tabs_of_a_real_entry_have_one_tab_per_framework_it_records():
    for entry in (refimpl.leaky_relu, refimpl.gelu):
        text = tables.frameworks_tabs(entry)
        recorded = [info for key, info in FRAMEWORKS.items() if key in entry.frameworks]
        assert re.findall(r'^=== "(.+)"$', text, re.M) == [info.label for info in recorded]
        for info in recorded:
            assert f"{info.label} {info.checked}" in text


MEASURED = {"framework": "alpha", "status": "measured", "error": "", "version": "1.0.1+cpu",
            "backend": "", "device": "cpu", "python": "3.11.7", "platform": "Linux", "ulps": 8,
            "date": "2026-11-30", "requirements": ["alpha==1.0.1"], "versions": [], "results": [
                {"name": "demo", "call": "alpha.f({x})", "dtype": "float64", "ok": True,
                 "error": "", "warnings": [], "defaults": [],
                 "outputs": {"ordinary": 161, "hard": 25}, "counts": {"ordinary": 0, "hard": 0},
                 "divergences": []}]}


def _measured(monkeypatch, data, **record):
    data = {**data, "results": [{**data["results"][0], **record}]}
    monkeypatch.setattr(crosscheck, "load", lambda key: data if key == "alpha" else None)
    return tables.measured("alpha", "Alpha", "demo", "alpha.f({x})")


def test_a_tab_says_what_was_measured_with_which_version_where_and_when(monkeypatch):
    assert _measured(monkeypatch, MEASURED) == (
        "Measured with Alpha `1.0.1+cpu`, CPU, 2026-11-30: the same function. All 186 outputs "
        "are within 8 ulp of refimpl, NaN and ±inf included.\n")
    keras = {**MEASURED, "backend": "numpy backend"}
    assert _measured(monkeypatch, keras).startswith(
        "Measured with Alpha `1.0.1+cpu` (`numpy` backend), CPU, 2026-11-30: ")


def test_a_tab_lists_the_first_divergences_and_counts_them_all(monkeypatch):
    points = [{"inputs": "hard", "x": "-inf", "theirs": "nan", "ours": -0.0, "index": None},
              {"inputs": "hard", "x": -20.0, "theirs": -0.0, "ours": -5.5e-88, "index": None},
              {"inputs": "hard", "x": [1.0, "inf"], "theirs": 2.5, "ours": 0.1, "index": 1},
              {"inputs": "hard", "x": 40.0, "theirs": 1.0, "ours": 2.0, "index": None}]
    text = _measured(monkeypatch, MEASURED, counts={"ordinary": 0, "hard": 12},
                     divergences=points, dtype="float32",
                     warnings=["RuntimeWarning: overflow encountered in exp"],
                     defaults=[{"param": "alpha", "theirs": 1.0, "ours": 1.0, "expression": ""},
                               {"param": "beta", "theirs": 0.5, "ours": 1.0, "expression": ""}])
    assert text == (
        "Measured with Alpha `1.0.1+cpu`, CPU, 2026-11-30: the same function. 12 of 186 outputs "
        "differ from refimpl by more than 8 ulp or in NaN/inf (0 of 161 ordinary, 12 of 25 "
        "hard).\n\n"
        "- First: x = −∞: NaN (refimpl −0); x = −20: −0 (refimpl −5.5e−88); "
        "x = (1, ∞)[1]: 2.5 (refimpl 0.1).\n"
        "- Returns `float32` for `float64` input.\n"
        "- Its default `beta` is 0.5 (refimpl: 1).\n"
        "- Warns: `RuntimeWarning: overflow encountered in exp`.\n")


def test_a_tab_says_a_different_function_a_failed_call_and_an_unmeasured_one(monkeypatch):
    assert "2026-11-30: a different function. 3 of 186" in _measured(
        monkeypatch, MEASURED, ok=False, counts={"ordinary": 3, "hard": 0},
        divergences=[{"inputs": "ordinary", "x": 1.0, "theirs": 1.0, "ours": 2.0, "index": None}])
    assert "2026-11-30: the call failed with `TypeError: no 'y'`." in _measured(
        monkeypatch, MEASURED, ok=False, error="TypeError: no `y`")
    changed = {**MEASURED, "results": [{**MEASURED["results"][0], "call": "alpha.g({x})"}]}
    assert _measured(monkeypatch, changed) == "Not measured yet: run `make crosscheck`.\n"
    failed = {**MEASURED, "status": "install failed", "results": []}
    monkeypatch.setattr(crosscheck, "load", lambda key: failed)
    assert tables.measured("alpha", "Alpha", "demo", "alpha.f({x})") == (
        "Not measured: Alpha did not install or import here (2026-11-30).\n")


def _framework_calls():
    for name in refimpl.names():
        for key, fw in refimpl.get(name).frameworks.items():
            if fw is not None:
                yield pytest.param(key, fw, id=f"{name}-{key}")


@pytest.mark.parametrize("key, fw", list(_framework_calls()))
def test_framework_call_is_an_expression_in_its_framework(key, fw):
    code = fw.call.format(x="x")
    tree = ast.parse(code, mode="eval")  # a SyntaxError fails the test
    allowed = {*NAMESPACES[key], "x"}
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    assert names <= allowed, f"{code}: names {sorted(names - allowed)}"
    assert "x" in names, f"{code}: does not use the input"
    for name in fw.names:
        if key == "onnx":  # an operator and the opset whose definition the call uses
            assert re.fullmatch(r"[A-Z]\w* \(opset \d+\)", name), name
        elif key in ("transformers", "timm"):  # a name string of the library's activation table
            assert re.fullmatch(r'"[\w.-]+"', name), name
        else:
            assert name.split(".")[0] == FRAMEWORKS[key].module, name


def test_every_framework_key_is_in_the_registry_of_frameworks():
    for name in refimpl.names():
        assert set(refimpl.get(name).frameworks) <= set(FRAMEWORKS), name


# -- accuracy ------------------------------------------------------------------------------------
def _measure(max_ulp, worst_x, points=1604, nonfinite=0, nonfinite_x=None):
    return {"max_ulp": max_ulp, "worst_x": worst_x, "points": points, "nonfinite": nonfinite,
            "nonfinite_x": nonfinite_x}


RESULTS = {
    "relu": {"value": _measure(0.0, None), "derivative": _measure(0.0, None),
             "textbook": _measure(0.0, None)},
    "sigmoid": {"value": _measure(0.5123, -1.5), "derivative": _measure(1234.5, 20.25),
                "textbook": _measure(2.0, 3.0, nonfinite=3, nonfinite_x=-750.0),
                "scipy": _measure(0.75, 0.001)},
    "softmax": {"value": _measure(1.0, [0.0, -2.5], points=112)},
}


def test_accuracy_table_with_a_result():
    text = tables.accuracy_table(refimpl.sigmoid, RESULTS)
    assert text.splitlines()[:4] == ["| refimpl | max error, ulp |", "|---|---|",
                                     "| value | 0.51 at x = −1.5 |",
                                     "| derivative | 1.2e+03 at x = 20.25 |"]
    assert "over 1604 points from ±1e-300 to ±1e300" in text


def test_accuracy_table_of_a_vector_entry():
    text = tables.accuracy_table(refimpl.softmax, RESULTS)
    assert "| value | 1.00 at x = (0, −2.5) |" in text
    assert "over 112 outputs of hard and random input rows" in text


@pytest.mark.parametrize("results", [None, {}, {"relu": RESULTS["relu"]}])
def test_accuracy_table_without_a_result(results):
    assert tables.accuracy_table(refimpl.sigmoid, results).startswith(
        "*Accuracy not computed in this build")


def test_accuracy_comparison():
    rows = tables.accuracy_comparison(RESULTS).splitlines()
    assert rows[0] == "| Function | refimpl | textbook formula | scipy.special |"
    assert rows[2] == f"| [{refimpl.relu.title}](/activations/relu.md) | 0.00 | 0.00 | — |"
    assert rows[3] == (f"| [{refimpl.sigmoid.title}](/activations/sigmoid.md) | 0.51 at x = −1.5 "
                       f"| 2.00 at x = 3; wrong NaN/inf at 3 points, first x = −750 "
                       f"| 0.75 at x = 0.001 |")
    assert len(rows) == 4  # softmax is a vector entry: on its own page only


def test_accuracy_comparison_without_results():
    assert tables.accuracy_comparison(None).startswith("*Not computed in this build")


# -- catalogue and atlas ---------------------------------------------------------------------------
def test_catalogue_lists_every_entry_once_oldest_first():
    text = tables.catalogue()
    links = re.findall(r"\[([^\]]+)\]\(/activations/([\w]+)\.md(?:#(\w+))?\)", text)
    assert sorted(anchor or page for _, page, anchor in links) == refimpl.names()
    rectifiers = next(line for line in text.splitlines() if line.startswith("| Rectifiers |"))
    titles = re.findall(r"\[([^\]]+)\]", rectifiers)
    years = [next(refimpl.get(n) for n in refimpl.names() if refimpl.get(n).title == t).year
             for t in titles]
    assert years == sorted(years, key=lambda y: y or 9999)


BENCH = {"machine": "x86_64", "results": {"relu": {"float64": {"refimpl": 1.26}}}}


def _atlas_rows(text):
    return [line for line in text.splitlines() if line.startswith("| [")]


def test_atlas_without_bench_data_has_no_cost_column():
    text = tables.atlas(None)
    assert "Cost" not in text
    rows = _atlas_rows(text)
    assert len(rows) == len(refimpl.names())
    relu = next(r for r in rows if r.startswith(f"| [{refimpl.relu.title}]("))
    assert f"| {refimpl.relu.year} | " in relu
    identity = next(r for r in rows if r.startswith(f"| [{refimpl.identity.title}]("))
    assert identity.endswith("| — | — |")  # no year, no origin


def test_atlas_with_bench_data_has_the_cost_column_and_its_machine():
    text = tables.atlas(BENCH)
    header = next(line for line in text.splitlines() if line.startswith("| Function |"))
    assert header.endswith("| Cost, ns/element (float64) |")
    rows = _atlas_rows(text)
    relu = next(r for r in rows if r.startswith(f"| [{refimpl.relu.title}]("))
    assert relu.endswith("| 1.3 |")
    assert all(r.endswith("| — |") for r in rows if r is not relu)
    assert "best of 5 runs of `make bench` on x86_64" in text


def test_build_reads_bench_data_from_the_given_path_only(tmp_path, monkeypatch):
    import json

    bench = tmp_path / "throughput.json"
    bench.write_text(json.dumps(BENCH))
    monkeypatch.chdir(tmp_path)  # a working directory with no build/ must not matter
    monkeypatch.setattr(tables, "atlas", lambda b: f"atlas {b is not None}\n")
    tables.build(tmp_path / "out", bench_file=bench)
    assert (tmp_path / "out" / "atlas.md").read_text() == "atlas True\n"
    tables.build(tmp_path / "out2", bench_file=tmp_path / "missing.json")
    assert (tmp_path / "out2" / "atlas.md").read_text() == "atlas False\n"


def test_cli_default_bench_path_is_in_the_repository():
    root = inspect.getfile(refimpl).rsplit("/refimpl/", 1)[0]
    assert str(tables.DEFAULT_BENCH) == f"{root}/build/bench/throughput.json"


# -- translation -----------------------------------------------------------------------------------
def _render():
    """Every kind of table, with and without results."""
    return {
        "params": tables.params_table(refimpl.leaky_relu) + tables.params_table(refimpl.threshold)
        + tables.params_table(refimpl.relu),
        "properties": tables.properties_table(refimpl.leaky_relu)
        + tables.properties_table(refimpl.softmax),
        "frameworks": tables.frameworks_tabs(refimpl.leaky_relu)
        + tables.frameworks_tabs(refimpl.prelu),
        "accuracy": tables.accuracy_table(refimpl.sigmoid, RESULTS)
        + tables.accuracy_table(refimpl.softmax, RESULTS)
        + tables.accuracy_table(refimpl.relu, None),
        "comparison": tables.accuracy_comparison(RESULTS) + tables.accuracy_comparison(None),
        "catalogue": tables.catalogue(),
        "atlas": tables.atlas(BENCH),
    }


def _fake_translation(text):
    """Every Latin letter outside a {placeholder} replaced by a Cyrillic one."""
    parts = re.split(r"(\{[^{}]*\})", text)
    return "".join(p if p.startswith("{") else re.sub(r"[A-Za-z]", "ж", p) for p in parts)


def _words_left(text):
    """Latin words a reader sees: outside code, math, link targets, tags, heading ids and snippet
    paths, and not a name that is never translated (identifiers, the two libraries, authors' names)."""
    for pattern in (r"```.*?```", r"`[^`]*`", r"\$[^$]*\$", r"\]\([^)]*\)", r"<[^>]+>",
                    r'--8<-- "[^"]*"', r"\{#[^}]*\}"):
        text = re.sub(pattern, " ", text, flags=re.S)
    authors = {bibliography.short(k) for n in refimpl.names() for k in refimpl.get(n).origin}
    for label in authors:
        text = text.replace(label, " ")
    identifiers = {"refimpl", "scipy", "special"} | {
        p.name for n in refimpl.names() for p in refimpl.get(n).params}
    return sorted(set(re.findall(r"[A-Za-z][A-Za-z_]+", text)) - identifiers)


def test_every_visible_string_goes_through_the_translation_function(monkeypatch):
    msgids = set()
    real = tables._
    monkeypatch.setattr(tables, "_", lambda text: msgids.add(text) or real(text))
    english = _render()
    monkeypatch.setattr(tables, "_", real)
    add_catalogue("xx-test", {m: _fake_translation(m) for m in msgids})
    with language("xx-test"):
        translated = _render()
    for kind, text in translated.items():
        assert text != english[kind]
        assert _words_left(text) == [], f"{kind}: not translated"
    assert _words_left(english["params"])  # the check does see English words


def test_the_page_footer_and_redirect_strings_go_through_the_translation_function(monkeypatch):
    monkeypatch.setattr(tables, "_", lambda text: "«" + text + "»")
    strings = tables.manifest()["strings"]
    assert {"cite_box", "report_error", "report_title", "report_body"} <= set(strings)
    for key, text in strings.items():
        assert text.startswith("«") and text.endswith("»"), key


# -- the Rosetta table -----------------------------------------------------------------------------
def test_rosetta_has_a_row_per_entry_and_a_column_per_framework_and_marks_each_measured_departure():
    import json

    from refimpl import crosscheck
    from refimpl.tables import rosetta

    text = rosetta()
    rows = [r for r in text.splitlines() if r.startswith("| [")]
    assert len(rows) == len(refimpl.names())
    header = next(r for r in text.splitlines() if r.startswith("| "))
    assert [c.strip() for c in header.strip("|").split("|")][1:] == [FRAMEWORKS[k].label for k in FRAMEWORKS]
    keys = list(FRAMEWORKS)
    by_name = {}
    for name, row in zip(refimpl.names(), rows):
        by_name[name] = [c.strip() for c in row.strip().strip("|").split(" | ")][1:]
    for key in keys:
        data = json.loads((crosscheck.MEASUREMENTS / f"{key}.json").read_text())
        for record in data["results"]:
            if record["name"] not in by_name:
                continue
            cell = by_name[record["name"]][keys.index(key)]
            entry = refimpl.get(record["name"])
            if entry.frameworks.get(key) is None or entry.frameworks[key].call != record["call"]:
                continue
            assert ("✗" in cell) == (bool(record["error"]) or not record["ok"]), (record["name"], key, cell)
    # the one a review found: Keras 3.15.1's sparsemax computes another function
    assert "✗" in by_name["sparsemax"][keys.index("keras")]
    assert all(c == "—" for c, k in zip(by_name["clamped_swiglu"], keys))
