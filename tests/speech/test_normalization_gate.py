"""bench/normalization.py as a fast gate: no probe worse than the raw sentence, and every
kind's pass rate at the issue's goal, 90 %, over all probes (tuned, held out and the fresh
batches)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KIND_FLOOR = 0.90  # the goal; every kind is at or above it on all probes
OVERALL_FLOOR = 0.95


def _bench():
    spec = importlib.util.spec_from_file_location("normalization_bench", ROOT / "bench" / "normalization.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_probes_cover_every_kind_and_several_languages() -> None:
    probes = _bench().load_probes()
    assert len(probes) >= 150
    assert len({p.kind for p in probes}) >= 18
    assert {p.language for p in probes} >= {"en", "de", "fr", "es", "it", "pt", "nl"}
    assert sum(p.held_out for p in probes) >= 50


def test_never_worse_than_raw_and_above_the_floor() -> None:
    bench = _bench()
    verdicts = bench.judge(bench.load_probes())
    worse = bench.worse_than_raw(verdicts)
    assert not worse, [(v.probe.text, v.narrate) for v in worse]
    _, rates = bench.table(verdicts)
    assert {k: r for k, r in rates.items() if r < KIND_FLOOR} == {}
    assert sum(v.narrate_ok for v in verdicts) / len(verdicts) >= OVERALL_FLOOR


def test_the_judge_can_fail() -> None:
    bench = _bench()
    probe = bench.Probe("year", "en", False, "In 1999 it rained.", ("In nineteen ninety nine it rained.",))
    wrong = bench.Probe("year", "en", False, "In 1999 it rained.", ("In two thousand it rained.",))
    ok, bad = bench.judge([probe, wrong])
    assert ok.narrate_ok and not ok.raw_ok
    assert not bad.narrate_ok and not bad.raw_ok
