"""espeak-ng through pyttsx3's libespeak-ng bindings: the embedded default engine.

pyttsx3's own espeak driver synthesizes asynchronously: a callback thread, a run loop that
polls every 10 ms, one WAV file per utterance, and a first ``runAndWait()`` that can return
before the WAV exists. narrate keeps pyttsx3's ctypes bindings (``pyttsx3.drivers._espeak``)
but initialises libespeak-ng in synchronous mode: ``espeak_Synth`` returns when the utterance
is spoken and the PCM arrives through the synth callback in the calling thread, so there is
nothing to wait for, poll or read back (measured on a 1,000-word article: synthesis 1.2 s ->
0.35 s; raw ``espeak-ng -w`` takes 0.3 s). libespeak-ng is initialised once per process.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from narrate.errors import EngineUnavailable, SynthesisError
from narrate.speech import langmatch
from narrate.speech.engines import base

_LOCK = threading.Lock()  # libespeak-ng holds one synthesizer per process
_pcm = bytearray()  # the utterance being synthesized, filled by _collect
_words: list[tuple[int, int]] = []  # (character position from 1, sample) of each word started
_state: dict[str, Any] = {}  # "rate": sample rate once initialised, "callback": kept alive


@cache
def missing_espeak() -> str | None:
    """Why libespeak-ng cannot be used here (with the install hint), or None."""
    try:
        import pyttsx3  # noqa: F401
    except ImportError:
        return "pyttsx3 is not installed; pip install pyttsx3"
    try:
        from pyttsx3.drivers import _espeak  # noqa: F401  (loads libespeak-ng via ctypes)
    except (ImportError, OSError, RuntimeError):
        return ("espeak-ng is not installed (libespeak-ng not found): run scripts/setup.sh, or "
                "sudo apt-get install espeak-ng ffmpeg")
    return None


def _collect(wav: Any, count: int, events: Any) -> int:
    from pyttsx3.drivers import _espeak

    if count > 0 and wav:
        _pcm.extend(ctypes.string_at(wav, 2 * count))
    k = 0
    while events and events[k].type != _espeak.EVENT_LIST_TERMINATED:
        if events[k].type == _espeak.EVENT_WORD:
            _words.append((events[k].text_position, events[k].sample))
        k += 1
    return 0  # 0 = continue synthesizing


def _initialise() -> int:
    """libespeak-ng in synchronous mode (once per process); its sample rate."""
    if "rate" not in _state:
        from pyttsx3.drivers import _espeak

        rate = _espeak.Initialize(_espeak.AUDIO_OUTPUT_SYNCHRONOUS, 0)
        if rate <= 0:
            raise EngineUnavailable("libespeak-ng failed to initialise (espeak-ng-data missing?); "
                                    "sudo apt-get install espeak-ng", "pyttsx3")
        _espeak.SetSynthCallback(_collect)
        _state["rate"] = rate
    return int(_state["rate"])


def _espeak_offers() -> list[langmatch.Offer]:
    """Every voice's identifier and its (priority, language) list: a priority byte, then a
    NUL-terminated language, repeated, ending with a zero byte (espeak-ng's speak_lib.h)."""
    from pyttsx3.drivers import _espeak

    offset = _espeak.VOICE.languages.offset
    out: list[langmatch.Offer] = []
    for v in _espeak.ListVoices(None):
        ptr = ctypes.c_void_p.from_address(ctypes.addressof(v) + offset).value
        langs: list[tuple[int, str]] = []
        i = 0
        while ptr and ctypes.string_at(ptr + i, 1)[0]:
            priority = ctypes.string_at(ptr + i, 1)[0]
            tag = ctypes.string_at(ptr + i + 1)
            langs.append((priority, tag.decode("ascii", "replace")))
            i += 2 + len(tag)
        out.append((v.identifier.decode("utf-8", "replace"), langs))
    return out


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
        return missing_espeak()

    def __init__(self, options: base.Options | None = None) -> None:
        super().__init__(options)
        self._voice = ""
        self._voice_id = ""
        self._offer_cache: list[langmatch.Offer] | None = None

    # ------------------------------------------------------------ voices

    def _offers(self) -> list[langmatch.Offer]:
        """(voice identifier, [(priority, language)]) for every espeak-ng voice.

        pyttsx3 keeps only a voice's first language; espeak-ng declares several, with
        priorities (its Mandarin voice also answers to ``zh``, Bokmål to ``no``), so the
        whole list is read from libespeak-ng's VOICE structs.
        """
        if self._offer_cache is None:
            with _LOCK:  # the process's libespeak-ng lists its voices once (a batch makes an
                _initialise()  # engine per article)
                if "offers" not in _state:
                    _state["offers"] = _espeak_offers()
                self._offer_cache = _state["offers"]
        return self._offer_cache

    def voices(self) -> list[str]:
        return sorted(vid for vid, _langs in self._offers())

    def voice_for_language(self, language: str) -> str:
        """espeak-ng's voice for ``language``; EngineUnavailable when none speaks it."""
        found = langmatch.best_match(language or "en", self._offers())
        if found is None:
            raise EngineUnavailable(
                f"espeak-ng has no voice for the language {language!r}; pass --voice with a "
                "profile that speaks it (see `narrate voices`)", self.name)
        return found

    # ------------------------------------------------------------ synthesis

    def synthesize(self, utterance: str, voice: str) -> base.Audio:
        return self._speak(utterance, voice)[0]

    def synthesize_pieces(self, pieces: Sequence[str], voice: str) -> tuple[base.Audio, list[int]] | None:
        """The pieces joined by spaces and spoken at once; each starts at the sample espeak-ng
        reports for the first word at or after the piece's first character."""
        text = " ".join(pieces)
        offsets, at = [], 0
        for piece in pieces:
            offsets.append(at + 1)  # espeak-ng counts characters from 1
            at += len(piece) + 1
        audio, words = self._speak(text, voice)
        starts = []
        for offset in offsets:
            sample = next((smp for pos, smp in words if pos >= offset), None)
            if sample is None:
                return None
            starts.append(0 if not starts else sample)
        return audio, starts

    def _speak(self, utterance: str, voice: str) -> tuple[base.Audio, list[tuple[int, int]]]:
        from pyttsx3.drivers import _espeak

        if voice != self._voice or not self._voice_id:
            ids = {vid for vid, _langs in self._offers()}
            # a profile may pin a voice by identifier ("roa/fr") or by language ("fr-fr")
            self._voice_id = voice if voice in ids else self.voice_for_language(voice or "en")
            self._voice = voice
        opts = self.options
        assert isinstance(opts, Pyttsx3Engine.Options)
        settings = (self._voice_id, int(opts.rate), int(opts.pitch), int(round(opts.volume * 100)))
        with _LOCK:
            rate = _initialise()
            if _state.get("settings") != settings:  # the settings are the process's, not ours
                if _espeak.SetVoiceByName(self._voice_id.encode()) != _espeak.EE_OK:
                    raise EngineUnavailable(f"espeak-ng cannot load the voice {self._voice_id!r}",
                                            self.name)
                _espeak.SetParameter(_espeak.RATE, settings[1], 0)
                _espeak.SetParameter(_espeak.PITCH, settings[2], 0)
                _espeak.SetParameter(_espeak.VOLUME, settings[3], 0)
                _state["settings"] = settings
            _pcm.clear()
            _words.clear()
            code = _espeak.Synth(utterance, flags=_espeak.CHARS_UTF8)
            pcm = bytes(_pcm)
            words = list(_words)
            _pcm.clear()
        if code != _espeak.EE_OK:
            raise SynthesisError(f"espeak-ng failed ({code}) on {utterance[:60]!r}", self.name)
        if not pcm:
            raise SynthesisError(f"espeak-ng made no audio for {utterance[:60]!r}", self.name)
        return base.Audio(pcm, rate), words
