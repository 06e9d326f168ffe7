"""bench/extraction.py: the gate CI runs (narrate only, a few seconds), the fixed site split,
and --pin never lowering the pinned F1 floor without --allow-regression."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

from narrate.readers.extract import settings
from tests.shared import ROOT, SHARED, need_shared


def _bench():
    spec = importlib.util.spec_from_file_location("extraction", ROOT / "bench" / "extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_floors_read_from_settings() -> None:
    floors = _bench()._floors()
    assert floors == {"F1_FLOOR": settings.F1_FLOOR, "HELDOUT_F1_FLOOR": settings.HELDOUT_F1_FLOOR,
                      "SPEED_CEILING": settings.SPEED_CEILING}
    assert settings.F1_FLOOR >= 0.975  # the bar: never pinned below it
    assert settings.HELDOUT_F1_FLOOR >= 0.965  # above trafilatura's held-out F1 (0.962)


def test_site_split_is_by_host_and_fixed() -> None:
    half = _bench().site_half
    assert half("https://www.news.example/a") == half("http://news.example/b?x=1")
    assert half("https://news.example/a") == half("https://news.example:8080/other")
    halves = {half(f"https://site{i}.example/") for i in range(40)}
    assert halves == {"tune", "held-out"}


def test_gate_passes_on_the_dev_pages() -> None:
    bench = need_shared(SHARED / "bench" / "evaluate.py").parent
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "extraction.py"), "--bench", str(bench), "--gate",
         "--no-references", "--rounds", "1", "--repeat", "1"],
        capture_output=True, text=True, timeout=600, env=env)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert "gate ok" in proc.stdout and "held-out F1" in proc.stdout


def test_pin_refuses_to_lower(capsys) -> None:
    before = (ROOT / "narrate" / "readers" / "extract" / "settings.py").read_text()
    assert _bench()._pin(settings.F1_FLOOR - 0.1, allow_regression=False) == 1
    assert "refusing to lower" in capsys.readouterr().err
    assert (ROOT / "narrate" / "readers" / "extract" / "settings.py").read_text() == before
