"""Which words of the article each utterance came from (read-along highlighting needs them).

Normalisation rewrites text ("$5" -> "five dollars", "Mr." -> "Mister") before it is split into
sentences, so an utterance's text is not a substring of the article. ``written_pieces`` aligns
the normalised text with the original (difflib, on the characters) and maps each piece's edges
back, giving the sentence as the article writes it. Bounded: a block longer than
``MAX_ALIGN_CHARS`` is not aligned (its utterances then point at the whole block).
"""

from __future__ import annotations

import bisect
from difflib import SequenceMatcher

MAX_ALIGN_CHARS = 6000


def written_pieces(original: str, normalised: str, pieces: list[str]) -> list[str]:
    """For each piece of ``normalised`` (in order), the same stretch of ``original``; "" if unknown."""
    spans, pos = [], 0
    for piece in pieces:
        at = normalised.find(piece, pos)
        if at < 0:
            return [""] * len(pieces)
        spans.append((at, at + len(piece)))
        pos = at + len(piece)
    if normalised == original:
        return [original[a:b] for a, b in spans]
    if len(original) > MAX_ALIGN_CHARS or len(normalised) > MAX_ALIGN_CHARS:
        return [""] * len(pieces)
    ops = SequenceMatcher(None, normalised, original, autojunk=False).get_opcodes()
    starts = [op[1] for op in ops]

    def back(i: int, is_end: bool) -> int:
        k = bisect.bisect_right(starts, i - 1 if is_end else i) - 1
        tag, i1, i2, j1, j2 = ops[max(k, 0)]
        if tag == "equal":
            return j1 + (i - i1)
        return j2 if is_end else j1

    return [original[back(a, False):back(b, True)].strip() for a, b in spans]
