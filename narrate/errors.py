"""One error hierarchy. Each error names its source and renders as one line (see cli/__init__)."""

from __future__ import annotations


class NarrateError(Exception):
    """Base error: ``str()`` is one line, ``source: reason``."""

    def __init__(self, reason: str, source: str = "") -> None:
        super().__init__(reason)
        self.reason = " ".join(str(reason).split())
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}" if self.source else self.reason


class SourceError(NarrateError):
    """The source could not be had: missing file, unreachable URL, too large, not text."""


class ReadError(NarrateError):
    """The source was had but holds no readable article."""


class EngineUnavailable(NarrateError):
    """A TTS engine or its voice is not installed here."""


class SynthesisError(NarrateError):
    """The engine ran but did not produce the audio it should have."""


class AudioError(NarrateError):
    """Encoding, loudness or tagging failed."""


class CatalogError(NarrateError):
    """The show folder or its catalog is missing or inconsistent."""


class ConfigError(NarrateError):
    """A show's narrate.toml or a voice profile is invalid."""
