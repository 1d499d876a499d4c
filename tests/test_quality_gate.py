"""The quality gate: every dev set scored by scripts/evaluate.py, against tests/quality_floors.toml.

Slow (it runs the product over six sets, about three minutes with parsed documents cached in
../scratch/parsed-docs, more on a fresh machine). It needs the shared scorers and data beside
the checkout (../shared); without them there is nothing to measure and the gate says so.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.conftest import ROOT, SHARED

pytestmark = pytest.mark.slow


def evaluate_module():
    spec = importlib.util.spec_from_file_location("evaluate", ROOT / "scripts" / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["evaluate"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def measured(tmp_path_factory):
    if not (SHARED / "eval").is_dir() or not (SHARED / "data").is_dir():
        pytest.skip(f"no scorers or dev sets at {SHARED}: the gate has nothing to measure")
    evaluate = evaluate_module()
    from briefing.runtime import nlp

    results = evaluate.evaluate(list(evaluate.SETS), tmp_path_factory.mktemp("evaluate"),
                                ROOT.parent / "scratch" / "parsed-docs", nlp.model_name(), 2,
                                lambda message: None)
    return evaluate, results


def test_quality_gate_no_figure_below_its_floor(measured):
    evaluate, results = measured
    floors = evaluate.read_floors()
    assert floors, f"{evaluate.FLOORS} pins no floor"
    assert evaluate.below_floor(results, floors) == []


def test_quality_gate_fails_when_a_floor_is_above_the_figure(measured):
    """The gate can fail: a floor a little above a measured figure is reported."""
    evaluate, results = measured
    figure = results["allsides"]["half 1"]["participants_f1"]
    floors = {"allsides": {"half 1": {"participants_f1": figure + 0.001}}}
    assert evaluate.below_floor(results, floors) == [
        f"allsides half 1 participants_f1: {figure} against the pinned {figure + 0.001}"]
