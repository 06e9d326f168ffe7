"""Speech script -> one PCM file on disk, and every utterance's exact start and end.

This is the only module that turns PCM into durations (STYLE rule 10): each utterance is
synthesized on its own, its edge silence trimmed, and appended to the PCM file with the
script's pause after it, so cue times are sample counts, not estimates. Nothing holds the
whole recording: memory stays flat however long the article.
"""

from __future__ import annotations

import subprocess
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from narrate.errors import AudioError, SynthesisError
from narrate.speech.engines.base import Engine
from narrate.speech.script import Utterance

LEAD_IN = 0.15  # seconds of silence before the first word
TAIL = 0.4  # after the last
SILENCE_THRESHOLD = 160  # |sample| below this (about -46 dBFS) counts as silence when trimming
KEEP_EDGE = 0.03  # seconds kept around the trimmed speech so soft consonants survive
FETCH_RATE = 44100


@dataclass(frozen=True, slots=True)
class Cue:
    """One utterance on the timeline (seconds from the start of the audio)."""

    start: float
    end: float
    text: str
    block: int
    chapter: str = ""  # non-empty: a chapter with this title starts here


@dataclass(frozen=True, slots=True)
class Recording:
    pcm: Path  # mono s16le
    sample_rate: int
    cues: tuple[Cue, ...]
    duration: float


def trim(pcm: bytes, sample_rate: int) -> bytes:
    """``pcm`` without leading and trailing silence (keeping KEEP_EDGE of it)."""
    samples = array("h")
    samples.frombytes(pcm)
    n = len(samples)
    step = max(1, sample_rate // 200)  # 5 ms windows: max()/min() run in C
    first = 0
    while first < n and max(samples[first:first + step]) < SILENCE_THRESHOLD \
            and min(samples[first:first + step]) > -SILENCE_THRESHOLD:
        first += step
    last = n
    while last > first and max(samples[max(first, last - step):last]) < SILENCE_THRESHOLD \
            and min(samples[max(first, last - step):last]) > -SILENCE_THRESHOLD:
        last -= step
    if last <= first:
        return b""
    keep = int(KEEP_EDGE * sample_rate)
    return pcm[2 * max(0, first - keep):2 * min(n, last + keep)]


def render_speech(
    script: Sequence[Utterance],
    engine: Engine,
    voice: str,
    pcm_path: Path,
    progress: Callable[[str], None] | None = None,
    tap: Callable[[bytes, int], None] | None = None,
) -> Recording:
    """Synthesize every utterance into ``pcm_path``; SynthesisError if any piece is missing.

    ``tap(pcm, sample_rate)`` sees every byte written, in order (a loudness meter listens).
    """
    if not script:
        raise SynthesisError("the speech script is empty", engine.name)
    rate = 0
    written = 0  # samples
    cues: list[Cue] = []
    with open(pcm_path, "wb") as raw:
        out = _Tee(raw, tap)
        for k, utt in enumerate(script):
            audio = engine.synthesize(utt.spoken, voice)
            if rate == 0:
                rate = out.rate = audio.sample_rate
                written = _silence(out, LEAD_IN, rate)
            elif audio.sample_rate != rate:
                raise SynthesisError(f"sample rate changed from {rate} to {audio.sample_rate} Hz",
                                     engine.name)
            speech = trim(audio.pcm, rate)
            if not speech:
                raise SynthesisError(f"no speech in the audio for {utt.spoken[:60]!r}", engine.name)
            out.write(speech)
            start = written / rate
            written += len(speech) // 2
            cues.append(Cue(start, written / rate, utt.text, utt.block, utt.chapter))
            written += _silence(out, utt.pause if k < len(script) - 1 else TAIL, rate)
            if progress and (k % 10 == 0 or k == len(script) - 1):
                progress(f"synthesizing {k + 1}/{len(script)}")
    return Recording(pcm_path, rate, tuple(cues), written / rate)


class _Tee:
    """The PCM file, and the tap that listens to everything written to it."""

    def __init__(self, raw: BinaryIO, tap: Callable[[bytes, int], None] | None) -> None:
        self.raw, self.tap, self.rate = raw, tap, 0

    def write(self, data: bytes) -> None:
        self.raw.write(data)
        if self.tap:
            self.tap(data, self.rate)


def _silence(out: _Tee, seconds: float, rate: int) -> int:
    n = int(round(seconds * rate))
    out.write(b"\0\0" * n)
    return n


def render_fetched(script: Sequence[Utterance], media: Path, pcm_path: Path) -> Recording:
    """Decode the publisher's audio into ``pcm_path``. Its cues are estimates: the script's
    utterances spread over the audio in proportion to their length (no synthesis timings)."""
    cmd = ["ffmpeg", "-v", "error", "-nostdin", "-y", "-i", str(media), "-vn", "-ac", "1",
           "-ar", str(FETCH_RATE), "-f", "s16le", str(pcm_path)]
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if proc.returncode or not pcm_path.exists() or pcm_path.stat().st_size == 0:
        raise AudioError(f"cannot decode the publisher's audio: {proc.stderr.strip()[-200:]}",
                         str(media))
    duration = pcm_path.stat().st_size / 2 / FETCH_RATE
    weights = [len(u.text) + 10 * u.pause for u in script] or [1.0]
    scale = duration / sum(weights)
    cues, t = [], 0.0
    for u, w in zip(script, weights, strict=True):
        speech = len(u.text) * scale
        cues.append(Cue(round(t, 3), round(t + speech, 3), u.text, u.block, u.chapter))
        t += w * scale
    return Recording(pcm_path, FETCH_RATE, tuple(cues), duration)
