"""pyttsx3 driving espeak-ng (libespeak-ng through ctypes): the embedded default engine.

pyttsx3 2.99's espeak driver synthesizes asynchronously: on the first call ``runAndWait()`` can
return before the WAV exists (measured: long first texts come back with no file). So each
utterance is written to its own WAV, we wait for pyttsx3's ``finished-utterance`` notification,
and then check the file exists and holds audio, raising SynthesisError otherwise. One pyttsx3
engine serves a whole article (espeak-ng cannot be initialised twice in a process anyway).
"""

from __future__ import annotations

import contextlib
import io
import shutil
import threading
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from narrate.errors import EngineUnavailable, SynthesisError
from narrate.fileio import make_temp_dir
from narrate.speech.engines import base

# seconds of synthesis allowed per character before we give up on espeak-ng (plus a floor)
_TIMEOUT_PER_CHAR = 0.05
_TIMEOUT_FLOOR = 20.0
_ATTEMPTS = 3  # a synthesis the driver cancelled itself is retried this many times


class _QuickPoll:
    """Stands in for the ``time`` module inside pyttsx3's espeak driver, whose run loop polls
    every 10 ms: one poll per utterance cost ~0.4 s per 80 sentences (measured: synthesis of
    a 900-word article 0.86 s -> 0.42 s; raw ``espeak-ng -w`` takes 0.3 s)."""

    @staticmethod
    def sleep(seconds: float) -> None:
        time.sleep(min(seconds, 0.001))

    def __getattr__(self, name: str) -> Any:
        return getattr(time, name)


@cache
def _probe() -> str | None:
    try:
        import pyttsx3  # noqa: F401
        from pyttsx3.drivers import _espeak  # noqa: F401  (loads libespeak-ng via ctypes)
    except (ImportError, OSError) as exc:
        return f"pyttsx3 or libespeak-ng missing ({exc}); pip install pyttsx3, apt-get install espeak-ng"
    return None


class Pyttsx3Engine(base.Engine):
    name = "pyttsx3"
    description = "espeak-ng through pyttsx3 (embedded, many languages)"

    @dataclass(frozen=True)
    class Options(base.Options):
        rate: int = 175  # words per minute
        pitch: int = 50  # 0-99
        volume: float = 1.0  # 0-1

    @classmethod
    def available(cls) -> str | None:
        return _probe()

    def __init__(self, options: base.Options | None = None) -> None:
        super().__init__(options)
        self._tts: Any = None
        self._done = threading.Event()
        self._voice = ""
        self._dir = make_temp_dir("espeak")  # removed by a later run if this one is killed
        self._count = 0
        self._expect = ""
        self._token: Any = None
        self._completed = False

    # ------------------------------------------------------------ voices

    def _languages(self) -> dict[str, str]:
        """espeak-ng language code (lower case) -> voice identifier."""
        out: dict[str, str] = {}
        for v in self._engine().getProperty("voices"):
            for lang in v.languages or ():
                out.setdefault(str(lang).lower(), v.id)
        return out

    def voices(self) -> list[str]:
        return sorted(self._languages())

    def voice_for_language(self, language: str) -> str:
        tag = (language or "en").lower().replace("_", "-")
        langs = self._languages()
        if tag in ("en", "en-us"):
            return "en-us"
        for candidate in (tag, tag.split("-")[0]):
            if candidate in langs:
                return candidate
        return "en-us"

    # ------------------------------------------------------------ synthesis

    def _engine(self) -> Any:
        if self._tts is None:
            import pyttsx3
            from pyttsx3.drivers import espeak as driver

            driver.time = _QuickPoll()  # type: ignore[assignment]
            tts = pyttsx3.init("espeak")
            self._token = tts.connect("finished-utterance", self._finished)
            opts = self.options
            assert isinstance(opts, Pyttsx3Engine.Options)
            tts.setProperty("rate", opts.rate)
            tts.setProperty("volume", opts.volume)
            tts.setProperty("pitch", opts.pitch)
            self._tts = tts
        return self._tts

    def _finished(self, name: Any = None, completed: bool = True) -> None:
        # pyttsx3 names the notification after the last queued command, which on the first
        # run is its own endLoop (None), so an unnamed notification counts too
        if name in (self._expect, None):
            self._completed = bool(completed)
            self._done.set()

    def synthesize(self, utterance: str, voice: str) -> base.Audio:
        from pydub import AudioSegment

        tts = self._engine()
        if voice and voice != self._voice:
            if voice.lower() not in self._languages() and voice not in {
                v.id for v in tts.getProperty("voices")
            }:
                raise EngineUnavailable(f"espeak-ng has no voice {voice!r}", self.name)
            tts.setProperty("voice", voice)
            self._voice = voice
        for _attempt in range(_ATTEMPTS):
            wav, completed = self._run(tts, utterance)
            if completed and wav.exists() and wav.stat().st_size > 44:
                break
        else:
            raise SynthesisError(f"espeak-ng wrote no audio for {utterance[:60]!r} "
                                 f"({_ATTEMPTS} attempts)", self.name)
        seg = AudioSegment.from_wav(str(wav)).set_channels(1).set_sample_width(2)
        if len(seg.raw_data) == 0:
            raise SynthesisError(f"espeak-ng wrote an empty WAV for {utterance[:60]!r}", self.name)
        return base.Audio(seg.raw_data, seg.frame_rate)

    def _run(self, tts: Any, utterance: str) -> tuple[Path, bool]:
        """One save_to_file + runAndWait, waiting for *this* utterance's finished notification.

        The driver may cancel a synthesis it has just started (its endLoop() calls stop() while
        espeak-ng still reports playing) and then notifies ``completed=False``; the caller
        retries then. Each utterance gets its own name so a late notification is not mistaken
        for the current one.
        """
        self._count += 1
        wav = self._dir / f"u{self._count % 2}.wav"
        with contextlib.suppress(FileNotFoundError):
            wav.unlink()
        self._expect = f"narrate-{id(self)}-{self._count}"
        self._completed = False
        self._done.clear()
        timeout = _TIMEOUT_FLOOR + _TIMEOUT_PER_CHAR * len(utterance)
        # the driver print()s "Audio saved to ..." from its callback thread; keep stdout clean
        with contextlib.redirect_stdout(io.StringIO()):
            tts.save_to_file(utterance, str(wav), self._expect)
            tts.runAndWait()
            finished = self._done.wait(timeout)
        if not finished:
            raise SynthesisError(f"espeak-ng did not finish within {timeout:.0f} s: {utterance[:60]!r}",
                                 self.name)
        return wav, self._completed

    def close(self) -> None:
        shutil.rmtree(self._dir, ignore_errors=True)
        # the pyttsx3 engine itself stays (espeak-ng is initialised once per process and
        # pyttsx3.init() hands the same engine to the next article); only our callback goes
        if self._tts is not None and self._token is not None:
            self._tts.disconnect(self._token)
            self._token = None
