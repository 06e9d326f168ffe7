"""Rewrite what TTS engines read badly into plain words, in the article's language.

Pure string functions, applied per block before sentence splitting (so "Mr. Smith" or
"Dec. 13" never end a sentence). The result is what the listener hears and what the transcript
shows; a voice profile's lexicon is applied after this, to the spoken copy only. Each kind of
text is one rule in ``narrate.speech.rules``; this module runs them in order. A rule that is
not sure leaves the text to the engine.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from narrate.speech.rules import codes, dates, measures
from narrate.speech.rules.abbreviations import abbreviations
from narrate.speech.rules.cardinals import cardinals
from narrate.speech.rules.cleanup import clean
from narrate.speech.rules.money import money
from narrate.speech.rules.phones import phones
from narrate.speech.rules.symbols import symbols
from narrate.speech.rules.vocab import primary
from narrate.speech.rules.web import web

Rule = Callable[[str, str], str]
# in order: each rule sees digits only where no earlier rule was sure what they were
ENGLISH: tuple[Rule, ...] = (
    web, abbreviations, phones, symbols, lambda t, _: codes.aircraft(t), lambda t, _: codes.letter_codes(t),
    lambda t, _: codes.names_in_pairs(t),
    lambda t, _: dates.english_dates(t), lambda t, _: dates.english_times(t),
    money, lambda t, _: measures.units(t), lambda t, _: measures.fractions(t),
    measures.ranges, measures.spans, measures.minus, measures.percentages, lambda t, _: codes.resolutions(t),
    lambda t, _: dates.decades_and_years(t), codes.roman, cardinals,
)
OTHER: tuple[Rule, ...] = (
    web, abbreviations, phones, symbols, codes.foreign_roman, dates.foreign_dates_and_times, money,
    measures.foreign_units, measures.ranges, measures.spans, measures.minus, measures.percentages, cardinals,
)


_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s*$")
# rules that need no digit to act; the others are skipped for text without one
_WITHOUT_DIGITS = {web, abbreviations, symbols, measures.spans, codes.roman, codes.foreign_roman, dates.foreign_dates_and_times}


def normalize(text: str, language: str = "en") -> str:
    """The words a listener should hear for ``text``, in ``language`` (BCP 47; English rules
    for English and unknown languages' web text only)."""
    lang = primary(language)
    text = clean(text)
    ended = _SENTENCE_END.search(text)
    digits = any(c.isnumeric() for c in text)  # '⅛' too: a number rule must see it
    for rule in ENGLISH if lang == "en" else OTHER:
        if digits or rule in _WITHOUT_DIGITS:
            text = rule(text, lang)
    text = " ".join(text.split())
    if ended and text and not _SENTENCE_END.search(text):
        text += "."  # "moved to the U.S.": the abbreviation's period also ended the sentence
    return text


def apply_lexicon(text: str, lexicon: Mapping[str, str]) -> str:
    """Replace whole words by the profile's respellings (case-insensitive, longest first)."""
    for word in sorted(lexicon, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", lexicon[word], text, flags=re.IGNORECASE)
    return text
