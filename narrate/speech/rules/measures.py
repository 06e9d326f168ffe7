"""Quantities: percentages ("7%", "4.2pc", "per cent"), units and measurements ("5 km",
"2.5kg", "-5°C", "6ft 2in", 6'2"), fractions and mixed numbers (ASCII and Unicode), numeric
ranges ("18-25", "3.5–4%": a range is never a minus) and a minus sign before a lone number.
English only, except percentages and ranges, which are said in the article's language.
"""

from __future__ import annotations

import re

from narrate.speech import numbers
from narrate.speech.rules.cleanup import DAYS_AND_MONTHS
from narrate.speech.rules.vocab import primary, word

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# symbol -> (singular, plural); only symbols that mean nothing else after a number
UNITS = {
    "km": ("kilometre", "kilometres"), "cm": ("centimetre", "centimetres"),
    "mm": ("millimetre", "millimetres"), "kg": ("kilogram", "kilograms"),
    "mg": ("milligram", "milligrams"), "ml": ("millilitre", "millilitres"),
    "mph": ("mile per hour", "miles per hour"), "km/h": ("kilometre per hour", "kilometres per hour"),
    "kph": ("kilometre per hour", "kilometres per hour"), "lb": ("pound", "pounds"),
    "lbs": ("pound", "pounds"), "oz": ("ounce", "ounces"), "ft": ("foot", "feet"),
    "sq ft": ("square foot", "square feet"), "sq m": ("square metre", "square metres"),
    "sq km": ("square kilometre", "square kilometres"), "km2": ("square kilometre", "square kilometres"),
    "km²": ("square kilometre", "square kilometres"), "m²": ("square metre", "square metres"),
    "mi": ("mile", "miles"), "in": ("inch", "inches"), "yd": ("yard", "yards"),
    "yds": ("yard", "yards"), "ha": ("hectare", "hectares"),
    "tsp": ("teaspoon", "teaspoons"), "tbsp": ("tablespoon", "tablespoons"),
    "Tbsp": ("tablespoon", "tablespoons"), "fl oz": ("fluid ounce", "fluid ounces"),
    "cu ft": ("cubic foot", "cubic feet"), "cu.ft": ("cubic foot", "cubic feet"),
    "cu. ft": ("cubic foot", "cubic feet"),
    "kW": ("kilowatt", "kilowatts"), "MW": ("megawatt", "megawatts"),
    "GW": ("gigawatt", "gigawatts"), "kWh": ("kilowatt hour", "kilowatt hours"),
    "MWh": ("megawatt hour", "megawatt hours"), "GWh": ("gigawatt hour", "gigawatt hours"),
    "MB": ("megabyte", "megabytes"), "GB": ("gigabyte", "gigabytes"), "TB": ("terabyte", "terabytes"),
    "Hz": ("hertz", "hertz"), "kHz": ("kilohertz", "kilohertz"), "MHz": ("megahertz", "megahertz"),
    "GHz": ("gigahertz", "gigahertz"), "°C": ("degree Celsius", "degrees Celsius"),
    "°F": ("degree Fahrenheit", "degrees Fahrenheit"), "°": ("degree", "degrees"),
    "C": ("degree Celsius", "degrees Celsius"), "m³": ("cubic metre", "cubic metres"),
    "cm³": ("cubic centimetre", "cubic centimetres"), "km³": ("cubic kilometre", "cubic kilometres"),
    "sec": ("second", "seconds"), "secs": ("second", "seconds"), "min": ("minute", "minutes"),
    "mins": ("minute", "minutes"), "hr": ("hour", "hours"), "hrs": ("hour", "hours"),
}
_FRACTIONS = {"½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5),
              "⅖": (2, 5), "⅗": (3, 5), "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅛": (1, 8),
              "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8)}
_UNIT_NAMES = "|".join(
    re.escape(u) for u in sorted((u for u in UNITS if u not in ("in", "C")), key=len, reverse=True))
# "8 oz." mid-sentence: the abbreviation's period goes with it (a capital after it may be a
# new sentence, so the period stays there)
_UNIT = re.compile(rf"(-?{_NUM})\s?({_UNIT_NAMES})(?![\w/²])(?:\.(?=\s+[a-z0-9(]|[,;:)]))?")
# "a 10-kg bag", "a 6-ft wall": a measure as a modifier, its unit in the singular
_UNIT_MODIFIER = re.compile(rf"(?<![\w.,-])({_NUM})-({_UNIT_NAMES})(?![\w/²³-])")
# "highs near 95F": Fahrenheit glued to a number, only where the sentence speaks of temperature
# (seat 32F, a 95F form are no temperatures)
_FAHRENHEIT = re.compile(r"(?<![\w.,])(-?\d{1,3})F\b(?![\w'-])")
_TEMPERATURE_WORDS = re.compile(r"\b(?i:highs?|lows?|temperatures?|temps?|heat|mercury|thermometer|"
                                r"wind chills?|feels? like|degrees|warmest|coldest|hottest|chilly)\b")
# words that say a length follows ("5m of them", "5m from abroad" may be millions: not here)
_LENGTH_WORDS = ("deep|high|long|tall|wide|thick|away|above|below|underground|sprint|dash|hurdles|"
                 "freestyle|butterfly|backstroke|breaststroke|medley|relay|in length|in height|"
                 "in diameter|in depth|in width")
# the commonest unit symbols in other languages: symbol -> (singular, plural)
_FOREIGN_UNITS: dict[str, dict[str, tuple[str, str]]] = {
    "de": {"m": ("Meter", "Meter"), "km": ("Kilometer", "Kilometer"), "kg": ("Kilogramm", "Kilogramm"),
           "cm": ("Zentimeter", "Zentimeter"), "mm": ("Millimeter", "Millimeter"),
           "km/h": ("Kilometer pro Stunde", "Kilometer pro Stunde"), "°C": ("Grad Celsius", "Grad Celsius")},
    "fr": {"m": ("mètre", "mètres"), "km": ("kilomètre", "kilomètres"), "kg": ("kilogramme", "kilogrammes"),
           "cm": ("centimètre", "centimètres"), "mm": ("millimètre", "millimètres"),
           "km/h": ("kilomètre par heure", "kilomètres par heure"), "°C": ("degré Celsius", "degrés Celsius")},
    "es": {"m": ("metro", "metros"), "km": ("kilómetro", "kilómetros"), "kg": ("kilo", "kilos"),
           "cm": ("centímetro", "centímetros"), "mm": ("milímetro", "milímetros"),
           "km/h": ("kilómetro por hora", "kilómetros por hora"), "°C": ("grado", "grados")},
    "it": {"m": ("metro", "metri"), "km": ("chilometro", "chilometri"), "kg": ("chilo", "chili"),
           "cm": ("centimetro", "centimetri"), "mm": ("millimetro", "millimetri"),
           "km/h": ("chilometro orario", "chilometri orari"), "°C": ("grado", "gradi")},
    "pt": {"m": ("metro", "metros"), "km": ("quilómetro", "quilómetros"), "kg": ("quilo", "quilos"),
           "cm": ("centímetro", "centímetros"), "mm": ("milímetro", "milímetros"),
           "km/h": ("quilómetro por hora", "quilómetros por hora"), "°C": ("grau", "graus")},
    "nl": {"m": ("meter", "meter"), "km": ("kilometer", "kilometer"), "kg": ("kilo", "kilo"),
           "cm": ("centimeter", "centimeter"), "mm": ("millimeter", "millimeter"),
           "km/h": ("kilometer per uur", "kilometer per uur"), "°C": ("graad", "graden")},
}
# "5m people", "2bn users": a scale glued to a number with no currency (money took those)
_COUNTED = ("people|users|voters|viewers|customers|households|homes|jobs|children|visitors|"
            "subscribers|residents|passengers|tourists|workers|patients|copies|downloads|"
            "followers|members|refugees|cases|doses|tonnes|barrels|years")
_DENOMINATORS = {2: ("half", "halves"), 4: ("quarter", "quarters")}


def percentages(text: str, language: str) -> str:
    percent = word("percent", language)
    if primary(language) == "en":
        return re.sub(rf"(?<![\w.,])({_NUM})\s?(?:%|pc\b|per\s?cent\b)",
                      lambda m: numbers.decimal(m.group(1)) + " " + percent, text)
    return re.sub(r"(?<=\d)\s?%", " " + percent, text)


def ranges(text: str, language: str) -> str:
    """'18-25', '3.5–4', 'between 10-12': ranges in words, never a minus. A pair whose first
    whole number is not the smaller ('won 4-0', '1-1') is a score: said with the language's
    score word ("zu", "à"), or left as two numbers in Dutch ("vier-nul"). Single digits in a
    chain ('a 4-3-3 formation') are said one by one."""
    lang = primary(language)
    to = word("to", language)
    if lang == "en":
        text = re.sub(r"\b([Bb]etween\s+)(\d[\d,.]*)\s*(?:-|\u2013|to)\s*(?=\d)", r"\1\2 and ", text)
    if "-" in text:
        text = _DIGIT_CHAIN.sub(lambda m: " ".join(m.group(0).split("-")), text)
    num = r"\d+(?:[.,]\d+)*"
    text = re.sub(rf"(?<![\w.,/-])({num}\s?%)\s?[-\u2013]\s?(?={num}\s?%)", rf"\1 {to} ", text)

    def pair(m: re.Match[str]) -> str:
        low, high = m.group(1), m.group(2)
        if lang != "en" and low.isdigit() and high.isdigit() and int(high) <= int(low) < 1000:
            score = "" if lang == "nl" else word("ratio", language)
            return f"{low} {score} {high}" if score else f"{low} {high}"
        return f"{low} {to} {high}"

    return _PAIR.sub(pair, text)


def spans(text: str, language: str) -> str:
    """'Monday–Friday', 'June–August' (cleanup kept the en dash there): a span ("August bis
    September" in German, whose names these are too)."""
    return _NAMED_SPAN.sub(rf"\1 {word('to', language)} ", text) if "\u2013" in text else text


_NAMED_SPAN = re.compile(rf"\b({'|'.join(sorted(DAYS_AND_MONTHS, key=len, reverse=True))})\u2013(?=\w)")
# three or four single digits joined by hyphens: a formation or a sequence, never a range
_DIGIT_CHAIN = re.compile(r"(?<![\w.,/-])\d(?:-\d){2,3}(?![\w/-]|[.,]\d)")
_PAIR = re.compile(r"(?<![\w.,/-])(\d+(?:[.,]\d+)*)\s?[-\u2013]\s?(\d+(?:[.,]\d+)*)(?![\w/-]|[.,]\d|-)")


def minus(text: str, language: str) -> str:
    """A minus sign before a number that stands alone: '-5' -> 'minus 5'."""
    return re.sub(r"(?:(?<=^)|(?<=[\s(]))-(?=\d)", word("minus", language) + " ", text)


def foreign_units(text: str, language: str) -> str:
    """'42 km' -> '42 Kilometer': the commonest symbols in the article's language (the engine
    spells them); the number stays digits, which the engine reads."""
    names = _FOREIGN_UNITS.get(primary(language))
    if not names:
        return text
    symbols = "|".join(re.escape(u) for u in sorted(names, key=len, reverse=True))
    return re.sub(rf"(?<![\w.,])(\d+(?:[.,]\d+)*)\s?({symbols})(?![\w/²])",
                  lambda m: f"{m.group(1)} {names[m.group(2)][0 if m.group(1) == '1' else 1]}", text)


def units(text: str) -> str:
    """'5 km', '2.5kg', '6ft 2in', 6'2": the number, then the unit's name."""
    text = re.sub(r"(?<![\w.,$£€¥])(\d+(?:\.\d+)?)(bn|tn)\b",
                  lambda m: f"{m.group(1)} {'billion' if m.group(2) == 'bn' else 'trillion'}", text)
    text = re.sub(rf"(?<![\w.,$£€¥])(\d+(?:\.\d+)?)m\b(?=\s+(?:{_COUNTED})\b)", r"\1 million", text)
    text = re.sub(r"(?<![\w.'])(\d)'\s?(\d{1,2})\"", lambda m: f"{m.group(1)} feet {m.group(2)} inches", text)

    def spoken(m: re.Match[str]) -> str:
        one, many = UNITS[m.group(2)]
        amount = m.group(1)
        return f"{amount} {one if amount in ('1', '-1') else many}"

    if "-" in text:
        text = _UNIT_MODIFIER.sub(lambda m: f"{m.group(1)} {UNITS[m.group(2)][0]}", text)
    text = _UNIT.sub(spoken, text)
    if "F" in text:
        text = _FAHRENHEIT.sub(_fahrenheit, text)
    # "300 m deep", "the 400m hurdles": metres only where what follows is about length ("5m
    # people" is five million)
    text = re.sub(rf"(?<![\w.,])({_NUM})\s?m(?=\s+(?:{_LENGTH_WORDS})\b|[,;)]|\.(?:\s|$))",
                  lambda m: f"{m.group(1)} {'metre' if m.group(1) == '1' else 'metres'}", text)
    # "9.58s": seconds, glued to a decimal (a whole "90s" may be a decade)
    text = re.sub(r"(?<![\w.,])(\d+\.\d+)s\b", r"\1 seconds", text)
    # "18in long": glued to a number, "in" is no preposition
    text = re.sub(r"(?<![\w.,])(\d+(?:\.\d+)?)in\b\.?(?=\s+[a-z])",
                  lambda m: f"{m.group(1)} {'inch' if m.group(1) == '1' else 'inches'}", text)
    text = re.sub(r"(?<=feet )(\d{1,2})\s?in\b\.?", lambda m: f"{m.group(1)} inches", text)
    text = re.sub(r"(?<=foot )(\d{1,2})\s?in\b\.?", lambda m: f"{m.group(1)} inches", text)
    # "40C", "20-25C": a temperature when the number is plausible and the C stands alone
    return re.sub(r"(?<![\w.,])(-?\d{1,2}(?:\.\d)?)C\b(?![\w'-])", lambda m: spoken_c(m.group(1)), text)


def _fahrenheit(m: re.Match[str]) -> str:
    if not _TEMPERATURE_WORDS.search(m.string[max(0, m.start() - 40):m.start()]):
        return m.group(0)
    amount = m.group(1)
    return f"{amount} {'degree' if amount == '1' else 'degrees'} Fahrenheit"


def spoken_c(amount: str) -> str:
    return f"{amount} {'degree' if amount == '1' else 'degrees'} Celsius"


def fractions(text: str) -> str:
    """1/2, 3/4, 1 1/2 and ½: "one half", "three quarters", "one and a half"."""
    def name(top: int, bottom: int) -> str:
        if bottom in _DENOMINATORS:
            one, many = _DENOMINATORS[bottom]
        else:
            one = numbers.ordinal(bottom)
            many = one + "s"
        return f"{numbers.cardinal(top)} {one if top == 1 else many}"

    def mixed(whole: str | None, top: int, bottom: int) -> str:
        if not whole:
            return name(top, bottom)
        part = "a half" if (top, bottom) == (1, 2) else name(top, bottom)
        return f"{numbers.cardinal(int(whole))} and {part}"

    text = re.sub(rf"(?<![\w.,])(\d+)?\s?([{''.join(_FRACTIONS)}])",
                  lambda m: mixed(m.group(1), *_FRACTIONS[m.group(2)]), text)
    text = re.sub(r"(?<![\w.,/])(\d+) ([1-9])/([2-9]|1[0-6])(?![\d/])",
                  lambda m: mixed(m.group(1), int(m.group(2)), int(m.group(3))), text)
    return re.sub(r"(?<![\w.,/])([1-9])/([2-9]|10|16|32)(?![\w/])",
                  lambda m: name(int(m.group(1)), int(m.group(2))), text)
