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
    ("lanes 3 \u2013 5, won 2 \u2013 1", "lanes 3\u20135, won 2\u20131"),  # a spaced range or score
    ("1939 \u2013 1945", "1939\u20131945"),
    ("in 2019 \u2013 20 people died", "in 2019, 20 people died"),  # a pause: no range downwards
    ("he was 45 \u2013 a record", "he was 45, a record"),
])
def test_clean(text: str, cleaned: str) -> None:
    assert clean(text) == cleaned
