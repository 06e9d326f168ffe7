"""narrate's own engines, registered exactly the way a plugin registers its engines."""

from __future__ import annotations

from collections.abc import Callable

from narrate.speech.engines.base import Engine


def register_engines(register: Callable[[type[Engine]], None]) -> None:
    from narrate.speech.engines.piper_tts import PiperEngine
    from narrate.speech.engines.pyttsx3_espeak import Pyttsx3Engine

    register(Pyttsx3Engine)
    register(PiperEngine)
