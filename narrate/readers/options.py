"""Options every reader accepts (one small frozen dataclass, like a writer's WriteOptions)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """``detect_language``: guess the language from the text when nothing declares it.
    ``extract``: run main-content extraction on whole HTML pages (off = keep every block)."""

    detect_language: bool = True
    extract: bool = True
