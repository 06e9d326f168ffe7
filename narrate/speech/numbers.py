"""Numbers as English words, because TTS engines read digits inconsistently.

Spelled with spaces rather than hyphens ("forty five"), which every engine reads the same and
which matches what transcript checkers compare against.
"""

from __future__ import annotations

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (1000, "thousand"))
_ORDINAL_IRREGULAR = {
    "one": "first", "two": "second", "three": "third", "five": "fifth",
    "eight": "eighth", "nine": "ninth", "twelve": "twelfth",
}


def _words(n: int) -> list[str]:
    if n < 0:
        return ["minus", *_words(-n)]
    if n < 20:
        return [_ONES[n]]
    if n < 100:
        tens, ones = divmod(n, 10)
        return [_TENS[tens]] + ([_ONES[ones]] if ones else [])
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return [_ONES[hundreds], "hundred"] + (_words(rest) if rest else [])
    for value, name in _SCALES:
        if n >= value:
            high, rest = divmod(n, value)
            return [*_words(high), name] + (_words(rest) if rest else [])
    return [str(n)]


def cardinal(n: int) -> str:
    """1234 -> 'one thousand two hundred thirty four'."""
    if abs(n) >= 10**15:
        return " ".join(_ONES[int(d)] for d in str(abs(n)))
    return " ".join(_words(n))


def ordinal(n: int) -> str:
    """21 -> 'twenty first'."""
    words = cardinal(n).split()
    last = words[-1]
    if last in _ORDINAL_IRREGULAR:
        words[-1] = _ORDINAL_IRREGULAR[last]
    elif last.endswith("y"):
        words[-1] = last[:-1] + "ieth"
    else:
        words[-1] = last + "th"
    return " ".join(words)


def year(n: int) -> str:
    """1999 -> 'nineteen ninety nine'; 2005 -> 'two thousand five'; 2024 -> 'twenty twenty four'."""
    if 2000 <= n <= 2009 or n < 1000 or n > 9999:
        return cardinal(n)
    high, low = divmod(n, 100)
    if low == 0:
        return f"{cardinal(high)} hundred"
    return " ".join([cardinal(high)] + (["oh"] if low < 10 else []) + [cardinal(low)])


def decimal(text: str) -> str:
    """'3.5' -> 'three point five'; '1,100' -> 'one thousand one hundred'."""
    whole, _, frac = text.replace(",", "").partition(".")
    spoken = cardinal(int(whole or "0"))
    if frac:
        spoken += " point " + " ".join(_ONES[int(d)] for d in frac)
    return spoken
