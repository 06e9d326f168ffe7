"""The publisher's own narration, downloaded from the article's ``<audio src>``.

A source of audio, not a TTS engine: ``speak`` uses it for ``--audio fetch|auto`` instead of
synthesizing. It goes through narrate's one fetcher (``narrate.sources.fetch``) with a short
deadline, so a dead or slow link fails fast and ``--audio auto`` can fall back to generating.
"""

from __future__ import annotations

from pathlib import Path

from narrate.errors import SourceError
from narrate.sources import UNTYPED, fetch

MAX_BYTES = 200 * 1024 * 1024
DEADLINE = 10.0  # seconds for the whole download (the README's promise)
AUDIO_TYPES = ("audio/", *UNTYPED)  # ffmpeg judges the bytes


def fetch_audio(url: str, dest: Path, *, max_bytes: int = MAX_BYTES,
                deadline: float = DEADLINE) -> Path:
    """Download ``url`` to ``dest`` atomically; SourceError when it cannot be had."""
    got = fetch(url, accept=AUDIO_TYPES, max_bytes=max_bytes, deadline=deadline, to_path=dest)
    if dest.stat().st_size == 0:
        dest.unlink()
        raise SourceError("the publisher's audio is empty", got.url)
    return dest
