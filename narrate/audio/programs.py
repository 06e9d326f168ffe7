"""The external programs narration needs, checked up front with how to install them.

Every narration runs ffmpeg (metering, encoding, decoding publisher audio); the default voice
needs libespeak-ng (from the espeak-ng package). A missing one is one line naming it and the
install command, from ``narrate voices`` and before ``narrate speak`` starts, rather than a
traceback from deep inside a subprocess call.
"""

from __future__ import annotations

import shutil

from narrate.errors import EngineUnavailable

INSTALL = "sudo apt-get install espeak-ng ffmpeg"


def missing_ffmpeg() -> str | None:
    """Why ffmpeg cannot run here (with the install hint), or None."""
    if shutil.which("ffmpeg") is None:
        return f"ffmpeg is not installed (it encodes every narration); {INSTALL}"
    return None


def require_ffmpeg(source: str = "") -> None:
    """EngineUnavailable naming ffmpeg and how to install it, when it is missing."""
    reason = missing_ffmpeg()
    if reason:
        raise EngineUnavailable(reason, source or "ffmpeg")


def program_rows() -> list[tuple[str, str]]:
    """(program, "ok" or what is wrong and how to fix it) for ``narrate voices``."""
    from narrate.speech.engines.pyttsx3_espeak import missing_espeak

    return [("ffmpeg", missing_ffmpeg() or "ok"), ("espeak-ng", missing_espeak() or "ok")]
