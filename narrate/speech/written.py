"""Which words of the article each utterance came from (read-along highlighting needs them).

Normalisation rewrites text ("$5" -> "five dollars", "Mr." -> "Mister") before it is split into
sentences, so an utterance's text is not a substring of the article. ``written_pieces`` walks
the pieces in order and aligns each one's words with a short window of the original words
(difflib on word tokens: whole words match or not, and the work stays linear in the block's
length), taking the matched stretch as the sentence as the article writes it. When the piece
ends in rewritten words ("... five dollars."), its n-th sentence-ending word is matched to the
n-th one in the window.
"""

from __future__ import annotations

import bisect
import re
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\S+")


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
    norm = [(m.start(), m.end()) for m in _TOKEN.finditer(normalised)]
    orig = [(m.start(), m.end()) for m in _TOKEN.finditer(original)]
    words = [normalised[s:e] for s, e in norm]
    said = [original[s:e] for s, e in orig]
    starts = [s for s, _ in norm]
    ranges = [(max(bisect.bisect_right(starts, a) - 1, 0), bisect.bisect_right(starts, b - 1))
              for a, b in spans]
    out, j = [], 0
    for k, (first, last) in enumerate(ranges):
        piece = words[first:last]
        following = words[ranges[k + 1][0]:ranges[k + 1][1]] if k + 1 < len(ranges) else []
        both = piece + following
        window = said[j:j + 2 * len(both) + 8] if following else said[j:j + 4 * len(piece) + 16]
        if not piece or not window:
            out.append("")
            continue
        ops = SequenceMatcher(None, both, window, autojunk=False).get_opcodes()
        begin = _start(ops)
        end = _boundary(ops, len(piece), both, window) if following else _last(ops)
        if begin < end:
            out.append(original[orig[j + begin][0]:orig[j + end - 1][1]].strip())
            j += end
        else:
            out.append("")
    return out


def _start(ops: list) -> int:
    """Window index of the first word: where the first op that uses a normalised word begins."""
    for tag, _i1, _i2, j1, _j2 in ops:
        if tag != "insert":
            return j1
    return 0


def _last(ops: list) -> int:
    """Window index after the block's last word (original words nothing matched are dropped)."""
    return next(op[4] for op in reversed(ops) if op[0] != "insert")


_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")


def _boundary(ops: list, i: int, both: list[str], window: list[str]) -> int:
    """Window index where the normalised word ``i`` (the next piece's first) begins."""
    for tag, i1, i2, j1, j2 in ops:
        if tag == "insert" or not i1 <= i < i2:
            continue
        if i == i1 or tag == "delete":
            return j1
        if tag == "equal":
            return j1 + (i - i1)
        # both sides of the boundary were rewritten: match sentence ends by their order
        k = sum(1 for w in both[i1:i] if _SENTENCE_END.search(w))
        ends = [x for x in range(j1, j2 - 1) if _SENTENCE_END.search(window[x])
                and window[x + 1][:1].isupper() | window[x + 1][:1].isdigit()]
        if 0 < k <= len(ends):
            return ends[k - 1] + 1
        return j1 + round((i - i1) * (j2 - j1) / (i2 - i1))
    return len(window)
