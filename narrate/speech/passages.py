"""A passage written in a script the article's voice cannot read, and the language it is in.

espeak-ng's Indonesian or English voice reads a quoted line of Arabic, Greek or Chinese as a
string of code-point names ("Arabic sukun, kode huruf ...", "Chinese letter" per character):
a minute of noise for one line. An utterance whose letters are mostly in one script of the
table below, neither Latin nor a script of the article's own language, is a passage in that
script's language; the render step gives it the engine's voice for that language, or leaves it
out when the engine has none (``narrate.audio.render``).

Only whole utterances switch: a single foreign word in an otherwise Latin sentence ("the word
ἀρετή means virtue") is fewer than half its letters and stays with the article's voice, which
says it as well or as badly as before, and never in mid-sentence in another voice. Latin letters
never make a passage (every voice reads them), nor do digits and punctuation (they are no
letters). A script missing from the table never switches: the text stays as it was.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from narrate.speech import langmatch
from narrate.speech.rules.cleanup import clean

# Everything below U+0250 is Latin (Basic Latin to Latin Extended-B), digits, punctuation or
# symbols: the fast path that most utterances of most articles take.
_FAST = "\u0250"


@dataclass(frozen=True, slots=True)
class Script:
    """A writing system: its code-point ranges, the languages a passage in it is read in (the
    first when the detector cannot tell), and other languages written in it (an article in one
    of them reads it with its own voice)."""

    name: str
    ranges: tuple[tuple[int, int], ...]
    reads: tuple[str, ...]
    also: tuple[str, ...] = ()


SCRIPTS: tuple[Script, ...] = (
    Script("Greek", ((0x0370, 0x03FF), (0x1F00, 0x1FFF)), ("el",), ("grc",)),
    Script("Cyrillic", ((0x0400, 0x052F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F)),
           ("ru", "uk", "bg", "sr", "mk", "be", "kk", "ky", "mn"), ("tt", "ba", "cv", "tg", "nog")),
    Script("Armenian", ((0x0530, 0x058F),), ("hy",), ("hyw",)),
    Script("Hebrew", ((0x0590, 0x05FF), (0xFB1D, 0xFB4F)), ("he",), ("yi", "lad")),
    Script("Arabic", ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF),
                      (0xFE70, 0xFEFF)),
           ("ar", "fa", "ur", "ps", "ug"), ("arb", "pes", "prs", "sd", "ku", "ckb", "ks", "bal")),
    Script("Devanagari", ((0x0900, 0x097F), (0xA8E0, 0xA8FF)), ("hi", "mr", "ne"),
           ("sa", "kok", "mai", "bho", "new")),
    Script("Bengali", ((0x0980, 0x09FF),), ("bn", "as"), ("bpy",)),
    Script("Gurmukhi", ((0x0A00, 0x0A7F),), ("pa",)),
    Script("Gujarati", ((0x0A80, 0x0AFF),), ("gu",)),
    Script("Oriya", ((0x0B00, 0x0B7F),), ("or",)),
    Script("Tamil", ((0x0B80, 0x0BFF),), ("ta",)),
    Script("Telugu", ((0x0C00, 0x0C7F),), ("te",)),
    Script("Kannada", ((0x0C80, 0x0CFF),), ("kn",)),
    Script("Malayalam", ((0x0D00, 0x0D7F),), ("ml",)),
    Script("Sinhala", ((0x0D80, 0x0DFF),), ("si",)),
    Script("Thai", ((0x0E00, 0x0E7F),), ("th",)),
    Script("Lao", ((0x0E80, 0x0EFF),), ("lo",)),
    Script("Myanmar", ((0x1000, 0x109F),), ("my",), ("shn",)),
    Script("Georgian", ((0x10A0, 0x10FF), (0x1C90, 0x1CBF)), ("ka",)),
    Script("Ethiopic", ((0x1200, 0x139F),), ("am",), ("ti", "om")),
    Script("Kana", ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F)), ("ja",)),
    Script("Hangul", ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF), (0xFFA0, 0xFFDC)),
           ("ko",)),
    # Chinese characters: Chinese when nothing else is there; with kana they are Japanese, with
    # Hangul Korean (see _count)
    Script("Han", ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F)),
           ("zh",), ("cmn", "yue", "wuu", "hak", "nan", "gan", "lzh", "ja", "ko")),
)
_BY_NAME = {s.name: s for s in SCRIPTS}
_BOUNDS = sorted((lo, hi, s.name) for s in SCRIPTS for lo, hi in s.ranges)
_STARTS = [lo for lo, _hi, _name in _BOUNDS]


def script_of(char: str) -> str:
    """The table's name for the script of ``char``; "" when it is not in the table."""
    k = bisect_right(_STARTS, ord(char)) - 1
    if k >= 0 and ord(char) <= _BOUNDS[k][1]:
        return _BOUNDS[k][2]
    return ""


def passage_language(text: str, language: str) -> str:
    """The language of ``text`` when most of its letters are in a script that ``language`` (the
    article's, BCP 47) does not write, else "" (the article's voice reads it)."""
    if not text or max(text) < _FAST:
        return ""
    counts, letters = _count(text)
    if not counts:
        return ""
    name, most = counts.most_common(1)[0]
    if 2 * most <= letters:
        return ""  # no script has most of the letters: a word or two inside a sentence
    script = _BY_NAME[name]
    if _primary(language) in (*script.reads, *script.also):
        return ""  # the article's own script
    return _choose(text, script.reads)


def _count(text: str) -> tuple[Counter[str], int]:
    """Letters per table script, and all letters (Latin and unlisted scripts included)."""
    counts: Counter[str] = Counter()
    letters = 0
    for char in text:
        if char.isalpha():
            letters += 1
            if char >= _FAST:
                name = script_of(char)
                if name:
                    counts[name] += 1
    han = counts.pop("Han", 0)
    if han:  # kanji among kana are Japanese, hanja among Hangul Korean
        counts["Kana" if counts["Kana"] else "Hangul" if counts["Hangul"] else "Han"] += han
    return +counts, letters


def _primary(language: str) -> str:
    return langmatch.canonical(language).split("-")[0]


def _choose(text: str, reads: tuple[str, ...]) -> str:
    """The one language of ``reads``, or the one the detector ranks first among them."""
    if len(reads) == 1:
        return reads[0]
    ranked = _detector()(clean(text))  # presentation forms as the letters they stand for
    return next((lang for lang, _score in ranked if lang in reads), reads[0])


@cache
def _detector() -> Callable[[str], list[tuple[str, float]]]:
    """py3langid's ranking, with its model from the user's cache (narrate.langmodel): only a
    passage in a script shared by several languages (Cyrillic, Arabic, Devanagari) needs it."""
    import py3langid

    from narrate import langmodel  # noqa: I001 (after py3langid, as narrate.readers.language)

    langmodel.install()
    return py3langid.rank
