"""Numbers as words, because TTS engines read digits inconsistently.

English is spelled here, with spaces rather than hyphens ("forty five"), which every engine
reads the same and which matches what transcript checkers compare against. Other languages'
ordinals come from num2words; their cardinals stay digits, which espeak-ng reads right in its
own language (and better than a long spelled-out German or Dutch compound).
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
NUM2WORDS_LANGS = frozenset({"de", "fr", "es", "it", "pt", "nl"})


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
        return digits(str(abs(n)))
    return " ".join(_words(n))


def digits(text: str) -> str:
    """'0143' -> 'zero one four three': one word per digit (telephone numbers, codes)."""
    return " ".join(_ONES[int(d)] for d in text if d.isdigit())


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


def ordinal_in(n: int, language: str, feminine: bool = False) -> str:
    """The ordinal in ``language`` ('en', or one num2words knows); digits when unknown."""
    if language == "en":
        return ordinal(n)
    if language not in NUM2WORDS_LANGS:
        return str(n)
    from num2words import num2words  # every language's module: only for an article that needs one

    words = num2words(n, lang=language, to="ordinal")
    if feminine and language in ("es", "it", "pt") and words.endswith("o"):
        words = words[:-1] + "a"
    return words


def cardinal_in(n: int, language: str) -> str:
    """A small number in words in ``language`` (times, where a bare digit would be misread)."""
    if language == "en":
        return cardinal(n)
    if language not in NUM2WORDS_LANGS:
        return str(n)
    from num2words import num2words

    return num2words(n, lang=language)


def year(n: int) -> str:
    """1999 -> 'nineteen ninety nine'; 2005 -> 'two thousand five'; 2024 -> 'twenty twenty four'."""
    if 2000 <= n <= 2009 or n < 1000 or n > 9999:
        return cardinal(n)
    high, low = divmod(n, 100)
    if low == 0:
        return f"{cardinal(high)} hundred"
    return " ".join([cardinal(high)] + (["oh"] if low < 10 else []) + [cardinal(low)])


def pairs(n: int) -> str:
    """1080 -> 'ten eighty', 720 -> 'seven twenty': a number said as a name, in pairs."""
    high, low = divmod(n, 100)
    if not high:
        return cardinal(low)
    return f"{cardinal(high)} {'oh ' if low < 10 and low else ''}{cardinal(low) if low else 'hundred'}"


def decimal(text: str) -> str:
    """'3.5' -> 'three point five'; '1,100' -> 'one thousand one hundred'."""
    whole, _, frac = text.replace(",", "").partition(".")
    spoken = cardinal(int(whole or "0"))
    if frac:
        spoken += " point " + digits(frac)
    return spoken


def plural(words: str) -> str:
    """'nineteen eighty' -> 'nineteen eighties' (decades)."""
    head, _, last = words.rpartition(" ")
    last = last[:-1] + "ies" if last.endswith("y") else last + "s"
    return f"{head} {last}".strip()
