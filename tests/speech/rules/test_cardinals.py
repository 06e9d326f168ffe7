from __future__ import annotations

import pytest

from narrate.speech.rules.cardinals import cardinals
from narrate.speech.rules.symbols import symbols


@pytest.mark.parametrize(("text", "spoken"), [
    ("12,500", "twelve thousand five hundred"),
    ("the 1,000th day", "the one thousandth day"),
    ("3rd and 102nd", "third and one hundred second"),
    ("0.75", "zero point seven five"),
    ("CO2, H5N1, A380, 4K, COVID-19, F-35", "CO2, H5N1, A380, 4K, COVID-19, F-35"),  # codes stay whole
    ("1,250,000 people.", "one million two hundred fifty thousand people."),
    ("in 1/3/2020", "in 1/3/2020"),
])
def test_english_cardinals(text: str, spoken: str) -> None:
    assert cardinals(text, "en") == spoken


@pytest.mark.parametrize(("text", "lang", "spoken"), [
    ("1.234.567 Einwohner", "de", "1234567 Einwohner"),
    ("15.000 personas", "es", "15000 personas"),
    ("2,5 Punkte", "de", "2,5 Punkte"),  # a decimal comma is the engine's
    ("1.5", "de", "1.5"),
])
def test_other_languages_keep_digits_without_grouping(text: str, lang: str, spoken: str) -> None:
    assert cardinals(text, lang) == spoken


@pytest.mark.parametrize(("text", "spoken"), [
    ("salt & pepper, Q&A", "salt and pepper, Q and A"),
    ("C++ and C#", "C plus plus and C sharp"),
    ("±3%", "plus or minus 3%"),
    ("a 3×3 grid, 2 x 4", "a 3 by 3 grid, 2 by 4"),
    ("the #1 hit", "the number 1 hit"),
    ("24/7 and/or", "24 7 and or"),
    ("#MeToo", "#MeToo"),
])
def test_symbols(text: str, spoken: str) -> None:
    assert symbols(text, "en") == spoken


def test_french_groups_with_plain_spaces() -> None:
    assert cardinals("67 000 000 habitants, 2 345 et 12", "fr") == "67000000 habitants, 2345 et 12"


def test_per_after_an_amount() -> None:
    assert symbols("$4.99/mo and 30/day, not and/or", "en") == "$4.99 per month and 30 per day, not and or"


def test_grouping_periods_before_a_decimal_comma() -> None:
    assert cardinals("1.234,5 Tonnen", "de") == "1234,5 Tonnen"


def test_portuguese_thousands_keep_their_e() -> None:
    # "mil e quinhentos", "um milhão e duzentos mil": the engine's own reading drops the "e"
    assert cardinals("recebeu 45.000 e depois 1.500 e 1.200.000", "pt") == \
        "recebeu quarenta e cinco mil e depois mil e quinhentos e um milhão e duzentos mil"
    assert cardinals("nota 8,5 e 250 pessoas", "pt") == "nota 8,5 e 250 pessoas"  # left to the engine


@pytest.mark.parametrize(("text", "spoken"), [
    # two whole numbers across a slash that cannot be a fraction are a name, said as a pair
    ("9/11 and 7/7, 24/7, 50/50, 5/4 time", "9 11 and 7 7, 24 7, 50 50, 5 4 time"),
    ("1/3 and 3/4 and 3/16", "1/3 and 3/4 and 3/16"),  # fractions: the fraction rule's
    ("1/3/2020 and 2.5/10", "1/3/2020 and 2.5/10"),
])
def test_a_pair_across_a_slash(text: str, spoken: str) -> None:
    assert symbols(text, "en") == spoken


@pytest.mark.parametrize(("text", "lang", "spoken"), [
    ("won 3:1, a 16:9 screen", "en", "won 3 to 1, a 16 to 9 screen"),
    ("gewann 2:0", "de", "gewann 2 zu 0"),
    ("at 10:30 and John 3:16", "en", "at 10:30 and John 3:16"),  # two-digit minutes: a clock
])
def test_a_ratio_or_a_score(text: str, lang: str, spoken: str) -> None:
    assert symbols(text, lang) == spoken


@pytest.mark.parametrize(("text", "lang", "spoken"), [
    ("rose ~5%", "en", "rose about 5%"),
    ("kostet ~20 Euro", "de", "kostet etwa 20 Euro"),
    ("~/docs and a~1", "en", "~/docs and a~1"),  # a path or a glued tilde: left alone
])
def test_a_tilde_before_a_number_is_about(text: str, lang: str, spoken: str) -> None:
    assert symbols(text, lang) == spoken
