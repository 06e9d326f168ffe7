"""Symbols said as a listener expects: & + # ± × / @ between numbers and words.

Run after the number rules, so "24/7", "3×3" and "#1" see digits; a symbol not said here is
left to the engine.
"""

from __future__ import annotations

import re

from narrate.speech.rules.vocab import word

_PER = {"mo": "month", "yr": "year", "wk": "week", "hr": "hour"}


def symbols(text: str, language: str) -> str:
    text = re.sub(r"\b([A-Z])&([A-Z])\b", lambda m: f"{m.group(1)} {word('and', language)} {m.group(2)}", text)
    text = re.sub(r"\s*&\s*", f" {word('and', language)} ", text)
    text = re.sub(r"\bC\+\+", f"C {word('plus', language)} {word('plus', language)}", text)
    text = re.sub(r"\b([CF])#(?!\w)", lambda m: f"{m.group(1)} {word('sharp', language)}", text)
    text = re.sub(r"±\s?", word("plusminus", language) + " ", text)
    text = re.sub(r"(?<=\d)\s?[×x]\s?(?=\d)", f" {word('by', language)} ", text)
    text = re.sub(r"\s×\s", f" {word('by', language)} ", text)
    text = re.sub(r"(?<![\w&])#\s?(?=\d)", word("number", language) + " ", text)
    text = re.sub(r"(?<![\w+])\+\s?(?=\d)", word("plus", language) + " ", text)
    text = re.sub(r"(?<=\d) \+ (?=\d)", f" {word('plus', language)} ", text)
    text = re.sub(r"\b24/7\b", "24 7", text)
    text = re.sub(r"(?<![\w/.,])(\d{1,3})/\1(?![\w/]|[.,]\d)", r"\1 \1", text)  # 50/50, 20/20
    if language.startswith("en"):  # "$4.99/mo", "30 km/day": per
        text = re.sub(r"(?<=[\d%])\s?/\s?(mo|month|yr|year|wk|week|day|night|hr|hour|person|head)\b",
                      lambda m: " per " + _PER.get(m.group(1), m.group(1)), text)
    return re.sub(r"\b(and|or|he|she|his|her|him)/(and|or|she|he|her|his|him)\b", r"\1 \2", text)
