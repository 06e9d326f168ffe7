"""Speech script -> one PCM file on disk, and every utterance's exact start and end.

This is the only module that turns PCM into durations (STYLE rule 10): each utterance is
synthesized on its own, its edge silence trimmed, and appended to the PCM file with the
script's pause after it, so cue times are sample counts, not estimates. Nothing holds the
whole recording: memory stays flat however long the article.
"""

from __future__ import annotations

import dataclasses
import subprocess
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from narrate.errors import AudioError, EngineUnavailable, SynthesisError
from narrate.speech.engines.base import Audio, Engine
from narrate.speech.script import PAUSE_CLAUSE, Utterance

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
    # the utterances heard, one per cue (the script without the passages left out: see audible)
    script: tuple[Utterance, ...] = ()


def speech_bounds(pcm: bytes, sample_rate: int, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
    """(first, end) sample of the speech in samples ``lo:hi`` of ``pcm``, keeping KEEP_EDGE of
    silence on each side; first == end when there is none."""
    samples = array("h")
    samples.frombytes(pcm)
    n = len(samples) if hi is None else min(hi, len(samples))
    step = max(1, sample_rate // 200)  # 5 ms windows: max()/min() run in C
    first = lo
    while first < n and max(samples[first:first + step]) < SILENCE_THRESHOLD \
            and min(samples[first:first + step]) > -SILENCE_THRESHOLD:
        first += step
    last = n
    while last > first and max(samples[max(first, last - step):last]) < SILENCE_THRESHOLD \
            and min(samples[max(first, last - step):last]) > -SILENCE_THRESHOLD:
        last -= step
    if last <= first:
        return lo, lo
    keep = int(KEEP_EDGE * sample_rate)
    return max(lo, first - keep), min(n, last + keep)


def trim(pcm: bytes, sample_rate: int) -> bytes:
    """``pcm`` without leading and trailing silence (keeping KEEP_EDGE of it)."""
    first, end = speech_bounds(pcm, sample_rate)
    return pcm[2 * first:2 * end]


def sentence_groups(script: Sequence[Utterance]) -> list[list[int]]:
    """Indices of the script, grouped by sentence: a long sentence that the script split at a
    clause (pause PAUSE_CLAUSE) is one group, so it can be spoken in one breath."""
    groups: list[list[int]] = []
    for k, utt in enumerate(script):
        prev = script[k - 1] if k else None
        if prev is not None and prev.pause == PAUSE_CLAUSE and prev.block == utt.block:
            groups[-1].append(k)
        else:
            groups.append([k])
    return groups


def render_speech(
    script: Sequence[Utterance],
    engine: Engine,
    voice: str,
    pcm_path: Path,
    progress: Callable[[str], None] | None = None,
    tap: Callable[[bytes, int], None] | None = None,
) -> Recording:
    """Synthesize every utterance into ``pcm_path``; SynthesisError if any piece is missing.

    A sentence split at clauses for the transcript is spoken whole when the engine can say
    where each piece starts (``Engine.synthesize_pieces``): its intonation and pauses are the
    engine's own, as in one ``espeak-ng`` run, and each piece's cue starts where its speech
    starts. Otherwise each piece is spoken on its own with the script's pause between.
    ``tap(pcm, sample_rate)`` sees every byte written, in order (a loudness meter listens).
    A passage in another script is read by its own language's voice, or left out (``audible``);
    ``Recording.script`` holds the utterances heard.
    """
    script, voices = audible(script, engine, voice)
    if not script:
        raise SynthesisError("the speech script is empty", engine.name)
    rec = _Render(engine, voice)
    with open(pcm_path, "wb") as raw:
        rec.out = _Tee(raw, tap)
        done = 0
        for group in sentence_groups(script):
            utts = [script[k] for k in group]
            said_by = voices[group[0]]
            whole = (engine.synthesize_pieces([u.spoken for u in utts], said_by)
                     if len(utts) > 1 and all(voices[k] == said_by for k in group) else None)
            if whole is None:
                for k, utt in zip(group, utts, strict=True):
                    rec.add(engine.synthesize(utt.spoken, voices[k]), [0], [utt])
                    rec.pause(utt.pause if utt is not script[-1] else TAIL)
            else:
                rec.add(whole[0], whole[1], utts)
                rec.pause(utts[-1].pause if utts[-1] is not script[-1] else TAIL)
            done += len(group)
            if progress and (done % 10 < len(group) or done == len(script)):
                progress(f"synthesizing {done}/{len(script)}")
    return Recording(pcm_path, rec.rate, tuple(rec.cues), rec.written / rec.rate, tuple(script))


def audible(script: Sequence[Utterance], engine: Engine,
            voice: str) -> tuple[list[Utterance], list[str]]:
    """The utterances ``engine`` can speak, and the voice for each.

    The article's utterances get ``voice``. A passage in a script that voice cannot read
    (``Utterance.language``) gets the engine's voice for the passage's language; when the engine
    has none (no espeak-ng voice for it, Piper's one language), the passage is left out, as the
    script leaves out text with no letter or digit: unspeakable text is skipped. Its cue goes
    too: a cue over silence would tell a player, the read-along page and the timing checks that
    speech is there, and the passage stays in the article's HTML and EPUB text. Its pause (a
    block's end) passes to the utterance before it, its chapter to the one after.
    """
    found: dict[str, str | None] = {"": voice}
    heard: list[Utterance] = []
    voices: list[str] = []
    chapter = ""
    for utt in script:
        if utt.language not in found:
            found[utt.language] = _voice_for(engine, utt.language)
        said_by = found[utt.language]
        if said_by is None:
            if heard and heard[-1].pause < utt.pause:
                heard[-1] = dataclasses.replace(heard[-1], pause=utt.pause)
            chapter = chapter or utt.chapter
            continue
        if chapter and not utt.chapter:
            utt = dataclasses.replace(utt, chapter=chapter)
        chapter = ""
        heard.append(utt)
        voices.append(said_by)
    return heard, voices


def _voice_for(engine: Engine, language: str) -> str | None:
    """The engine's voice for a passage's language; None when it has none (its default voice,
    "", does not count: it is the voice that cannot read the passage)."""
    try:
        return engine.voice_for_language(language) or None
    except EngineUnavailable:
        return None


class _Render:
    """The PCM written so far and the cues measured in it."""

    def __init__(self, engine: Engine, voice: str) -> None:
        self.engine, self.voice = engine, voice
        self.rate = 0
        self.written = 0  # samples
        self.cues: list[Cue] = []
        self.out: _Tee

    def add(self, audio: Audio, starts: Sequence[int], utts: Sequence[Utterance]) -> None:
        """Write ``audio`` trimmed; piece k of ``utts`` starts at sample ``starts[k]`` of it."""
        if self.rate == 0:
            self.rate = self.out.rate = audio.sample_rate
            self.written = _silence(self.out, LEAD_IN, self.rate)
        elif audio.sample_rate != self.rate:
            raise SynthesisError(f"sample rate changed from {self.rate} to {audio.sample_rate} Hz",
                                 self.engine.name)
        first, end = speech_bounds(audio.pcm, self.rate)
        if end <= first:
            raise SynthesisError(f"no speech in the audio for {utts[0].spoken[:60]!r}",
                                 self.engine.name)
        keep = int(KEEP_EDGE * self.rate)  # the engine's word start is the speech onset
        bounds = [*(b - keep for b in starts[1:]), end]
        for k, utt in enumerate(utts):
            lo, hi = max(first, starts[k] - keep), min(end, bounds[k])
            a, b = speech_bounds(audio.pcm, self.rate, lo, hi)
            if b <= a:
                raise SynthesisError(f"no speech in the audio for {utt.spoken[:60]!r}",
                                     self.engine.name)
            self.cues.append(Cue((self.written + a - first) / self.rate,
                                 (self.written + b - first) / self.rate, utt.text, utt.block,
                                 utt.chapter))
        self.out.write(audio.pcm[2 * first:2 * end])
        self.written += end - first

    def pause(self, seconds: float) -> None:
        self.written += _silence(self.out, seconds, self.rate)


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
    return Recording(pcm_path, FETCH_RATE, tuple(cues), duration, tuple(script))
