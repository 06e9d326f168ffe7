"""Dates, clock times, decades and years.

English: "March 14, 2021", "14 March 2021", "Dec. 13", "June 3-5", ISO "2024-11-05",
unambiguous numeric dates (12/25/2023, 25/12/2023; 1/3/2020 is left to the engine), clock
times 12 h and 24 h with ":" or "." and am/pm in any spelling, time zones spelled. Other
languages: a German date's ordinal day ("am 3. Mai"), French "1er", and clock times
("14.30 Uhr", "14 h 30") in the article's language.
"""

from __future__ import annotations

import re

from narrate.speech import numbers
from narrate.speech.rules.vocab import primary

MONTHS = ("January February March April May June July August September October November "
          "December").split()
_MONTH_SHORT = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
                "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12}
_ORD = r"(?:st|nd|rd|th)?"
_ZONES = ("GMT UTC BST CET CEST EET EEST WET IST JST KST HKT SGT AEST AEDT ACST AWST NZST NZDT "
          "EST EDT CST CDT MST MDT PST PDT AKST HST").split()
_TIME_WORDS = (r"tonight|today|tomorrow|this (?:morning|afternoon|evening)|in the (?:morning|"
               r"afternoon|evening)|local time|sharp|hrs|h")
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_GERMAN_MONTHS = ("Januar Jänner Februar März April Mai Juni Juli August September Oktober "
                  "November Dezember").split()
# (index k is month k, after Januar and its Austrian "Jänner")
_DE_ARTICLES = (r"am|vom|zum|zur|dem|den|im|beim|des|der|die|das|ein|eine|einem|einen|seit dem|ab dem|"
                r"(?:mein|dein|sein|ihr|unser|euer|eur)(?:e|en|em|er|es)")  # "ihren 60. Geburtstag"


def english_dates(text: str) -> str:
    months = "|".join(MONTHS)
    short = "|".join(sorted(_MONTH_SHORT, key=len, reverse=True))
    text = re.sub(rf"\b({short})\.?\s+(?=\d{{1,2}}\b)",
                  lambda m: MONTHS[_MONTH_SHORT[m.group(1)] - 1] + " ", text)
    text = re.sub(r"(?<![\w/.-])(\d{4})-(\d{2})-(\d{2})(?![\w/-])", _iso, text)
    text = re.sub(r"(?<![\w/.])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\w/])", _numeric, text)
    text = re.sub(
        rf"\b({months})\s+(\d{{1,2}}){_ORD}(?:\s*[-\u2013]\s*(\d{{1,2}}){_ORD})?\b"
        rf"(,?\s+(\d{{4}})\b)?",
        lambda m: f"{m.group(1)} {_day(m.group(2))}"
        + (f" to {_day(m.group(3))}" if m.group(3) else "")
        + (f", {numbers.year(int(m.group(5)))}" if m.group(5) else ""),
        text,
    )
    # "12-14 March", "3–5 June 2025": two days before the month, each an ordinal
    if "-" in text or "\u2013" in text:
        text = _DAYS_BEFORE_MONTH.sub(_days_before_month, text)
    return re.sub(
        rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?({months})\b(,?\s+(\d{{4}})\b)?",
        lambda m: f"{_the(m)}{_day(m.group(1))} of {m.group(2)}"
        + (f", {numbers.year(int(m.group(4)))}" if m.group(4) else ""),
        text,
    )


_DAYS_BEFORE_MONTH = re.compile(
    rf"(?<![\w.,/-])(\d{{1,2}}){_ORD}\s?[-\u2013]\s?(\d{{1,2}}){_ORD}\s+(?:of\s+)?({'|'.join(MONTHS)})\b"
    rf"(,?\s+(\d{{4}})\b)?")


def _days_before_month(m: re.Match[str]) -> str:
    low, high = int(m.group(1)), int(m.group(2))
    if not 1 <= low < high <= 31:
        return m.group(0)
    year = f", {numbers.year(int(m.group(5)))}" if m.group(5) else ""
    return f"{_the(m)}{numbers.ordinal(low)} to the {numbers.ordinal(high)} of {m.group(3)}{year}"


def _the(m: re.Match[str]) -> str:
    return "" if re.search(r"\b[Tt]he\s+$", m.string[max(0, m.start() - 8):m.start()]) else "the "


def _day(day: str) -> str:
    return numbers.ordinal(int(day)) if 1 <= int(day) <= 31 else day


def _iso(m: re.Match[str]) -> str:
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return m.group(0)
    return f"{MONTHS[mo - 1]} {numbers.ordinal(d)}, {numbers.year(y)}"


def _numeric(m: re.Match[str]) -> str:
    """12/25/2023 (US) or 25/12/2023: only when one part cannot be a month."""
    a, b, y = int(m.group(1)), int(m.group(2)), m.group(3)
    year = numbers.year(int(y)) if len(y) == 4 else None
    if year is None or not (a and b):
        return m.group(0)
    if a <= 12 < b <= 31:
        return f"{MONTHS[a - 1]} {numbers.ordinal(b)}, {year}"
    if b <= 12 < a <= 31:
        return f"the {numbers.ordinal(a)} of {MONTHS[b - 1]}, {year}"
    return m.group(0)


def english_times(text: str) -> str:
    ampm = r"(?:\s?(?P<ap>[AaPp])\.?\s?[Mm]\b\.?)"
    zone = rf"(?:\s(?P<zone>{'|'.join(_ZONES)})\b)?"
    text = re.sub(rf"(?<![\w.:,])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d){ampm}?{zone}(?![\w:]|\.\d)",
                  _clock, text)
    text = re.sub(rf"(?<![\w.:,])(?P<h>1[0-2]|0?\d)\.(?P<m>[0-5]\d){ampm}{zone}", _clock, text)
    # "kicks off at 19.45 tonight": a 24-hour time with a period only where a time word
    # follows; "closed at 1.25 this morning" is a price, left alone
    text = re.sub(rf"\b(?P<at>at|from|until|till|by|before|after|around) (?P<h>[01]?\d|2[0-3])\."
                  rf"(?P<m>[0-5]\d)(?=\s(?:{_TIME_WORDS}|{'|'.join(_ZONES)})\b){zone}",
                  lambda m: m.group(0) if _after_a_value_verb(m) else f"{m.group('at')} {_clock(m)}", text)
    text = re.sub(rf"(?<![\w.:,])(?P<h>1[0-2]|0?\d){ampm}{zone}(?!\w)", _clock, text)
    # "0430 GMT", "1400 hrs": a 24-hour time without a separator, before a zone or "hours"
    text = _MILITARY.sub(_military, text)
    # "10pm–6am": two times make a span
    return _TIME_SPAN.sub(" to ", text) if "M" in text else text


_MILITARY = re.compile(rf"(?<![\w.,:/-])([01]\d|2[0-3])([0-5]\d)(?=\s?(?:{'|'.join(_ZONES)}|hours|hrs|Z)\b)")
_BEFORE_A_TIME = re.compile(r"\b(?i:at|from|until|till|by|before|after|since|to)\s$")
_TIME_SPAN = re.compile(r"(?<=\b[AP] M)\s?[-\u2013]\s?(?=(?:[a-z]+ ){1,3}[AP] M\b)")


def _military(m: re.Match[str]) -> str:
    """'0430' -> 'oh four thirty', '1400' -> 'fourteen hundred'."""
    hour, minute = m.group(1), int(m.group(2))
    after = m.string[m.end():m.end() + 5].strip()
    if after.startswith("h") and not hour.startswith("0") and not _BEFORE_A_TIME.search(
            m.string[max(0, m.start() - 8):m.start()]):
        return m.group(0)  # "1030 hours of footage" is a quantity
    spoken = ("oh " if hour.startswith("0") else "") + numbers.cardinal(int(hour))
    if hour == "00":
        spoken = "zero zero"
    glued = " " if m.string[m.end():m.end() + 1].isalpha() else ""  # "0430Z", "1400GMT"
    return f"{spoken} {'hundred' if not minute else ('oh ' if minute < 10 else '') + numbers.cardinal(minute)}{glued}"


_VALUE_VERBS = frozenset("""
was is were are stood stands closed close closing opened opening ended ending trading traded trades
priced valued peaked hit hits reached fell rose jumped dropped slipped climbed settled finished
worth rate level index price prices
""".split())


def _after_a_value_verb(m: re.Match[str]) -> bool:
    """'The pound stood at 1.25 this morning': a value, not a clock time."""
    before = m.string[max(0, m.start() - 30):m.start()].split()
    return bool(before) and before[-1].lower().strip(",") in _VALUE_VERBS


def _meridiem(m: re.Match[str]) -> str:
    letter = m.group("ap").upper()
    rest = m.string[m.end():m.end() + 20]
    # "at 6 p.m. The next day": the period also ended the sentence
    sentence_end = m.group(0).endswith(".") and re.match(r"\s+[A-Z][a-z]", rest) and not \
        re.match(rf"\s+(?:{'|'.join(_WEEKDAYS + MONTHS)})\b", rest)
    return f"{letter} M" + ("." if sentence_end else "")


def _clock(m: re.Match[str]) -> str:
    hour = int(m.group("h"))
    minute = int(m.groupdict().get("m") or 0)
    zone = f" {' '.join(m.group('zone'))}" if m.group("zone") else ""
    if m.groupdict().get("ap"):
        spoken = numbers.cardinal(hour) + (
            "" if minute == 0 else f" {'oh ' if minute < 10 else ''}{numbers.cardinal(minute)}")
        return f"{spoken} {_meridiem(m)}{zone}"
    if minute == 0:
        if hour == 0:
            return "midnight" + zone
        return (f"{numbers.cardinal(hour)} hundred" if hour > 12 else f"{numbers.cardinal(hour)} o'clock") + zone
    return f"{numbers.cardinal(hour)} {'oh ' if minute < 10 else ''}{numbers.cardinal(minute)}{zone}"


# "in '08", "the class of '99", "March '12": a year's last two digits after a word that takes
# a year ("'12 people died', she said" is a quotation, left alone)
_SHORT_YEAR = re.compile(
    r"\b((?:[Ii]n|[Oo]f|[Ss]ince|[Ff]rom|[Bb]y|[Uu]ntil|[Tt]ill|to|and|or|through|[Bb]efore|[Aa]fter|"
    r"[Dd]uring|[Bb]etween|circa|[Ss]ummer|[Ss]pring|[Aa]utumn|[Ff]all|[Ww]inter|[Cc]lass|[Ss]eason|[Vv]intage|"
    rf"{'|'.join(MONTHS)}|{'|'.join(_MONTH_SHORT)})\.?\s)'(\d\d)\b(?![\w']|[.,]\d|%)")


def decades_and_years(text: str) -> str:
    """1980s, '90s, 2020-21, 2023/24, 1939–45, and four-digit years 1100-2099 (1000-1099 after "in")."""
    text = re.sub(r"(?<![\w'])'?(\d0)'?s\b",
                  lambda m: numbers.plural(numbers.cardinal(int(m.group(1)))) if m.group(0).startswith("'")
                  else m.group(0), text)
    if "'" in text:
        text = _SHORT_YEAR.sub(lambda m: m.group(1) + (
            f"oh {numbers.cardinal(int(m.group(2)))}" if m.group(2) < "10" else numbers.cardinal(int(m.group(2)))),
            text)
    text = re.sub(r"(?<![\w.,])(1[1-9]\d0|20\d0)'?s\b",
                  lambda m: numbers.plural(numbers.year(int(m.group(1)))), text)
    text = re.sub(r"(?<![\w.,])(1[1-9]\d\d|20\d\d)\s?[-\u2013/]\s?(\d\d)(?![\w/]|[.,]\d)",
                  lambda m: f"{numbers.year(int(m.group(1)))} to {numbers.cardinal(int(m.group(2)))}"
                  if int(m.group(2)) > int(m.group(1)[2:]) else m.group(0), text)
    text = re.sub(r"\b((?:[Ii]n|[Ss]ince|[Ff]rom|[Bb]y|[Uu]ntil|[Oo]f|year|[Cc]irca|AD|BC)\s+)(1[0-9]\d\d)\b(?![.,]\d)",
                  lambda m: m.group(1) + numbers.year(int(m.group(2))), text)
    return re.sub(r"(?<![\w.,$£€¥/-])(1[1-9]\d\d|20\d\d)(?![\w/%]|[.,]\d|\s?(?:%|percent|per cent))",
                  lambda m: numbers.year(int(m.group(1))), text)


def foreign_dates_and_times(text: str, language: str) -> str:
    lang = primary(language)
    rule = {"de": _german, "fr": _french, "nl": _dutch, "es": _spanish, "it": _italian,
            "pt": _portuguese}.get(lang)
    if lang in _MONTH_NAMES and ("/" in text or "-" in text):
        text = _NUMERIC_DATE.sub(lambda m: _day_month_year(m, lang), text)
    return rule(text) if rule else text


# the day first, as these languages write a date: "31/12/2025", and in Dutch "31-12-2025"
_MONTH_NAMES = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
}
_NUMERIC_DATE = re.compile(r"(?<![\w/.,-])(0?[1-9]|[12]\d|3[01])([/-])(0?[1-9]|1[0-2])\2(1\d{3}|20\d\d)(?![\w/-]|[.,]\d)")
_FIRST_DAY = {"fr": "1er", "it": "1°", "pt": "1º"}  # the first of the month is an ordinal there


def _day_month_year(m: re.Match[str], lang: str) -> str:
    """'31/12/2025' -> '31 décembre 2025', '31 de diciembre de 2025' (the digits for the engine)."""
    if m.group(2) == "-" and lang != "nl":
        return m.group(0)
    day, month, year = int(m.group(1)), _MONTH_NAMES[lang].split()[int(m.group(3)) - 1], m.group(4)
    spoken_day = _FIRST_DAY.get(lang, "1") if day == 1 else str(day)
    if lang in ("es", "pt"):
        return f"{spoken_day} de {month} de {year}"
    return f"{spoken_day} {month} {year}"


def _german(text: str) -> str:
    """'am 3. Mai', 'im 19. Jahrhundert', 'der 1. FC': an ordinal, so the period ends nothing."""
    months = "|".join(_GERMAN_MONTHS)
    # "am 3.10.1990": after a word that takes a date, a numeric date with its year is the day's
    # ordinal and the month's name ("Version 1.2.2020" is left alone)
    text = re.sub(r"\b((?i:am|vom|zum|bis|ab|seit|dem|den|der|des))\s+(0?[1-9]|[12]\d|3[01])\."
                  r"(0?[1-9]|1[0-2])\.(\d{4})(?![\w]|[.,]\d)",
                  lambda m: f"{m.group(1)} {m.group(2)}. "
                  f"{_GERMAN_MONTHS[int(m.group(3)) if int(m.group(3)) > 1 else 0]} {m.group(4)}", text)
    # "der 3. Oktober ist": nominative after der/die/das; "am 3. Oktober": dative
    text = re.sub(rf"(?<![\w.])(\d{{1,2}})\.\s*({months})\b",
                  lambda m: numbers.ordinal_in(int(m.group(1)), "de")
                  + ("" if re.search(r"\b(?i:der|die|das)\s+$", m.string[max(0, m.start() - 5):m.start()])
                     else "n") + " " + m.group(2), text)

    def declined(m: re.Match[str]) -> str:
        word = numbers.ordinal_in(int(m.group(2)), "de")
        nominative = m.group(1).lower() in ("der", "die", "das", "ein", "eine") or m.group(1).endswith("e")
        return f"{m.group(1)} {word if nominative else word + 'n'} "

    text = re.sub(rf"\b((?i:{_DE_ARTICLES}))\s+(\d{{1,3}})\.\s+(?=[A-ZÄÖÜ])", declined, text)
    return re.sub(r"\b([01]?\d|2[0-3])[.:]([0-5]\d)\s*Uhr\b", lambda m: _hours(m, "de", "Uhr"), text)


def _french(text: str) -> str:
    from narrate.speech.rules.codes import roman_value  # Roman centuries: "XXIe siècle"

    text = re.sub(r"\b1(er|re)\b", lambda m: "premier" if m.group(1) == "er" else "première", text)
    text = re.sub(r"\b(\d+)(?:e|ème|eme)\b", lambda m: numbers.ordinal_in(int(m.group(1)), "fr"), text)
    text = re.sub(r"\b([IVX]{2,}|[IVX](?=e\s+(?:siècle|millénaire|arrondissement|République)))(?:e|ème)\b",
                  lambda m: numbers.ordinal_in(v, "fr") if (v := roman_value(m.group(1))) else m.group(0),
                  text)
    # the hour in words: the engine then makes the liaison ("neuf heures" is [nœvœʁ])
    text = re.sub(r"\b([01]?\d|2[0-3])\s?h\s?([0-5]\d)\b",
                  lambda m: f"{_hour_words(int(m.group(1)), 'fr')} {int(m.group(2))}", text)
    return re.sub(r"\b([01]?\d|2[0-3])\s?h\b(?!\w)", lambda m: _hour_words(int(m.group(1)), "fr"), text)


_NL_WEEKDAYS = {"ma": "maandag", "di": "dinsdag", "wo": "woensdag", "do": "donderdag", "vr": "vrijdag",
                "za": "zaterdag", "zo": "zondag"}
# "di 3 juni", "za. 12 april": a weekday's short form before a date
_NL_WEEKDAY = re.compile(rf"\b(ma|di|wo|do|vr|za|zo)\.?(?=\s+\d{{1,2}}\s+(?:{_MONTH_NAMES['nl'].replace(' ', '|')})\b)")


def _dutch(text: str) -> str:
    text = _NL_WEEKDAY.sub(lambda m: _NL_WEEKDAYS[m.group(1)], text)
    text = re.sub(r"\b([01]?\d|2[0-3])[.:]([0-5]\d)\s*uur\b", lambda m: _hours(m, "nl", "uur"), text)
    return re.sub(r"\b(\d+)(?:e|ste|de)\b", lambda m: numbers.ordinal_in(int(m.group(1)), "nl"), text)


def _es_minutes(minute: int) -> str:
    """'dieciséis veinte', 'nueve y cinco': the minutes after the hour, as announcers say them."""
    if not minute:
        return ""
    return f"{' y' if minute < 10 else ''} {numbers.cardinal_in(minute, 'es')}"


def _romance_ordinals(text: str, language: str) -> str:
    return re.sub(r"\b(\d+)\.?([ºª°])(?=\s)", lambda m: numbers.ordinal_in(
        int(m.group(1)), language, feminine=m.group(2) == "ª"), text)


_ES_APOCOPE = re.compile(r"\b(\d{1,2})\.?er(?=\s)")


def _spanish_apocope(m: re.Match[str]) -> str:
    """'3.er lugar' -> 'tercer lugar', '1.er' -> 'primer': the short ordinal before a noun."""
    words = numbers.ordinal_in(int(m.group(1)), "es")
    return words[:-1] if words.endswith(("primero", "tercero")) else m.group(0)


def _spanish(text: str) -> str:
    """'a las 16:20' -> 'a las dieciséis y veinte' (the engine reads '16:20' as two numbers)."""
    text = re.sub(r"\b((?i:las|la|sobre las|hacia las))\s+([01]?\d|2[0-3])[:.]([0-5]\d)(?:\s?h\b\.?)?",
                  lambda m: f"{m.group(1)} {_hour_words(int(m.group(2)), 'es', bare=True)}"
                  + _es_minutes(int(m.group(3))), text)
    text = re.sub(r"\b([01]?\d|2[0-3])[:.]([0-5]\d)\s?h\b\.?", r"\1:\2 horas", text)
    text = _ES_APOCOPE.sub(_spanish_apocope, text)
    return _romance_ordinals(text, "es")


def _italian(text: str) -> str:
    text = re.sub(r"\b((?i:alle|dalle|delle|dopo le|verso le|fino alle|entro le|ore|le))\s+([01]?\d|2[0-3])[.:]([0-5]\d)\b",
                  lambda m: f"{m.group(1)} {int(m.group(2))}" + (f" e {int(m.group(3))}" if int(m.group(3)) else ""),
                  text)
    return _romance_ordinals(text, "it")


def _portuguese(text: str) -> str:
    """'às 21h' -> 'às vinte e uma horas': hora is feminine, the engine's '21' is not."""
    text = re.sub(r"\b([01]?\d|2[0-3])h([0-5]\d)?\b",
                  lambda m: _hour_words(int(m.group(1)), "pt")
                  + (f" e {int(m.group(2))}" if m.group(2) and int(m.group(2)) else ""),
                  text)
    return _romance_ordinals(text, "pt")


_HOUR_WORD = {"fr": ("heure", "heures"), "pt": ("hora", "horas"), "es": ("hora", "horas")}
# the feminine of one and two, for hora/heure
_FEMININE = {"fr": ((r"\bun$", "une"),), "es": ((r"uno$", "una"), (r"\bun$", "una")),
             "pt": ((r"\bum$", "uma"), (r"\bdois$", "duas"))}


def _hour_words(hour: int, language: str, bare: bool = False) -> str:
    """An hour in words, agreeing with the feminine word for hour, and that word unless
    ``bare``: 21 -> 'vingt et une heures', 'vinte e uma horas', 'veintiuna'."""
    words = numbers.cardinal_in(hour, language)
    for pattern, feminine in _FEMININE.get(language, ()):
        words = re.sub(pattern, feminine, words)
    if bare:
        return words
    one, many = _HOUR_WORD[language]
    return f"{words} {one if hour == 1 else many}"


def _hours(m: re.Match[str], language: str, hour_word: str) -> str:
    """'14.30 Uhr' -> '14 Uhr 30': the engine reads the digits in its language, and better
    than a spelled compound ("fünfundvierzig"); the minutes in words only before a period and
    a small letter, where the engine reads '30. dann' as '30th'."""
    hour, minute = int(m.group(1)), int(m.group(2))
    if not minute:
        return f"{hour} {hour_word}"
    ordinal_next = re.match(r"\.\s+[a-zäöüéè]", m.string[m.end():m.end() + 3])
    return f"{hour} {hour_word} {numbers.cardinal_in(minute, language) if ordinal_next else minute}"
