"""The one small interface every TTS engine implements (built-in or plugin).

Like llm's ``Model``: a name, capability flags, an ``Options`` dataclass that rejects unknown
keys (a typo in a voice profile is an error, not a silent default), ``available()`` giving the
reason when the engine cannot run here, and one abstract method, ``synthesize``.
"""

from __future__ import annotations

import dataclasses
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from narrate.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Audio:
    """Mono signed 16-bit little-endian PCM for one utterance, and where its words start.

    ``marks`` are (seconds from the start of ``pcm``, text) pairs when the engine knows them.
    """

    pcm: bytes
    sample_rate: int
    marks: tuple[tuple[float, str], ...] = ()

    @property
    def seconds(self) -> float:
        return len(self.pcm) / 2 / self.sample_rate


@dataclass(frozen=True)
class Options:
    """Engine options from a voice profile's ``[options]`` table. Subclasses add fields."""

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None, source: str = "") -> Options:
        data = dict(data or {})
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - names)
        if unknown:
            allowed = ", ".join(sorted(names)) or "none"
            raise ConfigError(f"unknown option(s) {', '.join(unknown)} (allowed: {allowed})", source)
        try:
            return cls(**data)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"bad options: {exc}", source) from exc


class Engine(ABC):
    """A speech engine. One instance narrates one article, then ``close()`` is called."""

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""
    Options: ClassVar[type[Options]] = Options
    #: the engine can pick a voice from a BCP 47 language tag
    picks_voice_by_language: ClassVar[bool] = True

    def __init__(self, options: Options | None = None) -> None:
        self.options = options if options is not None else self.Options()

    @classmethod
    def available(cls) -> str | None:
        """None when the engine can run here, else the reason (with an install hint)."""
        return None

    def voices(self) -> list[str]:
        """Voice ids this engine accepts."""
        return []

    def voice_for_language(self, language: str) -> str:
        """The engine's voice id for a BCP 47 language tag ("" = the engine default)."""
        return ""

    @abstractmethod
    def synthesize(self, utterance: str, voice: str) -> Audio:
        """Speak one utterance; raise SynthesisError rather than return short or empty audio."""

    def synthesize_pieces(self, pieces: Sequence[str], voice: str) -> tuple[Audio, list[int]] | None:
        """Speak ``pieces`` (one sentence, split at clauses for the transcript) in one breath and
        give the sample where each piece's first word starts; None when the engine cannot tell
        (the pieces are then spoken one by one)."""
        return None

    def close(self) -> None:  # noqa: B027 - optional hook, most engines hold nothing
        """Release the engine's resources (models, native handles)."""


@dataclass(frozen=True)
class EngineInfo:
    """A registry row: the engine class and where it came from (built-in or a plugin)."""

    cls: type[Engine]
    origin: str = "narrate"
    extra: dict[str, Any] = field(default_factory=dict)
