"""Symbols said as a listener expects: & + # ± × / @ ~ between numbers and words.

Run after the number rules, so "24/7", "3×3" and "#1" see digits; a symbol not said here is
left to the engine.
"""

from __future__ import annotations

import re

from narrate.speech.rules.vocab import word

_PER = {"mo": "month", "yr": "year", "wk": "week", "hr": "hour"}


# two whole numbers across a slash that cannot be a fraction: 24/7, 50/50, 9/11, 7/7, 5/4
_NAMED_PAIR = re.compile(r"(?<![\w/.,])(\d{1,3})/(\d{1,2})(?![\w/]|[.,]\d)")
_PERIODS = {"y": "year on year", "q": "quarter on quarter", "m": "month on month"}
_ON_PERIOD = re.compile(r"(?<![\w/])([yqmYQM])/\1(?![\w/])")
# "grew 3x", "a 10x return": so many times (a "4x4" is the by rule's)
_TIMES = re.compile(r"(?<![\w.,])(\d+(?:\.\d+)?)x(?![\w'’-])")
_TILDE = re.compile(r"(?<![\w~])~\s?(?=\d)")  # "~5%": about five percent
_FRACTION_BOTTOMS = frozenset({2, 3, 4, 5, 6, 7, 8, 9, 10, 16, 32})


def _pair(m: re.Match[str]) -> str:
    """'9/11' -> '9 11' (said "nine eleven"); '1/3' stays for the fraction rule."""
    top, bottom = int(m.group(1)), int(m.group(2))
    if top < bottom and bottom in _FRACTION_BOTTOMS:
        return m.group(0)
    return f"{m.group(1)} {m.group(2)}"


def symbols(text: str, language: str) -> str:
    text = re.sub(r"\b([A-Z])&([A-Z])\b", lambda m: f"{m.group(1)} {word('and', language)} {m.group(2)}", text)
    text = re.sub(r"\s*&\s*", f" {word('and', language)} ", text)
    text = re.sub(r"\bC\+\+", f"C {word('plus', language)} {word('plus', language)}", text)
    text = re.sub(r"\b([CF])#(?!\w)", lambda m: f"{m.group(1)} {word('sharp', language)}", text)
    text = re.sub(r"±\s?", word("plusminus", language) + " ", text)
    text = re.sub(r"(?<=\d)\s?[×x]\s?(?=\d)", f" {word('by', language)} ", text)
    text = re.sub(r"\s×\s", f" {word('by', language)} ", text)
    text = re.sub(r"(?<![\w&])#\s?(?=\d)", word("number", language) + " ", text)
    text = _TILDE.sub(word("about", language) + " ", text)
    text = re.sub(r"(?<![\w+])\+\s?(?=\d)", word("plus", language) + " ", text)
    text = re.sub(r"(?<=\d) \+ (?=\d)", f" {word('plus', language)} ", text)
    text = _NAMED_PAIR.sub(_pair, text)
    # "won 3:1", "a 16:9 screen": a ratio or a score (a clock time has two-digit minutes)
    text = re.sub(r"(?<![\w:.,])(\d{1,2}):(\d)(?![\w:]|[.,]\d)",
                  lambda m: f"{m.group(1)} {word('ratio', language)} {m.group(2)}", text)
    if language.startswith("en"):  # "$4.99/mo", "30 km/day": per
        text = re.sub(r"(?<=[\d%])\s?/\s?(mo|month|yr|year|wk|week|day|night|hr|hour|person|head)\b",
                      lambda m: " per " + _PER.get(m.group(1), m.group(1)), text)
        if "/" in text:  # "4% y/y", "q/q", "m/m": the change on the period before
            text = _ON_PERIOD.sub(lambda m: _PERIODS[m.group(1).lower()], text)
        text = _TIMES.sub(r"\1 times", text)
    return re.sub(r"\b(and|or|he|she|his|her|him)/(and|or|she|he|her|his|him)\b", r"\1 \2", text)
