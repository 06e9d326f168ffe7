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
# a name whose last letter looks like a numeral: "Malcolm X" is no tenth Malcolm
_NAMES_WITH_A_LETTER = frozenset({("Malcolm", "X")})
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
        if (name, numeral) in _NAMES_WITH_A_LETTER and not titled:
            return m.group(0)
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


# two capitals, a hyphen and a number of one or two digits (AK-47, WD-40, UH-60, MQ-9): a model
# name, its letters spelled (the engine reads "AK-47" as the word "ak") and the number said whole
_PAIR_HYPHEN_NUMBER = re.compile(r"(?<![\w.-])([A-Z])([A-Z])-([1-9]\d?)(?![\w-]|[.,]\d)")


def letter_codes(text: str) -> str:
    """'BA287' -> 'BA 2 8 7', 'BA.2' -> 'BA 2', 'FY2024' -> 'FY 2024': the letters apart from
    the digits, so the engine spells them; the digits one by one, unless they are a year.
    'AK-47' -> 'A-K forty seven': the letters joined by a hyphen, which the engine spells."""
    if "-" in text:
        text = _PAIR_HYPHEN_NUMBER.sub(
            lambda m: f"{m.group(1)}-{m.group(2)} {numbers.cardinal(int(m.group(3)))}", text)
    def spoken(m: re.Match[str]) -> str:
        letters = "-".join(m.group(1))  # "A-F": the engine reads "AF" as a word
        if m.group(3):
            return f"{letters} {m.group(3)}"
        number = m.group(2)
        if re.fullmatch(r"(?:19|20)\d\d", number):
            return f"{letters} {number}"
        return f"{letters} {' '.join(number)}"

    text = _LETTERS_DIGITS.sub(spoken, text)
    if "(" in text:
        text = _PLAN.sub(lambda m: f"{numbers.pairs(int(m.group(1)))} {m.group(2).upper()}", text)
    return text


# "401(k)", "403(b)", "501(c)(3)": a tax code's section, said as a name ("four oh one K")
_PLAN = re.compile(r"(?<![\w.,])([1-9]\d\d)\(([a-z])\)")


# a number that names a flight, a room, a road or a model is said in pairs, as people say it
_NAMING = re.compile(r"\b(Flight|Room|Route|Highway|Interstate|Gate|Platform|Xbox|Porsche|Peugeot)"
                     r" (\d{3})\b(?![.,]\d|[-/])")


def names_in_pairs(text: str) -> str:
    """'Flight 370' -> 'Flight three seventy', 'Room 101' -> 'Room one oh one', 'Xbox 360'."""
    return _NAMING.sub(lambda m: f"{m.group(1)} {numbers.pairs(int(m.group(2)))}", text)


# the video resolutions: "212p" is pence, not a picture
_RESOLUTION = re.compile(r"(?<![\w.,])(144|240|360|480|540|576|720|1080|1440|2160|4320)([pi])\b")


def resolutions(text: str) -> str:
    """1080p, 720p, 2160p, 480i: said in pairs ("ten eighty P")."""
    return _RESOLUTION.sub(
lambda m: f"{numbers.pairs(int(m.group(1)))} {m.group(2).upper()}", text)


# Regnal numerals in other languages: after a regnal name (or any name after a title), said as
# the language says them: "Benedikt XVI." -> "Benedikt der Sechzehnte", "Louis XIV" -> "Louis
# 14" (the engine says "quatorze"), "François Ier" -> "François premier", "Felipe VI" -> "Felipe
# sexto" (an ordinal to ten, then the number: "Alfonso 13"), "Giovanni XXIII" -> "Giovanni
# ventitreesimo", "Willem III" -> "Willem de Derde". Only numerals of I, V and X, and a lone
# letter with a period before a capital is left alone (an initial: "Peter V. Müller").
_FOREIGN_REGNAL = {
    "de": """Benedikt Ludwig Friedrich Karl Heinrich Johannes Franz Elisabeth Maximilian Joseph Josef
          Gregor Innozenz Klemens Georg Eduard Jakob Philipp Rudolf Sigismund Konrad Albrecht
          Katharina Iwan Nikolaus Pius Leo Paul Wilhelm Otto Ferdinand Gustav Christian""",
    "fr": """Louis Henri François Napoléon Philippe Jean Jean-Paul Benoît Pie Léon Grégoire Élisabeth
          Édouard Guillaume Jacques Frédéric Clément Innocent Nicolas Alexandre Pierre Catherine
          Rainier Baudouin Léopold Urbain Sixte Boniface Charles Paul Albert Victor-Emmanuel""",
    "es": """Felipe Carlos Juan Alfonso Fernando Isabel Enrique Luis Pedro Benedicto Pío León Gregorio
          Jaime Sancho Pablo Clemente Inocencio Guillermo Jorge Eduardo Catalina María Nicolás
          Alejandro Ramsés""",
    "it": """Giovanni Paolo Benedetto Pio Leone Gregorio Clemente Innocenzo Emanuele Umberto Carlo
          Luigi Enrico Elisabetta Filippo Federico Francesco Guglielmo Giorgio Edoardo Alessandro
          Pietro Nicola Caterina Maria Sisto Bonifacio Urbano Ferdinando""",
    "pt": """Pedro João Bento Paulo Pio Leão Gregório Carlos Isabel Manuel Afonso Filipe Luís Henrique
          Sebastião Fernando Clemente Inocêncio Jorge Eduardo Guilherme Elizabete Maria José""",
    "nl": """Willem Lodewijk Karel Filips Benedictus Johannes Paulus Pius Leo Gregorius Hendrik
          Elizabeth Albert Boudewijn Leopold Frederik Filip Karel""",
}
_FOREIGN_REGNAL_NAMES = {lang: frozenset(names.split()) | _REGNAL for lang, names in _FOREIGN_REGNAL.items()}
_FOREIGN_TITLES = {
    "de": "Papst|König|Königin|Kaiser|Kaiserin|Zar|Zarin|Herzog|Prinz|Fürst",
    "fr": "roi|reine|pape|empereur|impératrice|tsar|prince|princesse",
    "es": "rey|reina|papa|emperador|emperatriz|zar|príncipe|princesa",
    "it": "re|regina|papa|imperatore|imperatrice|zar|principe|principessa",
    "pt": "rei|rainha|papa|imperador|imperatriz|czar|príncipe|princesa|dom|dona",
    "nl": "koning|koningin|paus|keizer|keizerin|tsaar|prins|prinses",
}
_FOREIGN_TITLED = {lang: re.compile(rf"\b(?i:{titles})\s+$") for lang, titles in _FOREIGN_TITLES.items()}
_FEMININE_NAMES = frozenset("""
Elisabeth Élisabeth Elizabeth Isabel Isabella Elisabetta Elizabete Maria María Mary Anne Catherine
Katharina Catalina Caterina Margrethe Cleopatra Victoria Juliana Beatrix Wilhelmina Christina
""".split())
_NAME = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?"
_FOREIGN_ROMAN = re.compile(rf"\b({_NAME}) ([IVX]+)(er|re)?(\.?)(?![\w'’-])")
_DE_DATIVE = re.compile(r"\b(?i:von|vom|mit|bei|beim|unter|nach|zu|zum|seit|aus)\s+(?:(?:Papst|König|Kaiser|Zar|"
                        r"Königin|Kaiserin)\s+)?$")


def foreign_roman(text: str, language: str) -> str:
    lang = primary(language)
    names = _FOREIGN_REGNAL_NAMES.get(lang)
    if not names:
        return text

    def spoken(m: re.Match[str]) -> str:
        name, numeral, suffix, period = m.groups()
        value = roman_value(numeral)
        before = m.string[max(0, m.start() - 40):m.start()]
        if value is None or not (name in names or _FOREIGN_TITLED[lang].search(before)):
            return m.group(0)
        after = m.string[m.end():m.end() + 2]
        if len(numeral) == 1 and period and re.match(r"\s[A-ZÀ-Þ]", after):
            return m.group(0)  # an initial: "Peter I. Braun"
        if (name, numeral) in _NAMES_WITH_A_LETTER:
            return m.group(0)
        if suffix and (lang != "fr" or value != 1):
            return m.group(0)
        feminine = name in _FEMININE_NAMES
        # the period of a German ordinal is no sentence end, unless a capital follows it
        end = "." if period and (lang != "de" or not after or re.match(r"\s[A-ZÀ-Þ]", after)) else ""
        if lang == "de":
            dative = bool(_DE_DATIVE.search(before))
            ordinal = numbers.ordinal_in(value, "de").capitalize() + ("n" if dative else "")
            article = ("der" if feminine else "dem") if dative else ("die" if feminine else "der")
            return f"{name} {article} {ordinal}{end}"
        if lang == "nl":
            return f"{name} de {numbers.ordinal_in(value, 'nl').capitalize()}{end}"
        if lang == "fr":
            return f"{name} {('première' if feminine else 'premier') if value == 1 else value}{end}"
        if lang == "it" or value <= 10:
            return f"{name} {numbers.ordinal_in(value, lang, feminine=feminine)}{end}"
        return f"{name} {value}{end}"  # "Alfonso 13": the engine says the number

    text = _FOREIGN_ROMAN.sub(spoken, text)
    century = _CENTURY.get(lang)
    if century:  # "siglo XXI", "século XIX": an ordinal to ten, then the number ("siglo 21")
        text = century.sub(lambda m: f"{m.group(1)} " + (
            numbers.ordinal_in(v, lang) if v <= 10 else str(v)) if (v := roman_value(m.group(2))) else m.group(0),
            text)
    return text


_CENTURY = {"es": re.compile(r"\b([Ss]iglos?) ([IVX]+)\b(?![\w'’-])"),
            "pt": re.compile(r"\b([Ss]éculos?) ([IVX]+)\b(?![\w'’-])")}
