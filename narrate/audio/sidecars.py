"""WebVTT, SRT and JSON Chapters 1.2 from the render's cues: pure functions, no audio.

Every time here comes from ``Render.cues`` (measured once in render.py), so the transcripts,
the JSON chapters and the ID3 CHAP frames cannot disagree.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from narrate.audio.render import Cue

MAX_LINE = 65
MAX_LINES = 2


@dataclass(frozen=True, slots=True)
class Chapter:
    start: float
    end: float
    title: str


def chapters(cues: Sequence[Cue], duration: float) -> list[Chapter]:
    """Chapters start at cues that open one; the first starts at 0, the last ends at the end."""
    starts = [(c.start, c.chapter) for c in cues if c.chapter]
    if not starts:
        starts = [(0.0, cues[0].text if cues else "Narration")]
    out = []
    for k, (start, title) in enumerate(starts):
        begin = 0.0 if k == 0 else start
        end = starts[k + 1][0] if k + 1 < len(starts) else duration
        out.append(Chapter(round(begin, 3), round(end, 3), title))
    return out


def lines(text: str, width: int = MAX_LINE) -> list[str]:
    """Cue text wrapped to lines of at most ``width`` characters."""
    return textwrap.wrap(text, width=width, break_long_words=True, break_on_hyphens=False) or [text]


def cue_blocks(cues: Sequence[Cue]) -> list[tuple[float, float, list[str]]]:
    """(start, end, lines) per transcript cue: one utterance, split further if over 2 lines."""
    out: list[tuple[float, float, list[str]]] = []
    for cue in cues:
        wrapped = lines(cue.text)
        groups = [wrapped[i:i + MAX_LINES] for i in range(0, len(wrapped), MAX_LINES)]
        total = sum(len(" ".join(g)) for g in groups)
        t = cue.start
        for g in groups:
            share = (cue.end - cue.start) * len(" ".join(g)) / total
            out.append((round(t, 3), round(t + share, 3), g))
            t += share
    return out


def _ts(seconds: float, sep: str) -> str:
    ms = int(round(seconds * 1000))
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def _escape_vtt(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def vtt(cues: Sequence[Cue]) -> str:
    parts = ["WEBVTT", ""]
    for start, end, text in cue_blocks(cues):
        parts += [f"{_ts(start, '.')} --> {_ts(end, '.')}", *(_escape_vtt(x) for x in text), ""]
    return "\n".join(parts)


def srt(cues: Sequence[Cue]) -> str:
    parts = []
    for n, (start, end, text) in enumerate(cue_blocks(cues), 1):
        parts += [str(n), f"{_ts(start, ',')} --> {_ts(end, ',')}", *text, ""]
    return "\n".join(parts)


def transcript(cues: Sequence[Cue]) -> str:
    """Plain text of what is spoken, one utterance a line (for ID3 USLT)."""
    return "\n".join(c.text for c in cues)


def chapters_json(chs: Sequence[Chapter], *, title: str = "", author: str = "",
                  podcast: str = "") -> str:
    """Podcasting 2.0 JSON Chapters, version 1.2.0."""
    doc: dict[str, object] = {"version": "1.2.0"}
    if title:
        doc["title"] = title
    if author:
        doc["author"] = author
    if podcast:
        doc["podcastName"] = podcast
    doc["chapters"] = [
        {"startTime": round(c.start, 3), "endTime": round(c.end, 3), "title": c.title} for c in chs
    ]
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
