"""The pipeline as a whole: rules in order, each seeing only what earlier ones left."""

from __future__ import annotations

import pytest

from narrate.speech.normalize import apply_lexicon, normalize


@pytest.mark.parametrize(("text", "spoken"), [
    ("Mr. Smith met Dr. Jones.", "Mister Smith met Doctor Jones."),
    ("The U.N. and the U.S. agreed.", "The U N and the U S agreed."),
    ("He was held in Camp No. 4 until 2019.", "He was held in Camp number four until twenty nineteen."),
    ("It cost $3.50, not $12.", "It cost three dollars and fifty cents, not twelve dollars."),
    ("A $2.5 billion plan", "A two point five billion dollar plan"),
    ("Prices rose 7% and then 12.5 percent.", "Prices rose seven percent and then twelve point five percent."),
    ("On Feb. 2 we left.", "On February second we left."),
    ("By March 14, 2021, it was over.", "By March fourteenth, twenty twenty one, it was over."),
    ("It ended on 3 June 1999.", "It ended on the third of June, nineteen ninety nine."),
    ("Dated 2024-11-05.", "Dated November fifth, twenty twenty four."),
    ("She came 2nd and he came 23rd.", "She came second and he came twenty third."),
    ("In the 1980s things changed.", "In the nineteen eighties things changed."),
    ("Some 4,200 people", "Some four thousand two hundred people"),
    ("Between 2019–2021 it grew.", "Between twenty nineteen and twenty twenty one it grew."),
    ("See pp. 10-12 and p. 4.", "See pages ten to twelve and page four."),
    ("A £5m deal, a $3bn fund, €40k and ¥300.",
     "A five million pound deal, a three billion dollar fund, forty thousand euros and three hundred yen."),
    # an ambiguous numeric date is left to the engine, never read as fractions
    ("About 1/3 of them, ½ cup and 2¾ miles; on 1/3/2020.",
     "About one third of them, one half cup and two and three quarters miles; on 1/3/2020."),
    ("It was -5°C, then 41 °F, a 2.5 kg bag, 1 km away at 30 mph.",
     "It was minus five degrees Celsius, then forty one degrees Fahrenheit, a two point five kilograms bag, one kilometre away at thirty miles per hour."),
    # codes stay whole for the engine, which spells them as one unit
    ("COVID-19 and ISBN 978-3-16", "COVID-19 and ISBN 978-3-16"),
    ("Write to desk@example.org today.", "Write to desk at example dot org today."),
    ("See https://www.example.com/path?q=1 for more.", "See example dot com for more."),
    ("\u201cQuoted\u201d \u2018single\u2019 text", '"Quoted" \'single\' text'),
    ("Rain \u2014 lots of it \u2014 fell.", "Rain, lots of it, fell."),
    ("Salt & pepper", "Salt and pepper"),
    ("Doors open 7:30 p.m., close at 10:05pm or 23:00.",
     "Doors open seven thirty P M, close at ten oh five P M or twenty three hundred."),
    ("Wait\u2026 what?", "Wait... what?"),
    ("Call 555-0143, or dial 911.", "Call five five five zero one four three, or dial nine one one."),
    ("Rates of 3-4% and a change of -0.5%.",
     "Rates of three to four percent and a change of minus zero point five percent."),
])
def test_normalize(text: str, spoken: str) -> None:
    assert normalize(text) == spoken


def test_german_keeps_digits_but_reads_dates_times_and_abbreviations() -> None:
    # espeak-ng's German voice reads digits itself; the ordinal day and "Uhr" need words
    assert normalize("Am 3. Mai kamen 1.250 Leute um 14.30 Uhr \u2014 sagt Dr. Weber.", "de") == (
        "Am dritten Mai kamen 1250 Leute um 14 Uhr 30, sagt Doktor Weber.")


def test_unknown_language_gets_only_neutral_rules() -> None:
    assert normalize("Am 3. 12\u00a0000 www.example.com", "sv") == "Am 3. 12000 example dot com"


def test_lexicon_replaces_whole_words_only() -> None:
    lex = {"Nguyen": "Nwen", "SQL": "sequel"}
    assert apply_lexicon("Mr nguyen wrote SQL and SQLite.", lex) == "Mr Nwen wrote sequel and SQLite."


@pytest.mark.parametrize(("text", "lang", "spoken"), [
    ("He moved to the U.S.", "en", "He moved to the U S."),
    ("según EE. UU.", "es", "según Estados Unidos."),
    ("It was Acme Inc.", "en", "It was Acme Incorporated."),
])
def test_an_abbreviation_that_ends_the_text_leaves_its_period(text: str, lang: str, spoken: str) -> None:
    assert normalize(text, lang) == spoken


def test_a_unicode_fraction_alone_is_a_number() -> None:
    # no ASCII digit in the sentence, and the engine says nothing for "⅛"
    assert normalize("Rates rose by ⅛ point.") == "Rates rose by one eighth point."


def test_a_repeated_number_across_a_slash() -> None:
    assert normalize("The odds are 50/50 and 20/20 vision, not 1/2.") == \
        "The odds are fifty fifty and twenty twenty vision, not one half."


def test_a_clock_time_ending_a_sentence_keeps_the_sentence_end() -> None:
    assert normalize("The raid began at 2 A.M. Police said so.") == "The raid began at two A M. Police said so."


@pytest.mark.parametrize(("text", "lang", "spoken"), [
    ("Lanes 3 \u2013 5 are closed.", "en", "Lanes three to five are closed."),
    ("Prices rose ~5% overnight.", "en", "Prices rose about five percent overnight."),
    ("Papst Benedikt XVI. ist gestorben.", "de", "Papst Benedikt der Sechzehnte ist gestorben."),
    ("Het contract loopt af op 31-12-2025.", "nl", "Het contract loopt af op 31 december 2025."),
])
def test_rules_together(text: str, lang: str, spoken: str) -> None:
    assert normalize(text, lang) == spoken
