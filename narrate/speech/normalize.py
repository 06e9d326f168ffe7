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
              "£": ("pound", "pounds", "penny", "pence")}
_SCALE = r"(?:\s(thousand|million|billion|trillion))?"
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

_UNICODE = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": "", "\u00ad": "",
    "\u2026": "...", "\u2022": ",", "&": " and ",
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
    text = _money(text)
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
    def spoken(m: re.Match[str]) -> str:
        one, many, sub_one, sub_many = CURRENCIES[m.group(1)]
        amount, scale = m.group(2), m.group(3)
        whole, _, frac = amount.replace(",", "").partition(".")
        if scale:
            return f"{numbers.decimal(amount)} {scale} {many}"
        n = int(whole)
        out = f"{numbers.cardinal(n)} {one if n == 1 else many}"
        if frac and int(frac.ljust(2, "0")[:2]):
            cents = int(frac.ljust(2, "0")[:2])
            out += f" and {numbers.cardinal(cents)} {sub_one if cents == 1 else sub_many}"
        return out

    return re.sub(rf"([$€£])\s?({_NUM}){_SCALE}\b", spoken, text)
