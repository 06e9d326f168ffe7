"""Rewrite what TTS engines read badly into plain words: numbers, dates, money, URLs, Mr./U.S.

Pure string functions, applied per block before sentence splitting (so "Mr. Lukashenko" or
"Dec. 13" never end a sentence). The result is what the listener hears and what the transcript
shows; a voice profile's lexicon is applied after this, to the spoken copy only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from narrate.speech import numbers

MONTHS = (
    "January February March April May June July August September October November December"
).split()
_MONTH_ABBR = {
    "Jan": "January", "Feb": "February", "Mar": "March", "Apr": "April", "Jun": "June",
    "Jul": "July", "Aug": "August", "Sep": "September", "Sept": "September", "Oct": "October",
    "Nov": "November", "Dec": "December",
}
# Abbreviations that always take a period; expanded so their period never ends a sentence.
ABBREVIATIONS = {
    "Mr.": "Mister", "Mrs.": "Missus", "Ms.": "Miz", "Dr.": "Doctor", "Prof.": "Professor",
    "Sen.": "Senator", "Rep.": "Representative", "Gov.": "Governor", "Gen.": "General",
    "Lt.": "Lieutenant", "Col.": "Colonel", "Capt.": "Captain", "Sgt.": "Sergeant",
    "Jr.": "Junior", "Sr.": "Senior", "St.": "Saint", "Mt.": "Mount", "vs.": "versus",
    "etc.": "et cetera", "e.g.": "for example", "i.e.": "that is", "approx.": "approximately",
    "Inc.": "Incorporated", "Ltd.": "Limited", "Co.": "Company", "Corp.": "Corporation",
}
CURRENCIES = {"$": ("dollar", "dollars", "cent", "cents"), "€": ("euro", "euros", "cent", "cents"),
              "£": ("pound", "pounds", "penny", "pence"), "¥": ("yen", "yen", "sen", "sen"),
              "₹": ("rupee", "rupees", "paisa", "paise")}
# "$2 billion", or the newsroom short forms "£5m", "$3bn", "€40k", "$1.2tn"
_SCALE = r"(?:\s(thousand|million|billion|trillion)\b|(k|m|mn|bn|tn)\b)?"
_SHORT_SCALE = {"k": "thousand", "m": "million", "mn": "million", "bn": "billion", "tn": "trillion"}
# Units read after a number: symbol -> (singular, plural). Only unambiguous symbols.
UNITS = {
    "km": ("kilometer", "kilometers"), "cm": ("centimeter", "centimeters"),
    "mm": ("millimeter", "millimeters"), "kg": ("kilogram", "kilograms"),
    "mg": ("milligram", "milligrams"), "ml": ("milliliter", "milliliters"),
    "mph": ("mile per hour", "miles per hour"), "km/h": ("kilometer per hour", "kilometers per hour"),
    "kph": ("kilometer per hour", "kilometers per hour"), "lb": ("pound", "pounds"),
    "lbs": ("pound", "pounds"), "oz": ("ounce", "ounces"), "ft": ("foot", "feet"),
    "sq ft": ("square foot", "square feet"), "mi": ("mile", "miles"),
    "kW": ("kilowatt", "kilowatts"), "MW": ("megawatt", "megawatts"),
    "GW": ("gigawatt", "gigawatts"), "kWh": ("kilowatt hour", "kilowatt hours"),
    "MB": ("megabyte", "megabytes"), "GB": ("gigabyte", "gigabytes"), "TB": ("terabyte", "terabytes"),
    "Hz": ("hertz", "hertz"), "kHz": ("kilohertz", "kilohertz"), "MHz": ("megahertz", "megahertz"),
    "GHz": ("gigahertz", "gigahertz"),
    "°C": ("degree Celsius", "degrees Celsius"), "°F": ("degree Fahrenheit", "degrees Fahrenheit"),
    "°": ("degree", "degrees"),
}
_FRACTIONS = {"½": "1/2", "⅓": "1/3", "⅔": "2/3", "¼": "1/4", "¾": "3/4", "⅕": "1/5", "⅛": "1/8"}
_DENOMINATORS = {2: ("half", "halves"), 4: ("quarter", "quarters")}
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

_UNICODE = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": "", "\u00ad": "",
    "\u2026": "...", "\u2022": ",", "&": " and ", "\u2212": "-",
}


def normalize(text: str, language: str = "en") -> str:
    """The words a listener should hear for ``text`` (English rules; other languages get only
    the language-neutral ones: Unicode punctuation, URLs, whitespace)."""
    text = _unicode(text)
    text = _urls(text)
    if language.lower().startswith("en") or not language:
        text = _english(text)
    return " ".join(text.split())


def apply_lexicon(text: str, lexicon: Mapping[str, str]) -> str:
    """Replace whole words by the profile's respellings (case-insensitive, longest first)."""
    for word in sorted(lexicon, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", lexicon[word], text, flags=re.IGNORECASE)
    return text


# ---------------------------------------------------------------- steps


def _unicode(text: str) -> str:
    for old, new in _UNICODE.items():
        text = text.replace(old, new)
    text = re.sub(r"(\d)\s*[\u2013\u2012]\s*(\d)", r"\1 to \2", text)  # 2020–2021
    text = re.sub(r"\s*[\u2014\u2013\u2015]\s*", ", ", text)  # em/en dash as a pause
    text = re.sub(r"\s+--\s+", ", ", text)
    return text


def _urls(text: str) -> str:
    def email(m: re.Match[str]) -> str:
        user, domain = m.group(1), m.group(2)
        return f"{user} at {_dotted(domain)}"

    def url(m: re.Match[str]) -> str:
        host = re.sub(r"^www\.", "", m.group(2))
        return f"a link to {_dotted(host)}"

    text = re.sub(r"(?:mailto:)?\b([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)", email, text)
    text = re.sub(r"\b(https?://|www\.)([\w-]+(?:\.[\w-]+)+)(?:[/?#][^\s\"')\]]*)?", url, text)
    return text


def _dotted(host: str) -> str:
    return " dot ".join(host.split("."))


def _english(text: str) -> str:
    text = _dates(text)
    for abbr, full in ABBREVIATIONS.items():
        text = re.sub(rf"(?<![\w.]){re.escape(abbr)}", full, text)
    text = re.sub(r"\bNo\.\s*(?=\d)", "number ", text)
    text = re.sub(r"\bNos\.\s*(?=\d)", "numbers ", text)
    # U.S., U.N., U.K.: letters read one by one, the periods gone
    text = re.sub(r"\b((?:[A-Z]\.){2,})(?=\W|$)", lambda m: " ".join(m.group(1).replace(".", "")), text)
    text = re.sub(r"\b([01]?\d|2[0-3]):([0-5]\d)(?:\s?([ap])\.?m\b\.?)?", _clock, text)
    text = re.sub(r"(?<=\d)\s?([ap])\.?m\.?(?=\W|$)", lambda m: f" {m.group(1).upper()} M", text)
    text = re.sub(r"(?<=[a-z] )([ap])\.m\.(?=\W|$)", lambda m: f"{m.group(1).upper()} M", text)
    text = re.sub(r"\bpp\.\s*(?=\d)", "pages ", text)
    text = re.sub(r"\bp\.\s*(?=\d)", "page ", text)
    text = _money(text)
    text = _fractions(text)
    text = _units(text)
    # "between 10-12" -> "between ten and twelve"; other numeric ranges "10-12" -> "ten to twelve"
    text = re.sub(r"\b([Bb]etween\s+)(\d[\d,.]*)\s*(?:-|to)\s*(\d)", r"\1\2 and \3", text)
    text = re.sub(r"(?<![\w.,/-])(\d[\d,.]*)-(\d[\d,.]*)(?![\w/-])", r"\1 to \2", text)
    # a minus sign before a number that stands alone: "-5" -> "minus five"
    text = re.sub(r"(?<![\w.,)-])-(?=\d)", "minus ", text)
    text = re.sub(rf"({_NUM})\s?(?:%|percent\b|per cent\b)",
                  lambda m: numbers.decimal(m.group(1)) + " percent", text)
    text = re.sub(r"\b(\d+)(?:st|nd|rd|th)\b", lambda m: numbers.ordinal(int(m.group(1))), text)
    text = re.sub(r"\b(1[1-9]\d0|20\d0)'?s\b", lambda m: _plural(numbers.year(int(m.group(1)))), text)
    text = re.sub(r"(?<![\d,.])(1[1-9]\d\d|20\d\d)(?!\d|,\d|\.\d)", lambda m: numbers.year(int(m.group(1))), text)
    text = re.sub(rf"(?<![\d.]){_NUM}", lambda m: numbers.decimal(m.group(0)), text)
    return text


def _clock(m: re.Match[str]) -> str:
    hour, minute = int(m.group(1)), int(m.group(2))
    if minute == 0:
        spoken = f"{numbers.cardinal(hour)} o'clock" if hour or m.group(3) else "midnight"
    else:
        spoken = f"{numbers.cardinal(hour)} {'oh ' if minute < 10 else ''}{numbers.cardinal(minute)}"
    return f"{spoken} {m.group(3).upper()} M" if m.group(3) else spoken


def _plural(words: str) -> str:
    head, _, last = words.rpartition(" ")
    last = last[:-1] + "ies" if last.endswith("y") else last + "s"
    return f"{head} {last}".strip()


def _dates(text: str) -> str:
    months = "|".join(MONTHS)
    abbr = "|".join(_MONTH_ABBR)
    # "Dec. 13" / "Sept 3" -> full month name when a day follows
    text = re.sub(rf"\b({abbr})\.?\s+(?=\d{{1,2}}\b)", lambda m: _MONTH_ABBR[m.group(1)] + " ", text)

    def iso(m: re.Match[str]) -> str:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return m.group(0)
        return f"{MONTHS[mo - 1]} {numbers.ordinal(d)}, {numbers.year(y)}"

    text = re.sub(r"\b(\d{4})-(\d{2})-(\d{2})\b", iso, text)
    text = re.sub(
        rf"\b({months})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(,?\s+(\d{{4}})\b)?",
        lambda m: f"{m.group(1)} {numbers.ordinal(int(m.group(2)))}"
        + (f", {numbers.year(int(m.group(4)))}" if m.group(4) else ""),
        text,
    )
    text = re.sub(
        rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({months})\b(\s+(\d{{4}})\b)?",
        lambda m: f"the {numbers.ordinal(int(m.group(1)))} of {m.group(2)}"
        + (f", {numbers.year(int(m.group(4)))}" if m.group(4) else ""),
        text,
    )
    return text


def _money(text: str) -> str:
    def spoken_scaled(m: re.Match[str]) -> str:
        scale = m.group(3) or _SHORT_SCALE.get(m.group(4) or "", "")
        return spoken_with(m.group(1), m.group(2), scale)

    def spoken_with(symbol: str, amount: str, scale: str) -> str:
        one, many, sub_one, sub_many = CURRENCIES[symbol]
        if scale:
            return f"{numbers.decimal(amount)} {scale} {many}"
        whole, _, frac = amount.replace(",", "").partition(".")
        n = int(whole)
        out = f"{numbers.cardinal(n)} {one if n == 1 else many}"
        cents = int(frac.ljust(2, "0")[:2]) if frac else 0
        if cents:
            out += f" and {numbers.cardinal(cents)} {sub_one if cents == 1 else sub_many}"
        return out

    symbols = re.escape("".join(CURRENCIES))
    return re.sub(rf"([{symbols}])\s?({_NUM}){_SCALE}(?!\w)", spoken_scaled, text)


def _fractions(text: str) -> str:
    """1/2, 3/4 and ½: "one half", "three quarters" (not dates such as 1/3/2020)."""
    for glyph, plain in _FRACTIONS.items():
        text = re.sub(rf"(\d)?{glyph}", lambda m, p=plain: (f"{m.group(1)} and " if m.group(1) else "") + p, text)

    def spoken(m: re.Match[str]) -> str:
        top, bottom = int(m.group(1)), int(m.group(2))
        if bottom in _DENOMINATORS:
            one, many = _DENOMINATORS[bottom]
        else:
            one = numbers.ordinal(bottom)
            many = one + "s"
        return f"{numbers.cardinal(top)} {one if top == 1 else many}"

    return re.sub(r"(?<![\d/.])([1-9])/([2-9]|10)(?![\d/])", spoken, text)


def _units(text: str) -> str:
    """"5 km", "2.5kg", "-5°C": the number, then the unit's name (plural unless exactly one)."""
    names = sorted(UNITS, key=len, reverse=True)
    pattern = "|".join(re.escape(n) for n in names)

    def spoken(m: re.Match[str]) -> str:
        one, many = UNITS[m.group(2)]
        amount = m.group(1)
        return f"{amount} {one if amount in ('1', '-1') else many}"

    return re.sub(rf"(-?{_NUM})\s?({pattern})(?![\w/])", spoken, text)
