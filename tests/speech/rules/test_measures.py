from __future__ import annotations

import pytest

from narrate.speech.rules import measures


@pytest.mark.parametrize(("text", "spoken"), [
    ("7%", "seven percent"), ("4.2pc", "four point two percent"),
    ("12.5 per cent", "twelve point five percent"), ("2024% and 1,000%", "two thousand twenty four percent and one thousand percent"),
])
def test_percentages(text: str, spoken: str) -> None:
    assert measures.percentages(text, "en") == spoken


def test_percentages_in_other_languages() -> None:
    assert measures.percentages("12 % und 3%", "de") == "12 Prozent und 3 Prozent"
    assert measures.percentages("7,3 %", "fr") == "7,3 pour cent"


@pytest.mark.parametrize(("text", "spoken"), [
    ("aged 18-25", "aged 18 to 25"),
    ("3.5\u20134 percent", "3.5 to 4 percent"),
    ("between 10-12", "between 10 and 12"),
    ("COVID-19 and F-35", "COVID-19 and F-35"),  # codes, not ranges
    ("978-3-16", "978-3-16"),  # a chain of groups is not a range
    ("1.5-litre", "1.5-litre"),
])
def test_ranges(text: str, spoken: str) -> None:
    assert measures.ranges(text, "en") == spoken


@pytest.mark.parametrize(("text", "spoken"), [
    ("it was -5 today", "it was minus 5 today"), ("(-3)", "(minus 3)"), ("18-25", "18-25"),
])
def test_minus(text: str, spoken: str) -> None:
    assert measures.minus(text, "en") == spoken


@pytest.mark.parametrize(("text", "spoken"), [
    ("2.5kg", "2.5 kilograms"), ("1 km", "1 kilometre"), ("30 mph", "30 miles per hour"),
    ("-5°C", "-5 degrees Celsius"), ("a 45° angle", "a 45 degrees angle"),
    ("6ft 2in", "6 feet 2 inches"), ("6'2\"", "6 feet 2 inches"), ("highs of 25C", "highs of 25 degrees Celsius"),
    ("120 km/h", "120 kilometres per hour"), ("650 sq ft", "650 square feet"),
    ("the 4C grade code 4Cx", "the 4 degrees Celsius grade code 4Cx"),
    ("5 in 10", "5 in 10"),  # "in" is an inch only after feet
])
def test_units(text: str, spoken: str) -> None:
    assert measures.units(text) == spoken


@pytest.mark.parametrize(("text", "spoken"), [
    ("1/3", "one third"), ("3/4", "three quarters"), ("½ cup", "one half cup"),
    ("2¾ miles", "two and three quarters miles"), ("1 1/2 hours", "one and a half hours"),
    ("2/3 of firms", "two thirds of firms"), ("24/7", "24/7"), ("1/3/2020", "1/3/2020"),
])
def test_fractions(text: str, spoken: str) -> None:
    assert measures.fractions(text) == spoken


@pytest.mark.parametrize(("text", "spoken"), [
    ("add 8 oz. water", "add 8 ounces water"),
    ("1 tsp. salt, 2 Tbsp. oil", "1 teaspoon salt, 2 tablespoons oil"),
    ("a 21.7 cu. ft. fridge", "a 21.7 cubic feet fridge"),
    ("It weighs 8 oz. The box", "It weighs 8 ounces. The box"),  # the period may end the sentence
])
def test_unit_abbreviation_periods(text: str, spoken: str) -> None:
    assert measures.units(text) == spoken


@pytest.mark.parametrize(("text", "spoken"), [
    # metres only where the word after is about length; "5m users" is five million
    ("300 m deep and the 400m hurdles", "300 metres deep and the 400 metres hurdles"),
    ("1 m long, 5m users, 2 m people", "1 metre long, 5 million users, 2 m people"),
    ("5m of them and 3m from abroad", "5m of them and 3m from abroad"),  # may be millions
    # "in" glued to a number is inches, never the preposition
    ("18in long", "18 inches long"),
    ("100 yd long, 500 ha of forest", "100 yards long, 500 hectares of forest"),
    ("ran 9.58s, in the 90s", "ran 9.58 seconds, in the 90s"),  # seconds only after a decimal
    ("born in 1990 in Paris", "born in 1990 in Paris"),
])
def test_metres_and_inches(text: str, spoken: str) -> None:
    assert measures.units(text) == spoken


def test_a_range_of_percentages_is_never_a_minus() -> None:
    assert measures.ranges("won 52%-48% and 5 %–6 %", "en") == "won 52% to 48% and 5 % to 6 %"
    assert measures.ranges("52%-48%", "de") == "52% bis 48%"


@pytest.mark.parametrize(("text", "lang", "spoken"), [
    ("Die Strecke ist 42 km lang, 1 km mehr, 2,5 kg, 30 °C", "de",
     "Die Strecke ist 42 Kilometer lang, 1 Kilometer mehr, 2,5 Kilogramm, 30 Grad Celsius"),
    ("à 130 km/h sur 1 km", "fr", "à 130 kilomètres par heure sur 1 kilomètre"),
    ("pesa 3 kg", "es", "pesa 3 kilos"),
    ("Sie ist 1,75 m groß, 1 m breit", "de", "Sie ist 1,75 Meter groß, 1 Meter breit"),
    ("the km and 5 kmh", "de", "the km and 5 kmh"),  # no number, or no unit symbol
])
def test_units_in_other_languages(text: str, lang: str, spoken: str) -> None:
    assert measures.foreign_units(text, lang) == spoken


@pytest.mark.parametrize(("text", "spoken"), [
    ("2bn users and 1.2tn in debt", "2 billion users and 1.2 trillion in debt"),
    ("some 5m people, a 5m wall", "some 5 million people, a 5m wall"),  # million only before a counted noun
])
def test_scales_glued_to_a_number(text: str, spoken: str) -> None:
    assert measures.units(text) == spoken


@pytest.mark.parametrize(("text", "lang", "spoken"), [
    ("open Monday\u2013Friday", "en", "open Monday to Friday"),
    ("from Jan\u2013March", "en", "from Jan to March"),
    ("von August\u2013September", "de", "von August bis September"),
    ("the Paris\u2013Berlin line", "en", "the Paris\u2013Berlin line"),  # not a span of names
])
def test_a_span_of_days_or_months(text: str, lang: str, spoken: str) -> None:
    assert measures.spans(text, lang) == spoken


@pytest.mark.parametrize(("text", "lang", "spoken"), [
    ("a 4-3-3 formation", "en", "a 4 3 3 formation"),  # single digits in a chain: one by one
    ("a 4-4-1-1 shape", "de", "a 4 4 1 1 shape"),
    ("won 3-1", "en", "won 3 to 1"),  # English says a score with "to"
    ("gewann 3-1", "de", "gewann 3 zu 1"),  # a pair that goes down is a score
    ("won met 4-0 en 1-1", "nl", "won met 4 0 en 1 1"),  # Dutch: "vier-nul", left to the engine
    ("s'est imposé 2-0", "fr", "s'est imposé 2 à 0"),
    ("Kinder von 6-10 Jahren", "de", "Kinder von 6 bis 10 Jahren"),  # a range goes up
    ("die Saison 2020-21", "de", "die Saison 2020 bis 21"),  # a year's range is no score
    ("in het jaar 12-10-2025", "nl", "in het jaar 12-10-2025"),  # a date is no pair
])
def test_scores_and_chains_are_not_ranges(text: str, lang: str, spoken: str) -> None:
    assert measures.ranges(text, lang) == spoken


@pytest.mark.parametrize(("text", "spoken"), [
    ("a 10-kg bag", "a 10 kilogram bag"),  # a modifier: the unit in the singular
    ("a 6-ft wall", "a 6 foot wall"),
    ("in 3.1 sec.", "in 3.1 seconds."),
    ("after 90 min of play", "after 90 minutes of play"),
    ("holds 2,500 m³ of water", "holds 2,500 cubic metres of water"),
    ("Highs near 95F are expected", "Highs near 95 degrees Fahrenheit are expected"),
    ("Temperatures hit 104F.", "Temperatures hit 104 degrees Fahrenheit."),
    ("Seat 32F was empty", "Seat 32F was empty"),  # no temperature in the sentence
])
def test_more_units(text: str, spoken: str) -> None:
    assert measures.units(text) == spoken
