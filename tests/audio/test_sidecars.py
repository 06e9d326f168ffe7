from __future__ import annotations

import json
import re

from narrate.audio import sidecars
from narrate.audio.render import Cue

LONG = ("This utterance is deliberately long so that it cannot fit on two lines of sixty five "
        "characters each and has to be split into more than one cue by the writer.")
CUES = (
    Cue(0.15, 2.0, "Title of the piece.", -1, chapter="Title of the piece"),
    Cue(3.0, 5.5, "A <b>bold</b> claim & more --> here.", 0),
    Cue(6.0, 14.0, LONG, 0),
    Cue(15.0, 16.0, "Part two.", 1, chapter="Part two"),
    Cue(17.0, 3725.5, "Much later.", 1),
)


def parse(text: str, sep: str) -> list[tuple[float, float, list[str]]]:
    out = []
    for block in re.split(r"\n\n+", text.strip()):
        lines = block.split("\n")
        k = next(i for i, x in enumerate(lines) if "-->" in x)
        a, b = lines[k].split(" --> ")

        def sec(ts: str) -> float:
            h, m, s = ts.replace(sep, ".").split(":")
            return int(h) * 3600 + int(m) * 60 + float(s)

        out.append((sec(a), sec(b), lines[k + 1:]))
    return out


def test_vtt_and_srt_agree_and_obey_the_limits() -> None:
    vtt = sidecars.vtt(CUES)
    srt = sidecars.srt(CUES)
    assert vtt.startswith("WEBVTT\n\n")
    v = parse(vtt.split("\n", 2)[2], ".")
    s = parse(srt, ",")
    assert [(a, b) for a, b, _ in v] == [(a, b) for a, b, _ in s]
    assert all(len(line) <= 65 for _, _, lines in v for line in lines)
    assert all(1 <= len(lines) <= 2 for _, _, lines in v)
    starts = [a for a, _, _ in v]
    assert starts == sorted(starts)
    assert all(b > a for a, b, _ in v)
    assert all(v[k][0] >= v[k - 1][1] for k in range(1, len(v)))
    assert len(v) == len(CUES) + 1  # the long utterance became two cues
    assert v[2][0] == 6.0 and v[3][1] == 14.0  # split cues keep the utterance's exact edges
    assert "&lt;b&gt;bold&lt;/b&gt; claim &amp; more --&gt; here." in vtt
    assert "01:02:05.500" in vtt and "01:02:05,500" in srt
    assert srt.startswith("1\n00:00:00,150 --> 00:00:02,000\n")
    # the transcript text is the spoken text, every word of it
    words = " ".join(" ".join(x) for _, _, x in s).split()
    assert words == " ".join(c.text for c in CUES).split()


def test_chapters_from_cues() -> None:
    chs = sidecars.chapters(CUES, 3726.0)
    assert [(c.start, c.end, c.title) for c in chs] == [
        (0.0, 15.0, "Title of the piece"), (15.0, 3726.0, "Part two")]
    doc = json.loads(sidecars.chapters_json(chs, title="T", author="A"))
    assert doc["version"] == "1.2.0"
    assert [c["startTime"] for c in doc["chapters"]] == [0.0, 15.0]
    assert doc["chapters"][1] == {"startTime": 15.0, "endTime": 3726.0, "title": "Part two"}


def test_chapters_without_markers() -> None:
    chs = sidecars.chapters((Cue(0.1, 1.0, "Only.", 0),), 2.0)
    assert [(c.start, c.end) for c in chs] == [(0.0, 2.0)]


def test_transcript_is_one_utterance_a_line() -> None:
    assert sidecars.transcript(CUES).splitlines()[0] == "Title of the piece."
