"""bench/extraction.py --pin never lowers the pinned F1 floor without --allow-regression."""

from __future__ import annotations

import importlib.util

from narrate.readers.extract import settings
from tests.shared import ROOT


def _bench():
    spec = importlib.util.spec_from_file_location("extraction", ROOT / "bench" / "extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_floors_read_from_settings() -> None:
    floors = _bench()._floors()
    assert floors == {"F1_FLOOR": settings.F1_FLOOR, "SPEED_CEILING": settings.SPEED_CEILING}
    assert settings.F1_FLOOR >= 0.975  # the bar: never pinned below it


def test_pin_refuses_to_lower(capsys) -> None:
    before = (ROOT / "narrate" / "readers" / "extract" / "settings.py").read_text()
    assert _bench()._pin(settings.F1_FLOOR - 0.1, allow_regression=False) == 1
    assert "refusing to lower" in capsys.readouterr().err
    assert (ROOT / "narrate" / "readers" / "extract" / "settings.py").read_text() == before
