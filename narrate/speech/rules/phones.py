"""Telephone numbers and short emergency numbers, read digit by digit.

Sure cases only: a number with a country code, an area code in brackets, the North American
3-3-4 and 3-4 shapes, a group starting with 0 followed by more groups, three or more digit
groups or a 2-3 digit number straight after "call", "dial", "ring" or "text" (in any of the
languages). The digits are left spaced for the engine
(each read in the article's language), so the range and cardinal rules cannot join them.
"""

from __future__ import annotations

import re

_SEP = r"[ .-]"
_PATTERNS = (
    rf"\+\d{{1,3}}(?:{_SEP}?\(?\d{{1,5}}\)?){{2,5}}",  # +44 20 7946 0958
    rf"\(\d{{3}}\)\s?\d{{3}}{_SEP}\d{{4}}",  # (202) 555-0198
    r"1-\d{3}-\d{3}-\d{4}",  # 1-800-555-0199
    rf"\d{{3}}{_SEP}\d{{3}}-\d{{4}}",  # 202-555-0198
    r"\d{3}-\d{4}",  # 555-0143 (never a range: a range would be written with commas or words)
    r"0[1-9]\d{1,3}(?:[ /-]\d{1,8})*[ /-]\d{2,8}",  # 030 1234567, 0800 111 0 111 (never 000)
)
_PHONE = re.compile(rf"(?<![\w.,/+-])(?<!\d )(?:{'|'.join(_PATTERNS)})(?![\w]|[.,-]\d)")
_CALL_WORDS = (r"call|calls|called|calling|dial|dials|dialled|dialed|dialling|dialing|ring|rang|"
               r"ringing|text|texted|phone|phoned|telephone|hotline|"
               r"appelez|composez|anrufen|wählen|Rufen Sie|llame|llamar|marque|chiamare|"
               r"chiamate|ligue|ligar|bel|bellen")
_CALL = rf"(?i:\b(?:{_CALL_WORDS})(?:\s+(?:al|el|le|au|the|on|op|het|den|die|sie|o|a))?)\s+"
_SHORT = re.compile(rf"{_CALL}(\d{{2,3}})(?![\w]|[.,]\d|\s\d)")
# after a call word, any three or more digit groups: "llame al 91 123 45 67"
_CALLED = re.compile(rf"{_CALL}(\d{{2,4}}(?:[ .-]\d{{2,4}}){{2,}})(?![\w]|[.,]\d)")
# "text 85258", "text HELP to 85258": a short code, four to six digits
_TEXT_CODE = re.compile(r"(?i:\b(?:text|texting|sms)\s+(?:[A-Z]+\s+to\s+)?)(\d{4,6})(?![\w]|[.,]\d)")
# French numbers are said in pairs after the leading zero: 01 23 45 67 89
_FRENCH = re.compile(r"(?<![\w.,+])0([1-9])((?:[ .]\d\d){4})(?![\w]|[.,]\d)")


def phones(text: str, language: str) -> str:
    # digits are said by the engine in the article's language
    if language.split("-")[0].lower() == "fr":
        text = _FRENCH.sub(lambda m: f"0 {m.group(1)} {m.group(2).replace('.', ' ').strip()}", text)
    text = _PHONE.sub(lambda m: _spaced(m.group(0)), text)
    text = _TEXT_CODE.sub(lambda m: m.group(0)[: m.start(1) - m.start(0)] + _spaced(m.group(1)), text)
    text = _CALLED.sub(lambda m: m.group(0)[: m.start(1) - m.start(0)] + _spaced(m.group(1)), text)
    return _SHORT.sub(lambda m: m.group(0)[: m.start(1) - m.start(0)] + _spaced(m.group(1)), text)


def _spaced(number: str) -> str:
    plus = "+ " if number.startswith("+") else ""
    return plus + " ".join(d for d in number if d.isdigit())
