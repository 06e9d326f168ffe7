from __future__ import annotations

import pytest

from narrate.speech.rules.cleanup import clean


@pytest.mark.parametrize(("text", "cleaned"), [
    ("Cafe\u0301", "Café"),  # NFC: one letter
    ("co\u00adoperation", "cooperation"),  # soft hyphen
    ("data\u200bbase news\u2060paper", "database newspaper"),  # zero-width space, word joiner
    ("don\u02bct", "don't"),  # modifier apostrophe
    ("\ufb01nal", "final"),  # ligature
    ("12\u00a0500 and 1\u2009250\u202f000", "12500 and 1250000"),  # digit groups joined
    ("Rain \u2014 lots \u2014 fell", "Rain, lots, fell"),
    ("2019\u20132021", "2019\u20132021"),  # a range keeps its dash for the range rule
    ("5\u2032 11\u2033", "5' 11\""),  # primes
])
def test_clean(text: str, cleaned: str) -> None:
    assert clean(text) == cleaned
