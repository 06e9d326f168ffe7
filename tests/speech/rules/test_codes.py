from __future__ import annotations

import pytest

from narrate.speech.rules import codes


@pytest.mark.parametrize(("text", "spoken"), [
    ("King Charles III was crowned", "King Charles the third was crowned"),
    ("Pope Benedict XVI resigned", "Pope Benedict the sixteenth resigned"),
    ("World War II and World War I.", "World War two and World War one."),
    ("Super Bowl LVIII", "Super Bowl fifty eight"),
    ("Rocky IV and Chapter XII", "Rocky four and Chapter twelve"),
    ("Charles I, king", "Charles the first, king"),
    ("Then I left, I said", "Then I left, I said"),  # the pronoun
    ("Charles I think so", "Charles I think so"),
    ("on MIX radio, a CIVIL case, Vitamin C, Type X", "on MIX radio, a CIVIL case, Vitamin C, Type X"),
    ("an IV drip, the XL size", "an IV drip, the XL size"),
    ("Louis XIV built it", "Louis the fourteenth built it"),
])
def test_roman(text: str, spoken: str) -> None:
    assert codes.roman(text, "en") == spoken


def test_roman_values() -> None:
    assert [codes.roman_value(r) for r in ("IV", "LVIII", "MCMXC", "IIII", "MIX", "")] == [
        4, 58, 1990, None, 1009, None]


def test_resolutions() -> None:
    assert codes.resolutions("1080p and 720p, 4K, H5N1") == "ten eighty P and seven twenty P, 4K, H5N1"


@pytest.mark.parametrize(("text", "spoken"), [
    ("Queen Elizabeth I never married", "Queen Elizabeth the first never married"),  # titled
    ("Elizabeth II's funeral", "Elizabeth the second's funeral"),
    ("King Henry I's son", "King Henry the first's son"),
    ("When I met Charles I was nervous", "When I met Charles I was nervous"),  # the pronoun
    ("said King Charles I think", "said King Charles I think"),  # the pronoun, after a title too
    ("King Charles I was beheaded", "King Charles the first was beheaded"),
    ("Queen Victoria I and Prince Albert II", "Queen Victoria the first and Prince Albert the second"),
])
def test_roman_after_a_title_and_before_a_possessive(text: str, spoken: str) -> None:
    assert codes.roman(text, "en") == spoken


@pytest.mark.parametrize(("text", "spoken"), [
    ("The Boeing 787 landed", "The Boeing seven eighty seven landed"),
    ("a Boeing 707 and a Boeing 700", "a Boeing seven oh seven and a Boeing seven hundred"),
    ("the Airbus A380", "the Airbus A-three-eighty"),
    ("the Airbus A320neo", "the Airbus A-three-twenty neo"),
    ("the A380s and Boeing 747s", "the A-three-eighties and Boeing seven forty sevens"),
    ("Boeing 2023 results and Boeing 7.5", "Boeing 2023 results and Boeing 7.5"),  # not models
])
def test_aircraft_models_are_said_as_names(text: str, spoken: str) -> None:
    assert codes.aircraft(text) == spoken


def test_an_airbus_model_or_an_a_road_on_its_own() -> None:
    assert codes.aircraft("The A350 jet and the A303 road, not A4 paper or A3000") == \
        "The A-three-fifty jet and the A-three-oh-three road, not A4 paper or A3000"


@pytest.mark.parametrize(("text", "spoken"), [
    # the letters hyphenated, which the engine spells ("AF" alone is read as a word)
    ("Flight BA287 and MH370", "Flight B-A 2 8 7 and M-H 3 7 0"),  # digit by digit
    ("Flight AF447", "Flight A-F 4 4 7"),
    ("variants BA.2 and JN.1", "variants B-A 2 and J-N 1"),
    ("FY2024 results", "F-Y 2024 results"),  # a year stays a year
    ("XBB.1.5, MP3, EU27, COVID-19, PM2.5", "XBB.1.5, MP3, EU27, COVID-19, PM2.5"),  # left whole
])
def test_two_letters_and_digits(text: str, spoken: str) -> None:
    assert codes.letter_codes(text) == spoken


def test_a_title_before_a_two_word_regnal_name() -> None:
    assert codes.roman("King Juan Carlos I abdicated", "en") == "King Juan Carlos the first abdicated"
    assert codes.roman("Then Mary I went home", "en") == "Then Mary I went home"  # the pronoun


@pytest.mark.parametrize(("text", "spoken"), [
    ("Flight 370 left Room 101", "Flight three seventy left Room one oh one"),
    ("the Xbox 360 and the Porsche 911", "the Xbox three sixty and the Porsche nine eleven"),
    ("Flight 3700, Room 10, Gate 12.5", "Flight 3700, Room 10, Gate 12.5"),  # not three digits
])
def test_numbers_that_name_things_in_pairs(text: str, spoken: str) -> None:
    assert codes.names_in_pairs(text) == spoken


@pytest.mark.parametrize(("text", "spoken"), [
    ("an AK-47 rifle", "an A-K forty seven rifle"),  # the engine reads "AK" as a word
    ("the WD-40 can and the SU-57 jet", "the W-D forty can and the S-U fifty seven jet"),
    ("an MQ-9 drone", "an M-Q nine drone"),
    ("COVID-19, F-35, KC-135, AB-123, X-AE-12", "COVID-19, F-35, KC-135, AB-123, X-AE-12"),  # not two capitals and 1-2 digits
    ("AB-12-3 and AB-1.5", "AB-12-3 and AB-1.5"),
])
def test_two_capitals_a_hyphen_and_a_number(text: str, spoken: str) -> None:
    assert codes.letter_codes(text) == spoken


@pytest.mark.parametrize(("text", "lang", "spoken"), [
    ("Papst Benedikt XVI. ist gestorben.", "de", "Papst Benedikt der Sechzehnte ist gestorben."),
    ("Das Schloss von Ludwig II. steht.", "de", "Das Schloss von Ludwig dem Zweiten steht."),  # dative
    ("Elisabeth II. starb.", "de", "Elisabeth die Zweite starb."),
    ("Karl V. war Kaiser.", "de", "Karl der Fünfte war Kaiser."),
    ("Peter V. Müller sagt", "de", "Peter V. Müller sagt"),  # an initial
    ("Peter I. Braun sagt", "de", "Peter I. Braun sagt"),
    ("Malcolm X a parlé.", "fr", "Malcolm X a parlé."),  # a name, not a tenth Malcolm
    ("Louis XIV a construit Versailles.", "fr", "Louis 14 a construit Versailles."),  # "quatorze"
    ("François Ier est né.", "fr", "François premier est né."),
    ("Jean-Paul II est venu.", "fr", "Jean-Paul 2 est venu."),
    ("le XIXe siècle", "fr", "le XIXe siècle"),  # a century: the French date rule's
    ("El rey Felipe VI habló.", "es", "El rey Felipe sexto habló."),  # an ordinal to ten
    ("Alfonso XIII huyó.", "es", "Alfonso 13 huyó."),  # then the number
    ("Isabel II reinó.", "es", "Isabel segunda reinó."),
    ("Papa Giovanni XXIII fu amato.", "it", "Papa Giovanni ventitreesimo fu amato."),  # always an ordinal
    ("Dom Pedro II governou.", "pt", "Dom Pedro segundo governou."),
    ("Bento XVI renunciou.", "pt", "Bento 16 renunciou."),
    ("Willem III regeerde.", "nl", "Willem de Derde regeerde."),
    ("Koning Bert II sprak.", "nl", "Koning Bert de Tweede sprak."),  # any name after a title
    ("Marco VI e Anna XI", "it", "Marco VI e Anna XI"),  # no regnal name, no title: left alone
    ("Louis XIV", "en", "Louis XIV"),  # English has its own rule
])
def test_regnal_numerals_in_other_languages(text: str, lang: str, spoken: str) -> None:
    assert codes.foreign_roman(text, lang) == spoken


def test_malcolm_x_is_a_name() -> None:
    assert codes.roman("Malcolm X spoke, as did King Malcolm III.", "en") == \
        "Malcolm X spoke, as did King Malcolm the third."


@pytest.mark.parametrize(("text", "spoken"), [
    ("into a 401(k)", "into a four oh one K"),
    ("a 501(c)(3) charity", "a five oh one C(3) charity"),
    ("see s. 12(3)", "see s. 12(3)"),  # a subsection is no plan
])
def test_a_tax_code_section_is_a_name(text: str, spoken: str) -> None:
    assert codes.letter_codes(text) == spoken


def test_only_video_resolutions_are_said_in_pairs() -> None:
    assert codes.resolutions("720p, 1080i and 2160p, not 212p") == \
        "seven twenty P, ten eighty I and twenty one sixty P, not 212p"


@pytest.mark.parametrize(("text", "lang", "spoken"), [
    ("En el siglo XXI", "es", "En el siglo 21"),  # the engine says "veintiuno"
    ("En el siglo V", "es", "En el siglo quinto"),  # an ordinal to ten
    ("No século XIX", "pt", "No século 19"),
    ("los siglos XVI y XVII", "es", "los siglos 16 y XVII"),  # only right after the word
    ("El Siglo de Oro", "es", "El Siglo de Oro"),
])
def test_roman_centuries_in_spanish_and_portuguese(text: str, lang: str, spoken: str) -> None:
    assert codes.foreign_roman(text, lang) == spoken
