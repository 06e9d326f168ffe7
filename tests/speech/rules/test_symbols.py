from __future__ import annotations

import pytest

from narrate.speech.rules.symbols import symbols


@pytest.mark.parametrize(("text", "spoken"), [
    ("fell 4% y/y in May", "fell 4% year on year in May"),
    ("rose 0.3% q/q and 0.1% m/m", "rose 0.3% quarter on quarter and 0.1% month on month"),
    ("grew 3x in a year", "grew 3 times in a year"),
    ("a 2.5x return", "a 2.5 times return"),
    ("a 4x4 vehicle", "a 4 by 4 vehicle"),  # the by rule's
    ("the 3x3 event", "the 3 by 3 event"),
    ("his x/y plot", "his x/y plot"),  # two different letters: left alone
])
def test_periods_and_multiples(text: str, spoken: str) -> None:
    assert symbols(text, "en") == spoken
