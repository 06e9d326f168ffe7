"""Where the written text may be cut: sentence ends and safe cuts inside long sentences.

The transcript shows the written sentence and the engine gets its normalised form, so the
written text is cut, and each piece is normalised on its own. A cut is right only when the
normalisation rules agree: the period of "Mr. Smith", "Dec. 13", "z. B." or "am 3. Mai" does
not survive normalisation, so it is no sentence end; "6 p.m. The next day" keeps one, so it
is. A cut inside a sentence must not tear a unit the rules read as one ("March 14, 2021",
"$2.5 billion"): it is allowed only where normalising both sides apart gives the same words
as normalising them together. Every test looks at a bounded window, so the cost is linear.
"""

from __future__ import annotations

import re
from functools import lru_cache

from narrate.speech import unspaced
from narrate.speech.normalize import normalize
from narrate.speech.rules import abbreviations as abbr

# Quotes that may close a sentence or open the next one, in the typographies of the languages we
# read: "…", «…» (French, with spaces inside), „…“ (German), ‹…›, and Spanish ¿ ¡.
_CLOSERS = "\"')\\]»”’›“"
_OPENERS = "\"'(\\[«„“‘‹¿¡"
# Sentence ends: . ! ? … and those of other scripts: the Devanagari danda । ॥, the Arabic
# question mark ؟ and Urdu full stop ۔, the Armenian ։ and Ethiopic ። full stops.
_ENDERS = ".!?…।॥؟۔։።"
_UNAMBIGUOUS = ("!", "?", "।", "॥", "؟", "۔", "։", "።")  # no abbreviation ends in these
_CANDIDATE = re.compile(rf"(?<=[{_ENDERS}])((?:[ \u00a0\u202f]?[»›])?[{_CLOSERS}]*)\s+(?=[{_OPENERS}]?\s?(\w))")
_ENDS_SENTENCE = re.compile(rf"[{_ENDERS}](?:[ \u00a0\u202f]?[{_CLOSERS}])*$")
_WINDOW = 80
_UNSPACED_END = re.compile("[。！？｡]")
# something a rule may read across a cut: digits, symbols, periods, capitals, Roman numerals
_SPECIAL = re.compile(r"[\d.&@#/+%$€£¥¢°×±~]|\b[IVXLCDM]+\b|[A-Z]{2,}")


def split_written(text: str, language: str) -> list[str]:
    """``text`` cut into sentences at the ends normalisation keeps, and after every Chinese
    or Japanese sentence end (narrate.speech.unspaced)."""
    parts = unspaced.sentences(text) if _UNSPACED_END.search(text) else [text]
    return [s for part in parts for s in _split_spaced(part, language)]


def _split_spaced(text: str, language: str) -> list[str]:
    out, start = [], 0
    for m in _CANDIDATE.finditer(text):
        left_end = m.end(1)  # a closing quote stays with the sentence it closes
        if _opens(m.group(2)) and _is_end(text, left_end, m.end(), language):
            out.append(text[start:left_end].strip())
            start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


def _opens(first: str) -> bool:
    """Whether a sentence may start with the letter ``first``: a capital, a digit, or a letter
    of a script without case (Arabic, Hebrew, Devanagari...); never a lowercase letter."""
    return first.isdigit() or first.isupper() or (first.isalpha() and not first.islower())


def _is_end(text: str, left_end: int, right_start: int, language: str) -> bool:
    left = text[max(0, left_end - _WINDOW):left_end]
    token = re.search(r"(\S+)$", left.rstrip(_CLOSERS + " \u00a0\u202f"))
    word = token.group(1) if token else ""
    if word.endswith(_UNAMBIGUOUS) or _plain_word_end(word, language):
        return True
    bare = word.rstrip(_CLOSERS).rstrip(".").lstrip(_OPENERS)
    if len(bare) == 1 and bare.isupper():
        return False  # an initial ("J. K. Rowling", "А. С. Пушкин"), in every language
    right = text[right_start:right_start + _WINDOW // 2]
    together = normalize(f"{left} {right}", language)
    alone = normalize(right, language)
    if not alone or not together.endswith(alone):
        return False  # a rule read across the period ("Dec. 13"): not an end
    return bool(_ENDS_SENTENCE.search(together[:len(together) - len(alone)].rstrip()))


def _plain_word_end(word: str, language: str) -> bool:
    """'pier.' ends a sentence without asking the rules: a lowercase word, no abbreviation."""
    bare = word.rstrip(_CLOSERS).rstrip(".")
    return (len(bare) >= 2 and bare.isalpha() and bare.islower()
            and bare + "." not in _abbreviations(language) and bare not in _abbreviations(language))


@lru_cache(maxsize=16)
def _abbreviations(language: str) -> frozenset[str]:
    lang = (language or "en").lower().split("-")[0]
    keys: set[str] = set()
    for table in (abbr.TITLES, abbr.ANYWHERE, abbr.BEFORE_NUMBER, abbr.FINAL):
        for key in table.get(lang, {}):
            keys.add(key.lower().split()[-1])
    keys.update({"a.m.", "p.m.", "m.", "st."})
    return frozenset(keys)


def can_cut(left: str, right: str, language: str) -> bool:
    """True when cutting between ``left`` and ``right`` leaves what is said unchanged."""
    tail, head = left[-_WINDOW // 2:], right[:_WINDOW // 2]
    # a rule reads across a cut only through a special token on one side of it
    last, first = tail.rsplit(None, 1)[-1:], head.split(None, 1)[:1]
    if not _SPECIAL.search(" ".join(last + first)):
        return True
    return f"{normalize(tail, language)} {normalize(head, language)}".strip() == \
        normalize(f"{tail} {head}", language)
