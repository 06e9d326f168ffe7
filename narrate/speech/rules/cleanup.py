"""Unicode clean-up, run first: one spelling for each character a rule looks for.

Compatibility forms mapped to the characters they stand for (NFKC, but only in the blocks that
hold nothing else), NFC (a decomposed accent is one letter), invisible characters removed,
typographic quotes, primes and modifier apostrophes mapped to ASCII, digit groups joined across no-break and thin
spaces (``12 500`` is one number), dashes between words made pauses.
"""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_MAP = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
    "\u02b9": "'", "\u00b4": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"',
    "\u00bb": '"', "\u2033": '"', "\u02ba": '"', "\u2212": "-", "\u2010": "-", "\u2011": "-",
    "\u2012": "\u2013", "\u2026": "...", "\u2022": ",", "\u00a0": " ", "\u2009": " ",
    "\u202f": " ", "\u2007": " ", "\u2002": " ", "\u2003": " ",
})
# Alphabetic Presentation Forms (U+FB00-FB4F: the ligature "\ufb01", Hebrew forms), Arabic
# Presentation Forms A and B (U+FB50-FDFF, U+FE70-FEFF: legacy glyph-by-glyph Arabic, which an
# engine reads as code points) and halfwidth and fullwidth forms (U+FF00-FFEF: "\uff21\uff11" is
# "A1"). NFKC only there: elsewhere it would change what a rule reads ("m\u00b2" -> "m2",
# "\u00bd" -> "1\u20442"). Presentation-form text stored in visual order (reversed, as some
# legacy pages hold it) is left as it is: nothing in the text tells the two orders apart.
_COMPATIBILITY = re.compile("[\ufb00-\ufdff\ufe70-\ufeff\uff00-\uffef]+")
# 12 500, 1 250 000 with a no-break, thin, narrow no-break or figure space: one number
_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:[\u00a0\u2009\u202f\u2007]\d{3})+(?![\d])")
# an en dash between words is a pause, except an unspaced one between two weekday or month
# names ("Monday\u2013Friday", "June\u2013August"): a span, kept for the range rule to say "to"
_WORD_DASH = re.compile(r"(\w*)(?<=[^\W\d])(\s*)\u2013(\s*)(?=([^\W\d]\w*))")
DAYS_AND_MONTHS = frozenset("""
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat
Sun January February March April May June July August September October November December Jan Feb
Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
""".split())
# a spaced en dash is a pause, except between two numbers that make a range or a score
# ("lanes 3 – 5", "won 2 – 1"); "in 2019 – 20 people died" stays a pause
_SPACED_EN_DASH = re.compile(r"(?<=(\d))\s+\u2013\s+(?=(\d+)(?!\d|[.,]\d))|\s+\u2013\s+")


def clean(text: str) -> str:
    """Text with one code point per character the rules look for."""
    text = _INVISIBLE.sub("", text)
    if not text.isascii():
        text = _COMPATIBILITY.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    text = unicodedata.normalize("NFC", text)
    text = _GROUPED.sub(lambda m: re.sub(r"\D", "", m.group(0)), text)
    text = text.translate(_MAP)
    text = re.sub(r"\s*[\u2014\u2015]\s*", ", ", text)  # em dash: a pause
    if "\u2013" in text:
        text = _WORD_DASH.sub(_word_dash, text)  # en dash between words: a pause, or a span
    text = _SPACED_EN_DASH.sub(_spaced_en_dash, text)
    return re.sub(r"\s+--\s+", ", ", text)


def _word_dash(m: re.Match[str]) -> str:
    if not m.group(2) and not m.group(3) and m.group(1) in DAYS_AND_MONTHS and m.group(4) in DAYS_AND_MONTHS:
        return m.group(0)
    return m.group(1) + ", "


def _spaced_en_dash(m: re.Match[str]) -> str:
    if m.group(1) is None:
        return ", "
    low = re.search(r"\d+$", m.string[:m.start()]).group(0)  # the whole number before the dash
    high = m.group(2)
    small = len(low) <= 2 and len(high) <= 2  # a score, or a range of small numbers
    return "\u2013" if small or int(low) < int(high) else ", "
