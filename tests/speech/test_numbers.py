from __future__ import annotations

import pytest

from narrate.speech import numbers


@pytest.mark.parametrize(("n", "words"), [
    (0, "zero"), (7, "seven"), (13, "thirteen"), (45, "forty five"), (100, "one hundred"),
    (123, "one hundred twenty three"), (1100, "one thousand one hundred"),
    (2_000_001, "two million one"), (-5, "minus five"),
])
def test_cardinal(n: int, words: str) -> None:
    assert numbers.cardinal(n) == words


@pytest.mark.parametrize(("n", "words"), [
    (1, "first"), (2, "second"), (3, "third"), (5, "fifth"), (12, "twelfth"), (13, "thirteenth"),
    (20, "twentieth"), (21, "twenty first"), (100, "one hundredth"),
])
def test_ordinal(n: int, words: str) -> None:
    assert numbers.ordinal(n) == words


@pytest.mark.parametrize(("n", "words"), [
    (1999, "nineteen ninety nine"), (2005, "two thousand five"), (2024, "twenty twenty four"),
    (1900, "nineteen hundred"), (1805, "eighteen oh five"), (2010, "twenty ten"),
])
def test_year(n: int, words: str) -> None:
    assert numbers.year(n) == words


def test_decimal() -> None:
    assert numbers.decimal("3.25") == "three point two five"
    assert numbers.decimal("1,234") == "one thousand two hundred thirty four"
