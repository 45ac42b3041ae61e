"""refimpl.crosscheck against a stub PyTorch made of NumPy: right spellings pass, a wrong one
is reported where it departs, and the report is strict JSON."""

import json
from types import SimpleNamespace

import numpy as np
import pytest

import refimpl
from refimpl.crosscheck import Backend, check, run


def _softmax(x, dim):
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
