"""Ordinals and the numbers no earlier rule claimed, with any digit grouping.

English: "1,000th" -> "one thousandth", "12,500" -> words, decimals digit by digit after
"point". Digits touching letters (codes such as CO2, A380, F-35) are left whole. Other
languages: grouping periods are dropped ("1.234.567" -> "1234567") and the digits left to the
engine, which reads them in its own language; Portuguese numbers of four digits and more are
spelled, because the engine leaves out the "e" of "mil e quinhentos".
"""

from __future__ import annotations

import re

from narrate.speech import numbers
from narrate.speech.rules.vocab import primary

_GROUPED = r"\d{1,3}(?:,\d{3})+"
_EN_NUMBER = re.compile(
    rf"(?<![\w.,/])(?<![\w]-)({_GROUPED}(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w/]|[.,]\d|-\d)")


def cardinals(text: str, language: str) -> str:
    if primary(language) == "fr":  # "2 345 habitants": French groups with plain spaces too
        text = re.sub(r"(?<![\w.,])\d{1,3}(?: \d{3})+(?![\w]|[.,]\d| \d)",
                      lambda m: m.group(0).replace(" ", ""), text)
    if primary(language) != "en":
        if primary(language) in ("de", "es", "it", "pt", "nl"):
            text = re.sub(r"(?<![\w.,])\d{1,3}(?:\.\d{3})+(?![\w]|\.\d)",
                          lambda m: m.group(0).replace(".", ""), text)
        if primary(language) == "pt":  # the engine drops the "e" of "mil e quinhentos"
            text = re.sub(r"(?<![\w.,])[1-9]\d{3,11}(?![\w]|[.,]\d)",
                          lambda m: numbers.cardinal_in(int(m.group(0)), "pt"), text)
        return text
    text = re.sub(rf"(?<![\w.,])({_GROUPED}|\d+)(?:st|nd|rd|th)\b",
                  lambda m: numbers.ordinal(int(m.group(1).replace(",", ""))), text)
    return _EN_NUMBER.sub(lambda m: numbers.decimal(m.group(1)), text)
