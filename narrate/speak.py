"""The one library call behind ``narrate speak``: an Article in, a tagged MP3 and sidecars out.

script (narrate.speech) -> render PCM + cues (narrate.audio.render) -> post-processors
(loudness, encode, cover, sidecars, tags, atomic publish). With ``audio="fetch"`` or
``"auto"`` the publisher's own narration replaces synthesis when the article links one.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from narrate.audio import pipeline
from narrate.audio.publisher import fetch_audio
from narrate.audio.render import Cue, Recording, render_fetched, render_speech
from narrate.errors import AudioError, ConfigError, SourceError
from narrate.fileio import TEMP_PREFIX
from narrate.model import Article
from narrate.speech.engines import get_engine
from narrate.speech.script import Utterance, build_script
from narrate.speech.voices import VoiceProfile, choose_profile, engine_voice

AUDIO_MODES = ("auto", "generate", "fetch")


@dataclass(frozen=True)
class SpeakResult:
    mp3: Path
    vtt: Path
    srt: Path
    chapters: Path
    duration: float  # seconds
    engine: str
    voice: str
    profile: str
    cues: int
    fetched: bool = False
    # every utterance's times and the script it came from: an EPUB's media overlays reuse them
    timeline: tuple[Cue, ...] = ()
    script: tuple[Utterance, ...] = ()


def speak(
    article: Article,
    out: Path,
    *,
    voice: str | None = None,
    audio: str = "auto",
    progress: Callable[[str], None] | None = None,
    options: pipeline.AudioOptions | None = None,
    podcast: str = "",
) -> SpeakResult:
    """Narrate ``article`` to ``out`` (MP3) with ``.vtt``, ``.srt``, ``.chapters.json`` beside it.

    ``podcast``: the show the episode belongs to (its name goes into the JSON chapters).
    """
    if audio not in AUDIO_MODES:
        raise ConfigError(f"--audio must be one of {', '.join(AUDIO_MODES)}, not {audio!r}",
                          article.source)
    if audio == "auto" and voice is not None:
        audio = "generate"  # naming a voice asks for that voice, not the publisher's recording
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    profile = choose_profile(voice, article.language)
    script = build_script(article, profile)
    steps = pipeline.build_postprocessors(options or pipeline.AudioOptions())
    with tempfile.TemporaryDirectory(prefix=TEMP_PREFIX) as tmp_name:
        tmp = Path(tmp_name)
        rec = _fetched(article, script, tmp, audio, progress)
        engine, voice_id, probe = "fetch", "publisher", ()
        if rec is None:
            with pipeline.listening(steps) as listener:
                rec, engine, voice_id = _synthesized(article, script, profile, tmp, progress,
                                                     listener.feed)
                probe = listener.probe()
        script = list(rec.script or script)  # the utterances heard: one per cue
        r = pipeline.Render(article=article, out=out, workdir=tmp, engine=engine, voice=voice_id,
                            podcast=podcast, pcm=rec.pcm, sample_rate=rec.sample_rate, cues=rec.cues,
                            duration=rec.duration, probe=probe)
        r = pipeline.run(r, steps, progress)
    paths = dict(zip(("vtt", "srt", "chapters"), (p for p, _ in pipeline.sidecar_paths(out, r)), strict=True))
    return SpeakResult(out, paths["vtt"], paths["srt"], paths["chapters"], r.duration, engine,
                       voice_id, profile.name, len(r.cues), fetched=engine == "fetch",
                       timeline=r.cues, script=tuple(script))


def _fetched(article: Article, script: list, tmp: Path, audio: str,
             progress: Callable[[str], None] | None) -> Recording | None:
    if audio == "generate":
        return None
    if not article.audio_url:
        if audio == "fetch":
            raise SourceError("the article links no publisher audio (<audio src>)",
                              article.source or article.title)
        return None
    try:
        if progress:
            progress("fetching the publisher's audio")
        media = fetch_audio(article.audio_url, tmp / "publisher.audio")
        return render_fetched(script, media, tmp / "publisher.pcm")
    except (SourceError, AudioError):
        if audio == "fetch":
            raise
        return None  # auto: generate instead


def _synthesized(article: Article, script: list, profile: VoiceProfile, tmp: Path,
                 progress: Callable[[str], None] | None,
                 tap: Callable[[bytes, int], None] | None) -> tuple[Recording, str, str]:
    cls = get_engine(profile.engine)
    engine = cls(cls.Options.from_dict(profile.options, str(profile.path or profile.name)))
    try:
        voice_id = engine_voice(profile, engine, article.language, article.source or article.title)
        rec = render_speech(script, engine, voice_id, tmp / "speech.pcm", progress, tap)
    finally:
        engine.close()
    return rec, cls.name, voice_id
