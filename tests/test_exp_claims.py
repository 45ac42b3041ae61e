"""Every claim of every experiment page, with its stated margin, on held-out seeds the page's
numbers were not computed from. The claims and margins are each experiment's ``CLAIMS``; the
experiment's own tests (tests/test_exp_<name>.py) check its mechanics."""

import importlib
import pkgutil

import pytest

import held_out
from refimpl import experiments
from refimpl.experiments.claims import HELD_OUT_START

EXPERIMENTS = [m.name for m in pkgutil.iter_modules(experiments.__path__)
               if hasattr(importlib.import_module(f"refimpl.experiments.{m.name}"), "CLAIMS")]


def module(name):
    return importlib.import_module(f"refimpl.experiments.{name}")


def seeds(result: dict) -> list[int]:
    return result["seeds"] if "seeds" in result else result["training"]["seeds"]


@pytest.mark.parametrize("name, key", [pytest.param(n, k, id=f"{n}-{k}")
                                       for n in EXPERIMENTS for k in module(n).CLAIMS])
def test_claim_holds_on_held_out_seeds(name, key):
    result = held_out.result(name)
    assert min(seeds(result)) >= HELD_OUT_START  # no page number comes from these seeds
    measured = module(name).claim(result, key)
    margin = {m: v for m, v in module(name).CLAIMS[key].items() if m in ("at_least", "at_most")}
    assert measured["holds"], f"{name} {key}: held on {measured['rate']} seeds, page says {margin or 'a median'}"


def test_every_experiment_with_claims_is_covered():
    assert {"dead_units", "gradient_flow", "output_loss", "prior_bias", "training_speed",
            "universal_approximation"} <= set(EXPERIMENTS)
