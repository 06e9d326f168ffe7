"""Alphanumeric codes and Roman numerals.

Codes with letters and digits (COVID-19, H5N1, CO2, A380, F-35, 4K) stay whole: espeak-ng
spells them as one unit, and no later rule may turn their digits into words glued to the
letters. Video resolutions (1080p, 720p) are said in pairs, as people say them.

Roman numerals are read only where they cannot be a word: after a regnal name ("Charles III"
-> "Charles the third"), after an event or sequel word ("World War II", "Super Bowl LVIII",
"Chapter XII"), or a numeral of two or more of I, V, X after a capitalised title word
("Rocky IV"). The pronoun "I" and words such as MIX or CIVIL are never numerals.
"""

from __future__ import annotations

import re

from narrate.speech import numbers
from narrate.speech.rules.vocab import primary

_REGNAL = frozenset("""
Charles Henry Elizabeth Louis Edward George William James Richard John Benedict Pius Paul Leo
Gregory Innocent Clement Alexander Peter Frederick Philip Felipe Mary Anne Napoleon Ramesses
Juan Carlos Carl Gustaf Gustav Constantine Nicholas Ivan Mohammed Boniface Urban Sixtus Harald
Olav Haakon Christian Frederik Margrethe Wilhelm Ludwig Otto Rainier Albert Baudouin Leopold
Umberto Vittorio Emmanuel Willem Hussein Abdullah Bhumibol Rama Naruhito Akihito Hirohito
Francis Stephen Malcolm David Robert Alfonso Ferdinand Isabella Catherine Sobhuza Mswati
Letsie Tupou Kamehameha Selim Suleiman Mehmed Murad Farouk Fuad Faisal Zog Michael Simeon
Boris Ptolemy Cleopatra Tutankhamun Amenhotep Thutmose Seti Darius Xerxes Cyrus Artaxerxes
Antiochus Herod Justinian Theodosius Basil Manuel Andronikos Sancho Jaime Pedro Joao João
Sebastian Ludovico Lorenzo Cosimo Innocenzo Giovanni Pio Benedetto Gregorio Clemente
""".split())
_EVENT = frozenset("""
War Bowl Chapter Episode Part Volume Vol Act Scene Phase Book Title Article Section Stage
Round Season Series Game Games Olympiad Congress Council Vatican Apollo Gemini Saturn Mark
Class Type Level Grade Division Tier Schedule Annex Appendix Amendment Canto Psalm Symphony
""".split())
# a one-letter numeral (V, X, L...) only after these; "Type X" or "Vitamin C" may be names
_EVENT_SINGLE = frozenset("""
War Episode Chapter Part Volume Vol Act Book Phase Bowl Scene Stage Round Season Olympiad Vatican
Apollo Amendment Symphony Psalm Canto Section Article
""".split())
# a title before a regnal name makes even "I" a numeral: "Queen Elizabeth I never married"
_TITLED = re.compile(r"\b(?:King|Queen|Pope|Emperor|Empress|Tsar|Czar|Tsarina|Kaiser|Sultan|Pharaoh|"
                     r"Prince|Princess|Duke|Duchess|Grand Duke|Saint|St)\.? (?:[A-Z][a-z]+ )?$")  # "King Juan Carlos I"
# "King Charles I think": the pronoun, whatever stands before it
_FIRST_PERSON = re.compile(r"\s+(?:am|think|believe|know|guess|hope|feel|mean|suppose|agree|love|like|"
                           r"want|thought|said|say|told|met|saw|remember|wish|'m|'ve|'d|'ll)\b")
_ROMAN = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_value(numeral: str) -> int | None:
    if not numeral or not _ROMAN.match(numeral):
        return None
    total = 0
    for k, ch in enumerate(numeral):
        v = _VALUES[ch]
        total += -v if k + 1 < len(numeral) and _VALUES[numeral[k + 1]] > v else v
    return total or None


def roman(text: str, language: str) -> str:
    if primary(language) != "en":
        return text

    def spoken(m: re.Match[str]) -> str:
        name, numeral = m.group(1), m.group(2)
        value = roman_value(numeral)
        if value is None:
            return m.group(0)
        after = m.string[m.end():m.end() + 12]
        titled = _TITLED.search(m.string[max(0, m.start() - 30):m.start()]) and not \
            _FIRST_PERSON.match(after)
        if name in _REGNAL or titled:  # "Queen Victoria I": a title makes any name regnal
            if numeral == "I" and not titled and not re.match(r"\s*(?:[,.;:)!?]|of\b|and\b|$)|['’]s\b", after):
                return m.group(0)
            return f"{name} the {numbers.ordinal(value)}"
        if name in _EVENT_SINGLE or (name in _EVENT and len(numeral) >= 2):
            return f"{name} {numbers.cardinal(value)}"
        if len(numeral) >= 2 and re.fullmatch(r"[IVX]+", numeral) and name[1:].islower():
            return f"{name} {numbers.cardinal(value)}"
        return m.group(0)

    # "Elizabeth II's": a possessive may follow the numeral
    return re.sub(r"\b([A-Z][a-z]+)\.?:? ([IVXLCDM]+)\b(?![\w-]|['’](?!s\b))", spoken, text)


# "Boeing 787", "Airbus A380", and an Airbus model or a British A-road on its own ("the A350")
_AIRCRAFT = re.compile(r"\b(?:(?P<maker>Boeing|Airbus|Embraer|Comac)\s+(?P<letter>[AEC]?)-?|(?P<alone>A)(?=[23]\d\d))"
                       r"(?P<first>\d)(?P<pair>\d\d)(?!\d|[.,]\d)(?=[a-z]*\b)(?P<plural>s\b)?")


def aircraft(text: str) -> str:
    """'Boeing 787' -> 'Boeing seven eighty seven', 'Airbus A380' -> 'Airbus A-three-eighty':
    a model number is a name, said as its first digit and then a pair, as people say it."""
    def spoken(m: re.Match[str]) -> str:
        letter = m.group("letter") or m.group("alone") or ""
        first, pair = int(m.group("first")), int(m.group("pair"))
        rest = "hundred" if not pair else f"oh {numbers.cardinal(pair)}" if pair < 10 else numbers.cardinal(pair)
        model = f"{numbers.cardinal(first)} {rest}"
        maker = f"{m.group('maker')} " if m.group("maker") else ""
        spoken = maker + (f"{letter}-{model.replace(' ', '-')}" if letter else model)
        if m.group("plural"):  # "the A380s": the last word in the plural
            return numbers.plural(spoken.replace("-", " ")).replace(" ", "-") if letter else numbers.plural(spoken)
        return spoken + (" " if m.string[m.end():m.end() + 1].isalpha() else "")  # "A320neo"

    return _AIRCRAFT.sub(spoken, text)


# two capitals glued to three or four digits (flight BA287, MH370, FY2024) or before a dot and
# a number (variant BA.2, JN.1): the engine reads "BA" as a word and "287" as a quantity
_LETTERS_DIGITS = re.compile(r"\b([A-Z]{2})(?:(\d{3,4})|\.(\d{1,2}))\b(?![.,]\d|-)")


def letter_codes(text: str) -> str:
    """'BA287' -> 'BA 2 8 7', 'BA.2' -> 'BA 2', 'FY2024' -> 'FY 2024': the letters apart from
    the digits, so the engine spells them; the digits one by one, unless they are a year."""
    def spoken(m: re.Match[str]) -> str:
        if m.group(3):
            return f"{m.group(1)} {m.group(3)}"
        number = m.group(2)
        if re.fullmatch(r"(?:19|20)\d\d", number):
            return f"{m.group(1)} {number}"
        return f"{m.group(1)} {' '.join(number)}"

    return _LETTERS_DIGITS.sub(spoken, text)


# a number that names a flight, a room, a road or a model is said in pairs, as people say it
_NAMING = re.compile(r"\b(Flight|Room|Route|Highway|Interstate|Gate|Platform|Xbox|Porsche|Peugeot)"
                     r" (\d{3})\b(?![.,]\d|[-/])")


def names_in_pairs(text: str) -> str:
    """'Flight 370' -> 'Flight three seventy', 'Room 101' -> 'Room one oh one', 'Xbox 360'."""
    return _NAMING.sub(lambda m: f"{m.group(1)} {numbers.pairs(int(m.group(2)))}", text)


def resolutions(text: str) -> str:
    """1080p, 720p, 2160p, 480i: said in pairs ("ten eighty P")."""
    return re.sub(r"(?<![\w.,])(\d{3,4})([pi])\b",
                  lambda m: f"{numbers.pairs(int(m.group(1)))} {m.group(2).upper()}", text)
