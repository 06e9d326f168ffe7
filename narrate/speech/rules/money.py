"""Money: a symbol, a code or a country-prefixed symbol with an amount, scale words and the
newsroom short forms ("$2.5 billion", "£5m", "$3bn", "€40k", "US$1.2tn", "USD 500", "12,50 €").

English amounts become words; "a $2.5 billion plan" uses the currency as a modifier, so it is
"a two point five billion dollar plan". Other languages keep their digits (the engine reads
them) and get the currency's name after the amount.
"""

from __future__ import annotations

import re

from narrate.speech import numbers
from narrate.speech.rules.vocab import primary

# symbol or code -> (singular, plural, minor singular, minor plural), English
CURRENCIES = {
    "$": ("dollar", "dollars", "cent", "cents"), "€": ("euro", "euros", "cent", "cents"),
    "£": ("pound", "pounds", "penny", "pence"), "¥": ("yen", "yen", "", ""),
    "₹": ("rupee", "rupees", "paisa", "paise"), "₩": ("won", "won", "", ""),
    "₽": ("rouble", "roubles", "kopeck", "kopecks"), "₺": ("lira", "lira", "kurus", "kurus"),
    "US$": ("US dollar", "US dollars", "cent", "cents"),
    "A$": ("Australian dollar", "Australian dollars", "cent", "cents"),
    "AU$": ("Australian dollar", "Australian dollars", "cent", "cents"),
    "C$": ("Canadian dollar", "Canadian dollars", "cent", "cents"),
    "CA$": ("Canadian dollar", "Canadian dollars", "cent", "cents"),
    "HK$": ("Hong Kong dollar", "Hong Kong dollars", "cent", "cents"),
    "NZ$": ("New Zealand dollar", "New Zealand dollars", "cent", "cents"),
    "S$": ("Singapore dollar", "Singapore dollars", "cent", "cents"),
    "R$": ("real", "reais", "centavo", "centavos"),
    "USD": ("US dollar", "US dollars", "cent", "cents"), "EUR": ("euro", "euros", "cent", "cents"),
    "GBP": ("pound", "pounds", "penny", "pence"), "JPY": ("yen", "yen", "", ""),
    "CHF": ("Swiss franc", "Swiss francs", "centime", "centimes"),
    "AUD": ("Australian dollar", "Australian dollars", "cent", "cents"),
    "CAD": ("Canadian dollar", "Canadian dollars", "cent", "cents"),
    "CNY": ("yuan", "yuan", "", ""), "INR": ("rupee", "rupees", "paisa", "paise"),
    "Rs": ("rupee", "rupees", "paisa", "paise"),
}
_FOREIGN = {  # language -> symbol or code -> name after the amount
    "de": {"€": "Euro", "EUR": "Euro", "$": "Dollar", "US$": "US-Dollar", "USD": "Dollar",
           "£": "Pfund", "CHF": "Franken", "¥": "Yen"},
    "fr": {"€": "euros", "EUR": "euros", "$": "dollars", "US$": "dollars américains",
           "USD": "dollars", "£": "livres", "CHF": "francs suisses", "¥": "yens"},
    "es": {"€": "euros", "EUR": "euros", "$": "dólares", "US$": "dólares", "USD": "dólares",
           "£": "libras", "¥": "yenes"},
    "it": {"€": "euro", "EUR": "euro", "$": "dollari", "US$": "dollari", "USD": "dollari",
           "£": "sterline", "¥": "yen"},
    "pt": {"€": "euros", "EUR": "euros", "$": "dólares", "US$": "dólares", "USD": "dólares",
           "£": "libras", "R$": "reais", "¥": "ienes"},
    "nl": {"€": "euro", "EUR": "euro", "$": "dollar", "US$": "dollar", "USD": "dollar",
           "£": "pond", "¥": "yen"},
}
_CENTS_JOIN = {"es": " con ", "it": " e ", "pt": " e "}  # "12 euros con 50"
_SHORT_SCALE = {"k": "thousand", "K": "thousand", "m": "million", "mn": "million",
                "bn": "billion", "b": "billion", "tn": "trillion", "trn": "trillion"}
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SYMBOLS = "|".join(re.escape(s) for s in sorted(CURRENCIES, key=len, reverse=True) if not s.isalpha())
_CODES = "|".join(s for s in CURRENCIES if s.isalpha())
_SCALE = r"(?:\s?(?P<word>thousand|million|billion|trillion)\b|(?P<short>k|K|m|mn|bn|b|tn|trn)\b)?"
_EN_MONEY = re.compile(
    rf"(?<![\w$])(?:(?P<sym>{_SYMBOLS})\s?|(?P<code>{_CODES})\s)(?P<amount>{_NUM}){_SCALE}(?![\w$])")


# "$5–10", "£3-5bn": one currency, two amounts
_EN_RANGE = re.compile(
    rf"(?<![\w$])(?P<sym>{_SYMBOLS})\s?(?P<low>{_NUM})(?P<low_short>k|m|bn|tn)?\s?[-\u2013]\s?"
    rf"(?P=sym)?(?P<high>(?:{_NUM}){_SCALE})(?![\w$])")


def _english_range(m: re.Match[str]) -> str:
    """'$5–10' -> 'five to ten dollars': the currency said once, after the second amount."""
    scale = m.group("low_short") or ""
    low = numbers.decimal(m.group("low")) + (f" {_SHORT_SCALE[scale]}" if scale else "")
    high = _EN_MONEY.fullmatch(m.group("sym") + m.group("high"))
    if not high:
        return m.group(0)
    return f"{low} to {_english(high, _modifier(m))}"


def money(text: str, language: str) -> str:
    lang = primary(language)
    if lang == "en":
        text = _EN_RANGE.sub(_english_range, text)
        text = _EN_MONEY.sub(_english, text)
        text = re.sub(r"(?<![\w.,])(\d{1,2})\s?¢", lambda m: f"{numbers.cardinal(int(m.group(1)))} "
                      f"{'cent' if m.group(1) == '1' else 'cents'}", text)
        return _PENCE.sub(_pence, text) if "p" in text else text
    names = _FOREIGN.get(lang)
    if not names:
        return text
    syms = "|".join(re.escape(s) for s in sorted(names, key=len, reverse=True))
    amount = r"\d+(?:[.,]\d+)*"
    # "€ 20", "R$ 50", "US$ 3" before the amount; "12 €", "5 Millionen €" after it; after a
    # scale word the currency takes the language's "of" ("2,3 milhões de euros", "95 mil reais")
    text = re.sub(rf"(?<![\w$])({syms})\s?({amount})(?:\s({_FOREIGN_SCALES})\b)?(?![\w$])",
                  lambda m: f"{m.group(2)} " + (f"{m.group(3)} {_of(m.group(3), names[m.group(1)], lang)}"
                                                if m.group(3) else names[m.group(1)]), text)
    text = re.sub(rf"\b({_FOREIGN_SCALES})\s?({syms})(?![\w$])",
                  lambda m: f"{m.group(1)} {_of(m.group(1), names[m.group(2)], lang)}", text)
    text = re.sub(rf"(?<=\d)\s?({syms})(?![\w$])|(?<=\w)\s({syms})(?![\w$])",
                  lambda m: f" {names[m.group(1) or m.group(2)]}", text)
    # "12,50 Euro" -> "12 Euro 50"; "1.500,00 reais" -> "1.500 reais"
    currencies = "|".join(re.escape(n) for n in sorted(set(names.values()), key=len, reverse=True))
    return re.sub(rf"(?<![\d.,])(\d{{1,3}}(?:\.\d{{3}})*|\d+),(\d\d) ({currencies})\b",
                  lambda m: f"{m.group(1)} {m.group(3)}" + (
                      f"{_CENTS_JOIN.get(lang, ' ')}{int(m.group(2))}" if int(m.group(2)) else ""), text)


# "99p", "3.5p", "212p": pence glued to an amount (a video resolution is the codes rule's)
_PENCE = re.compile(r"(?<![\w.,$£€-])(\d{1,3}(?:\.\d{1,2})?)p\b(?![\w'’-])")
_NOT_PENCE = frozenset({"144", "240", "360", "480", "540", "576", "720"})


def _pence(m: re.Match[str]) -> str:
    amount = m.group(1)
    if amount in _NOT_PENCE:
        return m.group(0)
    return f"{numbers.decimal(amount)} {'penny' if amount == '1' else 'pence'}"


_FOREIGN_SCALES = (r"Millionen|Milliarden|Mio\.|Mrd\.|millions?|milliards?|millones|milhões|milhão|milioni|"
                   r"milione|miliardi|miliardo|miljoen|miljard|mil millones|mil|bilhões|bilhão")
# "millions d'euros", "millones de euros", "milioni di euro"; German and Dutch say no "of"
_OF = {"fr": "de", "es": "de", "pt": "de", "it": "di"}


def _of(scale: str, currency: str, lang: str) -> str:
    """The currency after a scale word: 'de euros', "d'euros"; 'mil' (a thousand) takes none."""
    of = _OF.get(lang)
    if not of or scale == "mil":
        return currency
    if lang == "fr" and currency[0] in "aeiouéè":
        return f"d'{currency}"
    return f"{of} {currency}"


# after "the", "its"...: a modifier only when a noun follows, not a verb or a preposition
_NOT_A_NOUN = frozenset("""
a an the and or but of to in on at for from by with as than that which who is was are were be
been being has had have will would could should may might must can did does do it its this
these those they he she we you i his her their our your not no so if then into over under after
before since until while per each more less about around up down out off against between
last next every ago today yesterday tomorrow now then again instead too also only just
""".split())


def _modifier(m: re.Match[str]) -> bool:
    """'a $5 fee', 'the £10m project': the currency is a modifier, said in the singular."""
    before = m.string[max(0, m.start() - 8):m.start()]
    if re.search(r"(?:^|\W)[Aa]n?\s$", before):
        return True
    # ("her" may be an object: "lent her $300 last week")
    if not re.search(r"(?:^|\W)(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Hh]is|[Tt]heir|[Oo]ur)\s$", before):
        return False
    after = re.match(r"\s+([a-z][a-z-]*)\b", m.string[m.end():m.end() + 30])
    return bool(after) and after.group(1) not in _NOT_A_NOUN and not re.search(
        r"(?:ed|ly|ing)$", after.group(1))


def _english(m: re.Match[str], modifier: bool | None = None) -> str:
    key = m.group("sym") or m.group("code")
    one, many, minor_one, minor_many = CURRENCIES[key]
    scale = m.group("word") or _SHORT_SCALE.get(m.group("short") or "", "")
    modifier = _modifier(m) if modifier is None else modifier
    amount = m.group("amount")
    if scale:
        return f"{numbers.decimal(amount)} {scale} {one if modifier else many}"
    whole, _, frac = amount.replace(",", "").partition(".")
    n = int(whole)
    cents = int(frac.ljust(2, "0")[:2]) if frac and minor_many else 0
    out = f"{numbers.cardinal(n)} {one if n == 1 or (modifier and not cents) else many}"
    if cents:
        out += f" and {numbers.cardinal(cents)} {minor_one if cents == 1 else minor_many}"
    elif frac and not minor_many:
        out = f"{numbers.decimal(amount)} {many}"
    return out
