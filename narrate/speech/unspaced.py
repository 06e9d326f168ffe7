"""Sentences and clauses of text written without spaces between words: Chinese and Japanese.

Their sentences end in 。！？ with no space after, and clauses in ，、；： likewise, so the
cuts made for spaced scripts (a period, a space, a capital; a comma and a space) never come
and a whole paragraph became one utterance: one cue of half a minute, which no read-along
can follow. Each character is a syllable or more, so a piece is measured in characters:
espeak-ng's Mandarin says about three a second and its Japanese about two, and UNSPACED_CHARS
keeps a cue at 8-12 seconds (the Latin limit, 125 characters, is about seven). A cut never falls inside a run of digits or
Latin letters ("2024年", "iPhone 15").
"""

from __future__ import annotations

import math
import re

UNSPACED_CHARS = 24  # the longest piece, in characters

_WIDE = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
_CLOSERS = "」』”’）】〉》〕\"')"
_SENTENCE_END = re.compile(rf"(?<=[。！？｡])[{re.escape(_CLOSERS)}]*")
_CLAUSE_END = re.compile(rf"(?<=[，、；：,;:])[{re.escape(_CLOSERS)}]*")
_WIDE_CHAR = re.compile(rf"[{_WIDE}]")
_WORD = re.compile(r"[^\W_]+")
_UNBREAKABLE = re.compile(r"[0-9A-Za-z.,%]")


def is_unspaced(text: str) -> bool:
    """Mostly Chinese or Japanese: at least as many of their characters as other words (a
    Latin name or a number inside is fine)."""
    wide = len(_WIDE_CHAR.findall(text))
    return wide > 0 and wide >= len(_WORD.findall(_WIDE_CHAR.sub(" ", text)))


def sentences(text: str) -> list[str]:
    """``text`` cut after every Chinese or Japanese sentence end (with its closing quotes)."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() > start:
            out.append(text[start:m.end()])
            start = m.end()
    out.append(text[start:])
    return [s.strip() for s in out if s.strip()]


def clauses(sentence: str, limit: int = UNSPACED_CHARS) -> list[str]:
    """``sentence`` in pieces of at most ``limit`` characters: whole clauses merged while they
    fit, a clause longer than ``limit`` cut into equal parts. The pieces join back to the
    sentence exactly (no space is added: the script has none)."""
    if len(sentence) <= limit:
        return [sentence]
    parts, start = [], 0
    for m in _CLAUSE_END.finditer(sentence):
        parts.append(sentence[start:m.end()])
        start = m.end()
    parts.append(sentence[start:])
    out: list[str] = []
    for part in (p for p in parts if p):
        if out and len(out[-1]) + len(part) <= limit:
            out[-1] += part
        elif len(part) <= limit:
            out.append(part)
        else:
            out.extend(_equal_cuts(part, limit))
    return [p for p in (p.strip() for p in out) if p]


def _equal_cuts(text: str, limit: int) -> list[str]:
    count = math.ceil(len(text) / limit)
    out, start = [], 0
    for k in range(1, count):
        cut = round(k * len(text) / count)
        # move off a run of digits or Latin letters, to whichever side is nearer
        left = right = cut
        while left > start + 1 and _UNBREAKABLE.match(text[left - 1]) and _UNBREAKABLE.match(text[left]):
            left -= 1
        while right < len(text) - 1 and _UNBREAKABLE.match(text[right - 1]) and _UNBREAKABLE.match(text[right]):
            right += 1
        cut = left if cut - left <= right - cut else right
        if start < cut < len(text):
            out.append(text[start:cut])
            start = cut
    out.append(text[start:])
    return out
