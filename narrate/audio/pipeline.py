"""The audio back half as an explicit, typed chain of post-processors (after yt-dlp's).

``render`` (narrate/audio/render.py) makes the PCM and the cues; then every step in
``POSTPROCESSORS`` takes a ``Render`` and returns a new one. Each step declares the fields it
needs and provides; ``check_order`` (and a test) proves the declared order satisfies them.
Step options are constructor arguments, built in one place: ``build_postprocessors``.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from narrate.audio import cover as cover_mod
from narrate.audio import loudness, sidecars, tags
from narrate.audio.meter import Meter
from narrate.audio.render import Cue
from narrate.fileio import write_atomic
from narrate.model import Article


@dataclass(frozen=True)
class Render:
    """Everything known about one narration, filled in step by step."""

    article: Article
    out: Path  # the MP3 to publish; sidecars go beside it
    workdir: Path  # scratch space (same filesystem as ``out`` is not required)
    engine: str = ""
    voice: str = ""
    podcast: str = ""  # the show this episode belongs to ("" = narrated outside a show)
    pcm: Path | None = None
    sample_rate: int = 0
    cues: tuple[Cue, ...] = ()
    duration: float = 0.0
    probe: tuple[tuple[float, float], ...] = ()  # (gain dB, LUFS) measured while rendering
    gain_db: float | None = None
    mp3: Path | None = None  # encoded, beside ``out`` under a temporary name
    cover: cover_mod.Cover | None = None
    chapters: tuple[sidecars.Chapter, ...] = ()
    vtt: str = ""
    srt: str = ""
    chapters_json: str = ""
    tagged: bool = False
    written: tuple[Path, ...] = field(default=())

    def evolve(self, **changes: object) -> Render:
        return dataclasses.replace(self, **changes)


# fields the render step fills before the post-processors run
RENDER_PROVIDES = ("article", "out", "workdir", "engine", "voice", "podcast", "pcm", "sample_rate",
                   "cues", "duration", "probe")


class PostProcessor:
    needs: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ()
    label: ClassVar[str] = ""

    def run(self, r: Render) -> Render:
        raise NotImplementedError


class MeasureLoudness(PostProcessor):
    """Find the gain that puts the limited audio at the target loudness."""

    needs = ("pcm", "sample_rate", "probe")
    provides = ("gain_db",)
    label = "measuring loudness"

    def __init__(self, settings: loudness.EncodeSettings) -> None:
        self.settings = settings

    def meter(self) -> Meter:
        """The meter that probes this step's chain while the PCM is still being made."""
        return Meter(loudness.PROBE_GAINS, self.settings.ceiling_dbfs)

    def run(self, r: Render) -> Render:
        assert r.pcm is not None
        return r.evolve(gain_db=loudness.plan_gain(r.pcm, r.sample_rate, self.settings, r.probe))


class EncodeMp3(PostProcessor):
    needs = ("pcm", "sample_rate", "gain_db", "out")
    provides = ("mp3",)
    label = "encoding MP3"

    def __init__(self, settings: loudness.EncodeSettings) -> None:
        self.settings = settings

    def run(self, r: Render) -> Render:
        assert r.pcm is not None and r.gain_db is not None
        tmp = r.out.with_name(f".{r.out.name}.{os.getpid()}.part")
        done = False
        try:
            made = r.evolve(mp3=loudness.encode(r.pcm, r.sample_rate, r.gain_db, tmp, self.settings))
            done = True
            return made
        finally:  # disk full, ffmpeg failed, Ctrl-C: never leave the .part behind
            if not done:
                tmp.unlink(missing_ok=True)


class FindCover(PostProcessor):
    needs = ("article",)
    provides = ("cover",)
    label = "cover art"

    def run(self, r: Render) -> Render:
        return r.evolve(cover=cover_mod.cover_for(r.article))


class MakeSidecars(PostProcessor):
    """VTT, SRT and JSON chapters from the cues (never from the audio). ``podcastName`` is the
    show's name, and left out when the article is narrated outside a show (its site is not a
    podcast)."""

    needs = ("cues", "duration", "article", "podcast")
    provides = ("chapters", "vtt", "srt", "chapters_json")
    label = "transcripts and chapters"

    def run(self, r: Render) -> Render:
        chs = tuple(sidecars.chapters(r.cues, r.duration))
        a = r.article
        return r.evolve(
            chapters=chs, vtt=sidecars.vtt(r.cues), srt=sidecars.srt(r.cues),
            chapters_json=sidecars.chapters_json(chs, title=a.title, author=", ".join(a.authors),
                                                 podcast=r.podcast),
        )


class WriteTags(PostProcessor):
    needs = ("mp3", "article", "cues", "chapters", "cover", "engine", "voice")
    provides = ("tagged",)
    label = "tagging"

    def run(self, r: Render) -> Render:
        assert r.mp3 is not None
        tags.write_tags(r.mp3, tag_values(r))
        return r.evolve(tagged=True)


class Publish(PostProcessor):
    """Move the MP3 and write the sidecars into place, each atomically (temp + os.replace)."""

    needs = ("mp3", "tagged", "vtt", "srt", "chapters_json", "out")
    provides = ("written",)
    label = "writing files"

    def run(self, r: Render) -> Render:
        assert r.mp3 is not None
        written = []
        for path, text in sidecar_paths(r.out, r):
            write_atomic(path, text)
            written.append(path)
        os.replace(r.mp3, r.out)
        return r.evolve(written=(r.out, *written))


def sidecar_paths(out: Path, r: Render) -> list[tuple[Path, str]]:
    return [(out.with_suffix(".vtt"), r.vtt), (out.with_suffix(".srt"), r.srt),
            (out.with_name(out.stem + ".chapters.json"), r.chapters_json)]


def tag_values(r: Render) -> tags.TagValues:
    a = r.article
    lang = tags.iso639_2(a.language or "en")
    comment = a.description or a.subtitle
    credit = f"Narrated by narrate ({r.engine}, voice {r.voice or 'default'})."
    return tags.TagValues(
        title=a.title or "Untitled",
        artist=", ".join(a.authors) or a.site_name or "Unknown author",
        album=a.site_name or "narrate",
        date=a.published[:19].replace(" ", "T") if a.published else "",
        language=lang,
        source_url=a.url if a.url.lower().startswith(("http://", "https://")) else "",
        comment=f"{comment} {credit}".strip() if comment else credit,
        transcript=sidecars.transcript(r.cues),
        cover=r.cover.data if r.cover else b"",
        cover_mime=r.cover.mime if r.cover else "image/jpeg",
        chapters=tuple(tags.ChapterMark(c.start, c.end, c.title) for c in r.chapters),
    )


@dataclass(frozen=True)
class AudioOptions:
    bitrate: str = "64k"
    sample_rate: int = 44100
    target_lufs: float = loudness.TARGET_LUFS
    ceiling_dbfs: float = loudness.CEILING_DBFS
    cover: bool = True


def build_postprocessors(opts: AudioOptions = AudioOptions()) -> tuple[PostProcessor, ...]:
    """The one adapter from user options to configured steps, in order."""
    enc = loudness.EncodeSettings(opts.bitrate, opts.sample_rate, opts.target_lufs, opts.ceiling_dbfs)
    return (MeasureLoudness(enc), EncodeMp3(enc), FindCover(), MakeSidecars(), WriteTags(),
            Publish())


POSTPROCESSORS: tuple[PostProcessor, ...] = build_postprocessors()


class Listener:
    """What the render step feeds with every PCM chunk it writes (``listener.feed``), and the
    loudness probe it measured (``probe()``) for ``Render.probe``."""

    def __init__(self, meter: Meter | None) -> None:
        self._meter = meter

    def feed(self, pcm: bytes, rate: int) -> None:
        if self._meter is not None:
            self._meter.feed(pcm, rate)

    def probe(self) -> tuple[tuple[float, float], ...]:
        return self._meter.finish() if self._meter is not None else ()


@contextmanager
def listening(steps: Sequence[PostProcessor]) -> Iterator[Listener]:
    """A ``Listener`` for the render step, measuring what the chain's loudness step will need
    (nothing when there is none)."""
    step = next((s for s in steps if isinstance(s, MeasureLoudness)), None)
    meter = step.meter() if step is not None else None
    try:
        yield Listener(meter)
    finally:
        if meter is not None:
            meter.close()


def check_order(steps: Sequence[PostProcessor], have: Sequence[str] = RENDER_PROVIDES) -> None:
    """ValueError naming the first step whose needs are not provided by the steps before it."""
    available = set(have)
    for step in steps:
        missing = [n for n in step.needs if n not in available]
        if missing:
            raise ValueError(f"{type(step).__name__} needs {missing} before it")
        available.update(step.provides)


def run(r: Render, steps: Sequence[PostProcessor] = POSTPROCESSORS,
        progress: Callable[[str], None] | None = None) -> Render:
    check_order(steps)
    try:
        for step in steps:
            if progress:
                progress(step.label)
            r = step.run(r)
    finally:
        if r.mp3 is not None and r.mp3.exists() and r.mp3 != r.out:
            r.mp3.unlink()
    return r
