"""The sample article narrated once per voice (espeak-ng and Piper), read back with mutagen,
ffprobe and ffmpeg ebur128/silencedetect: format, loudness, silence, tags, chapters, cues."""

from __future__ import annotations

import io
import json
import re
import subprocess

import pytest
from mutagen.mp3 import MP3, BitrateMode
from PIL import Image

from narrate.audio.tags import read_tags
from narrate.speech.script import build_script
from narrate.speech.voices import choose_profile
from tests.audio.test_sidecars import parse
from tests.conftest import need_tool


def ffmpeg_af(path, af: str) -> str:
    need_tool("ffmpeg")
    proc = subprocess.run(["ffmpeg", "-hide_banner", "-nostats", "-v", "info", "-i", str(path),
                           "-af", af, "-f", "null", "-"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-300:]
    return proc.stderr


def test_stream_is_mpeg1_layer3_44k_mono_cbr_64k(episode) -> None:
    need_tool("ffprobe")
    mp3 = episode.result.mp3
    probe = json.loads(subprocess.run(
        ["ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json", str(mp3)],
        capture_output=True, text=True, check=True).stdout)
    (stream,) = [s for s in probe["streams"] if s["codec_type"] == "audio"]
    assert stream["codec_name"] == "mp3" and stream["sample_rate"] == "44100"
    assert stream["channels"] == 1 and stream["bit_rate"] == "64000"
    info = MP3(mp3).info
    assert (info.version, info.layer, info.channels) == (1, 3, 1)
    assert info.bitrate_mode == BitrateMode.CBR and info.bitrate == 64000
    assert float(probe["format"]["duration"]) == pytest.approx(episode.result.duration, abs=0.1)


def test_espeak_duration_is_four_to_nine_minutes(espeak_episode) -> None:
    assert 4 * 60 <= espeak_episode.result.duration <= 9 * 60


def test_loudness_and_true_peak(episode) -> None:
    log = ffmpeg_af(episode.result.mp3, "ebur128=peak=true:framelog=verbose")
    summary = log[log.rindex("Summary:"):]
    integrated = float(re.search(r"I:\s*(-?[\d.]+) LUFS", summary).group(1))
    peak = float(re.search(r"True peak:\s*\n\s*Peak:\s*(-?[\d.]+)", summary).group(1))
    assert -17.0 <= integrated <= -15.0
    assert peak <= -1.0


def test_silence_at_the_edges_and_inside(episode) -> None:
    duration = episode.result.duration
    log = ffmpeg_af(episode.result.mp3, "silencedetect=noise=-50dB:d=0.25")
    starts = [float(x) for x in re.findall(r"silence_start: (-?[\d.]+)", log)]
    ends = [float(x) for x in re.findall(r"silence_end: ([\d.]+)", log)]
    spans = list(zip(starts, ends + [duration] * (len(starts) - len(ends)), strict=False))
    lead = next((e - max(0, s) for s, e in spans if s <= 0.05), 0.0)
    trail = next((e - s for s, e in spans if e >= duration - 0.1), 0.0)
    inner = [e - s for s, e in spans if s > 0.05 and e < duration - 0.1]
    assert lead <= 1.0 and trail <= 1.0
    assert max(inner, default=0.0) <= 3.0


def test_tags_read_back(episode) -> None:
    article = episode.article
    tags = read_tags(episode.result.mp3)
    assert tags["title"] == article.title
    assert tags["artist"] == ", ".join(article.authors)
    assert tags["album"]
    assert tags["date"].startswith(article.published[:10])
    assert tags["genre"] == "Podcast" and tags["language"] == "eng"
    assert tags["source_url"] == article.url
    assert article.description in tags["comment"]
    with Image.open(io.BytesIO(tags["cover"])) as img:  # the sample's cover is unreachable here
        assert img.format == "JPEG" and img.width == img.height >= 300
    cues = parse(episode.result.vtt.read_text(encoding="utf-8").split("\n", 2)[2], ".")
    assert " ".join(tags["transcript"].split()) == " ".join(" ".join(x) for _, _, x in cues)


def test_chapters_agree_everywhere(episode) -> None:
    duration = episode.result.duration
    doc = json.loads(episode.result.chapters.read_text(encoding="utf-8"))
    assert doc["version"] == "1.2.0" and doc["chapters"]
    id3 = read_tags(episode.result.mp3)["chapters"]
    assert [c.title for c in id3] == [c["title"] for c in doc["chapters"]]
    for mark, entry in zip(id3, doc["chapters"], strict=True):
        assert mark.start == pytest.approx(entry["startTime"], abs=0.001)
        assert mark.end == pytest.approx(entry["endTime"], abs=0.001)
    starts = [c["startTime"] for c in doc["chapters"]]
    assert starts == sorted(starts) and starts[0] == 0.0
    assert all(0 <= c["startTime"] < c["endTime"] <= duration + 0.05 for c in doc["chapters"])
    assert doc["chapters"][0]["title"] == episode.article.title


def test_cues(episode) -> None:
    duration = episode.result.duration
    vtt = parse(episode.result.vtt.read_text(encoding="utf-8").split("\n", 2)[2], ".")
    srt = parse(episode.result.srt.read_text(encoding="utf-8"), ",")
    assert [(a, b) for a, b, _ in vtt] == [(a, b) for a, b, _ in srt]
    assert all(b > a for a, b, _ in vtt)
    assert all(vtt[k][0] >= vtt[k - 1][1] for k in range(1, len(vtt)))  # ascending, no overlap
    assert vtt[0][0] <= 1.0 and vtt[-1][1] <= duration and duration - vtt[-1][1] <= 1.0
    assert max(b - a for a, b, _ in vtt) <= 15.0
    assert all(len(line) <= 65 for _, _, lines in vtt for line in lines)
    # the cue text is the text actually spoken: the normalised script, word for word
    script = build_script(episode.article, choose_profile(episode.result.profile))
    spoken = " ".join(u.text for u in script).split()
    assert " ".join(" ".join(x) for _, _, x in vtt).split() == spoken
    # every chapter starts where its cue starts
    chapter_starts = {c["startTime"] for c in json.loads(episode.result.chapters.read_text())["chapters"]}
    cue_starts = {a for a, _, _ in vtt} | {0.0}
    assert chapter_starts <= cue_starts
