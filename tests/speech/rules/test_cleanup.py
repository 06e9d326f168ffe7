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


@pytest.mark.parametrize(("text", "cleaned"), [
    ("\ufe90", "\u0628"),  # Arabic Presentation Forms-B: final beh is beh
    ("\ufee3\ufeae\ufea3\ufe92\ufe8e", "\u0645\u0631\u062d\u0628\u0627"),  # marhaban, glyph by glyph
    ("\ufdf2", "\u0627\u0644\u0644\u0647"),  # Presentation Forms-A: the ligature Allah
    ("\ufb01ve \ufb02ights", "five flights"),  # Alphabetic Presentation Forms: ligatures
    ("\ufb2e", "\u05d0\u05b7"),  # a Hebrew presentation form: alef with patah
    ("\uff21\uff22\uff23\uff11\uff12", "ABC12"),  # fullwidth
    ("\uff76\uff80\uff76\uff85", "\u30ab\u30bf\u30ab\u30ca"),  # halfwidth katakana
    ("\uff05", "%"),
])
def test_compatibility_forms_are_the_characters_they_stand_for(text: str, cleaned: str) -> None:
    assert clean(text) == cleaned


@pytest.mark.parametrize("text", [
    "50 m\u00b2", "x\u00b3", "\u00bd cup", "H\u2082O", "\u2460 first", "\u2122", "\u00aa", "\u2167",
])
def test_nfkc_leaves_other_blocks_alone(text: str) -> None:
    assert clean(text) == text  # superscripts, fractions, subscripts, circled digits stay for their rules


@pytest.mark.parametrize(("text", "cleaned"), [
    ("open Monday\u2013Friday", "open Monday\u2013Friday"),  # a span, for the range rule
    ("from June\u2013August", "from June\u2013August"),
    ("open Monday \u2013 Friday", "open Monday, Friday"),  # spaced: a pause
    ("the Paris\u2013Berlin line", "the Paris, Berlin line"),  # other words: a pause
])
def test_an_en_dash_between_day_or_month_names_is_kept(text: str, cleaned: str) -> None:
    assert clean(text) == cleaned
