"""refimpl.crosscheck against a stub PyTorch made of NumPy: right spellings pass, a wrong one
is reported where it departs, and the report is strict JSON; the worker protocol of `make
crosscheck` gives the same results; and the committed measurements cover every spelling the
registry has now, with the pins of scripts/crosscheck/frameworks.toml. Nothing here installs or
imports a framework."""

import ast
import importlib.util
import json
import re
import sys
import tomllib
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

import refimpl
from refimpl import crosscheck
from refimpl.crosscheck import Backend, check, run
from refimpl.frameworks import FRAMEWORKS, NAMESPACES

WORKER = Path(__file__).resolve().parent.parent / "scripts" / "crosscheck" / "worker.py"


def _softmax(x, dim):
    with np.errstate(invalid="ignore"):  # rows with inf: NaN, as in PyTorch, and no warning
        e = np.exp(x - np.max(x, axis=dim, keepdims=True))
        return e / np.sum(e, axis=dim, keepdims=True)


def _softshrink(x, lambd=0.5):
    return np.where(x > lambd, x - lambd, np.where(x < -lambd, x + lambd, 0.0))


def fake_torch(relu=lambda x: np.maximum(x, 0.0), softshrink_default=0.5):
    """The few names the checked entries' PyTorch calls use, computed by NumPy."""
    functional = SimpleNamespace(softshrink=_softshrink)
    nn = SimpleNamespace(functional=functional,
                         Softshrink=lambda: SimpleNamespace(lambd=softshrink_default))
    return SimpleNamespace(__version__="0.0+stub", relu=relu, tanh=np.tanh, softmax=_softmax, nn=nn)


def backend(torch) -> Backend:
    return Backend("pytorch", {"torch": torch}, lambda a: np.array(a, dtype=np.float64), np.asarray,
                   torch.__version__)


def test_the_calls_used_here_are_the_registrys():
    # if a spelling changes, the stub above must follow it, or these tests check nothing
    calls = {name: refimpl.get(name).frameworks["pytorch"].call
             for name in ("relu", "tanh", "softmax", "softshrink")}
    assert calls == {"relu": "torch.relu({x})", "tanh": "torch.tanh({x})",
                     "softmax": "torch.softmax({x}, dim=-1)",
                     "softshrink": "torch.nn.functional.softshrink({x})"}


def test_a_right_spelling_has_no_ordinary_divergence():
    for name in ("relu", "tanh", "softshrink"):
        result = check(refimpl.get(name), backend(fake_torch()))
        assert result.ok and not result.error, (name, result)
        assert not [d for d in result.divergences if d.inputs == "ordinary"], name
        assert result.dtype == "float64"


def test_a_wrong_function_is_reported_where_it_departs():
    leaky = lambda x: np.where(x >= 0, x, 0.01 * x)  # noqa: E731  (not relu)
    result = check(refimpl.get("relu"), backend(fake_torch(relu=leaky)))
    assert not result.ok
    ordinary = {d.x: (d.theirs, d.ours) for d in result.divergences if d.inputs == "ordinary"}
    assert ordinary[-1.0] == (-0.01, 0.0)
    assert all(x < 0 for x in ordinary)  # and nowhere else
    assert len(ordinary) == 80  # the negative points of linspace(-8, 8, 161)


def test_nan_and_inf_disagreements_are_divergences_of_the_hard_points():
    # NaN in, 0 out: np.fmax ignores NaN. Equal on ordinary points, so still the same function.
    result = check(refimpl.get("relu"), backend(fake_torch(relu=lambda x: np.fmax(x, 0.0))))
    assert result.ok
    (nan,) = result.divergences
    assert nan.inputs == "hard" and np.isnan(nan.x) and nan.theirs == 0.0 and np.isnan(nan.ours)


def test_vector_entries_report_the_row_and_the_place_in_it():
    result = check(refimpl.get("softmax"), backend(fake_torch()))
    assert result.ok  # the textbook softmax is right on ordinary rows
    hard = [d for d in result.divergences if d.inputs == "hard"]
    assert all(isinstance(d.x, tuple) and len(d.x) == 4 and 0 <= d.index < 4 for d in hard)


def test_framework_defaults_are_read_and_compared():
    (same,) = check(refimpl.get("softshrink"), backend(fake_torch())).defaults
    assert (same.param, same.theirs, same.ours, same.same) == ("lambd", 0.5, 0.5, True)
    (other,) = check(refimpl.get("softshrink"), backend(fake_torch(softshrink_default=0.25))).defaults
    assert other.theirs == 0.25 and not other.same


def test_a_call_that_raises_is_a_failed_result_not_a_crash():
    torch = fake_torch()
    del torch.tanh
    result = check(refimpl.get("tanh"), backend(torch))
    assert not result.ok and result.error.startswith("AttributeError")


def test_an_entry_without_a_spelling_is_refused_by_name():
    with pytest.raises(ValueError, match=r"crosscheck\.check: .* has no 'jax' spelling"):
        check(refimpl.get("softmin"), Backend("jax", {}, np.asarray, np.asarray))


def test_the_report_is_strict_json():
    report = run(backend(fake_torch(relu=lambda x: np.fmax(x, 0.0))), ["relu", "tanh", "sparsemax"],
                 date="2026-01-02")
    data = json.loads(report.to_json())
    assert (data["framework"], data["version"], data["device"], data["date"]) == \
        ("pytorch", "0.0+stub", "cpu", "2026-01-02")
    assert [r["name"] for r in data["results"]] == ["relu", "tanh"]  # sparsemax: no PyTorch spelling
    assert data["results"][0]["divergences"][0]["x"] == "nan"


def test_the_report_keeps_the_first_divergences_and_counts_them_all():
    leaky = lambda x: np.where(x >= 0, x, 0.01 * x)  # noqa: E731
    (record,) = json.loads(run(backend(fake_torch(relu=leaky)), ["relu"]).to_json())["results"]
    assert record["counts"] == {"ordinary": 80, "hard": 10}  # x < 0, finite and above -inf
    assert record["outputs"] == {"ordinary": len(crosscheck.ORDINARY), "hard": len(crosscheck.HARD)}
    kept = [d["inputs"] for d in record["divergences"]]
    assert kept == ["ordinary"] * crosscheck.KEPT + ["hard"] * crosscheck.KEPT


# -- the worker protocol (scripts/crosscheck/worker.py), with NumPy standing in for a framework ---
def _worker():
    spec = importlib.util.spec_from_file_location("crosscheck_worker", WORKER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_worker_binds_the_names_calls_may_use():
    assert _worker().NAMESPACES == NAMESPACES


def test_the_worker_imports_no_more_than_numpy_and_the_standard_library():
    tree = ast.parse(WORKER.read_text())
    top = {alias.name.split(".")[0] for node in tree.body if isinstance(node, ast.Import)
           for alias in node.names}
    top |= {node.module.split(".")[0] for node in tree.body
            if isinstance(node, ast.ImportFrom) and node.level == 0}
    assert top - set(sys.stdlib_module_names) == {"numpy"}


def test_worker_outputs_compared_here_give_the_in_process_result():
    worker = _worker()
    leaky = lambda x: np.where(x >= 0, x, 0.01 * x)  # noqa: E731
    torch = fake_torch(relu=leaky)
    setup = worker.Setup({"torch": torch}, lambda a: np.array(a), np.asarray, "0.0+stub", "cpu")
    requests, arrays = crosscheck.requests("pytorch")
    chosen = [r for r in requests if r["name"] in ("relu", "softshrink", "softmax", "tanh")]
    del torch.tanh  # a call that raises is an answer, not a crash
    results, outputs = worker.evaluate(setup, chosen, arrays)
    response = {"version": "0.0+stub", "device": "cpu", "python": "3", "platform": "p",
                "results": results}
    report = crosscheck.from_worker("pytorch", response, outputs, "2026-01-02")
    by_name = {r.name: r for r in report.results}
    for name in ("relu", "softshrink", "softmax"):
        # repr: a divergence at x = NaN is not == to itself
        assert repr(by_name[name]) == repr(check(refimpl.get(name), backend(fake_torch(relu=leaky))))
    assert not by_name["relu"].ok and by_name["softshrink"].defaults[0].theirs == 0.5
    assert by_name["tanh"].error.startswith("AttributeError") and not by_name["tanh"].ok


def test_the_worker_records_what_the_framework_warns():
    worker = _worker()
    noisy = SimpleNamespace(tanh=lambda x: np.log(np.exp(x)))  # exp overflows, log(0) diverges
    setup = worker.Setup({"torch": noisy}, np.asarray, np.asarray, "0", "cpu")
    requests, arrays = crosscheck.requests("pytorch")
    (result,), _ = worker.evaluate(setup, [r for r in requests if r["name"] == "tanh"], arrays)
    assert result["warnings"] == ["RuntimeWarning: divide by zero encountered in log",
                                  "RuntimeWarning: overflow encountered in exp"]


# -- the committed measurements (refimpl/measurements/crosscheck/, written by make crosscheck) ---
SETTINGS = tomllib.loads((WORKER.parent / "frameworks.toml").read_text())
STATUSES = {"measured", "install failed", "import failed", "worker failed"}


def _spellings():
    for name in refimpl.names():
        for key, fw in refimpl.get(name).frameworks.items():
            if fw is not None:
                yield pytest.param(name, key, fw, id=f"{name}-{key}")


@pytest.mark.parametrize("name, key, fw", list(_spellings()))
def test_every_spelling_was_measured_as_it_is_written_now(name, key, fw):
    data = crosscheck.load(key)
    assert data is not None, f"{key}: never measured; run `make crosscheck FRAMEWORKS={key}`"
    if data["status"] != "measured":
        return  # the framework did not install or import: recorded as such (test below)
    records = [r for r in data["results"] if r["name"] == name]
    again = f"run `make crosscheck FRAMEWORKS={key}` and commit refimpl/measurements/crosscheck/"
    assert records, f"{name}: its {key} spelling was never measured; {again}"
    (record,) = records
    assert record["call"] == fw.call, \
        f"{name}: the {key} call is now {fw.call!r}, the measurement ran {record['call']!r}; {again}"
    assert {d["param"]: d["expression"] for d in record["defaults"]} == fw.defaults, \
        f"{name}: the {key} default expressions changed since the measurement; {again}"


@pytest.mark.parametrize("key", sorted(SETTINGS.keys() - {"python"}))  # sorted: xdist workers must collect one order
def test_every_framework_is_measured_with_its_pins_or_recorded_as_failed(key):
    data = crosscheck.load(key)
    assert data is not None, f"{key}: no refimpl/measurements/crosscheck/{key}.json"
    assert data["framework"] == key and data["status"] in STATUSES
    assert data["requirements"] == SETTINGS[key]["requirements"], \
        f"{key}: the pins changed since the measurement; run `make crosscheck FRAMEWORKS={key}`"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", data["date"])
    if data["status"] == "measured":
        assert data["version"] and data["device"] and data["python"] and data["platform"]
        assert data["ulps"] == crosscheck.ULPS and not data["error"]
        backend = SETTINGS[key].get("env", {}).get("KERAS_BACKEND")
        assert backend is None or data["backend"] == f"{backend} backend"
    else:
        assert data["error"] and data["results"] == [], f"{key}: a failure says why, and no more"


@pytest.mark.parametrize("key", sorted(SETTINGS.keys() - {"python"}))  # sorted: xdist workers must collect one order
def test_a_measurement_is_of_a_spelling_the_registry_still_has(key):
    for record in (crosscheck.load(key) or {"results": []})["results"]:
        assert refimpl.get(record["name"]).frameworks.get(key) is not None, \
            f"{record['name']}: measured in {key}, but the registry has no such spelling now"
        assert sum(record["counts"].values()) >= len(record["divergences"])


def test_every_framework_of_the_registry_has_its_pins():
    assert set(FRAMEWORKS) <= set(SETTINGS), "a framework without an environment to measure it in"


def test_a_changed_call_without_a_new_measurement_fails_naming_entry_and_framework():
    from dataclasses import replace

    fw = replace(refimpl.relu.frameworks["pytorch"], call="torch.relu({x} + 0.0)")
    with pytest.raises(AssertionError, match=r"relu: the pytorch call is now 'torch\.relu"):
        test_every_spelling_was_measured_as_it_is_written_now("relu", "pytorch", fw)
