"""The guides agree with the experiments they cite: every link from a guide to an experiment page
points to an existing page, and a link to one of its claims uses a key of that experiment's
CLAIMS, which the page anchors (``{: #key }``) and the tests check on held-out seeds. The guide
paraphrases the claim; the number lives once, in CLAIMS."""

import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
GUIDES = [DOCS / "guides" / "choosing.md", DOCS / "guides" / "concepts.md", DOCS / "misconceptions.md"]
CITE = re.compile(r"\]\(((?:\.\./)?experiments/([a-z_]+)\.md)(?:#([a-z0-9.\-]+))?\)")


def citations():
    for guide in GUIDES:
        for line in guide.read_text().splitlines():
            for target, name, anchor in CITE.findall(line):
                yield guide, target, name, anchor


@pytest.mark.parametrize("guide, target, name, anchor", list(citations()),
                         ids=lambda v: v.name if isinstance(v, Path) else str(v))
def test_cited_experiment_and_claim_exist(guide, target, name, anchor):
    page = (guide.parent / target).resolve()
    assert page.exists(), f"{guide.name}: no experiment page {target}"
    if anchor:
        module = importlib.import_module(f"refimpl.experiments.{name}")
        assert anchor in getattr(module, "CLAIMS", {}), f"{guide.name}: {name} has no claim {anchor!r}"
        assert f"{{: #{anchor} }}" in page.read_text(), f"{name}.md does not anchor its claim {anchor!r}"


def test_the_dead_units_row_follows_the_experiment():
    # The row that once sent readers to Leaky ReLU or ELU "so no dead units" must cite the claims
    # that contradict it.
    text = (DOCS / "guides" / "choosing.md").read_text()
    row = next(line for line in text.splitlines() if line.startswith("| Many ReLU units stop learning"))
    assert "dead_units.md#lower-the-rate" in row and "dead_units.md#leaky-elu-fail" in row


def test_the_output_loss_rows_cite_its_claims():
    # Every guide sentence that sends readers to the output-loss page links one of its claims,
    # not the page as a whole: the page's result depends on the start and the learning rate.
    cited = [(guide.name, anchor) for guide, _, name, anchor in citations() if name == "output_loss"]
    assert len(cited) >= 4
    assert all(anchor for _, anchor in cited), cited


@pytest.mark.parametrize("name", ["dead_units", "gradient_flow", "output_loss", "prior_bias",
                                  "training_speed", "universal_approximation"])
def test_every_claim_is_anchored_on_its_page(name):
    module = importlib.import_module(f"refimpl.experiments.{name}")
    text = (DOCS / "experiments" / f"{name}.md").read_text()
    for key in module.CLAIMS:
        assert f"{{: #{key} }}" in text, f"{name}.md: claim {key!r} has no anchor"
